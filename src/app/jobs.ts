/**
 * Background imports for the web UI: the upload is saved to the data folder, then imported off the
 * request (the request returns at once with a job id the UI polls).
 *
 * A job's state is a row of the case's `jobs` table (migration 0012_jobs), so that any app server of an
 * organisation answers the page's poll and the page finds its jobs again after a reload or a restart (issue 15,
 * docs/scaling.md). The process running a job also keeps it in memory and answers from there first: on SQLite the
 * import's transaction holds the one connection, so the row can only be written, and read, between imports.
 *
 * - Progress is written at most every PROGRESS_WRITE_MS a job, never awaited by the import: an import reports
 *   progress per batch, and a write per batch would slow it down.
 * - While a job runs, its process refreshes the row's heartbeat; a running row whose heartbeat is older than
 *   STALE_MS belongs to a process that died (a server restarted mid-import) and is reported, and stored, as
 *   interrupted: never running forever.
 * - What the row keeps of a failure is what the app wrote for the person (code, sentence); the parser's or the
 *   database's own words (`detail`) can quote the file and stay in this process's memory only.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { Store } from '../store/db.js';
import * as jobsRepo from '../store/jobs-repo.js';
import { createWriteStream, readHeadSync } from '../store/sealed.js';
import type { ImportJobResult, JobProgress } from '../shared/views.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import { countCollectorCalls, importFile, type ImportFileResult } from './import.js';
import { explainImportFailure, type ImportFailure } from './import-messages.js';
import { warmOcr } from './ocr.js';
import { refreshDerived } from './derived.js';

export type { JobProgress } from '../shared/views.js';

/** At most one progress write a job this often. */
export const PROGRESS_WRITE_MS = 250;
/** How often this process marks its running jobs alive. */
export const HEARTBEAT_MS = 15_000;
/** A running job not marked alive for this long is taken as interrupted (its process is gone). */
export const STALE_MS = 60_000;
/** The import page lists the jobs of the last hour (and any still running). */
const LIST_MS = 3600_000;
/** Finished jobs' rows are deleted after a day. */
const KEEP_ROWS_MS = 24 * 3600_000;

/** This process, as the owner of the jobs it runs. */
const OWNER = randomUUID();

let queue: Promise<unknown> = Promise.resolve();

/** A job this process started: its state as the page sees it, and its row's writer. */
interface Live {
  job: JobProgress;
  store: Store;
  caseId: number;
  createdAt: number;
  /** Writes of this job's row, one after another. */
  chain: Promise<void>;
  writing: boolean;
  lastWrite: number;
}

/** Jobs of this process: running, or finished within the hour (the process answers for them from here first). */
const live = new Map<string, Live>();

function safeName(name: string): string {
  const base = name.replace(/[/\\\0]/g, '_').replace(/^\.+/, '').slice(0, 120);
  return base || 'upload';
}

const INTERRUPTED = (file: string) => ({
  zh: `「${file}」的导入没有完成：导入时护讯停止了（程序被关闭，或服务器重启）。请重新导入这个文件，已经导入的记录不会重复添加。`,
  en: `The import of ${file} did not finish: Huxun stopped while importing (the program was closed or the server restarted). Import the file again; records already imported are not added twice.`,
});

const UNEXPECTED = (file: string) => ({
  zh: `「${file}」没有导入：处理时出了意外的错误。可以再试一次；如果还是不行，请把这个文件的情况告诉帮你的人。`,
  en: `${file} was not imported: something unexpected went wrong. Try again; if it fails again, tell whoever helps you about this file.`,
});

/** A short code for what went wrong (stored; no personal data). */
function codeOf(f: ImportFailure): string {
  if (f.hint === 'capture-date') return 'capture_date';
  if (f.text || f.what === 'backup') return `file_${f.what}`;
  return 'import_error';
}

