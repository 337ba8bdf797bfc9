import { addAttachment, listAttachmentViews } from '../../app/attachments.js';
import { exportBundle, verifyBundleFile } from '../../app/bundle.js';
import { checkChain } from '../../app/evidence.js';
import { AppError } from '../../app/errors.js';
import { ExportBundleSchema } from '../../shared/api.js';
import { sendTempFile, textHeader, uploadStream, withUploadedFile } from './http.js';
import type { RouteModule } from './index.js';

export const evidenceRoutes: RouteModule = (api, ctx) => {
  api.get('/evidence', async () => ({ chain: await checkChain(ctx), attachments: await listAttachmentViews(ctx) }));
  api.post('/evidence', async (req, reply) => {
    const name = textHeader(req, 'x-file-name');
    if (!name) throw new AppError('BAD_INPUT', 'x-file-name header is required');
    const stream = uploadStream(req, 'the file');
    const ev = textHeader(req, 'x-event-id');
    const a = await addAttachment(ctx, {
      name,
      stream,
      eventId: ev ? Number(ev) : null,
      note: textHeader(req, 'x-note') ?? null,
      source: textHeader(req, 'x-source') ?? 'user',
      claimedAt: textHeader(req, 'x-claimed-at') ?? null,
    });
    return reply.status(a.added ? 201 : 200).send(a);
  });
};

export const bundleRoutes: RouteModule = (api, ctx) => {
  api.post('/export/bundle', async (req, reply) => {
    const { redact_third_parties } = ExportBundleSchema.parse(req.body ?? {});
    return sendTempFile(reply, 'huxun-bundle-', 'application/zip', async (out) => {
      const r = await exportBundle(ctx, out, { redactThirdParties: redact_third_parties });
      reply.header('x-chain-head', r.head);
      return `${r.folder}.zip`;
    });
  });
  api.post('/verify', async (req) => withUploadedFile(req, 'the bundle zip', 'huxun-verify-', (path) => verifyBundleFile(path)));
};
