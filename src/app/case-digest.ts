/**
 * The organisation's digest of one case's findings (issue 15, src/app/org-report.ts): counts per rule and, per lender
 * the case's collectors belong to, calls, messages, threats, insults, false legal claims, night contacts and flood
 * days. Pure: made from the findings and the case's data, in the findings worker beside the findings on the
 * organisation server (src/app/findings-worker.ts) or in this thread (the local app), and kept with them in the case's
 * derived row (case_findings.digest). Counts and lender names only: no phone number or contact name.
 */
import { localDate } from '../domain/time.js';
import { CN_RULE_META } from '../domain/rules/cn/meta.js';
import type { CaseData, Finding } from '../domain/rules/types.js';
import type { CaseFindingCount, OrgSeverity } from '../shared/org.js';
import { caseLenders } from './documents.js';

const THREAT_RULES = ['cn.threat-violence', 'cn.threat-contacts', 'cn.visit-threat'];
const CONTACT_RULES = ['cn.third-party-contact', 'cn.threat-contacts', 'cn.contacts-at-scale'];
const INSULT_RULES = ['cn.insult'];
const FALSE_LEGAL_RULES = ['cn.false-legal'];
const NIGHT_RULES = ['cn.night-contact'];
const FLOOD_RULES = ['cn.call-flood'];
const MESSAGE_KINDS = new Set(['sms', 'im']);
const SEVERITIES: OrgSeverity[] = ['critical', 'high', 'medium', 'low'];

export const UNKNOWN = { key: 'unknown', name: '未识别的贷款方' };
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

export interface CaseDigest {
  findings: CaseFindingCount[];
  lenders: LenderFacts[];
  events: number;
  /** Epoch ms of the latest event. */
  lastEventAt: number | null;
}

/** The lender a case's lender counts under across cases: the registry's name where known. */
function globalLender(l: ReturnType<typeof caseLenders>[number]): { key: string; name: string } {
  if (l.type === 'private') return PRIVATE;
  if (l.entity) return { key: `entity:${l.entity}`, name: l.brand && l.brand !== l.entity ? `${l.entity}（${l.brand}）` : l.entity };
  if (l.brand) return { key: `brand:${l.brand}`, name: l.brand };
  const name = l.name.normalize('NFKC').trim();
  return name ? { key: `name:${name}`, name } : UNKNOWN;
}

/** The digest of one case from its findings and data (pure: the findings worker makes it beside the findings). */
export function digestCase(findings: readonly Finding[], caseData: CaseData): CaseDigest {
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
    days.add(localDate(events.get(id)!.at, events.get(id)!.tz || caseData.tz));
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

