/**
 * Import use case: one file = one transaction. A file that fails to parse, or a process killed
 * half-way, leaves the store as it was before that file; running the import again completes it.
 *
 * Two halves: parsing (import-prepare.ts: read, parse, lay out rows and payloads) and writing (runImport here,
 * through import-write.ts, the writer screenshots share: classify, rows, evidence chain, attachments metadata).
 * Files from WORKER_MIN_BYTES up are parsed in a worker thread, so the two halves run on two cores at once.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { detectFormat } from '../import/index.js';
import { ImportFormatError, type FormatId } from '../import/types.js';
import * as repo from '../store/repo.js';
import { readHeadSync, SealError } from '../store/sealed.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import { refreshDerived } from './derived.js';
import { prepareImport, type PrepareJob, type PreparedAttachment, type PreparedBatch } from './import-prepare.js';
import { importScreenshot, sniffImage } from './ocr.js';
import { EVENT_ROW, type EventRowValues } from '../store/event-row.js';
import type { WorkerInput, WorkerMessage } from './import-worker.js';
import { importIphoneFolder, routeSpecialImport } from './import-special.js';
import { writeAttachment, writeEventRows, writeImport } from './import-write.js';
import { isCaptureDateNeeded } from './ocr-date.js';
import type { ImportJobResult } from '../shared/views.js';

/**
 * What importing one file brought in: the shared ImportJobResult (src/shared/views.ts, what the import page reads)
 * without the case-wide counts a job adds after regrouping, plus what only the app needs.
 */
export interface ImportFileResult extends Omit<ImportJobResult, 'format' | 'recording' | 'collectors' | 'contactsTouched'> {
  /** A stream format of src/import, or 'iphone-backup' / 'call-recording'. */
  format: FormatId | 'iphone-backup' | 'call-recording';
  importId: number;
  /** Where the file was parsed: a worker thread (large files) or this thread. */
  thread: 'worker' | 'inline';
  /** A call recording: its duration and the call it was linked to (recordings.ts). */
  recording?: import('./recordings.js').RecordingInfo;
}

export interface ImportProgressInfo {
  file: string;
  bytesRead: number;
  bytesTotal: number;
  records: number;
}

export interface ImportFileOptions {
  onProgress?: (p: ImportProgressInfo) => void;
  signal?: AbortSignal;
  /** Where the parsing half runs: 'auto' = a worker thread from WORKER_MIN_BYTES up. */
  thread?: 'auto' | 'worker' | 'inline';
  /** Filled in for benchmarks: how long this thread waited for the worker's batches. */
  stats?: { waitMs: number };
  /** Screenshots: the date they were taken (YYYY-MM-DD), which 昨天 / 星期三 count from (ocr.ts). */
  takenAt?: string;
}

/** Below this size a worker's start-up (~0.3 s) costs more than the overlap gains. */
export const WORKER_MIN_BYTES = 8 * 1024 * 1024;


/** Rebuilds an error posted by the worker as the class the callers expect (its message is already final). */
function restoreError(e: Extract<WorkerMessage, { type: 'error' }>['error']): Error {
  const proto = e.name === 'ImportFormatError' ? ImportFormatError.prototype : e.name === 'AppError' ? AppError.prototype : Error.prototype;
  const err = Object.create(proto) as Error & Record<string, unknown>;
  Object.assign(err, { message: e.message, file: e.file, line: e.line ?? null, column: e.column ?? null, code: e.code });
  Object.defineProperty(err, 'name', { value: e.name, enumerable: false, writable: true, configurable: true });
  Error.captureStackTrace(err, restoreError);
  return err;
}

/** Prepared batches from a worker thread, acknowledged one by one (the worker stays a few batches ahead). */
async function* workerBatches(job: PrepareJob, signal?: AbortSignal, stats?: { waitMs: number }): AsyncGenerator<PreparedBatch> {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL('./import-worker-entry.mjs', import.meta.url), {
    workerData: { job, batches: port2 } satisfies WorkerInput,
    transferList: [port2],
    // The old-generation limit leaves room for one MMS element held whole with its media (a video can be
    // tens of MB of base64); the young generation is capped to keep the worker's share of peak RSS small.
    resourceLimits: { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 512 },
  });
  let ended = false;
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m: WorkerMessage) => {
    if (m.type === 'end') ended = true;
    else if (m.type === 'error') failure ??= restoreError(m.error);
    notify();
  });
  worker.on('error', (e) => {
    failure ??= e;
    notify();
  });
  worker.on('exit', (code) => {
    if (code !== 0) failure ??= new Error(`import worker stopped (exit code ${code})`);
    notify();
  });
  const onAbort = () => notify();
  signal?.addEventListener('abort', onAbort);
  try {
    for (;;) {
      signal?.throwIfAborted();
      if (failure) throw failure;
      // A batch is in the port's queue before its "ready" or the "end" note is sent.
      const got = receiveMessageOnPort(port1);
      if (got) {
        yield got.message as PreparedBatch;
        worker.postMessage('ack');
        continue;
      }
      if (ended) return;
      const t0 = performance.now();
      await new Promise<void>((r) => (wake = r));
      if (stats) stats.waitMs += performance.now() - t0;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    port1.close();
    await worker.terminate();
  }
}

