/**
 * What the import page tells a person about a file it could not import: in plain Chinese first (English
 * after), what the file is and where such a file belongs — never a parser's words alone. The parser's
 * message is kept as `detail` (shown folded, for a helper). Sniffed from the file's first bytes.
 */
import { ImportFormatError } from '../import/types.js';
import { IphoneBackupError } from '../import/iphone/backup.js';
import { AppError } from './errors.js';
import { isCaptureDateNeeded } from './ocr-date.js';

export interface ImportFailure {
  /** The sentence to show (Chinese, then English). */
  message: string;
  /** The same in each language, when it was written here (the page shows the reader's half); null otherwise. */
  text: { zh: string; en: string } | null;
  /** The original error text, for whoever helps. */
  detail: string;
  /**
   * Where such a file belongs: the evidence page; 'capture-date' for a screenshot that needs the day it was taken
   * (the page asks for it and reads the screenshot again); or null (fix the file and import again).
   */
  hint: 'evidence' | 'capture-date' | null;
  /** What the file was taken to be. */
  what: FileKind;
}

export type FileKind = 'pdf' | 'image' | 'office' | 'apk' | 'zip' | 'video' | 'audio' | 'text' | 'empty' | 'backup' | 'unknown';

export function sniffKind(head: Buffer, name: string): FileKind {
  if (head.length === 0) return 'empty';
  const s = (a: number, b: number) => head.toString('latin1', a, b);
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (s(0, 4) === '%PDF') return 'pdf';
  if (head[0] === 0x89 && s(1, 4) === 'PNG') return 'image';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image';
  if (s(0, 4) === 'GIF8' || s(0, 2) === 'BM' && ext === 'bmp') return 'image';
  if (s(0, 4) === 'RIFF' && s(8, 12) === 'WEBP') return 'image';
  if (s(4, 8) === 'ftyp') {
    const brand = s(8, 12);
    if (/^(heic|heix|heim|heis|mif1|msf1|avif)/.test(brand)) return 'image';
    if (/^(M4A |M4B )/.test(brand)) return 'audio';
    return 'video';
  }
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'office'; // .doc/.xls/.wps
  if (s(0, 4) === 'PK\u0003\u0004') {
    const inner = head.toString('latin1', 0, Math.min(head.length, 4096));
    if (/AndroidManifest\.xml|classes\.dex/.test(inner) || ext === 'apk') return 'apk';
    if (/\[Content_Types\]\.xml|word\/|xl\/|ppt\/|mimetype/.test(inner) || /^(docx|xlsx|pptx|odt|ods)$/.test(ext)) return 'office';
    return 'zip';
  }
  if (s(0, 4) === 'Rar!' || s(0, 6) === '7z\u00bc\u00af\u0027\u001c') return 'zip';
  if (/^(mp4|mov|avi|mkv|3gp)$/.test(ext)) return 'video';
  if (/^(mp3|m4a|amr|wav|aac|ogg|opus|flac)$/.test(ext)) return 'audio';
  const sample = head.subarray(0, Math.min(head.length, 2048));
  let control = 0;
  for (const b of sample) if (b < 9 || (b > 13 && b < 32)) control++;
  return control > sample.length * 0.02 ? 'unknown' : 'text';
}

const READS_ZH =
  '护讯能读：「SMS Backup & Restore」导出的短信和通话记录（.xml）、通讯录（.vcf）、CSV 表格、iPhone 的电脑备份（整个备份文件夹）、通话录音（.m4a .mp3 .amr .wav .aac）和截图。';
const READS_EN = 'Huxun reads SMS Backup & Restore XML (messages and calls), vCard contacts, CSV, iPhone computer backups (the whole backup folder), call recordings and screenshots.';