function rowOf(l: Live, j: JobProgress, now: number): jobsRepo.JobRow {
  // A failure the app did not word itself (text null and not a backup message) is the raw error: not stored.
  const ownWords = j.errorCode && j.errorCode !== 'import_error';
  const unexpected = j.errorCode === 'import_error' ? UNEXPECTED(j.file) : null;
  return {
    case_id: l.caseId,
    id: j.id,
    kind: j.kind,
    file: j.file,
    state: j.state,
    stage: j.stage ?? null,
    bytes_read: j.bytesRead,
    bytes_total: j.bytesTotal,
    records: j.records,
    added: j.added,
    error_code: j.errorCode ?? null,
    error: unexpected ? `${unexpected.zh} / ${unexpected.en}` : ownWords ? (j.error ?? null) : null,
    error_text: unexpected ? JSON.stringify(unexpected) : ownWords && j.errorText ? JSON.stringify(j.errorText) : null,
    hint: j.hint ?? null,
    result: j.result ? JSON.stringify(j.result) : null,
    owner: OWNER,
    heartbeat_at: now,
    created_at: l.createdAt,
    updated_at: now,
  };
}

/** Queues a write of the job's whole row (as `as` says, else as it is now); resolves when written (errors are the caller's). */
function write(l: Live, as?: JobProgress): Promise<void> {
  const next = l.chain.then(async () => {
    l.writing = true;
    const now = Date.now();
    l.lastWrite = now;
    try {
      await jobsRepo.upsertJob(l.store.db, rowOf(l, as ?? l.job, now));
    } finally {
      l.writing = false;
    }
  });
  l.chain = next.catch(() => undefined);
  return next;
}

/**
 * Progress: written when the last write is PROGRESS_WRITE_MS old and none is under way (on SQLite a write waits for
 * the import's transaction; the progress of the meantime is in memory, and the final write carries the end).
 */
function progressed(l: Live): void {
  if (l.writing || Date.now() - l.lastWrite < PROGRESS_WRITE_MS) return;
  write(l).catch(() => undefined); // a lost progress write is made good by the next one and the final one
}

// ---- heartbeat: while this process runs jobs, their rows say so

let beat: NodeJS.Timeout | null = null;
const beating = new WeakSet<Store>();

/** One heartbeat: the rows of the jobs this process is running are marked alive. Resolves when written. */
async function heartbeat(): Promise<void> {
  // Only the jobs this process is running: a row it lost (its last write failed) goes stale like a dead process's.
  const stores = new Map<Store, string[]>();
  for (const l of live.values()) if (l.job.state === 'running') stores.set(l.store, [...(stores.get(l.store) ?? []), l.job.id]);
  if (!stores.size && beat) {
    clearInterval(beat);
    beat = null;
  }
  const writes: Promise<void>[] = [];
  for (const [s, ids] of stores) {
    if (beating.has(s)) continue; // the last one still waits (SQLite, behind an import): one at a time
    beating.add(s);
    writes.push(
      jobsRepo
        .heartbeatJobs(s.db, OWNER, ids, Date.now())
        .catch(() => undefined) // a closed store: its jobs are over
        .finally(() => beating.delete(s)),
    );
  }
  await Promise.all(writes);
}

function ensureHeartbeat(): void {
  if (beat) return;
  beat = setInterval(() => void heartbeat(), HEARTBEAT_MS);
  beat.unref();
}

// ---- jobs whose process died

const swept = new WeakSet<Store>();

/**
 * Marks running jobs without a recent heartbeat interrupted (any case: their process is gone) and removes their
 * staged uploads. `atStart` on SQLite: every running job of another process is over, whatever its heartbeat says: the
 * data-folder lock (src/store/lock.ts) lets one process use the file, so a job another process left running is from
 * one that stopped (the page says so at once after a restart instead of a minute later).
 */
async function sweep(ctx: AppContext, atStart = false): Promise<void> {
  const now = Date.now();
  const all = atStart && ctx.store.engine === 'sqlite';
  // A job this process still runs is alive whatever its row says (on SQLite the row waits for the import to end).
  const alive = (j: { id: string; owner: string }) => runsHere(ctx, j.id) || (all && j.owner === OWNER);
  const gone = await jobsRepo.interruptStaleJobs(ctx.store.db, all ? Number.MAX_SAFE_INTEGER : now - STALE_MS, now, { code: 'interrupted', text: INTERRUPTED }, alive);
  for (const g of gone) rmSync(join(ctx.dataDir, 'uploads', g.id), { recursive: true, force: true });
}

