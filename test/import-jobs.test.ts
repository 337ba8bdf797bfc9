/**
 * Issue 15: import jobs live in the `jobs` table (migration 0012_jobs, src/app/jobs.ts), not in one process's memory.
 * A second store on the same database stands for another app server behind the load balancer (or this app after a
 * restart): it answers a job's state, progress and result from the table, only within the job's case; a failure is
 * kept as the app's own sentence and code, never the parser's words; a running job whose process stopped is
 * reported, and stored, as interrupted.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/app/context.js';
import { jobStatus, jobsInternals, listImportJobs, STALE_MS, startUploadImport, type JobProgress } from '../src/app/jobs.js';
import { openStore, type Store } from '../src/store/db.js';
import * as repo from '../src/store/repo.js';
import { engines, makeStore, type TestStore } from './support/stores.js';

const VCF = Buffer.from('BEGIN:VCARD\nVERSION:3.0\nFN:王小明\nTEL:13800138000\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:李四\nTEL:13900139000\nEND:VCARD\n');

function ctxOf(store: Store, dataDir: string, caseId: number): AppContext {
  return { store, dataDir, caseId, tz: 'Asia/Shanghai', fileKey: null, now: () => Date.now() };
}

/** Polls until the job is no longer running, as the import page does (no fixed wait: a bounded number of turns). */
async function finished(ctx: AppContext, id: string): Promise<JobProgress> {
  for (let i = 0; i < 2000; i++) {
    const j = await jobStatus(ctx, id);
    if (j.state !== 'running') return j;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('job did not finish');
}

describe.each(engines())('import jobs in the database (%s)', (engine) => {
  let t: TestStore;
  let caseA: number;
  let caseB: number;
  let here: { a: AppContext; b: AppContext };
  /** PostgreSQL: another app server, its own store (connection pool) on the same database, open throughout. */
  let pgOther: Store | null = null;

  /**
   * Runs fn as the other server (PostgreSQL) or as the app after a restart (SQLite: a new store on the file, open only
   * between imports: an import switches the file's journal mode, which needs the file to itself, as the data-folder
   * lock gives it).
   */
  async function elsewhere<T>(fn: (there: { a: AppContext; b: AppContext; store: Store }) => Promise<T>): Promise<T> {
    const store = pgOther ?? (await openStore({ dataDir: t.dataDir }));
    try {
      return await fn({ a: ctxOf(store, t.dataDir, caseA), b: ctxOf(store, t.dataDir, caseB), store });
    } finally {
      if (store !== pgOther) await store.close();
    }
  }

  beforeAll(async () => {
    t = await makeStore(engine);
    const now = Date.now();
    caseA = await repo.createCase(t.store.db, 'A', 'Asia/Shanghai', now, null);
    caseB = await repo.createCase(t.store.db, 'B', 'Asia/Shanghai', now, null);
    if (engine === 'postgres') pgOther = await openStore({ databaseUrl: t.databaseUrl! });
    here = { a: ctxOf(t.store, t.dataDir, caseA), b: ctxOf(t.store, t.dataDir, caseB) };
  });
  afterAll(async () => {
    await pgOther?.close();
    await t?.cleanup();
  });

  it('another server answers a finished job from the table (state, progress, result), only in its case', async () => {
    const started = await startUploadImport(here.a, 'contacts.vcf', Readable.from([VCF]), VCF.length);
    const done = await finished(here.a, started.id);
    expect(done).toMatchObject({ state: 'done', result: { format: 'vcard', contactsAdded: 2 } });

    await elsewhere(async (there) => {
      const seen = await jobStatus(there.a, started.id);
      expect(seen).toMatchObject({ id: started.id, kind: 'import', file: 'contacts.vcf', state: 'done', stage: 'import', bytesRead: VCF.length, bytesTotal: VCF.length, added: 2 });
      expect(seen.result).toEqual(done.result);
      expect(seen.startedAt).toBe(done.startedAt);
      expect((await listImportJobs(there.a)).map((j) => j.id)).toContain(started.id);
      // Case B: not found, not listed.
      await expect(jobStatus(there.b, started.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await listImportJobs(there.b)).map((j) => j.id)).not.toContain(started.id);
    });
    // Nor in the process that ran it.
    await expect(jobStatus(here.b, started.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listImportJobs(here.b)).map((j) => j.id)).not.toContain(started.id);
  });

  it("a failure is stored as the app's sentence and code; the parser's words stay with the process that ran it", async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Title (张三 13800138000 借款合同) >>\n');
    const started = await startUploadImport(here.a, '借款合同.pdf', Readable.from([pdf]), pdf.length);
    const mine = await finished(here.a, started.id);
    expect(mine).toMatchObject({ state: 'failed', errorCode: 'file_pdf', hint: 'evidence' });
    expect(mine.detail).toBeTruthy();

    await elsewhere(async (there) => {
      const seen = await jobStatus(there.a, started.id);
      expect(seen).toMatchObject({ state: 'failed', errorCode: 'file_pdf', hint: 'evidence', error: mine.error });
      expect(seen.errorText?.zh).toMatch(/^「借款合同\.pdf」是 PDF 文件.*「证据」页/);
      expect(seen.detail).toBeUndefined();
      const row = await there.store.db.selectFrom('jobs').selectAll().where('case_id', '=', caseA).where('id', '=', started.id).executeTakeFirstOrThrow();
      expect(JSON.stringify(row)).not.toContain(mine.detail!);
    });
  });

  it('an upload cut off is stored as failed with its code', async () => {
    let reads = 0;
    // The connection drops after the first chunk.
    const body = new Readable({
      read() {
        if (reads++ === 0) this.push(Buffer.from('<?xml version="1.0"?><smses count="1">'));
        else this.destroy(new Error('connection reset'));
      },
    });
    await expect(startUploadImport(here.a, 'sms.xml', body, 10_000_000)).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await elsewhere(async (there) => {
      const rows = await there.store.db.selectFrom('jobs').selectAll().where('case_id', '=', caseA).where('file', '=', 'sms.xml').execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ state: 'failed', error_code: 'upload_interrupted' });
      expect((await jobStatus(there.a, rows[0]!.id)).errorText?.zh).toMatch(/上传中断了/);
    });
  });

  it('a running job whose process stopped is reported and stored as interrupted; one alive elsewhere stays running', async () => {
    await listImportJobs(here.a); // this store has started (its sweep at start is done) before the rows below exist
    const now = Date.now();
    const row = (id: string, heartbeatAt: number) => ({
      case_id: caseA, id, kind: 'import', file: 'sms-备份.xml', state: 'running', stage: 'import', bytes_read: 1000, bytes_total: 5000, records: 10, added: 0,
      error_code: null, error: null, error_text: null, hint: null, result: null, owner: 'a-process-that-died', heartbeat_at: heartbeatAt, created_at: now - STALE_MS * 2, updated_at: heartbeatAt,
    });
    await t.store.db.insertInto('jobs').values([row('dead-job', now - STALE_MS - 1000), row('alive-elsewhere', now)]).execute();
    // What the dead process had staged.
    mkdirSync(join(t.dataDir, 'uploads', 'dead-job'), { recursive: true });
    writeFileSync(join(t.dataDir, 'uploads', 'dead-job', 'sms-备份.xml'), '<smses>');
    // A fresh heartbeat: alive (another server's job).
    expect(await jobStatus(here.a, 'alive-elsewhere')).toMatchObject({ state: 'running', stage: 'import' });

    const dead = await elsewhere((there) => jobStatus(there.a, 'dead-job'));
    expect(dead).toMatchObject({ state: 'interrupted', errorCode: 'interrupted', bytesRead: 1000, bytesTotal: 5000 });
    expect(dead.errorText?.zh).toMatch(/^「sms-备份\.xml」的导入没有完成/);
    expect(dead.errorText?.en).toMatch(/did not finish/);
    const stored = await t.store.db.selectFrom('jobs').select(['state', 'error_code']).where('case_id', '=', caseA).where('id', '=', 'dead-job').executeTakeFirstOrThrow();
    expect(stored).toEqual({ state: 'interrupted', error_code: 'interrupted' });
    expect(existsSync(join(t.dataDir, 'uploads', 'dead-job'))).toBe(false);

    // After that start (elsewhere): PostgreSQL keeps the other server's job running. SQLite takes it as over at once:
    // one process uses the file (the data-folder lock), so a job another process left running is from one that stopped.
    const afterStart = engine === 'postgres' ? 'running' : 'interrupted';
    expect((await jobStatus(here.a, 'alive-elsewhere')).state).toBe(afterStart);
    const list = await listImportJobs(here.a);
    expect(list.find((j) => j.id === 'dead-job')?.state).toBe('interrupted');
    expect(list.find((j) => j.id === 'alive-elsewhere')?.state).toBe(afterStart);
    // Never another case's.
    await expect(jobStatus(here.b, 'dead-job')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  // PostgreSQL: while the import waits (here for the case's evidence lock, held by a test connection as another
  // writer would), another server sees it running, owned by a live process whose heartbeat keeps it so; then done.
  if (engine === 'postgres') it('another server sees a running import, then its end', async () => {
    const holder = new pg.Client({ connectionString: t.databaseUrl });
    await holder.connect();
    try {
      await holder.query('select pg_advisory_lock($1::int4, $2::int4)', [0x4878_0001, caseA]);
      const started = await startUploadImport(here.a, 'more.vcf', Readable.from([VCF]), VCF.length);
      await elsewhere(async (there) => {
        const running = await jobStatus(there.a, started.id);
        expect(running).toMatchObject({ state: 'running', stage: 'import', bytesTotal: VCF.length, file: 'more.vcf' });
        const row = await there.store.db.selectFrom('jobs').select(['owner', 'state']).where('case_id', '=', caseA).where('id', '=', started.id).executeTakeFirstOrThrow();
        expect(row).toEqual({ owner: jobsInternals.owner, state: 'running' });
        // Its heartbeat keeps it running: the row made to look a minute old, one heartbeat, and it is read as alive.
        await there.store.db.updateTable('jobs').set({ heartbeat_at: Date.now() - STALE_MS - 1000 }).where('case_id', '=', caseA).where('id', '=', started.id).execute();
        await jobsInternals.heartbeat();
        expect(await jobStatus(there.a, started.id)).toMatchObject({ state: 'running' });
        await holder.query('select pg_advisory_unlock($1::int4, $2::int4)', [0x4878_0001, caseA]);
        expect(await finished(there.a, started.id)).toMatchObject({ state: 'done', result: { format: 'vcard' } });
      });
    } finally {
      await holder.end();
    }
  });
});
