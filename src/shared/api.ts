/**
 * Request schemas shared by the HTTP API and the web client (one module, imported by both).
 */
import { z } from 'zod';
import { ANSWER_MESSAGES } from '../domain/documents/answers.js';
import { ANSWER_KEY_MAX_CHARS, ANSWER_MAX_CHARS, ANSWERS_MAX_COUNT } from '../domain/limits.js';

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
  /** The loan of the case these numbers collect for (the person's choice wins over grouping). */
  loan_id: z.number().int().nullish(),
});

/** POST /api/collectors/unmark: numbers that are not collectors (a bank's codes, a friend, an advert). */
export const UnmarkCollectorSchema = z.object({ numbers: z.array(z.string().min(1).max(40)).min(1).max(1000) });

/** PUT /api/collectors/:id/loan: the loan this collector belongs to (null: unknown). */
export const CollectorLoanSchema = z.object({ loan_id: z.number().int().nullable() });

export type EventQueryReq = z.infer<typeof EventQuerySchema>;
export type ManualEventReq = z.infer<typeof ManualEventSchema>;
export type ReportContactReq = z.infer<typeof ReportContactSchema>;

// ---------------------------------------------------------------------------------------------
// Requests the web UI sends (added by the web part; the routes validate with these).
// Loan bodies are LoanInput (src/domain/loans/types.ts), validated by validateLoanInput.
export type { LoanInput, Fee, FeeTiming, Installment, Payment, Period, LoanStatus } from '../domain/loans/types.js';
export type { LenderType } from '../domain/law.js';

/**
 * POST /api/schedules: build a repayment schedule (the domain's ScheduleSpec). Rates are decimals:
 * periodicRate per period (equal_installment, interest_first, bullet), flatRate and feeRate per period
 * (0.008 = 0.8 % a month), dailyRate per day; payday uses days (and no periods). The web also sends
 * annualRate (nominal, = periodicRate × periods a year) for information.
 */
export const ScheduleRequestSchema = z.object({
  kind: z.enum(['equal_installment', 'flat_rate', 'interest_first', 'bullet', 'payday', 'card_installment']),
  principalFen: z.number().int().positive(),
  contractDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  periods: z.number().int().min(1).max(600).optional(),
  period: z.enum(['month', 'week', 'day']).optional(),
  annualRate: z.number().min(0).max(100).optional(),
  periodicRate: z.number().min(0).max(10).optional(),
  flatRate: z.number().min(0).max(10).optional(),
  feeRate: z.number().min(0).max(10).optional(),
  dailyRate: z.number().min(0).max(1).optional(),
  days: z.number().int().min(1).max(3650).optional(),
  feeFen: z.number().int().min(0).optional(),
});

/** POST /api/export/bundle. With encrypt_passphrase the download is the zip sealed under it (`….zip.hxseal`). */
export const ExportBundleSchema = z.object({
  redact_third_parties: z.boolean(),
  encrypt_passphrase: z.string().min(6).max(1024).optional(),
});

/**
 * Document answers, capped (src/domain/limits.ts): answers are saved and drawn into every later document,
 * so one huge answer would slow every PDF; the app checks the CLI's --answer against the same limits.
 */
const AnswersSchema = z
  .record(
    z.string().max(ANSWER_KEY_MAX_CHARS, ANSWER_MESSAGES.keyTooLong),
    z.union([z.string().max(ANSWER_MAX_CHARS, ANSWER_MESSAGES.tooLongAny), z.number(), z.boolean(), z.null()]),
  )
  .refine((a) => Object.keys(a).length <= ANSWERS_MAX_COUNT, ANSWER_MESSAGES.tooMany);

/** POST /api/documents/preview. Answers: text as typed; money as a yuan string ("900.00"); dates YYYY-MM-DD; numbers as numbers. */
export const DocumentPreviewSchema = z.object({
  type: z.string().min(1),
  channel: z.string().nullish(),
  loan_id: z.number().int().nullish(),
  /** Narrow to one lender (complaint), or the lender to write to (negotiation, pi_request). */
  lender: z.string().nullish(),
  /** third_party_statement: the contact (name or number) whose events prefill the statement. */
  contact: z.string().nullish(),
  /** Language of the document (default zh). */
  lang: z.enum(['zh', 'en']).optional(),
  /** Mask third parties' names and numbers (for documents to be shared publicly). */
  redact: z.boolean().optional(),
  answers: AnswersSchema,
});

/**
 * Who a rendered document is for: 'draft' (default), the person's own copy with the draft banner and the notes for them;
 * 'send', the version the person sends, once they have confirmed that they checked the facts (no banner, no notes).
 */
export const DocumentPurposeSchema = z.enum(['draft', 'send']);
export type DocumentPurposeReq = z.infer<typeof DocumentPurposeSchema>;

/** POST /api/documents/render */
export const DocumentRenderSchema = DocumentPreviewSchema.extend({
  format: z.enum(['pdf', 'docx', 'txt']),
  length: z.enum(['short', 'medium', 'full']).optional(),
  for: DocumentPurposeSchema.optional(),
});

export type ScheduleRequest = z.infer<typeof ScheduleRequestSchema>;
export type ExportBundleReq = z.infer<typeof ExportBundleSchema>;
export type DocumentPreviewReq = z.infer<typeof DocumentPreviewSchema>;
export type DocumentRenderReq = z.infer<typeof DocumentRenderSchema>;
export type MarkCollectorReq = z.infer<typeof MarkCollectorSchema>;

export const SettingsPatchSchema = z.object({
  lang: z.enum(['zh', 'en']).optional(),
  tz: z.string().min(1).optional(),
  quiet_mode: z.boolean().optional(),
});

export const PassphraseSchema = z.object({ passphrase: z.string().max(200) });

/** POST /api/restore-points/rollback: the name of a kept copy, as GET /api/restore-points lists it. */
export const RollbackSchema = z.object({ name: z.string().min(1).max(200) });

/** GET /api/restore-points: copies of the database kept before a restore, newest first (src/app/restore.ts). */
export interface RestorePointView {
  name: string;
  /** ISO 8601, UTC: when the restore that set it aside was applied. */
  at: string;
  bytes: number;
  encrypted: boolean;
}

/** PUT /api/settings body and POST /api/settings/passphrase body (used by the web client). */
export type SettingsPatchReq = z.infer<typeof SettingsPatchSchema>;
export type PassphraseReq = z.infer<typeof PassphraseSchema>;
export type RollbackReq = z.infer<typeof RollbackSchema>;

/** GET /api/events: one timeline event as the API returns it (built by src/app/timeline.ts, read by the web client). */
export interface EventView {
  id: number;
  kind: string;
  direction: string;
  /** ISO 8601 local time with offset, e.g. 2024-06-12T07:42:13+08:00. */
  at: string;
  at_ms: number;
  number: string | null;
  text: string | null;
  duration_s: number | null;
  call_status: string | null;
  recipient: string | null;
  labels: string[];
  spans: Record<string, [number, number][]>;
  collector: number | null;
  collector_name: string | null;
  contact: number | null;
  contact_name: string | null;
  contact_number: string | null;
  /** Present for an event read from a screenshot: the screenshot (GET /api/ocr/screenshot/:sha256) and where its text is. */
  ocr?: { screenshot: string | null; box: number[] | null; box_w: number | null; confidence: number | null; review: string[]; ocr_text: string | null; corrected: boolean };
}
