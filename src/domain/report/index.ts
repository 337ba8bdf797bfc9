/**
 * The evidence report (issue 16): what a lawyer, a police officer or a regulator reads first. Pure: built from the
 * case's events, collectors, contacts and findings; dates are local dates in the case's zone. The night and flood
 * tables group the events the rules flagged (cn.night-contact, cn.call-flood), so the report says exactly what the
 * findings say; the per-day chart counts every incoming call and message from a collector or labelled collection.
 */
import type { Collector, Contact, TimelineEvent } from '../collection/types.js';
import type { Text2 } from '../law.js';
import type { Finding } from '../rules/types.js';
import { addDays, localDate, localParts } from '../time.js';

export interface ReportDay {
  date: string;
  calls: number;
  messages: number;
}

export interface NightRow {
  date: string;
  calls: number;
  messages: number;
  /** Local times HH:MM, in order. */
  times: string[];
  collectors: string[];
}

export interface FloodRow {
  date: string;
  collector: string;
  calls: number;
  answered: number;
  messages: number;
}

export interface ContactRow {
  name: string;
  relation: string | null;
  /** How many times collectors reached them (messages sent to them, reports they made). */
  times: number;
  first: string;
  last: string;
}

export interface ReportFinding {
  rule: string;
  title: Text2;
  severity: string;
  tier: Text2;
  summary: Text2;
  count: number;
  from: string | null;
  to: string | null;
  citations: string[];
}

export interface ReportData {
  generatedOn: string;
  tz: string;
  period: { from: string; to: string } | null;
  totals: { calls: number; messages: number; collectors: number; contactsReached: number; nightContacts: number; nightDays: number; floodDays: number; findings: number };
  days: ReportDay[];
  night: NightRow[];
  flood: FloodRow[];
  contacts: ContactRow[];
  collectors: { name: string; numbers: string[]; lender: string | null; calls: number; messages: number }[];
  findings: ReportFinding[];
  chain: { head: string | null; count: number; ok: boolean };
}

export interface ReportInput {
  today: string;
  tz: string;
  events: readonly TimelineEvent[];
  collectors: readonly Collector[];
  contacts: readonly Contact[];
  findings: readonly Finding[];
  ruleTitle(rule: string): Text2;
  tierLabel(tier: string): Text2;
  citationTitle(id: string): string | null;
  chain: { head: string | null; count: number; ok: boolean };
}

const NIGHT_RULE = 'cn.night-contact';
const FLOOD_RULE = 'cn.call-flood';
/** The chart spans at most this many days (the latest ones). */
export const MAX_CHART_DAYS = 366;

function isCollection(e: TimelineEvent): boolean {
  return e.collectorId != null || e.labels.includes('collection');
}

