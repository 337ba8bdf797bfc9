import type { Readable } from 'node:stream';
import { addAttachment, listAttachmentViews } from '../../app/attachments.js';
import { checkChain } from '../../app/evidence.js';
import { AppError } from '../../app/errors.js';
import type { RouteModule } from './index.js';

function header(v: string | string[] | undefined): string | undefined {
  return typeof v === 'string' && v ? decodeURIComponent(v) : undefined;
}

export const evidenceRoutes: RouteModule = (api, ctx) => {
  api.get('/evidence', async () => ({ chain: await checkChain(ctx), attachments: await listAttachmentViews(ctx) }));
  api.post('/evidence', async (req, reply) => {
    const name = header(req.headers['x-file-name']);
    if (!name) throw new AppError('BAD_INPUT', 'x-file-name header is required');
    if (!(req.body && typeof (req.body as Readable).pipe === 'function')) throw new AppError('BAD_INPUT', 'send the file as application/octet-stream');
    const ev = header(req.headers['x-event-id']);
    const a = await addAttachment(ctx, {
      name,
      stream: req.body as Readable,
      eventId: ev ? Number(ev) : null,
      note: header(req.headers['x-note']) ?? null,
      source: header(req.headers['x-source']) ?? 'user',
      claimedAt: header(req.headers['x-claimed-at']) ?? null,
    });
    return reply.status(a.added ? 201 : 200).send(a);
  });
};
