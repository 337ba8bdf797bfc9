/**
 * Issue 11 §5: each event names the classifier version that labelled it (src/domain/collection/classifier/model.ts,
 * classifierVersion). Rows inserted before this migration were labelled by an older classifier: they are marked
 * 'legacy', so that the app relabels them (src/app/relabel.ts). A NULL is a row labelled at insert by the running
 * classifier and not stamped yet (refreshDerived stamps it). Labels are derived data, not evidence: no evidence
 * payload holds them (docs/evidence-format.md). Additive only.
 */
import { type Kysely, type Migration, sql } from 'kysely';

export function labelledByMigration(): Migration {
  return {
    async up(db: Kysely<any>) {
      await sql`alter table events add column labelled_by text`.execute(db);
      await sql`update events set labelled_by = 'legacy'`.execute(db);
    },
  };
}
