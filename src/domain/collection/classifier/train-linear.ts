/**
 * Training of the linear model (linear.ts), pure and deterministic: the same messages give the same
 * bytes. scripts/train.ts reads the training splits and writes linear-model.ts; the reproducibility test
 * trains twice.
 *
 * - features: linear.ts (grams of the normalised text, the rules' hits), computed once per message;
 * - learner: one-vs-rest logistic regression, all labels in one pass, AdaGrad SGD with L2 on the
 *   touched weights, a fixed number of epochs over a seeded shuffle;
 * - thresholds: K-fold cross-validation by group (a written family, a real source, else the message),
 *   so a threshold is chosen on families the fold's model never saw; per label, the lowest logit whose F1
 *   of the whole classifier (rules ∪ model, collection first as the prerequisite) is within
 *   RECALL_TOLERANCE of the best, with collection (chosen first, by best F1) kept ≥
 *   COLLECTION_MIN_PRECISION precise when possible;
 * - the shipped weights: the model trained on every message, gram weights quantised to int8 per label.
 */
import { LABELS, type Label, type Recipient } from '../types.js';
import { classifyWindow, labelHitBits, LAST_RUN, runRules } from './classify.js';
import { conceptFeaturesOn, D_CONCEPT, denseFeatures, DENSE, encodeModel, forEachGram, forEachLengthFeature, gramScale, gramWords, NL, sumRowsInto, type LinearModel } from './linear.js';
import { conceptMask, forEachConceptFeature } from './concepts.js';
import { mulberry32, shuffleInPlace } from '../../random.js';
import { NO_CUE_MARGIN } from './model.js';
import { modelMayAdd } from './speaker.js';
import { codePoints, decide, SHORT_LABEL_CHARS, SHORT_LABEL_MARGIN, vetoed } from './decide.js';
import { modelText } from './phrase.js';

export interface TrainMessage {
  id: string;
  text: string;
  to: Recipient;
  labels: readonly Label[];
  /** Cross-validation group (family, source); messages of one group stay in one fold. */
  group: string;
  /** Sample weight in training (default 1): corpora.ts weighs the real corpus up (see REAL_WEIGHT there). */
  weight?: number;
  /**
   * Whether the message counts when the thresholds and the veto are chosen (default true). corpora.ts leaves out a
   * register the held-out batches barely have (written-12's long texts): counted, its hard look-alikes moved the
   * collection threshold from 0.25 to 1.5 and collection recall fell on every short batch.
   */
  inThresholds?: boolean;
  /**
   * Weight of the message on the heads of the labels other than collection (default 1; an ordinary message's is
   * multiplied by ordinaryLabelWeight as well). corpora.ts sets it for a set written to teach collection against its
   * look-alikes (written-13), whose threats and insults would otherwise move the other heads too.
   */
  labelWeight?: number;
}

export interface TrainOptions {
  bits?: number;
  epochs?: number;
  folds?: number;
  seed?: number;
  lambda?: number;
  rate?: number;
  /** Weight of a positive example of the labels other than collection (1 = none). */
  posWeight?: number;
  /**
   * Weight of a real-corpus message (id `r:…`) when the thresholds are chosen (1 = counted like any other): the
   * real messages are a few percent of the training data, so the F1 curves are those of the written ones.
   */
  realThresholdWeight?: number;
  /** Whether the model may veto the rules' collection (chooseThresholds; false = never, as before session 5). */
  veto?: boolean;
  /**
   * Gradient weight of a message that is not collection on the other labels' heads (1 = a negative like any other).
   * Every other label needs collection (decide.ts), so those heads only ever decide among collection messages. At 1
   * they also learned to tell collection from ordinary text, and words of debt pushed every threat label up: a polite
   * 「您什么时候可以还款？」 got insult. 0.1 (session 12): the mean macro-F1 of the 28 whole held-out batches blind-35 to
   * blind-62 rose 0.9225 → 0.9250 (seed 11) and 0.9215 → 0.9242 (seed 12), the spoken check set 0.879 → 0.886 and
   * 0.869 → 0.887; 0 did no better than 0.1 (docs/classifier.md, session 12).
   */
  ordinaryLabelWeight?: number;
  /**
   * How many models, each trained with its own shuffle (seeds seed, seed + 1, …), are averaged into one (their weights,
   * so the file and the classifier's cost do not change). See DEFAULTS.
   */
  ensemble?: number;
  log?: (line: string) => void;
}

