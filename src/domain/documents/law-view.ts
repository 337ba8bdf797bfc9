/**
 * The law data documents need, passed in by the app layer (domain may not import src/law).
 *
 * The app implements it over src/law: `citation(id)` from getCitation / formatCitation / TIER_LABEL, `channel(id)` and
 * `channels()` from CHANNELS. A citation the registry does not hold must come back as null: a document never shows it.
 *
 * Documents leave the person's hands (a letter to a lender, a regulator, the police): they cite only what is solid and
 * carry no caveat about sources. How sure each source is stays in the app's own views (findings, loans), where the
 * person decides; a document simply leaves out what it may not cite (isOutgoingCitable).
 */
import type { Channel, Text2, Tier, Verification } from '../law.js';

export interface LawCitation {
  id: string;
  /** As formatCitation names it: zh 《消费金融公司管理办法》第五十六条; en "Measures …, Art. 56". */
  title: Text2;
  /** The same without the article: formatCitation({ ...c, article: null }, lang). */
  law: Text2;
  /** zh 第五十六条 / en articleEn(…) "Art. 56"; null for a whole document. */
  article: Text2 | null;
  excerpt: Text2;
  /** True when excerpt.zh is a summary (starts with "（概述"), not a quotation: never shown in quotation marks. */
  excerptIsSummary: boolean;
  tier: Tier;
  /** TIER_LABEL[tier] */
  tierLabel: Text2;
  verified: Verification;
}

export interface LawView {
  /** The citation, or null when src/law has no such id. */
  citation(id: string): LawCitation | null;
  /** The channel, or null when src/law has no such id. */
  channel(id: string): Channel | null;
  /** Every channel src/law defines, in its order. */
  channels(): readonly Channel[];
}

/**
 * May an outgoing document cite it? Only sources the law data marks verified (verified_primary, verified_secondary),
 * or a secondary source that quotes the text word for word (status 'secondary' with a quoted excerpt, e.g. the 24 %
 * line's 法发〔2017〕22号 第二条, docs/law/cn-law.md D5). A secondary source known only as a summary, and anything
 * unverified, stay out.
 */
export function isOutgoingCitable(c: LawCitation): boolean {
  if (c.verified === 'verified_primary' || c.verified === 'verified_secondary') return true;
  return c.verified === 'secondary' && !c.excerptIsSummary;
}

/**
 * Words that say a source is weak, or that weaken the sender, as the code emits them today (grep of src/law excerpts
 * and labels, the rules' summaries, the registry's regulator notes, the renderers' labels, and the markers this module
 * used to add). None may appear in an outgoing document; test/outgoing-documents.test.ts checks every document kind in
 * every format against this list.
 */
export const CAVEAT_MARKERS: readonly string[] = [
  // Marks the documents once put after a citation title.
  '〔未核实〕', '[unverified]', '〔二手来源〕', '[secondary source]',
  // src/law: VERIFICATION_LABEL, summary excerpts "（概述，据回忆，未核实）", the registry's "（注册地派出机构未核实）" and "（未核实）".
  '未核实', '据回忆', '（概述', '(Summary', '二手来源', 'unverified', 'Unverified', 'from memory',
  // src/render labels for citations not checked against the official text.
  '未核对原文', '已核对原文', 'not checked against the official text', 'checked against the official text',
  // The over-line finding's caveats (src/domain/rules/cn/over-line.ts) and the registry's routing note (lenders.ts).
  '超过不等于违法', '不是法定利率上限', '未在官方网站核对', '依据未核实', '按注册地推定', 'not a statutory cap', 'does not make the loan illegal',
  // The rules' "no rule in Huxun's law data applied" note.
  '法律资料中没有适用的规定', "Huxun's law data",
];

/** The citations among `ids` an outgoing document may show: known to src/law, citable, in the given order, without duplicates. */
export function usableCitations(law: LawView, ids: Iterable<string>): LawCitation[] {
  const out: LawCitation[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const c = law.citation(id);
    if (!c || !isOutgoingCitable(c)) continue;
    out.push(c);
  }
  return out;
}

/** Short form of a tier label: the text before its first bracket or colon ("部门规章", "Departmental rule"). */
export function shortTier(c: LawCitation, lang: 'zh' | 'en'): string {
  const s = c.tierLabel[lang];
  const cut = s.search(/[（(：:]/);
  return (cut > 0 ? s.slice(0, cut) : s).trim();
}

/** "《消费金融公司管理办法》第五十六条": the title as a document cites it (only citable sources reach documents). */
export function citationTitle(c: LawCitation, lang: 'zh' | 'en'): string {
  return c.title[lang];
}
