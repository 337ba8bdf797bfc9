import { listDocumentTypes, previewDocument, proposedChannels, proposedComplaints, renderDocument } from '../../app/documents.js';
import { DocumentPreviewSchema, DocumentRenderSchema } from '../../shared/api.js';
import type { RouteModule } from './index.js';

export const documentRoutes: RouteModule = (api, ctxOf) => {
  api.get('/documents', async (req) => ({ types: listDocumentTypes(), channels: await proposedChannels(await ctxOf(req)), complaints: await proposedComplaints(await ctxOf(req)) }));
  api.post('/documents/preview', async (req) => {
    const b = DocumentPreviewSchema.parse(req.body);
    return previewDocument(await ctxOf(req), { ...b, redact: (req.body as { redact?: boolean }).redact ?? false, lang: (req.body as { lang?: 'zh' | 'en' }).lang });
  });
  api.post('/documents/render', async (req, reply) => {
    const b = DocumentRenderSchema.parse(req.body);
    const d = await renderDocument(await ctxOf(req), { ...b, redact: (req.body as { redact?: boolean }).redact ?? false, lang: (req.body as { lang?: 'zh' | 'en' }).lang });
    return reply
      .header('content-type', d.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(d.fileName)}`)
      .send(d.bytes);
  });
};
