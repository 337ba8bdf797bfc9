/**
 * The rule engine: runs rules over a case and orders their findings, and the date logic of citations.
 *
 * Pure: no I/O, no clock. Rules refer to citations only by id; the tier and the days a citation is in force
 * come from the CitationMeta of the law view the app passes in (CaseData.law.citations, built from src/law).
 */
import type { Text2, Tier, Verification } from '../law.js';
import { dayString, parseDay } from './localtime.js';
import { withPrepared } from './prepare.js';
import type { CaseData, Finding, Rule, Severity } from './types.js';

export const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

/** Binding force, strongest first (cn-law.md "Binding force"). */
export const TIER_WEIGHT: Record<Tier, number> = {
  statute: 7,
  administrative_regulation: 6,
  judicial_interpretation: 5,
  regulation: 4,
  normative_document: 3,
  national_standard: 2,
  industry_guideline: 1,
};

/** Most serious first: severity, then tier, then count; ties broken by rule id, period and events. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_WEIGHT[b.severity] - SEVERITY_WEIGHT[a.severity] ||
    TIER_WEIGHT[b.tier] - TIER_WEIGHT[a.tier] ||
    b.count - a.count ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.from ?? -Infinity) - (b.from ?? -Infinity) ||
    (a.to ?? -Infinity) - (b.to ?? -Infinity) ||
    (a.eventIds[0] ?? -1) - (b.eventIds[0] ?? -1) ||
    cmpStr(JSON.stringify(a.details ?? null), JSON.stringify(b.details ?? null))
  );
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Runs every rule on the case; findings sorted most serious first. Deterministic for the same input. */
export function runRules(rules: readonly Rule[], caseData: CaseData): Finding[] {
  const out: Finding[] = [];
  // The per-case index (local day and hour of every event…) is built once and shared by all rules of the run.
  withPrepared(caseData, () => {
    for (const r of rules) for (const f of r.evaluate(caseData)) out.push(f);
  });
  return out.sort(compareFindings);
}

// ── Citations by date ────────────────────────────────────────────────────

export interface CitationMetaEntry {
  tier: Tier;
  /** YYYY-MM-DD; first day in force, or null. */
  effectiveFrom: string | null;
  /** YYYY-MM-DD; last day in force, or null. */
  effectiveTo: string | null;
  verified?: Verification;
  /** How a document names it (src/law formatCitation), e.g. 《治安管理处罚法》（2012年修正）第四十二条第（五）项. */
  title?: Text2;
}
export type CitationMeta = Readonly<Record<string, CitationMetaEntry>>;

/** Is the citation in force on the local date (YYYY-MM-DD)? An id the law view does not hold is never in force. */
export function inForce(meta: CitationMeta, id: string, date: string): boolean {
  const m = meta[id];
  if (!m) return false;
  if (m.effectiveFrom && date < m.effectiveFrom) return false;
  if (m.effectiveTo && date > m.effectiveTo) return false;
  return true;
}

/** The ids among `ids` that apply to an event on the local date, in the given order. */
export function citationsForDate(meta: CitationMeta, ids: readonly string[], date: string): string[] {
  return ids.filter((id) => inForce(meta, id, date));
}

export interface CitationUse {
  id: string;
  /** How many of the finding's events this citation is cited for. */
  count: number;
  /** Local dates of the first and last of those events. */
  from: string;
  to: string;
  /** The events, listed only when the citation covers part of the finding's events. */
  eventIds?: number[];
}

/**
 * Collects, event by event, which citations apply (each checked against the event's local day).
 * Citations are registered in priority order: the first cited one is the finding's primary basis.
 * Per event it keeps one bit mask of the citations cited, so that a citation that covers only part of a
 * finding's events can list them without an array per citation.
 */
export class CitationTally {
  readonly ids: readonly string[];
  private readonly fromDay: Float64Array;
  private readonly toDay: Float64Array;
  private readonly counts: Int32Array;
  private readonly first: Float64Array;
  private readonly last: Float64Array;
  /** Run-length record of the masks of the cited events, in the order they were added: run r covers positions runStart[r]…. */
  private readonly runStart: number[] = [];
  private readonly runMask: number[] = [];
  private added = 0;
  private readonly index = new Map<string, number>();
  private readonly one = [0];

