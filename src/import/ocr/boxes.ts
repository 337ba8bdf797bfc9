/**
 * Text detection post-processing of the PaddleOCR (DB) detector, in plain TypeScript: what @gutenye/ocr-common's
 * splitIntoLineImages did with opencv-js (11 MB of asm/WASM that took 1–2.4 s to load) and js-clipper. Screenshots
 * hold horizontal text, so boxes are axis-aligned: a minimum-area rectangle of a text blob on a screen is its
 * bounding box, and unclipping a rectangle by the DB rule grows it by the same distance on every side.
 *
 * The parameters are the package's (ocr-common 1.4.8, Detection.js and splitIntoLineImages.js), so the boxes and
 * line images are the ones it made: the probability map is binarised at > 0.03; a blob whose short side (in pixel
 * centres, as the contour's) is under 3 px is dropped; it is unclipped by area × 1.5 / perimeter; under 5 px then, it
 * is dropped; the box is rounded and clipped to the image; a box 3 px or less wide or high is dropped. Recognition
 * keeps lines of mean confidence ≥ 0.5 and joins boxes on one text row into one line (Recognition.js afAfRec).
 * Pure: no I/O, no engine; tested in boxes.test.ts.
 */

/** Probability above which a map pixel is text (ocr-common Detection.js outputToImage). */
export const DET_THRESHOLD = 0.03;
/** DB unclip ratio (splitIntoLineImages.js unclip). */
export const UNCLIP_RATIO = 1.5;
/** A blob's short side must reach this (px); its unclipped box's, this + 2. */
export const MIN_SIDE = 3;
/** The recogniser's input height (Recognition.js). */
export const REC_HEIGHT = 48;
/** Lines the recogniser reads with a lower mean confidence are dropped (Recognition.js calculateBox). */
export const MIN_LINE_CONF = 0.5;

export interface TextBox {
  /** Integer pixel edges: the box covers columns x0 … x1 − 1 and rows y0 … y1 − 1. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Mean probability over the blob's pixels: how sure the detector is that this is text. */
  score: number;
}

export interface BoxOptions {
  threshold?: number;
  unclipRatio?: number;
  /** Blobs whose mean probability is below this are dropped (0: none, as the package did). */
  minScore?: number;
}

/**
 * Boxes of the text blobs in a probability map (row-major, width × height, values 0–1), unclipped, in the order
 * of each blob's first pixel (top to bottom, then left to right). Never throws on any map of the given size: an
 * empty or all-zero map gives no box, an all-ones map one box (the whole image).
 */
export function findTextBoxes(prob: ArrayLike<number>, width: number, height: number, o: BoxOptions = {}): TextBox[] {
  const threshold = o.threshold ?? DET_THRESHOLD;
  const ratio = o.unclipRatio ?? UNCLIP_RATIO;
  const minScore = o.minScore ?? 0;
  const w = Math.floor(width);
  const h = Math.floor(height);
  if (!(w > 0 && h > 0) || prob.length < w * h) return [];
  const n = w * h;
  // 8-connected blobs (findContours follows outer borders 8-connected), labelled by a flood fill with an explicit
  // stack: no recursion, memory 4 bytes a pixel twice at most.
  const label = new Int32Array(n); // 0 unvisited, -1 background, k > 0 blob k
  const stack = new Int32Array(n);
  const boxes: TextBox[] = [];
  let next = 0;
  for (let start = 0; start < n; start++) {
    if (label[start] !== 0) continue;
    if (!(prob[start]! > threshold)) {
      label[start] = -1;
      continue;
    }
    const k = ++next;
    let sp = 0;
    stack[sp++] = start;
    label[start] = k;
    let minX = w, minY = h, maxX = -1, maxY = -1, sum = 0, count = 0;
    while (sp > 0) {
      const p = stack[--sp]!;
      const y = (p / w) | 0;
      const x = p - y * w;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      sum += prob[p]!;
      count++;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w || (dx === 0 && dy === 0)) continue;
          const q = yy * w + xx;
          if (label[q] !== 0) continue;
          if (prob[q]! > threshold) {
            label[q] = k;
            stack[sp++] = q;
          } else label[q] = -1;
        }
      }
    }
    const box = unclipBox(minX, minY, maxX, maxY, w, h, ratio);
    const score = sum / count;
    if (box && score >= minScore) boxes.push({ ...box, score });
  }
  return boxes;
}

/**
 * The DB rule on one blob spanning pixel centres minX…maxX, minY…maxY: offset = area × ratio / perimeter on every
 * side, rounded and clipped to the image (edges 0…width, 0…height); null when the package dropped it.
 */
export function unclipBox(minX: number, minY: number, maxX: number, maxY: number, width: number, height: number, ratio = UNCLIP_RATIO): { x0: number; y0: number; x1: number; y1: number } | null {
  const bw = maxX - minX;
  const bh = maxY - minY;
  if (Math.min(bw, bh) < MIN_SIDE) return null;
  const d = (bw * bh * ratio) / (2 * (bw + bh));
  if (Math.min(bw, bh) + 2 * d < MIN_SIDE + 2) return null;
  const clip = (v: number, hi: number) => Math.max(0, Math.min(hi, Math.round(v)));
  const x0 = clip(minX - d, width);
  const x1 = clip(maxX + d, width);
  const y0 = clip(minY - d, height);
  const y1 = clip(maxY + d, height);
  if (x1 - x0 <= 3 || y1 - y0 <= 3) return null;
  return { x0, y0, x1, y1 };
}

