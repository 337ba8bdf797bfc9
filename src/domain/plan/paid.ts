/**
 * Paid vs planned: the payments recorded against the plan the person adopted, month by month.
 */
import type { Fen } from '../money.js';
import type { PlanMonth } from './engine.js';

export interface PaidPayment {
  loan: number;
  /** YYYY-MM-DD */
  date: string;
  amount_fen: Fen;
}

export interface PaidVsPlanned {
  loan: number;
  month: string;
  planned_fen: Fen;
  paid_fen: Fen;
}

/**
 * For each lender and month up to `through` (YYYY-MM, e.g. this month): what the adopted plan planned and
 * what was paid. Months with neither are left out.
 */
export function paidVsPlanned(planned: readonly { loan: number; months: readonly PlanMonth[] }[], payments: readonly PaidPayment[], through: string): PaidVsPlanned[] {
  const key = (loan: number, month: string) => `${loan}|${month}`;
  const m = new Map<string, PaidVsPlanned>();
  const row = (loan: number, month: string) => {
    let r = m.get(key(loan, month));
    if (!r) m.set(key(loan, month), (r = { loan, month, planned_fen: 0, paid_fen: 0 }));
    return r;
  };
  for (const l of planned) for (const x of l.months) if (x.month <= through) row(l.loan, x.month).planned_fen += x.pay_fen;
  for (const p of payments) {
    const month = p.date.slice(0, 7);
    if (month <= through) row(p.loan, month).paid_fen += p.amount_fen;
  }
  return [...m.values()].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : a.loan - b.loan));
}
