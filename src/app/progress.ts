
const jobs = new Map<string, JobProgress>();
import type { JobProgress } from '../shared/views.js';
export type { JobProgress } from '../shared/views.js';

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
