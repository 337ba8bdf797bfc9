/**
 * Per-case facts every rule needs, computed once per case and shared by all rules of a run:
 * the local day and second of day of each event (in the event's zone, else the case's), a label bit mask,
 * the event classes the rules test, chronological order, and lookups for collectors, contacts and loans.
 */
import type { Collector, Contact, Label, TimelineEvent } from '../collection/types.js';
import { EVENT_KINDS, LABELS } from '../collection/types.js';
import type { LenderType } from '../law.js';
import type { Loan } from '../loans/types.js';
import { DEFAULT_TZ } from '../time.js';
import { clockFor, validTz } from './localtime.js';
import type { CaseData } from './types.js';

const DAY = 86_400_000;

export const K_CALL = EVENT_KINDS.indexOf('call');

export const LABEL_BIT: Record<Label, number> = Object.fromEntries(LABELS.map((l, i) => [l, 1 << i])) as Record<Label, number>;

/** Incoming call from a number grouped as a collector. */
export const F_COLLECTOR_CALL = 1;
/** Collection contact: a collector call, or a call/message/visit labelled collection, not written by the borrower. */
export const F_COLLECTION = 2;
/** Third-party event: labelled third_party, addressed to a third party, or a contact's report. */
export const F_THIRD_PARTY = 4;
/** Not written or placed by the borrower (direction in or unknown), or a contact's report. */
export const F_INBOUND = 8;

const CONTACT_KINDS = new Set(['call', 'sms', 'im', 'visit']);

/** Call outcome codes in CaseIndex.status. */
export const S_NONE = 0;
export const S_ANSWERED = 1;
/** missed, rejected, blocked, voicemail: an attempt that did not reach the borrower. */
export const S_UNANSWERED = 2;
export const S_OTHER = 3;
const STATUS_CODE: Record<string, number> = { answered: S_ANSWERED, missed: S_UNANSWERED, rejected: S_UNANSWERED, blocked: S_UNANSWERED, voicemail: S_UNANSWERED };

export interface CaseIndex {
  readonly c: CaseData;
  readonly events: readonly TimelineEvent[];
  readonly n: number;
  /** Event indices in chronological order (at, then id). */
  readonly order: Uint32Array;
  /** Local day number of each event (days since 1970-01-01 local). */
  readonly day: Int32Array;
  /** Local second of the day of each event (0 … 86399). */
  readonly sod: Int32Array;
  readonly labels: Uint16Array;
  readonly flags: Uint8Array;
  /** Each event's id, collector id and own loan id (−1 for none): read without touching the event objects. */
  readonly ids: Float64Array;
  readonly col: Float64Array;
  readonly ownLoan: Float64Array;
  /** Call outcome code (S_*). */
  readonly status: Uint8Array;
  /** Index of each event's kind in EVENT_KINDS. */
  readonly kind: Uint8Array;
  /** Index of each event's counterpart number in `numbers` (−1 for none). */
  readonly numId: Int32Array;
  /** Distinct counterpart numbers, in first-seen order of the events array. */
  readonly numbers: readonly string[];
  readonly collectorById: ReadonlyMap<number, Collector>;
  readonly contactById: ReadonlyMap<number, Contact>;
  readonly contactByNumber: ReadonlyMap<string, Contact>;
  readonly loanById: ReadonlyMap<number, Loan>;
}

type EventIndex = Pick<CaseIndex, 'events' | 'n' | 'order' | 'day' | 'sod' | 'labels' | 'flags' | 'numId' | 'numbers' | 'ids' | 'col' | 'ownLoan' | 'status' | 'kind'> & { tz: string; refs: readonly TimelineEvent[] };

/** Per-event facts, cached by the events array (the costly part: local time of a million events). */
const cache = new WeakMap<readonly TimelineEvent[], EventIndex>();

/**
 * The shared index of a case. The per-event part is built once per events array and reused by every rule of a
 * run (checked against the array's current elements, so replacing an event rebuilds it); the lookups over
 * contacts, collectors and loans are cheap and rebuilt on each call.
 */
export function prepare(c: CaseData): CaseIndex {
  if (pinned && pinned.c === c) return pinned.ix;
  let ev = cache.get(c.events);
  if (!ev || !sameEvents(ev, c)) {
    ev = indexEvents(c);
    cache.set(c.events, ev);
  }
  const contactByNumber = new Map<string, Contact>();
  for (const ct of [...c.contacts].sort((a, b) => a.id - b.id)) for (const num of ct.numbers) if (!contactByNumber.has(num)) contactByNumber.set(num, ct);
  return {
    c,
    events: ev.events,
    n: ev.n,
    order: ev.order,
    day: ev.day,
    sod: ev.sod,
    labels: ev.labels,
    flags: ev.flags,
    numId: ev.numId,
    numbers: ev.numbers,
    ids: ev.ids,
    col: ev.col,
    ownLoan: ev.ownLoan,
    status: ev.status,
    kind: ev.kind,
    collectorById: new Map(c.collectors.map((x) => [x.id, x])),
    contactById: new Map(c.contacts.map((x) => [x.id, x])),
    contactByNumber,
    loanById: new Map(c.loans.map((x) => [x.id, x])),
  };
}

let pinned: { c: CaseData; ix: CaseIndex } | null = null;

