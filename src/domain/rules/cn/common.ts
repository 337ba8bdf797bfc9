/**
 * Shared pieces of the PRC pack: grouping events by the lender behind them, the lender-type citations,
 * the complaint channels, and the assembly of an event-based finding.
 */
import type { LenderType, Text2, Tier } from '../../law.js';
import type { CitationTally } from '../engine.js';
import { dayString } from '../localtime.js';
import type { CaseIndex } from '../prepare.js';
import { maskNumber } from '../text.js';
import type { Finding, Severity } from '../types.js';
import { C } from './citations.js';
import { channelsFor } from './channels.js';

export const PACK = 'cn';

/** Lender-regulation citation that forbids the conduct, by lender type (A1 consumer finance, A2 credit cards, A3 bank internet loans). */
export function lenderRule(t: LenderType | null, kinds: { cfc?: boolean; cc?: boolean; il?: boolean }): string | null {
  if (t === 'consumer_finance' && kinds.cfc) return C.cfcArt56;
  if (t === 'credit_card' && kinds.cc) return C.ccArt68;
  if (t === 'bank' && kinds.il) return C.ilArt56;
  return null;
}

// ── Groups: one finding per lender behind the events ───────────────────────

export interface Group {
  key: string;
  loanId: number | null;
  lenderName: string | null;
  lenderType: LenderType | null;
}

/** Every event's group, resolved once per index (i.e. once per run inside runRules) and shared by the rules. */
export interface Groups {
  /** Index into `list` for each event. */
  of: Int32Array;
  list: Group[];
}

const groupCache = new WeakMap<CaseIndex, Groups>();

/**
 * The party each event is attributed to: the loan (collector's loan, else the event's own), else the
 * collector's lender name, else the collector, else "unattributed".
 */
export function groupsOf(ix: CaseIndex): Groups {
  const hit = groupCache.get(ix);
  if (hit) return hit;
  const of = new Int32Array(ix.n);
  const list: Group[] = [];
  const byKey = new Map<string, number>();
  const byCollector = new Map<number, number>();
  let lastCid = -2;
  let lastG = -1;
  for (let i = 0; i < ix.n; i++) {
    const cid = ix.col[i]!;
    const own = ix.ownLoan[i]!;
    // Fast path: events of one collector (without a loan link of their own that could differ) share a group.
    const byCol = cid >= 0 && own < 0;
    if (byCol && cid === lastCid) {
      of[i] = lastG;
      continue;
    }
    let g = byCol ? byCollector.get(cid) : undefined;
    if (g === undefined) {
      const col = cid >= 0 ? ix.collectorById.get(cid) : undefined;
      const loanId = col && col.loanId != null ? col.loanId : own >= 0 ? own : null;
      const key = loanId != null ? `loan:${loanId}` : cid >= 0 ? (col?.lenderName ? `lender:${col.lenderName}` : `collector:${cid}`) : 'none';
      g = byKey.get(key);
      if (g === undefined) {
        const loan = loanId != null ? ix.loanById.get(loanId) : undefined;
        g = list.length;
        list.push({
          key,
          loanId,
          lenderName: loanId != null ? (loan?.lenderName ?? null) : (col?.lenderName ?? null),
          lenderType: loan?.lenderType ?? null,
        });
        byKey.set(key, g);
      }
      if (byCol) byCollector.set(cid, g);
    }
    of[i] = g;
    if (byCol) {
      lastCid = cid;
      lastG = g;
    } else lastCid = -2;
  }
  const out = { of, list };
  groupCache.set(ix, out);
  return out;
}

export function groupAt(ix: CaseIndex, i: number): Group {
  const gs = groupsOf(ix);
  return gs.list[gs.of[i]!]!;
}

/** Groups event indices (already in chronological order) by lender; groups in order of their first event. */
export function groupEvents(ix: CaseIndex, idx: readonly number[]): { group: Group; idx: number[] }[] {
  const gs = groupsOf(ix);
  const buckets: (number[] | undefined)[] = new Array(gs.list.length);
  const order: number[] = [];
  for (let j = 0; j < idx.length; j++) {
    const i = idx[j]!;
    const g = gs.of[i]!;
    let b = buckets[g];
    if (!b) {
      b = buckets[g] = [];
      order.push(g);
    }
    b.push(i);
  }
  return order.map((g) => ({ group: gs.list[g]!, idx: buckets[g]! }));
}

/** "安心消费金融" / "the lender 安心消费金融", or the collector numbers when the lender is unknown. */
export function whoText(ix: CaseIndex, g: Group, idx: readonly number[]): Text2 {
  if (g.lenderName) return { zh: `${g.lenderName}（或其委托的催收方）`, en: `${g.lenderName} (or collectors acting for it)` };
  const nums = collectorNumbers(ix, idx);
  if (nums.length) {
    const shown = nums.slice(0, 3).map(maskNumber);
    const more = nums.length > 3 ? { zh: ` 等 ${nums.length} 个`, en: ` and ${nums.length - 3} more` } : { zh: '', en: '' };
    // The trailing space keeps the masked number apart from the Chinese text that follows.
    return { zh: `催收号码 ${shown.join('、')}${more.zh} `, en: `collector number${nums.length > 1 ? 's' : ''} ${shown.join(', ')}${more.en}` };
  }
  return { zh: '未能确定的催收方', en: 'an unidentified collector' };
}

