/**
 * Issue 15 (scale): the schema is ready to distribute by case. Reads the live schema after every migration (so it
 * also covers tables added later) and fails, listing the offenders, when a table with a case_id column lacks case_id
 * in its primary key (SQLite: in its primary key or a unique index, see src/store/migrations/0009_case_keys.ts),
 * when a unique index of a case table does not include case_id, or (PostgreSQL) when a foreign key between two case
 * tables does not carry case_id on both sides. Tables without case_id must be named below with the reason they are
 * not case-owned.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, makeStore, type TestStore } from '../support/stores.js';

/** Tables that are not owned by one case, and why (Citus: reference tables or local to the coordinator). */
const NOT_CASE_OWNED: Record<string, string> = {
  cases: 'the case itself: its id is the case id (the distribution column), every case table refers to it by case_id',
  users: 'accounts span cases (a caseworker has many); a reference table',
  sessions: 'belong to a user, not a case (the case comes per request from the route); a reference table',
  login_attempts: 'rate limiting per account and address, before any case is known',
  kysely_migration: 'migration bookkeeping',
  kysely_migration_lock: 'migration bookkeeping',
};

interface Table {
  name: string;
  columns: string[];
  pk: string[];
  unique: { name: string; columns: string[] }[];
  fks: { name: string; columns: string[]; ref: string; refColumns: string[] }[];
}

async function pgSchema(db: Kysely<any>): Promise<Table[]> {
  const cols = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns where table_schema = current_schema() order by table_name, ordinal_position`.execute(db);
  const idx = await sql<{ table_name: string; index_name: string; primary: boolean; unique: boolean; columns: string[] }>`
    select t.relname as table_name, i.relname as index_name, x.indisprimary as primary, x.indisunique as unique,
      array(select a.attname from unnest(x.indkey) with ordinality k(attnum, n) join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum order by k.n)::text[] as columns
    from pg_index x join pg_class t on t.oid = x.indrelid join pg_class i on i.oid = x.indexrelid join pg_namespace s on s.oid = t.relnamespace
    where s.nspname = current_schema()`.execute(db);
  const fks = await sql<{ table_name: string; name: string; ref: string; columns: string[]; ref_columns: string[] }>`
    select t.relname as table_name, c.conname as name, r.relname as ref,
      array(select a.attname from unnest(c.conkey) with ordinality k(attnum, n) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.n)::text[] as columns,
      array(select a.attname from unnest(c.confkey) with ordinality k(attnum, n) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum order by k.n)::text[] as ref_columns
    from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_class r on r.oid = c.confrelid join pg_namespace s on s.oid = t.relnamespace
    where c.contype = 'f' and s.nspname = current_schema()`.execute(db);
  const tables = new Map<string, Table>();
  for (const c of cols.rows) {
    const t = tables.get(c.table_name) ?? { name: c.table_name, columns: [], pk: [], unique: [], fks: [] };
    t.columns.push(c.column_name);
    tables.set(c.table_name, t);
  }
  for (const i of idx.rows) {
    const t = tables.get(i.table_name);
    if (!t) continue;
    if (i.primary) t.pk = i.columns;
    else if (i.unique) t.unique.push({ name: i.index_name, columns: i.columns });
  }
  for (const f of fks.rows) tables.get(f.table_name)?.fks.push({ name: f.name, columns: f.columns, ref: f.ref, refColumns: f.ref_columns });
  return [...tables.values()];
}

async function sqliteSchema(db: Kysely<any>): Promise<Table[]> {
  const names = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db);
  const out: Table[] = [];
  for (const { name } of names.rows) {
    const info = await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${name})`.execute(db);
    const list = await sql<{ name: string; unique: number; origin: string }>`select name, "unique", origin from pragma_index_list(${name})`.execute(db);
    const unique: Table['unique'] = [];
    for (const i of list.rows.filter((r) => r.unique)) {
      const cols = await sql<{ name: string }>`select name from pragma_index_info(${i.name}) order by seqno`.execute(db);
      unique.push({ name: i.name, columns: cols.rows.map((c) => c.name) });
    }
    const fk = await sql<{ id: number; table: string; from: string; to: string | null }>`select id, "table", "from", "to" from pragma_foreign_key_list(${name})`.execute(db);
    const fks = new Map<number, Table['fks'][number]>();
    for (const f of fk.rows) {
      const e = fks.get(f.id) ?? { name: `${name}#${f.id}`, columns: [], ref: f.table, refColumns: [] };
      e.columns.push(f.from);
      e.refColumns.push(f.to ?? 'id');
      fks.set(f.id, e);
    }
    out.push({
      name,
      columns: info.rows.map((c) => c.name),
      pk: info.rows.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
      unique,
      fks: [...fks.values()],
    });
  }
  return out;
}

