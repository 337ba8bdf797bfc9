/**
 * The linear model beside the rules (issue 11 §3): one-vs-rest logistic regression, one weight vector per
 * label, over
 *
 * - hashed character 1–4-grams of the NORMALISED text (normalize.ts; digits folded to 0), each gram
 *   each distinct gram (bucket) once, scaled by 1/√(distinct grams in the text): repeating a text does not
 *   change its score;
 * - the rules' own evidence as binary "dense" features: every collection/veto rule that hit, every label
 *   slot whose rules hit, the labels the rules gave, the recipient, and the genuine-court-notice test.
 *
 * Pure and allocation-light: one pass over the text to hash the grams, one table lookup per gram (the
 * eight labels' weights of a bucket sit next to each other). The weights are trained by
 * scripts/train.ts (train-linear.ts) and shipped in linear-model.ts as one base64 binary (format below).
 */
import { ALL_RULES } from './lexicon.js';
import { CONCEPT_FEATURES, CONCEPT_FILTER, CONCEPT_FILTER_SHIFT, conceptOf, pairIndex } from './concepts.js';
import { FNV_OFFSET, FNV_PRIME, forEachGramKey, MAX_GRAM } from './gram-hash.js';
import { LABELS, type Label, type Recipient } from '../types.js';
import type { Hit } from './classify.js';

export const NL = LABELS.length;
// scoreGramsInto and denseBaseInto keep the eight labels' sums in eight locals.
if (NL !== 8) throw new Error('linear model: written for eight labels');
const RULE_COUNT = ALL_RULES.length;
/** Dense feature layout: rule hits, then label slots hit (7), then the rules' labels (8), recipient (3), court notice (1). */
export const D_SLOT = RULE_COUNT;
export const D_LABEL = D_SLOT + 7;
export const D_TO = D_LABEL + NL;
export const D_COURT = D_TO + 3;
/** Concept groups and their pairs (concepts.ts), after the court notice. */
export const D_CONCEPT = D_COURT + 1;
/** Length features, after the concepts (lengthFeatures). */
export const D_LENGTH = D_CONCEPT + CONCEPT_FEATURES;
/**
 * A text with fewer distinct grams than each of these sets one length feature (cumulative: a 5-gram text sets both):
 * about 16 and 31 characters. The grams' sum is scaled by 1/√(count), so a short text's logits sit near the biases,
 * and four labels' biases are above their thresholds: a plain short demand (「1万2 今天结清 一分不能少」) got
 * threat_violence and insult. These features give each label its own offset for short texts (session 15: blind-93, a
 * batch of short texts, 0.895 → 0.918 and 0.885 → 0.919 with two seeds; longer batches within ±0.005).
 */
export const LENGTH_GRAMS = [60, 120];
export const DENSE = D_LENGTH + LENGTH_GRAMS.length;
const TO_INDEX: Record<Recipient, number> = { debtor: 0, third_party: 1, unknown: 2 };
const RULE_INDEX = new Map(ALL_RULES.map((r, i) => [r.id, i]));
const LABEL_INDEX = Object.fromEntries(LABELS.map((l, i) => [l, i])) as Record<Label, number>;

export interface LinearModel {
  bits: number;
  /** Per label: logit threshold chosen by cross-validation on the training data. */
  thresholds: Float64Array;
  /**
   * Collection logit below which the rules' collection is dropped, when the rules gave collection and no label
   * but third_party (-Infinity = never): bank receipts and loan-app notices match the rules' repayment words.
   */
  veto: number;
  bias: Float64Array;
  /** Per label: the gram weights are q × scale. */
  scales: Float64Array;
  /** dense[f * NL + l] */
  dense: Float64Array;
  /** grams[bucket * NL + l], quantised. */
  grams: Int8Array;
  /**
   * The same bytes read four at a time (scoreInto): words[bucket * 2] holds labels 0–3, words[bucket * 2 + 1] labels
   * 4–7, in the platform's byte order.
   */
  words: Uint32Array;
}

