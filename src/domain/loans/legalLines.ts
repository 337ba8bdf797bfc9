/**
 * A loan against the legal rate lines (pure; the law data comes in as arguments).
 *
 * For each LegalLine:
 * - applies: loan.lenderType ∈ line.appliesTo, otherwise the line's notApplicableReason. The figures are
 *   computed either way (a line that does not bind the lender is still a useful yardstick).
 * - lineRate: the fixed rate, or for 'lpr4' 4 × the 1-year LPR in force on the contract date (the latest
 *   quote dated on or before it). Annual, nominal: compared with the loan's 'irr-nominal' rate.
 * - loanRate: the loan's nominal APR by IRR ('irr-nominal') on its contractual cash flows, whose principal
 *   is the REAL principal: the amount actually received, less upfront fees paid separately (cashflows.ts).
 * - over: loanRate > lineRate.
 * - excessFen: what the borrower pays or must pay under the contract above what the same loan would cost
 *   at the line: Σ contractual payments − Σ payments of the RE-PRICED schedule (0 when not over).
 *
 * RE-PRICING METHOD. The re-priced schedule lends the real principal at the line's periodic rate
 * (lineRate / periods a year) with the same number of payments on the same due dates:
 * - 'scaled' (the general method): every contractual payment a_k (installment total + extra per-period
 *   fees) is multiplied by one factor λ = realPrincipal / Σ a_k (1 + r_line)^(−n_k), n_k the payment's period
 *   number, so that the re-priced schedule's periodic IRR is exactly the line's. The shape of the
 *   schedule is kept. For equal payments (等额本息, 等本等息, card installments) this is exactly the
 *   等额本息 annuity of the real principal at the line's periodic rate; it needs only the payment totals,
 *   not how the lender split them into principal, interest and fees.
 * - 'interest_first': when the schedule is 先息后本 (every installment but the last has principal 0, the
 *   last has the principal, due dates are periods 1…n), the re-priced schedule is also interest-first:
 *   round(realPrincipal × r_line) each period and the real principal with the last — the reading a court
 *   takes of such a loan (its IRR is also exactly the line's).
 * Each re-priced payment is rounded to the fen.
 *
 * PAID SO FAR (when payments exist; asOf = the last payment's date), two readings:
 * - paidAboveLineFen (installment view): payments are applied to the contractual payments in due-date
 *   order; of each fen applied to payment k, the share (a_k − a'_k) / a_k is above the line; anything paid
 *   beyond the contractual total (penalties, overdue fees…) is above the line once the total paid exceeds
 *   both the contractual and the re-priced totals.
 * - owedUnderLineFen / overpaidUnderLineFen (settlement view): the real principal grows at the line's
 *   periodic rate (compounded per period, fractional periods for dates between due dates) and each
 *   payment reduces it; what remains is what the borrower would still owe at the line on asOf, and
 *   anything paid after it reached zero is overpaid (what a court offsets or orders returned).
 */
import type { LegalLine, LenderType, LprEntry, LprOrigin, LprQuote, Text2, Tier, Verification } from '../law.js';
import { roundFen, type Fen } from '../money.js';
import { extraPerPeriodFeeFen, loanCashFlows, realPrincipalFen, totalPayableFen } from './cashflows.js';
import { aprEffective, aprNominal, IrrError, periodicIrr, xirr, type AnnualRate, type RateSet } from './irr.js';
import { lenderClock, lenderPeriodTime, parseYmd, periodUnit, periodsPerYear, roundHalfUp, type LenderClock } from './periods.js';
import type { LoanInput } from './types.js';

export type LprSource = readonly LprEntry[] | ((date: string) => LprEntry | LprQuote | number | null | undefined);

export type LegalLineLoan = Pick<LoanInput, 'lenderType' | 'contractDate' | 'receivedFen' | 'fees' | 'period' | 'schedule' | 'payments'>;

export interface RepricedPayment {
  /** Installment number in the contractual schedule (1-based). */
  period: number;
  dueDate: string;
  /** What the contract asks (installment total + extra per-period fees), fen. */
  contractFen: Fen;
  /** What the re-priced schedule asks, fen. */
  repricedFen: Fen;
}

export interface RepricedSchedule {
  method: 'scaled' | 'interest_first';
  /** The annual nominal rate the schedule was re-priced at. */
  annualRate: number;
  periodicRate: number;
  realPrincipalFen: Fen;
  payments: RepricedPayment[];
  contractTotalFen: Fen;
  repricedTotalFen: Fen;
}

