/**
 * The parsing half of an import, which needs no database: read the file, parse it, lay out each event's
 * row and its evidence payload around the id to come. Large files run it in a worker thread
 * (import-worker.ts), so parsing overlaps with the writing half (import.ts: classifying, rows, evidence
 * chain); small files run it in-process. Where the work is split was measured (60 MB backup, 2 cores):
 * with classifying here the writer waited for the parser 60 % of the time; with the payloads there the
 * parser waited a third of the time for the writer.
 */
import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import type { NewContact } from '../domain/collection/types.js';
import { parseAny } from '../import/index.js';
import type { FormatId, ImportInput, ImportRecord } from '../import/types.js';
import { FsBlobStore } from '../store/blobs.js';
import { eventRowValues, type EventRowValues } from '../store/event-row.js';
import { openReadStream } from '../store/sealed.js';
import { eventPayloadParts } from './event-payload.js';

export interface PrepareJob {
  path: string;
  /** Display name: errors and evidence records cite it. */
  file: string;
  format: FormatId;
  importId: number;
  /** The case the import is for: MMS images are stored in its attachments (src/store/blobs.ts). */
  caseId: number;
  tz: string;
  dataDir: string;
  /**
   * The data folder's file key (AppContext.fileKey): a staged upload is read through it, MMS images are written
   * sealed with it. Crosses to the worker in workerData, where it arrives as a Uint8Array.
   */
  fileKey: Uint8Array | null;
}

export interface PreparedAttachment {
  sha256: string;
  mime: string;
  name: string | null;
  size: number;
  /** The event it belongs to, by its unique (at, dedupe key). */
  eventKey: string | null;
  eventAt: number | null;
  /** An event already stored (a call recording linked to its call), instead of eventKey. */
  eventId?: number | null;
  /** When the item says it was made (a recording's file name), epoch ms. */
  claimedAt?: number | null;
  note?: string | null;
}

export interface PreparedBatch {
  /** Rows not yet labelled (see labelRow in labels.ts). */
  events: EventRowValues[];
  /** Each event's evidence payload is head + event id + tail (eventPayloadParts). */
  payloads: { head: string; tail: string }[];
  contacts: NewContact[];
  attachments: PreparedAttachment[];
  /** Progress so far. */
  bytesRead: number;
  records: number;
  /** On the last batch only: sha256 of the whole file. */
  sha256: string | null;
}

// Small batches: a batch lives across a few scavenges while it fills, and 2,000 events measured twice the
// scavenge time of 250 (the copying of survivors), with 30 MB more peak RSS.
const BATCH = 250;

// Attachment bytes are stored per case through a BlobStore (src/store/blobs.ts; blobsOf(ctx) in attachments.ts), not
// by a path in the data folder: the shared attachments/<xx>/<sha256> layout is gone (issue 15).

/**
 * Reads and prepares one file in batches. Media bytes go to the case's attachment store as they come, so
 * memory stays flat however many MMS images a backup holds; only their metadata travels in the batch.
 */
export async function* prepareImport(job: PrepareJob, signal?: AbortSignal): AsyncGenerator<PreparedBatch> {
  let hash = createHash('sha256');
  let bytesRead = 0;
  // workerData turns a Buffer into a plain Uint8Array; the crypto and fs calls want a Buffer.
  const fileKey = job.fileKey ? Buffer.from(job.fileKey) : null;
  // A parser may read the file a second time from the start (a fallback path); the hash is of the last pass.
  const open = (): ImportInput => {
    hash = createHash('sha256');
    let pass = 0;
    // 64 KiB chunks: a decoded 1 MiB chunk is a 2 MiB string in the large-object space; peak RSS was 30 MB higher.
    // A staged upload may be sealed (jobs.ts): the parser gets the plaintext, and the hash is of the plaintext.
    const source = openReadStream(job.path, fileKey, { highWaterMark: 1 << 16 });
    const counted = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        hash.update(chunk);
        pass += chunk.length;
        bytesRead = Math.max(bytesRead, pass);
        cb(null, chunk);
      },
    });
    // A parser that stops reading early destroys the stream it read; pipe() would keep the file open.
    counted.on('close', () => source.destroy());
    return source.pipe(counted);
  };
  const records = parseAny(job.format, open(), { file: job.file, tz: job.tz, signal, reopen: open });
  yield* prepareRecords(records, job, fileKey, () => bytesRead, () => hash.digest('hex'));
}

/** A stream's bytes in one buffer; `tooLarge()` is thrown (and the stream destroyed) once more than `max` bytes came. */
export async function readAtMost(s: AsyncIterable<Buffer>, max: number, tooLarge: () => Error): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of s) {
    n += c.length;
    if (n > max) throw tooLarge();
    chunks.push(c);
  }
  return Buffer.concat(chunks);
}

/**
 * Lays out parsed records as batches (rows, payloads, contacts, attachment metadata; media bytes stored as
 * they come). Also used by imports whose records do not come from one stream (an iPhone backup folder).
 */
export async function* prepareRecords(
  source: AsyncIterable<ImportRecord> | Iterable<ImportRecord>,
  job: Pick<PrepareJob, 'importId' | 'file' | 'dataDir' | 'caseId'>,
  fileKey: Buffer | null,
  bytesRead: () => number,
  sha256: () => string | null,
): AsyncGenerator<PreparedBatch> {
  const empty = (): PreparedBatch => ({ events: [], payloads: [], contacts: [], attachments: [], bytesRead: 0, records: 0, sha256: null });
  let batch = empty();
  let records = 0;
  let last: { key: string; at: number } | null = null;
  // The data folder's store also in a worker thread (which has no AppContext); an object store would come in the job.
  const blobs = new FsBlobStore(job.dataDir, () => fileKey);
  for await (const rec of source) {
    records++;
    if (rec.type === 'event') {
      batch.events.push(eventRowValues({ event: rec.event, labels: [], spans: {}, importId: job.importId }));
      batch.payloads.push(eventPayloadParts(rec.event, job.importId, job.file));
      last = { key: rec.event.dedupeKey, at: rec.event.at };
    } else if (rec.type === 'contact') {
      batch.contacts.push(rec.contact);
    } else {
      const a = rec.attachment;
      await blobs.put(job.caseId, a.sha256, a.bytes);
      const eventAt = a.eventKey != null && last?.key === a.eventKey ? last.at : null;
      batch.attachments.push({ sha256: a.sha256, mime: a.mime, name: a.name, size: a.bytes.length, eventKey: a.eventKey, eventAt });
    }
    if (batch.events.length + batch.contacts.length >= BATCH) {
      batch.bytesRead = bytesRead();
      batch.records = records;
      yield batch;
      batch = empty();
    }
  }
  batch.bytesRead = bytesRead();
  batch.records = records;
  batch.sha256 = sha256();
  yield batch;
}
