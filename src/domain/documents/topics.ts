/**
 * What each finding is about, as far as documents care: which demands it supports, whether its message text may be
 * quoted, and a short name. Keyed by the PRC pack's rule ids (src/law/channels.ts CN_RULE_IDS); a finding of a rule
 * not listed here gets no topic-specific demand and is never quoted.
 */
import type { Label } from '../collection/types.js';
import type { Text2 } from '../law.js';
import type { Finding } from '../rules/types.js';
import type { DocumentCase, Lang } from './case.js';

export type Topic =
  | 'third_party' // contacting people unrelated to the debt
  | 'contact_list' // contacting the contact book at scale (personal information)
  | 'threat' // threats of violence, of visits, of telling contacts
  | 'insult'
  | 'impersonation' // claiming to be police, court, lawyer; false legal consequences
  | 'timing' // night calls, call floods
  | 'after_agreement'
  | 'rate';

interface RuleInfo {
  name: Text2;
  topics: Topic[];
  /** The message label whose text the finding is about (quoted in documents); absent = never quote. */
  quoteLabel?: Label;
}

export const RULE_INFO: Readonly<Record<string, RuleInfo>> = {
  'cn.third-party-contact': { name: { zh: '向与债务无关的第三人催收', en: 'collecting from third parties' }, topics: ['third_party'] },
  'cn.contacts-at-scale': { name: { zh: '大范围联系通讯录中的联系人', en: 'contacting the contact list at scale' }, topics: ['third_party', 'contact_list'] },
  'cn.threat-contacts': { name: { zh: '威胁联系亲友或曝光', en: 'threats to tell contacts or shame publicly' }, topics: ['threat'], quoteLabel: 'threat_contacts' },
  'cn.threat-violence': { name: { zh: '暴力威胁', en: 'threats of violence' }, topics: ['threat'], quoteLabel: 'threat_violence' },
  'cn.visit-threat': { name: { zh: '威胁上门', en: 'threats to visit' }, topics: ['threat'], quoteLabel: 'visit_threat' },
  'cn.insult': { name: { zh: '辱骂、侮辱', en: 'insults' }, topics: ['insult'], quoteLabel: 'insult' },
  'cn.impersonation': { name: { zh: '冒充公检法、律师等', en: 'impersonating officials or lawyers' }, topics: ['impersonation'], quoteLabel: 'impersonation' },
  'cn.false-legal': { name: { zh: '虚构或夸大法律后果', en: 'false legal consequences' }, topics: ['impersonation'], quoteLabel: 'false_legal' },
  'cn.night-contact': { name: { zh: '夜间（22:00至次日8:00）催收', en: 'collection at night (22:00–08:00)' }, topics: ['timing'] },
  'cn.call-flood': { name: { zh: '频繁拨打电话', en: 'call floods' }, topics: ['timing'] },
  'cn.after-agreement': { name: { zh: '达成还款协议后仍催收', en: 'collection after a repayment agreement' }, topics: ['after_agreement'] },
  'cn.over-legal-line': { name: { zh: '利率超出红线', en: 'rate above the legal line' }, topics: ['rate'] },
};

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
