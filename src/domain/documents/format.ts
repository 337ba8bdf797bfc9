/** Wording helpers shared by the documents: dates, amounts, event kinds, lender types, lengths in code points. */
import type { CallStatus, EventKind } from '../collection/types.js';
import type { LenderType, Text2 } from '../law.js';
import { formatYuan, type Fen } from '../money.js';
import { localDate } from '../time.js';
import type { Lang } from './case.js';

/** Length in Unicode code points (what online forms count), not UTF-16 units. */
export function cpLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Cuts to at most `max` code points, ending with `ellipsis` when cut. */
export function cpTruncate(s: string, max: number, ellipsis = '…'): string {
  if (cpLength(s) <= max) return s;
  const e = cpLength(ellipsis);
  if (max <= e) return [...s].slice(0, Math.max(0, max)).join('');
  return [...s].slice(0, max - e).join('') + ellipsis;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2024-06-12" → "2024年6月12日" / "12 Jun 2024". Other input is returned as is. */
export function fmtDate(date: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  return lang === 'zh' ? `${y}年${mo}月${d}日` : `${d} ${MONTHS_EN[mo - 1] ?? m[2]} ${y}`;
}

/** "2024-06-12T07:42:13+08:00" → { date: "2024-06-12", time: "07:42" }. */
export function splitLocalIso(at: string): { date: string; time: string } {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(at);
  return { date: m?.[1] ?? at, time: m?.[2] ?? '' };
}

/** Local date (YYYY-MM-DD) of an epoch-ms instant. */
export function dayOf(ms: number, tz: string): string {
  return localDate(ms, tz);
}

/** "2024年6月1日至2024年6月12日" / "1 Jun 2024 to 12 Jun 2024"; one date when equal. */
export function fmtPeriod(from: string, to: string, lang: Lang): string {
  if (from === to) return fmtDate(from, lang);
  return lang === 'zh' ? `${fmtDate(from, lang)}至${fmtDate(to, lang)}` : `${fmtDate(from, lang)} to ${fmtDate(to, lang)}`;
}

/** 123456 → "1,234.56元" / "CNY 1,234.56". */
export function fmtYuan(fen: Fen, lang: Lang): string {
  return lang === 'zh' ? `${formatYuan(fen)}元` : `CNY ${formatYuan(fen)}`;
}

/** 0.24 → "24%", 0.3599 → "35.99%". */
export function fmtRate(rate: number): string {
  const p = Math.round(rate * 10000) / 100;
  return `${Number.isInteger(p) ? p.toFixed(0) : p.toFixed(2).replace(/0$/, '')}%`;
}

const KIND: Record<EventKind, Text2> = {
  call: { zh: '来电', en: 'call' },
  sms: { zh: '短信', en: 'SMS' },
  im: { zh: '即时消息', en: 'chat message' },
  visit: { zh: '上门', en: 'visit' },
  letter: { zh: '信函', en: 'letter' },
  third_party_report: { zh: '亲友告知', en: 'report by a contact' },
  payment: { zh: '还款', en: 'payment' },
  note: { zh: '记录', en: 'note' },
};

const CALL_STATUS: Partial<Record<CallStatus, Text2>> = {
  answered: { zh: '已接听', en: 'answered' },
  missed: { zh: '未接', en: 'missed' },
  rejected: { zh: '已拒接', en: 'rejected' },
  blocked: { zh: '已拦截', en: 'blocked' },
  voicemail: { zh: '语音信箱', en: 'voicemail' },
};

/** "来电（未接）", "短信" / "call (missed)", "SMS". */
export function kindLabel(kind: EventKind, lang: Lang, callStatus?: CallStatus | null): string {
  const k = KIND[kind][lang];
  const s = kind === 'call' && callStatus ? CALL_STATUS[callStatus] : undefined;
  if (!s) return k;
  return lang === 'zh' ? `${k}（${s.zh}）` : `${k} (${s.en})`;
}

export const LENDER_TYPE_LABEL: Record<LenderType, Text2> = {
  bank: { zh: '商业银行', en: 'commercial bank' },
  consumer_finance: { zh: '消费金融公司', en: 'consumer finance company' },
  microloan: { zh: '小额贷款公司', en: 'microloan company' },
  platform: { zh: '助贷平台', en: 'loan platform' },
  credit_card: { zh: '信用卡发卡银行', en: 'credit-card issuer' },
  private: { zh: '非持牌出借人', en: 'private lender' },
  other: { zh: '其他机构', en: 'other business' },
};

/** Joins with 、 / ", ". */
export function joinList(items: readonly string[], lang: Lang): string {
  return items.join(lang === 'zh' ? '、' : ', ');
}

/** Chinese ordinal list marker: 一、二、… up to 99. */
export function zhOrdinal(n: number): string {
  const d = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n]!;
  if (n < 20) return `十${n % 10 ? d[n % 10] : ''}`;
  return `${d[Math.floor(n / 10)]}十${n % 10 ? d[n % 10] : ''}`;
}

/** "1 call" / "3 calls". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
