import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as yauzl from 'yauzl';
import type { DocModel } from '../domain/documents/model.js';
import { renderDocx } from './docx.js';
import { coverageOf, loadFonts, woffToSfnt } from './fonts.js';
import { renderPdf } from './pdf.js';
import { sampleComplaint } from './sample.js';
import { ANSWER_MAX_CHARS } from '../domain/limits.js';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const POPPLER = has('pdftotext') && has('pdftoppm');
const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url).pathname;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'huxun-render-'));
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pdfText(pdf: Buffer, name: string, args: string[] = []): string {
  const p = join(dir, `${name}.pdf`);
  writeFileSync(p, pdf);
  return execFileSync('pdftotext', [...args, '-enc', 'UTF-8', p, '-']).toString('utf8');
}

function firstPagePng(pdf: Buffer, name: string): string {
  const p = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(p, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', p, join(ARTIFACTS, name)]);
  return join(ARTIFACTS, `${name}.png`);
}

async function docxPart(docx: Buffer, part: string): Promise<string> {
  const zip = await yauzl.fromBufferPromise(docx, { lazyEntries: true });
  try {
    for await (const e of zip.eachEntry()) {
      if (e.fileName !== part) continue;
      const chunks: Buffer[] = [];
      for await (const c of (await zip.openReadStreamPromise(e)) as AsyncIterable<Buffer>) chunks.push(c);
      return Buffer.concat(chunks).toString('utf8');
    }
  } finally {
    zip.close();
  }
  throw new Error(`${part} not in the docx`);
}

describe('fonts', () => {
  it('converts the fontsource WOFF to an sfnt with the Chinese glyphs', async () => {
    const woff = readFileSync(new URL('../../node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff', import.meta.url));
    const sfnt = woffToSfnt(woff);
    expect([0x00010000, 0x4f54544f]).toContain(sfnt.readUInt32BE(0)); // TrueType or 'OTTO'
    const cov = coverageOf(sfnt);
    for (const ch of '催收通讯录借款逾期投诉〔〕U+0123456789ABCDEF') expect(cov.has(ch.codePointAt(0)!), ch).toBe(true);
    for (const ch of ['😀', '𠮷', '㛃']) expect(cov.has(ch.codePointAt(0)!), ch).toBe(false);
    expect(() => woffToSfnt(Buffer.from('not a font at all, really'))).toThrow(/WOFF/);
  });

  it('loads once per process', async () => {
    const a = await loadFonts([]);
    const b = await loadFonts([]);
    expect(a).toBe(b);
    expect(a.fallbacks).toEqual([]);
  });
});

describe.skipIf(!POPPLER)('renderPdf', () => {
  it('draws the Chinese facts, the table and page numbers (text extracted with pdftotext)', async () => {
    const pdf = await renderPdf(sampleComplaint({ rows: 40 }), { creationDate: new Date(Date.UTC(2026, 0, 5)) });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf, 'complaint');
    const flat = text.replace(/\s+/g, '');
    for (const s of ['关于某某消费金融有限公司违规催收的投诉书', '再不还钱就爆你通讯录', '2025年12月3日至2026年1月4日', '13900001111', '《中华人民共和国个人信息保护法》第十条', '行业自律（非强制）', '依法处理相关催收人员', '投诉人：王小明', '草稿：本文书由护讯'])
      expect(flat).toContain(s);
    // A citation shows how binding it is, never a note on how its text was checked (that stays in the app's views).
    for (const s of ['未核对原文', '已核对原文']) expect(flat).not.toContain(s);
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(flat).toContain(`第1页/共${pages.length}页`);
    // The table header is repeated on the page the table continues on.
    const cont = pages.findIndex((p, i) => i > 0 && p.includes('身败名裂'));
    expect(cont).toBeGreaterThan(0);
    expect(pages[cont]!.replace(/\s+/g, '')).toContain('日期时间号码类型内容摘要');
    const png = firstPagePng(pdf, 'complaint-page1');
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
  });

  it('never drops characters the font lacks: placeholders without fallback fonts', async () => {
    const model: DocModel = { title: '特殊字符测试', lang: 'zh-CN', blocks: [{ type: 'paragraph', text: '表情😀，生僻字𠮷与㛃，家庭👨‍👩‍👧，心❤️，格鲁吉亚文ა，零宽\u200b空格，控制\u0007符。' }] };
    const pdf = await renderPdf(model, { fallbackFonts: [] });
    const flat = pdfText(pdf, 'placeholders').replace(/\s+/g, '');
    expect(flat).toContain('表情〔U+1F600〕');
    expect(flat).toContain('生僻字〔U+20BB7〕与〔U+36C3〕');
    expect(flat).toContain('家庭〔U+1F468U+1F469U+1F467〕'); // one cluster, ZWJ not drawn
    expect(flat).toContain('心〔U+2764〕');
    expect(flat).toContain('零宽空格'); // a zero-width space has nothing to draw
    expect(flat).toContain('控制〔U+0007〕符');
    firstPagePng(pdf, 'placeholders-page1');
  });

  it('uses the system fallback fonts when present, else placeholders', async () => {
    const model: DocModel = { title: 'Fallback', lang: 'zh-CN', blocks: [{ type: 'paragraph', text: '😀 𠮷 㛃 ა ✓ 催收' }] };
    const fonts = await loadFonts();
    const pdf = await renderPdf(model);
    const text = pdfText(pdf, 'fallback');
    for (const [ch, ph] of [['😀', '〔U+1F600〕'], ['𠮷', '〔U+20BB7〕'], ['㛃', '〔U+36C3〕'], ['ა', '〔U+10D0〕'], ['✓', '〔U+2713〕']] as const) {
      const covered = fonts.fallbacks.some((f) => f.coverage.has(ch.codePointAt(0)!));
      expect(text, ch).toContain(covered ? ch : ph);
    }
    expect(text).toContain('催收');
    firstPagePng(pdf, 'fallback-page1');
    if (fonts.fallbacks.length) {
      const fontsOut = execFileSync('pdffonts', [join(dir, 'fallback.pdf')]).toString();
      expect(fontsOut).toMatch(/NotoSansSC/);
    }
  });

  it('handles an empty document and English', async () => {
    const pdf = await renderPdf({ title: 'Complaint about debt collection', lang: 'en', blocks: [] });
    expect(pdfText(pdf, 'en')).toContain('Page 1 of 1');
  });
});

