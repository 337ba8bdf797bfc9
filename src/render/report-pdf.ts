/**
 * The evidence report as PDF (issue 16): a per-day chart of collectors' calls and messages (ECharts rendered on the
 * server to SVG, drawn into pdfkit by svg-to-pdfkit: reference/stack.md §5–6), the night-contact and flood tables,
 * contacts reached, collectors, findings, and the evidence chain head to verify the bundle against. Fonts and the
 * per-glyph fallback are the documents' (fonts.ts, segments.ts).
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ReportData } from '../domain/report/index.js';
import { loadFonts, type FontSet } from './fonts.js';
import { breakLongRuns, segmentText } from './segments.js';

echarts.use([BarChart, GridComponent, LegendComponent, SVGRenderer]);

const M = 56;
const COLOR = { text: '#1a1a1a', muted: '#666666', rule: '#b0b0b0', head: '#eeeeee', box: '#eef5f5', calls: '#1d6770', messages: '#d89a00' };

type Lang = 'zh' | 'en';

const L = {
  zh: {
    title: '催收情况证据报告',
    sub: (d: string, tz: string) => `生成日期 ${d} · 时间按 ${tz} 当地时间`,
    period: (a: string, b: string) => `记录期间：${a} 至 ${b}`,
    noPeriod: '还没有导入催收来电或短信。',
    summary: (t: ReportData['totals']) =>
      `期间共收到催收来电 ${t.calls} 次、催收短信和消息 ${t.messages} 条，来自 ${t.collectors} 个催收方；夜间（22:00至次日8:00）联系 ${t.nightContacts} 次，涉及 ${t.nightDays} 天；呼叫轰炸 ${t.floodDays} 天；被联系的亲友 ${t.contactsReached} 人；违规发现 ${t.findings} 项。`,
    chain: '证据核验',
    chainText: (h: string | null, n: number, ok: boolean) =>
      h
        ? `本报告依据的全部原始记录（${n} 条）保存在哈希链中，链头校验值（SHA-256）为：\n${h}\n${ok ? '生成时已重新计算，未发现改动。' : '注意：生成时校验未通过。'}用护讯导出证据包后，任何人都可以运行 huxun verify 证据包.zip --head ${h.slice(0, 16)}… 或打开证据包里的 verify.html 核对。报告只是摘要，证据包才是证据。`
        : '还没有证据记录。',
    chart: '每日催收来电和短信',
    calls: '来电',
    messages: '短信/消息',
    night: '夜间联系（22:00至次日8:00）',
    nightHead: ['日期', '来电', '短信', '时间', '催收方'],
    flood: '呼叫轰炸（同一催收方一天内多次呼叫）',
    floodHead: ['日期', '催收方', '来电', '接通', '短信'],
    contacts: '被催收方联系的亲友',
    contactsHead: ['姓名', '关系', '次数', '首次', '最近'],
    collectors: '催收方',
    collectorsHead: ['名称', '号码', '贷款方', '来电', '短信'],
    findings: '违规发现',
    basis: '依据',
    none: '无',
    page: (i: number, n: number) => `第 ${i} / ${n} 页`,
    foot: (h: string | null) => (h ? `证据链头 ${h}` : ''),
  },
  en: {
    title: 'Collection evidence report',
    sub: (d: string, tz: string) => `Generated ${d} · local time ${tz}`,
    period: (a: string, b: string) => `Period: ${a} to ${b}`,
    noPeriod: 'No collection calls or messages imported yet.',
    summary: (t: ReportData['totals']) =>
      `${t.calls} collection calls and ${t.messages} messages from ${t.collectors} collectors; ${t.nightContacts} night contacts (22:00–08:00) on ${t.nightDays} days; ${t.floodDays} flood days; ${t.contactsReached} contacts reached; ${t.findings} findings.`,
    chain: 'Verification',
    chainText: (h: string | null, n: number, ok: boolean) =>
      h
        ? `All ${n} original records behind this report are in a hash chain whose head (SHA-256) is:\n${h}\n${ok ? 'Re-computed when this report was made: unchanged.' : 'Warning: the check failed when this report was made.'} Export the evidence bundle and run huxun verify bundle.zip --head ${h.slice(0, 16)}… or open its verify.html. This report is a summary; the bundle is the proof.`
        : 'No evidence records yet.',
    chart: 'Collection calls and messages per day',
    calls: 'Calls',
    messages: 'Messages',
    night: 'Night contacts (22:00–08:00)',
    nightHead: ['Date', 'Calls', 'Messages', 'Times', 'Collectors'],
    flood: 'Call floods (one collector, many calls a day)',
    floodHead: ['Date', 'Collector', 'Calls', 'Answered', 'Messages'],
    contacts: 'Contacts reached by collectors',
    contactsHead: ['Name', 'Relation', 'Times', 'First', 'Last'],
    collectors: 'Collectors',
    collectorsHead: ['Name', 'Numbers', 'Lender', 'Calls', 'Messages'],
    findings: 'Findings',
    basis: 'Basis',
    none: 'None',
    page: (i: number, n: number) => `Page ${i} of ${n}`,
    foot: (h: string | null) => (h ? `Evidence chain head ${h}` : ''),
  },
};

/** The per-day chart as an SVG string (ECharts server-side rendering). */
export function reportChartSvg(days: ReportData['days'], lang: Lang, width = 480, height = 220): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'sans-serif', fontSize: 9 },
      legend: { top: 0, data: [L[lang].calls, L[lang].messages], textStyle: { fontSize: 9 } },
      grid: { left: 36, right: 12, top: 26, bottom: 30 },
      xAxis: { type: 'category', data: days.map((d) => d.date.slice(5)), axisLabel: { fontSize: 8, hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 8 } },
      series: [
        { name: L[lang].calls, type: 'bar', stack: 'n', data: days.map((d) => d.calls), itemStyle: { color: COLOR.calls } },
        { name: L[lang].messages, type: 'bar', stack: 'n', data: days.map((d) => d.messages), itemStyle: { color: COLOR.messages } },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

type Doc = PDFKit.PDFDocument;

class W {
  readonly width: number;
  constructor(
    readonly doc: Doc,
    readonly fonts: FontSet,
  ) {
    this.width = doc.page.width - 2 * M;
  }
  get bottom(): number {
    return this.doc.page.height - M;
  }
  segs(text: string, bold = false) {
    return breakLongRuns(segmentText(text, bold ? this.fonts.bold : this.fonts.regular, this.fonts.fallbacks), 200, () => false);
  }
  height(text: string, width: number, size: number): number {
    if (!text) return size;
    this.doc.font(this.fonts.regular.name).fontSize(size);
    return this.doc.heightOfString(this.segs(text).map((s) => s.text).join(''), { width, lineGap: 2 });
  }
  text(text: string, o: { x?: number; y?: number; width?: number; size?: number; bold?: boolean; color?: string; align?: 'left' | 'center' | 'right' } = {}): void {
    const segs = this.segs(text, o.bold).filter((s) => s.text.length);
    if (!segs.length) return;
    const doc = this.doc;
    doc.fontSize(o.size ?? 10).fillColor(o.color ?? COLOR.text);
    const opts = { width: o.width ?? this.width, align: o.align ?? 'left', lineGap: 2 } as const;
    segs.forEach((s, i) => {
      doc.font(s.font);
      const continued = i < segs.length - 1;
      if (i === 0) doc.text(s.text, o.x ?? M, o.y ?? doc.y, { ...opts, continued });
      else doc.text(s.text, { ...opts, continued });
    });
    doc.x = M;
  }
  ensure(h: number): void {
    if (this.doc.y + h > this.bottom) this.doc.addPage();
  }
  heading(t: string): void {
    this.ensure(60);
    this.doc.moveDown(0.6);
    this.text(t, { size: 13, bold: true });
    this.doc.moveDown(0.3);
  }
  table(head: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[]): void {
    const doc = this.doc;
    const sum = widths.reduce((a, b) => a + b, 0);
    const cols = widths.map((w) => (w / sum) * this.width);
    const pad = 3;
    const size = 8.5;
    const drawRow = (cells: readonly string[], fill: string | null, bold: boolean) => {
      const h = Math.max(...cells.map((c, i) => this.height(c, cols[i]! - 2 * pad, size))) + 2 * pad;
      if (doc.y + h > this.bottom) {
        doc.addPage();
        if (!bold) drawRow(head, COLOR.head, true);
      }
      const y = doc.y;
      let x = M;
      if (fill) doc.save().rect(M, y, this.width, h).fill(fill).restore();
      cells.forEach((c, i) => {
        this.text(c, { x: x + pad, y: y + pad, width: cols[i]! - 2 * pad, size, bold });
        x += cols[i]!;
      });
      doc.save().lineWidth(0.5).strokeColor(COLOR.rule).moveTo(M, y + h).lineTo(M + this.width, y + h).stroke().restore();
      doc.x = M;
      doc.y = y + h;
    };
    drawRow(head, COLOR.head, true);
    for (const r of rows) drawRow(r, null, false);
    doc.moveDown(0.5);
  }
}

export interface ReportPdfOptions {
  lang?: Lang;
  creationDate?: Date;
  fallbackFonts?: readonly string[];
}

export async function renderReportPdf(r: ReportData, opts: ReportPdfOptions = {}): Promise<Buffer> {
  const lang = opts.lang ?? 'zh';
  const t = L[lang];
  const fonts = await loadFonts(opts.fallbackFonts);
  const doc = new PDFDocument({
    size: 'A4', margins: { top: M, bottom: M, left: M, right: M }, bufferPages: true, lang: lang === 'zh' ? 'zh-CN' : 'en', displayTitle: true, pdfVersion: '1.7',
    info: { Title: t.title, Creator: 'Huxun 护讯', Producer: 'Huxun 护讯 (pdfkit)', CreationDate: opts.creationDate ?? new Date() },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((res, rej) => {
    doc.on('end', () => res());
    doc.on('error', rej);
  });
  doc.registerFont(fonts.regular.name, fonts.regular.src);
  doc.registerFont(fonts.bold.name, fonts.bold.src);
  for (const f of fonts.fallbacks) doc.registerFont(f.name, f.src, f.family as string);
  const w = new W(doc, fonts);

  w.text(t.title, { size: 18, bold: true, align: 'center' });
  doc.moveDown(0.2);
  w.text(t.sub(r.generatedOn, r.tz), { size: 9.5, color: COLOR.muted, align: 'center' });
  doc.moveDown(0.8);
  w.text(r.period ? t.period(r.period.from, r.period.to) : t.noPeriod, { size: 10.5, bold: true });
  doc.moveDown(0.3);
  w.text(t.summary(r.totals), { size: 10.5 });

  // Verification box, on the first page: what a reader checks first.
  doc.moveDown(0.6);
  const boxText = t.chainText(r.chain.head, r.chain.count, r.chain.ok);
  const bh = w.height(boxText, w.width - 16, 9) + w.height(t.chain, w.width - 16, 10.5) + 20;
  w.ensure(bh);
  const by = doc.y;
  doc.save().rect(M, by, w.width, bh).fill(COLOR.box).restore();
  w.text(t.chain, { x: M + 8, y: by + 6, width: w.width - 16, size: 10.5, bold: true });
  w.text(boxText, { x: M + 8, y: doc.y + 2, width: w.width - 16, size: 9 });
  doc.y = by + bh;
  doc.x = M;

  if (r.days.length) {
    w.heading(t.chart);
    const ch = 220;
    w.ensure(ch + 10);
    const svg = reportChartSvg(r.days, lang, Math.round(w.width), ch);
    const y = doc.y;
    SVGtoPDF(doc as unknown as typeof PDFDocument, svg, M, y, { width: w.width, height: ch, fontCallback: () => fonts.regular.name });
    doc.x = M;
    doc.y = y + ch + 6;
  }

  w.heading(t.night);
  if (r.night.length) w.table(t.nightHead, r.night.map((n) => [n.date, String(n.calls), String(n.messages), n.times.join(' '), n.collectors.join('、')]), [2, 1, 1, 4, 3]);
  else w.text(t.none);

  w.heading(t.flood);
  if (r.flood.length) w.table(t.floodHead, r.flood.map((f) => [f.date, f.collector, String(f.calls), String(f.answered), String(f.messages)]), [2, 4, 1, 1, 1]);
  else w.text(t.none);

  w.heading(t.contacts);
  if (r.contacts.length) w.table(t.contactsHead, r.contacts.map((c) => [c.name, c.relation ?? '', String(c.times), c.first, c.last]), [3, 2, 1, 2, 2]);
  else w.text(t.none);

  w.heading(t.collectors);
  if (r.collectors.length) w.table(t.collectorsHead, r.collectors.map((c) => [c.name, c.numbers.slice(0, 6).join(' ') + (c.numbers.length > 6 ? ` …(+${c.numbers.length - 6})` : ''), c.lender ?? '', String(c.calls), String(c.messages)]), [3, 4, 3, 1, 1]);
  else w.text(t.none);

  w.heading(t.findings);
  if (!r.findings.length) w.text(t.none);
  r.findings.forEach((f, i) => {
    w.ensure(60);
    w.text(lang === 'zh' ? `${i + 1}. ${f.title.zh}（${f.tier.zh}）` : `${i + 1}. ${f.title.en} (${f.tier.en})`, { size: 10.5, bold: true });
    w.text(f.summary[lang], { size: 9.5 });
    if (f.citations.length) w.text(`${t.basis}${lang === 'zh' ? '：' : ': '}${f.citations.join(lang === 'zh' ? '；' : '; ')}`, { size: 8.5, color: COLOR.muted });
    doc.moveDown(0.4);
  });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const mb = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - M + 16;
    const foot = t.foot(r.chain.head);
    if (foot) w.text(foot, { x: M, y, width: w.width, size: 7, color: COLOR.muted, align: 'center' });
    w.text(t.page(i - range.start + 1, range.count), { x: M, y: y + 11, width: w.width, size: 8, color: COLOR.muted, align: 'center' });
    doc.page.margins.bottom = mb;
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
