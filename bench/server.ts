/**
 * Load benchmark of the organisation server (issue 15): `npm run bench -- server`. Not a test.
 *
 * PostgreSQL on this machine (DATABASE_URL, else a private cluster started with .ci/pg.sh on port 54339 and stopped
 * after), a fresh database created here and dropped after, loopback only. Seeds N cases × M events (default
 * 200 × 5,000: bench/server-seed.ts), creates caseworker accounts through the app's own functions (createUser,
 * shareImportedCase, assignCase), starts the server in a child process, logs every account in, and drives the
 * sessions with autocannon, each session one keep-alive connection browsing one kind of page of its own cases:
 * the case list, a timeline page (`/api/cases/:id/events?limit=100&offset=…`) or the findings, at `--rate` requests
 * a second per session (default 1: a person clicking through pages; 0: no pause, to find the ceiling). Prints throughput,
 * p50/p95/p99 latency and non-2xx answers per route kind, the server's RSS at start, middle and end, and the load
 * average. Targets: timeline p95 ≤ 150 ms, 0 errors, flat memory.
 *
 * When the organisation server is not available (no startOrgServer), it falls back to the local server on the same
 * database, acting on its one (lowest) case with the launch key: timelines and findings of that case, overview
 * instead of the case list. It says so.
 *
 *   npm run bench -- server -- --cases 20 --events 1000 --sessions 10 --duration 10   (quick)
 *   npx tsx bench/server.ts --cases 200 --events 5000 --sessions 50 --duration 30
 *   … --burst   every session's request at the same instant each second (worst case; the default spreads them)
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { openStore } from '../src/store/db.js';
import { seedCases } from './server-seed.js';

interface Args {
  cases: number;
  events: number;
  sessions: number;
  duration: number;
  /** Requests per second per session (a person clicking through pages); 0: as fast as the server answers. */
  rate: number;
  mode: 'auto' | 'org' | 'local';
  /** Route kinds to drive (default all): e.g. `--only timeline` to time timelines with nothing else running. */
  only: Kind[] | null;
  /** Write a CPU profile of the server process into this folder (`--cpu-prof`), to see where its time goes. */
  profile: string | null;
  /** The server's heap after a full GC at start, middle and end (started with --expose-gc): heap vs RSS. */
  heap: boolean;
  /** Leave the cases' findings unmade before the run (a server meeting cases nobody computed): `--cold`. */
  cold: boolean;
  /**
   * Every session's request at the same instant each second (`--burst`): autocannon starts one interval per
   * connection at once, so 50 sessions at 1 request/s arrive as one burst of 50. By default each session starts at
   * its own offset within the second (session i at i/N s), as people clicking independently do; the rate is the same.
   */
  burst: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { cases: 200, events: 5000, sessions: 50, duration: 30, rate: 1, mode: 'auto', only: null, profile: null, heap: false, cold: false, burst: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]!.replace(/^--/, '');
    if (k === 'cases' || k === 'events' || k === 'sessions' || k === 'duration') a[k] = Math.max(1, Number(argv[++i]));
    else if (k === 'rate') a.rate = Math.max(0, Number(argv[++i]));
    else if (k === 'mode') a.mode = argv[++i] as Args['mode'];
    else if (k === 'only') a.only = argv[++i]!.split(',').map((x) => x.trim().replace(/-/g, ' ')) as Kind[];
    else if (k === 'profile') a.profile = argv[++i]!;
    else if (k === 'heap') a.heap = true;
    else if (k === 'cold') a.cold = true;
    else if (k === 'burst') a.burst = true;
  }
  return a;
}

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

/** CPU seconds (user + system) a process has used, from /proc (clock ticks of 1/100 s on Linux). */
function cpuSeconds(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
  return (Number(rest[11]) + Number(rest[12])) / 100;
}

