/**
 * Worker-thread side of a large import: prepares batches (import-prepare.ts) and posts them to the
 * importing thread, at most IN_FLIGHT ahead of the batches it has acknowledged, so memory stays flat
 * when the database is the slower side.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareImport, type PrepareJob } from './import-prepare.js';

export const IN_FLIGHT = 16;

export type WorkerMessage =
  | { type: 'batch'; batch: import('./import-prepare.js').PreparedBatch }
  | { type: 'end' }
  | { type: 'error'; error: { name: string; message: string; file?: string; line?: number | null; column?: number | null; code?: string } };

if (parentPort) {
  const port = parentPort;
  let credits = IN_FLIGHT;
  let wake: (() => void) | null = null;
  port.on('message', (m) => {
    if (m === 'ack') {
      credits++;
      wake?.();
      wake = null;
    }
  });
  try {
    for await (const batch of prepareImport(workerData as PrepareJob)) {
      while (credits === 0) await new Promise<void>((r) => (wake = r));
      credits--;
      port.postMessage({ type: 'batch', batch } satisfies WorkerMessage);
    }
    port.postMessage({ type: 'end' } satisfies WorkerMessage);
  } catch (e) {
    const err = e as Error & { file?: string; line?: number | null; column?: number | null; code?: string };
    port.postMessage({ type: 'error', error: { name: err.name, message: err.message, file: err.file, line: err.line, column: err.column, code: err.code } } satisfies WorkerMessage);
  }
  port.close();
}
