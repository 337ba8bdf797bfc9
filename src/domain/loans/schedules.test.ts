import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loanCashFlows } from './cashflows.js';
import { flowsByPeriod, presentValue, ratesOf } from './irr.js';
import { dueDate } from './periods.js';
import {
  buildSchedule,
  bulletSchedule,
  cardInstallmentSchedule,
  equalInstallmentSchedule,
  flatRateSchedule,
  interestFirstSchedule,
  paydaySchedule,
  periodicFromAnnual,
  scheduleTotals,
  schedulePeriod,
  type ScheduleSpec,
} from './schedules.js';
import type { Installment, Period } from './types.js';

const rates = (received: number, schedule: Installment[], period: Period = 'month', contractDate = '2024-01-15') =>
  ratesOf(loanCashFlows({ contractDate, receivedFen: received, fees: [], schedule }), period);

describe('等额本息 equal installments', () => {
  it('10 000 yuan, 12 months at 12 % a year: 888.49 a month (published figure)', () => {
    const s = equalInstallmentSchedule({ principalFen: 1_000_000, periods: 12, periodicRate: periodicFromAnnual(0.12), contractDate: '2024-01-31' });
    expect(s).toHaveLength(12);
    expect(s.slice(0, 11).every((i) => i.totalFen === 88_849)).toBe(true);
    // Period 1: interest = 10 000 × 1 % = 100.00, principal = 788.49.
    expect(s[0]).toEqual({ period: 1, dueDate: '2024-02-29', principalFen: 78_849, interestFen: 10_000, feeFen: 0, totalFen: 88_849 });
    // Period 2: balance 9 211.51 × 1 % = 92.1151 → 92.12.
    expect(s[1]!.interestFen).toBe(9_212);
    // The last period absorbs the rounding: 888.47.
    expect(s[11]!.totalFen).toBe(88_847);
    expect(s.map((i) => i.dueDate).slice(0, 4)).toEqual(['2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31']);
    const t = scheduleTotals(s);
    expect(t.principalFen).toBe(1_000_000);
    expect(t.interestFen).toBe(66_186); // 12 × 888.49 − 0.02 − 10 000
    // Its nominal IRR is the quoted 12 % (to the rounding of a few fen).
    expect(rates(1_000_000, s, 'month', '2024-01-31').nominal.value).toBeCloseTo(0.12, 5); // 888.4879 rounded up to 888.49 adds 1.1e-6
  });

  it('zero rate repays principal in equal parts', () => {
    const s = equalInstallmentSchedule({ principalFen: 100_000, periods: 3, periodicRate: 0, contractDate: '2024-01-01' });
    expect(s.map((i) => i.totalFen)).toEqual([33_333, 33_333, 33_334]);
  });

  it('rejects bad terms', () => {
    expect(() => equalInstallmentSchedule({ principalFen: 1.5, periods: 3, periodicRate: 0.01, contractDate: '2024-01-01' })).toThrow(/principalFen/);
    expect(() => equalInstallmentSchedule({ principalFen: 100, periods: 0, periodicRate: 0.01, contractDate: '2024-01-01' })).toThrow(/periods/);
    expect(() => equalInstallmentSchedule({ principalFen: 100, periods: 3, periodicRate: -0.01, contractDate: '2024-01-01' })).toThrow(/periodicRate/);
  });
});

describe('等本等息 flat monthly rate', () => {
  it('"月息0.8%" on 10 000 yuan over 12 months: 913.33 a month, real nominal APR ≈ 17.27 %', () => {
    const s = flatRateSchedule({ principalFen: 1_000_000, periods: 12, flatRate: 0.008, contractDate: '2024-01-15' });
    expect(s[0]).toMatchObject({ principalFen: 83_333, interestFen: 8_000, totalFen: 91_333 });
    expect(s[11]).toMatchObject({ principalFen: 83_337, interestFen: 8_000, totalFen: 91_337 });
    expect(scheduleTotals(s)).toMatchObject({ principalFen: 1_000_000, interestFen: 96_000 });
    // By hand: 10 000 = 913.33 × a(12, r) → a = 10.949; at r = 1.44 %, (1 − 1.0144^−12)/0.0144 = 10.949.
    // So r ≈ 1.439 % a month, 17.27 % nominal — more than twice the quoted 9.6 % (12 × 0.8 %).
    const r = rates(1_000_000, s);
    expect(r.periodic.value).toBeCloseTo(0.014392, 6);
    expect(r.nominal.value).toBeCloseTo(0.1727, 4);
    expect(r.nominal.convention).toBe('irr-nominal');
  });
});

