/**
 * Loan-rate benchmark (prints figures; not a test).
 *
 * Generates N loans (default 100 000) from a seeded PRNG — 等额本息, 等本等息, 先息后本, bullet, card
 * installments and 7/14/30-day payday loans, with upfront deductions — and computes their rates:
 * - ours: irrOfPeriods (periodic IRR) and xirrOfTimes (XIRR) on prepared arrays, and the whole pipeline
 *   from a loan (loanCashFlows → dated flows → periodic, nominal, effective and XIRR);
 * - @formulajs/formulajs IRR and XIRR, and financial (numpy-financial port) irr, on the same arrays.
 * Precision is measured against an independent reference (plain bisection to the last bit on a
 * compensated NPV) on a sample; "largest difference" compares every loan's result with ours.
 *
 *   npx tsx bench/loans.ts [loans] [seed]
 */
import { IRR, XIRR } from '@formulajs/formulajs';
import { irr as financialIrr } from 'financial';
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { loanCashFlows } from '../src/domain/loans/cashflows.js';
import { flowsByPeriod, irrOfPeriods, ratesOf, xirrOfTimes } from '../src/domain/loans/irr.js';
import { civilToDays, dateOfDays } from '../src/domain/loans/periods.js';
import { buildSchedule, schedulePeriod, type ScheduleSpec } from '../src/domain/loans/schedules.js';
import type { CashFlow, Period } from '../src/domain/loans/types.js';
import { rng } from '../src/import/testing.js';

export interface LoansBenchOptions {
  loans?: number;
  seed?: number;
  /**
   * Loans (evenly spread) on which the libraries run and precision is checked against the reference.
   * formulajs takes ~1 ms per IRR and ~3.5 ms per XIRR, so all 100 000 loans would take minutes.
   */
  sample?: number;
  log?: (line: string) => void;
}

interface Timing {
  totalMs: number;
  perSecond: number;
  medianUs: number;
}

interface LibFigures extends Timing {
  /** Loans for which the library gave no number (error value or NaN). */
  failures: number;
  /** Largest |library − ours| over the sample loans both solved (relative when the rate is above 1). */
  maxDiffFromOurs: number;
  /** Largest |library − reference| on the sample (relative when the rate is above 1). */
  maxErrorVsReference: number;
  /** Library time / our time on the same loans, timed back to back per loan (ratio of the summed times). */
  slowerBy: number;
  /** The median over loans of the per-loan ratio. */
  slowerByMedian: number;
}

export interface LoansBenchResult {
  loans: number;
  /** Loans in the library and reference sample. */
  sample: number;
  seed: number;
  machine: string;
  ours: {
    periodic: Timing & { maxErrorVsReference: number };
    xirr: Timing & { maxErrorVsReference: number };
    /** loanCashFlows + ratesOf (4 rates) from each loan's dated schedule. */
    pipeline: Timing;
  };
  formulajsIrr: LibFigures;
  financialIrr: LibFigures;
  financialIrrTight: LibFigures;
  formulajsXirr: LibFigures & {
    /** Sample loans formulajs XIRR was not given: its Newton loop has no iteration limit and never returns on them. */
    excluded: number;
    excludedRule: string;
  };
}

interface BenchLoan {
  flows: CashFlow[];
  period: Period;
  loan: Parameters<typeof loanCashFlows>[0];
  /** Net amount per period number (what spreadsheet IRR takes). */
  values: number[];
  /** XIRR inputs: same-day flows merged, times in years from the first. */
  amounts: number[];
  years: number[];
  dates: Date[];
}