/** An RGB image, 3 bytes a pixel, row-major. */
export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * The box's pixels as a line image. A box at least 1.5 times as high as it is wide is turned a quarter (text
 * written downwards), as the package did (warpAffine about (w/2, w/2) with replicated borders: its first row
 * repeats the box's last column).
 */
export function cropLine(img: RgbImage, b: { x0: number; y0: number; x1: number; y1: number }): RgbImage {
  const x0 = Math.max(0, Math.min(img.width - 1, b.x0));
  const y0 = Math.max(0, Math.min(img.height - 1, b.y0));
  const cw = Math.max(1, Math.min(img.width, b.x1) - x0);
  const ch = Math.max(1, Math.min(img.height, b.y1) - y0);
  const src = img.data;
  if (ch / cw < 1.5) {
    const out = new Uint8Array(cw * ch * 3);
    for (let y = 0; y < ch; y++) {
      const from = ((y0 + y) * img.width + x0) * 3;
      out.set(src.subarray(from, from + cw * 3), y * cw * 3);
    }
    return { data: out, width: cw, height: ch };
  }
  // Rotated: the output is ch wide and cw high; output (u, v) is box pixel (x = cw − v, y = u), clamped.
  const out = new Uint8Array(cw * ch * 3);
  for (let v = 0; v < cw; v++) {
    const x = Math.min(cw - 1, cw - v);
    for (let u = 0; u < ch; u++) {
      const s = ((y0 + u) * img.width + x0 + x) * 3;
      const t = (v * ch + u) * 3;
      out[t] = src[s]!;
      out[t + 1] = src[s + 1]!;
      out[t + 2] = src[s + 2]!;
    }
  }
  return { data: out, width: ch, height: cw };
}

/** Model input from an RGB image: planes B, G, R (PaddleOCR's channel order), each value / 255 (the package passes no mean or std). */
export function toModelInput(img: RgbImage): Float32Array {
  const n = img.width * img.height;
  const out = new Float32Array(n * 3);
  const d = img.data;
  const k = 1 / 255;
  for (let p = 0, i = 0; p < n; p++, i += 3) {
    out[p] = d[i + 2]! * k;
    out[n + p] = d[i + 1]! * k;
    out[2 * n + p] = d[i]! * k;
  }
  return out;
}

/**
 * Rows top … top + rows − 1 of an image, padded to width × height by repeating the last column and row: the
 * detector needs sides that are multiples of 32, and sharp's extendWith 'copy' padded the tiles the same way.
 */
export function padImage(img: RgbImage, width: number, height: number, top = 0, rows = img.height - top): RgbImage {
  const out = new Uint8Array(width * height * 3);
  const last = Math.max(0, Math.min(img.height, top + rows) - 1);
  const w = Math.min(width, img.width);
  for (let y = 0; y < height; y++) {
    const from = Math.min(top + y, last) * img.width * 3;
    const to = y * width * 3;
    out.set(img.data.subarray(from, from + w * 3), to);
    for (let x = w; x < width; x++) out.copyWithin(to + x * 3, to + (w - 1) * 3, to + w * 3);
  }
  return { data: out, width, height };
}

/** Greedy CTC decoding of one recogniser output (T steps × C classes): class 0 is the blank, class i the dictionary's i − 1. */
export function ctcDecode(scores: ArrayLike<number>, steps: number, classes: number, dictionary: readonly string[]): { text: string; mean: number } {
  let text = '';
  let sum = 0;
  let kept = 0;
  let prev = -1;
  for (let t = 0; t < steps; t++) {
    const o = t * classes;
    let best = 0;
    let max = -Infinity;
    for (let c = 0; c < classes; c++) {
      const v = scores[o + c]!;
      if (v > max) {
        max = v;
        best = c;
      }
    }
    if (best !== 0 && best !== prev) {
      text += dictionary[best - 1] ?? '';
      sum += max;
      kept++;
    }
    prev = best;
  }
  return { text, mean: kept ? sum / kept : 0 };
}

export interface ReadLine {
  text: string;
  mean: number;
  box: { x0: number; y0: number; x1: number; y1: number };
}

/**
 * Lines kept (mean ≥ MIN_LINE_CONF) and boxes on one text row joined, left to right, with a space (the package's
 * afAfRec): a box joins the first row whose first box's middle is within half the mean box height of its own;
 * rows come out top to bottom. Lines arrive in detection order (top to bottom).
 */
export function joinRows(lines: readonly ReadLine[]): ReadLine[] {
  const kept = lines.filter((l) => l.mean >= MIN_LINE_CONF);
  if (!kept.length) return [];
  const avgH = kept.reduce((a, l) => a + (l.box.y1 - l.box.y0), 0) / kept.length;
  const rows: ReadLine[][] = [];
  for (const l of kept) {
    const mid = (l.box.y0 + l.box.y1) / 2;
    const row = rows.find((r) => Math.abs((r[0]!.box.y0 + r[0]!.box.y1) / 2 - mid) < avgH / 2);
    if (row) row.push(l);
    else rows.push([l]);
  }
  for (const r of rows) r.sort((a, b) => a.box.x0 - b.box.x0);
  rows.sort((a, b) => a[0]!.box.y0 - b[0]!.box.y0);
  return rows.map((r) => {
    const first = r[0]!.box;
    const last = r[r.length - 1]!.box;
    return {
      text: r.map((l) => l.text).join(' '),
      mean: r.reduce((a, l) => a + l.mean, 0) / r.length,
      // The package's row box: the first box's left corners and the last box's right corners.
      box: { x0: first.x0, y0: Math.min(first.y0, last.y0), x1: last.x1, y1: Math.max(first.y1, last.y1) },
    };
  });
}
