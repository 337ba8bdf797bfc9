import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import {
  attachments,
  chunked,
  collect,
  events,
  fixture,
  importError,
  outcome,
  rng,
  smsElement,
  smsXml,
  stringChunks,
} from './testing.js';
import { parseSmsXml } from './sms-xml.js';
import { ImportFormatError } from './types.js';

const file = 'sms-20240612074213.xml';
const opts = { file };
const sample = fixture('sms-sample.xml');

describe('parseSmsXml: the sample backup', () => {
  it('reads every sms type and both mms', async () => {
    const rs = await collect(parseSmsXml(chunked(sample), opts));
    const ev = events(rs);
    expect(ev).toHaveLength(9);
    expect(ev.map((e) => e.meta?.box)).toEqual(['inbox', 'sent', 'draft', 'outbox', 'failed', 'queued', 'inbox', 'inbox', 'sent']);
    expect(ev.map((e) => e.direction)).toEqual(['in', 'out', 'out', 'out', 'out', 'out', 'in', 'in', 'out']);
    expect(ev.map((e) => e.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    for (const e of ev) {
      expect(e.kind).toBe('sms');
      expect(e.tz).toBe('Asia/Shanghai');
    }
  });

  it('decodes entities and restores emoji from surrogate references', async () => {
    const ev = events(await collect(parseSmsXml(chunked(sample), opts)));
    expect(ev[0]!.text).toBe('【某某贷】您已逾期3天，请于今日18:00前还款&避免影响征信。😊');
    expect(ev[1]!.text).toBe('我会尽快处理\n请不要联系我的家人');
    expect(ev[2]!.text).toBe('草稿 <未发送>');
    expect(ev[3]!.text).toBe('发件箱 "引号" \'单引号\'');
    expect(ev[4]!.text).toBe('发送失败👍👍');
    expect(ev[5]!.text).toBe('排队中 &amp; 字面量');
  });

  it('normalises numbers, reads names and keeps the attributes in meta', async () => {
    const ev = events(await collect(parseSmsXml(chunked(sample), opts)));
    const first = ev[0]!;
    expect(first.number).toBe('13800138001');
    expect(first.at).toBe(1718100000000);
    expect(first.counterpartName).toBeNull();
    expect(first.durationS).toBeNull();
    expect(first.meta).toEqual({
      smsType: 1,
      box: 'inbox',
      protocol: 0,
      serviceCenter: '+8613800100500',
      read: 1,
      status: -1,
      locked: 0,
      dateSent: 1718099998000,
      subId: 1,
      readableDate: '2024年6月11日 18:00:00',
    });
    expect(ev[1]!.counterpartName).toBe('催收A');
    expect(ev[1]!.meta?.dateSent).toBeUndefined();
    expect(ev[4]!.meta).toMatchObject({ status: 64, locked: 1, subId: 2 });
    expect(ev[5]!.meta?.read).toBe(0);
    expect(ev[6]!.number).toBe('106900001234567');
  });

  it('turns an mms into an event with its text parts and attachments for its media', async () => {
    const rs = await collect(parseSmsXml(chunked(sample), opts));
    const ev = events(rs);
    const mms = ev[7]!;
    expect(mms.text).toBe('这是你的欠款通知😝\n第二段');
    expect(mms.number).toBe('13800138006');
    expect(mms.direction).toBe('in');
    expect(mms.at).toBe(1718100420000);
    expect(mms.meta).toMatchObject({ mms: true, msgBox: 1, subject: '催收通知', mId: 'mid-0001@example.invalid', mType: 132 });
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const sha = createHash('sha256').update(png).digest('hex');
    expect(mms.meta?.parts).toEqual([{ mime: 'image/png', name: 'image.png', size: png.length, sha256: sha }]);
    const att = attachments(rs);
    expect(att).toHaveLength(1);
    expect(att[0]).toMatchObject({ sha256: sha, mime: 'image/png', name: 'image.png', eventKey: mms.dedupeKey });
    expect(att[0]!.bytes.equals(png)).toBe(true);
    // The attachment follows its event.
    const idx = rs.findIndex((r) => r.type === 'attachment');
    expect(rs[idx - 1]).toMatchObject({ type: 'event', event: { dedupeKey: mms.dedupeKey } });

    const sent = ev[8]!;
    expect(sent.direction).toBe('out');
    expect(sent.number).toBe('13800138007');
    expect(sent.text).toBe('群发彩信');
    expect(sent.meta?.addrs).toEqual([
      { number: '13800138007', type: 'to' },
      { number: '13800138008', type: 'to' },
    ]);
  });

  it('gives the same records for any chunking: 1 byte, random sizes, strings, a Readable', async () => {
    const whole = await collect(parseSmsXml(chunked(sample, sample.length), opts));
    expect(await collect(parseSmsXml(chunked(sample, 1), opts))).toEqual(whole);
    for (const seed of [1, 2, 3, 4, 5]) {
      expect(await collect(parseSmsXml(chunked(sample, { max: 97, seed }), opts))).toEqual(whole);
    }
    expect(await collect(parseSmsXml(stringChunks(sample.toString('utf8'), 5), opts))).toEqual(whole);
    expect(await collect(parseSmsXml(Readable.from([sample]), opts))).toEqual(whole);
  });

  it('takes a UTF-8 BOM and UTF-16 with a BOM', async () => {
    const whole = await collect(parseSmsXml(chunked(sample), opts));
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), sample]);
    expect(await collect(parseSmsXml(chunked(bom, 3), opts))).toEqual(whole);
    expect(await collect(parseSmsXml(stringChunks('\uFEFF' + sample.toString('utf8'), 100), opts))).toEqual(whole);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(sample.toString('utf8').replace("encoding='UTF-8'", "encoding='UTF-16'"), 'utf-16le')]);
    expect(await collect(parseSmsXml(chunked(utf16, 7), opts))).toEqual(whole);
  });
});

