/**
 * Rules on what messages say: threats to contact or publicise, threats of violence, insults, impersonation,
 * false legal consequences, visit threats. Each is found from the classifier's labels; the rule never reads text.
 */
import type { Label } from '../../collection/types.js';
import type { LenderType, Text2, Tier } from '../../law.js';
import { CitationTally } from '../engine.js';
import { dayString as dayStr } from '../localtime.js';
import { EVENT_KINDS } from '../../collection/types.js';
import { F_INBOUND, F_THIRD_PARTY, LABEL_BIT, overLineFor, prepare } from '../prepare.js';

const K_NOTE = EVENT_KINDS.indexOf('note');
const K_PAYMENT = EVENT_KINDS.indexOf('payment');
import { period } from '../text.js';
import type { CaseData, Finding, Rule, Severity } from '../types.js';
import { C } from './citations.js';
import { ruleMeta } from './meta.js';
import { PACK, decider, eventFinding, groupEvents, lenderRule, whoText } from './common.js';
import { mayConstitute } from './names.js';
import { isProtectiveLine } from './over-line.js';

/** "多次": three or more times (软暴力意见 第五条 reads 多次 as three or more; cn-law.md B2). */
const REPEATED = 3;

interface EventCtx {
  lenderType: LenderType | null;
  /** The debt behind the event is over a legal line (illegal-debt crime possible). */
  overLine: boolean;
  /** The group has three or more such events. */
  repeated: boolean;
  /** The event reached or was reported by a third party (disclosed to others). */
  thirdParty: boolean;
}

interface LabelSpec {
  id: string;
  label: Label;
  description: Text2;
  severity: Severity;
  tier: Tier;
  /** All ids in priority order (the first cited is the finding's primary basis). */
  citations: string[];
  /** Which of them apply to one event (the tally then checks the event's date). */
  pick(ctx: EventCtx): (string | null)[];
  /** What was found, e.g. "3 次联系含有暴力威胁". */
  facts(n: number): Text2;
}

