/** Findings: the PRC rule pack run over the case's timeline and loans, with citations and channels from src/law. */
import { CN_RULES } from '../domain/rules/cn/index.js';
import { runRules } from '../domain/rules/engine.js';
import type { CaseData, Finding } from '../domain/rules/types.js';
import type { Text2 } from '../domain/law.js';
import { toIsoLocal } from '../domain/time.js';
import { CHANNELS, TIER_LABEL } from '../law/index.js';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Store } from '../store/db.js';
import * as repo from '../store/repo.js';
import { caseStamp, type CaseStamp } from './case-stamp.js';
import type { CaseDigest } from './case-digest.js';
import { FindingsPool } from './findings-pool.js';
import type { FindingsPageView } from '../shared/findings.js';
import { citationView, type CitationView } from './citations.js';
import { buildFindingCards } from './finding-cards.js';
import type { AppContext } from './context.js';
import { loanLineResults } from './loans.js';
import { RULE_LAW } from './rule-law.js';
import type { FindingView } from '../shared/views.js';
export type { FindingView } from '../shared/views.js';

/** What each tier means for a person, in plain words. */
export const TIER_EXPLAIN: Record<string, Text2> = {
  statute: { zh: '法律：全国人大及其常委会制定，具有普遍约束力。', en: 'A law passed by the National People’s Congress: binding on everyone.' },
  judicial_interpretation: { zh: '司法解释：最高人民法院、最高人民检察院对法律的解释，法院办案时适用。', en: 'A judicial interpretation by the Supreme People’s Court / Procuratorate: courts apply it.' },
  administrative_regulation: { zh: '行政法规：国务院制定，具有约束力。', en: 'An administrative regulation of the State Council: binding.' },
  regulation: { zh: '部门规章：金融监管部门制定，约束被监管的机构，监管部门据此处理投诉。', en: 'A ministerial regulation: binds the supervised lenders; regulators act on it.' },
  normative_document: { zh: '规范性文件：监管部门的通知、公告，约束被监管机构。', en: 'A normative document (notice) of a regulator: binds the supervised lenders.' },
  national_standard: { zh: '国家推荐性标准：不是法律，但监管部门和行业会参照执行。', en: 'A recommended national standard: not a law, but regulators use it.' },
  industry_guideline: { zh: '行业自律规范：行业协会制定，不是法律，会员机构应当遵守，可向协会反映。', en: 'An industry guideline: not a law; member institutions should follow it and the association takes reports.' },
};

export const RULE_TITLES: Record<string, Text2> = Object.fromEntries(CN_RULES.map((r) => [r.id, r.title]));


export async function loadCaseData(ctx: AppContext): Promise<CaseData> {
  const db = ctx.store.db;
  const [events, contacts, collectors, loans, loanLines] = await Promise.all([
    repo.listEvents(db, ctx.caseId),
    repo.listContacts(db, ctx.caseId),
    repo.listCollectors(db, ctx.caseId),
    repo.listLoans(db, ctx.caseId),
    loanLineResults(ctx),
  ]);
  return { law: RULE_LAW, tz: ctx.tz, events, contacts, collectors, loans, loanLines };
}

export function findingView(f: Finding, tz: string): FindingView {
  const rule = CN_RULES.find((r) => r.id === f.rule);
  return {
    rule: f.rule,
    title: rule?.title ?? { zh: f.rule, en: f.rule },
    description: rule?.description ?? { zh: '', en: '' },
    tier: f.tier,
    tier_label: TIER_LABEL[f.tier],
    tier_explain: TIER_EXPLAIN[f.tier] ?? { zh: '', en: '' },
    severity: f.severity,
    citations: f.citationIds.map((id) => {
      const c = citationView(id);
      return { ...c, law_name: c.law };
    }),
    events: f.eventIds,
    from: f.from != null ? toIsoLocal(f.from, tz) : null,
    to: f.to != null ? toIsoLocal(f.to, tz) : null,
    count: f.count,
    summary: f.summary,
    channels: f.channels
      .map((id) => CHANNELS.find((c) => c.id === id))
      .filter((c): c is NonNullable<typeof c> => Boolean(c))
      .map((c) => ({ id: c.id, name: c.name, contact: c.contact, handles: c.handles })),
    details: f.details,
  };
}

type FindingsRun = { findings: Finding[]; caseData: CaseData };

