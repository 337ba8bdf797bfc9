/**
 * The application context every use case takes: the store, the case it acts on, the case's
 * time zone and the clock. Local mode has one case; server mode picks the case per request.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_TZ } from '../domain/time.js';
import { moveLegacyAttachments, type BlobStore } from '../store/blobs.js';
import { acquireLock, type DataLock } from '../store/lock.js';
import { openStore, PASSPHRASE_MESSAGES, StoreError, type Store } from '../store/db.js';
import { tightenDataDir } from '../store/private-fs.js';
import * as repo from '../store/repo.js';
import { openFileKey } from '../store/sealed.js';
import { applyPendingRestore, removeStaleRestoreTemps } from './restore.js';

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
  /**
   * Where attachment bytes live (src/store/blobs.ts). Unset: the data folder's files (FsBlobStore), which is what the
   * local app and one server use; an object store for several servers would be set here (docs/scaling.md).
   */
  blobs?: BlobStore;
  now(): number;
}

export interface OpenOptions {
  dataDir?: string;
  databaseUrl?: string;
  passphrase?: string;
  /** Take the data-folder lock for this purpose ("cli: import", "server"). */
  lockAs?: string;
  lockUrl?: string;
  /**
   * A data-folder lock the caller already holds (the server takes it before a locked start, so that no CLI
   * command can take the folder while the page waits for the passphrase). Used instead of lockAs; the caller
   * keeps owning it: neither a failed open nor close() releases it.
   */
  heldLock?: DataLock;
}

export function resolveDataDir(flag?: string): string {
  return resolve(flag ?? process.env.HUXUN_DATA ?? join(homedir(), '.huxun'));
}

/**
 * Takes the data-folder lock ahead of openApp (made private first, as openApp does), for a caller that must
 * hold the folder also while it cannot open it yet: the server waiting for the passphrase. Pass the lock to
 * openApp as heldLock; release it when done. Throws StoreError LOCKED when another live process holds it.
 */
export function lockDataFolder(dataDirFlag: string | undefined, what: string, url?: string): { dataDir: string; lock: DataLock } {
  const dataDir = resolveDataDir(dataDirFlag);
  tightenDataDir(dataDir);
  return { dataDir, lock: acquireLock(dataDir, what, url) };
}

export interface OpenedApp {
  ctx: AppContext;
  /** Set when a staged restore was applied at this open: the name the previous database was kept under. */
  restored: { keptAs: string | null } | null;
  close(): Promise<void>;
}

/**
 * Opens the app. Local mode: the data folder is made private (0700/0600, also one written by an older
 * version), a staged restore is applied (the current database opened with the passphrase and checkpointed
 * first, see restore.ts), then the store and the file key open with the same passphrase. Throws StoreError
 * BAD_PASSPHRASE, having changed nothing, when the passphrase is missing or wrong (the server's locked start
 * and the CLI's prompt rely on that code).
 */
export async function openApp(opts: OpenOptions): Promise<OpenedApp> {
  const dataDir = resolveDataDir(opts.dataDir);
  const local = !opts.databaseUrl;
  // Attachments live in the data folder in server mode too. A held lock comes from lockDataFolder, which has
  // just tightened the folder: walking every attachment twice at a server start costs a stat per file.
  if (!opts.heldLock) tightenDataDir(dataDir);
  // `lock` is released by this open (on failure or at close); a held lock only counts as holding the folder.
  let lock: DataLock | null = null;
  if (!opts.heldLock && opts.lockAs && local) lock = acquireLock(dataDir, opts.lockAs, opts.lockUrl);
  const holdsLock = Boolean(lock || (opts.heldLock && local));
  const passphrase = (opts.passphrase ?? process.env.HUXUN_PASSPHRASE) || undefined;
  let store: Store | null = null;
  let restored: OpenedApp['restored'] = null;
  let fileKey: Buffer | null;
  try {
    if (local) {
      // Only the lock holder may clear temp folders: without it another process could be checking an upload.
      if (holdsLock) removeStaleRestoreTemps(dataDir);
      const r = applyPendingRestore(dataDir, passphrase);
      if (r.applied) restored = { keptAs: r.keptAs };
    }
    store = await openStore({ dataDir, databaseUrl: opts.databaseUrl, passphrase: local ? passphrase : undefined });
    try {
      fileKey = openFileKey(dataDir, local ? passphrase : undefined);
    } catch (e) {
      // Same contract as the database: a missing or wrong passphrase is BAD_PASSPHRASE.
      if ((e as { code?: string }).code === 'BAD_PASSPHRASE') throw new StoreError('BAD_PASSPHRASE', passphrase ? PASSPHRASE_MESSAGES.wrong : PASSPHRASE_MESSAGES.needed);
      throw e;
    }
  } catch (e) {
    await store?.close();
    lock?.release();
    throw e;
  }
  const caseId = await repo.ensureDefaultCase(store.db, DEFAULT_TZ, Date.now());
  // Attachment files of older versions (one folder for all cases) move into their cases once (src/store/blobs.ts).
  await moveLegacyAttachments(store.db, dataDir, caseId);
  const c = await repo.getCase(store.db, caseId);
  const ctx: AppContext = { store, caseId, tz: c?.tz ?? DEFAULT_TZ, dataDir, fileKey, now: () => Date.now() };
  const opened = store;
  return {
    ctx,
    restored,
    async close() {
      await opened.close();
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
