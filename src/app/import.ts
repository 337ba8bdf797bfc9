/**
 * Import use case: one file = one transaction. A file that fails to parse, or a process killed
 * half-way, leaves the store as it was before that file; running the import again completes it.
 */
import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, openSync, readSync, closeSync, statSync, existsSync, writeFileSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Transform } from 'node:stream';
import { classify } from '../domain/collection/classifier/index.js';
import type { Label, NewEvent, Span } from '../domain/collection/types.js';
import { detectFormat, parseAny } from '../import/index.js';
import type { FormatId } from '../import/types.js';
import * as repo from '../store/repo.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import { EvidenceWriter, eventPayload } from './evidence.js';
import { refreshDerived } from './derived.js';

export interface ImportFileResult {
  file: string;
  format: FormatId;
  importId: number;
  records: number;
  events: number;
  eventsAdded: number;
  contacts: number;
  contactsAdded: number;
  attachments: number;
  collection: number;
}

export interface ImportProgressInfo {
  file: string;
  bytesRead: number;
  bytesTotal: number;
  records: number;
}

const BATCH = 2000;

/** Labels for an event's text: only messages the borrower received (or a contact received) can be collection. */
export function labelEvent(e: NewEvent): { labels: Label[]; spans: Partial<Record<Label, Span[]>> } {
  if (!e.text || e.direction === 'out' || (e.kind !== 'sms' && e.kind !== 'im' && e.kind !== 'letter' && e.kind !== 'visit' && e.kind !== 'third_party_report')) {
    return { labels: [], spans: {} };
  }
  const to = e.recipient ?? (e.kind === 'third_party_report' ? 'third_party' : 'debtor');
  const c = classify(e.text, to);
  return { labels: c.labels, spans: c.spans };
}

export function attachmentPath(dataDir: string, sha256: string): string {
  return join(dataDir, 'attachments', sha256.slice(0, 2), sha256);
}

/** Content-addressed write: a temp name, then rename; an existing file is left as it is. */
export function storeAttachmentBytes(dataDir: string, sha256: string, bytes: Buffer): void {
  const p = attachmentPath(dataDir, sha256);
  if (existsSync(p)) return;
  mkdirSync(join(dataDir, 'attachments', sha256.slice(0, 2)), { recursive: true });
  const tmp = `${p}.tmp-${process.pid}`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, p);
}

function readHead(path: string, n = 64 * 1024): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const got = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