/**
 * ensemble (session 20): three shuffles averaged. One seed's model is one draw: with the same data and rules, seeds 11,
 * 12 and 13 gave a mean macro-F1 over the 113 whole or even-half held-out batches outside the long ones of 0.9416,
 * 0.9414 and 0.9417, and their average 0.9430 (the long batches' even halves 0.9508–0.9513 and 0.9509; the spoken
 * check set 0.911–0.913 and 0.916). Averaging the weights keeps the file and the classifier's cost as they were;
 * training does three times the work (90 s on the 2-core VM, after trainWeights' loop was tightened: 59 → 38 s a seed).
 */
export const DEFAULTS = { bits: 19, epochs: 10, folds: 5, seed: 11, lambda: 1e-6, rate: 0.2, posWeight: 1, realThresholdWeight: 1, veto: true, ordinaryLabelWeight: 0.1, ensemble: 3 } as const;
/**
 * The out-of-fold collection precision the collection threshold must reach (the best F1 among those that do).
 * Session 14: at 0.96 the threshold flipped between 0.25 and 0.5 from one retrain to the next (out-of-fold precision
 * 0.9601 and 0.9624 there). At 0.5 every fresh batch had higher collection precision for a little recall (blind-79 0.951
 * → 0.956, blind-81 0.977 → 0.989, blind-83 0.977 → 0.988, the real split 0.922 → 0.937; blind-84 recall 0.981 → 0.967)
 * and written-9 got 8 labels instead of 15. Out-of-fold precision overstates precision on look-alikes (the issue's
 * precision batches are 60 % look-alikes), so the bar is raised to 0.962.
 */
const COLLECTION_MIN_PRECISION = 0.962;
/**
 * Out-of-fold F1 a label's threshold may give up for recall (chooseThresholds; session 4). Session 5 round 2 measured
 * 0 (the best F1) by the training CV (`cv-classifier.ts --tol-list`): higher macro-F1 but lower threat_violence
 * recall, and the model trained with it failed a written-blind floor of heldout.test.ts: kept at 0.01.
 */
const RECALL_TOLERANCE = 0.01;
/**
 * Labels with a tolerance of their own. threat_violence may give up more: the label whose recall missed the issue's
 * 0.80 most often at first sight (five of the six misses in sessions 9–10: blind-42, 43, 47, 48, 49), and the finding a
 * borrower's complaint loses most by missing. 0.02 moves its threshold one grid step (−1.75 → −2); on the held-out
 * batches its recall rose 0.011–0.017 for 0.001 of macro-F1 or less (docs/classifier.md, session 10).
 *
 * threat_contacts gives up less (session 22): its out-of-fold F1 is flat between −2 and −1.75, and with 0.01 the choice
 * sat on the edge: r49's rules, which changed no old held-out label, tipped it to −2, and the model then added
 * threat_contacts to 85 messages of the 119 older held-out batches wrongly against 40 rightly (「今天是最后一次电话提醒你
 * 了，还不还你自己看着办」). With 0.005 both session 21's and r49's out-of-fold logits choose −1.75 (−1.5 at 0.0025; −2 from
 * 0.01 or 0.015): still a narrow plateau. Chosen on those batches, which were already seen; the sealed blind-149 and
 * blind-151 are its evidence.
 *
 * insult takes a little more (session 23): r55's insult words (老不死, 是个什么东西, not 你妈的电话) tipped its flat curve
 * from −1.5 to −1.25 at 0.01, and blind-140's insult recall fell 0.87 → 0.76 under the 0.80 target; at −1.5 the older
 * held-out batches' mean is level (0.9445 → 0.9444, long evens 0.9512 → 0.9518). −1.5 holds from 0.0101 to 0.0139 with
 * r55's out-of-fold logits; 0.0125 is the middle. Chosen on already-seen batches.
 */
const RECALL_TOLERANCE_BY_LABEL: Partial<Record<Label, number>> = {
  threat_violence: 0.02,
  threat_contacts: 0.005,
  insult: 0.0125,
};

export interface Featured {
  grams: Int32Array;
  inv: number;
  dense: Int32Array;
  y: number;
  ruleBits: number;
  to: Recipient;
  /** Sample weight (TrainMessage.weight). */
  w: number;
  /** LAST_RUN.settled (a genuine court notice, a non-collector's turn, an identity check): classify returns the rules' result as it is. */
  settled: boolean;
  /** Code points of the normalised text (decide.ts: MIN_MODEL_CHARS, the short-text margin). */
  chars: number;
  /** The labels the model may add on its own (speaker.ts modelMayAdd), as bits. */
  mayAdd: number;
  /** The labels whose rules matched (classify.ts labelHitBits): kept when the model alone finds collection. */
  hitBits: number;
  /** TrainMessage.labelWeight. */
  lw: number;
}

