/**
 * The repayment plan: pure, integer fen, no clock (the start month comes in).
 *
 * Each lender has a TARGET: its supportable amount, or its claim when the person chooses to pay the claim
 * (`pay: 'claimed'`). No interest is added during the plan: it spreads fixed amounts over months, the way a
 * 协商还款 proposal does ("本金和合法利息，分N期").
 *
 * MONTHLY ALLOCATION of the monthly amount M (every month the same, until all targets are paid or the
 * horizon ends):
 * 1. Keep-up share: floor(M × keepUp) is split over ALL lenders in proportion to their targets
 *    (floor(pool × T_i / ΣT) each, fixed for the whole plan), so that every lender gets something every month
 *    while it is unpaid (a lender paid nothing for years has no reason to accept a plan). A lender's share
 *    is capped by what it is still owed; shares of lenders already paid are not paid out here.
 * 2. The rest (M − what step 1 paid) goes to the lenders in the strategy's order, each up to what it is
 *    still owed, the first unpaid lender first.
 * So no lender ever gets more than its target, and no month pays more than M.
 *
 * STRATEGIES (the order of step 2; ties by loan id):
 * - legal-first: supportable amounts only, and licensed lenders and cards first, where a negotiated plan is
 *   a right (cards: 信用卡办法 第七十条, up to 5 years) or common practice: credit_card, bank,
 *   consumer_finance, then microloan and platform, then private and other; within a group the smaller
 *   target first.
 * - harassment: the lenders whose collectors reach the person's contacts first (weight from the findings,
 *   larger first), then legal-first.
 * - avalanche: the higher TRUE rate first (the loan's IRR, nominal, not the rate the lender states).
 * - snowball: the smaller target first.
 * - custom: the person's order (loan ids); lenders not named follow in legal-first order.
 */
import type { LenderType } from '../law.js';
import type { Fen } from '../money.js';