/** On a big-endian machine the first byte of a word is its highest: scoreInto's lanes then hold labels 3–0, not 0–3 (LANE_LABEL). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** A view of the quantised grams as 32-bit words (the array must own an aligned buffer: decodeModel's and training's do). */
export function gramWords(grams: Int8Array): Uint32Array {
  if (grams.byteOffset % 4 !== 0 || grams.length % 8 !== 0) throw new Error('linear model: grams not aligned');
  return new Uint32Array(grams.buffer, grams.byteOffset, grams.length >>> 2);
}

/**
 * The buckets already counted in the current text: a small open-addressed set, stamped per text, sized to the text
 * (at least 8 slots per character, so it is never more than half full with 4 grams a character). A table with a stamp
 * per bucket (2^19 bytes) did the same, but each gram's look-up then missed the cache as often as its weights did
 * (bench, 2026-12-06: scoreInto −15 % with this set, which stays in the first-level cache for ordinary messages).
 *
 * A slot holds the bucket and the text's stamp in one 32-bit word, (stamp << bits) | bucket (a bucket has `bits`
 * bits), so a probe is one load and one comparison; a slot whose stamp is not the current text's is free. Until
 * 2026-12-07 the buckets and the stamps were two arrays, and scoreInto read them through module variables on every
 * gram (bench, 2026-12-07, scoreInto alone on the bench's texts: −15 % for the one array).
 */
let setSlots = new Int32Array(1024);
/** scoreInto's distinct buckets of the current text, in the order found (grown to the text's grams). */
let distinct = new Int32Array(1024);
let setStamp = 0;
/** The stamp of the current text, shifted above the bucket bits (openSet). */
let setTag = 0;
/**
 * Stamps a new text for buckets of `bits` bits; returns the set's slot mask for a text of n code units (grows the set
 * when needed). Afterwards a slot is the current text's iff its word >>> bits is setStamp.
 */
function openSet(n: number, bits: number): number {
  if (bits > 24) throw new Error('linear model: more than 2^24 buckets');
  let size = 1024;
  while (size < n * 8) size <<= 1;
  if (setSlots.length < size) {
    setSlots = new Int32Array(size);
    setStamp = 0;
  }
  // The stamp has 32 − bits bits (8,191 texts for 19-bit buckets): then the slots are cleared and stamping starts over.
  // (A shift, not 2 ** (32 − bits): the power was a call that cost 0.08 µs a message in the profile, 2026-12-07.)
  if (++setStamp >>> (32 - bits) !== 0) {
    setSlots.fill(0);
    setStamp = 1;
  }
  setTag = (setStamp << bits) | 0;
  return size - 1;
}
/** Adds bucket u (of `bits` bits) to the current text's set; false if it was there. The slot is u's low bits (u is a mixed hash's top bits). */
function addBucket(u: number, mask: number, bits: number): boolean {
  const e = setTag | u;
  let s = u & mask;
  let v: number;
  while ((v = setSlots[s]!) >>> bits === setStamp) {
    if (v === e) return false;
    s = (s + 1) & mask;
  }
  setSlots[s] = e;
  return true;
}

/** The value of each gram of a text with `count` distinct grams. */
export function gramScale(count: number): number {
  return count === 0 ? 0 : 1 / Math.sqrt(count);
}

/**
 * The distinct grams (buckets) of a normalised text: for each, its first occurrence, calls
 * visit(bucket, start, end) in a fixed order (by start, then length). Returns how many.
 */
export function forEachGram(norm: string, bits: number, visit: (b: number, start: number, end: number) => void): number {
  const shift = 32 - bits;
  const m = openSet(norm.length, bits);
  let count = 0;
  forEachGramKey(norm, (key, start, end) => {
    const b = key >>> shift;
    if (!addBucket(b, m, bits)) return;
    visit(b, start, end);
    count++;
  });
  return count;
}

/** Scratch: marks of dense features already set for the current text. */
const denseMark = new Int32Array(DENSE);
let denseStamp = 0;
const denseList = new Int32Array(DENSE);

/**
 * The dense features of the last rules run: indices into `out`, each once; returns how many.
 */
