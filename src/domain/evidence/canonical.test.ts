import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalize, CanonicalizeError } from './canonical.js';

/**
 * A straightforward reference: JSON.stringify for scalars, keys sorted at every level. (Not Object.fromEntries:
 * JS objects list integer-like keys such as "0" first whatever the insertion order.)
 */
function reference(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(reference).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${reference(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

describe('canonicalize', () => {
  it('matches the RFC 8785 example', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    ) as unknown;
    expect(canonicalize(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units (RFC 8785 §3.2.3 example)', () => {
    const o = JSON.parse('{"\\u20ac":"Euro Sign","\\r":"Carriage Return","\\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\\ud83d\\ude00":"Emoji: Grinning Face","\\u0080":"Control","\\u00f6":"Latin Small Letter O With Diaeresis"}') as Record<string, string>;
    const keys = Object.keys(JSON.parse(canonicalize(o)) as object);
    // Object.keys puts the integer-like "1" first regardless; check the textual order instead.
    const text = canonicalize(o);
    const order = ['\\r', '1', '\u0080', 'ö', '€', '😀', '\ufb33'].map((k) => text.indexOf(`"${k}"`));
    expect(order.every((x, i) => x >= 0 && (i === 0 || x > order[i - 1]!))).toBe(true);
    expect(keys).toHaveLength(7);
  });

  it('writes numbers in shortest round-trip form, -0 as 0', () => {
    expect(canonicalize([0, -0, 1, -1, 1.5, 1e21, 1e-7, 123456789012345680000, 0.1 + 0.2, Number.MAX_SAFE_INTEGER])).toBe(
      '[0,0,1,-1,1.5,1e+21,1e-7,123456789012345680000,0.30000000000000004,9007199254740991]',
    );
  });

  it('keeps Chinese and emoji literal and escapes control characters', () => {
    expect(canonicalize({ t: '催收\u0001\t😀\u007f' })).toBe('{"t":"催收\\u0001\\t😀\u007f"}');
  });

  it('omits undefined members, rejects non-JSON', () => {
    expect(canonicalize({ a: 1, b: undefined })).toBe('{"a":1}');
    const bad: unknown[] = [NaN, Infinity, 1n, () => 1, Symbol('x'), new Date(0), new Map(), [undefined], '\ud800', { k: '\udc00x' }];
    for (const b of bad) expect(() => canonicalize(b), String(typeof b)).toThrow(CanonicalizeError);
    const cyc: Record<string, unknown> = {};
    cyc.self = cyc;
    expect(() => canonicalize(cyc)).toThrow(/cyclic/);
  });

  it('names the path of a bad value', () => {
    expect(() => canonicalize({ a: [{ b: NaN }] })).toThrow('a[0].b');
  });

  it('property: equals sorted JSON.stringify, and is a fixed point of parse ∘ canonicalize', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const c = canonicalize(v);
        expect(c).toBe(reference(v));
        expect(canonicalize(JSON.parse(c))).toBe(c);
      }),
      { numRuns: 500 },
    );
  });

  it('property: unicode strings round-trip', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (o) => {
        const c = canonicalize(o);
        expect(JSON.parse(c)).toEqual(o);
      }),
    );
  });
});
