/**
 * Issue 15: the organisation tables of 0008_org get case_id in their keys, as 0009_case_keys gave the older case
 * tables (distribution by case: docs/scaling.md; checked by test/store/case-keys.test.ts).
 *
 * - case_notes, case_tasks, case_shares, audit_log: primary key (case_id, id) on PostgreSQL, a unique (case_id, id)
 *   index on SQLite (whose autoincrement rowid cannot be composite).
 * - audit_log: organisation-level records (accounts, listings, reports) had case_id null; a key column cannot be
 *   null, so they move to case_id 0 (no case has id 0). The append-only triggers are lifted for that one update,
 *   inside this migration's transaction, and put back.
 * - case_shares.invite_hash: unique across the table was a constraint without case_id; codes are 80 random bits, so
 *   a plain index serves the lookup by code, and (case_id, invite_hash) stays unique.
 */
import { type Kysely, type Migration, sql } from 'kysely';

const TABLES = ['case_notes', 'case_tasks', 'case_shares', 'audit_log'] as const;

export function orgCaseKeysMigration(dialect: 'sqlite' | 'postgres'): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect === 'postgres') {
        await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db);
        await sql`update audit_log set case_id = 0 where case_id is null`.execute(db);
        await sql`alter table audit_log enable trigger audit_log_no_change`.execute(db);
        await sql`alter table audit_log alter column case_id set default 0`.execute(db);
        await sql`alter table audit_log alter column case_id set not null`.execute(db);
        const { rows } = await sql<{ conname: string }>`select conname from pg_constraint where contype = 'u' and conrelid = 'case_shares'::regclass`.execute(db);
        for (const r of rows) await sql`alter table case_shares drop constraint ${sql.id(r.conname)}`.execute(db);
        for (const t of TABLES) {
          const pk = await sql<{ conname: string }>`select conname from pg_constraint where contype = 'p' and conrelid = ${t}::regclass`.execute(db);
          for (const r of pk.rows) await sql`alter table ${sql.table(t)} drop constraint ${sql.id(r.conname)}`.execute(db);
          await sql`alter table ${sql.table(t)} add constraint ${sql.id(`${t}_pkey`)} primary key (case_id, id)`.execute(db);
        }
      } else {
        await sql`drop trigger audit_log_no_update`.execute(db);
        await sql`update audit_log set case_id = 0 where case_id is null`.execute(db);
        await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
        // SQLite keeps case_shares' inline unique(invite_hash): dropping it means rebuilding the table, and a database
        // whose schema had been rebuilt so could no longer be re-keyed by SQLite3 Multiple Ciphers ('database table
        // is locked' at the next passphrase change: test/passphrase.test.ts). SQLite is the local, one-case
        // database, never distributed; test/store/case-keys.test.ts lists this one exception.
        for (const t of TABLES) await sql`create unique index ${sql.id(`${t}_case_id_key`)} on ${sql.table(t)}(case_id, id)`.execute(db);
      }
      await sql`create index case_shares_invite on case_shares(invite_hash)`.execute(db);
      await sql`create unique index case_shares_case_invite on case_shares(case_id, invite_hash)`.execute(db);
    },
  };
}
