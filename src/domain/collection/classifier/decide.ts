/**
 * How the rules' labels and the model's logits combine into the classifier's labels.
 *
 * One place for the product (model.ts `classify`) and for cross-validation (train-linear.ts `oofLabelBits`), so
 * the CV scores the decision the product makes. Until session 9 each had its own copy, and every change to the
 * decision had to be made twice.
 *
 * Bits are labels in LABELS order (bit 0 = collection, bit 1 = third_party).
 */
import { LABELS, type Recipient } from '../types.js';
import { NL } from './linear.js';

const COLLECTION = 1;
const THIRD_PARTY = 1 << LABELS.indexOf('third_party');

/** In context, the logit another label needs to make a message collection (0 = even odds). */
const CONTEXT_MIN_LOGIT = 0;

/** A message as the decision sees it, besides its logits. */
export interface DecisionInput {
  /** The rules' labels. */
  readonly ruleBits: number;
  /** A genuine court notice, a non-collector's turn or an identity check (classify.ts LAST_RUN.settled): the rules' labels stand. */
  readonly settled: boolean;
  /**
   * Code points of the normalised text (MIN_MODEL_CHARS, the short-text margin). Exact below 2 × SHORT_LABEL_CHARS code
   * units; above, it may be the length in code units, which is as far above both bars.
   */
  readonly chars: number;
  readonly to: Recipient;
  /** The labels the model may add on its own, given those it fired (speaker.ts modelMayAdd). Asked only when it fired one besides collection. */
  allowed(fire: number): number;
  /** The labels whose rules matched (classify.ts labelHitBits). Asked only when the model or the context makes the message collection. */
  ruleHitBits(): number;
}

/** The thresholds, the veto and the no-cue margin of a model. */
export interface DecisionParams {
  readonly thresholds: ArrayLike<number>;
  readonly veto: number;
  readonly noCueMargin: number;
  /** How much surer the model must be to add a label other than collection on its own to a text of fewer than shortChars. */
  readonly shortMargin: number;
  readonly shortChars: number;
}

/**
 * Session 15: on a short text the model may add a label other than collection only with a logit shortMargin above
 * its threshold. The thresholds are chosen over all training messages, and a short text's logits sit near the biases
 * (few grams, each scaled by 1/√count), four of which are above their thresholds: plain short demands got
 * threat_violence, insult or false_legal (blind-93, 95, 96: batches of 2–40 characters). The length features
 * (linear.ts LENGTH_GRAMS) moved those logits down but not far enough. Chosen by cross-validation on the training data
 * (`scripts/cv-classifier.ts --short-margins`; docs/classifier.md, session 15).
 */
export const SHORT_LABEL_MARGIN = 0.5;
export const SHORT_LABEL_CHARS = 25;

/** Code points of a string (a surrogate pair counts once). */
export function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/**
 * Normalised characters (code points) a message needs before the model alone may add a label other than collection
 * (classify). Session 10: 8 (was 6): terse demands (「今天还不还？」「第三次提醒：还款」) got threat_violence from the model
 * alone; with 8 every held-out set gained or held (real split 0.770 -> 0.780, blind-47/48 +0.001/+0.002 after their
 * first sight, which is when this was chosen).
 */
export const MIN_MODEL_CHARS = 8;

/** Set by each `decide`: the labels taken from the rules' hits (their words explain them; model.ts spans). */
export const LAST_DECISION = { fromHits: 0 };

const VIOLENCE = 1 << LABELS.indexOf('threat_violence');

/**
 * The rules gave collection and no threat of violence: the model may veto it (bank receipts, bill statements, and
 * news, legal advice or a borrower's own post that carry the rules' other label words as well as their debt words).
 * Until session 12 only a collection with no label but third_party was vetoable. Among the held-out messages to which
 * the rules gave collection and another label, 11 collection and 105 ordinary ones had a collection logit below the
 * veto (0.5). Five of the eleven were funeral things mailed to the debtor (「给你寄了点冥币」), which the rules read
 * as collection and a threat with no debt word (lexicon.ts viol.funeral_sent): a threat of violence, the label a
 * borrower loses most by missing, keeps the rules' collection. The training CV chose the same veto, 0.5.
 */
export function vetoable(ruleBits: number): boolean {
  return (ruleBits & COLLECTION) !== 0 && (ruleBits & VIOLENCE) === 0;
}

