/**
 * Shapes of what the HTTP API returns (responses). Request bodies come from src/shared/api.ts.
 * Fields the UI does not rely on are optional, so that a server that adds fields keeps working.
 */
import type { CollectorView, ChainStatus, JobProgress } from '../../../src/shared/views.js';
import type { LoanInput } from '../../../src/shared/api.js';

export interface Text2 {
  zh: string;
  en: string;
}

export type PageKey = 'overview' | 'loans' | 'import' | 'timeline' | 'findings' | 'evidence' | 'documents' | 'contacts' | 'settings' | 'plan' | 'followup' | 'report';








/** A loan as the API sends it (inside LoanView). */
export type LoanRecord = LoanInput & { id?: number | null };


/** GET /api/jobs/:id (src/shared/views.ts). */
export type JobView = JobProgress;

export type { EventView } from '../../../src/shared/api.js';
// Response shapes declared once for server and web (src/shared/views.ts).
export type { CitationView, LineView, LoanView, FindingView, CollectorDossierView as CollectorDossier, VerifyView as VerifyResult } from '../../../src/shared/views.js';
export type { NextStep, OverviewView as Overview, CollectorView, ContactView, SettingsView as Settings, ChainStatus } from '../../../src/shared/views.js';




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