describe('renderDocx', () => {
  it('writes editable Word XML with the text, headings, a table, lists and East Asian fonts', async () => {
    const model = sampleComplaint();
    const docx = await renderDocx({ ...model, blocks: [...model.blocks, { type: 'paragraph', text: 'A & B < C > D "引号"' }] });
    writeFileSync(join(ARTIFACTS, 'complaint.docx'), docx);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const xml = await docxPart(docx, 'word/document.xml');
    for (const s of ['关于某某消费金融有限公司违规催收的投诉书', '再不还钱就爆你通讯录', '《中华人民共和国个人信息保护法》第十条', '投诉人：王小明', '13900001111']) expect(xml).toContain(s);
    expect(xml).toContain('w:eastAsia="SimSun"');
    expect(xml).toContain('w:eastAsia="SimHei"');
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>/);
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:numPr>');
    expect(xml).toContain('A &amp; B &lt; C &gt; D');
    const styles = await docxPart(docx, 'word/styles.xml');
    expect(styles).toMatch(/w:eastAsia="zh-CN"/);
    expect(styles).toMatch(/w:eastAsia="SimSun"/);
    const settings = await docxPart(docx, 'word/document.xml');
    expect(settings).toMatch(/w:w="11906" w:h="16838"/); // A4
    const footer = await docxPart(docx, 'word/footer1.xml');
    expect(footer).toContain('PAGE');
  });
});

describe('long unbroken text (issue 10: pdfkit re-measures over-long words)', () => {
  const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  // The longest answer the schema allows, as one run with no break opportunity: Latin letters, then digits.
  for (const [name, run] of [
    ['latin', 'a'.repeat(ANSWER_MAX_CHARS)],
    ['digits', '1234567890'.repeat(ANSWER_MAX_CHARS / 10)],
  ] as const) {
    it(`renders a ${ANSWER_MAX_CHARS}-character ${name} run whole, in a paragraph and a table cell`, async () => {
      const base = sampleComplaint({ rows: 2 });
      const model: DocModel = { ...base, blocks: [...base.blocks, { type: 'paragraph', text: run }, { type: 'table', headers: ['a', 'b'], rows: [['x', run.slice(0, 500)]], widths: [1, 6] }] };
      const pdf = await renderPdf(model, { creationDate: new Date(0) });
      const plain = await renderPdf(base, { creationDate: new Date(0) });
      expect(pages(pdf)).toBeGreaterThan(pages(plain));
      if (POPPLER) {
        // Every character is drawn: the run's lines (page footers fall between them) put back together.
        const only = new RegExp(`^[${name === 'latin' ? 'a' : '0-9'}\u00ad-]+$`);
        const lines = pdfText(pdf, `long-${name}`).replace(/\f/g, '').split('\n').filter((l) => only.test(l));
        expect(lines.join('').replace(/[\u00ad-]/g, '')).toContain(run);
      }
    });
  }
});
