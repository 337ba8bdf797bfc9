/**
 * Rates of a loan from its cash flows. Every result names its convention:
 *
 * - 'periodic-irr': the rate r per schedule period with Σ amount_k · (1+r)^(−n_k) = 0, where n_k is the
 *   flow's period number counted from the first (earliest) flow as lenders count it (see periods.ts:
 *   the n-th monthly due date is period n however many days its months have; {days: N} → round(days/N)).
 *   Flows in the same period are added together.
 * - 'irr-nominal': periodic × periods per year (12/N or 365/N). The convention lenders must display
 *   (年化利率, IRR method) and the one compared with the legal lines.
 * - 'effective': (1 + periodic)^(periods per year) − 1.
 * - 'xirr': the annual rate x with Σ amount_i · (1+x)^(−d_i/365) = 0, d_i = days from the first flow
 *   (actual dates, ACT/365, as spreadsheet XIRR).
 *
 * Rates are plain decimals (0.24 = 24 %). Sign convention of flows does not matter (borrower's view,
 * + received / − paid, is what loanCashFlows produces); only the sign pattern does.
 *
 * Root finding. When the flows change sign once (a normal loan: money in, then money out) the rate is
 * unique (Descartes' rule of signs, which also holds for the real exponents of XIRR) and is found by
 * Newton's method safeguarded by a bracket (a step leaving the bracket is replaced by bisection), from
 * a starting guess that is exact for a two-payment loan. The polynomial is evaluated in v = 1/(1+r) when
 * r ≥ 0 and in w = 1+r when r < 0 (so nothing overflows even for 360 periods at −99 %). Iteration stops
 * when a Newton step is below 1e-14 relative, which gives rates to about 1e-15.
 * When the flows change sign several times there may be several rates: the search covers
 * r ∈ (−0.99, 1e6) per period (XIRR: (−0.99, 1e12) a year), scanning outward from 0 and refining the
 * first sign change found; the result is the smallest non-negative rate if there is one, otherwise the
 * negative rate nearest 0 — the economically meaningful one for a borrower. Two roots closer together
 * than the scan step (≈0.2 % near 0, growing with the rate) or a root where the value only touches zero
 * can be missed. No rate found → IrrError with code 'NO_IRR'.
 */
import type { CashFlow, Period } from './types.js';
import { civilToDays, lenderClockOf, lenderPeriodNumber, parseYmd, periodUnit, periodsPerYear, type Ymd } from './periods.js';

export type IrrFailure = 'no_flows' | 'same_sign' | 'no_root' | 'same_date' | 'bad_input' | 'overflow';

/** No rate solves the flows. `code` is always 'NO_IRR'; `reason` says why. */
export class IrrError extends Error {
  readonly code = 'NO_IRR' as const;
  constructor(
    readonly reason: IrrFailure,
    message: string,
  ) {
    super(message);
    this.name = 'IrrError';
  }
}

export type RateConvention = 'periodic-irr' | 'irr-nominal' | 'effective' | 'xirr';

export interface Rate {
  convention: RateConvention;
  /** Decimal: 0.24 = 24 %. */
  value: number;
}

export interface PeriodicRate extends Rate {
  convention: 'periodic-irr';
  period: Period;
  periodsPerYear: number;
}

export interface AnnualRate extends Rate {
  convention: 'irr-nominal' | 'effective' | 'xirr';
}

export interface RateSet {
  periodic: PeriodicRate;
  nominal: AnnualRate;
  effective: AnnualRate;
  xirr: AnnualRate;
}

// ------------------------------------------------------------------------------------------------
// Periodic IRR on amounts indexed by period number
// ------------------------------------------------------------------------------------------------

let scratch = new Float64Array(64);
function coeffBuffer(n: number): Float64Array {
  if (scratch.length < n) scratch = new Float64Array(Math.max(n, scratch.length * 2));
  return scratch;
}

/** Horner: value of Σ a_j x^j (j = 0..K); derivative left in hornerDeriv. */
let hornerDeriv = 0;
function horner(a: Float64Array, K: number, x: number): number {
  let p = a[K]!;
  let dp = 0;
  for (let j = K - 1; j >= 0; j--) {
    dp = dp * x + p;
    p = p * x + a[j]!;
  }
  hornerDeriv = dp;
  return p;
}

