import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { engines, makeStore, type TestStore } from '../../test/support/stores.js';
import { migrateToLatest } from './db.js';
import { migrations } from './migrations/index.js';
import * as repo from './repo.js';
import type { NewEvent } from '../domain/collection/types.js';

function ev(key: string, at: number, number = '13800000001', text = '请尽快还款'): NewEvent {
  return { kind: 'sms', direction: 'in', at, tz: 'Asia/Shanghai', number, text, durationS: null, dedupeKey: key };
}

for (const engine of engines()) {
  describe(`store on ${engine}`, () => {
    let t: TestStore | null = null;
    afterEach(async () => {
      await t?.cleanup();
      t = null;
    });

    it('runs the whole migration chain from empty, and again as a no-op', async () => {
      t = await makeStore(engine, { migrate: false });
      const applied = await migrateToLatest(t.store);
      expect(applied).toEqual(Object.keys(migrations(engine)));
      expect(await migrateToLatest(t.store)).toEqual([]);
      const tables = engine === 'sqlite'
        ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(t.store.db)
        : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(t.store.db);
      const names = tables.rows.map((r) => r.name);
      for (const n of ['cases', 'loans', 'events', 'contacts', 'collectors', 'evidence', 'attachments', 'users']) expect(names).toContain(n);
    });

    it('stores and reads back a loan scoped by case', async () => {
      t = await makeStore(engine);
      const db = t.store.db;
      const a = await repo.createCase(db, 'A', 'Asia/Shanghai', 1, null);
      const b = await repo.createCase(db, 'B', 'Asia/Shanghai', 1, null);
      const loan = await repo.insertLoan(db, a, {
        lenderName: '某某消费金融', lenderType: 'consumer_finance', contractDate: '2024-01-15', contractPrincipalFen: 1_000_000, receivedFen: 900_000,
        fees: [], period: 'month', schedule: [], payments: [], status: 'overdue',
      }, 1);
      expect(loan.id).toBeGreaterThan(0);
      expect((await repo.listLoans(db, a)).map((l) => l.lenderName)).toEqual(['某某消费金融']);
      expect(await repo.listLoans(db, b)).toEqual([]);
      expect(await repo.getLoan(db, b, loan.id)).toBeNull();
    });

    it('dedupes events by key within a case, not across cases', async () => {
      t = await makeStore(engine);
      const { db } = t.store;
      const a = await repo.createCase(db, 'A', 'Asia/Shanghai', 1, null);
      const b = await repo.createCase(db, 'B', 'Asia/Shanghai', 1, null);
      const rows = [ev('k1', 1000), ev('k2', 2000)].map((event) => ({ event, labels: ['collection' as const], spans: { collection: [[0, 2] as [number, number]] }, importId: null }));
      const first = await db.transaction().execute((trx) => repo.insertEvents(t!.store, trx, a, rows, 5));
      expect(first.every((id) => typeof id === 'number')).toBe(true);
      const again = await db.transaction().execute((trx) => repo.insertEvents(t!.store, trx, a, rows, 6));
      expect(again).toEqual([null, null]);
      await db.transaction().execute((trx) => repo.insertEvents(t!.store, trx, b, rows.slice(0, 1), 6));
      expect(await repo.countEvents(db, a)).toBe(2);
      expect(await repo.countEvents(db, b)).toBe(1);
      const listed = await repo.listEvents(db, a, { from: 1500 });
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatchObject({ dedupeKey: 'k2', labels: ['collection'], spans: { collection: [[0, 2]] }, at: 2000 });
    });

    it('rolls back a failed transaction completely', async () => {
      t = await makeStore(engine);
      const { db } = t.store;
      const a = await repo.createCase(db, 'A', 'Asia/Shanghai', 1, null);
      await expect(
        db.transaction().execute(async (trx) => {
          await repo.insertEvents(t!.store, trx, a, [{ event: ev('x1', 1), labels: [], spans: {}, importId: null }], 1);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await repo.countEvents(db, a)).toBe(0);
    });

    it('groups numbers into collectors and links events, keeping user-marked collectors', async () => {
      t = await makeStore(engine);
      const { db } = t.store;
      const a = await repo.createCase(db, 'A', 'Asia/Shanghai', 1, null);
      await db.transaction().execute((trx) =>
        repo.insertEvents(t!.store, trx, a, [ev('1', 1, '111'), ev('2', 2, '222'), ev('3', 3, '333')].map((event) => ({ event, labels: [], spans: {}, importId: null })), 1),
      );
      const marked = await repo.markCollector(db, a, '我标记的', ['333'], null);
      await repo.replaceAutoCollectors(db, a, [{ name: '某平台', numbers: ['111', '222', '333'], lenderName: '某平台', loanId: null }]);
      await repo.linkCollectorNumbers(db, a);
      const cols = await repo.listCollectors(db, a);
      expect(cols.map((c) => [c.name, c.numbers])).toEqual([['我标记的', ['333']], ['某平台', ['111', '222']]]);
      const evs = await repo.listEvents(db, a);
      expect(evs.find((e) => e.number === '333')!.collectorId).toBe(marked);
      expect(evs.find((e) => e.number === '111')!.collectorId).toBe(cols[1]!.id);
    });

    it('upserts contacts by dedupe key and finds them by number', async () => {
      t = await makeStore(engine);
      const { db } = t.store;
      const a = await repo.createCase(db, 'A', 'Asia/Shanghai', 1, null);
      const c = { name: '王芳', numbers: ['13900000002', '01012345678'], dedupeKey: 'v1' };
      expect((await repo.upsertContact(db, a, c)).added).toBe(true);
      expect((await repo.upsertContact(db, a, c)).added).toBe(false);
      expect((await repo.findContactByNumber(db, a, '01012345678'))?.name).toBe('王芳');
      expect(await repo.findContactByNumber(db, a, '13700000000')).toBeNull();
    });
  });
}
