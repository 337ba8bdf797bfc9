/**
 * Worker-thread side of a large import: prepares batches (import-prepare.ts) and posts them to the
 * importing thread, at most IN_FLIGHT ahead of the batches it has acknowledged, so memory stays flat
 * when the database is the slower side.
 *
 * Batches go on their own port, which the importing thread reads with receiveMessageOnPort when it is
 * ready for the next one: a batch then stays serialized until it is used instead of being copied into
 * that thread's heap on arrival, where the ones waiting outlived young-generation collections and grew
 * its old generation (peak RSS). The parent port carries only the small "batch ready", end and error notes.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { prepareImport, type PrepareJob, type PreparedBatch } from './import-prepare.js';

export const IN_FLIGHT = 16;

export interface WorkerInput {
  job: PrepareJob;
  /** Where the batches go (PreparedBatch messages). */
  batches: MessagePort;
}

export type WorkerMessage =
  | { type: 'ready' }
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
    const { job, batches } = workerData as WorkerInput;
    for await (const batch of prepareImport(job)) {
      while (credits === 0) await new Promise<void>((r) => (wake = r));
      credits--;
      batches.postMessage(batch satisfies PreparedBatch);
      port.postMessage({ type: 'ready' } satisfies WorkerMessage);
    }
    port.postMessage({ type: 'end' } satisfies WorkerMessage);
  } catch (e) {
    const err = e as Error & { file?: string; line?: number | null; column?: number | null; code?: string };
    port.postMessage({ type: 'error', error: { name: err.name, message: err.message, file: err.file, line: err.line, column: err.column, code: err.code } } satisfies WorkerMessage);
  }
  port.close();
}
