/** Loan use cases: record a loan as it really is, and show its true rate against the legal lines. */
import { buildSchedule, checkLegalLines, LoanInputError, rateFileRates, validateLoanInput, type LegalLinesReport, type ScheduleSpec } from '../domain/loans/index.js';
import type { Installment, Loan, LoanInput } from '../domain/loans/types.js';
import { loanFromSimpleTerms as simpleTermsLoan } from '../domain/loans/simple.js';
import type { LoanLineResult } from '../domain/rules/types.js';
import type { Text2 } from '../domain/law.js';
import { LEGAL_LINES, TIER_LABEL } from '../law/index.js';
import * as repo from '../store/repo.js';
import { citationView, type CitationView } from './citations.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import { recordEvidence } from './evidence.js';
import { listUserLpr, lprForDate, type UserLprQuote } from './lpr.js';
import type { LineView, LoanView } from '../shared/views.js';
export type { LineView, LoanView } from '../shared/views.js';



/** The 4 × LPR article is 第二十六条 in the text in force 2020-08-20 … 2020-12-31, 第二十五条 from 2021-01-01 (D1). */
const AUG_2020_TEXT = { from: '2020-08-20', to: '2020-12-31', current: 'private-lending-2020.art25', then: 'private-lending-2020-08.art26' } as const;

function citationsByContractDate(ids: readonly string[], contractDate: string): string[] {
  if (contractDate < AUG_2020_TEXT.from || contractDate > AUG_2020_TEXT.to) return [...ids];
  return ids.map((id) => (id === AUG_2020_TEXT.current ? AUG_2020_TEXT.then : id));
}

/**
 * The loan against the legal lines. `userLpr`: the case's own LPR quotes (listUserLpr), used for a contract dated after
 * the table; without them such a contract uses the table's last quote with a note (never "unknown" without a figure).
 */
export function loanReport(loan: LoanInput, userLpr: readonly UserLprQuote[] = []): LegalLinesReport {
  const r = checkLegalLines(loan, LEGAL_LINES, (date) => lprForDate(date, userLpr));
  for (const l of r.lines) l.citationIds = citationsByContractDate(l.citationIds, loan.contractDate);
  return r;
}

export function viewLoan(loan: Loan | (LoanInput & { id: null }), userLpr: readonly UserLprQuote[] = []): LoanView {
  const r = loanReport(loan, userLpr);
  const lines = r.lines.map((l): LineView => {
    const def = LEGAL_LINES.find((x) => x.id === l.lineId);
    return {
      id: l.lineId,
      label: l.label,
      meaning: l.meaning,
      applies: l.applies,
      reason: l.notApplicableReason,
      rate: l.lineRate,
      lpr: l.lpr,
      loan_rate: l.loanRate,
      over: l.over,
      excess_fen: l.excessFen,
      repriced_total_fen: l.repriced ? l.repriced.repricedTotalFen : null,
      paid_above_fen: l.paid ? l.paid.paidAboveLineFen : null,
      tier: def?.tier ?? null,
      tier_label: def?.tier ? TIER_LABEL[def.tier] : null,
      verified: def?.verified ?? null,
      problem: l.problem,
      citations: l.citationIds.map(citationView),
    };
  });
  return {
    loan,
    real_principal_fen: r.realPrincipalFen,
    total_payable_fen: r.totalPayableFen,
    rates: r.rates
      ? {
          periodic_rate: r.rates.periodic.value,
          apr_nominal: r.rates.nominal.value,
          apr_effective: r.rates.effective.value,
          xirr: r.rates.xirr?.value ?? null,
          conventions: { periodic_rate: r.rates.periodic.convention, apr_nominal: r.rates.nominal.convention, apr_effective: r.rates.effective.convention, xirr: 'xirr' },
        }
      : null,
    problem: r.problem,
    lines,
  };
}

function validate(input: unknown): LoanInput {
  try {
    return validateLoanInput(input);
  } catch (e) {
    if (e instanceof LoanInputError) throw new AppError('BAD_INPUT', e.message, e.issues);
    throw e;
  }
}

