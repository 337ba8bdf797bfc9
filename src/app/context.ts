/**
 * The application context every use case takes: the store, the case it acts on, the case's
 * time zone and the clock. Local mode has one case; server mode picks the case per request.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_TZ } from '../domain/time.js';
import { acquireLock, type DataLock } from '../store/lock.js';
import { openStore, type Store } from '../store/db.js';
import * as repo from '../store/repo.js';
import { applyPendingRestore } from './settings.js';

export interface AppContext {
  store: Store;
  caseId: number;
  tz: string;
  /** Data folder (attachments live here); always set, also in server mode. */
  dataDir: string;
  /**
   * Key of the data folder's files (attachments, staged uploads) from keys.json (src/store/sealed.ts): files are
   * written sealed when it is set and read through openReadStream either way. null: no passphrase set.
   */
  fileKey: Buffer | null;
  now(): number;
}

export interface OpenOptions {
  dataDir?: string;
  databaseUrl?: string;
  passphrase?: string;
  /** Take the data-folder lock for this purpose ("cli: import", "server"). */
  lockAs?: string;
  lockUrl?: string;
}

export function resolveDataDir(flag?: string): string {
  return resolve(flag ?? process.env.HUXUN_DATA ?? join(homedir(), '.huxun'));
}

export interface OpenedApp {
  ctx: AppContext;
  close(): Promise<void>;
}

export async function openApp(opts: OpenOptions): Promise<OpenedApp> {
  const dataDir = resolveDataDir(opts.dataDir);
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dataDir, { recursive: true });
  let lock: DataLock | null = null;
  if (opts.lockAs && !opts.databaseUrl) lock = acquireLock(dataDir, opts.lockAs, opts.lockUrl);
  if (!opts.databaseUrl) applyPendingRestore(dataDir);
  let store: Store;
  try {
    store = await openStore({ dataDir, databaseUrl: opts.databaseUrl, passphrase: opts.passphrase ?? process.env.HUXUN_PASSPHRASE });
  } catch (e) {
    lock?.release();
    throw e;
  }
  const caseId = await repo.ensureDefaultCase(store.db, DEFAULT_TZ, Date.now());
  const c = await repo.getCase(store.db, caseId);
  const ctx: AppContext = { store, caseId, tz: c?.tz ?? DEFAULT_TZ, dataDir, fileKey: null, now: () => Date.now() };
  return {
    ctx,
    async close() {
      await store.close();
      lock?.release();
    },
  };
}

/** The same store and data folder, acting on another case (server mode). */
export async function forCase(base: AppContext, caseId: number): Promise<AppContext | null> {
  const c = await repo.getCase(base.store.db, caseId);
  if (!c) return null;
  return { ...base, caseId, tz: c.tz };
}