/** Labels → bits (LABELS order); also for the long-text veto's rows (scripts/train.ts). */
export function labelBits(labels: readonly Label[]): number {
  let b = 0;
  for (const l of labels) b |= 1 << LABELS.indexOf(l);
  return b;
}

export function featurize(msgs: readonly TrainMessage[], bits: number): Featured[] {
  const scratch = new Int32Array(DENSE);
  return msgs.map((m) => {
    const window = classifyWindow(m.text);
    const rules = runRules(window, m.to);
    const norm = LAST_RUN.n.norm;
    // The model reads the text with its phrase breaks (phrase.ts), as classify does.
    const read = modelText(window, LAST_RUN.n).text;
    let nd = denseFeatures(LAST_RUN.hits, LAST_RUN.labelHits, rules.labels, m.to, LAST_RUN.court, scratch);
    const settled = LAST_RUN.settled;
    // The concept groups, as scoreInto finds them in its pass over the grams (never for a court notice: the model does
    // not score those). A settled turn (a borrower's, an identity check) is not scored either, but its grams are still
    // learned from: they teach the model what the untagged turns like it look like (without them, session 13's
    // spoken batches lost collection precision).
    const court = LAST_RUN.court;
    if (!court && conceptFeaturesOn()) forEachConceptFeature(conceptMask(read), (f) => (scratch[nd++] = D_CONCEPT + f));
    const grams: number[] = [];
    if (!court) forEachGram(read, bits, (b) => grams.push(b));
    if (!court) forEachLengthFeature(grams.length, (f) => (scratch[nd++] = f));
    return {
      grams: Int32Array.from(grams),
      inv: gramScale(grams.length),
      dense: scratch.slice(0, nd),
      y: labelBits(m.labels),
      ruleBits: labelBits(rules.labels),
      to: m.to,
      w: m.weight ?? 1,
      settled,
      chars: codePoints(norm),
      mayAdd: modelMayAdd(m.to, norm, ~0, LAST_RUN.told),
      hitBits: labelHitBits(),
      lw: m.labelWeight ?? 1,
    };
  });
}

interface Weights {
  g: Float64Array;
  d: Float64Array;
  b: Float64Array;
}

function trainWeights(data: readonly Featured[], idx: readonly number[], o: Required<Omit<TrainOptions, 'log'>>): Weights {
  const g = new Float64Array(NL << o.bits);
  const gg = new Float64Array(NL << o.bits);
  const d = new Float64Array(DENSE * NL);
  const dg = new Float64Array(DENSE * NL);
  const b = new Float64Array(NL);
  const bg = new Float64Array(NL);
  const r = mulberry32(o.seed);
  // A message of weight w is seen round(w) times an epoch (at least once), each time with its gradient scaled by
  // w / round(w). Repetition, not scaling alone: AdaGrad divides every step by the gradients seen so far, so a
  // scaled gradient on a gram only that message has would move its weight no further.
  const order: number[] = [];
  const scale = new Float64Array(data.length).fill(1);
  for (const k of idx) {
    const w = data[k]!.w;
    const reps = Math.max(1, Math.round(w));
    scale[k] = w / reps;
    for (let j = 0; j < reps; j++) order.push(k);
  }
  const z = new Float64Array(NL);
  const grad = new Float64Array(NL);
  const eps = 1e-8;
  // The hot loop reads its options from locals, and forward sums the eight logits in locals (the same additions in the
  // same order as a typed array, so the same bits): three trainings a model (ensemble) made this the CI's longest test.
  const rate = o.rate;
  const lambda = o.lambda;
  const posWeight = o.posWeight;
  const ordinaryWeight = o.ordinaryLabelWeight;
  for (let ep = 0; ep < o.epochs; ep++) {
    shuffleInPlace(order, r);
    for (let oi = 0; oi < order.length; oi++) {
      const k = order[oi]!;
      const x = data[k]!;
      const grams = x.grams;
      const dense = x.dense;
      const inv = x.inv;
      forward(g, d, b, x, z);
      const sk = scale[k]!;
      const other = ((x.y & 1) === 0 ? ordinaryWeight : 1) * x.lw;
      grad[0] = (1 / (1 + Math.exp(-z[0]!)) - (x.y & 1)) * sk;
      for (let l = 1; l < NL; l++) grad[l] = gradOf(z[l]!, (x.y >> l) & 1, sk, posWeight, other);
      for (let l = 0; l < NL; l++) {
        const gr = grad[l]!;
        bg[l]! += gr * gr;
        b[l]! -= (rate * gr) / Math.sqrt(bg[l]! + eps);
      }
      const gi0 = grad[0]! * inv, gi1 = grad[1]! * inv, gi2 = grad[2]! * inv, gi3 = grad[3]! * inv;
      const gi4 = grad[4]! * inv, gi5 = grad[5]! * inv, gi6 = grad[6]! * inv, gi7 = grad[7]! * inv;
      for (let j = 0; j < grams.length; j++) {
        const base = grams[j]! * NL;
        adagradStep(g, gg, base, gi0, lambda, rate, eps);
        adagradStep(g, gg, base + 1, gi1, lambda, rate, eps);
        adagradStep(g, gg, base + 2, gi2, lambda, rate, eps);
        adagradStep(g, gg, base + 3, gi3, lambda, rate, eps);
        adagradStep(g, gg, base + 4, gi4, lambda, rate, eps);
        adagradStep(g, gg, base + 5, gi5, lambda, rate, eps);
        adagradStep(g, gg, base + 6, gi6, lambda, rate, eps);
        adagradStep(g, gg, base + 7, gi7, lambda, rate, eps);
      }
      for (let j = 0; j < dense.length; j++) {
        const base = dense[j]! * NL;
        for (let l = 0; l < NL; l++) adagradStep(d, dg, base + l, grad[l]!, lambda, rate, eps);
      }
    }
  }
  return { g, d, b };
}

