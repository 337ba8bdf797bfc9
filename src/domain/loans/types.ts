import type { LenderType } from '../law.js';
import type { Fen } from '../money.js';

export const LENDER_TYPES: readonly LenderType[] = ['bank', 'consumer_finance', 'microloan', 'platform', 'credit_card', 'private', 'other'];

export type FeeTiming = 'upfront' | 'per_period' | 'on_overdue';

export interface Fee {
  /** As the lender names it: 服务费, 担保费, 会员费, 保险费 … */
  name: string;
  timing: FeeTiming;
  /** For timing 'per_period': the amount charged each period. Otherwise the amount charged once. */
  amountFen: Fen;
  /**
   * Is this fee already inside the other figures of the loan, so that it must not be counted again?
   * - timing 'upfront': true = withheld from the disbursement, i.e. already reflected in
   *   receivedFen < contractPrincipalFen (砍头息 deducted by the lender); false or absent = the borrower
   *   paid it separately on the contract date, so it is subtracted from what the borrower received.
   * - timing 'per_period': true = already part of each installment's feeFen; false or absent = charged on
   *   each installment's due date on top of the installment's totalFen.
   * - timing 'on_overdue': not used; late-payment charges are not part of the contractual price and are
   *   left out of the loan's cash flows and rate.
   * Absent means false: list a fee once, and mark it included when the figures already contain it.
   */
  included?: boolean | null;
}

export interface Installment {
  /** 1-based period number. */
  period: number;
  dueDate: string; // YYYY-MM-DD
  principalFen: Fen;
  interestFen: Fen;
  feeFen: Fen;
  /** principal + interest + fee */
  totalFen: Fen;
}

export interface Payment {
  date: string;
  amountFen: Fen;
  note?: string | null;
}

export type LoanStatus = 'active' | 'overdue' | 'settled' | 'disputed';

/** Schedule period as lenders count it: monthly, weekly, daily, every N months or every N days. */
export type Period = 'month' | 'week' | 'day' | { months: number } | { days: number };

export interface LoanInput {
  lenderName: string;
  lenderType: LenderType;
  productName?: string | null;
  contractDate: string; // YYYY-MM-DD
  contractPrincipalFen: Fen;
  /** What actually arrived in the borrower's account. */
  receivedFen: Fen;
  fees: Fee[];
  period: Period;
  schedule: Installment[];
  payments: Payment[];
  status: LoanStatus;
  /** Has the borrower signed an installment/repayment agreement (协商还款)? Date YYYY-MM-DD. */
  agreementDate?: string | null;
  note?: string | null;
}

export interface Loan extends LoanInput {
  id: number;
  caseId: number;
}

export interface CashFlow {
  date: string; // YYYY-MM-DD
  /** Positive: money the borrower received; negative: money the borrower paid. */
  amountFen: Fen;
}
