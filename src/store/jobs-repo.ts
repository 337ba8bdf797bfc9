/**
 * Import jobs in the database (migration 0012_jobs): one row a job, written whole (upsert) by the process that runs
 * it, read by any process. Every read names its case: a job of another case is not found.
 */
import type { Q } from './repo.js';
import type { JobsTable } from './schema.js';

export type JobRow = JobsTable;

/** Inserts the job, or replaces what the row says (the owner writes the whole state each time). */
export async function upsertJob(db: Q, row: JobRow): Promise<void> {
  const { case_id: _c, id: _i, created_at: _t, ...rest } = row;
  await db
    .insertInto('jobs')
    .values(row)
    .onConflict((oc) => oc.columns(['case_id', 'id']).doUpdateSet(rest))
    .execute();
}

export async function getJobRow(db: Q, caseId: number, id: string): Promise<JobRow | null> {
  const r = await db.selectFrom('jobs').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
  return r ? normalize(r) : null;
}

/** The case's jobs created since `since` and any still running, newest first. */
export async function listJobRows(db: Q, caseId: number, kind: string, since: number): Promise<JobRow[]> {
  const rows = await db
    .selectFrom('jobs')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .where((eb) => eb.or([eb('created_at', '>=', since), eb('state', '=', 'running')]))
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map(normalize);
}

/** Marks the given running jobs of this owner alive. */
export async function heartbeatJobs(db: Q, owner: string, ids: string[], now: number): Promise<void> {
  if (!ids.length) return;
  await db.updateTable('jobs').set({ heartbeat_at: now }).where('owner', '=', owner).where('id', 'in', ids).where('state', '=', 'running').execute();
}

/**
 * Running jobs whose heartbeat is older than `staleBefore` (their process died), except those `alive` says the
 * caller's process still runs: set to interrupted with the given code and message. Returns their ids and cases (the
 * caller removes what they staged).
 */
export async function interruptStaleJobs(
  db: Q,
  staleBefore: number,
  now: number,
  error: { code: string; text: (file: string) => { zh: string; en: string } },
  alive: (job: { id: string; owner: string }) => boolean,
): Promise<{ caseId: number; id: string }[]> {
  const stale = (await db.selectFrom('jobs').select(['case_id', 'id', 'file', 'owner']).where('state', '=', 'running').where('heartbeat_at', '<', staleBefore).execute()).filter((s) => !alive(s));
  for (const s of stale) {
    const t = error.text(s.file);
    // Conditional on still being running and stale: a job that finished (or beat) meanwhile keeps its state.
    await db
      .updateTable('jobs')
      .set({ state: 'interrupted', error_code: error.code, error: `${t.zh} / ${t.en}`, error_text: JSON.stringify(t), hint: null, updated_at: now })
      .where('case_id', '=', s.case_id)
      .where('id', '=', s.id)
      .where('state', '=', 'running')
      .where('heartbeat_at', '<', staleBefore)
      .execute();
  }
  return stale.map((s) => ({ caseId: Number(s.case_id), id: s.id }));
}

/** Finished jobs last changed before `before` go (the page shows the last hour's). */
export async function deleteOldJobs(db: Q, before: number): Promise<void> {
  await db.deleteFrom('jobs').where('state', '!=', 'running').where('updated_at', '<', before).execute();
}

function normalize(r: JobRow): JobRow {
  return {
    ...r,
    case_id: Number(r.case_id),
    bytes_read: Number(r.bytes_read),
    bytes_total: Number(r.bytes_total),
    records: Number(r.records),
    added: Number(r.added),
    heartbeat_at: Number(r.heartbeat_at),
    created_at: Number(r.created_at),
    updated_at: Number(r.updated_at),
  };
}
