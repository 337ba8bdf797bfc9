/** Findings: the PRC rule pack run over the case's timeline and loans, with citations and channels from src/law. */
import { CN_RULES } from '../domain/rules/cn/index.js';
import { runRules } from '../domain/rules/engine.js';
import type { CaseData, Finding } from '../domain/rules/types.js';
import type { Text2 } from '../domain/law.js';
import { toIsoLocal } from '../domain/time.js';
import { CHANNELS, TIER_LABEL } from '../law/index.js';
import { sql } from 'kysely';
import * as repo from '../store/repo.js';
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
 * The engine's result per store and case, with the stamp it was made for. Findings are a pure function of the case's
 * data (CaseData) and the code: the stamp reads every input that can change (events, including their labels and the
 * collector and contact they were linked to; contacts; collectors; loans; settings, which hold the person's LPR
 * quotes; the evidence head; the time zone), and a page that finds it unchanged gets the same result without loading
 * every event and running every rule again (issue 15: a 5,000-event case took 140–200 ms of the server's one thread
 * per findings, overview, documents or dossier request). The result is frozen: a caller that tried to change it
 * would throw instead of changing what the next request sees.
 */
/** Cases whose findings a store keeps (each holds the case's events: ~1–2 MB per 5,000 events). */
export const FINDINGS_CACHE_CASES = 16;

const findingsCache = new WeakMap<object, Map<number, { stamp: string; run: FindingsRun }>>();

async function findingsStamp(ctx: AppContext): Promise<string> {
  const id = ctx.caseId;
  const [ev, rest] = await Promise.all([
    // One pass over the case's events.
    sql<Record<string, unknown>>`select count(*) as e_n, max(id) as e_max, sum(coalesce(collector_id, 0)) as e_col,
      sum(coalesce(contact_id, 0)) as e_con, sum(coalesce(loan_id, 0)) as e_loan, sum(length(labels)) as e_lab,
      min(labelled_by) as e_by0, max(labelled_by) as e_by1 from events where case_id = ${id}`.execute(ctx.store.db),
    sql<Record<string, unknown>>`select
      (select max(seq) from evidence where case_id = ${id}) as head,
      (select count(*) from contacts where case_id = ${id}) as c_n,
      (select max(id) from contacts where case_id = ${id}) as c_max,
      (select count(*) from contact_numbers where case_id = ${id}) as cn_n,
      (select count(*) from collectors where case_id = ${id}) as k_n,
      (select max(id) from collectors where case_id = ${id}) as k_max,
      (select sum(coalesce(loan_id, 0)) from collectors where case_id = ${id}) as k_loan,
      (select sum(length(coalesce(lender_name, '')) + length(coalesce(lender_entity_id, '')) + length(coalesce(lender_brand_id, '')) + length(claims)) from collectors where case_id = ${id}) as k_lender,
      (select count(*) from collector_numbers where case_id = ${id}) as kn_n,
      (select count(*) from loans where case_id = ${id}) as l_n,
      (select max(updated_at) from loans where case_id = ${id}) as l_upd,
      (select count(*) from settings where case_id = ${id} and key <> 'org_report_digest') as s_n,
      (select sum(length(value)) from settings where case_id = ${id} and key <> 'org_report_digest') as s_len`.execute(ctx.store.db),
  ]);
  const row = { ...ev.rows[0], ...rest.rows[0] };
  return [ctx.tz, ...Object.keys(row).sort().map((k) => String(row[k] ?? '-'))].join('|');
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v as object)) deepFreeze(x);
  }
  return v;
}

export async function runFindings(ctx: AppContext): Promise<FindingsRun> {
  let cache = findingsCache.get(ctx.store);
  if (!cache) findingsCache.set(ctx.store, (cache = new Map()));
  const stamp = await findingsStamp(ctx);
  const hit = cache.get(ctx.caseId);
  if (hit && hit.stamp === stamp) {
    // Most recently used last: the first entry is the one to drop.
    cache.delete(ctx.caseId);
    cache.set(ctx.caseId, hit);
    return hit.run;
  }
  const caseData = await loadCaseData(ctx);
  const run = deepFreeze({ findings: runRules(CN_RULES, caseData), caseData });
  // Stored under the stamp read before loading: a change made meanwhile gives a new stamp at the next request.
  cache.delete(ctx.caseId);
  cache.set(ctx.caseId, { stamp, run });
  // A result holds the case's every event: an organisation server keeps the cases in use, not all of them.
  while (cache.size > FINDINGS_CACHE_CASES) cache.delete(cache.keys().next().value!);
  return run;
}

export async function listFindings(ctx: AppContext): Promise<FindingView[]> {
  const { findings } = await runFindings(ctx);
  return findings.map((f) => findingView(f, ctx.tz));
}

/** The findings page: one card per kind of conduct, most serious first (src/app/finding-cards.ts). */
export async function findingsPage(ctx: AppContext): Promise<FindingsPageView> {
  const { findings, caseData } = await runFindings(ctx);
  return buildFindingCards(findings, caseData);
}