/**
 * Findings are a pure function of the case's data (CaseData) and the code. They are kept in the derived table
 * case_findings (migration 0014) with the stamp of the data they were made for (src/app/case-stamp.ts: the one stamp
 * of "what the findings read", shared with the organisation's case list) and the version of the code that made them
 * (findingsEngineVersion): a request on an unchanged case reads one row instead of loading every event and running every
 * rule (issue 15: 100–200 ms of the server's one thread for a 5,000-event case). Any process can rebuild the row;
 * nothing depends on it being there. It is never an evidence record and never leaves with the case.
 *
 * Computing, when the stamp moved: on PostgreSQL (the organisation server) in a worker thread (findings-pool.ts), so
 * that a findings request never holds up a timeline request; on SQLite (the local app, one person) in this thread.
 */

/**
 * The version of the code findings come from: a hash of the rule engine, the law data and the app code that feeds
 * them (src/domain except the classifier, whose changes reach findings as relabelled events; src/law; this module
 * and the modules that build CaseData). A stored result made by other code is made again. Read once, from the
 * source files next to this module; where they cannot be read, the process's start (a result lives for the process).
 */
let engineVersion: string | null = null;
export function findingsEngineVersion(): string {
  if (engineVersion) return engineVersion;
  const h = createHash('sha256');
  try {
    const src = fileURLToPath(new URL('..', import.meta.url));
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) {
          if (p !== join(src, 'domain', 'collection', 'classifier')) walk(p);
        } else if (/\.(ts|js|json)$/.test(e.name) && !/\.test\.ts$/.test(e.name)) files.push(p);
      }
    };
    walk(join(src, 'domain'));
    walk(join(src, 'law'));
    for (const f of ['findings.ts', 'rule-law.ts', 'loans.ts', 'lpr.ts', 'case-stamp.ts', 'case-digest.ts', 'documents.ts', 'lender-identity.ts']) files.push(join(src, 'app', f));
    for (const f of files.sort()) h.update(relative(src, f)).update('\0').update(readFileSync(f)).update('\0');
  } catch {
    h.update(`process:${process.pid}:${Date.now()}`);
  }
  return (engineVersion = h.digest('hex').slice(0, 16));
}

/** The key a stored result must carry to be used: the code's version, the case's time zone and its stamp. */
export function derivedStamp(tz: string, stamp: CaseStamp | null | undefined): string {
  return `${findingsEngineVersion()}|${tz}|${stamp?.key ?? '-'}`;
}

async function currentStamp(ctx: AppContext): Promise<string> {
  return derivedStamp(ctx.tz, await caseStamp(ctx.store, ctx.caseId));
}

/** Worker pools per PostgreSQL store (closed with the store). */
const pools = new WeakMap<Store, FindingsPool>();
function poolOf(store: Store): FindingsPool | null {
  if (store.engine !== 'postgres' || !store.url || process.env.HUXUN_FINDINGS_WORKERS === '0') return null;
  let p = pools.get(store);
  if (!p) {
    const pool = (p = new FindingsPool(store.url));
    pools.set(store, pool);
    store.onClose(() => pool.close());
  }
  return p;
}

/** What is kept per case: the engine's findings and the organisation's digest of them (src/app/case-digest.ts). */
export interface CaseDerived {
  findings: Finding[];
  digest: CaseDigest;
}

/** Measured per store: results computed (the rest were read from case_findings), and how many of them in a worker. For tests and the bench. */
const stats = new WeakMap<Store, { computed: number; inWorker: number }>();
export function findingsStats(store: Store): { computed: number; inWorker: number } {
  let s = stats.get(store);
  if (!s) stats.set(store, (s = { computed: 0, inWorker: 0 }));
  return s;
}

/** Results being computed per store and case, with the stamp they are for: requests that arrive meanwhile share them. */
const inFlight = new WeakMap<Store, Map<number, { stamp: string; done: Promise<CaseDerived> }>>();

/** The stored result of a case if it was made for this stamp. */
async function storedDerived(ctx: AppContext, stamp: string): Promise<CaseDerived | null> {
  const r = await sql<{ stamp: string; findings: string; digest: string | null }>`select stamp, findings, digest from case_findings where case_id = ${ctx.caseId}`.execute(ctx.store.db);
  const row = r.rows[0];
  if (!row || row.stamp !== stamp || !row.digest) return null;
  try {
    const findings = JSON.parse(row.findings) as unknown;
    const digest = JSON.parse(row.digest) as CaseDigest;
    return Array.isArray(findings) && digest && Array.isArray(digest.findings) ? { findings: findings as Finding[], digest } : null;
  } catch {
    return null;
  }
}

