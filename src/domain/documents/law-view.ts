/**
 * The law data documents need, passed in by the app layer (domain may not import src/law).
 *
 * The app implements it over src/law: `citation(id)` from getCitation / formatCitation / TIER_LABEL, `channel(id)` and
 * `channels()` from CHANNELS. A citation the registry does not hold must come back as null: a document never shows it.
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

/** How a document treats a citation that src/law marks unverified. */
export type UnverifiedPolicy = 'mark' | 'omit';

export const UNVERIFIED_MARK: Text2 = { zh: '〔未核实〕', en: '[unverified]' };
/** A citation read only where it was quoted or reported (status 'secondary', docs/law/cn-law.md 2026-12). */
export const SECONDARY_MARK: Text2 = { zh: '〔二手来源〕', en: '[secondary source]' };

/**
 * The citations among `ids` that a document may show: known to src/law, in the given order, without duplicates;
 * unverified ones only when the policy is 'mark' (they are then shown with UNVERIFIED_MARK).
 */
export function usableCitations(law: LawView, ids: Iterable<string>, policy: UnverifiedPolicy): LawCitation[] {
  const out: LawCitation[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const c = law.citation(id);
    if (!c) continue;
    if (c.verified === 'unverified' && policy === 'omit') continue;
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

/** "《…》第五十六条〔未核实〕" — the title, marked when unverified or read only in secondary sources. */
export function citationTitle(c: LawCitation, lang: 'zh' | 'en'): string {
  return c.title[lang] + (c.verified === 'unverified' ? UNVERIFIED_MARK[lang] : c.verified === 'secondary' ? SECONDARY_MARK[lang] : '');
}
