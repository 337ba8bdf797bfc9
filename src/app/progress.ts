// Import jobs' state is kept in the database (src/app/jobs.ts, migration 0012_jobs); this module keeps the type and the
// progress line's arithmetic, which the CLI shares.
export type { JobProgress } from '../shared/views.js';

/** Rate and time left for a progress line. */
export function eta(p: { bytesRead: number; bytesTotal: number; startedAt: number }, now: number): { mbPerS: number; secondsLeft: number | null } {
  const secs = Math.max(0.001, (now - p.startedAt) / 1000);
  const rate = p.bytesRead / secs;
  return { mbPerS: rate / 1e6, secondsLeft: rate > 0 && p.bytesTotal > 0 ? Math.max(0, (p.bytesTotal - p.bytesRead) / rate) : null };
}
