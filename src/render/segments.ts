/**
 * Splits text into runs that one font can draw (pdfkit has no glyph fallback).
 *
 * Per grapheme cluster: the first font, in order primary → fallbacks, that has a glyph for every visible code point
 * draws it. A cluster no font covers becomes a visible placeholder in the primary font, e.g. 〔U+1F600〕, so that
 * nothing is dropped silently. Default-ignorable code points (zero-width space/joiner, variation selectors, soft
 * hyphen, BOM…) have no glyph by design and are not drawn; control characters other than \n and \t get placeholders.
 */
import type { Coverage } from './fonts.js';

export interface FontRef {
  name: string;
  coverage: Coverage;
}

export interface Segment {
  text: string;
  font: string;
}

const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/** 〔U+1F600〕 / 〔U+1F468 U+1F469〕 for code points no font has. */
export function placeholderFor(cps: readonly number[]): string {
  return `〔${cps.map((cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`).join(' ')}〕`;
}

function isControl(cp: number): boolean {
  return (cp < 0x20 && cp !== 0x0a && cp !== 0x09) || (cp >= 0x7f && cp < 0xa0);
}

/** Appends, merging with the previous run when the font is the same (one pdfkit text call breaks lines best). */
function push(out: Segment[], text: string, font: string): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && last.font === font) last.text += text;
  else out.push({ text, font });
}

/** Runs of text with the font for each; `\r\n` and `\r` become `\n`. */
export function segmentText(input: string, primary: FontRef, fallbacks: readonly FontRef[]): Segment[] {
  const text = input.replace(/\r\n?/g, '\n');
  // Fast path: everything in the primary font.
  let simple = true;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x0a || cp === 0x09) continue;
    if (isControl(cp) || IGNORABLE.test(ch) || !primary.coverage.has(cp)) {
      simple = false;
      break;
    }
  }
  if (simple) return text ? [{ text, font: primary.name }] : [];

  const out: Segment[] = [];
  const fonts = [primary, ...fallbacks];
  for (const { segment } of graphemes.segment(text)) {
    const visible: number[] = [];
    for (const ch of segment) if (!IGNORABLE.test(ch)) visible.push(ch.codePointAt(0)!);
    if (visible.length === 0) continue; // only invisible format characters
    if (visible.length === 1 && (visible[0] === 0x0a || visible[0] === 0x09)) {
      push(out, String.fromCodePoint(visible[0]), out[out.length - 1]?.font ?? primary.name);
      continue;
    }
    const font = visible.some(isControl) ? undefined : fonts.find((f) => visible.every((cp) => f.coverage.has(cp)));
    if (font) push(out, String.fromCodePoint(...visible), font.name);
    else push(out, placeholderFor(visible), primary.name);
  }
  return out;
}

/** The text as it will be drawn (placeholders in, invisible characters out): for measuring. */
export function drawnText(segs: readonly Segment[]): string {
  return segs.map((s) => s.text).join('');
}

/** Soft hyphen: a break opportunity for pdfkit's line breaker, drawn as nothing (or as "-" at a line end). */
export const SOFT_HYPHEN = '\u00ad';

/** Code units after which (or before which) a line may break anyway: white space and CJK. */
function breaksAround(c: number): boolean {
  return (
    c === 0x0a ||
    (c >= 0x2e80 && c <= 0x9fff) || // CJK radicals, punctuation, kana, ideographs
    (c >= 0xac00 && c <= 0xd7af) || // Hangul
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff00 && c <= 0xffef) // full-width forms
  );
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000;
}

/**
 * Puts a soft hyphen into every run of more than `max` code units with no break opportunity (no CJK
 * character, no space followed by a non-space), so that pdfkit never has to break an over-long "word"
 * itself: it re-measures the rest of such a word once per line it fills, quadratic in the word's length (a
 * 20,000-letter run took 36 s, a million 10 minutes). A run this long was going to be broken at an arbitrary
 * character anyway. Segments in a font without a zero-width glyph for U+00AD (`canBreak` false) are left as
 * they are. Counting runs on across segments. Surrogate pairs are never split.
 */
export function breakLongRuns(segs: readonly Segment[], max: number, canBreak: (font: string) => boolean): Segment[] {
  let run = 0;
  let afterSpace = false;
  const out: Segment[] = [];
  for (const s of segs) {
    const t = s.text;
    const ok = canBreak(s.font);
    let parts: string[] | null = null;
    let from = 0;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (breaksAround(c)) {
        run = 0;
        afterSpace = false;
        continue;
      }
      if (isSpace(c)) afterSpace = true;
      else if (afterSpace) {
        run = 0; // a line may break before a word that follows white space
        afterSpace = false;
      }
      if (run >= max && ok && !(c >= 0xdc00 && c <= 0xdfff)) {
        // A break before this character, the run's (max + 1)th.
        (parts ??= []).push(t.slice(from, i));
        from = i;
        run = 0;
      }
      run++;
    }
    if (parts === null) out.push(s);
    else {
      parts.push(t.slice(from));
      out.push({ text: parts.join(SOFT_HYPHEN), font: s.font });
    }
  }
  return out;
}
