/**
 * The organisation's views across its cases (issue 15): the staff case list (caseSummaries) and the per-lender report
 * for a joint complaint to a regulator (lenderReport). Both read each case's findings from the rule engine
 * (runFindings: the same findings the borrower sees, one source of truth) and attribute their events to lenders
 * through the case's collectors (caseLenders: registry entity or brand, the borrower's loan, the name entered).
 *
 * The engine's result per case is digested to counts and kept in memory, keyed by a stamp of what the findings read
 * (evidence head, collectors, loans, settings: no event row is read): a page of 200 cases runs the engine only for cases that
 * changed. The cache is a cache: any app server can rebuild it, nothing depends on it (docs/scaling.md).
 *
 * Privacy: the report carries counts and lender names only. No phone number or contact name leaves this module; a
 * private lender (a person) is never named; cases are tokens ("案件 A3") unless the borrower consented
 * (settings org_report_consent = '1').
 */
import { sql } from 'kysely';
import { localDate } from '../domain/time.js';
import { CN_RULE_META } from '../domain/rules/cn/meta.js';
import type { Finding } from '../domain/rules/types.js';
import type { Store } from '../store/db.js';
import * as repo from '../store/repo.js';
import {
  CASE_STATUS_LABEL,
  LENDER_REPORT_COLUMNS,
  type CaseFindingCount,
  type CaseNextStep,
  type CaseStatus,
  type CaseSummary,
  type LenderReport,
  type LenderReportRow,
  type OrgSeverity,
} from '../shared/org.js';
import type { AppContext } from './context.js';
import { caseLenders } from './documents.js';
import { runFindings } from './findings.js';
import { followUpSummary } from './followup.js';

/** Setting a borrower sets to '1' to be named (not a token) in the organisation's lender report. */
export const ORG_REPORT_CONSENT = 'org_report_consent';

const THREAT_RULES = ['cn.threat-violence', 'cn.threat-contacts', 'cn.visit-threat'];
const CONTACT_RULES = ['cn.third-party-contact', 'cn.threat-contacts', 'cn.contacts-at-scale'];
const INSULT_RULES = ['cn.insult'];
const FALSE_LEGAL_RULES = ['cn.false-legal'];
const NIGHT_RULES = ['cn.night-contact'];
const FLOOD_RULES = ['cn.call-flood'];
const MESSAGE_KINDS = new Set(['sms', 'im']);
const SEVERITIES: OrgSeverity[] = ['critical', 'high', 'medium', 'low'];

const UNKNOWN = { key: 'unknown', name: '未识别的贷款方' };
/** A private lender is a person: never named in a report that leaves the case. */
const PRIVATE = { key: 'private', name: '个人出借人（不显示姓名）' };

interface LenderFacts {
  key: string;
  name: string;
  /** The lender is in the case (a loan or a collector). */
  collectors: number;
  calls: number;
  messages: number;
  contactsReached: boolean;
  threats: number;
  insults: number;
  falseLegal: number;
  night: number;
  floodDays: number;
}

interface CaseDigest {
  findings: CaseFindingCount[];
  lenders: LenderFacts[];
  events: number;
  /** Epoch ms of the latest event. */
  lastEventAt: number | null;
}

interface CaseRow {
  id: number;
  name: string;
  tz: string;
}

interface Stamp {
  key: string;
  complaints: number;
  collectors: number;
  /** received_at of the case's last evidence record. */
  lastRecord: number | null;
}

const CACHE_MAX = 5000;
/** Per store (a process may hold several: tests, a server and a CLI import), then per case id. */
const caches = new WeakMap<Store, Map<number, { stamp: string; digest: CaseDigest }>>();

/**
 * A case's digest and the stamp it was made for, kept in its settings: derived data, recomputed whenever the stamp
 * differs (this key is left out of the stamp). Bump the version when the digest's shape or counting changes.
 */
export const DIGEST_KEY = 'org_report_digest';
const DIGEST_VERSION = 'd2';

/** Measured: how many case digests the last call computed (the rest came from the cache). For tests and the bench. */
export const digestStats = { computed: 0, cached: 0 };

function caseContext(store: Store, c: CaseRow): AppContext {
  // Findings and the follow-up summary read only the database: no data folder, no file key.
  return { store, caseId: c.id, tz: c.tz, dataDir: '', fileKey: null, now: () => Date.now() };
}