export async function importFile(ctx: AppContext, path: string, opts: ImportFileOptions = {}): Promise<ImportFileResult> {
  const { signal } = opts;
  const file = basename(path);
  let size: number;
  let folder = false;
  try {
    const st = statSync(path);
    folder = st.isDirectory();
    if (!st.isFile() && !folder) throw new AppError('BAD_INPUT', `${path}: 不是文件 not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('NOT_FOUND', `${path}: 找不到文件 file not found`);
  }
  // A folder: an iPhone backup (Finder / iTunes), read in place.
  if (folder) return importIphoneFolder(ctx, path, opts);
  if (size === 0) throw new AppError('BAD_INPUT', `${file}: 文件是空的 the file is empty`);
  // A staged upload may be sealed with the file key: detection sees its plaintext (plain files are read as they are).
  let head: Buffer;
  try {
    head = readHeadSync(path, ctx.fileKey, 64 * 1024);
  } catch (e) {
    if (e instanceof SealError) throw new AppError('BAD_INPUT', `${file}: ${e.message}`);
    throw e;
  }
  // Formats that are not one stream of records: call recordings (and, by folder or zip, iPhone backups).
  // Screenshots (PNG, JPEG, WebP; HEIC gets a message asking for JPG): read by OCR in a worker thread (ocr.ts).
  if (sniffImage(head)) return importScreenshot(ctx, path, { takenAt: opts.takenAt, onProgress: opts.onProgress });
  const routed = await routeSpecialImport(ctx, path, head, size, opts);
  if (routed) return routed;
  const format = detectFormat(head, file);
  const useWorker = opts.thread === 'worker' || (opts.thread !== 'inline' && size >= WORKER_MIN_BYTES);
  return runImport(ctx, { file, format, size, thread: useWorker ? 'worker' : 'inline' }, (importId) => {
    const job: PrepareJob = { path, file, format, importId, caseId: ctx.caseId, tz: ctx.tz, dataDir: ctx.dataDir, fileKey: ctx.fileKey };
    return useWorker ? workerBatches(job, signal, opts.stats) : prepareImport(job, signal);
  }, opts);
}

/** Characters of message text written between two turns of the event loop during an import. */
const SLICE_CHARS = 1 << 20;

function eventTextLength(row: EventRowValues): number {
  const t = row[EVENT_ROW.text];
  return typeof t === 'string' ? t.length : 0;
}

/**
 * The writing half of every import made of batches, whatever made them: one transaction (a failure leaves nothing),
 * labels, rows deduplicated by key, the evidence chain, contacts, attachments; the imports row records how it ended.
 * The rows, attachments and the transaction itself are written by import-write.ts, which screenshots use too.
 */
export async function runImport(
  ctx: AppContext,
  what: { file: string; format: ImportFileResult['format']; size: number; thread: 'worker' | 'inline' },
  batches: (importId: number) => AsyncIterable<PreparedBatch>,
  opts: Pick<ImportFileOptions, 'onProgress' | 'signal'> = {},
): Promise<ImportFileResult> {
  const { onProgress, signal } = opts;
  const { file, format, size } = what;
  const res: ImportFileResult = { file, format, importId: 0, records: 0, events: 0, eventsAdded: 0, contacts: 0, contactsAdded: 0, attachments: 0, collection: 0, thread: what.thread };
  let bytesRead = 0;
  let sha256: string | null = null;
  let lastReport = 0;
  const report = (force = false) => {
    const now = Date.now();
    if (!onProgress || (!force && now - lastReport < 200)) return;
    lastReport = now;
    onProgress({ file, bytesRead, bytesTotal: size, records: res.records });
  };
  const tally = () => ({ records: res.records, added: res.eventsAdded + res.contactsAdded, sha256 });
  await writeImport(ctx, what, async (w) => {
    const { trx, evidence, importId } = w;
    res.importId = importId;
    const pendingAttachments: PreparedAttachment[] = [];
    for await (const b of batches(importId)) {
      if (signal?.aborted) throw new AppError('BAD_INPUT', `${file}: 导入已取消 import cancelled`);
      const now = ctx.now();
      // A batch is written in slices of bounded text, with a turn of the event loop after each: the
      // inserts and hashing are synchronous, and a batch of long messages (250 × 300k characters)
      // would otherwise hold every other request of the server for seconds.
      for (let start = 0; start < b.events.length; ) {
        let end = start;
        let chars = 0;
        while (end < b.events.length && (end === start || chars < SLICE_CHARS)) chars += eventTextLength(b.events[end++]!);
        const slice = start === 0 && end === b.events.length ? b.events : b.events.slice(start, end);
        const written = await writeEventRows(ctx, w, slice, b.payloads.slice(start, end), file, now);
        if (written.linked) res.linkedToRecordings = (res.linkedToRecordings ?? 0) + written.linked;
        res.collection += written.collection;
        res.eventsAdded += written.added;
        start = end;
        if (chars >= SLICE_CHARS || end < b.events.length) await new Promise<void>((r) => setImmediate(r));
      }
      res.events += b.events.length;
      for (const contact of b.contacts) {
        res.contacts++;
        const r = await repo.upsertContact(trx, ctx.caseId, contact);
        if (r.added) {
          res.contactsAdded++;
          await evidence.append('contact', { contact_id: r.id, name: contact.name, numbers: contact.numbers, dedupe_key: contact.dedupeKey, source: { import_id: importId, file } }, ctx.now());
        }
      }
      res.attachments += b.attachments.length;
      pendingAttachments.push(...b.attachments);
      res.records = b.records;
      bytesRead = b.bytesRead;
      if (b.sha256) sha256 = b.sha256;
      report();
    }
    for (const a of pendingAttachments) {
      let eventId: number | null = a.eventId ?? null;
      if (eventId == null && a.eventKey) {
        let q = trx.selectFrom('events').select('id').where('case_id', '=', ctx.caseId).where('dedupe_key', '=', a.eventKey);
        if (a.eventAt != null) q = q.where('at', '=', a.eventAt);
        const row = await q.executeTakeFirst();
        eventId = row ? Number(row.id) : null;
      }
      await writeAttachment(ctx, w, { ...a, eventId }, ctx.now());
    }
  }, tally, { written: () => report(true) });
  return res;
}

export interface ImportSummary {
  files: ImportFileResult[];
  failed: { file: string; error: string }[];
  /** Screenshots (paths as given) that need the day they were taken (ocr-date.ts): import them again with --taken-at. */
  needsDate: string[];
  collectors: number;
  contactsTouched: number;
}

/**
 * Calls each import brought in from numbers now known as collectors: the summary counts collector calls as well as
 * collection messages (a calls file has no messages to label). Run after refreshDerived has linked the numbers.
 */
export async function countCollectorCalls(ctx: AppContext, files: ImportFileResult[]): Promise<void> {
  for (const f of files) {
    const r = await ctx.store.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('case_id', '=', ctx.caseId)
      .where('import_id', '=', f.importId)
      .where('kind', '=', 'call')
      .where('collector_id', 'is not', null)
      .executeTakeFirst();
    f.collectorCalls = Number(r?.n ?? 0);
  }
}

/** Imports several files (each its own transaction), then regroups collectors and links contacts. */
export async function importFiles(ctx: AppContext, paths: string[], onProgress?: (p: ImportProgressInfo) => void, opts: { takenAt?: string } = {}): Promise<ImportSummary> {
  const files: ImportFileResult[] = [];
  const failed: { file: string; error: string }[] = [];
  const needsDate: string[] = [];
  for (const p of paths) {
    try {
      files.push(await importFile(ctx, p, { onProgress, takenAt: opts.takenAt }));
    } catch (e) {
      failed.push({ file: p, error: (e as Error).message });
      if (isCaptureDateNeeded(e)) needsDate.push(p);
    }
  }
  const derived = await refreshDerived(ctx);
  await countCollectorCalls(ctx, files);
  return { files, failed, needsDate, collectors: derived.collectors, contactsTouched: derived.contactsTouched };
}