describe('parseSmsXml: dedupe keys', () => {
  const base = { address: '+86 138 0013 8000', date: 1718100000000, type: 1, body: '你好' };
  const keyOf = async (a: typeof base) => events(await collect(parseSmsXml(chunked(smsXml([smsElement(a)])), opts)))[0]!.dedupeKey;

  it('is the same for the same record imported twice, whatever the file name or chunking', async () => {
    const xml = smsXml([smsElement(base)]);
    const a = events(await collect(parseSmsXml(chunked(xml, 1), { file: 'a.xml' })))[0]!.dedupeKey;
    const b = events(await collect(parseSmsXml(chunked(xml), { file: 'other/b.xml' })))[0]!.dedupeKey;
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(await keyOf({ ...base, address: '13800138000' })).toBe(a);
    expect(await keyOf({ ...base, address: '0086-138-0013-8000' })).toBe(a);
  });

  it('differs when the number, date, type or body differs', async () => {
    const k = await keyOf(base);
    expect(await keyOf({ ...base, address: '13800138001' })).not.toBe(k);
    expect(await keyOf({ ...base, date: base.date + 1 })).not.toBe(k);
    expect(await keyOf({ ...base, type: 2 })).not.toBe(k);
    expect(await keyOf({ ...base, body: '你好 ' })).not.toBe(k);
  });

  it('tells alphanumeric senders apart and keeps their raw address', async () => {
    const a = events(await collect(parseSmsXml(chunked(smsXml([smsElement({ ...base, address: 'BANK-A' }), smsElement({ ...base, address: 'BANK-B' })])), opts)));
    expect(a[0]!.number).toBeNull();
    expect(a[0]!.meta?.rawAddress).toBe('BANK-A');
    expect(a[0]!.dedupeKey).not.toBe(a[1]!.dedupeKey);
  });
});

