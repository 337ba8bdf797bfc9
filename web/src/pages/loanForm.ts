/**
 * The loan form as a person fills it in (strings, exactly as typed) and its conversion to a LoanInput
 * for the API. Amounts are parsed from the typed string into integer fen (no floating point).
 */
import type { FeeTiming, Installment, LenderType, LoanInput, LoanStatus, Period, ScheduleRequest } from '../../../src/shared/api.js';
import type { LoanRecord } from '../api/types.js';
import type { MsgKey } from '../i18n/index.js';
import { fenToInput, parseYuan } from '../lib/money.js';
import { dueDate as domainDueDate } from '../../../src/domain/loans/periods.js';
import { simpleTermsSchedule } from '../../../src/domain/loans/simple.js';

export const LENDER_TYPES: LenderType[] = ['platform', 'consumer_finance', 'microloan', 'bank', 'credit_card', 'private', 'other'];
export const STATUSES: LoanStatus[] = ['overdue', 'active', 'settled', 'disputed'];
export const FEE_TIMINGS: FeeTiming[] = ['upfront', 'per_period', 'on_overdue'];
export type ScheduleKind = ScheduleRequest['kind'];
export const SCHEDULE_KINDS: ScheduleKind[] = ['equal_installment', 'flat_rate', 'interest_first', 'card_installment', 'bullet', 'payday'];
export type SimplePeriod = 'month' | 'week' | 'day';
export type ScheduleMode = 'equal' | 'builder' | 'manual';

export interface FeeForm {
  name: string;
  timing: FeeTiming;
  amount: string;
  included: boolean;
}

export interface InstForm {
  dueDate: string;
  total: string;
  /** Optional: the principal part; blank = split automatically. */
  principal: string;
  /** Exact split from a schedule builder, kept while the totals are unchanged. */
  exact?: { principalFen: number; interestFen: number; feeFen: number; totalFen: number };
}

export interface PaymentForm {
  date: string;
  amount: string;
}

export interface LoanForm {
  lenderName: string;
  lenderType: LenderType;
  productName: string;
  contractDate: string;
  principal: string;
  received: string;
  period: SimplePeriod;
  mode: ScheduleMode;
  periods: string;
  payment: string;
  kind: ScheduleKind;
  rate: string;
  days: string;
  fee: string;
  builtPeriod: Period | null;
  schedule: InstForm[];
  fees: FeeForm[];
  payments: PaymentForm[];
  status: LoanStatus;
  agreementDate: string;
  note: string;
}

