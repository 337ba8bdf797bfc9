/**
 * Schedule periods and how lenders count them.
 *
 * A period is 'month' (= {months: 1}), 'week' (= {days: 7}), 'day' (= {days: 1}), {months: N} or {days: N}.
 * - Periods a year: 12/N for {months: N}, 365/N for {days: N}.
 * - Due dates: the n-th due date is addMonths(contractDate, N·n) or addDays(contractDate, N·n), always
 *   counted from the contract date (not chained), so that a loan taken on the 31st is due on the last day
 *   of shorter months and on the 31st again afterwards.
 * - Period number of a date, counted from a start date (the first cash flow), as lenders count it:
 *   for month periods, the number of months from the start, where month k ends on addMonths(start, k)
 *   (end-of-month clamping respected: from 01-31, 02-29 is one month and 03-31 two); a date between two
 *   such month ends counts as the nearer one (a fraction ≥ ½ rounds up), and for {months: N} the month
 *   count is divided by N and rounded; for {days: N}, round(dayOffset / N). So the n-th due date is
 *   period n whatever the length of its months.
 * - Periods of a schedule or of a loan's cash flows, as lenders number installments (lenderClock): the start
 *   (disbursement) is period 0 and the FIRST due date after it is period 1 when it comes less than two periods
 *   after the start, however long or short that first period is (a first installment 46 days after the money
 *   arrived, then monthly, is period 1, then 2, 3…: lenders align the first due date with a billing day, which
 *   shortens or lengthens the first period by less than one). A first due date two or more periods away (a
 *   bullet repaid after 12 months, a deferred start) keeps its counted number. Later dates are counted from the
 *   first due date (its number + their period number from it). Same for weekly and N-day periods. A date
 *   between the start and the first due date is a fraction of the first period's number (days elapsed ÷ days of
 *   the first period), so that accrual between dates stays continuous.
 */
import { type Fen } from '../money.js';
import type { Period } from './types.js';

export interface PeriodUnit {
  unit: 'month' | 'day';
  /** Length of one period in units (months or days), a positive integer. */
  n: number;
}

export function periodUnit(p: Period): PeriodUnit {
  if (p === 'month') return { unit: 'month', n: 1 };
  if (p === 'week') return { unit: 'day', n: 7 };
  if (p === 'day') return { unit: 'day', n: 1 };
  if (typeof p === 'object' && p !== null) {
    if ('months' in p && Number.isSafeInteger(p.months) && p.months > 0) return { unit: 'month', n: p.months };
    if ('days' in p && Number.isSafeInteger(p.days) && p.days > 0) return { unit: 'day', n: p.days };
  }
  throw new RangeError(`invalid period ${JSON.stringify(p)}: expected "month", "week", "day", {"months": N} or {"days": N} with N a positive integer`);
}

/** 12/N for {months: N}, 365/N for {days: N}. */
export function periodsPerYear(p: Period): number {
  const u = periodUnit(p);
  return u.unit === 'month' ? 12 / u.n : 365 / u.n;
}

/** A short label for the convention: "month", "3 months", "7 days". */
export function periodLabel(p: Period): string {
  const u = periodUnit(p);
  if (u.unit === 'month') return u.n === 1 ? 'month' : `${u.n} months`;
  return u.n === 1 ? 'day' : `${u.n} days`;
}

// ---- fast calendar arithmetic on YYYY-MM-DD (no Date objects; the hot path of the rate functions) ----