function labelRule(spec: LabelSpec): Rule {
  const bit = LABEL_BIT[spec.label];
  return {
    id: spec.id,
    pack: PACK,
    title: ruleMeta(spec.id)?.title ?? { zh: spec.id, en: spec.id },
    description: spec.description,
    tier: spec.tier,
    severity: spec.severity,
    citationIds: spec.citations,
    channels: ruleMeta(spec.id)?.channels ?? [],
    evaluate(c: CaseData): Finding[] {
      const ix = prepare(c);
      const hits: number[] = [];
      for (let k = 0; k < ix.n; k++) {
        const i = ix.order[k]!;
        if (!(ix.labels[i]! & bit) || !(ix.flags[i]! & F_INBOUND)) continue;
        const kind = ix.kind[i]!;
        if (kind === K_NOTE || kind === K_PAYMENT) continue;
        hits.push(i);
      }
      const overLoanIds = new Set(c.loanLines.filter((l) => isProtectiveLine(l, c.law)).map((l) => l.loanId));
      const out: Finding[] = [];
      for (const { group, idx } of groupEvents(ix, hits)) {
        const tally = new CitationTally(c.law.citations, spec.citations);
        const repeated = idx.length >= REPEATED;
        // The group is one loan (or no known loan), so whether its debt is over a line is the same for all its events.
        const overLine = overLineFor(ix, ix.events[idx[0]!]!, overLoanIds);
        // Citation choices depend only on whether the event reached a third party: two lists per group.
        const ksFor = (thirdParty: boolean) =>
          spec
            .pick({ lenderType: group.lenderType, overLine, repeated, thirdParty })
            .filter((id): id is string => !!id)
            .map((id) => tally.k(id));
        const ksDebtor = ksFor(false);
        const ksThird = ksFor(true);
        const proven: number[] = [];
        let thirdParty = 0;
        for (const i of idx) {
          const tp = (ix.flags[i]! & F_THIRD_PARTY) !== 0;
          // An event no provision in force covers proves nothing here (e.g. before the standard existed).
          if (tally.addAll(tp ? ksThird : ksDebtor, ix.day[i]!, ix.ids[i]!)) {
            proven.push(i);
            if (tp) thirdParty++;
          }
        }
        if (!proven.length) continue;
        const first = ix.day[proven[0]!]!, last = ix.day[proven[proven.length - 1]!]!;
        const p = period(dayStr(first), dayStr(last));
        const who = whoText(ix, group, proven);
        const f = spec.facts(proven.length);
        const tp: Text2 = thirdParty
          ? { zh: `，其中 ${thirdParty} 次发给或被转告给借款人以外的人`, en: `, ${thirdParty} of them sent to or reported by people other than the borrower` }
          : { zh: '', en: '' };
        const may = mayConstitute(tally);
        const dec = decider(tally.citedTiers());
        out.push(
          eventFinding({
            rule: spec.id,
            fallbackTier: spec.tier,
            severity: spec.severity,
            tally,
            ix,
            idx: proven,
            group,
            summary: {
              zh: `${p.zh}，${who.zh}${f.zh}${tp.zh}。${may.zh}${dec.zh}`,
              en: `${cap(p.en)}, ${who.en} ${f.en}${tp.en}. ${may.en} ${dec.en}`.trim(),
            },
            lenderTypes: [group.lenderType],
            details: { label: spec.label, thirdPartyCount: thirdParty, uncovered: idx.length - proven.length },
          }),
        );
      }
      return out;
    },
  };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const times = (n: number, zh: string, en: string): Text2 => ({ zh: `${n} 次${zh}`, en: `${en.replace('{n}', String(n)).replace('{s}', n === 1 ? '' : 's')}` });

export const threatContactsRule = labelRule({
  id: 'cn.threat-contacts',
  label: 'threat_contacts',
  description: {
    zh: '催收消息威胁通知借款人的亲友、同事或单位，或威胁曝光债务（发朋友圈、群发通讯录等）。',
    en: "Collection messages threatening to tell the borrower's family, friends or employer, or to publicise the debt.",
  },
  severity: 'high',
  tier: 'statute',
  citations: [C.psl12Item5, C.psl25Item5, C.crim293_1, C.cfcArt56, C.ccArt68, C.cbaImproper],
  pick: (x) => [
    x.repeated ? C.psl12Item5 : null,
    x.repeated ? C.psl25Item5 : null,
    x.overLine ? C.crim293_1 : null,
    lenderRule(x.lenderType, { cfc: true, cc: true }),
    C.cbaImproper,
  ],
  facts: (n) => times(n, '威胁联系其亲友、单位或曝光债务', 'threatened {n} time{s} to contact family, friends or the employer, or to publicise the debt'),
});

export const threatViolenceRule = labelRule({
  id: 'cn.threat-violence',
  label: 'threat_violence',
  description: {
    zh: '催收消息威胁伤害借款人、其家人或其财产。',
    en: 'Collection messages threatening physical harm to the borrower, their family or property.',
  },
  severity: 'critical',
  tier: 'statute',
  citations: [C.psl12Item1, C.psl25Item1, C.crim293_1, C.crim293, C.xunxin, C.cfcArt56, C.ccArt68, C.ilArt56, C.cbaImproper],
  pick: (x) => [
    C.psl12Item1,
    C.psl25Item1,
    x.overLine ? C.crim293_1 : null,
    C.crim293,
    C.xunxin,
    lenderRule(x.lenderType, { cfc: true, cc: true, il: true }),
    C.cbaImproper,
  ],
  facts: (n) => times(n, '威胁伤害人身或财产', 'threatened {n} time{s} to harm the person, their family or property'),
});

export const insultRule = labelRule({
  id: 'cn.insult',
  label: 'insult',
  description: { zh: '催收消息辱骂、侮辱、诅咒或使用下流语言。', en: 'Collection messages that insult, demean, curse or use obscene language.' },
  severity: 'high',
  tier: 'statute',
  citations: [C.psl12Item2, C.psl25Item2, C.psl12Item5, C.psl25Item5, C.crim246, C.civil1024, C.ccArt68, C.cfcArt56, C.cbaImproper],
  pick: (x) => [
    // 公然 (public): only where others saw it.
    x.thirdParty ? C.psl12Item2 : null,
    x.thirdParty ? C.psl25Item2 : null,
    x.repeated ? C.psl12Item5 : null,
    x.repeated ? C.psl25Item5 : null,
    x.thirdParty ? C.crim246 : null,
    x.thirdParty ? C.civil1024 : null,
    lenderRule(x.lenderType, { cfc: true, cc: true }),
    C.cbaImproper,
  ],
  facts: (n) => times(n, '辱骂或侮辱', 'sent insults or abuse {n} time{s}'),
});

export const impersonationRule = labelRule({
  id: 'cn.impersonation',
  label: 'impersonation',
  description: {
    zh: '催收方自称或假称代表公安、法院、检察院、政府、仲裁机构或律师事务所，以恐吓借款人。',
    en: 'The collector claims to be, or to act for, the police, a court, a procuratorate, the government, an arbitration body or a law firm, to intimidate.',
  },
  severity: 'high',
  tier: 'statute',
  citations: [C.psl12Art51, C.psl25Art62, C.crim279, C.cfcArt56, C.ccArt68, C.cbaImpersonation],
  pick: (x) => [C.psl12Art51, C.psl25Art62, C.crim279, lenderRule(x.lenderType, { cfc: true, cc: true }), C.cbaImpersonation],
  facts: (n) => times(n, '自称或假称代表公检法、政府机关或律师', 'claimed {n} time{s} to be, or to act for, the authorities or a lawyer'),
});

export const falseLegalRule = labelRule({
  id: 'cn.false-legal',
  label: 'false_legal',
  description: {
    zh: '催收消息对普通逾期消费债务声称刑事追究、拘留、立案、坐牢、短信传票等虚假或夸大的法律后果。',
    en: 'Collection messages stating false or exaggerated legal consequences (arrest, criminal charges, summonses by SMS) for an ordinary overdue consumer debt.',
  },
  severity: 'high',
  tier: 'statute',
  citations: [C.psl12Item5, C.psl25Item5, C.cfcArt56, C.ccArt68, C.cbaFalse],
  pick: (x) => [
    x.repeated ? C.psl12Item5 : null,
    x.repeated ? C.psl25Item5 : null,
    lenderRule(x.lenderType, { cfc: true, cc: true }),
    C.cbaFalse,
  ],
  facts: (n) => times(n, '声称虚假或夸大的法律后果（如逮捕、立案、传票）', 'stated false or exaggerated legal consequences (arrest, charges, summonses) {n} time{s}'),
});

export const visitThreatRule = labelRule({
  id: 'cn.visit-threat',
  label: 'visit_threat',
  description: {
    zh: '催收消息威胁到借款人家中、单位、学校或老家上门。',
    en: "Collection messages threatening to come to the borrower's home, workplace, school or hometown.",
  },
  severity: 'high',
  tier: 'statute',
  citations: [C.psl12Item5, C.psl25Item5, C.crim293_1, C.cfcArt56, C.ccArt68, C.cbaImproper],
  pick: (x) => [
    x.repeated ? C.psl12Item5 : null,
    x.repeated ? C.psl25Item5 : null,
    x.overLine ? C.crim293_1 : null,
    lenderRule(x.lenderType, { cfc: true, cc: true }),
    C.cbaImproper,
  ],
  facts: (n) => times(n, '威胁上门（家中、单位或老家）', 'threatened {n} time{s} to visit the home, workplace or hometown'),
});


