import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restoreSurrogateRefs, SurrogateRefFilter } from './surrogates.js';

const refs = (s: string) =>
  [...s].map((ch) => (ch.codePointAt(0)! > 0xffff ? `&#${ch.charCodeAt(0)};&#${ch.charCodeAt(1)};` : ch)).join('');

function viaChunks(s: string, cuts: number[]): { out: string; replaced: number } {
  const f = new SurrogateRefFilter();
  let out = '';
  let prev = 0;
  for (const c of [...new Set(cuts)].sort((a, b) => a - b)) {
    out += f.push(s.slice(prev, c));
    prev = c;
  }
  out += f.push(s.slice(prev)) + f.end();
  return { out, replaced: f.replaced };
}

describe('SurrogateRefFilter', () => {
  it('restores decimal and hex pairs', () => {
    expect(restoreSurrogateRefs('a&#55357;&#56842;b')).toBe('a😊b');
    expect(restoreSurrogateRefs('a&#xD83D;&#xDE0A;b')).toBe('a😊b');
    expect(restoreSurrogateRefs('&#xd83d;&#xde0a;')).toBe('😊');
    expect(restoreSurrogateRefs('&#55357;&#56842;&#55357;&#56397;')).toBe('😊👍');
  });

  it('leaves other references and entities alone', () => {
    const s = '&#10;&amp;&lt;&#20320;&#x4F60;&#55000;&#57344;&amp;#55357;';
    expect(restoreSurrogateRefs(s)).toBe(s);
  });

  it('replaces lone halves with U+FFFD and counts them', () => {
    const f = new SurrogateRefFilter();
    const out = f.push('x&#55357;y&#56842;z&#55357;&#55357;&#56842;') + f.end();
    expect(out).toBe('x\uFFFDy\uFFFDz\uFFFD😊');
    expect(f.replaced).toBe(3);
  });

  it('gives the same result for every single cut point', () => {
    const s = 'ab&#55357;&#56842;&#55357;&#56842;c&amp;d&#55357;&#56397;&#xD83D;&#xDE0A;&#55357;';
    const whole = restoreSurrogateRefs(s);
    expect(whole).toBe('ab😊😊c&amp;d👍😊\uFFFD');
    for (let i = 0; i <= s.length; i++) {
      expect(viaChunks(s, [i]).out).toBe(whole);
    }
  });

  it('survives one-character chunks', () => {
    const s = refs('你好😊世界👍🏽 &amp; 🇨🇳'.repeat(5));
    const cuts = Array.from({ length: s.length }, (_, i) => i);
    expect(viaChunks(s, cuts).out).toBe('你好😊世界👍🏽 &amp; 🇨🇳'.repeat(5));
  });

  it('property: any text with astral characters, cut anywhere, comes back unchanged', () => {
    const unit = fc.constantFrom('a', '&amp;', '&#10;', '中', '😊', '👍', '🇨🇳', '#', ';', '5', '𠀀');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), fc.array(fc.nat(400), { maxLength: 12 }), (parts, cuts) => {
        const original = parts.join('');
        const s = refs(original);
        const { out, replaced } = viaChunks(s, cuts.map((c) => c % (s.length + 1)));
        expect(out).toBe(original);
        expect(replaced).toBe(0);
      }),
      { numRuns: 500 },
    );
  });
});
