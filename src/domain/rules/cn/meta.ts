/**
 * The PRC pack's rule metadata, in one table: each rule's id, its names (title on the findings page, short name in
 * documents, headline on the overview), the topics documents care about, the message label a document may quote,
 * and the complaint channels that can be right for it (docs/law/cn-law.md "Complaint and report channels").
 *
 * Everything else that lists rule ids reads this table: the rules themselves (title, channels), src/law/channels.ts
 * (each channel's rule list), the documents' topics (src/domain/documents/topics.ts) and the app's overview. The
 * channels' own facts (name, contact, lender types, status) stay in src/law/channels.ts and reach the rules through
 * the law view (CaseData.law).
 */
import type { Label } from '../../collection/types.js';
import type { Text2 } from '../../law.js';

/** What a finding is about, as far as documents care (which demands it supports). */
export type Topic =
  | 'third_party' // contacting people unrelated to the debt
  | 'contact_list' // contacting the contact book at scale (personal information)
  | 'threat' // threats of violence, of visits, of telling contacts
  | 'insult'
  | 'impersonation' // claiming to be police, court, lawyer; false legal consequences
  | 'timing' // night calls, call floods
  | 'after_agreement'
  | 'rate';

export interface RuleMeta {
  id: string;
  /** The rule's title (findings page, CLI). */
  title: Text2;
  /** Short name used inside documents ("向与债务无关的第三人催收"). */
  name: Text2;
  /** Headline on the overview page, addressed to the borrower. */
  short: Text2;
  topics: readonly Topic[];
  /** The message label whose text the finding is about (quoted in documents); absent = never quote. */
  quoteLabel?: Label;
  /** Complaint channel ids (src/law/channels.ts) that can be right for a finding of this rule, in the channels' order. */
  channels: readonly string[];
}

const LICENSED = ['lender', '12378', 'local_regulator', 'nifa'] as const;

