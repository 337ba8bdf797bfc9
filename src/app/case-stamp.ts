/**
 * The stamp of what a case's findings read (issue 15), for one case or a page of cases in a few queries: the one
 * source of "has this case changed since its findings were made". Findings (src/app/findings.ts), the derived row
 * they are kept in (case_findings, migration 0014) and the organisation's per-case digest (src/app/org-report.ts)
 * are all keyed by it, so a change that any of them would see changes the stamp for all of them.
 *
 * What it covers, and why each part, without reading one event row (a 5,000-event aggregate per request cost more
 * than the page it guarded, issue 15):
 *  - the evidence head: every event, contact, attachment and loan change is a record in the same transaction, so a
 *    new event or an OCR correction moves it;
 *  - the case's derived revision (cases.derived_rev, migration 0015): refreshDerived moves it after every change to
 *    the timeline's derived data, the changes that write no evidence record (labels made again by a new classifier or
 *    in context, collectors regrouped, contacts linked). Every app function that changes events in place ends with
 *    refreshDerived (relabel, imports, manual entries, collector marks, OCR corrections); a change made around the
 *    app (SQL by hand) must call caseChanged (src/app/derived.ts) to be seen;
 *  - contacts, their numbers, collectors (ids, loans, lender, claims) and their numbers, loans (updated_at), the
 *    number of settings, the case's time zone: small tables, read through their case_id keys. A setting's value (the
 *    person's LPR quotes) is covered by the derived revision: repo.setSetting moves it when a value changes.
 */
import { sql } from 'kysely';
import type { Store } from '../store/db.js';

export interface CaseStamp {
  /** Equal for two reads exactly when nothing the findings read changed in between through the app's functions. */
  key: string;
  /** Facts read on the way, for the case list: collectors in the case, complaints recorded, time of the last evidence record. */
  collectors: number;
  complaints: number;
  lastRecord: number | null;
}

/** The stamp of each case in ids that exists (ids of no case are left out). */
export async function caseStamps(store: Store, ids: number[]): Promise<Map<number, CaseStamp>> {
  const out = new Map<number, CaseStamp>();
  const list = [...new Set(ids.filter((id) => Number.isSafeInteger(id)))];
  if (!list.length) return out;
  const db = store.db;
  const inList = sql.join(list);
  type Row = Record<string, unknown> & { case_id: number; tz: string; rev: number };
  // One round trip: each part through its table's case_id key.
  const rows = await sql<Row>`select c.id as case_id, c.tz as tz, c.derived_rev as rev,
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
      (select count(*) from complaints x where x.case_id = c.id) as q_n
      from cases c where c.id in (${inList})`.execute(db);
  const str = (v: unknown) => (v == null ? '-' : typeof v === 'string' ? v : String(Number(v)));
  for (const r of rows.rows) {
    const id = Number(r.case_id);
    const parts = [
      r.tz,
      str(r.rev),
      ...['head', 'c_n', 'c_max', 'cn_n', 'k_n', 'k_max', 'k_loan', 'k_lender', 'kn_n', 'l_n', 'l_upd', 's_n'].map((k) => str(r[k])),
    ];
    out.set(id, { key: parts.join('|'), collectors: Number(r.k_n ?? 0), complaints: Number(r.q_n ?? 0), lastRecord: r.head_at == null ? null : Number(r.head_at) });
  }
  return out;
}

/** The stamp of one case (null: no such case). */
export async function caseStamp(store: Store, caseId: number): Promise<CaseStamp | null> {
  return (await caseStamps(store, [caseId])).get(caseId) ?? null;
}