/** Distinct counterpart numbers of the events (for a contact's report too, `number` is the collector's), first-seen order. */
export function collectorNumbers(ix: CaseIndex, idx: readonly number[]): string[] {
  const seen = new Uint8Array(ix.numbers.length);
  const out: string[] = [];
  let last = -2;
  for (let j = 0; j < idx.length; j++) {
    const id = ix.numId[idx[j]!]!;
    if (id === last || id < 0) continue;
    last = id;
    if (!seen[id]) {
      seen[id] = 1;
      out.push(ix.numbers[id]!);
    }
  }
  return out;
}

export function collectorIdsOf(ix: CaseIndex, idx: readonly number[]): number[] {
  const s = new Set<number>();
  let last = -1;
  for (let j = 0; j < idx.length; j++) {
    const c = ix.col[idx[j]!]!;
    if (c < 0 || c === last) continue;
    last = c;
    s.add(c);
  }
  return [...s].sort((a, b) => a - b);
}

export interface FindingParts {
  rule: string;
  fallbackTier: Tier;
  severity: Severity;
  tally: CitationTally;
  ix: CaseIndex;
  /** Proving events, chronological. */
  idx: readonly number[];
  group: Group | null;
  summary: Text2;
  /** Lender types behind the events (null = unknown), to choose channels. */
  lenderTypes: Iterable<LenderType | null>;
  details?: Record<string, unknown>;
  /**
   * The events of `idx` the tally cited, chronological, when some events of the finding had no rule in force on their
   * date (they stay in the finding, listed under details.uncovered). Absent: the tally cited every event of `idx`.
   */
  citedIdx?: readonly number[];
}

/** Assembles an event-based finding: event ids, period, citations with their per-event use. */
export function eventFinding(p: FindingParts): Finding {
  const { ix, idx } = p;
  const first = idx[0]!;
  const last = idx[idx.length - 1]!;
  const eventIds = new Array<number>(idx.length);
  for (let j = 0; j < idx.length; j++) eventIds[j] = ix.ids[idx[j]!]!;
  const details: Record<string, unknown> = {
    firstDate: dayString(ix.day[first]!),
    lastDate: dayString(ix.day[last]!),
  };
  if (p.group) {
    details.loanId = p.group.loanId;
    details.lenderName = p.group.lenderName;
    details.lenderType = p.group.lenderType;
  }
  details.collectorIds = collectorIdsOf(ix, idx);
  details.collectorNumbers = collectorNumbers(ix, idx).map(maskNumber);
  Object.assign(details, p.details ?? {});
  // Events with no rule in force on their date stay in the finding, listed under `uncovered`.
  const partial = p.citedIdx !== undefined && p.citedIdx.length !== idx.length;
  const none = p.citedIdx !== undefined && p.citedIdx.length === 0;
  if (partial) {
    const cited = new Set(p.citedIdx);
    const un = idx.filter((i) => !cited.has(i));
    details.citations = none ? [] : p.tally.uses(p.citedIdx!.map((i) => ix.ids[i]!));
    details.uncovered = { count: un.length, from: dayString(ix.day[un[0]!]!), to: dayString(ix.day[un[un.length - 1]!]!), eventIds: un.map((i) => ix.ids[i]!) };
    if (none) details.noRuleApplied = true;
  } else details.citations = p.tally.uses(eventIds);
  return {
    rule: p.rule,
    // Nothing in Huxun's law data applied on any of the dates: the weakest tier and low severity, no citation.
    tier: none ? 'industry_guideline' : p.tally.primaryTier(p.fallbackTier),
    severity: none ? 'low' : p.severity,
    citationIds: p.tally.cited(),
    eventIds,
    from: ix.events[first]!.at,
    to: ix.events[last]!.at,
    count: idx.length,
    summary: p.summary,
    channels: channelsFor(ix.c.law, p.rule, p.lenderTypes),
    details,
  };
}

/** Which authority decides, from the tiers of the cited provisions. */
export function decider(tiers: ReadonlySet<Tier>): Text2 {
  const zh: string[] = [];
  const en: string[] = [];
  if (tiers.has('statute') || tiers.has('judicial_interpretation')) {
    zh.push('是否构成违法或犯罪由公安机关、法院认定');
    en.push('whether it is unlawful or a crime is for the police and the courts to decide');
  }
  if (tiers.has('regulation') || tiers.has('normative_document') || tiers.has('administrative_regulation')) {
    zh.push('是否违反监管规定由贷款机构的监管部门认定');
    en.push("whether it breaches the lending rules is for the lender's regulator to decide");
  }
  if (tiers.has('national_standard') || tiers.has('industry_guideline')) {
    const both = tiers.has('national_standard') && tiers.has('industry_guideline');
    zh.push(both ? '推荐性国家标准和行业自律规范不是法律，是监管部门期望机构遵守的行业标准' : tiers.has('national_standard') ? '推荐性国家标准不是法律，是监管部门期望机构遵守的行业标准' : '行业自律规范不是法律，约束协会会员机构');
    en.push(
      both
        ? 'the recommended national standard and the industry guideline are not statutes but industry standards the regulator expects lenders to follow'
        : tiers.has('national_standard')
          ? 'the recommended national standard is not a statute but an industry standard the regulator expects lenders to follow'
          : "the industry guideline is not a statute; it binds the association's members by self-regulation",
    );
  }
  if (!zh.length) return { zh: '', en: '' };
  return { zh: zh.join('；') + '。', en: en[0]!.charAt(0).toUpperCase() + en.join('; ').slice(1) + '.' };
}

export function lenderTypesOf(ix: CaseIndex, idx: readonly number[]): (LenderType | null)[] {
  const s = new Set<LenderType | null>();
  for (const i of idx) s.add(groupAt(ix, i).lenderType);
  return [...s];
}
