/** What the OCR engine reads from one screenshot, in the coordinates of the scaled image (OcrPage.width). */
export type Rgb = [number, number, number];

export interface OcrLine {
  text: string;
  /** The recogniser's mean character confidence, 0–1. */
  conf: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Most common colour in the line's box (the bubble or row behind the text). */
  bg: Rgb;
  /** Colour of the strokes (red for a missed call). */
  ink: Rgb;
}

export interface OcrPage {
  width: number;
  height: number;
  /** Scaled width / original width. */
  scale: number;
  /** The page background (left edge). */
  bg: Rgb;
  lines: OcrLine[];
  format: ImageFormat;
  originalWidth: number;
  originalHeight: number;
}

export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'heic' | 'gif' | 'bmp';
