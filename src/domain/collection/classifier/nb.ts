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

/** Bigrams of the normalised text, each once (Han, latin and digits only; digits folded to 0). */
export function bigrams(norm: string): Set<string> {
  const out = new Set<string>();
  let prev = '';
  for (const ch of norm) {
    const c = /[0-9]/.test(ch) ? '0' : ch;
    if (!/[\u4e00-\u9fffa-z0]/.test(c)) {
      prev = '';
      continue;
    }
    if (prev !== '') out.add(prev + c);
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
