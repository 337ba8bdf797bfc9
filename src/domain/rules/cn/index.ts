/**
 * The PRC rule pack. Rule ids are stable: findings, channels (src/law/channels.ts) and documents refer to them; their
 * names, topics and channels are in one table (meta.ts).
 */
import type { Rule } from '../types.js';
import { falseLegalRule, impersonationRule, insultRule, threatContactsRule, threatViolenceRule, visitThreatRule } from './labelled.js';
import { overLegalLineRule } from './over-line.js';
import { contactsAtScaleRule, thirdPartyContactRule } from './third-party.js';
import { afterAgreementRule, callFloodRule, nightContactRule } from './timing.js';

export const CN_RULES: Rule[] = [
  thirdPartyContactRule,
  threatContactsRule,
  threatViolenceRule,
  insultRule,
  impersonationRule,
  falseLegalRule,
  visitThreatRule,
  nightContactRule,
  callFloodRule,
  afterAgreementRule,
  overLegalLineRule,
  contactsAtScaleRule,
];

export { channelsFor } from './channels.js';
export { CN_RULE_IDS, CN_RULE_META, ruleMeta, rulesForChannel } from './meta.js';
export type { CnRuleId, RuleMeta, Topic } from './meta.js';
export {
  afterAgreementRule,
  callFloodRule,
  contactsAtScaleRule,
  falseLegalRule,
  impersonationRule,
  insultRule,
  nightContactRule,
  overLegalLineRule,
  thirdPartyContactRule,
  threatContactsRule,
  threatViolenceRule,
  visitThreatRule,
};