export const CN_RULE_META = [
  {
    id: 'cn.third-party-contact',
    title: { zh: '向第三人催收（爆通讯录）', en: 'Collection from third parties (contact-list blasting)' },
    name: { zh: '向与债务无关的第三人催收', en: 'collecting from third parties' },
    short: { zh: '催收方联系了你的亲友', en: 'Collectors contacted your contacts' },
    topics: ['third_party'],
    channels: [...LICENSED, '12321', 'pi_regulator', 'police', '12315', '12348', 'court'],
  },
  {
    id: 'cn.threat-contacts',
    title: { zh: '威胁联系亲友或曝光', en: 'Threats to contact family and friends or to publicise the debt' },
    name: { zh: '威胁联系亲友或曝光', en: 'threats to tell contacts or shame publicly' },
    short: { zh: '威胁联系亲友或曝光', en: 'Threats to tell your contacts or expose you' },
    topics: ['threat'],
    quoteLabel: 'threat_contacts',
    channels: [...LICENSED, '12377', 'pi_regulator', 'police', '12348', 'court'],
  },
  {
    id: 'cn.threat-violence',
    title: { zh: '暴力威胁', en: 'Threats of violence' },
    name: { zh: '暴力威胁', en: 'threats of violence' },
    short: { zh: '暴力威胁', en: 'Threats of violence' },
    topics: ['threat'],
    quoteLabel: 'threat_violence',
    channels: [...LICENSED, 'police', '12348'],
  },
  {
    id: 'cn.insult',
    title: { zh: '辱骂侮辱', en: 'Insults' },
    name: { zh: '辱骂、侮辱', en: 'insults' },
    short: { zh: '辱骂', en: 'Insults' },
    topics: ['insult'],
    quoteLabel: 'insult',
    channels: [...LICENSED, '12377', 'police', '12348', 'court'],
  },
  {
    id: 'cn.impersonation',
    title: { zh: '冒充公检法或律师', en: 'Impersonating authorities or lawyers' },
    name: { zh: '冒充公检法、律师等', en: 'impersonating officials or lawyers' },
    short: { zh: '冒充公检法或律师', en: 'Impersonating police, courts or lawyers' },
    topics: ['impersonation'],
    quoteLabel: 'impersonation',
    channels: [...LICENSED, 'police', '12348'],
  },
  {
    id: 'cn.false-legal',
    title: { zh: '虚假法律后果', en: 'False legal consequences' },
    name: { zh: '虚构或夸大法律后果', en: 'false legal consequences' },
    short: { zh: '虚假的法律后果', en: 'False legal threats' },
    topics: ['impersonation'],
    quoteLabel: 'false_legal',
    channels: [...LICENSED, 'police', '12315', '12348'],
  },
  {
    id: 'cn.visit-threat',
    title: { zh: '上门威胁', en: 'Threats to visit home or workplace' },
    name: { zh: '威胁上门', en: 'threats to visit' },
    short: { zh: '上门威胁', en: 'Threats to visit' },
    topics: ['threat'],
    quoteLabel: 'visit_threat',
    channels: [...LICENSED, 'police', '12348'],
  },
  {
    id: 'cn.night-contact',
    title: { zh: '夜间催收（22:00至次日8:00）', en: 'Collection at night (22:00–08:00)' },
    name: { zh: '夜间（22:00至次日8:00）催收', en: 'collection at night (22:00–08:00)' },
    short: { zh: '夜间催收', en: 'Night-time collection' },
    topics: ['timing'],
    channels: [...LICENSED, '12321', '12315', '12348'],
  },
  {
    id: 'cn.call-flood',
    title: { zh: '频繁催收电话', en: 'Call floods' },
    name: { zh: '频繁拨打电话', en: 'call floods' },
    short: { zh: '频繁来电', en: 'Call floods' },
    topics: ['timing'],
    channels: [...LICENSED, '12321', 'police', '12315', '12348', 'court'],
  },
  {
    id: 'cn.after-agreement',
    title: { zh: '签署分期还款协议后仍催收', en: 'Collection after a signed installment agreement' },
    name: { zh: '达成还款协议后仍催收', en: 'collection after a repayment agreement' },
    short: { zh: '协商后仍催收', en: 'Collection after an agreement' },
    topics: ['after_agreement'],
    channels: [...LICENSED, '12315', '12348'],
  },
  {
    id: 'cn.over-legal-line',
    title: { zh: '超过利率线', en: 'Over a legal interest line' },
    name: { zh: '利率超出红线', en: 'rate above the legal line' },
    short: { zh: '利率超过红线', en: 'Rate above a legal line' },
    topics: ['rate'],
    channels: [...LICENSED, '12315', '12348', 'court'],
  },
  {
    id: 'cn.contacts-at-scale',
    title: { zh: '大范围联系通讯录', en: 'Contacts reached at scale' },
    name: { zh: '大范围联系通讯录中的联系人', en: 'contacting the contact list at scale' },
    short: { zh: '大范围联系亲友', en: 'Contacts reached at scale' },
    topics: ['third_party', 'contact_list'],
    channels: [...LICENSED, '12321', '12377', 'pi_regulator', 'police', '12348', 'court'],
  },
] as const satisfies readonly RuleMeta[];

export type CnRuleId = (typeof CN_RULE_META)[number]['id'];

/** The pack's rule ids, in table order. */
export const CN_RULE_IDS: readonly CnRuleId[] = CN_RULE_META.map((m) => m.id);

const BY_ID: ReadonlyMap<string, RuleMeta> = new Map(CN_RULE_META.map((m) => [m.id, m as RuleMeta]));

/** The metadata of a rule of the pack; throws for an id the table does not hold (a programming error). */
export function ruleMeta(id: CnRuleId): RuleMeta;
export function ruleMeta(id: string): RuleMeta | undefined;
export function ruleMeta(id: string): RuleMeta | undefined {
  return BY_ID.get(id);
}

/** The rule ids a channel can be right for, in table order (src/law/channels.ts builds each channel's list from this). */
export function rulesForChannel(channelId: string): string[] {
  return CN_RULE_META.filter((m) => (m.channels as readonly string[]).includes(channelId)).map((m) => m.id);
}
