import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DecodeError, firstInvalidUtf8, incompleteTail, stableKey, StreamDecoder } from './stream.js';

function decodeAll(bytes: Buffer, cuts: number[], mode: 'utf8' | 'auto'): { text: string; encoding: string | null } {
  const d = new StreamDecoder({ mode });
  let text = '';
  let prev = 0;
  for (const c of [...new Set(cuts.map((x) => x % (bytes.length + 1)))].sort((a, b) => a - b)) {
    text += d.push(bytes.subarray(prev, c));
    prev = c;
  }
  text += d.push(bytes.subarray(prev)) + d.end();
  return { text, encoding: d.encoding };
}

const textArb = fc.string({ unit: fc.constantFrom('a', 'Z', ',', '\n', '你', '好', '催', '收', '😊', '𠀀', 'é', '　'), maxLength: 300 });

describe('StreamDecoder', () => {
  it('UTF-8, cut anywhere', () => {
    fc.assert(
      fc.property(textArb, fc.array(fc.nat(), { maxLength: 20 }), (s, cuts) => {
        expect(decodeAll(Buffer.from(s), cuts, 'utf8').text).toBe(s);
        expect(decodeAll(Buffer.from(s), cuts, 'auto').text).toBe(s);
      }),
    );
  });

  it('auto: GB18030, UTF-16 with and without BOM, cut anywhere', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', '\n', '你', '好', '😊', '𠀀', 'é'), minLength: 20, maxLength: 300, size: 'medium' }).map((x) => '催' + x), fc.array(fc.nat(), { maxLength: 20 }), (s, cuts) => {
        const gb = decodeAll(iconv.encode(s, 'gb18030'), cuts, 'auto');
        expect(gb.text).toBe(s);
        const le = decodeAll(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(s, 'utf-16le')]), cuts, 'auto');
        expect(le).toEqual({ text: s, encoding: 'utf-16le' });
        const be = decodeAll(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(s, 'utf-16be')]), cuts, 'auto');
        expect(be).toEqual({ text: s, encoding: 'utf-16be' });
      }),
    );
  });

  it('strips a UTF-8 BOM', () => {
    expect(decodeAll(Buffer.from('\uFEFFabc'), [1, 2], 'utf8').text).toBe('abc');
  });

  it('utf8 mode: invalid bytes raise DecodeError with the text before them', () => {
    const d = new StreamDecoder({ mode: 'utf8' });
    let err: unknown;
    try {
      d.push(Buffer.concat([Buffer.from('好'.repeat(300)), Buffer.from([0xff]), Buffer.from('x')]));
      d.end();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DecodeError);
    expect((err as DecodeError).valid).toBe('好'.repeat(300));
  });

  it('a file ending inside a character raises DecodeError', () => {
    const d = new StreamDecoder({ mode: 'utf8' });
    const b = Buffer.from('x'.repeat(600) + '好');
    expect(d.push(b.subarray(0, b.length - 1))).toBe('x'.repeat(600));
    expect(() => d.end()).toThrow(/truncated/);
  });

  it('firstInvalidUtf8 agrees with isUtf8', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (a) => {
        const b = Buffer.from(a);
        const i = firstInvalidUtf8(b);
        expect(i === -1).toBe(isUtf8(b));
        if (i >= 0) expect(isUtf8(b.subarray(0, i))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('incompleteTail', () => {
    const h = Buffer.from('好');
    expect(incompleteTail(h)).toBe(0);
    expect(incompleteTail(h.subarray(0, 2))).toBe(2);
    expect(incompleteTail(h.subarray(0, 1))).toBe(1);
    expect(incompleteTail(Buffer.from('😊').subarray(0, 3))).toBe(3);
    expect(incompleteTail(Buffer.from('ab'))).toBe(0);
  });
});

describe('stableKey', () => {
  it('is hex sha256 of the JSON array, order-sensitive', () => {
    expect(stableKey(['sms', '13800138000', 1, 1, 'x'])).toMatch(/^[0-9a-f]{64}$/);
    expect(stableKey(['a', 'b'])).toBe(stableKey(['a', 'b']));
    expect(stableKey(['a', 'b'])).not.toBe(stableKey(['b', 'a']));
    expect(stableKey(['a,b'])).not.toBe(stableKey(['a', 'b']));
  });
});
