import { listDocumentTypes, previewDocument, proposedChannels, proposedComplaints, renderDocument } from '../../app/documents.js';
import { DocumentPreviewSchema, DocumentRenderSchema } from '../../shared/api.js';
import type { RouteModule } from './index.js';

export const documentRoutes: RouteModule = (api, ctx) => {
  api.get('/documents', async () => ({ types: listDocumentTypes(), channels: await proposedChannels(ctx), complaints: await proposedComplaints(ctx) }));
  api.post('/documents/preview', async (req) => {
    const b = DocumentPreviewSchema.parse(req.body);
    return previewDocument(ctx, { ...b, redact: (req.body as { redact?: boolean }).redact ?? false, lang: (req.body as { lang?: 'zh' | 'en' }).lang });
  });
  api.post('/documents/render', async (req, reply) => {
    const b = DocumentRenderSchema.parse(req.body);
    const d = await renderDocument(ctx, { ...b, redact: (req.body as { redact?: boolean }).redact ?? false, lang: (req.body as { lang?: 'zh' | 'en' }).lang });
    return reply
      .header('content-type', d.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(d.fileName)}`)
      .send(d.bytes);
  });
};
