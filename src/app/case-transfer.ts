/**
 * Case transfer (issue 15): one encrypted file (.hxcase) with everything of one case, so that a borrower can hand
 * their case to a legal-aid organisation (local SQLite → the organisation's PostgreSQL) or move it between servers.
 * The format is in docs/case-transfer.md: HXSEAL1 under a passphrase (src/store/sealed.ts, scrypt + AES-256-GCM
 * chunks), holding a framed stream of rows and attachment bytes. Both directions stream: a case of a million
 * events never sits in memory, only one row (or one 1 MiB slice of an attachment) at a time.
 *
 * The import treats the file as hostile: frames and rows are bounded, only the tables below with columns the target
 * database has are accepted, attachments are content-addressed (their sha256 is re-computed, never used as a path
 * before it is checked), and the evidence chain is verified twice: as the file streams, and again from the new case's
 * rows before the transaction commits. Anything wrong rolls everything back, including attachment files it wrote.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream as fsWriteStream, openSync, readSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import { canonicalize } from '../domain/evidence/canonical.js';
import { ChainVerifier } from '../domain/evidence/chain.js';
import { BUNDLE_RECORD_LINE_MAX_BYTES } from '../domain/limits.js';
import { isValidTimeZone } from '../domain/time.js';
import { bulkWrite, type Store } from '../store/db.js';
import { migrations } from '../store/migrations/index.js';
import * as repo from '../store/repo.js';
import { attachmentsRoot, BlobError, FsBlobStore, type BlobStore } from '../store/blobs.js';
import { isSealedFile, SCRYPT_DEFAULT, SealError, sealStream, unsealStream, type ScryptParams } from '../store/sealed.js';
import { blobsOf } from './attachments.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import { rowToRecord } from './evidence.js';

export const CASE_FILE_SUFFIX = '.hxcase';
export const CASE_FILE_FORMAT = 'huxun-case/1';
/** First bytes of the plaintext inside the seal. */
const MAGIC = Buffer.from('HXCASE1\n', 'latin1');

/** One row (an event with a 1M-character message is ~3 MiB of JSON): the bound the bundle verifier uses for one record. */
export const CASE_FILE_ROW_MAX_BYTES = BUNDLE_RECORD_LINE_MAX_BYTES;
/** One slice of an attachment's bytes. */
const DATA_FRAME_BYTES = 1 << 20;
const MIN_PASSPHRASE = 6;
const MAX_PASSPHRASE = 1024;

const FRAME = { header: 0x48, row: 0x52, attachment: 0x41, data: 0x44, end: 0x45, trailer: 0x5a } as const;

/** Messages for the person, Chinese first. */
export const CASE_FILE_MESSAGES = {
  wrongPassphrase:
    '口令不对，打不开这个案件文件。请使用导出时设的口令（注意大小写、输入法和空格）。什么都没有导入。\n' +
    'The passphrase does not open this case file. Use the one set when it was exported (check case, input method and spaces). Nothing was imported.',
  damaged:
    '案件文件已损坏、不完整或被改动过，不能导入；什么都没有导入。请让对方重新导出一份再发送。\n' +
    'The case file is damaged, incomplete or was changed, so it cannot be imported; nothing was imported. Ask for a fresh export.',
  notCaseFile: '这不是护讯的案件文件（.hxcase）。This is not a Huxun case file (.hxcase).',
  newer: '这个案件文件来自更新版本的护讯，请先升级再导入。This case file comes from a newer version of Huxun: upgrade first.',
  tooLarge: `案件文件里有一条记录超过 ${CASE_FILE_ROW_MAX_BYTES / 2 ** 20} MiB，不能导入；什么都没有导入。A record in the case file is larger than ${CASE_FILE_ROW_MAX_BYTES / 2 ** 20} MiB; nothing was imported.`,
  chain:
    '案件文件里的证据链核验不通过（记录被改动、删除或调换过），不能导入；什么都没有导入。\n' +
    'The evidence chain in the case file does not verify (records were changed, removed or reordered); nothing was imported.',
};

/**
 * Every case-owned table (a case_id column) and how it travels, in file order: a table's references point only to
 * tables before it. `id`: the table has its own id, given anew on import (the file's id is kept only to remap
 * references). `refs`: columns holding another table's id. test/case-transfer.test.ts fails when a table with a
 * case_id column is in neither this list nor NOT_TRANSFERRED.
 */
interface TableSpec {
  name: string;
  /** Own id column remapped on import. 'lookup': too many rows to keep a map; found again by (at, dedupe_key). */
  id?: true | 'lookup';
  /** Export order: a unique column per case (keyset pages), or null for offset pages (small tables with a composite key). */
  key: string | null;
  /** Reference columns: table whose ids they hold; `required` ones must resolve, others become null (or 0 when NOT NULL) when dangling. */
  refs?: Record<string, { table: string; required?: boolean; notNull?: boolean }>;
}

