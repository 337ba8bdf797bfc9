/**
 * What each finding is about, as far as documents care: which demands it supports, whether its message text may be
 * quoted, and a short name. Read from the PRC pack's rule table (src/domain/rules/cn/meta.ts); a finding of a rule
 * not listed there gets no topic-specific demand and is never quoted.
 */
import type { Label } from '../collection/types.js';
import type { Text2 } from '../law.js';
import { CN_RULE_META, type Topic } from '../rules/cn/meta.js';
import type { Finding } from '../rules/types.js';
import type { DocumentCase, Lang } from './case.js';

export type { Topic };

interface RuleInfo {
  name: Text2;
  topics: readonly Topic[];
  /** The message label whose text the finding is about (quoted in documents); absent = never quote. */
  quoteLabel?: Label;
}

/** Names, topics and quoted label of each rule, from the rule table (src/domain/rules/cn/meta.ts). */
export const RULE_INFO: Readonly<Record<string, RuleInfo>> = Object.fromEntries(
  CN_RULE_META.map((m): [string, RuleInfo] => [m.id, 'quoteLabel' in m ? { name: m.name, topics: m.topics, quoteLabel: m.quoteLabel } : { name: m.name, topics: m.topics }]),
);

export function topicsOf(f: Finding): readonly Topic[] {
  return RULE_INFO[f.rule]?.topics ?? [];
}

export function hasTopic(findings: readonly Finding[], topic: Topic): boolean {
  return findings.some((f) => topicsOf(f).includes(topic));
}

/** The rule's short name: the case's own titles first, then the built-in names, else the rule id. */
export function ruleName(c: DocumentCase, rule: string, lang: Lang): string {
  return c.ruleTitles?.[rule]?.[lang] ?? RULE_INFO[rule]?.name[lang] ?? rule;
}

export function quoteLabelOf(f: Finding): Label | undefined {
  return RULE_INFO[f.rule]?.quoteLabel;
}
