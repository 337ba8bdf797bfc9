/**
 * 投诉跟进 (issue 16): when an answer is due, only where the law data supports a time limit for that channel.
 *
 * The table names citation ids only (src/law holds the words); the app checks each id exists and shows its excerpt.
 * What docs/law/cn-law.md supports today:
 * - the lender itself, for banks and credit-card issuers (银行保险机构): A13 《银行业保险业消费投诉处理管理办法》
 *   "应当在15日内办理完毕并告知投诉人，情况复杂的可延长至30日；…再延长30日" (complaints-2020.time-limits);
 * - 12315: "7个工作日内作出是否受理的决定" (samr-complaints.art14), a decision to accept, not an answer.
 * Nothing else: 12378's "about 15 working days" is marked UNVERIFIED in the reference, and the police, the local
 * regulator, NIFA, 12321, 12377 and the PI regulators have no time limit there. For those the person sets a reminder.
 */
import type { Text2 } from '../law.js';
import { addDays, dayNumber, dateFromDayNumber } from '../time.js';

export interface DeadlineRule {
  channel: string;
  /** Lender types it applies to ('any' for channels whose limit does not depend on the lender). */
  lenderTypes: readonly string[] | 'any';
  /** Days allowed, then each extension's new total (15 → 30 → 60 for A13). */
  ladder: readonly number[];
  unit: 'calendar' | 'working';
  /** What must happen by then. */
  what: Text2;
  citationIds: readonly string[];
  /** Said with the date when it cannot be exact (working days without a holiday calendar). */
  caveat?: Text2;
}

export const DEADLINE_RULES: readonly DeadlineRule[] = [
  {
    channel: 'lender',
    lenderTypes: ['bank', 'credit_card'],
    ladder: [15, 30, 60],
    unit: 'calendar',
    what: { zh: '办理完毕并告知投诉人', en: 'handle the complaint and inform the complainant' },
    citationIds: ['complaints-2020.time-limits'],
  },
  {
    channel: '12315',
    lenderTypes: 'any',
    ladder: [7],
    unit: 'working',
    what: { zh: '作出是否受理的决定', en: 'decide whether to accept the complaint' },
    citationIds: ['samr-complaints.art14'],
    caveat: {
      zh: '按工作日计算，只跳过周六周日；遇法定节假日顺延，请以实际为准。',
      en: 'Counted in working days skipping weekends only; public holidays push it later.',
    },
  },
];

export interface Deadline {
  /** YYYY-MM-DD: the last day of the period. */
  due: string;
  days: number;
  unit: 'calendar' | 'working';
  /** 0 = the first limit; 1, 2 = after the institution extended it. */
  step: number;
  /** Whether a further extension exists in the law data. */
  extendable: boolean;
  what: Text2;
  citationIds: string[];
  caveat: Text2 | null;
}

export function deadlineRule(channel: string, lenderType: string | null): DeadlineRule | null {
  return (
    DEADLINE_RULES.find((r) => r.channel === channel && (r.lenderTypes === 'any' || (lenderType != null && r.lenderTypes.includes(lenderType)))) ?? null
  );
}

/** The n-th working day after `date` (Monday to Friday; no holiday calendar in the law data). */
export function addWorkingDays(date: string, n: number): string {
  let d = dayNumber(date);
  let left = n;
  while (left > 0) {
    d++;
    // 1970-01-01 (day 0) was a Thursday: weekday 0 = Monday.
    const wd = (((d + 3) % 7) + 7) % 7;
    if (wd < 5) left--;
  }
  return dateFromDayNumber(d);
}

/**
 * The answer deadline of a complaint submitted on `submitted` (a local date in the case's zone), or null when the
 * law data gives none for this channel and lender type. Counted from the day after submission ("15日内": the
 * 15th day after the complaint was received is the last day).
 */
export function answerDeadline(channel: string, lenderType: string | null, submitted: string, step = 0): Deadline | null {
  const r = deadlineRule(channel, lenderType);
  if (!r) return null;
  const i = Math.min(Math.max(0, step), r.ladder.length - 1);
  const days = r.ladder[i]!;
  const due = r.unit === 'calendar' ? addDays(submitted, days) : addWorkingDays(submitted, days);
  return { due, days, unit: r.unit, step: i, extendable: i < r.ladder.length - 1, what: r.what, citationIds: [...r.citationIds], caveat: r.caveat ?? null };
}