export const CASE_TABLES: readonly TableSpec[] = [
  { name: 'loans', id: true, key: 'id' },
  { name: 'imports', id: true, key: 'id' },
  { name: 'contacts', id: true, key: 'id' },
  { name: 'contact_numbers', key: null, refs: { contact_id: { table: 'contacts', required: true } } },
  { name: 'collectors', id: true, key: 'id', refs: { loan_id: { table: 'loans' } } },
  { name: 'collector_numbers', key: 'number', refs: { collector_id: { table: 'collectors', required: true } } },
  { name: 'number_marks', key: 'number' },
  { name: 'events', id: 'lookup', key: 'id', refs: { contact_id: { table: 'contacts' }, collector_id: { table: 'collectors' }, loan_id: { table: 'loans' }, import_id: { table: 'imports' } } },
  // event_id is remapped through the event's (at, dedupe_key), carried beside the row; source 'contact:<id>' too.
  { name: 'attachments', key: 'sha256' },
  // The chain travels unchanged: seq, payload and hashes as stored (payloads keep the source's ids, as they must).
  { name: 'evidence', key: 'seq' },
  // Plan settings name loan ids (claims, order, adopted plan): rewritten on import.
  { name: 'settings', key: 'key' },
  { name: 'plan_payments', id: true, key: 'id', refs: { loan_id: { table: 'loans', notNull: true } } },
  { name: 'plan_agreements', id: true, key: 'id', refs: { loan_id: { table: 'loans', notNull: true } } },
  // parent_id may point forward (resolved after the table); lender_key 'loan:<id>' is rewritten.
  { name: 'complaints', id: true, key: 'id' },
];

/** Settings that are caches of derived data, rebuilt where the case goes: not exported. */
const DERIVED_SETTINGS = new Set(['org_report_digest']);

/** Case-owned tables that do not travel, and why. */
export const NOT_TRANSFERRED: Readonly<Record<string, string>> = {
  case_members: 'accounts of the server the case leaves; the importing server assigns its own staff',
  case_shares: 'who the case was shared with on the server it leaves',
  case_notes: "the staff's own work on the server it leaves, not the borrower's case",
  case_tasks: "the staff's own work on the server it leaves, not the borrower's case",
  audit_log: 'the record of the server it leaves (who read or changed the case there); append-only, it stays there',
  case_findings: 'derived: the findings made from the case, rebuilt where the case goes (src/app/findings.ts)',
  jobs: 'import jobs of the server or app it leaves (progress, results for the import page): nothing of the case itself',
};

export interface ExportProgress {
  table: string;
  rows: number;
  bytes: number;
}

export interface ExportCaseResult {
  bytes: number;
  events: number;
  evidence: number;
  attachments: number;
}

export interface ImportCaseOptions {
  ownerUserId: number | null;
  /** Name of the new case (default: the name in the file). */
  name?: string;
  now: number;
  /** The target data folder's file key (attachments are sealed with it when set). */
  fileKey?: Buffer | null;
  /** Where the new case's attachment bytes go (default: the data folder's FsBlobStore with fileKey). */
  blobs?: BlobStore;
}

export interface ImportCaseResult {
  caseId: number;
  events: number;
  evidence: number;
  attachments: number;
}

type Value = string | number | null;
type Row = Record<string, Value>;

function checkPassphrase(p: string): void {
  if (typeof p !== 'string' || p.length < MIN_PASSPHRASE) throw new AppError('BAD_INPUT', `案件文件口令至少 ${MIN_PASSPHRASE} 个字符 the case file passphrase needs at least ${MIN_PASSPHRASE} characters`);
  if (p.length > MAX_PASSPHRASE) throw new AppError('BAD_INPUT', `案件文件口令太长 the case file passphrase is too long (max ${MAX_PASSPHRASE})`);
}

/** Name of the newest migration this version knows: the file's schema, checked on import. */
function schemaVersion(): string {
  return Object.keys(migrations('sqlite')).sort().at(-1)!;
}

function frame(type: number, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head[0] = type;
  head.writeUInt32BE(body.length, 1);
  return Buffer.concat([head, body], 5 + body.length);
}

function jsonFrame(type: number, v: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(v), 'utf8');
  if (body.length > CASE_FILE_ROW_MAX_BYTES) throw new AppError('BAD_INPUT', CASE_FILE_MESSAGES.tooLarge);
  return frame(type, body);
}

function plainRow(r: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(r)) {
    if (k === 'case_id') continue;
    out[k] = v == null ? null : typeof v === 'bigint' ? Number(v) : (v as string | number);
  }
  return out;
}

// ------------------------------------------------------------------------------------------------- export

/**
 * Writes everything of ctx.caseId to outPath, sealed under passphrase. Reads inside one transaction so the rows and
 * the chain in the file are one consistent state of the case; written to a temp name and renamed at the end.
 */
