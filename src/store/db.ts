/**
 * Opens the store: SQLite (WAL) in the data folder by default, PostgreSQL when a URL is given.
 * Both run the same numbered migrations; repositories see one Kysely<DB>.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type MigrationProvider } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index.js';
import type { DB } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<DB>;
  engine: Engine;
  /** The raw SQLite handle, for the bulk-insert fast path; null on PostgreSQL. */
  sqlite: Database.Database | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  dataDir?: string;
  databaseUrl?: string;
  /** SQLCipher passphrase for the local database. */
  passphrase?: string;
  /** Skip migrations (only for tests that run them step by step). */
  migrate?: boolean;
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
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    store = { db, engine: 'postgres', sqlite: null, close: () => db.destroy() };
  } else {
    if (!opts.dataDir) throw new StoreError('NO_DATA_DIR', 'no data folder given');
    mkdirSync(opts.dataDir, { recursive: true });
    const file = join(opts.dataDir, 'huxun.db');
    const sqlite = new Database(file);
    try {
      if (opts.passphrase) {
        sqlite.pragma(`cipher='sqlcipher'`);
        sqlite.pragma('legacy=4');
        sqlite.pragma(`key=${quoteSqlString(opts.passphrase)}`);
      }
      // A wrong key shows on the first read, not on open.
      sqlite.pragma('journal_mode = WAL');
    } catch (e) {
      sqlite.close();
      if (/not a database/i.test(String(e))) {
        throw new StoreError('BAD_PASSPHRASE', opts.passphrase ? 'the passphrase does not open this database' : 'the database is encrypted: a passphrase is needed');
      }
      throw e;
    }
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
    store = { db, engine: 'sqlite', sqlite, close: () => db.destroy() };
  }
  if (opts.migrate !== false) await migrateToLatest(store);
  return store;
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
