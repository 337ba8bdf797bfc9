/**
 * 贷款市场报价利率 (LPR), 2019-08 to 2026-09, from docs/law/cn-law.md §D6 "LPR table" (full monthly series, every row).
 *
 * Published by 全国银行间同业拆借中心 on behalf of the PBoC at 9:00 on the 20th of each month; if the 20th is not a working
 * day, on the next working day (official make-up working days on weekends count: 2021-02-20, 2026-09-20). A quote stays valid
 * until the next one. `date` is the publication date, i.e. the first day in force.
 *
 * Status (reference): VERIFIED (secondary). Source A (a "律师小工具" table transcribed from the Bank of China LPR page,
 * 2019-08-20 → 2026-08-20) and source B (an independent seed table, 2019-08-20 → 2025-07-21) agree on every value for
 * 2019-08 to 2025-07. 2025-08 to 2026-08: source A only, plus news checks (2026-12 update) of several rows. 2026-09 (added
 * 2026-12): SECONDARY, several secondary sources agree, no official page read. 2026-10 and later are not in the reference and
 * are never extrapolated: lprOnOrLast() gives the last known quote with its date, and a case may record a newer quote it
 * entered itself (app: lpr_quotes).
 * Official source to re-check: chinamoney.com.cn (中国货币网).
 *
 * Before 2019-08-20 there was no reformed LPR: per the reference, the benchmark 1-year lending rate was 4.35%, in effect
 * since 2015-10-24. That is a different rate, not an LPR, so lprOn() refuses dates before 2019-08-20 rather than
 * returning it. What a court uses for a contract formed before 2019-08-20 is not in the reference.
 *
 * For the private-lending cap use the 1-year LPR in force on the date the contract was formed
 * (private-lending-2020.art25), and only for lenders outside private-lending-2020.art1 and private-lending-scope-2020.
 */
import type { LprEntry, Text2, Verification } from '../domain/law.js';

export interface LprRow extends LprEntry {
  /**
   * 'A=B': both sources agree; 'A': source A only; 'A+news': source A and a news report; 'secondary': no table source,
   * several secondary sources agree (status SECONDARY, see `verified`).
   */
  crossCheck: 'A=B' | 'A' | 'A+news' | 'secondary';
  /** The row's own status when it is weaker than LPR_VERIFICATION. */
  verified?: Verification;
  note?: string;
}

export const LPR_VERIFICATION: Verification = 'verified_secondary';
export const LPR_SOURCE =
  'cn-law.md §D6: source A (律师小工具 table from the Bank of China LPR page, 2019-08-20 → 2026-08-20) and source B (independent seed table, 2019-08-20 → 2025-07-21); 2026-09-20 SECONDARY (news and public records, 2026-12); official: chinamoney.com.cn';
/** The benchmark 1-year lending rate before the LPR reform (4.35%, since 2015-10-24), per the reference. Not an LPR. */
export const PRE_LPR_BENCHMARK_1Y = { rate: 0.0435, since: '2015-10-24' } as const;

