/**
 * The facts of a complaint in time order, from the events the findings cite: date, time, kind, number, who was
 * reached, which findings the event proves, and a short quote of the message only where a finding is about the text.
 */
import type { Label } from '../collection/types.js';
import type { Finding } from '../rules/types.js';
import type { DocumentCase, DocumentEvent, Lang } from './case.js';
import { cpTruncate, dayOf, kindLabel, splitLocalIso } from './format.js';
import { quoteLabelOf, ruleName } from './topics.js';

export interface FactRow {
  eventId: number;
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
  kind: string;
  /** The collector's number, or '' when the event has none. */
  number: string;
  /** Whom the event reached: 本人 / 亲友（name）. */
  target: string;
  /** Short names of the findings the event proves. */
  rules: string[];
  /** Quote of the message, only for findings about the text. */
  quote: string | null;
}

export interface FactsOverview {
  /** Local dates of the first and last proving event, or null without event findings. */
  from: string | null;
  to: string | null;
  /** Distinct proving events. */
  events: number;
  calls: number;
  messages: number;
  visits: number;
  /** Distinct collector numbers among the known events. */
  numbers: string[];
  /** Contacts (third parties) reached. */
  contacts: number;
}

/** Longest quote, in code points. */
export const QUOTE_MAX = 60;

export function eventMap(c: DocumentCase): Map<number, DocumentEvent> {
  return new Map(c.events.map((e) => [e.id, e]));
}

/** Overall counts and period of the given findings. */
export function overview(c: DocumentCase, findings: readonly Finding[]): FactsOverview {
  const byId = eventMap(c);
  const ids = new Set<number>();
  let from: number | null = null;
  let to: number | null = null;
  for (const f of findings) {
    for (const id of f.eventIds) ids.add(id);
    if (f.from !== null && (from === null || f.from < from)) from = f.from;
    if (f.to !== null && (to === null || f.to > to)) to = f.to;
  }
  let calls = 0, messages = 0, visits = 0;
  const numbers = new Set<string>();
  for (const id of ids) {
    const e = byId.get(id);
    if (!e) continue;
    if (e.kind === 'call') calls++;
    else if (e.kind === 'sms' || e.kind === 'im') messages++;
    else if (e.kind === 'visit') visits++;
    if (e.number && e.kind !== 'third_party_report') numbers.add(e.number);
  }
  return {
    from: from === null ? null : dayOf(from, c.tz),
    to: to === null ? null : dayOf(to, c.tz),
    events: ids.size,
    calls,
    messages,
    visits,
    numbers: [...numbers],
    contacts: c.contactsReached.count,
  };
}

/** Indices 0…n-1 in an order that spreads over the range: first, last, middle, quarters… */
function spreadOrder(n: number): number[] {
  if (n <= 0) return [];
  if (n === 1) return [0];
  const out = [0, n - 1];
  const queue: [number, number][] = [[0, n - 1]];
  for (let q = 0; q < queue.length; q++) {
    const [a, b] = queue[q]!;
    if (b - a < 2) continue;
    const m = (a + b) >> 1;
    out.push(m);
    queue.push([a, m], [m, b]);
  }
  return out;
}

/** A short quote around the label's first span, or the start of the text. */
export function quoteOf(e: DocumentEvent, label: Label): string | null {
  const text = e.text?.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  const span = e.spans?.[label]?.[0];
  const raw = e.text ?? '';
  if (span && span[0] >= 0 && span[1] <= raw.length && span[0] < span[1]) {
    const a = Math.max(0, span[0] - 12);
    const b = Math.min(raw.length, span[1] + 24);
    let s = raw.slice(a, b).replace(/\s+/g, ' ').trim();
    // Do not cut a surrogate pair in half.
    s = s.replace(/^[\uDC00-\uDFFF]/, '').replace(/[\uD800-\uDBFF]$/, '');
    const q = cpTruncate(s, QUOTE_MAX);
    return (a > 0 ? '…' : '') + q + (b < raw.length && !q.endsWith('…') ? '…' : '');
  }
  return cpTruncate(text, QUOTE_MAX);
}

/**
 * The fact rows of the findings, chronological. With more proving events than `max`, events are picked so that every
 * finding is represented and each finding's period is covered (first, last, then in between).
 */
export function factRows(c: DocumentCase, findings: readonly Finding[], lang: Lang, max: number): { rows: FactRow[]; total: number } {
  const byId = eventMap(c);
  const rulesOf = new Map<number, Set<string>>();
  const quoteLabels = new Map<number, Label>();
  const perFinding: number[][] = [];
  for (const f of findings) {
    const known = f.eventIds.filter((id) => byId.has(id));
    perFinding.push(known);
    const ql = quoteLabelOf(f);
    for (const id of known) {
      let s = rulesOf.get(id);
      if (!s) rulesOf.set(id, (s = new Set()));
      s.add(f.rule);
      if (ql && !quoteLabels.has(id)) quoteLabels.set(id, ql);
    }
  }
  const total = rulesOf.size;
  let chosen: number[];
  if (total <= max) chosen = [...rulesOf.keys()];
  else {
    const picked = new Set<number>();
    const orders = perFinding.map((ids) => spreadOrder(ids.length).map((i) => ids[i]!));
    for (let round = 0; picked.size < max; round++) {
      let any = false;
      for (const o of orders) {
        if (round < o.length) {
          any = true;
          picked.add(o[round]!);
          if (picked.size >= max) break;
        }
      }
      if (!any) break;
    }
    chosen = [...picked];
  }
  const rows = chosen.map((id): FactRow => {
    const e = byId.get(id)!;
    const { date, time } = splitLocalIso(e.at);
    const ql = quoteLabels.get(id);
    const toContact = e.recipient === 'third_party' || e.kind === 'third_party_report';
    const who = lang === 'zh' ? (toContact ? '亲友' : '本人') : toContact ? 'a contact' : 'me';
    const target = toContact && e.contactName ? (lang === 'zh' ? `${who}（${e.contactName}）` : `${who} (${e.contactName})`) : who;
    return {
      eventId: id,
      date,
      time,
      kind: kindLabel(e.kind, lang, e.callStatus),
      number: e.number ?? '',
      target,
      rules: [...rulesOf.get(id)!].map((r) => ruleName(c, r, lang)),
      quote: ql ? quoteOf(e, ql) : null,
    };
  });
  rows.sort((a, b) => (a.date + a.time < b.date + b.time ? -1 : a.date + a.time > b.date + b.time ? 1 : a.eventId - b.eventId));
  return { rows, total };
}
