/**
 * The life cycle of a complaint once sent: submitted → due (the answer deadline or the person's reminder date has
 * passed with no answer) → answered, or escalated (the next step was sent). Pure: today's local date comes in
 * (computed in the case's zone, Asia/Shanghai by default, by the caller through src/domain/time.ts).
 */
import type { Text2 } from '../law.js';
import { dayNumber } from '../time.js';

export const SUBMIT_METHODS = ['web', 'app', 'phone', 'letter', 'email', 'in_person'] as const;
export type SubmitMethod = (typeof SUBMIT_METHODS)[number];

export const METHOD_LABEL: Record<SubmitMethod, Text2> = {
  web: { zh: '网上表单', en: 'web form' },
  app: { zh: 'App', en: 'the app' },
  phone: { zh: '电话', en: 'phone' },
  letter: { zh: '信件', en: 'letter' },
  email: { zh: '电子邮件', en: 'e-mail' },
  in_person: { zh: '当面提交', en: 'in person' },
};

export const ANSWER_OUTCOMES = ['resolved', 'partial', 'rejected', 'extended', 'transferred', 'other'] as const;
export type AnswerOutcome = (typeof ANSWER_OUTCOMES)[number];

export const OUTCOME_LABEL: Record<AnswerOutcome, Text2> = {
  resolved: { zh: '已解决', en: 'resolved' },
  partial: { zh: '部分解决', en: 'partly resolved' },
  rejected: { zh: '不予处理或驳回', en: 'rejected' },
  extended: { zh: '告知延长办理期限', en: 'told the deadline is extended' },
  transferred: { zh: '已转交其他机构', en: 'passed to another body' },
  other: { zh: '其他答复', en: 'other answer' },
};

export type FollowUpState = 'submitted' | 'due' | 'answered' | 'escalated';

export interface FollowUpFacts {
  submittedOn: string;
  /** The law's deadline (YYYY-MM-DD), if any. */
  dueOn: string | null;
  /** The person's reminder date, if set. */
  remindOn: string | null;
  answeredOn: string | null;
  answerOutcome: AnswerOutcome | null;
  /** A later step (escalation) was sent for this complaint. */
  escalated: boolean;
}

export interface FollowUpStatus {
  state: FollowUpState;
  /** The date that matters next: the deadline, else the reminder (null when answered, escalated or none set). */
  nextDate: string | null;
  nextKind: 'deadline' | 'reminder' | null;
  /** Days from today to nextDate (negative when passed). */
  daysLeft: number | null;
  /** Within 3 days of nextDate, not yet passed. */
  dueSoon: boolean;
}

export const DUE_SOON_DAYS = 3;

/** Where the complaint stands on `today` (YYYY-MM-DD, local). */
export function followUpStatus(f: FollowUpFacts, today: string): FollowUpStatus {
  if (f.escalated) return { state: 'escalated', nextDate: null, nextKind: null, daysLeft: null, dueSoon: false };
  if (f.answeredOn && f.answerOutcome !== 'extended') return { state: 'answered', nextDate: null, nextKind: null, daysLeft: null, dueSoon: false };
  // The earlier of the two dates is the one to act on (a reminder before the deadline, e.g. to chase an answer).
  const dates: { d: string; k: 'deadline' | 'reminder' }[] = [];
  if (f.dueOn) dates.push({ d: f.dueOn, k: 'deadline' });
  if (f.remindOn) dates.push({ d: f.remindOn, k: 'reminder' });
  dates.sort((a, b) => (a.d < b.d ? -1 : a.d > b.d ? 1 : a.k === 'deadline' ? -1 : 1));
  // Once the deadline passed, it stays the date that counts even when a reminder is later.
  const next = dates[0] ?? null;
  if (!next) return { state: 'submitted', nextDate: null, nextKind: null, daysLeft: null, dueSoon: false };
  const daysLeft = dayNumber(next.d) - dayNumber(today);
  // A deadline is due the day after its last day; a reminder on its own day.
  const due = next.k === 'deadline' ? daysLeft < 0 : daysLeft <= 0;
  return { state: due ? 'due' : 'submitted', nextDate: next.d, nextKind: next.k, daysLeft, dueSoon: !due && daysLeft <= DUE_SOON_DAYS };
}

/**
 * The channel to escalate to: the one after `current` in the routing's list for that lender (the lender's own
 * channel first, then its regulator, then the others), skipping channels already used for this matter.
 */
export function nextChannel(route: readonly string[], current: string, used: readonly string[] = []): string | null {
  const skip = new Set([current, ...used]);
  const at = route.indexOf(current);
  const after = at >= 0 ? route.slice(at + 1) : route;
  return after.find((c) => !skip.has(c)) ?? route.find((c) => !skip.has(c)) ?? null;
}
