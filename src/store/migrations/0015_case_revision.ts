/**
 * Issue 15 (scale): a per-case counter the app moves after every change to the timeline's derived data (refreshDerived
 * in src/app/derived.ts: labels made again, collectors regrouped, contacts linked), the changes that write no evidence
 * record. With the evidence head it tells whether a case's findings are current (src/app/case-stamp.ts) without
 * reading its events: reading 5,000 events per request to find out cost more than the findings page itself.
 * Additive only.
 */
import { type Kysely, type Migration, sql } from 'kysely';

export function caseRevisionMigration(): Migration {
  return {
    async up(db: Kysely<any>) {
      await sql`alter table cases add column derived_rev bigint not null default 0`.execute(db);
    },
  };
}