/**
 * Unique constraints SQLite keeps without case_id, with why: the local database is one person's and never
 * distributed, and dropping an inline constraint needs a table rebuild (0010_org_case_keys.ts says what that broke).
 */
const SQLITE_UNIQUE_KEPT: Record<string, string[]> = { case_shares: ['invite_hash'] };

/** Every problem the schema has for distribution by case, one line each. */
function offenders(engine: 'sqlite' | 'postgres', tables: Table[]): string[] {
  const bad: string[] = [];
  const caseTables = new Set(tables.filter((t) => t.columns.includes('case_id')).map((t) => t.name));
  for (const t of tables) {
    if (!caseTables.has(t.name)) {
      if (!(t.name in NOT_CASE_OWNED)) bad.push(`${t.name}: no case_id column and not listed as not case-owned`);
      continue;
    }
    const keyed = t.pk.includes('case_id') || (engine === 'sqlite' && t.unique.some((u) => u.columns.includes('case_id') && t.pk.every((c) => u.columns.includes(c))));
    if (!keyed) bad.push(`${t.name}: primary key (${t.pk.join(', ')}) lacks case_id`);
    for (const u of t.unique) {
      if (u.columns.includes('case_id')) continue;
      if (engine === 'sqlite' && SQLITE_UNIQUE_KEPT[t.name]?.join() === u.columns.join()) continue;
      bad.push(`${t.name}: unique index ${u.name} (${u.columns.join(', ')}) lacks case_id`);
    }
    // SQLite keeps its single-column foreign keys (0009_case_keys.ts): the local app is never distributed.
    if (engine === 'postgres') {
      for (const f of t.fks) {
        if (!caseTables.has(f.ref)) continue; // to cases(id) or a reference table: allowed by Citus
        const i = f.columns.indexOf('case_id');
        if (i < 0 || f.refColumns[i] !== 'case_id') bad.push(`${t.name}: foreign key ${f.name} (${f.columns.join(', ')}) → ${f.ref}(${f.refColumns.join(', ')}) lacks case_id on both sides`);
      }
    }
  }
  return bad;
}

describe.each(engines())('case keys (%s)', (engine) => {
  let s: TestStore;
  let tables: Table[];
  beforeAll(async () => {
    s = await makeStore(engine);
    tables = engine === 'postgres' ? await pgSchema(s.store.db) : await sqliteSchema(s.store.db);
  });
  afterAll(() => s?.cleanup());

  it('every table with case_id carries it in its key, unique indexes and foreign keys', () => {
    expect(tables.length).toBeGreaterThan(10);
    expect(offenders(engine, tables)).toEqual([]);
  });

  it('the check finds a table keyed by id alone (so it can fail)', () => {
    const fake: Table = { name: 'notes', columns: ['id', 'case_id', 'text'], pk: ['id'], unique: [{ name: 'notes_text', columns: ['text'] }], fks: [] };
    expect(offenders(engine, [fake])).toEqual(['notes: primary key (id) lacks case_id', 'notes: unique index notes_text (text) lacks case_id']);
    expect(offenders(engine, [{ name: 'widgets', columns: ['id'], pk: ['id'], unique: [], fks: [] }])).toEqual(['widgets: no case_id column and not listed as not case-owned']);
  });

  it('the events primary key includes case_id (read from the live schema)', () => {
    const ev = tables.find((t) => t.name === 'events')!;
    if (engine === 'postgres') expect(ev.pk).toEqual(['case_id', 'id']);
    else expect(ev.unique.map((u) => u.columns)).toContainEqual(['case_id', 'id']);
  });

  // PostgreSQL only (SQLite keeps single-column foreign keys); defined only there, so no suite reports a skip.
  if (engine === 'postgres') it('a contact number cannot point at another case’s contact', async () => {
    const db = s.store.db;
    const a = await db.insertInto('cases').values({ name: 'A', tz: 'Asia/Shanghai', created_at: 0, owner_user_id: null }).returning('id').executeTakeFirstOrThrow();
    const b = await db.insertInto('cases').values({ name: 'B', tz: 'Asia/Shanghai', created_at: 0, owner_user_id: null }).returning('id').executeTakeFirstOrThrow();
    const c = await db.insertInto('contacts').values({ case_id: a.id, name: '张三', numbers: '[]', relation: null, is_guarantor: 0, note: null, dedupe_key: 'k' }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('contact_numbers').values({ case_id: a.id, number: '13800000000', contact_id: c.id }).execute();
    await expect(db.insertInto('contact_numbers').values({ case_id: b.id, number: '13800000000', contact_id: c.id }).execute()).rejects.toThrow(/foreign key/);
  });
});
