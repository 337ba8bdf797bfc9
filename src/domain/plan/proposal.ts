/**
 * Proposals: for each lender, the instalment proposal a 协商还款申请书 carries, from the plan. The plan's
 * months for a lender may differ (a keep-up share first, more once the lenders before it are paid), so
 * the proposal spreads the same total over the same months in equal instalments: months = from the first
 * payment to the payoff month; monthly = floor(total / months), and the last instalment settles the rest
 * (the schedules' rounding rule), so Σ = the plan's total for that lender exactly.
 */
import type { Fen } from '../money.js';
import { addMonth, type LenderPlan } from './engine.js';

export interface Proposal {
  loan: number;
  lender: string;
  /** Equal instalment, fen. */
  monthly_fen: Fen;
  months: number;
  /** The last instalment (monthly + the rest), fen. */
  last_fen: Fen;
  total_fen: Fen;
  /** YYYY-MM-DD of the first instalment. */
  first_date: string;
  /** YYYY-MM of the last instalment. */
  last_month: string;
  claimed_fen: Fen;
  supportable_fen: Fen;
  /** A credit card's personalised plan lasts at most 5 years (信用卡办法 第七十条). */
  over_card_limit: boolean;
}

function monthsBetween(a: string, b: string): number {
  const [ya, ma] = a.split('-').map(Number) as [number, number];
  const [yb, mb] = b.split('-').map(Number) as [number, number];
  return (yb - ya) * 12 + (mb - ma);
}

/** YYYY-MM-DD on `day` of month `ym`, clamped to the month's last day. */
export function dayOf(ym: string, day: number): string {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${ym}-${String(Math.min(Math.max(1, day), dim)).padStart(2, '0')}`;
}

/** The proposal for one lender of a plan; null when the plan pays it nothing. */
export function proposalFor(l: LenderPlan, payDay: number): Proposal | null {
  if (!l.months.length) return null;
  const first = l.months[0]!.month;
  const lastMonth = l.paid_off ?? l.months[l.months.length - 1]!.month;
  const months = monthsBetween(first, lastMonth) + 1;
  const total = l.months.reduce((a, m) => a + m.pay_fen, 0);
  const monthly = Math.floor(total / months);
  return {
    loan: l.loan, lender: l.lender, monthly_fen: monthly, months, last_fen: total - monthly * (months - 1), total_fen: total,
    first_date: dayOf(first, payDay), last_month: addMonth(first, months - 1), claimed_fen: l.claimed_fen, supportable_fen: l.supportable_fen,
    over_card_limit: l.lender_type === 'credit_card' && months > 60,
  };
}