export interface PaidAboveLine {
  /** Date of the last recorded payment. */
  asOf: string;
  totalPaidFen: Fen;
  /** Installment view (see module comment). */
  paidAboveLineFen: Fen;
  /** Settlement view: what would still be owed at the line rate on asOf. */
  owedUnderLineFen: Fen;
  /** Settlement view: paid beyond repaying the real principal with interest at the line rate. */
  overpaidUnderLineFen: Fen;
}

export interface LineCheck {
  lineId: string;
  label: Text2;
  meaning: Text2;
  citationIds: string[];
  /** Passed through from the line (how binding its source is, whether verified, caveats, start date). */
  tier: Tier | null;
  verified: Verification | null;
  note: Text2 | null;
  effectiveFrom: string | null;
  applies: boolean;
  /** Why the line does not bind this lender type; null when it applies. */
  notApplicableReason: Text2 | null;
  rateBasis: 'fixed' | 'lpr4';
  /**
   * The LPR quote used for an 'lpr4' line; when the lookup says so, where it came from (table, last known quote after the
   * table, entered by the user) and the note to show with it.
   */
  lpr: LprUsed | null;
  /** Annual nominal rate of the line; null when it cannot be known (no LPR for the date). */
  lineRate: number | null;
  /** The loan's 'irr-nominal' rate; null when it has none (no schedule, no IRR). */
  loanRate: number | null;
  /** null when either rate is unknown. */
  over: boolean | null;
  totalPayableFen: Fen;
  /** Re-priced at the line (null when a rate is unknown). */
  repriced: RepricedSchedule | null;
  /** Paid or payable above the line under the contract; 0 when not over; null when unknown. */
  excessFen: Fen | null;
  /** Only when the loan has payments and the figures are known. */
  paid: PaidAboveLine | null;
  /** Why a figure is missing, in plain words; null when all is known. */
  problem: string | null;
}

export interface LegalLinesReport {
  lenderType: LenderType;
  contractDate: string;
  realPrincipalFen: Fen;
  totalPayableFen: Fen;
  /**
   * All four rates of the contractual cash flows; null when there is no rate (problem says why). An XIRR too
   * large for a double (a one-day loan at 1 000 % a day) is Infinity, with a problem saying so.
   */
  rates: RateSet | null;
  problem: string | null;
  lines: LineCheck[];
}

/**
 * The LPR quote in force on `date`: the latest entry dated on or before it. A lookup function may return
 * null/undefined or throw (e.g. src/law's lprOn outside its table) when the quote is unknown.
 */
export function lprInForce(lpr: LprSource, date: string): LprUsed | null {
  return lprLookup(lpr, date).quote;
}

/** The LPR quote a line used. */
export interface LprUsed {
  date: string | null;
  oneYear: number;
  origin?: LprOrigin;
  note?: Text2 | null;
  source?: string;
}

