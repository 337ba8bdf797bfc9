import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalize } from '../domain/evidence/canonical.js';
import { eventPayload, eventPayloadParts } from './event-payload.js';

const optStr = fc.option(fc.string({ unit: 'grapheme' }), { nil: null });
const event = fc.record({
  kind: fc.constantFrom('sms', 'call', 'im', 'third_party_report'),
  direction: fc.constantFrom('in', 'out', 'unknown'),
  at: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  tz: fc.constantFrom('Asia/Shanghai', 'UTC'),
  number: optStr,
  text: optStr,
  durationS: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
  callStatus: fc.option(fc.constantFrom('answered', 'missed'), { nil: undefined }),
  recipient: fc.option(fc.constantFrom('debtor', 'third_party'), { nil: undefined }),
  contactNumber: fc.option(fc.string(), { nil: undefined }),
  dedupeKey: fc.string({ unit: 'grapheme' }),
  position: fc.option(fc.nat(), { nil: undefined }),
});

describe('eventPayloadParts', () => {
  it('head + event id + tail is the canonical form of the event payload, imported or manual', () => {
    fc.assert(
      fc.property(event, fc.nat(), fc.option(fc.nat(), { nil: null }), optStr, (e, id, importId, file) => {
        const { head, tail } = eventPayloadParts(e, importId, file);
        expect(head + id + tail).toBe(canonicalize(eventPayload(e, id, importId, file)));
      }),
      { numRuns: 500 },
    );
  });

  it('rejects a text with a lone surrogate, as canonicalize does', () => {
    const e = { kind: 'sms', direction: 'in', at: 1, tz: 'UTC', number: null, text: 'a\uD800', durationS: null, dedupeKey: 'k' };
    expect(() => eventPayloadParts(e, 1, 'f')).toThrow(/lone surrogate/);
    expect(() => canonicalize(eventPayload(e, 1, 1, 'f'))).toThrow(/lone surrogate/);
  });
});
