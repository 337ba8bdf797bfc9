/**
 * What a complaint asks for, chosen by the findings that exist and the lenders' types. A demand never claims conduct
 * that no finding shows: stop contacting third parties only with a third-party finding, delete contact-list data only
 * with a contact-list or third-party finding, waive charges only for a loan whose rate is above an applicable line.
 */
import type { LenderType, Text2 } from '../law.js';
import type { Finding } from '../rules/types.js';
import type { DocumentCase, DocumentLine, DocumentLoan, Lang } from './case.js';
import type { LetterChannel } from './channels.js';
import { dayOf, fmtRate, fmtYuan } from './format.js';
import { hasTopic } from './topics.js';

/** Citation ids documents use beyond those the findings carry (all in src/law; test/documents-law.test.ts checks). */
export const DOC_CITATIONS = {
  cfcAgency: 'cfc-2024.art57',
  cfcRecords: 'cfc-2024.art58',
  ccRecords: 'credit-card-2011.art68',
  ccDispute: 'credit-card-2011.art69',
  ccPlan: 'credit-card-2011.art70',
  complaintLimits: 'complaints-2020.time-limits',
  piplWithdraw: 'pipl.art15',
  piplRights: 'pipl.art44',
  piplAccess: 'pipl.art45',
  piplDelete: 'pipl.art47',
  piplResponse: 'pipl.art50',
  piplEntrusted: 'pipl.art21',
  piplComplain: 'pipl.art65',
  ndRequests: 'network-data-2024.art23',
  noContactOrder: 'psl-2025.art50.para2',
} as const;

/** What a demand is about; a channel takes only the kinds it handles (DEMAND_KINDS_FOR). */
export type DemandKind = 'authority' | 'conduct' | 'third_party' | 'pi' | 'timing' | 'agreement' | 'agency' | 'records' | 'rate';

/** The lender demands each letter carries: all for the lender and its regulators; personal-information ones for the PI channels. */
export const DEMAND_KINDS_FOR: Record<LetterChannel, readonly DemandKind[]> = {
  lender: ['conduct', 'third_party', 'pi', 'timing', 'agreement', 'agency', 'records', 'rate'],
  '12378': ['conduct', 'third_party', 'pi', 'timing', 'agreement', 'agency', 'records', 'rate'],
  local_regulator: ['conduct', 'third_party', 'pi', 'timing', 'agreement', 'agency', 'records', 'rate'],
  '12377': ['third_party', 'pi'],
  pi_regulator: ['third_party', 'pi'],
  nifa: [],
  '12321': [],
  police: [],
  '12315': [],
};

export interface Demand {
  kind: DemandKind;
  text: Text2;
  /** A few words for short online forms. */
  short: Text2;
  /** Citations that back the demand (shown only if src/law has them). */
  citationIds: string[];
}

/** The loan's applicable crossed line with the lowest rate (the largest excess), or null. */
export function lowestCrossedLine(loan: DocumentLoan): DocumentLine | null {
  let best: DocumentLine | null = null;
  for (const l of loan.lines) {
    if (!l.applies || !l.over || l.excessFen <= 0) continue;
    if (!best || l.lineRate < best.lineRate) best = l;
  }
  return best;
}

export function lineLabel(l: DocumentLine, lang: Lang): string {
  if (l.label) return l.label[lang];
  return lang === 'zh' ? `年化${fmtRate(l.lineRate)}` : `${fmtRate(l.lineRate)} a year`;
}

export interface OverLine {
  loan: DocumentLoan;
  line: DocumentLine;
}

export function overLines(loans: readonly DocumentLoan[]): OverLine[] {
  const out: OverLine[] = [];
  for (const loan of loans) {
    const line = lowestCrossedLine(loan);
    if (line) out.push({ loan, line });
  }
  return out;
}

/** "安心消费金融、XX银行" — the distinct lender names. */
export function lenderNames(loans: readonly DocumentLoan[]): string[] {
  return [...new Set(loans.map((l) => l.lenderName))];
}

export interface DemandContext {
  c: DocumentCase;
  channel: LetterChannel;
  findings: readonly Finding[];
  loans: readonly DocumentLoan[];
  lang: Lang;
  /** Collection agency named by the person or the collectors, or null. */
  agency: string | null;
}

