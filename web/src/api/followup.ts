/** Types of the 投诉跟进 and 证据报告 API (issue 16), as src/app/followup.ts and src/domain/report return them. */
import type { Text2 } from './types.js';

export type FollowUpState = 'submitted' | 'due' | 'answered' | 'escalated';

export interface ComplaintView {
  id: number;
  parent_id: number | null;
  channel: string;
  channel_name: Text2;
  lender_key: string | null;
  lender_name: string | null;
  lender_type: string | null;
  submitted_on: string;
  method: string;
  method_label: Text2;
  reference: string | null;
  document: { sha256: string; name: string | null; meta: Record<string, unknown> } | null;
  evidence_seq: number | null;
  deadline: {
    due_on: string;
    days: number;
    unit: 'calendar' | 'working';
    step: number;
    extendable: boolean;
    what: Text2;
    caveat: Text2 | null;
    citations: { id: string; title: Text2; excerpt: Text2; verified: string; tier: Text2 }[];
  } | null;
  no_deadline: Text2 | null;
  remind_on: string | null;
  answer: { on: string; outcome: string; outcome_label: Text2; text: string | null; evidence_seq: number | null } | null;
  note: string | null;
  state: FollowUpState;
  next_date: string | null;
  next_kind: 'deadline' | 'reminder' | null;
  days_left: number | null;
  due_soon: boolean;
  children: number[];
  next_steps: { kind: 'urge' | 'escalate'; channel: string; channel_name: Text2; title: Text2; why: Text2 }[];
}

export interface ComplaintOptions {
  channels: { id: string; name: Text2; letter: boolean; deadline: boolean }[];
  lenders: { key: string; name: string; type: string | null }[];
  methods: { id: string; label: Text2 }[];
  outcomes: { id: string; label: Text2 }[];
  today: string;
}

export interface FollowUpSummary {
  open: number;
  due: number;
  upcoming: { id: number; channel_name: Text2; lender_name: string | null; reference: string | null; state: FollowUpState; next_date: string | null; next_kind: 'deadline' | 'reminder' | null; days_left: number | null }[];
}

export interface ReportData {
  generatedOn: string;
  tz: string;
  period: { from: string; to: string } | null;
  totals: { calls: number; messages: number; collectors: number; contactsReached: number; nightContacts: number; nightDays: number; floodDays: number; findings: number };
  days: { date: string; calls: number; messages: number }[];
  night: { date: string; calls: number; messages: number; times: string[]; collectors: string[] }[];
  flood: { date: string; collector: string; calls: number; answered: number; messages: number }[];
  contacts: { name: string; relation: string | null; times: number; first: string; last: string }[];
  collectors: { name: string; numbers: string[]; lender: string | null; calls: number; messages: number }[];
  findings: { rule: string; title: Text2; severity: string; tier: Text2; summary: Text2; count: number; from: string | null; to: string | null; citations: string[] }[];
  chain: { head: string | null; count: number; ok: boolean };
}
