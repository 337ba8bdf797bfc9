import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loanCashFlows, paymentCashFlows, realPrincipalFen, totalPayableFen } from './cashflows.js';
import { ratesOf } from './irr.js';
import { buildSchedule, type ScheduleSpec } from './schedules.js';
import type { Fee, Installment } from './types.js';

const schedule: Installment[] = [1, 2, 3].map((n) => ({ period: n, dueDate: `2024-0${n + 1}-10`, principalFen: 1_000, interestFen: 100, feeFen: 0, totalFen: 1_100 }));

describe('loanCashFlows', () => {
  it('received on the contract date, each installment total on its due date', () => {
    expect(loanCashFlows({ contractDate: '2024-01-10', receivedFen: 2_700, fees: [], schedule })).toEqual([
      { date: '2024-01-10', amountFen: 2_700 },
      { date: '2024-02-10', amountFen: -1_100 },
      { date: '2024-03-10', amountFen: -1_100 },
      { date: '2024-04-10', amountFen: -1_100 },
    ]);
  });

  it('upfront fees: paid separately unless marked included (already withheld from what was received)', () => {
    const fees: Fee[] = [
      { name: '服务费', timing: 'upfront', amountFen: 200 }, // paid separately → subtracted
      { name: '砍头息', timing: 'upfront', amountFen: 300, included: true }, // already withheld → not again
      { name: '会员费', timing: 'per_period', amountFen: 50 }, // on top of each installment
      { name: '担保费', timing: 'per_period', amountFen: 70, included: true }, // already in feeFen
      { name: '逾期费', timing: 'on_overdue', amountFen: 999 }, // not part of the price
    ];
    const loan = { contractDate: '2024-01-10', receivedFen: 2_700, fees, schedule };
    expect(realPrincipalFen(loan)).toBe(2_500);
    expect(totalPayableFen(loan)).toBe(3 * 1_150);
    expect(loanCashFlows(loan)).toEqual([
      { date: '2024-01-10', amountFen: 2_500 },
      { date: '2024-02-10', amountFen: -1_150 },
      { date: '2024-03-10', amountFen: -1_150 },
      { date: '2024-04-10', amountFen: -1_150 },
    ]);
  });

  it('an installment due on the contract date nets against what was received', () => {
    const s = [{ ...schedule[0]!, dueDate: '2024-01-10' }, ...schedule.slice(1)];
    expect(loanCashFlows({ contractDate: '2024-01-10', receivedFen: 3_000, fees: [], schedule: s })[0]).toEqual({ date: '2024-01-10', amountFen: 1_900 });
  });

  it('paymentCashFlows: what actually happened', () => {
    const loan = { contractDate: '2024-01-10', receivedFen: 2_700, fees: [], payments: [{ date: '2024-02-12', amountFen: 1_100 }, { date: '2024-02-12', amountFen: 5 }] };
    expect(paymentCashFlows(loan)).toEqual([
      { date: '2024-01-10', amountFen: 2_700 },
      { date: '2024-02-12', amountFen: -1_105 },
    ]);
  });
});

describe('upfront deductions and fees only ever raise the rate', () => {
  const spec = fc.record({
    kind: fc.constantFrom('equal_installment', 'flat_rate', 'interest_first', 'card_installment', 'bullet'),
    principalFen: fc.integer({ min: 10_000, max: 50_000_000 }),
    periods: fc.integer({ min: 1, max: 36 }),
    rate: fc.double({ min: 0, max: 0.05, noNaN: true }),
    day: fc.integer({ min: 1, max: 28 }),
  });
  it('deducting more upfront, paying an upfront fee, or adding a per-period fee raises every rate', () => {
    fc.assert(
      fc.property(spec, fc.double({ min: 0.001, max: 0.3, noNaN: true }), fc.integer({ min: 1, max: 100_000 }), (s, deductShare, perPeriod) => {
        const contractDate = `2023-05-${String(s.day).padStart(2, '0')}`;
        const schedule = buildSchedule({ ...s, contractDate, periodicRate: s.rate, flatRate: s.rate, feeRate: s.rate } as ScheduleSpec);
        const base = { contractDate, receivedFen: s.principalFen, fees: [] as Fee[], schedule };
        const deduct = Math.max(1, Math.round(s.principalFen * deductShare));
        const r0 = ratesOf(loanCashFlows(base), 'month');
        const variants = [
          { ...base, receivedFen: s.principalFen - deduct },
          { ...base, fees: [{ name: 'upfront', timing: 'upfront' as const, amountFen: deduct }] },
          { ...base, fees: [{ name: 'monthly', timing: 'per_period' as const, amountFen: perPeriod }] },
        ];
        for (const v of variants) {
          const r = ratesOf(loanCashFlows(v), 'month');
          expect(r.periodic.value).toBeGreaterThan(r0.periodic.value);
          expect(r.nominal.value).toBeGreaterThan(r0.nominal.value);
          expect(r.effective.value).toBeGreaterThan(r0.effective.value);
          expect(r.xirr.value).toBeGreaterThan(r0.xirr.value);
        }
        // A fee marked included changes nothing.
        const included = { ...base, fees: [{ name: 'withheld', timing: 'upfront' as const, amountFen: deduct, included: true }] };
        expect(ratesOf(loanCashFlows(included), 'month').periodic.value).toBe(r0.periodic.value);
      }),
      { numRuns: 300 },
    );
  });
});
