/**
 * Issue 15: import jobs live in the database, not in one process's memory, so that any app server behind a load
 * balancer answers the import page's poll and a job whose process died is reported as interrupted
 * (src/app/jobs.ts, docs/scaling.md). Keyed (case_id, id) like every case table (test/store/case-keys.test.ts).
 *
 * - state: running | done | failed | interrupted; stage (the phase): upload | import.
 * - progress: bytes_read / bytes_total (done / total), records and added; written at most every 250 ms a job.
 * - error_code and error / error_text: what the person is told, as the app wrote it (never the parser's or the
 *   database's own words, which can quote the file: those stay with the process that ran the job).
 * - owner and heartbeat_at: the process running the job refreshes heartbeat_at while it runs; a running row whose
 *   heartbeat stopped belongs to a process that died and is reported as interrupted.
 * - result: the import's summary as JSON, for the page after a reload.
 * Additive only.
 */
import { type Kysely, type Migration, sql } from 'kysely';

export function jobsMigration(): Migration {
  return {
    async up(db: Kysely<any>) {
      await sql`create table jobs (
        case_id bigint not null references cases(id),
        id text not null,
        kind text not null,
        file text not null,
        state text not null,
        stage text,
        bytes_read bigint not null default 0,
        bytes_total bigint not null default 0,
        records bigint not null default 0,
        added bigint not null default 0,
        error_code text,
        error text,
        error_text text,
        hint text,
        result text,
        owner text not null,
        heartbeat_at bigint not null,
        created_at bigint not null,
        updated_at bigint not null,
        primary key (case_id, id)
      )`.execute(db);
      await sql`create index jobs_case_created on jobs(case_id, created_at)`.execute(db);
      // The sweep for jobs whose process died reads running rows by heartbeat, across cases.
      await sql`create index jobs_state_heartbeat on jobs(state, heartbeat_at)`.execute(db);
    },
  };
}
