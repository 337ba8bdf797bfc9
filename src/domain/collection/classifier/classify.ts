/**
 * Deterministic, explainable message classifier: lexicon rules over normalised text.
 *
 * 1. normalise (traditional → simplified, widths, separators, pinyin abbreviations), keeping a map
 *    back to the original;
 * 2. drop genuine court notices (official pointer + case number + no private payment demand);
 * 3. score collection: positive rules add weight, vetoes (verification codes, receipts, adverts, news,
 *    the debtor's own messages, non-credit bills …) subtract; collection at score ≥ 1;
 * 4. for collection messages only, run the rules of every other label; third_party also follows `to`.
 *
 * Every label comes with the spans (offsets into the ORIGINAL text) of the matches that produced it.
 */
import { LABELS, type Classification, type Label, type Recipient, type Span } from '../types.js';
import {
  CASE_NUMBER,
  CLAUSE_BREAK,
  COLLECTION,
  COURT_FAKE,
  COURT_OFFICIAL,
  LABEL_RULES,
  NEGATION,
  VETO,
  VIOLENT_EMOJI,
  type OtherLabel,
  type Rule,
} from './lexicon.js';
import { normalize, toOriginal, type Normalized } from './normalize.js';

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
const ANCHOR_RULES = new Set(['tc.bao_txl', 'tc.txl_action', 'ins.laolai', 'fl.blacklist', 'fl.family']);

function clauseWindow(norm: string, start: number, max: number): string {
  let s = start;
  while (s > 0 && start - s < max && !CLAUSE_BREAK.test(norm[s - 1]!)) s--;
  return norm.slice(s, start);
}

/** Runs one rule; returns how many matches survived the rule's filters. */
function runRule(rule: Rule, norm: string, out: Hit[]): number {
  if (rule.noYou && YOU_RE.test(norm)) return 0;
  const re = rule.re;
  re.lastIndex = 0;
  let found = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(norm)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    let start = m.index;
    let end = start + m[0].length;
    const ti = m.indices?.groups?.['t'];
    if (ti) {
      start = ti[0];
      end = ti[1];
    }
    if (rule.reject && rule.reject.test(m[0])) continue;
    if (rule.skipBefore) {
      const win = rule.wide ? norm.slice(Math.max(0, m.index - WIDE_WINDOW), m.index) : clauseWindow(norm, m.index, NEG_WINDOW);
      if (rule.skipBefore.test(win)) continue;
    }
    if (rule.neg && NEGATION.test(clauseWindow(norm, m.index, NEG_WINDOW))) continue;
    out.push({ rule: rule.id, start, end });
    found++;
  }
  return found;
}

