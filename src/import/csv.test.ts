import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { fromLocal } from '../domain/time.js';
import { chunked, collect, contacts, events, importError, outcome, stringChunks } from './testing.js';
import { analyzeHeader, CsvTokenizer, parseAt, parseCsv, parseCsvContacts, parseCsvEvents, parseDuration } from './csv.js';

const file = 'events.csv';
const opts = { file };

const EVENTS_EN = [
  'kind,direction,at,number,text,duration_s,contact_name,call_status,recipient,contact_number',
  'sms,in,2024-06-12 07:42:13,+86 138 0013 8000,"您已逾期，再不还款就联系你的家人, 同事",,催收A,,debtor,',
  'call,in,2024-06-12T23:15:00+08:00,13800138000,,35,,answered,,',
  'call,in,1718205300000,010-12345678,,0,,missed,,',
  'third_party_report,in,2024-06-13 09:00,13800138001,"我妈说有人打电话给她，说""你儿子欠钱不还""",,,,third_party,13900139000',
  'note,unknown,2024-06-14,,"第一行',
  '第二行",,,,,',
].join('\r\n');

describe('parseCsv: events', () => {
  it('reads every column', async () => {
    const ev = events(await collect(parseCsvEvents(chunked(EVENTS_EN), opts)));
    expect(ev).toHaveLength(5);
    expect(ev[0]).toMatchObject({
      kind: 'sms',
      direction: 'in',
      at: fromLocal(2024, 6, 12, 7, 42, 13, 'Asia/Shanghai'),
      tz: 'Asia/Shanghai',
      number: '13800138000',
      text: '您已逾期，再不还款就联系你的家人, 同事',
      durationS: null,
      counterpartName: '催收A',
      recipient: 'debtor',
      position: 0,
    });
    expect(ev[1]).toMatchObject({ kind: 'call', direction: 'in', at: Date.UTC(2024, 5, 12, 15, 15), durationS: 35, callStatus: 'answered', text: null });
    expect(ev[2]).toMatchObject({ at: 1718205300000, number: '01012345678', callStatus: 'missed', durationS: 0 });
    expect(ev[3]).toMatchObject({ kind: 'third_party_report', recipient: 'third_party', contactNumber: '13900139000', text: '我妈说有人打电话给她，说"你儿子欠钱不还"' });
    expect(ev[4]).toMatchObject({ kind: 'note', direction: 'unknown', at: fromLocal(2024, 6, 14, 0, 0, 0), text: '第一行\n第二行', number: null });
  });

  it('reads local times in opts.tz', async () => {
    const ev = events(await collect(parseCsvEvents(chunked('at,text\n2024-06-12 08:00,x\n'), { file, tz: 'Europe/Berlin' })));
    expect(ev[0]).toMatchObject({ at: Date.UTC(2024, 5, 12, 6, 0), tz: 'Europe/Berlin' });
  });

  it('takes Chinese headers and values, and infers kind and direction', async () => {
    const csv = ['时间,号码,类型,时长(秒),内容,联系人', '2024/6/12 7:42,138-0013-8000,未接来电,0,,', '2024年6月12日 07:50,13800138000,呼出,1分5秒,,张三', '2024-06-12 08:00,10690000123,短信,,验证码,', '2024-06-12 09:00,13800138000,来电,2:03,,'].join('\n');
    const ev = events(await collect(parseCsv(chunked(csv), opts)));
    expect(ev.map((e) => [e.kind, e.direction, e.callStatus ?? null, e.durationS])).toEqual([
      ['call', 'in', 'missed', 0],
      ['call', 'out', 'outgoing', 65],
      ['sms', 'unknown', null, null],
      ['call', 'in', null, 123],
    ]);
    expect(ev[1]!.at).toBe(fromLocal(2024, 6, 12, 7, 50));
    expect(ev[1]!.counterpartName).toBe('张三');
  });

  it('infers a call from a duration column when there is no kind, an sms otherwise', async () => {
    const ev = events(await collect(parseCsv(chunked('时间,号码,方向,时长\n2024-06-12 07:42,13800138000,去电,30\n2024-06-12 07:43,13800138000,收,\n'), opts)));
    expect(ev.map((e) => [e.kind, e.direction])).toEqual([
      ['call', 'out'],
      ['sms', 'in'],
    ]);
  });

  it('takes tab- and semicolon-separated files', async () => {
    const tsv = 'at\tnumber\ttext\n2024-06-12 07:42\t13800138000\ta,b\n';
    expect(events(await collect(parseCsv(chunked(tsv), opts)))[0]).toMatchObject({ text: 'a,b', number: '13800138000' });
    const ssv = 'at;number;text\n2024-06-12 07:42;13800138000;"a;b"\n';
    expect(events(await collect(parseCsv(chunked(ssv), opts)))[0]).toMatchObject({ text: 'a;b' });
  });

  it('gives stable keys across re-imports and encodings', async () => {
    const a = events(await collect(parseCsvEvents(chunked(EVENTS_EN), opts))).map((e) => e.dedupeKey);
    const b = events(await collect(parseCsvEvents(chunked(iconv.encode(EVENTS_EN, 'gbk'), 3), { file: 'x.csv' }))).map((e) => e.dedupeKey);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
  });

  it('skips blank lines and trailing empty fields', async () => {
    const ev = events(await collect(parseCsv(chunked('\n\nat,text\n\n2024-06-12 07:42,a,,\n\n'), opts)));
    expect(ev).toHaveLength(1);
  });
});

