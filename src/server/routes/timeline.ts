import { z } from 'zod';
import { listImportJobs, startUploadImport, jobStatus } from '../../app/jobs.js';
import { addManualEvent, listCollectorsView, listContactsView, listNotCollectors, markCollector, queryEvents, reportContact, setCollectorLoan, unmarkCollector } from '../../app/timeline.js';
import { CollectorLoanSchema, EventQuerySchema, ManualEventSchema, MarkCollectorSchema, ReportContactSchema, UnmarkCollectorSchema } from '../../shared/api.js';
import { fileNameHeader, withUpload } from './http.js';
import type { RouteModule } from './index.js';

export const timelineRoutes: RouteModule = (api, ctxOf, { limits }) => {
  api.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));

  api.post('/imports', async (req, reply) => {
    const name = fileNameHeader(req);
    const size = Number(req.headers['content-length'] ?? 0);
    // x-taken-at: the day a screenshot was taken (YYYY-MM-DD), sent when the page asked for it (app/ocr-date.ts).
    const takenAt = typeof req.headers['x-taken-at'] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(req.headers['x-taken-at']) ? req.headers['x-taken-at'] : undefined;
    const job = await withUpload(req, 'the file', limits.imports, async (body) => startUploadImport(await ctxOf(req), name, body, size, { takenAt }));
    return reply.status(202).send(job);
  });

  api.get('/jobs/:id', async (req) => jobStatus(await ctxOf(req), (req.params as { id: string }).id));
  // Import jobs of the last hour: the import page shows progress again after a reload.
  api.get('/jobs', async (req) => listImportJobs(await ctxOf(req)));

  api.get('/events', async (req) => {
    const q = EventQuerySchema.parse(req.query);
    return queryEvents(await ctxOf(req), { ...q, kind: q.kind ? q.kind.split(',') : undefined });
  });

  api.post('/events', async (req, reply) => reply.status(201).send(await addManualEvent(await ctxOf(req), ManualEventSchema.parse(req.body))));

  api.get('/collectors', async (req) => listCollectorsView(await ctxOf(req)));
  api.post('/collectors', async (req, reply) => {
    const b = MarkCollectorSchema.parse(req.body);
    return reply.status(201).send({ id: await markCollector(await ctxOf(req), b.name ?? '', b.numbers, b.lender ?? null, b.loan_id ?? null) });
  });
  // "Not a collector", as easily as the reverse; the list of such numbers; the loan a collector belongs to.
  api.post('/collectors/unmark', async (req) => unmarkCollector(await ctxOf(req), UnmarkCollectorSchema.parse(req.body).numbers));
  api.get('/not-collectors', async (req) => listNotCollectors(await ctxOf(req)));
  api.put('/collectors/:id/loan', async (req) =>
    setCollectorLoan(await ctxOf(req), z.object({ id: z.coerce.number().int() }).parse(req.params).id, CollectorLoanSchema.parse(req.body).loan_id),
  );

  api.get('/contacts', async (req) => listContactsView(await ctxOf(req), z.object({ touched: z.coerce.boolean().optional() }).parse(req.query).touched ?? false));
  api.post('/contacts/report', async (req, reply) => reply.status(201).send(await reportContact(await ctxOf(req), ReportContactSchema.parse(req.body))));
};