export async function exportCaseFile(ctx: AppContext, outPath: string, passphrase: string, onProgress?: (p: ExportProgress) => void, opts: { scrypt?: ScryptParams } = {}): Promise<ExportCaseResult> {
  checkPassphrase(passphrase);
  const out = resolve(outPath);
  const tmp = join(dirname(out), `.${randomBytes(6).toString('hex')}.hxcase-part`);
  const counts: Record<string, number> = {};
  let bytes = 0;
  const run = async (db: Kysely<any>) => {
    const c = await db.selectFrom('cases').select(['name', 'tz', 'created_at']).where('id', '=', ctx.caseId).executeTakeFirst();
    if (!c) throw new AppError('NOT_FOUND', `案件 #${ctx.caseId} 不存在 case ${ctx.caseId} not found`);
    async function* frames(): AsyncGenerator<Buffer> {
      yield MAGIC;
      yield jsonFrame(FRAME.header, { format: CASE_FILE_FORMAT, schema: schemaVersion(), exported_at: ctx.now(), tables: ['cases', ...CASE_TABLES.map((t) => t.name)] });
      yield jsonFrame(FRAME.row, { t: 'cases', r: { name: c!.name, tz: c!.tz, created_at: Number(c!.created_at) } });
      counts.cases = 1;
      let head: string | null = null;
      for (const spec of CASE_TABLES) {
        let n = 0;
        for await (const r of pages(db, ctx.caseId, spec)) {
          // Derived data the receiving store rebuilds for itself (the organisation's report digest).
          if (spec.name === 'settings' && DERIVED_SETTINGS.has(String(r.key))) continue;
          const row = plainRow(r);
          if (spec.name === 'attachments') {
            const ref = row.event_id == null ? null : await eventRef(db, ctx.caseId, Number(row.event_id));
            yield jsonFrame(FRAME.row, ref ? { t: spec.name, r: row, event: ref } : { t: spec.name, r: row });
            yield* attachmentFrames(ctx, String(row.sha256), Number(row.size), row.name == null ? null : String(row.name));
          } else yield jsonFrame(FRAME.row, { t: spec.name, r: row });
          if (spec.name === 'evidence') head = String(row.hash);
          if (++n % 10_000 === 0) onProgress?.({ table: spec.name, rows: n, bytes });
        }
        counts[spec.name] = n;
        onProgress?.({ table: spec.name, rows: n, bytes });
      }
      yield jsonFrame(FRAME.trailer, { counts, evidence_head: head });
    }
    const src = Readable.from(frames());
    const counter = new Transform({
      transform(chunk: Buffer, _e, cb) {
        bytes += chunk.length;
        cb(null, chunk);
      },
    });
    await pipeline(src, sealStream({ passphrase, scrypt: opts.scrypt }), counter, fsWriteStream(tmp, { mode: 0o600, flags: 'wx' }) as Writable);
  };
  try {
    if (ctx.store.engine === 'postgres') await ctx.store.db.transaction().setIsolationLevel('repeatable read').execute((trx) => run(trx as unknown as Kysely<any>));
    else await ctx.store.db.transaction().execute((trx) => run(trx as unknown as Kysely<any>));
    renameSync(tmp, out);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return { bytes, events: counts.events ?? 0, evidence: counts.evidence ?? 0, attachments: counts.attachments ?? 0 };
}

const PAGE = 2000;

async function* pages(db: Kysely<any>, caseId: number, spec: TableSpec): AsyncGenerator<Record<string, unknown>> {
  if (spec.key == null) {
    // Composite keys (contact_numbers): ordered by every key column, offset pages; these tables hold thousands, not millions.
    for (let offset = 0; ; offset += PAGE) {
      const rows = await db.selectFrom(spec.name).selectAll().where('case_id', '=', caseId).orderBy('contact_id').orderBy('number').limit(PAGE).offset(offset).execute();
      yield* rows;
      if (rows.length < PAGE) return;
    }
  }
  const key = spec.key;
  let after: unknown = undefined;
  for (;;) {
    let q = db.selectFrom(spec.name).selectAll().where('case_id', '=', caseId);
    if (after !== undefined) q = q.where(key, '>', after);
    const rows = await q.orderBy(key).limit(PAGE).execute();
    yield* rows;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]![key];
  }
}

async function eventRef(db: Kysely<any>, caseId: number, eventId: number): Promise<{ at: number; key: string } | null> {
  const r = await db.selectFrom('events').select(['at', 'dedupe_key']).where('case_id', '=', caseId).where('id', '=', eventId).executeTakeFirst();
  return r ? { at: Number(r.at), key: String(r.dedupe_key) } : null;
}

