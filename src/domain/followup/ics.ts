/**
 * Follow-up reminders as an iCalendar file (RFC 5545): one all-day event per open complaint on its answer deadline or
 * reminder date, with an alarm at 09:00 the day before. Same conventions as the plan's file (src/domain/plan/ics.ts):
 * CRLF, lines folded at 75 octets, text escaped, stable UIDs so that a newer file updates the same reminders.
 */
import { escapeIcsText, foldIcsLine, icsDayEvent, icsStamp } from '../plan/ics.js';

export interface IcsReminder {
  complaintId: number;
  date: string;
  kind: 'deadline' | 'reminder';
  summary: string;
  description: string;
}

export function followUpIcs(items: readonly IcsReminder[], now: number, lang: 'zh' | 'en' = 'zh'): string {
  const stamp = icsStamp(now);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Huxun//Complaint follow-up//ZH', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeIcsText(lang === 'zh' ? '护讯投诉跟进' : 'Huxun complaint follow-up')}`];
  for (const r of items) {
    lines.push(...icsDayEvent(`huxun-complaint-${r.complaintId}-${r.kind}@huxun.local`, stamp, r.date, r.summary, r.description));
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
