/**
 * Which complaint channels suit a finding: the rule's channels from the rule table (meta.ts), kept when the channel
 * serves one of the lender types behind the finding (the channels' lender types come from src/law through the law
 * view, CaseData.law.channels).
 */
import type { LenderType } from '../../law.js';
import type { RuleLaw } from '../types.js';
import { ruleMeta } from './meta.js';

/** When the lender type is unknown, the channels of any licensed lender may be right. */
const UNKNOWN_AS: readonly LenderType[] = ['bank', 'credit_card', 'consumer_finance', 'microloan', 'platform'];

/** Channels for a finding of the rule about lenders of these types (null = unknown), in the law's channel order. */
export function channelsFor(law: RuleLaw, ruleId: string, types: Iterable<LenderType | null>): string[] {
  const mine = new Set<string>(ruleMeta(ruleId)?.channels ?? []);
  const ts = new Set<LenderType>();
  for (const t of types) {
    if (t == null) for (const u of UNKNOWN_AS) ts.add(u);
    else ts.add(t);
  }
  return law.channels.filter((ch) => mine.has(ch.id) && (ch.lenderTypes === 'any' || ch.lenderTypes.some((t) => ts.has(t)))).map((ch) => ch.id);
}
