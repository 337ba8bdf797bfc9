/**
 * Loan mathematics against the real law data (src/law): the legal lines and the LPR table.
 * The worked example: 合同借款10000元, 到手9000元, 12期每期还1000元 (monthly), contract date 2024-01-15.
 */
import { describe, expect, it } from 'vitest';
import type { LenderType } from '../src/domain/law.js';
import { checkLegalLines, dueDate, type Installment, type LegalLineLoan } from '../src/domain/loans/index.js';
import { roundFen } from '../src/domain/money.js';
import { hasCitation, LEGAL_LINES, lprOn } from '../src/law/index.js';

function workedLoan(lenderType: LenderType, contractDate = '2024-01-15'): LegalLineLoan {
  const schedule: Installment[] = Array.from({ length: 12 }, (_, k) => ({
    period: k + 1,
    dueDate: dueDate(contractDate, 'month', k + 1),
    principalFen: k < 11 ? 83_333 : 83_337,
    interestFen: k < 11 ? 16_667 : 16_663,
    feeFen: 0,
    totalFen: 100_000,
  }));
  return { lenderType, contractDate, receivedFen: 900_000, fees: [], period: 'month', schedule, payments: [] };
}

const annuityTotal = (principal: number, annual: number, n: number) => {
  const r = annual / 12;
  return n * roundFen((principal * r) / (1 - Math.pow(1 + r, -n)));
};

describe('the worked example against src/law', () => {
  it('every line is reported with its citations, and every citation exists', () => {
    const report = checkLegalLines(workedLoan('microloan'), LEGAL_LINES, lprOn);
    expect(report.lines.map((l) => l.lineId)).toEqual(LEGAL_LINES.map((l) => l.id));
    for (const [i, line] of LEGAL_LINES.entries()) {
      const check = report.lines[i]!;
      expect(check.citationIds).toEqual(line.citationIds);
      expect(check.tier).toBe(line.tier ?? null);
      for (const id of check.citationIds) expect(hasCitation(id), id).toBe(true);
    }
    expect(report.rates!.nominal.value).toBeCloseTo(0.567547912586, 11);
  });

  it('each line: its rate, whether it binds the lender type, and the excess in fen', () => {
    const lpr = lprOn('2024-01-15').oneYear;
    for (const lenderType of ['microloan', 'private', 'bank'] as LenderType[]) {
      const report = checkLegalLines(workedLoan(lenderType), LEGAL_LINES, lprOn);
      for (const check of report.lines) {
        const line = LEGAL_LINES.find((l) => l.id === check.lineId)!;
        expect(check.applies).toBe(line.appliesTo.includes(lenderType));
        expect(check.notApplicableReason).toEqual(check.applies ? null : line.notApplicableReason);
        const lineRate = line.rate === 'lpr4' ? 4 * lpr : line.rate;
        expect(check.lineRate).toBeCloseTo(lineRate, 15);
        expect(check.over).toBe(true); // 56.75 % is over every line
        // Re-priced: the 等额本息 annuity of the 9 000 received at the line rate.
        expect(check.excessFen).toBe(1_200_000 - annuityTotal(900_000, lineRate, 12));
      }
    }
    const byId = Object.fromEntries(checkLegalLines(workedLoan('private'), LEGAL_LINES, lprOn).lines.map((l) => [l.lineId, l]));
    // By hand: 12 000 paid; at 24 % on 9 000 the annuity is 851.04 (12 × = 10 212.48), at 36 % 904.16, at 4 × 3.45 % 807.24.
    expect(lpr).toBe(0.0345); // the quote of 2023-08-21, in force on 2024-01-15
    expect(byId['24']!.excessFen).toBe(178_752);
    expect(byId['36']!.excessFen).toBe(115_008);
    expect(byId['lpr4']!.excessFen).toBe(231_312);
  });

  it('a contract before the LPR existed: the 4 × LPR line has no rate, and says why', () => {
    const report = checkLegalLines(workedLoan('private', '2019-03-01'), LEGAL_LINES, lprOn);
    const lpr4 = report.lines.find((l) => l.lineId === 'lpr4');
    expect(lpr4).toBeDefined();
    expect(lpr4).toMatchObject({ lineRate: null, over: null, excessFen: null });
    expect(lpr4!.problem).toMatch(/LPR/);
    // The fixed lines still work.
    expect(report.lines.filter((l) => l.rateBasis === 'fixed').every((l) => l.excessFen! > 0)).toBe(true);
  });
});
