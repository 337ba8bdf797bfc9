/**
 * 还款计划 use cases (issue 14): the budget, what each lender claims and what is legally supportable, plans,
 * proposals that feed the 协商还款申请书, payments and agreements as evidence records, .ics reminders.
 * The arithmetic is in src/domain/plan (pure); the web runs the same engine for the what-if slider.
 */
import { listUserLpr } from './lpr.js';
import type { LenderType } from '../domain/law.js';
import { budgetTotals, buildPlan, latestDemand, type DemandMessage, checkBudget, emptyBudget, owedForLoan, paidVsPlanned, planToIcs, proposalFor, HARDSHIP_KEYS, STRATEGIES, type Budget, type BudgetTotals, type Claim, type Owed, type Plan, type PlanDebt, type PlanMonth, type Proposal, type Strategy } from '../domain/plan/index.js';
import { formatYuan } from '../domain/money.js';
import { localDate } from '../domain/time.js';
import type { Loan } from '../domain/loans/types.js';
import { LEGAL_LINES, TIER_LABEL } from '../law/index.js';
import * as repo from '../store/repo.js';
import * as planRepo from '../store/plan-repo.js';
import { citationView, type CitationView } from './citations.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import { recordEvidence } from './evidence.js';
import { runFindings } from './findings.js';
import { loanReport } from './loans.js';
import type { Text2 } from '../domain/law.js';
import type { BudgetView, DebtView, PlanOptions, PlanChoice, PlanCase, AdoptedPlan, PlanView, PaymentView, AgreementView } from '../shared/views.js';
export type { BudgetView, DebtView, PlanOptions, PlanChoice, PlanCase, AdoptedPlan, PlanView, PaymentView, AgreementView } from '../shared/views.js';

const BUDGET_KEY = 'plan_budget';
const CLAIMS_KEY = 'plan_claims';
const CHOICE_KEY = 'plan_choice';
const ADOPTED_KEY = 'plan_adopted';

/** Rules whose findings mean the lender's collectors reach the person's contacts. */
const HARASSMENT_RULES = new Set(['cn.third-party-contact', 'cn.threat-contacts', 'cn.contacts-at-scale']);

