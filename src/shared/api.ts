/**
 * Request schemas shared by the HTTP API and the web client (one module, imported by both).
 */
import { z } from 'zod';

export const EventQuerySchema = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  kind: z.string().optional(),
  collector: z.coerce.number().int().optional(),
  contact: z.coerce.number().int().optional(),
  labelled: z.coerce.boolean().optional(),
  limit: z.coerce.number().int().min(1).max(200_000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

export const ManualEventSchema = z.object({
  kind: z.enum(['call', 'sms', 'im', 'visit', 'letter', 'third_party_report', 'payment', 'note']),
  at: z.string().min(1),
  number: z.string().nullish(),
  text: z.string().max(20_000).nullish(),
  direction: z.enum(['in', 'out']).optional(),
  duration_s: z.number().int().min(0).nullish(),
});

export const ReportContactSchema = z.object({
  contact: z.string().min(1, '请填写亲友的姓名或号码'),
  number: z.string().nullish(),
  at: z.string().min(1, '请填写时间'),
  text: z.string().max(5000).nullish(),
  kind: z.enum(['call', 'sms', 'im', 'visit']).optional(),
  relation: z.string().max(50).nullish(),
  guarantor: z.boolean().optional(),
});

export const MarkCollectorSchema = z.object({
  name: z.string().max(100).optional(),
  numbers: z.array(z.string().min(1)).min(1),
  lender: z.string().max(100).nullish(),
});

export type EventQueryReq = z.infer<typeof EventQuerySchema>;
export type ManualEventReq = z.infer<typeof ManualEventSchema>;
export type ReportContactReq = z.infer<typeof ReportContactSchema>;