function weight(rule: Rule, count: number): number {
  return count === 0 ? 0 : rule.w * Math.min(count, rule.cap);
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

function toSpans(n: Normalized, hits: Hit[]): Span[] {
  return mergeSpans(hits.map((h) => toOriginal(n, h.start, h.end)));
}

const OTHER_LABELS = LABELS.filter((l): l is OtherLabel => l !== 'collection');

/** Classify with the full trace (normalised text, score, every rule hit). */
export function explain(text: string, to: Recipient = 'unknown'): Explanation {
  const n = normalize(text);
  const norm = n.norm;
  const empty: Explanation = { labels: [], spans: {}, norm, score: 0, hits: [], genuineCourtNotice: false };
  if (norm.length === 0) return empty;
  if (isGenuineCourtNotice(norm)) return { ...empty, genuineCourtNotice: true };

  const allHits: Hit[] = [];
  let score = 0;
  const colHits: Hit[] = [];
  for (const rule of COLLECTION) {
    if (rule.to && !rule.to.includes(to)) continue;
    const hits: Hit[] = [];
    const c = runRule(rule, norm, hits);
    if (c > 0) {
      score += weight(rule, c);
      colHits.push(...hits);
    }
  }
  for (const rule of VETO) {
    const hits: Hit[] = [];
    const c = runRule(rule, norm, hits);
    if (c > 0) {
      score += weight(rule, c);
      allHits.push(...hits);
    }
  }

  const labelHits = new Map<OtherLabel, Hit[]>();
  const supportHits: Hit[] = [];
  for (const label of OTHER_LABELS) {
    if (label === 'third_party') continue;
    const hits: Hit[] = [];
    for (const rule of LABEL_RULES[label]) {
      if (rule.to && !rule.to.includes(to)) continue;
      const before = hits.length;
      const c = runRule(rule, norm, hits);
      if (c > 0) {
        score += weight(rule, c);
        supportHits.push(...hits.slice(before));
      }
    }
    if (hits.length > 0) labelHits.set(label, hits);
  }

  // Knife/gun/bomb emoji carry meaning (🔪🔪 还钱): matched on the original text.
  const emojiSpans: Span[] = [];
  VIOLENT_EMOJI.lastIndex = 0;
  for (const m of text.matchAll(VIOLENT_EMOJI)) emojiSpans.push([m.index, m.index + m[0].length]);
  if (emojiSpans.length > 0) score += 0.3;

  allHits.push(...colHits);
  for (const hs of labelHits.values()) allHits.push(...hs);

  // Label cues add to the score but cannot make a message collection on their own: some collection
  // evidence (or an unmistakable 爆通讯录) must be there too.
  // Two different kinds of threat aimed at 你 also do (贴满你们小区…你这个骗子).
  const threatKinds = [...labelHits.keys()].filter((l) => l !== 'impersonation').length;
  const positive =
    colHits.length > 0 || supportHits.some((h) => ANCHOR_RULES.has(h.rule)) || (threatKinds >= 2 && YOU_RE.test(norm));
  if (score < COLLECTION_THRESHOLD || !positive) return { ...empty, score, hits: allHits };

  const labels: Label[] = ['collection'];
  const spans: Partial<Record<Label, Span[]>> = {};
  const colSpanHits = colHits.filter((h) => h.rule !== 'col.debt_noun');
  spans.collection = toSpans(n, colSpanHits.length > 0 ? colSpanHits : colHits.length > 0 ? colHits : supportHits);

  // third_party: the recipient, or text that addresses a contact.
  const tpHits: Hit[] = [];
  if (to !== 'debtor') for (const rule of LABEL_RULES.third_party) runRule(rule, norm, tpHits);
  allHits.push(...tpHits);
  if (to === 'third_party' || (to === 'unknown' && tpHits.length > 0)) {
    labelHits.set('third_party', tpHits.length > 0 ? tpHits : colSpanHits.length > 0 ? colSpanHits : colHits);
  }

  for (const label of OTHER_LABELS) {
    const hits = labelHits.get(label);
    const extra = label === 'threat_violence' ? emojiSpans : [];
    if ((!hits || hits.length === 0) && extra.length === 0) continue;
    const s = mergeSpans([...(hits ? toSpans(n, hits) : []), ...extra]);
    if (s.length === 0) continue;
    spans[label] = s;
  }
  for (const label of OTHER_LABELS) if (spans[label] && spans[label]!.length > 0) labels.push(label);
  // Drop any empty entries left behind.
  for (const key of Object.keys(spans) as Label[]) if (!labels.includes(key)) delete spans[key];

  return { labels, spans, norm, score, hits: allHits, genuineCourtNotice: false };
}

/** Classify one message. `to` is who received it (default 'unknown'). */
export function classify(text: string, to?: Recipient): Classification {
  const e = explain(text, to ?? 'unknown');
  return { labels: e.labels, spans: e.spans };
}

/** Classify many messages; same results as calling classify on each. */
export function classifyBatch(items: ReadonlyArray<string | { text: string; to?: Recipient }>): Classification[] {
  return items.map((it) => (typeof it === 'string' ? classify(it) : classify(it.text, it.to)));
}
