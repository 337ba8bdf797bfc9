/**
 * Real stores for tests: a SQLite file in a temp folder, and a fresh PostgreSQL database on the
 * server that .ci/run starts (DATABASE_URL). With HUXUN_REQUIRE_PG=1 a missing server fails
 * the suite instead of skipping it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openApp, type OpenedApp } from '../../src/app/context.js';
import { openStore, type Store } from '../../src/store/db.js';

export const PG_URL = process.env.DATABASE_URL ?? process.env.HUXUN_TEST_PG ?? '';

export function engines(): ('sqlite' | 'postgres')[] {
  if (!PG_URL && process.env.HUXUN_REQUIRE_PG === '1') {
    throw new Error('HUXUN_REQUIRE_PG=1 but DATABASE_URL is not set: the PostgreSQL suite would be skipped');
  }
  return PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

let counter = 0;

export interface TestStore {
  store: Store;
  dataDir: string;
  /** PostgreSQL: the database's URL (a second store on it is another app server); undefined on SQLite. */
  databaseUrl?: string;
  cleanup(): Promise<void>;
}

export async function makeStore(engine: 'sqlite' | 'postgres', opts: { migrate?: boolean } = {}): Promise<TestStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'huxun-test-'));
  if (engine === 'sqlite') {
    const store = await openStore({ dataDir, migrate: opts.migrate });
    return {
      store,
      dataDir,
      async cleanup() {
        await store.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const { name, url } = await createPgDatabase('huxun_t');
  const store = await openStore({ databaseUrl: url, migrate: opts.migrate });
  return {
    store,
    dataDir,
    databaseUrl: url,
    async cleanup() {
      await store.close();
      await dropPgDatabase(name);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Drops a test database. WITH (FORCE) ends the sessions still on it, but the app role may not end a server process
 * of another role (an autovacuum worker that has just started on the database: 42501): that one finishes by itself,
 * so the drop is tried again after a moment.
 */
export async function dropPgDatabase(name: string): Promise<void> {
  const a = new pg.Client({ connectionString: PG_URL });
  await a.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await a.query(`drop database if exists ${name} with (force)`);
        return;
      } catch (e) {
        if ((e as { code?: string }).code !== '42501' || attempt >= 50) throw e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  } finally {
    await a.end();
  }
}

/** A fresh, empty PostgreSQL database on the test server. */
async function createPgDatabase(prefix: string): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/** The app on a new data folder, with its database on the given engine (the caller closes it). */
export async function openTestApp(engine: 'sqlite' | 'postgres'): Promise<OpenedApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'huxun-app-'));
  const databaseUrl = engine === 'postgres' ? (await createPgDatabase('huxun_app')).url : undefined;
  return openApp({ dataDir, databaseUrl });
}