async function getJson<T>(ctx: AppContext, key: string, fallback: T): Promise<T> {
  const raw = await repo.getSetting(ctx.store.db, ctx.caseId, key);
  if (!raw) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

async function setJson(ctx: AppContext, key: string, v: unknown): Promise<void> {
  await repo.setSetting(ctx.store.db, ctx.caseId, key, JSON.stringify(v));
}

// ---------------------------------------------------------------- budget


export async function getBudget(ctx: AppContext): Promise<BudgetView> {
  const raw = await getJson<unknown>(ctx, BUDGET_KEY, null);
  let budget: Budget;
  try {
    budget = raw ? checkBudget(raw) : emptyBudget();
  } catch {
    budget = emptyBudget();
  }
  return { budget, totals: budgetTotals(budget), saved: raw != null };
}

export async function setBudget(ctx: AppContext, input: unknown): Promise<BudgetView> {
  let budget: Budget;
  try {
    budget = checkBudget(input);
  } catch (e) {
    throw new AppError('BAD_INPUT', (e as Error).message);
  }
  await setJson(ctx, BUDGET_KEY, budget);
  return { budget, totals: budgetTotals(budget), saved: true };
}

// ---------------------------------------------------------------- what is owed


async function claims(ctx: AppContext): Promise<Record<string, Claim>> {
  return getJson<Record<string, Claim>>(ctx, CLAIMS_KEY, {});
}

/** Records the lender's latest demand for a loan (null amount: forget it, use the schedule's figure). */
export async function setClaim(ctx: AppContext, loanId: number, amountFen: number | null, date?: string): Promise<DebtView> {
  const loan = await repo.getLoan(ctx.store.db, ctx.caseId, loanId);
  if (!loan) throw new AppError('NOT_FOUND', `借款 #${loanId} 不存在 loan ${loanId} not found`);
  const all = await claims(ctx);
  if (amountFen == null) delete all[String(loanId)];
  else all[String(loanId)] = { amountFen, date: date ?? localDate(ctx.now(), ctx.tz) };
  await setJson(ctx, CLAIMS_KEY, all);
  return (await listDebts(ctx)).find((d) => d.loan === loanId)!;
}

/**
 * From the timeline, per loan (through the collector's loan or lender name): how many events of third-party
 * findings its collectors caused, and the latest demand its collectors' messages name.
 */
async function caseSignals(ctx: AppContext, loans: readonly Loan[]): Promise<{ harassment: Map<number, number>; demands: Map<number, Claim> }> {
  const harassment = new Map<number, number>();
  const demands = new Map<number, Claim>();
  if (!loans.length) return { harassment, demands };
  const { findings, caseData } = await runFindings(ctx);
  const ids = new Set<number>();
  for (const f of findings) if (HARASSMENT_RULES.has(f.rule)) for (const id of f.eventIds) ids.add(id);
  const collectors = new Map(caseData.collectors.map((c) => [c.id, c]));
  const messages = new Map<number, DemandMessage[]>();
  for (const e of caseData.events) {
    if (e.collectorId == null) continue;
    const c = collectors.get(e.collectorId);
    if (!c) continue;
    const isMessage = (e.kind === 'sms' || e.kind === 'im') && e.direction === 'in' && e.text;
    if (!ids.has(e.id) && !isMessage) continue;
    for (const l of loans) {
      if (!(c.loanId === l.id || (c.lenderName && c.lenderName === l.lenderName))) continue;
      if (ids.has(e.id)) harassment.set(l.id, (harassment.get(l.id) ?? 0) + 1);
      if (isMessage) {
        const list = messages.get(l.id) ?? [];
        list.push({ id: e.id, at: e.at, text: e.text });
        messages.set(l.id, list);
      }
    }
  }
  for (const [loanId, list] of messages) {
    const d = latestDemand(list);
    if (d) demands.set(loanId, { amountFen: d.amountFen, date: localDate(d.at, ctx.tz), source: 'message', eventId: d.eventId });
  }
  return { harassment, demands };
}

/** Every loan with what the lender claims and what is legally supportable (src/domain/plan/owed.ts). */
export async function listDebts(ctx: AppContext): Promise<DebtView[]> {
  const loans = await repo.listLoans(ctx.store.db, ctx.caseId);
  const [cl, signals, agreements, userLpr] = await Promise.all([claims(ctx), caseSignals(ctx, loans), planRepo.listAgreements(ctx.store.db, ctx.caseId), listUserLpr(ctx)]);
  return loans
    .filter((l) => l.status !== 'settled')
    .map((l) => {
      const report = loanReport(l, userLpr);
      // The demand the person entered, else the latest one in the collectors' messages, else the schedule's.
      const owed = owedForLoan(l, report, cl[String(l.id)] ?? signals.demands.get(l.id) ?? null);
      const def = owed.line ? LEGAL_LINES.find((x) => x.id === owed.line!.id) : undefined;
      const ag = agreements.filter((a) => a.loanId === l.id).pop();
      const agData = ag?.data as { monthly_fen: number; months: number; first_date: string } | undefined;
      return {
        ...owed,
        loan: l.id,
        lender: l.lenderName,
        lender_type: l.lenderType,
        product: l.productName ?? null,
        apr: report.rates ? report.rates.nominal.value : null,
        harassment: signals.harassment.get(l.id) ?? 0,
        line_view: owed.line
          ? {
              id: owed.line.id, label: owed.line.label, rate: owed.line.rate, tier: owed.line.tier, tier_label: def?.tier ? TIER_LABEL[def.tier] : null,
              verified: owed.line.verified, over: owed.line.over, citations: owed.line.citationIds.map(citationView),
            }
          : null,
        agreement: ag && agData ? { date: ag.agreedOn, monthly_fen: agData.monthly_fen, months: agData.months, first_date: agData.first_date } : null,
      };
    });
}

// ---------------------------------------------------------------- plans



const DEFAULT_CHOICE: PlanChoice = { strategy: 'legal-first', monthly_fen: null, order: [], keep_up: 0.3, start: null, pay_day: 10, pay_claimed: [] };



function nextMonthOf(today: string): string {
  const y = Number(today.slice(0, 4)), m = Number(today.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export async function planCase(ctx: AppContext): Promise<PlanCase> {
  const today = localDate(ctx.now(), ctx.tz);
  const [debts, budget, choice, adopted, payments] = await Promise.all([
    listDebts(ctx), getBudget(ctx), getJson<PlanChoice>(ctx, CHOICE_KEY, DEFAULT_CHOICE), getJson<AdoptedPlan | null>(ctx, ADOPTED_KEY, null), listPayments(ctx),
  ]);
  return { debts, budget, choice: { ...DEFAULT_CHOICE, ...choice }, next_month: nextMonthOf(today), today, adopted, payments };
}

/** The engine's input from the debts and the options (the web does the same with the same functions). */
export function planDebts(debts: readonly DebtView[], payClaimed: readonly number[] = []): PlanDebt[] {
  return debts.map((d) => ({
    loan: d.loan, lender: d.lender, lenderType: d.lender_type, claimed_fen: d.claimed_fen, supportable_fen: d.supportable_fen, apr: d.apr, harassment: d.harassment,
    pay: payClaimed.includes(d.loan) ? 'claimed' : 'supportable',
  }));
}


function resolveOptions(pc: PlanCase, opts: PlanOptions) {
  const strategy = opts.strategy ?? pc.choice.strategy;
  if (!(STRATEGIES as readonly string[]).includes(strategy)) throw new AppError('BAD_INPUT', `strategy: expected one of ${STRATEGIES.join(', ')}`);
  const given = opts.monthly_fen ?? pc.choice.monthly_fen ?? null;
  return {
    strategy,
    monthly_fen: given ?? pc.budget.totals.surplus_fen,
    monthly_source: (given != null ? 'given' : 'budget') as 'given' | 'budget',
    order: opts.order ?? pc.choice.order,
    keep_up: opts.keep_up ?? pc.choice.keep_up,
    start: opts.start ?? pc.choice.start ?? pc.next_month,
    pay_day: opts.pay_day ?? pc.choice.pay_day,
    pay_claimed: opts.pay_claimed ?? pc.choice.pay_claimed,
  };
}

export async function makePlan(ctx: AppContext, opts: PlanOptions = {}): Promise<PlanView> {
  const pc = await planCase(ctx);
  return planFromCase(pc, opts);
}

export function planFromCase(pc: PlanCase, opts: PlanOptions = {}): PlanView {
  const o = resolveOptions(pc, opts);
  let plan: Plan;
  try {
    plan = buildPlan({ debts: planDebts(pc.debts, o.pay_claimed), monthly_fen: o.monthly_fen, start: o.start, strategy: o.strategy, order: o.order, keep_up: o.keep_up });
  } catch (e) {
    if (e instanceof RangeError) throw new AppError('BAD_INPUT', e.message);
    throw e;
  }
  const proposals = plan.lenders.map((l) => proposalFor(l, o.pay_day)).filter((p): p is Proposal => p !== null);
  const through = pc.today.slice(0, 7);
  const pvp = pc.adopted ? paidVsPlanned(pc.adopted.lenders, pc.payments.map((p) => ({ loan: p.loan_id, date: p.date, amount_fen: p.amount_fen })), through) : [];
  return { plan, proposals, fits: o.monthly_fen <= pc.budget.totals.surplus_fen, surplus_fen: pc.budget.totals.surplus_fen, pay_day: o.pay_day, monthly_source: o.monthly_source, paid_vs_planned: pvp };
}

/** Saves the options as the person's choice and adopts the plan they give (paid vs planned compares with it). */
export async function adoptPlan(ctx: AppContext, opts: PlanOptions = {}): Promise<PlanView> {
  const pc = await planCase(ctx);
  const o = resolveOptions(pc, opts);
  const v = planFromCase(pc, opts);
  const choice: PlanChoice = { strategy: o.strategy, monthly_fen: o.monthly_fen, order: o.order, keep_up: o.keep_up, start: o.start, pay_day: o.pay_day, pay_claimed: o.pay_claimed };
  const adopted: AdoptedPlan = {
    adopted_on: pc.today,
    options: { strategy: o.strategy, monthly_fen: o.monthly_fen, keep_up: o.keep_up, start: o.start, pay_day: o.pay_day, order: o.order, pay_claimed: o.pay_claimed },
    lenders: v.plan.lenders.map((l) => ({ loan: l.loan, months: l.months })),
  };
  await setJson(ctx, CHOICE_KEY, choice);
  await setJson(ctx, ADOPTED_KEY, adopted);
  return planFromCase({ ...pc, choice, adopted }, opts);
}

/** The plan's reminders as an .ics calendar (the adopted plan's options unless others are given). */
export async function planIcs(ctx: AppContext, opts: PlanOptions = {}, lang: 'zh' | 'en' = 'zh'): Promise<string> {
  const v = await makePlan(ctx, opts);
  return planToIcs(v.plan, { payDay: v.pay_day, now: ctx.now(), lang });
}

// ---------------------------------------------------------------- proposals → 协商还款申请书

/**
 * The answers of a 协商还款申请书 to one lender with the plan's numbers in it: monthly amount, months, first
 * date, the total, the lender's claim and the supportable amount (plan_loan_id ties them to the loan, so they
 * never appear in a letter to another lender), and the hardship facts of the budget.
 */
export async function negotiationAnswers(ctx: AppContext, loanId: number, opts: PlanOptions = {}, lang: 'zh' | 'en' = 'zh'): Promise<Record<string, string>> {
  const pc = await planCase(ctx);
  const v = planFromCase(pc, opts);
  const p = v.proposals.find((x) => x.loan === loanId);
  const d = pc.debts.find((x) => x.loan === loanId);
  if (!d) throw new AppError('NOT_FOUND', `借款 #${loanId} 不在计划里 loan ${loanId} is not in the plan`);
  const answers: Record<string, string> = {
    plan_loan_id: String(loanId),
    claimed_amount: formatYuan(d.claimed_fen).replace(/,/g, ''),
    supportable_amount: formatYuan(d.supportable_fen).replace(/,/g, ''),
  };
  if (p) {
    Object.assign(answers, {
      monthly_amount: formatYuan(p.monthly_fen).replace(/,/g, ''),
      months: String(p.months),
      first_payment_date: p.first_date,
      plan_total: formatYuan(p.total_fen).replace(/,/g, ''),
      plan_last_amount: formatYuan(p.last_fen).replace(/,/g, ''),
    });
  }
  const hardship = hardshipText(pc.budget.budget, lang);
  if (hardship) answers.hardship = hardship;
  return answers;
}

const HARDSHIP_TEXT: Record<(typeof HARDSHIP_KEYS)[number], Text2> = {
  job_loss: { zh: '失业', en: 'losing my job' },
  income_cut: { zh: '收入大幅减少', en: 'a large cut in income' },
  illness: { zh: '生病', en: 'illness' },
  family_illness: { zh: '家人生病', en: 'illness in the family' },
  business_failure: { zh: '经营失败', en: 'my business failing' },
  other: { zh: '其他困难', en: 'other hardship' },
};

/** The budget's hardship facts as words for a letter ("2026年3月起失业、家人生病"), or null. */
export function hardshipText(b: Budget, lang: 'zh' | 'en'): string | null {
  if (!b.hardship.length) return null;
  const parts = b.hardship.map((h) => {
    const what = h.note?.trim() || HARDSHIP_TEXT[h.kind][lang];
    if (!h.since) return what;
    return lang === 'zh' ? `${Number(h.since.slice(0, 4))}年${Number(h.since.slice(5, 7))}月起${what}` : `${what} since ${h.since.slice(0, 7)}`;
  });
  return parts.join(lang === 'zh' ? '、' : ', ');
}

// ---------------------------------------------------------------- payments and agreements


export async function listPayments(ctx: AppContext): Promise<PaymentView[]> {
  const [rows, loans] = await Promise.all([planRepo.listPayments(ctx.store.db, ctx.caseId), repo.listLoans(ctx.store.db, ctx.caseId)]);
  const names = new Map(loans.map((l) => [l.id, l.lenderName]));
  return rows.map((r) => ({ id: r.id, loan_id: r.loanId, lender: names.get(r.loanId) ?? null, date: r.paidOn, amount_fen: r.amountFen, payee: r.payee, receipt_sha256: r.receiptSha256, note: r.note, evidence_seq: r.evidenceSeq }));
}

export interface PaymentInput {
  loan_id: number;
  amount_fen: number;
  date: string;
  payee?: string | null;
  receipt_sha256?: string | null;
  note?: string | null;
}

/**
 * Records a payment: a row, an evidence record ('payment') and the loan's payments (so that its rates, legal
 * lines and the supportable amount see it), in one transaction. A receipt must already be an attachment.
 */
export async function addPayment(ctx: AppContext, input: PaymentInput): Promise<PaymentView> {
  if (!Number.isSafeInteger(input.amount_fen) || input.amount_fen <= 0) throw new AppError('BAD_INPUT', 'amount_fen: 金额必须大于 0 the amount must be positive');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) throw new AppError('BAD_INPUT', `date: expected YYYY-MM-DD, got ${JSON.stringify(input.date)}`);
  if (input.date > localDate(ctx.now(), ctx.tz)) throw new AppError('BAD_INPUT', `date: 还款日期不能晚于今天 a payment cannot be dated after today (${input.date})`);
  if (input.receipt_sha256) {
    const atts = await repo.listAttachments(ctx.store.db, ctx.caseId);
    if (!atts.some((a) => a.sha256 === input.receipt_sha256)) throw new AppError('NOT_FOUND', `凭证 ${input.receipt_sha256} 不存在 receipt not found among the evidence files`);
  }
  return ctx.store.db.transaction().execute(async (trx) => {
    const loan = await repo.getLoan(trx, ctx.caseId, input.loan_id);
    if (!loan) throw new AppError('NOT_FOUND', `借款 #${input.loan_id} 不存在 loan ${input.loan_id} not found`);
    const payee = input.payee?.trim() || null;
    const note = input.note?.trim() || null;
    const rec = await recordEvidence(ctx, trx, 'payment', {
      loan_id: loan.id, lender: loan.lenderName, date: input.date, amount_fen: input.amount_fen, payee, receipt_sha256: input.receipt_sha256 ?? null, note,
    });
    const { id: _id, caseId: _c, ...rest } = loan;
    const updated = { ...rest, payments: [...loan.payments, { date: input.date, amountFen: input.amount_fen, note: payee ? `→ ${payee}` : note }] };
    await repo.updateLoan(trx, ctx.caseId, loan.id, updated, ctx.now());
    const id = await planRepo.insertPayment(trx, ctx.caseId, {
      loanId: loan.id, paidOn: input.date, amountFen: input.amount_fen, payee, receiptSha256: input.receipt_sha256 ?? null, note, evidenceSeq: rec.seq, createdAt: ctx.now(),
    });
    return { id, loan_id: loan.id, lender: loan.lenderName, date: input.date, amount_fen: input.amount_fen, payee, receipt_sha256: input.receipt_sha256 ?? null, note, evidence_seq: rec.seq };
  });
}

export interface AgreementInput {
  loan_id: number;
  date: string;
  monthly_fen: number;
  months: number;
  first_date: string;
  last_fen?: number;
  note?: string | null;
}


function addMonthsYmd(d: string, k: number): string {
  const y = Number(d.slice(0, 4)), m = Number(d.slice(5, 7)), day = Number(d.slice(8, 10));
  const t = y * 12 + (m - 1) + k;
  const yy = Math.floor(t / 12), mm = t - yy * 12 + 1;
  const dim = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  return `${yy}-${String(mm).padStart(2, '0')}-${String(Math.min(day, dim)).padStart(2, '0')}`;
}

/**
 * Records an agreement the lender accepted: its terms and new schedule (a row and an evidence record
 * 'agreement'), and the loan's agreementDate, the fact the rule cn.after-agreement uses (collection after an
 * agreement). The loan's contract schedule stays as it was: the rates are judged on the contract.
 */
export async function addAgreement(ctx: AppContext, input: AgreementInput): Promise<AgreementView> {
  for (const k of ['date', 'first_date'] as const) if (!/^\d{4}-\d{2}-\d{2}$/.test(input[k])) throw new AppError('BAD_INPUT', `${k}: expected YYYY-MM-DD`);
  if (!Number.isSafeInteger(input.months) || input.months < 1 || input.months > 600) throw new AppError('BAD_INPUT', 'months: 1…600');
  if (!Number.isSafeInteger(input.monthly_fen) || input.monthly_fen <= 0) throw new AppError('BAD_INPUT', 'monthly_fen: 金额必须大于 0 must be positive');
  const last = input.last_fen ?? input.monthly_fen;
  const schedule = Array.from({ length: input.months }, (_, k) => ({ date: addMonthsYmd(input.first_date, k), amount_fen: k === input.months - 1 ? last : input.monthly_fen }));
  const total = schedule.reduce((a, s) => a + s.amount_fen, 0);
  return ctx.store.db.transaction().execute(async (trx) => {
    const loan = await repo.getLoan(trx, ctx.caseId, input.loan_id);
    if (!loan) throw new AppError('NOT_FOUND', `借款 #${input.loan_id} 不存在 loan ${input.loan_id} not found`);
    const data = { monthly_fen: input.monthly_fen, months: input.months, first_date: input.first_date, last_fen: last, total_fen: total, schedule, note: input.note?.trim() || null };
    const rec = await recordEvidence(ctx, trx, 'agreement', { loan_id: loan.id, lender: loan.lenderName, date: input.date, ...data });
    const { id: _id, caseId: _c, ...rest } = loan;
    await repo.updateLoan(trx, ctx.caseId, loan.id, { ...rest, agreementDate: input.date }, ctx.now());
    const id = await planRepo.insertAgreement(trx, ctx.caseId, { loanId: loan.id, agreedOn: input.date, data, evidenceSeq: rec.seq, createdAt: ctx.now() });
    return { id, loan_id: loan.id, date: input.date, monthly_fen: input.monthly_fen, months: input.months, first_date: input.first_date, total_fen: total, schedule, evidence_seq: rec.seq };
  });
}

export async function listAgreements(ctx: AppContext): Promise<AgreementView[]> {
  const rows = await planRepo.listAgreements(ctx.store.db, ctx.caseId);
  return rows.map((r) => {
    const d = r.data as { monthly_fen: number; months: number; first_date: string; total_fen: number; schedule: { date: string; amount_fen: number }[] };
    return { id: r.id, loan_id: r.loanId, date: r.agreedOn, monthly_fen: d.monthly_fen, months: d.months, first_date: d.first_date, total_fen: d.total_fen, schedule: d.schedule, evidence_seq: r.evidenceSeq };
  });
}
