/**
 * Validation of LoanInput from untrusted data (HTTP bodies, CLI files). Every problem is reported with
 * the path of the field, e.g. `schedule[2].dueDate: expected a date YYYY-MM-DD, got "2024-02-30"`.
 * Unknown fields are rejected (a misspelt field would otherwise be silently dropped).
 */
import { z } from 'zod';
import type { LenderType } from '../law.js';
import { parseYmd, periodUnit } from './periods.js';
import { LENDER_TYPES, type LoanInput, type Period } from './types.js';

export interface FieldIssue {
  /** JSON path of the field, e.g. "schedule[2].dueDate"; "" for the whole value. */
  path: string;
  message: string;
}

export class LoanInputError extends Error {
  readonly code = 'INVALID_LOAN' as const;
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '));
    this.name = 'LoanInputError';
  }
}

/** ['schedule', 2, 'dueDate'] → "schedule[2].dueDate". */
export function formatPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) {
    if (typeof p === 'number') s += `[${p}]`;
    else s += s ? `.${String(p)}` : String(p);
  }
  return s;
}

const got = (v: unknown): string => (v === undefined ? 'nothing' : JSON.stringify(v) ?? String(v));

function typeError(expected: string) {
  return (iss: { input?: unknown }) => (iss.input === undefined ? `required: expected ${expected}` : `expected ${expected}, got ${got(iss.input)}`);
}

const fenSchema = (min: 0 | 1) =>
  z
    .number({ error: typeError('an integer number of fen') })
    .refine((v) => Number.isSafeInteger(v), { error: (iss) => `expected an integer number of fen, got ${got(iss.input)}` })
    .refine((v) => v >= min, { error: (iss) => `expected ${min === 0 ? 'zero or more' : 'more than zero'} fen, got ${got(iss.input)}` });

const dateSchema = z
  .string({ error: typeError('a date YYYY-MM-DD') })
  .refine((s) => parseYmd(s) !== null, { error: (iss) => `expected a real date YYYY-MM-DD, got ${got(iss.input)}` });

const text = (what: string) => z.string({ error: typeError(what) });
const optionalText = z.string({ error: typeError('text or null') }).nullable().optional();

export function periodProblem(v: unknown): string | null {
  try {
    periodUnit(v as Period);
    if (typeof v === 'object' && v !== null && Object.keys(v).length !== 1) throw new Error();
    return null;
  } catch {
    return `expected "month", "week", "day", {"months": N} or {"days": N} with N a positive integer, got ${got(v)}`;
  }
}

const periodSchema = z.custom<Period>((v) => periodProblem(v) === null, { error: (iss) => periodProblem(iss.input) ?? 'invalid period' });

const lenderTypeSchema = z.enum(LENDER_TYPES as [LenderType, ...LenderType[]], {
  error: (iss) => `unknown lender type ${got(iss.input)}; expected one of: ${LENDER_TYPES.join(', ')}`,
});

const FEE_TIMINGS = ['upfront', 'per_period', 'on_overdue'] as const;

const feeSchema = z.strictObject(
  {
    name: text('the fee name as the lender calls it'),
    timing: z.enum(FEE_TIMINGS, { error: (iss) => `unknown fee timing ${got(iss.input)}; expected one of: ${FEE_TIMINGS.join(', ')}` }),
    amountFen: fenSchema(0),
    included: z.boolean({ error: typeError('true, false or null') }).nullable().optional(),
  },
  { error: (iss) => (iss.code === 'unrecognized_keys' ? `unexpected field(s): ${iss.keys.join(', ')}` : `expected a fee object, got ${got(iss.input)}`) },
);

