/**
 * Deterministic, explainable message classifier: lexicon rules over normalised text.
 *
 * 1. normalise (traditional → simplified, widths, separators, pinyin abbreviations), keeping a map
 *    back to the original;
 * 2. drop genuine court notices (official pointer + case number + no private payment demand);
 * 3. score collection: positive rules add weight, vetoes (verification codes, receipts, adverts, news,
 *    the debtor's own messages, non-credit bills …) subtract, and every other label's rules add a
 *    little; collection at score ≥ 1 when there is collection evidence (a collection rule, an
 *    anchoring threat such as 爆通讯录, 老赖 or 外访, or two kinds of threat aimed at 你);
 * 4. for collection messages only, report every other label; third_party also follows `to`.
 *
 * Every label comes with the spans (offsets into the ORIGINAL text) of the matches that produced it.
 * Only rules whose gate characters occur in the text are run (see lexicon.ts, requiredChars).
 */
import { LABELS, type Classification, type Label, type Recipient, type Span } from '../types.js';
import {
  ALL_RULES,
  CASE_NUMBER,
  CLAUSE_BREAK,
  COLLECTION_END,
  COURT_FAKE,
  COURT_OFFICIAL,
  GATE_COUNT,
  GATE_RULES,
  GATE_START,
  LABEL_RULES,
  NEGATION,
  UNGATED,
  VETO_END,
  VIOLENT_EMOJI,
  type OtherLabel,
  type Rule,
} from './lexicon.js';
import { nbLogOdds, unpackModel, type NbModel } from './nb.js';
import { NB_PACKED, NB_PRIOR } from './nb-model.js';
import { normalizeCore, type CoreNormalized } from './normalize.js';

/** A rule hit on the normalised text. */
export interface Hit {
  rule: string;
  /** [start, end) in the normalised text. */
  start: number;
  end: number;
}

export interface Explanation extends Classification {
  norm: string;
  score: number;
  hits: Hit[];
  genuineCourtNotice: boolean;
}

const COLLECTION_THRESHOLD = 1;
/** How far back (in normalised characters, within the clause) a negator reaches. */
const NEG_WINDOW = 12;
const WIDE_WINDOW = 24;
const YOU_RE = /[你您]/;
/** Label rules strong enough to anchor a collection reading on their own (with enough score). */
const ANCHOR_RULES = new Set(['tc.bao_txl', 'tc.txl_action', 'ins.laolai', 'fl.blacklist', 'fl.family', 'visit.waifang']);
const OTHER_LABELS = LABELS.filter((l): l is OtherLabel => l !== 'collection');
/** Quick test before the emoji regex: any of 🔪🗡🔫💣🩸 (surrogate leads) or ⚰ ☠. */
const EMOJI_HINT = /[\uD83D\uD83E\u26B0\u2620]/;

/**
 * Naive-Bayes fallback for `collection` (see nb.ts): consulted only when the rules found a cue
 * (a collection or threat rule hit, and no veto) but not enough for collection. null = rules only.
 */
const DEFAULT_NB = unpackModel(NB_PRIOR, NB_PACKED);
/** Log-odds the fallback needs: chosen by 5-fold cross-validation on the dev sets (train-classifier-nb.ts). */
const DEFAULT_NB_THRESHOLD = 10;
let NB: NbModel | null = DEFAULT_NB;
let NB_THRESHOLD = DEFAULT_NB_THRESHOLD;
/** For training/evaluation scripts: swap the model (null turns the fallback off). */
export function setNbModel(model: NbModel | null | 'default', threshold = DEFAULT_NB_THRESHOLD): void {
  if (model === 'default') model = DEFAULT_NB;
  NB = model;
  NB_THRESHOLD = threshold;
}

let GATING = true;
/** For tests: run every rule on every message (the gate must never change a result). */
export function setGating(on: boolean): void {
  GATING = on;
}

const openBuf = new Uint8Array(ALL_RULES.length);
/** Indices of the open rules, ascending (collection rules, then vetoes, then labels). */
const openList = new Int32Array(ALL_RULES.length);

/** Which rules can match this text: one pass over its characters through the gate table. */
function openRules(norm: string): number {
  let count = 0;
  if (!GATING) {
    openBuf.fill(1);
    for (let k = 0; k < ALL_RULES.length; k++) openList[count++] = k;
    return count;
  }
  openBuf.fill(0);
  for (const k of UNGATED) {
    openBuf[k] = 1;
    openList[count++] = k;
  }
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    const n = GATE_COUNT[c]!;
    if (n === 0) continue;
    const s = GATE_START[c]!;
    for (let k = s; k < s + n; k++) {
      const r = GATE_RULES[k]!;
      if (openBuf[r] === 0) {
        openBuf[r] = 1;
        openList[count++] = r;
      }
    }
  }
  openList.subarray(0, count).sort();
  return count;
}