/** Once per store and process: the sweep at start, and finished rows older than a day deleted. */
async function sweepOnce(ctx: AppContext): Promise<void> {
  if (swept.has(ctx.store)) return;
  swept.add(ctx.store);
  await sweep(ctx, true);
  await jobsRepo.deleteOldJobs(ctx.store.db, Date.now() - KEEP_ROWS_MS);
}

/** Whether this process runs the job on this store (a process normally has one store; tests open a second as another server). */
function runsHere(ctx: AppContext, id: string): boolean {
  const l = live.get(id);
  return !!l && l.store === ctx.store && l.job.state === 'running';
}

function isStale(r: jobsRepo.JobRow, now: number): boolean {
  return r.state === 'running' && r.heartbeat_at < now - STALE_MS;
}

function viewOf(r: jobsRepo.JobRow): JobProgress {
  const v: JobProgress = {
    id: r.id,
    kind: 'import',
    file: r.file,
    bytesRead: r.bytes_read,
    bytesTotal: r.bytes_total,
    records: r.records,
    added: r.added,
    startedAt: r.created_at,
    state: r.state as JobProgress['state'],
    stage: (r.stage ?? undefined) as JobProgress['stage'],
  };
  if (r.error_code) v.errorCode = r.error_code;
  if (r.error) v.error = r.error;
  if (r.error_text) v.errorText = JSON.parse(r.error_text) as { zh: string; en: string };
  if (r.hint) v.hint = r.hint as JobProgress['hint'];
  if (r.result) v.result = JSON.parse(r.result) as ImportJobResult;
  return v;
}

function mine(ctx: AppContext, id: string): Live | undefined {
  const l = live.get(id);
  return l && l.store === ctx.store && l.caseId === ctx.caseId ? l : undefined;
}

function prune(): void {
  const cutoff = Date.now() - LIST_MS;
  for (const [k, l] of live) if (l.job.state !== 'running' && l.createdAt < cutoff) live.delete(k);
}

/** Saves the uploaded stream, then queues its import. Imports run one at a time (in this process). */
export async function startUploadImport(ctx: AppContext, fileName: string, body: Readable, size: number, opts: { takenAt?: string } = {}): Promise<JobProgress> {
  await sweepOnce(ctx);
  const id = randomUUID();
  const dir = join(ctx.dataDir, 'uploads', id);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, safeName(fileName));
  const now = Date.now();
  const job: JobProgress = { id, kind: 'import', file: safeName(fileName), bytesRead: 0, bytesTotal: size, records: 0, added: 0, startedAt: now, state: 'running', stage: 'upload' };
  prune();
  const l: Live = { job, store: ctx.store, caseId: ctx.caseId, createdAt: now, chain: Promise.resolve(), writing: false, lastWrite: 0 };
  live.set(id, l);
  ensureHeartbeat();
  try {
    // The row exists before the upload is read: a poll reaching another server finds the job.
    await write(l);
  } catch (e) {
    live.delete(id);
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  // The key the file is staged with is the one its import reads it with, even if the passphrase changes in between.
  const fileKey = ctx.fileKey;
  try {
    // Sealed with the file key when a passphrase is set (the import reads it back decrypted), 0600 either way.
    await pipeline(body, createWriteStream(path, fileKey));
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    job.state = 'failed';
    job.errorCode = 'upload_interrupted';
    job.errorText = {
      zh: '上传中断了（页面被刷新或关闭，或连接断了），这个文件没有导入。请重新选择它。',
      en: 'The upload was interrupted (the page was reloaded or closed, or the connection dropped); nothing was imported. Choose the file again.',
    };
    job.error = `${job.errorText.zh} / ${job.errorText.en}`;
    job.detail = (e as Error).message;
    await write(l).catch(() => undefined);
    throw new AppError('BAD_INPUT', `上传中断 upload interrupted: ${(e as Error).message}`);
  }
  job.stage = 'import';
  // Not fatal: the file is staged and will be imported; the next write carries the stage.
  await write(l).catch(() => undefined);
  // A screenshot: the OCR models start loading now (in their worker), not when its turn in the queue comes.
  if (/\.(png|jpe?g|webp|heic|heif)$/i.test(fileName)) warmOcr();
  queue = queue.then(async () => {
    // The end goes to the table first and to memory after: once this process answers "done", every server does.
    const end: Partial<JobProgress> = {};
    try {
      // takenAt: the day a screenshot was taken, as the page asked it for a screenshot that needed one (ocr-date.ts).
      const res: ImportFileResult = await importFile({ ...ctx, fileKey }, path, { takenAt: opts.takenAt, onProgress: (p) => {
        job.bytesRead = p.bytesRead;
        job.bytesTotal = p.bytesTotal;
        job.records = p.records;
        progressed(l);
      } });
      const derived = await refreshDerived(ctx);
      await countCollectorCalls(ctx, [res]);
      end.added = res.eventsAdded + res.contactsAdded;
      end.bytesRead = job.bytesTotal;
      end.result = { ...res, collectors: derived.collectors, contactsTouched: derived.contactsTouched };
      end.state = 'done';
    } catch (e) {
      let head: Buffer = Buffer.alloc(0);
      try {
        head = readHeadSync(path, fileKey, 4096);
      } catch {
        // unreadable: the message says what it can without the first bytes
      }
      const f = explainImportFailure(job.file, head, e);
      Object.assign(end, { state: 'failed', errorCode: codeOf(f), error: f.message, errorText: f.text, detail: f.detail, hint: f.hint });
    } finally {
      rmSync(dir, { recursive: true, force: true });
      // Written whatever the throttle says; a store closed meanwhile (tests, shutdown) keeps the row as it was.
      await write(l, { ...job, ...end }).catch(() => undefined);
      Object.assign(job, end);
    }
  });
  return { ...job };
}