/** Days since 1970-01-01 of a civil date (proleptic Gregorian), after Howard Hinnant's days_from_civil. */
export function civilToDays(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** Parses a strict YYYY-MM-DD calendar date; null if malformed or not a real day. */
export function parseYmd(s: string): Ymd | null {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return null;
    y = y * 10 + c;
  }
  const m1 = s.charCodeAt(5) - 48, m2 = s.charCodeAt(6) - 48, d1 = s.charCodeAt(8) - 48, d2 = s.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return null;
  const m = m1 * 10 + m2, d = d1 * 10 + d2;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

function mustParse(s: string): Ymd {
  const p = parseYmd(s);
  if (!p) throw new RangeError(`invalid date ${JSON.stringify(s)}, expected YYYY-MM-DD`);
  return p;
}

/** Day number (days since 1970-01-01) of a YYYY-MM-DD date. */
export function dayIndex(s: string): number {
  const p = mustParse(s);
  return civilToDays(p.y, p.m, p.d);
}

/** Day number of addMonths(start, k) with end-of-month clamping, without building strings. */
function clampedMonthDay(start: Ymd, k: number): number {
  const total = start.y * 12 + (start.m - 1) + k;
  const y = Math.floor(total / 12), m = total - y * 12 + 1;
  return civilToDays(y, m, Math.min(start.d, daysInMonth(y, m)));
}

/**
 * Months from `start` to `date` as a real number: k + fraction, where k is the largest integer with
 * addMonths(start, k) ≤ date (clamped month ends) and the fraction is the share of days elapsed from
 * addMonths(start, k) to addMonths(start, k + 1). Exactly n on the n-th monthly due date.
 */
export function monthOffset(start: Ymd, date: Ymd): number {
  const target = civilToDays(date.y, date.m, date.d);
  let k = (date.y - start.y) * 12 + (date.m - start.m);
  let a = clampedMonthDay(start, k);
  while (a > target) {
    k--;
    a = clampedMonthDay(start, k);
  }
  let b = clampedMonthDay(start, k + 1);
  while (b <= target) {
    k++;
    a = b;
    b = clampedMonthDay(start, k + 1);
  }
  return k + (target - a) / (b - a);
}

/** Whole months from `start` to `date` (largest k with addMonths(start, k) ≤ date). */
export function wholeMonthsBetween(start: string, date: string): number {
  return Math.floor(monthOffset(mustParse(start), mustParse(date)));
}

/** Position of `date` in periods after `start`, as a real number (the fractional form of periodNumber). */
export function periodOffset(start: string, date: string, p: Period): number {
  return periodOffsetOf(mustParse(start), mustParse(date), periodUnit(p));
}

export function periodOffsetOf(start: Ymd, date: Ymd, u: PeriodUnit): number {
  if (u.unit === 'month') return monthOffset(start, date) / u.n;
  return (civilToDays(date.y, date.m, date.d) - civilToDays(start.y, start.m, start.d)) / u.n;
}

/**
 * The period number of `date` counted from `start`, as lenders count it: the n-th due date of a
 * schedule that starts on `start` is period n. Rounds to the nearest period (½ up).
 */
export function periodNumber(start: string, date: string, p: Period): number {
  return roundHalfUp(periodOffset(start, date, p));
}

/**
 * How lenders number the periods of one loan: start = period 0, first due date = period 1, later dates counted from
 * the first due date (see the module comment). Build it once per loan with lenderClock and read times with
 * lenderPeriodTime (real) or lenderPeriodNumber (rounded).
 */
export interface LenderClock {
  start: Ymd;
  startDay: number;
  /** The first due date after the start (period 1), or null when there is none (every date is then counted from the start). */
  first: Ymd | null;
  firstDay: number;
  /** The period number of the first due date: 1 when it is less than two periods after the start, else its counted number. */
  firstNumber: number;
  u: PeriodUnit;
}

/** The clock of a loan that starts on `start` and whose first due date after the start is `firstDue` (null: none). */
export function lenderClock(start: Ymd | string, firstDue: Ymd | string | null, p: Period | PeriodUnit): LenderClock {
  const s = typeof start === 'string' ? mustParse(start) : start;
  const f = firstDue == null ? null : typeof firstDue === 'string' ? mustParse(firstDue) : firstDue;
  const startDay = civilToDays(s.y, s.m, s.d);
  const fd = f ? civilToDays(f.y, f.m, f.d) : NaN;
  const u = typeof p === 'object' && p !== null && 'unit' in p ? p : periodUnit(p as Period);
  if (!f || !(fd > startDay)) return { start: s, startDay, first: null, firstDay: NaN, firstNumber: 0, u };
  const off = periodOffsetOf(s, f, u);
  return { start: s, startDay, first: f, firstDay: fd, firstNumber: off < 2 - 1e-9 ? 1 : roundHalfUp(off), u };
}

/** The clock of a set of dates: the earliest is the start, the earliest later one the first due date. */
export function lenderClockOf(dates: readonly Ymd[], p: Period | PeriodUnit): LenderClock {
  if (dates.length === 0) throw new RangeError('lenderClockOf: no dates');
  let s = dates[0]!;
  let sd = civilToDays(s.y, s.m, s.d);
  for (const d of dates) {
    const x = civilToDays(d.y, d.m, d.d);
    if (x < sd) {
      s = d;
      sd = x;
    }
  }
  let f: Ymd | null = null;
  let fd = Infinity;
  for (const d of dates) {
    const x = civilToDays(d.y, d.m, d.d);
    if (x > sd && x < fd) {
      f = d;
      fd = x;
    }
  }
  return lenderClock(s, f, p);
}

/** Position of `date` in periods on the lender's clock: 0 at the start, exactly n on the n-th due date of a regular grid after the first. */
export function lenderPeriodTime(c: LenderClock, date: Ymd): number {
  const day = civilToDays(date.y, date.m, date.d);
  if (!c.first) return periodOffsetOf(c.start, date, c.u);
  if (day <= c.startDay) return day === c.startDay ? 0 : periodOffsetOf(c.start, date, c.u);
  if (day < c.firstDay) return (c.firstNumber * (day - c.startDay)) / (c.firstDay - c.startDay);
  return c.firstNumber + periodOffsetOf(c.first, date, c.u);
}

/** The period number of `date` as lenders number it (rounded ½ up): the first due date is 1, the n-th due date n. */
export function lenderPeriodNumber(c: LenderClock, date: Ymd): number {
  return roundHalfUp(lenderPeriodTime(c, date));
}

export function roundHalfUp(x: number): number {
  // Guard against 0.49999999999 from the division of day counts.
  return Math.floor(x + 0.5 + 1e-9);
}

/** The n-th due date of a schedule with period p starting on contractDate. */
export function dueDate(contractDate: string, p: Period, n: number): string {
  const u = periodUnit(p);
  const s = mustParse(contractDate);
  if (u.unit === 'month') {
    const total = s.y * 12 + (s.m - 1) + u.n * n;
    const y = Math.floor(total / 12), m = total - y * 12 + 1;
    return fmt(y, m, Math.min(s.d, daysInMonth(y, m)));
  }
  return dateOfDays(civilToDays(s.y, s.m, s.d) + u.n * n);
}

/** YYYY-MM-DD of a day number. */
export function dateOfDays(days: number): string {
  // civil_from_days (Hinnant)
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return fmt(y, m, d);
}

function fmt(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Sum of a list of fen amounts. */
export function sumFen(xs: readonly Fen[]): Fen {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
