import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aprEffective, aprNominal, IrrError, irrOfPeriods, periodicIrr, ratesOf, xirr, xirrOfTimes } from './irr.js';
import { civilToDays, dateOfDays, dueDate } from './periods.js';
import type { CashFlow } from './types.js';

const catchErr = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
};

describe('irrOfPeriods: published examples (numpy-financial documentation)', () => {
  it.each([
    [[-100, 39, 59, 55, 20], 0.28095],
    [[-100, 0, 0, 74], -0.0955],
    [[-100, 100, 0, -7], -0.0833], // several sign changes, no positive rate: the negative one nearest 0
    [[-100, 100, 0, 7], 0.06206],
    [[-5, 10.5, 1, -8, 1], 0.0886],
  ])('%j → %d', (flows, expected) => {
    expect(irrOfPeriods(flows)).toBeCloseTo(expected, 4);
  });

  it('exact rates', () => {
    expect(irrOfPeriods([-100, 110])).toBeCloseTo(0.1, 15);
    expect(irrOfPeriods([100, -50, -50])).toBe(0);
    expect(irrOfPeriods([0, 0, -100, 0, 121, 0])).toBeCloseTo(0.1, 14); // leading/trailing empty periods
    // Two rates, 10 % and 20 % (−100(1+r)² + 230(1+r) − 132 = 0): the smallest positive one.
    expect(irrOfPeriods([-100, 230, -132])).toBeCloseTo(0.1, 12);
  });

  it('no rate → IrrError NO_IRR with a reason', () => {
    const same = catchErr(() => irrOfPeriods([100, 50, 10]));
    expect(same).toBeInstanceOf(IrrError);
    expect(same).toMatchObject({ code: 'NO_IRR', reason: 'same_sign' });
    expect(catchErr(() => irrOfPeriods([100, -50, 100]))).toMatchObject({ code: 'NO_IRR', reason: 'no_root' });
    expect(catchErr(() => irrOfPeriods([]))).toMatchObject({ code: 'NO_IRR', reason: 'no_flows' });
    expect(catchErr(() => irrOfPeriods([0, 0]))).toMatchObject({ code: 'NO_IRR', reason: 'no_flows' });
    expect(catchErr(() => irrOfPeriods([100, Number.NaN]))).toMatchObject({ code: 'NO_IRR', reason: 'bad_input' });
  });

  it('extreme but valid loans', () => {
    // 100 received, 10 000 repaid one period later: 9 900 % a period.
    expect(irrOfPeriods([100, -10_000])).toBeCloseTo(99, 10);
    // Repays 1 % of what was received after 360 periods: a steeply negative rate, no overflow.
    expect(irrOfPeriods([100, ...new Array(359).fill(0), -1])).toBeCloseTo(Math.pow(0.01, 1 / 360) - 1, 13);
    // 30 years of monthly payments.
    const a = [1_000_000, ...new Array(360).fill(-6_000)];
    const r = irrOfPeriods(a);
    expect(Math.abs(1_000_000 - 6_000 * ((1 - Math.pow(1 + r, -360)) / r))).toBeLessThan(1e-5); // 1e-11 relative
  });
});

