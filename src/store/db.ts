/**
 * Opens the store: SQLite (WAL) in the data folder by default, PostgreSQL when a URL is given.
 * Both run the same numbered migrations; repositories see one Kysely<DB>.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type MigrationProvider } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index.js';
import type { DB } from './schema.js';
import { ensurePrivateDir, ensurePrivateFile } from './private-fs.js';

export type Engine = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<DB>;
  engine: Engine;
  /** The raw SQLite handle, for the bulk-insert fast path; null on PostgreSQL. */
  sqlite: Database.Database | null;
  /** The PostgreSQL URL it was opened with (worker threads open their own connections to it); null on SQLite. */
  url: string | null;
  /** Runs fn when the store closes, before its connections do (worker threads that hold their own). */
  onClose(fn: () => Promise<void>): void;
  close(): Promise<void>;
}

export interface OpenOptions {
  dataDir?: string;
  databaseUrl?: string;
  /** SQLCipher passphrase for the local database. */
  passphrase?: string;
  /** Skip migrations (only for tests that run them step by step, and worker threads of a store already open). */
  migrate?: boolean;
  /** PostgreSQL connections at most (default 10). */
  poolSize?: number;
}

/** close() runs the onClose functions first, then closes the database. */
function closing(db: Kysely<DB>): Pick<Store, 'onClose' | 'close'> {
  const before: (() => Promise<void>)[] = [];
  return {
    onClose: (fn) => void before.push(fn),
    close: async () => {
      for (const fn of before.splice(0)) await fn().catch(() => undefined);
      await db.destroy();
    },
  };
}

export class StoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

let pgTypesSet = false;

export async function openStore(opts: OpenOptions): Promise<Store> {
  let store: Store;
  if (opts.databaseUrl) {
    if (!pgTypesSet) {
      // int8 and count(*) come back as strings otherwise; our values fit in a double.
      pg.types.setTypeParser(20, (v) => Number(v));
      pgTypesSet = true;
    }
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle connection the server ends (a restart, an administrator, a database dropped WITH (FORCE)) emits 'error'
    // on the pool; with no listener Node treats it as an uncaught exception and the whole server exits. The pool has
    // already dropped that connection and the next query opens a new one, so there is nothing more to do. The message
    // is the server's and names no person; it is not logged.
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    store = { db, engine: 'postgres', sqlite: null, url: opts.databaseUrl, ...closing(db) };
  } else {
    if (!opts.dataDir) throw new StoreError('NO_DATA_DIR', 'no data folder given');
    ensurePrivateDir(opts.dataDir);
    const file = join(opts.dataDir, 'huxun.db');
    // Created 0600 before SQLite opens it: SQLite gives -wal, -shm and -journal the database file's mode.
    ensurePrivateFile(file);
    const sqlite = new Database(file);
    try {
      if (opts.passphrase) applyKey(sqlite, opts.passphrase);
      // A wrong key shows on the first read, not on open.
      sqlite.pragma('journal_mode = WAL');
    } catch (e) {
      sqlite.close();
      throw explainOpenError(e, file, Boolean(opts.passphrase));
    }
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
    store = { db, engine: 'sqlite', sqlite, url: null, ...closing(db) };
    passphrases.set(store, opts.passphrase || null);
  }
  if (opts.migrate !== false) await migrateToLatest(store);
  return store;
}

/**
 * The passphrase a local store was opened with (null: not encrypted). Kept beside the store, not in
 * AppContext, so that it never ends up in a response or a log by a spread of the context; backup,
 * restore and passphrase changes need it to open other copies of the database with the same key.
 */
const passphrases = new WeakMap<Store, string | null>();

export function storePassphrase(store: Store): string | null {
  return passphrases.get(store) ?? null;
}

/** Records a changed passphrase (after a rekey). */
export function setStorePassphrase(store: Store, passphrase: string | null): void {
  passphrases.set(store, passphrase || null);
}

/** Sets the SQLCipher key on a freshly opened SQLite handle (SQLCipher 4 format, as Huxun has always written). */
export function applyKey(sqlite: Database.Database, passphrase: string): void {
  sqlite.pragma(`cipher='sqlcipher'`);
  sqlite.pragma('legacy=4');
  sqlite.pragma(`key=${quoteSqlString(passphrase)}`);
}