/** Every monthly quote, oldest first. Decimals: 0.0385 = 3.85%. */
export const LPR: readonly LprRow[] = [
  { date: '2019-08-20', oneYear: 0.0425, fiveYear: 0.0485, crossCheck: 'A=B' },
  { date: '2019-09-20', oneYear: 0.0420, fiveYear: 0.0485, crossCheck: 'A=B' },
  { date: '2019-10-21', oneYear: 0.0420, fiveYear: 0.0485, crossCheck: 'A=B' },
  { date: '2019-11-20', oneYear: 0.0415, fiveYear: 0.0480, crossCheck: 'A=B' },
  { date: '2019-12-20', oneYear: 0.0415, fiveYear: 0.0480, crossCheck: 'A=B' },
  { date: '2020-01-20', oneYear: 0.0415, fiveYear: 0.0480, crossCheck: 'A=B' },
  { date: '2020-02-20', oneYear: 0.0405, fiveYear: 0.0475, crossCheck: 'A=B' },
  { date: '2020-03-20', oneYear: 0.0405, fiveYear: 0.0475, crossCheck: 'A=B' },
  { date: '2020-04-20', oneYear: 0.0385, fiveYear: 0.0465, crossCheck: 'A=B' },
  { date: '2020-05-20', oneYear: 0.0385, fiveYear: 0.0465, crossCheck: 'A=B' },
  { date: '2020-06-22', oneYear: 0.0385, fiveYear: 0.0465, crossCheck: 'A=B' },
  { date: '2020-07-20', oneYear: 0.0385, fiveYear: 0.0465, crossCheck: 'A=B' },
  { date: '2020-08-20', oneYear: 0.0385, fiveYear: 0.0465, crossCheck: 'A=B' },
  { date: '2020-09-21', oneYear: 0.0385, fiveYear: 0.0465, crossCheck: 'A=B' },
  { date: '2020-10-20', oneYear: 0.0385, fiveYear: 0.0465, crossCheck: 'A=B' },
  { date: '2020-11-20', oneYear: 0.0385, fiveYear: 0.0465, crossCheck: 'A=B' },
  { date: '2020-12-21', oneYear: 0.0385, fiveYear: 0.0465, crossCheck: 'A=B' },
  { date: '2021-01-20', oneYear: 0.0385, fiveYear: 0.0465, crossCheck: 'A=B' },
  { date: '2021-02-20', oneYear: 0.0385, fiveYear: 0.0465, crossCheck: 'A=B', note: "Source A dates this quote 2021-02-22, source B 2021-02-20 (a Saturday but a make-up working day after the Spring Festival); the reference's inference is 02-20. Values identical either way." },
  { date: '2021-03-22', oneYear: 0.0385, fiveYear: 0.0465, crossCheck: 'A=B' },
  { date: '2021-04-20', oneYear: 0.0385, fiveYear: 0.0465, crossCheck: 'A=B' },
  { date: '2021-05-20', oneYear: 0.0385, fiveYear: 0.0465, crossCheck: 'A=B' },
  { date: '2021-06-21', oneYear: 0.0385, fiveYear: 0.0465, crossCheck: 'A=B' },
  { date: '2021-07-20', oneYear: 0.0385, fiveYear: 0.0465, crossCheck: 'A=B' },
  { date: '2021-08-20', oneYear: 0.0385, fiveYear: 0.0465, crossCheck: 'A=B' },
  { date: '2021-09-22', oneYear: 0.0385, fiveYear: 0.0465, crossCheck: 'A=B' },
  { date: '2021-10-20', oneYear: 0.0385, fiveYear: 0.0465, crossCheck: 'A=B' },
  { date: '2021-11-22', oneYear: 0.0385, fiveYear: 0.0465, crossCheck: 'A=B' },
  { date: '2021-12-20', oneYear: 0.0380, fiveYear: 0.0465, crossCheck: 'A=B' },
  { date: '2022-01-20', oneYear: 0.0370, fiveYear: 0.0460, crossCheck: 'A=B' },
  { date: '2022-02-21', oneYear: 0.0370, fiveYear: 0.0460, crossCheck: 'A=B' },
  { date: '2022-03-21', oneYear: 0.0370, fiveYear: 0.0460, crossCheck: 'A=B' },
  { date: '2022-04-20', oneYear: 0.0370, fiveYear: 0.0460, crossCheck: 'A=B' },
  { date: '2022-05-20', oneYear: 0.0370, fiveYear: 0.0445, crossCheck: 'A=B' },
  { date: '2022-06-20', oneYear: 0.0370, fiveYear: 0.0445, crossCheck: 'A=B' },
  { date: '2022-07-20', oneYear: 0.0370, fiveYear: 0.0445, crossCheck: 'A=B' },
  { date: '2022-08-22', oneYear: 0.0365, fiveYear: 0.0430, crossCheck: 'A=B' },
  { date: '2022-09-20', oneYear: 0.0365, fiveYear: 0.0430, crossCheck: 'A=B' },
  { date: '2022-10-20', oneYear: 0.0365, fiveYear: 0.0430, crossCheck: 'A=B' },
  { date: '2022-11-21', oneYear: 0.0365, fiveYear: 0.0430, crossCheck: 'A=B' },
  { date: '2022-12-20', oneYear: 0.0365, fiveYear: 0.0430, crossCheck: 'A=B' },
  { date: '2023-01-20', oneYear: 0.0365, fiveYear: 0.0430, crossCheck: 'A=B' },
  { date: '2023-02-20', oneYear: 0.0365, fiveYear: 0.0430, crossCheck: 'A=B' },
  { date: '2023-03-20', oneYear: 0.0365, fiveYear: 0.0430, crossCheck: 'A=B' },
  { date: '2023-04-20', oneYear: 0.0365, fiveYear: 0.0430, crossCheck: 'A=B' },
  { date: '2023-05-22', oneYear: 0.0365, fiveYear: 0.0430, crossCheck: 'A=B' },
  { date: '2023-06-20', oneYear: 0.0355, fiveYear: 0.0420, crossCheck: 'A=B' },
  { date: '2023-07-20', oneYear: 0.0355, fiveYear: 0.0420, crossCheck: 'A=B' },
  { date: '2023-08-21', oneYear: 0.0345, fiveYear: 0.0420, crossCheck: 'A=B' },
  { date: '2023-09-20', oneYear: 0.0345, fiveYear: 0.0420, crossCheck: 'A=B' },
  { date: '2023-10-20', oneYear: 0.0345, fiveYear: 0.0420, crossCheck: 'A=B' },
  { date: '2023-11-20', oneYear: 0.0345, fiveYear: 0.0420, crossCheck: 'A=B' },
  { date: '2023-12-20', oneYear: 0.0345, fiveYear: 0.0420, crossCheck: 'A=B' },
  { date: '2024-01-22', oneYear: 0.0345, fiveYear: 0.0420, crossCheck: 'A=B' },
  { date: '2024-02-20', oneYear: 0.0345, fiveYear: 0.0395, crossCheck: 'A=B' },
  { date: '2024-03-20', oneYear: 0.0345, fiveYear: 0.0395, crossCheck: 'A=B' },
  { date: '2024-04-22', oneYear: 0.0345, fiveYear: 0.0395, crossCheck: 'A=B' },
  { date: '2024-05-20', oneYear: 0.0345, fiveYear: 0.0395, crossCheck: 'A=B' },
  { date: '2024-06-20', oneYear: 0.0345, fiveYear: 0.0395, crossCheck: 'A=B' },
  { date: '2024-07-22', oneYear: 0.0335, fiveYear: 0.0385, crossCheck: 'A=B' },
  { date: '2024-08-20', oneYear: 0.0335, fiveYear: 0.0385, crossCheck: 'A=B' },
  { date: '2024-09-20', oneYear: 0.0335, fiveYear: 0.0385, crossCheck: 'A=B' },
  { date: '2024-10-21', oneYear: 0.0310, fiveYear: 0.0360, crossCheck: 'A=B' },
  { date: '2024-11-20', oneYear: 0.0310, fiveYear: 0.0360, crossCheck: 'A=B' },
  { date: '2024-12-20', oneYear: 0.0310, fiveYear: 0.0360, crossCheck: 'A=B' },
  { date: '2025-01-20', oneYear: 0.0310, fiveYear: 0.0360, crossCheck: 'A=B' },
  { date: '2025-02-20', oneYear: 0.0310, fiveYear: 0.0360, crossCheck: 'A=B' },
  { date: '2025-03-20', oneYear: 0.0310, fiveYear: 0.0360, crossCheck: 'A=B' },
  { date: '2025-04-21', oneYear: 0.0310, fiveYear: 0.0360, crossCheck: 'A=B', note: "Source B dates this quote 2025-04-20, a Sunday; the reference's inference is 2025-04-21 (source A). Values identical either way." },
  { date: '2025-05-20', oneYear: 0.0300, fiveYear: 0.0350, crossCheck: 'A=B' },
  { date: '2025-06-20', oneYear: 0.0300, fiveYear: 0.0350, crossCheck: 'A=B', note: 'News cross-check (SECONDARY, 2026-12): today.line.me/hk/v3/article/ZaN97EO.' },
  { date: '2025-07-21', oneYear: 0.0300, fiveYear: 0.0350, crossCheck: 'A=B', note: 'News cross-check (SECONDARY, 2026-12): bastillepost.com/global/article/5046524.' },
  { date: '2025-08-20', oneYear: 0.0300, fiveYear: 0.0350, crossCheck: 'A+news', note: 'News cross-check (SECONDARY, 2026-12): urdupoint.com (WAM).' },
  { date: '2025-09-22', oneYear: 0.0300, fiveYear: 0.0350, crossCheck: 'A+news', note: 'Xinhua (SECONDARY, 2026-12): en.people.cn/n3/2025/0922/c90000-20369329.html.' },
  { date: '2025-10-20', oneYear: 0.0300, fiveYear: 0.0350, crossCheck: 'A' },
  { date: '2025-11-20', oneYear: 0.0300, fiveYear: 0.0350, crossCheck: 'A' },
  { date: '2025-12-22', oneYear: 0.0300, fiveYear: 0.0350, crossCheck: 'A+news', note: 'Xinhua (SECONDARY, 2026-12): en.people.cn/n3/2025/1222/c90000-20405231.html.' },
  { date: '2026-01-20', oneYear: 0.0300, fiveYear: 0.0350, crossCheck: 'A+news', note: 'Xinhua (SECONDARY, 2026-12): en.people.cn/n3/2026/0120/c90000-20416397.html.' },
  { date: '2026-02-24', oneYear: 0.0300, fiveYear: 0.0350, crossCheck: 'A+news', note: 'Xinhua (SECONDARY, 2026-12): en.people.cn/n3/2026/0224/c90000-20427679.html.' },
  { date: '2026-03-20', oneYear: 0.0300, fiveYear: 0.0350, crossCheck: 'A+news' },
  { date: '2026-04-20', oneYear: 0.0300, fiveYear: 0.0350, crossCheck: 'A' },
  { date: '2026-05-20', oneYear: 0.0300, fiveYear: 0.0350, crossCheck: 'A' },
  { date: '2026-06-22', oneYear: 0.0300, fiveYear: 0.0350, crossCheck: 'A' },
  { date: '2026-07-20', oneYear: 0.0300, fiveYear: 0.0350, crossCheck: 'A' },
  { date: '2026-08-20', oneYear: 0.0300, fiveYear: 0.0350, crossCheck: 'A', note: 'chinamoney announcement as recorded by a research note (SECONDARY, 2026-12): https://www.chinamoney.com.cn/chinese/rdgz/20260820/3399885.html.' },
  {
    date: '2026-09-20',
    oneYear: 0.0300,
    fiveYear: 0.0350,
    crossCheck: 'secondary',
    verified: 'secondary',
    note:
      'Added 2026-12, SECONDARY (several agree; primary not read): Zhihu hot list 2026-09-22, a policy ledger citing Sina 2026-09-21, a fix script citing 央广网. ' +
      '2026-09-20 was an official make-up working Sunday (国办发明电〔2025〕7号). For contracts formed on 2026-09-20 or 21, use this quote.',
  },
];

