/**
 * Findings computed off the server's event loop (issue 15): a small pool of worker threads, each with its own
 * connection to the PostgreSQL database, that load a case's data and run the rule engine (findings-worker.ts). A
 * findings request that has to compute waits for its answer without holding up the timeline requests behind it;
 * the loading (thousands of rows parsed) and the rules (100–200 ms a 5,000-event case) happen on another thread.
 *
 * Only for a store on PostgreSQL (the organisation server, or the CLI on a database URL): the local app on SQLite
 * computes in its own thread, as before (one person, one case; the same app functions). Workers start at the first
 * job, are unref'd while idle (they never keep a process alive) and a worker that dies fails its job with an error
 * that says so and is replaced at the next one: a request never waits forever on a worker that is gone.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { Finding } from '../domain/rules/types.js';
import type { CaseDigest } from './case-digest.js';

export interface FindingsJob {
  caseId: number;
  tz: string;
}

/** What a worker makes of a case: its findings and the organisation's digest of them, from one load of its data. */
export interface FindingsResult {
  findings: Finding[];
  digest: CaseDigest;
  events: number;
}

export type FindingsReply = ({ id: number; ok: true } & FindingsResult) | { id: number; ok: false; error: { name: string; message: string } };

/** Threads that compute findings: one fewer than the cores (the event loop keeps one), at least one, at most two. */
export const FINDINGS_WORKERS = Math.max(1, Math.min(2, availableParallelism() - 1));

interface Pending {
  resolve(r: FindingsResult): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  /** The job it is running (one at a time). */
  job: number | null;
}

export class WorkerGone extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerGone';
  }
}

export class FindingsPool {
  private slots: Slot[] = [];
  private queue: { id: number; job: FindingsJob }[] = [];
  private pending = new Map<number, Pending>();
  private seq = 0;
  private closed = false;

  /**
   * @param databaseUrl what each worker connects to.
   * @param size how many workers at most.
   * @param entry the worker's module (tests give one that fails on purpose).
   */
  constructor(
    private readonly databaseUrl: string,
    private readonly size = FINDINGS_WORKERS,
    private readonly entry: URL = new URL('./findings-worker-entry.mjs', import.meta.url),
  ) {}

  /** The findings of one case, computed in a worker from the database as it is now. */
  run(job: FindingsJob): Promise<FindingsResult> {
    if (this.closed) return Promise.reject(new WorkerGone('规则计算已停止 the findings workers were stopped'));
    const id = ++this.seq;
    const done = new Promise<FindingsResult>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.queue.push({ id, job });
    this.dispatch();
    return done;
  }

  /** Jobs waiting or running. */
  get busy(): number {
    return this.pending.size;
  }

  private dispatch(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const next = this.queue.shift()!;
      slot.job = next.id;
      slot.worker.ref();
      slot.worker.postMessage({ id: next.id, ...next.job });
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.entry, { workerData: { databaseUrl: this.databaseUrl } });
    const slot: Slot = { worker, job: null };
    worker.unref();
    worker.on('message', (m: FindingsReply) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      slot.job = null;
      if (p) {
        if (m.ok) p.resolve({ findings: m.findings, digest: m.digest, events: m.events });
        else p.reject(Object.assign(new Error(m.error.message), { name: m.error.name }));
      }
      // Idle workers do not keep the process alive.
      if (!this.queue.length) worker.unref();
      this.dispatch();
    });
    const gone = (why: string) => {
      if (!this.slots.includes(slot)) return;
      this.slots = this.slots.filter((s) => s !== slot);
      if (slot.job !== null) {
        const p = this.pending.get(slot.job);
        this.pending.delete(slot.job);
        p?.reject(new WorkerGone(`规则计算进程意外退出，请稍后再试 the findings worker stopped (${why}); try again`));
      }
      // The jobs still queued go to a new worker.
      if (!this.closed) this.dispatch();
    };
    worker.on('error', (e) => gone(e.message));
    worker.on('exit', (code) => gone(`exit code ${code}`));
    this.slots.push(slot);
    return slot;
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots;
    this.slots = [];
    for (const q of this.queue) this.pending.get(q.id)?.reject(new WorkerGone('规则计算已停止 the findings workers were stopped'));
    this.queue = [];
    for (const s of slots) {
      if (s.job !== null) this.pending.get(s.job)?.reject(new WorkerGone('规则计算已停止 the findings workers were stopped'));
      s.worker.removeAllListeners('exit');
      await s.worker.terminate();
    }
    this.pending.clear();
  }
}
