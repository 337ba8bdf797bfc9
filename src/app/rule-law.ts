/**
 * The law view the rule engine reads (CaseData.law), built from src/law as the documents' LAW_VIEW is: every
 * citation's tier, status and days in force, every channel's lender types, every legal line's facts. The domain
 * keeps no copy of these.
 */
import type { CitationMeta } from '../domain/rules/engine.js';
import type { RuleLaw } from '../domain/rules/types.js';
import { CHANNELS, CITATIONS, LEGAL_LINES, formatCitation } from '../law/index.js';

export function buildRuleLaw(): RuleLaw {
  const citations: Record<string, CitationMeta[string]> = {};
  for (const c of CITATIONS) {
    citations[c.id] = { tier: c.tier, verified: c.verified, effectiveFrom: c.effectiveFrom, effectiveTo: c.effectiveTo, title: { zh: formatCitation(c, 'zh'), en: formatCitation(c, 'en') } };
  }
  const lines: Record<string, { tier: NonNullable<(typeof LEGAL_LINES)[number]['tier']>; verified: NonNullable<(typeof LEGAL_LINES)[number]['verified']> }> = {};
  for (const l of LEGAL_LINES) if (l.tier && l.verified) lines[l.id] = { tier: l.tier, verified: l.verified };
  return {
    citations: Object.freeze(citations),
    channels: Object.freeze(CHANNELS.map((c) => Object.freeze({ id: c.id, lenderTypes: c.lenderTypes }))),
    lines: Object.freeze(lines),
  };
}

/** Built once: src/law is constant for the life of the process. */
export const RULE_LAW: RuleLaw = buildRuleLaw();
