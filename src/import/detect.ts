/**
 * Format detection from the first bytes of a file. Content decides; the file name only breaks ties
 * (an XML head too short to show its root element, a CSV header that fits both tables).
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { analyzeHeader } from './csv.js';
import { incompleteTail } from './stream.js';
import { ImportFormatError, type FormatId } from './types.js';

/** How many bytes detectFormat wants to see (it works with fewer). */
export const DETECT_HEAD_BYTES = 64 * 1024;

export const SUPPORTED_FORMATS_TEXT = [
  '支持的格式 / supported formats:',
  '- 「SMS Backup & Restore」短信备份 XML（sms-*.xml，根元素 <smses>）/ SMS Backup & Restore messages XML (root <smses>)',
  '- 「SMS Backup & Restore」通话记录 XML（calls-*.xml，根元素 <calls>）/ SMS Backup & Restore call-log XML (root <calls>)',
  '- vCard 通讯录（.vcf，2.1 / 3.0 / 4.0）/ vCard contacts (.vcf, 2.1 / 3.0 / 4.0)',
  '- CSV 事件表（需要「时间」列）/ CSV events (needs an "at" / 时间 column)',
  '- CSV 联系人表（需要「姓名」「号码」列）/ CSV contacts (needs "name" / 姓名 and "number" / 号码 columns)',
  '- iPhone 电脑备份（不加密；整个备份文件夹，或它的 .zip）/ an unencrypted iPhone backup (its folder, or a zip of it)',
  '- 通话录音（.m4a .mp3 .amr .wav .aac）/ call recordings (m4a, mp3, amr, wav, aac)',
].join('\n');

function unknown(fileName: string, why: string): ImportFormatError {
  return new ImportFormatError(`无法识别文件格式 / unrecognised file format: ${why}\n${SUPPORTED_FORMATS_TEXT}`, fileName);
}

/** Decodes a head for sniffing: BOM, UTF-16 NUL pattern, UTF-8, else GB18030. Never throws. */
export function decodeHead(head: Buffer): string {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return head.toString('utf8', 3);
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return iconv.decode(head.subarray(2), 'utf-16le');
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return iconv.decode(head.subarray(2), 'utf-16be');
  const n = Math.min(head.length, 512) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  if (n >= 4 && odd >= (n / 2) * 0.3 && even <= (n / 2) * 0.05) return iconv.decode(head, 'utf-16le');
  if (n >= 4 && even >= (n / 2) * 0.3 && odd <= (n / 2) * 0.05) return iconv.decode(head, 'utf-16be');
  const body = head.subarray(0, head.length - incompleteTail(head));
  return isUtf8(body) ? body.toString('utf8') : iconv.decode(head, 'gb18030');
}

export function detectFormat(head: Buffer, fileName: string): FormatId {
  if (head.length === 0) throw new ImportFormatError('文件为空 / the file is empty', fileName);
  const magic = head.subarray(0, 4).toString('latin1');
  if (magic.startsWith('PK\u0003\u0004')) throw unknown(fileName, '这是 ZIP/APK 压缩包 / this is a ZIP or APK archive');
  if (magic === '%PDF') throw unknown(fileName, '这是 PDF 文件 / this is a PDF file');
  const text = decodeHead(head).replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new ImportFormatError('文件为空 / the file is empty', fileName);
  const base = fileName.replace(/^.*[\\/]/, '').toLowerCase();
  const ext = /\.([a-z0-9]+)$/.exec(base)?.[1] ?? '';
  const lead = text.trimStart();

  if (lead.startsWith('<')) {
    const root = xmlRoot(lead);
    if (root === 'smses') return 'sms-backup-xml';
    if (root === 'calls') return 'calls-backup-xml';
    if (root != null) throw unknown(fileName, `XML 根元素 <${root.slice(0, 40)}> 不是支持的备份 / the XML root <${root.slice(0, 40)}> is not a supported backup`);
    // Root not within the head: the app's file names break the tie.
    if (/^sms/.test(base)) return 'sms-backup-xml';
    if (/^call/.test(base)) return 'calls-backup-xml';
    throw unknown(fileName, '文件开头看不到 XML 根元素 / no XML root element in the first bytes');
  }

  const firstLine = lead.split(/\r\n|\r|\n/, 1)[0] ?? '';
  if (/^BEGIN\s*:\s*VCARD\s*$/i.test(firstLine.trim())) return 'vcard';
  if (ext === 'vcf' || ext === 'vcard') throw unknown(fileName, '.vcf 文件应以 BEGIN:VCARD 开头 / a .vcf file should start with BEGIN:VCARD');

  if (!/[\u0000-\u0008\u000e-\u001f]/.test(firstLine)) {
    const h = analyzeHeader(firstLine, fileName);
    if (h.kind === 'events') return 'csv-events';
    if (h.kind === 'contacts') return 'csv-contacts';
    if (ext === 'csv' || ext === 'tsv' || ext === 'txt') {
      throw unknown(
        fileName,
        'CSV 表头不认识：事件表需要「时间」(at) 列，联系人表需要「姓名」(name)「号码」(number) 列 / CSV header not recognised: events need an "at" (时间) column, contacts need "name" (姓名) and "number" (号码)',
      );
    }
  }
  throw unknown(fileName, '内容不像任何支持的格式 / the content matches none of the supported formats');
}

/** Name of the first element of an XML head, skipping the declaration, PIs, comments and DOCTYPE. */
function xmlRoot(s: string): string | null {
  let i = 0;
  for (;;) {
    while (i < s.length && /\s/.test(s[i]!)) i++;
    if (i >= s.length) return null;
    if (s[i] !== '<') return null;
    if (s.startsWith('<?', i)) {
      const e = s.indexOf('?>', i + 2);
      if (e === -1) return null;
      i = e + 2;
    } else if (s.startsWith('<!--', i)) {
      const e = s.indexOf('-->', i + 4);
      if (e === -1) return null;
      i = e + 3;
    } else if (s.startsWith('<!', i)) {
      const e = s.indexOf('>', i + 2);
      if (e === -1) return null;
      i = e + 1;
    } else {
      const m = /^<([A-Za-z_][\w.:-]*)/.exec(s.slice(i, i + 200));
      return m ? m[1]! : null;
    }
  }
}
