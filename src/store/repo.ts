/**
 * Repositories: the only code that speaks SQL. Every query is scoped by case.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Collector, Contact, Label, NewContact, NewEvent, Span, TimelineEvent } from '../domain/collection/types.js';
import type { Loan, LoanInput } from '../domain/loans/types.js';
import type { Store } from './db.js';
import type { DB } from './schema.js';
import { EVENT_ROW, EVENT_ROW_COLS, eventRowValues, type EventRowInput, type EventRowValues } from './event-row.js';

export type Q = Kysely<DB> | Transaction<DB>;

// ---------- cases ----------
export async function ensureDefaultCase(db: Q, tz: string, now: number): Promise<number> {
  const row = await db.selectFrom('cases').select('id').orderBy('id').limit(1).executeTakeFirst();
  if (row) return Number(row.id);
  const ins = await db.insertInto('cases').values({ name: '我的案件', tz, created_at: now, owner_user_id: null }).returning('id').executeTakeFirstOrThrow();
  return Number(ins.id);
}

export async function createCase(db: Q, name: string, tz: string, now: number, ownerUserId: number | null): Promise<number> {
  const ins = await db.insertInto('cases').values({ name, tz, created_at: now, owner_user_id: ownerUserId }).returning('id').executeTakeFirstOrThrow();
  return Number(ins.id);
}

export async function getCase(db: Q, caseId: number) {
  return db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
}

export async function listCases(db: Q) {
  return db.selectFrom('cases').selectAll().orderBy('id').execute();
}

// ---------- loans ----------
function rowToLoan(r: { id: number; case_id: number; data: string }): Loan {
  return { ...(JSON.parse(r.data) as LoanInput), id: Number(r.id), caseId: Number(r.case_id) };
}

export async function insertLoan(db: Q, caseId: number, loan: LoanInput, now: number): Promise<Loan> {
  const r = await db
    .insertInto('loans')
    .values({ case_id: caseId, lender_name: loan.lenderName, lender_type: loan.lenderType, contract_date: loan.contractDate, data: JSON.stringify(loan), created_at: now, updated_at: now })
    .returning(['id', 'case_id', 'data'])
    .executeTakeFirstOrThrow();
  return rowToLoan(r);
}

export async function updateLoan(db: Q, caseId: number, id: number, loan: LoanInput, now: number): Promise<Loan | null> {
  const r = await db
    .updateTable('loans')
    .set({ lender_name: loan.lenderName, lender_type: loan.lenderType, contract_date: loan.contractDate, data: JSON.stringify(loan), updated_at: now })
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .returning(['id', 'case_id', 'data'])
    .executeTakeFirst();
  return r ? rowToLoan(r) : null;
}

export async function deleteLoan(db: Q, caseId: number, id: number): Promise<boolean> {
  const r = await db.deleteFrom('loans').where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function listLoans(db: Q, caseId: number): Promise<Loan[]> {
  const rows = await db.selectFrom('loans').select(['id', 'case_id', 'data']).where('case_id', '=', caseId).orderBy('id').execute();
  return rows.map(rowToLoan);
}

export async function getLoan(db: Q, caseId: number, id: number): Promise<Loan | null> {
  const r = await db.selectFrom('loans').select(['id', 'case_id', 'data']).where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
  return r ? rowToLoan(r) : null;
}

// ---------- imports ----------
export async function startImport(db: Q, caseId: number, fileName: string, format: string, bytes: number, now: number): Promise<number> {
  const r = await db
    .insertInto('imports')
    .values({ case_id: caseId, file_name: fileName, format, sha256: null, bytes, status: 'running', records: 0, added: 0, error: null, started_at: now, finished_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function finishImport(db: Q, id: number, patch: { status: string; records: number; added: number; error: string | null; sha256?: string | null }, now: number) {
  await db
    .updateTable('imports')
    .set({ status: patch.status, records: patch.records, added: patch.added, error: patch.error, sha256: patch.sha256 ?? null, finished_at: now })
    .where('id', '=', id)
    .execute();
}

export async function listImports(db: Q, caseId: number) {
  return db.selectFrom('imports').selectAll().where('case_id', '=', caseId).orderBy('id', 'desc').execute();
}

// ---------- events ----------
export { eventRowValues, type EventRowInput, type EventRowValues } from './event-row.js';

const EVENT_INSERT_COLS = ['case_id', ...EVENT_ROW_COLS, 'created_at'] as const;

const sqliteStmtCache = new WeakMap<object, { run: (...a: unknown[]) => { changes: number; lastInsertRowid: number | bigint } }>();

/**
 * Inserts events, skipping any whose dedupe key the case already has (or that repeat a key earlier in
 * `rows`). Returns the ids of the rows actually added (in input order, null for skipped). SQLite takes a
 * prepared-statement fast path on the same connection (inside the caller's transaction).
 */