describe('parseSmsXml: options', () => {
  it('uses opts.tz and rejects an unknown zone', async () => {
    const ev = events(await collect(parseSmsXml(chunked(sample), { file, tz: 'Europe/Berlin' })));
    expect(ev[0]!.tz).toBe('Europe/Berlin');
    await expect(collect(parseSmsXml(chunked(sample), { file, tz: 'Mars/Base' }))).rejects.toBeInstanceOf(RangeError);
  });

  it('reports progress by bytes and ends with the full size', async () => {
    const seen: Array<{ bytesRead: number; bytesTotal: number; records: number }> = [];
    const big = Buffer.from(smsXml(Array.from({ length: 3000 }, (_, i) => smsElement({ address: '13800138000', date: 1718100000000 + i, type: 1, body: '测试'.repeat(20) }))));
    await collect(parseSmsXml(chunked(big, 4096), { file, bytesTotal: big.length, onProgress: (p) => seen.push(p) }));
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toEqual({ bytesRead: big.length, bytesTotal: big.length, records: 3000 });
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.bytesRead).toBeGreaterThanOrEqual(seen[i - 1]!.bytesRead);
  });

  it('stops on abort', async () => {
    const ac = new AbortController();
    const gen = parseSmsXml(chunked(sample, 16), { file, signal: ac.signal });
    await gen.next();
    ac.abort();
    await expect(collect(gen)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('streams: yields the first record before reading the whole input', async () => {
    const xml = Buffer.from(smsXml(Array.from({ length: 2000 }, (_, i) => smsElement({ address: '13800138000', date: 1718100000000 + i, type: 1, body: 'x' }))));
    let pulled = 0;
    async function* counting() {
      for await (const c of chunked(xml, 1024)) {
        pulled++;
        yield c;
      }
    }
    const gen = parseSmsXml(counting(), opts);
    await gen.next();
    expect(pulled).toBeLessThan(5);
    await gen.return(undefined);
  });
});

describe('parseSmsXml: errors', () => {
  it('rejects an empty file', async () => {
    const e = await importError(parseSmsXml(chunked(Buffer.alloc(0)), opts));
    expect(e.file).toBe(file);
    expect(e.message).toMatch(/empty/);
    const ws = await importError(parseSmsXml(chunked('  \n '), opts));
    expect(ws.message).toMatch(/empty/);
  });

  it('rejects a file cut anywhere, after yielding what it read', async () => {
    const text = sample.toString('utf8');
    const cuts = [10, 200, 400, 700, 1500, 3000, sample.length - 20, sample.length - 10, sample.length - 2];
    for (const cut of cuts) {
      const e = await importError(parseSmsXml(chunked(sample.subarray(0, cut), 64), opts));
      expect(e).toBeInstanceOf(ImportFormatError);
      expect(e.line).toBeGreaterThan(0);
    }
    expect(text.endsWith('</smses>\n')).toBe(true);
  });

  it('cut in the middle of a multi-byte character', async () => {
    const i = sample.indexOf(Buffer.from('某某贷'));
    const e = await importError(parseSmsXml(chunked(sample.subarray(0, i + 1)), opts));
    expect(e.message).toMatch(/truncated|multi-byte|incomplete/);
  });

  it('names line and column of malformed XML', async () => {
    const xml = smsXml([smsElement({ address: '1', date: 1, type: 1, body: 'a' }), '<sms address="x" date="1" body="a<b" />']);
    const e = await importError(parseSmsXml(chunked(xml, 3), opts));
    expect(e.line).toBe(6);
    expect(e.column).toBeGreaterThan(30);
    expect(e.message).toMatch(/malformed XML/);
  });

  it('rejects another XML document', async () => {
    const e = await importError(parseSmsXml(chunked(fixture('calls-sample.xml')), opts));
    expect(e.message).toMatch(/<smses>/);
    expect(e.line).toBe(4);
  });

  it('rejects text that is not UTF-8 (GBK) and names the line', async () => {
    const xml = smsXml([smsElement({ address: '13800138000', date: 1, type: 1, body: 'abc' }), smsElement({ address: '13800138000', date: 2, type: 1, body: '你好' })]);
    const gbk = iconv.encode(xml, 'gbk');
    const e = await importError(parseSmsXml(chunked(gbk, 50), opts));
    expect(e.message).toMatch(/UTF-8/);
    expect(e.line).toBe(6);
  });

  it('rejects an sms without a valid date', async () => {
    const xml = smsXml(['<sms address="13800138000" type="1" body="a" />']);
    const e = await importError(parseSmsXml(chunked(xml), opts));
    expect(e.message).toMatch(/date/);
    expect(e.line).toBe(5);
  });

  it('rejects a file with text after the root', async () => {
    const e = await importError(parseSmsXml(chunked(smsXml([]) + '<smses/>'), opts));
    expect(e.message).toMatch(/malformed XML/);
  });

  it('never echoes message text or numbers in errors', async () => {
    const xml = smsXml(['<sms address="13912345678" date="x" type="1" body="秘密内容" />']);
    const e = await importError(parseSmsXml(chunked(xml), opts));
    expect(e.message).not.toMatch(/13912345678|秘密内容/);
  });

  it('replaces a lone surrogate half with U+FFFD and imports the rest', async () => {
    const xml = smsXml(['<sms address="13800138000" date="1" type="1" body="断了&#55357;" />', '<sms address="13800138000" date="2" type="1" body="ok" />']);
    const ev = events(await collect(parseSmsXml(chunked(xml, 1), opts)));
    expect(ev.map((e) => e.text)).toEqual(['断了\uFFFD', 'ok']);
  });
});

describe('parseSmsXml: properties', () => {
  const bodyUnit = fc.constantFrom('a', ' ', '你', '好', '&', '<', '>', '"', "'", '\n', '😊', '👍🏽', '🇨🇳', '𠀀', '#', ';', '5', '\t');

  it('any bodies, any chunking: the bodies come back exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(bodyUnit, { maxLength: 30 }).map((a) => a.join('')), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer(),
        async (bodies, max, seed) => {
          const xml = smsXml(bodies.map((body, i) => smsElement({ address: '13800138000', date: 1718100000000 + i, type: 1 + (i % 6), body })));
          const ev = events(await collect(parseSmsXml(chunked(xml, { max, seed }), opts)));
          expect(ev.map((e) => e.text)).toEqual(bodies);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('fuzz: mutated or truncated input completes or throws ImportFormatError, never anything else', async () => {
    const base = sample;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'del', 'ins')), { maxLength: 6 }),
        fc.option(fc.nat(), { nil: undefined }),
        fc.integer({ min: 1, max: 300 }),
        async (mutations, cut, chunk) => {
          let b = Buffer.from(base);
          for (const [pos, byte, op] of mutations) {
            const p = pos % (b.length + 1);
            if (op === 'set' && p < b.length) b[p] = byte;
            else if (op === 'del') b = Buffer.concat([b.subarray(0, p), b.subarray(p + 1)]);
            else b = Buffer.concat([b.subarray(0, p), Buffer.from([byte]), b.subarray(p)]);
          }
          if (cut !== undefined) b = b.subarray(0, cut % (b.length + 1));
          const r = await outcome(parseSmsXml(chunked(b, chunk), opts));
          if (!r.ok) {
            expect(r.error.file).toBe(file);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('fuzz: structural mutations (tag and quote characters) never escape as other errors', async () => {
    const text = sample.toString('utf8');
    const r = rng(7);
    for (let i = 0; i < 200; i++) {
      const p = Math.floor(r() * text.length);
      const ins = ['<', '>', '"', '&', '/', '<sms', '</smses>', '&#55357;', '&#56842;', '\u0000', '<mms>', '</mms>'][Math.floor(r() * 12)]!;
      const mutated = text.slice(0, p) + ins + text.slice(p);
      await outcome(parseSmsXml(chunked(mutated, 1 + Math.floor(r() * 50)), opts));
    }
  });
});
