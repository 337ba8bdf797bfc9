import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseYuan, yuanToFen } from '../../src/domain/money.js';
import { simpleTermsSchedule } from '../../src/domain/loans/simple.js';
import { buildLoan, emptyForm } from '../../web/src/pages/loanForm.js';
import { loanFromSimpleTerms } from '../../src/app/loans.js';

describe('one money parser', () => {
  it('parses what people type, exactly', () => {
    expect(parseYuan('19.99')).toBe(1999);
    expect(parseYuan('１２３.４')).toBe(12_340);
    expect(parseYuan('¥1,234.5元')).toBe(123_450);
    expect(parseYuan('-5')).toBeNull();
    expect(parseYuan('-5', { negative: true })).toBe(-500);
    expect(parseYuan('1.234')).toBeNull();
    expect(yuanToFen('10000')).toBe(1_000_000);
    expect(() => yuanToFen('1e3')).toThrow(RangeError);
  });
  it('the CLI and the web parse every amount the same way', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (fen) => {
        const s = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
        expect(parseYuan(s)).toBe(fen);
        expect(yuanToFen(s)).toBe(fen);
      }),
    );
  });
});

describe('simple terms: one schedule for the CLI and the web', () => {
  it('worked example: 10 000 yuan, 12 × 1 000 yuan', () => {
    // share = round(1 000 000 / 12) = round(83 333.33) = 83 333 fen; 11 × 83 333 = 916 663; the last takes 1 000 000 − 916 663 = 83 337.
    const s = simpleTermsSchedule({ principalFen: 1_000_000, periods: 12, installmentFen: 100_000, contractDate: '2024-01-31' });
    expect(s[0]).toEqual({ period: 1, dueDate: '2024-02-29', principalFen: 83_333, interestFen: 16_667, feeFen: 0, totalFen: 100_000 });
    expect(s[11]!.principalFen).toBe(83_337);
    expect(s.reduce((a, i) => a + i.principalFen, 0)).toBe(1_000_000);
  });
  it('the same terms typed in the CLI and in the web form give the same schedule', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 300 }), (P, n, markup) => {
        const pay = Math.ceil((P * (100 + markup)) / 100 / n);
        const cli = loanFromSimpleTerms({ lenderName: 'x', lenderType: 'platform', contractDate: '2024-03-31', principalFen: P, receivedFen: P, periods: n, installmentFen: pay }) as { schedule: unknown };
        const f = { ...emptyForm(), lenderName: 'x', contractDate: '2024-03-31', principal: String(P / 100), received: String(P / 100), periods: String(n), payment: (pay / 100).toFixed(2) };
        const web = buildLoan(f);
        expect(web.schedule).toEqual(cli.schedule);
      }),
      { numRuns: 200 },
    );
  });
});