/** One AdaGrad step of weight i (a gram's or a dense feature's), whose loss gradient (without L2) is gi. */
function adagradStep(g: Float64Array, gg: Float64Array, i: number, gi: number, lambda: number, rate: number, eps: number): void {
  const w = g[i]!;
  const gr = gi + lambda * w;
  gg[i]! += gr * gr;
  g[i] = w - (rate * gr) / Math.sqrt(gg[i]! + eps);
}

/** A label head's gradient (l > 0): the same product, in the same order, as trainWeights wrote it inline. */
function gradOf(z: number, y: number, sk: number, posWeight: number, other: number): number {
  return (1 / (1 + Math.exp(-z)) - y) * sk * (y === 1 ? posWeight : 1) * other;
}

/** trainWeights with o.ensemble seeds, the weights averaged (one seed: trainWeights itself). */
function trainAveraged(data: readonly Featured[], idx: readonly number[], o: Required<Omit<TrainOptions, 'log'>>): Weights {
  if (o.ensemble <= 1) return trainWeights(data, idx, o);
  let sum: Weights | null = null;
  for (let s = 0; s < o.ensemble; s++) {
    const w = trainWeights(data, idx, { ...o, seed: o.seed + s });
    if (sum === null) sum = w;
    else for (const k of ['g', 'd', 'b'] as const) for (let i = 0; i < w[k].length; i++) sum[k][i]! += w[k][i]!;
  }
  for (const k of ['g', 'd', 'b'] as const) for (let i = 0; i < sum![k].length; i++) sum![k][i]! /= o.ensemble;
  return sum!;
}

/**
 * The logits of a featured message under weights g, d, b, into `out`: the bias, the grams × inv, then the dense rows
 * (linear.ts sumRowsInto, the classifier's own sum), each label's terms added in that order. Training's forward pass
 * and the out-of-fold scores both read it.
 */
function forward(g: Float64Array, d: Float64Array, b: Float64Array, x: Featured, out: Float64Array): void {
  const grams = x.grams;
  const inv = x.inv;
  let z0 = b[0]!, z1 = b[1]!, z2 = b[2]!, z3 = b[3]!, z4 = b[4]!, z5 = b[5]!, z6 = b[6]!, z7 = b[7]!;
  for (let j = 0; j < grams.length; j++) {
    const base = grams[j]! * NL;
    z0 += g[base]! * inv;
    z1 += g[base + 1]! * inv;
    z2 += g[base + 2]! * inv;
    z3 += g[base + 3]! * inv;
    z4 += g[base + 4]! * inv;
    z5 += g[base + 5]! * inv;
    z6 += g[base + 6]! * inv;
    z7 += g[base + 7]! * inv;
  }
  out[0] = z0;
  out[1] = z1;
  out[2] = z2;
  out[3] = z3;
  out[4] = z4;
  out[5] = z5;
  out[6] = z6;
  out[7] = z7;
  sumRowsInto(d, x.dense, x.dense.length, out, out);
}

