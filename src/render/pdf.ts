/**
 * DocModel → PDF (pdfkit, A4), with the Noto Sans SC font embedded (subset), text split across fallback fonts by
 * glyph coverage (segments.ts), tables that wrap and repeat their header across pages, and page numbers.
 */
import PDFDocument from 'pdfkit';
import { toRuns, type Block, type DocModel, type RichText, type TextRun } from '../domain/documents/model.js';
import { loadFonts, type FontSet } from './fonts.js';
import { breakLongRuns, drawnText, segmentText, SOFT_HYPHEN, type Segment } from './segments.js';
import { PDF_MAX_UNBROKEN_CHARS } from '../domain/limits.js';
import { citationExcerpt, labels } from './labels.js';
import { relativeColumnWidths } from './layout.js';

export interface PdfOptions {
  /** Fallback font files to use instead of the default system list ([] for none: placeholders only). */
  fallbackFonts?: readonly string[];
  /** Fixed creation date (for reproducible output). Default: now. */
  creationDate?: Date;
}

const MARGIN = { top: 64, bottom: 64, left: 64, right: 64 };
const BODY = 11;
const LINE_GAP = 3.5;
const COLOR = { text: '#1a1a1a', muted: '#666666', rule: '#9a9a9a', headFill: '#eeeeee', noteFill: '#fff7e0', noteStroke: '#d89a00', cite: '#b0b0b0' };

type Doc = PDFKit.PDFDocument;

class Writer {
  readonly width: number;
  constructor(
    readonly doc: Doc,
    readonly fonts: FontSet,
  ) {
    this.width = doc.page.width - MARGIN.left - MARGIN.right;
    for (const f of [fonts.regular, fonts.bold, ...fonts.fallbacks]) {
      let zero = false;
      if (f.coverage.has(0xad)) {
        doc.font(f.name);
        zero = doc.widthOfString(SOFT_HYPHEN) === 0;
      }
      this.shy.set(f.name, zero);
    }
  }

  get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  /** Runs as font segments, long unbroken runs given break opportunities (breakLongRuns: keeps layout linear). */
  segs(runs: readonly TextRun[]): Segment[] {
    const out: Segment[] = [];
    for (const r of runs) for (const s of segmentText(r.text, r.bold ? this.fonts.bold : this.fonts.regular, this.fonts.fallbacks)) out.push(s);
    return breakLongRuns(out, PDF_MAX_UNBROKEN_CHARS, this.softHyphen);
  }

  /** Fonts that draw U+00AD as nothing (its glyph has no width); others get no soft hyphens. */
  private readonly softHyphen = (font: string): boolean => this.shy.get(font) ?? false;
  private readonly shy = new Map<string, boolean>();

  /** Height of runs at the current font size in a box of `width`. */
  height(runs: readonly TextRun[], width: number, size: number, lineGap = LINE_GAP): number {
    const text = drawnText(this.segs(runs));
    if (!text) return 0;
    this.doc.font(this.fonts.regular.name).fontSize(size);
    return this.doc.heightOfString(text, { width, lineGap });
  }

  /** Writes runs as one paragraph at (x, y) or at the cursor; pdfkit wraps and breaks pages. */
  write(runs: readonly TextRun[], o: { x?: number; y?: number; width?: number; size?: number; align?: 'left' | 'center' | 'right' | 'justify'; color?: string; lineGap?: number; height?: number; lineBreak?: boolean }): void {
    const doc = this.doc;
    const segs = this.segs(runs).filter((s) => s.text.length > 0);
    if (segs.length === 0) return;
    doc.fontSize(o.size ?? BODY).fillColor(o.color ?? COLOR.text);
    const opts: PDFKit.Mixins.TextOptions = { width: o.width ?? this.width, align: o.align ?? 'left', lineGap: o.lineGap ?? LINE_GAP };
    if (o.height !== undefined) Object.assign(opts, { height: o.height, ellipsis: true });
    if (o.lineBreak === false) opts.lineBreak = false;
    segs.forEach((s, i) => {
      doc.font(s.font);
      const continued = i < segs.length - 1;
      if (i === 0) {
        const x = o.x ?? MARGIN.left;
        if (o.y !== undefined) doc.text(s.text, x, o.y, { ...opts, continued });
        else doc.text(s.text, x, doc.y, { ...opts, continued });
      } else doc.text(s.text, { continued });
    });
    doc.fillColor(COLOR.text);
  }

