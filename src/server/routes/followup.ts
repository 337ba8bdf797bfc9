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

export const followupRoutes: RouteModule = (api, ctxOf) => {
  api.get('/complaints', async (req) => listComplaints(await ctxOf(req)));
  api.get('/complaints/summary', async (req) => followUpSummary(await ctxOf(req)));
  api.get('/complaints/options', async (req) => complaintOptions(await ctxOf(req)));
  api.post('/complaints', async (req, reply) => reply.status(201).send(await addComplaint(await ctxOf(req), ComplaintSchema.parse(req.body))));
  // A GET so that a plain link downloads it.
  api.get('/complaints/ics', async (req, reply) => {
    const { lang } = LangQuery.parse(req.query ?? {});
    return reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', attachment('huxun-complaints.ics')).send(await complaintsIcs(await ctxOf(req), lang));
  });
  api.get('/complaints/:id', async (req) => getComplaint(await ctxOf(req), IdParams.parse(req.params).id));
  api.put('/complaints/:id', async (req) => updateFollowUp(await ctxOf(req), IdParams.parse(req.params).id, FollowUpPatchSchema.parse(req.body ?? {})));
  api.post('/complaints/:id/answer', async (req) => answerComplaint(await ctxOf(req), IdParams.parse(req.params).id, AnswerSchema.parse(req.body)));
  api.get('/complaints/:id/document', async (req, reply) => {
    const { id } = IdParams.parse(req.params);
    const q = DocQuery.parse(req.query ?? {});
    const d = q.step === 'letter' ? await escalationLetter(await ctxOf(req), id, q.format, q.lang) : await stepDocument(await ctxOf(req), id, q.step, q.format, q.lang);
    return reply.header('content-type', d.mime).header('content-disposition', attachment(d.fileName)).send(d.bytes);
  });
  api.get('/report', async (req) => evidenceReport(await ctxOf(req), LangQuery.parse(req.query ?? {}).lang));
  api.get('/report/pdf', async (req, reply) => {
    const { lang } = LangQuery.parse(req.query ?? {});
    const r = await evidenceReportPdf(await ctxOf(req), lang);
    return reply.header('content-type', 'application/pdf').header('content-disposition', attachment(r.fileName)).send(r.bytes);
  });
};