export function generate(n: number, seed: number): BenchLoan[] {
  const rnd = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out: BenchLoan[] = [];
  const dayFrom = civilToDays(2019, 1, 1), dayTo = civilToDays(2025, 12, 31);
  while (out.length < n) {
    const contractDate = dateOfDays(dayFrom + Math.floor(rnd() * (dayTo - dayFrom)));
    const principalFen = 100_000 + Math.floor(rnd() * 20_000_000);
    const periods = pick([3, 6, 9, 12, 12, 12, 18, 24, 36]);
    const r = 0.003 + rnd() * 0.04;
    const kind = pick(['equal_installment', 'equal_installment', 'flat_rate', 'interest_first', 'bullet', 'card_installment', 'payday'] as const);
    const spec: ScheduleSpec =
      kind === 'payday'
        ? { kind, principalFen, contractDate, days: pick([7, 14, 30]), dailyRate: 0.0002 + rnd() * 0.002, feeFen: Math.floor(rnd() * principalFen * 0.05) }
        : ({ kind, principalFen, periods, contractDate, periodicRate: r, flatRate: r * 0.6, feeRate: r * 0.5 } as ScheduleSpec);
    const schedule = buildSchedule(spec);
    const period = schedulePeriod(spec);
    const receivedFen = rnd() < 0.4 ? principalFen : Math.round(principalFen * (0.75 + rnd() * 0.25));
    const loan = { contractDate, receivedFen, fees: [], schedule };
    const flows = loanCashFlows(loan);
    const values = Array.from(flowsByPeriod(flows, period));
    const d0 = civilToDays(+contractDate.slice(0, 4), +contractDate.slice(5, 7), +contractDate.slice(8, 10));
    const amounts = flows.map((f) => f.amountFen);
    const years = flows.map((f) => (civilToDays(+f.date.slice(0, 4), +f.date.slice(5, 7), +f.date.slice(8, 10)) - d0) / 365);
    const dates = flows.map((f) => new Date(`${f.date}T00:00:00Z`));
    out.push({ flows, period, loan, values, amounts, years, dates });
  }
  return out;
}

