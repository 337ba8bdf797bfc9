/**
 * DocModel → DOCX (docx 9), editable in Word and WPS: real heading styles, real lists and tables, A4.
 * Fonts are named, not embedded: SimSun (宋体) for Chinese body text and SimHei (黑体) for headings, the fonts every
 * Chinese Windows/WPS install has (other systems substitute, e.g. LibreOffice uses Noto CJK); Times New Roman / Arial
 * for Latin. Every run is marked eastAsia zh-CN so that Word picks the Chinese font and line-breaking rules.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import { toRuns, type Block, type DocModel, type RichText } from '../domain/documents/model.js';
import { citationExcerpt, labels } from './labels.js';
import { relativeColumnWidths } from './layout.js';

export const DOCX_FONTS = {
  body: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: 'SimSun' },
  heading: { ascii: 'Arial', hAnsi: 'Arial', cs: 'Arial', eastAsia: 'SimHei' },
} as const;

const A4 = { width: 11906, height: 16838 }; // twips
const MARGIN = 1304; // 2.3 cm
const CONTENT_WIDTH = A4.width - 2 * MARGIN;

function langOf(model: DocModel) {
  return { value: model.lang === 'zh-CN' ? 'zh-CN' : 'en-US', eastAsia: 'zh-CN' };
}

function runsOf(t: RichText, extra: Partial<IRunOptions> = {}): TextRun[] {
  return toRuns(t).flatMap((r) => {
    // Keep line breaks inside a paragraph as breaks.
    const parts = r.text.replace(/\r\n?/g, '\n').split('\n');
    // The font is set on every run as well as in the styles: WPS and older Word honour run fonts most reliably.
    return parts.map((p, i) => new TextRun({ text: p, bold: r.bold || undefined, break: i > 0 ? 1 : undefined, font: DOCX_FONTS.body, ...extra }));
  });
}

function block(b: Block, model: DocModel, listNo: { n: number }): (Paragraph | Table)[] {
  const L = labels(model.lang);
  switch (b.type) {
    case 'heading':
      return [
        new Paragraph({
          heading: b.level === 1 ? HeadingLevel.HEADING_1 : b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
          children: runsOf(b.text, { font: DOCX_FONTS.heading }),
        }),
      ];
    case 'paragraph':
      return [new Paragraph({ children: runsOf(b.text) })];
    case 'list': {
      const instance = listNo.n++;
      return b.items.map(
        (item) =>
          new Paragraph({
            numbering: { reference: b.ordered ? 'hx-ordered' : 'hx-bullet', level: 0, instance },
            children: runsOf(item),
          }),
      );
    }
    case 'table': {
      const cols = Math.max(b.headers.length, ...b.rows.map((r) => r.length));
      if (cols === 0) return [];
      const widths = relativeColumnWidths(b, cols).map((x) => Math.round(x * CONTENT_WIDTH));
      const cell = (text: string, header: boolean, i: number) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'EEEEEE' } : undefined,
          margins: { top: 60, bottom: 60, left: 100, right: 100 },
          children: [new Paragraph({ spacing: { after: 0, line: 276 }, children: runsOf(text, { bold: header || undefined, size: 20 }) })],
        });
      const rows: TableRow[] = [];
      if (b.headers.length) rows.push(new TableRow({ tableHeader: true, cantSplit: true, children: Array.from({ length: cols }, (_, i) => cell(b.headers[i] ?? '', true, i)) }));
      for (const r of b.rows) rows.push(new TableRow({ cantSplit: true, children: Array.from({ length: cols }, (_, i) => cell(r[i] ?? '', false, i)) }));
      return [new Table({ width: { size: CONTENT_WIDTH, type: WidthType.DXA }, columnWidths: widths, rows }), new Paragraph({ spacing: { after: 120 }, children: [] })];
    }
    case 'citation': {
      const border = { left: { style: BorderStyle.SINGLE, size: 18, color: 'B0B0B0', space: 8 } };
      const head = L.lawTitle(b.law) + (b.article ? (model.lang === 'zh-CN' ? b.article : ` ${b.article}`) : '');
      return [
        new Paragraph({ border, indent: { left: 240 }, spacing: { after: 0 }, keepNext: true, children: runsOf([{ text: head, bold: true }]) }),
        ...(citationExcerpt(b, L) ? [new Paragraph({ border, indent: { left: 240 }, spacing: { after: 0 }, keepNext: true, children: runsOf(citationExcerpt(b, L), { size: 20 }) })] : []),
        new Paragraph({ border, indent: { left: 240 }, children: runsOf(b.tierLabel, { size: 17, color: '666666' }) }),
      ];
    }
    case 'signature':
      return [
        new Paragraph({ spacing: { before: 360 }, children: [] }),
        ...b.lines.map((line) => new Paragraph({ alignment: AlignmentType.RIGHT, children: runsOf(line) })),
      ];
    case 'note': {
      const side = { style: BorderStyle.SINGLE, size: 8, color: 'D89A00', space: 6 };
      return [
        new Paragraph({
          border: { top: side, bottom: side, left: side, right: side },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'FFF7E0' },
          spacing: { before: 120, after: 240 },
          children: runsOf(b.text, { size: 20 }),
        }),
      ];
    }
  }
}

/** Renders the model to DOCX bytes. */
export async function renderDocx(model: DocModel): Promise<Buffer> {
  const language = langOf(model);
  const listNo = { n: 1 };
  const children: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: runsOf(model.title, { font: DOCX_FONTS.heading }) })];
  if (model.subtitle) children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: runsOf(model.subtitle, { color: '666666', size: 21 }) }));
  for (const b of model.blocks) children.push(...block(b, model, listNo));
  // The annex (附件) starts on a new page.
  if (model.annex?.length) {
    children.push(new Paragraph({ children: [new PageBreak()] }));
    for (const b of model.annex) children.push(...block(b, model, listNo));
  }

  const footerLines: Paragraph[] = [];
  if (model.footer) footerLines.push(new Paragraph({ alignment: AlignmentType.CENTER, children: runsOf(model.footer, { size: 15, color: '666666' }) }));
  footerLines.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new TextRun({
          size: 17,
          color: '666666',
          children: model.lang === 'zh-CN' ? ['第 ', PageNumber.CURRENT, ' 页 / 共 ', PageNumber.TOTAL_PAGES, ' 页'] : ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
        }),
      ],
    }),
  );

  const heading = (size: number) => ({
    run: { font: DOCX_FONTS.heading, size, bold: true, color: '000000', language },
    paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
  });
  const doc = new Document({
    creator: 'Huxun 护讯',
    title: model.title,
    styles: {
      default: {
        document: {
          run: { font: DOCX_FONTS.body, size: 22, language },
          paragraph: { spacing: { after: 120, line: 312 } },
        },
        title: { run: { font: DOCX_FONTS.heading, size: 36, bold: true, color: '000000', language }, paragraph: { spacing: { after: 120 } } },
        heading1: heading(30),
        heading2: heading(26),
        heading3: heading(23),
      },
    },
    numbering: {
      config: [
        {
          reference: 'hx-ordered',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 480, hanging: 360 } } } }],
        },
        {
          reference: 'hx-bullet',
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 480, hanging: 360 } } } }],
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        footers: { default: new Footer({ children: footerLines }) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
