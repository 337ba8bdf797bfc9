/**
 * Screen layout → events. Pure: takes the engine's lines (text, box, colours) and the capture date.
 *
 * - The kind of screen: a call log (number rows with 呼入/呼出/未接 and a time at the right), a chat (centred time
 *   separators between bubbles), else unknown_layout.
 * - Chat: the thread header (the top line that is not status-bar text; the largest type) is the counterpart: a
 *   number → SMS, a name → WeChat (im). A bubble's direction comes from its colour first (the user's own bubble is
 *   coloured: WeChat green, iMessage/SMS green or blue, Android light blue; a counterpart's is grey or white), its
 *   position second. Lines of one bubble (same side, same colour, small gap) are joined. Each separator gives its
 *   date and time to the bubbles below it; bubbles above the first separator have no time and are left out (and
 *   counted), since another screenshot of the same thread usually shows their separator.
 * - Call log: a row is a title line (number or name; red ink = missed) plus a detail line (呼入/呼出/未接, duration)
 *   and a time label at the right.
 */
import { createHash } from 'node:crypto';
import type { CallStatus, Direction, NewEvent } from '../../domain/collection/types.js';
import { normalizePhone } from '../../domain/collection/phone.js';
import { fromLocal } from '../../domain/time.js';
import { ImageError } from './header.js';
import { parseTimeLabel, resolveDate, type LocalDate, type TimeLabel } from './time.js';
import type { OcrLine, OcrPage, Rgb } from './types.js';

/** Below this mean confidence a line is marked for the user to check. */
export const LOW_CONFIDENCE = 0.9;

export type ScreenKind = 'sms' | 'wechat' | 'call-log';

export interface OcrMessage {
  direction: Direction;
  text: string;
  conf: number;
  /** Box in the scaled image (for the crop shown beside the text). */
  box: [number, number, number, number];
  /** Index of the separator group and position in it (null before the first separator). */
  group: number | null;
  index: number;
  /** A time printed beside the bubble itself (some Android apps), over the separator's. */
  label?: TimeLabel;
}

export interface OcrCallRow {
  title: string;
  number: string | null;
  name: string | null;
  direction: Direction;
  status: CallStatus;
  durationS: number | null;
  label: TimeLabel | null;
  labelText: string | null;
  conf: number;
  box: [number, number, number, number];
}

export interface ScreenAnalysis {
  kind: ScreenKind;
  /** Width of the scaled image the boxes refer to. */
  width: number;
  counterpart: { number: string | null; name: string | null; text: string } | null;
  separators: { text: string; label: TimeLabel; y: number }[];
  messages: OcrMessage[];
  calls: OcrCallRow[];
  /** Bubbles cut off at the bottom edge (left out). */
  cut?: number;
}

const chroma = (c: Rgb) => Math.max(...c) - Math.min(...c);
const lum = (c: Rgb) => (c[0] + c[1] + c[2]) / 3;
const near = (a: Rgb, b: Rgb, d = 24) => Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]) <= d;
const isRed = (c: Rgb) => c[0] > 170 && c[1] < 120 && c[2] < 120 && c[0] - Math.max(c[1], c[2]) > 80;

/** OCR fixes that are safe: full-width comma/colon/dot between digits (12，345.67 → 12,345.67; 18：00 → 18:00). */
export function tidyText(s: string): string {
  return s
    // 33.591.75 (a comma read as a dot): groups of three after the first dot are thousands.
    .replace(/\d{1,3}(?:\.\d{3})+\.\d{1,2}(?!\d)/g, (m) => m.replace(/\.(?=\d{3}(?:\D|$|\.))/g, ','))
    .replace(/(\d)[，,](?=\d{3}(?!\d))/g, '$1,')
    .replace(/(\d)[：:](?=\d{2})/g, '$1:')
    .replace(/(\d)。(?=\d)/g, '$1.')
    .trim();
}

