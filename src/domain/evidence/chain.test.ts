import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalize, type JsonValue } from './canonical.js';
import {
  appendCanonical,
  appendAttachment,
  appendCorrection,
  appendRecord,
  appendTombstone,
  ChainTextStream,
  GENESIS_HASH,
  hashRecord,
  parseRecordLine,
  recordsToJsonl,
  serializeRecord,
  verifyChain,
  verifyChainText,
  type ChainTextStreamOptions,
  type EvidenceRecord,
} from './chain.js';
import { liveAttachments, liveEntries, resolveView } from './view.js';

const T0 = Date.UTC(2026, 0, 5, 2, 0, 0);

function build(payloads: readonly JsonValue[], kinds: readonly string[] = []): EvidenceRecord[] {
  const out: EvidenceRecord[] = [];
  payloads.forEach((p, i) => {
    out.push(appendRecord(out[out.length - 1] ?? null, kinds[i] ?? 'event', p, T0 + i * 1000));
  });
  return out;
}

const SHA = createHash('sha256').update('图片字节').digest('hex');

const payloadArb = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({
    kind: fc.constantFrom('sms', 'call'),
    number: fc.stringMatching(/^1[3-9]\d{9}$/),
    text: fc.string({ unit: 'grapheme', maxLength: 40 }),
    at: fc.integer({ min: 0, max: 2 ** 42 }),
  }),
);
const chainArb = fc.array(payloadArb, { minLength: 1, maxLength: 12 }).map((ps) => build(ps as JsonValue[]));

