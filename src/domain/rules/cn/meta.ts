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
import type { Severity } from '../types.js';

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
  /**
   * How serious the conduct is, as the rule rates its findings (a finding may come out lower, e.g. when no rule was in
   * force on its dates). The findings page orders its cards by this, then by `rank`.
   */
  severity: Severity;
  /** Order among the rules of the same severity on the findings page, 1 first (most serious conduct first). */
  rank: number;
  /**
   * The rule in plain Chinese for a person under stress: one or two sentences, no statute names or jargon. It restates
   * only what the rule's cited provisions say (src/domain/rules/cn/names.ts, src/law); the provisions themselves are
   * listed under 出处 on the findings page.
   */
  plain: Text2;
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
    severity: 'high',
    rank: 5,
    plain: {
      zh: '催收只能找借款人本人。找你的亲友、同事催收或告诉他们你欠钱，不符合国家标准和行业规范；被打扰的亲友也可以自己维权。',
      en: 'Collectors may pursue only the borrower. Chasing your family, friends or colleagues, or telling them about your debt, goes against the national standard and the industry rules; the people disturbed can also act for themselves.',
    },
  },
  {
    id: 'cn.threat-contacts',
    title: { zh: '威胁联系亲友或曝光', en: 'Threats to contact family and friends or to publicise the debt' },
    name: { zh: '威胁联系亲友或曝光', en: 'threats to tell contacts or shame publicly' },
    short: { zh: '威胁联系亲友或曝光', en: 'Threats to tell your contacts or expose you' },
    topics: ['threat'],
    quoteLabel: 'threat_contacts',
    channels: [...LICENSED, '12377', 'pi_regulator', 'police', '12348', 'court'],
    severity: 'high',
    rank: 3,
    plain: {
      zh: '催收不许用恐吓、威胁的办法。威胁要告诉你的亲友、单位，或要公开你的欠款，就是这种威胁。',
      en: 'Collectors may not use intimidation or threats. Threatening to tell your family, friends or employer, or to make your debt public, is such a threat.',
    },
  },
  {
    id: 'cn.threat-violence',
    title: { zh: '暴力威胁', en: 'Threats of violence' },
    name: { zh: '暴力威胁', en: 'threats of violence' },
    short: { zh: '暴力威胁', en: 'Threats of violence' },
    topics: ['threat'],
    quoteLabel: 'threat_violence',
    channels: [...LICENSED, 'police', '12348'],
    severity: 'critical',
    rank: 1,
    plain: {
      zh: '威胁伤害你、你的家人或你的财产，是违反治安管理的行为，可以报警。是否构成犯罪，由公安机关和法院认定。',
      en: 'Threatening to harm you, your family or your property is a public-security violation: you can call the police. Whether it is a crime is for the police and the courts to decide.',
    },
  },
  {
    id: 'cn.insult',
    title: { zh: '辱骂侮辱', en: 'Insults' },
    name: { zh: '辱骂、侮辱', en: 'insults' },
    short: { zh: '辱骂', en: 'Insults' },
    topics: ['insult'],
    quoteLabel: 'insult',
    channels: [...LICENSED, '12377', 'police', '12348', 'court'],
    severity: 'high',
    rank: 6,
    plain: {
      zh: '催收不许辱骂、侮辱借款人。当着别人的面侮辱你，或反复发侮辱信息，还可能违反治安管理。',
      en: 'Collectors may not insult you. Insulting you in front of others, or sending insults again and again, may also be a public-security violation.',
    },
  },
  {
    id: 'cn.impersonation',
    title: { zh: '冒充公检法或律师', en: 'Impersonating authorities or lawyers' },
    name: { zh: '冒充公检法、律师等', en: 'impersonating officials or lawyers' },
    short: { zh: '冒充公检法或律师', en: 'Impersonating police, courts or lawyers' },
    topics: ['impersonation'],
    quoteLabel: 'impersonation',
    channels: [...LICENSED, 'police', '12348'],
    severity: 'high',
    rank: 1,
    plain: {
      zh: '催收方不许冒充警察、法院、政府或律师。冒充国家机关工作人员骗人，是违反治安管理的行为，情节严重的可能构成犯罪。',
      en: 'Collectors may not pose as the police, a court, the government or a lawyer. Posing as a state official to deceive is a public-security violation and, if serious, may be a crime.',
    },
  },
  {
    id: 'cn.false-legal',
    title: { zh: '虚假法律后果', en: 'False legal consequences' },
    name: { zh: '虚构或夸大法律后果', en: 'false legal consequences' },
    short: { zh: '虚假的法律后果', en: 'False legal threats' },
    topics: ['impersonation'],
    quoteLabel: 'false_legal',
    channels: [...LICENSED, 'police', '12315', '12348'],
    severity: 'high',
    rank: 7,
    plain: {
      zh: '催收方不许夸大法律后果来吓你，比如说要抓你、要立案、发“短信传票”。行业规范禁止这样做。',
      en: 'Collectors may not exaggerate the legal consequences to frighten you, such as saying you will be arrested, that a case is being filed, or sending a “summons by text”. The industry rules forbid it.',
    },
  },
  {
    id: 'cn.visit-threat',
    title: { zh: '上门威胁', en: 'Threats to visit home or workplace' },
    name: { zh: '威胁上门', en: 'threats to visit' },
    short: { zh: '上门威胁', en: 'Threats to visit' },
    topics: ['threat'],
    quoteLabel: 'visit_threat',
    channels: [...LICENSED, 'police', '12348'],
    severity: 'high',
    rank: 2,
    plain: {
      zh: '催收不许用恐吓、威胁的办法。说要到你家、单位或老家上门来吓你，就是这种威胁。',
      en: 'Collectors may not use intimidation or threats. Threatening to turn up at your home, workplace or home town is such a threat.',
    },
  },
  {
    id: 'cn.night-contact',
    title: { zh: '夜间催收（22:00至次日8:00）', en: 'Collection at night (22:00–08:00)' },
    name: { zh: '夜间（22:00至次日8:00）催收', en: 'collection at night (22:00–08:00)' },
    short: { zh: '夜间催收', en: 'Night-time collection' },
    topics: ['timing'],
    channels: [...LICENSED, '12321', '12315', '12348'],
    severity: 'medium',
    rank: 2,
    plain: {
      zh: '晚上 22 点到第二天早上 8 点，催收方不应该联系你（除非你同意过）。国家标准和行业规范都这样要求。',
      en: 'Collectors should not contact you between 22:00 and 08:00 (unless you agreed to it). The national standard and the industry rules both say so.',
    },
  },
  {
    id: 'cn.call-flood',
    title: { zh: '频繁催收电话', en: 'Call floods' },
    name: { zh: '频繁拨打电话', en: 'call floods' },
    short: { zh: '频繁来电', en: 'Call floods' },
    topics: ['timing'],
    channels: [...LICENSED, '12321', 'police', '12315', '12348', 'court'],
    severity: 'medium',
    rank: 1,
    plain: {
      zh: '催收电话有次数限制：接通的每天不超过 3 次；你没接的时候，同一天不应超过 6 次。',
      en: 'Collection calls have daily limits: at most 3 answered calls a day, and no more than 6 attempts a day when you do not answer.',
    },
  },
  {
    id: 'cn.after-agreement',
    title: { zh: '签署分期还款协议后仍催收', en: 'Collection after a signed installment agreement' },
    name: { zh: '达成还款协议后仍催收', en: 'collection after a repayment agreement' },
    short: { zh: '协商后仍催收', en: 'Collection after an agreement' },
    topics: ['after_agreement'],
    channels: [...LICENSED, '12315', '12348'],
    severity: 'high',
    rank: 8,
    plain: {
      zh: '你和发卡银行签了分期还款协议以后，银行应当停止催收，除非你没有按协议还款。',
      en: 'Once you and the card issuer signed an installment agreement, the bank must stop collecting, unless you did not pay as agreed.',
    },
  },
  {
    id: 'cn.over-legal-line',
    title: { zh: '超过利率线', en: 'Over a legal interest line' },
    name: { zh: '利率超出红线', en: 'rate above the legal line' },
    short: { zh: '利率超过红线', en: 'Rate above a legal line' },
    topics: ['rate'],
    channels: [...LICENSED, '12315', '12348', 'court'],
    severity: 'high',
    rank: 9,
    plain: {
      zh: '利息和费用高过适用的利率线时，超出的部分你可以在协商或诉讼中要求减掉，由法院决定。',
      en: 'When interest and fees are above the line that applies, you can ask for the part above it to be taken off, in negotiation or in court; a court decides.',
    },
  },
  {
    id: 'cn.contacts-at-scale',
    title: { zh: '大范围联系通讯录', en: 'Contacts reached at scale' },
    name: { zh: '大范围联系通讯录中的联系人', en: 'contacting the contact list at scale' },
    short: { zh: '大范围联系亲友', en: 'Contacts reached at scale' },
    topics: ['third_party', 'contact_list'],
    channels: [...LICENSED, '12321', '12377', 'pi_regulator', 'police', '12348', 'court'],
    severity: 'high',
    rank: 4,
    plain: {
      zh: '催收方一个个联系你通讯录里的人，说明他们拿到并在使用你的通讯录。使用别人的个人信息必须合法、必要，不能这样用。',
      en: 'Collectors reaching contact after contact shows they hold and use your contact list. Using other people\'s personal information must be lawful and necessary; this is not.',
    },
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
