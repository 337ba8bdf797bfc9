/** 0010_org_case_keys on a database that already holds organisation rows: nothing lost, audit stays append-only. */
import { Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/store/db.js';
import { migrations } from '../../src/store/migrations/index.js';
import { engines, makeStore } from '../support/stores.js';

for (const engine of engines()) {
  describe(`0010_org_case_keys (${engine})`, () => {
    it('moves organisation-level audit records to case 0 and keeps shares and their invite codes', async () => {
      const ts = await makeStore(engine, { migrate: false });
      try {
        const db = ts.store.db;
        const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations(engine) } });
        const to = await migrator.migrateTo('0009_case_keys');
        expect(to.error).toBeUndefined();
        await sql`insert into cases (name, tz, created_at) values ('c', 'Asia/Shanghai', 1)`.execute(db);
        await sql`insert into audit_log (case_id, user_id, at, action, method, route) values (null, 1, 1, 'user.create', 'POST', '/api/org/users'), (1, 1, 2, 'case.read', 'GET', '/api/cases/:caseId/loans')`.execute(db);
        await sql`insert into case_shares (case_id, source, created_at, invite_hash) values (1, 'invite', 1, 'abc')`.execute(db);
        await migrateToLatest(ts.store);
        const audit = (await sql<{ case_id: number; action: string }>`select case_id, action from audit_log order by id`.execute(db)).rows;
        expect(audit.map((r) => [Number(r.case_id), r.action])).toEqual([
          [0, 'user.create'],
          [1, 'case.read'],
        ]);
        const shares = (await sql<{ case_id: number; invite_hash: string }>`select case_id, invite_hash from case_shares`.execute(db)).rows;
        expect(shares.map((r) => [Number(r.case_id), r.invite_hash])).toEqual([[1, 'abc']]);
        await expect(sql`update audit_log set action = 'x'`.execute(db)).rejects.toThrow(/append-only/);
        await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
      } finally {
        await ts.cleanup();
      }
    });
  });
}