function hhmm(at: number, tz: string): string {
  const p = localParts(at, tz);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/** One collector's incoming collection calls and messages: totals, answered and unanswered calls, and calls per local date. */
export interface CollectorActivity {
  collectorId: number;
  calls: number;
  /** Calls the borrower answered (call status 'answered'). */
  answered: number;
  /** Calls that did not reach the borrower: missed, rejected, blocked, voicemail (the flood rule's "unanswered"). */
  missed: number;
  messages: number;
  /** Local dates YYYY-MM-DD → calls and messages that day. */
  perDay: Record<string, { calls: number; messages: number }>;
  first: string | null;
  last: string | null;
}

const UNANSWERED: ReadonlySet<string> = new Set(['missed', 'rejected', 'blocked', 'voicemail']);

/**
 * Per collector, what the report's per-day chart counts (incoming calls and messages of the collector), by local date
 * in the event's zone: one count for the report, the letters and the page.
 */
export function collectorActivity(events: readonly TimelineEvent[], tz: string): CollectorActivity[] {
  const out = new Map<number, CollectorActivity>();
  for (const e of events) {
    if (e.direction !== 'in' || e.collectorId == null || !(e.kind === 'call' || e.kind === 'sms' || e.kind === 'im')) continue;
    const d = localDate(e.at, e.tz || tz);
    let a = out.get(e.collectorId);
    if (!a) out.set(e.collectorId, (a = { collectorId: e.collectorId, calls: 0, answered: 0, missed: 0, messages: 0, perDay: {}, first: d, last: d }));
    const day = (a.perDay[d] ??= { calls: 0, messages: 0 });
    if (e.kind === 'call') {
      a.calls++;
      day.calls++;
      if (e.callStatus === 'answered') a.answered++;
      else if (e.callStatus && UNANSWERED.has(e.callStatus)) a.missed++;
    } else {
      a.messages++;
      day.messages++;
    }
    if (d < a.first!) a.first = d;
    if (d > a.last!) a.last = d;
  }
  return [...out.values()];
}

export function buildReport(i: ReportInput): ReportData {
  const tz = i.tz;
  const byId = new Map(i.events.map((e) => [e.id, e]));
  const collectorName = new Map(i.collectors.map((c) => [c.id, c.name]));
  const nameOf = (e: TimelineEvent) => (e.collectorId != null ? collectorName.get(e.collectorId) ?? `#${e.collectorId}` : e.number ?? '—');
  const isCall = (e: TimelineEvent) => e.kind === 'call';
  const isMsg = (e: TimelineEvent) => e.kind === 'sms' || e.kind === 'im';

  // Per day: incoming collection calls and messages.
  const perDay = new Map<string, ReportDay>();
  // Per collector: the same counts the letters use (collectorActivity).
  const perCollector = new Map(collectorActivity(i.events, tz).map((a) => [a.collectorId, { calls: a.calls, messages: a.messages }]));
  let calls = 0, messages = 0;
  for (const e of i.events) {
    if (e.direction !== 'in' || !isCollection(e) || !(isCall(e) || isMsg(e))) continue;
    const d = localDate(e.at, e.tz || tz);
    const slot = perDay.get(d) ?? { date: d, calls: 0, messages: 0 };
    if (isCall(e)) (slot.calls++, calls++);
    else (slot.messages++, messages++);
    perDay.set(d, slot);
  }
  const dates = [...perDay.keys()].sort();
  const days: ReportDay[] = [];
  if (dates.length) {
    let d = dates[0]!;
    const last = dates[dates.length - 1]!;
    const all: ReportDay[] = [];
    while (d <= last) {
      all.push(perDay.get(d) ?? { date: d, calls: 0, messages: 0 });
      d = addDays(d, 1);
    }
    days.push(...all.slice(-MAX_CHART_DAYS));
  }

  // Night contacts: the events the night rule flagged, by local date.
  const night = new Map<string, NightRow & { at: number[] }>();
  const nightIds = new Set(i.findings.filter((f) => f.rule === NIGHT_RULE).flatMap((f) => f.eventIds));
  for (const id of nightIds) {
    const e = byId.get(id);
    if (!e) continue;
    const d = localDate(e.at, e.tz || tz);
    const row = night.get(d) ?? { date: d, calls: 0, messages: 0, times: [], collectors: [], at: [] };
    if (isCall(e)) row.calls++;
    else row.messages++;
    row.at.push(e.at);
    const n = nameOf(e);
    if (!row.collectors.includes(n)) row.collectors.push(n);
    night.set(d, row);
  }
  const nightRows = [...night.values()]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map(({ at, ...r }) => ({ ...r, times: at.sort((a, b) => a - b).map((t) => hhmm(t, tz)) }));

  // Floods: the events the flood rule flagged, by date and collector.
  const flood = new Map<string, FloodRow>();
  for (const id of new Set(i.findings.filter((f) => f.rule === FLOOD_RULE).flatMap((f) => f.eventIds))) {
    const e = byId.get(id);
    if (!e) continue;
    const d = localDate(e.at, e.tz || tz);
    const who = nameOf(e);
    const k = `${d}\u0000${who}`;
    const row = flood.get(k) ?? { date: d, collector: who, calls: 0, answered: 0, messages: 0 };
    if (isCall(e)) {
      row.calls++;
      if (e.callStatus === 'answered' || (e.durationS ?? 0) > 0) row.answered++;
    } else row.messages++;
    flood.set(k, row);
  }
  const floodRows = [...flood.values()].sort((a, b) => a.date.localeCompare(b.date) || b.calls - a.calls);

  // Contacts reached: messages a collector sent to them, or their own reports.
  const contactById = new Map(i.contacts.map((c) => [c.id, c]));
  const reached = new Map<number, { times: number; first: number; last: number }>();
  for (const e of i.events) {
    if (e.contactId == null || !(e.kind === 'third_party_report' || e.recipient === 'third_party')) continue;
    const r = reached.get(e.contactId) ?? { times: 0, first: e.at, last: e.at };
    r.times++;
    r.first = Math.min(r.first, e.at);
    r.last = Math.max(r.last, e.at);
    reached.set(e.contactId, r);
  }
  const contacts: ContactRow[] = [...reached.entries()]
    .map(([id, r]) => ({ name: contactById.get(id)?.name ?? `#${id}`, relation: contactById.get(id)?.relation ?? null, times: r.times, first: localDate(r.first, tz), last: localDate(r.last, tz) }))
    .sort((a, b) => b.times - a.times || a.name.localeCompare(b.name));

  const findings: ReportFinding[] = i.findings.map((f) => ({
    rule: f.rule, title: i.ruleTitle(f.rule), severity: f.severity, tier: i.tierLabel(f.tier), summary: f.summary, count: f.count,
    from: f.from != null ? localDate(f.from, tz) : null, to: f.to != null ? localDate(f.to, tz) : null,
    citations: f.citationIds.map((c) => i.citationTitle(c)).filter((x): x is string => Boolean(x)),
  }));

  const collectors = i.collectors
    .map((c) => ({ name: c.name, numbers: c.numbers, lender: c.lenderName, ...(perCollector.get(c.id) ?? { calls: 0, messages: 0 }) }))
    .filter((c) => c.calls + c.messages > 0)
    .sort((a, b) => b.calls + b.messages - (a.calls + a.messages));

  return {
    generatedOn: i.today,
    tz,
    period: dates.length ? { from: dates[0]!, to: dates[dates.length - 1]! } : null,
    totals: {
      calls, messages, collectors: collectors.length, contactsReached: contacts.length, nightContacts: nightIds.size, nightDays: nightRows.length,
      floodDays: new Set(floodRows.map((r) => r.date)).size, findings: findings.length,
    },
    days, night: nightRows, flood: floodRows, contacts, collectors, findings, chain: i.chain,
  };
}
