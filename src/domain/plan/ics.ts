/**
 * Payment reminders as an iCalendar file (RFC 5545) a phone's calendar imports: one all-day event per
 * lender and month of the plan, on the pay day, with an alarm at 09:00 the day before. Pure: the stamp
 * time comes in. Lines are CRLF, folded at 75 octets (UTF-8, never inside a character); text is escaped
 * (\\ ; , and newlines). UIDs are stable (`huxun-plan-<loan>-<YYYYMM>@huxun.local`), so importing a new plan
 * updates the reminders of the months it shares with the old one.
 */
import { formatYuan } from '../money.js';
import { addDays } from '../time.js';
import type { Plan } from './engine.js';
import { dayOf } from './proposal.js';

export function escapeIcsText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

function utf8Bytes(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Folds one content line at 75 octets (continuation lines start with a space), never inside a character. */
export function foldIcsLine(line: string): string {
  // ASCII-only lines up to 75 characters (most of them) need no counting.
  if (line.length <= 75 && !/[^\x00-\x7f]/.test(line)) return line;
  const parts: string[] = [];
  let start = 0;
  let len = 0;
  let limit = 75;
  for (let i = 0; i < line.length; ) {
    const cp = line.codePointAt(i)!;
    const n = utf8Bytes(cp);
    const w = cp > 0xffff ? 2 : 1;
    if (len + n > limit) {
      parts.push(line.slice(start, i));
      start = i;
      len = 0;
      limit = 74; // the leading space of a continuation line is one of its 75 octets
    }
    len += n;
    i += w;
  }
  parts.push(line.slice(start));
  return parts.join('\r\n ');
}

function ymdCompact(d: string): string {
  return d.replace(/-/g, '');
}

/** The DTSTAMP form of an epoch-ms time (UTC, e.g. 20260105T093000Z). */
export function icsStamp(now: number): string {
  return new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** One all-day event on `date` (YYYY-MM-DD) with a display alarm at 09:00 the day before; lines unfolded. */
export function icsDayEvent(uid: string, stamp: string, date: string, summary: string, description: string): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${ymdCompact(date)}`,
    `DTEND;VALUE=DATE:${ymdCompact(addDays(date, 1))}`,
    `SUMMARY:${escapeIcsText(summary)}`,
    `DESCRIPTION:${escapeIcsText(description)}`,
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeIcsText(summary)}`,
    'TRIGGER:-PT15H',
    'END:VALARM',
    'END:VEVENT',
  ];
}

export interface IcsOptions {
  /** Day of the month to pay (1…31, clamped to the month's end). */
  payDay: number;
  /** Epoch ms of the file's creation (DTSTAMP). */
  now: number;
  lang?: 'zh' | 'en';
}

/** The plan's reminders as an .ics text. */
export function planToIcs(plan: Plan, opts: IcsOptions): string {
  const zh = (opts.lang ?? 'zh') === 'zh';
  const stamp = icsStamp(opts.now);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Huxun//Repayment plan//ZH', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeIcsText(zh ? '护讯还款计划' : 'Huxun repayment plan')}`];
  for (const l of plan.lenders) {
    for (const m of l.months) {
      const date = dayOf(m.month, opts.payDay);
      const amount = formatYuan(m.pay_fen);
      const summary = zh ? `还款 ${l.lender} ¥${amount}` : `Pay ${l.lender} ¥${amount}`;
      const desc = zh
        ? `护讯还款计划：本月向${l.lender}还款 ${amount} 元。只还到贷款方的官方还款渠道（App、对公账户），不要转给个人账户或声称能“停催”的中介。还款后在护讯里记下这笔还款并保存凭证。`
        : `Huxun plan: pay ${l.lender} ¥${amount} this month. Pay only through the lender's official channel (its app or company account), never to a personal account or an agent who promises to stop the calls. Record the payment in Huxun and keep the receipt.`;
      lines.push(...icsDayEvent(`huxun-plan-${l.loan}-${m.month.replace('-', '')}@huxun.local`, stamp, date, summary, desc));
    }
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
