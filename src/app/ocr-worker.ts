/**
 * Worker-thread side of OCR: holds the PaddleOCR models (loaded once) and reads the screenshots posted to it.
 * OCR never runs on the main thread: it is CPU-heavy (about half a second a screenshot), and its native runtime is
 * best kept away from the server's event loop. (opencv-js, which installed process-wide uncaughtException handlers,
 * sources.md §1.4, is no longer loaded: `opencv` in the replies says so.)
 */
import { parentPort } from 'node:worker_threads';
import { loadEngine, modelLoadMs, moduleLoadMs, opencvLoaded, recognize } from '../import/ocr/engine.js';
import type { OcrPage } from '../import/ocr/types.js';

export type OcrRequest = { id: number; bytes: Uint8Array };
export type OcrReply =
  | { type: 'ready'; loadMs: number; moduleMs: number; opencv: boolean }
  | { type: 'page'; id: number; page: OcrPage; ms: number; cpuMs: number; opencv: boolean }
  | { type: 'tile'; id: number; done: number; total: number }
  | { type: 'error'; id: number; error: { name: string; message: string; problem?: string } };

if (parentPort) {
  const port = parentPort;
  const ready = loadEngine().then(
    () => port.postMessage({ type: 'ready', loadMs: modelLoadMs, moduleMs: moduleLoadMs, opencv: opencvLoaded() } satisfies OcrReply),
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
        port.postMessage({ type: 'page', id: m.id, page, ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, opencv: opencvLoaded() } satisfies OcrReply);
      } catch (e) {
        const err = e as Error & { problem?: string };
        port.postMessage({ type: 'error', id: m.id, error: { name: err.name, message: err.message, problem: err.problem } } satisfies OcrReply);
      }
    });
  });
}
