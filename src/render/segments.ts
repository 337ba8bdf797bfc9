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
