/** 投诉跟进 and the evidence report (issue 16). */
import { z } from 'zod';
import { addComplaint, answerComplaint, complaintOptions, complaintsIcs, escalationLetter, followUpSummary, getComplaint, listComplaints, stepDocument, updateFollowUp } from '../../app/followup.js';
import { evidenceReport, evidenceReportPdf } from '../../app/report.js';
import { AnswerSchema, ComplaintSchema, FollowUpPatchSchema } from '../../shared/followup.js';
import type { RouteModule } from './index.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const DocQuery = z.object({
  step: z.enum(['urge', 'escalate', 'letter']).default('urge'),
  format: z.enum(['pdf', 'docx', 'txt']).default('pdf'),
  lang: z.enum(['zh', 'en']).default('zh'),
});
const LangQuery = z.object({ lang: z.enum(['zh', 'en']).default('zh') });

function attachment(name: string): string {
  return `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export const followupRoutes: RouteModule = (api, ctx) => {
  api.get('/complaints', async () => listComplaints(ctx));
  api.get('/complaints/summary', async () => followUpSummary(ctx));
  api.get('/complaints/options', async () => complaintOptions(ctx));
  api.post('/complaints', async (req, reply) => reply.status(201).send(await addComplaint(ctx, ComplaintSchema.parse(req.body))));
  // A GET so that a plain link downloads it.
  api.get('/complaints/ics', async (req, reply) => {
    const { lang } = LangQuery.parse(req.query ?? {});
    return reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', attachment('huxun-complaints.ics')).send(await complaintsIcs(ctx, lang));
  });
  api.get('/complaints/:id', async (req) => getComplaint(ctx, IdParams.parse(req.params).id));
  api.put('/complaints/:id', async (req) => updateFollowUp(ctx, IdParams.parse(req.params).id, FollowUpPatchSchema.parse(req.body ?? {})));
  api.post('/complaints/:id/answer', async (req) => answerComplaint(ctx, IdParams.parse(req.params).id, AnswerSchema.parse(req.body)));
  api.get('/complaints/:id/document', async (req, reply) => {
    const { id } = IdParams.parse(req.params);
    const q = DocQuery.parse(req.query ?? {});
    const d = q.step === 'letter' ? await escalationLetter(ctx, id, q.format, q.lang) : await stepDocument(ctx, id, q.step, q.format, q.lang);
    return reply.header('content-type', d.mime).header('content-disposition', attachment(d.fileName)).send(d.bytes);
  });
  api.get('/report', async (req) => evidenceReport(ctx, LangQuery.parse(req.query ?? {}).lang));
  api.get('/report/pdf', async (req, reply) => {
    const { lang } = LangQuery.parse(req.query ?? {});
    const r = await evidenceReportPdf(ctx, lang);
    return reply.header('content-type', 'application/pdf').header('content-disposition', attachment(r.fileName)).send(r.bytes);
  });
};
