import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Coverage } from './fonts.js';
import { breakLongRuns, placeholderFor, segmentText, SOFT_HYPHEN, type FontRef } from './segments.js';

function font(name: string, chars: string): FontRef {
  const coverage = new Coverage();
  for (const ch of chars) coverage.add(ch.codePointAt(0)!);
  return { name, coverage };
}

const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
const primary = font('main', ASCII + '催收通讯录〔〕，。');
const symbols = font('sym', '😀✓');

describe('segmentText', () => {
  it('keeps text in one run when the primary font has everything', () => {
    expect(segmentText('催收 abc\n通讯录', primary, [symbols])).toEqual([{ text: '催收 abc\n通讯录', font: 'main' }]);
    expect(segmentText('', primary, [])).toEqual([]);
  });

  it('switches to the first fallback that covers a cluster, else writes a placeholder', () => {
    expect(segmentText('催😀收✓𠮷', primary, [symbols])).toEqual([
      { text: '催', font: 'main' },
      { text: '😀', font: 'sym' },
      { text: '收', font: 'main' },
      { text: '✓', font: 'sym' },
      { text: '〔U+20BB7〕', font: 'main' },
    ]);
  });

  it('drops invisible format characters, keeps \\n, and shows control characters', () => {
    expect(segmentText('催\u200b收\r\n录\u0007', primary, [])).toEqual([{ text: '催收\n录〔U+0007〕', font: 'main' }]);
    expect(segmentText('✓\uFE0F', primary, [symbols])).toEqual([{ text: '✓', font: 'sym' }]);
    expect(placeholderFor([0x1f468, 0x1f469])).toBe('〔U+1F468 U+1F469〕');
  });

  it('property: every visible character is drawn by a font that has it, or named in a placeholder', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const segs = segmentText(s, primary, [symbols]);
        const fonts = new Map([primary, symbols].map((f) => [f.name, f]));
        let drawn = '';
        for (const seg of segs) {
          const f = fonts.get(seg.font)!;
          for (const ch of seg.text) if (ch !== '\n' && ch !== '\t') expect(f.coverage.has(ch.codePointAt(0)!)).toBe(true);
          drawn += seg.text;
        }
        for (const ch of s.replace(/\r\n?/g, '\n')) {
          if (/\p{Default_Ignorable_Code_Point}/u.test(ch)) continue;
          const cp = ch.codePointAt(0)!;
          const named = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
          expect(drawn.includes(ch) || drawn.includes(named)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('breakLongRuns', () => {
  const all = () => true;
  it('leaves ordinary text alone', () => {
    const segs = [{ text: 'a'.repeat(199) + ' ' + 'word '.repeat(100) + '催收'.repeat(500), font: 'main' }];
    expect(breakLongRuns(segs, 200, all)).toEqual(segs);
  });
  it('puts a soft hyphen into every 200 characters of an unbroken run, counting across segments', () => {
    const out = breakLongRuns([{ text: 'a'.repeat(150), font: 'main' }, { text: '1'.repeat(450), font: 'sym' }], 200, all);
    expect(out.map((s) => s.text.split(SOFT_HYPHEN).map((p) => p.length))).toEqual([[150], [50, 200, 200]]);
    expect(breakLongRuns([{ text: ' '.repeat(401), font: 'main' }], 200, all)[0]!.text.split(SOFT_HYPHEN).length).toBe(3);
  });
  it('restarts after a space or a CJK character, never splits a surrogate pair, and skips fonts without the glyph', () => {
    expect(breakLongRuns([{ text: 'a'.repeat(150) + ' ' + 'a'.repeat(150), font: 'main' }], 200, all)[0]!.text).not.toContain(SOFT_HYPHEN);
    expect(breakLongRuns([{ text: 'a'.repeat(150) + '还' + 'a'.repeat(150), font: 'main' }], 200, all)[0]!.text).not.toContain(SOFT_HYPHEN);
    const emoji = breakLongRuns([{ text: 'x' + '😀'.repeat(300), font: 'main' }], 200, all)[0]!.text;
    for (const p of emoji.split(SOFT_HYPHEN)) expect(p.isWellFormed()).toBe(true);
    expect(breakLongRuns([{ text: 'a'.repeat(1000), font: 'main' }], 200, () => false)[0]!.text).toBe('a'.repeat(1000));
  });
});
