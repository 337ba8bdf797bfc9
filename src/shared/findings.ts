/**
 * The findings page a person can read (issue 16): GET /api/findings/cards, built by src/app/finding-cards.ts and read by
 * web/src/pages/Findings.tsx. One card per kind of conduct (rule), most serious first. The per-lender findings stay
 * available as they were (GET /api/findings, `huxun findings`).
 */
import type { Text2, Tier, Verification } from '../domain/law.js';
import type { Severity } from '../domain/rules/types.js';
import type { EventView } from './api.js';
import type { Rich2 } from './glossary.js';

export type { Rich2, RichPart, RichText } from './glossary.js';

/** A provision behind a card, under its collapsed 出处. */
export interface FindingCardCitation {
  id: string;
  /** e.g. 《消费金融公司管理办法》第五十六条 */
  title: string;
  title_en: string;
  excerpt: string;
  excerpt_en: string;
  /** The excerpt is a summary, not the provision's own words. */
  excerpt_is_summary: boolean;
  tier: Tier;
  /** How binding it is, in words a person knows (src/shared/glossary.ts BINDING). */
  binding: Rich2;
  verified: Verification;
  /** Verified in the official text or quoted word for word: a source to rely on. */
  firm: boolean;
}

export interface FindingCardView {
  rule: string;
  title: Text2;
  /** The most serious of the rule's findings (the rule's own rating unless every finding came out lower). */
  severity: Severity;
  /** What happened, in one plain sentence with counts and local dates; glossary terms are marked. */
  sentence: Rich2;
  /** Local dates (the case's zone) of the first and last event, YYYY-MM-DD; null for loan findings. */
  from: string | null;
  to: string | null;
  /** Events behind the card (distinct), or loans for the rate card. */
  count: number;
  /** Collectors behind the events: their name and masked numbers. */
  collectors: { id: number | null; name: string; numbers: string[] }[];
  /** Lenders behind the findings (null name: not known). */
  lenders: { name: string | null; loan_id: number | null }[];
  /** The rule in plain words (src/domain/rules/cn/meta.ts `plain`). */
  rule_plain: Rich2;
  /** How binding the card's main basis is (the strongest tier among its findings' primary bases). */
  binding: { tier: Tier; words: Rich2 };
  /** Verified provisions, strongest first. */
  citations: FindingCardCitation[];
  /** Provisions read only in secondary sources or not verified: shown here with that caveat, never in outgoing letters. */
  other_citations: FindingCardCitation[];
  /** The events, chronological; at most EVENTS_PER_CARD of them (events_total says how many there are). */
  events: EventView[];
  events_total: number;
  /** Where to report it (from the findings' channels, in the channels' order). */
  channels: { id: string; name: Text2; contact: string; handles: Text2 }[];
  /** Things the person should know (events on dates no rule covered, what a line means). */
  notes: Rich2[];
}

/** GET /api/findings/cards */
export interface FindingsPageView {
  cards: FindingCardView[];
  /** How many per-lender findings the cards gather. */
  findings: number;
  /** The zone the dates are read in (IANA). */
  tz: string;
}

export const EVENTS_PER_CARD = 100;

/**
 * The legal lines of a loan, in the order a loan card shows them: the lines that apply to the lender's type first (in
 * their own order), then the others, which the card collapses with the reason they do not apply (src/law/lines.ts).
 */
export function splitLines<T extends { applies: boolean }>(lines: readonly T[]): { applies: T[]; others: T[] } {
  return { applies: lines.filter((l) => l.applies), others: lines.filter((l) => !l.applies) };
}
