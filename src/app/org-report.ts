/**
 * The organisation's views across its cases (issue 15): the staff case list (caseSummaries) and the per-lender report
 * for a joint complaint to a regulator (lenderReport). Both read each case's findings from the rule engine
 * (runFindings: the same findings the borrower sees, one source of truth) and attribute their events to lenders
 * through the case's collectors (caseLenders: registry entity or brand, the borrower's loan, the name entered).
 *
 * The engine's result per case is digested to counts and kept in memory and in the case's derived row, keyed by the
 * stamp of what the findings read (src/app/case-stamp.ts, the same stamp the findings are kept under): a page of 200
 * cases runs the engine only for cases that changed. The cache is a cache: any app server can rebuild it, nothing
 * depends on it (docs/scaling.md).
 *
 * Privacy: the report carries counts and lender names only. No phone number or contact name leaves this module; a
 * private lender (a person) is never named; cases are tokens ("案件 A3") unless the borrower consented
 * (settings org_report_consent = '1').
 */
import type { Store } from '../store/db.js';
import * as repo from '../store/repo.js';
import {
  CASE_STATUS_LABEL,
  LENDER_REPORT_COLUMNS,
  type CaseNextStep,
  type CaseStatus,
  type CaseSummary,
  type LenderReport,
  type LenderReportRow,
  type OrgSeverity,
} from '../shared/org.js';
import type { AppContext } from './context.js';
import { caseStamps, type CaseStamp } from './case-stamp.js';
import { UNKNOWN, type CaseDigest } from './case-digest.js';
import { caseDerived, derivedStamp, findingsStats } from './findings.js';
import { followUpSummary } from './followup.js';

/** Setting a borrower sets to '1' to be named (not a token) in the organisation's lender report. */
export const ORG_REPORT_CONSENT = 'org_report_consent';

const SEVERITIES: OrgSeverity[] = ['critical', 'high', 'medium', 'low'];

interface CaseRow {
  id: number;
  name: string;
  tz: string;
}

/** The case's stamp (src/app/case-stamp.ts), its key made the one its findings and digest are kept under (derivedStamp). */
type Stamp = CaseStamp;

const CACHE_MAX = 5000;
/** Per store (a process may hold several: tests, a server and a CLI import), then per case id. */
const caches = new WeakMap<Store, Map<number, { stamp: string; digest: CaseDigest }>>();

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

async function stamps(store: Store, cases: CaseRow[]): Promise<Map<number, Stamp>> {
  const st = await caseStamps(store, cases.map((c) => c.id));
  return new Map(cases.filter((c) => st.has(c.id)).map((c) => [c.id, { ...st.get(c.id)!, key: derivedStamp(c.tz, st.get(c.id)) }]));
}

async function digestOf(store: Store, c: CaseRow, stamp: Stamp): Promise<CaseDigest> {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Map()));
  const hit = cache.get(c.id);
  if (hit && hit.stamp === stamp.key) {
    digestStats.cached++;
    return hit.digest;
  }
  // Kept with the case's findings (case_findings, under the same stamp): made once per change of the case, in the
  // findings worker on the organisation server, and read back by a restarted or another app server.
  const before = findingsStats(store).computed;
  const { digest } = await caseDerived(caseContext(store, c), stamp.key);
  if (findingsStats(store).computed > before) digestStats.computed++;
  else digestStats.cached++;
  cache.delete(c.id);
  cache.set(c.id, { stamp: stamp.key, digest });
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  return digest;
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

// ------------------------------------------------------------------------------------------------- case list

/** The staff case list: one summary per case id that exists (ids that do not are left out), in the order given. */
export async function caseSummaries(store: Store, caseIds: number[]): Promise<CaseSummary[]> {
  const cases = await loadCases(store, caseIds);
  if (!cases.length) return [];
  const st = await stamps(store, cases);
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
  const st = ids.length ? await stamps(store, cases) : new Map<number, Stamp>();
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