export async function insertEventRows(store: Store, db: Q, caseId: number, rows: EventRowValues[], now: number): Promise<(number | null)[]> {
  if (rows.length === 0) return [];
  if (store.sqlite) {
    let stmt = sqliteStmtCache.get(store.sqlite);
    if (!stmt) {
      stmt = store.sqlite.prepare(
        `insert into events (${EVENT_INSERT_COLS.join(',')}) values (${EVENT_INSERT_COLS.map(() => '?').join(',')}) on conflict(case_id, at, dedupe_key) do nothing`,
      ) as unknown as typeof stmt;
      sqliteStmtCache.set(store.sqlite, stmt!);
    }
    const ids: (number | null)[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const res = stmt!.run(caseId, ...rows[i]!, now);
      ids[i] = res.changes > 0 ? Number(res.lastInsertRowid) : null;
    }
    return ids;
  }
  const values = rows.map((r) => {
    const o: Record<string, unknown> = { case_id: caseId, created_at: now };
    EVENT_ROW_COLS.forEach((c, i) => (o[c] = r[i]));
    return o as never;
  });
  const inserted = await db
    .insertInto('events')
    .values(values)
    .onConflict((oc) => oc.columns(['case_id', 'at', 'dedupe_key']).doNothing())
    .returning(['id', 'at', 'dedupe_key'])
    .execute();
  const byKey = new Map(inserted.map((r) => [`${r.at}\u0000${r.dedupe_key}`, Number(r.id)]));
  return rows.map((r) => {
    const k = `${r[EVENT_ROW.at]}\u0000${r[EVENT_ROW.dedupe_key]}`;
    const id = byKey.get(k);
    byKey.delete(k); // a key repeated within rows was inserted once: only its first row is "added"
    return id ?? null;
  });
}

export async function insertEvents(store: Store, db: Q, caseId: number, rows: EventRowInput[], now: number): Promise<(number | null)[]> {
  return insertEventRows(store, db, caseId, rows.map(eventRowValues), now);
}

type EventRow = DB['events'] extends infer T ? { [K in keyof T]: T[K] extends import('kysely').Generated<infer U> ? U : T[K] } : never;

export function rowToEvent(r: EventRow): TimelineEvent {
  return {
    id: Number(r.id),
    caseId: Number(r.case_id),
    kind: r.kind as TimelineEvent['kind'],
    direction: r.direction as TimelineEvent['direction'],
    at: Number(r.at),
    tz: r.tz,
    number: r.number,
    counterpartName: r.counterpart_name,
    contactId: r.contact_id == null ? null : Number(r.contact_id),
    collectorId: r.collector_id == null ? null : Number(r.collector_id),
    loanId: r.loan_id == null ? null : Number(r.loan_id),
    text: r.text,
    durationS: r.duration_s == null ? null : Number(r.duration_s),
    callStatus: (r.call_status as TimelineEvent['callStatus']) ?? null,
    recipient: (r.recipient as TimelineEvent['recipient']) ?? undefined,
    contactNumber: r.contact_number,
    labels: JSON.parse(r.labels) as Label[],
    spans: JSON.parse(r.spans) as TimelineEvent['spans'],
    meta: JSON.parse(r.meta) as Record<string, unknown>,
    importId: r.import_id == null ? null : Number(r.import_id),
    position: r.position == null ? undefined : Number(r.position),
    dedupeKey: r.dedupe_key,
  };
}

export interface EventFilter {
  from?: number;
  to?: number;
  kinds?: string[];
  collectorId?: number;
  contactId?: number;
  labelled?: boolean;
  limit?: number;
  offset?: number;
}

