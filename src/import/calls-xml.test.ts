import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunked, collect, events, fixture, importError, outcome } from './testing.js';
import { parseCallsXml } from './calls-xml.js';

const file = 'calls-20240612074213.xml';
const opts = { file };
const sample = fixture('calls-sample.xml');

describe('parseCallsXml', () => {
  it('maps every call type to status and direction', async () => {
    const ev = events(await collect(parseCallsXml(chunked(sample, 1), opts)));
    expect(ev).toHaveLength(10);
    expect(ev.map((e) => [e.callStatus, e.direction])).toEqual([
      ['answered', 'in'],
      ['outgoing', 'out'],
      ['missed', 'in'],
      ['voicemail', 'in'],
      ['rejected', 'in'],
      ['blocked', 'in'],
      ['answered_elsewhere', 'in'],
      ['missed', 'in'],
      ['answered', 'in'],
      ['answered', 'in'],
    ]);
    for (const e of ev) {
      expect(e.kind).toBe('call');
      expect(e.text).toBeNull();
      expect(e.tz).toBe('Asia/Shanghai');
    }
  });

  it('reads numbers, durations, names and presentation', async () => {
    const ev = events(await collect(parseCallsXml(chunked(sample), opts)));
    expect(ev.map((e) => e.number)).toEqual([
      '13800138001',
      '13800138001',
      '01012345678',
      '13800138002',
      '13800138003',
      '13800138004',
      '13800138005',
      null,
      null,
      '95588',
    ]);
    expect(ev.map((e) => e.durationS)).toEqual([35, 62, 0, 20, 0, 0, 12, 0, 0, 88]);
    expect(ev[0]!.at).toBe(1718000000000);
    expect(ev[0]!.counterpartName).toBeNull();
    expect(ev[1]!.counterpartName).toBe('催收A');
    expect(ev[9]!.counterpartName).toBe('某某银行');
    expect(ev.map((e) => e.meta?.presentation)).toEqual([
      'allowed',
      'allowed',
      'allowed',
      'allowed',
      'allowed',
      'allowed',
      'allowed',
      'restricted',
      'unknown',
      'payphone',
    ]);
    expect(ev[0]!.meta).toMatchObject({ callType: 1, subscriptionId: '89860000000000000001', readableDate: '2024年6月10日 14:13:20' });
    expect(ev[7]!.meta?.rawNumber).toBeUndefined();
  });

  it('gives stable dedupe keys that differ between calls', async () => {
    const a = events(await collect(parseCallsXml(chunked(sample), opts)));
    const b = events(await collect(parseCallsXml(chunked(sample, 13), { file: 'copy.xml' })));
    expect(a.map((e) => e.dedupeKey)).toEqual(b.map((e) => e.dedupeKey));
    expect(new Set(a.map((e) => e.dedupeKey)).size).toBe(a.length);
  });

  it('reads an unknown type as direction unknown with no status', async () => {
    const xml = '<calls count="1"><call number="13800138000" duration="5" date="1718000000000" type="9" presentation="1" /></calls>';
    const [e] = events(await collect(parseCallsXml(chunked(xml), opts)));
    expect(e).toMatchObject({ direction: 'unknown', callStatus: null, meta: { callType: 9 } });
  });

  it('rejects an sms backup, an empty file and a truncated one', async () => {
    expect((await importError(parseCallsXml(chunked(fixture('sms-sample.xml')), opts))).message).toMatch(/<calls>/);
    expect((await importError(parseCallsXml(chunked(''), opts))).message).toMatch(/empty/);
    for (const cut of [50, 400, 900, sample.length - 5]) {
      const e = await importError(parseCallsXml(chunked(sample.subarray(0, cut), 100), opts));
      expect(e.file).toBe(file);
    }
  });

  it('rejects a call without a date, naming the line', async () => {
    const xml = '<calls count="1">\n<call number="13800138000" duration="5" type="1" />\n</calls>';
    const e = await importError(parseCallsXml(chunked(xml), opts));
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/date/);
  });

  it('fuzz: mutated or truncated input completes or throws ImportFormatError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 5 }), fc.nat(), fc.integer({ min: 1, max: 200 }), async (muts, cut, chunk) => {
        const b = Buffer.from(sample);
        for (const [p, v] of muts) b[p % b.length] = v;
        await outcome(parseCallsXml(chunked(b.subarray(0, cut % (b.length + 1)), chunk), opts));
      }),
      { numRuns: 200 },
    );
  });
});
