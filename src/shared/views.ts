/**
 * Response shapes of the HTTP API that the server builds (src/app) and the web client reads (web/src/api):
 * one declaration for both sides, so that a change to what the server sends fails the type check of the
 * page that reads it (issue 15, "one contract between server and web"). Request schemas: ./api.ts.
 */
import type { LenderType, Text2, Tier, Verification } from '../domain/law.js';
import type { Loan, LoanInput } from '../domain/loans/types.js';
import type { Budget, BudgetTotals, Owed, Plan, PlanMonth, Proposal, Strategy } from '../domain/plan/index.js';
import type { PaidVsPlanned } from '../domain/plan/paid.js';
import type { FollowUpSummary } from './followup.js';

/** A page of the web app that a next step opens. */
export type NextStepPage = 'contacts' | 'loans' | 'findings' | 'documents' | 'import' | 'evidence' | 'plan' | 'followup';

export interface NextStep {
  id: string;
  priority: number;
  title: Text2;
  detail: Text2;
  page: NextStepPage;
}

/** GET /api/overview (src/app/overview.ts). */
export interface OverviewView {
  /** The three most urgent steps. */
  next: NextStep[];
  all_next: NextStep[];
  debts: { loans: number; over_line: number; total_excess_fen: number };
  /** The last 7 local days, today included; incoming calls and messages only. */
  week: { calls: number; messages: number; collection: number; by_day: { date: string; calls: number; messages: number; collection: number }[] };
  events: number;
  complaints: FollowUpSummary;
}

/** GET/PUT /api/settings (src/app/settings.ts). */
export interface SettingsView {
  lang: 'zh' | 'en';
  tz: string;
  quiet_mode: boolean;
  /** The data folder for display (`~/.huxun`): API responses carry no absolute path. */
  data_dir: string;
  engine: string;
  encrypted: boolean;
}

/** What the lender registry says about a collector's lender (null: not known). src/app/timeline.ts collectorLender. */
export interface CollectorLenderView {
  lender: string | null;
  lender_entity: string | null;
  lender_entity_id: string | null;
  lender_brand: string | null;
  lender_brand_id: string | null;
  lender_type: string | null;
  lender_regulator: string | null;
  lender_province: string | null;
  /** signature | brand | service_number | loan | user, or null when unknown. */
  lender_source: string | null;
  /** A brand that lends through several entities: the loan contract names the lender. */
  multi_lender: boolean;
  /** Authorities or offices it claims to be (never its lender). */
  claims: string[];
  /** No loan of the case is linked: the person is asked to pick the loan it belongs to. */
  needs_loan: boolean;
}

/** GET /api/collectors. */
export interface CollectorView extends CollectorLenderView {
  id: number;
  name: string;
  numbers: string[];
  loan_id: number | null;
  marked_by_user: boolean;
  calls: number;
  messages: number;
  /** ISO 8601 local time with offset. */
  first_contact: string | null;
  last_contact: string | null;
}

/** GET /api/contacts. */
export interface ContactView {
  id: number;
  name: string;
  numbers: string[];
  relation: string | null;
  is_guarantor: boolean;
  /** A collector reached this contact. */
  touched: boolean;
  /** The events in which it was reached. */
  events: number[];
}

/** The evidence chain as re-hashed from the store (src/app/evidence.ts checkChain). */
export interface ChainStatus {
  ok: boolean;
  count: number;
  head: string | null;
  problem?: { seq: number | null; reason: string };
}

// ---- moved from ../app/citations.ts (its functions return these)

export interface CitationView {
  id: string;
  /** e.g. 《消费金融公司管理办法》第五十六条 */
  title: string;
  title_en: string;
  law: string;
  article: string | null;
  excerpt: string;
  excerpt_en: string;
  excerpt_is_summary: boolean;
  tier: Tier;
  tier_label: Text2;
  verified: Verification;
  verified_label: Text2;
  source: string;
  effective_from: string | null;
  effective_to: string | null;
}

// ---- moved from ../app/loans.ts (its functions return these)

