/**
 * Worker-thread side of OCR: holds the PaddleOCR models (loaded once) and reads the screenshots posted to it.
 * OCR never runs on the main thread: it is CPU-heavy (a second a screenshot), and opencv-js installs process-wide
 * uncaughtException/unhandledRejection handlers that would turn any unrelated rejection into exit 7
 * (sources.md §1.4); inside a worker they stay in the worker.
 */
import { parentPort } from 'node:worker_threads';
import { engineEntry, loadEngine, modelLoadMs, moduleLoadMs, recognize } from '../import/ocr/engine.js';
import type { OcrPage } from '../import/ocr/types.js';

export type OcrRequest = { id: number; bytes: Uint8Array };
export type OcrReply =
  | { type: 'ready'; loadMs: number; moduleMs: number; entry: 'fast' | 'package' }
  | { type: 'page'; id: number; page: OcrPage; ms: number; cpuMs: number }
  | { type: 'tile'; id: number; done: number; total: number }
  | { type: 'error'; id: number; error: { name: string; message: string; problem?: string } };

if (parentPort) {
  const port = parentPort;
  const ready = loadEngine().then(
    () => port.postMessage({ type: 'ready', loadMs: modelLoadMs, moduleMs: moduleLoadMs, entry: engineEntry } satisfies OcrReply),
    (e: Error) => port.postMessage({ type: 'error', id: -1, error: { name: e.name, message: e.message } } satisfies OcrReply),
  );
  // One screenshot at a time, in order.
  let chain: Promise<unknown> = ready;
  port.on('message', (m: OcrRequest) => {
    chain = chain.then(async () => {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      try {
        const page = await recognize(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength), {
          onTile: (done, total) => port.postMessage({ type: 'tile', id: m.id, done, total } satisfies OcrReply),
        });
        const c = process.cpuUsage(c0);
        port.postMessage({ type: 'page', id: m.id, page, ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 } satisfies OcrReply);
      } catch (e) {
        const err = e as Error & { problem?: string };
        port.postMessage({ type: 'error', id: m.id, error: { name: err.name, message: err.message, problem: err.problem } } satisfies OcrReply);
      }
    });
  });
}
