/**
 * src/law: the legal data the rules cite, encoded from docs/law/cn-law.md (the only source of legal facts).
 * Citations, the LPR table, the interest lines, the complaint channels, and helpers to look them up and format them.
 */
import type { Citation } from '../domain/law.js';
import { CITATIONS } from './citations.js';

export { CITATIONS } from './citations.js';
export { LPR, LPR_KNOWN_FROM, LPR_KNOWN_THROUGH, LPR_SOURCE, LPR_VERIFICATION, PRE_LPR_BENCHMARK_1Y, lprBeyondTableNote, lprOn, lprOnOrLast, lprVerification } from './lpr.js';
export type { LprRow } from './lpr.js';
export { LEGAL_LINES } from './lines.js';
export { CHANNELS, CN_RULE_IDS } from './channels.js';
export type { CnRuleId } from './channels.js';
export { TIER_LABEL, TIER_ORDER, VERIFICATION_LABEL, articleEn, formatCitation, parseChineseNumber } from './format.js';
export type { FormatOptions } from './format.js';

const BY_ID: ReadonlyMap<string, Citation> = new Map(CITATIONS.map((c) => [c.id, c]));

export function hasCitation(id: string): boolean {
  return BY_ID.has(id);
}

/** The citation with this id; throws on an unknown id (a rule citing a missing id is a bug). */
export function getCitation(id: string): Citation {
  const c = BY_ID.get(id);
  if (!c) throw new Error(`unknown citation id ${JSON.stringify(id)} (src/law/citations*.ts)`);
  return c;
}

/**
 * May this citation be shown to users as a legal basis? The reference: an item marked UNVERIFIED "is shown to users as
 * unverified or not at all" and must not be cited "until it is checked".
 */
export function isCitable(c: Citation): boolean {
  return c.verified !== 'unverified';
}

function normDate(date: string): string {
  const d = /^\d{8}$/.test(date) ? `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}` : date;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new TypeError(`expected a date as YYYY-MM-DD or YYYYMMDD, got ${JSON.stringify(date)}`);
  return d;
}

/** Is the citation in force on this local date (YYYY-MM-DD)? Unknown dates (null) do not restrict. */
export function inForceOn(c: Citation, date: string): boolean {
  const d = normDate(date);
  return (c.effectiveFrom === null || c.effectiveFrom <= d) && (c.effectiveTo === null || d <= c.effectiveTo);
}

/** First day of the 2025 revision of 治安管理处罚法 (第一百四十四条). Conduct before it is cited under the 2012 text. */
export const PSL_2025_FROM = '2026-01-01';

/**
 * Conduct that 治安管理处罚法 punishes, as the reference maps it between the 2012 text and the 2025 revision
 * (cn-law.md §B5, §B6 and the old → new article map).
 */
export type PublicSecurityConduct =
  /** 写恐吓信或者以其他方法威胁他人人身安全: 旧 第四十二条第（一）项 / 新 第五十条第一款第（一）项 */
  | 'threat'
  /** 公然侮辱他人或者捏造事实诽谤他人: item (二) */
  | 'insult'
  /** 多次发送淫秽、侮辱、恐吓或者其他信息 (new: 等信息 or 滋扰、纠缠、跟踪), 干扰他人正常生活: item (五) */
  | 'harassment'
  /** 偷窥、偷拍、窃听、散布他人隐私: item (六) */
  | 'privacy'
  /** No-contact order for item (五) conduct: new 第五十条第二款 only */
  | 'no_contact_order'
  /** Selling, providing or unlawfully obtaining personal information: new 第五十六条 only */
  | 'personal_info'
  /** 寻衅滋事 (administrative): 旧 第二十六条 / 新 第三十条 */
  | 'picking_quarrels'
  /** Unlawfully restricting liberty or entering a home: 旧 第四十条（三） / 新 第四十七条（三） */
  | 'liberty_or_home'
  /** Assault: 旧 第四十三条 / 新 第五十一条 */
  | 'assault'
  /** Theft, fraud, extortion: 旧 第四十九条 / 新 第五十八条 */
  | 'extortion'
  /** Impersonating officials or using a false identity: 旧 第五十一条 / 新 第六十二条 */
  | 'impersonation'
  /** Forging or using forged official documents or seals: 旧 第五十二条 (UNVERIFIED, not re-read) / 新 第六十三条 */
  | 'forged_documents'
  /** Six-month limit: 旧 第二十二条 / 新 第二十五条 */
  | 'limitation'
  /** Police duty to accept or register reports: 旧 第七十七条 / 新 第九十条 */
  | 'report_registration';

const PSL_MAP: Record<PublicSecurityConduct, readonly [old: string | null, revised: string]> = {
  threat: ['psl-2012.art42.item1', 'psl-2025.art50.item1'],
  insult: ['psl-2012.art42.item2', 'psl-2025.art50.item2'],
  harassment: ['psl-2012.art42.item5', 'psl-2025.art50.item5'],
  privacy: ['psl-2012.art42.item6', 'psl-2025.art50.item6'],
  no_contact_order: [null, 'psl-2025.art50.para2'],
  personal_info: [null, 'psl-2025.art56'],
  picking_quarrels: ['psl-2012.art26', 'psl-2025.art30'],
  liberty_or_home: ['psl-2012.art40.item3', 'psl-2025.art47.item3'],
  assault: ['psl-2012.art43', 'psl-2025.art51'],
  extortion: ['psl-2012.art49', 'psl-2025.art58'],
  impersonation: ['psl-2012.art51', 'psl-2025.art62'],
  forged_documents: ['psl-2012.art52', 'psl-2025.art63'],
  limitation: ['psl-2012.art22', 'psl-2025.art25'],
  report_registration: ['psl-2012.art77', 'psl-2025.art90'],
};

export const PUBLIC_SECURITY_CONDUCTS = Object.keys(PSL_MAP) as PublicSecurityConduct[];

/**
 * The 治安管理处罚法 citation id for conduct on a given day: the 2012 text for conduct on or before 2025-12-31, the 2025
 * revision from 2026-01-01 (the reference, appendix fact 2: "For acts on or before 2025-12-31 cite the old number; for
 * acts from 2026-01-01 cite the new one"). `date` is the event's local date in Asia/Shanghai, YYYY-MM-DD or YYYYMMDD.
 *
 * Returns null when the law in force that day has no such article (the no-contact order and the personal-information
 * offence are new in 2025). Conduct spanning 2026-01-01 is an open question in the reference (从旧兼从轻 in general, no
 * transition rule verified): cite each event by its own date and let a person decide.
 */
export function publicSecurityCitation(date: string, conduct: PublicSecurityConduct): string | null {
  const d = normDate(date);
  const pair = PSL_MAP[conduct];
  if (!pair) throw new RangeError(`unknown public-security conduct ${JSON.stringify(conduct)}`);
  return d < PSL_2025_FROM ? pair[0] : pair[1];
}