const BREAK = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) if (CLAUSE_BREAK.test(String.fromCharCode(c))) BREAK[c] = 1;

function clauseWindow(norm: string, start: number, max: number): string {
  let s = start;
  while (s > 0 && start - s < max && BREAK[norm.charCodeAt(s - 1)] === 0) s--;
  return norm.slice(s, start);
}

/** Runs one rule, appending surviving matches to `out`; returns how many survived. */
function runRule(rule: Rule, norm: string, out: Hit[]): number {
  if (rule.noYou && YOU_RE.test(norm)) return 0;
  const re = rule.re;
  re.lastIndex = 0;
  let found = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(norm)) !== null) {
    const len = m[0].length;
    if (len === 0) {
      re.lastIndex++;
      continue;
    }
    let start = m.index;
    let end = start + len;
    const ti = m.indices?.groups?.['t'];
    if (ti) {
      start = ti[0];
      end = ti[1];
    }
    if (rule.reject !== undefined && rule.reject.test(m[0])) continue;
    if (rule.skipBefore !== undefined) {
      const win = rule.wide ? norm.slice(Math.max(0, m.index - WIDE_WINDOW), m.index) : clauseWindow(norm, m.index, NEG_WINDOW);
      if (rule.skipBefore.test(win)) continue;
    }
    if (rule.neg && m.index > 0 && NEGATION.test(clauseWindow(norm, m.index, NEG_WINDOW))) continue;
    out.push({ rule: rule.id, start, end });
    found++;
  }
  return found;
}

const NO_HITS: Hit[] = [];

function trace(hits: readonly Hit[], labelHits: ReadonlyMap<OtherLabel, Hit[]>): Hit[] {
  const all = hits.slice();
  for (const lh of labelHits.values()) all.push(...lh);
  return all;
}

function weight(rule: Rule, count: number): number {
  return rule.w * Math.min(count, rule.cap);
}

function isGenuineCourtNotice(norm: string): boolean {
  return COURT_OFFICIAL.test(norm) && CASE_NUMBER.test(norm) && !COURT_FAKE.test(norm);
}

/** Merge and sort spans. */
function mergeSpans(spans: Span[]): Span[] {
  if (spans.length <= 1) return spans;
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1]) {
      if (s[1] > last[1]) last[1] = s[1];
    } else out.push([s[0], s[1]]);
  }
  return out;
}

function toSpans(n: CoreNormalized, hits: readonly Hit[]): Span[] {
  const out: Span[] = [];
  for (const h of hits) {
    if (n.map === null || n.ends === null) out.push([h.start, h.end]);
    else out.push([n.map[h.start]!, h.end > h.start ? n.ends[h.end - 1]! : n.map[h.start]!]);
  }
  return mergeSpans(out);
}

/** Classify with the full trace (normalised text, score, every rule hit). */
export function explain(text: string, to: Recipient = 'unknown'): Explanation {
  return run(text, to, true);
}

