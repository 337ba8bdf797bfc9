import { describe, expect, it } from 'vitest';
import { Flags, parseArgs, UsageError } from './args.js';

describe('parseArgs', () => {
  it('accepts global options before and after the subcommand', () => {
    const a = parseArgs(['--data', '/d', 'loan', 'list', '--json']);
    expect(a.positionals).toEqual(['loan', 'list']);
    expect(a.flags.get('data')).toEqual(['/d']);
    expect(a.flags.get('json')).toEqual(['true']);
    const b = parseArgs(['loan', '--json', 'show', '3', '--data=/x']);
    expect(b.positionals).toEqual(['loan', 'show', '3']);
    expect(b.flags.get('data')).toEqual(['/x']);
  });
  it('rejects a value option without its value', () => {
    expect(() => parseArgs(['events', '--from'])).toThrow(UsageError);
  });
  it('rejects unknown options and non-numeric integers', () => {
    const f = new Flags(parseArgs(['events', '--limt', '3']));
    expect(() => f.assertNoUnknown(['limit'])).toThrow(/unknown option --limt/);
    const g = new Flags(parseArgs(['events', '--limit', 'x']));
    expect(() => g.int('limit')).toThrow(/whole number/);
  });
});