/** What the letter asks the lender (directly, or through the authority) to do. */
export function lenderDemands(x: DemandContext): Demand[] {
  const { findings, loans } = x;
  const types = new Set<LenderType>(loans.map((l) => l.lenderType));
  const out: Demand[] = [];
  const push = (kind: DemandKind, text: Text2, short: Text2, citationIds: string[] = []) => {
    if (DEMAND_KINDS_FOR[x.channel].includes(kind)) out.push({ kind, text, short, citationIds });
  };

  if (findings.some((f) => f.rule !== 'cn.over-legal-line')) {
    push(
      'conduct',
      { zh: '立即停止上述违规催收行为，并对相关催收人员和受托催收机构进行核查、依规处理。', en: 'Stop the collection conduct described above at once, and investigate and deal with the collectors and the collection agency involved.' },
      { zh: '停止违规催收', en: 'stop the improper collection' },
    );
  }
  if (hasTopic(findings, 'third_party')) {
    push(
      'third_party',
      { zh: '停止联系、骚扰我的亲友、同事等与债务无关的第三人，今后只与我本人联系。', en: 'Stop contacting my family, friends, colleagues and anyone else unrelated to the debt; contact only me from now on.' },
      { zh: '停止联系我的亲友等第三人', en: 'stop contacting my contacts' },
    );
  }
  if (hasTopic(findings, 'third_party') || hasTopic(findings, 'contact_list')) {
    push(
      'pi',
      {
        zh: '删除通过读取我的通讯录等方式获取的第三人联系信息，停止向催收机构提供这些信息，并告知已向哪些机构提供过。',
        en: 'Delete the contact details of third parties taken from my contact list or similar sources, stop giving them to collectors, and tell me which organisations received them.',
      },
      { zh: '删除通讯录信息', en: 'delete the contact-list data' },
      [DOC_CITATIONS.piplDelete, DOC_CITATIONS.piplAccess],
    );
  }
  if (hasTopic(findings, 'timing')) {
    push(
      'timing',
      { zh: '不在22:00至次日8:00之间联系我，并将联系频次控制在合理范围内。', en: 'Do not contact me between 22:00 and 08:00, and keep contact to a reasonable frequency.' },
      { zh: '停止夜间和频繁来电', en: 'no night calls or call floods' },
    );
  }
  if (hasTopic(findings, 'after_agreement')) {
    push(
      'agreement',
      { zh: '按已达成的还款协议执行，在我履行协议期间停止催收。', en: 'Keep to the repayment agreement we reached and stop collection while I keep to it.' },
      { zh: '按还款协议停止催收', en: 'stop collection under the agreement' },
      types.has('credit_card') ? [DOC_CITATIONS.ccPlan] : [],
    );
  }
  if (findings.some((f) => f.rule !== 'cn.over-legal-line')) {
    if (x.agency) {
      push(
        'agency',
        { zh: `说明对受托催收机构“${x.agency}”的委托情况，并对其催收行为承担管理责任。`, en: `Explain the mandate given to the collection agency "${x.agency}" and take responsibility for its conduct.` },
        { zh: '说明委托催收情况', en: 'explain the collection mandate' },
      );
    } else {
      push(
        'agency',
        { zh: '书面告知受托催收机构的名称和联系方式。', en: 'Tell me in writing the name and contact details of the collection agency you use.' },
        { zh: '告知催收机构名称', en: 'name the collection agency' },
        types.has('consumer_finance') ? [DOC_CITATIONS.cfcAgency] : [],
      );
    }
    const recordIds: string[] = [];
    if (types.has('consumer_finance')) recordIds.push(DOC_CITATIONS.cfcRecords);
    if (types.has('credit_card')) recordIds.push(DOC_CITATIONS.ccRecords);
    if (recordIds.length) {
      push(
        'records',
        { zh: '保存并调取相关催收录音和催收记录，以备核查。', en: 'Keep and retrieve the recordings and logs of the collection concerned, for the investigation.' },
        { zh: '保存催收录音', en: 'keep the call recordings' },
        recordIds,
      );
    }
  }
  for (const o of overLines(loans)) {
    const product = o.loan.productName ? `（${o.loan.productName}）` : '';
    const productEn = o.loan.productName ? ` (${o.loan.productName})` : '';
    push(
      'rate',
      {
        zh: `对${o.loan.lenderName}${product}借款中超出${lineLabel(o.line, 'zh')}部分的利息和费用（按我的计算为${fmtYuan(o.line.excessFen, 'zh')}）予以核减，并提供完整的还款明细和综合融资成本计算。`,
        en: `Reduce the interest and fees above the ${lineLabel(o.line, 'en')} line on the loan from ${o.loan.lenderName}${productEn} (by my calculation ${fmtYuan(o.line.excessFen, 'en')}), and give me a full repayment statement and the all-in cost calculation.`,
      },
      {
        zh: `核减超出${lineLabel(o.line, 'zh')}部分${fmtYuan(o.line.excessFen, 'zh')}`,
        en: `reduce the ${fmtYuan(o.line.excessFen, 'en')} above ${lineLabel(o.line, 'en')}`,
      },
      o.line.citationIds,
    );
  }
  return out;
}

