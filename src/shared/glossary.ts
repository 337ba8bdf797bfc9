/**
 * Words a person under stress can read (issue 16, "findings a person can read"), in one place for the server
 * (src/app/finding-cards.ts builds the findings page with them) and the web (the dotted-underline term and its popover).
 *
 * - GLOSSARY: legal and technical terms, each with a one-line explanation. Pages prefer leaving a term out of a
 *   sentence; where it stays, markTerms() marks it so the page can explain it on tap.
 * - BINDING: how binding a source is, per tier of src/law (src/domain/law.ts Tier), in words a person knows.
 *
 * The explanations restate the project's law data (docs/law/cn-law.md via src/law: the tiers and their order, the lines'
 * scope, the conventions of the rates in README "Conventions"); they are not legal advice and cite nothing themselves.
 */
import type { Text2, Tier } from '../domain/law.js';

export interface GlossaryEntry {
  id: string;
  /** The forms the term takes in text, per language; the longest match wins where forms overlap. */
  forms: { zh: readonly string[]; en: readonly string[] };
  /** The term as a heading. */
  term: Text2;
  /** One line: what it means. */
  explain: Text2;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    id: 'liang-gao',
    forms: { zh: ['两高两部', '两高'], en: ['SPC and SPP'] },
    term: { zh: '两高', en: 'SPC and SPP' },
    explain: {
      zh: '最高人民法院和最高人民检察院；“两高两部”还包括公安部和司法部。',
      en: "The Supreme People's Court and the Supreme People's Procuratorate.",
    },
  },
  {
    id: 'tier',
    forms: { zh: ['效力层级'], en: ['binding force'] },
    term: { zh: '效力层级', en: 'Binding force' },
    explain: {
      zh: '一条规定有多大约束力。法律最强，其次是行政法规、司法解释、部门规章；国家推荐标准和行业规范不是法律。',
      en: 'How binding a rule is. Laws come first, then administrative regulations, judicial interpretations and ministerial rules; recommended standards and industry rules are not law.',
    },
  },
  {
    id: 'xirr',
    forms: { zh: ['XIRR'], en: ['XIRR'] },
    term: { zh: 'XIRR（按实际日期算的年利率）', en: 'XIRR (rate by actual dates)' },
    explain: {
      zh: '按你实际拿到钱、每次还钱的真实日期算出来的年利率（一年按 365 天）。',
      en: 'The yearly rate computed from the real dates you received money and paid it back (365-day year).',
    },
  },
  {
    id: 'true-rate',
    forms: { zh: ['真实年化利率', '实际年化利率'], en: ['true annual rate'] },
    term: { zh: '真实年化利率', en: 'True annual rate' },
    explain: {
      zh: '按你实际到手的钱和每期要还的钱（利息、各种费用都算上）算出的一年的利率。',
      en: 'What the loan costs a year, from the money you actually received and everything you must repay each period (interest and fees included).',
    },
  },
  {
    id: 'hash-chain',
    forms: { zh: ['哈希链', '防篡改记录'], en: ['hash chain', 'tamper-evident record'] },
    term: { zh: '防篡改记录（哈希链）', en: 'Tamper-evident record (hash chain)' },
    explain: {
      zh: '护讯给每条记录算一个“指纹”，一条接一条串起来；之后谁改了哪条记录，都能查出来。',
      en: 'Huxun gives every record a fingerprint and links them one after another, so any later change to a record shows.',
    },
  },
  {
    id: 'lpr',
    forms: { zh: ['LPR'], en: ['LPR'] },
    term: { zh: 'LPR（贷款市场报价利率）', en: 'LPR (loan prime rate)' },
    explain: {
      zh: '贷款市场报价利率，每月公布一次。个人之间借钱（民间借贷），法院支持的利率最高是借款时一年期 LPR 的 4 倍。',
      en: 'The loan prime rate, published every month. For private lending, courts support interest up to 4 times the 1-year LPR on the contract date.',
    },
  },
  {
    id: 'soft-violence',
    forms: { zh: ['软暴力'], en: ['soft violence'] },
    term: { zh: '软暴力', en: 'Soft violence' },
    explain: {
      zh: '不直接动手，而是用骚扰、纠缠、恐吓等办法让人害怕、不得安宁。',
      en: 'Not hitting anyone, but harassing, pestering or intimidating people until they are afraid or cannot live in peace.',
    },
  },
  {
    id: 'personal-information',
    forms: { zh: ['个人信息'], en: ['personal information'] },
    term: { zh: '个人信息', en: 'Personal information' },
    explain: {
      zh: '能认出某一个人的信息，比如姓名、电话号码、住址、通讯录。',
      en: 'Information that identifies a person: name, phone number, address, contact list.',
    },
  },
  {
    id: 'judicial-interpretation',
    forms: { zh: ['司法解释'], en: ['judicial interpretation'] },
    term: { zh: '司法解释', en: 'Judicial interpretation' },
    explain: {
      zh: '最高人民法院、最高人民检察院对法律怎样适用的解释或意见，法院办案时适用。',
      en: "How the Supreme People's Court or Procuratorate says a law is applied; courts apply it.",
    },
  },
  {
    id: 'ministerial-rule',
    forms: { zh: ['部门规章'], en: ['ministerial rule'] },
    term: { zh: '部门规章', en: 'Ministerial rule' },
    explain: {
      zh: '金融监管总局、人民银行等部门定的规定，它们管的贷款机构必须遵守，监管部门据此处理投诉。',
      en: 'A rule of a ministry such as the financial regulator or the central bank: the lenders it supervises must follow it, and it handles complaints on it.',
    },
  },
  {
    id: 'admin-regulation',
    forms: { zh: ['行政法规'], en: ['administrative regulation'] },
    term: { zh: '行政法规', en: 'Administrative regulation' },
    explain: { zh: '国务院制定的规定，全国都要遵守。', en: 'A regulation of the State Council, binding nationwide.' },
  },
  {
    id: 'public-security',
    forms: { zh: ['违反治安管理'], en: ['public-security violation'] },
    term: { zh: '违反治安管理', en: 'Public-security violation' },
    explain: {
      zh: '比犯罪轻的违法行为，由公安机关处罚。遇到可以报警。',
      en: 'An offence less serious than a crime, punished by the police. You can report it to them.',
    },
  },
  {
    id: 'private-lending',
    forms: { zh: ['民间借贷'], en: ['private lending'] },
    term: { zh: '民间借贷', en: 'Private lending' },
    explain: {
      zh: '个人、公司之间借钱；银行、消费金融公司、小额贷款公司这些经批准的机构放的贷款不算。',
      en: 'Lending between people and companies; loans from approved institutions such as banks, consumer-finance and microloan companies are not private lending.',
    },
  },
];