export const STRATEGIES = ['legal-first', 'harassment', 'avalanche', 'snowball', 'custom'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export interface PlanDebt {
  loan: number;
  lender: string;
  lenderType: LenderType;
  claimed_fen: Fen;
  supportable_fen: Fen;
  /** The loan's true rate (IRR, 'irr-nominal'); null when unknown. */
  apr: number | null;
  /** How much its collectors reach the person's contacts (events in third-party findings); 0 = none known. */
  harassment: number;
  /** Pay the supportable amount (default) or the claim. legal-first always pays the supportable amount. */
  pay?: 'supportable' | 'claimed';
}

export interface PlanRequest {
  debts: readonly PlanDebt[];
  monthly_fen: Fen;
  /** YYYY-MM, the first month of the plan. */
  start: string;
  strategy: Strategy;
  /** custom: loan ids in the order to pay. */
  order?: readonly number[];
  /** Share of the monthly amount split over every lender each month (step 1), 0…1. Default 0.3. */
  keep_up?: number;
  /** Months at most (default 240 = 20 years). */
  horizon?: number;
}

export interface PlanMonth {
  month: string;
  pay_fen: Fen;
}

export interface LenderPlan {
  loan: number;
  lender: string;
  lender_type: LenderType;
  claimed_fen: Fen;
  supportable_fen: Fen;
  /** What this plan pays it in all (target, or less when the horizon ends first). */
  target_fen: Fen;
  pays: 'supportable' | 'claimed';
  /** Months with a payment, in order. */
  months: PlanMonth[];
  /** YYYY-MM of the last payment that clears the target; null when the horizon ends first. */
  paid_off: string | null;
  /** Left unpaid at the end of the horizon. */
  unpaid_fen: Fen;
  /** Position in the strategy's order, 1-based. */
  rank: number;
}

export interface Plan {
  monthly_fen: Fen;
  strategy: Strategy;
  start: string;
  keep_up: number;
  lenders: LenderPlan[];
  /** Every month of the plan with its total. */
  totals: PlanMonth[];
  /** Σ payments of the plan. */
  total_fen: Fen;
  /** Σ claims − total paid: what the plan does not pay of the lenders' demands. */
  saved_vs_claims_fen: Fen;
  /** Month of the last payment; null when something is unpaid at the horizon. */
  end: string | null;
  unpaid_fen: Fen;
}

const GROUP: Record<string, number> = { credit_card: 0, bank: 0, consumer_finance: 0, microloan: 1, platform: 1, private: 2, other: 2 };

export function targetOf(d: PlanDebt, strategy: Strategy): Fen {
  return strategy !== 'legal-first' && d.pay === 'claimed' ? d.claimed_fen : d.supportable_fen;
}

/** The strategy's order of the debts (see the module comment). */
export function orderDebts(debts: readonly PlanDebt[], strategy: Strategy, custom: readonly number[] = []): PlanDebt[] {
  const target = (d: PlanDebt) => targetOf(d, strategy);
  const legal = (a: PlanDebt, b: PlanDebt) => (GROUP[a.lenderType] ?? 2) - (GROUP[b.lenderType] ?? 2) || target(a) - target(b) || a.loan - b.loan;
  const list = [...debts];
  switch (strategy) {
    case 'legal-first':
      return list.sort(legal);
    case 'harassment':
      return list.sort((a, b) => b.harassment - a.harassment || legal(a, b));
    case 'avalanche':
      return list.sort((a, b) => (b.apr ?? -1) - (a.apr ?? -1) || target(a) - target(b) || a.loan - b.loan);
    case 'snowball':
      return list.sort((a, b) => target(a) - target(b) || a.loan - b.loan);
    case 'custom': {
      const pos = new Map<number, number>();
      custom.forEach((id, i) => {
        if (!pos.has(id)) pos.set(id, i);
      });
      return list.sort((a, b) => (pos.get(a.loan) ?? Infinity) - (pos.get(b.loan) ?? Infinity) || legal(a, b));
    }
  }
}

/** YYYY-MM plus k months. */
export function addMonth(ym: string, k: number): string {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  const t = y * 12 + (m - 1) + k;
  const yy = Math.floor(t / 12);
  return `${String(yy).padStart(4, '0')}-${String(t - yy * 12 + 1).padStart(2, '0')}`;
}

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Builds the plan (allocation rule in the module comment). Throws RangeError on input it cannot plan. */
export function buildPlan(req: PlanRequest): Plan {
  const M = req.monthly_fen;
  if (!Number.isSafeInteger(M) || M < 0) throw new RangeError(`monthly_fen: expected a non-negative integer number of fen, got ${JSON.stringify(M)}`);
  if (!MONTH_RE.test(req.start)) throw new RangeError(`start: expected YYYY-MM, got ${JSON.stringify(req.start)}`);
  const keepUp = req.keep_up ?? 0.3;
  if (!(keepUp >= 0 && keepUp <= 1)) throw new RangeError(`keep_up: expected a share from 0 to 1, got ${JSON.stringify(req.keep_up)}`);
  const horizon = req.horizon ?? 240;
  if (!Number.isSafeInteger(horizon) || horizon < 1 || horizon > 1200) throw new RangeError(`horizon: expected 1…1200 months, got ${JSON.stringify(req.horizon)}`);
  for (const d of req.debts) {
    for (const k of ['claimed_fen', 'supportable_fen'] as const) {
      if (!Number.isSafeInteger(d[k]) || d[k] < 0) throw new RangeError(`loan ${d.loan}: ${k} must be a non-negative integer number of fen`);
    }
  }

  const ordered = orderDebts(req.debts, req.strategy, req.order);
  const n = ordered.length;
  const target = ordered.map((d) => targetOf(d, req.strategy));
  const left = [...target];
  const totalTarget = target.reduce((a, b) => a + b, 0);
  // Step 1 shares, fixed for the plan. floor() keeps Σ shares ≤ the pool ≤ M.
  const pool = Math.floor(M * keepUp);
  const share = target.map((t) => (totalTarget > 0 ? Math.floor((pool * t) / totalTarget) : 0));
  const months: PlanMonth[][] = ordered.map(() => []);
  // A lender with nothing to pay has no payoff month (paid_off null, unpaid 0).
  const paidOff: (string | null)[] = ordered.map(() => null);
  const totals: PlanMonth[] = [];
  let owing = left.reduce((a, b) => a + b, 0);
  const pay = new Array<number>(n).fill(0);

  for (let k = 0; k < horizon && owing > 0 && M > 0; k++) {
    const month = addMonth(req.start, k);
    let rest = M;
    for (let i = 0; i < n; i++) {
      const p = Math.min(share[i]!, left[i]!);
      pay[i] = p;
      rest -= p;
    }
    for (let i = 0; i < n && rest > 0; i++) {
      const p = Math.min(left[i]! - pay[i]!, rest);
      if (p > 0) {
        pay[i]! += p;
        rest -= p;
      }
    }
    let monthTotal = 0;
    for (let i = 0; i < n; i++) {
      const p = pay[i]!;
      if (p <= 0) continue;
      months[i]!.push({ month, pay_fen: p });
      left[i]! -= p;
      owing -= p;
      monthTotal += p;
      if (left[i] === 0) paidOff[i] = month;
    }
    totals.push({ month, pay_fen: monthTotal });
  }

  let total = 0;
  let claims = 0;
  const lenders: LenderPlan[] = ordered.map((d, i) => {
    const paid = target[i]! - left[i]!;
    total += paid;
    claims += d.claimed_fen;
    return {
      loan: d.loan, lender: d.lender, lender_type: d.lenderType, claimed_fen: d.claimed_fen, supportable_fen: d.supportable_fen, target_fen: target[i]!,
      pays: req.strategy !== 'legal-first' && d.pay === 'claimed' ? 'claimed' : 'supportable',
      months: months[i]!, paid_off: paidOff[i]!, unpaid_fen: left[i]!, rank: i + 1,
    };
  });
  const unpaid = left.reduce((a, b) => a + b, 0);
  return {
    monthly_fen: M, strategy: req.strategy, start: req.start, keep_up: keepUp, lenders, totals, total_fen: total,
    saved_vs_claims_fen: claims - total, end: unpaid === 0 ? (totals.length ? totals[totals.length - 1]!.month : null) : null, unpaid_fen: unpaid,
  };
}

/** The smallest monthly amount (whole yuan) that pays every target within `months` months; 0 when nothing is owed. */
export function monthlyToFinishIn(req: Omit<PlanRequest, 'monthly_fen' | 'horizon'>, months: number): Fen {
  const total = req.debts.reduce((a, d) => a + targetOf(d, req.strategy), 0);
  if (total === 0) return 0;
  // Spread evenly, every month pays M until the end (step 1 and 2 together never leave money unused while
  // anything is owed), so ceil(total / months) suffices; rounded up to whole yuan.
  return Math.ceil(total / months / 100) * 100;
}
