import type { Collector, Contact, TimelineEvent } from '../collection/types.js';
import type { Text2, Tier, Verification } from '../law.js';
import type { Loan } from '../loans/types.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** Per-loan result of the legal-line check that the rules need (computed by the loans module). */
export interface LoanLineResult {
  loanId: number;
  lenderName: string;
  lineId: string;
  applies: boolean;
  over: boolean;
  /** Fen paid or payable above the line. */
  excessFen: number;
  aprNominal: number;
  lineRate: number;
  citationIds: string[];
  /** The line's label, tier and verification status (src/law/lines.ts), when the caller passes them. */
  label?: Text2;
  tier?: Tier;
  verified?: Verification;
}

/** Everything a rule may read. Pure data: rules do no I/O. */
export interface CaseData {
  tz: string;
  events: TimelineEvent[];
  contacts: Contact[];
  collectors: Collector[];
  loans: Loan[];
  loanLines: LoanLineResult[];
}

export interface Finding {
  rule: string;
  tier: Tier;
  severity: Severity;
  citationIds: string[];
  eventIds: number[];
  /** Epoch ms of the first and last proving event (or null for loan findings). */
  from: number | null;
  to: number | null;
  count: number;
  summary: Text2;
  channels: string[];
  /** Rule-specific facts (days and counts, contacts reached…), JSON-serialisable. */
  details?: Record<string, unknown>;
}

export interface Rule {
  id: string;
  pack: string;
  title: Text2;
  /** What the rule checks, in plain words. */
  description: Text2;
  tier: Tier;
  severity: Severity;
  /** All citation ids the rule may cite (a test checks each exists in src/law). */
  citationIds: string[];
  channels: string[];
  evaluate(c: CaseData): Finding[];
}