function logits(w: Weights, x: Featured, out: Float64Array): void {
  forward(w.g, w.d, w.b, x, out);
}

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const GRID: number[] = [];
for (let t = -3; t <= 6.0001; t += 0.25) GRID.push(Math.round(t * 100) / 100);

function f1(tp: number, fp: number, fn: number): number {
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/**
 * Per-label thresholds from out-of-fold logits: the whole classifier's decision (rules ∪ model;
 * collection as the prerequisite; a third-party recipient of a collection message is third_party).
 */
export function chooseThresholds(
  data: readonly Featured[],
  oof: readonly Float64Array[],
  weights?: ArrayLike<number>,
  useVeto = true,
  /** One F1 tolerance for every label (cv-classifier.ts --tol-list); by default each label's own. */
  tolerance?: number,
): { thresholds: Float64Array; veto: number } {
  const wt = (i: number): number => (weights === undefined ? 1 : weights[i]!);
  const th = new Float64Array(NL);
  // collection first.
  let best = { t: GRID[GRID.length - 1]!, f: -1, ok: false };
  for (const t of GRID) {
    let tp = 0, fp = 0, fn = 0;
    for (let i = 0; i < data.length; i++) {
      const p = (data[i]!.ruleBits & 1) !== 0 || oof[i]![0]! >= t;
      const y = (data[i]!.y & 1) !== 0;
      if (p && y) tp += wt(i);
      else if (p) fp += wt(i);
      else if (y) fn += wt(i);
    }
    const prec = tp + fp === 0 ? 1 : tp / (tp + fp);
    const ok = prec >= COLLECTION_MIN_PRECISION;
    const f = f1(tp, fp, fn);
    if ((ok && !best.ok) || (ok === best.ok && f > best.f)) best = { t, f, ok };
  }
  th[0] = best.t;
  // Then the veto of the rules' collection (vetoed): the one with the best collection F1, none unless one is better.
  let veto = -Infinity;
  if (useVeto) {
    let bestF = -1;
    for (const v of VETO_GRID) {
      let tp = 0, fp = 0, fn = 0;
      for (let i = 0; i < data.length; i++) {
        const p = collectionOf(data[i]!, oof[i]!, th[0]!, v);
        const y = (data[i]!.y & 1) !== 0;
        if (p && y) tp += wt(i);
        else if (p) fp += wt(i);
        else if (y) fn += wt(i);
      }
      const f = f1(tp, fp, fn);
      if (f > bestF + 1e-9) {
        bestF = f;
        veto = v;
      }
    }
  }
  const col = data.map((x, i) => collectionOf(x, oof[i]!, th[0]!, veto));
  for (let l = 1; l < NL; l++) {
    const f1s: number[] = [];
    for (const t of GRID) {
      let tp = 0, fp = 0, fn = 0;
      for (let i = 0; i < data.length; i++) {
        const x = data[i]!;
        // Not x.mayAdd: the thresholds are chosen on the model's own evidence and the gates (speaker.ts) only take
        // labels away. Chosen with the gates, impersonation's F1 was flat down to the grid's floor (−3) and the
        // threshold went there: blind-15 got 6 false impersonations instead of 1 (session 7).
        const p = col[i]! && ((x.ruleBits >> l) & 1 || oof[i]![l]! >= t || (l === 1 && x.to === 'third_party'));
        const y = ((x.y >> l) & 1) !== 0;
        if (p && y) tp += wt(i);
        else if (p) fp += wt(i);
        else if (y) fn += wt(i);
      }
      f1s.push(f1(tp, fp, fn));
    }
    // The lowest threshold whose F1 is within the tolerance of the best (RECALL_TOLERANCE: 0 = the best F1; a
    // larger one takes the most recall among near-equal F1s, for the issue's recall target).
    const best = Math.max(...f1s);
    const tol = tolerance ?? RECALL_TOLERANCE_BY_LABEL[LABELS[l]!] ?? RECALL_TOLERANCE;
    th[l] = GRID[f1s.findIndex((f) => f >= best - tol)]!;
  }
  return { thresholds: th, veto };
}

const VETO_GRID = [-Infinity, -8, -7, -6, -5, -4.5, -4, -3.5, -3, -2.5, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2];

/** The whole classifier's collection decision: rules (unless vetoed) or the model's logit. */
function collectionOf(x: Featured, z: Float64Array, t: number, veto: number): boolean {
  if (z[0]! >= t) return true;
  return (x.ruleBits & 1) !== 0 && !vetoed(x.ruleBits, x.chars, z[0]!, veto);
}

function quantise(w: Weights, thresholds: Float64Array, veto: number, bits: number): LinearModel {
  const scales = new Float64Array(NL);
  for (let l = 0; l < NL; l++) {
    let max = 0;
    for (let i = l; i < w.g.length; i += NL) max = Math.max(max, Math.abs(w.g[i]!));
    scales[l] = max > 0 ? max / 127 : 1;
  }
  const grams = new Int8Array(w.g.length);
  for (let i = 0; i < w.g.length; i++) grams[i] = Math.round(w.g[i]! / scales[i % NL]!);
  return { bits, thresholds, veto, bias: w.b, scales, dense: w.d, grams, words: gramWords(grams) };
}

/**
 * K-fold cross-validation by group: out-of-fold logits of every message and the thresholds chosen on them.
 * Used by trainLinear, and alone to compare options on the training data (never on a held-out set).
 */
export function crossValidate(
  msgs: readonly TrainMessage[],
  options: TrainOptions = {},
): { data: Featured[]; oof: Float64Array[]; thresholds: Float64Array; veto: number; fold: number[]; thresholdWeights: Float64Array } {
  const o = { ...DEFAULTS, ...options };
  const log = options.log ?? (() => {});
  const data = featurize(msgs, o.bits);
  log(`features: ${msgs.length} messages, 2^${o.bits} gram buckets, ${DENSE} rule features`);
  const fold = msgs.map((m) => fnv(`${o.seed}:${m.group}`) % o.folds);
  const oof: Float64Array[] = msgs.map(() => new Float64Array(NL));
  for (let f = 0; f < o.folds; f++) {
    const tr: number[] = [];
    const te: number[] = [];
    fold.forEach((k, i) => (k === f ? te : tr).push(i));
    const w = trainAveraged(data, tr, o);
    for (const i of te) logits(w, data[i]!, oof[i]!);
    log(`fold ${f + 1}/${o.folds}: trained on ${tr.length}, scored ${te.length}`);
  }
  const thresholdWeights = Float64Array.from(msgs, (m) => (m.inThresholds === false ? 0 : m.id.startsWith('r:') ? o.realThresholdWeight : 1));
  const uniform = thresholdWeights.every((w) => w === 1);
  const { thresholds, veto } = chooseThresholds(data, oof, uniform ? undefined : thresholdWeights, o.veto);
  log(`thresholds: ${LABELS.map((l, i) => `${l} ${thresholds[i]}`).join(', ')}; veto ${veto}`);
  return { data, oof, thresholds, veto, fold, thresholdWeights };
}

/** Trains the model on `msgs` and returns it with its file bytes. */
export function trainLinear(msgs: readonly TrainMessage[], options: TrainOptions = {}): { model: LinearModel; bytes: Uint8Array; oof: Float64Array[] } {
  const o = { ...DEFAULTS, ...options };
  const { data, oof, thresholds, veto } = crossValidate(msgs, options);
  const all = msgs.map((_, i) => i);
  const model = quantise(trainAveraged(data, all, o), thresholds, veto, o.bits);
  return { model, bytes: encodeModel(model), oof };
}

/**
 * The whole classifier's labels (as bits) for each message from out-of-fold logits, by the product's own decision
 * (decide.ts, context-free). For comparing options by cross-validation on the training data.
 */
export function oofLabelBits(
  data: readonly Featured[],
  oof: readonly Float64Array[],
  thresholds: Float64Array,
  veto = -Infinity,
  noCueMargin = NO_CUE_MARGIN,
  shortMargin = SHORT_LABEL_MARGIN,
  shortChars = SHORT_LABEL_CHARS,
): number[] {
  const p = { thresholds, veto, noCueMargin, shortMargin, shortChars };
  return data.map((x, i) =>
    decide(oof[i]!, p, { ruleBits: x.ruleBits, settled: x.settled, chars: x.chars, to: x.to, allowed: () => x.mayAdd, ruleHitBits: () => x.hitBits }, false),
  );
}

/** Label bits → labels. */
export function labelsOf(bits: number): Label[] {
  return LABELS.filter((_, l) => ((bits >> l) & 1) !== 0);
}
