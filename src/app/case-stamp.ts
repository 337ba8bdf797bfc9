/**
 * The stamp of what a case's findings read (issue 15), for one case or a page of cases in a few queries: the one
 * source of "has this case changed since its findings were made". Findings (src/app/findings.ts), the derived row
 * they are kept in (case_findings, migration 0014) and the organisation's per-case digest (src/app/org-report.ts)
 * are all keyed by it, so a change that any of them would see changes the stamp for all of them.
 *
 * What it covers, and why each part:
 *  - the events: count, newest id, the sums of their links to collectors, contacts and loans (a regrouping or a
 *    contact linked later moves them), a checksum of their labels (each event's set of labels as a bitmask, weighted
 *    by its id: a relabel in place writes no evidence record, and swapping one label for another of the same length
 *    must still show), and the classifier versions that labelled them;
 *  - the evidence head: every event, contact, attachment and loan change is a record in the same transaction;
 *  - contacts, their numbers, collectors (ids, loans, lender, claims) and their numbers, loans (updated_at), the
 *    settings (the person's LPR quotes), the case's time zone.
 * Nothing here reads an event's text: the evidence head covers what changes it (an OCR correction is a record).
 */
import { sql } from 'kysely';
import { LABELS } from '../domain/collection/types.js';
import type { Store } from '../store/db.js';

export interface CaseStamp {
  /** Equal for two reads exactly when nothing the findings read changed in between (within the checksum's reach). */
  key: string;
  /** Facts read on the way, for the case list: collectors in the case, complaints recorded, time of the last evidence record. */
  collectors: number;
  complaints: number;
  lastRecord: number | null;
}

/** Each event's labels as a bitmask (bit i: LABELS[i]), a number both engines compute the same way. */
const LABEL_MASK = sql.join(
  LABELS.map((l, i) => sql`(case when labels like ${sql.lit(`%"${l}"%`)} then ${sql.raw(String(2 ** i))} else 0 end)`),
  sql` + `,
);

/** The stamp of each case in ids that exists (ids of no case are left out). */
export async function caseStamps(store: Store, ids: number[]): Promise<Map<number, CaseStamp>> {
  const out = new Map<number, CaseStamp>();
  const list = [...new Set(ids.filter((id) => Number.isSafeInteger(id)))];
  if (!list.length) return out;
  const db = store.db;
  const inList = sql.join(list);
  type Row = Record<string, unknown> & { case_id: number };
  const [cases, events, rest] = await Promise.all([
    sql<{ case_id: number; tz: string }>`select id as case_id, tz from cases where id in (${inList})`.execute(db),
    // One pass over the events of the cases (index on case_id first).
    sql<Row>`select case_id, count(*) as e_n, max(id) as e_max, sum(coalesce(collector_id, 0)) as e_col,
      sum(coalesce(contact_id, 0)) as e_con, sum(coalesce(loan_id, 0)) as e_loan, sum(id * (${LABEL_MASK})) as e_lab,
      min(labelled_by) as e_by0, max(labelled_by) as e_by1 from events where case_id in (${inList}) group by case_id`.execute(db),
    // Everything else per case, through each table's case_id key.
    sql<Row>`select c.id as case_id,
      (select e.seq from evidence e where e.case_id = c.id order by e.seq desc limit 1) as head,
      (select e.received_at from evidence e where e.case_id = c.id order by e.seq desc limit 1) as head_at,
      (select count(*) from contacts x where x.case_id = c.id) as c_n,
      (select max(id) from contacts x where x.case_id = c.id) as c_max,
      (select count(*) from contact_numbers x where x.case_id = c.id) as cn_n,
      (select count(*) from collectors x where x.case_id = c.id) as k_n,
      (select max(id) from collectors x where x.case_id = c.id) as k_max,
      (select sum(coalesce(loan_id, 0)) from collectors x where x.case_id = c.id) as k_loan,
      (select sum(length(coalesce(lender_name, '')) + length(coalesce(lender_entity_id, '')) + length(coalesce(lender_brand_id, '')) + length(claims) + marked_by_user) from collectors x where x.case_id = c.id) as k_lender,
      (select count(*) from collector_numbers x where x.case_id = c.id) as kn_n,
      (select count(*) from loans x where x.case_id = c.id) as l_n,
      (select max(updated_at) from loans x where x.case_id = c.id) as l_upd,
      (select count(*) from settings x where x.case_id = c.id) as s_n,
      (select sum(length(value)) from settings x where x.case_id = c.id) as s_len,
      (select count(*) from complaints x where x.case_id = c.id) as q_n
      from cases c where c.id in (${inList})`.execute(db),
  ]);
  const ev = new Map(events.rows.map((r) => [Number(r.case_id), r]));
  const re = new Map(rest.rows.map((r) => [Number(r.case_id), r]));
  const str = (v: unknown) => (v == null ? '-' : typeof v === 'string' ? v : String(Number(v)));
  for (const c of cases.rows) {
    const id = Number(c.case_id);
    const e: Record<string, unknown> = ev.get(id) ?? {};
    const r: Record<string, unknown> = re.get(id) ?? {};
    const parts = [
      c.tz,
      ...['e_n', 'e_max', 'e_col', 'e_con', 'e_loan', 'e_lab', 'e_by0', 'e_by1'].map((k) => str(e[k] ?? (k === 'e_n' ? 0 : null))),
      ...['head', 'c_n', 'c_max', 'cn_n', 'k_n', 'k_max', 'k_loan', 'k_lender', 'kn_n', 'l_n', 'l_upd', 's_n', 's_len'].map((k) => str(r[k])),
    ];
    out.set(id, { key: parts.join('|'), collectors: Number(r.k_n ?? 0), complaints: Number(r.q_n ?? 0), lastRecord: r.head_at == null ? null : Number(r.head_at) });
  }
  return out;
}

/** The stamp of one case (null: no such case). */
export async function caseStamp(store: Store, caseId: number): Promise<CaseStamp | null> {
  return (await caseStamps(store, [caseId])).get(caseId) ?? null;
}