function hornerValue(a: Float64Array, K: number, x: number): number {
  let p = a[K]!;
  for (let j = K - 1; j >= 0; j--) p = p * x + a[j]!;
  return p;
}

/**
 * Root of Σ a_j x^j in (lo, hi) where the value at lo has the sign of `flo` and the value at hi the
 * opposite sign: Newton's method kept inside the shrinking bracket (bisection when a step leaves it).
 */
function solvePoly(a: Float64Array, K: number, lo: number, hi: number, flo: number, x0: number): number {
  let x = x0 > lo && x0 < hi ? x0 : 0.5 * (lo + hi);
  const loPositive = flo > 0;
  for (let iter = 0; iter < 300; iter++) {
    const p = horner(a, K, x);
    if (p === 0) return x;
    if (p > 0 === loPositive) lo = x;
    else hi = x;
    const step = p / hornerDeriv;
    // Converged: test before the bracket test, since x itself has just become a bracket end.
    if (Math.abs(step) <= 1e-14 * x) return x - step;
    const xn = x - step;
    x = xn > lo && xn < hi ? xn : 0.5 * (lo + hi);
    if (hi - lo <= 4e-16 * hi) return x;
  }
  return x;
}

/** Fills buf[0..K] with c[first..last] forward (reverse = false) or backward. */
function loadCoeffs(c: ArrayLike<number>, first: number, last: number, reverse: boolean): Float64Array {
  const K = last - first;
  const a = coeffBuffer(K + 1);
  if (reverse) for (let j = 0; j <= K; j++) a[j] = c[last - j]!;
  else for (let j = 0; j <= K; j++) a[j] = c[first + j]!;
  return a;
}

/**
 * Periodic IRR of amounts indexed by period number (amounts[k] is the net flow of period k).
 * The lowest-level entry point (the shape spreadsheet IRR takes); see the module comment for the rules.
 */
export function irrOfPeriods(amounts: ArrayLike<number>): number {
  let first = 0;
  let last = amounts.length - 1;
  while (first <= last && amounts[first] === 0) first++;
  while (last >= first && amounts[last] === 0) last--;
  if (first > last) throw new IrrError('no_flows', 'no cash flows (or they cancel out within one period)');
  let changes = 0;
  let prevSign = 0;
  let sum = 0;
  // Starting guess: (later total / earlier total)^(1 / gap between their weighted mean times) − 1.
  let aSum = 0, aT = 0, bSum = 0, bT = 0;
  for (let k = first; k <= last; k++) {
    const v = amounts[k]!;
    if (!Number.isFinite(v)) throw new IrrError('bad_input', `amount of period ${k} is not a finite number`);
    if (v === 0) continue;
    sum += v;
    const s = v > 0 ? 1 : -1;
    if (prevSign !== 0 && s !== prevSign) changes++;
    prevSign = s;
    const t = k - first;
    if (changes === 0) {
      aSum += v;
      aT += v * t;
    } else {
      bSum += v;
      bT += v * t;
    }
  }
  if (changes === 0) throw new IrrError('same_sign', 'all cash flows have the same sign: money never goes both ways, so there is no rate');
  const K = last - first;
  const f0 = amounts[first]!;
  if (changes === 1) {
    if (sum === 0) return 0;
    let r0 = Math.pow(-bSum / aSum, 1 / (bT / bSum - aT / aSum)) - 1;
    if (!Number.isFinite(r0)) r0 = 0.01;
    if ((f0 > 0) !== (sum > 0)) {
      // Root with r > 0: polynomial in v = 1/(1+r) ∈ (0, 1), value f0 at 0 and sum at 1.
      const a = loadCoeffs(amounts, first, last, false);
      const v = solvePoly(a, K, 0, 1, f0, r0 > 0 ? 1 / (1 + r0) : 0.5);
      return 1 / v - 1;
    }
    // Root with r < 0: polynomial in w = 1 + r ∈ (0, 1) (the flows times (1+r)^K), value amounts[last] at 0.
    const a = loadCoeffs(amounts, first, last, true);
    const w = solvePoly(a, K, 0, 1, amounts[last]!, r0 < 0 && r0 > -1 ? 1 + r0 : 0.5);
    return w - 1;
  }
  return scanPeriods(amounts, first, last, sum);
}

