import { z } from 'zod';
import { correctOcrText, getScreenshotDate, listOcrReview, screenshotBytes, setScreenshotDate, sniffImage, warmOcr } from '../../app/ocr.js';
import { OcrCorrectSchema, OcrTakenAtSchema, type OcrReviewItemView } from '../../shared/ocr-api.js';
import type { RouteModule } from './index.js';

const IdParam = z.object({ id: z.coerce.number().int().positive() });
const ShaParam = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });
const MIME: Record<string, string> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif', bmp: 'image/bmp' };

/** Screenshot OCR: the capture date asked in the UI, the events to check, corrections, and the screenshot itself. */
export const ocrRoutes: RouteModule = (api, ctxOf) => {
  api.get('/ocr/taken-at', async (req) => getScreenshotDate(await ctxOf(req)));
  // The import page calls this when it opens: the models load before the first screenshot arrives.
  api.post('/ocr/warm', async () => {
    warmOcr();
    return { ok: true };
  });
  api.put('/ocr/taken-at', async (req) => setScreenshotDate(await ctxOf(req), OcrTakenAtSchema.parse(req.body).taken_at));
  api.get('/ocr/review', async (req): Promise<OcrReviewItemView[]> => {
    const all = z.object({ all: z.enum(['0', '1']).optional() }).parse(req.query ?? {}).all === '1';
    return listOcrReview(await ctxOf(req), { all });
  });
  api.post('/ocr/events/:id/correct', async (req): Promise<OcrReviewItemView> => {
    const { id } = IdParam.parse(req.params);
    const { text, reason } = OcrCorrectSchema.parse(req.body);
    return correctOcrText(await ctxOf(req), id, text, reason);
  });
  api.get('/ocr/screenshot/:sha256', async (req, reply) => {
    const bytes = await screenshotBytes(await ctxOf(req), ShaParam.parse(req.params).sha256);
    const fmt = sniffImage(bytes);
    reply.header('cache-control', 'private, no-store');
    return reply.type(fmt && MIME[fmt] ? MIME[fmt]! : 'application/octet-stream').send(bytes);
  });
};
