/**
 * Cash flows of a loan, from the borrower's side: + money received, − money paid.
 *
 * Contractual flows (loanCashFlows), the basis of the loan's rate:
 * - contract date: + receivedFen (what actually arrived; a fee or interest the lender withheld is already
 *   missing from it) − every 'upfront' fee NOT marked `included` (paid by the borrower separately on the
 *   contract date). The result is the REAL PRINCIPAL (实际借款本金), realPrincipalFen.
 * - each installment's due date: − totalFen − every 'per_period' fee NOT marked `included`.
 * - 'on_overdue' fees are left out: they are charges for paying late, not part of the contracted price.
 * Flows on the same date are added together; the result is sorted by date with zero flows left out.
 *
 * Actual flows (paymentCashFlows): the same contract-date flow, then − each recorded payment.
 */
import type { Fen } from '../money.js';
import type { CashFlow, LoanInput } from './types.js';

export type LoanFlowsInput = Pick<LoanInput, 'contractDate' | 'receivedFen' | 'fees' | 'schedule'>;

/** What the borrower really had the use of on the contract date: received − upfront fees paid separately. */
export function realPrincipalFen(loan: Pick<LoanInput, 'receivedFen' | 'fees'>): Fen {
  let p = loan.receivedFen;
  for (const f of loan.fees) if (f.timing === 'upfront' && !f.included) p -= f.amountFen;
  return p;
}

/** Per-period fees charged on top of each installment (not already inside its feeFen). */
export function extraPerPeriodFeeFen(loan: Pick<LoanInput, 'fees'>): Fen {
  let s = 0;
  for (const f of loan.fees) if (f.timing === 'per_period' && !f.included) s += f.amountFen;
  return s;
}

function mergeByDate(flows: CashFlow[]): CashFlow[] {
  const byDate = new Map<string, number>();
  for (const f of flows) byDate.set(f.date, (byDate.get(f.date) ?? 0) + f.amountFen);
  return [...byDate.entries()]
    .filter(([, a]) => a !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, amountFen]) => ({ date, amountFen }));
}

/** The loan's contractual cash flows (see the module comment for the conventions). */
export function loanCashFlows(loan: LoanFlowsInput): CashFlow[] {
  const extra = extraPerPeriodFeeFen(loan);
  const flows: CashFlow[] = [{ date: loan.contractDate, amountFen: realPrincipalFen(loan) }];
  // Fast path: due dates strictly after the contract date and strictly increasing, no zero flows.
  let simple = flows[0]!.amountFen !== 0;
  let prev = loan.contractDate;
  for (const i of loan.schedule) {
    const amountFen = -(i.totalFen + extra);
    if (!(i.dueDate > prev) || amountFen === 0) simple = false;
    prev = i.dueDate;
    flows.push({ date: i.dueDate, amountFen });
  }
  return simple ? flows : mergeByDate(flows);
}

/** What the borrower must pay under the contract after the contract date: Σ installments + extra per-period fees. */
export function totalPayableFen(loan: Pick<LoanInput, 'fees' | 'schedule'>): Fen {
  const extra = extraPerPeriodFeeFen(loan);
  let s = 0;
  for (const i of loan.schedule) s += i.totalFen + extra;
  return s;
}

/** The flows that actually happened: the contract-date flow, then each recorded payment. */
export function paymentCashFlows(loan: Pick<LoanInput, 'contractDate' | 'receivedFen' | 'fees' | 'payments'>): CashFlow[] {
  const flows: CashFlow[] = [{ date: loan.contractDate, amountFen: realPrincipalFen(loan) }];
  for (const p of loan.payments) flows.push({ date: p.date, amountFen: -p.amountFen });
  return mergeByDate(flows);
}