const SCAN_MAX_S_POSITIVE = Math.log(1 + 1e6);
const SCAN_MAX_S_NEGATIVE = -Math.log(0.01); // r down to −0.99

function nextScanStep(s: number): number {
  return s + 0.002 + 0.01 * s;
}

function scanPeriods(amounts: ArrayLike<number>, first: number, last: number, sum: number): number {
  if (sum === 0) return 0;
  const K = last - first;
  // r ≥ 0: v = e^(−s) going down from 1.
  let a = loadCoeffs(amounts, first, last, false);
  let prevX = 1;
  let prevP = sum;
  for (let s = nextScanStep(0); s <= SCAN_MAX_S_POSITIVE + 1e-12; s = nextScanStep(s)) {
    const x = Math.exp(-s);
    const p = hornerValue(a, K, x);
    if (p === 0) return 1 / x - 1;
    if (p > 0 !== prevP > 0) {
      const v = solvePoly(a, K, x, prevX, p, 0.5 * (x + prevX));
      return 1 / v - 1;
    }
    prevX = x;
    prevP = p;
  }
  // r < 0: w = 1 + r = e^(−s) going down from 1.
  a = loadCoeffs(amounts, first, last, true);
  prevX = 1;
  prevP = sum;
  for (let s = nextScanStep(0); s <= SCAN_MAX_S_NEGATIVE + 1e-12; s = nextScanStep(s)) {
    const x = Math.exp(-s);
    const p = hornerValue(a, K, x);
    if (p === 0) return x - 1;
    if (p > 0 !== prevP > 0) {
      const w = solvePoly(a, K, x, prevX, p, 0.5 * (x + prevX));
      return w - 1;
    }
    prevX = x;
    prevP = p;
  }
  throw new IrrError('no_root', 'no rate between −99 % and 10⁸ % per period makes the cash flows balance');
}

// ------------------------------------------------------------------------------------------------
// XIRR on amounts at times in years (ACT/365)
// ------------------------------------------------------------------------------------------------

/** Σ a_i e^(−(t_i − c)s) and its derivative (in expDeriv). c = 0 for s ≥ 0, c = T for s < 0: no overflow. */
let expDeriv = 0;
function expSum(a: ArrayLike<number>, t: ArrayLike<number>, n: number, s: number, c: number): number {
  let f = 0;
  let df = 0;
  for (let i = 0; i < n; i++) {
    const tau = t[i]! - c;
    const term = a[i]! * Math.exp(-tau * s);
    f += term;
    df -= tau * term;
  }
  expDeriv = df;
  return f;
}

/** Root in s = ln(1+x) of the exponential sum inside (lo, hi); flo has the sign of the value at lo. */
function solveExp(a: ArrayLike<number>, t: ArrayLike<number>, n: number, c: number, lo: number, hi: number, flo: number, s0: number): number {
  let s = s0 > lo && s0 < hi ? s0 : 0.5 * (lo + hi);
  const loPositive = flo > 0;
  for (let iter = 0; iter < 300; iter++) {
    const f = expSum(a, t, n, s, c);
    if (f === 0) return s;
    if (f > 0 === loPositive) lo = s;
    else hi = s;
    const step = f / expDeriv;
    if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(s))) return s - step;
    const sn = s - step;
    s = sn > lo && sn < hi ? sn : 0.5 * (lo + hi);
    if (hi - lo <= 4e-16 * Math.max(Math.abs(lo), Math.abs(hi))) return s;
  }
  return s;
}

/**
 * XIRR of amounts at times in years from the first flow (t[0] = 0, t ascending, no two equal).
 * Returns the annual rate. The lowest-level XIRR entry point.
 */