describe('parseCsv: encodings', () => {
  const csv = '时间,号码,内容\r\n2024-06-12 07:42,13800138000,"你好，请尽快还款😊"\r\n2024-06-12 07:43,13800138001,第二条\r\n';
  const want = ['你好，请尽快还款😊', '第二条'];
  const wantGbk = ['你好，请尽快还款?', '第二条'];
  const cases: Array<[string, Buffer, string[]]> = [
    ['UTF-8', Buffer.from(csv), want],
    ['UTF-8 BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]), want],
    ['UTF-16LE BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csv, 'utf-16le')]), want],
    ['UTF-16BE BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(csv, 'utf-16be')]), want],
    ['UTF-16LE no BOM', iconv.encode(csv, 'utf-16le'), want],
    ['UTF-16BE no BOM', iconv.encode(csv, 'utf-16be'), want],
    ['GB18030', iconv.encode(csv, 'gb18030'), want],
    ['GBK', iconv.encode(csv, 'gbk'), wantGbk],
  ];
  it.each(cases)('%s, whole and in 1-byte chunks', async (_n, bytes, texts) => {
    for (const size of [bytes.length, 1, 5]) {
      const ev = events(await collect(parseCsv(chunked(bytes, size), opts)));
      expect(ev.map((e) => e.text)).toEqual(texts);
      expect(ev.map((e) => e.number)).toEqual(['13800138000', '13800138001']);
    }
  });

  it('ASCII header then GBK rows: decides on the first non-ASCII bytes', async () => {
    const rows = 'at,number,text\n' + Array.from({ length: 200 }, (_, i) => `2024-06-12 07:42,13800138000,row ${i}`).join('\n') + '\n2024-06-12 07:42,13800138000,中文在后面\n';
    const ev = events(await collect(parseCsv(chunked(iconv.encode(rows, 'gbk'), 64), opts)));
    expect(ev.at(-1)!.text).toBe('中文在后面');
  });

  it('string input (already decoded)', async () => {
    const ev = events(await collect(parseCsv(stringChunks(csv, 3), opts)));
    expect(ev.map((e) => e.text)).toEqual(want);
  });
});

describe('parseCsv: contacts', () => {
  it('reads names, several numbers, relation, note, guarantor', async () => {
    const csv = ['姓名,手机号,关系,备注', '张三,13800138000；010-12345678,父亲,', '李四,"13800138001, 13800138002",担保人,合同上的担保人', '王五,+86 139 0013 9000,同事,"多行', '备注"', ',,,'].join('\n');
    const rs = await collect(parseCsv(chunked(csv), { file: 'contacts.csv' }));
    const cs = contacts(rs);
    expect(cs).toHaveLength(3);
    expect(cs[0]).toMatchObject({ name: '张三', numbers: ['13800138000', '01012345678'], relation: '父亲', note: null, isGuarantor: false });
    expect(cs[1]).toMatchObject({ name: '李四', numbers: ['13800138001', '13800138002'], relation: '担保人', isGuarantor: true });
    expect(cs[2]).toMatchObject({ name: '王五', numbers: ['13900139000'], note: '多行\n备注' });
  });

  it('uses the same dedupe key as a vCard contact', async () => {
    const cs = contacts(await collect(parseCsvContacts(chunked('name,number\n张三,13800138000;010-12345678\n'), { file: 'c.csv' })));
    const { stableKey } = await import('./stream.js');
    expect(cs[0]!.dedupeKey).toBe(stableKey(['contact', '张三', ['01012345678', '13800138000']]));
  });

  it('takes an is_guarantor column', async () => {
    const cs = contacts(await collect(parseCsvContacts(chunked('name,number,is_guarantor\na,13800138000,是\nb,13800138001,no\n'), { file: 'c.csv' })));
    expect(cs.map((c) => c.isGuarantor)).toEqual([true, false]);
  });
});

describe('parseCsv: errors', () => {
  const err = (csv: string | Buffer, o: Parameters<typeof parseCsv>[1] = opts) => importError(parseCsv(chunked(csv, 7), o));

  it('names line, column and what was expected for a bad time', async () => {
    const e = await err('时间,号码\n2024-06-12 07:42,13800138000\n昨天下午,13800138000\n');
    expect(e.line).toBe(3);
    expect(e.column).toBe(1);
    expect(e.message).toMatch(/"时间"/);
    expect(e.message).toMatch(/ISO 8601/);
    expect(e.message).not.toMatch(/昨天下午/);
  });

  it('reports the line a multi-line row starts on', async () => {
    const e = await err('at,text,duration_s\n2024-06-12,"a\nb\nc",abc\n');
    expect(e).toMatchObject({ line: 2, column: 3 });
    expect(e.message).toMatch(/duration_s/);
  });

  it.each([
    ['kind', 'at,kind\n2024-06-12,bogus\n', 2],
    ['direction', 'at,direction\n2024-06-12,sideways\n', 2],
    ['call_status', 'at,call_status\n2024-06-12,maybe\n', 2],
    ['recipient', 'at,recipient\n2024-06-12,everyone\n', 2],
    ['number', 'at,number\n2024-06-12,12\n', 2],
    ['at (empty)', 'at,text\n,hello\n', 1],
  ])('rejects a bad %s', async (_c, csv, col) => {
    const e = await err(csv);
    expect(e.line).toBe(2);
    expect(e.column).toBe(col);
  });

  it('rejects a row with more fields than the header', async () => {
    const e = await err('at,text\n2024-06-12,a,b\n');
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/unquoted comma/);
  });

  it('rejects an unclosed quote (truncated file)', async () => {
    const e = await err('at,text\n2024-06-12,"abc\n2024-06-13,def\n');
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/unclosed quote/);
  });

  it('rejects text after a closing quote', async () => {
    const e = await err('at,text\n2024-06-12,"abc"x\n');
    expect(e.line).toBe(2);
  });

  it('rejects an empty file and an unknown header', async () => {
    expect((await err('')).message).toMatch(/empty/);
    expect((await err('\r\n\r\n')).message).toMatch(/empty/);
    const e = await err('foo,bar\n1,2\n');
    expect(e.message).toMatch(/header/);
    expect(e.line).toBe(1);
  });

  it('rejects a contacts file read as events and the other way round', async () => {
    expect((await err('姓名,号码\n张三,13800138000\n', { file, kind: 'events' })).message).toMatch(/at/);
    expect((await err('at,text\n2024-06-12,x\n', { file, kind: 'contacts' })).message).toMatch(/name/);
  });

  it('rejects a bad number in a contacts file', async () => {
    const e = await err('name,number\n张三,12\n', { file, kind: 'contacts' });
    expect(e).toMatchObject({ line: 2, column: 2 });
  });

  it('rejects invalid UTF-8 after UTF-8 was detected', async () => {
    const good = Buffer.from('at,text\n' + '2024-06-12,你好你好你好你好你好你好你好你好\n'.repeat(200));
    const bad = Buffer.concat([good, Buffer.from('2024-06-12,'), Buffer.from([0xc4, 0xe3]), Buffer.from('\n')]);
    for (const size of [4096, 1000, 1]) {
      const e = await importError(parseCsv(chunked(bad, size), opts));
      expect(e.message).toMatch(/UTF-8/);
      expect(e.line).toBe(202);
    }
  });

  it('fuzz: random bytes and mutated CSV complete or throw ImportFormatError', async () => {
    const base = Buffer.from(EVENTS_EN);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), fc.nat(), fc.integer({ min: 1, max: 64 }), async (muts, cut, chunk) => {
        const b = Buffer.from(base);
        for (const [p, v] of muts) b[p % b.length] = v;
        await outcome(parseCsv(chunked(b.subarray(0, cut % (b.length + 1)), chunk), opts));
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        await outcome(parseCsv(chunked(Buffer.from(bytes), 16), opts));
      }),
      { numRuns: 200 },
    );
  });

  it('property: quoted fields with any content round-trip', async () => {
    const field = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r\n', '中', ' ', ';', '\t', '😊'), maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(fc.array(field, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 9 }), async (texts, chunk) => {
        const csv = 'at,text\r\n' + texts.map((t) => `2024-06-12,"${t.replace(/"/g, '""')}"`).join('\r\n') + '\r\n';
        const ev = events(await collect(parseCsv(chunked(csv, chunk), opts)));
        expect(ev.map((e) => e.text ?? '')).toEqual(texts.map((t) => t.replace(/\r\n/g, '\n').trim()));
      }),
      { numRuns: 200 },
    );
  });
});

