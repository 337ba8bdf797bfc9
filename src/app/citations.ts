/** Citation views: everything the UI, the CLI and documents show about a cited rule comes from src/law. */
import type { Text2, Tier, Verification } from '../domain/law.js';
import { formatCitation, getCitation, TIER_LABEL, VERIFICATION_LABEL } from '../law/index.js';
import type { CitationView } from '../shared/views.js';
export type { CitationView } from '../shared/views.js';


export function citationView(id: string): CitationView {
  const c = getCitation(id);
  return {
    id: c.id,
    title: formatCitation(c, 'zh'),
    title_en: formatCitation(c, 'en'),
    law: c.law.zh,
    article: c.article,
    excerpt: c.excerpt.zh,
    excerpt_en: c.excerpt.en,
    excerpt_is_summary: c.excerptKind === 'summary',
    tier: c.tier,
    tier_label: TIER_LABEL[c.tier],
    verified: c.verified,
    verified_label: VERIFICATION_LABEL[c.verified],
    source: c.source,
    effective_from: c.effectiveFrom,
    effective_to: c.effectiveTo,
  };
}