/** Runs fn with the case's index built once and reused without re-checking (the case must not change meanwhile). */
export function withPrepared<T>(c: CaseData, fn: () => T): T {
  const prev = pinned;
  pinned = { c, ix: prepare(c) };
  try {
    return fn();
  } finally {
    pinned = prev;
  }
}

function sameEvents(ev: EventIndex, c: CaseData): boolean {
  if (ev.n !== c.events.length || ev.tz !== c.tz) return false;
  const a = ev.refs, b = c.events;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function indexEvents(c: CaseData): EventIndex {
  const events = c.events;
  const n = events.length;
  const caseTz = validTz(c.tz, DEFAULT_TZ);
  const day = new Int32Array(n);
  const sod = new Int32Array(n);
  const labels = new Uint16Array(n);
  const flags = new Uint8Array(n);
  const numId = new Int32Array(n);
  const ids = new Float64Array(n);
  const col = new Float64Array(n);
  const ownLoan = new Float64Array(n);
  const status = new Uint8Array(n);
  const kind = new Uint8Array(n);
  const kindCode = new Map<string, number>(EVENT_KINDS.map((k, j) => [k, j]));
  const numbers: string[] = [];
  const numIndex = new Map<string, number>();
  let lastNum: string | null = null;
  let lastNumId = -1;
  let sorted = true;
  let lastTz = '';
  let clock = clockFor(caseTz);
  const tzOk = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    if (e.tz !== lastTz) {
      let tz = tzOk.get(e.tz);
      if (tz === undefined) {
        tz = validTz(e.tz, caseTz);
        tzOk.set(e.tz, tz);
      }
      clock = clockFor(tz);
      lastTz = e.tz;
    }
    const local = clock.localMs(e.at);
    const d = Math.floor(local / DAY);
    day[i] = d;
    sod[i] = Math.floor((local - d * DAY) / 1000);
    let m = 0;
    const ls = e.labels;
    for (let k = 0; k < ls.length; k++) m |= LABEL_BIT[ls[k]!] ?? 0;
    labels[i] = m;
    let f = 0;
    const inbound = e.direction !== 'out';
    if (inbound) f |= F_INBOUND;
    if (e.kind === 'call' && e.direction === 'in' && e.collectorId != null) f |= F_COLLECTOR_CALL | F_COLLECTION;
    else if (inbound && m & LABEL_BIT.collection && CONTACT_KINDS.has(e.kind)) f |= F_COLLECTION;
    if (e.kind === 'third_party_report') f |= F_THIRD_PARTY | F_INBOUND;
    else if (inbound && (m & LABEL_BIT.third_party || e.recipient === 'third_party')) f |= F_THIRD_PARTY;
    flags[i] = f;
    const num = e.number;
    if (num !== lastNum) {
      lastNum = num;
      if (num == null || num === '') lastNumId = -1;
      else {
        let id = numIndex.get(num);
        if (id === undefined) {
          id = numbers.length;
          numbers.push(num);
          numIndex.set(num, id);
        }
        lastNumId = id;
      }
    }
    numId[i] = lastNumId;
    ids[i] = e.id;
    col[i] = e.collectorId ?? -1;
    ownLoan[i] = e.loanId ?? -1;
    status[i] = e.callStatus ? (STATUS_CODE[e.callStatus] ?? S_OTHER) : S_NONE;
    kind[i] = kindCode.get(e.kind) ?? 255;
    if (sorted && i > 0) {
      const p = events[i - 1]!;
      if (p.at > e.at || (p.at === e.at && p.id > e.id)) sorted = false;
    }
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (!sorted) order.sort((a, b) => events[a]!.at - events[b]!.at || events[a]!.id - events[b]!.id);

  return { events, n, order, day, sod, labels, flags, numId, numbers, ids, col, ownLoan, status, kind, tz: c.tz, refs: events.slice() };
}

/** The loan an event belongs to: its collector's loan, else the event's own loan link. */
export function loanIdOf(ix: CaseIndex, e: TimelineEvent): number | null {
  if (e.collectorId != null) {
    const col = ix.collectorById.get(e.collectorId);
    if (col && col.loanId != null) return col.loanId;
  }
  return e.loanId ?? null;
}

export function lenderTypeOf(ix: CaseIndex, e: TimelineEvent): LenderType | null {
  const id = loanIdOf(ix, e);
  if (id == null) return null;
  return ix.loanById.get(id)?.lenderType ?? null;
}

/**
 * Is the debt behind this event over a legal line (`overLoanIds`: loans over a line)? The event's own loan
 * when it is known; when it is not, any loan of the case over a line.
 */
export function overLineFor(ix: CaseIndex, e: TimelineEvent, overLoanIds: ReadonlySet<number>): boolean {
  const id = loanIdOf(ix, e);
  if (id != null && ix.loanById.has(id)) return overLoanIds.has(id);
  return overLoanIds.size > 0;
}

/** The person a third-party event reached, if known. */
export function contactOf(ix: CaseIndex, e: TimelineEvent): Contact | null {
  if (e.contactId != null) {
    const ct = ix.contactById.get(e.contactId);
    if (ct) return ct;
  }
  if (e.contactNumber) return ix.contactByNumber.get(e.contactNumber) ?? null;
  return null;
}

export function isGuarantor(ct: Contact | null): boolean {
  if (!ct) return false;
  return ct.isGuarantor === true || (ct.relation ?? '').trim() === '担保人';
}