export function denseFeatures(
  hits: readonly Hit[],
  labelHits: ReadonlyArray<Hit[] | undefined>,
  ruleLabels: readonly Label[],
  to: Recipient,
  court: boolean,
  out: Int32Array = denseList,
): number {
  if (++denseStamp === 0x40000000) {
    denseMark.fill(0);
    denseStamp = 1;
  }
  const st = denseStamp;
  let k = 0;
  for (let i = 0; i < hits.length; i++) {
    const f = RULE_INDEX.get(hits[i]!.rule);
    if (f !== undefined && denseMark[f] !== st) {
      denseMark[f] = st;
      out[k++] = f;
    }
  }
  for (let s = 0; s < labelHits.length; s++) {
    const lh = labelHits[s];
    if (lh !== undefined && lh.length > 0) out[k++] = D_SLOT + s;
  }
  for (let i = 0; i < ruleLabels.length; i++) out[k++] = D_LABEL + LABEL_INDEX[ruleLabels[i]!];
  // Only a third-party recipient is a feature: the import reads every incoming message as to the debtor, while
  // the corpora mark many ordinary messages 'unknown', so 'debtor' would teach the model a bias it cannot use.
  if (to === 'third_party') out[k++] = D_TO + TO_INDEX[to];
  if (court) out[k++] = D_COURT;
  // The concept groups (concepts.ts) are not here: scoreInto finds them in its own pass over the grams, and
  // training adds them from conceptMask (train-linear.ts featurize).
  return k;
}

/** The length features of a text with `count` distinct grams, as dense indices (scoreInto adds the same). */
export function forEachLengthFeature(count: number, visit: (f: number) => void): void {
  for (let b = 0; b < LENGTH_GRAMS.length; b++) if (count < LENGTH_GRAMS[b]!) visit(D_LENGTH + b);
}

let conceptsOn = true;
/** For the training cross-validation only (scripts/cv-classifier.ts --no-concepts): the same layout, no concept features. */
export function setConceptFeatures(on: boolean): void {
  conceptsOn = on;
}
export function conceptFeaturesOn(): boolean {
  return conceptsOn;
}
/** The concept groups scoreInto found in the last text it scored (for the test that training sees the same). */
export let lastConceptMask = 0;
/** The groups present in the text being scored, lowest first (scratch for scoreInto). */
const onGroups = new Int32Array(32);

/** Lane k of a word holds the label LANE_LABEL[k]: the same on a little-endian machine, reversed within each word on a big-endian one. */
const LANE_LABEL = LITTLE_ENDIAN ? Int8Array.of(0, 1, 2, 3, 4, 5, 6, 7) : Int8Array.of(3, 2, 1, 0, 7, 6, 5, 4);
const [LANE0, LANE1, LANE2, LANE3, LANE4, LANE5, LANE6, LANE7] = Array.from(LANE_LABEL) as [number, number, number, number, number, number, number, number];

const baseScratch = new Float64Array(NL);

/** Scores (logits) of every label into `out` (length NL): denseBaseInto, then scoreGramsInto. */
export function scoreInto(model: LinearModel, norm: string, dense: Int32Array, nDense: number, out: Float64Array): void {
  denseBaseInto(model, dense, nDense, baseScratch);
  scoreGramsInto(model, norm, baseScratch, out);
}

/**
 * The part of the logits that does not depend on the grams: the biases and the dense features (the rules' evidence),
 * into `base` (length NL). A long text's sentences share it (model.ts windowLabels), so it is summed once per message;
 * the eight sums are locals, not a typed array written back on every row (bench, 2026-12-07: 30 dense rows cost
 * 0.6 µs a call as out[l] += d[…], the cost of a 20-character text's grams).
 */
export function denseBaseInto(model: LinearModel, dense: Int32Array, nDense: number, base: Float64Array): void {
  sumRowsInto(model.dense, dense, nDense, model.bias, base);
}

/**
 * out[l] = start[l] + Σ d[rows[j] × NL + l] over j < n, added in that order (out may be start). The eight sums are
 * locals, not a typed array written back on every row.
 */