describe('dated flows and conventions', () => {
  const worked: CashFlow[] = [{ date: '2024-01-15', amountFen: 900_000 }, ...Array.from({ length: 12 }, (_, k) => ({ date: dueDate('2024-01-15', 'month', k + 1), amountFen: -100_000 }))];

  it('the worked example: 10 000 contract, 9 000 received, 12 × 1 000 monthly', () => {
    const r = ratesOf(worked, 'month');
    // By hand: 9 000 = 1 000 × a(12, r) → a(12, r) = 9; a(12, 4.7 %) = 9.02, a(12, 4.75 %) = 8.99 → r ≈ 4.73 %.
    expect(r.periodic).toMatchObject({ convention: 'periodic-irr', period: 'month', periodsPerYear: 12 });
    expect(r.periodic.value).toBeCloseTo(0.0472956593821, 12);
    expect(r.nominal).toEqual({ convention: 'irr-nominal', value: r.periodic.value * 12 });
    expect(r.nominal.value).toBeCloseTo(0.567547912586, 11);
    expect(r.effective.convention).toBe('effective');
    expect(r.effective.value).toBeCloseTo(Math.pow(1 + r.periodic.value, 12) - 1, 14);
    expect(r.xirr.convention).toBe('xirr');
    expect(r.xirr.value).toBeCloseTo(0.7408, 4);
  });

  it('month ends count as whole periods (31 January → 29 February → 31 March …)', () => {
    const flows: CashFlow[] = [{ date: '2024-01-31', amountFen: 1_000 }, ...[1, 2, 3].map((n) => ({ date: dueDate('2024-01-31', 'month', n), amountFen: -400 }))];
    expect(flows.map((f) => f.date)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']);
    expect(periodicIrr(flows, 'month').value).toBeCloseTo(irrOfPeriods([1_000, -400, -400, -400]), 15);
  });

  it('order of the flows does not matter; same-day flows add up', () => {
    const shuffled = [...worked].reverse();
    expect(periodicIrr(shuffled, 'month').value).toBe(periodicIrr(worked, 'month').value);
    expect(xirr(shuffled).value).toBeCloseTo(xirr(worked).value, 14);
    const split = [{ date: '2024-01-15', amountFen: 1_000_000 }, { date: '2024-01-15', amountFen: -100_000 }, ...worked.slice(1)];
    expect(periodicIrr(split, 'month').value).toBeCloseTo(periodicIrr(worked, 'month').value, 14);
  });

  it('XIRR: Excel documentation example → 0.373362535', () => {
    const flows: CashFlow[] = [
      { date: '2008-01-01', amountFen: -10_000 },
      { date: '2008-03-01', amountFen: 2_750 },
      { date: '2008-10-30', amountFen: 4_250 },
      { date: '2009-02-15', amountFen: 3_250 },
      { date: '2009-04-01', amountFen: 2_750 },
    ];
    const x = xirr(flows).value;
    // Excel shows 0.373362535 (its tolerance is ~1e-8); the exact root is 0.37336253352 (NPV ≈ 0 below).
    expect(x).toBeCloseTo(0.373362535, 8);
    const npv = flows.reduce((s, f) => s + f.amountFen * Math.pow(1 + x, -(civilToDays(+f.date.slice(0, 4), +f.date.slice(5, 7), +f.date.slice(8)) - civilToDays(2008, 1, 1)) / 365), 0);
    expect(Math.abs(npv)).toBeLessThan(1e-9);
  });

  it('XIRR errors', () => {
    expect(catchErr(() => xirr([{ date: '2024-01-01', amountFen: 5 }, { date: '2024-01-01', amountFen: -6 }]))).toMatchObject({ code: 'NO_IRR', reason: 'same_date' });
    expect(catchErr(() => xirr([{ date: '2024-01-01', amountFen: 5 }, { date: '2024-02-01', amountFen: 6 }]))).toMatchObject({ code: 'NO_IRR', reason: 'same_sign' });
    expect(catchErr(() => xirr([{ date: '2024-02-30', amountFen: 5 }]))).toMatchObject({ code: 'NO_IRR', reason: 'bad_input' });
    expect(catchErr(() => xirr([]))).toMatchObject({ code: 'NO_IRR', reason: 'no_flows' });
    // Payday loan at 100 % a day: an enormous but finite XIRR.
    expect(catchErr(() => xirrOfTimes([100, -1_100], [0, 1 / 365]))).toMatchObject({ code: 'NO_IRR', reason: 'overflow' }); // 11^365
    const huge = xirrOfTimes([100, -200], [0, 1 / 365]);
    expect(Math.abs(huge / (Math.pow(2, 365) - 1) - 1)).toBeLessThan(1e-12);
  });

  it('aprNominal and aprEffective of a weekly rate', () => {
    const p = periodicIrr([{ date: '2024-01-01', amountFen: 1_000 }, { date: '2024-01-08', amountFen: -1_010 }], 'week');
    expect(p.value).toBeCloseTo(0.01, 15);
    expect(aprNominal(p).value).toBeCloseTo((0.01 * 365) / 7, 14);
    expect(aprEffective(p).value).toBeCloseTo(Math.pow(1.01, 365 / 7) - 1, 14);
  });
});

describe('properties', () => {
  /** Flows whose rate is r exactly: the first flow is the present value of the later ones at r. */
  const exactFlows = (r: number, payments: number[]) => {
    let pv = 0;
    payments.forEach((a, k) => (pv += a * Math.pow(1 + r, -(k + 1))));
    return [pv, ...payments.map((a) => -a)];
  };
  const payments = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 72 }).filter((a) => a.some((x) => x > 0));

  it('flows built at a known periodic rate give it back within 1e-9', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.3, max: 3, noNaN: true }), payments, (r, pays) => {
        expect(Math.abs(irrOfPeriods(exactFlows(r, pays)) - r)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(r)));
      }),
      { numRuns: 500 },
    );
  });

  it('dated monthly flows at a known rate give it back within 1e-9, whatever the contract day', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.5, noNaN: true }), payments, fc.integer({ min: civilToDays(2015, 1, 1), max: civilToDays(2030, 12, 31) }), (r, pays, day) => {
        const start = dateOfDays(day);
        const amounts = exactFlows(r, pays);
        const flows = amounts.map((a, k) => ({ date: dueDate(start, 'month', k), amountFen: a }));
        expect(Math.abs(periodicIrr(flows, 'month').value - r)).toBeLessThanOrEqual(1e-9 * Math.max(1, r));
      }),
      { numRuns: 300 },
    );
  });

  it('XIRR of flows built at a known annual rate on random dates gives it back within 1e-9', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.5, max: 20, noNaN: true }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 1_000_000 })), { minLength: 1, maxLength: 40 }),
        (x, steps) => {
          let day = 0;
          let pv = 0;
          const flows: CashFlow[] = [];
          for (const [gap, a] of steps) {
            day += gap;
            pv += a * Math.pow(1 + x, -day / 365);
            flows.push({ date: dateOfDays(civilToDays(2020, 1, 1) + day), amountFen: -a });
          }
          flows.unshift({ date: '2020-01-01', amountFen: pv });
          expect(Math.abs(xirr(flows).value - x)).toBeLessThanOrEqual(1e-9 * Math.max(1, x));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('XIRR matches the IRR convention on evenly spaced {days: N} flows: xirr = (1+periodic)^(365/N) − 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 0.2, noNaN: true }), payments, fc.integer({ min: 50, max: 100 }), (N, r, pays, pct) => {
        const amounts = exactFlows(r, pays);
        amounts[0] = (amounts[0]! * pct) / 100; // some deducted upfront: any rate, the identity holds
        const flows = amounts.map((a, k) => ({ date: dateOfDays(civilToDays(2024, 3, 1) + k * N), amountFen: a }));
        const period = N === 1 ? ('day' as const) : N === 7 ? ('week' as const) : { days: N };
        const rates = ratesOf(flows, period);
        expect(Math.abs(rates.xirr.value - rates.effective.value)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(rates.effective.value)));
      }),
      { numRuns: 300 },
    );
  });

  it('several sign changes: the smallest positive rate, else the negative one nearest 0', () => {
    // Flows −1, a+b, −ab have rates a−1 and b−1.
    fc.assert(
      fc.property(fc.double({ min: 0.3, max: 3, noNaN: true }), fc.double({ min: 0.3, max: 3, noNaN: true }), (a, b) => {
        fc.pre(Math.abs(a - b) > 0.05 && Math.abs(a - 1) > 1e-3 && Math.abs(b - 1) > 1e-3);
        const r1 = Math.min(a, b) - 1, r2 = Math.max(a, b) - 1;
        const expected = r1 > 0 ? r1 : r2 > 0 ? r2 : r2;
        expect(irrOfPeriods([-1, a + b, -a * b])).toBeCloseTo(expected, 10);
      }),
      { numRuns: 300 },
    );
  });
});