async function loadCases(store: Store, caseIds: number[]): Promise<CaseRow[]> {
  const ids = [...new Set(caseIds.filter((id) => Number.isSafeInteger(id)))];
  if (!ids.length) return [];
  const rows = await store.db.selectFrom('cases').select(['id', 'name', 'tz']).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [Number(r.id), { id: Number(r.id), name: r.name, tz: r.tz }]));
  return ids.map((id) => byId.get(id)).filter((c): c is CaseRow => Boolean(c));
}

/**
 * What the findings of each case read, for a whole page of cases in a few queries that touch no event row: every
 * event, contact, loan and attachment change is an evidence record in the same transaction (its head moves),
 * relabelling regroups the collectors (new ids), a loan edit moves updated_at, settings hold the LPR quotes. The event
 * count and last event time come from the digest, made when the stamp was.
 */
async function stamps(store: Store, ids: number[]): Promise<Map<number, Stamp>> {
  const db = store.db;
  const list = sql.join(ids);
  const [evd, col, loans, settings, complaints] = await Promise.all([
    // The head per case through the (case_id, seq) key: an index lookup per case, not a scan of the chain.
    sql<{ case_id: number; seq: number | null; received: number | null }>`select c.id as case_id,
      (select e.seq from evidence e where e.case_id = c.id order by e.seq desc limit 1) as seq,
      (select e.received_at from evidence e where e.case_id = c.id order by e.seq desc limit 1) as received
      from cases c where c.id in (${list})`.execute(db),
    sql<{ case_id: number; n: number; max_id: number | null }>`select case_id, count(*) as n, max(id) as max_id from collectors where case_id in (${list}) group by case_id`.execute(db),
    sql<{ case_id: number; n: number; upd: number | null }>`select case_id, count(*) as n, max(updated_at) as upd from loans where case_id in (${list}) group by case_id`.execute(db),
    sql<{ case_id: number; n: number; len: number | null }>`select case_id, count(*) as n, sum(length(value)) as len from settings where case_id in (${list}) and key <> ${DIGEST_KEY} group by case_id`.execute(db),
    sql<{ case_id: number; n: number }>`select case_id, count(*) as n from complaints where case_id in (${list}) group by case_id`.execute(db),
  ]);
  const by = <T extends { case_id: number }>(rows: T[]) => new Map(rows.map((r) => [Number(r.case_id), r]));
  const [v, c, l, s, q] = [by(evd.rows), by(col.rows), by(loans.rows), by(settings.rows), by(complaints.rows)];
  const out = new Map<number, Stamp>();
  for (const id of ids) {
    const b = v.get(id), k = c.get(id), m = l.get(id), t = s.get(id);
    const key = [b?.seq, k?.n, k?.max_id, m?.n, m?.upd, t?.n, t?.len].map((x) => (x == null ? '-' : Number(x))).join(':');
    out.set(id, { key: `${DIGEST_VERSION}:${key}`, complaints: Number(q.get(id)?.n ?? 0), collectors: Number(k?.n ?? 0), lastRecord: b?.received == null ? null : Number(b.received) });
  }
  return out;
}

async function digestOf(store: Store, c: CaseRow, stamp: Stamp): Promise<CaseDigest> {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Map()));
  const hit = cache.get(c.id);
  if (hit && hit.stamp === stamp.key) {
    digestStats.cached++;
    return hit.digest;
  }
  // Kept beside the case too, so that a restarted or another app server does not run the engine again for it.
  let digest = await storedDigest(store, c.id, stamp.key);
  if (digest) digestStats.cached++;
  else {
    digest = await computeDigest(caseContext(store, c));
    digestStats.computed++;
    await repo.setSetting(store.db, c.id, DIGEST_KEY, JSON.stringify({ stamp: stamp.key, digest }));
  }
  cache.delete(c.id);
  cache.set(c.id, { stamp: stamp.key, digest });
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  return digest;
}

async function storedDigest(store: Store, caseId: number, stamp: string): Promise<CaseDigest | null> {
  const raw = await repo.getSetting(store.db, caseId, DIGEST_KEY);
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as { stamp?: unknown; digest?: CaseDigest };
    return v.stamp === stamp && v.digest && Array.isArray(v.digest.findings) && Array.isArray(v.digest.lenders) && typeof v.digest.events === 'number' ? v.digest : null;
  } catch {
    return null;
  }
}

