/**
 * Time labels as chat apps and call logs print them, read after OCR (which drops spaces):
 *   2026年11月27日 14:32 · 2026年11月27日 下午2:32 · 11月27日 周五 14:32 · 11月27日 下午3:15 · 2026/11/27 14:32 ·
 *   11-27 14:32 · 今天 09:30 · 昨天 21:05 · 前天 8:00 · 星期三 10:00 · 周三 10:00 · 上午9:30 · 晚上8:12 · 14:32 ·
 *   短信 · 今天 14:32 (iPhone) · a date alone (11月25日, 昨天) in a call log.
 * A label is parsed only when the whole line is a time label, so message text is never taken for one.
 * Resolving: an explicit year wins; a month/day without one takes the year of the separator above it (one step
 * ahead when the month goes back, December → January), else the capture date's year (one back if that would be
 * after the capture date); 今天/昨天/前天/星期X/a bare time count back from the capture date.
 */

export interface TimeLabel {
  year: number | null;
  month: number | null;
  day: number | null;
  /** Days before the capture date (今天 0, 昨天 1, 前天 2, 星期X 1–7, a bare time 0); null when a date is written. */
  daysAgo: number | null;
  /** Weekday 0 (Sunday)–6 when the label is 星期X/周X with no date: daysAgo is then resolved against the capture date. */
  weekday: number | null;
  hour: number | null;
  minute: number | null;
}

export interface LocalDate {
  y: number;
  m: number;
  d: number;
}

const WD: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const PERIOD = '凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里|深夜|半夜|AM|PM|am|pm';

/** Normalises OCR variants: full-width digits and colons, 〇, spaces, dots between hour and minute. */
export function normaliseLabel(s: string): string {
  return s
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[：∶﹕]/g, ':')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/^(短信|信息|iMessage|SMS|彩信)[·・.\-]?/i, '')
    // OCR reads 一 as a dash and 日 as 曰 (星期— → 星期一).
    .replace(/(星期|周|礼拜)[—\-–ー_－]/g, '$1一')
    .replace(/(星期|周|礼拜)曰/g, '$1日')
    .replace(/[,，。.]$/, '');
}

const RE = new RegExp(
  '^(?:' +
    '(?:(?<y>\\d{4})[年/\\-.])?(?<mo>\\d{1,2})[月/\\-.](?<d>\\d{1,2})日?' +
    '|(?<rel>今天|昨天|前天)' +
    ')?' +
    '(?:(?:星期|周|礼拜)(?<wd>[日天一二三四五六]))?' +
    `(?<p>${PERIOD})?` +
    '(?:(?<h>\\d{1,2}):(?<mi>\\d{2}))?$',
);

/** Parses a whole line as a time label, or null. */
export function parseTimeLabel(raw: string): TimeLabel | null {
  const s = normaliseLabel(raw);
  if (s.length < 3 || s.length > 30) return null;
  const m = RE.exec(s);
  if (!m?.groups) return null;
  const g = m.groups;
  const hasDate = g.mo != null || g.rel != null || g.wd != null;
  const hasTime = g.h != null;
  if (!hasDate && !hasTime) return null;
  let hour = hasTime ? Number(g.h) : null;
  const minute = hasTime ? Number(g.mi) : null;
  if (hour != null && (hour > 23 || minute! > 59)) return null;
  if (hour != null && g.p) {
    const p = g.p.toLowerCase();
    if ((p === '下午' || p === '傍晚' || p === '晚上' || p === 'pm' || p === '夜里' || p === '深夜') && hour < 12) hour += 12;
    else if (p === '中午' && hour < 11) hour += 12;
    else if ((p === '凌晨' || p === '半夜' || p === 'am') && hour === 12) hour = 0;
  }
  const month = g.mo != null ? Number(g.mo) : null;
  const day = g.d != null ? Number(g.d) : null;
  if (month != null && (month < 1 || month > 12 || day! < 1 || day! > 31)) return null;
  const year = g.y != null ? Number(g.y) : null;
  if (year != null && (year < 2000 || year > 2100)) return null;
  const weekday = month == null && g.rel == null && g.wd != null ? WD[g.wd]! : null;
  const daysAgo = g.rel === '今天' ? 0 : g.rel === '昨天' ? 1 : g.rel === '前天' ? 2 : month == null && weekday == null ? 0 : null;
  return { year, month, day, daysAgo, weekday, hour, minute };
}

export function addDaysLocal(d: LocalDate, n: number): LocalDate {
  const t = new Date(Date.UTC(d.y, d.m - 1, d.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

const cmp = (a: LocalDate, b: LocalDate) => a.y - b.y || a.m - b.m || a.d - b.d;

export function parseIsoDate(s: string): LocalDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const d = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  const back = addDaysLocal(d, 0);
  return cmp(back, d) === 0 ? d : null;
}

/**
 * The calendar date of a label, or null when it needs a capture date that is not known.
 * `prev` is the date of the separator above (for the year carried over).
 */
export function resolveDate(t: TimeLabel, captured: LocalDate | null, prev: LocalDate | null): LocalDate | null {
  if (t.month != null && t.day != null) {
    if (t.year != null) return { y: t.year, m: t.month, d: t.day };
    if (prev) return { y: t.month < prev.m ? prev.y + 1 : prev.y, m: t.month, d: t.day };
    if (!captured) return null;
    const d = { y: captured.y, m: t.month, d: t.day };
    return cmp(d, captured) > 0 ? { ...d, y: d.y - 1 } : d;
  }
  if (!captured) return null;
  if (t.weekday != null) {
    const capDow = new Date(Date.UTC(captured.y, captured.m - 1, captured.d)).getUTCDay();
    const back = (capDow - t.weekday + 7) % 7 || 7;
    return addDaysLocal(captured, -back);
  }
  return addDaysLocal(captured, -(t.daysAgo ?? 0));
}

/** Whether a label needs the capture date to be placed in time. */
export function needsCaptureDate(t: TimeLabel): boolean {
  return t.month == null || t.day == null;
}