describe('hash chain', () => {
  it('starts at genesis with seq 1 and hashes prev ‖ canonical body', () => {
    const r = appendRecord(null, 'event', { kind: 'sms', text: '再不还钱就爆你通讯录' }, T0);
    expect(r.seq).toBe(1);
    expect(r.prev_hash).toBe(GENESIS_HASH);
    const body = `{"at_received":${T0},"kind":"event","payload":{"kind":"sms","text":"再不还钱就爆你通讯录"},"prev_hash":"${GENESIS_HASH}","seq":1}`;
    expect(r.hash).toBe(createHash('sha256').update(GENESIS_HASH + body, 'utf8').digest('hex'));
    expect(hashRecord(GENESIS_HASH, r)).toBe(r.hash);
    // The stored line is the canonical record, hash included, and parses back strictly.
    const line = serializeRecord(r);
    expect(line).toBe(body.replace(`{"at_received":${T0},`, `{"at_received":${T0},"hash":"${r.hash}",`));
    expect(parseRecordLine(line)).toEqual(r);
  });

  it('normalises the payload to its JSON form (undefined members dropped)', () => {
    const r = appendRecord(null, 'note', { a: 1, b: undefined }, T0);
    expect(r.payload).toEqual({ a: 1 });
    expect(verifyChain([r])).toMatchObject({ ok: true, count: 1, head: r.hash });
  });

  it('rejects non-JSON payloads, bad kinds and bad times', () => {
    expect(() => appendRecord(null, 'event', { x: NaN }, T0)).toThrow();
    expect(() => appendRecord(null, 'Event', {}, T0)).toThrow(/kind/);
    expect(() => appendRecord(null, 'event', {}, 1.5)).toThrow(/receivedAt/);
    expect(() => appendRecord(null, 'attachment', { sha256: 'x' }, T0)).toThrow(/sha256/);
  });

  it('property: appendCanonical (the import fast path) gives the same record as appendRecord', () => {
    fc.assert(
      fc.property(fc.array(payloadArb, { minLength: 1, maxLength: 6 }), fc.constantFrom('event', 'contact', 'note'), (ps, kind) => {
        let prev: { seq: number; hash: string } | null = null;
        let full: EvidenceRecord | null = null;
        ps.forEach((p, i) => {
          const fast = appendCanonical(prev, kind, canonicalize(p), T0 + i);
          full = appendRecord(full, kind, p, T0 + i);
          expect(fast).toEqual({ seq: full.seq, kind, at_received: full.at_received, payloadText: canonicalize(full.payload), prev_hash: full.prev_hash, hash: full.hash });
          prev = fast;
        });
      }),
      { numRuns: 200 },
    );
    expect(() => appendCanonical(null, 'attachment', '{}', T0)).toThrow();
  });

  it('verifies an empty chain', () => {
    expect(verifyChain([])).toEqual({ ok: true, count: 0, head: GENESIS_HASH, redacted: 0 });
    expect(verifyChainText('')).toEqual({ ok: true, count: 0, head: GENESIS_HASH, redacted: 0 });
  });

  it('property: a built chain verifies, as objects and as records.jsonl', () => {
    fc.assert(
      fc.property(chainArb, (chain) => {
        const last = chain[chain.length - 1]!;
        expect(verifyChain(chain)).toEqual({ ok: true, count: chain.length, head: last.hash, redacted: 0 });
        expect(verifyChainText(recordsToJsonl(chain), { expectedHead: last.hash, expectedCount: chain.length })).toMatchObject({ ok: true });
      }),
      { numRuns: 200 },
    );
  });

  it('property: any single-byte change to records.jsonl is detected', () => {
    const enc = new TextEncoder();
    const dec = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(
        chainArb,
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (chain, pos, delta) => {
          const bytes = enc.encode(recordsToJsonl(chain));
          const i = pos % bytes.length;
          const changed = bytes.slice();
          changed[i] = (changed[i]! + delta) % 256; // always a different byte
          let text: string;
          try {
            text = dec.decode(changed);
          } catch {
            return; // not UTF-8 any more: rejected before any JSON is read
          }
          const r = verifyChainText(text);
          expect(r.ok).toBe(false);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('property: a changed byte inside one record (re-parsed) is found at that record', () => {
    fc.assert(
      fc.property(chainArb, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 127 }), (chain, which, pos, delta) => {
        const k = which % chain.length;
        const lines = chain.map((r) => serializeRecord(r));
        const line = lines[k]!;
        const j = pos % line.length;
        const code = line.charCodeAt(j);
        if (code > 127) return; // keep the edit within one ASCII byte
        lines[k] = line.slice(0, j) + String.fromCharCode((code + delta) % 128) + line.slice(j + 1);
        const r = verifyChainText(lines.join('\n') + '\n');
        expect(r.ok).toBe(false);
        if (!r.ok && !lines[k]!.includes('\n')) expect(r.index).toBeLessThanOrEqual(k + 1);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: a removed record is detected (the last one through the known head or count)', () => {
    fc.assert(
      fc.property(
        chainArb.filter((c) => c.length >= 2),
        fc.nat(),
        (chain, n) => {
          const k = n % chain.length;
          const head = chain[chain.length - 1]!.hash;
          const cut = chain.filter((_, i) => i !== k);
          const r = verifyChain(cut, { expectedHead: head });
          expect(r.ok).toBe(false);
          if (!r.ok && k < chain.length - 1) {
            expect(r.index).toBe(k);
            expect(r.reason).toBe('seq_mismatch');
          }
          if (k === chain.length - 1) {
            expect(verifyChain(cut).ok).toBe(true); // truncation alone is a valid shorter chain…
            expect(verifyChain(cut, { expectedCount: chain.length })).toMatchObject({ ok: false, reason: 'count_mismatch' });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: a swapped pair is detected at the first of the two', () => {
    fc.assert(
      fc.property(
        chainArb.filter((c) => c.length >= 2),
        fc.nat(),
        fc.nat(),
        (chain, a, b) => {
          const i = a % chain.length;
          let j = b % chain.length;
          if (i === j) j = (j + 1) % chain.length;
          const sw = chain.slice();
          [sw[i], sw[j]] = [sw[j]!, sw[i]!];
          const r = verifyChain(sw);
          expect(r).toMatchObject({ ok: false, index: Math.min(i, j) });
          expect(verifyChainText(recordsToJsonl(sw)).ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('detects a forged head: a re-hashed last record passes alone but not against the known head', () => {
    const chain = build([{ a: 1 }, { a: 2 }, { text: '原话' }]);
    const knownHead = chain[2]!.hash;
    const forgedBody = { ...chain[2]!, payload: { text: '改过的话' } };
    const forged = { ...forgedBody, hash: hashRecord(chain[1]!.hash, forgedBody) };
    const tampered = [chain[0]!, chain[1]!, forged];
    expect(verifyChain(tampered).ok).toBe(true);
    expect(verifyChain(tampered, { expectedHead: knownHead })).toMatchObject({ ok: false, reason: 'head_mismatch', index: 3 });
    // Changing only the stated hash of the last record is caught without any anchor.
    expect(verifyChain([chain[0]!, chain[1]!, { ...chain[2]!, hash: 'f'.repeat(64) }])).toMatchObject({ ok: false, index: 2, seq: 3, reason: 'hash_mismatch' });
  });

  it('names the reason for each kind of damage', () => {
    const chain = build([{ a: 1 }, { a: 2 }, { a: 3 }]);
    expect(verifyChain([chain[0]!, { ...chain[1]!, payload: { a: 9 } }, chain[2]!])).toMatchObject({ ok: false, index: 1, seq: 2, reason: 'hash_mismatch' });
    expect(verifyChain([chain[0]!, { ...chain[1]!, prev_hash: 'a'.repeat(64) }])).toMatchObject({ reason: 'prev_hash_mismatch', seq: 2 });
    expect(verifyChain([chain[0]!, { ...chain[1]!, extra: 1 }])).toMatchObject({ reason: 'malformed', index: 1 });
    expect(verifyChain([chain[0]!, { ...chain[1]!, at_received: -1 }])).toMatchObject({ reason: 'malformed' });
    expect(verifyChainText('{"a":1}\n')).toMatchObject({ ok: false, reason: 'malformed', index: 0, seq: null });
    expect(verifyChainText('not json\n')).toMatchObject({ ok: false, reason: 'bad_json', index: 0 });
    const spaced = serializeRecord(chain[0]!).replace(',"kind"', ', "kind"');
    expect(verifyChainText(spaced + '\n')).toMatchObject({ ok: false, reason: 'not_canonical', seq: 1 });
    expect(verifyChainText(serializeRecord(chain[0]!))).toMatchObject({ ok: false, reason: 'malformed' }); // no final newline
    expect(verifyChainText(recordsToJsonl(chain).replace(/\n/g, '\r\n'))).toMatchObject({ ok: false, reason: 'not_canonical' });
  });
});

describe('corrections, tombstones, attachments', () => {
  function sample(): EvidenceRecord[] {
    const c: EvidenceRecord[] = [];
    const push = (r: EvidenceRecord) => (c.push(r), r);
    push(appendRecord(null, 'event', { kind: 'call', number: '13812345678', durationS: 30 }, T0));
    push(
      appendAttachment(c[0]!, { sha256: SHA, size: 12, mime: 'image/png', name: '催收短信截图.png', source: 'contact:7', claimed_at: T0 - 86_400_000, event_seq: 1 }, T0 + 1),
    );
    push(appendCorrection(c[1]!, 1, { kind: 'call', number: '13812345678', durationS: 45 }, '通话时长录错', T0 + 2));
    push(appendRecord(c[2]!, 'note', { text: '误录' }, T0 + 3));
    push(appendTombstone(c[3]!, 4, '重复录入', T0 + 4));
    return c;
  }

  it('verifies and resolves the current view', () => {
    const c = sample();
    expect(verifyChain(c)).toMatchObject({ ok: true, count: 5 });
    const view = resolveView(c);
    expect(view.map((e) => e.record.seq)).toEqual([1, 2, 4]);
    expect(view[0]!.payload).toMatchObject({ durationS: 45 });
    expect(view[0]!.correctedBy).toEqual([3]);
    expect(view[2]!.removedBy).toEqual({ seq: 5, reason: '重复录入' });
    expect(liveEntries(c).map((e) => e.record.seq)).toEqual([1, 2]);
    expect(liveAttachments(c)).toEqual([{ seq: 2, meta: expect.objectContaining({ sha256: SHA, name: '催收短信截图.png' }) }]);
  });

  it('rejects references to later, missing, or already-deleted records', () => {
    const c = sample();
    const rebuild = (kind: string, payload: JsonValue) => [...c, appendRecord(c[c.length - 1]!, kind, payload, T0 + 9)];
    expect(verifyChain(rebuild('tombstone', { removes: 4, reason: 'x' }))).toMatchObject({ ok: false, reason: 'bad_reference', seq: 6 });
    expect(verifyChain(rebuild('tombstone', { removes: 5, reason: 'x' }))).toMatchObject({ ok: false, reason: 'bad_reference' });
    expect(verifyChain(rebuild('correction', { corrects: 3, replacement: {}, reason: 'x' }))).toMatchObject({ ok: false, reason: 'bad_reference' });
    expect(verifyChain(rebuild('correction', { corrects: 4, replacement: {}, reason: 'x' }))).toMatchObject({ ok: false, reason: 'bad_reference' });
    expect(() => appendTombstone(c[4]!, 6, 'x', T0)).toThrow();
    expect(verifyChain(rebuild('tombstone', { removes: 2, reason: '删除附件' }))).toMatchObject({ ok: true, count: 6 });
    expect(liveAttachments(rebuild('tombstone', { removes: 2, reason: '删除附件' }))).toEqual([]);
  });

  it('checks attachment payloads', () => {
    const base = { sha256: SHA, size: 1, mime: 'image/png', name: 'a', source: 'user', claimed_at: null };
    expect(() => appendRecord(null, 'attachment', { ...base, source: 'friend' }, T0)).toThrow(/source/);
    expect(() => appendRecord(null, 'attachment', { ...base, size: -1 }, T0)).toThrow(/size/);
    expect(() => appendRecord(null, 'attachment', { ...base, sha256: SHA.toUpperCase() }, T0)).toThrow(/sha256/);
    expect(appendRecord(null, 'attachment', { ...base, claimed_at: '2026年1月3日' }, T0).seq).toBe(1);
  });

  it('accepts redacted records only when asked, checking their links', () => {
    const c = sample();
    const red = c.map((r) => (r.seq === 1 ? { ...r, payload: { kind: 'call', number: '138****5678', durationS: 30 }, redacted: true as const } : r));
    expect(verifyChain(red)).toMatchObject({ ok: false, reason: 'redacted_not_allowed', index: 0 });
    expect(verifyChain(red, { allowRedacted: true })).toMatchObject({ ok: true, count: 5, redacted: 1, head: c[4]!.hash });
    const line = canonicalize(red[0]);
    expect(line).toContain('"redacted":true,"seq":1}');
    expect(verifyChainText(recordsToJsonl(red), { allowRedacted: true })).toMatchObject({ ok: true, redacted: 1 });
    // A redacted record cannot hide a removal: the links still break.
    expect(verifyChain([red[0]!, red[2]!], { allowRedacted: true })).toMatchObject({ ok: false, reason: 'seq_mismatch' });
  });
});

describe('ChainTextStream', () => {
  const recs = (): EvidenceRecord[] => {
    const out: EvidenceRecord[] = [];
    let prev: EvidenceRecord | null = null;
    for (let i = 0; i < 20; i++) out.push((prev = appendRecord(prev, 'note', { text: `记录 ${i} ${'x'.repeat(i * 7)}` }, 1_700_000_000_000 + i)));
    return out;
  };
  const stream = (text: string, cut: number, opts: ChainTextStreamOptions = {}) => {
    const s = new ChainTextStream(opts);
    for (let i = 0; i < text.length; i += cut) s.write(text.slice(i, i + cut));
    return s.end();
  };

  it('gives verifyChainText\'s result however the text is cut', () => {
    const good = recordsToJsonl(recs());
    const lines = good.split('\n');
    const variants = [good, '', '\n', good.slice(0, -1), good + '\n', good.replace('记录 3', '记录 4'), lines.slice(0, 5).concat(lines.slice(6)).join('\n'), good + 'x', '{"a":1}\n', good.slice(0, 500)];
    for (const text of variants) {
      const want = verifyChainText(text);
      for (const cut of [1, 7, 64, 1000, 1 << 20]) expect(stream(text, cut)).toEqual(want);
    }
  });

  it('hands each accepted record to onRecord, and refuses a line longer than maxLineChars', () => {
    const good = recordsToJsonl(recs());
    const seen: number[] = [];
    expect(stream(good, 13, { onRecord: (r, i) => seen.push(r.seq * 100 + i) }).ok).toBe(true);
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) * 100 + i));
    const r = stream(good + 'y'.repeat(5000), 100, { maxLineChars: 1000 });
    expect(r).toMatchObject({ ok: false, reason: 'malformed', index: 20 });
    expect(stream('z'.repeat(5000), 5000, { maxLineChars: 1000 })).toMatchObject({ ok: false, reason: 'malformed', index: 0 });
  });
});
