/** Settings, passphrase (SQLCipher), backup and restore of the local database. */
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { isValidTimeZone } from '../domain/time.js';
import { quoteSqlString } from '../store/db.js';
import * as repo from '../store/repo.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';

export interface SettingsView {
  lang: 'zh' | 'en';
  tz: string;
  quiet_mode: boolean;
  data_dir: string;
  engine: string;
  encrypted: boolean;
}

export async function getSettings(ctx: AppContext): Promise<SettingsView> {
  const db = ctx.store.db;
  return {
    lang: (await repo.getSetting(db, ctx.caseId, 'lang')) === 'en' ? 'en' : 'zh',
    tz: ctx.tz,
    quiet_mode: (await repo.getSetting(db, ctx.caseId, 'quiet_mode')) === '1',
    data_dir: ctx.dataDir,
    engine: ctx.store.engine,
    encrypted: ctx.store.engine === 'sqlite' && isEncrypted(ctx.dataDir),
  };
}

function isEncrypted(dataDir: string): boolean {
  try {
    const head = readFileSync(join(dataDir, 'huxun.db')).subarray(0, 16).toString('latin1');
    return !head.startsWith('SQLite format 3');
  } catch {
    return false;
  }
}

export async function updateSettings(ctx: AppContext, patch: { lang?: 'zh' | 'en'; tz?: string; quiet_mode?: boolean }): Promise<SettingsView> {
  const db = ctx.store.db;
  if (patch.lang) await repo.setSetting(db, ctx.caseId, 'lang', patch.lang);
  if (patch.quiet_mode != null) await repo.setSetting(db, ctx.caseId, 'quiet_mode', patch.quiet_mode ? '1' : '0');
  if (patch.tz) {
    if (!isValidTimeZone(patch.tz)) throw new AppError('BAD_INPUT', `tz: 未知时区 unknown time zone ${JSON.stringify(patch.tz)}`);
    await db.updateTable('cases').set({ tz: patch.tz }).where('id', '=', ctx.caseId).execute();
    ctx.tz = patch.tz;
  }
  return getSettings(ctx);
}

/**
 * Encrypts the local database with a passphrase, changes it, or (empty) removes it. SQLCipher cannot
 * rekey in WAL mode, so the journal is switched to DELETE around the rekey.
 */
export function setPassphrase(ctx: AppContext, passphrase: string): { encrypted: boolean } {
  const sqlite = ctx.store.sqlite;
  if (!sqlite) throw new AppError('BAD_INPUT', '服务器模式使用 PostgreSQL，不支持本地口令 passphrases apply to the local database only');
  if (passphrase && passphrase.length < 6) throw new AppError('BAD_INPUT', 'passphrase: 至少 6 个字符 at least 6 characters');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.pragma('journal_mode = DELETE');
  try {
    if (!isEncrypted(ctx.dataDir)) {
      sqlite.pragma(`cipher='sqlcipher'`);
      sqlite.pragma('legacy=4');
    }
    sqlite.pragma(`rekey=${quoteSqlString(passphrase)}`);
  } finally {
    sqlite.pragma('journal_mode = WAL');
  }
  return { encrypted: passphrase !== '' };
}

/** A consistent copy of the database (the SQLite online backup API). */
export async function backupDatabase(ctx: AppContext, outPath: string): Promise<void> {
  const sqlite = ctx.store.sqlite;
  if (!sqlite) throw new AppError('BAD_INPUT', '服务器模式请用 pg_dump 备份 use pg_dump in server mode');
  const tmp = `${outPath}.tmp-${process.pid}`;
  await sqlite.backup(tmp);
  renameSync(tmp, outPath);
}

/** Saves an uploaded backup; it replaces the database on the next start (the running app keeps its file open). */
export async function stageRestore(ctx: AppContext, body: Readable): Promise<{ staged: true }> {
  mkdirSync(ctx.dataDir, { recursive: true });
  const tmp = join(ctx.dataDir, `restore.tmp-${process.pid}`);
  await pipeline(body, createWriteStream(tmp));
  const head = readFileSync(tmp).subarray(0, 16).toString('latin1');
  if (!head.startsWith('SQLite format 3')) {
    rmSync(tmp, { force: true });
    throw new AppError('BAD_INPUT', '这不是护讯的备份文件（或是加密的备份）not a Huxun backup file');
  }
  renameSync(tmp, join(ctx.dataDir, 'huxun.db.restore'));
  return { staged: true };
}

/** Called before the store opens: applies a staged restore, keeping the old database beside it. */
export function applyPendingRestore(dataDir: string): boolean {
  const staged = join(dataDir, 'huxun.db.restore');
  if (!existsSync(staged)) return false;
  const db = join(dataDir, 'huxun.db');
  if (existsSync(db)) renameSync(db, join(dataDir, `huxun.db.before-restore-${Date.now()}`));
  for (const ext of ['-wal', '-shm']) rmSync(db + ext, { force: true });
  renameSync(staged, db);
  return true;
}
