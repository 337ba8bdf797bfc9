import type { Collector, Contact, TimelineEvent } from '../collection/types.js';
import type { LenderType, Text2, Tier, Verification } from '../law.js';
import type { CitationMeta } from './engine.js';
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

/**
 * The law data the rules read, built by the app from src/law (as the documents get their LawView): rules keep
 * citation ids only, and learn each id's tier, status and days in force, the channels' lender types and the lines'
 * facts from here. Nothing in src/domain mirrors src/law.
 */
export interface RuleLaw {
  /** Every citation src/law holds, by id: tier, status and days in force. */
  citations: CitationMeta;
  /** Every complaint channel src/law defines, in its order: its id and the lender types it serves. */
  channels: readonly { id: string; lenderTypes: readonly LenderType[] | 'any' }[];
  /** Every legal line src/law defines, by line id: how binding its source is and whether it was verified. */
  lines: Readonly<Record<string, { tier: Tier; verified: Verification }>>;
}

/** Everything a rule may read. Pure data: rules do no I/O. */
export interface CaseData {
  /** The law view (see RuleLaw). */
  law: RuleLaw;
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
  /** Every channel that can suit the rule (its row of the rule table, meta.ts). */
  channels: readonly string[];
  evaluate(c: CaseData): Finding[];
}
