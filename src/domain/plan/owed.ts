/**
 * What is owed, twice: what the lender claims, and what is legally supportable.
 *
 * - claimed: the latest demand the person entered (with its date), else the latest demand read from the
 *   lender's collectors' messages (demands.ts), else what the contract schedule still asks: Σ installments (+ extra per-period fees) − Σ payments recorded.
 * - supportable: the amount actually received plus charges up to the line that applies to the lender, i.e.
 *   the schedule RE-PRICED at that line on the real principal (src/domain/loans/legalLines.ts), less what
 *   was paid, and never more than the claim. Where several lines apply, the lowest one. Penalties, overdue
 *   fees and interest above it are `disputable` (claimed − supportable), with the line's citations and tier.
 *   The re-priced schedule covers the contract term: interest at the line for time after the term is not
 *   added (a court may allow it; the plan says so in plain words and the person may pay the claim instead).
 * - When no line applies to the lender type or a figure is unknown (no rate, no LPR), supportable = claimed
 *   and `line` is null: the plan then works on the claim and says why.
 */
import type { LegalLinesReport, LineCheck } from '../loans/legalLines.js';
import type { LoanInput } from '../loans/types.js';
import type { Text2 } from '../law.js';
import type { Fen } from '../money.js';

export interface Claim {
  amountFen: Fen;
  /** YYYY-MM-DD of the demand. */
  date: string;
  /** 'entered' by the person (default), or read from a collector's 'message' (src/domain/plan/demands.ts). */
  source?: 'entered' | 'message';
  /** The message it was read from. */
  eventId?: number | null;
}

export interface OwedLine {
  id: string;
  label: Text2;
  /** Annual nominal rate of the line. */
  rate: number;
  tier: string | null;
  verified: string | null;
  citationIds: string[];
  /** Is the loan's true rate above it? */
  over: boolean;
}

export interface Owed {
  claimed_fen: Fen;
  claimed_source: 'entered' | 'message' | 'schedule';
  claimed_date: string | null;
  /** The collector's message the claim was read from. */
  claimed_event: number | null;
  paid_fen: Fen;
  /** Received principal plus charges up to the line, less payments, at most the claim. */
  supportable_fen: Fen;
  /** claimed − supportable. */
  disputable_fen: Fen;
  line: OwedLine | null;
  /** Why there is no line, in plain words; null when there is one. */
  no_line_reason: Text2 | null;
}

function pickLine(report: LegalLinesReport): LineCheck | null {
  let best: LineCheck | null = null;
  for (const l of report.lines) {
    if (!l.applies || l.lineRate == null || !l.repriced) continue;
    if (!best || l.lineRate < best.lineRate!) best = l;
  }
  return best;
}

/** Claimed and supportable amounts of one loan (rules in the module comment). */
export function owedForLoan(loan: Pick<LoanInput, 'payments'>, report: LegalLinesReport, claim: Claim | null): Owed {
  let paid = 0;
  for (const p of loan.payments) paid += p.amountFen;
  const scheduleLeft = Math.max(0, report.totalPayableFen - paid);
  const claimed = claim ? Math.max(0, claim.amountFen) : scheduleLeft;
  const line = pickLine(report);
  if (!line) {
    const anyApplies = report.lines.some((l) => l.applies);
    return {
      claimed_fen: claimed, claimed_source: claim ? (claim.source ?? 'entered') : 'schedule', claimed_date: claim?.date ?? null, claimed_event: claim?.eventId ?? null, paid_fen: paid,
      supportable_fen: claimed, disputable_fen: 0, line: null,
      no_line_reason: anyApplies
        ? { zh: '这笔借款的利率或对应的LPR无法计算，计划按贷款方主张的金额安排。', en: 'The rate of this loan or the LPR for it cannot be computed, so the plan uses the amount the lender claims.' }
        : { zh: '没有适用于这类贷款方的利率红线，计划按贷款方主张的金额安排。', en: 'No rate line applies to this kind of lender, so the plan uses the amount the lender claims.' },
    };
  }
  const atLine = Math.max(0, line.repriced!.repricedTotalFen - paid);
  const supportable = Math.min(claimed, atLine);
  return {
    claimed_fen: claimed, claimed_source: claim ? (claim.source ?? 'entered') : 'schedule', claimed_date: claim?.date ?? null, claimed_event: claim?.eventId ?? null, paid_fen: paid,
    supportable_fen: supportable, disputable_fen: claimed - supportable,
    line: { id: line.lineId, label: line.label, rate: line.lineRate!, tier: line.tier, verified: line.verified, citationIds: [...line.citationIds], over: line.over === true },
    no_line_reason: null,
  };
}
