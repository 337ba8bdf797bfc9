import { describe, expect, it } from 'vitest';
import { caseOf, line, loan } from '../testkit.js';
import { overLegalLineRule } from './index.js';

describe('cn.over-legal-line', () => {
  it('one finding per loan and line crossed, with the excess in yuan', () => {
    const c = caseOf({
      loans: [loan(1, 'private'), loan(2, 'microloan')],
      loanLines: [line(1, 'lpr4', true, 123_456_78), line(1, '36', true, 5), line(1, '24', false, 0), line(2, 'lpr4', true, 99, { applies: false })],
    });
    const fs = overLegalLineRule.evaluate(c);
    expect(fs.map((f) => [f.details!.loanId, f.details!.lineId, f.details!.excessYuan])).toEqual([
      [1, '36', '0.05'],
      [1, 'lpr4', '123456.78'],
    ]);
    const lpr = fs[1]!;
    expect(lpr.summary.zh).toContain('123,456.78 元');
    expect(lpr.citationIds).toEqual(['private-lending-2020.art25']);
    expect(lpr.eventIds).toEqual([]);
    expect(lpr.from).toBeNull();
    expect(lpr.tier).toBe('judicial_interpretation');
    expect(lpr.channels).toContain('court');
  });

  it('a line whose basis is unverified is low severity and says it is not a statutory cap', () => {
    const [f] = overLegalLineRule.evaluate(caseOf({ loans: [loan(1, 'consumer_finance')], loanLines: [line(1, '24', true, 10_000, { verified: 'unverified' })] }));
    expect(f!.severity).toBe('low');
    expect(f!.summary.zh).toContain('不是法定利率上限');
    expect(f!.summary.en).toContain('not a statutory cap');
  });

  it('the 24% line (SECONDARY since 2026-12) is medium, not a cap, and says courts reduce on request', () => {
    const [f] = overLegalLineRule.evaluate(caseOf({ loans: [loan(1, 'consumer_finance')], loanLines: [line(1, '24', true, 10_000)] }));
    expect(f!.severity).toBe('medium');
    expect(f!.summary.zh).toContain('不是法定利率上限');
    expect(f!.summary.en).toMatch(/courts generally reduce/);
  });

  it('nothing when no line is crossed', () => {
    expect(overLegalLineRule.evaluate(caseOf({ loanLines: [line(1, 'lpr4', false)] }))).toEqual([]);
  });
});