/**
 * Session 18 (r44): in a long text the model may veto the rules' collection with a threat of violence too, when it is
 * surer (LONG_VIOLENCE_VETO_MARGIN below the veto). A long quarrel, a gamers' post or a retold film gathers a 弄死 or a
 * 砍 and a debt word by chance (blind-122, long look-alikes). Over every labelled fixture, of the long texts (100 code
 * units or more) to which the rules gave collection and threat_violence, the model's collection logit was below
 * −0.5 for 8 ordinary messages and no collection one (329 texts); the mailed funeral things that made violence
 * unvetoable are short.
 */
export const LONG_VIOLENCE_VETO_CHARS = 100;
export const LONG_VIOLENCE_VETO_MARGIN = 1;

/** Whether a collection logit z0 (below the collection threshold) vetoes the rules' collection: for the decision and for the training's choice of the veto. */
export function vetoed(ruleBits: number, chars: number, z0: number, veto: number): boolean {
  if (vetoable(ruleBits)) return z0 < veto;
  return (ruleBits & COLLECTION) !== 0 && chars >= LONG_VIOLENCE_VETO_CHARS && z0 < veto - LONG_VIOLENCE_VETO_MARGIN;
}

/**
 * The classifier's labels from the rules and the logits `z`. `context`: the message comes from a collector's number
 * or a collection thread (the import; never `huxun classify` nor the CV).
 */
export function decide(z: ArrayLike<number>, p: DecisionParams, x: DecisionInput, context: boolean): number {
  LAST_DECISION.fromHits = 0;
  const ruleBits = x.ruleBits;
  if (x.settled) return ruleBits;
  const t = p.thresholds;
  // The model may veto the rules' collection when its collection logit is below the veto chosen by cross-validation
  // (vetoable): bank receipts, bill statements, scam scripts and reports about collection carry the rules' words. Not
  // with context: a collector's number is collection evidence the model never saw.
  if (!context && z[0]! < t[0]! && vetoed(ruleBits, x.chars, z[0]!, p.veto)) return 0;
  let fire = 0;
  for (let l = 0; l < NL; l++) if (z[l]! >= t[l]!) fire |= 1 << l;
  // When the rules gave no label (at most a weak cue: a threat word with no debt), the model alone must be surer
  // that a message is collection: everyday chat shares many grams (明天, 下午, 小心, 你) with collection.
  if ((fire & COLLECTION) !== 0 && ruleBits === 0 && !context && z[0]! < t[0]! + p.noCueMargin) fire &= ~COLLECTION;
  // A very short message ("还钱", "钱呢？") has too few grams for the model to tell a threat or an insult from a
  // plain demand: its few grams recur in every family of the training sets. Only the rules add those labels there
  // (a knife emoji, 老赖…); the model may still say it is collection.
  if (x.chars < MIN_MODEL_CHARS) fire &= COLLECTION;
  if (x.chars < p.shortChars && p.shortMargin > 0) {
    for (let l = 1; l < NL; l++) if ((fire & (1 << l)) !== 0 && (x.ruleBits & (1 << l)) === 0 && z[l]! < t[l]! + p.shortMargin) fire &= ~(1 << l);
  }
  // Labels the model may not add on its own (speaker.ts): third_party to the debtor; impersonation to a message that
  // does not speak as someone; threat_contacts to a report that contacts were already told.
  if ((fire & ~COLLECTION) !== 0) fire &= x.allowed(fire);
  let bits = fire | ruleBits;
  // The model found collection where the rules did not: the rules' label words count as they would have in a
  // collection message (「下次去就带着横幅」 has no debt word, so the rules dropped their threat_contacts).
  if ((fire & COLLECTION) !== 0 && (ruleBits & COLLECTION) === 0) {
    const h = x.ruleHitBits();
    bits |= h;
    LAST_DECISION.fromHits = h;
  }
  // Context makes a message collection when another label is sure on its own: a rule of that label matched, or the
  // model gives it at least even odds (the other labels' thresholds are chosen among collection messages, too
  // lenient to decide collection by themselves). The rules' label hits then count as what they are: 「打断腿」 from
  // a collector is collection *and* a threat of violence.
  if (context && (bits & COLLECTION) === 0) {
    const h = x.ruleHitBits();
    let sure = h !== 0;
    for (let l = 1; l < NL && !sure; l++) if (z[l]! >= Math.max(t[l]!, CONTEXT_MIN_LOGIT)) sure = true;
    if (sure) {
      bits |= COLLECTION | h;
      LAST_DECISION.fromHits = h;
    }
  }
  // Collection is the prerequisite of every other label.
  if ((bits & COLLECTION) === 0) return ruleBits;
  if (x.to === 'third_party') bits |= THIRD_PARTY;
  return bits;
}