const SQLITE_HEADER = 'SQLite format 3\0';

/** Whether a file starts with the plain SQLite header (false for an encrypted, empty, missing or foreign file). */
export function hasPlainSqliteHeader(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return n === 16 && buf.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

/** Messages for the person, Chinese first, each saying what to do. */
export const PASSPHRASE_MESSAGES = {
  needed:
    '数据库已加密，需要口令才能打开。请在提示时输入口令，或设置环境变量 HUXUN_PASSPHRASE 后再运行。\n' +
    'The database is encrypted and needs its passphrase. Type it when asked, or set the environment variable HUXUN_PASSPHRASE.',
  wrong:
    '口令不对，打不开数据库。请检查大小写、输入法和空格后再试。口令忘了的话，数据无法解密：可以把数据文件夹改名保存后重新开始，或用设置口令之前做的备份恢复。\n' +
    'The passphrase does not open this database. Check case, input method and spaces, and try again. If it is forgotten the data cannot be decrypted: rename the data folder to keep it and start again, or restore a backup made before the passphrase was set.',
  notEncrypted:
    '这个数据库没有加密，不需要口令。请不带口令运行（取消环境变量 HUXUN_PASSPHRASE 或 --passphrase）；要加密，请在设置里设置口令。\n' +
    'This database is not encrypted and needs no passphrase. Run without one (unset HUXUN_PASSPHRASE or --passphrase); to encrypt it, set a passphrase in the settings.',
  damaged:
    '数据库文件已损坏，或不是护讯的数据库（它不是加密的）。请不要删除它；可以把数据文件夹改名保存，再从备份恢复。\n' +
    'The database file is damaged or is not a Huxun database (it is not encrypted). Do not delete it: rename the data folder to keep it, then restore a backup.',
};

/** Turns SQLite's "file is not a database" into what it means here: a missing or wrong passphrase, or a damaged file. */
export function explainOpenError(e: unknown, file: string, keyed: boolean): unknown {
  if (!/not a database/i.test(String(e))) return e;
  // A plain SQLite header that SQLite still cannot read is damage, not encryption; a keyed open of a
  // plaintext file fails the same way, and then the passphrase is what is wrong for this file.
  // NOT_ENCRYPTED, not BAD_PASSPHRASE: asking for another passphrase would not help.
  if (hasPlainSqliteHeader(file)) return keyed ? new StoreError('NOT_ENCRYPTED', PASSPHRASE_MESSAGES.notEncrypted) : new StoreError('NOT_A_DATABASE', PASSPHRASE_MESSAGES.damaged);
  return new StoreError('BAD_PASSPHRASE', keyed ? PASSPHRASE_MESSAGES.wrong : PASSPHRASE_MESSAGES.needed);
}

export async function migrateToLatest(store: Store): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(store.engine) };
  const migrator = new Migrator({ db: store.db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export function quoteSqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/**
 * Runs a large write (an import of up to millions of rows in one transaction) on one held connection.
 * On SQLite the transaction runs with a rollback journal instead of the WAL: in WAL mode every page is
 * written twice (to the WAL, then by the checkpoint at commit) and reads of spilled pages go through a
 * WAL index that grows with the transaction, which measured ~1.5× slower for a 500,000-event import.
 * New pages need no journal, so a crash still rolls back to the state before (the hot journal is
 * replayed on the next open), and the database returns to WAL afterwards.
 */
export async function bulkWrite<T>(store: Store, fn: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  if (!store.sqlite) return fn(store.db);
  return store.db.connection().execute(async (db) => {
    const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(db);
    await sql`pragma journal_mode = delete`.execute(db);
    await sql`pragma cache_size = -8192`.execute(db); // 8 MiB, below this build's 16 MiB default: peak RSS
    try {
      return await fn(db);
    } finally {
      await sql.raw(`pragma cache_size = ${Number(rows[0]!.cache_size)}`).execute(db);
      await sql`pragma journal_mode = wal`.execute(db);
    }
  });
}
