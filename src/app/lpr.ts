/**
 * The 1-year LPR for a contract date: the table of src/law (docs/law/cn-law.md §D6) while it reaches the date; after its
 * last quote, a newer quote the person recorded in the case (`huxun law lpr add`, shown as entered by the user and never
 * checked by Huxun), else the table's last known quote with its date and a plain note that a newer one may exist.
 * Never "unknown" without a figure. The person's quotes are a case setting (JSON), not law data: no table is needed.
 */
import type { LprQuote, Text2 } from '../domain/law.js';
import { LPR, LPR_KNOWN_FROM, LPR_KNOWN_THROUGH, lprOn, lprOnOrLast } from '../law/index.js';
import * as repo from '../store/repo.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';

const KEY = 'lpr_quotes';

/** A quote the person entered: rates as decimals (0.03 = 3.00%). */
export interface UserLprQuote {
  date: string;
  oneYear: number;
  fiveYear: number;
  source: string;
  /** Epoch ms it was recorded. */
  enteredAt: number;
}

const LAST_TABLE_DATE = LPR[LPR.length - 1]!.date;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The person's quotes, oldest first (bad entries of an older version are skipped). */
export async function listUserLpr(ctx: AppContext): Promise<UserLprQuote[]> {
  const raw = await repo.getSetting(ctx.store.db, ctx.caseId, KEY);
  if (!raw) return [];
  try {
    const list = JSON.parse(raw) as unknown;
    if (!Array.isArray(list)) return [];
    return list
      .filter((q): q is UserLprQuote => !!q && typeof q === 'object' && isDate((q as UserLprQuote).date) && Number.isFinite((q as UserLprQuote).oneYear) && Number.isFinite((q as UserLprQuote).fiveYear))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  } catch {
    return [];
  }
}

/**
 * Records a newer quote (rates in percent as published, e.g. 3.00 and 3.50). Refuses a date the table already covers
 * (on or before its last quote, LAST_TABLE_DATE), a rate outside (0, 20) %, and an empty source. A second quote for the
 * same date replaces the first.
 */
export async function addUserLpr(ctx: AppContext, input: { date: string; oneYearPct: number; fiveYearPct: number; source: string }): Promise<UserLprQuote[]> {
  const { date, oneYearPct, fiveYearPct } = input;
  const source = (input.source ?? '').trim();
  if (!isDate(date)) throw new AppError('BAD_INPUT', `日期应为 YYYY-MM-DD date: expected YYYY-MM-DD, got ${JSON.stringify(date)}`);
  if (date <= LAST_TABLE_DATE) {
    throw new AppError('BAD_INPUT', `护讯的LPR表已包含 ${LAST_TABLE_DATE} 及以前的报价；只能录入更新的报价 the table already has quotes up to ${LAST_TABLE_DATE}; only a later quote can be added`);
  }
  for (const [name, v] of [['ONE_YEAR', oneYearPct], ['FIVE_YEAR', fiveYearPct]] as const) {
    if (!Number.isFinite(v) || v <= 0 || v >= 20) throw new AppError('BAD_INPUT', `${name}: 请按百分数填写，例如 3.00 expected a rate in percent between 0 and 20, e.g. 3.00; got ${JSON.stringify(v)}`);
  }
  if (!source) throw new AppError('BAD_INPUT', '请写明在哪里看到这个报价（--source），例如中国货币网的公告 --source: say where the quote was read, e.g. the chinamoney.com.cn announcement');
  if (source.length > 500) throw new AppError('BAD_INPUT', '--source: at most 500 characters');
  const q: UserLprQuote = { date, oneYear: Math.round(oneYearPct * 100) / 10_000, fiveYear: Math.round(fiveYearPct * 100) / 10_000, source, enteredAt: ctx.now() };
  const list = (await listUserLpr(ctx)).filter((x) => x.date !== date);
  list.push(q);
  list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  await repo.setSetting(ctx.store.db, ctx.caseId, KEY, JSON.stringify(list));
  return list;
}

const pct = (r: number) => `${(r * 100).toFixed(2)}%`;

function userNote(q: UserLprQuote, date: string, newer: boolean): Text2 {
  return {
    zh:
      `一年期LPR ${pct(q.oneYear)}（${q.date}）是你自己录入的报价（来源：${q.source}），护讯没有核对。` +
      (newer ? `${date} 适用的报价可能已经更新，请在中国货币网（chinamoney.com.cn）核对。` : ''),
    en:
      `The 1-year LPR ${pct(q.oneYear)} (${q.date}) was entered by you (source: ${q.source}); Huxun has not checked it.` +
      (newer ? ` A newer quote may apply on ${date}: check chinamoney.com.cn.` : ''),
  };
}

/** The next day a quote can be published after `date` (the 20th of the next month): before it, `date`'s quote is certainly current. */
function nextQuoteFrom(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  return `${ny}-${String(nm).padStart(2, '0')}-20`;
}

/**
 * The 1-year LPR for a contract date, or null before the reformed LPR (2019-08-20; the old benchmark rate is not an LPR).
 * `user`: the person's quotes (listUserLpr). A user quote never overrides the table.
 */
export function lprForDate(date: string, user: readonly UserLprQuote[] = []): LprQuote | null {
  if (!isDate(date) || date < LPR_KNOWN_FROM) return null;
  if (date <= LPR_KNOWN_THROUGH) return { ...lprOn(date), origin: 'table', note: null };
  let mine: UserLprQuote | null = null;
  for (const q of user) if (q.date > LAST_TABLE_DATE && q.date <= date && (!mine || q.date > mine.date)) mine = q;
  if (mine) {
    const newer = date >= nextQuoteFrom(mine.date);
    return { date: mine.date, oneYear: mine.oneYear, fiveYear: mine.fiveYear, origin: 'user', note: userNote(mine, date, newer), source: mine.source };
  }
  const last = lprOnOrLast(date);
  return { ...last.entry, origin: 'last_known', note: last.note };
}

/** lprForDate over the case's own quotes, as a lookup for checkLegalLines. */
export async function caseLprLookup(ctx: AppContext): Promise<(date: string) => LprQuote | null> {
  const user = await listUserLpr(ctx);
  return (date: string) => lprForDate(date, user);
}