function run(text: string, to: Recipient, withTrace: boolean): Explanation {
  const n = normalizeCore(text);
  const norm = n.norm;
  if (norm.length === 0 || isGenuineCourtNotice(norm)) {
    return { labels: [], spans: {}, norm, score: 0, hits: [], genuineCourtNotice: norm.length > 0 };
  }
  const nOpen = openRules(norm);
  const open = openBuf;

  let score = 0;
  const hits: Hit[] = [];
  let i = 0;
  // Collection evidence.
  for (; i < nOpen && openList[i]! < COLLECTION_END; i++) {
    const rule = ALL_RULES[openList[i]!]!;
    if (rule.to !== undefined && !rule.to.includes(to)) continue;
    const c = runRule(rule, norm, hits);
    if (c > 0) score += weight(rule, c);
  }
  const colEnd = hits.length;

  // Exact shortcut: with no collection evidence, only an anchoring threat or two threat kinds can
  // make this a collection message; if their rules cannot even run, it is ordinary.
  if (colEnd === 0 && GATING) {
    let anchorOpen = false;
    let kinds = 0;
    let lastGroup = '';
    for (let k = i; k < nOpen; k++) {
      const rule = ALL_RULES[openList[k]!]!;
      if (rule.group === 'veto' || rule.group === 'third_party') continue;
      if (ANCHOR_RULES.has(rule.id)) anchorOpen = true;
      if (rule.group !== lastGroup && rule.group !== 'impersonation') kinds++;
      lastGroup = rule.group;
    }
    // (With the naive-Bayes fallback on, one open threat kind can still be rescued: worth running
    // the remaining rules only when the model already leans to collection.)
    if (!anchorOpen && kinds < 2 && (NB === null || kinds === 0 || nbLogOdds(NB, norm) < NB_THRESHOLD)) {
      return { labels: [], spans: {}, norm, score, hits: withTrace ? hits.slice() : NO_HITS, genuineCourtNotice: false };
    }
  }
  for (; i < nOpen && openList[i]! < VETO_END; i++) {
    const rule = ALL_RULES[openList[i]!]!;
    const c = runRule(rule, norm, hits);
    if (c > 0) score += weight(rule, c);
  }

  // Threat labels (their weights count towards collection too).
  const labelHits = new Map<OtherLabel, Hit[]>();
  let anchored = false;
  for (; i < nOpen; i++) {
    const rule = ALL_RULES[openList[i]!]!;
    const label = rule.group as OtherLabel;
    if (label === 'third_party' || (rule.to !== undefined && !rule.to.includes(to))) continue;
    let lh = labelHits.get(label);
    const before = lh?.length ?? 0;
    lh ??= [];
    const c = runRule(rule, norm, lh);
    if (c > 0) {
      score += weight(rule, c);
      if (before === 0) labelHits.set(label, lh);
      if (!anchored && ANCHOR_RULES.has(rule.id)) anchored = true;
    }
  }
  let threatKinds = 0;
  for (const l of labelHits.keys()) if (l !== 'impersonation') threatKinds++;

  // Knife/gun/bomb emoji carry meaning (🔪🔪 还钱): matched on the original text.
  let emojiSpans: Span[] | null = null;
  if (EMOJI_HINT.test(text)) {
    VIOLENT_EMOJI.lastIndex = 0;
    for (const m of text.matchAll(VIOLENT_EMOJI)) (emojiSpans ??= []).push([m.index, m.index + m[0].length]);
    if (emojiSpans !== null) score += 0.3;
  }

  // Label cues add to the score but cannot make a message collection on their own: there must be
  // collection evidence, an anchoring threat, or two different kinds of threat aimed at 你.
  const positive = colEnd > 0 || anchored || (threatKinds >= 2 && YOU_RE.test(norm));

  const nbRescue =
    (score < COLLECTION_THRESHOLD || !positive) &&
    NB !== null &&
    hits.length === colEnd &&
    (colEnd > 0 || labelHits.size > 0) &&
    nbLogOdds(NB, norm) >= NB_THRESHOLD;
  if ((score < COLLECTION_THRESHOLD || !positive) && !nbRescue) {
    return { labels: [], spans: {}, norm, score, hits: withTrace ? trace(hits, labelHits) : NO_HITS, genuineCourtNotice: false };
  }

  const labels: Label[] = ['collection'];
  const spans: Partial<Record<Label, Span[]>> = {};
  // Collection spans: its rule hits, leaving out the bare debt-noun cue when there is anything better.
  const colSpanHits: Hit[] = [];
  for (let i = 0; i < colEnd; i++) if (hits[i]!.rule !== 'col.debt_noun') colSpanHits.push(hits[i]!);
  const colSource = colSpanHits.length > 0 ? colSpanHits : colEnd > 0 ? hits.slice(0, colEnd) : [...labelHits.values()].flat();
  spans.collection = toSpans(n, colSource);

  // third_party: the recipient, or text that addresses a contact.
  if (to !== 'debtor') {
    const tp: Hit[] = [];
    for (const rule of LABEL_RULES.third_party) if (open[rule.index] !== 0) runRule(rule, norm, tp);
    if (to === 'third_party' || tp.length > 0) labelHits.set('third_party', tp.length > 0 ? tp : colSource);
  }

  for (const label of OTHER_LABELS) {
    const lh = labelHits.get(label);
    const extra = label === 'threat_violence' ? emojiSpans : null;
    if ((lh === undefined || lh.length === 0) && extra === null) continue;
    const s = lh !== undefined ? toSpans(n, lh) : [];
    spans[label] = extra !== null ? mergeSpans([...s, ...extra]) : s;
    labels.push(label);
  }
  return { labels, spans, norm, score, hits: withTrace ? trace(hits, labelHits) : NO_HITS, genuineCourtNotice: false };
}

/** Classify one message. `to` is who received it (default 'unknown'). */
export function classify(text: string, to?: Recipient): Classification {
  const e = run(text, to ?? 'unknown', false);
  return { labels: e.labels, spans: e.spans };
}

/** Classify many messages; same results as calling classify on each. */
export function classifyBatch(items: ReadonlyArray<string | { text: string; to?: Recipient }>): Classification[] {
  return items.map((it) => (typeof it === 'string' ? classify(it) : classify(it.text, it.to)));
}
