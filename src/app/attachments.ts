/**
 * Attachments (recordings, screenshots, PDFs, photos): stored per case by sha256 through the case's BlobStore
 * (src/store/blobs.ts), recorded in the evidence chain with when the app received them, separately from what the
 * item says its date is. Bytes are read only through readAttachment, which asks the case's own `attachments` row
 * first: a case never reaches another case's file by its hash.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { parseDateTime } from '../domain/time.js';
import { FsBlobStore, type BlobStore } from '../store/blobs.js';
import * as repo from '../store/repo.js';
import { SealError } from '../store/sealed.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import { recordEvidence } from './evidence.js';
import type { AttachmentView, StoredAttachmentView } from '../shared/views.js';
export type { AttachmentView } from '../shared/views.js';

/**
 * The attachment store of a context: the one it carries (an object store, docs/scaling.md), else the data folder's.
 * The file key is read at each use: setting or removing the passphrase changes ctx.fileKey while the app runs.
 */
export function blobsOf(ctx: AppContext): BlobStore {
  return ctx.blobs ?? new FsBlobStore(ctx.dataDir, () => ctx.fileKey);
}

/**
 * The plaintext of one of the case's attachments. NOT_FOUND unless this case recorded it (its own row), whatever
 * files exist: another case's sha256 names nothing here.
 */
export async function readAttachment(ctx: AppContext, sha256: string): Promise<Readable> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('BAD_INPUT', 'sha256: expected 64 hex digits');
  const row = await ctx.store.db.selectFrom('attachments').select('sha256').where('case_id', '=', ctx.caseId).where('sha256', '=', sha256).executeTakeFirst();
  const s = row ? await blobsOf(ctx).openRead(ctx.caseId, sha256) : null;
  if (!s) throw new AppError('NOT_FOUND', `附件不存在 attachment not found: ${sha256.slice(0, 12)}…`);
  return s;
}

/** sha256 of no bytes: an empty upload is refused, and its blob removed unless it was there before. */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const MIME: Record<string, string> = {
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.heic': 'image/heic',
  '.pdf': 'application/pdf', '.mp3': 'audio/mpeg', '.m4a': 'audio/mp4', '.amr': 'audio/amr', '.wav': 'audio/wav', '.aac': 'audio/aac', '.ogg': 'audio/ogg',
  '.mp4': 'video/mp4', '.txt': 'text/plain', '.zip': 'application/zip', '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function guessMime(name: string): string {
  return MIME[extname(name).toLowerCase()] ?? 'application/octet-stream';
}

/** A date written in a file name by phones and recorders: 20240612_074213, 2024-06-12 07.42.13, Screenshot_20240612-074213. */
export function claimedDateFromName(name: string, tz: string): number | null {
  const m = /(20\d{2})[-_.]?(\d{2})[-_.]?(\d{2})[-_ T]?(\d{2})[-_.:]?(\d{2})[-_.:]?(\d{2})/.exec(name) ?? /(20\d{2})[-_.]?(\d{2})[-_.]?(\d{2})/.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  return parseDateTime(`${y}-${mo}-${d}${h ? ` ${h}:${mi}:${s}` : ''}`, tz);
}

export interface AddAttachmentInput {
  name: string;
  stream: Readable;
  eventId?: number | null;
  note?: string | null;
  /** 'user', or 'contact:<id>' for a screenshot a contact forwarded. */
  source?: string;
  claimedAt?: string | null;
}