  /** Starts a new page unless `h` points fit below the cursor. */
  ensure(h: number): void {
    if (this.doc.y + h > this.bottom) this.doc.addPage();
  }

  gap(pt: number): void {
    if (this.doc.y + pt < this.bottom) this.doc.y += pt;
  }
}

function runs(t: RichText): readonly TextRun[] {
  return toRuns(t);
}

function heading(w: Writer, b: Extract<Block, { type: 'heading' }>): void {
  const size = b.level === 1 ? 15 : b.level === 2 ? 13 : 11.5;
  const r = [{ text: b.text, bold: true }];
  const h = w.height(r, w.width, size);
  w.gap(b.level === 1 ? 12 : 9);
  w.ensure(h + 2 * (BODY + LINE_GAP)); // keep with the next two lines
  if (b.level <= 2) w.doc.outline.addItem(b.text);
  w.write(r, { size });
  w.gap(4);
}

function paragraph(w: Writer, t: RichText, indent = 0): void {
  w.write(runs(t), { x: MARGIN.left + indent, width: w.width - indent, align: 'left' });
  w.gap(6);
}

function list(w: Writer, b: Extract<Block, { type: 'list' }>): void {
  const indent = 22;
  b.items.forEach((item, i) => {
    const marker = b.ordered ? `${i + 1}.` : '•';
    const r = runs(item);
    w.ensure(Math.min(w.height(r, w.width - indent, BODY), BODY * 3));
    const y = w.doc.y;
    w.write([{ text: marker }], { x: MARGIN.left + 4, y, width: indent - 4, lineBreak: false });
    w.write(r, { x: MARGIN.left + indent, y, width: w.width - indent });
    w.gap(3);
  });
  w.gap(4);
}

function columnWidths(b: Extract<Block, { type: 'table' }>, cols: number, total: number): number[] {
  return relativeColumnWidths(b, cols).map((x) => x * total);
}

function table(w: Writer, b: Extract<Block, { type: 'table' }>): void {
  const doc = w.doc;
  const cols = Math.max(b.headers.length, ...b.rows.map((r) => r.length));
  if (cols === 0) return;
  const widths = columnWidths(b, cols, w.width);
  const size = 9.5;
  const pad = 4;
  const maxRow = w.bottom - MARGIN.top - 60;
  const rowHeight = (cells: readonly string[], bold: boolean) =>
    Math.min(maxRow, Math.max(...widths.map((cw, i) => w.height([{ text: cells[i] ?? '', bold }], cw - 2 * pad, size, 1.5))) + 2 * pad);
  const drawRow = (cells: readonly string[], header: boolean) => {
    const h = rowHeight(cells, header);
    const y = doc.y;
    let x = MARGIN.left;
    doc.lineWidth(0.6).strokeColor(COLOR.rule);
    widths.forEach((cw, i) => {
      if (header) doc.rect(x, y, cw, h).fillAndStroke(COLOR.headFill, COLOR.rule);
      else doc.rect(x, y, cw, h).stroke();
      w.write([{ text: cells[i] ?? '', bold: header }], { x: x + pad, y: y + pad, width: cw - 2 * pad, size, lineGap: 1.5, height: h - 2 * pad });
      x += cw;
    });
    doc.x = MARGIN.left;
    doc.y = y + h;
  };
  const hasHeader = b.headers.length > 0;
  const headerH = hasHeader ? rowHeight(b.headers, true) : 0;
  w.ensure(headerH + (b.rows[0] ? rowHeight(b.rows[0], false) : 0));
  if (hasHeader) drawRow(b.headers, true);
  for (const row of b.rows) {
    const h = rowHeight(row, false);
    if (doc.y + h > w.bottom) {
      doc.addPage();
      if (hasHeader) drawRow(b.headers, true);
    }
    drawRow(row, false);
  }
  w.gap(8);
}

