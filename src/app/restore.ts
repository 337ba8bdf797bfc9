/**
 * Backup, restore and rollback of the local database, built so that no step can lose data:
 *
 * - An upload is streamed to a private temp folder inside the data folder (never held in memory), then
 *   opened there and checked (integrity, Huxun's schema and a known migration level, the evidence chain)
 *   before it is staged as `huxun.db.restore`. Any failure removes the temp folder; the live database is
 *   never touched while the app runs (it keeps its file open).
 * - The staged copy is brought to the running database's key: encrypted with the current passphrase when
 *   there is one (so the passphrase keeps working after the restart and the copy is not plaintext at rest),
 *   plaintext otherwise.
 * - At the next open, before the store opens, the current database is opened with its passphrase and its
 *   WAL checkpointed into the main file, then renamed to `huxun.db.before-restore-<ms>`; if it cannot be
 *   opened, the database, -wal and -shm are copied together under that name instead. Only then is the staged
 *   copy renamed into place (renames only, folder fsynced). A before-restore copy is the SQLCipher file
 *   itself, so it stays encrypted when the database was.
 * - `listRestorePoints` and `stageRollback` make going back one click: a before-restore copy is staged
 *   (checked the same way) as the next restore, and applying it keeps the database it replaces.
 */
import { chmodSync, copyFileSync, constants as fsConstants, createWriteStream, existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3-multiple-ciphers';
import { ChainVerifier } from '../domain/evidence/chain.js';
import { applyKey, explainOpenError, hasPlainSqliteHeader, openStore, PASSPHRASE_MESSAGES, quoteSqlString, storePassphrase, StoreError } from '../store/db.js';
import { migrations } from '../store/migrations/index.js';
import { ensurePrivateDir, ensurePrivateFile, fsyncDir, PRIVATE_FILE } from '../store/private-fs.js';
import * as repo from '../store/repo.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import { rowToRecord } from './evidence.js';

export const DB_FILE = 'huxun.db';
export const STAGED_FILE = 'huxun.db.restore';
const BEFORE_PREFIX = 'huxun.db.before-restore-';
const BEFORE_RE = /^huxun\.db\.before-restore-(\d{1,16})$/;
/** Temp folders of uploads being checked; any left at open come from a crash and hold nothing of value. */
const TEMP_PREFIX = '.restore-';

/** Tables every Huxun database has had since its first migration. */
const CORE_TABLES = ['kysely_migration', 'cases', 'loans', 'imports', 'contacts', 'contact_numbers', 'collectors', 'collector_numbers', 'events', 'evidence', 'attachments', 'settings'];

export const RESTORE_MESSAGES = {
  notBackup:
    '这不是一个完整的护讯备份：文件不完整、已损坏，或根本不是护讯的数据库。当前数据没有改动。请选择“设置 → 备份”下载的 .db 文件。\n' +
    'This is not a complete Huxun backup: the file is incomplete, damaged or not a Huxun database. Nothing was changed. Choose a .db file downloaded from Settings → Backup.',
  encryptedNoPassphrase:
    '这个备份是加密的，而当前数据库没有口令，所以打不开它。请先在设置里设置与备份相同的口令，再恢复。当前数据没有改动。\n' +
    'This backup is encrypted and the current database has no passphrase, so it cannot be opened. Set the same passphrase as the backup in the settings first, then restore. Nothing was changed.',
  otherPassphrase:
    '这个备份用的口令与当前口令不同（或文件已损坏），打不开。请先把口令改成备份时的口令再恢复，或选择别的备份。当前数据没有改动。\n' +
    'This backup was encrypted with a different passphrase (or is damaged) and cannot be opened. Change the passphrase to the one the backup had, then restore, or choose another backup. Nothing was changed.',
  newer:
    '这个备份来自更新版本的护讯，当前版本无法使用它。请先升级护讯再恢复。当前数据没有改动。\n' +
    'This backup comes from a newer version of Huxun and this version cannot use it. Update Huxun, then restore. Nothing was changed.',
  interrupted:
    '备份文件没有完整上传（传输中断），当前数据没有改动。请重新上传。\nThe backup upload was interrupted; nothing was changed. Upload it again.',
  noSuchPoint: '找不到这个恢复点。No such restore point.',
  serverMode: '服务器模式请用 pg_dump 备份和恢复 use pg_dump in server mode',
};

function chainBroken(seq: number | null, reason: string): string {
  return (
    `这个备份的证据链不完整（第 ${seq ?? '?'} 条记录不符），不能用来恢复。当前数据没有改动。\n` +
    `The evidence chain of this backup does not verify (record ${seq ?? '?'}: ${reason}); it cannot be restored. Nothing was changed.`
  );
}

function localOnly(ctx: AppContext): Database.Database {
  if (!ctx.store.sqlite) throw new AppError('BAD_INPUT', RESTORE_MESSAGES.serverMode);
  return ctx.store.sqlite;
}

// ---------- backup ----------

/**
 * A consistent copy of the database, 0600, written to a temp name and renamed. Plaintext databases go
 * through the online backup API (step by step, the app stays responsive). An encrypted database cannot
 * (sqlite3mc refuses a backup between differently keyed databases), so it is copied with VACUUM INTO,
 * which writes the copy with the same cipher and key: the backup opens with the same passphrase.
 */
export async function backupDatabase(ctx: AppContext, outPath: string): Promise<void> {
  const sqlite = localOnly(ctx);
  const tmp = `${outPath}.tmp-${process.pid}`;
  rmSync(tmp, { force: true });
  try {
    // An empty 0600 file first: SQLite writes into it and keeps its mode (VACUUM INTO accepts an empty file).
    ensurePrivateFile(tmp);
    if (storePassphrase(ctx.store)) sqlite.exec(`VACUUM INTO ${quoteSqlString(tmp)}`);
    else await sqlite.backup(tmp);
    chmodSync(tmp, PRIVATE_FILE);
    renameSync(tmp, outPath);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

// ---------- checking a candidate ----------

interface Candidate {
  /** Private temp folder holding the candidate as huxun.db (and maybe its -wal). */
  dir: string;
  file: string;
}

function newCandidate(dataDir: string): Candidate {
  ensurePrivateDir(dataDir);
  const dir = mkdtempSync(join(dataDir, TEMP_PREFIX)); // mkdtemp makes it 0700
  return { dir, file: join(dir, DB_FILE) };
}

function isNotADatabase(e: unknown): boolean {
  return /not a database|malformed|file is encrypted|disk image/i.test(String(e));
}

/**
 * Opens a candidate with the running database's key (or as plaintext when its header is plain), folds any
 * WAL into the main file and runs `fn` on the raw handle. Errors become the messages above.
 */
function withCandidate<T>(file: string, passphrase: string | null, fn: (db: Database.Database, plain: boolean) => T): T {
  const plain = hasPlainSqliteHeader(file);
  if (!plain && !passphrase) throw new AppError('BAD_INPUT', isProbablyEncrypted(file) ? RESTORE_MESSAGES.encryptedNoPassphrase : RESTORE_MESSAGES.notBackup);
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch {
    throw new AppError('BAD_INPUT', RESTORE_MESSAGES.notBackup);
  }
  try {
    if (!plain) applyKey(db, passphrase!);
    try {
      // Self-contained file: any WAL beside it (a before-restore copy) is checkpointed into it.
      db.pragma('journal_mode = DELETE');
    } catch (e) {
      if (isNotADatabase(e)) throw new AppError('BAD_INPUT', !plain && isProbablyEncrypted(file) ? RESTORE_MESSAGES.otherPassphrase : RESTORE_MESSAGES.notBackup);
      throw e;
    }
    return fn(db, plain);
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (isNotADatabase(e)) throw new AppError('BAD_INPUT', RESTORE_MESSAGES.notBackup);
    throw e;
  } finally {
    db.close();
  }
}

/** Whether a file without the plain header is shaped like a SQLCipher database. Only picks the message. */
function isProbablyEncrypted(file: string): boolean {
  try {
    const size = statSync(file).size;
    return size >= 4096 && size % 4096 === 0; // SQLCipher 4 pages are 4096 bytes
  } catch {
    return false;
  }
}

/**
 * Checks a candidate database file: integrity, Huxun's schema at a migration level this version knows,
 * the evidence chain of every case. Then re-keys it to the running database's passphrase (or leaves it
 * plaintext when there is none). Throws AppError BAD_INPUT with a message for the person.
 */
async function checkAndRekey(file: string, dir: string, passphrase: string | null): Promise<void> {
  const known = new Set(Object.keys(migrations('sqlite')));
  const wasPlain = withCandidate(file, passphrase, (db, plain) => {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new AppError('BAD_INPUT', RESTORE_MESSAGES.notBackup);
    const tables = new Set((db.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]).map((r) => r.name));
    if (!CORE_TABLES.every((t) => tables.has(t))) throw new AppError('BAD_INPUT', RESTORE_MESSAGES.notBackup);
    const applied = (db.prepare('select name from kysely_migration').all() as { name: string }[]).map((r) => r.name);
    if (!applied.length) throw new AppError('BAD_INPUT', RESTORE_MESSAGES.notBackup);
    if (applied.some((n) => !known.has(n)) || applied.length > known.size) throw new AppError('BAD_INPUT', RESTORE_MESSAGES.newer);
    return plain;
  });
  // The chain is checked through the store, as the app reads it. Unmigrated: the file is checked as it came.
  const store = await openStore({ dataDir: dir, passphrase: wasPlain ? undefined : passphrase!, migrate: false }).catch((e: unknown) => {
    throw e instanceof StoreError ? new AppError('BAD_INPUT', RESTORE_MESSAGES.notBackup) : e;
  });
  try {
    const cases = await store.db.selectFrom('cases').select('id').execute();
    for (const c of cases) {
      const v = new ChainVerifier();
      for await (const r of repo.iterateEvidence(store.db, Number(c.id))) if (v.push(rowToRecord(r))) break;
      const res = v.finish();
      if (!res.ok) throw new AppError('BAD_INPUT', chainBroken(res.seq ?? null, res.reason));
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (isNotADatabase(e) || /no such (table|column)/i.test(String(e))) throw new AppError('BAD_INPUT', RESTORE_MESSAGES.notBackup);
    throw e;
  } finally {
    await store.close();
  }
  bringToKey(file, wasPlain ? null : passphrase, passphrase);
}

/**
 * Re-keys a database file from `from` (null: plaintext) to `to` (null: plaintext) and leaves it in
 * rollback-journal mode with no WAL beside it. SQLCipher cannot rekey in WAL mode.
 */
function bringToKey(file: string, from: string | null, to: string | null): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    if (from) applyKey(db, from);
    db.pragma('journal_mode = DELETE');
    if ((from ?? '') !== (to ?? '')) {
      if (!from) {
        db.pragma(`cipher='sqlcipher'`);
        db.pragma('legacy=4');
      }
      db.pragma(`rekey=${quoteSqlString(to ?? '')}`);
    }
  } finally {
    db.close();
  }
  chmodSync(file, PRIVATE_FILE);
}

/** Checks the candidate, then renames it to huxun.db.restore (replacing an earlier staged one). */
async function stageCandidate(ctx: AppContext, c: Candidate): Promise<void> {
  await checkAndRekey(c.file, c.dir, storePassphrase(ctx.store));
  for (const ext of ['-wal', '-shm', '-journal']) if (existsSync(c.file + ext)) throw new Error(`restore: ${DB_FILE}${ext} left beside the checked copy`);
  renameSync(c.file, join(ctx.dataDir, STAGED_FILE));
  fsyncDir(ctx.dataDir);
}

// ---------- staging ----------

/**
 * Saves an uploaded backup after checking it; it replaces the database at the next start (the running
 * app keeps its file open). The upload is streamed to disk, never held in memory. Whatever fails (the
 * upload, the checks), the temp folder is removed and the current database is untouched.
 */
export async function stageRestore(ctx: AppContext, body: Readable): Promise<{ staged: true }> {
  localOnly(ctx);
  const c = newCandidate(ctx.dataDir);
  try {
    try {
      await pipeline(body, createWriteStream(c.file, { flags: 'wx', mode: PRIVATE_FILE }));
    } catch (e) {
      // An upload limit or a validation error from the server says more than "interrupted".
      if (e instanceof AppError || (e as { statusCode?: number })?.statusCode) throw e;
      throw new AppError('BAD_INPUT', RESTORE_MESSAGES.interrupted);
    }
    await stageCandidate(ctx, c);
    return { staged: true };
  } finally {
    rmSync(c.dir, { recursive: true, force: true });
  }
}

export interface RestorePoint {
  /** File name in the data folder (pass it to stageRollback). */
  name: string;
  /** When the restore that set it aside was applied (ISO 8601, UTC). */
  at: string;
  bytes: number;
  encrypted: boolean;
}

/** Copies of the database kept by earlier restores, newest first (names only, no paths). */
export function listRestorePoints(ctx: AppContext): RestorePoint[] {
  localOnly(ctx);
  let names: string[];
  try {
    names = readdirSync(ctx.dataDir);
  } catch {
    return [];
  }
  const out: RestorePoint[] = [];
  for (const name of names) {
    const m = BEFORE_RE.exec(name);
    if (!m) continue;
    const p = join(ctx.dataDir, name);
    let bytes: number;
    try {
      const st = statSync(p);
      if (!st.isFile()) continue;
      bytes = st.size;
    } catch {
      continue;
    }
    try {
      bytes += statSync(`${p}-wal`).size;
    } catch {
      // no WAL kept beside it: the usual case
    }
    out.push({ name, at: new Date(Number(m[1])).toISOString(), bytes, encrypted: !hasPlainSqliteHeader(p) });
  }
  return out.sort((a, b) => b.at.localeCompare(a.at) || b.name.localeCompare(a.name));
}

/**
 * Stages a before-restore copy as the next restore ("roll back"), checked like an upload. The copy itself
 * stays where it is; applying the rollback sets the database it replaces aside in turn.
 */
export async function stageRollback(ctx: AppContext, name: string): Promise<{ staged: true }> {
  localOnly(ctx);
  if (!BEFORE_RE.test(name)) throw new AppError('NOT_FOUND', RESTORE_MESSAGES.noSuchPoint);
  const src = join(ctx.dataDir, name);
  if (!existsSync(src)) throw new AppError('NOT_FOUND', RESTORE_MESSAGES.noSuchPoint);
  const c = newCandidate(ctx.dataDir);
  try {
    copyFileSync(src, c.file, fsConstants.COPYFILE_EXCL);
    chmodSync(c.file, PRIVATE_FILE);
    // A copy kept whole after a failed checkpoint has its WAL beside it; opening the candidate folds it in.
    if (existsSync(`${src}-wal`)) {
      copyFileSync(`${src}-wal`, `${c.file}-wal`, fsConstants.COPYFILE_EXCL);
      chmodSync(`${c.file}-wal`, PRIVATE_FILE);
    }
    await stageCandidate(ctx, c);
    return { staged: true };
  } finally {
    rmSync(c.dir, { recursive: true, force: true });
  }
}

/**
 * After a passphrase change: the staged restore and every before-restore copy are brought to the new key,
 * so that they still open when applied or rolled back to, and so that copies made before a passphrase was
 * set do not stay plaintext beside an encrypted database. A file that does not open with the old key (a
 * damaged copy, kept whole) is left as it is.
 */
export function rekeyRestoreFiles(dataDir: string, from: string | null, to: string | null): void {
  let names: string[];
  try {
    names = readdirSync(dataDir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name !== STAGED_FILE && !BEFORE_RE.test(name)) continue;
    const file = join(dataDir, name);
    try {
      bringToKey(file, hasPlainSqliteHeader(file) ? null : from, to);
    } catch {
      // kept as it is
    }
  }
}

// ---------- applying at open ----------

/** Removes temp folders of checks a crash interrupted (call with the data-folder lock held). */
export function removeStaleRestoreTemps(dataDir: string): void {
  let names: string[];
  try {
    names = readdirSync(dataDir);
  } catch {
    return;
  }
  for (const n of names) if (n.startsWith(TEMP_PREFIX)) rmSync(join(dataDir, n), { recursive: true, force: true });
}

function copyPrivate(from: string, to: string): void {
  copyFileSync(from, to, fsConstants.COPYFILE_EXCL);
  chmodSync(to, PRIVATE_FILE);
}

/**
 * Applies a staged restore before the store opens. Returns the name the old database was kept under
 * (null when there was nothing to apply or no old database). Throws StoreError BAD_PASSPHRASE, having
 * changed nothing, when the passphrase does not open the current database (or, with none, the staged one).
 */
export function applyPendingRestore(dataDir: string, passphrase?: string | null): { applied: boolean; keptAs: string | null } {
  const staged = join(dataDir, STAGED_FILE);
  if (!existsSync(staged)) return { applied: false, keptAs: null };
  const pass = passphrase || null;
  const db = join(dataDir, DB_FILE);
  const wal = `${db}-wal`;
  const shm = `${db}-shm`;
  const journal = `${db}-journal`;
  const hasDb = existsSync(db);
  const keptAs = `${BEFORE_PREFIX}${Date.now()}`;
  const kept = join(dataDir, keptAs);
  const copyOf = (side: string) => kept + side.slice(db.length);

  // 1. The current database, opened with the passphrase (which proves it) and checkpointed. SQLite deletes
  //    -wal and -shm when it closes a database, also one it could not read: a WAL that holds the last writes
  //    is copied first, so that no outcome of the open can lose it.
  const sides = hasDb ? [wal, shm].filter((f) => existsSync(f) && statSync(f).size > 0) : [];
  for (const side of sides) copyPrivate(side, copyOf(side));
  if (sides.length) fsyncDir(dataDir);
  let checkpointed = false;
  /** Undoes step 1's copies: not needed after a checkpoint; put back where SQLite removed the original. */
  const dropCopies = () => {
    for (const side of sides) {
      if (checkpointed || existsSync(side)) rmSync(copyOf(side), { force: true });
      else renameSync(copyOf(side), side);
    }
  };
  if (hasDb) {
    let current: Database.Database | null = null;
    let refused: unknown = null;
    try {
      current = new Database(db, { fileMustExist: true });
      if (pass) applyKey(current, pass);
      // The first read checks the key and rolls back a hot journal left by a crash during a bulk write.
      current.prepare('select count(*) from sqlite_master').get();
      // Recovery of a WAL left by a crash happens here; TRUNCATE then writes every frame into the main file.
      const [r] = current.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
      checkpointed = !r || r.busy === 0;
    } catch (e) {
      const why = explainOpenError(e, db, Boolean(pass));
      if (why instanceof StoreError && (why.code === 'BAD_PASSPHRASE' || why.code === 'NOT_ENCRYPTED')) refused = why;
    } finally {
      current?.close();
    }
    if (refused) {
      // A wrong or missing passphrase: nothing is applied; the caller asks for it.
      dropCopies();
      throw refused;
    }
  }

  // 2. The staged copy must open with the key the store will use. One staged by an older version may be
  //    plaintext while a passphrase is set: it is brought to the key. One that cannot be opened is set
  //    aside (kept) and the current database stays.
  const stagedPlain = hasPlainSqliteHeader(staged);
  if (!stagedPlain && !pass) {
    dropCopies();
    throw new StoreError('BAD_PASSPHRASE', PASSPHRASE_MESSAGES.needed);
  }
  try {
    bringToKey(staged, stagedPlain ? null : pass, pass);
  } catch {
    dropCopies();
    renameSync(staged, join(dataDir, `${STAGED_FILE}-unusable-${Date.now()}`));
    fsyncDir(dataDir);
    return { applied: false, keptAs: null };
  }

  // 3. Renames only.
  if (hasDb) {
    if (checkpointed) {
      // Every committed write is in the main file now: the WAL copies are not needed (and must not be
      // replayed into the checkpointed file).
      dropCopies();
      renameSync(db, kept);
    } else {
      // Could not be opened or checkpointed: the database is kept whole beside its WAL copies.
      copyPrivate(db, kept);
      if (existsSync(journal)) copyPrivate(journal, copyOf(journal));
      fsyncDir(dataDir);
    }
  } else if (existsSync(wal)) {
    // A WAL without its database: kept, never replayed into the restored one.
    renameSync(wal, join(dataDir, `${keptAs}-orphan-wal`));
  }
  // The old WAL must go: left beside the restored database, SQLite would replay it into a database it does
  // not belong to.
  for (const side of [wal, shm, journal]) rmSync(side, { force: true });
  renameSync(staged, db);
  fsyncDir(dataDir);
  return { applied: true, keptAs: hasDb ? keptAs : null };
}