export function emptyForm(): LoanForm {
  return {
    lenderName: '',
    lenderType: 'platform',
    productName: '',
    contractDate: '',
    principal: '',
    received: '',
    period: 'month',
    mode: 'equal',
    periods: '',
    payment: '',
    kind: 'equal_installment',
    rate: '',
    days: '',
    fee: '',
    builtPeriod: null,
    schedule: [],
    fees: [],
    payments: [],
    status: 'overdue',
    agreementDate: '',
    note: '',
  };
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function validDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** The n-th due date counted from the contract date (months clamp to the month's end, as lenders do): the domain's dueDate. */
export function dueDate(contractDate: string, period: SimplePeriod, n: number): string {
  return domainDueDate(contractDate, period, n);
}

export interface FormProblem {
  field: string;
  key: MsgKey;
  vars?: Record<string, string | number>;
}

export interface Built {
  input: LoanInput | null;
  problems: FormProblem[];
  /** The schedule the form describes (also when other fields still have problems). */
  schedule: Installment[];
}

/** Splits principal over installments: an equal share each (the last takes the rest), never more than the installment. */
function splitPrincipal(principalFen: number, totals: number[], given: (number | null)[]): { principal: number; interest: number }[] {
  const n = totals.length;
  const share = Math.round(principalFen / n);
  let left = principalFen;
  return totals.map((total, k) => {
    const g = given[k];
    let p = g != null ? g : k === n - 1 ? left : Math.min(share, left);
    p = Math.max(0, Math.min(p, total));
    left -= p;
    return { principal: p, interest: total - p };
  });
}

export function buildLoan(f: LoanForm): Built {
  const problems: FormProblem[] = [];
  if (!f.lenderName.trim()) problems.push({ field: 'lenderName', key: 'loans.err.lender' });
  if (!validDate(f.contractDate)) problems.push({ field: 'contractDate', key: 'loans.err.date' });
  const principalFen = parseYuan(f.principal);
  if (principalFen == null || principalFen <= 0) problems.push({ field: 'principal', key: 'loans.err.amount' });
  const receivedFen = f.received.trim() === '' ? principalFen : parseYuan(f.received);
  if (receivedFen == null) problems.push({ field: 'received', key: 'loans.err.amount' });
  else if (principalFen != null && receivedFen > principalFen) problems.push({ field: 'received', key: 'loans.err.received' });

  let schedule: Installment[] = [];
  let period: Period = f.period;
  if (f.mode === 'equal') {
    const n = Number(f.periods);
    const pay = parseYuan(f.payment);
    if (!Number.isInteger(n) || n < 1 || n > 600) problems.push({ field: 'periods', key: 'loans.err.periods' });
    if (pay == null || pay <= 0) problems.push({ field: 'payment', key: 'loans.err.amount' });
    if (Number.isInteger(n) && n >= 1 && n <= 600 && pay && principalFen && validDate(f.contractDate)) {
      if (pay * n < principalFen && receivedFen != null && pay * n < receivedFen) problems.push({ field: 'payment', key: 'loans.err.tooLittle' });
      // The one simple-terms implementation (src/domain/loans/simple.ts), the same as the CLI's.
      schedule = simpleTermsSchedule({ principalFen, periods: n, installmentFen: pay, contractDate: f.contractDate, period: f.period });
    }
  } else {
    if (f.mode === 'builder' && f.builtPeriod) period = f.builtPeriod;
    if (!f.schedule.length) problems.push({ field: 'schedule', key: f.mode === 'builder' ? 'loans.err.build' : 'loans.err.schedule' });
    const totals: number[] = [];
    const given: (number | null)[] = [];
    f.schedule.forEach((row, k) => {
      if (!validDate(row.dueDate)) problems.push({ field: `schedule.${k}.dueDate`, key: 'loans.err.rowDate', vars: { n: k + 1 } });
      const tot = parseYuan(row.total);
      if (tot == null || tot <= 0) problems.push({ field: `schedule.${k}.total`, key: 'loans.err.rowAmount', vars: { n: k + 1 } });
      totals.push(tot ?? 0);
      const p = row.principal.trim() === '' ? null : parseYuan(row.principal);
      if (row.principal.trim() !== '' && p == null) problems.push({ field: `schedule.${k}.principal`, key: 'loans.err.rowAmount', vars: { n: k + 1 } });
      given.push(p);
    });
    if (principalFen && totals.length) {
      const parts = splitPrincipal(principalFen, totals, given);
      schedule = f.schedule.map((row, k) => {
        const ex = row.exact;
        if (ex && ex.totalFen === totals[k]) return { period: k + 1, dueDate: row.dueDate, ...ex };
        return { period: k + 1, dueDate: row.dueDate, principalFen: parts[k]!.principal, interestFen: parts[k]!.interest, feeFen: 0, totalFen: totals[k]! };
      });
      for (let k = 1; k < schedule.length; k++) {
        if (schedule[k]!.dueDate < schedule[k - 1]!.dueDate) problems.push({ field: `schedule.${k}.dueDate`, key: 'loans.err.order', vars: { n: k + 1 } });
      }
      if (validDate(f.contractDate) && schedule[0] && schedule[0].dueDate < f.contractDate) problems.push({ field: 'schedule.0.dueDate', key: 'loans.err.beforeContract' });
    }
  }

  const fees = f.fees
    .filter((x) => x.name.trim() || x.amount.trim())
    .map((x, k) => {
      const a = parseYuan(x.amount);
      if (!x.name.trim()) problems.push({ field: `fees.${k}.name`, key: 'loans.err.feeName', vars: { n: k + 1 } });
      if (a == null) problems.push({ field: `fees.${k}.amount`, key: 'loans.err.rowAmount', vars: { n: k + 1 } });
      return { name: x.name.trim(), timing: x.timing, amountFen: a ?? 0, included: x.included };
    });
  const payments = f.payments
    .filter((x) => x.date.trim() || x.amount.trim())
    .map((x, k) => {
      const a = parseYuan(x.amount);
      if (!validDate(x.date)) problems.push({ field: `payments.${k}.date`, key: 'loans.err.rowDate', vars: { n: k + 1 } });
      if (a == null || a <= 0) problems.push({ field: `payments.${k}.amount`, key: 'loans.err.rowAmount', vars: { n: k + 1 } });
      return { date: x.date, amountFen: a ?? 0 };
    });
  if (f.agreementDate && !validDate(f.agreementDate)) problems.push({ field: 'agreementDate', key: 'loans.err.date' });

  if (problems.length || principalFen == null || receivedFen == null) return { input: null, problems, schedule };
  const input: LoanInput = {
    lenderName: f.lenderName.trim(),
    lenderType: f.lenderType,
    productName: f.productName.trim() || null,
    contractDate: f.contractDate,
    contractPrincipalFen: principalFen,
    receivedFen,
    fees,
    period,
    schedule,
    payments,
    status: f.status,
    agreementDate: f.agreementDate || null,
    note: f.note.trim() || null,
  };
  return { input, problems, schedule };
}

function simplePeriod(p: unknown): SimplePeriod | null {
  return p === 'month' || p === 'week' || p === 'day' ? p : null;
}

/** A saved loan back into the form, to edit it. */
export function formFromLoan(l: LoanRecord): LoanForm {
  const f = emptyForm();
  const sp = simplePeriod(l.period);
  const totals = l.schedule.map((i) => i.totalFen);
  const allEqual = totals.length > 0 && totals.every((x) => x === totals[0]);
  const regular = sp != null && l.schedule.every((i, k) => i.dueDate === dueDate(l.contractDate, sp, k + 1));
  const simple = allEqual && regular;
  return {
    ...f,
    lenderName: l.lenderName,
    lenderType: (LENDER_TYPES as string[]).includes(l.lenderType) ? (l.lenderType as LenderType) : 'other',
    productName: l.productName ?? '',
    contractDate: l.contractDate,
    principal: fenToInput(l.contractPrincipalFen),
    received: fenToInput(l.receivedFen),
    period: sp ?? 'month',
    mode: simple ? 'equal' : 'manual',
    periods: simple ? String(totals.length) : '',
    payment: simple ? fenToInput(totals[0]) : '',
    builtPeriod: sp ? null : (l.period as Period),
    schedule: l.schedule.map((i) => ({ dueDate: i.dueDate, total: fenToInput(i.totalFen), principal: fenToInput(i.principalFen), exact: { principalFen: i.principalFen, interestFen: i.interestFen, feeFen: i.feeFen, totalFen: i.totalFen } })),
    fees: l.fees.map((x) => ({ name: x.name, timing: x.timing, amount: fenToInput(x.amountFen), included: Boolean(x.included) })),
    payments: l.payments.map((p) => ({ date: p.date, amount: fenToInput(p.amountFen) })),
    status: l.status,
    agreementDate: l.agreementDate ?? '',
    note: l.note ?? '',
  };
}

/** The POST /api/schedules request for the builder fields; null with a problem key when something is missing. */
export function scheduleRequest(f: LoanForm): { req: ScheduleRequest | null; problem: MsgKey | null } {
  const principalFen = parseYuan(f.principal);
  if (principalFen == null || principalFen <= 0) return { req: null, problem: 'loans.err.amount' };
  if (!validDate(f.contractDate)) return { req: null, problem: 'loans.err.date' };
  const rate = f.rate.trim() === '' ? 0 : Number(f.rate.replace(/[%％\s]/g, ''));
  if (!Number.isFinite(rate) || rate < 0) return { req: null, problem: 'loans.err.rate' };
  const feeFen = f.fee.trim() === '' ? undefined : parseYuan(f.fee) ?? undefined;
  if (f.kind === 'payday') {
    const days = Number(f.days);
    if (!Number.isInteger(days) || days < 1) return { req: null, problem: 'loans.err.days' };
    return { req: { kind: 'payday', principalFen, contractDate: f.contractDate, days, dailyRate: rate / 100, feeFen }, problem: null };
  }
  const periods = Number(f.periods);
  if (!Number.isInteger(periods) || periods < 1 || periods > 600) return { req: null, problem: 'loans.err.periods' };
  const base = { kind: f.kind, principalFen, contractDate: f.contractDate, periods, period: f.period };
  // The annual rate is nominal: per period = annual / periods a year (12, 365/7 or 365).
  const perYear = f.period === 'month' ? 12 : f.period === 'week' ? 365 / 7 : 365;
  const annual = rate / 100;
  switch (f.kind) {
    case 'flat_rate':
      return { req: { ...base, flatRate: rate / 100 }, problem: null };
    case 'card_installment':
      return { req: { ...base, feeRate: rate / 100 }, problem: null };
    case 'bullet':
      return { req: { ...base, annualRate: annual, periodicRate: annual / perYear, feeFen }, problem: null };
    default:
      return { req: { ...base, annualRate: annual, periodicRate: annual / perYear }, problem: null };
  }
}
