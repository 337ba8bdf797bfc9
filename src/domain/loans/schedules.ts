/**
 * Repayment schedule builders, in integer fen.
 *
 * ROUNDING RULE (the one Chinese lenders' repayment schedules use, 四舍五入到分):
 * every amount a schedule computes — an installment payment, a period's interest, a per-period fee, a
 * share of principal — is rounded to the nearest fen on its own, halves away from zero (roundFen), and
 * whatever the rounding leaves over is settled in the LAST period, so that the principal parts always add
 * up exactly to the principal and the balance ends at zero. Interest is never rounded on a total and then
 * split. Rates are decimals per period (0.01 = 1 % a month for a monthly schedule); use
 * periodicFromAnnual(annual, period) = annual / periods-a-year for a nominal annual rate.
 *
 * Due dates: the n-th installment is period n and falls on dueDate(contractDate, period, n), i.e.
 * addMonths(contractDate, N·n) for month periods (end-of-month clamped, counted from the contract date so
 * a loan of 31 January is due 29 February, 31 March, 30 April…) or addDays(contractDate, N·n).
 */
import { roundFen, type Fen } from '../money.js';
import { dueDate, periodsPerYear } from './periods.js';
import type { Installment, Period } from './types.js';

export interface ScheduleTerms {
  /** Contract principal (合同本金) in fen, > 0. */
  principalFen: Fen;
  /** Number of installments (期数), ≥ 1. */
  periods: number;
  /** YYYY-MM-DD. */
  contractDate: string;
  /** Default 'month'. */
  period?: Period;
}

function checkTerms(t: ScheduleTerms): Period {
  if (!Number.isSafeInteger(t.principalFen) || t.principalFen <= 0) throw new RangeError(`principalFen: expected a positive integer number of fen, got ${JSON.stringify(t.principalFen)}`);
  if (!Number.isSafeInteger(t.periods) || t.periods < 1) throw new RangeError(`periods: expected a positive integer, got ${JSON.stringify(t.periods)}`);
  return t.period ?? 'month';
}

function checkRate(name: string, r: number): void {
  if (!Number.isFinite(r) || r < 0) throw new RangeError(`${name}: expected a non-negative rate per period, got ${JSON.stringify(r)}`);
}

function inst(period: number, dueDate: string, principalFen: Fen, interestFen: Fen, feeFen: Fen): Installment {
  return { period, dueDate, principalFen, interestFen, feeFen, totalFen: principalFen + interestFen + feeFen };
}

/** Nominal annual rate → rate per period (annual / periods a year), e.g. 12 % a year → 1 % a month. */
export function periodicFromAnnual(annual: number, period: Period = 'month'): number {
  return annual / periodsPerYear(period);
}

/**
 * 等额本息 (equal installments, standard annuity).
 * payment = round(P·r / (1 − (1+r)^−n)) (P/n when r = 0); each period interest = round(balance × r),
 * principal = payment − interest; the last period repays the remaining balance plus its interest
 * (so it absorbs the rounding and may differ from the others by a few fen).
 * 10 000 yuan, 12 months, 1 % a month → 888.49 yuan a month.
 */
export function equalInstallmentSchedule(t: ScheduleTerms & { periodicRate: number }): Installment[] {
  const period = checkTerms(t);
  checkRate('periodicRate', t.periodicRate);
  const { principalFen: P, periods: n } = t;
  const r = t.periodicRate;
  const payment = r === 0 ? roundFen(P / n) : roundFen((P * r) / -Math.expm1(-n * Math.log1p(r)));
  const out: Installment[] = [];
  let balance = P;
  for (let k = 1; k <= n; k++) {
    const interest = roundFen(balance * r);
    const principal = k === n ? balance : Math.max(0, Math.min(balance, payment - interest));
    out.push(inst(k, dueDate(t.contractDate, period, k), principal, interest, 0));
    balance -= principal;
  }
  return out;
}

/**
 * 等本等息 (flat rate, e.g. "月息0.8%"): each period repays round(P/n) of principal (the last period the
 * rest) and round(P × flatRate) of interest — interest on the ORIGINAL principal every period, however
 * much has been repaid, which is why its real rate is nearly twice the quoted one.
 */
export function flatRateSchedule(t: ScheduleTerms & { flatRate: number }): Installment[] {
  const period = checkTerms(t);
  checkRate('flatRate', t.flatRate);
  const { principalFen: P, periods: n } = t;
  const share = roundFen(P / n);
  const interest = roundFen(P * t.flatRate);
  const out: Installment[] = [];
  let balance = P;
  for (let k = 1; k <= n; k++) {
    // min(): for a principal of a few fen, round(P/n)·(n−1) could exceed P.
    const principal = k === n ? balance : Math.min(share, balance);
    out.push(inst(k, dueDate(t.contractDate, period, k), principal, interest, 0));
    balance -= principal;
  }
  return out;
}

