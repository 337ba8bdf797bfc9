/** Types of the 投诉跟进 and 证据报告 API (issue 16), as src/app/followup.ts and src/domain/report return them. */
import type { Text2 } from './types.js';

export type { ComplaintView, FollowUpSummary } from '../../../src/shared/followup.js';
export type { FollowUpState } from '../../../src/domain/followup/lifecycle.js';

export interface ComplaintOptions {
  channels: { id: string; name: Text2; letter: boolean; deadline: boolean }[];
  lenders: { key: string; name: string; type: string | null }[];
  methods: { id: string; label: Text2 }[];
  outcomes: { id: string; label: Text2 }[];
  today: string;
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