/** Σ a_i (1+r)^(−t_i) with Neumaier compensated summation. */
function npvCompensated(amounts: readonly number[], times: readonly number[], r: number): number {
  let s = 0, c = 0;
  const lr = Math.log1p(r);
  for (let i = 0; i < amounts.length; i++) {
    const x = amounts[i]! * Math.exp(-times[i]! * lr);
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
}

/** Independent reference: bisection to adjacent doubles on the compensated NPV, inside a bracket found by scanning. */
function referenceRate(amounts: readonly number[], times: readonly number[]): number {
  let lo = -0.99, hi = 0;
  let flo = npvCompensated(amounts, times, lo);
  // Scan up for a sign change (loans here change sign once); payday XIRRs run past 1e9.
  for (hi = -0.9; hi < 1e300; hi = hi < 0 ? hi + 0.1 : hi * 1.5 + 0.1) {
    const fhi = npvCompensated(amounts, times, hi);
    if (fhi === 0) return hi;
    if (fhi > 0 !== flo > 0) break;
    lo = hi;
    flo = fhi;
  }
  for (let i = 0; i < 2000; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    const fm = npvCompensated(amounts, times, mid);
    if (fm === 0) return mid;
    if (fm > 0 === flo > 0) {
      lo = mid;
      flo = fm;
    } else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** Median cost of the per-loan timer itself (two hrtime.bigint calls), subtracted from every median. */
let timerOverheadUs = 0;

function measureTimerOverhead(n: number): number {
  const per = new Float64Array(n);
  let sink = 0;
  for (let i = 0; i < n; i++) {
    const s = process.hrtime.bigint();
    sink += i;
    per[i] = Number(process.hrtime.bigint() - s) / 1e3;
  }
  per.sort();
  return sink >= 0 ? per[n >> 1]! : 0;
}

/**
 * Throughput from the best of three passes timed as a whole (the machine may be shared; the best pass is the
 * least disturbed), then a pass timing each loan on its own for the median, less the timer's own median cost.
 */
function time<T>(loans: readonly BenchLoan[], f: (l: BenchLoan) => T, out: T[]): Timing {
  let totalMs = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < 3; pass++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < loans.length; i++) out[i] = f(loans[i]!);
    totalMs = Math.min(totalMs, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const per = new Float64Array(loans.length);
  for (let i = 0; i < loans.length; i++) {
    const s = process.hrtime.bigint();
    f(loans[i]!);
    per[i] = Number(process.hrtime.bigint() - s) / 1e3;
  }
  per.sort();
  return { totalMs, perSecond: (loans.length / totalMs) * 1e3, medianUs: Math.max(0.001, per[per.length >> 1]! - timerOverheadUs) };
}

/**
 * Speed ratio robust to a shared, busy machine: for every loan, ours and the library are timed back to back
 * (each repeated so that a timed chunk is well above the timer's resolution), so both see the same machine.
 * Returns the ratio of the summed times and the median of the per-loan ratios.
 */
function pairedRatio(loans: readonly BenchLoan[], ours: (l: BenchLoan) => unknown, lib: (l: BenchLoan) => unknown, repsOurs: number, repsLib: number): { total: number; median: number } {
  const ratios = new Float64Array(loans.length);
  let sumOurs = 0, sumLib = 0;
  for (let i = 0; i < loans.length; i++) {
    const l = loans[i]!;
    let s = process.hrtime.bigint();
    for (let k = 0; k < repsOurs; k++) ours(l);
    const a = Number(process.hrtime.bigint() - s) / repsOurs;
    s = process.hrtime.bigint();
    for (let k = 0; k < repsLib; k++) lib(l);
    const b = Number(process.hrtime.bigint() - s) / repsLib;
    sumOurs += a;
    sumLib += b;
    ratios[i] = b / a;
  }
  ratios.sort();
  return { total: sumLib / sumOurs, median: ratios[ratios.length >> 1]! };
}

const num = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) ? x : Number.NaN);

/** results, ours and ref are all indexed by sample position. */
function libFigures(t: Timing, speed: { total: number; median: number }, results: number[], ours: number[], ref: number[]): LibFigures {
  let failures = 0, maxDiff = 0, maxErr = 0;
  for (let k = 0; k < results.length; k++) {
    const v = results[k]!;
    if (!Number.isFinite(v)) {
      failures++;
      continue;
    }
    const scale = Math.max(1, Math.abs(ref[k]!));
    maxDiff = Math.max(maxDiff, Math.abs(v - ours[k]!) / scale);
    maxErr = Math.max(maxErr, Math.abs(v - ref[k]!) / scale);
  }
  return { ...t, failures, maxDiffFromOurs: maxDiff, maxErrorVsReference: maxErr, slowerBy: speed.total, slowerByMedian: speed.median };
}

export function runLoansBench(opts: LoansBenchOptions = {}): LoansBenchResult {
  const n = opts.loans ?? 100_000;
  const seed = opts.seed ?? 20_240_115;
  const sampleSize = Math.min(n, opts.sample ?? 5_000);
  const log = opts.log ?? ((s: string) => console.log(s));
  const cpu = cpus();
  const machine = `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, node ${process.versions.node}, ${process.platform}/${process.arch}`;

  log(`loans benchmark: generating ${n.toLocaleString('en-US')} loans (seed ${seed})…`);
  const loans = generate(n, seed);

  const sample: BenchLoan[] = [];
  for (let k = 0; k < sampleSize; k++) sample.push(loans[Math.floor((k * n) / sampleSize)]!);

  // Warm up every function so the JIT has compiled them before timing.
  for (const l of loans.slice(0, Math.min(5_000, n))) {
    irrOfPeriods(l.values);
    xirrOfTimes(l.amounts, l.years);
    ratesOf(loanCashFlows(l.loan), l.period);
  }
  for (const l of sample.slice(0, 300)) {
    IRR(l.values);
    XIRR(l.amounts, l.dates);
    financialIrr(l.values);
    financialIrr(l.values, 0.1, 1e-12, 100);
  }

  timerOverheadUs = measureTimerOverhead(200_000);
  log(`ours on all ${n.toLocaleString('en-US')} loans…`);
  const allP: number[] = new Array(n), allX: number[] = new Array(n), pipe: unknown[] = new Array(n);
  const tOursP = time(loans, (l) => irrOfPeriods(l.values), allP);
  const tOursX = time(loans, (l) => xirrOfTimes(l.amounts, l.years), allX);
  const tPipe = time(loans, (l) => ratesOf(loanCashFlows(l.loan), l.period), pipe);

  log(`ours and the libraries on a sample of ${sampleSize.toLocaleString('en-US')} loans…`);
  const m = sampleSize;
  const oursP: number[] = new Array(m), oursX: number[] = new Array(m);
  const fjIrr: number[] = new Array(m), finIrr: number[] = new Array(m), finTight: number[] = new Array(m);
  const sOursP = time(sample, (l) => irrOfPeriods(l.values), oursP);
  const sOursX = time(sample, (l) => xirrOfTimes(l.amounts, l.years), oursX);
  const tFjIrr = time(sample, (l) => num(IRR(l.values)), fjIrr);
  const tFin = time(sample, (l) => num(financialIrr(l.values)), finIrr);
  const tFinTight = time(sample, (l) => num(financialIrr(l.values, 0.1, 1e-12, 100)), finTight);
  // formulajs XIRR loops forever (no iteration limit) on very high rates, e.g. a 7-day loan at 23 % a week
  // (XIRR ≈ 4.8e5). It is only given the sample loans whose XIRR is at most 1 000 %.
  const excludedRule = 'XIRR > 1000 % (formulajs XIRR never returns: its Newton loop has no iteration limit)';
  const xSample = sample.filter((_, k) => oursX[k]! <= 10);
  const xOurs: number[] = new Array(xSample.length), fjXirr: number[] = new Array(xSample.length);
  const sOursX2 = time(xSample, (l) => xirrOfTimes(l.amounts, l.years), xOurs);
  const tFjXirr = time(xSample, (l) => num(XIRR(l.amounts, l.dates)), fjXirr);

  log('speed ratios, ours and each library timed back to back on every sample loan…');
  const ourP = (l: BenchLoan) => irrOfPeriods(l.values);
  const ourX = (l: BenchLoan) => xirrOfTimes(l.amounts, l.years);
  const rFjIrr = pairedRatio(sample, ourP, (l) => IRR(l.values), 20, 2);
  const rFin = pairedRatio(sample, ourP, (l) => financialIrr(l.values), 20, 2);
  const rFinTight = pairedRatio(sample, ourP, (l) => financialIrr(l.values, 0.1, 1e-12, 100), 20, 2);
  const rFjXirr = pairedRatio(xSample, ourX, (l) => XIRR(l.amounts, l.dates), 20, 1);

  log('reference rates (bisection) on the sample…');
  const refP = sample.map((l) => referenceRate(l.values, l.values.map((_, k) => k)));
  const refX = sample.map((l) => referenceRate(l.amounts, l.years));
  const refX2 = xSample.map((l) => referenceRate(l.amounts, l.years));
  // Relative for rates above 1 (XIRR of payday loans runs to 1e5 and more).
  const errOf = (ours: number[], ref: number[]) => ours.reduce((mx, v, k) => Math.max(mx, Math.abs(v - ref[k]!) / Math.max(1, Math.abs(ref[k]!))), 0);

  const result: LoansBenchResult = {
    loans: n,
    sample: m,
    seed,
    machine,
    ours: {
      periodic: { ...tOursP, maxErrorVsReference: errOf(oursP, refP) },
      xirr: { ...tOursX, maxErrorVsReference: errOf(oursX, refX) },
      pipeline: tPipe,
    },
    formulajsIrr: libFigures(tFjIrr, rFjIrr, fjIrr, oursP, refP),
    financialIrr: libFigures(tFin, rFin, finIrr, oursP, refP),
    financialIrrTight: libFigures(tFinTight, rFinTight, finTight, oursP, refP),
    formulajsXirr: { ...libFigures(tFjXirr, rFjXirr, fjXirr, xOurs, refX2), excluded: sample.length - xSample.length, excludedRule },
  };

  const f = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  const e = (x: number) => (Number.isFinite(x) ? x.toExponential(1) : 'inf');
  log(`machine: ${machine}; load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  log(`ours: loans/s and median over all ${f(n)} loans. Libraries, errors against the bisection reference (relative above 100 %),`);
  log(`differences from ours and speed ratios: on an evenly spread ${f(m)}-loan sample, ours re-timed on the same sample.`);
  log(`loans/s from the best of 3 passes; medians less the timer's own ${f(timerOverheadUs, 2)} µs.`);
  log('"slower than ours": both timed back to back on every sample loan; ratio of summed times (median of per-loan ratios).');
  log('');
  log('                                   loans/s   median µs  total ms   max err vs ref  max |Δ| vs ours  failures  slower than ours');
  const row = (name: string, t: Timing, err: number, diff = '', fails = '', ratio = '') =>
    log(`${name.padEnd(33)} ${f(t.perSecond).padStart(10)} ${f(t.medianUs, 2).padStart(10)} ${f(t.totalMs).padStart(9)}   ${e(err).padStart(14)}  ${diff.padStart(15)}  ${fails.padStart(8)}  ${ratio.padStart(18)}`);
  const ratio = (x: LibFigures) => `${f(x.slowerBy, 1)}× (${f(x.slowerByMedian, 1)}×)`;
  const r = result;
  row('ours periodic IRR (irrOfPeriods)', r.ours.periodic, r.ours.periodic.maxErrorVsReference);
  log(`  on the sample: ${f(sOursP.perSecond)} loans/s, median ${f(sOursP.medianUs, 2)} µs`);
  row('formulajs IRR', r.formulajsIrr, r.formulajsIrr.maxErrorVsReference, e(r.formulajsIrr.maxDiffFromOurs), f(r.formulajsIrr.failures), ratio(r.formulajsIrr));
  row('financial irr (default tol 1e-6)', r.financialIrr, r.financialIrr.maxErrorVsReference, e(r.financialIrr.maxDiffFromOurs), f(r.financialIrr.failures), ratio(r.financialIrr));
  row('financial irr (tol 1e-12)', r.financialIrrTight, r.financialIrrTight.maxErrorVsReference, e(r.financialIrrTight.maxDiffFromOurs), f(r.financialIrrTight.failures), ratio(r.financialIrrTight));
  row('ours XIRR (xirrOfTimes)', r.ours.xirr, r.ours.xirr.maxErrorVsReference);
  log(`  on the sample without XIRR > 1000 %: ${f(sOursX2.perSecond)} loans/s, median ${f(sOursX2.medianUs, 2)} µs`);
  row('formulajs XIRR', r.formulajsXirr, r.formulajsXirr.maxErrorVsReference, e(r.formulajsXirr.maxDiffFromOurs), f(r.formulajsXirr.failures), ratio(r.formulajsXirr));
  log(`  formulajs XIRR not given ${f(r.formulajsXirr.excluded)} of the ${f(m)} sample loans: ${excludedRule}; its ratio compares both on the rest.`);
  log(`ours whole loan (loanCashFlows + periodic, nominal, effective, XIRR from dated flows): ${f(r.ours.pipeline.perSecond)} loans/s, median ${f(r.ours.pipeline.medianUs, 2)} µs`);
  return result;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const n = process.argv[2] ? Number(process.argv[2]) : undefined;
  const seed = process.argv[3] ? Number(process.argv[3]) : undefined;
  runLoansBench({ loans: n, seed });
}
