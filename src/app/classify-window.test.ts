import { describe, expect, it } from 'vitest';
import { CLASSIFY_WINDOW_CHARS } from '../domain/limits.js';
import { classifyJsonlLine } from './classify.js';
import { labelEvent } from './labels.js';

/** The import path (labelEvent) and `huxun classify` (classifyJsonlLine) read the same bounded window. */
describe('a 300k-character message', () => {
  const text = ('你再不还钱就爆你通讯录，上门找你家人！' + '今天天气不错。'.repeat(100)).padEnd(300_000, '老赖还钱！');

  it('is labelled on the bounded window when imported', () => {
    const r = labelEvent({ kind: 'sms', direction: 'in', text } as Parameters<typeof labelEvent>[0]);
    expect(r.labels).toContain('collection');
    for (const spans of Object.values(r.spans)) for (const [, e] of spans!) expect(e).toBeLessThanOrEqual(CLASSIFY_WINDOW_CHARS);
  });

  it('is labelled on the bounded window by huxun classify', () => {
    const r = classifyJsonlLine(JSON.stringify({ id: 'a', text, to: 'debtor' }), 1, 'in.jsonl');
    if (!('result' in r)) throw new Error(r.error);
    expect(r.result.labels).toContain('collection');
    for (const spans of Object.values(r.result.spans)) for (const [, e] of spans) expect(e).toBeLessThanOrEqual(CLASSIFY_WINDOW_CHARS);
  });
});
