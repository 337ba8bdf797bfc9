import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { chunked, collect, contacts, fixture, importError, outcome } from './testing.js';
import { parseProp, qpBytes, textValue } from './vcard.js';
import { parseVcard } from './vcard.js';
import type { ImportRecord } from './types.js';

const opts = { file: 'contacts.vcf' };
const metaOf = (rs: ImportRecord[]) => rs.flatMap((r) => (r.type === 'contact' ? [r.meta ?? {}] : []));

describe('parseVcard: 2.1 with QUOTED-PRINTABLE GBK / GB2312 / UTF-8', () => {
  it('decodes names, notes and org in their charsets, with soft line breaks', async () => {
    const rs = await collect(parseVcard(chunked(fixture('contacts-21-gbk.vcf')), opts));
    const cs = contacts(rs);
    expect(cs).toHaveLength(2);
    expect(cs[0]!.name).toBe('王小明');
    expect(cs[0]!.note).toBe('催收员说要联系我单位，这是第二次了。');
    expect(metaOf(rs)[0]).toMatchObject({ org: '某某小额贷款有限公司', version: '2.1', position: 0 });
    expect(cs[1]!.name).toBe('李四');
  });

  it('keeps several numbers per person, normalised, without duplicates, with their types', async () => {
    const rs = await collect(parseVcard(chunked(fixture('contacts-21-gbk.vcf')), opts));
    const cs = contacts(rs);
    expect(cs[0]!.numbers).toEqual(['13800138000', '01012345678']);
    expect(metaOf(rs)[0]!.tels).toEqual([
      { number: '13800138000', types: ['cell'] },
      { number: '01012345678', types: ['home'] },
    ]);
    expect(cs[1]!.numbers).toEqual(['075523456789']);
  });

  it('skips PHOTO bodies, indented or not', async () => {
    const rs = await collect(parseVcard(chunked(fixture('contacts-21-gbk.vcf'), 1), opts));
    expect(contacts(rs)).toHaveLength(2);
  });
});

describe('parseVcard: 3.0 and 4.0', () => {
  it('3.0: folding, escapes, structured ORG, grouped TEL, PHOTO skipped', async () => {
    const rs = await collect(parseVcard(chunked(fixture('contacts-30.vcf')), opts));
    const cs = contacts(rs);
    expect(cs).toHaveLength(2);
    expect(cs[0]).toMatchObject({ name: '赵六', numbers: ['13900139000', '01087654321', '13700137000'] });
    expect(cs[0]!.note).toBe('第一行\n第二行, 带逗号; 带分号 这一行很长很长很长很长很长很长很长很长很长很长很长很长很长很长，被折行了');
    expect(metaOf(rs)[0]).toMatchObject({ org: '示例科技有限公司;北京分公司 研发部', title: '工程师', version: '3.0' });
    expect(metaOf(rs)[0]!.tels).toEqual([
      { number: '13900139000', types: ['cell', 'voice'] },
      { number: '01087654321', types: ['work'] },
      { number: '13700137000', types: ['mobile'] },
    ]);
    expect(cs[1]).toMatchObject({ name: 'Test Person', numbers: ['95588'] });
  });

  it('4.0: tel: URIs with ext, quoted TYPE lists, data: PHOTO', async () => {
    const rs = await collect(parseVcard(chunked(fixture('contacts-40.vcf'), 5), opts));
    const cs = contacts(rs);
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({ name: '孙七', numbers: ['13600136000', '02123456789', '13500135000'], note: '担保人, 借款合同上写的' });
    expect(metaOf(rs)[0]!.tels).toEqual([
      { number: '13600136000', types: ['cell', 'voice'] },
      { number: '02123456789', types: ['work'] },
      { number: '13500135000', types: ['home'] },
    ]);
  });

  it('builds a name from N when FN is missing (family first for Chinese)', async () => {
    const v = 'BEGIN:VCARD\nVERSION:3.0\nN:周;八;;;\nTEL:13800138000\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nN:Doe;Jane;;Dr.;\nTEL:13800138001\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nORG:某公司\nTEL:13800138002\nEND:VCARD\n';
    expect(contacts(await collect(parseVcard(chunked(v), opts))).map((c) => c.name)).toEqual(['周八', 'Dr. Jane Doe', '某公司']);
  });

  it('gives the same dedupe key to the same person, whatever the number spelling or order', async () => {
    const a = 'BEGIN:VCARD\nVERSION:3.0\nFN:张三\nTEL:+86 138 0013 8000\nTEL:010-12345678\nEND:VCARD\n';
    const b = 'BEGIN:VCARD\r\nVERSION:2.1\r\nFN:张三\r\nTEL;HOME:(010) 1234 5678\r\nTEL;CELL:13800138000\r\nEND:VCARD\r\n';
    const [x] = contacts(await collect(parseVcard(chunked(a), opts)));
    const [y] = contacts(await collect(parseVcard(chunked(b), opts)));
    expect(x!.dedupeKey).toBe(y!.dedupeKey);
    expect(x!.dedupeKey).toMatch(/^[0-9a-f]{64}$/);
  });

  it('skips an embedded AGENT card and empty cards', async () => {
    const v = 'BEGIN:VCARD\nVERSION:2.1\nFN:主\nAGENT:\nBEGIN:VCARD\nVERSION:2.1\nFN:代理\nTEL:13900000000\nEND:VCARD\nTEL:13800138000\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nEND:VCARD\n';
    const cs = contacts(await collect(parseVcard(chunked(v), opts)));
    expect(cs).toEqual([expect.objectContaining({ name: '主', numbers: ['13800138000'] })]);
  });
});