function citation(w: Writer, b: Extract<Block, { type: 'citation' }>, lang: DocModel['lang']): void {
  const L = labels(lang);
  const indent = 12;
  const width = w.width - indent;
  const head = [{ text: L.lawTitle(b.law) + (b.article ? (lang === 'zh-CN' ? b.article : ` ${b.article}`) : ''), bold: true }];
  const body = [{ text: citationExcerpt(b, L) }];
  const meta = [{ text: b.tierLabel }];
  const h = w.height(head, width, 10.5) + w.height(body, width, 10) + w.height(meta, width, 8.5) + 6;
  if (h < w.bottom - MARGIN.top) w.ensure(h);
  const y0 = w.doc.y;
  const p0 = w.doc.bufferedPageRange().count;
  w.write(head, { x: MARGIN.left + indent, width, size: 10.5 });
  w.gap(1);
  w.write(body, { x: MARGIN.left + indent, width, size: 10 });
  w.gap(2);
  w.write(meta, { x: MARGIN.left + indent, width, size: 8.5, color: COLOR.muted });
  if (w.doc.bufferedPageRange().count === p0) {
    w.doc.save().lineWidth(2).strokeColor(COLOR.cite).moveTo(MARGIN.left + 3, y0).lineTo(MARGIN.left + 3, w.doc.y).stroke().restore();
  }
  w.gap(8);
}

function signature(w: Writer, b: Extract<Block, { type: 'signature' }>): void {
  w.gap(18);
  w.ensure(b.lines.length * (BODY + LINE_GAP + 4));
  for (const line of b.lines) {
    w.write([{ text: line }], { align: 'right' });
    w.gap(4);
  }
  w.gap(6);
}

function note(w: Writer, b: Extract<Block, { type: 'note' }>): void {
  const pad = 8;
  const r = [{ text: b.text }];
  const inner = w.width - 2 * pad;
  const h = w.height(r, inner, 10) + 2 * pad;
  if (h < w.bottom - MARGIN.top) w.ensure(h);
  const y = w.doc.y;
  w.doc.save().lineWidth(1).rect(MARGIN.left, y, w.width, h).fillAndStroke(COLOR.noteFill, COLOR.noteStroke).restore();
  w.write(r, { x: MARGIN.left + pad, y: y + pad, width: inner, size: 10 });
  w.doc.x = MARGIN.left;
  w.doc.y = Math.max(w.doc.y, y + h);
  w.gap(10);
}

function pageNumbers(w: Writer, model: DocModel): void {
  const doc = w.doc;
  const L = labels(model.lang);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN.bottom + 20;
    if (model.footer) w.write([{ text: model.footer }], { x: MARGIN.left, y, width: w.width, size: 7.5, color: COLOR.muted, align: 'center', lineBreak: false });
    w.write([{ text: L.page(i - range.start + 1, range.count) }], { x: MARGIN.left, y: y + (model.footer ? 12 : 4), width: w.width, size: 8.5, color: COLOR.muted, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** Renders the model to PDF bytes. Fonts are loaded once per process (loadFonts). */
export async function renderPdf(model: DocModel, opts: PdfOptions = {}): Promise<Buffer> {
  const fonts = await loadFonts(opts.fallbackFonts);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: model.lang,
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: model.title, Creator: 'Huxun 护讯', Producer: 'Huxun 护讯 (pdfkit)', CreationDate: opts.creationDate ?? new Date() },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.registerFont(fonts.regular.name, fonts.regular.src);
  doc.registerFont(fonts.bold.name, fonts.bold.src);
  for (const f of fonts.fallbacks) doc.registerFont(f.name, f.src, f.family as string);

  const w = new Writer(doc, fonts);
  w.write([{ text: model.title, bold: true }], { size: 18, align: 'center' });
  if (model.subtitle) {
    w.gap(4);
    w.write([{ text: model.subtitle }], { size: 10.5, align: 'center', color: COLOR.muted });
  }
  w.gap(14);
  const draw = (b: Block) => {
    switch (b.type) {
      case 'heading':
        heading(w, b);
        break;
      case 'paragraph':
        paragraph(w, b.text);
        break;
      case 'list':
        list(w, b);
        break;
      case 'table':
        table(w, b);
        break;
      case 'citation':
        citation(w, b, model.lang);
        break;
      case 'signature':
        signature(w, b);
        break;
      case 'note':
        note(w, b);
        break;
    }
  };
  for (const b of model.blocks) draw(b);
  // The annex (附件) starts on a page of its own, so that the letter's page count is the letter's.
  if (model.annex?.length) {
    doc.addPage();
    for (const b of model.annex) draw(b);
  }
  pageNumbers(w, model);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