const STATUS_BAR = /^(\d{1,2}:\d{2}|\d{1,3}%|[45]G\+?|LTE|HD|VoLTE|Wi-?Fi|中国(移动|联通|电信)|[\d.]+\s?[KM]?B\/s|[<‹〈＜(（]|…|\.{3})$/;
const PHONEISH = /^[+＋]?[\d\s\-()（）]{5,20}$/;
const NOT_MESSAGE = /^(已送达|已读|送达|已发送|发送失败|未送达|已撤回|对方已读|Delivered|Read)$/;
const INPUT_BAR = /^(短信|信息|彩信|发送短信|输入信息|输入消息|文本信息|iMessage|短信\/彩信|发消息|按住说话|发送)$/;
const CALL_DETAIL = /^(呼入|呼出|未接|已接|来电|去电|已拨|拒接|响铃|拨出|打入|未接来电|[\u4e00-\u9fa5]{0,4}(呼入|呼出|未接))/;
const CALL_WORDS = /呼入|呼出|未接|已接|来电|去电|已拨|拒接|响铃|通话|拨出|打入/;

function digits(s: string): string {
  return s.replace(/[^\d+]/g, '');
}

function header(page: OcrPage): OcrLine | null {
  // The title is the first text in the top band (status bar + navigation bar ≈ 0.25 × width) that is not status-bar
  // text (clock, battery, signal, carrier). A line of larger type on the same bar (a name above a number) wins.
  // Above the first centred time separator: a header is never below one.
  const firstSep = page.lines.find((l) => Math.abs((l.x0 + l.x1) / 2 - page.width / 2) < page.width * 0.1 && parseTimeLabel(l.text)?.hour != null);
  const band = page.lines.filter((l) => l.y1 < page.width * 0.3 && (!firstSep || l.y1 <= firstSep.y0) && !STATUS_BAR.test(l.text.trim()) && !parseTimeLabel(l.text));
  const first = band[0];
  if (!first) return null;
  let best = first;
  for (const l of band) if (l.y0 < first.y1 && l.y1 - l.y0 > best.y1 - best.y0 + 2) best = l;
  return best;
}

export function analyzeScreen(page: OcrPage): ScreenAnalysis {
  const W = page.width;
  const lines = page.lines.filter((l) => l.text.trim() !== '');
  if (lines.length === 0) throw new ImageError('no_text', '图片里没有找到文字（空白图片或照片？）/ no text found in the image (blank, or a photo?)');
  // A call log has short detail lines that start with the call's kind or hold a duration (呼入 2分15秒 广东深圳),
  // under number rows; chat text that mentions 通话 or holds a number wrapped onto its own line is not one.
  const details = lines.filter((l) => l.text.length <= 24 && (CALL_DETAIL.test(l.text.trim()) || /\d+分\d+秒|^\d+秒/.test(l.text))).length;
  const numberRows = lines.filter((l) => PHONEISH.test(l.text.trim()) && l.x0 < W * 0.4).length;
  const centred = lines.filter((l) => Math.abs((l.x0 + l.x1) / 2 - W / 2) < W * 0.1 && parseTimeLabel(l.text)?.hour != null).length;
  if (details >= 2 && numberRows + details >= 4 && details > centred) return { kind: 'call-log', width: W, counterpart: null, separators: [], messages: [], calls: callRows(page, lines) };

  const head = header(page);
  const separators: ScreenAnalysis['separators'] = [];
  const body: OcrLine[] = [];
  for (const l of lines) {
    if (l === head || (head && l.y1 <= head.y1)) continue;
    const mid = (l.x0 + l.x1) / 2;
    const centred = Math.abs(mid - W / 2) < W * 0.1;
    const label = centred ? parseTimeLabel(l.text) : null;
    if (label && label.hour != null) separators.push({ text: l.text, label, y: l.y0 });
    // Not messages: delivery notes (已送达), the input bar's placeholder, centred system notices on the page
    // background (你撤回了一条消息, 以下是新消息).
    else if (NOT_MESSAGE.test(l.text.replace(/\s/g, ''))) continue;
    else if (l.y0 > page.height - W * 0.25 && INPUT_BAR.test(l.text.replace(/\s/g, ''))) continue;
    else if (Math.abs(mid - W / 2) < W * 0.05 && l.x0 > W * 0.2 && near(l.bg, page.bg) && chroma(l.ink) < 30 && lum(l.ink) > 90 && lum(l.ink) < 200) continue;
    else body.push(l);
  }
  if (separators.length === 0) {
    throw new ImageError('unknown_layout', '没认出这是短信、微信聊天或通话记录的截图（找不到居中的时间）。目前支持：短信（安卓、iPhone）、微信聊天、通话记录 / not recognised as an SMS, WeChat or call-log screenshot (no centred time separators). Supported: SMS (Android, iPhone), WeChat chats, call logs');
  }
  const headText = head?.text.trim() ?? '';
  const headNumber = PHONEISH.test(headText) ? normalizePhone(digits(headText)) : null;
  const wechatBg = near(page.bg, [237, 237, 237], 20) || lum(page.bg) < 40;
  const kind: ScreenKind = headNumber ? 'sms' : wechatBg ? 'wechat' : 'sms';
  const counterpart = head ? { number: headNumber, name: headNumber ? null : headText, text: headText } : null;

  // Bubbles: the page background is not a bubble colour; coloured (chroma) backgrounds are the user's own.
  const dirOf = (l: OcrLine): Direction => {
    const c = chroma(l.bg);
    if (c >= 25 && !near(l.bg, page.bg)) return 'out';
    if (c < 15) {
      const mid = (l.x0 + l.x1) / 2;
      // A grey/white bubble is the counterpart's, unless it sits on the right only.
      return l.x0 > W * 0.35 && mid > W * 0.55 ? 'out' : 'in';
    }
    return (l.x0 + l.x1) / 2 < W / 2 ? 'in' : 'out';
  };
  const messages: OcrMessage[] = [];
  let cur: (OcrMessage & { y1: number; h: number; bg: Rgb; n: number }) | null = null;
  const sepYs = separators.map((s) => s.y);
  const groupAt = (y: number) => {
    let g: number | null = null;
    for (let i = 0; i < sepYs.length; i++) if (sepYs[i]! < y) g = i;
    return g;
  };
  const flush = () => {
    // A bubble whose last line touches the bottom edge is cut off by the screen: its text is not whole. Left out
    // (counted as without time); the next screenshot of the thread shows it whole.
    if (cur && page.height - cur.y1 < cur.h * 0.8) {
      cut++;
      cur = null;
    }
    if (cur) messages.push({ direction: cur.direction, text: tidyText(cur.text), conf: cur.conf, box: cur.box, group: cur.group, index: cur.index, ...(cur.label ? { label: cur.label } : {}) });
    cur = null;
  };
  const counts = new Map<number | null, number>();
  let cut = 0;
  for (const l of body) {
    const own = parseTimeLabel(l.text);
    if (own && own.hour != null && cur) {
      (cur as OcrMessage).label = own;
      continue;
    }
    const dir = dirOf(l);
    const h = l.y1 - l.y0;
    const group = groupAt(l.y0);
    const c = cur as (OcrMessage & { y1: number; h: number; bg: Rgb; n: number }) | null;
    if (c && c.direction === dir && c.group === group && near(c.bg, l.bg, 30) && l.y0 - c.y1 < Math.max(h, c.h) * 0.75) {
      c.text += l.text;
      c.conf = Math.min(c.conf, l.conf);
      c.box = [Math.min(c.box[0], l.x0), c.box[1], Math.max(c.box[2], l.x1), l.y1];
      c.y1 = l.y1;
      c.n++;
      continue;
    }
    flush();
    const index = counts.get(group) ?? 0;
    counts.set(group, index + 1);
    cur = { direction: dir, text: l.text, conf: l.conf, box: [l.x0, l.y0, l.x1, l.y1], group, index, y1: l.y1, h, bg: l.bg, n: 1 };
  }
  flush();
  return { kind, width: W, counterpart, separators, messages, calls: [], cut };
}

function callRows(page: OcrPage, lines: OcrLine[]): OcrCallRow[] {
  const W = page.width;
  const left = lines.filter((l) => l.x0 < W * 0.5);
  const right = lines.filter((l) => l.x0 >= W * 0.5);
  const rows: OcrCallRow[] = [];
  for (let i = 0; i < left.length; i++) {
    const l = left[i]!;
    const t = l.text.trim();
    if (CALL_WORDS.test(t) || parseTimeLabel(t) || /^(全部|未接|通话记录|最近通话|拨号|联系人|编辑|所有通话|未接来电)$/.test(t.replace(/\s/g, ''))) continue;
    const isNumber = PHONEISH.test(t);
    if (!isNumber && t.length > 16) continue;
    const next = left[i + 1];
    const detail = next && CALL_WORDS.test(next.text) && next.y0 - l.y1 < (l.y1 - l.y0) * 1.5 ? next : null;
    if (!detail && !isNumber) continue;
    const y0 = l.y0;
    const y1 = detail ? detail.y1 : l.y1;
    const h = l.y1 - l.y0;
    const when = right.find((r) => r.y1 > y0 - h * 0.5 && r.y0 < y1 + h * 0.5 && parseTimeLabel(r.text));
    const d = detail?.text ?? '';
    const missed = isRed(l.ink) || /未接|响铃/.test(d) || /未接|响铃/.test(t);
    const out = !missed && /呼出|去电|已拨|拨出/.test(d);
    const status: CallStatus = missed ? 'missed' : /拒接/.test(d) ? 'rejected' : out ? 'outgoing' : 'answered';
    rows.push({
      title: t,
      number: isNumber ? normalizePhone(digits(t)) : null,
      name: isNumber ? null : t,
      direction: out ? 'out' : 'in',
      status,
      durationS: parseDuration(d),
      label: when ? parseTimeLabel(when.text) : null,
      labelText: when?.text ?? null,
      conf: Math.min(l.conf, detail?.conf ?? 1, when?.conf ?? 1),
      box: [l.x0, y0, Math.max(l.x1, when?.x1 ?? 0, detail?.x1 ?? 0), y1],
    });
  }
  return rows;
}

/** 2分15秒 · 1小时3分 · 45秒 · 02:15 · 1:02:15 in a call row's detail line. */
export function parseDuration(s: string): number | null {
  const t = s.replace(/\s/g, '');
  const hms = /(?:(\d+)小时)?(?:(\d+)分(?:钟)?)?(?:(\d+)秒)?/.exec(t.replace(/^.*?(?=\d+(?:小时|分|秒))/, ''));
  if (hms && (hms[1] || hms[2] || hms[3])) return Number(hms[1] ?? 0) * 3600 + Number(hms[2] ?? 0) * 60 + Number(hms[3] ?? 0);
  const clock = /(?:^|[^\d:])(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?!\d)/.exec(t);
  if (clock && /呼|通话|接/.test(t)) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  return null;
}

export interface EventsFromScreen {
  events: NewEvent[];
  /** Bubbles above the first separator (no time on this screenshot). */
  untimed: number;
  /** Labels that need a capture date that is not known. */
  needsDate: boolean;
  lowConfidence: number;
}

const normText = (s: string) => s.replace(/[\s\p{P}\p{S}]/gu, '');

/**
 * Events of one analysed screen. The dedupe key is made of what every screenshot of the same thread shows alike
 * (counterpart, minute, direction, place in its separator group, the text without punctuation), so overlapping
 * screenshots and re-imports give the same keys.
 */
export function screenEvents(a: ScreenAnalysis, opts: { captured: LocalDate | null; tz: string; sha256: string; file: string }): EventsFromScreen {
  const events: NewEvent[] = [];
  let untimed = a.cut ?? 0;
  let needsDate = false;
  let lowConfidence = 0;
  const key = (parts: unknown[]) => `ocr:${createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32)}`;
  const review = (text: string, conf: number) => {
    const flags: string[] = [];
    if (conf < LOW_CONFIDENCE) flags.push('low_confidence');
    if (/\d[\d,.，]{3,}\s*元|[¥￥]\s*\d/.test(text)) flags.push('amount');
    if (/\d{7,}/.test(text)) flags.push('number');
    return flags;
  };
  if (a.kind === 'call-log') {
    let prev: LocalDate | null = null;
    for (const r of a.calls) {
      if (!r.label) {
        untimed++;
        continue;
      }
      const date = resolveDate(r.label, opts.captured, null);
      if (!date) {
        needsDate = true;
        continue;
      }
      prev = date;
      const at = fromLocal(date.y, date.m, date.d, r.label.hour ?? 0, r.label.minute ?? 0, 0, opts.tz);
      const flags = review(r.title, r.conf);
      if (r.conf < LOW_CONFIDENCE) lowConfidence++;
      events.push({
        kind: 'call', direction: r.direction, at, tz: opts.tz, number: r.number, counterpartName: r.name, text: null, durationS: r.durationS, callStatus: r.status,
        meta: { source: 'ocr', confidence: round3(r.conf), screenshot: opts.sha256, box: r.box, box_w: a.width, ocr_text: [r.title, r.labelText].filter(Boolean).join(' '), review: flags, time_exact: r.label.hour != null },
        dedupeKey: key(['call', r.number ?? r.name, at, r.direction, r.status]),
      });
    }
    void prev;
    return { events, untimed, needsDate, lowConfidence };
  }
  const dates: (LocalDate | null)[] = [];
  let prev: LocalDate | null = null;
  for (const s of a.separators) {
    const d = resolveDate(s.label, opts.captured, prev);
    if (d) prev = d;
    else needsDate = true;
    dates.push(d);
  }
  const cp = a.counterpart;
  const who = cp?.number ?? cp?.name ?? null;
  for (const m of a.messages) {
    if (m.group == null) {
      untimed++;
      continue;
    }
    let date = dates[m.group];
    let label = a.separators[m.group]!.label;
    if (m.label) {
      // Its own time: a date when it has one, else the separator's date.
      if (m.label.month != null || m.label.daysAgo !== 0 || m.label.weekday != null) date = resolveDate(m.label, opts.captured, date ?? null) ?? null;
      label = m.label;
    }
    if (!date) continue;
    const at = fromLocal(date.y, date.m, date.d, label.hour ?? 0, label.minute ?? 0, 0, opts.tz);
    const flags = review(m.text, m.conf);
    if (m.conf < LOW_CONFIDENCE) lowConfidence++;
    events.push({
      kind: a.kind === 'sms' ? 'sms' : 'im',
      direction: m.direction,
      at,
      tz: opts.tz,
      number: cp?.number ?? null,
      counterpartName: cp?.name ?? null,
      text: m.text,
      durationS: null,
      meta: { source: 'ocr', app: a.kind, confidence: round3(m.conf), screenshot: opts.sha256, box: m.box, box_w: a.width, ocr_text: m.text, review: flags, group_index: m.index },
      dedupeKey: key([a.kind, who, at, m.direction, m.index, normText(m.text)]),
    });
  }
  return { events, untimed, needsDate, lowConfidence };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Similarity of two texts (1 − normalised edit distance, punctuation ignored): overlapping screenshots re-read a bubble. */
export function textSimilarity(a: string, b: string): number {
  const x = normText(a);
  const y = normText(b);
  if (!x.length && !y.length) return 1;
  return 1 - levenshtein(x, y) / Math.max(x.length, y.length);
}

export function levenshtein(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  let prev = Array.from({ length: B.length + 1 }, (_, i) => i);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    for (let j = 1; j <= B.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (A[i - 1] === B[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[B.length]!;
}