describe('parseVcard: file encodings', () => {
  const text = 'BEGIN:VCARD\r\nVERSION:2.1\r\nFN:王小明\r\nNOTE:第一次上门是在公司楼下\r\nTEL;CELL:13800138000\r\nEND:VCARD\r\n';
  const want = [expect.objectContaining({ name: '王小明', note: '第一次上门是在公司楼下', numbers: ['13800138000'] })];

  it.each([
    ['UTF-8', Buffer.from(text)],
    ['UTF-8 BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ['GBK', iconv.encode(text, 'gbk')],
    ['GB18030', iconv.encode(text, 'gb18030')],
    ['UTF-16LE BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])],
    ['UTF-16BE BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')])],
    ['UTF-16LE no BOM', iconv.encode(text, 'utf-16le')],
  ])('%s', async (_name, bytes) => {
    expect(contacts(await collect(parseVcard(chunked(bytes, 1), opts)))).toEqual(want);
    expect(contacts(await collect(parseVcard(chunked(bytes), opts)))).toEqual(want);
  });
});

describe('parseVcard: errors', () => {
  it('rejects an empty file and a file without cards', async () => {
    expect((await importError(parseVcard(chunked(''), opts))).message).toMatch(/no vCard/);
    expect((await importError(parseVcard(chunked('\r\n\r\n'), opts))).message).toMatch(/no vCard/);
  });

  it('rejects other content, naming the line', async () => {
    const e = await importError(parseVcard(chunked('\nname,number\n张三,13800138000\n'), opts));
    expect(e.message).toMatch(/BEGIN:VCARD/);
    expect(e.line).toBe(2);
    expect(e.message).not.toMatch(/13800138000|张三/);
  });

  it('rejects a file cut inside a card (truncated)', async () => {
    const b = fixture('contacts-30.vcf');
    for (const cut of [20, 100, 300, b.length - 12]) {
      const e = await importError(parseVcard(chunked(b.subarray(0, cut), 7), opts));
      expect(e.message).toMatch(/END:VCARD|truncated/);
    }
  });

  it('rejects a line that is not a property inside a card', async () => {
    const e = await importError(parseVcard(chunked('BEGIN:VCARD\nVERSION:3.0\nFN:x\nthis is not a property\nEND:VCARD\n'), opts));
    expect(e.line).toBe(4);
  });

  it('fuzz: mutated or truncated input completes or throws ImportFormatError', async () => {
    const base = Buffer.concat([fixture('contacts-21-gbk.vcf'), fixture('contacts-30.vcf'), fixture('contacts-40.vcf')]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), fc.nat(), fc.integer({ min: 1, max: 100 }), async (muts, cut, chunk) => {
        const b = Buffer.from(base);
        for (const [p, v] of muts) b[p % b.length] = v;
        await outcome(parseVcard(chunked(b.subarray(0, cut % (b.length + 1)), chunk), opts));
      }),
      { numRuns: 300 },
    );
  });
});

describe('vCard helpers', () => {
  it('parses params: bare 2.1 types, quoted lists, groups', () => {
    expect(parseProp('item1.TEL;TYPE="cell,voice";PREF=1:tel:+86')).toMatchObject({ group: 'item1', name: 'TEL', value: 'tel:+86' });
    expect(parseProp('TEL;CELL;QUOTED-PRINTABLE:1')!.params.get('ENCODING')).toEqual(['QUOTED-PRINTABLE']);
    expect(parseProp('no colon')).toBeNull();
  });

  it('decodes quoted-printable bytes', () => {
    expect(qpBytes('=E4=BD=A0a=3D=').toString('utf8')).toBe('你a=');
    expect(textValue(parseProp('FN;ENCODING=QUOTED-PRINTABLE;CHARSET=GB2312:=C4=E3=BA=C3')!)).toBe('你好');
    expect(textValue(parseProp('NOTE;ENCODING=b;CHARSET=UTF-8:5L2g5aW9')!)).toBe('你好');
  });
});
