/** 还款计划 (issue 14): budget, demands, plans, proposals → 协商还款申请书, payments, agreements, .ics. */
import { z } from 'zod';
import { renderDocument } from '../../app/documents.js';
import { addAgreement, addPayment, adoptPlan, getBudget, listAgreements, listDebts, listPayments, makePlan, negotiationAnswers, planCase, planIcs, setBudget, setClaim } from '../../app/plan.js';
import { DocumentPurposeSchema } from '../../shared/api.js';
import { AgreementSchema, BudgetSchema, ClaimSchema, PaymentSchema, PlanOptionsSchema } from '../../shared/plan.js';
import type { RouteModule } from './index.js';

const NegotiationSchema = z.object({
  loan_id: z.number().int().positive(),
  format: z.enum(['pdf', 'docx', 'txt']),
  lang: z.enum(['zh', 'en']).optional(),
  options: PlanOptionsSchema.optional(),
  /** Other answers of the letter (name, phone…), as on the documents page. */
  answers: z.record(z.string().max(100), z.union([z.string().max(5000), z.number(), z.boolean(), z.null()])).optional(),
  /** 'send': the version to send, without the draft notes (as on the documents page). */
  for: DocumentPurposeSchema.optional(),
});

export const planRoutes: RouteModule = (api, ctxOf) => {
  api.get('/plan/case', async (req) => planCase(await ctxOf(req)));
  api.get('/budget', async (req) => getBudget(await ctxOf(req)));
  api.put('/budget', async (req) => setBudget(await ctxOf(req), BudgetSchema.parse(req.body)));
  api.get('/plan/debts', async (req) => listDebts(await ctxOf(req)));
  api.put('/plan/claims', async (req) => {
    const b = ClaimSchema.parse(req.body);
    return setClaim(await ctxOf(req), b.loan_id, b.amount_fen, b.date);
  });
  api.post('/plan', async (req) => makePlan(await ctxOf(req), PlanOptionsSchema.parse(req.body ?? {})));
  api.post('/plan/adopt', async (req) => adoptPlan(await ctxOf(req), PlanOptionsSchema.parse(req.body ?? {})));
  api.get('/plan/payments', async (req) => listPayments(await ctxOf(req)));
  api.post('/plan/payments', async (req, reply) => reply.status(201).send(await addPayment(await ctxOf(req), PaymentSchema.parse(req.body))));
  api.get('/plan/agreements', async (req) => listAgreements(await ctxOf(req)));
  api.post('/plan/agreements', async (req, reply) => reply.status(201).send(await addAgreement(await ctxOf(req), AgreementSchema.parse(req.body))));
  // The saved plan's reminders; a GET so that a plain link downloads it.
  api.get('/plan/ics', async (req, reply) => {
    const lang = (req.query as { lang?: string }).lang === 'en' ? 'en' : 'zh';
    const text = await planIcs(await ctxOf(req), {}, lang);
    return reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('huxun-plan.ics')}`).send(text);
  });
  api.post('/plan/negotiation', async (req, reply) => {
    const b = NegotiationSchema.parse(req.body);
    const fromPlan = await negotiationAnswers(await ctxOf(req), b.loan_id, b.options ?? {}, b.lang ?? 'zh');
    const d = await renderDocument(await ctxOf(req), { type: 'negotiation', loan_id: b.loan_id, format: b.format, lang: b.lang, answers: { ...(b.answers ?? {}), ...fromPlan }, for: b.for ?? 'draft' });
    return reply.header('content-type', d.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(d.fileName)}`).send(d.bytes);
  });
};
