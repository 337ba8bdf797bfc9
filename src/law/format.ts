/** Labels and citation formatting (zh / en). */
import type { Citation, Text2, Tier, Verification } from '../domain/law.js';

/** How binding each tier is, strongest first (cn-law.md, "Binding force"). */
export const TIER_ORDER: readonly Tier[] = [
  'statute',
  'administrative_regulation',
  'judicial_interpretation',
  'regulation',
  'normative_document',
  'national_standard',
  'industry_guideline',
];

export const TIER_LABEL: Record<Tier, Text2> = {
  statute: { zh: '法律（全国人大及其常委会制定）', en: "Statute (National People's Congress)" },
  administrative_regulation: { zh: '行政法规（国务院）', en: 'Administrative regulation (State Council)' },
  judicial_interpretation: {
    zh: '司法解释 / 两高意见（法院、检察院办案依据）',
    en: "Judicial interpretation or opinion of the Supreme People's Court / Procuratorate (guides courts and prosecutors)",
  },
  regulation: {
    zh: '部门规章（金融监管总局、人民银行等）：约束其监管的贷款机构',
    en: 'Departmental rule (NFRA, PBoC and others): binds the lenders they regulate',
  },
  normative_document: { zh: '规范性文件（通知、公告）', en: 'Normative document (notice, announcement)' },
  national_standard: {
    zh: '国家推荐性标准（GB/T）：不是法律，自愿采用，但监管部门期望贷款机构遵守',
    en: 'Recommended national standard (GB/T): not law and voluntary, but regulators expect lenders to follow it',
  },
  industry_guideline: {
    zh: '行业自律规范（协会指引）：不是法律，只通过自律约束会员',
    en: 'Industry self-regulation (association guideline): not law; binds members through self-regulation only',
  },
};

export const VERIFICATION_LABEL: Record<Verification, Text2> = {
  verified_primary: {
    zh: '已核对：在官方文本的全文镜像中读到条文',
    en: 'Verified: article text read in a full-text mirror of the official text',
  },
  verified_secondary: {
    zh: '已核对：新闻、律所或转载来源逐字引用，措辞可能与官方文本略有出入',
    en: 'Verified: quoted word for word in a secondary source (news, law firm, reprint); wording may differ slightly from the official text',
  },
  secondary: {
    zh: '二手来源：只在引用或报道该文本的网页、文件中读到，未读到原文；弱于逐字核对',
    en: 'Secondary: read only in a page or file that quotes or reports it; the primary text was not read (weaker than verified)',
  },
  unverified: {
    zh: '未核实：仅凭回忆或转述，核实前请勿作为法律依据引用',
    en: 'Unverified: from memory or paraphrase only; do not rely on it until checked',
  },
};

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Chinese numeral (up to 9999) to number: "一千零三十三" → 1033, "十六" → 16. */
export function parseChineseNumber(s: string): number {
  if (!s) throw new RangeError('empty Chinese numeral');
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    const d = DIGIT[ch];
    const u = UNIT[ch];
    if (d !== undefined) digit = d;
    else if (u !== undefined) {
      total += (digit || 1) * u; // "十六": a leading 十 means 1 × 10
      digit = 0;
    } else throw new RangeError(`not a Chinese numeral: ${JSON.stringify(s)}`);
  }
  return total + digit;
}

const N = '[零〇一二两三四五六七八九十百千]+';
const TOKEN = new RegExp(`第(${N})条之(${N})|第(${N})条|第(${N})款|第（(${N})）项|第(${N})项|第(${N})部分|(至)|(、)`, 'g');

/** "第二百九十三条之一" → "Art. 293-1"; "第五十条第一款第（五）项" → "Art. 50(1), item 5"; "第十一条至第十六条" → "Arts. 11–16". */
export function articleEn(article: string): string {
  const parts: string[] = [];
  let sep: '' | 'range' | 'list' = '';
  let consumed = 0;
  for (const m of article.matchAll(TOKEN)) {
    if (m.index !== consumed) throw new RangeError(`cannot read article ${JSON.stringify(article)}`);
    consumed = m.index + m[0].length;
    let text: string | null = null;
    if (m[1] && m[2]) text = `Art. ${parseChineseNumber(m[1])}-${parseChineseNumber(m[2])}`;
    else if (m[3]) text = `Art. ${parseChineseNumber(m[3])}`;
    else if (m[4]) {
      parts[parts.length - 1] += `(${parseChineseNumber(m[4])})`;
      continue;
    } else if (m[5] ?? m[6]) text = `item ${parseChineseNumber((m[5] ?? m[6])!)}`;
    else if (m[7]) text = `Part ${parseChineseNumber(m[7])}`;
    else if (m[8]) sep = 'range';
    else if (m[9]) sep = 'list';
    if (text === null) continue;
    const prev = parts[parts.length - 1];
    if (sep && prev?.startsWith('Art') && text.startsWith('Art. ')) {
      const n = text.slice(5);
      parts[parts.length - 1] = `${prev.replace(/^Art\. /, 'Arts. ')}${sep === 'range' ? '–' : ', '}${n}`;
    } else {
      parts.push(text);
    }
    sep = '';
  }
  if (consumed !== article.length) throw new RangeError(`cannot read article ${JSON.stringify(article)}`);
  return parts.join(', ');
}

export interface FormatOptions {
  /** Add the 文号 / 令号 after the title when the reference gives it (default false). */
  withDocNumber?: boolean;
}

/**
 * A citation as a document or the UI names it, e.g. 《消费金融公司管理办法》第五十六条,
 * 《治安管理处罚法》（2025年修订）第五十条第一款第（五）项, GB/T 45251-2025《互联网金融 个人网络消费信贷 贷后催收风控指引》,
 * or in English "Measures for the Administration of Consumer Finance Companies, Art. 56".
 */
export function formatCitation(c: Citation, lang: 'zh' | 'en', opts: FormatOptions = {}): string {
  const isStandard = c.tier === 'national_standard' && c.docNumber !== null;
  const titleIsNumber = c.docNumber !== null && c.docNumber === c.law.zh;
  const showNumber = opts.withDocNumber === true && c.docNumber !== null && !isStandard && !titleIsNumber;
  if (lang === 'zh') {
    let s = titleIsNumber ? c.law.zh : `《${c.law.zh}》`;
    if (isStandard) s = `${c.docNumber}${s}`;
    if (c.tier === 'industry_guideline') s = `${c.issuer.replace(/（.*$/, '')}${s}`;
    if (c.edition) s += `（${c.edition.zh}）`;
    if (showNumber) s += `（${c.docNumber}）`;
    if (c.article) s += c.article;
    return s;
  }
  let s = isStandard ? `${c.docNumber} ${c.law.en}` : c.law.en;
  if (c.edition) s += ` (${c.edition.en})`;
  if (showNumber) s += ` (${c.docNumber})`;
  if (c.article) s += `, ${articleEn(c.article)}`;
  return s;
}
