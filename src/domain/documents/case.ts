/**
 * The input of every document builder: the facts of one case as documents need them.
 *
 * Pure data. The app layer assembles it from the store (loans, collectors, findings, the events the findings cite,
 * the evidence index) and from the person's answers to the questions a builder listed as missing. Nothing in a
 * document is invented: every fact comes from here, every citation from the LawView (src/law).
 */
import type { CallStatus, Direction, EventKind, Label, Recipient, Span } from '../collection/types.js';
import type { LenderType, Text2 } from '../law.js';
import type { Fen } from '../money.js';
import type { CollectorActivity } from '../report/index.js';
import type { Finding } from '../rules/types.js';
import type { DocumentLender } from './lenders.js';

export type Lang = 'zh' | 'en';

/** What the person told us about themselves. Every field optional: a missing one becomes a question. */
export interface DocumentBorrower {
  name?: string | null;
  phone?: string | null;
  /** Last four characters of the ID card number (never the whole number). */
  idLast4?: string | null;
  city?: string | null;
}

/** One legal-line result of a loan (computed by the loans module). */
export interface DocumentLine {
  /** 'lpr4' | '24' | '36' … */
  lineId: string;
  /** e.g. { zh: '年化24%', en: '24% a year' }; derived from lineRate when absent. */
  label?: Text2;
  applies: boolean;
  over: boolean;
  /** Fen paid or payable above the line. */
  excessFen: Fen;
  /** The loan's nominal annual rate (decimal). */
  aprNominal: number;
  /** The line's annual rate (decimal). */
  lineRate: number;
  citationIds: string[];
}

export interface DocumentLoan {
  id?: number | null;
  lenderName: string;
  lenderType: LenderType;
  productName?: string | null;
  /** YYYY-MM-DD */
  contractDate: string;
  contractPrincipalFen: Fen;
  /** What actually arrived in the borrower's account, if it differs. */
  receivedFen?: Fen | null;
  /** What the lender says is owed now, if known. */
  outstandingFen?: Fen | null;
  /** Contract number or card's last four digits, if the person gave it. */
  account?: string | null;
  lines: DocumentLine[];
}

export interface DocumentCollector {
  /** The collector's id in the case, when the app passes it (findings name collectors by id). */
  id?: number;
  /** As grouped or named by the person: "XX催收", "自称XX律所" … */
  name: string;
  /** As stored: full, or already masked (138****5678). */
  numbers: string[];
  lenderName: string | null;
  /** The collection agency behind the collector, when known. */
  agency?: string | null;
  /** Authorities or offices it claims to be (a signature 【XX仲裁委员会】): never its lender. */
  claims?: string[];
  /** The loan of the case it collects for, when known. */
  loanId?: number | null;
  /** Its incoming calls and messages (answered, missed, per day), as the evidence report counts them (collectorActivity). */
  activity?: Omit<CollectorActivity, 'collectorId'> | null;
}

/** An event a finding cites, as much of it as documents show. */
export interface DocumentEvent {
  id: number;
  /** ISO 8601 local time with offset, e.g. 2024-06-12T07:42:13+08:00. */
  at: string;
  kind: EventKind;
  direction?: Direction;
  /** The collector's (counterpart's) number. */
  number: string | null;
  /** Who the call or message was addressed to, when known ('third_party' for a contact). */
  recipient?: Recipient;
  /** Message text (may already be shortened by the app). */
  text?: string | null;
  labels?: Label[];
  /** Spans (UTF-16 offsets into `text`) that caused each label. */
  spans?: Partial<Record<Label, Span[]>>;
  callStatus?: CallStatus | null;
  durationS?: number | null;
  /** The contact the event touched (a third party), when known. Redaction masks these. */
  contactName?: string | null;
  contactNumber?: string | null;
}

export interface ReachedContact {
  name: string;
  numbers?: string[];
  /** 父母, 同事 … */
  relation?: string | null;
}

export interface ContactsReached {
  /** How many distinct contacts (third parties) collectors reached. */
  count: number;
  /** Who, when the app passes names (it may leave them out). */
  people?: ReachedContact[];
}

export interface EvidenceAttachment {
  name: string;
  sha256: string;
  /** 'screenshot' | 'recording' | 'backup' | 'contract' … */
  kind: string;
}

export interface EvidenceIndex {
  attachments: EvidenceAttachment[];
  /** Hash of the last record of the evidence chain. */
  chainHead: string | null;
  recordCount: number;
}

export interface DocumentCase {
  /** YYYY-MM-DD: the document's date. */
  today: string;
  /** IANA zone the case's local dates are read in (findings' from/to are epoch ms). */
  tz: string;
  borrower: DocumentBorrower;
  loans: DocumentLoan[];
  collectors: DocumentCollector[];
  /** The case's lenders with what the registry says of them (lenders.ts); complaints go one per lender. */
  lenders?: DocumentLender[];
  findings: Finding[];
  /** The events the findings refer to (others may be left out). */
  events: DocumentEvent[];
  contactsReached: ContactsReached;
  evidence: EvidenceIndex;
  /** Answers to questions (Question.key → value). Money answers are yuan as typed ("1500", "1,500.50"). */
  answers: Record<string, string>;
  /** Titles of the rules behind the findings (rule id → title), if the app has them; built-in names otherwise. */
  ruleTitles?: Record<string, Text2>;
}

export type QuestionKind = 'text' | 'date' | 'money' | 'number';

/** A fact the case lacks; the UI asks only for these. */
export interface Question {
  key: string;
  label: Text2;
  kind: QuestionKind;
  required: boolean;
  /** A hint shown under the field. */
  hint?: Text2;
}