async function* attachmentFrames(ctx: AppContext, sha256: string, size: number, name: string | null): AsyncGenerator<Buffer> {
  // The case's own row is being exported, so its blob is read directly (readAttachment would query outside the
  // export's transaction: on SQLite that waits for the one connection the transaction holds).
  const src = await blobsOf(ctx).openRead(ctx.caseId, sha256);
  if (!src) throw new AppError('CONFLICT', `附件文件缺失，请先运行 huxun evidence check an attachment file is missing (run huxun evidence check): ${name ?? sha256}`);
  yield jsonFrame(FRAME.attachment, { sha256, size });
  const h = createHash('sha256');
  let n = 0;
  for await (const chunk of src) {
    const b = chunk as Buffer;
    h.update(b);
    n += b.length;
    for (let off = 0; off < b.length; off += DATA_FRAME_BYTES) yield frame(FRAME.data, b.subarray(off, off + DATA_FRAME_BYTES));
  }
  // The import re-hashes every attachment: a file changed on disk would make the whole case file unimportable.
  if (n !== size || h.digest('hex') !== sha256) throw new AppError('CONFLICT', `附件文件已被改动，请先运行 huxun evidence check an attachment file was changed (run huxun evidence check): ${name ?? sha256}`);
  yield frame(FRAME.end, Buffer.alloc(0));
}

// ------------------------------------------------------------------------------------------------- import

class CaseFileError extends Error {
  constructor(
    readonly kind: keyof typeof CASE_FILE_MESSAGES,
    readonly detail: string,
  ) {
    super(`${CASE_FILE_MESSAGES[kind]} (${detail})`);
  }
}

function damaged(detail: string): CaseFileError {
  return new CaseFileError('damaged', detail);
}

interface Frame {
  type: number;
  body: Buffer;
}

/** Byte queue over the decrypted stream: takes exact sizes, never more than one frame's bytes at once. */
async function* readFrames(src: AsyncIterable<Buffer>): AsyncGenerator<Frame> {
  const parts: Buffer[] = [];
  let have = 0;
  const it = src[Symbol.asyncIterator]();
  let ended = false;
  const fill = async (n: number): Promise<boolean> => {
    while (have < n && !ended) {
      const r = await it.next();
      if (r.done) ended = true;
      else if (r.value.length) {
        parts.push(r.value);
        have += r.value.length;
      }
    }
    return have >= n;
  };
  const take = (n: number): Buffer => {
    const out = Buffer.allocUnsafe(n);
    let off = 0;
    while (off < n) {
      const p = parts[0]!;
      const k = Math.min(p.length, n - off);
      p.copy(out, off, 0, k);
      off += k;
      if (k === p.length) parts.shift();
      else parts[0] = p.subarray(k);
    }
    have -= n;
    return out;
  };
  if (!(await fill(MAGIC.length)) || !take(MAGIC.length).equals(MAGIC)) throw new CaseFileError('notCaseFile', 'no HXCASE1 magic');
  for (;;) {
    if (!(await fill(1))) return;
    if (!(await fill(5))) throw damaged('cut short in a frame header');
    const head = take(5);
    const type = head[0]!;
    const len = head.readUInt32BE(1);
    const max = type === FRAME.data ? DATA_FRAME_BYTES : type === FRAME.end ? 0 : CASE_FILE_ROW_MAX_BYTES;
    if (!(Object.values(FRAME) as number[]).includes(type)) throw damaged(`unknown frame type ${type}`);
    if (len > max) throw new CaseFileError(type === FRAME.data || type === FRAME.end ? 'damaged' : 'tooLarge', `frame of ${len} bytes`);
    if (!(await fill(len))) throw damaged('cut short in a frame');
    yield { type, body: take(len) };
  }
}

