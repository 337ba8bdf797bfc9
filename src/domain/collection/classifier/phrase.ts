/**
 * The text the linear model reads: the rules' normalised text with its phrase breaks put back (session 11).
 *
 * normalize.ts drops spaces between Han characters so that the rules read a split word whole (「狗 东 西」, 「通讯 录」).
 * But speech-to-text and casual typing use spaces as commas (「那个 最低还款是六百八 您今天先把这六百八还了」), and grams
 * read across such a break are words nobody wrote: polite spoken turns scored as insults or threats. So where only
 * spaces stood between two runs of two or more Han characters, the model reads a full-width comma; the rules still read
 * the joined text, and the model's spans are mapped back to it. Pure.
 */
import { isHan, type CoreNormalized } from './normalize.js';

export interface ModelText {
  /** What the model's grams are read from. */
  text: string;
  /** back[i] = index in the rules' normalised text of the model text's character i (a break: the next character); null = same text. */
  back: Int32Array | null;
}

/** What counts as a space: ASCII space, tab, no-break space, ideographic space. */
const SPACES = ' \t\u00a0\u3000';
/** Any space at all: most messages have none, and the model then reads the rules' text as it is. */
const ANY_SPACE = new RegExp(`[${SPACES}]`);

function spacesOnly(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!SPACES.includes(text[k]!)) return false;
  return true;
}

/** Han characters of `norm` adjacent in the original text and ending at i. */
function runBefore(norm: string, map: ArrayLike<number>, ends: ArrayLike<number>, i: number): number {
  if (!isHan(norm.charCodeAt(i))) return 0;
  let k = i;
  while (k > 0 && isHan(norm.charCodeAt(k - 1)) && ends[k - 1] === map[k]) k--;
  return i - k + 1;
}

/** Han characters of `norm` adjacent in the original text and starting at i. */
function runAfter(norm: string, map: ArrayLike<number>, ends: ArrayLike<number>, i: number): number {
  if (!isHan(norm.charCodeAt(i))) return 0;
  let k = i;
  while (k + 1 < norm.length && isHan(norm.charCodeAt(k + 1)) && ends[k] === map[k + 1]) k++;
  return k - i + 1;
}

/** `n` is `text` normalised (normalizeShared: map/ends may be longer than norm). */
export function modelText(text: string, n: CoreNormalized): ModelText {
  const { norm, map, ends } = n;
  if (map === null || ends === null || !ANY_SPACE.test(text)) return { text: norm, back: null };
  let breaks: number[] | null = null;
  for (let i = 0; i + 1 < norm.length; i++) {
    const gapFrom = ends[i]!;
    const gapTo = map[i + 1]!;
    if (gapTo <= gapFrom || !spacesOnly(text, gapFrom, gapTo)) continue;
    if (runBefore(norm, map, ends, i) >= 2 && runAfter(norm, map, ends, i + 1) >= 2) (breaks ??= []).push(i + 1);
  }
  if (breaks === null) return { text: norm, back: null };
  let out = '';
  const back = new Int32Array(norm.length + breaks.length);
  let from = 0;
  let o = 0;
  for (const b of breaks) {
    out += norm.slice(from, b) + '，';
    for (let k = from; k < b; k++) back[o++] = k;
    back[o++] = b;
    from = b;
  }
  out += norm.slice(from);
  for (let k = from; k < norm.length; k++) back[o++] = k;
  return { text: out, back };
}

/** A [start, end) range of the model text as a range of the rules' normalised text. */
export function backRange(m: ModelText, start: number, end: number): [number, number] {
  if (m.back === null) return [start, end];
  return [m.back[start]!, m.back[end - 1]! + 1];
}
