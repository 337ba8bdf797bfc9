/**
 * Issue 15: appends to one case's evidence chain are serialised (src/store/repo.ts lockCaseEvidence, taken by
 * src/app/evidence.ts before the last record is read). Writers of one case at once — two staff members, two app
 * servers — all succeed, one after another, and the chain verifies with seq 1..N.
 *
 * PostgreSQL: two stores (two connection pools, as two app servers) on one database. SQLite: two request contexts on
 * the app's one store (what the server does; a second process on the data folder is refused by its lock).
 */
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.js';
import { exportBundle, verifyBundleFile } from '../../src/app/bundle.js';
import { checkChain, recordEvidence } from '../../src/app/evidence.js';
import { addLoan } from '../../src/app/loans.js';
import { addManualEvent } from '../../src/app/timeline.js';
import { openStore, type Store } from '../../src/store/db.js';
import * as repo from '../../src/store/repo.js';
import { loanFromSimpleTerms } from '../../src/domain/loans/simple.js';
import { engines, makeStore, type TestStore } from '../support/stores.js';

const loan = (i: number) =>
  loanFromSimpleTerms({ lenderName: `速借花${i}`, lenderType: 'platform', contractDate: '2025-03-01', principalFen: 1_000_000, receivedFen: 900_000, periods: 12, installmentFen: 100_000 });

async function seqs(store: Store, caseId: number): Promise<number[]> {
  return (await store.db.selectFrom('evidence').select('seq').where('case_id', '=', caseId).orderBy('seq').execute()).map((r) => Number(r.seq));
}

describe.each(engines())('evidence appends to one case at once (%s)', (engine) => {
  let t: TestStore;
  let second: Store;
  let caseId: number;
  let one: AppContext;
  let two: AppContext;

  beforeAll(async () => {
    t = await makeStore(engine);
    caseId = await repo.createCase(t.store.db, '案子', 'Asia/Shanghai', Date.now(), null);
    second = engine === 'postgres' ? await openStore({ databaseUrl: t.databaseUrl! }) : t.store;
    const ctx = (store: Store): AppContext => ({ store, dataDir: t.dataDir, caseId, tz: 'Asia/Shanghai', fileKey: null, now: () => Date.parse('2026-12-05T10:00:00Z') });
    one = ctx(t.store);
    two = ctx(second);
  });
  afterAll(async () => {
    if (second && second !== t.store) await second.close();
    await t?.cleanup();
  });

  it('N writers at once, from two servers: every append succeeds and the chain verifies with seq 1..N', async () => {
    const N = 24;
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < N; i++) {
      const ctx = i % 2 ? two : one;
      if (i % 3 === 0) writes.push(addLoan(ctx, loan(i)));
      else if (i % 3 === 1) writes.push(addManualEvent(ctx, { kind: 'call', at: `2026-11-${String(1 + i).padStart(2, '0')}T23:30:00+08:00`, number: '13900000009', direction: 'in', duration_s: 30 }));
      // A record alone in its transaction (as a note or a collector mark writes it).
      else writes.push(ctx.store.db.transaction().execute((trx) => recordEvidence(ctx, trx, 'collector', { action: 'not_collector', numbers: [`1390000${String(i).padStart(4, '0')}`] })));
    }
    const results = await Promise.allSettled(writes);
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);

    const s = await seqs(t.store, caseId);
    expect(s.length).toBeGreaterThanOrEqual(N);
    expect(s).toEqual(Array.from({ length: s.length }, (_, i) => i + 1));
    const chain = await checkChain(one);
    expect(chain).toMatchObject({ ok: true, count: s.length });
    // What `huxun verify` checks: the exported bundle's records, chain and head.
    const zip = join(t.dataDir, 'bundle.zip');
    expect((await exportBundle(one, zip)).head).toBe(chain.head);
    expect(await verifyBundleFile(zip, chain.head!)).toMatchObject({ ok: true });
  }, 60_000);

  // PostgreSQL: the second writer waits at the case's lock while the first is still in its transaction, then appends
  // after the record the first committed (without the lock it read the same last record and failed at commit).
  if (engine === 'postgres') it('a second writer waits for the first to commit, then appends after its record', async () => {
    const before = (await seqs(t.store, caseId)).length;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let firstAppended!: () => void;
    const appended = new Promise<void>((r) => (firstAppended = r));
    const first = t.store.db.transaction().execute(async (trx) => {
      const rec = await recordEvidence(one, trx, 'collector', { action: 'not_collector', numbers: ['13911110001'] });
      firstAppended();
      await gate;
      return rec;
    });
    await appended;
    const secondWrite = second.db.transaction().execute((trx) => recordEvidence(two, trx, 'collector', { action: 'not_collector', numbers: ['13911110002'] }));

    // Observed, not timed: a backend of this database waits on an advisory lock.
    const watcher = new pg.Client({ connectionString: t.databaseUrl });
    await watcher.connect();
    try {
      let waiting = 0;
      for (let i = 0; i < 500 && !waiting; i++) {
        const r = await watcher.query(`select count(*)::int as n from pg_locks l join pg_stat_activity a on a.pid = l.pid where l.locktype = 'advisory' and not l.granted and a.datname = current_database()`);
        waiting = r.rows[0].n;
        if (!waiting) await new Promise((res) => setTimeout(res, 10));
      }
      expect(waiting).toBe(1);
    } finally {
      await watcher.end();
      release(); // also when the expectation failed: the first transaction must not stay open
    }
    const a = await first;
    const b = await secondWrite;
    expect(a.seq).toBe(before + 1);
    expect(b.seq).toBe(before + 2);
    expect(await checkChain(two)).toMatchObject({ ok: true, count: before + 2 });
  });

  it('an append outside a transaction is refused (its lock would end with the statement)', async () => {
    await expect(recordEvidence(one, one.store.db, 'collector', { action: 'not_collector', numbers: ['13922220000'] })).rejects.toThrow(/inside a transaction/);
  });
});
