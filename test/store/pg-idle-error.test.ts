/**
 * A PostgreSQL store outlives the server ending its idle connections (a restart or an administrator): before, the
 * pool's 'error' event had no listener and the process died with an uncaught exception (seen in CI when a test's
 * database was dropped WITH (FORCE) while another pool still held an idle connection to it). Without the listener
 * (src/store/db.ts) vitest reports the pool's uncaught errors and the run fails, even though the query after them
 * succeeds.
 */
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'kysely';
import { engines, makeStore, PG_URL, type TestStore } from '../support/stores.js';

const hasPg = engines().includes('postgres');

describe.runIf(hasPg)('PostgreSQL store: idle connections ended by the server', () => {
  let t: TestStore | undefined;
  afterAll(async () => {
    await t?.cleanup();
  });

  it('keeps serving queries after the server terminates its idle connections', async () => {
    t = await makeStore('postgres');
    const db = t.store.db;
    // Two queries at once leave two idle connections in the pool.
    await Promise.all([sql`select pg_sleep(0.05)`.execute(db), sql`select pg_sleep(0.05)`.execute(db)]);
    const dbName = new URL(t.databaseUrl!).pathname.slice(1);
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    let ended = 0;
    try {
      const r = await admin.query(
        'select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()) x',
        [dbName],
      );
      ended = r.rows[0].n;
    } finally {
      await admin.end();
    }
    expect(ended).toBeGreaterThanOrEqual(1);
    // Let the FATAL messages reach the idle clients (each one an 'error' event on the pool).
    await new Promise((r) => setTimeout(r, 300));
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db);
    expect(rows[0]!.one).toBe(1);
  });
});
