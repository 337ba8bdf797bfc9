/**
 * Attachments (recordings, screenshots, PDFs, photos): stored by sha256 in the data folder,
 * recorded in the evidence chain with when the app received them, separately from what the
 * item says its date is.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { parseDateTime } from '../domain/time.js';
import * as repo from '../store/repo.js';
import { createWriteStream, openReadStream, SealError, settleSealedWrite } from '../store/sealed.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import { recordEvidence } from './evidence.js';
import { attachmentPath } from './import-prepare.js';

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

export interface AttachmentView {
  sha256: string;
  name: string | null;
  mime: string;
  size: number;
  source: string;
  received_at: number;
  claimed_at: number | null;
  event_id: number | null;
  note: string | null;
  added: boolean;
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

  mkdirSync(join(ctx.dataDir, 'attachments'), { recursive: true, mode: 0o700 });
  const tmp = join(ctx.dataDir, 'attachments', `.incoming-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const hash = createHash('sha256');
  let size = 0;
  try {
    // The hash and size are of the plaintext (what the chain records and bundles carry); with a file key the
    // bytes reach the disk sealed (src/store/sealed.ts), mode 0600 either way.
    await pipeline(
      input.stream,
      new Transform({
        transform(chunk: Buffer, _e, cb) {
          hash.update(chunk);
          size += chunk.length;
          cb(null, chunk);
        },
      }),
      createWriteStream(tmp, ctx.fileKey),
    );
  } catch (e) {
    // An interrupted upload must not leave its bytes behind in the data folder.
    rmSync(tmp, { force: true });
    throw e;
  }
  if (size === 0) {
    rmSync(tmp, { force: true });
    throw new AppError('BAD_INPUT', `${input.name}: 文件是空的 the file is empty`);
  }
  const sha256 = hash.digest('hex');
  const final = attachmentPath(ctx.dataDir, sha256);
  if (existsSync(final)) rmSync(tmp, { force: true });
  else {
    mkdirSync(join(ctx.dataDir, 'attachments', sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
    renameSync(tmp, final);
    // No await between the rename and this: a passphrase removed meanwhile must not strand a sealed file.
    settleSealedWrite(ctx.dataDir, final, ctx.fileKey);
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

export async function listAttachmentViews(ctx: AppContext) {
  return repo.listAttachments(ctx.store.db, ctx.caseId);
}

/** Re-hashes every stored attachment file against its recorded sha256. */
export async function checkAttachmentFiles(ctx: AppContext): Promise<{ ok: boolean; checked: number; bad: { sha256: string; name: string | null; problem: string }[] }> {
  const bad: { sha256: string; name: string | null; problem: string }[] = [];
  const list = await repo.listAttachments(ctx.store.db, ctx.caseId);
  for (const a of list) {
    const p = attachmentPath(ctx.dataDir, a.sha256);
    if (!existsSync(p)) {
      bad.push({ sha256: a.sha256, name: a.name, problem: 'missing' });
      continue;
    }
    const h = createHash('sha256');
    try {
      // Sealed or plain (files are converted one by one when a passphrase is set or removed): the plaintext is hashed.
      await pipeline(openReadStream(p, ctx.fileKey), new Transform({ transform(c: Buffer, _e, cb) { h.update(c); cb(); } }));
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
