/**
 * A collector's dossier: who they are, when and how often they contacted the borrower, and the findings they appear in.
 * Local time is each event's zone (else the case's), through the same per-case index the rules use.
 */
import type { Collector } from '../collection/types.js';
import { dayString, weekdayOf } from './localtime.js';
import { prepare } from './prepare.js';
import type { CaseData, Finding } from './types.js';

export interface CollectorDossier {
  id: number;
  name: string;
  numbers: string[];
  lender: string | null;
  loanId: number | null;
  /** Epoch ms of the first and last contact from this collector, or null if none. */
  firstContact: number | null;
  lastContact: number | null;
  /** Local days with contact, in date order. */
  perDay: { date: string; calls: number; messages: number }[];
  /** Contacts (calls and messages) by local weekday (0 = Monday) and hour. */
  hourWeekday: number[][];
  /** Incoming calls by outcome. */
  answered: number;
  unanswered: number;
  messages: number;
  calls: number;
  /** Rule ids of the findings this collector appears in, most serious first (the order of `findings`). */
  findings: string[];
}

const UNANSWERED = new Set(['missed', 'rejected', 'blocked', 'voicemail']);

export function collectorDossier(collector: Collector, caseData: CaseData, findings: readonly Finding[]): CollectorDossier {
  const ix = prepare(caseData);
  const hourWeekday = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const perDay = new Map<number, { calls: number; messages: number }>();
  const eventIds = new Set<number>();
  let first: number | null = null;
  let last: number | null = null;
  let answered = 0, unanswered = 0, messages = 0, calls = 0;
  for (let k = 0; k < ix.n; k++) {
    const i = ix.order[k]!;
    const e = ix.events[i]!;
    if (e.collectorId !== collector.id || e.direction === 'out') continue;
    const isCall = e.kind === 'call';
    const isMsg = e.kind === 'sms' || e.kind === 'im';
    if (!isCall && !isMsg && e.kind !== 'visit') continue;
    eventIds.add(e.id);
    if (first === null) first = e.at;
    last = e.at;
    if (!isCall && !isMsg) continue;
    const d = ix.day[i]!;
    let pd = perDay.get(d);
    if (!pd) {
      pd = { calls: 0, messages: 0 };
      perDay.set(d, pd);
    }
    if (isCall) {
      calls++;
      pd.calls++;
      if (e.callStatus === 'answered') answered++;
      else if (e.callStatus && UNANSWERED.has(e.callStatus)) unanswered++;
    } else {
      messages++;
      pd.messages++;
    }
    hourWeekday[weekdayOf(d)]![Math.floor(ix.sod[i]! / 3600)]!++;
  }
  const loan = collector.loanId != null ? ix.loanById.get(collector.loanId) : undefined;
  const rules: string[] = [];
  for (const f of findings) {
    if (rules.includes(f.rule)) continue;
    const ids = f.details?.collectorIds;
    const named = Array.isArray(ids) && ids.includes(collector.id);
    if (named || f.eventIds.some((id) => eventIds.has(id))) rules.push(f.rule);
  }
  return {
    id: collector.id,
    name: collector.name,
    numbers: [...collector.numbers],
    lender: collector.lenderName ?? loan?.lenderName ?? null,
    loanId: collector.loanId,
    firstContact: first,
    lastContact: last,
    perDay: [...perDay.entries()].sort((a, b) => a[0] - b[0]).map(([d, v]) => ({ date: dayString(d), calls: v.calls, messages: v.messages })),
    hourWeekday,
    answered,
    unanswered,
    messages,
    calls,
    findings: rules,
  };
}