describe('csv helpers', () => {
  it('parseAt', () => {
    const tz = 'Asia/Shanghai';
    expect(parseAt('2024-06-12T07:42:13+08:00', tz)).toBe(Date.UTC(2024, 5, 11, 23, 42, 13));
    expect(parseAt('2024-06-12T07:42:13Z', tz)).toBe(Date.UTC(2024, 5, 12, 7, 42, 13));
    expect(parseAt('2024-06-12 07:42', tz)).toBe(Date.UTC(2024, 5, 11, 23, 42));
    expect(parseAt('2024-06-12 07:42:13', tz)).toBe(Date.UTC(2024, 5, 11, 23, 42, 13));
    expect(parseAt('2024年6月12日 7:42', tz)).toBe(Date.UTC(2024, 5, 11, 23, 42));
    expect(parseAt('1718149333000', tz)).toBe(1718149333000);
    expect(parseAt('1718149333', tz)).toBe(1718149333000);
    expect(parseAt('2024-02-30 07:42', tz)).toBeNull();
    expect(parseAt('yesterday', tz)).toBeNull();
  });

  it('parseDuration', () => {
    expect(parseDuration('83')).toBe(83);
    expect(parseDuration('1:23')).toBe(83);
    expect(parseDuration('01:01:23')).toBe(3683);
    expect(parseDuration('1分23秒')).toBe(83);
    expect(parseDuration('83秒')).toBe(83);
    expect(parseDuration('1小时2分3秒')).toBe(3723);
    expect(parseDuration('1:75')).toBeNull();
    expect(parseDuration('abc')).toBeNull();
  });

  it('analyzeHeader', () => {
    expect(analyzeHeader('时间,号码,内容').kind).toBe('events');
    expect(analyzeHeader('Name,Phone Number').kind).toBe('contacts');
    expect(analyzeHeader('\uFEFF姓名,手机号,关系').kind).toBe('contacts');
    expect(analyzeHeader('Duration (s),At').eventColumns).toEqual(['duration_s', 'at']);
    expect(analyzeHeader('a,b').kind).toBeNull();
    expect(analyzeHeader('姓名,号码,时间').kind).toBe('events');
    expect(analyzeHeader('姓名,号码,时间', '联系人.csv').kind).toBe('contacts');
  });

  it('tokenizer: CR-only line ends and a CR split from its LF', () => {
    const t = new CsvTokenizer(',');
    const rows = [...t.push('a,b\r'), ...t.push('\nc,"d\r'), ...t.push('\ne"\rf,g'), ...t.end()];
    expect(rows).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['c', 'd\ne'], line: 2 },
      { fields: ['f', 'g'], line: 4 },
    ]);
  });
});

describe('docs/csv-format.md', () => {
  it('every CSV example in the documentation parses', async () => {
    const { readFileSync } = await import('node:fs');
    const md = readFileSync(new URL('../../docs/csv-format.md', import.meta.url), 'utf8');
    const blocks = [...md.matchAll(/```csv\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    for (const b of blocks) {
      const rs = await collect(parseCsv(chunked(b), { file: 'doc.csv' }));
      expect(rs.length).toBeGreaterThan(1);
    }
  });
});