export interface LineView {
  id: string;
  label: Text2;
  meaning: Text2;
  applies: boolean;
  reason: Text2 | null;
  rate: number | null;
  /**
   * The LPR quote of an 'lpr4' line: origin 'table', 'last_known' (the contract date is after the table: its last quote,
   * with a note that a newer one may exist) or 'user' (entered by the person, with its source); note shown with it.
   */
  lpr: { date: string | null; oneYear: number; origin?: string; note?: Text2 | null; source?: string } | null;
  loan_rate: number | null;
  over: boolean | null;
  excess_fen: number | null;
  repriced_total_fen: number | null;
  paid_above_fen: number | null;
  tier: string | null;
  tier_label: Text2 | null;
  verified: string | null;
  problem: string | null;
  citations: CitationView[];
}

export interface LoanView {
  loan: Loan | (LoanInput & { id: null });
  real_principal_fen: number;
  total_payable_fen: number;
  rates: { periodic_rate: number; apr_nominal: number; apr_effective: number; xirr: number | null; conventions: Record<string, string> } | null;
  problem: string | null;
  lines: LineView[];
}

// ---- moved from ../app/plan.ts (its functions return these)

export interface BudgetView {
  budget: Budget;
  totals: BudgetTotals;
  /** false until the person has saved a budget (the figures are the defaults). */
  saved: boolean;
}

export interface DebtView extends Owed {
  loan: number;
  lender: string;
  lender_type: LenderType;
  product: string | null;
  /** The loan's true rate ('irr-nominal'); null when unknown. */
  apr: number | null;
  harassment: number;
  line_view: { id: string; label: Text2; rate: number; tier: string | null; tier_label: Text2 | null; verified: string | null; over: boolean; citations: CitationView[] } | null;
  agreement: { date: string; monthly_fen: number; months: number; first_date: string } | null;
}

export interface PlanOptions {
  strategy?: Strategy;
  monthly_fen?: number;
  order?: number[];
  keep_up?: number;
  start?: string;
  pay_day?: number;
  pay_claimed?: number[];
}

export interface PlanChoice extends Required<Omit<PlanOptions, 'monthly_fen' | 'start'>> {
  monthly_fen: number | null;
  start: string | null;
}

/** What the plan page needs to plan in the browser as well: debts, budget, saved choice, defaults. */
export interface PlanCase {
  debts: DebtView[];
  budget: BudgetView;
  choice: PlanChoice;
  /** The month after this one (local time): the default first month. */
  next_month: string;
  today: string;
  adopted: AdoptedPlan | null;
  payments: PaymentView[];
}

export interface AdoptedPlan {
  adopted_on: string;
  options: Required<Omit<PlanOptions, 'order' | 'pay_claimed'>> & { order: number[]; pay_claimed: number[] };
  lenders: { loan: number; months: PlanMonth[] }[];
}

export interface PlanView {
  plan: Plan;
  proposals: Proposal[];
  /** The monthly amount is within what the budget leaves. */
  fits: boolean;
  surplus_fen: number;
  pay_day: number;
  /** How the monthly amount was chosen. */
  monthly_source: 'given' | 'budget';
  paid_vs_planned: PaidVsPlanned[];
}

export interface PaymentView {
  id: number;
  loan_id: number;
  lender: string | null;
  date: string;
  amount_fen: number;
  payee: string | null;
  receipt_sha256: string | null;
  note: string | null;
  evidence_seq: number | null;
}

export interface AgreementView {
  id: number;
  loan_id: number;
  date: string;
  monthly_fen: number;
  months: number;
  first_date: string;
  total_fen: number;
  schedule: { date: string; amount_fen: number }[];
  evidence_seq: number | null;
}

// ---- moved from ../app/progress.ts (its functions return these)