export async function listEvents(db: Q, caseId: number, f: EventFilter = {}): Promise<TimelineEvent[]> {
  let q = db.selectFrom('events').selectAll().where('case_id', '=', caseId);
  if (f.from != null) q = q.where('at', '>=', f.from);
  if (f.to != null) q = q.where('at', '<', f.to);
  if (f.kinds?.length) q = q.where('kind', 'in', f.kinds);
  if (f.collectorId != null) q = q.where('collector_id', '=', f.collectorId);
  if (f.contactId != null) q = q.where('contact_id', '=', f.contactId);
  if (f.labelled) q = q.where('labels', '!=', '[]');
  q = q.orderBy('at').orderBy('id');
  if (f.limit != null) q = q.limit(f.limit);
  if (f.offset != null) q = q.offset(f.offset);
  const rows = await q.execute();
  return rows.map((r) => rowToEvent(r as EventRow));
}

export async function countEvents(db: Q, caseId: number): Promise<number> {
  const r = await db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', '=', caseId).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function getEvent(db: Q, caseId: number, id: number): Promise<TimelineEvent | null> {
  const r = await db.selectFrom('events').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
  return r ? rowToEvent(r as EventRow) : null;
}

export async function setEventLinks(db: Q, caseId: number, id: number, patch: { collector_id?: number | null; contact_id?: number | null; loan_id?: number | null; labels?: string; spans?: string }) {
  await db.updateTable('events').set(patch).where('case_id', '=', caseId).where('id', '=', id).execute();
}

/** Links every event from a number to its collector (after grouping). */
export async function linkCollectorNumbers(db: Q, caseId: number): Promise<void> {
  await sql`update events set collector_id = (select cn.collector_id from collector_numbers cn where cn.case_id = events.case_id and cn.number = events.number)
    where case_id = ${caseId} and number is not null`.execute(db);
  await sql`update events set collector_id = null where case_id = ${caseId} and number is not null
    and not exists (select 1 from collector_numbers cn where cn.case_id = events.case_id and cn.number = events.number)`.execute(db);
}

export async function linkContactNumbers(db: Q, caseId: number): Promise<void> {
  // A contact's report keeps the contact it was recorded for (by name, perhaps without a number) when no number links it.
  await sql`update events set contact_id = coalesce((select min(cn.contact_id) from contact_numbers cn where cn.case_id = events.case_id and cn.number = coalesce(events.contact_number, events.number)),
      case when kind = 'third_party_report' then contact_id end)
    where case_id = ${caseId}`.execute(db);
}

// ---------- contacts ----------
function rowToContact(r: { id: number; case_id: number; name: string; numbers: string; relation: string | null; is_guarantor: number; note: string | null; dedupe_key: string }): Contact {
  return {
    id: Number(r.id),
    caseId: Number(r.case_id),
    name: r.name,
    numbers: JSON.parse(r.numbers) as string[],
    relation: r.relation,
    isGuarantor: Boolean(Number(r.is_guarantor)),
    note: r.note,
    dedupeKey: r.dedupe_key,
  };
}

export async function upsertContact(db: Q, caseId: number, c: NewContact): Promise<{ id: number; added: boolean }> {
  const existing = await db.selectFrom('contacts').select('id').where('case_id', '=', caseId).where('dedupe_key', '=', c.dedupeKey).executeTakeFirst();
  if (existing) return { id: Number(existing.id), added: false };
  const r = await db
    .insertInto('contacts')
    .values({ case_id: caseId, name: c.name, numbers: JSON.stringify(c.numbers), relation: c.relation ?? null, is_guarantor: c.isGuarantor ? 1 : 0, note: c.note ?? null, dedupe_key: c.dedupeKey })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(r.id);
  for (const n of new Set(c.numbers)) {
    await db.insertInto('contact_numbers').values({ case_id: caseId, number: n, contact_id: id }).onConflict((oc) => oc.doNothing()).execute();
  }
  return { id, added: true };
}

export async function updateContact(db: Q, caseId: number, id: number, patch: { relation?: string | null; is_guarantor?: number; note?: string | null }) {
  await db.updateTable('contacts').set(patch).where('case_id', '=', caseId).where('id', '=', id).execute();
}

export async function listContacts(db: Q, caseId: number): Promise<Contact[]> {
  const rows = await db.selectFrom('contacts').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  return rows.map((r) => rowToContact(r as never));
}