function parseJson(body: Buffer): Record<string, unknown> {
  let v: unknown;
  try {
    v = JSON.parse(body.toString('utf8'));
  } catch {
    throw damaged('a record is not JSON');
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw damaged('a record is not an object');
  return v as Record<string, unknown>;
}

function safeInt(v: unknown, what: string): number {
  if (!Number.isSafeInteger(v)) throw damaged(`${what} is not an integer`);
  return v as number;
}

/**
 * Imports a case file as a NEW case of store, in one transaction: rows get new ids (references remapped), attachment
 * bytes go to dataDir (re-hashed), and the new case's evidence chain is verified before the commit. Throws AppError
 * BAD_INPUT with a message for the person when the file is refused; nothing is left behind then.
 */
export async function importCaseFile(store: Store, dataDir: string, inputPath: string, passphrase: string, opts: ImportCaseOptions): Promise<ImportCaseResult> {
  if (typeof passphrase !== 'string' || !passphrase || passphrase.length > MAX_PASSPHRASE) throw new AppError('BAD_INPUT', CASE_FILE_MESSAGES.wrongPassphrase);
  let sealed: boolean;
  try {
    sealed = isSealedFile(inputPath);
  } catch {
    throw new AppError('NOT_FOUND', `${inputPath}: 找不到文件 file not found`);
  }
  if (!sealed) throw new AppError('BAD_INPUT', CASE_FILE_MESSAGES.notCaseFile);
  checkSealCost(inputPath);
  const columns = await targetColumns(store);
  const blobs = opts.blobs ?? new FsBlobStore(dataDir, () => opts.fileKey ?? null);
  const written: { caseId: number; sha256: string }[] = [];
  try {
    return await bulkWrite(store, (db) =>
      db.transaction().execute(async (trx) => {
        const src = pipelineSource(inputPath, passphrase);
        try {
          return await importFrames(store, trx as unknown as Kysely<any>, blobs, readFrames(src), columns, opts, written);
        } finally {
          src.destroy();
        }
      }),
    );
  } catch (e) {
    // The new case's blobs go with its rolled-back rows (the case is new: every blob of it was written here).
    for (const w of written) await blobs.delete(w.caseId, w.sha256).catch(() => undefined);
    if (!opts.blobs && written.length) removeEmptyDirs(dataDir, written[0]!.caseId);
    throw explain(e);
  }
}

/** The folders FsBlobStore made for a case that was rolled back, when empty (PostgreSQL never reuses the id). */
function removeEmptyDirs(dataDir: string, caseId: number): void {
  const dir = join(attachmentsRoot(dataDir), 'cases', String(caseId));
  for (let i = 0; i < 256; i++) {
    try {
      rmdirSync(join(dir, i.toString(16).padStart(2, '0')));
    } catch {
      // missing or not empty
    }
  }
  try {
    rmdirSync(dir);
  } catch {
    // not empty
  }
}

/**
 * The scrypt cost in the seal header is chosen by whoever made the file and paid before anything is authenticated.
 * sealed.ts accepts up to 1 GiB for files of the data folder; a server takes case files from anyone with an
 * account, so here the cost may be at most what the app itself writes (128 MiB, p = 1): a crafted header must not
 * take a server's memory or minutes of CPU per upload.
 */
const CASE_SCRYPT_MAX_BYTES = 128 * SCRYPT_DEFAULT.N * SCRYPT_DEFAULT.r;

function checkSealCost(path: string): void {
  const h = Buffer.alloc(12);
  const fd = openSync(path, 'r');
  try {
    if (readSync(fd, h, 0, 12, 0) !== 12) throw new AppError('BAD_INPUT', CASE_FILE_MESSAGES.damaged);
  } finally {
    closeSync(fd);
  }
  // Byte 8: 1 = sealed with a passphrase; 9–11: log2 N, r, p.
  if (h[8] !== 1) throw new AppError('BAD_INPUT', CASE_FILE_MESSAGES.notCaseFile);
  const logN = h[9]!, r = h[10]!, p = h[11]!;
  if (logN > 30 || r < 1 || p !== 1 || 128 * 2 ** logN * r > CASE_SCRYPT_MAX_BYTES) throw new AppError('BAD_INPUT', CASE_FILE_MESSAGES.damaged, { reason: 'damaged', detail: 'scrypt cost above what Huxun writes' });
}

function pipelineSource(path: string, passphrase: string): Readable {
  const t = unsealStream({ passphrase });
  const f = createReadStream(path, { highWaterMark: 1 << 20 });
  f.on('error', (e) => t.destroy(e));
  f.pipe(t);
  return t;
}

function explain(e: unknown): unknown {
  if (e instanceof AppError) return e;
  if (e instanceof BlobError) return new AppError('BAD_INPUT', CASE_FILE_MESSAGES.damaged, { reason: 'damaged', detail: e.message });
  if (e instanceof CaseFileError) return new AppError('BAD_INPUT', CASE_FILE_MESSAGES[e.kind], { reason: e.kind, detail: e.detail });
  if (e instanceof SealError) {
    if (e.code === 'BAD_PASSPHRASE') return new AppError('BAD_INPUT', CASE_FILE_MESSAGES.wrongPassphrase, { reason: 'wrongPassphrase' });
    if (e.code === 'SEAL_DAMAGED') return new AppError('BAD_INPUT', CASE_FILE_MESSAGES.damaged, { reason: 'damaged', detail: e.message });
    return new AppError('BAD_INPUT', CASE_FILE_MESSAGES.notCaseFile, { reason: 'notCaseFile', detail: e.message });
  }
  // A constraint the rows break (a repeated key, a missing NOT NULL value): the file is not one this app wrote.
  const msg = String((e as Error)?.message ?? e);
  if (/constraint|violates|not null|unique|duplicate|foreign key|syntax|no such column|does not exist|datatype mismatch/i.test(msg)) {
    return new AppError('BAD_INPUT', CASE_FILE_MESSAGES.damaged, { reason: 'damaged', detail: msg });
  }
  return e;
}

/** Columns of every case-owned table in the target database: a file column not among them is refused. */
async function targetColumns(store: Store): Promise<Map<string, Map<string, ColumnKind>>> {
  const tables = await store.db.introspection.getTables();
  const out = new Map<string, Map<string, ColumnKind>>();
  for (const t of tables) out.set(t.name, new Map(t.columns.map((c) => [c.name, columnKind(c.dataType)])));
  return out;
}

type ColumnKind = 'int' | 'text' | 'other';

/** SQLite stores whatever it is given in any column: the value's type is checked against the column's declared one. */
function columnKind(dataType: string): ColumnKind {
  const t = dataType.toLowerCase();
  if (/int/.test(t)) return 'int';
  if (/text|char/.test(t)) return 'text';
  return 'other';
}

/** Names of the tables with a case_id column in a store (what CASE_TABLES and NOT_TRANSFERRED must cover). */
export async function caseOwnedTables(store: Store): Promise<string[]> {
  const cols = await targetColumns(store);
  return [...cols].filter(([n, c]) => c.has('case_id') && !n.startsWith('kysely_')).map(([n]) => n).sort();
}

type IdMap = Map<number, number>;

const CASE_COLUMNS = new Map<string, ColumnKind>([['name', 'text'], ['tz', 'text'], ['created_at', 'int']]);

interface Writer {
  insert(table: string, row: Row, wantId: boolean): Promise<number | null>;
  flush(): Promise<void>;
}

/** SQLite: prepared statements on the transaction's connection (as the phone import does); PostgreSQL: batched inserts. */
function makeWriter(store: Store, db: Kysely<any>): Writer {
  if (store.sqlite) {
    const sqlite = store.sqlite;
    const stmts = new Map<string, { run: (...a: unknown[]) => { lastInsertRowid: number | bigint } }>();
    return {
      async insert(table, row) {
        const cols = Object.keys(row);
        const k = `${table}\u0000${cols.join(',')}`;
        let s = stmts.get(k);
        if (!s) {
          s = sqlite.prepare(`insert into "${table}" (${cols.map((c) => `"${c}"`).join(',')}) values (${cols.map(() => '?').join(',')})`) as unknown as typeof s;
          stmts.set(k, s!);
        }
        return Number(s!.run(...cols.map((c) => row[c])).lastInsertRowid);
      },
      async flush() {},
    };
  }
  let pending: { table: string; rows: Row[] } | null = null;
  const flush = async () => {
    if (!pending || !pending.rows.length) return;
    const { table, rows } = pending;
    pending = null;
    await db.insertInto(table).values(rows).execute();
  };
  return {
    async insert(table, row, wantId) {
      if (wantId) {
        await flush();
        const r = await db.insertInto(table).values(row).returning('id').executeTakeFirstOrThrow();
        return Number((r as { id: unknown }).id);
      }
      if (pending && (pending.table !== table || pending.rows.length >= 250 || Object.keys(pending.rows[0]!).join() !== Object.keys(row).join())) await flush();
      pending ??= { table, rows: [] };
      pending.rows.push(row);
      return null;
    },
    flush,
  };
}

async function importFrames(
  store: Store,
  db: Kysely<any>,
  blobs: BlobStore,
  frames: AsyncGenerator<Frame>,
  columns: Map<string, Map<string, ColumnKind>>,
  opts: ImportCaseOptions,
  written: { caseId: number; sha256: string }[],
): Promise<ImportCaseResult> {
  const order = ['cases', ...CASE_TABLES.map((t) => t.name)];
  const specs = new Map(CASE_TABLES.map((t) => [t.name, t]));
  const maps = new Map<string, IdMap>(CASE_TABLES.filter((t) => t.id === true).map((t) => [t.name, new Map()]));
  const counts: Record<string, number> = {};
  const chain = new ChainVerifier();
  const writer = makeWriter(store, db);
  const parentsLater: { id: number; oldParent: number }[] = [];
  let caseId: number | null = null;
  let tableIndex = -1;
  let header = false;
  let trailer: Record<string, unknown> | null = null;
  /** The attachment row whose bytes must come next. */
  let awaiting: { sha256: string; size: number } | null = null;
  let evidenceBatch: repo.EvidenceRow[] = [];

  const flushEvidence = async () => {
    if (!evidenceBatch.length) return;
    const rows = evidenceBatch;
    evidenceBatch = [];
    if (store.sqlite) repo.appendEvidenceRowsSqlite(store.sqlite, caseId!, rows);
    else await repo.appendEvidenceRows(db, caseId!, rows);
  };

  const mapRef = (spec: TableSpec, col: string, v: Value): Value => {
    const ref = spec.refs![col]!;
    if (v == null) return null;
    const to = maps.get(ref.table)!.get(safeInt(v, `${spec.name}.${col}`));
    if (to != null) return to;
    if (ref.required) throw damaged(`${spec.name}.${col} names a missing ${ref.table} row`);
    // Dangling in the source too (a deleted loan): it stays pointing at nothing in the new case.
    return ref.notNull ? 0 : null;
  };

  for await (const f of frames) {
    if (trailer) throw damaged('data after the end');
    if (!header) {
      if (f.type !== FRAME.header) throw damaged('no header');
      const h = parseJson(f.body);
      if (h.format !== CASE_FILE_FORMAT) throw new CaseFileError('notCaseFile', `format ${String(h.format)}`);
      if (typeof h.schema !== 'string' || !(h.schema in migrations(store.engine))) throw new CaseFileError('newer', `schema ${String(h.schema)}`);
      header = true;
      continue;
    }
    if (awaiting) {
      if (f.type !== FRAME.attachment) throw damaged('attachment bytes missing');
      const a = parseJson(f.body);
      if (a.sha256 !== awaiting.sha256 || a.size !== awaiting.size) throw damaged('attachment bytes do not belong to the row before');
      written.push({ caseId: caseId!, sha256: awaiting.sha256 });
      await receiveAttachment(frames, blobs, caseId!, awaiting);
      awaiting = null;
      continue;
    }
    if (f.type === FRAME.trailer) {
      trailer = parseJson(f.body);
      continue;
    }
    if (f.type !== FRAME.row) throw damaged(`unexpected frame ${f.type}`);
    const rec = parseJson(f.body);
    const t = rec.t;
    const idx = typeof t === 'string' ? order.indexOf(t) : -1;
    if (idx < 0) throw damaged(`unknown table ${String(t)}`);
    if (idx < tableIndex) throw damaged(`table ${t} out of order`);
    if (idx > tableIndex) {
      await writer.flush();
      await flushEvidence();
      tableIndex = idx;
    }
    const table = t as string;
    const raw = rec.r;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw damaged(`${table}: row is not an object`);
    const row: Row = {};
    const known = table === 'cases' ? CASE_COLUMNS : columns.get(table);
    if (!known) throw damaged(`table ${table} is not in this database`);
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      const kind = known.get(k);
      if (!kind || k === 'case_id') throw damaged(`unknown column ${table}.${k}`);
      if (v !== null) {
        if (kind === 'int' ? !Number.isSafeInteger(v) : kind === 'text' ? typeof v !== 'string' : typeof v !== 'string' && !(typeof v === 'number' && Number.isFinite(v))) {
          throw damaged(`${table}.${k}: a value of the wrong type`);
        }
      }
      row[k] = v as Value;
    }
    counts[table] = (counts[table] ?? 0) + 1;

    if (table === 'cases') {
      if (counts.cases! > 1) throw damaged('more than one case');
      const tz = String(row.tz ?? '');
      if (!isValidTimeZone(tz)) throw damaged(`time zone ${tz}`);
      const name = (opts.name ?? String(row.name ?? '')).trim() || '案件';
      caseId = await repo.createCase(db, name.slice(0, 200), tz, opts.now, opts.ownerUserId);
      continue;
    }
    if (caseId == null) throw damaged('rows before the case');
    const spec = specs.get(table)!;
    const oldId = spec.id ? safeInt(row.id, `${table}.id`) : null;
    let laterParent: number | null = null;
    delete row.id;
    for (const col of Object.keys(spec.refs ?? {})) if (col in row) row[col] = mapRef(spec, col, row[col]!);

    if (table === 'attachments') {
      const sha = row.sha256;
      if (typeof sha !== 'string' || !/^[0-9a-f]{64}$/.test(sha)) throw damaged('attachment sha256');
      const size = safeInt(row.size, 'attachments.size');
      if (size < 0) throw damaged('attachment size');
      row.event_id = await newEventId(db, caseId, rec.event);
      if (typeof row.source === 'string' && row.source.startsWith('contact:')) {
        const c = maps.get('contacts')!.get(Number(row.source.slice(8)));
        row.source = c != null ? `contact:${c}` : 'user';
      }
      awaiting = { sha256: sha, size };
    } else if (table === 'evidence') {
      const r = { seq: row.seq, kind: row.kind, at_received: row.received_at, prev_hash: row.prev_hash, hash: row.hash, payload: null as unknown };
      if (typeof row.payload !== 'string') throw damaged('evidence payload');
      try {
        r.payload = JSON.parse(row.payload);
      } catch {
        throw new CaseFileError('chain', `record ${String(row.seq)}: payload is not JSON`);
      }
      // The stored text must be the canonical one the hash covers, byte for byte.
      if (canonicalize(r.payload as never) !== row.payload) throw new CaseFileError('chain', `record ${String(row.seq)}: payload not canonical`);
      const bad = chain.push(r);
      if (bad) throw new CaseFileError('chain', bad.message);
      evidenceBatch.push({ seq: row.seq as number, kind: row.kind as string, receivedAt: row.received_at as number, payload: row.payload, prevHash: row.prev_hash as string, hash: row.hash as string });
      if (evidenceBatch.length >= 500) await flushEvidence();
      continue;
    } else if (table === 'settings') {
      if (typeof row.key === 'string' && typeof row.value === 'string') row.value = remapSetting(row.key, row.value, maps.get('loans')!);
    } else if (table === 'complaints') {
      if (typeof row.lender_key === 'string' && row.lender_key.startsWith('loan:')) {
        const l = maps.get('loans')!.get(Number(row.lender_key.slice(5)));
        row.lender_key = l != null ? `loan:${l}` : null;
      }
      if (row.parent_id != null) {
        const old = safeInt(row.parent_id, 'complaints.parent_id');
        const p = maps.get('complaints')!.get(old);
        if (p == null) laterParent = old;
        row.parent_id = p ?? null;
      }
    }
    row.case_id = caseId;
    const newId = await writer.insert(table, row, spec.id === true);
    if (spec.id === true) {
      const m = maps.get(table)!;
      if (m.has(oldId!)) throw damaged(`${table}: id ${oldId} twice`);
      m.set(oldId!, newId!);
      if (laterParent != null) parentsLater.push({ id: newId!, oldParent: laterParent });
    }
  }
  if (awaiting) throw damaged('cut short before attachment bytes');
  if (!trailer) throw damaged('cut short: no end record');
  await writer.flush();
  await flushEvidence();
  if (caseId == null) throw damaged('no case');
  for (const p of parentsLater) {
    const to = maps.get('complaints')!.get(p.oldParent);
    if (to != null) await db.updateTable('complaints').set({ parent_id: to }).where('case_id', '=', caseId).where('id', '=', p.id).execute();
  }
  const expected = trailer.counts as Record<string, unknown> | undefined;
  if (!expected || typeof expected !== 'object') throw damaged('end record');
  for (const t of order) if ((expected[t] ?? 0) !== (counts[t] ?? 0)) throw damaged(`${t}: ${counts[t] ?? 0} rows, ${String(expected[t])} expected`);
  const streamed = chain.finish();
  if (!streamed.ok) throw new CaseFileError('chain', streamed.message);
  if ((trailer.evidence_head ?? null) !== (streamed.count ? streamed.head : null)) throw new CaseFileError('chain', 'head differs from the end record');
  // Again from the rows as stored in the new case (what `huxun evidence check` will read), before the commit.
  const stored = new ChainVerifier({ expectedCount: streamed.count, expectedHead: streamed.head });
  for await (const r of repo.iterateEvidence(db, caseId)) if (stored.push(rowToRecord(r))) break;
  const res = stored.finish();
  if (!res.ok) throw new CaseFileError('chain', `stored: ${res.message}`);
  return { caseId, events: counts.events ?? 0, evidence: counts.evidence ?? 0, attachments: counts.attachments ?? 0 };
}

