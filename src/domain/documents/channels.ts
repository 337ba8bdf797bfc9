/**
 * Which complaint or report channels fit a case, ranked, with what each handles (from the law data's channel table).
 *
 * A channel fits when a finding names it (the rules narrow their channels by the lender's type) or, for findings
 * that name no channel, when the channel's own rule list covers the finding and, for a regulator, its lender types
 * match. Ranking: the police first when there are threats, impersonation or fake legal papers; then the lender
 * itself (the first stop: regulators pass complaints back to it); the lender's regulator; 12321 for calls and
 * messages; the personal-information channels; NIFA; 12315; advice (12348) and the court last.
 */
import type { Channel, LenderType, Text2, Verification } from '../law.js';
import type { Finding, Severity } from '../rules/types.js';
import { topicsOf, type Topic } from './topics.js';

/** Channels a complaint letter can be built for (ids of src/law/channels.ts). */
export const LETTER_CHANNELS = ['lender', '12378', 'local_regulator', 'nifa', '12321', '12377', 'pi_regulator', 'police', '12315'] as const;
export type LetterChannel = (typeof LETTER_CHANNELS)[number];

export function isLetterChannel(id: string): id is LetterChannel {
  return (LETTER_CHANNELS as readonly string[]).includes(id);
}

export interface ChannelProposal {
  id: string;
  name: Text2;
  contact: string;
  handles: Text2;
  verified: Verification;
  /** Rule ids of the findings this channel is proposed for, in the findings' order. */
  rules: string[];
  /** How many findings it is proposed for. */
  count: number;
  /** Whether a complaint letter can be built for this channel. */
  letter: boolean;
  /** The police, for threats, impersonation or fake legal papers: act first. */
  urgent: boolean;
}

/** Order after urgency; channels not listed (e.g. 12363, whose scope is unverified) are never proposed. */
const ORDER = ['lender', '12378', 'local_regulator', '12321', '12377', 'pi_regulator', 'nifa', '12315', 'police', '12348', 'court'];

const URGENT_TOPICS: readonly Topic[] = ['threat', 'impersonation'];
const URGENT_SEVERITY: readonly Severity[] = ['critical', 'high'];

function lenderTypeFits(ch: Channel, types: ReadonlySet<LenderType>): boolean {
  if (ch.lenderTypes === 'any') return true;
  return ch.lenderTypes.some((t) => types.has(t));
}

/** Does the channel fit this finding? */
export function channelFits(ch: Channel, f: Finding, lenderTypes: ReadonlySet<LenderType>): boolean {
  if (f.channels.includes(ch.id)) return true;
  if (f.channels.length > 0 && ch.lenderTypes !== 'any') return false; // the rule narrowed regulators by lender type
  return ch.rules.includes(f.rule) && lenderTypeFits(ch, lenderTypes);
}

/**
 * The channels that fit, ranked.
 * @param lenderTypes the types of the case's lenders
 * @param findings the case's findings
 * @param channels every channel of src/law (CHANNELS)
 */
export function proposeChannels(lenderTypes: Iterable<LenderType>, findings: readonly Finding[], channels: readonly Channel[]): ChannelProposal[] {
  const types = new Set(lenderTypes);
  const out: (ChannelProposal & { order: number })[] = [];
  for (const ch of channels) {
    const order = ORDER.indexOf(ch.id);
    if (order < 0) continue;
    const matched = findings.filter((f) => channelFits(ch, f, types));
    if (!matched.length) continue;
    const urgent =
      ch.id === 'police' && matched.some((f) => URGENT_SEVERITY.includes(f.severity) && topicsOf(f).some((t) => URGENT_TOPICS.includes(t)));
    out.push({
      id: ch.id,
      name: ch.name,
      contact: ch.contact,
      handles: ch.handles,
      verified: ch.verified,
      rules: [...new Set(matched.map((f) => f.rule))],
      count: matched.length,
      letter: isLetterChannel(ch.id),
      urgent,
      order,
    });
  }
  out.sort((a, b) => Number(b.urgent) - Number(a.urgent) || a.order - b.order);
  return out.map(({ order: _order, ...p }) => p);
}

/** The findings a letter to this channel is about (all of them for the lender itself). */
export function findingsForChannel(ch: Channel, findings: readonly Finding[], lenderTypes: Iterable<LenderType>): Finding[] {
  if (ch.id === 'lender') return [...findings];
  const types = new Set(lenderTypes);
  return findings.filter((f) => channelFits(ch, f, types));
}
