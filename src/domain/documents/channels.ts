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
import { LENDER_TYPE_LABEL } from './format.js';
import { FIND_LENDER, UNKNOWN_LENDER, lenderAddressee, lenderTitle, routeReason, type DocumentLenderType, type DocumentLender } from './lenders.js';
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
  /** Why it was proposed: what it handles that the case's findings (and lenders) need. */
  why: Text2;
}

/** One complaint per lender (issue 12 §3): the channels that supervise that lender, each with why. */
export interface LenderComplaintProposal {
  /** DocumentLender.key, or 'unknown' for collectors whose lender is not identified. */
  lender: string;
  name: Text2;
  entity: string | null;
  brand: string | null;
  type: DocumentLenderType | null;
  regulator: string | null;
  province: string | null;
  loanIds: number[];
  collectorIds: number[];
  /** The lender is not identified: the complaint says so and how to find out (FIND_LENDER). */
  unknown: boolean;
  channels: (ChannelProposal & { addressee: Text2 | null })[];
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
    const rules = [...new Set(matched.map((f) => f.rule))];
    out.push({
      id: ch.id,
      name: ch.name,
      contact: ch.contact,
      handles: ch.handles,
      verified: ch.verified,
      rules,
      count: matched.length,
      letter: isLetterChannel(ch.id),
      urgent,
      why: whyChannel(ch, matched.length, urgent, types),
      order,
    });
  }
  out.sort((a, b) => Number(b.urgent) - Number(a.urgent) || a.order - b.order);
  return out.map(({ order: _order, ...p }) => p);
}

function whyChannel(ch: Channel, n: number, urgent: boolean, types: ReadonlySet<LenderType>): Text2 {
  if (urgent) return { zh: `有威胁或冒充公检法等情形（${n}项），应先报警。`, en: `There are threats or impersonation of authorities (${n} findings): report to the police first.` };
  const regulator = ch.lenderTypes !== 'any' && ch.id !== 'lender' && ch.id !== 'nifa';
  const typed = regulator ? [...types].filter((t) => (ch.lenderTypes as readonly LenderType[]).includes(t)) : [];
  const tail = typed.length ? { zh: `；本案有${typed.map((t) => LENDER_TYPE_LABEL[t].zh).join('、')}的借款，属它监管`, en: `; the case has loans from a ${typed.map((t) => LENDER_TYPE_LABEL[t].en).join(', ')}, which it supervises` } : { zh: '', en: '' };
  return { zh: `本案有${n}项违规发现在它的受理范围内${tail.zh}。`, en: `${n} finding${n === 1 ? '' : 's'} of the case fall within what it handles${tail.en}.` };
}

/**
 * One complaint per lender, each routed to the authority that supervises it (lenders.ts), with why; the collectors
 * whose lender is not identified get one entry that says so. Only channels a finding of that lender fits are listed
 * (the lender itself whenever it has a finding).
 */
export function proposeLenderComplaints(
  lenders: readonly DocumentLender[],
  unknownCollectorIds: readonly number[],
  findingsOf: (key: string) => readonly Finding[],
  channels: readonly Channel[],
): LenderComplaintProposal[] {
  const out: LenderComplaintProposal[] = [];
  const byId = new Map(channels.map((c) => [c.id, c]));
  for (const l of lenders) {
    const fs = findingsOf(l.key);
    if (!fs.length) continue;
    const list: LenderComplaintProposal['channels'] = [];
    for (const id of l.channels) {
      const ch = byId.get(id);
      const why = routeReason(l, id);
      if (!ch || !why) continue;
      // The lender's type decides its regulator (routeReason): the rules' narrowed channel lists must not drop it.
      const matched = fs.filter((f) => ch.rules.length === 0 || ch.rules.includes(f.rule) || f.channels.includes(id));
      if (!matched.length) continue;
      const zhTo = lenderAddressee(l, id, 'zh');
      const enTo = lenderAddressee(l, id, 'en');
      list.push({
        id, name: ch.name, contact: ch.contact, handles: ch.handles, verified: ch.verified,
        rules: [...new Set(matched.map((f) => f.rule))], count: matched.length, letter: isLetterChannel(id), urgent: false, why,
        addressee: zhTo && enTo ? { zh: zhTo, en: enTo } : null,
      });
    }
    if (!list.length) continue;
    out.push({
      lender: l.key,
      name: { zh: lenderTitle(l, 'zh'), en: lenderTitle(l, 'en') },
      entity: l.entity, brand: l.brand, type: l.type, regulator: l.regulator, province: l.province,
      loanIds: l.loanIds, collectorIds: l.collectorIds, unknown: false, channels: list,
    });
  }
  const fs = findingsOf(UNKNOWN_LENDER);
  if (unknownCollectorIds.length && fs.length) {
    const list: LenderComplaintProposal['channels'] = [];
    for (const id of ['12378', 'local_regulator'] as const) {
      const ch = byId.get(id);
      if (!ch) continue;
      list.push({
        id, name: ch.name, contact: ch.contact, handles: ch.handles, verified: ch.verified, rules: [...new Set(fs.map((f) => f.rule))], count: fs.length,
        letter: true, urgent: false, addressee: null,
        why: {
          zh: `放贷机构尚未查明：查明后才能确定向哪里投诉（银行、消费金融公司找12378，小额贷款公司找注册地的地方金融管理局）。${FIND_LENDER.zh}`,
          en: `The lender is not identified yet: who supervises it decides where to complain (12378 for banks and consumer finance companies, the local financial regulator for microloan companies). ${FIND_LENDER.en}`,
        },
      });
    }
    out.push({
      lender: UNKNOWN_LENDER,
      name: { zh: '放贷机构尚未查明的催收方', en: 'Collectors whose lender is not identified' },
      entity: null, brand: null, type: null, regulator: null, province: null, loanIds: [], collectorIds: [...unknownCollectorIds], unknown: true, channels: list,
    });
  }
  return out;
}

/** The findings a letter to this channel is about (all of them for the lender itself). */
export function findingsForChannel(ch: Channel, findings: readonly Finding[], lenderTypes: Iterable<LenderType>): Finding[] {
  if (ch.id === 'lender') return [...findings];
  const types = new Set(lenderTypes);
  return findings.filter((f) => channelFits(ch, f, types));
}
