/**
 * The writing half every import shares, in one place: runImport (import.ts) feeds it parsed batches, and
 * importScreenshot (ocr.ts) one screenshot's events. What is written here:
 *
 * - the imports row (running, then done or failed with the counts) around one transaction, so a failure leaves
 *   nothing but that row (on SQLite with the bulk journal and cache settings, bulkWrite, unless the caller writes
 *   only a few rows: a screenshot);
 * - the case's evidence-chain lock taken first (EvidenceWriter.begin), before any row of the case is read or
 *   written: what a writer reads to decide (duplicates, recording calls) is then what it writes against, and no
 *   writer holds rows another one needs while it waits for the lock (on PostgreSQL that is a deadlock);
 * - event rows: a call-log row for a call a recording made merges into it (import-links.ts), the rest are
 *   classified (labelRow), inserted with duplicates dropped by their key, and each new event gets its record;
 * - attachments: the row and its record.
 */
import type { Kysely } from 'kysely';
import type { EventRowValues } from '../store/event-row.js';
import { bulkWrite } from '../store/db.js';
import type { DB } from '../store/schema.js';
import * as repo from '../store/repo.js';
import type { AppContext } from './context.js';
import { EvidenceWriter } from './evidence.js';
import { RecordingCallLinks } from './import-links.js';
import { labelRow } from './labels.js';

/** What an import's transaction writes with. */
export interface ImportWrite {
  trx: repo.Q;
  evidence: EvidenceWriter;
  importId: number;
  /** The case's calls made from recordings, which call-log rows merge into (null: none, or a recording's own import). */
  links: RecordingCallLinks | null;
}

/** What the imports row records when the import ends. */
export interface ImportTally {
  records: number;
  added: number;
  sha256: string | null;
}

export interface WriteImportOptions {
  /** Runs after the commit, before the row says done (the import's last progress report). */
  written?: () => void;
  /**
   * SQLite's bulk settings for the write (bulkWrite), default on. A screenshot writes a few rows: switching the
   * journal costs more than the write (11–15 ms against 0.2 ms a transaction, measured 2026-12-05 at load 6).
   */
  bulk?: boolean;
}

/** Starts the imports row, runs `body` in the import's one transaction (chain lock taken first), and records how it ended. */
export async function writeImport(
  ctx: AppContext,
  what: { file: string; format: string; size: number },
  body: (w: ImportWrite) => Promise<void>,
  tally: () => ImportTally,
  opts: WriteImportOptions = {},
): Promise<number> {
  const importId = await repo.startImport(ctx.store.db, ctx.caseId, what.file, what.format, what.size, ctx.now());
  const write = (db: Kysely<DB>) => db.transaction().execute(async (trx) => {
    const evidence = new EvidenceWriter(trx, ctx.caseId, ctx.store);
    await evidence.begin();
    // A recording's own import makes the call the later call logs merge into.
    const links = what.format === 'call-recording' ? null : await RecordingCallLinks.load(trx, ctx.caseId);
    await body({ trx, evidence, importId, links });
    await evidence.flush();
  });
  try {
    await (opts.bulk === false ? write(ctx.store.db) : bulkWrite(ctx.store, write));
  } catch (e) {
    await repo.finishImport(ctx.store.db, importId, { status: 'failed', records: tally().records, added: 0, error: (e as Error).message.slice(0, 500) }, ctx.now());
    throw e;
  }
  opts.written?.();
  const t = tally();
  await repo.finishImport(ctx.store.db, importId, { status: 'done', records: t.records, added: t.added, error: null, sha256: t.sha256 }, ctx.now());
  return importId;
}

export interface RowsWritten {
  /** Events added (rows whose key was not stored yet). */
  added: number;
  /** Of the rows classified, the collection messages. */
  collection: number;
  /** Call-log rows merged into a recording's call now. */
  linked: number;
  /** The first event added, if any. */
  firstAdded: number | null;
  /** The first recording call a row was merged into (now or by an earlier import of the same row), if any. */
  firstLinked: number | null;
}

/**
 * Writes event rows, in order: recording links, labels, the rows (duplicates by key dropped), one record per
 * event added. `payloads[i]` is row i's record around its id to come (eventPayloadParts).
 */
export async function writeEventRows(
  ctx: AppContext,
  w: ImportWrite,
  rows: EventRowValues[],
  payloads: readonly { head: string; tail: string }[],
  file: string,
  now: number,
): Promise<RowsWritten> {
  const out: RowsWritten = { added: 0, collection: 0, linked: 0, firstAdded: null, firstLinked: null };
  if (w.links) {
    const keep: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      const d = w.links.decide(rows[i]!);
      if (!d) {
        keep.push(i);
        continue;
      }
      if (d.action === 'merge') {
        await w.links.merge(w.trx, ctx.caseId, w.evidence, d.target, rows[i]!, { importId: w.importId, file }, now);
        out.linked++;
      }
      // 'already': merged by an earlier import of the same log, nothing to add.
      out.firstLinked ??= d.target.id;
    }
    if (keep.length < rows.length) {
      const all = rows;
      const pays = payloads;
      rows = keep.map((i) => all[i]!);
      payloads = keep.map((i) => pays[i]!);
    }
  }
  for (const row of rows) if (labelRow(row)) out.collection++;
  const ids = await repo.insertEventRows(ctx.store, w.trx, ctx.caseId, rows, now);
  const texts: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id == null) continue;
    out.firstAdded ??= id;
    const p = payloads[i]!;
    texts.push(p.head + id + p.tail);
  }
  out.added = texts.length;
  await w.evidence.appendCanonicalMany('event', texts, now);
  return out;
}

/** An attachment an import brings, with the event it belongs to already found. */
export interface ImportAttachment {
  sha256: string;
  mime: string;
  size: number;
  name: string | null;
  eventId: number | null;
  claimedAt?: number | null;
  note?: string | null;
}

/** Writes an attachment's row and its record; false when the case already holds that file (nothing written). */
export async function writeAttachment(ctx: AppContext, w: ImportWrite, a: ImportAttachment, now: number): Promise<boolean> {
  const claimedAt = a.claimedAt ?? null;
  const note = a.note ?? null;
  const added = await repo.insertAttachment(w.trx, ctx.caseId, {
    sha256: a.sha256, mime: a.mime, size: a.size, name: a.name, source: 'import', claimedAt, receivedAt: now, eventId: a.eventId, note,
  });
  if (added) {
    await w.evidence.append('attachment', { sha256: a.sha256, size: a.size, mime: a.mime, name: a.name ?? a.sha256, source: 'import', claimed_at: claimedAt, event_id: a.eventId, ...(note != null ? { note } : {}) }, now);
  }
  return added;
}