const installmentSchema = z
  .strictObject(
    {
      period: z.number({ error: typeError('a period number (1, 2, …)') }).refine((v) => Number.isSafeInteger(v) && v >= 1, { error: (iss) => `expected a period number (1, 2, …), got ${got(iss.input)}` }),
      dueDate: dateSchema,
      principalFen: fenSchema(0),
      interestFen: fenSchema(0),
      feeFen: fenSchema(0),
      totalFen: fenSchema(0),
    },
    { error: (iss) => (iss.code === 'unrecognized_keys' ? `unexpected field(s): ${iss.keys.join(', ')}` : `expected an installment object, got ${got(iss.input)}`) },
  )
  .superRefine((i, ctx) => {
    if (i.principalFen + i.interestFen + i.feeFen !== i.totalFen) {
      ctx.addIssue({ code: 'custom', path: ['totalFen'], message: `expected principalFen + interestFen + feeFen = ${i.principalFen + i.interestFen + i.feeFen}, got ${i.totalFen}` });
    }
  });

const paymentSchema = z.strictObject(
  {
    date: dateSchema,
    amountFen: fenSchema(1),
    note: optionalText,
  },
  { error: (iss) => (iss.code === 'unrecognized_keys' ? `unexpected field(s): ${iss.keys.join(', ')}` : `expected a payment object, got ${got(iss.input)}`) },
);

const STATUSES = ['active', 'overdue', 'settled', 'disputed'] as const;

/** The zod schema of LoanInput (field checks plus the cross-field checks below). */
export const loanInputSchema = z
  .strictObject(
    {
      lenderName: text('the lender name').refine((s) => s.trim().length > 0, { error: 'expected the lender name, got an empty string' }),
      lenderType: lenderTypeSchema,
      productName: optionalText,
      contractDate: dateSchema,
      contractPrincipalFen: fenSchema(1),
      receivedFen: fenSchema(0),
      fees: z.array(feeSchema, { error: typeError('a list of fees') }),
      period: periodSchema,
      schedule: z.array(installmentSchema, { error: typeError('a list of installments') }),
      payments: z.array(paymentSchema, { error: typeError('a list of payments') }),
      status: z.enum(STATUSES, { error: (iss) => `unknown status ${got(iss.input)}; expected one of: ${STATUSES.join(', ')}` }),
      agreementDate: dateSchema.nullable().optional(),
      note: optionalText,
    },
    { error: (iss) => (iss.code === 'unrecognized_keys' ? `unexpected field(s): ${iss.keys.join(', ')}` : `expected a loan object, got ${got(iss.input)}`) },
  )
  .superRefine((l, ctx) => {
    if (l.receivedFen > l.contractPrincipalFen) {
      ctx.addIssue({ code: 'custom', path: ['receivedFen'], message: `the amount received (${l.receivedFen}) is more than the contract principal (${l.contractPrincipalFen})` });
    }
    l.schedule.forEach((inst, k) => {
      if (inst.dueDate < l.contractDate) ctx.addIssue({ code: 'custom', path: ['schedule', k, 'dueDate'], message: `due date ${inst.dueDate} is before the contract date ${l.contractDate}` });
      const prev = k > 0 ? l.schedule[k - 1] : undefined;
      if (prev) {
        if (inst.period <= prev.period) ctx.addIssue({ code: 'custom', path: ['schedule', k, 'period'], message: `period numbers must increase: ${inst.period} after ${prev.period}` });
        if (inst.dueDate < prev.dueDate) ctx.addIssue({ code: 'custom', path: ['schedule', k, 'dueDate'], message: `due dates out of order: ${inst.dueDate} after ${prev.dueDate}` });
      }
    });
    l.payments.forEach((p, k) => {
      if (p.date < l.contractDate) ctx.addIssue({ code: 'custom', path: ['payments', k, 'date'], message: `payment date ${p.date} is before the contract date ${l.contractDate}` });
    });
    if (l.agreementDate && l.agreementDate < l.contractDate) {
      ctx.addIssue({ code: 'custom', path: ['agreementDate'], message: `agreement date ${l.agreementDate} is before the contract date ${l.contractDate}` });
    }
  });

/** Validates untrusted data as a LoanInput; throws LoanInputError listing every problem with its field path. */
export function validateLoanInput(input: unknown): LoanInput {
  const r = loanInputSchema.safeParse(input);
  if (!r.success) {
    throw new LoanInputError(r.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  }
  return r.data as LoanInput;
}
