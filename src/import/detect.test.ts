import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { chunked, collect, events, contacts, fixture } from './testing.js';
import { detectFormat } from './detect.js';
import { parseAny } from './index.js';
import { ImportFormatError } from './types.js';

const B = (s: string) => Buffer.from(s);

describe('detectFormat', () => {
  it.each([
    ['sms-sample.xml', 'x.bin', 'sms-backup-xml'],
    ['calls-sample.xml', 'x.bin', 'calls-backup-xml'],
    ['contacts-21-gbk.vcf', 'x.txt', 'vcard'],
    ['contacts-30.vcf', 'noext', 'vcard'],
    ['contacts-40.vcf', 'a.vcf', 'vcard'],
  ])('%s by content (named %s) → %s', (name, fileName, want) => {
    expect(detectFormat(fixture(name), fileName)).toBe(want);
  });

  it('content wins over the extension', () => {
    expect(detectFormat(fixture('sms-sample.xml'), 'calls-2024.xml')).toBe('sms-backup-xml');
    expect(detectFormat(B('BEGIN:VCARD\r\nVERSION:3.0\r\n'), 'data.csv')).toBe('vcard');
    expect(detectFormat(B('时间,号码,内容\n'), 'x.vcf.txt')).toBe('csv-events');
  });

  it('reads CSV headers in any encoding', () => {
    const h = '时间,号码,内容\r\n2024-06-12 07:42,13800138000,你好\r\n';
    expect(detectFormat(B(h), 'a.csv')).toBe('csv-events');
    expect(detectFormat(Buffer.concat([B('\uFEFF'), B(h)]), 'a.csv')).toBe('csv-events');
    expect(detectFormat(iconv.encode(h, 'gbk'), 'a.csv')).toBe('csv-events');
    expect(detectFormat(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(h, 'utf-16le')]), 'a.csv')).toBe('csv-events');
    expect(detectFormat(iconv.encode(h, 'utf-16be'), 'a.csv')).toBe('csv-events');
    expect(detectFormat(B('姓名,手机号,关系\n'), 'a.csv')).toBe('csv-contacts');
    expect(detectFormat(B('name\tnumber\n'), 'a.tsv')).toBe('csv-contacts');
  });

  it('uses the file name when the XML root is beyond the head', () => {
    const head = B(`<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<!--${'x'.repeat(100)}`);
    expect(detectFormat(head, 'sms-20240612.xml')).toBe('sms-backup-xml');
    expect(detectFormat(head, '/sdcard/SMSBackupRestore/calls-20240612.xml')).toBe('calls-backup-xml');
    expect(() => detectFormat(head, 'other.xml')).toThrow(ImportFormatError);
  });

  it('uses the file name for a CSV that fits both tables', () => {
    expect(detectFormat(B('姓名,号码,时间\n'), 'x.csv')).toBe('csv-events');
    expect(detectFormat(B('姓名,号码,时间\n'), '通讯录联系人.csv')).toBe('csv-contacts');
  });

  it('rejects empty, unknown and binary input with the list of formats in Chinese and English', () => {
    const cases: Array<[Buffer, string, RegExp]> = [
      [Buffer.alloc(0), 'a.xml', /empty/],
      [B('  \r\n'), 'a.csv', /empty/],
      [B('<html><body/></html>'), 'a.xml', /<html>/],
      [B('foo,bar\n1,2\n'), 'a.csv', /CSV/],
      [B('BEGIN:VCALENDAR\n'), 'a.vcf', /BEGIN:VCARD/],
      [B('PK\u0003\u0004rest'), 'a.apk', /ZIP/],
      [B('%PDF-1.7'), 'a.pdf', /PDF/],
      [Buffer.from([0, 1, 2, 3, 4, 255, 254, 0, 7]), 'a.bin', /unrecognised/],
    ];
    for (const [head, name, re] of cases) {
      let err: unknown;
      try {
        detectFormat(head, name);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ImportFormatError);
      const e = err as ImportFormatError;
      expect(e.message).toMatch(re);
      expect(e.file).toBe(name);
      if (head.length > 0 && head.toString().trim() !== '') {
        expect(e.message).toMatch(/支持的格式/);
        expect(e.message).toMatch(/supported formats/);
        expect(e.message).toMatch(/vCard/);
      }
    }
  });
});

describe('parseAny', () => {
  it('dispatches on the detected format', async () => {
    for (const [name, n] of [
      ['sms-sample.xml', 10],
      ['calls-sample.xml', 10],
      ['contacts-30.vcf', 2],
    ] as const) {
      const b = fixture(name);
      const rs = await collect(parseAny(detectFormat(b, name), chunked(b), { file: name }));
      expect(rs).toHaveLength(n);
    }
    const csv = B('时间,号码\n2024-06-12 07:42,13800138000\n');
    expect(events(await collect(parseAny(detectFormat(csv, 'a.csv'), chunked(csv), { file: 'a.csv' })))).toHaveLength(1);
    const cc = B('姓名,号码\n张三,13800138000\n');
    expect(contacts(await collect(parseAny(detectFormat(cc, 'a.csv'), chunked(cc), { file: 'a.csv' })))).toHaveLength(1);
  });
});