export function sumRowsInto(d: Float64Array, rows: Int32Array, n: number, start: ArrayLike<number>, out: Float64Array): void {
  let o0 = start[0]!, o1 = start[1]!, o2 = start[2]!, o3 = start[3]!, o4 = start[4]!, o5 = start[5]!, o6 = start[6]!, o7 = start[7]!;
  for (let j = 0; j < n; j++) {
    const r = rows[j]! * NL;
    o0 += d[r]!;
    o1 += d[r + 1]!;
    o2 += d[r + 2]!;
    o3 += d[r + 3]!;
    o4 += d[r + 4]!;
    o5 += d[r + 5]!;
    o6 += d[r + 6]!;
    o7 += d[r + 7]!;
  }
  out[0] = o0;
  out[1] = o1;
  out[2] = o2;
  out[3] = o3;
  out[4] = o4;
  out[5] = o5;
  out[6] = o6;
  out[7] = o7;
}

let lastBucketCount = 0;
let lastBucketBits = 0;
/**
 * The distinct buckets of the text the last scoreGramsInto read, and their bits (a view of scratch, valid until the next
 * call): the long-text veto (long-veto.ts) sums its own weights over them instead of hashing the text again (a second
 * pass over a long text's grams cost 14 µs, bench, 2026-12-07).
 */
export function lastBuckets(): { buckets: Int32Array; count: number; bits: number } {
  return { buckets: distinct, count: lastBucketCount, bits: lastBucketBits };
}

/** The length and concept features of the text being scored (scratch for scoreGramsInto). */
const rowList = new Int32Array(LENGTH_GRAMS.length + CONCEPT_FEATURES);

/**
 * Scores (logits) of every label into `out` from the grams of norm[from, to) and `base` (denseBaseInto): the same as
 * scoring norm.slice(from, to), without making the slice (a long text's sentences are scored in place, model.ts).
 */
