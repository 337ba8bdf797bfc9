/**
 * Collection aimed at people other than the borrower (爆通讯录): each contact reached, and the scale of it.
 */
import type { TimelineEvent } from '../../collection/types.js';
import { CitationTally } from '../engine.js';
import { dayString } from '../localtime.js';
import { type CaseIndex, contactOf, F_THIRD_PARTY, isGuarantor, prepare } from '../prepare.js';
import { maskNumber, period } from '../text.js';
import type { CaseData, Finding, Rule, Severity } from '../types.js';
import { C } from './citations.js';
import { ruleMeta } from './meta.js';
import { PACK, decider, eventFinding, groupEvents, groupAt, lenderRule, whoText, type Group } from './common.js';
import { mayConstitute } from './names.js';

/** Third-party events in chronological order, without those that reached a guarantor (担保人 is not an unrelated third party). */
function thirdPartyEvents(ix: CaseIndex): { idx: number[]; guarantorEvents: number } {
  const idx: number[] = [];
  let guarantorEvents = 0;
  for (let k = 0; k < ix.n; k++) {
    const i = ix.order[k]!;
    if (!(ix.flags[i]! & F_THIRD_PARTY)) continue;
    if (isGuarantor(contactOf(ix, ix.events[i]!))) {
      guarantorEvents++;
      continue;
    }
    idx.push(i);
  }
  return { idx, guarantorEvents };
}