const BY_ID: ReadonlyMap<string, GlossaryEntry> = new Map(GLOSSARY.map((g) => [g.id, g]));

export function glossaryEntry(id: string): GlossaryEntry | undefined {
  return BY_ID.get(id);
}

/** How binding a source of each tier is, in words a person knows (shown on the findings page and in its 出处). */
export const BINDING: Record<Tier, Text2> = {
  statute: { zh: '法律', en: 'Law' },
  administrative_regulation: { zh: '行政法规', en: 'Administrative regulation (State Council)' },
  judicial_interpretation: { zh: '司法解释，法院办案时适用', en: 'Judicial interpretation: courts apply it' },
  regulation: { zh: '部门规章，监管部门必须执行', en: 'Ministerial rule: the regulator must enforce it' },
  normative_document: { zh: '监管部门的文件，被监管的机构要遵守', en: 'Regulator’s notice: the lenders it supervises must follow it' },
  national_standard: { zh: '国家推荐标准，不是法律，但监管部门会参考', en: 'Recommended national standard: not law, but regulators use it' },
  industry_guideline: { zh: '行业标准，不是法律，但监管部门会参考', en: 'Industry standard: not law, but regulators use it' },
};

/** A piece of text that may carry glossary terms: plain strings, and terms the page explains on tap. */
export type RichPart = string | { term: string; text: string };
export type RichText = RichPart[];
export interface Rich2 {
  zh: RichText;
  en: RichText;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const FORMS: Record<'zh' | 'en', { re: RegExp; byForm: Map<string, string> }> = (() => {
  const build = (lang: 'zh' | 'en') => {
    const byForm = new Map<string, string>();
    for (const g of GLOSSARY) for (const f of g.forms[lang]) byForm.set(lang === 'en' ? f.toLowerCase() : f, g.id);
    // Longest first, so that 两高两部 wins over 两高 and 真实年化利率 over shorter forms.
    const forms = [...byForm.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    return { re: new RegExp(forms.map(escapeRe).join('|'), lang === 'en' ? 'gi' : 'g'), byForm };
  };
  return { zh: build('zh'), en: build('en') };
})();

/** Splits text into plain parts and the glossary terms it contains (every occurrence is marked). */
export function markTerms(text: string, lang: 'zh' | 'en'): RichText {
  const { re, byForm } = FORMS[lang];
  const out: RichText = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    out.push({ term: byForm.get(lang === 'en' ? m[0].toLowerCase() : m[0])!, text: m[0] });
    last = at + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function markTerms2(t: Text2): Rich2 {
  return { zh: markTerms(t.zh, 'zh'), en: markTerms(t.en, 'en') };
}

/** The plain parts of a rich text (what a person reads without tapping), for checks. */
export function plainParts(r: RichText): string[] {
  return r.filter((p): p is string => typeof p === 'string');
}

/** The glossary forms a plain string contains (none should: jargon in plain text is unexplained). */
export function unmarkedTerms(s: string, lang: 'zh' | 'en'): string[] {
  const { re } = FORMS[lang];
  return [...s.matchAll(re)].map((m) => m[0]);
}

export function richToString(r: RichText): string {
  return r.map((p) => (typeof p === 'string' ? p : p.text)).join('');
}