/** The message for a file that failed to import. `head` is its first bytes (may be empty when unreadable). */
export function explainImportFailure(file: string, head: Buffer, err: unknown): ImportFailure {
  const detail = err instanceof Error ? err.message : String(err);
  const q = `「${file}」`;
  // Already written for a person (how to make an unencrypted backup, a folder that is not a backup…).
  if (err instanceof IphoneBackupError) return { message: err.message.replace(/^[^:]*: /, ''), text: null, detail, hint: null, what: 'backup' };
  // A picture OCR found no chat, SMS or call log in (a photo of a cat, of an IOU, a blank image, another app): what it
  // is, and that it belongs with the evidence if it matters — OCR's own reason kept as the detail.
  const problem = err instanceof AppError ? (err.details as { problem?: string } | undefined)?.problem : undefined;
  if (problem === 'no_text' || problem === 'unknown_layout') {
    const q = `「${file}」`;
    const zh = `${q}是一张图片，护讯没能从中读出短信、微信聊天或通话记录（${problem === 'no_text' ? '图里没有找到文字' : '不像这几种截图'}；护讯认得安卓和 iPhone 的短信、微信聊天、通话记录截图）。如果它是照片、借条或其他材料，请到「证据」页把它作为证据添加：它会原样保存，记入证据链，也会放进证据包。`;
    const en = `${file} is an image in which Huxun found no SMS, chat or call-log screen (${problem === 'no_text' ? 'no text in it' : 'not one of those screens'}). If it is a photo, an IOU or other material, add it on the Evidence page: it is kept as it is, entered in the evidence chain and put in the bundle.`;
    return { message: `${zh} / ${en}`, text: { zh, en }, detail, hint: 'evidence', what: 'image' };
  }
  if (isCaptureDateNeeded(err)) {
    return {
      message: detail, detail, hint: 'capture-date', what: 'image',
      text: {
        zh: `${q}里的时间写的是「昨天」「星期三」「上午」这类说法，要知道截图是哪天截的才能算出具体日期。请在下面填上截图日期，护讯会只把这些截图再识别一遍。`,
        en: `${file} shows times like "yesterday", "Wednesday" or "morning": Huxun needs the day the screenshot was taken. Enter it below and only these screenshots are read again.`,
      },
    };
  }
  const unknownFormat = /无法识别文件格式|unrecognised file format|文件为空|the file is empty|文件是空的/.test(detail);
  const what = sniffKind(head, file);
  const say = (zh: string, en: string, hint: 'evidence' | null = null): ImportFailure => ({ message: `${zh} / ${en}`, text: { zh, en }, detail, hint, what });
  const evidence = (zh: string, en: string): ImportFailure =>
    say(`${q}${zh}请到「证据」页把它作为证据添加：它会原样保存，记入证据链，也会放进证据包。`, `${file} ${en} Add it on the Evidence page: it is kept as it is, entered in the evidence chain and put in the bundle.`, 'evidence');
  if (!unknownFormat && !(err instanceof ImportFormatError)) return { message: detail, text: null, detail, hint: null, what };
  if (what === 'empty') return say(`${q}是空文件，里面什么也没有。请重新导出一次。`, `${file} is empty: export it again.`);
  if (unknownFormat) {
    switch (what) {
      case 'pdf':
        return evidence('是 PDF 文件（比如借款合同、还款记录、律师函）。护讯不从 PDF 里读取短信或通话。', 'is a PDF (a contract, a repayment record, a letter). Huxun does not read messages or calls from PDFs.');
      case 'image':
        return evidence('是一张图片，护讯没能从中读出短信、聊天或通话记录（只认得手机短信、微信聊天和通话记录的截图）。如果它是照片、借条或其他材料，', 'is an image in which Huxun found no SMS, chat or call-log screen. If it is a photo, an IOU or other material,');
      case 'office':
        return evidence('是 Word、Excel 或 WPS 文档。护讯不从文档里读取短信或通话。', 'is a Word, Excel or WPS document. Huxun does not read messages or calls from documents.');
      case 'video':
        return evidence('是视频文件。护讯不从视频里读取短信或通话。', 'is a video. Huxun does not read messages or calls from videos.');
      case 'apk':
        return evidence('是安卓安装包（APK），不是备份文件。', 'is an Android app package (APK), not a backup.');
      case 'audio':
        return evidence('是音频文件，但护讯认不出它的格式（通话录音支持 .m4a .mp3 .amr .wav .aac）。', 'is audio in a format Huxun does not recognise (call recordings: .m4a .mp3 .amr .wav .aac).');
      case 'zip':
        return say(
          `${q}是压缩包，但里面不是 iPhone 备份。请先解压，再把里面的短信、通话或通讯录备份文件（.xml、.vcf、.csv）拖进来；iPhone 备份请用「选择 iPhone 备份文件夹」。`,
          `${file} is an archive but not an iPhone backup: unpack it and import the backup files inside; for an iPhone backup use "Choose iPhone backup folder".`,
        );
      default:
        return say(`${q}不是护讯认识的格式。${READS_ZH}`, `${file} is not a format Huxun knows. ${READS_EN}`);
    }
  }
  // A known format that breaks part-way: the file is damaged or cut short.
  const lineZh = err instanceof ImportFormatError && err.line != null ? `（第 ${err.line} 行附近）` : '';
  const lineEn = err instanceof ImportFormatError && err.line != null ? ` (near line ${err.line})` : '';
  return say(
    `${q}看起来是备份文件，但内容不完整或已损坏${lineZh}，一条也没有导入。请在手机上重新导出一份，完整传到电脑上再导入。`,
    `${file} looks like a backup but is damaged or cut short${lineEn}; nothing was imported. Export it again on the phone and copy it over whole.`,
  );
}
