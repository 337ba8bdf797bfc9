/**
 * The long-text veto: a second linear model that reads a long text the classifier has called collection and may say
 * it is not (its collection head), or that a label it was given does not hold (its label heads: false_legal).
 *
 * Why (session 19): on long look-alikes (quarrels between partners, family and neighbours that mention a loan, friends'
 * banter about a treat "owed", borrowers' own long accounts, reviews of films about collectors, news that quotes them)
 * the rules find their debt and threat words and the main model keeps them: collection precision 0.889–0.943 on the
 * precision batches blind-124 to blind-131, below the 0.95 target, after four rounds of vetoes in the rules that each
 * fixed mostly the families of the batch it was tuned on. The main model learns from short messages mostly, and its
 * grams weigh 1/√count: in a long text they move its logit little next to the rules' features. This model sees only
 * long texts and only their grams, and is trained with the long look-alikes of the sealed batches' odd halves
 * (corpora.ts longVetoTrainingSet), so it learns the kind of text (a partner's quarrel, a review, a report, the
 * borrower's own account) rather than which words occur. Inside long collection letters the same holds for
 * false_legal: a lender's lawful letter names 起诉, 征信 and 法院 as a fake one does (blind-132, very long texts:
 * false_legal precision 0.645), and the kind of letter tells them apart. The other labels' heads were tried and not
 * kept: on the long batches' even halves they turned away few wrong labels for as many right ones (docs/classifier.md,
 * session 19).
 *
 * It applies only to texts of at least LONG_VETO_CHARS code units of the model text, only without context (a
 * collector's number is evidence it never saw, as for the main model's veto), and only ever removes labels: collection
 * (and with it every label, collection being their prerequisite), or a label head's label. Each head's threshold is
 * chosen by cross-validation on its training data (train-long-veto.ts).
 *
 * Pure; the grams are the main model's (linear.ts forEachGram: 1–4 code units, digits folded).
 */
import { LABELS, type Label } from '../types.js';
import { forEachGram, gramScale } from './linear.js';

/** Code units of the model text from which the veto reads a text (the long batches' writers were asked for 80–500 characters). */
export const LONG_VETO_CHARS = 80;

/**
 * Distinct grams a text needs besides its length (LONG_VETO_CHARS) for the veto to read it. Every text it trains on
 * has at least 198 (session 19); a long text with fewer repeats itself (one threat pasted over and over: 81 distinct
 * grams in 4,000 code units), which the veto never saw, and one of them was vetoed as if ordinary.
 */
export const LONG_VETO_MIN_GRAMS = 150;

/** The labels with a head, collection first. */
export const LONG_VETO_LABELS: readonly Label[] = ['collection', 'false_legal'];

export interface LongVetoHead {
  label: Label;
  bias: number;
  /** A weight is q × scale. */
  scale: number;
  /** Logit below which the label is dropped. */
  threshold: number;
  weights: Int8Array;
}

export interface LongVetoModel {
  bits: number;
  heads: LongVetoHead[];
}

/** Scratch: the distinct buckets of a text hashed here. */
let found = new Int32Array(4096);

/**
 * The labels (bits, LABELS order) among `have` that the veto drops from a text with these distinct grams (`count`
 * buckets of `buckets`, of the model's bits): every head whose label is in `have` and whose logit (bias + Σ weights of
 * the buckets × 1/√count) is below its threshold; none for a text of fewer than LONG_VETO_MIN_GRAMS. model.ts passes
 * the buckets the main model has just read (linear.ts lastBuckets) and asks for every head at once (have = ~0): the
 * sentence windows may add a head's label after.
 */
export function longVetoDropsOf(m: LongVetoModel, buckets: Int32Array, count: number, have: number): number {
  if (count < LONG_VETO_MIN_GRAMS) return 0;
  const scale = gramScale(count);
  let drop = 0;
  for (const h of m.heads) {
    const bit = 1 << LABELS.indexOf(h.label);
    if ((have & bit) === 0) continue;
    const w = h.weights;
    let sum = 0;
    for (let i = 0; i < count; i++) sum += w[buckets[i]!]!;
    if (h.bias + sum * h.scale * scale < h.threshold) drop |= bit;
  }
  return drop;
}

/** longVetoDropsOf a model text, hashing its grams here (linear.ts forEachGram). */
export function longVetoDrops(m: LongVetoModel, text: string, have: number): number {
  let n = 0;
  forEachGram(text, m.bits, (b) => {
    if (n === found.length) {
      const g = new Int32Array(found.length * 2);
      g.set(found);
      found = g;
    }
    found[n++] = b;
  });
  return longVetoDropsOf(m, found, n, have);
}

// ---------------------------------------------------------------------------------------------
// File format (little-endian): "HXLV" u8 version=2, u8 bits, u8 heads, u8 0; per head: u8 label (LABELS index), 7 × u8 0,
// f64 bias, f64 scale, f64 threshold; then per head i8 weights[2^bits].
// ---------------------------------------------------------------------------------------------

const HEAD_BYTES = 32;

export function encodeLongVeto(m: LongVetoModel): Uint8Array {
  const size = 1 << m.bits;
  const out = new Uint8Array(8 + m.heads.length * (HEAD_BYTES + size));
  const v = new DataView(out.buffer);
  out.set([0x48, 0x58, 0x4c, 0x56, 2, m.bits, m.heads.length, 0]);
  m.heads.forEach((h, i) => {
    const o = 8 + i * HEAD_BYTES;
    out[o] = LABELS.indexOf(h.label);
    v.setFloat64(o + 8, h.bias, true);
    v.setFloat64(o + 16, h.scale, true);
    v.setFloat64(o + 24, h.threshold, true);
    out.set(new Uint8Array(h.weights.buffer, h.weights.byteOffset, size), 8 + m.heads.length * HEAD_BYTES + i * size);
  });
  return out;
}

export function decodeLongVeto(bytes: Uint8Array): LongVetoModel {
  if (bytes[0] !== 0x48 || bytes[1] !== 0x58 || bytes[2] !== 0x4c || bytes[3] !== 0x56 || bytes[4] !== 2) throw new Error('long-text veto: bad header');
  const bits = bytes[5]!;
  const k = bytes[6]!;
  const size = 1 << bits;
  if (bits < 8 || bits > 24 || bytes.length !== 8 + k * (HEAD_BYTES + size)) throw new Error('long-text veto: wrong size');
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const heads: LongVetoHead[] = [];
  for (let i = 0; i < k; i++) {
    const o = 8 + i * HEAD_BYTES;
    const label = LABELS[bytes[o]!];
    if (label === undefined) throw new Error('long-text veto: bad label');
    const from = bytes.byteOffset + 8 + k * HEAD_BYTES + i * size;
    heads.push({
      label,
      bias: v.getFloat64(o + 8, true),
      scale: v.getFloat64(o + 16, true),
      threshold: v.getFloat64(o + 24, true),
      weights: new Int8Array(bytes.buffer.slice(from, from + size)),
    });
  }
  return { bits, heads };
}
