/** Request schemas of the follow-up (投诉跟进) and report API (issue 16), shared by the routes and the web client. */
import { z } from 'zod';
import { ANSWER_OUTCOMES, SUBMIT_METHODS } from '../domain/followup/lifecycle.js';

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
