import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayNumber } from '../time.js';
import { civilToDays, dateOfDays, dueDate, lenderClock, lenderClockOf, lenderPeriodNumber, lenderPeriodTime, parseYmd, periodNumber, periodOffset, periodsPerYear, wholeMonthsBetween } from './periods.js';
import { periodicIrr, flowsByPeriod } from './irr.js';
import { checkLegalLines } from './legalLines.js';

describe('periods', () => {
  it('periods a year', () => {
    expect(periodsPerYear('month')).toBe(12);
    expect(periodsPerYear({ months: 3 })).toBe(4);
    expect(periodsPerYear('week')).toBe(365 / 7);
    expect(periodsPerYear('day')).toBe(365);
    expect(periodsPerYear({ days: 14 })).toBe(365 / 14);
    expect(() => periodsPerYear({ days: 0 })).toThrow(/invalid period/);
    expect(() => periodsPerYear('year' as never)).toThrow(/invalid period/);
  });

  it('parses only real dates', () => {
    expect(parseYmd('2024-02-29')).toEqual({ y: 2024, m: 2, d: 29 });
    expect(parseYmd('2023-02-29')).toBeNull();
    expect(parseYmd('2024-13-01')).toBeNull();
    expect(parseYmd('2024-1-01')).toBeNull();
    expect(parseYmd('2024-01-01T00:00')).toBeNull();
  });

  it('counts months with end-of-month clamping', () => {
    // From 31 January: 29 February is one month, 31 March two, 30 April three.
    expect(wholeMonthsBetween('2024-01-31', '2024-02-28')).toBe(0);
    expect(wholeMonthsBetween('2024-01-31', '2024-02-29')).toBe(1);
    expect(wholeMonthsBetween('2024-01-31', '2024-03-30')).toBe(1);
    expect(wholeMonthsBetween('2024-01-31', '2024-03-31')).toBe(2);
    expect(wholeMonthsBetween('2024-01-31', '2024-04-30')).toBe(3);
    expect(periodNumber('2024-01-31', '2024-02-29', 'month')).toBe(1);
    expect(periodNumber('2024-01-31', '2024-04-30', 'month')).toBe(3);
    // A day before a due date still counts as that period; a day after, too.
    expect(periodNumber('2024-01-31', '2024-03-30', 'month')).toBe(2);
    expect(periodNumber('2024-01-15', '2024-03-16', 'month')).toBe(2);
    expect(periodOffset('2024-01-15', '2024-02-15', 'month')).toBe(1);
    expect(periodNumber('2024-01-15', '2024-07-15', { months: 3 })).toBe(2);
    expect(periodNumber('2024-01-01', '2024-01-15', { days: 7 })).toBe(2);
    expect(periodNumber('2024-01-01', '2024-01-12', 'week')).toBe(2); // 11 days = 1.57 weeks
  });

  it('due dates are counted from the contract date', () => {
    expect([1, 2, 3, 4].map((n) => dueDate('2024-01-31', 'month', n))).toEqual(['2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31']);
    expect(dueDate('2024-12-20', { days: 14 }, 1)).toBe('2025-01-03');
    expect(dueDate('2024-11-30', { months: 3 }, 1)).toBe('2025-02-28');
  });

  it('agrees with time.ts (addMonths, addDays, dayNumber)', () => {
    fc.assert(
      fc.property(fc.integer({ min: civilToDays(1990, 1, 1), max: civilToDays(2060, 12, 31) }), fc.integer({ min: 0, max: 120 }), (day, n) => {
        const d = dateOfDays(day);
        expect(dayNumber(d)).toBe(day);
        expect(dueDate(d, 'month', n)).toBe(addMonths(d, n));
        expect(dueDate(d, { days: 7 }, n)).toBe(addDays(d, 7 * n));
        // The n-th monthly due date is period n, whatever the month lengths.
        expect(periodNumber(d, addMonths(d, n), 'month')).toBe(n);
        expect(wholeMonthsBetween(d, addMonths(d, n))).toBe(n);
      }),
    );
  });

  describe('periods as lenders number them (issue 12 §6)', () => {
    const ymd = (d: string) => parseYmd(d)!;
    it('an irregular first period (first installment 46 days after the money arrived, then monthly) is period 1', () => {
      const c = lenderClock('2024-01-15', '2024-03-01', 'month'); // 46 days
      expect(periodNumber('2024-01-15', '2024-03-01', 'month')).toBe(2); // the plain count from the start, not the lender's
      expect(['2024-01-15', '2024-03-01', '2024-04-01', '2024-05-01', '2024-12-01'].map((d) => lenderPeriodNumber(c, ymd(d)))).toEqual([0, 1, 2, 3, 10]);
      expect(lenderPeriodTime(c, ymd('2024-04-01'))).toBe(2);
      // Between the start and the first due date: a fraction of period 1.
      expect(lenderPeriodTime(c, ymd('2024-02-07'))).toBeCloseTo(23 / 46, 12);
      // A short first period (16 days) is period 1 too.
      const short = lenderClock('2024-01-20', '2024-02-05', 'month');
      expect(['2024-02-05', '2024-03-05', '2024-04-05'].map((d) => lenderPeriodNumber(short, ymd(d)))).toEqual([1, 2, 3]);
    });

    it('the n-th due date is period n for weekly and N-day periods too', () => {
      const w = lenderClock('2024-01-01', '2024-01-11', 'week'); // first after 10 days, then weekly
      expect(['2024-01-11', '2024-01-18', '2024-01-25', '2024-02-01'].map((d) => lenderPeriodNumber(w, ymd(d)))).toEqual([1, 2, 3, 4]);
      const n = lenderClock('2024-01-01', '2024-01-21', { days: 14 }); // first after 20 days, then every 14
      expect(['2024-01-21', '2024-02-04', '2024-02-18'].map((d) => lenderPeriodNumber(n, ymd(d)))).toEqual([1, 2, 3]);
    });

    it('a first due date two or more periods away keeps its counted number (a 12-month bullet is period 12)', () => {
      expect(lenderPeriodNumber(lenderClock('2024-01-15', '2025-01-15', 'month'), ymd('2025-01-15'))).toBe(12);
      expect(lenderPeriodNumber(lenderClockOf([ymd('2024-01-15'), ymd('2024-03-15'), ymd('2024-04-15')], 'month'), ymd('2024-04-15'))).toBe(3);
    });

    it('the periodic IRR of a schedule with a 46-day first period counts it as one period', () => {
      // 10 000 yuan, 3 installments of 3 467.55 at 2 % a month: period 1 on day 46, then monthly.
      const flows = [
        { date: '2024-01-15', amountFen: 1_000_000 },
        { date: '2024-03-01', amountFen: -346_755 },
        { date: '2024-04-01', amountFen: -346_755 },
        { date: '2024-05-01', amountFen: -346_755 },
      ];
      expect([...flowsByPeriod(flows, 'month')]).toEqual([1_000_000, -346_755, -346_755, -346_755]);
      expect(periodicIrr(flows, 'month').value).toBeCloseTo(0.02, 5);
      // Weekly: 1 000 yuan, first of 4 weekly payments 10 days after.
      const weekly = [{ date: '2024-01-01', amountFen: 100_000 }, ...['2024-01-11', '2024-01-18', '2024-01-25', '2024-02-01'].map((date) => ({ date, amountFen: -26_000 }))];
      expect([...flowsByPeriod(weekly, 'week')].length).toBe(5);
    });

    it('the legal lines re-price a loan with a long first period on the lender’s numbering', () => {
      const schedule = ['2024-03-01', '2024-04-01', '2024-05-01'].map((dueDate, k) => ({ period: k + 1, dueDate, principalFen: 0, interestFen: 0, feeFen: 0, totalFen: 346_755 }));
      const r = checkLegalLines(
        { lenderType: 'private', contractDate: '2024-01-15', receivedFen: 1_000_000, fees: [], period: 'month', schedule, payments: [] },
        [{ id: 'x', label: { zh: 'x', en: 'x' }, rate: 0.25, appliesTo: ['private'], notApplicableReason: { zh: '', en: '' }, meaning: { zh: '', en: '' }, citationIds: [] }],
        [],
      );
      expect(r.rates!.nominal.value).toBeCloseTo(0.24, 4);
      expect(r.lines[0]!.over).toBe(false);
      // Re-priced at the loan's own rate, the schedule is (almost) unchanged: the first installment is discounted one period, not two.
      const own = checkLegalLines(
        { lenderType: 'private', contractDate: '2024-01-15', receivedFen: 1_000_000, fees: [], period: 'month', schedule, payments: [] },
        [{ id: 'y', label: { zh: 'y', en: 'y' }, rate: r.rates!.nominal.value, appliesTo: ['private'], notApplicableReason: { zh: '', en: '' }, meaning: { zh: '', en: '' }, citationIds: [] }],
        [],
      );
      for (const p of own.lines[0]!.repriced!.payments) expect(Math.abs(p.repricedFen - p.contractFen)).toBeLessThanOrEqual(2);
    });
  });
});
