/**
 * Character-bigram naive Bayes for the `collection` decision (binarised multinomial NB over the
 * NORMALISED text). It never labels on its own: classify.ts consults it only when the rules found
 * some cue but not enough to call the message collection, and the spans still come from the rules.
 * The weights are trained at build time by scripts/train-classifier-nb.ts (see nb-model.ts).
 */
export interface NbModel {
  /** log P(collection) - log P(ordinary). */
  prior: number;
  /** Per bigram: log P(bigram | collection) - log P(bigram | ordinary). Unknown bigrams weigh 0. */
  weights: ReadonlyMap<string, number>;
}

/** Folds a code unit to its bigram symbol: digits → '0', Han/latin/0 kept, anything else -1 (a break). */
function symbol(c: number): number {
  if (c >= 0x30 && c <= 0x39) return 0x30;
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x61 && c <= 0x7a)) return c;
  return -1;
}

/** Bigrams of the normalised text, each once (Han, latin and digits only; digits folded to 0). */
export function bigrams(norm: string): Set<string> {
  const out = new Set<string>();
  let prev = -1;
  for (let i = 0; i < norm.length; i++) {
    const c = symbol(norm.charCodeAt(i));
    if (c >= 0 && prev >= 0) out.add(String.fromCharCode(prev, c));
    prev = c;
  }
  return out;
}

/** Log-odds that the message is collection. */
export function nbLogOdds(model: NbModel, norm: string): number {
  let s = model.prior;
  for (const b of bigrams(norm)) s += model.weights.get(b) ?? 0;
  return s;
}

/** Builds a model from packed "bigram weight" pairs (the generated module's format). */
export function unpackModel(prior: number, packed: string): NbModel {
  const weights = new Map<string, number>();
  for (const entry of packed.split(';')) {
    if (entry.length < 3) continue;
    weights.set(entry.slice(0, 2), Number(entry.slice(2)));
  }
  return { prior, weights };
}