export async function importFile(ctx: AppContext, path: string, onProgress?: (p: ImportProgressInfo) => void, signal?: AbortSignal): Promise<ImportFileResult> {
  const file = basename(path);
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new AppError('BAD_INPUT', `${path}: 不是文件 not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('NOT_FOUND', `${path}: 找不到文件 file not found`);
  }
  if (size === 0) throw new AppError('BAD_INPUT', `${file}: 文件是空的 the file is empty`);
  const format = detectFormat(readHead(path), file);
  const importId = await repo.startImport(ctx.store.db, ctx.caseId, file, format, size, ctx.now());
  const hash = createHash('sha256');
  let bytesRead = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      bytesRead += chunk.length;
      cb(null, chunk);
    },
  });
  const stream = createReadStream(path, { highWaterMark: 1 << 20 }).pipe(counter);
  const res: ImportFileResult = { file, format, importId, records: 0, events: 0, eventsAdded: 0, contacts: 0, contactsAdded: 0, attachments: 0, collection: 0 };
  let lastReport = 0;
  const report = (force = false) => {
    const now = Date.now();
    if (!onProgress || (!force && now - lastReport < 200)) return;
    lastReport = now;
    onProgress({ file, bytesRead, bytesTotal: size, records: res.records });
  };
  try {
    await ctx.store.db.transaction().execute(async (trx) => {
      const evidence = new EvidenceWriter(trx, ctx.caseId, ctx.store);
      let batch: NewEvent[] = [];
      // Only metadata waits for the end of the file; the bytes go to the content-addressed store at once,
      // so memory stays flat however many MMS images a backup holds.
      const pendingAttachments: { sha256: string; mime: string; name: string | null; size: number; eventKey: string | null }[] = [];
      const flush = async () => {
        if (!batch.length) return;
        const rows = batch.map((event) => ({ event, ...labelEvent(event), importId }));
        const ids = await repo.insertEvents(ctx.store, trx, ctx.caseId, rows, ctx.now());
        const now = ctx.now();
        for (let i = 0; i < rows.length; i++) {
          const id = ids[i];
          if (rows[i]!.labels.includes('collection')) res.collection++;
          if (id == null) continue;
          res.eventsAdded++;
          await evidence.append('event', eventPayload(rows[i]!.event, id, importId, file), now);
        }
        batch = [];
      };
      for await (const rec of parseAny(format, stream, { file, tz: ctx.tz, signal })) {
        if (signal?.aborted) throw new AppError('BAD_INPUT', `${file}: 导入已取消 import cancelled`);
        res.records++;
        if (rec.type === 'event') {
          res.events++;
          batch.push(rec.event);
          if (batch.length >= BATCH) await flush();
        } else if (rec.type === 'contact') {
          res.contacts++;
          const r = await repo.upsertContact(trx, ctx.caseId, rec.contact);
          if (r.added) {
            res.contactsAdded++;
            await evidence.append('contact', { contact_id: r.id, name: rec.contact.name, numbers: rec.contact.numbers, dedupe_key: rec.contact.dedupeKey, source: { import_id: importId, file } }, ctx.now());
          }
        } else if (rec.type === 'attachment') {
          res.attachments++;
          const a = rec.attachment;
          storeAttachmentBytes(ctx.dataDir, a.sha256, a.bytes);
          pendingAttachments.push({ sha256: a.sha256, mime: a.mime, name: a.name, size: a.bytes.length, eventKey: a.eventKey });
        }
        report();
      }
      await flush();
      for (const rec of pendingAttachments) {
        let eventId: number | null = null;
        if (rec.eventKey) {
          const row = await trx.selectFrom('events').select('id').where('case_id', '=', ctx.caseId).where('dedupe_key', '=', rec.eventKey).executeTakeFirst();
          eventId = row ? Number(row.id) : null;
        }
        const added = await repo.insertAttachment(trx, ctx.caseId, {
          sha256: rec.sha256, mime: rec.mime, size: rec.size, name: rec.name, source: 'import', claimedAt: null, receivedAt: ctx.now(), eventId, note: null,
        });
        if (added) {
          await evidence.append('attachment', { sha256: rec.sha256, size: rec.size, mime: rec.mime, name: rec.name ?? rec.sha256, source: 'import', claimed_at: null, event_id: eventId }, ctx.now());
        }
      }
      await evidence.flush();
    });
  } catch (e) {
    await repo.finishImport(ctx.store.db, importId, { status: 'failed', records: res.records, added: 0, error: (e as Error).message.slice(0, 500) }, ctx.now());
    throw e;
  }
  report(true);
  await repo.finishImport(ctx.store.db, importId, { status: 'done', records: res.records, added: res.eventsAdded + res.contactsAdded, error: null, sha256: hash.digest('hex') }, ctx.now());
  return res;
}

export interface ImportSummary {
  files: ImportFileResult[];
  failed: { file: string; error: string }[];
  collectors: number;
  contactsTouched: number;
}

/** Imports several files (each its own transaction), then regroups collectors and links contacts. */
export async function importFiles(ctx: AppContext, paths: string[], onProgress?: (p: ImportProgressInfo) => void): Promise<ImportSummary> {
  const files: ImportFileResult[] = [];
  const failed: { file: string; error: string }[] = [];
  for (const p of paths) {
    try {
      files.push(await importFile(ctx, p, onProgress));
    } catch (e) {
      failed.push({ file: p, error: (e as Error).message });
    }
  }
  const derived = await refreshDerived(ctx);
  return { files, failed, collectors: derived.collectors, contactsTouched: derived.contactsTouched };
}
