/**
 * The hash of the linear model's character grams, in one place: the model's buckets (linear.ts) are the top bits of
 * a gram's key, and the concept words (concepts.ts) are looked up by the same key, so the two can never disagree on
 * what a gram is. A gram is 1–MAX_GRAM UTF-16 code units of the normalised text, digits folded to '0', hashed with
 * FNV-1a over its code units and then mixed with its length.
 */
export const MAX_GRAM = 4;
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** Folds a code unit for the grams: digits → '0'. */
export function fold(c: number): number {
  return c >= 0x30 && c <= 0x39 ? 0x30 : c;
}

/** The full 32-bit key of the gram of length k whose running FNV hash is h (a bucket is its top bits). linear.ts scoreInto inlines it. */
export function gramKey(h: number, k: number): number {
  return Math.imul(h ^ (h >>> 15) ^ k, 0x9e3779b1) >>> 0;
}

/** The key of a whole string read as one gram (a concept word); the string is at most MAX_GRAM code units. */
export function wordKey(w: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ fold(w.charCodeAt(i)), FNV_PRIME);
  return gramKey(h, w.length);
}

/** Every gram of a normalised text, repeats included, by start and then length: visit(key, start, end). */
export function forEachGramKey(norm: string, visit: (key: number, start: number, end: number) => void): void {
  const n = norm.length;
  for (let i = 0; i < n; i++) {
    let h = FNV_OFFSET;
    const max = n - i < MAX_GRAM ? n - i : MAX_GRAM;
    for (let k = 1; k <= max; k++) {
      h = Math.imul(h ^ fold(norm.charCodeAt(i + k - 1)), FNV_PRIME);
      visit(gramKey(h, k), i, i + k);
    }
  }
}