export async function addAttachment(ctx: AppContext, input: AddAttachmentInput): Promise<AttachmentView> {
  const source = input.source ?? 'user';
  if (!/^(user|import|contact:\d+)$/.test(source)) throw new AppError('BAD_INPUT', `source: expected user or contact:<id>, got ${JSON.stringify(source)}`);
  if (source.startsWith('contact:')) {
    const id = Number(source.slice(8));
    if (!(await repo.listContacts(ctx.store.db, ctx.caseId)).some((c) => c.id === id)) throw new AppError('NOT_FOUND', `联系人 #${id} 不存在 contact ${id} not found`);
  }
  if (input.eventId != null && !(await repo.getEvent(ctx.store.db, ctx.caseId, input.eventId))) {
    throw new AppError('NOT_FOUND', `事件 #${input.eventId} 不存在 event ${input.eventId} not found`);
  }
  let claimedAt: number | null = null;
  if (input.claimedAt) {
    claimedAt = parseDateTime(input.claimedAt, ctx.tz);
    if (claimedAt == null) throw new AppError('BAD_INPUT', `claimed_at: expected YYYY-MM-DD[ HH:MM], got ${JSON.stringify(input.claimedAt)}`);
  } else claimedAt = claimedDateFromName(input.name, ctx.tz);

  // The hash and size are of the plaintext (what the chain records and bundles carry); with a file key the bytes
  // reach the disk sealed (src/store/sealed.ts), mode 0600 either way. An interrupted upload leaves nothing.
  const blobs = blobsOf(ctx);
  const hadEmpty = await blobs.has(ctx.caseId, EMPTY_SHA256);
  const { sha256, size } = await blobs.add(ctx.caseId, input.stream);
  if (size === 0) {
    if (!hadEmpty) await blobs.delete(ctx.caseId, sha256);
    throw new AppError('BAD_INPUT', `${input.name}: 文件是空的 the file is empty`);
  }
  const name = basename(input.name);
  const mime = guessMime(name);
  const receivedAt = ctx.now();
  const added = await ctx.store.db.transaction().execute(async (trx) => {
    const ok = await repo.insertAttachment(trx, ctx.caseId, { sha256, mime, size, name, source, claimedAt, receivedAt, eventId: input.eventId ?? null, note: input.note ?? null });
    if (ok) {
      await recordEvidence(ctx, trx, 'attachment', {
        sha256, size, mime, name, source, claimed_at: claimedAt, event_id: input.eventId ?? null, note: input.note ?? null,
      });
    }
    return ok;
  });
  return { sha256, name, mime, size, source, received_at: receivedAt, claimed_at: claimedAt, event_id: input.eventId ?? null, note: input.note ?? null, added };
}

export async function addAttachmentFile(ctx: AppContext, path: string, opts: Omit<AddAttachmentInput, 'name' | 'stream'>): Promise<AttachmentView> {
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
  } catch {
    throw new AppError('NOT_FOUND', `${path}: 找不到文件 file not found`);
  }
  return addAttachment(ctx, { ...opts, name: basename(path), stream: createReadStream(path) });
}

/** The case's attachments in the shape GET /api/evidence and POST /api/evidence both use (src/shared/views.ts). */
export async function listAttachmentViews(ctx: AppContext): Promise<StoredAttachmentView[]> {
  return (await repo.listAttachments(ctx.store.db, ctx.caseId)).map((a) => ({
    sha256: a.sha256, name: a.name, mime: a.mime, size: a.size, source: a.source,
    received_at: a.receivedAt, claimed_at: a.claimedAt, event_id: a.eventId, note: a.note,
  }));
}

/** Re-hashes every stored attachment file against its recorded sha256. */
export async function checkAttachmentFiles(ctx: AppContext): Promise<{ ok: boolean; checked: number; bad: { sha256: string; name: string | null; problem: string }[] }> {
  const bad: { sha256: string; name: string | null; problem: string }[] = [];
  const list = await repo.listAttachments(ctx.store.db, ctx.caseId);
  const blobs = blobsOf(ctx);
  for (const a of list) {
    const stream = await blobs.openRead(ctx.caseId, a.sha256);
    if (!stream) {
      bad.push({ sha256: a.sha256, name: a.name, problem: 'missing' });
      continue;
    }
    const h = createHash('sha256');
    try {
      // Sealed or plain (files are converted one by one when a passphrase is set or removed): the plaintext is hashed.
      await pipeline(stream, new Transform({ transform(c: Buffer, _e, cb) { h.update(c); cb(); } }));
    } catch (e) {
      if (!(e instanceof SealError)) throw e;
      // A sealed file that does not open is as good as changed; a wrong or missing key is said as such.
      bad.push({ sha256: a.sha256, name: a.name, problem: e.code === 'SEAL_DAMAGED' ? 'changed' : `unreadable: ${e.message}` });
      continue;
    }
    if (h.digest('hex') !== a.sha256) bad.push({ sha256: a.sha256, name: a.name, problem: 'changed' });
  }
  return { ok: bad.length === 0, checked: list.length, bad };
}