/** Runs fn over items, at most n at a time (database round trips overlap; the engine's CPU does not). */
async function eachLimited<T, R>(items: T[], n: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

/** The lender a case's lender counts under across cases: the registry's name where known. */
function globalLender(l: ReturnType<typeof caseLenders>[number]): { key: string; name: string } {
  if (l.type === 'private') return PRIVATE;
  if (l.entity) return { key: `entity:${l.entity}`, name: l.brand && l.brand !== l.entity ? `${l.entity}（${l.brand}）` : l.entity };
  if (l.brand) return { key: `brand:${l.brand}`, name: l.brand };
  const name = l.name.normalize('NFKC').trim();
  return name ? { key: `name:${name}`, name } : UNKNOWN;
}

async function computeDigest(ctx: AppContext): Promise<CaseDigest> {
  const { findings, caseData } = await runFindings(ctx);
  const byRule = new Map<string, CaseFindingCount>();
  for (const f of findings) {
    const meta = CN_RULE_META.find((m) => m.id === f.rule);
    const cur = byRule.get(f.rule) ?? { rule: f.rule, title: meta?.title ?? { zh: f.rule, en: f.rule }, severity: f.severity, findings: 0, events: 0 };
    cur.findings++;
    cur.events += f.eventIds.length;
    if (SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(cur.severity)) cur.severity = f.severity;
    byRule.set(f.rule, cur);
  }
  const facts = new Map<string, LenderFacts>();
  const factsOf = (g: { key: string; name: string }) => {
    let f = facts.get(g.key);
    if (!f) facts.set(g.key, (f = { key: g.key, name: g.name, collectors: 0, calls: 0, messages: 0, contactsReached: false, threats: 0, insults: 0, falseLegal: 0, night: 0, floodDays: 0 }));
    return f;
  };
  const lenderOf = new Map<number, { key: string; name: string }>();
  for (const l of caseLenders(caseData.loans, caseData.collectors)) {
    const g = globalLender(l);
    factsOf(g);
    for (const id of l.collectorIds) if (!lenderOf.has(id)) lenderOf.set(id, g);
  }
  for (const c of caseData.collectors) {
    if (!lenderOf.has(c.id)) {
      const name = c.lenderName?.normalize('NFKC').trim();
      lenderOf.set(c.id, name ? { key: `name:${name}`, name } : UNKNOWN);
    }
    factsOf(lenderOf.get(c.id)!).collectors++;
  }
  const events = new Map(caseData.events.map((e) => [e.id, e]));
  const lenderOfEvent = (id: number) => {
    const e = events.get(id);
    return e?.collectorId != null ? (lenderOf.get(e.collectorId) ?? UNKNOWN) : UNKNOWN;
  };
  for (const e of caseData.events) {
    if (e.collectorId == null) continue;
    const f = factsOf(lenderOf.get(e.collectorId) ?? UNKNOWN);
    if (e.kind === 'call') f.calls++;
    else if (MESSAGE_KINDS.has(e.kind)) f.messages++;
  }
  const cited = (rules: string[]) => new Set(findings.filter((f: Finding) => rules.includes(f.rule)).flatMap((f) => f.eventIds));
  for (const id of cited(CONTACT_RULES)) factsOf(lenderOfEvent(id)).contactsReached = true;
  for (const id of cited(THREAT_RULES)) factsOf(lenderOfEvent(id)).threats++;
  for (const id of cited(INSULT_RULES)) factsOf(lenderOfEvent(id)).insults++;
  for (const id of cited(FALSE_LEGAL_RULES)) factsOf(lenderOfEvent(id)).falseLegal++;
  for (const id of cited(NIGHT_RULES)) factsOf(lenderOfEvent(id)).night++;
  const floodDays = new Map<string, Set<string>>();
  for (const id of cited(FLOOD_RULES)) {
    const g = lenderOfEvent(id);
    const days = floodDays.get(g.key) ?? new Set<string>();
    days.add(localDate(events.get(id)!.at, events.get(id)!.tz || ctx.tz));
    floodDays.set(g.key, days);
  }
  for (const [key, days] of floodDays) facts.get(key)!.floodDays = days.size;
  const rank = (f: LenderFacts) => f.calls + f.messages;
  let lastEventAt: number | null = null;
  for (const e of caseData.events) if (lastEventAt == null || e.at > lastEventAt) lastEventAt = e.at;
  return {
    events: caseData.events.length,
    lastEventAt,
    findings: [...byRule.values()].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || b.events - a.events || a.rule.localeCompare(b.rule)),
    lenders: [...facts.values()].sort((a, b) => rank(b) - rank(a) || a.key.localeCompare(b.key)),
  };
}