  constructor(
    /** The law view's citations the tally reads (tier, days in force, title). */
    readonly meta: CitationMeta,
    ids: readonly string[],
  ) {
    this.ids = [...new Set(ids)];
    const k = this.ids.length;
    if (k > 31) throw new RangeError('a tally holds at most 31 citations');
    this.fromDay = new Float64Array(k);
    this.toDay = new Float64Array(k);
    this.counts = new Int32Array(k);
    this.first = new Float64Array(k).fill(Infinity);
    this.last = new Float64Array(k).fill(-Infinity);
    this.ids.forEach((id, i) => {
      const m = meta[id];
      // An id the law view does not hold is never cited (a finding never shows a citation src/law lacks).
      this.fromDay[i] = m ? (parseDay(m.effectiveFrom) ?? -Infinity) : Infinity;
      this.toDay[i] = m ? (parseDay(m.effectiveTo) ?? Infinity) : -Infinity;
      this.index.set(id, i);
    });
  }

  /** Index of a registered id (throws for an id the tally was not built with: a programming error). */
  k(id: string): number {
    const i = this.index.get(id);
    if (i === undefined) throw new Error(`citation ${id} not registered with this tally`);
    return i;
  }

  /** Is citation k in force on the local day? */
  applies(k: number, day: number): boolean {
    return day >= this.fromDay[k]! && day <= this.toDay[k]!;
  }

  /** Cites k for the event if it is in force on the event's local day. Returns whether it was cited. */
  add(k: number, day: number, eventId: number): boolean {
    this.one[0] = k;
    return this.addAll(this.one, day, eventId) > 0;
  }

  /**
   * Cites, for one event, each of ks that is in force on its local day; returns how many were cited.
   * Call it once per event (a second call for the same event would count the event twice). The eventId is
   * not stored: uses() takes the ids of the cited events in the same order.
   */
  addAll(ks: readonly number[], day: number, eventId: number): number {
    let mask = 0;
    let n = 0;
    for (let j = 0; j < ks.length; j++) {
      const k = ks[j]!;
      if (day < this.fromDay[k]! || day > this.toDay[k]! || mask & (1 << k)) continue;
      mask |= 1 << k;
      n++;
      this.counts[k]!++;
      if (day < this.first[k]!) this.first[k] = day;
      if (day > this.last[k]!) this.last[k] = day;
    }
    if (mask) {
      if (this.runMask[this.runMask.length - 1] !== mask) {
        this.runStart.push(this.added);
        this.runMask.push(mask);
      }
      this.added++;
    }
    return n;
  }

  count(k: number): number {
    return this.counts[k]!;
  }

  /** Cited ids in priority order. */
  cited(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.ids.length; i++) if (this.counts[i]! > 0) out.push(this.ids[i]!);
    return out;
  }

  /** Tier of the first cited id (the primary basis), or the fallback. */
  primaryTier(fallback: Tier): Tier {
    for (let i = 0; i < this.ids.length; i++) if (this.counts[i]! > 0) return this.meta[this.ids[i]!]?.tier ?? fallback;
    return fallback;
  }

  /** Tiers of the cited ids. */
  citedTiers(): Set<Tier> {
    const s = new Set<Tier>();
    for (let i = 0; i < this.ids.length; i++) {
      const t = this.meta[this.ids[i]!]?.tier;
      if (this.counts[i]! > 0 && t) s.add(t);
    }
    return s;
  }

  /** How many events had at least one citation (the events a finding can be built from). */
  get citedEvents(): number {
    return this.added;
  }

  /**
   * Per cited id: how many events, over which local days, and, when it covers only part of the events, which.
   * `eventIds` are the ids of the cited events in the order they were added (a finding's eventIds).
   */
  uses(eventIds: readonly number[]): CitationUse[] {
    if (eventIds.length !== this.added) throw new Error(`uses(): ${eventIds.length} event ids for ${this.added} cited events`);
    const out: CitationUse[] = [];
    for (let i = 0; i < this.ids.length; i++) {
      const n = this.counts[i]!;
      if (!n) continue;
      const u: CitationUse = { id: this.ids[i]!, count: n, from: dayString(this.first[i]!), to: dayString(this.last[i]!) };
      if (n < this.added) {
        const bit = 1 << i;
        const ev: number[] = [];
        for (let r = 0; r < this.runStart.length; r++) {
          if (!(this.runMask[r]! & bit)) continue;
          const end = r + 1 < this.runStart.length ? this.runStart[r + 1]! : this.added;
          for (let p = this.runStart[r]!; p < end; p++) ev.push(eventIds[p]!);
        }
        u.eventIds = ev;
      }
      out.push(u);
    }
    return out;
  }
}