function lprLookup(lpr: LprSource, date: string): { quote: LprUsed | null; problem: string | null } {
  if (typeof lpr !== 'function') {
    const quote = lprFromTable(lpr, date);
    return { quote, problem: quote ? null : `no 1-year LPR is known for the contract date ${date}` };
  }
  try {
    const quote = lprFromFunction(lpr, date);
    return { quote, problem: quote ? null : `no 1-year LPR is known for the contract date ${date}` };
  } catch (e) {
    return { quote: null, problem: `no 1-year LPR is known for the contract date ${date}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function lprFromFunction(lpr: (date: string) => LprEntry | LprQuote | number | null | undefined, date: string): LprUsed | null {
  const r = lpr(date);
  if (r == null) return null;
  if (typeof r === 'number') return Number.isFinite(r) ? { date: null, oneYear: r } : null;
  const out: LprUsed = { date: r.date, oneYear: r.oneYear };
  if ('origin' in r) {
    out.origin = r.origin;
    out.note = r.note;
    if (r.source !== undefined) out.source = r.source;
  }
  return out;
}

function lprFromTable(lpr: readonly LprEntry[], date: string): { date: string | null; oneYear: number } | null {
  let best: LprEntry | null = null;
  for (const e of lpr) if (e.date <= date && (!best || e.date > best.date)) best = e;
  return best ? { date: best.date, oneYear: best.oneYear } : null;
}

/** The loan's clock as lenders number periods: the contract date is 0, the first due date after it period 1. */
function loanClock(loan: LegalLineLoan): LenderClock {
  const start = parseYmd(loan.contractDate);
  if (!start) throw new RangeError(`contractDate: invalid date ${JSON.stringify(loan.contractDate)}`);
  let first: string | null = null;
  for (const i of loan.schedule) if (i.dueDate > loan.contractDate && (first === null || i.dueDate < first)) first = i.dueDate;
  return lenderClock(start, first, periodUnit(loan.period));
}

function periodNumbersFrom(dates: readonly string[], loan: LegalLineLoan): number[] {
  const clock = loanClock(loan);
  return dates.map((d) => {
    const p = parseYmd(d);
    if (!p) throw new RangeError(`invalid due date ${JSON.stringify(d)}`);
    return lenderPeriodTime(clock, p);
  });
}

function isInterestFirst(loan: LegalLineLoan, nums: readonly number[]): boolean {
  const s = loan.schedule;
  if (s.length < 2) return false;
  for (let k = 0; k < s.length; k++) {
    if (k < s.length - 1 ? s[k]!.principalFen !== 0 : s[k]!.principalFen <= 0) return false;
    if (Math.abs(nums[k]! - (k + 1)) > 1e-9) return false;
  }
  return true;
}

/**
 * The loan's schedule re-priced at an annual nominal rate on its real principal (method in the module
 * comment). Throws RangeError when the loan has no schedule or no positive real principal.
 */
export function repriceSchedule(loan: LegalLineLoan, annualRate: number): RepricedSchedule {
  if (loan.schedule.length === 0) throw new RangeError('schedule: the loan has no installments to re-price');
  const R = realPrincipalFen(loan);
  if (R <= 0) throw new RangeError('receivedFen: the real principal (received − upfront fees paid separately) is not positive');
  const r = annualRate / periodsPerYear(loan.period);
  const extra = extraPerPeriodFeeFen(loan);
  const a = loan.schedule.map((i) => i.totalFen + extra);
  const nums = periodNumbersFrom(
    loan.schedule.map((i) => i.dueDate),
    loan,
  ).map((x) => roundHalfUp(x));
  let method: RepricedSchedule['method'];
  let repriced: number[];
  if (isInterestFirst(loan, nums)) {
    method = 'interest_first';
    const interest = roundFen(R * r);
    repriced = a.map((_, k) => (k === a.length - 1 ? R + interest : interest));
  } else {
    method = 'scaled';
    let pv = 0;
    for (let k = 0; k < a.length; k++) pv += a[k]! * Math.pow(1 + r, -nums[k]!);
    if (!(pv > 0)) throw new RangeError('schedule: the installments add up to nothing to re-price');
    const lambda = R / pv;
    repriced = a.map((x) => roundFen(x * lambda));
  }
  const payments = loan.schedule.map((i, k) => ({ period: i.period, dueDate: i.dueDate, contractFen: a[k]!, repricedFen: repriced[k]! }));
  let contractTotalFen = 0, repricedTotalFen = 0;
  for (const p of payments) {
    contractTotalFen += p.contractFen;
    repricedTotalFen += p.repricedFen;
  }
  return { method, annualRate, periodicRate: r, realPrincipalFen: R, payments, contractTotalFen, repricedTotalFen };
}

/** Payments above the line so far, both readings (see the module comment). */
export function paidAboveLine(loan: LegalLineLoan, repriced: RepricedSchedule, over: boolean): PaidAboveLine | null {
  if (loan.payments.length === 0) return null;
  const pays = [...loan.payments].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  const asOf = pays[pays.length - 1]!.date;
  let totalPaid = 0;
  for (const p of pays) totalPaid += p.amountFen;

  // Installment view.
  const due = [...repriced.payments].sort((x, y) => (x.dueDate < y.dueDate ? -1 : x.dueDate > y.dueDate ? 1 : x.period - y.period));
  let left = totalPaid;
  let above = 0;
  for (const d of due) {
    if (left <= 0) break;
    const applied = Math.min(left, d.contractFen);
    left -= applied;
    if (over && d.contractFen > d.repricedFen && d.contractFen > 0) above += (applied * (d.contractFen - d.repricedFen)) / d.contractFen;
  }
  // Beyond the contractual total: above the line once past the larger of the two totals.
  above += Math.max(0, totalPaid - Math.max(repriced.contractTotalFen, repriced.repricedTotalFen));

  // Settlement view.
  const clock = loanClock(loan);
  let balance = repriced.realPrincipalFen;
  let t = 0;
  let overpaid = 0;
  for (const p of pays) {
    const tp = Math.max(t, lenderPeriodTime(clock, parseYmd(p.date)!));
    if (balance > 0) balance *= Math.pow(1 + repriced.periodicRate, tp - t);
    t = tp;
    balance -= p.amountFen;
    if (balance < 0) {
      overpaid += -balance;
      balance = 0;
    }
  }
  return {
    asOf,
    totalPaidFen: totalPaid,
    paidAboveLineFen: roundFen(above),
    owedUnderLineFen: roundFen(balance),
    overpaidUnderLineFen: roundFen(overpaid),
  };
}

/** Tolerance of the "over" comparison (rates are precise to ~1e-15; a rate equal to the line is not over). */
const OVER_EPS = 1e-12;

/**
 * Checks a loan against legal lines. `lpr` is the LPR table or a function giving the quote in force on a
 * date (an LprEntry, or the 1-year rate as a number). Pure: all law data comes in as arguments.
 */
export function checkLegalLines(loan: LegalLineLoan, lines: readonly LegalLine[], lpr: LprSource): LegalLinesReport {
  const R = realPrincipalFen(loan);
  const payable = totalPayableFen(loan);
  let rates: RateSet | null = null;
  let problem: string | null = null;
  if (loan.schedule.length === 0) problem = 'the loan has no repayment schedule, so it has no rate';
  else if (R <= 0) problem = 'the real principal (amount received less upfront fees paid separately) is not positive';
  else {
    const flows = loanCashFlows(loan);
    try {
      const periodic = periodicIrr(flows, loan.period);
      let x: AnnualRate;
      try {
        x = xirr(flows);
      } catch (e) {
        if (!(e instanceof IrrError) || e.reason !== 'overflow') throw e;
        x = { convention: 'xirr', value: Number.POSITIVE_INFINITY };
        problem = `the loan's XIRR cannot be computed: ${e.message}`;
      }
      rates = { periodic, nominal: aprNominal(periodic), effective: aprEffective(periodic), xirr: x };
    } catch (e) {
      if (!(e instanceof IrrError)) throw e;
      problem = `the loan's cash flows have no rate: ${e.message}`;
    }
  }
  const loanRate = rates ? rates.nominal.value : null;

  const out: LineCheck[] = lines.map((line) => {
    const applies = line.appliesTo.includes(loan.lenderType);
    let lineRate: number | null;
    let lprUsed: LineCheck['lpr'] = null;
    let lineProblem: string | null = loanRate === null ? problem : null;
    if (line.rate === 'lpr4') {
      const found = lprLookup(lpr, loan.contractDate);
      lprUsed = found.quote;
      lineRate = lprUsed ? 4 * lprUsed.oneYear : null;
      if (found.problem) lineProblem = found.problem;
    } else lineRate = line.rate;

    let over: boolean | null = null;
    let repriced: RepricedSchedule | null = null;
    let excessFen: Fen | null = null;
    let paid: PaidAboveLine | null = null;
    if (lineRate !== null && loanRate !== null) {
      over = loanRate > lineRate + OVER_EPS;
      repriced = repriceSchedule(loan, lineRate);
      excessFen = over ? Math.max(0, payable - repriced.repricedTotalFen) : 0;
      paid = paidAboveLine(loan, repriced, over);
    }
    return {
      lineId: line.id,
      label: line.label,
      meaning: line.meaning,
      citationIds: [...line.citationIds],
      tier: line.tier ?? null,
      verified: line.verified ?? null,
      note: line.note ?? null,
      effectiveFrom: line.effectiveFrom ?? null,
      applies,
      notApplicableReason: applies ? null : line.notApplicableReason,
      rateBasis: line.rate === 'lpr4' ? 'lpr4' : 'fixed',
      lpr: lprUsed,
      lineRate,
      loanRate,
      over,
      totalPayableFen: payable,
      repriced,
      excessFen,
      paid,
      problem: lineProblem,
    };
  });

  return { lenderType: loan.lenderType, contractDate: loan.contractDate, realPrincipalFen: R, totalPayableFen: payable, rates, problem, lines: out };
}
