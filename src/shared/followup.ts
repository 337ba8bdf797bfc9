/** Request schemas of the follow-up (投诉跟进) and report API (issue 16), shared by the routes and the web client. */
import { z } from 'zod';
import type { Text2 } from '../domain/law.js';
import { ANSWER_OUTCOMES, SUBMIT_METHODS, type AnswerOutcome, type FollowUpState, type SubmitMethod } from '../domain/followup/lifecycle.js';

const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const ComplaintSchema = z.object({
  channel: z.string().min(1).max(40),
  lender: z.string().max(200).nullish(),
  submitted_on: ymd,
  method: z.enum(SUBMIT_METHODS),
  reference: z.string().max(200).nullish(),
  remind_on: ymd.nullish(),
  /** The text sent, as pasted. */
  text: z.string().max(200_000).nullish(),
  /** The file sent, already stored as evidence (POST /api/evidence). */
  attachment_sha256: z.string().regex(/^[0-9a-f]{64}$/).nullish(),
  /** Keep Huxun's letter for this channel and lender as the version sent. */
  generate: z.enum(['pdf', 'docx', 'txt']).nullish(),
  parent_id: z.number().int().positive().nullish(),
  note: z.string().max(2000).nullish(),
});

export const AnswerSchema = z.object({
  answered_on: ymd,
  outcome: z.enum(ANSWER_OUTCOMES),
  text: z.string().max(20_000).nullish(),
});

export const FollowUpPatchSchema = z.object({
  remind_on: ymd.nullish(),
  reference: z.string().max(200).nullish(),
});

export type ComplaintReq = z.infer<typeof ComplaintSchema>;
export type AnswerReq = z.infer<typeof AnswerSchema>;

// Responses of the follow-up API, declared once for src/app/followup.ts and the web client.
export interface DeadlineView {
  due_on: string;
  days: number;
  unit: 'calendar' | 'working';
  step: number;
  extendable: boolean;
  what: Text2;
  caveat: Text2 | null;
  citations: { id: string; title: Text2; excerpt: Text2; verified: string; tier: Text2 }[];
}

export interface NextStepView {
  kind: 'urge' | 'escalate';
  channel: string;
  channel_name: Text2;
  title: Text2;
  why: Text2;
}

export interface ComplaintView {
  id: number;
  parent_id: number | null;
  channel: string;
  channel_name: Text2;
  lender_key: string | null;
  lender_name: string | null;
  lender_type: string | null;
  submitted_on: string;
  method: SubmitMethod;
  method_label: Text2;
  reference: string | null;
  document: { sha256: string; name: string | null; meta: Record<string, unknown> } | null;
  evidence_seq: number | null;
  deadline: DeadlineView | null;
  /** Why there is no deadline: the person sets a reminder. */
  no_deadline: Text2 | null;
  remind_on: string | null;
  answer: { on: string; outcome: AnswerOutcome; outcome_label: Text2; text: string | null; evidence_seq: number | null } | null;
  note: string | null;
  state: FollowUpState;
  next_date: string | null;
  next_kind: 'deadline' | 'reminder' | null;
  days_left: number | null;
  due_soon: boolean;
  /** The complaints sent after this one for the same matter. */
  children: number[];
  /** What to do now when it is due (empty otherwise). */
  next_steps: NextStepView[];
}

export interface FollowUpSummary {
  open: number;
  due: number;
  /** The open complaints, the soonest date first. */
  upcoming: { id: number; channel_name: Text2; lender_name: string | null; reference: string | null; state: FollowUpState; next_date: string | null; next_kind: 'deadline' | 'reminder' | null; days_left: number | null }[];
}