/** Progress of long jobs, kept in memory so the UI can poll it while the job's transaction is open. */
/** What one imported file brought in (src/app/import.ts ImportFileResult, with the case's collectors after regrouping). */
export interface ImportJobResult {
  file: string;
  format: string;
  records: number;
  events: number;
  eventsAdded: number;
  contacts: number;
  contactsAdded: number;
  attachments: number;
  /** Messages labelled collection. */
  collection: number;
  /** Calls from numbers found to be collectors. */
  collectorCalls?: number;
  /** Non-fatal findings of the import, zh / en. */
  notes?: string[];
  /** Calls merged into the call a recording imported earlier had made. */
  linkedToRecordings?: number;
  /** A call recording: its duration and the call it was linked to. */
  recording?: { durationS: number | null; eventId: number | null; linked: 'existing-call' | 'new-call' | 'none'; pattern: string | null; patternSeen: boolean; number: string | null; at: number | null };
  collectors: number;
  contactsTouched: number;
}

export interface JobProgress {
  id: string;
  kind: 'import';
  file: string;
  bytesRead: number;
  bytesTotal: number;
  records: number;
  added: number;
  startedAt: number;
  /** 'interrupted': the process running it stopped (the app closed, a server restarted) before it finished. */
  state: 'running' | 'done' | 'failed' | 'interrupted';
  /**
   * What went wrong, as a code (src/app/jobs.ts): 'upload_interrupted', 'interrupted', 'capture_date', 'file_<kind>'
   * (what the file was taken to be: pdf, image, zip…), 'import_error' (anything else).
   */
  errorCode?: string;
  /** For a person: what the file is and where it belongs (import-messages.ts). */
  error?: string;
  /** `error` in each language when it was written for the page (it shows the reader's half). */
  errorText?: { zh: string; en: string } | null;
  /** The error as the code gave it, for whoever helps; only from the process that ran the job (never stored: it can quote the file). */
  detail?: string;
  /** Where a file that could not be imported belongs ('evidence'), if elsewhere; 'capture-date': a screenshot that needs the day it was taken. */
  hint?: 'evidence' | 'capture-date' | null;
  /** Where the work is: 'upload' while the file arrives, 'import' while it is read and written. */
  stage?: 'upload' | 'import';
  /** When done: what the file brought in. */
  result?: ImportJobResult;
}

// ---- moved from ../app/attachments.ts (its functions return these)

/** An attachment as stored (GET /api/evidence); AttachmentView adds whether an upload added it. */
export type StoredAttachmentView = Omit<AttachmentView, 'added'>;

export interface AttachmentView {
  sha256: string;
  name: string | null;
  mime: string;
  size: number;
  source: string;
  received_at: number;
  claimed_at: number | null;
  event_id: number | null;
  note: string | null;
  added: boolean;
}

// ---- moved from ../app/findings.ts (its functions return these)

export interface FindingView {
  rule: string;
  title: Text2;
  description: Text2;
  tier: string;
  tier_label: Text2;
  tier_explain: Text2;
  severity: string;
  citations: (CitationView & { law_name: string })[];
  events: number[];
  from: string | null;
  to: string | null;
  count: number;
  summary: Text2;
  channels: { id: string; name: Text2; contact: string; handles: Text2 }[];
  details?: Record<string, unknown>;
}

// ---- collectors, verification

/** GET /api/not-collectors: numbers the person marked "not a collector". */
export interface NotCollectorView {
  number: string;
  /** When it was marked (ISO 8601 local time with offset). */
  at: string;
}

/** GET /api/collectors/:id: a collector with when and how often it made contact, and the findings it is in. */
export interface CollectorDossierView extends CollectorView {
  answered: number;
  unanswered: number;
  per_day: { date: string; calls: number; messages: number }[];
  /** 7 × 24 counts: weekday (0 = Sunday) × local hour. */
  hour_weekday: number[][];
  /** Rule ids of the findings it appears in, most serious first. */
  findings: string[];
}

/** POST /api/verify: what the page shows of a bundle check (src/export/bundle.ts VerifyBundleResult conforms to it). */
export type VerifyView =
  | { ok: true; records: number; attachments: number; head: string; redactedRecords: number; files: number; folder: string }
  | { ok: false; problem: string; message: string; file?: string; issues: { problem: string; message: string; file?: string }[] };