export function xirrOfTimes(amounts: ArrayLike<number>, t: ArrayLike<number>): number {
  const n = amounts.length;
  if (n === 0) throw new IrrError('no_flows', 'no cash flows');
  let changes = 0, prevSign = 0, sum = 0;
  let aSum = 0, aT = 0, bSum = 0, bT = 0;
  let lastNonZero = -1, firstNonZero = -1;
  for (let i = 0; i < n; i++) {
    const v = amounts[i]!;
    if (!Number.isFinite(v) || !Number.isFinite(t[i]!)) throw new IrrError('bad_input', `flow ${i} is not a finite number`);
    if (v === 0) continue;
    if (firstNonZero < 0) firstNonZero = i;
    lastNonZero = i;
    sum += v;
    const sg = v > 0 ? 1 : -1;
    if (prevSign !== 0 && sg !== prevSign) changes++;
    prevSign = sg;
    if (changes === 0) {
      aSum += v;
      aT += v * t[i]!;
    } else {
      bSum += v;
      bT += v * t[i]!;
    }
  }
  if (firstNonZero < 0) throw new IrrError('no_flows', 'all cash flows are zero');
  if (changes === 0) throw new IrrError('same_sign', 'all cash flows have the same sign: money never goes both ways, so there is no rate');
  const T = t[n - 1]!;
  if (sum === 0) return 0;
  if (changes === 1) {
    let s0 = Math.log(-bSum / aSum) / (bT / bSum - aT / aSum);
    if (!Number.isFinite(s0)) s0 = 0.1;
    const aFirst = amounts[firstNonZero]!;
    const aLast = amounts[lastNonZero]!;
    if ((aFirst > 0) !== (sum > 0)) {
      // s > 0. The value tends to the flows at the first time as s → ∞; find where it has their sign.
      let hi = Math.max(1, 2 * s0);
      let fhi = expSum(amounts, t, n, hi, 0);
      while (fhi !== 0 && fhi > 0 !== aFirst > 0) {
        hi *= 2;
        if (hi > 1e7) throw new IrrError('overflow', 'the annual rate is too large to represent as a number (above 1.8e308)');
        fhi = expSum(amounts, t, n, hi, 0);
      }
      if (fhi === 0) return Math.expm1(hi);
      const s = solveExp(amounts, t, n, 0, 0, hi, sum, s0);
      const x = Math.expm1(s);
      if (!Number.isFinite(x)) throw new IrrError('overflow', 'the annual rate is too large to represent as a number (above 1.8e308)');
      return x;
    }
    // s < 0 (x ∈ (−1, 0)), evaluated as the sum times e^(Ts).
    let lo = Math.min(-1, 2 * s0);
    let flo = expSum(amounts, t, n, lo, T);
    while (flo !== 0 && flo > 0 !== aLast > 0) {
      lo *= 2;
      if (lo < -1e7) throw new IrrError('no_root', 'no rate above −100 % makes the cash flows balance');
      flo = expSum(amounts, t, n, lo, T);
    }
    if (flo === 0) return Math.expm1(lo);
    const s = solveExp(amounts, t, n, T, lo, 0, flo, s0);
    return Math.expm1(s);
  }
  // Several sign changes: scan outward from 0.
  const maxPos = Math.log(1 + 1e12);
  let prevS = 0, prevF = sum;
  for (let s = nextScanStep(0); s <= maxPos + 1e-12; s = nextScanStep(s)) {
    const f = expSum(amounts, t, n, s, 0);
    if (f === 0) return Math.expm1(s);
    if (f > 0 !== prevF > 0) return Math.expm1(solveExp(amounts, t, n, 0, prevS, s, prevF, 0.5 * (prevS + s)));
    prevS = s;
    prevF = f;
  }
  prevS = 0;
  prevF = sum;
  for (let s = -nextScanStep(0); s >= -SCAN_MAX_S_NEGATIVE - 1e-12; s = -nextScanStep(-s)) {
    const f = expSum(amounts, t, n, s, T);
    if (f === 0) return Math.expm1(s);
    if (f > 0 !== prevF > 0) return Math.expm1(solveExp(amounts, t, n, T, s, prevS, f, 0.5 * (prevS + s)));
    prevS = s;
    prevF = f;
  }
  throw new IrrError('no_root', 'no annual rate between −99 % and 10¹⁴ % makes the cash flows balance');
}

// ------------------------------------------------------------------------------------------------
// Dated cash flows
// ------------------------------------------------------------------------------------------------