const first = LPR[0]!;
const last = LPR[LPR.length - 1]!;

/** First day an LPR quote exists. */
export const LPR_KNOWN_FROM: string = first.date;

/**
 * Last day the table is known to be right: the day before the 20th of the month after the last quote (the next quote
 * cannot be published before the 20th). After this day the quote in force is unknown.
 */
export const LPR_KNOWN_THROUGH: string = (() => {
  const [y, m] = last.date.split('-').map(Number) as [number, number];
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  return `${ny}-${String(nm).padStart(2, '0')}-19`;
})();

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function checkDate(date: string): void {
  const m = DATE_RE.exec(date);
  if (!m) throw new TypeError(`LPR lookup: expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) {
    throw new TypeError(`LPR lookup: ${JSON.stringify(date)} is not a calendar date`);
  }
}

function entryOn(date: string): LprRow {
  let lo = 0;
  let hi = LPR.length - 1;
  // Last entry with entry.date <= date (dates are ISO strings, so string order is date order).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (LPR[mid]!.date <= date) lo = mid;
    else hi = mid - 1;
  }
  return LPR[lo]!;
}

/**
 * The LPR quote in force on `date` (YYYY-MM-DD): the latest quote published on or before that day.
 * Throws RangeError before 2019-08-20 (no LPR existed; the old benchmark rate is not an LPR) and after
 * LPR_KNOWN_THROUGH (the reference has no later quotes). Use lprOnOrLast() if a caller must show something for a later
 * date, and say that the rate is assumed.
 */
export function lprOn(date: string): LprEntry {
  checkDate(date);
  if (date < LPR_KNOWN_FROM) {
    throw new RangeError(
      `No LPR on ${date}: the reformed LPR starts on ${LPR_KNOWN_FROM}. Before it the benchmark 1-year lending rate was 4.35% (since 2015-10-24), which is not an LPR.`,
    );
  }
  if (date > LPR_KNOWN_THROUGH) {
    throw new RangeError(
      `LPR on ${date} is unknown: the table ends with the quote of ${last.date}, valid at least until ${LPR_KNOWN_THROUGH}. Add later quotes to src/law/lpr.ts (check chinamoney.com.cn).`,
    );
  }
  const { date: d, oneYear, fiveYear } = entryOn(date);
  return { date: d, oneYear, fiveYear };
}

/** The plain note shown with the last known quote for a date after the table (never "unknown" without a figure). */
export function lprBeyondTableNote(quoteDate: string, date: string): Text2 {
  return {
    zh: `Huxun 的LPR表只到 ${quoteDate} 公布的报价；${date} 适用的报价可能已经更新，这里按最后已知报价（${quoteDate}）计算。请在中国货币网（chinamoney.com.cn）核对合同成立时的一年期LPR，如有更新可自行录入（huxun law lpr add）。`,
    en: `Huxun's LPR table ends with the quote of ${quoteDate}; a newer quote may apply on ${date}, so the last known quote (${quoteDate}) is used. Check the 1-year LPR on the contract date at chinamoney.com.cn, and record a newer quote if there is one (huxun law lpr add).`,
  };
}

/**
 * Like lprOn, but for a date after the table it returns the last known quote with `beyondTable: true` and a plain note
 * (lprBeyondTableNote) that a newer quote may exist. Still throws before 2019-08-20.
 */
export function lprOnOrLast(date: string): { entry: LprEntry; beyondTable: boolean; note: Text2 | null } {
  checkDate(date);
  if (date > LPR_KNOWN_THROUGH) {
    return { entry: { date: last.date, oneYear: last.oneYear, fiveYear: last.fiveYear }, beyondTable: true, note: lprBeyondTableNote(last.date, date) };
  }
  return { entry: lprOn(date), beyondTable: false, note: null };
}

/** The status of the quote in force on `date` (the row's own, else LPR_VERIFICATION). */
export function lprVerification(date: string): Verification {
  checkDate(date);
  if (date < LPR_KNOWN_FROM) return 'unverified';
  return entryOn(date).verified ?? LPR_VERIFICATION;
}