export async function addLoan(ctx: AppContext, input: unknown): Promise<LoanView> {
  const loan = validate(input);
  const saved = await ctx.store.db.transaction().execute(async (trx) => {
    const l = await repo.insertLoan(trx, ctx.caseId, loan, ctx.now());
    await recordEvidence(ctx, trx, 'loan', { loan_id: l.id, action: 'add', loan: loan as never });
    return l;
  });
  return viewLoan(saved, await listUserLpr(ctx));
}

export async function updateLoan(ctx: AppContext, id: number, input: unknown): Promise<LoanView> {
  const loan = validate(input);
  const saved = await ctx.store.db.transaction().execute(async (trx) => {
    const l = await repo.updateLoan(trx, ctx.caseId, id, loan, ctx.now());
    if (!l) throw new AppError('NOT_FOUND', `借款 #${id} 不存在 loan ${id} not found`);
    await recordEvidence(ctx, trx, 'loan', { loan_id: id, action: 'update', loan: loan as never });
    return l;
  });
  return viewLoan(saved, await listUserLpr(ctx));
}

export async function deleteLoan(ctx: AppContext, id: number): Promise<void> {
  await ctx.store.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteLoan(trx, ctx.caseId, id))) throw new AppError('NOT_FOUND', `借款 #${id} 不存在 loan ${id} not found`);
    await recordEvidence(ctx, trx, 'loan', { loan_id: id, action: 'delete' });
  });
}

export async function listLoans(ctx: AppContext): Promise<LoanView[]> {
  const user = await listUserLpr(ctx);
  return (await repo.listLoans(ctx.store.db, ctx.caseId)).map((l) => viewLoan(l, user));
}

export async function showLoan(ctx: AppContext, id: number): Promise<LoanView> {
  const l = await repo.getLoan(ctx.store.db, ctx.caseId, id);
  if (!l) throw new AppError('NOT_FOUND', `借款 #${id} 不存在 loan ${id} not found`);
  return viewLoan(l, await listUserLpr(ctx));
}

export function previewLoan(input: unknown): LoanView {
  return viewLoan({ ...validate(input), id: null });
}

export function rateFromFile(text: string) {
  return rateFileRates(text);
}

export function scheduleFromSpec(spec: ScheduleSpec): Installment[] {
  try {
    return buildSchedule(spec);
  } catch (e) {
    throw new AppError('BAD_INPUT', (e as Error).message);
  }
}

/** The legal-line results the rules need, for every loan of the case. */
export async function loanLineResults(ctx: AppContext): Promise<LoanLineResult[]> {
  const [loans, user] = await Promise.all([repo.listLoans(ctx.store.db, ctx.caseId), listUserLpr(ctx)]);
  const out: LoanLineResult[] = [];
  for (const loan of loans) {
    const r = loanReport(loan, user);
    for (const l of r.lines) {
      const def = LEGAL_LINES.find((x) => x.id === l.lineId);
      out.push({
        loanId: loan.id,
        lenderName: loan.lenderName,
        lineId: l.lineId,
        applies: l.applies,
        over: l.over === true,
        excessFen: l.excessFen ?? 0,
        aprNominal: l.loanRate ?? 0,
        lineRate: l.lineRate ?? 0,
        citationIds: l.citationIds,
        label: l.label,
        ...(def?.tier ? { tier: def.tier } : {}),
        ...(def?.verified ? { verified: def.verified } : {}),
      });
    }
  }
  return out;
}

/**
 * A loan from simple terms as a person states them: "借10000, 到手9000, 12期每期还1000". The one
 * implementation lives in src/domain/loans/simple.ts (the web loan form uses the same).
 */
export function loanFromSimpleTerms(t: {
  lenderName: string; lenderType: string; productName?: string | null; contractDate: string; principalFen: number; receivedFen: number;
  periods: number; installmentFen: number; period?: LoanInput['period']; status?: LoanInput['status'];
}): unknown {
  try {
    return simpleTermsLoan(t);
  } catch (e) {
    throw new AppError('BAD_INPUT', (e as Error).message);
  }
}
