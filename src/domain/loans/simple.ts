/**
 * A loan from simple terms as a person states them ("借10000, 到手9000, 12期每期还1000"): the ONE
 * implementation, used by the CLI (`huxun loan add --periods --installment`, src/app/loans.ts), the web loan
 * form (web/src/pages/loanForm.ts) and the plan. Before it, the two built different schedules from the same
 * terms (floor vs round of the principal share), so the same loan typed twice had different rates.
 *
 * Split rule (the rounding rule of schedules.ts): every installment is the stated amount; its principal part
 * is round(P / n) on its own (halves away from zero), never more than the principal left nor more than the
 * installment, and the LAST installment takes the principal left (so the parts add up to P whenever the
 * installments do); the rest of each installment is interest. Due dates are dueDate(contractDate, period, k).
 */
import { roundFen, type Fen } from '../money.js';
import { dueDate } from './periods.js';
import type { Installment, LoanInput, LoanStatus, Period } from './types.js';
import type { LenderType } from '../law.js';

export interface SimpleTerms {
  /** Contract principal (合同本金), fen > 0. */
  principalFen: Fen;
  /** Number of installments, 1…600. */
  periods: number;
  /** The same amount each installment, fen > 0. */
  installmentFen: Fen;
  contractDate: string;
  /** Default 'month'. */
  period?: Period;
}

/**
 * Installments of equal totals from simple terms (rule in the module comment). Throws RangeError on terms
 * that cannot make a schedule.
 */
export function simpleTermsSchedule(t: SimpleTerms): Installment[] {
  const { principalFen: P, periods: n, installmentFen: pay } = t;
  if (!Number.isSafeInteger(P) || P <= 0) throw new RangeError(`principalFen: expected a positive integer number of fen, got ${JSON.stringify(P)}`);
  if (!Number.isSafeInteger(n) || n < 1 || n > 600) throw new RangeError(`periods: expected a whole number from 1 to 600, got ${JSON.stringify(n)}`);
  if (!Number.isSafeInteger(pay) || pay <= 0) throw new RangeError(`installmentFen: expected a positive integer number of fen, got ${JSON.stringify(pay)}`);
  const period = t.period ?? 'month';
  const share = roundFen(P / n);
  let left = P;
  const out: Installment[] = [];
  for (let k = 1; k <= n; k++) {
    const p = Math.max(0, Math.min(k === n ? left : Math.min(share, left), pay));
    left -= p;
    out.push({ period: k, dueDate: dueDate(t.contractDate, period, k), principalFen: p, interestFen: pay - p, feeFen: 0, totalFen: pay });
  }
  return out;
}

/** The LoanInput of simple terms (not yet validated: validateLoanInput checks it, as for any other input). */
export function loanFromSimpleTerms(t: SimpleTerms & {
  lenderName: string; lenderType: LenderType | string; productName?: string | null; receivedFen: Fen; status?: LoanStatus;
}): LoanInput {
  return {
    lenderName: t.lenderName, lenderType: t.lenderType as LenderType, productName: t.productName ?? null, contractDate: t.contractDate,
    contractPrincipalFen: t.principalFen, receivedFen: t.receivedFen, fees: [], period: t.period ?? 'month', schedule: simpleTermsSchedule(t),
    payments: [], status: t.status ?? 'active',
  };
}