function pct(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** A PostgreSQL server: the one DATABASE_URL names, or a private one started for this run. */
function postgres(log: (s: string) => void): { url: string; stop(): void } {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop() {} };
  const port = '54339';
  log(`no DATABASE_URL: starting a private PostgreSQL on 127.0.0.1:${port} (.ci/pg.sh)`);
  const root = execFileSync('bash', ['.ci/pg.sh', 'start'], { env: { ...process.env, PGPORT: port }, encoding: 'utf8' }).trim();
  return { url: `postgres://app:app@127.0.0.1:${port}/app`, stop: () => execFileSync('bash', ['.ci/pg.sh', 'stop', root]) };
}

async function startChild(mode: 'org' | 'local', url: string, dataDir: string, args: Args): Promise<{ child: ChildProcess; origin: string; key?: string }> {
  const flags = [...(args.profile ? ['--cpu-prof', '--cpu-prof-dir', args.profile] : []), ...(args.heap ? ['--expose-gc'] : [])];
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', 'bench/server-child.ts'], {
    env: { ...process.env, DATABASE_URL: url, BENCH_MODE: mode, BENCH_DATA: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${err.slice(-2000)}`)));
  });
  return { child, ...(JSON.parse(line) as { origin: string; key?: string }) };
}

interface Session {
  headers: Record<string, string>;
  cases: number[];
}

type Kind = 'case list' | 'timeline' | 'findings' | 'overview';

/** What the benchmark calls of src/app/org (accounts.ts, cases.ts). */
interface OrgHandle {
  close(): Promise<void>;
}
interface OrgUser {
  id: number;
  username: string;
  role: string;
}
interface OrgAccounts {
  openOrg(o: { databaseUrl: string; dataDir: string }): Promise<OrgHandle>;
  createUser(org: OrgHandle, u: { username: string; password: string; role: string }): Promise<OrgUser>;
}
interface OrgCases {
  shareImportedCase?: (org: OrgHandle, user: OrgUser & { totp: boolean }, caseId: number) => Promise<unknown>;
  assignCase(org: OrgHandle, caseId: number, userId: number, assigned: boolean): Promise<unknown>;
}

export async function runServerBench(argv: string[] = [], log: (s: string) => void = console.log): Promise<void> {
  const args = parseArgs(argv);
  log(`machine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average at start ${load()}`);
  const server = postgres(log);
  const name = `huxun_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(server.url);
  u.pathname = `/${name}`;
  const url = u.toString();
  const dataDir = mkdtempSync(join(tmpdir(), 'huxun-bench-server-'));
  let child: ChildProcess | null = null;
  try {
    // ----- schema and seed -----
    const store = await openStore({ databaseUrl: url });
    await store.close();
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    const seed = await seedCases(pool, {
      cases: args.cases,
      events: args.events,
      progress: (n) => n % 50 === 0 && log(`  seeded ${n}/${args.cases} cases`),
      note: log,
    });
    const size = (await pool.query<{ s: string }>(`select pg_size_pretty(pg_database_size(current_database())) as s`)).rows[0]!.s;
    await pool.end();
    log(`seed: ${args.cases} cases × ${args.events.toLocaleString('en-US')} events = ${seed.events.toLocaleString('en-US')} events in ${(seed.ms / 1000).toFixed(1)} s (${Math.round(seed.events / (seed.ms / 1000)).toLocaleString('en-US')} events/s, multi-row insert per case); database ${size}`);

    // ----- findings made and kept, as the app does after each import (refreshFindingsLater in src/app/findings.ts);
    // the seed writes its rows directly, so they are made here, through the app function and its worker thread.
    if (!args.cold) {
      const t = performance.now();
      const st = await openStore({ databaseUrl: url });
      try {
        const { caseDerived } = await import('../src/app/findings.js');
        const rows = await st.db.selectFrom('cases').select(['id', 'tz']).orderBy('id').execute();
        // Two at a time: one loads while the worker computes the other.
        let next = 0;
        await Promise.all([0, 1].map(async () => {
          while (next < rows.length) {
            const r = rows[next++]!;
            await caseDerived({ store: st, caseId: Number(r.id), tz: r.tz, dataDir, fileKey: null, now: () => Date.now() });
          }
        }));
        log(`findings: ${rows.length} cases made and kept (case_findings) in ${((performance.now() - t) / 1000).toFixed(1)} s, as after each import; --cold leaves them unmade`);
      } finally {
        await st.close();
      }
    }

    // ----- accounts (the organisation server's own functions), or the local fallback -----
    let mode: 'org' | 'local' = args.mode === 'local' ? 'local' : 'org';
    // Imported by a computed name: the organisation modules are the core engineer's and may not be in every checkout.
    const load_ = (m: string) => import(m).catch(() => null);
    const accounts = mode === 'org' ? ((await load_('../src/app/org/accounts.js')) as OrgAccounts | null) : null;
    const orgCases = mode === 'org' ? ((await load_('../src/app/org/cases.js')) as OrgCases | null) : null;
    const start = (await import('../src/server/start.js')) as Record<string, unknown>;
    if (mode === 'org' && (!accounts || !orgCases || typeof start.startOrgServer !== 'function')) {
      if (args.mode === 'org') throw new Error('the organisation server is not available in this checkout');
      mode = 'local';
      log('the organisation server is not available: falling back to the local server on the lowest case (timeline, findings, overview)');
    }
    const password = 'bench-password-不是真的';
    const users: { username: string; cases: number[] }[] = [];
    if (mode === 'org') {
      const t = performance.now();
      const org = await accounts!.openOrg({ databaseUrl: url, dataDir });
      const sharePool = new pg.Pool({ connectionString: url, max: 1 });
      try {
        const a = await accounts!.createUser(org, { username: 'bench-admin', password, role: 'admin' });
        const adminUser = { ...a, totp: false };
        // Each case shared with the organisation, as a borrower's upload makes it (a case_shares row, its importer
        // assigned); through the app function when the checkout has one for an existing case, else the same row.
        const share = orgCases!.shareImportedCase;
        for (const id of seed.caseIds) {
          if (share) await share(org, adminUser, id);
          else {
            await sharePool.query(`insert into case_shares (case_id, source, created_by, created_at) values ($1, 'upload', $2, $3)`, [id, a.id, Date.now()]);
            await orgCases!.assignCase(org, id, a.id, true);
          }
        }
        for (let i = 0; i < args.sessions; i++) {
          const w = await accounts!.createUser(org, { username: `worker${i + 1}`, password, role: 'caseworker' });
          // Cases dealt round-robin: 200 cases over 50 caseworkers is 4 each.
          const mine = seed.caseIds.filter((_, k) => k % args.sessions === i);
          for (const id of mine) await orgCases!.assignCase(org, id, w.id, true);
          users.push({ username: w.username, cases: mine.length ? mine : [seed.caseIds[i % seed.caseIds.length]!] });
        }
      } finally {
        await sharePool.end();
        await org.close();
      }
      log(`accounts: 1 admin + ${args.sessions} caseworkers (argon2id), ${seed.caseIds.length} cases shared and assigned in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }

    // ----- server and sessions -----
    const started = await startChild(mode, url, dataDir, args);
    child = started.child;
    const origin = started.origin;
    const sessions: Session[] = [];
    if (mode === 'org') {
      const t = performance.now();
      for (const usr of users) {
        const res = await fetch(`${origin}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin },
          body: JSON.stringify({ username: usr.username, password }),
        });
        if (res.status !== 200) throw new Error(`login ${usr.username}: ${res.status} ${await res.text()}`);
        const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
        sessions.push({ headers: { cookie }, cases: usr.cases });
      }
      log(`logins: ${sessions.length} sessions in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    } else {
      for (let i = 0; i < args.sessions; i++) sessions.push({ headers: { 'x-huxun-key': started.key! }, cases: [seed.caseIds[0]!] });
    }
    const pathOf = (kind: Kind, caseId: number, page: number) => {
      const base = mode === 'org' ? `/api/cases/${caseId}` : '/api';
      if (kind === 'case list') return '/api/org/cases';
      if (kind === 'overview') return `${base}/overview`;
      if (kind === 'findings') return `${base}/findings`;
      return `${base}/events?limit=100&offset=${page * 100}`;
    };
    // Half the sessions read timelines, a quarter case lists (overview in the local fallback), a quarter findings.
    const kinds: Kind[] = ['timeline', mode === 'org' ? 'case list' : 'overview', 'timeline', 'findings'].filter((k) => !args.only || args.only.includes(k as Kind)) as Kind[];
    if (!kinds.length) throw new Error(`--only: none of ${args.only?.join(', ')} is a route kind (timeline, case-list, findings, overview)`);
    const pages = Math.max(1, Math.floor(args.events / 100));

    // Warm-up (JIT, pool, caches), not measured.
    await runLoad(origin, sessions, kinds, pathOf, pages, Math.min(5, args.duration), args.rate, args.burst);
    const pid = child.pid!;
    const heaps: string[] = [];
    const heap = async (at: string) => {
      if (args.heap) heaps.push(`${at} ${await childHeap(child!)}`);
    };
    await heap('start');
    const rss: { at: string; kb: number }[] = [{ at: 'start', kb: rssKb(pid) }];
    // RSS every tenth of the run besides start, middle and end: memory that keeps climbing shows as a slope.
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(rssKb(pid)), (args.duration * 1000) / 10);
    const timer = setTimeout(() => {
      rss.push({ at: 'middle', kb: rssKb(pid) });
      void heap('middle');
    }, (args.duration * 1000) / 2);
    const loadStart = load();
    const cpu0 = cpuSeconds(pid);
    const t0 = performance.now();
    const results = await runLoad(origin, sessions, kinds, pathOf, pages, args.duration, args.rate, args.burst);
    clearTimeout(timer);
    clearInterval(sampler);
    rss.push({ at: 'end', kb: rssKb(pid) });
    await heap('end');
    const cpu = cpuSeconds(pid) - cpu0;
    const wall = (performance.now() - t0) / 1000;
    log(
      `load: ${sessions.length} sessions (one connection each, ${args.rate > 0 ? `${args.rate} request/s each, ${args.burst ? 'all at the same instant (--burst)' : 'each at its own offset in the second'}` : 'no pause between requests'}), ${args.duration} s, mode ${mode}; ` +
        `load average before ${loadStart}, after ${load()}`,
    );
    for (const [kind, r] of results) {
      const s = r.latencies.sort((a, b) => a - b);
      log(
        `  ${kind.padEnd(9)} ${String(r.connections).padStart(3)} conn: ${(s.length / args.duration).toFixed(1).padStart(7)} req/s, ` +
          `p50 ${pct(s, 50).toFixed(0)} ms, p95 ${pct(s, 95).toFixed(0)} ms, p99 ${pct(s, 99).toFixed(0)} ms, ` +
          `non-2xx ${r.non2xx}, errors ${r.errors}${kind === 'timeline' ? `  (target p95 ≤ 150 ms: ${pct(s, 95) <= 150 ? 'met' : 'NOT met'})` : ''}`,
      );
    }
    const total = [...results.values()].reduce((n, r) => n + r.latencies.length, 0);
    log(`  total: ${(total / args.duration).toFixed(1)} req/s, non-2xx ${[...results.values()].reduce((n, r) => n + r.non2xx, 0)}, errors ${[...results.values()].reduce((n, r) => n + r.errors, 0)}`);
    log(`server RSS: ${rss.map((r) => `${r.at} ${mb(r.kb)}`).join(', ')}; every ${(args.duration / 10).toFixed(0)} s: ${samples.map((kb) => (kb / 1024).toFixed(0)).join(' ')} MB`);
    if (heaps.length) log(`server heap after a full GC: ${heaps.join('; ')}`);
    // What the server process itself used: independent of how many other processes share the machine.
    log(`server CPU: ${cpu.toFixed(1)} s in ${wall.toFixed(0)} s (${((cpu / wall) * 100).toFixed(0)} % of one core), ${total ? ((cpu * 1000) / total).toFixed(1) : '—'} ms per request`);
  } finally {
    child?.kill('SIGTERM');
    if (child && child.exitCode === null) await new Promise((r) => child!.once('exit', r));
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.end();
    server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The child's heap after a full GC (it answers SIGUSR2 with one JSON line of process.memoryUsage on stderr). */
function childHeap(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => {
    const on = (d: Buffer) => {
      const m = /HEAP (\{.*\})/.exec(d.toString());
      if (!m) return;
      child.stderr!.off('data', on);
      const u = JSON.parse(m[1]!) as Record<string, number>;
      const f = (k: string) => `${k} ${((u[k] ?? 0) / 2 ** 20).toFixed(0)}`;
      resolve(`${['rss', 'heapUsed', 'heapTotal', 'external', 'arrayBuffers'].map(f).join(', ')} MB`);
    };
    child.stderr!.on('data', on);
    child.kill('SIGUSR2');
  });
}

interface KindResult {
  connections: number;
  latencies: number[];
  non2xx: number;
  errors: number;
}

/**
 * Drives the sessions, each one keep-alive connection reading its own cases. Burst (or no rate): one autocannon
 * instance per route kind with all its connections, whose per-second intervals start together. Otherwise one
 * instance per session, session i started i/N of a second after the first (and run for the same duration), so
 * that the sessions' requests are spread over each second.
 */
async function runLoad(
  origin: string,
  sessions: Session[],
  kinds: Kind[],
  pathOf: (kind: Kind, caseId: number, page: number) => string,
  pages: number,
  duration: number,
  rate: number,
  burst: boolean,
): Promise<Map<Kind, KindResult>> {
  const byKind = new Map<Kind, Session[]>();
  sessions.forEach((s, i) => byKind.set(kinds[i % kinds.length]!, [...(byKind.get(kinds[i % kinds.length]!) ?? []), s]));
  const out = new Map<Kind, KindResult>();
  for (const [kind, group] of byKind) out.set(kind, { connections: group.length, latencies: [], non2xx: 0, errors: 0 });
  const drive = async (kind: Kind, group: Session[], delayMs: number): Promise<void> => {
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
    const res = out.get(kind)!;
    let next = 0;
    let n = 0;
    const inst = autocannon({
      url: origin,
      connections: group.length,
      duration,
      timeout: 30,
      // autocannon takes whole requests a second per connection; below one, the group's total rate is capped instead.
      ...(rate >= 1 ? { connectionRate: rate } : rate > 0 ? { overallRate: Math.max(1, group.length * rate) } : {}),
      requests: [
        {
          method: 'GET',
          setupRequest: (req, context) => {
            // The connection's session is chosen on its first request and kept (a browser tab of one user).
            if (context.session === undefined) context.session = group[next++ % group.length];
            const s = context.session as Session;
            const caseId = s.cases[n % s.cases.length]!;
            const page = (n * 7) % pages;
            n++;
            return { ...req, path: pathOf(kind, caseId, page), headers: { ...req.headers, ...s.headers } };
          },
        },
      ],
    });
    inst.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      res.latencies.push(ms);
      if (status < 200 || status > 299) res.non2xx++;
    });
    inst.on('reqError', () => res.errors++);
    await inst;
  };
  if (burst || rate <= 0) await Promise.all([...byKind].map(([kind, group]) => drive(kind, group, 0)));
  else {
    const kindOf = new Map<Session, Kind>();
    for (const [kind, group] of byKind) for (const s of group) kindOf.set(s, kind);
    const step = 1000 / rate / sessions.length;
    await Promise.all(sessions.map((s, i) => drive(kindOf.get(s)!, [s], i * step)));
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) await runServerBench(process.argv.slice(2));