// ------------------------------------------------------------------------------------------------- case list

/** The staff case list: one summary per case id that exists (ids that do not are left out), in the order given. */
export async function caseSummaries(store: Store, caseIds: number[]): Promise<CaseSummary[]> {
  const cases = await loadCases(store, caseIds);
  if (!cases.length) return [];
  const st = await stamps(store, cases.map((c) => c.id));
  return eachLimited(cases, 4, async (c): Promise<CaseSummary> => {
    const s = st.get(c.id)!;
    const d = await digestOf(store, c, s);
    const follow = s.complaints ? await followUpSummary(caseContext(store, c)) : { open: 0, due: 0, upcoming: [] };
    const bySeverity = Object.fromEntries(SEVERITIES.map((k) => [k, 0])) as Record<OrgSeverity, number>;
    for (const f of d.findings) bySeverity[f.severity] += f.findings;
    const total = d.findings.reduce((a, f) => a + f.findings, 0);
    const status: CaseStatus = d.events === 0 && total === 0 ? 'empty' : follow.due > 0 ? 'answer_due' : follow.open > 0 ? 'complaint_open' : total > 0 ? 'to_complain' : 'no_findings';
    return {
      case_id: c.id,
      name: c.name,
      status,
      status_label: CASE_STATUS_LABEL[status],
      complaints: { open: follow.open, due: follow.due },
      next_step: nextStep(follow, d),
      findings: { total, by_severity: bySeverity, by_rule: d.findings },
      lenders: d.lenders.filter((l) => l.collectors > 0 && l.key !== UNKNOWN.key).map((l) => l.name),
      events: d.events,
      collectors: s.collectors,
      last_activity: lastOf(d.lastEventAt, s.lastRecord),
    };
  });
}

function lastOf(a: number | null, b: number | null): number | null {
  return a == null ? b : b == null ? a : Math.max(a, b);
}

function nextStep(follow: Pick<Awaited<ReturnType<typeof followUpSummary>>, 'upcoming'>, d: CaseDigest): CaseNextStep | null {
  const u = follow.upcoming[0];
  if (u) {
    const who = u.channel_name;
    if (u.next_kind === 'reminder') return { kind: 'reminder', date: u.next_date, title: { zh: `提醒：跟进向${who.zh}的投诉`, en: `Reminder: follow up the complaint to ${who.en}` } };
    if (u.next_kind === 'deadline' && u.next_date) return { kind: 'deadline', date: u.next_date, title: { zh: `${who.zh}的答复期限`, en: `Answer due from ${who.en}` } };
    return { kind: 'wait', date: null, title: { zh: `等待${who.zh}答复`, en: `Waiting for ${who.en} to answer` } };
  }
  const top = d.findings.find((f) => f.rule !== 'cn.over-legal-line') ?? d.findings[0];
  if (top) return { kind: 'complain', date: null, title: { zh: `可以投诉：${top.title.zh}`, en: `Ready to complain: ${top.title.en}` } };
  if (d.events === 0) return { kind: 'import', date: null, title: { zh: '导入手机记录', en: 'Import the phone records' } };
  return null;
}

// ------------------------------------------------------------------------------------------------- lender report

/** The cases among caseIds whose borrowers set org_report_consent = '1'. */
export async function consentedCases(store: Store, caseIds: number[]): Promise<Set<number>> {
  if (!caseIds.length) return new Set();
  const rows = await store.db.selectFrom('settings').select('case_id').where('case_id', 'in', caseIds).where('key', '=', ORG_REPORT_CONSENT).where('value', '=', '1').execute();
  return new Set(rows.map((r) => Number(r.case_id)));
}

/** The borrower's choice: named in the organisation's lender report, or a token. */
export async function setOrgReportConsent(ctx: AppContext, consent: boolean): Promise<void> {
  await repo.setSetting(ctx.store.db, ctx.caseId, ORG_REPORT_CONSENT, consent ? '1' : '0');
}

/**
 * Per lender across caseIds (only those; ids that do not exist are left out). A case is named only when it is in
 * consentedCaseIds and its borrower's own setting says so: a caller's list alone never names a case.
 */
