import { describe, expect, it } from 'vitest';
import { detectFormat } from '../import/index.js';
import { IphoneBackupError, ENCRYPTED_MESSAGE } from '../import/iphone/backup.js';
import { ImportFormatError } from '../import/types.js';
import { AppError } from './errors.js';
import { explainImportFailure, sniffKind } from './import-messages.js';
import { CaptureDateNeeded } from './ocr-date.js';

function fail(name: string, head: Buffer): ImportFailureLike {
  try {
    detectFormat(head, name);
  } catch (e) {
    return explainImportFailure(name, head, e);
  }
  throw new Error('detectFormat accepted it');
}
type ImportFailureLike = ReturnType<typeof explainImportFailure>;

describe('import failure messages', () => {
  it('a PDF belongs on the evidence page, said in plain Chinese', () => {
    const f = fail('借款合同.pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n'));
    expect(f.hint).toBe('evidence');
    expect(f.message).toMatch(/^「借款合同\.pdf」是 PDF 文件/);
    expect(f.message).toContain('「证据」页');
    expect(f.message).not.toContain('无法识别文件格式');
    expect(f.detail).toContain('PDF');
  });

  it('names images, documents, APKs, zips and unknown text for what they are', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect(sniffKind(png, 'x.png')).toBe('image');
    expect(explainImportFailure('猫.png', png, new ImportFormatError('无法识别文件格式 / unrecognised file format: x', '猫.png')).message).toMatch(/是一张图片/);
    const docx = Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(26), Buffer.from('[Content_Types].xml', 'latin1')]);
    expect(fail('说明.docx', docx).message).toMatch(/Word、Excel 或 WPS/);
    const apk = Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(26), Buffer.from('AndroidManifest.xml', 'latin1')]);
    expect(fail('loan.apk', apk).message).toMatch(/安装包/);
    const zip = Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(26), Buffer.from('photos/1.jpg', 'latin1')]);
    const z = fail('备份.zip', zip);
    expect(z.message).toMatch(/压缩包，但里面不是 iPhone 备份/);
    expect(z.hint).toBeNull();
    const t = fail('notes.txt', Buffer.from('这不是备份文件\n'));
    expect(t.message).toMatch(/不是护讯认识的格式。护讯能读/);
  });

  it('a picture OCR read no screen in (a cat photo, a blank image, another app) belongs on the evidence page; a screenshot needing its date asks for it', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const cat = explainImportFailure('猫.png', png, new AppError('BAD_INPUT', '猫.png: 图片里没有找到文字（空白图片或照片？）/ no text found', { problem: 'no_text' }));
    expect(cat).toMatchObject({ hint: 'evidence', what: 'image' });
    expect(cat.text!.zh).toMatch(/^「猫\.png」是一张图片.*「证据」页/);
    expect(cat.detail).toContain('没有找到文字');
    const app = explainImportFailure('抖音.png', png, new AppError('BAD_INPUT', 'x', { problem: 'unknown_layout' }));
    expect(app.text!.zh).toContain('不像这几种截图');
    // A HEIC it cannot read, a truncated image: their own message (what to do with the file), no evidence button.
    expect(explainImportFailure('a.heic', png, new AppError('BAD_INPUT', 'HEIC…JPG', { problem: 'heic' })).hint).toBeNull();
    const dated = explainImportFailure('chat.jpg', png, new CaptureDateNeeded('chat.jpg'));
    expect(dated).toMatchObject({ hint: 'capture-date' });
    expect(dated.text!.zh).toMatch(/哪天截的/);
  });

  it('a damaged backup says so, with the line; iPhone messages pass through; other errors stay as they are', () => {
    const d = explainImportFailure('sms.xml', Buffer.from('<smses>'), new ImportFormatError('unexpected end', 'sms.xml', 12, 3));
    expect(d.message).toMatch(/不完整或已损坏（第 12 行附近/);
    const enc = explainImportFailure('iphone.zip', Buffer.from('PK'), new IphoneBackupError('ENCRYPTED', ENCRYPTED_MESSAGE, 'iphone.zip'));
    expect(enc.message).toBe(ENCRYPTED_MESSAGE);
    expect(explainImportFailure('a.mp3', Buffer.from('ID3'), new Error('录音文件太大')).message).toBe('录音文件太大');
  });
});