/** 先息后本 (interest first): round(P × r) interest each period, the whole principal with the last one. */
export function interestFirstSchedule(t: ScheduleTerms & { periodicRate: number }): Installment[] {
  const period = checkTerms(t);
  checkRate('periodicRate', t.periodicRate);
  const interest = roundFen(t.principalFen * t.periodicRate);
  const out: Installment[] = [];
  for (let k = 1; k <= t.periods; k++) {
    out.push(inst(k, dueDate(t.contractDate, period, k), k === t.periods ? t.principalFen : 0, interest, 0));
  }
  return out;
}

/**
 * 到期一次还本付息 (single bullet): one installment after `periods` periods with simple interest
 * round(P × r × periods), plus an optional fee charged at maturity.
 */
export function bulletSchedule(t: ScheduleTerms & { periodicRate: number; feeFen?: Fen }): Installment[] {
  const period = checkTerms(t);
  checkRate('periodicRate', t.periodicRate);
  const fee = t.feeFen ?? 0;
  if (!Number.isSafeInteger(fee) || fee < 0) throw new RangeError(`feeFen: expected a non-negative integer number of fen, got ${JSON.stringify(fee)}`);
  const interest = roundFen(t.principalFen * t.periodicRate * t.periods);
  return [inst(1, dueDate(t.contractDate, period, t.periods), t.principalFen, interest, fee)];
}

/**
 * Short payday loan (7/14/30 days or any number of days): one installment `days` after the contract date
 * with interest round(P × dailyRate × days) and an optional fee (服务费) due with it. Its schedule period
 * is {days: days} (one period), so its nominal APR is periodic × 365/days.
 */
export function paydaySchedule(t: { principalFen: Fen; contractDate: string; days: number; dailyRate?: number; feeFen?: Fen }): Installment[] {
  if (!Number.isSafeInteger(t.days) || t.days < 1) throw new RangeError(`days: expected a positive integer, got ${JSON.stringify(t.days)}`);
  const dailyRate = t.dailyRate ?? 0;
  checkRate('dailyRate', dailyRate);
  return bulletSchedule({ principalFen: t.principalFen, contractDate: t.contractDate, periods: 1, period: { days: t.days }, periodicRate: dailyRate * t.days, feeFen: t.feeFen ?? 0 });
}

/**
 * Credit-card installments (信用卡分期) with a per-period fee (分期手续费): each period repays round(P/n)
 * of principal (the last period the rest) and a fee of round(P × feeRate) — the fee is on the original
 * principal every period, like 等本等息, and is recorded as feeFen (interest 0).
 */
export function cardInstallmentSchedule(t: ScheduleTerms & { feeRate: number }): Installment[] {
  const period = checkTerms(t);
  checkRate('feeRate', t.feeRate);
  const { principalFen: P, periods: n } = t;
  const share = roundFen(P / n);
  const fee = roundFen(P * t.feeRate);
  const out: Installment[] = [];
  let balance = P;
  for (let k = 1; k <= n; k++) {
    const principal = k === n ? balance : Math.min(share, balance);
    out.push(inst(k, dueDate(t.contractDate, period, k), principal, 0, fee));
    balance -= principal;
  }
  return out;
}

export type ScheduleSpec =
  | ({ kind: 'equal_installment'; periodicRate: number } & ScheduleTerms)
  | ({ kind: 'flat_rate'; flatRate: number } & ScheduleTerms)
  | ({ kind: 'interest_first'; periodicRate: number } & ScheduleTerms)
  | ({ kind: 'bullet'; periodicRate: number; feeFen?: Fen } & ScheduleTerms)
  | { kind: 'payday'; principalFen: Fen; contractDate: string; days: number; dailyRate?: number; feeFen?: Fen }
  | ({ kind: 'card_installment'; feeRate: number } & ScheduleTerms);

export type ScheduleKind = ScheduleSpec['kind'];

export const SCHEDULE_KINDS: readonly ScheduleKind[] = ['equal_installment', 'flat_rate', 'interest_first', 'bullet', 'payday', 'card_installment'];

/** Builds any of the schedules above from a tagged spec. */
export function buildSchedule(spec: ScheduleSpec): Installment[] {
  switch (spec.kind) {
    case 'equal_installment':
      return equalInstallmentSchedule(spec);
    case 'flat_rate':
      return flatRateSchedule(spec);
    case 'interest_first':
      return interestFirstSchedule(spec);
    case 'bullet':
      return bulletSchedule(spec);
    case 'payday':
      return paydaySchedule(spec);
    case 'card_installment':
      return cardInstallmentSchedule(spec);
  }
}

/** The schedule period a spec implies ('month' unless given; {days} for a payday loan). */
export function schedulePeriod(spec: ScheduleSpec): Period {
  return spec.kind === 'payday' ? { days: spec.days } : (spec.period ?? 'month');
}

export interface ScheduleTotals {
  principalFen: Fen;
  interestFen: Fen;
  feeFen: Fen;
  totalFen: Fen;
}

export function scheduleTotals(schedule: readonly Installment[]): ScheduleTotals {
  const t = { principalFen: 0, interestFen: 0, feeFen: 0, totalFen: 0 };
  for (const i of schedule) {
    t.principalFen += i.principalFen;
    t.interestFen += i.interestFen;
    t.feeFen += i.feeFen;
    t.totalFen += i.totalFen;
  }
  return t;
}
