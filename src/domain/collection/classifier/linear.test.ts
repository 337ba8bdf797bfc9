/**
 * scoreInto reads a gram's eight weights as two 32-bit words and sums them in 16-bit lanes (linear.ts): its logits
 * must be exactly those of adding each distinct gram's signed bytes one by one, for short texts and for texts with
 * more than 256 distinct grams (where the lanes are emptied mid-text), and for weights at both ends of the range.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeModel,
  D_LENGTH,
  forEachGram,
  forEachLengthFeature,
  fromBase64,
  gramScale,
  gramWords,
  LENGTH_GRAMS,
  NL,
  scoreInto,
  setConceptFeatures,
  type LinearModel,
} from './linear.js';
import { LINEAR_MODEL } from './linear-model.js';
import { normalize } from './normalize.js';

/**
 * The logits the slow way: every distinct gram's bytes added one at a time, then the bias, then the length features as
 * training sets them (forEachLengthFeature, from the count of distinct grams), in scoreInto's order (the concept
 * features are off in these tests).
 */
function reference(model: LinearModel, norm: string): number[] {
  const sums = new Array<number>(NL).fill(0);
  const count = forEachGram(norm, model.bits, (b) => {
    for (let l = 0; l < NL; l++) sums[l]! += model.grams[b * NL + l]!;
  });
  const inv = gramScale(count);
  const z = sums.map((a, l) => a * model.scales[l]! * inv + model.bias[l]!);
  forEachLengthFeature(count, (f) => {
    for (let l = 0; l < NL; l++) z[l]! += model.dense[f * NL + l]!;
  });
  return z;
}

function scores(model: LinearModel, norm: string): number[] {
  const out = new Float64Array(NL);
  scoreInto(model, norm, new Int32Array(0), 0, out);
  return Array.from(out);
}

describe('scoreInto', () => {
  beforeAll(() => setConceptFeatures(false));
  afterAll(() => setConceptFeatures(true));
  const shipped = decodeModel(fromBase64(LINEAR_MODEL));
  const texts = [
    '您的借款已逾期3天，请尽快还款',
    '再不还钱，明天就去你公司找你',
    '好',
    // 600 distinct characters: well over 256 distinct grams, so the lanes are emptied at least once mid-text.
    Array.from({ length: 600 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 37) % 20000))).join(''),
    '逾期'.repeat(400) + '你全家都小心点',
  ].map((t) => normalize(t).norm);

  it('gives the shipped model the logits of summing each gram byte by byte', () => {
    for (const t of texts) expect(scores(shipped, t)).toEqual(reference(shipped, t));
  });

  it('sets the length features of a short text, not of a long one, from the count of distinct grams', () => {
    const seen = (count: number): number[] => {
      const fs: number[] = [];
      forEachLengthFeature(count, (f) => fs.push(f - D_LENGTH));
      return fs;
    };
    expect(seen(1)).toEqual(LENGTH_GRAMS.map((_, b) => b));
    expect(seen(LENGTH_GRAMS.at(-1)!)).toEqual([]);
    expect(seen(LENGTH_GRAMS[0]!)).toEqual(LENGTH_GRAMS.slice(1).map((_, b) => b + 1));
    // The shipped model learned an offset for them: a short text's logits are not its grams' and bias alone.
    const short = texts[0]!;
    const noLength = reference({ ...shipped, dense: new Float64Array(shipped.dense.length) }, short);
    expect(scores(shipped, short)).not.toEqual(noLength);
  });

  it('adds weights at both ends of the byte range exactly (−127 and 127 over many grams)', () => {
    for (const fillWith of [-127, 127, -1]) {
      const grams = new Int8Array(shipped.grams.length);
      // Alternate the extreme with its opposite by label, so both signs share each word.
      for (let i = 0; i < grams.length; i++) grams[i] = i % 2 === 0 ? fillWith : -fillWith;
      const m: LinearModel = { ...shipped, grams, words: gramWords(grams) };
      for (const t of texts) expect(scores(m, t)).toEqual(reference(m, t));
    }
  });
});
