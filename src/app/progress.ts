/** Progress of long jobs, kept in memory so the UI can poll it while the job's transaction is open. */
export interface JobProgress {
  id: string;
  kind: 'import';
  file: string;
  bytesRead: number;
  bytesTotal: number;
  records: number;
  added: number;
  startedAt: number;
  state: 'running' | 'done' | 'failed';
  /** For a person: what the file is and where it belongs (import-messages.ts). */
  error?: string;
  /** `error` in each language when it was written for the page (it shows the reader's half). */
  errorText?: { zh: string; en: string } | null;
  /** The error as the code gave it, for whoever helps. */
  detail?: string;
  /** Where a file that could not be imported belongs ('evidence'), if elsewhere; 'capture-date': a screenshot that needs the day it was taken. */
  hint?: 'evidence' | 'capture-date' | null;
  /** Where the work is: 'upload' while the file arrives, 'import' while it is read and written. */
  stage?: 'upload' | 'import';
  result?: unknown;
}

const jobs = new Map<string, JobProgress>();

export function putJob(p: JobProgress) {
  jobs.set(p.id, p);
  // Keep the table small: finished jobs older than an hour go.
  const cutoff = Date.now() - 3600_000;
  for (const [k, v] of jobs) if (v.state !== 'running' && v.startedAt < cutoff) jobs.delete(k);
}

export function getJob(id: string): JobProgress | undefined {
  return jobs.get(id);
}

export function listJobs(): JobProgress[] {
  return [...jobs.values()];
}

/** Rate and time left for a progress line. */
export function eta(p: { bytesRead: number; bytesTotal: number; startedAt: number }, now: number): { mbPerS: number; secondsLeft: number | null } {
  const secs = Math.max(0.001, (now - p.startedAt) / 1000);
  const rate = p.bytesRead / secs;
  return { mbPerS: rate / 1e6, secondsLeft: rate > 0 && p.bytesTotal > 0 ? Math.max(0, (p.bytesTotal - p.bytesRead) / rate) : null };
}