export async function findContactByNumber(db: Q, caseId: number, number: string): Promise<Contact | null> {
  const r = await db
    .selectFrom('contacts')
    .innerJoin('contact_numbers', 'contact_numbers.contact_id', 'contacts.id')
    .selectAll('contacts')
    .where('contact_numbers.case_id', '=', caseId)
    .where('contact_numbers.number', '=', number)
    .executeTakeFirst();
  return r ? rowToContact(r as never) : null;
}

// ---------- collectors ----------
export async function listCollectors(db: Q, caseId: number): Promise<Collector[]> {
  const rows = await db.selectFrom('collectors').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  const nums = await db.selectFrom('collector_numbers').selectAll().where('case_id', '=', caseId).execute();
  const byId = new Map<number, string[]>();
  for (const n of nums) {
    const k = Number(n.collector_id);
    byId.set(k, [...(byId.get(k) ?? []), n.number]);
  }
  return rows.map((r) => ({
    id: Number(r.id),
    caseId: Number(r.case_id),
    name: r.name,
    numbers: (byId.get(Number(r.id)) ?? []).sort(),
    lenderName: r.lender_name,
    loanId: r.loan_id == null ? null : Number(r.loan_id),
    markedByUser: Boolean(Number(r.marked_by_user)),
    lenderEntityId: r.lender_entity_id ?? null,
    lenderBrandId: r.lender_brand_id ?? null,
    lenderSource: (r.lender_source ?? null) as Collector['lenderSource'],
    claims: parseClaims(r.claims),
  }));
}