export function scoreGramsInto(model: LinearModel, norm: string, base: Float64Array, out: Float64Array, from = 0, to = norm.length): void {
  const w = model.words;
  const bits = model.bits;
  const shift = 32 - bits;
  const n = to - from;
  const setMask = openSet(n, bits);
  // The hot loop reads everything from locals (addBucket inlined with the set, gramKey inlined, the imported tables and
  // constants copied, the lane sums in locals rather than a typed array): with the one-array set, scoreInto alone on
  // the bench's texts went from 3.05 to 2.15 µs a text, and classify −1.1 µs a message in the same process (2026-12-07).
  const set = setSlots;
  const stamp = setStamp;
  const tag = setTag;
  const filter = CONCEPT_FILTER;
  const filterShift = CONCEPT_FILTER_SHIFT;
  const fnvOffset = FNV_OFFSET;
  const fnvPrime = FNV_PRIME;
  const maxGram = MAX_GRAM;
  // Two passes. The first hashes the grams, finds the concept words and keeps each distinct bucket once, in `distinct`;
  // the second sums the buckets' weights. The weights (4 MB) are mostly not in the cache by the time the rules have run,
  // and the second pass is a tight loop of independent loads, which the processor overlaps (bench, 2026-12-07, same
  // process, with the concept filter as a bit set: classify −0.4 µs a message against one pass that loaded each
  // bucket's weights as it found it).
  if (distinct.length < n * maxGram) distinct = new Int32Array(n * maxGram);
  const found = distinct;
  let count = 0;
  let mask = 0;
  // forEachGramKey (gram-hash.ts), inlined with its fold: this is the classifier's hot loop, and the calls cost ~7 % of
  // the model's time (bench, 2026-12-05).
  for (let i = from; i < to; i++) {
    let h = fnvOffset;
    const max = to - i < maxGram ? to - i : maxGram;
    for (let k = 1; k <= max; k++) {
      let c = norm.charCodeAt(i + k - 1);
      if (c >= 0x30 && c <= 0x39) c = 0x30;
      h = Math.imul(h ^ c, fnvPrime);
      // The gram's key (gramKey, inlined): its top bits are the bucket, and the same value names a concept word (concepts.ts).
      const full = Math.imul(h ^ (h >>> 15) ^ k, 0x9e3779b1) >>> 0;
      const t = full >>> filterShift;
      if ((filter[t >>> 5]! & (1 << (t & 31))) !== 0) mask |= conceptOf(full);
      const u = full >>> shift;
      // addBucket, inlined: skip a bucket already counted in this text.
      const e = tag | u;
      let slot = u & setMask;
      let v = set[slot]!;
      while (v >>> bits === stamp && v !== e) {
        slot = (slot + 1) & setMask;
        v = set[slot]!;
      }
      if (v === e) continue;
      set[slot] = e;
      found[count++] = u;
    }
  }
  // The eight weights of a gram are eight signed bytes in two 32-bit words. Each word, XOR 0x80 per byte, holds four
  // bytes biased to 0–255; its even and odd bytes go into two sums with four 16-bit lanes between them, so a gram
  // costs two loads and four additions instead of eight of each (bench, 2026-12-06: scoreInto −18 %). A lane holds at
  // most 255 × 256 < 2^16, so the lanes are emptied into the sums s0–s7 (lane k → s_k) every 256 buckets. The bias
  // (128 per gram) is taken off at the end. The sums are the same integers as adding the bytes one by one.
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
  for (let from = 0; from < count; from += 256) {
    const to = count - from < 256 ? count : from + 256;
    let loA = 0, hiA = 0, loB = 0, hiB = 0;
    for (let j = from; j < to; j++) {
      const u = found[j]!;
      const x = w[u << 1]! ^ 0x80808080;
      const y = w[(u << 1) + 1]! ^ 0x80808080;
      loA += x & 0x00ff00ff;
      hiA += (x >>> 8) & 0x00ff00ff;
      loB += y & 0x00ff00ff;
      hiB += (y >>> 8) & 0x00ff00ff;
    }
    s0 += loA & 0xffff;
    s2 += loA >>> 16;
    s1 += hiA & 0xffff;
    s3 += hiA >>> 16;
    s4 += loB & 0xffff;
    s6 += loB >>> 16;
    s5 += hiB & 0xffff;
    s7 += hiB >>> 16;
  }
  lastBucketCount = count;
  lastBucketBits = bits;
  const bias = 128 * count;
  const inv = gramScale(count);
  const sc = model.scales;
  out[LANE0] = (s0 - bias) * sc[LANE0]! * inv;
  out[LANE1] = (s1 - bias) * sc[LANE1]! * inv;
  out[LANE2] = (s2 - bias) * sc[LANE2]! * inv;
  out[LANE3] = (s3 - bias) * sc[LANE3]! * inv;
  out[LANE4] = (s4 - bias) * sc[LANE4]! * inv;
  out[LANE5] = (s5 - bias) * sc[LANE5]! * inv;
  out[LANE6] = (s6 - bias) * sc[LANE6]! * inv;
  out[LANE7] = (s7 - bias) * sc[LANE7]! * inv;
  for (let l = 0; l < NL; l++) out[l]! += base[l]!;
  // Then the length features and the concept groups and pairs, in that order.
  let nr = 0;
  // forEachLengthFeature, inlined (no closure per message); linear.test.ts checks the two agree.
  for (let b = 0; b < LENGTH_GRAMS.length; b++) if (count < LENGTH_GRAMS[b]!) rowList[nr++] = D_LENGTH + b;
  if (!conceptsOn) mask = 0;
  lastConceptMask = mask;
  if (mask !== 0) {
    // forEachConceptFeature, inlined (no closure or array per message): the groups present, then their pairs.
    let m = 0;
    for (let x = mask; x !== 0; x &= x - 1) onGroups[m++] = 31 - Math.clz32(x & -x);
    for (let i = 0; i < m; i++) {
      const a = onGroups[i]!;
      rowList[nr++] = D_CONCEPT + a;
      for (let j = i + 1; j < m; j++) rowList[nr++] = D_CONCEPT + pairIndex(a, onGroups[j]!);
    }
  }
  sumRowsInto(model.dense, rowList, nr, out, out);
}