function parseFlows(flows: readonly CashFlow[]): { dates: Ymd[]; days: number[]; startIdx: number } {
  if (flows.length === 0) throw new IrrError('no_flows', 'no cash flows');
  const dates: Ymd[] = new Array(flows.length);
  const days: number[] = new Array(flows.length);
  let startIdx = 0;
  for (let i = 0; i < flows.length; i++) {
    const f = flows[i]!;
    const p = parseYmd(f.date);
    if (!p) throw new IrrError('bad_input', `cash flow ${i}: invalid date ${JSON.stringify(f.date)}, expected YYYY-MM-DD`);
    if (!Number.isFinite(f.amountFen)) throw new IrrError('bad_input', `cash flow ${i}: amount is not a finite number`);
    dates[i] = p;
    days[i] = civilToDays(p.y, p.m, p.d);
    if (days[i]! < days[startIdx]!) startIdx = i;
  }
  return { dates, days, startIdx };
}

/**
 * Net amount per period number, as lenders number periods (periods.ts, lenderClock): the earliest flow is period 0,
 * the first later flow period 1 however long the first period is, later flows counted from it.
 * Index k holds the sum of the flows whose period number is k.
 */
export function flowsByPeriod(flows: readonly CashFlow[], period: Period): Float64Array {
  const u = periodUnit(period);
  const { dates } = parseFlows(flows);
  const clock = lenderClockOf(dates, u);
  const nums = new Array<number>(flows.length);
  let max = 0;
  for (let i = 0; i < flows.length; i++) {
    const k = lenderPeriodNumber(clock, dates[i]!);
    nums[i] = k;
    if (k > max) max = k;
  }
  const out = new Float64Array(max + 1);
  for (let i = 0; i < flows.length; i++) out[nums[i]!]! += flows[i]!.amountFen;
  return out;
}

/** The periodic IRR ('periodic-irr'): the rate per schedule period. Throws IrrError when there is none. */
export function periodicIrr(flows: readonly CashFlow[], period: Period): PeriodicRate {
  const value = irrOfPeriods(flowsByPeriod(flows, period));
  return { convention: 'periodic-irr', value, period, periodsPerYear: periodsPerYear(period) };
}

/** 'irr-nominal': periodic × periods per year — the annual rate lenders must display. */
export function aprNominal(periodic: PeriodicRate): AnnualRate {
  return { convention: 'irr-nominal', value: periodic.value * periodic.periodsPerYear };
}

/** 'effective': (1 + periodic)^(periods per year) − 1. */
export function aprEffective(periodic: PeriodicRate): AnnualRate {
  return { convention: 'effective', value: effectiveFromPeriodic(periodic.value, periodic.periodsPerYear) };
}

export function effectiveFromPeriodic(r: number, periodsPerYear: number): number {
  return Math.expm1(periodsPerYear * Math.log1p(r));
}

/** 'xirr': annual rate on actual dates, ACT/365 from the first (earliest) flow. */
export function xirr(flows: readonly CashFlow[]): AnnualRate {
  const { days } = parseFlows(flows);
  // Sort by day and merge flows on the same day.
  const order = flows.map((_, i) => i);
  let sorted = true;
  for (let i = 1; i < days.length; i++) if (days[i]! < days[i - 1]!) sorted = false;
  if (!sorted) order.sort((x, y) => days[x]! - days[y]!);
  const amounts: number[] = [];
  const t: number[] = [];
  const d0 = days[order[0]!]!;
  let prevDay = Number.NaN;
  for (const i of order) {
    const d = days[i]!;
    if (d === prevDay) amounts[amounts.length - 1]! += flows[i]!.amountFen;
    else {
      amounts.push(flows[i]!.amountFen);
      t.push((d - d0) / 365);
      prevDay = d;
    }
  }
  if (t.length < 2) throw new IrrError('same_date', 'all cash flows are on the same date: XIRR needs time to pass');
  return { convention: 'xirr', value: xirrOfTimes(amounts, t) };
}

/** All four rates of a set of cash flows. */
export function ratesOf(flows: readonly CashFlow[], period: Period): RateSet {
  const periodic = periodicIrr(flows, period);
  return { periodic, nominal: aprNominal(periodic), effective: aprEffective(periodic), xirr: xirr(flows) };
}

/** Present value at a periodic rate of amounts indexed by period number. */
export function presentValue(amounts: ArrayLike<number>, r: number): number {
  const x = 1 / (1 + r);
  let p = 0;
  for (let k = amounts.length - 1; k >= 0; k--) p = p * x + amounts[k]!;
  return p;
}
