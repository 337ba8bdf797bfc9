/**
 * Request schemas of the plan API (issue 14), shared by the HTTP routes and the web client. Money in fen.
 */
import { z } from 'zod';
import { STRATEGIES } from '../domain/plan/engine.js';

const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const fen = z.number().int().min(0).max(1e13);

/** Options of a plan: what the person chooses on the page or with `huxun plan`. */
export const PlanOptionsSchema = z.object({
  strategy: z.enum(STRATEGIES).optional(),
  /** Default: the budget's surplus. */
  monthly_fen: fen.optional(),
  /** custom: loan ids in order. */
  order: z.array(z.number().int()).max(500).optional(),
  /** Share of the monthly amount split over every lender (0…1). */
  keep_up: z.number().min(0).max(1).optional(),
  /** YYYY-MM; default: next month. */
  start: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM').optional(),
  /** Day of the month to pay, 1…31 (clamped to the month's end). */
  pay_day: z.number().int().min(1).max(31).optional(),
  /** Loans whose claim (not the supportable amount) the person chooses to pay. */
  pay_claimed: z.array(z.number().int()).max(500).optional(),
});

export const BudgetSchema = z.object({
  income: z.record(z.string(), fen.nullable()).optional(),
  spending: z.record(z.string(), fen.nullable()).optional(),
  hardship: z.array(z.object({ kind: z.string(), since: ymd.nullish(), note: z.string().max(2000).nullish() })).max(20).optional(),
});

/** The lender's latest demand for a loan; amount null removes it (the schedule's figure is used again). */
export const ClaimSchema = z.object({ loan_id: z.number().int().positive(), amount_fen: fen.nullable(), date: ymd.optional() });

export const PaymentSchema = z.object({
  loan_id: z.number().int().positive(),
  amount_fen: z.number().int().min(1).max(1e13),
  date: ymd,
  payee: z.string().max(200).nullish(),
  /** A receipt already stored as an attachment (POST /api/evidence). */
  receipt_sha256: z.string().regex(/^[0-9a-f]{64}$/).nullish(),
  note: z.string().max(2000).nullish(),
});

export const AgreementSchema = z.object({
  loan_id: z.number().int().positive(),
  date: ymd,
  monthly_fen: z.number().int().min(1).max(1e13),
  months: z.number().int().min(1).max(600),
  first_date: ymd,
  /** The last instalment when it differs (default: the same as the others). */
  last_fen: z.number().int().min(0).max(1e13).optional(),
  note: z.string().max(2000).nullish(),
});

export type PlanOptionsReq = z.infer<typeof PlanOptionsSchema>;
export type BudgetReq = z.infer<typeof BudgetSchema>;
export type ClaimReq = z.infer<typeof ClaimSchema>;
export type PaymentReq = z.infer<typeof PaymentSchema>;
export type AgreementReq = z.infer<typeof AgreementSchema>;
