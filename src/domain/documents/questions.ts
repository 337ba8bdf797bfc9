/**
 * The facts a document may need that a case does not hold, as questions for the person.
 * A builder lists the ones still unanswered in `missing`; the UI asks only those and passes the answers back.
 */
import { yuanToFen, type Fen } from '../money.js';
import { parseDate } from '../time.js';
import type { DocumentCase, Question } from './case.js';

export const QUESTIONS = {
  borrower_name: {
    key: 'borrower_name',
    label: { zh: '你的姓名', en: 'Your name' },
    kind: 'text',
    required: true,
  },
  borrower_phone: {
    key: 'borrower_phone',
    label: { zh: '你的联系电话', en: 'Your phone number' },
    kind: 'text',
    required: true,
  },
  borrower_id_last4: {
    key: 'borrower_id_last4',
    label: { zh: '身份证号后四位', en: 'Last four characters of your ID card number' },
    kind: 'text',
    required: false,
    hint: { zh: '便于机构核对身份；不要填写完整证件号。', en: 'Helps the lender find your account; never give the full number.' },
  },
  borrower_city: {
    key: 'borrower_city',
    label: { zh: '你所在的城市（区县）', en: 'Your city (and district)' },
    kind: 'text',
    required: false,
  },
  borrower_address: {
    key: 'borrower_address',
    label: { zh: '你的联系地址', en: 'Your postal address' },
    kind: 'text',
    required: false,
  },
  loan_account: {
    key: 'loan_account',
    label: { zh: '借款合同编号或信用卡卡号后四位（如有）', en: 'Loan contract number or last four digits of the card (if any)' },
    kind: 'text',
    required: false,
  },
  collection_agency: {
    key: 'collection_agency',
    label: { zh: '催收机构名称（如果知道）', en: 'Name of the collection agency (if you know it)' },
    kind: 'text',
    required: false,
  },
  respondent_name: {
    key: 'respondent_name',
    label: { zh: '被投诉的商家或服务机构名称', en: 'Name of the business you complain about' },
    kind: 'text',
    required: true,
  },
  respondent_address: {
    key: 'respondent_address',
    label: { zh: '被投诉方地址或网店、App 名称', en: "The business's address, shop or app name" },
    kind: 'text',
    required: false,
  },
  hardship: {
    key: 'hardship',
    label: { zh: '还款困难的原因（如失业、疾病、收入下降）', en: 'Why you cannot pay as agreed (job loss, illness, lower income…)' },
    kind: 'text',
    required: false,
  },
  monthly_amount: {
    key: 'monthly_amount',
    label: { zh: '你每月能还多少钱（元）', en: 'How much you can pay each month (yuan)' },
    kind: 'money',
    required: true,
    hint: { zh: '按你的实际收入和必要开支填写，不要为了尽快达成而填高。', en: 'Base it on your real income and essential costs; do not promise more than you can pay.' },
  },
  months: {
    key: 'months',
    label: { zh: '分几个月还清', en: 'Over how many months' },
    kind: 'number',
    required: true,
  },
  first_payment_date: {
    key: 'first_payment_date',
    label: { zh: '第一期还款日期', en: 'Date of the first payment' },
    kind: 'date',
    required: false,
  },
  contact_name: {
    key: 'contact_name',
    label: { zh: '说明人（接到催收的亲友）姓名', en: 'Name of the contact who signs the statement' },
    kind: 'text',
    required: false,
    hint: { zh: '不填则留空，由亲友本人填写。', en: 'Leave it empty for the contact to fill in.' },
  },
  contact_relation: {
    key: 'contact_relation',
    label: { zh: '说明人与你的关系', en: 'How the contact knows you' },
    kind: 'text',
    required: false,
  },
} as const satisfies Record<string, Question>;

export type QuestionKey = keyof typeof QUESTIONS;

/** The question, as a fresh object (callers may change `required`). */
export function question(key: QuestionKey, required?: boolean): Question {
  const q: Question = { ...QUESTIONS[key] };
  if (required !== undefined) q.required = required;
  return q;
}

/** The person's answer or the case's own value for a key: trimmed, or null when empty. */
export function answer(c: DocumentCase, key: QuestionKey): string | null {
  const own: Partial<Record<QuestionKey, string | null | undefined>> = {
    borrower_name: c.borrower.name,
    borrower_phone: c.borrower.phone,
    borrower_id_last4: c.borrower.idLast4,
    borrower_city: c.borrower.city,
  };
  const v = own[key] ?? c.answers[key];
  const s = typeof v === 'string' ? v.trim() : '';
  return s ? s : null;
}

/** A money answer (yuan as typed) in fen, or null when absent or not an amount. */
export function moneyAnswer(c: DocumentCase, key: QuestionKey): Fen | null {
  const s = answer(c, key);
  if (s === null) return null;
  try {
    const f = yuanToFen(s.replace(/元$/, ''), key);
    return f > 0 ? f : null;
  } catch {
    return null;
  }
}

/** A positive whole-number answer, or null. */
export function intAnswer(c: DocumentCase, key: QuestionKey): number | null {
  const s = answer(c, key);
  if (s === null || !/^\d{1,4}$/.test(s.replace(/个?月$/, ''))) return null;
  const n = Number(s.replace(/个?月$/, ''));
  return n > 0 ? n : null;
}

/** A YYYY-MM-DD answer, or null. */
export function dateAnswer(c: DocumentCase, key: QuestionKey): string | null {
  const s = answer(c, key);
  return s !== null && parseDate(s) ? s : null;
}

/** Collects the questions whose answers a document lacks, each key once, in the order asked. */
export class Missing {
  private readonly list: Question[] = [];
  private readonly seen = new Set<string>();

  /** Records the question when `value` is null; returns the value. */
  need<T>(value: T | null, key: QuestionKey, required?: boolean): T | null {
    if (value === null && !this.seen.has(key)) {
      this.seen.add(key);
      this.list.push(question(key, required));
    }
    return value;
  }

  get questions(): Question[] {
    return [...this.list];
  }
}