async function newEventId(db: Kysely<any>, caseId: number, ref: unknown): Promise<number | null> {
  if (ref == null) return null;
  const r = ref as { at?: unknown; key?: unknown };
  if (typeof r !== 'object' || !Number.isSafeInteger(r.at) || typeof r.key !== 'string') throw damaged('attachment event reference');
  const e = await db.selectFrom('events').select('id').where('case_id', '=', caseId).where('at', '=', r.at as number).where('dedupe_key', '=', r.key).executeTakeFirst();
  return e ? Number(e.id) : null;
}

/** Streams one attachment's data frames into the new case's blob store, which re-hashes them against the row's sha256. */
async function receiveAttachment(frames: AsyncGenerator<Frame>, blobs: BlobStore, caseId: number, a: { sha256: string; size: number }): Promise<void> {
  let n = 0;
  let ended = false;
  let failure: unknown = null;
  // A problem in the file ends the byte stream normally and is thrown afterwards: an error thrown into the blob
  // store's pipeline could leave its temp file behind (the file may open after the pipeline has given up on it).
  async function* data(): AsyncGenerator<Buffer> {
    try {
      for (;;) {
        const r = await frames.next();
        if (r.done) throw damaged('cut short in attachment bytes');
        if (r.value.type === FRAME.end) {
          ended = true;
          return;
        }
        if (r.value.type !== FRAME.data) throw damaged('unexpected frame in attachment bytes');
        n += r.value.body.length;
        if (n > a.size) throw damaged('attachment longer than its size');
        yield r.value.body;
      }
    } catch (e) {
      failure = e;
    }
  }
  try {
    await blobs.put(caseId, a.sha256, Readable.from(data()));
  } catch (e) {
    throw failure ?? e;
  }
  if (failure) throw failure;
  if (!ended || n !== a.size) throw damaged(`attachment ${a.sha256.slice(0, 12)}… is not its recorded size`);
}

