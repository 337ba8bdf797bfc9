/**
 * Which complaint channels suit a finding: the channel table of src/law/channels.ts (cn-law.md §E), mirrored here
 * because domain code may not import src/law. test/rules-law.test.ts checks this mirror against the registry.
 */
import type { LenderType } from '../../law.js';

export interface ChannelRoute {
  id: string;
  lenderTypes: readonly LenderType[] | 'any';
  rules: readonly string[];
}

const ALL = [
  'cn.third-party-contact',
  'cn.threat-contacts',
  'cn.threat-violence',
  'cn.insult',
  'cn.impersonation',
  'cn.false-legal',
  'cn.visit-threat',
  'cn.night-contact',
  'cn.call-flood',
  'cn.after-agreement',
  'cn.over-legal-line',
  'cn.contacts-at-scale',
] as const;

export const CN_CHANNEL_ROUTES: readonly ChannelRoute[] = [
  { id: 'lender', lenderTypes: ['bank', 'credit_card', 'consumer_finance', 'microloan', 'platform'], rules: ALL },
  { id: '12378', lenderTypes: ['bank', 'credit_card', 'consumer_finance', 'platform'], rules: ALL },
  { id: '12363', lenderTypes: [], rules: [] },
  { id: 'local_regulator', lenderTypes: ['microloan'], rules: ALL },
  { id: 'nifa', lenderTypes: ['bank', 'consumer_finance', 'microloan', 'platform', 'other'], rules: ALL },
  { id: '12321', lenderTypes: 'any', rules: ['cn.call-flood', 'cn.night-contact', 'cn.third-party-contact', 'cn.contacts-at-scale'] },
  { id: '12377', lenderTypes: 'any', rules: ['cn.insult', 'cn.threat-contacts', 'cn.contacts-at-scale'] },
  { id: 'pi_regulator', lenderTypes: 'any', rules: ['cn.third-party-contact', 'cn.contacts-at-scale', 'cn.threat-contacts'] },
  {
    id: 'police',
    lenderTypes: 'any',
    rules: ['cn.threat-violence', 'cn.threat-contacts', 'cn.insult', 'cn.impersonation', 'cn.false-legal', 'cn.visit-threat', 'cn.call-flood', 'cn.third-party-contact', 'cn.contacts-at-scale'],
  },
  { id: '12315', lenderTypes: ['other'], rules: ['cn.third-party-contact', 'cn.night-contact', 'cn.call-flood', 'cn.after-agreement', 'cn.over-legal-line', 'cn.false-legal'] },
  { id: '12348', lenderTypes: 'any', rules: ALL },
  { id: 'court', lenderTypes: 'any', rules: ['cn.third-party-contact', 'cn.contacts-at-scale', 'cn.insult', 'cn.call-flood', 'cn.threat-contacts', 'cn.over-legal-line'] },
];

/** When the lender type is unknown, the channels of any licensed lender may be right. */
const UNKNOWN_AS: readonly LenderType[] = ['bank', 'credit_card', 'consumer_finance', 'microloan', 'platform'];

/** Every channel that can suit the rule (for Rule.channels). */
export function ruleChannels(ruleId: string): string[] {
  return CN_CHANNEL_ROUTES.filter((r) => r.rules.includes(ruleId)).map((r) => r.id);
}

/** Channels for a finding of the rule about lenders of these types (null = unknown), in table order. */
export function channelsFor(ruleId: string, types: Iterable<LenderType | null>): string[] {
  const ts = new Set<LenderType>();
  for (const t of types) {
    if (t == null) for (const u of UNKNOWN_AS) ts.add(u);
    else ts.add(t);
  }
  return CN_CHANNEL_ROUTES.filter((r) => r.rules.includes(ruleId) && (r.lenderTypes === 'any' || r.lenderTypes.some((t) => ts.has(t)))).map((r) => r.id);
}
