/**
 * Issue 15 (scale): each case's findings as the rule engine last made them, with the stamp of the case's data they
 * were made for (src/app/case-stamp.ts) and the organisation's per-case digest of them (src/app/org-report.ts), so
 * that a findings page or a case list on an unchanged case is a row fetch instead of loading every event and running
 * every rule on the server's one thread. Derived data: rebuilt from the case whenever the stamp differs, never an
 * evidence record, never exported with the case (src/app/case-transfer.ts NOT_TRANSFERRED). Keyed by case_id like
 * every case table (test/store/case-keys.test.ts).
 *
 * The digest used to be kept in the case's settings (key org_report_digest); those rows are derived too and go.
 * Additive only (a new table; the rows removed are caches).
 */
import { type Kysely, type Migration, sql } from 'kysely';

export function caseFindingsMigration(): Migration {
  return {
    async up(db: Kysely<any>) {
      await sql`create table case_findings (
        case_id bigint not null references cases(id),
        stamp text not null,
        findings text not null,
        digest text,
        computed_at bigint not null,
        primary key (case_id)
      )`.execute(db);
      await sql`delete from settings where key = 'org_report_digest'`.execute(db);
    },
  };
}