/**
 * The grams that pushed label `l` up most: up to `top` [start, end) ranges of the normalised text,
 * strongest first (only grams with a positive weight).
 */
export function topGrams(model: LinearModel, norm: string, l: number, top: number): Array<[number, number]> {
  const ws: number[] = [];
  const ss: number[] = [];
  const es: number[] = [];
  const g = model.grams;
  const shift = 32 - model.bits;
  forEachGramKey(norm, (key, start, end) => {
    const w = g[((key >>> shift) << 3) + l]! * (end - start);
    if (w <= 0) return;
    // Insert into the top list (strongest first; ties keep the earlier gram).
    let p = ws.length;
    while (p > 0 && ws[p - 1]! < w) p--;
    if (p >= top) return;
    ws.splice(p, 0, w);
    ss.splice(p, 0, start);
    es.splice(p, 0, end);
    if (ws.length > top) {
      ws.pop();
      ss.pop();
      es.pop();
    }
  });
  return ws.map((_, j) => [ss[j]!, es[j]!]);
}

// ---------------------------------------------------------------------------------------------
// File format (little-endian): "HXLR" u8 version=2, u8 bits, u8 labels, u8 0, u32 dense,
// f64 thresholds[L], f64 veto, f64 bias[L], f64 scales[L], f64 dense[dense*L], i8 grams[2^bits * L].
// (Version 1 had no veto.)
// ---------------------------------------------------------------------------------------------

export function encodeModel(m: LinearModel): Uint8Array {
  const nd = m.dense.length / NL;
  const size = 12 + 8 * (3 * NL + 1 + m.dense.length) + m.grams.length;
  const buf = new ArrayBuffer(size);
  const v = new DataView(buf);
  const u8 = new Uint8Array(buf);
  u8.set([0x48, 0x58, 0x4c, 0x52, 2, m.bits, NL, 0]);
  v.setUint32(8, nd, true);
  let o = 12;
  for (const arr of [m.thresholds, [m.veto], m.bias, m.scales, m.dense]) {
    for (let i = 0; i < arr.length; i++, o += 8) v.setFloat64(o, arr[i]!, true);
  }
  u8.set(new Uint8Array(m.grams.buffer, m.grams.byteOffset, m.grams.length), o);
  return u8;
}

export function decodeModel(bytes: Uint8Array): LinearModel {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] !== 0x48 || bytes[1] !== 0x58 || bytes[2] !== 0x4c || bytes[3] !== 0x52 || bytes[4] !== 2) throw new Error('linear model: bad header');
  const bits = bytes[5]!;
  if (bytes[6] !== NL) throw new Error('linear model: label count differs');
  const nd = v.getUint32(8, true);
  if (nd !== DENSE) throw new Error(`linear model: trained with ${nd} dense features, the rules now have ${DENSE}: run npm run train`);
  let o = 12;
  const f64 = (n: number): Float64Array => {
    const a = new Float64Array(n);
    for (let i = 0; i < n; i++, o += 8) a[i] = v.getFloat64(o, true);
    return a;
  };
  const thresholds = f64(NL);
  const veto = f64(1)[0]!;
  const bias = f64(NL);
  const scales = f64(NL);
  const dense = f64(nd * NL);
  if (bytes.length !== o + (NL << bits)) throw new Error('linear model: wrong size');
  const grams = new Int8Array(bytes.buffer.slice(bytes.byteOffset + o, bytes.byteOffset + o + (NL << bits)));
  return { bits, thresholds, veto, bias, scales, dense, grams, words: gramWords(grams) };
}

/** base64 → bytes without Buffer (the domain stays free of Node APIs). */
export function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** FNV-1a over bytes, as 8 hex digits: the model's id in the classifier version. */
export function modelId(bytes: Uint8Array): string {
  let h = FNV_OFFSET;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, FNV_PRIME);
  return (h >>> 0).toString(16).padStart(8, '0');
}
