import { addAttachment, listAttachmentViews } from '../../app/attachments.js';
import { exportBundle, SEALED_BUNDLE_SUFFIX, verifyBundleFile } from '../../app/bundle.js';
import { checkChain } from '../../app/evidence.js';
import { ExportBundleSchema } from '../../shared/api.js';
import { fileNameHeader, sendTempFile, textHeader, withUpload, withUploadedFile } from './http.js';
import type { RouteModule } from './index.js';

export const evidenceRoutes: RouteModule = (api, ctxOf, { limits }) => {
  api.get('/evidence', async (req) => ({ chain: await checkChain(await ctxOf(req)), attachments: await listAttachmentViews(await ctxOf(req)) }));
  api.post('/evidence', async (req, reply) => {
    const name = fileNameHeader(req);
    const ev = textHeader(req, 'x-event-id', 20);
    const note = textHeader(req, 'x-note') ?? null;
    const source = textHeader(req, 'x-source', 40) ?? 'user';
    const claimedAt = textHeader(req, 'x-claimed-at', 40) ?? null;
    const a = await withUpload(req, 'the file', limits.evidence, async (stream) =>
      addAttachment(await ctxOf(req), { name, stream, eventId: ev ? Number(ev) : null, note, source, claimedAt }),
    );
    return reply.status(a.added ? 201 : 200).send(a);
  });
};

export const bundleRoutes: RouteModule = (api, ctxOf, { limits }) => {
  api.post('/export/bundle', async (req, reply) => {
    const { redact_third_parties, encrypt_passphrase } = ExportBundleSchema.parse(req.body ?? {});
    const encrypt = encrypt_passphrase !== undefined;
    // Sealed (HXSEAL1, docs/evidence-format.md): opaque bytes, verified after decryption.
    return sendTempFile(reply, 'huxun-bundle-', encrypt ? 'application/octet-stream' : 'application/zip', async (out) => {
      const r = await exportBundle(await ctxOf(req), out, { redactThirdParties: redact_third_parties, encryptPassphrase: encrypt_passphrase });
      reply.header('x-chain-head', r.head);
      return r.encrypted ? `${r.folder}.zip${SEALED_BUNDLE_SUFFIX}` : `${r.folder}.zip`;
    });
  });
  // An encrypted bundle needs its passphrase in x-bundle-passphrase (URI-encoded); without it, or with a wrong
  // one, the answer is a 400 whose details.bundle_passphrase says which ('needed' / 'wrong'), so the page can ask.
  api.post('/verify', async (req) => {
    const passphrase = textHeader(req, 'x-bundle-passphrase', 1024);
    return withUploadedFile(req, 'the bundle zip', limits.verify, 'huxun-verify-', (path) => verifyBundleFile(path, undefined, { passphrase }));
  });
};
