/**
 * Shapes of what the HTTP API returns (responses). Request bodies come from src/shared/api.ts.
 * Fields the UI does not rely on are optional, so that a server that adds fields keeps working.
 */
import type { CollectorView, ChainStatus, JobProgress } from '../../../src/shared/views.js';

export interface Text2 {
  zh: string;
  en: string;
}

export type PageKey = 'overview' | 'loans' | 'import' | 'timeline' | 'findings' | 'evidence' | 'documents' | 'contacts' | 'settings' | 'plan' | 'followup' | 'report';



export interface CitationView {
  id: string;
  /** e.g. 《消费金融公司管理办法》第五十六条 */
  title: string;
  title_en?: string;
  excerpt: string | Text2;
  excerpt_en?: string;
  /** The excerpt is a summary, not the article's own words. */
  excerpt_is_summary?: boolean;
  tier: string;
  tier_label?: Text2;
  verified: string | boolean;
  verified_label?: Text2;
}

export interface LineView {
  id: string;
  label: Text2;
  applies: boolean;
  reason: Text2 | null;
  rate: number | null;
  /** The LPR quote of the 4 × LPR line; `note` says when it is the table's last quote or one the person entered. */
  lpr?: { date: string | null; oneYear: number; origin?: string; note?: Text2 | null; source?: string } | null;
  over: boolean | null;
  excess_fen: number | null;
  paid_above_fen: number | null;
  tier: string | null;
  tier_label: Text2 | null;
  verified: string | boolean | null;
  problem?: string | null;
  citations: CitationView[];
}

export interface LoanRates {
  periodic_rate: number | null;
  apr_nominal: number | null;
  apr_effective: number | null;
  xirr: number | null;
}

export interface FeeView {
  name: string;
  timing: 'upfront' | 'per_period' | 'on_overdue';
  amountFen: number;
  included?: boolean | null;
}

export interface InstallmentView {
  period: number;
  dueDate: string;
  principalFen: number;
  interestFen: number;
  feeFen: number;
  totalFen: number;
}

export interface LoanRecord {
  id: number;
  lenderName: string;
  lenderType: string;
  productName?: string | null;
  contractDate: string;
  contractPrincipalFen: number;
  receivedFen: number;
  fees: FeeView[];
  period: unknown;
  schedule: InstallmentView[];
  payments: { date: string; amountFen: number; note?: string | null }[];
  status: 'active' | 'overdue' | 'settled' | 'disputed';
  agreementDate?: string | null;
  note?: string | null;
}

export interface LoanView {
  loan: LoanRecord;
  rates: LoanRates | null;
  lines: LineView[];
  problem?: string | null;
}

/** GET /api/jobs/:id (src/shared/views.ts). */
export type JobView = JobProgress;

export type { EventView } from '../../../src/shared/api.js';
// Response shapes declared once for server and web (src/shared/views.ts).
export type { NextStep, OverviewView as Overview, CollectorView, ContactView, SettingsView as Settings, ChainStatus } from '../../../src/shared/views.js';


export interface CollectorDossier extends CollectorView {
  per_day: { date: string; calls: number; messages: number }[];
  hour_weekday: number[][];
  answered: number;
  unanswered: number;
  findings: FindingView[] | string[] | number;
}


export interface ChannelView {
  id: string;
  name: Text2 | string;
  contact?: string | null;
  /** What this channel handles. */
  handles?: Text2 | null;
  /** Whether a complaint letter can be written for it. */
  letter?: boolean;
  /** Why it was proposed. */
  why?: Text2;
}

export interface FindingView {
  rule: string;
  title: Text2;
  /** The rule in plain words. */
  description?: Text2;
  tier: string;
  tier_label: Text2;
  tier_explain: Text2;
  severity: number | string;
  citations: CitationView[];
  events: number[];
  from: string | null;
  to: string | null;
  count: number;
  summary: Text2;
  channels: ChannelView[];
}





export interface VerifyResult {
  ok: boolean;
  records?: number;
  attachments?: number;
  /** On failure: a problem code and a message in words. */
  problem?: string | null;
  message?: string | null;
}

export interface DocumentType {
  type: string;
  title: Text2;
  description?: Text2;
  /** Facts it needs (older shape) or the questions it may ask. */
  needs?: string[];
  questions?: string[];
  per_channel?: boolean;
  form_text?: boolean;
}

/** GET /api/documents: a list of types, or { types, channels }. */
export type DocumentList = DocumentType[] | { types: DocumentType[]; channels?: ChannelView[] };

export function documentTypes(v: DocumentList | undefined): DocumentType[] {
  if (!v) return [];
  return Array.isArray(v) ? v : (v.types ?? []);
}

export interface MissingField {
  key: string;
  label: Text2;
  kind: 'text' | 'number' | 'date' | 'money' | string;
  required?: boolean;
  hint?: Text2;
}

export interface DocumentPreview {
  type?: string;
  /** The channel the document was built for (the server picks one when none was given). */
  channel?: string | null;
  title: string | Text2;
  html: string;
  missing: MissingField[];
  /** Answers remembered from earlier documents. */
  answers?: Record<string, string>;
  short_text: string | null;
  channels: (ChannelView | string)[];
  /** The lender a complaint is about (a key of `complaints`), chosen by the server when none was given. */
  lender?: string | null;
  /** One complaint per lender, each with the channels that supervise it and why (issue 12 §3). */
  complaints?: LenderComplaintView[];
}

export interface LenderComplaintView {
  /** 'loan:3', 'entity:…', 'brand:…', or 'unknown'. */
  lender: string;
  name: Text2;
  regulator: string | null;
  unknown: boolean;
  channels: (ChannelView & { why: Text2 })[];
}