/** Who was reached: the contact's id, else the contact's number; null when the event does not say. */
function contactKey(ix: CaseIndex, e: TimelineEvent): string | null {
  const ct = contactOf(ix, e);
  if (ct) return `c${ct.id}`;
  if (e.contactNumber) return `n${e.contactNumber}`;
  return null;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const TP_CITATIONS = [C.cfcArt56, C.ccArt68, C.ilArt56, C.gbtContacts, C.cbaThirdParty, C.civil1033, C.piplArt10];

export const thirdPartyContactRule: Rule = {
  id: 'cn.third-party-contact',
  pack: PACK,
  description: {
    zh: '催收方联系借款人以外的人（亲友、同事等，担保人除外）催收或透露债务：被标记为向第三人催收的消息、发给第三人的消息，以及联系人转告的催收联系。',
    en: 'Collectors contacting people other than the borrower (family, friends, colleagues; not a guarantor) about the debt: messages labelled third-party, messages a contact received, and contacts reporting they were called.',
  },
  tier: 'regulation',
  severity: 'high',
  citationIds: TP_CITATIONS,
  title: ruleMeta('cn.third-party-contact').title,
  channels: ruleMeta('cn.third-party-contact').channels,
  evaluate(c: CaseData): Finding[] {
    const ix = prepare(c);
    const { idx: all, guarantorEvents } = thirdPartyEvents(ix);
    const out: Finding[] = [];
    for (const { group, idx } of groupEvents(ix, all)) {
      const tally = new CitationTally(c.law.citations, TP_CITATIONS);
      const lr = lenderRule(group.lenderType, { cfc: true, cc: true, il: true });
      const ks = [lr, C.gbtContacts, C.cbaThirdParty, C.civil1033, C.piplArt10].filter((x): x is string => !!x).map((id) => tally.k(id));
      const proven: number[] = [];
      const contacts = new Set<string>();
      let reports = 0;
      for (const i of idx) {
        const e = ix.events[i]!;
        if (!tally.addAll(ks, ix.day[i]!, e.id)) continue;
        proven.push(i);
        const key = contactKey(ix, e);
        if (key) contacts.add(key);
        if (e.kind === 'third_party_report') reports++;
      }
      if (!proven.length) continue;
      const p = period(dayString(ix.day[proven[0]!]!), dayString(ix.day[proven[proven.length - 1]!]!));
      const who = whoText(ix, group, proven);
      const n = proven.length;
      const k = contacts.size;
      const may = mayConstitute(tally);
      const dec = decider(tally.citedTiers());
      const rep = reports ? { zh: `，其中 ${reports} 次是联系人告知借款人的`, en: `; ${reports} of them reported to the borrower by the contact` } : { zh: '', en: '' };
      const reached = k ? { zh: `，至少涉及 ${k} 位联系人`, en: `, reaching at least ${k} contact${k === 1 ? '' : 's'}` } : { zh: '', en: '' };
      out.push(
        eventFinding({
          rule: 'cn.third-party-contact',
          fallbackTier: 'regulation',
          severity: 'high',
          tally,
          ix,
          idx: proven,
          group,
          summary: {
            zh: `${p.zh}，${who.zh}有 ${n} 次催收联系指向借款人以外的人${reached.zh}${rep.zh}。${may.zh}${dec.zh}`,
            en: `${cap(p.en)}, ${who.en} made ${n} collection contact${n === 1 ? '' : 's'} aimed at people other than the borrower${reached.en}${rep.en}. ${may.en} ${dec.en}`.trim(),
          },
          lenderTypes: [group.lenderType],
          details: { contactsReached: k, reports, guarantorEventsExcluded: guarantorEvents, uncovered: idx.length - proven.length },
        }),
      );
    }
    return out;
  },
};

const SCALE_CITATIONS = [C.piplArt10, C.piplArt6, C.civil1033, C.psl25Art56, C.crim253_1, C.piCrimeArt5, C.cfcArt55, C.ilArt34, C.ccArt3];
/** Fewer distinct contacts than this is handled by cn.third-party-contact alone. */
export const SCALE_MIN_CONTACTS = 3;
/** From this many contacts the finding also names the personal-information crime as a possibility. */
export const SCALE_CRIMINAL_CONTACTS = 10;

function scaleSeverity(k: number): Severity {
  if (k >= 50) return 'critical';
  if (k >= 10) return 'high';
  return 'medium';
}

function dataRule(g: Group): string | null {
  if (g.lenderType === 'consumer_finance') return C.cfcArt55;
  if (g.lenderType === 'bank') return C.ilArt34;
  if (g.lenderType === 'credit_card') return C.ccArt3;
  return null;
}

export const contactsAtScaleRule: Rule = {
  id: 'cn.contacts-at-scale',
  pack: PACK,
  description: {
    zh: '催收方联系了借款人的多位联系人（至少 3 位，担保人除外）：联系人数量、由哪些催收号码、在多长时间内。这表明催收方掌握并使用了借款人的通讯录。',
    en: "Collectors reached several of the borrower's contacts (3 or more, guarantors excluded): how many, by which collector numbers, over what period. It shows that they hold and use the borrower's contact list.",
  },
  tier: 'statute',
  severity: 'high',
  citationIds: SCALE_CITATIONS,
  title: ruleMeta('cn.contacts-at-scale').title,
  channels: ruleMeta('cn.contacts-at-scale').channels,
  evaluate(c: CaseData): Finding[] {
    const ix = prepare(c);
    const { idx } = thirdPartyEvents(ix);
    const contacts = new Set<string>();
    const withContact: number[] = [];
    const byCollector = new Map<string, { collectorId: number | null; numbers: Set<string>; contacts: Set<string>; events: number }>();
    for (const i of idx) {
      const e = ix.events[i]!;
      const key = contactKey(ix, e);
      if (!key) continue;
      contacts.add(key);
      withContact.push(i);
      const ck = e.collectorId != null ? `c${e.collectorId}` : e.number ? `n${e.number}` : 'unknown';
      let b = byCollector.get(ck);
      if (!b) {
        b = { collectorId: e.collectorId, numbers: new Set(), contacts: new Set(), events: 0 };
        byCollector.set(ck, b);
      }
      if (e.number) b.numbers.add(e.number);
      b.contacts.add(key);
      b.events++;
    }
    const k = contacts.size;
    if (k < SCALE_MIN_CONTACTS) return [];
    const tally = new CitationTally(c.law.citations, SCALE_CITATIONS);
    const proven: number[] = [];
    const groups = new Set<Group>();
    const general = [C.piplArt10, C.piplArt6, C.civil1033, C.psl25Art56, ...(k >= SCALE_CRIMINAL_CONTACTS ? [C.crim253_1, C.piCrimeArt5] : [])];
    const ksByGroup = new Map<Group, number[]>();
    for (const i of withContact) {
      const g = groupAt(ix, i);
      let ks = ksByGroup.get(g);
      if (!ks) {
        const dr = dataRule(g);
        ks = [...general, ...(dr ? [dr] : [])].map((id) => tally.k(id));
        ksByGroup.set(g, ks);
        groups.add(g);
      }
      if (tally.addAll(ks, ix.day[i]!, ix.ids[i]!)) proven.push(i);
    }
    if (!proven.length) return [];
    const first = ix.day[proven[0]!]!, last = ix.day[proven[proven.length - 1]!]!;
    const days = last - first + 1;
    const p = period(dayString(first), dayString(last));
    const collectors = [...byCollector.values()]
      .map((b) => ({ collectorId: b.collectorId, numbers: [...b.numbers].sort().map(maskNumber), contacts: b.contacts.size, events: b.events }))
      .sort((a, b) => b.contacts - a.contacts || b.events - a.events || (a.collectorId ?? Infinity) - (b.collectorId ?? Infinity) || cmp(a.numbers.join(), b.numbers.join()));
    const nCol = collectors.length;
    const may = mayConstitute(tally);
    const dec = decider(tally.citedTiers());
    return [
      eventFinding({
        rule: 'cn.contacts-at-scale',
        fallbackTier: 'statute',
        severity: scaleSeverity(k),
        tally,
        ix,
        idx: proven,
        group: null,
        summary: {
          zh: `${p.zh}（${days} 天），催收方通过 ${nCol} 个催收来源联系了借款人的 ${k} 位联系人（共 ${proven.length} 次）。这说明催收方掌握并使用了借款人的通讯录。${may.zh}${dec.zh}`,
          en: `${cap(p.en)} (${days} day${days === 1 ? '' : 's'}), collectors reached ${k} of the borrower's contacts through ${nCol} collector source${nCol === 1 ? '' : 's'} (${proven.length} contact${proven.length === 1 ? '' : 's'} in all). This shows that they hold and use the borrower's contact list. ${may.en} ${dec.en}`.trim(),
        },
        lenderTypes: [...groups].map((g) => g.lenderType),
        details: { contactsReached: k, days, byCollector: collectors, loanIds: [...new Set([...groups].map((g) => g.loanId).filter((x): x is number => x != null))].sort((a, b) => a - b) },
      }),
    ];
  },
};
