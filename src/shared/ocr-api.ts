/**
 * HTTP schemas of screenshot OCR (issue 13), shared by the server (src/server/routes/ocr.ts) and the web UI
 * (web/src/components/OcrReview.tsx). Kept beside api.ts so that the OCR routes do not touch the shared module.
 */
import { z } from 'zod';

/** The day screenshots were taken: what 昨天 / 星期三 / a bare time count from when a screenshot carries no date. */
export const OcrTakenAtSchema = z.object({ taken_at: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable() });
export type OcrTakenAt = z.infer<typeof OcrTakenAtSchema>;

export const OcrCorrectSchema = z.object({ text: z.string().min(1).max(5000), reason: z.string().max(500).optional() });
export type OcrCorrect = z.infer<typeof OcrCorrectSchema>;

/** An event read from a screenshot, as the review list shows it. */
export interface OcrReviewItemView {
  id: number;
  /** The classifier's labels (abusive text stays hidden until the person chooses to see it). */
  labels: string[];
  kind: string;
  direction: string;
  /** Epoch ms. */
  at: number;
  text: string | null;
  /** What OCR read (kept after a correction). */
  ocr_text: string | null;
  confidence: number | null;
  /** Why it should be checked: low_confidence, amount, number. */
  review: string[];
  /** sha256 of the screenshot (GET /api/ocr/screenshot/:sha256) and the text's box in it, scaled to 736 px wide. */
  screenshot: string | null;
  box: number[] | null;
  /** Width of the scaled screenshot the box refers to (the box scales with the image shown). */
  box_w: number | null;
  corrected: boolean;
}
