import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { exportBundle, verifyBundleFile } from '../../app/bundle.js';
import { ExportBundleSchema } from '../../shared/api.js';
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

export const bundleRoutes: RouteModule = (api, ctx) => {
  api.post('/export/bundle', async (req, reply) => {
    const { redact_third_parties } = ExportBundleSchema.parse(req.body ?? {});
    const dir = mkdtempSync(join(tmpdir(), 'huxun-bundle-'));
    const out = join(dir, 'bundle.zip');
    const r = await exportBundle(ctx, out, { redactThirdParties: redact_third_parties });
    const stream = createReadStream(out);
    stream.on('close', () => rmSync(dir, { recursive: true, force: true }));
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="${r.folder}.zip"`)
      .header('x-chain-head', r.head)
      .send(stream);
  });
  api.post('/verify', async (req) => {
    if (!(req.body && typeof (req.body as Readable).pipe === 'function')) throw new AppError('BAD_INPUT', 'send the bundle zip as application/octet-stream');
    const dir = mkdtempSync(join(tmpdir(), 'huxun-verify-'));
    try {
      const f = join(dir, 'bundle.zip');
      await pipeline(req.body as Readable, createWriteStream(f));
      return await verifyBundleFile(f);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
};
