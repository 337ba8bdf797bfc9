import { describe, expect, it } from 'vitest';
import { loanReport } from '../../src/app/loans.js';
import { loanFromSimpleTerms } from '../../src/domain/loans/simple.js';
import { owedForLoan } from '../../src/domain/plan/owed.js';

describe('what is owed, twice (real law data)', () => {
  // 10 000 contract, 9 000 received, 12 × 1 000 yuan: the true rate is far above 24 %.
  const loan = loanFromSimpleTerms({ lenderName: '速借花', lenderType: 'platform', contractDate: '2024-03-01', principalFen: 1_000_000, receivedFen: 900_000, periods: 12, installmentFen: 100_000 });
  const report = loanReport(loan);
  it('supportable = the schedule re-priced at the 24 % line on the 9 000 received; the rest is disputable', () => {
    const o = owedForLoan(loan, report, null);
    const line24 = report.lines.find((l) => l.lineId === '24')!;
    // Re-priced: the 等额本息 annuity of 900 000 fen at 2 % a month for 12 months = round(900 000 × 0.02 / (1 − 1.02^−12)) = 85 104 fen a month.
    expect(line24.repriced!.payments[0]!.repricedFen).toBe(85_104);
    expect(o.claimed_source).toBe('schedule');
    expect(o.claimed_fen).toBe(1_200_000);
    expect(o.supportable_fen).toBe(line24.repriced!.repricedTotalFen);
    expect(o.disputable_fen).toBe(1_200_000 - o.supportable_fen);
    expect(o.line).toMatchObject({ id: '24', rate: 0.24, over: true });
    expect(o.line!.citationIds.length).toBeGreaterThan(0);
  });
  it('an entered demand with penalties: supportable stays at the line, the penalties are disputable', () => {
    const o = owedForLoan(loan, report, { amountFen: 1_500_000, date: '2025-06-01' });
    expect(o.claimed_fen).toBe(1_500_000);
    expect(o.supportable_fen).toBe(report.lines.find((l) => l.lineId === '24')!.repriced!.repricedTotalFen);
  });
  it('payments reduce both', () => {
    const paid = { ...loan, payments: [{ date: '2024-04-01', amountFen: 100_000 }] };
    const o = owedForLoan(paid, loanReport(paid), null);
    expect(o.claimed_fen).toBe(1_100_000);
    expect(o.paid_fen).toBe(100_000);
    expect(o.supportable_fen).toBe(report.lines.find((l) => l.lineId === '24')!.repriced!.repricedTotalFen - 100_000);
  });
  it('a lender no line applies to: the plan uses the claim and says why', () => {
    const other = { ...loan, lenderType: 'other' as const };
    const o = owedForLoan(other, loanReport(other), null);
    if (o.line === null) {
      expect(o.supportable_fen).toBe(o.claimed_fen);
      expect(o.no_line_reason?.zh).toBeTruthy();
    }
  });
});
