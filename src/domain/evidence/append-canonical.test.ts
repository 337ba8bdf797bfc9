import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalize } from './canonical.js';
import { appendCanonical, appendRecord, verifyChain } from './chain.js';

describe('appendCanonical', () => {
  it('gives exactly the record appendRecord gives, so the chain verifies', () => {
    const payload = fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 })), { maxKeys: 6 });
    fc.assert(
      fc.property(fc.array(payload, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 2 ** 41 }), (payloads, t) => {
        let a: ReturnType<typeof appendRecord> | null = null;
        let b: ReturnType<typeof appendCanonical> | null = null;
        const recs = [];
        for (const p of payloads) {
          a = appendRecord(a, 'event', p, t);
          b = appendCanonical(b, 'event', canonicalize(p), t);
          expect(b.hash).toBe(a.hash);
          recs.push({ seq: b.seq, kind: b.kind, at_received: b.at_received, payload: JSON.parse(b.payloadText), prev_hash: b.prev_hash, hash: b.hash });
        }
        expect(verifyChain(recs).ok).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
  it('refuses kinds whose payload must be shape-checked', () => {
    expect(() => appendCanonical(null, 'attachment', '{}', 1)).toThrow(RangeError);
  });
});