/** Keeps a result with the stamp it was made for. Derived data: never an evidence record. */
async function storeDerived(ctx: AppContext, stamp: string, d: CaseDerived): Promise<void> {
  const findings = JSON.stringify(d.findings);
  const digest = JSON.stringify(d.digest);
  const now = Date.now();
  await sql`insert into case_findings (case_id, stamp, findings, digest, computed_at) values (${ctx.caseId}, ${stamp}, ${findings}, ${digest}, ${now})
    on conflict (case_id) do update set stamp = excluded.stamp, findings = excluded.findings, digest = excluded.digest, computed_at = excluded.computed_at`.execute(ctx.store.db);
}

/**
 * The case's findings and digest as its data is now (stamp: derivedStamp of it): the stored row when its stamp is
 * current, else computed (in a worker on PostgreSQL) and stored. caseData: already loaded by the caller.
 */
export async function caseDerived(ctx: AppContext, stamp?: string, caseData?: CaseData): Promise<CaseDerived> {
  stamp ??= await currentStamp(ctx);
  const hit = recentDerived.get(ctx.store, ctx.caseId, stamp);
  if (hit) return hit;
  const stored = (await storedDerived(ctx, stamp)) ?? (await computeDerived(ctx, stamp, caseData));
  // Shared by the requests that read it until the case changes: frozen, so that no caller can change it for the next.
  const derived = deepFreeze(stored);
  recentDerived.set(ctx.store, ctx.caseId, stamp, derived);
  return derived;
}

/**
 * A result per store and case, valid while the case's stamp is the one it was made under; the most recently used
 * last, and the oldest dropped while the entries weigh more than `max` in all (the latest one is kept whatever its
 * weight). Both in-process caches of this file are one of these.
 */
class StampCache<T> {
  private readonly byStore = new WeakMap<object, Map<number, { stamp: string; value: T; weight: number }>>();
  constructor(
    private readonly weigh: (value: T) => number,
    private readonly max: number,
  ) {}

  get(store: object, caseId: number, stamp: string): T | undefined {
    const cache = this.byStore.get(store);
    const hit = cache?.get(caseId);
    if (!cache || !hit || hit.stamp !== stamp) return undefined;
    cache.delete(caseId);
    cache.set(caseId, hit);
    return hit.value;
  }

  set(store: object, caseId: number, stamp: string, value: T): void {
    let cache = this.byStore.get(store);
    if (!cache) this.byStore.set(store, (cache = new Map()));
    cache.delete(caseId);
    cache.set(caseId, { stamp, value, weight: this.weigh(value) });
    let total = 0;
    for (const v of cache.values()) total += v.weight;
    while (cache.size > 1 && total > this.max) {
      const [oldest, v] = cache.entries().next().value!;
      cache.delete(oldest);
      total -= v.weight;
    }
  }
}

/**
 * The last results read, parsed, per store: a findings page read again and again (a caseworker's few cases) skips
 * fetching and parsing its row (~200 KB of JSON for 5,000 events). A bounded number of cases: findings and digest
 * only, never the events (~1 MB each at most).
 */
export const RECENT_DERIVED = 32;
const recentDerived = new StampCache<CaseDerived>(() => 1, RECENT_DERIVED);

async function computeDerived(ctx: AppContext, stamp: string, caseData?: CaseData): Promise<CaseDerived> {
  let flights = inFlight.get(ctx.store);
  if (!flights) inFlight.set(ctx.store, (flights = new Map()));
  const flying = flights.get(ctx.caseId);
  if (flying && flying.stamp === stamp) return flying.done;
  const key = stamp;
  const done = (async (): Promise<CaseDerived> => {
    const pool = poolOf(ctx.store);
    let d: CaseDerived;
    if (pool) d = await pool.run({ caseId: ctx.caseId, tz: ctx.tz });
    else {
      const data = caseData ?? (await loadCaseData(ctx));
      const findings = runRules(CN_RULES, data);
      // Loaded here, not at the top: case-digest reads documents.ts, which reads this module.
      const { digestCase } = await import('./case-digest.js');
      d = { findings, digest: digestCase(findings, data) };
    }
    findingsStats(ctx.store).computed++;
    if (pool) findingsStats(ctx.store).inWorker++;
    // Stored under the stamp read before loading: a change made meanwhile gives a new stamp at the next request.
    await storeDerived(ctx, key, d);
    return d;
  })();
  flights.set(ctx.caseId, { stamp, done });
  try {
    return await done;
  } finally {
    if (flights.get(ctx.caseId)?.done === done) flights.delete(ctx.caseId);
  }
}

