/**
 * Background imports for the web UI: the upload is saved to the data folder, then imported off the
 * request (the request returns at once with a job id the UI polls).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { createWriteStream, readHeadSync } from '../store/sealed.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';
import { countCollectorCalls, importFile, type ImportFileResult } from './import.js';
import { explainImportFailure } from './import-messages.js';
import { warmOcr } from './ocr.js';
import { refreshDerived } from './derived.js';
import { getJob, listJobs, putJob, type JobProgress } from './progress.js';

let queue: Promise<unknown> = Promise.resolve();

/** Whose each job is (data folder and case), kept off the job itself: API answers carry no paths. */
const jobScope = new Map<string, string>();
const scopeOf = (ctx: AppContext) => `${ctx.dataDir}\u0000${ctx.caseId}`;

function safeName(name: string): string {
  const base = name.replace(/[/\\\0]/g, '_').replace(/^\.+/, '').slice(0, 120);
  return base || 'upload';
}

/** Saves the uploaded stream, then queues its import. Imports run one at a time. */
export async function startUploadImport(ctx: AppContext, fileName: string, body: Readable, size: number, opts: { takenAt?: string } = {}): Promise<JobProgress> {
  const id = randomUUID();
  const dir = join(ctx.dataDir, 'uploads', id);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, safeName(fileName));
  const job: JobProgress = { id, kind: 'import', file: safeName(fileName), bytesRead: 0, bytesTotal: size, records: 0, added: 0, startedAt: Date.now(), state: 'running', stage: 'upload' };
  putJob(job);
  jobScope.set(id, scopeOf(ctx));
  // The key the file is staged with is the one its import reads it with, even if the passphrase changes in between.
  const fileKey = ctx.fileKey;
  try {
    // Sealed with the file key when a passphrase is set (the import reads it back decrypted), 0600 either way.
    await pipeline(body, createWriteStream(path, fileKey));
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    job.state = 'failed';
    job.errorText = {
      zh: '上传中断了（页面被刷新或关闭，或连接断了），这个文件没有导入。请重新选择它。',
      en: 'The upload was interrupted (the page was reloaded or closed, or the connection dropped); nothing was imported. Choose the file again.',
    };
    job.error = `${job.errorText.zh} / ${job.errorText.en}`;
    job.detail = (e as Error).message;
    throw new AppError('BAD_INPUT', `上传中断 upload interrupted: ${(e as Error).message}`);
  }
  job.stage = 'import';
  // A screenshot: the OCR models start loading now (in their worker), not when its turn in the queue comes.
  if (/\.(png|jpe?g|webp|heic|heif)$/i.test(fileName)) warmOcr();
  queue = queue.then(async () => {
    try {
      // takenAt: the day a screenshot was taken, as the page asked it for a screenshot that needed one (ocr-date.ts).
      const res: ImportFileResult = await importFile({ ...ctx, fileKey }, path, { takenAt: opts.takenAt, onProgress: (p) => {
        job.bytesRead = p.bytesRead;
        job.bytesTotal = p.bytesTotal;
        job.records = p.records;
      } });
      const derived = await refreshDerived(ctx);
      await countCollectorCalls(ctx, [res]);
      job.added = res.eventsAdded + res.contactsAdded;
      job.bytesRead = job.bytesTotal;
      job.result = { ...res, collectors: derived.collectors, contactsTouched: derived.contactsTouched };
      job.state = 'done';
    } catch (e) {
      let head: Buffer = Buffer.alloc(0);
      try {
        head = readHeadSync(path, fileKey, 4096);
      } catch {
        // unreadable: the message says what it can without the first bytes
      }
      const f = explainImportFailure(job.file, head, e);
      job.state = 'failed';
      job.error = f.message;
      job.errorText = f.text;
      job.detail = f.detail;
      job.hint = f.hint;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  return job;
}

/** Import jobs of the last hour, newest first: the import page shows them again after a reload. */
export function listImportJobs(ctx: AppContext): JobProgress[] {
  const scope = scopeOf(ctx);
  for (const k of jobScope.keys()) if (!getJob(k)) jobScope.delete(k);
  return listJobs().filter((j) => j.kind === 'import' && jobScope.get(j.id) === scope).sort((a, b) => b.startedAt - a.startedAt);
}

/** A job of this case only: another case's job id answers as unknown (the organisation server serves many cases). */
export function jobStatus(ctx: AppContext, id: string): JobProgress {
  const j = getJob(id);
  if (!j || jobScope.get(id) !== scopeOf(ctx)) throw new AppError('NOT_FOUND', `no such job ${id}`);
  return j;
}