function parseClaims(raw: string | null | undefined): string[] {
  try {
    const v = JSON.parse(raw ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export interface CollectorGroupRow {
  name: string;
  numbers: string[];
  lenderName: string | null;
  loanId: number | null;
  lenderEntityId?: string | null;
  lenderBrandId?: string | null;
  lenderSource?: string | null;
  claims?: string[];
}

/** Replaces the automatically found collectors; user-marked ones are kept. */
export async function replaceAutoCollectors(db: Q, caseId: number, groups: CollectorGroupRow[]) {
  const auto = await db.selectFrom('collectors').select('id').where('case_id', '=', caseId).where('marked_by_user', '=', 0).execute();
  const autoIds = auto.map((r) => Number(r.id));
  if (autoIds.length) {
    await db.deleteFrom('collector_numbers').where('case_id', '=', caseId).where('collector_id', 'in', autoIds).execute();
    await db.updateTable('events').set({ collector_id: null }).where('case_id', '=', caseId).where('collector_id', 'in', autoIds).execute();
    await db.deleteFrom('collectors').where('case_id', '=', caseId).where('id', 'in', autoIds).execute();
  }
  const taken = new Set((await db.selectFrom('collector_numbers').select('number').where('case_id', '=', caseId).execute()).map((r) => r.number));
  for (const g of groups) {
    const numbers = g.numbers.filter((n) => !taken.has(n));
    if (!numbers.length) continue;
    const r = await db
      .insertInto('collectors')
      .values({
        case_id: caseId, name: g.name, lender_name: g.lenderName, loan_id: g.loanId, marked_by_user: 0,
        lender_entity_id: g.lenderEntityId ?? null, lender_brand_id: g.lenderBrandId ?? null, lender_source: g.lenderSource ?? null, claims: JSON.stringify(g.claims ?? []),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const n of numbers) {
      taken.add(n);
      await db.insertInto('collector_numbers').values({ case_id: caseId, number: n, collector_id: Number(r.id) }).execute();
    }
  }
}

export async function markCollector(
  db: Q, caseId: number, name: string, numbers: string[], lenderName: string | null,
  link: { loanId?: number | null; lenderEntityId?: string | null; lenderBrandId?: string | null; lenderSource?: string | null; claims?: string[] } = {},
): Promise<number> {
  await db.deleteFrom('collector_numbers').where('case_id', '=', caseId).where('number', 'in', numbers).execute();
  await db.deleteFrom('number_marks').where('case_id', '=', caseId).where('number', 'in', numbers).execute();
  const r = await db
    .insertInto('collectors')
    .values({
      case_id: caseId, name, lender_name: lenderName, loan_id: link.loanId ?? null, marked_by_user: 1,
      lender_entity_id: link.lenderEntityId ?? null, lender_brand_id: link.lenderBrandId ?? null, lender_source: link.lenderSource ?? (lenderName ? 'user' : null), claims: JSON.stringify(link.claims ?? []),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const n of numbers) await db.insertInto('collector_numbers').values({ case_id: caseId, number: n, collector_id: Number(r.id) }).execute();
  await deleteEmptyCollectors(db, caseId);
  return Number(r.id);
}

/** Collectors left without a number (their numbers were marked elsewhere) go. */
export async function deleteEmptyCollectors(db: Q, caseId: number): Promise<void> {
  await sql`delete from collectors where case_id = ${caseId} and not exists (select 1 from collector_numbers cn where cn.case_id = collectors.case_id and cn.collector_id = collectors.id)`.execute(db);
}

/** Numbers the person marked "not a collector": taken out of every collector, and never grouped again. */
export async function markNotCollector(db: Q, caseId: number, numbers: string[], at: number): Promise<void> {
  if (!numbers.length) return;
  await db.deleteFrom('collector_numbers').where('case_id', '=', caseId).where('number', 'in', numbers).execute();
  await db.updateTable('events').set({ collector_id: null }).where('case_id', '=', caseId).where('number', 'in', numbers).execute();
  for (const n of numbers) {
    await db.deleteFrom('number_marks').where('case_id', '=', caseId).where('number', '=', n).execute();
    await db.insertInto('number_marks').values({ case_id: caseId, number: n, mark: 'not_collector', decided_at: at }).execute();
  }
  await deleteEmptyCollectors(db, caseId);
}

export async function listNumberMarks(db: Q, caseId: number): Promise<{ number: string; mark: string; decidedAt: number }[]> {
  const rows = await db.selectFrom('number_marks').selectAll().where('case_id', '=', caseId).orderBy('number').execute();
  return rows.map((r) => ({ number: r.number, mark: r.mark, decidedAt: Number(r.decided_at) }));
}

/** What a collector claims to be (authorities in its signatures), kept current for the person's own collectors too. */
export async function setCollectorClaims(db: Q, caseId: number, id: number, claims: string[]): Promise<void> {
  await db.updateTable('collectors').set({ claims: JSON.stringify(claims) }).where('case_id', '=', caseId).where('id', '=', id).execute();
}

/** The person's choice of loan for a collector: it becomes theirs (kept across regrouping). */
export async function setCollectorLoan(db: Q, caseId: number, id: number, loanId: number | null, lenderName: string | null): Promise<void> {
  await db
    .updateTable('collectors')
    .set({ loan_id: loanId, lender_name: lenderName, lender_entity_id: null, lender_brand_id: null, lender_source: loanId != null ? 'user' : null, marked_by_user: 1 })
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .execute();
}

// ---------- evidence ----------
export interface EvidenceRow {
  seq: number;
  kind: string;
  receivedAt: number;
  payload: string;
  prevHash: string;
  hash: string;
}

/** Key space of Huxun's PostgreSQL advisory locks on a case's evidence chain (the first of the two int4 keys). */
const EVIDENCE_LOCK_SPACE = 0x4878_0001;

/**
 * Takes the case's evidence-chain lock for the rest of the transaction, before its last record is read: writers of one
 * case (two staff members, an import and a note, several app servers) then append one after another, each after the
 * record the one before it wrote, instead of two reading the same last record and the second failing on the primary
 * key (case_id, seq) at commit. PostgreSQL: a transaction-scoped advisory lock keyed by the case id (released at
 * commit or rollback; other cases are not held up). SQLite: nothing to take: a transaction holds the store's one
 * connection from begin to commit (Kysely's SQLite driver), and one process uses a data folder (src/store/lock.ts).
 */
export async function lockCaseEvidence(db: Q, engine: 'sqlite' | 'postgres', caseId: number): Promise<void> {
  if (!db.isTransaction) throw new Error('evidence is appended inside a transaction (the row it proves and its record commit together)');
  if (engine !== 'postgres') return;
  // Case ids beyond int4 share a key with a smaller one: that only makes those two cases wait for each other.
  await sql`select pg_advisory_xact_lock(${EVIDENCE_LOCK_SPACE}::int4, ${caseId % 2147483647}::int4)`.execute(db);
}

export async function lastEvidence(db: Q, caseId: number): Promise<EvidenceRow | null> {
  const r = await db.selectFrom('evidence').selectAll().where('case_id', '=', caseId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return r ? { seq: Number(r.seq), kind: r.kind, receivedAt: Number(r.received_at), payload: r.payload, prevHash: r.prev_hash, hash: r.hash } : null;
}

export async function appendEvidenceRows(db: Q, caseId: number, rows: EvidenceRow[]) {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('evidence')
      .values(rows.slice(i, i + 500).map((r) => ({ case_id: caseId, seq: r.seq, kind: r.kind, received_at: r.receivedAt, payload: r.payload, prev_hash: r.prevHash, hash: r.hash })))
      .execute();
  }
}

const evidenceStmtCache = new WeakMap<object, { run: (...a: unknown[]) => unknown }>();

/** SQLite fast path on the caller's connection (inside its transaction). */
export function appendEvidenceRowsSqlite(sqlite: import('better-sqlite3-multiple-ciphers').Database, caseId: number, rows: EvidenceRow[]) {
  let stmt = evidenceStmtCache.get(sqlite);
  if (!stmt) {
    stmt = sqlite.prepare('insert into evidence (case_id, seq, kind, received_at, payload, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?)') as unknown as { run: (...a: unknown[]) => unknown };
    evidenceStmtCache.set(sqlite, stmt);
  }
  for (const r of rows) stmt.run(caseId, r.seq, r.kind, r.receivedAt, r.payload, r.prevHash, r.hash);
}

export async function* iterateEvidence(db: Q, caseId: number, batch = 5000): AsyncGenerator<EvidenceRow> {
  let after = -1;
  for (;;) {
    const rows = await db.selectFrom('evidence').selectAll().where('case_id', '=', caseId).where('seq', '>', after).orderBy('seq').limit(batch).execute();
    if (!rows.length) return;
    for (const r of rows) yield { seq: Number(r.seq), kind: r.kind, receivedAt: Number(r.received_at), payload: r.payload, prevHash: r.prev_hash, hash: r.hash };
    after = Number(rows[rows.length - 1]!.seq);
  }
}

// ---------- attachments ----------
export async function insertAttachment(
  db: Q,
  caseId: number,
  a: { sha256: string; mime: string; size: number; name: string | null; source: string; claimedAt: number | null; receivedAt: number; eventId: number | null; note: string | null },
): Promise<boolean> {
  const r = await db
    .insertInto('attachments')
    .values({ case_id: caseId, sha256: a.sha256, mime: a.mime, size: a.size, name: a.name, source: a.source, claimed_at: a.claimedAt, received_at: a.receivedAt, event_id: a.eventId, note: a.note })
    .onConflict((oc) => oc.columns(['case_id', 'sha256']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function listAttachments(db: Q, caseId: number) {
  const rows = await db.selectFrom('attachments').selectAll().where('case_id', '=', caseId).orderBy('received_at').execute();
  return rows.map((r) => ({
    sha256: r.sha256,
    mime: r.mime,
    size: Number(r.size),
    name: r.name,
    source: r.source,
    claimedAt: r.claimed_at == null ? null : Number(r.claimed_at),
    receivedAt: Number(r.received_at),
    eventId: r.event_id == null ? null : Number(r.event_id),
    note: r.note,
  }));
}

// ---------- settings ----------
export async function getSetting(db: Q, caseId: number, key: string): Promise<string | null> {
  const r = await db.selectFrom('settings').select('value').where('case_id', '=', caseId).where('key', '=', key).executeTakeFirst();
  return r?.value ?? null;
}

/**
 * Moves the case's derived revision (cases.derived_rev, migration 0015), which the findings' stamp reads
 * (src/app/case-stamp.ts): for changes that write no evidence record.
 */
export async function bumpCaseRevision(db: Q, caseId: number): Promise<void> {
  await sql`update cases set derived_rev = derived_rev + 1 where id = ${caseId}`.execute(db);
}

/**
 * A case setting. A changed value moves the case's derived revision, so that findings made under the old value (the
 * person's LPR quotes, the plan) are made again: the stamp once summed the settings' lengths and missed a correction
 * of the same length.
 */
export async function setSetting(db: Q, caseId: number, key: string, value: string) {
  const old = await db.selectFrom('settings').select('value').where('case_id', '=', caseId).where('key', '=', key).executeTakeFirst();
  if (old?.value === value) return;
  await db
    .insertInto('settings')
    .values({ case_id: caseId, key, value })
    .onConflict((oc) => oc.columns(['case_id', 'key']).doUpdateSet({ value }))
    .execute();
  await bumpCaseRevision(db, caseId);
}
