/** Settings, passphrase (SQLCipher), backup and restore of the local database. */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import { isValidTimeZone } from '../domain/time.js';
import { hasPlainSqliteHeader, quoteSqlString, setStorePassphrase, storePassphrase } from '../store/db.js';
import { changeFilePassphrase } from '../store/sealed.js';
import { rekeyRestoreFiles } from './restore.js';
import * as repo from '../store/repo.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import type { SettingsView } from '../shared/views.js';

export type { SettingsView } from '../shared/views.js';

export async function getSettings(ctx: AppContext): Promise<SettingsView> {
  const db = ctx.store.db;
  return {
    lang: (await repo.getSetting(db, ctx.caseId, 'lang')) === 'en' ? 'en' : 'zh',
    tz: ctx.tz,
    quiet_mode: (await repo.getSetting(db, ctx.caseId, 'quiet_mode')) === '1',
    data_dir: displayDir(ctx.dataDir),
    engine: ctx.store.engine,
    encrypted: ctx.store.engine === 'sqlite' && isEncrypted(ctx.dataDir),
  };
}

/** The home folder as ~; a folder elsewhere by its last name only. */
function displayDir(dir: string): string {
  const rel = relative(homedir(), dir);
  if (!rel) return '~';
  if (!rel.startsWith('..') && !isAbsolute(rel)) return `~/${rel.split(sep).join('/')}`;
  return `…/${basename(dir)}`;
}

/** Reads the database file's first 16 bytes only (hasPlainSqliteHeader), not the whole file. */
function isEncrypted(dataDir: string): boolean {
  const file = join(dataDir, 'huxun.db');
  return existsSync(file) && !hasPlainSqliteHeader(file);
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
 * Encrypts the local database with a passphrase, changes it, or (empty) removes it, and with it the key of
 * the data folder's files (attachments, uploads: src/store/sealed.ts), so that one passphrase opens everything.
 * A staged restore and the before-restore copies are re-keyed too: they still open when applied, and no copy
 * stays plaintext beside an encrypted database.
 */
export async function setPassphrase(ctx: AppContext, passphrase: string): Promise<{ encrypted: boolean }> {
  const sqlite = ctx.store.sqlite;
  if (!sqlite) throw new AppError('BAD_INPUT', '服务器模式使用 PostgreSQL，不支持本地口令 passphrases apply to the local database only');
  if (passphrase && passphrase.length < 6) throw new AppError('BAD_INPUT', 'passphrase: 至少 6 个字符 at least 6 characters');
  const old = storePassphrase(ctx.store);
  rekeyOpenDatabase(sqlite, old, passphrase || null);
  try {
    ctx.fileKey = await changeFilePassphrase(ctx.dataDir, old, passphrase);
  } catch (e) {
    // The files still open with the old passphrase: put the database back on it as well.
    rekeyOpenDatabase(sqlite, passphrase || null, old);
    throw e;
  }
  setStorePassphrase(ctx.store, passphrase || null);
  rekeyRestoreFiles(ctx.dataDir, old, passphrase || null);
  return { encrypted: passphrase !== '' };
}

/** SQLCipher cannot rekey in WAL mode, so the journal is switched to DELETE around the rekey. */
function rekeyOpenDatabase(sqlite: NonNullable<AppContext['store']['sqlite']>, from: string | null, to: string | null): void {
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.pragma('journal_mode = DELETE');
  try {
    if (!from) {
      sqlite.pragma(`cipher='sqlcipher'`);
      sqlite.pragma('legacy=4');
    }
    sqlite.pragma(`rekey=${quoteSqlString(to ?? '')}`);
  } finally {
    sqlite.pragma('journal_mode = WAL');
  }
}

// Backup, restore and rollback live in restore.ts (they must never lose data; see there).
export { applyPendingRestore, backupDatabase, listRestorePoints, stageRestore, stageRollback, type RestorePoint } from './restore.js';
