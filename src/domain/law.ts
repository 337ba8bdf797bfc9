/**
 * Shapes of the legal data (src/law holds the data itself, encoded from docs/law/cn-law.md).
 * They live in domain so that pure logic can take law data as an argument without importing src/law.
 */
export type Tier =
  | 'statute' // 法律 (NPC): 刑法, 治安管理处罚法, 民法典, 个人信息保护法
  | 'judicial_interpretation' // 司法解释 / 两高意见
  | 'administrative_regulation' // 行政法规 (国务院令)
  | 'regulation' // 部门规章 (NFRA / PBoC 令)
  | 'normative_document' // 规范性文件 (通知, 公告)
  | 'national_standard' // 国家推荐性标准 (GB/T)
  | 'industry_guideline'; // 行业自律 (协会指引, 公约)

/**
 * How the source text was read (docs/law/cn-law.md status key): 'verified_primary' in a full-text mirror of the official
 * text; 'verified_secondary' word for word in a news, law-firm or reprint source; 'secondary' (status added 2026-12) only in
 * a page that quotes or reports it, weaker than verified_secondary; 'unverified' from memory or paraphrase.
 */
export type Verification = 'verified_primary' | 'verified_secondary' | 'secondary' | 'unverified';

export interface Text2 {
  zh: string;
  en: string;
}

export interface Citation {
  /** Stable id, e.g. "cfc-2024.art56". Rules and documents refer to citations only by id. */
  id: string;
  /** Section of docs/law/cn-law.md it was encoded from, e.g. "A1". */
  ref: string;
  law: Text2;
  issuer: string;
  /** 文号 / 令号 where known and verified or SECONDARY (the note says which); null otherwise. */
  docNumber: string | null;
  /** "第五十六条"; null for a whole document (a standard whose clause numbers are unverified). */
  article: string | null;
  excerpt: Text2;
  tier: Tier;
  verified: Verification;
  /** YYYY-MM-DD; the citation applies to events on or after this day. */
  effectiveFrom: string | null;
  /** YYYY-MM-DD; last day in force, or null if still in force. */
  effectiveTo: string | null;
  /** Where the text was read (URL given in the reference). */
  source: string;
  /** Anything a reader should know (e.g. which item of the article, unverified clause numbers). */
  note?: string;
  /**
   * 'quote' (the default): excerpt.zh is the Chinese text word for word as the reference quotes it; fragments are
   * joined by "……" where text is left out. 'summary': the reference gives no Chinese text for this (or the citation
   * covers a whole document), so excerpt.zh is a summary that starts with "（概述" and must not be shown in quotation
   * marks; any part of it inside “ ” is still word for word from the reference. excerpt.en is always a gloss.
   */
  excerptKind?: 'quote' | 'summary';
  /** Which text of a law that was amended with new numbering, e.g. { zh: '2012年修正', en: '2012 text' }. */
  edition?: Text2;
}

export interface LprEntry {
  /** First day this quote is in force, YYYY-MM-DD. */
  date: string;
  /** Decimals: 0.0385 = 3.85%. */
  oneYear: number;
  fiveYear: number;
}

/**
 * Where the LPR quote used for a date came from: 'table' (src/law, in force on the date), 'last_known' (the date is after
 * the table: its last quote, a newer one may exist), 'user' (a quote the person recorded in the case, not checked by Huxun).
 */
export type LprOrigin = 'table' | 'last_known' | 'user';

/** An LPR quote as looked up for a date, with where it came from and a plain note to show with it. */
export interface LprQuote extends LprEntry {
  origin: LprOrigin;
  /** Shown with the figure (why it may not be the quote in force; who entered it); null when none is needed. */
  note: Text2 | null;
  /** Where the person read a quote they entered. */
  source?: string;
}

export type LenderType =
  | 'bank'
  | 'consumer_finance' // 消费金融公司
  | 'microloan' // 小额贷款公司, incl. 网络小贷
  | 'platform' // 助贷 / platform
  | 'credit_card' // 信用卡 issuer
  | 'private' // private lender (自然人, 非金融企业)
  | 'other';

export interface LegalLine {
  id: string; // e.g. "lpr4", "24", "36"
  label: Text2;
  /** Fixed annual rate (decimal), or 'lpr4' for 4 × the 1-year LPR at contract date. */
  rate: number | 'lpr4';
  appliesTo: LenderType[];
  /** Why it does not apply to the other lender types (shown to the user). */
  notApplicableReason: Text2;
  /** What crossing it means, in plain words. */
  meaning: Text2;
  citationIds: string[];
  /** How binding the line's source is, and whether that source was verified (the weakest of its citations). */
  tier?: Tier;
  verified?: Verification;
  /** YYYY-MM-DD from which the line applies, where the reference gives one. */
  effectiveFrom?: string;
  /** Caveats to show with the line. */
  note?: Text2;
}

export interface Channel {
  id: string; // 'lender' | '12378' | 'local_regulator' | 'nifa' | '12321' | '12377' | 'police' | '12315' …
  name: Text2;
  contact: string;
  handles: Text2;
  lenderTypes: LenderType[] | 'any';
  /** Finding rule ids this channel is the right place for. */
  rules: string[];
  verified: Verification;
  note?: string;
  /** Citation ids (src/law) for the channel's duties, time limits or the right to complain. */
  citationIds?: string[];
}