/** Import jobs of the case from the last hour (and any still running), newest first: the import page after a reload. */
export async function listImportJobs(ctx: AppContext): Promise<JobProgress[]> {
  await sweepOnce(ctx);
  const ownHere = [...live.values()].filter((l) => l.store === ctx.store && l.caseId === ctx.caseId);
  // SQLite: while this process imports, the import's transaction holds the only connection and a read would wait
  // for the whole import. The data-folder lock makes this process the only one on the file, so what the table
  // has beyond memory is earlier runs' finished jobs: shown again once the import is over.
  const busy = ctx.store.engine === 'sqlite' && ownHere.some((l) => l.job.state === 'running' && l.job.stage === 'import');
  let rows = busy ? [] : await jobsRepo.listJobRows(ctx.store.db, ctx.caseId, 'import', Date.now() - LIST_MS);
  if (rows.some((r) => isStale(r, Date.now()) && !runsHere(ctx, r.id))) {
    await sweep(ctx);
    rows = await jobsRepo.listJobRows(ctx.store.db, ctx.caseId, 'import', Date.now() - LIST_MS);
  }
  const byId = new Map<string, JobProgress>();
  for (const r of rows) byId.set(r.id, viewOf(r));
  const cutoff = Date.now() - LIST_MS;
  for (const l of ownHere) if (l.createdAt >= cutoff || l.job.state === 'running') byId.set(l.job.id, { ...l.job });
  return [...byId.values()].sort((a, b) => b.startedAt - a.startedAt);
}

/** A job of this case only: another case's job id answers as unknown (the organisation server serves many cases). */
export async function jobStatus(ctx: AppContext, id: string): Promise<JobProgress> {
  const l = mine(ctx, id);
  if (l) return { ...l.job };
  await sweepOnce(ctx);
  let r = await jobsRepo.getJobRow(ctx.store.db, ctx.caseId, id);
  if (r && isStale(r, Date.now())) {
    await sweep(ctx);
    r = await jobsRepo.getJobRow(ctx.store.db, ctx.caseId, id);
  }
  if (!r) throw new AppError('NOT_FOUND', `no such job ${id}`);
  return viewOf(r);
}

/** Tests: this process's owner id (to tell its rows from another process's) and one heartbeat now (not waiting for the timer). */
export const jobsInternals = { owner: OWNER, heartbeat };
