import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayNumber } from '../time.js';
import { civilToDays, dateOfDays, dueDate, parseYmd, periodNumber, periodOffset, periodsPerYear, wholeMonthsBetween } from './periods.js';

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
});
