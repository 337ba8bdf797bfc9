/**
 * Organisation report benchmark (prints figures; not a test): N cases × M events seeded on a fresh PostgreSQL
 * database (bench/server-seed.ts, the load benchmark's generator), then the findings engine on one case, the staff
 * case list over all cases cold (every case's findings run) and warm (digests from the cache), a page of 50, and
 * the per-lender report. Wall and CPU time of this process (PostgreSQL's own CPU is not in it) are both printed:
 * on a busy machine the wall time overstates the cost.
 *
 *   DATABASE_URL=postgres://… node --import tsx bench/org.ts [--cases 200] [--events 5000]
 */
import { loadavg } from 'node:os';
import pg from 'pg';
import { runFindings } from '../src/app/findings.js';
import { caseSummaries, digestStats, lenderReport } from '../src/app/org-report.js';
import { openStore } from '../src/store/db.js';
import { seedCases } from './server-seed.js';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
}

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await fn();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  console.log(`${label}: ${ms.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU`);
  return r;
}

export async function runOrgBench(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL (a PostgreSQL server) is needed');
  const cases = arg('cases', 200);
  const events = arg('events', 5000);
  const name = `huxun_bench_org_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: u.toString() });
  const pool = new pg.Pool({ connectionString: u.toString(), max: 2 });
  // Dropping the database at the end ends idle connections from the server side: not an error here.
  pool.on('error', () => undefined);
  try {
    const seed = await seedCases(pool, { cases, events, note: (s) => console.log(s) });
    console.log(`seeded ${seed.caseIds.length} cases × ${events} events in ${(seed.ms / 1000).toFixed(1)} s; load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    const ids = seed.caseIds;
    const ctx = { store, caseId: ids[0]!, tz: 'Asia/Shanghai', dataDir: '', fileKey: null, now: () => Date.now() };
    await runFindings(ctx); // JIT warm-up
    const f = await timed(`findings engine, one case of ${events} events (load + rules)`, () => runFindings(ctx));
    console.log(`  ${f.findings.length} findings`);
    digestStats.computed = digestStats.cached = 0;
    await timed(`case list, ${ids.length} cases, cold (findings run per case)`, () => caseSummaries(store, ids));
    console.log(`  digests computed ${digestStats.computed}, cached ${digestStats.cached}`);
    digestStats.computed = digestStats.cached = 0;
    await timed(`case list, ${ids.length} cases, warm`, () => caseSummaries(store, ids));
    console.log(`  digests computed ${digestStats.computed}, cached ${digestStats.cached}`);
    await timed('case list, a page of 50, warm', () => caseSummaries(store, ids.slice(0, 50)));
    const r = await timed(`lender report, ${ids.length} cases, warm`, () => lenderReport(store, ids, new Set()));
    console.log(`  ${r.lenders.length} lenders; load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  } finally {
    await pool.end();
    await store.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runOrgBench();