/**
 * After a change to a case (refreshDerived runs after every timeline change), its findings are made again in the
 * background on a store a server asked for it (keepFindingsFresh: the organisation server, whose findings come from
 * the worker pool): the next page reads a current row instead of waiting for the engine. A failure here is only a
 * missed head start. Not for the local app (it makes them when a page asks) nor the CLI (a process that ends).
 */
const refreshTimers = new WeakMap<Store, Map<number, NodeJS.Timeout>>();
/** The refresh last scheduled per store and case: settles when its result is stored (or it failed). */
const refreshes = new WeakMap<Store, Map<number, Promise<void>>>();
const keptFresh = new WeakSet<Store>();
export function keepFindingsFresh(store: Store): void {
  if (poolOf(store)) keptFresh.add(store);
}
export function refreshFindingsLater(ctx: AppContext): void {
  if (!keptFresh.has(ctx.store)) return;
  let timers = refreshTimers.get(ctx.store);
  if (!timers) refreshTimers.set(ctx.store, (timers = new Map()));
  clearTimeout(timers.get(ctx.caseId));
  const copy: AppContext = { ...ctx };
  let done!: () => void;
  const settled = new Promise<void>((r) => (done = r));
  let rs = refreshes.get(ctx.store);
  if (!rs) refreshes.set(ctx.store, (rs = new Map()));
  rs.set(ctx.caseId, settled);
  // A burst of changes (several manual entries) makes one result, a moment after the last.
  const t = setTimeout(() => {
    timers.delete(copy.caseId);
    caseDerived(copy).then(done, done);
  }, 500);
  t.unref();
  timers.set(ctx.caseId, t);
}

/** The background refresh last scheduled for a case, once it is done (tests; undefined: none scheduled). */
export function findingsRefreshed(store: Store, caseId: number): Promise<void> | undefined {
  return refreshes.get(store)?.get(caseId);
}

async function findingsFor(ctx: AppContext, stamp: string, caseData?: CaseData): Promise<Finding[]> {
  return (await caseDerived(ctx, stamp, caseData)).findings;
}

/** The case's findings (the engine's list), without loading its events when the stored result is current. */
export async function caseFindings(ctx: AppContext): Promise<Finding[]> {
  return findingsFor(ctx, await currentStamp(ctx));
}

/**
 * Results with their case's data kept in this process, for pages that read the events too (cards, documents,
 * report, plan, overview), on SQLite only: the local app, one person, whose pages ask again and again for one case.
 * At most FINDINGS_CACHE_EVENTS events in all (the latest case is kept whatever its size). On PostgreSQL (an
 * organisation server with hundreds of cases) the derived row is the cache and a page that needs the events loads
 * them: keeping each case's events in memory is what made the server's memory climb (issue 15), and freezing them
 * cost more CPU than the rules.
 */
export const FINDINGS_CACHE_EVENTS = 20_000;
const runCache = new StampCache<FindingsRun>((run) => run.caseData.events.length, FINDINGS_CACHE_EVENTS);

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v as object)) deepFreeze(x);
  }
  return v;
}

export async function runFindings(ctx: AppContext): Promise<FindingsRun> {
  const stamp = await currentStamp(ctx);
  if (ctx.store.engine !== 'sqlite') {
    const caseData = await loadCaseData(ctx);
    return { findings: await findingsFor(ctx, stamp, caseData), caseData };
  }
  const hit = runCache.get(ctx.store, ctx.caseId, stamp);
  if (hit) return hit;
  const caseData = await loadCaseData(ctx);
  // The result is frozen: it is shared by every request on this case until it changes, and no caller may alter it.
  const run = deepFreeze({ findings: await findingsFor(ctx, stamp, caseData), caseData });
  runCache.set(ctx.store, ctx.caseId, stamp, run);
  return run;
}

export async function listFindings(ctx: AppContext): Promise<FindingView[]> {
  const findings = await caseFindings(ctx);
  return findings.map((f) => findingView(f, ctx.tz));
}

/** The findings page: one card per kind of conduct, most serious first (src/app/finding-cards.ts). */
export async function findingsPage(ctx: AppContext): Promise<FindingsPageView> {
  const { findings, caseData } = await runFindings(ctx);
  return buildFindingCards(findings, caseData);
}
