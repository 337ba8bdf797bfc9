/**
 * Response shapes of the HTTP API that the server builds (src/app) and the web client reads (web/src/api):
 * one declaration for both sides, so that a change to what the server sends fails the type check of the
 * page that reads it (issue 15, "one contract between server and web"). Request schemas: ./api.ts.
 */
import type { Text2 } from '../domain/law.js';
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