describe('先息后本, bullet, payday, card installments', () => {
  it('interest first at 1 % a month gives exactly 12 % nominal', () => {
    const s = interestFirstSchedule({ principalFen: 1_000_000, periods: 12, periodicRate: 0.01, contractDate: '2024-01-15' });
    expect(s.slice(0, 11).every((i) => i.principalFen === 0 && i.interestFen === 10_000)).toBe(true);
    expect(s[11]).toMatchObject({ principalFen: 1_000_000, interestFen: 10_000, totalFen: 1_010_000, dueDate: '2025-01-15' });
    expect(rates(1_000_000, s).nominal.value).toBeCloseTo(0.12, 12);
  });

  it('bullet: 12 months at 1 % simple interest → 11 200 yuan once; periodic = 1.12^(1/12) − 1', () => {
    const s = bulletSchedule({ principalFen: 1_000_000, periods: 12, periodicRate: 0.01, contractDate: '2024-01-15' });
    expect(s).toEqual([{ period: 1, dueDate: '2025-01-15', principalFen: 1_000_000, interestFen: 120_000, feeFen: 0, totalFen: 1_120_000 }]);
    const r = rates(1_000_000, s);
    expect(r.periodic.value).toBeCloseTo(Math.pow(1.12, 1 / 12) - 1, 14);
    expect(r.effective.value).toBeCloseTo(0.12, 13);
  });

  it('payday loans of 7, 14 and 30 days', () => {
    for (const days of [7, 14, 30]) {
      const s = paydaySchedule({ principalFen: 100_000, days, dailyRate: 0.001, feeFen: 2_000, contractDate: '2024-01-15' });
      expect(s).toHaveLength(1);
      expect(s[0]).toMatchObject({ interestFen: 100 * days, feeFen: 2_000, totalFen: 100_000 + 100 * days + 2_000 });
      // One period of {days}: periodic = total/received − 1; nominal = periodic × 365/days.
      const r = rates(100_000, s, { days });
      const periodic = (100 * days + 2_000) / 100_000;
      expect(r.periodic.value).toBeCloseTo(periodic, 14);
      expect(r.nominal.value).toBeCloseTo((periodic * 365) / days, 12);
    }
    // 1 000 yuan for 7 days at 0.1 % a day, 100 withheld upfront: 1 007 / 900 − 1 = 11.89 % a week, 620 % a year.
    const s = paydaySchedule({ principalFen: 100_000, days: 7, dailyRate: 0.001, contractDate: '2024-01-15' });
    expect(s[0]!.dueDate).toBe('2024-01-22');
    expect(rates(90_000, s, { days: 7 }).nominal.value).toBeCloseTo((100_700 / 90_000 - 1) * (365 / 7), 12);
  });

  it('credit-card installments: 12 000 yuan, 12 periods, 0.6 % fee a period → nominal ≈ 13.03 %', () => {
    const s = cardInstallmentSchedule({ principalFen: 1_200_000, periods: 12, feeRate: 0.006, contractDate: '2024-01-15' });
    expect(s[0]).toEqual({ period: 1, dueDate: '2024-02-15', principalFen: 100_000, interestFen: 0, feeFen: 7_200, totalFen: 107_200 });
    expect(scheduleTotals(s)).toMatchObject({ principalFen: 1_200_000, feeFen: 86_400 });
    // 12 000 = 1 072 × a(12, r) → a = 11.194 → r ≈ 1.086 % a month: the "7.2 % a year" fee costs 13 % a year.
    expect(rates(1_200_000, s).nominal.value).toBeCloseTo(0.13034, 5);
  });

  it('buildSchedule dispatches on kind', () => {
    const spec: ScheduleSpec = { kind: 'payday', principalFen: 50_000, contractDate: '2024-03-01', days: 14, dailyRate: 0.0005 };
    expect(buildSchedule(spec)).toEqual(paydaySchedule(spec));
    expect(schedulePeriod(spec)).toEqual({ days: 14 });
    expect(schedulePeriod({ kind: 'flat_rate', principalFen: 1, periods: 1, flatRate: 0, contractDate: '2024-01-01' })).toBe('month');
  });
});

describe('schedule properties', () => {
  const kinds = fc.constantFrom('equal_installment', 'flat_rate', 'interest_first', 'card_installment');
  it('principal parts add up to the principal, totals add up, due dates are periods 1…n', () => {
    fc.assert(
      fc.property(
        kinds,
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        fc.integer({ min: 0, max: 27 }),
        (kind, principalFen, periods, r, dayOffset) => {
          const contractDate = `2024-01-${String(dayOffset + 4).padStart(2, '0')}`;
          const spec = { kind, principalFen, periods, contractDate, periodicRate: r, flatRate: r, feeRate: r } as ScheduleSpec;
          const s = buildSchedule(spec);
          expect(s).toHaveLength(periods);
          expect(scheduleTotals(s).principalFen).toBe(principalFen);
          for (const i of s) {
            expect(Number.isSafeInteger(i.principalFen) && Number.isSafeInteger(i.interestFen) && Number.isSafeInteger(i.feeFen)).toBe(true);
            expect(i.totalFen).toBe(i.principalFen + i.interestFen + i.feeFen);
            expect(i.principalFen).toBeGreaterThanOrEqual(0);
          }
          const byPeriod = flowsByPeriod(loanCashFlows({ contractDate, receivedFen: principalFen, fees: [], schedule: s }), 'month');
          // The last due date is period n (a zero installment of a few-fen loan adds no flow).
          expect(byPeriod.length).toBeLessThanOrEqual(periods + 1);
          expect(s[periods - 1]!.dueDate).toBe(dueDate(contractDate, 'month', periods));
        },
      ),
    );
  });

  it('an equal-installment schedule in fen is the annuity at its rate up to rounding: |NPV| ≤ 0.5 fen a period', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_000, max: 100_000_000 }), fc.integer({ min: 1, max: 48 }), fc.double({ min: 0.0001, max: 0.1, noNaN: true }), (P, n, r) => {
        const s = equalInstallmentSchedule({ principalFen: P, periods: n, periodicRate: r, contractDate: '2024-01-31' });
        const amounts = flowsByPeriod(loanCashFlows({ contractDate: '2024-01-31', receivedFen: P, fees: [], schedule: s }), 'month');
        // Only the rounding of each period's interest (≤ ½ fen, discounted) separates it from the exact annuity.
        expect(Math.abs(presentValue(amounts, r))).toBeLessThanOrEqual(0.5 * n + 1e-6);
      }),
    );
  });
});
