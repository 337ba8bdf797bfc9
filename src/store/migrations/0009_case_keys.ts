/**
 * Issue 15 (scale): every case-owned table carries case_id in its primary key, so that the schema can be
 * distributed by case (Citus: the distribution column must be part of every primary key, unique constraint and
 * foreign key between distributed tables; docs/scaling.md). test/store/case-keys.test.ts reads the live schema and
 * fails on any table that misses it. Additive only: the tables keep their `id` column and its sequence (ids stay
 * unique across cases, so `returning id` and every `where case_id = ? and id = ?` work as before).
 *
 * PostgreSQL: the primary key of each table with its own `id` becomes (case_id, id), and the two foreign keys that
 * pointed at `id` alone (contact_numbers → contacts, collector_numbers → collectors) become composite,
 * (case_id, x_id) → x(case_id, id): a number can then only belong to a contact or collector of its own case, which
 * the single-column key did not say. The old foreign keys must go first: they depend on the primary key being
 * replaced. Rewriting a primary key rebuilds its index (events: one pass over the table, at upgrade time only).
 * No foreign key is dropped: the others point at cases(id), whose id is the case id itself (the distribution column
 * of `cases`), or at users(id), a table that is not case-owned (a reference table), and both stay as they are.
 *
 * SQLite: an `integer primary key autoincrement` is the rowid and cannot be composite, and SQLite cannot change a
 * table's keys without rebuilding it. A unique index (case_id, id) says the same thing to the schema test and to a
 * later copy into PostgreSQL; the foreign keys stay single-column there (SQLite is the local app, one case, never
 * distributed).
 */
import { type Kysely, type Migration, sql } from 'kysely';

/** Tables of 0001–0007 with their own `id` and a case_id column. */
export const CASE_TABLES_WITH_ID = ['loans', 'imports', 'contacts', 'collectors', 'events', 'plan_payments', 'plan_agreements', 'complaints'] as const;

/** Foreign keys to `x(id)` from a table that has case_id: made composite on PostgreSQL. */
const COMPOSITE_FKS = [
  { table: 'contact_numbers', column: 'contact_id', ref: 'contacts' },
  { table: 'collector_numbers', column: 'collector_id', ref: 'collectors' },
] as const;

export function caseKeysMigration(dialect: 'sqlite' | 'postgres'): Migration {
  return {
    async up(db: Kysely<any>) {
      if (dialect === 'sqlite') {
        for (const t of CASE_TABLES_WITH_ID) await sql`create unique index ${sql.id(`${t}_case_id_key`)} on ${sql.table(t)}(case_id, id)`.execute(db);
        return;
      }
      // Constraint names are looked up, not assumed (PostgreSQL names them table_column_fkey / table_pkey, but a
      // database created by hand or by another tool may differ).
      for (const fk of COMPOSITE_FKS) {
        const { rows } = await sql<{ conname: string }>`
          select c.conname from pg_constraint c
          join pg_class t on t.oid = c.conrelid and t.relname = ${fk.table}
          join pg_namespace n on n.oid = t.relnamespace and n.nspname = current_schema()
          where c.contype = 'f' and c.confrelid = ${fk.ref}::regclass`.execute(db);
        for (const r of rows) await sql`alter table ${sql.table(fk.table)} drop constraint ${sql.id(r.conname)}`.execute(db);
      }
      for (const t of CASE_TABLES_WITH_ID) {
        const { rows } = await sql<{ conname: string }>`
          select c.conname from pg_constraint c where c.contype = 'p' and c.conrelid = ${t}::regclass`.execute(db);
        for (const r of rows) await sql`alter table ${sql.table(t)} drop constraint ${sql.id(r.conname)}`.execute(db);
        await sql`alter table ${sql.table(t)} add constraint ${sql.id(`${t}_pkey`)} primary key (case_id, id)`.execute(db);
      }
      for (const fk of COMPOSITE_FKS) {
        await sql`alter table ${sql.table(fk.table)} add constraint ${sql.id(`${fk.table}_${fk.column}_fkey`)} foreign key (case_id, ${sql.id(fk.column)}) references ${sql.table(fk.ref)}(case_id, id)`.execute(db);
      }
    },
  };
}