/** Plan settings name loan ids (src/app/plan.ts): claims by loan, the chosen order, the adopted plan. */
function remapSetting(key: string, value: string, loans: IdMap): string {
  const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x) => loans.has(Number(x))).map((x) => loans.get(Number(x))!) : v);
  try {
    if (key === 'plan_claims') {
      const o = JSON.parse(value) as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(o ?? {})) if (loans.has(Number(k))) out[String(loans.get(Number(k)))] = v;
      return JSON.stringify(out);
    }
    if (key === 'plan_choice') {
      const o = JSON.parse(value) as Record<string, unknown>;
      return JSON.stringify({ ...o, order: ids(o.order), pay_claimed: ids(o.pay_claimed) });
    }
    if (key === 'plan_adopted') {
      const o = JSON.parse(value) as { options?: Record<string, unknown>; lenders?: { loan: number }[] } | null;
      if (!o) return value;
      return JSON.stringify({
        ...o,
        options: o.options ? { ...o.options, order: ids(o.options.order), pay_claimed: ids(o.options.pay_claimed) } : o.options,
        lenders: Array.isArray(o.lenders) ? o.lenders.filter((l) => loans.has(Number(l.loan))).map((l) => ({ ...l, loan: loans.get(Number(l.loan))! })) : o.lenders,
      });
    }
  } catch {
    // Not JSON in the source either: the plan code falls back to its defaults for it.
  }
  return value;
}
