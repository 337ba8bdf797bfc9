/**
 * Training of the long-text veto (long-veto.ts), pure and deterministic: the same rows give the same bytes.
 *
 * - rows: long texts (model text of at least LONG_VETO_CHARS code units), whether each is collection, and whether the
 *   classifier without the veto called it collection (`found`): the veto only ever decides among those, so they weigh
 *   FOUND_WEIGHT;
 * - learner: logistic regression over the distinct grams (scaled 1/√count like the main model's), AdaGrad SGD with
 *   L2 on the touched weights, a fixed number of epochs over a seeded shuffle;
 * - threshold: FOLDS-fold cross-validation over the rows (fold = position mod FOLDS); among the found rows, the highest
 *   logit on a grid of quarter steps at which the out-of-fold vetoes drop at most LONG_VETO_MAX_LOSS of the collection
 *   ones;
 * - the shipped weights: trained on every row, quantised to int8.
 */
import { mulberry32 } from '../../random.js';
import { forEachGram, gramScale } from './linear.js';
import { encodeLongVeto, type LongVetoModel } from './long-veto.js';

export interface LongVetoRow {
  /** The model text (model.ts lastModelText). */
  text: string;
  collection: boolean;
  /** The classifier without the veto called it collection. */
  found: boolean;
}

/**
 * The share of the found collection messages the out-of-fold vetoes may drop when the threshold is chosen. Session 19:
 * on the prototype's cross-validation, quarter steps from −3 to 0 dropped 1, 3, 3, 3, 9 and 11 of 2,624 found
 * collection messages and vetoed 20 to 69 of 81 found ordinary ones; 0.15 % stops before the jump to 9.
 */
export const LONG_VETO_MAX_LOSS = 0.0015;
const FOUND_WEIGHT = 2;
export const LONG_VETO_DEFAULTS = { bits: 19, epochs: 10, folds: 5, seed: 19, rate: 0.3, lambda: 1e-5 } as const;

interface Featured {
  grams: Int32Array;
  scale: number;
  y: number;
  weight: number;
}

function featurize(rows: readonly LongVetoRow[], bits: number): Featured[] {
  return rows.map((r) => {
    const g: number[] = [];
    const count = forEachGram(r.text, bits, (b) => {
      g.push(b);
    });
    return { grams: Int32Array.from(g), scale: gramScale(count), y: r.collection ? 1 : 0, weight: r.found ? FOUND_WEIGHT : 1 };
  });
}

interface Weights {
  w: Float64Array;
  bias: number;
}

function fit(data: readonly Featured[], idx: readonly number[], o: typeof LONG_VETO_DEFAULTS): Weights {
  const size = 1 << o.bits;
  const w = new Float64Array(size);
  const g2 = new Float64Array(size).fill(1e-8);
  let bias = 0;
  let gb = 1e-8;
  const rnd = mulberry32(o.seed);
  const order = [...idx];
  for (let ep = 0; ep < o.epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    for (const i of order) {
      const x = data[i]!;
      let z = bias;
      for (const b of x.grams) z += w[b]! * x.scale;
      const g = (1 / (1 + Math.exp(-z)) - x.y) * x.weight;
      for (const b of x.grams) {
        const gg = g * x.scale + o.lambda * w[b]!;
        g2[b]! += gg * gg;
        w[b]! -= (o.rate * gg) / Math.sqrt(g2[b]!);
      }
      gb += g * g;
      bias -= (o.rate * g) / Math.sqrt(gb);
    }
  }
  return { w, bias };
}

function logit(m: Weights, x: Featured): number {
  let z = m.bias;
  for (const b of x.grams) z += m.w[b]! * x.scale;
  return z;
}

/** The threshold from out-of-fold logits of the found rows (see LONG_VETO_MAX_LOSS). */
export function chooseLongVetoThreshold(found: ReadonlyArray<{ z: number; collection: boolean }>): number {
  const positives = found.filter((r) => r.collection).length;
  const cap = Math.floor(positives * LONG_VETO_MAX_LOSS);
  let best = -Infinity;
  for (let t = -6; t <= 2 + 1e-9; t += 0.25) {
    const lost = found.filter((r) => r.collection && r.z < t).length;
    if (lost <= cap) best = t;
    else break;
  }
  return best;
}

export function trainLongVeto(
  rows: readonly LongVetoRow[],
  options: Partial<typeof LONG_VETO_DEFAULTS> & { log?: (line: string) => void } = {},
): { model: LongVetoModel; bytes: Uint8Array } {
  const o = { ...LONG_VETO_DEFAULTS, ...options };
  const data = featurize(rows, o.bits);
  const oof: Array<{ z: number; collection: boolean }> = [];
  for (let f = 0; f < o.folds; f++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < data.length; i++) (i % o.folds === f ? test : train).push(i);
    const m = fit(data, train, o);
    for (const i of test) if (rows[i]!.found) oof.push({ z: logit(m, data[i]!), collection: rows[i]!.collection });
  }
  const threshold = chooseLongVetoThreshold(oof);
  const vetoed = oof.filter((r) => !r.collection && r.z < threshold).length;
  const lost = oof.filter((r) => r.collection && r.z < threshold).length;
  options.log?.(
    `long-text veto: ${rows.length} rows, ${oof.length} found; threshold ${threshold}: out of fold it vetoes ${vetoed} of ` +
      `${oof.filter((r) => !r.collection).length} ordinary and drops ${lost} of ${oof.filter((r) => r.collection).length} collection`,
  );
  const all = fit(
    data,
    data.map((_, i) => i),
    o,
  );
  let max = 0;
  for (const v of all.w) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? max / 127 : 1;
  const weights = new Int8Array(1 << o.bits);
  for (let i = 0; i < weights.length; i++) weights[i] = Math.round(all.w[i]! / scale);
  const model: LongVetoModel = { bits: o.bits, bias: all.bias, scale, threshold, weights };
  return { model, bytes: encodeLongVeto(model) };
}