/** What the letter asks the authority itself to do (for the lender: how to reply). */
export function authorityAsk(x: DemandContext): Demand[] {
  const zh = x.lang === 'zh';
  const name = lenderNames(x.loans).join(zh ? '、' : ', ');
  const out: Demand[] = [];
  const push = (text: Text2, short: Text2, citationIds: string[] = []) => out.push({ kind: 'authority', text, short, citationIds });
  switch (x.channel) {
    case 'lender':
      if (x.loans.some((l) => l.lenderType === 'bank' || l.lenderType === 'credit_card')) {
        push({ zh: '在规定期限内书面答复处理结果。', en: 'Reply in writing with the outcome within the time limit.' }, { zh: '书面答复', en: 'reply in writing' }, [
          DOC_CITATIONS.complaintLimits,
        ]);
      } else {
        push({ zh: '尽快书面答复处理结果。', en: 'Reply in writing with the outcome promptly.' }, { zh: '书面答复', en: 'reply in writing' });
      }
      break;
    case '12378':
    case 'local_regulator':
      push(
        {
          zh: `依法核查上述情况，督促${name || '被投诉机构'}依法处理我的诉求，并将处理结果告知我。`,
          en: `Investigate the above, require ${name || 'the institution'} to deal with my requests as the rules require, and tell me the outcome.`,
        },
        { zh: '依法核查并督促机构处理', en: 'investigate and require the lender to act' },
      );
      break;
    case 'nifa':
      push({ zh: '将上述线索转交主管部门依法处理。', en: 'Pass these leads to the competent authorities for handling.' }, { zh: '转交主管部门处理', en: 'pass to the authorities' });
      break;
    case '12321':
      push(
        { zh: '核查上述号码拨打骚扰电话、发送骚扰信息的情况，依规处置。', en: 'Check the numbers above for harassing calls and messages and deal with them under the rules.' },
        { zh: '核查并处置骚扰号码', en: 'check and deal with the numbers' },
      );
      break;
    case '12377':
    case 'pi_regulator':
      push(
        {
          zh: '依法核查被举报方违法处理、提供个人信息（包括我的联系人信息）的行为，责令其停止并删除相关信息。',
          en: "Investigate the unlawful processing and disclosure of personal information (including my contacts' details) and order it stopped and the data deleted.",
        },
        { zh: '核查违法处理个人信息行为', en: 'investigate the misuse of personal data' },
        [DOC_CITATIONS.piplComplain],
      );
      break;
    case 'police':
      push(
        {
          zh: '依法受理，调查处理上述行为，制止其继续威胁、滋扰我本人和我的亲友，并出具受案回执。',
          en: 'Register this report, investigate the conduct, stop the threats and harassment of me and my contacts, and give me a receipt for the report.',
        },
        { zh: '依法受理、调查处理', en: 'register and investigate' },
      );
      // The no-contact order exists from 2026-01-01 (2025 revision of the public-security law).
      if (x.findings.some((f) => f.to !== null && dayOf(f.to, x.c.tz) >= '2026-01-01')) {
        push(
          { zh: '如情况需要，依法责令行为人不得接触、滋扰我本人和我的亲友。', en: 'Where needed, order the people involved not to contact or harass me or my contacts.' },
          { zh: '责令不得接触', en: 'order no contact' },
          [DOC_CITATIONS.noContactOrder],
        );
      }
      break;
    case '12315':
      push(
        { zh: '依法受理我的投诉，核查被投诉方的经营行为，并组织调解。', en: "Accept my complaint, check the business's conduct and arrange mediation." },
        { zh: '受理投诉并调解', en: 'accept and mediate' },
      );
      break;
  }
  return out;
}