export async function lenderReport(store: Store, caseIds: number[], consentedCaseIds: Set<number>): Promise<LenderReport> {
  const cases = await loadCases(store, caseIds);
  const ids = cases.map((c) => c.id);
  const st = ids.length ? await stamps(store, ids) : new Map<number, Stamp>();
  const own = await consentedCases(store, ids);
  const named = new Set(ids.filter((id) => consentedCaseIds.has(id) && own.has(id)));
  // Tokens by position among the report's cases (ascending id): stable within a report, say nothing of the case.
  const token = new Map([...ids].sort((a, b) => a - b).map((id, i) => [id, `案件 A${i + 1}`]));
  const rows = new Map<string, LenderReportRow & { refs: Set<number> }>();
  const digests = await eachLimited(cases, 4, (c) => digestOf(store, c, st.get(c.id)!));
  for (const [i, c] of cases.entries()) {
    const d = digests[i]!;
    for (const f of d.lenders) {
      let r = rows.get(f.key);
      if (!r) {
        r = { key: f.key, lender: f.name, cases: 0, collectors: 0, contacts_reached_cases: 0, threats: 0, insults: 0, false_legal_claims: 0, night_contacts: 0, flood_days: 0, calls: 0, messages: 0, case_refs: [], refs: new Set() };
        rows.set(f.key, r);
      }
      r.refs.add(c.id);
      r.collectors += f.collectors;
      if (f.contactsReached) r.contacts_reached_cases++;
      r.threats += f.threats;
      r.insults += f.insults;
      r.false_legal_claims += f.falseLegal;
      r.night_contacts += f.night;
      r.flood_days += f.floodDays;
      r.calls += f.calls;
      r.messages += f.messages;
    }
  }
  const byName = new Map(cases.map((c) => [c.id, c.name]));
  const lenders = [...rows.values()]
    .map(({ refs, ...r }) => ({
      ...r,
      cases: refs.size,
      case_refs: [...refs].sort((a, b) => a - b).map((id) => (named.has(id) ? byName.get(id)! : token.get(id)!)),
    }))
    .sort((a, b) => b.cases - a.cases || b.threats + b.contacts_reached_cases - (a.threats + a.contacts_reached_cases) || a.lender.localeCompare(b.lender));
  return {
    cases: cases.length,
    consented: named.size,
    lenders,
    notes: [
      {
        zh: '数字来自护讯对每个案件自身记录的违规分析（与借款人看到的结果相同）；事件按催收号码所属的贷款方归类（登记信息、借款人的标注或借款记录），无法归类的列为“未识别的贷款方”。个人出借人不显示姓名。',
        en: "Counts come from Huxun's findings on each case's own records (the same the borrower sees); events count under the lender their collector is linked to (registry, the borrower's marking or a loan), others under 'unidentified lender'. Private lenders are not named.",
      },
      {
        zh: '未经借款人同意的案件只以代号（如“案件 A3”）出现；报告不含任何电话号码或亲友姓名。',
        en: 'Cases appear as tokens (e.g. 案件 A3) unless the borrower consented; the report holds no phone number and no name of a contact.',
      },
    ],
  };
}

/**
 * The lender report as plain text (a table with the Chinese or English headings of src/shared/org.ts, then the notes):
 * for a printout or an attachment to a joint complaint. Counts and names only, as the report itself.
 */
export function lenderReportText(report: LenderReport, lang: 'zh' | 'en' = 'zh'): string {
  const cols = Object.keys(LENDER_REPORT_COLUMNS) as (keyof typeof LENDER_REPORT_COLUMNS)[];
  const head = cols.map((k) => LENDER_REPORT_COLUMNS[k][lang]);
  const rows = report.lenders.map((r) => cols.map((k) => (k === 'case_refs' ? r.case_refs.join(lang === 'zh' ? '、' : ', ') : String(r[k]))));
  const title =
    lang === 'zh'
      ? `各贷款方催收情况（${report.cases} 个案件，其中 ${report.consented} 个经借款人同意显示名称）`
      : `Collection by lender (${report.cases} cases, ${report.consented} named with the borrower's consent)`;
  return [title, '', ...[head, ...rows].map((r) => r.join('\t')), '', ...report.notes.map((n) => n[lang])].join('\n') + '\n';
}
