/**
 * 协商还款申请书: a request to the lender to agree a repayment plan, with the person's own proposal (monthly amount
 * and number of months, from their answers). Cites 信用卡办法 第七十条 (personalised instalments up to 5 years; collection
 * stops once a plan is signed) only where a credit-card loan is involved and src/law holds that citation.
 */
import { formatYuan, yuanToFen } from '../money.js';
import type { DocumentCase, DocumentLoan, Lang } from './case.js';
import { AGENT_WARNING, applyRedaction, citationBlock, docLang, heading, note, para, pick } from './blocks.js';
import { BLANK, loanLine } from './complaint-content.js';
import type { DocumentResult } from './complaint.js';
import { DOC_CITATIONS, lineLabel, overLines } from './demands.js';
import { fmtDate, fmtYuan, joinList } from './format.js';
import { citationTitle, usableCitations, type LawView } from './law-view.js';
import type { Block } from './model.js';
import { answer, dateAnswer, intAnswer, Missing, moneyAnswer } from './questions.js';
import type { RedactOptions } from './redact.js';

export interface NegotiationOptions {
  lang?: Lang;
  /** The lender to write to (by name); default: the first loan's lender. */
  lender?: string | null;
  redact?: RedactOptions | false;
}

export const NEGOTIATION_NOTE: Record<Lang, string> = {
  zh: '这是护讯根据你的记录生成的草稿，请核对后自行提交。每月还款额请按你的实际收入和必要生活开支填写，不要为了尽快达成而承诺做不到的金额。协商还款可以自己直接向贷款机构申请，不需要付费找任何人代办。',
  en: 'This is a draft Huxun made from your records; check it and send it yourself. Base the monthly amount on your real income and essential living costs; do not promise more than you can pay. You can ask the lender directly; you do not need to pay anyone to do it for you.',
};

/** The 协商还款申请书. */
export function buildNegotiation(c: DocumentCase, law: LawView, opts: NegotiationOptions = {}): DocumentResult {
  const lang = opts.lang ?? 'zh';
  const L = (a: string, b: string) => pick(lang, a, b);
  const missing = new Missing();
  const lenderName = opts.lender ?? c.loans[0]?.lenderName ?? null;
  const loans: DocumentLoan[] = lenderName ? c.loans.filter((l) => l.lenderName === lenderName) : [];

  const name = missing.need(answer(c, 'borrower_name'), 'borrower_name');
  const phone = missing.need(answer(c, 'borrower_phone'), 'borrower_phone');
  const idLast4 = missing.need(answer(c, 'borrower_id_last4'), 'borrower_id_last4');
  const account = missing.need(answer(c, 'loan_account'), 'loan_account');
  const monthly = missing.need(moneyAnswer(c, 'monthly_amount'), 'monthly_amount');
  const months = missing.need(intAnswer(c, 'months'), 'months');
  const hardship = missing.need(answer(c, 'hardship'), 'hardship');
  const first = missing.need(dateAnswer(c, 'first_payment_date'), 'first_payment_date');

  const cardLoan = loans.some((l) => l.lenderType === 'credit_card');
  const planCitations = cardLoan ? usableCitations(law, [DOC_CITATIONS.ccPlan]) : [];
  const over = overLines(loans);

  const blocks: Block[] = [note(NEGOTIATION_NOTE[lang])];
  blocks.push(heading(L('一、申请人', '1. Applicant')));
  blocks.push(para(`${L('姓名：', 'Name: ')}${name ?? BLANK}`, 'key'));
  blocks.push(para(`${L('联系电话：', 'Phone: ')}${phone ?? BLANK}`, 'key'));
  blocks.push(para(`${L('身份证号后四位：', 'Last four of ID number: ')}${idLast4 ?? BLANK}`));
  blocks.push(para(`${L('合同编号或卡号后四位：', 'Contract or card number: ')}${account ?? BLANK}`));

  blocks.push(heading(L('二、借款情况', '2. The loans')));
  if (loans.length) blocks.push({ type: 'list', items: loans.map((l) => loanLine(l, lang)) });
  else blocks.push(para(L(`（请填写借款机构、借款日期和金额：${BLANK}）`, `(Lender, date and amount: ${BLANK})`)));
  const outstanding = loans.reduce((s, l) => s + (l.outstandingFen ?? 0), 0);
  const knowOutstanding = loans.length > 0 && loans.every((l) => l.outstandingFen != null);
  if (knowOutstanding) blocks.push(para(L(`据贵司显示，目前尚欠${fmtYuan(outstanding, 'zh')}。`, `According to your records I now owe ${fmtYuan(outstanding, 'en')}.`)));
  // Figures from the person's repayment plan (src/app/plan.ts negotiationAnswers), only in the letter to that loan's lender.
  const plan = planFigures(c, loans);
  if (plan && plan.claimed !== null && plan.supportable !== null) {
    blocks.push(
      para(
        plan.supportable < plan.claimed
          ? L(
              `贵司目前主张本人欠款${fmtYuan(plan.claimed, 'zh')}。按本人实际到手的本金加上不超过法律红线的利息计算，可以支持的金额约为${fmtYuan(plan.supportable, 'zh')}，超出的${fmtYuan(plan.claimed - plan.supportable, 'zh')}请求核减。本人的还款计划以此为准。`,
              `You now claim ${fmtYuan(plan.claimed, 'en')}. On the principal I actually received plus interest up to the legal line, the supportable amount is about ${fmtYuan(plan.supportable, 'en')}; I ask you to take off the ${fmtYuan(plan.claimed - plan.supportable, 'en')} above it. My plan is based on that amount.`,
            )
          : L(`贵司目前主张本人欠款${fmtYuan(plan.claimed, 'zh')}。`, `You now claim ${fmtYuan(plan.claimed, 'en')}.`),
        'key',
      ),
    );
  }

  blocks.push(heading(L('三、申请事项', '3. My request')));
  const reason = hardship ?? BLANK;
  blocks.push(
    para(
      L(
        `本人因${reason}，目前无力按原合同约定按期足额还款，但本人愿意积极履行还款义务，特向贵司申请协商还款。`,
        `Because of ${reason}, I cannot currently pay in full as the contract requires, but I am willing to repay, and I ask to agree a repayment plan with you.`,
      ),
      'key',
    ),
  );
  const monthlyText = monthly !== null ? fmtYuan(monthly, lang) : BLANK;
  const monthsText = months !== null ? String(months) : BLANK;
  const startText = first ? fmtDate(first, lang) : L('双方达成协议后的下一个月', 'the month after we agree');
  const total = plan?.total ?? (monthly !== null && months !== null ? monthly * months : null);
  const lastNote = plan?.last != null && monthly !== null && plan.last !== monthly ? L(`，最后一期${fmtYuan(plan.last, 'zh')}`, `, the last one ${fmtYuan(plan.last, 'en')}`) : '';
  const items: string[] = [
    L(
      `自${startText}起，每月还款${monthlyText}，分${monthsText}期还清${lastNote}${total !== null ? `（合计${formatYuan(total)}元）` : ''}。`,
      `From ${startText}, pay ${monthlyText} a month for ${monthsText} months${lastNote}${total !== null ? ` (${fmtYuan(total, 'en')} in all)` : ''}.`,
    ),
    L('协商期间及按协议还款期间，暂停计收罚息、违约金等费用，并停止催收。', 'While we negotiate and while I keep to the plan, stop charging penalty interest and default fees, and stop collection.'),
    L('协商期间如需联系，请只联系本人，不要联系我的亲友、同事。', 'While we negotiate, please contact only me, not my family, friends or colleagues.'),
  ];
  for (const o of over) {
    items.push(
      L(
        `本人在${o.loan.lenderName}的借款，按我的计算年化成本超出${lineLabel(o.line, 'zh')}，超出部分约${fmtYuan(o.line.excessFen, 'zh')}，请求在确定还款总额时予以核减。`,
        `By my calculation the annual cost of my loan from ${o.loan.lenderName} is above the ${lineLabel(o.line, 'en')} line, by about ${fmtYuan(o.line.excessFen, 'en')}; please take that off the total to repay.`,
      ),
    );
  }
  items.push(L('请在收到本申请后书面答复。', 'Please reply in writing.'));
  blocks.push({ type: 'list', ordered: true, priority: 'key', items });

  if (planCitations.length) {
    blocks.push(heading(L('四、依据', '4. Basis')));
    const titles = planCitations.map((x) => citationTitle(x, lang));
    blocks.push(
      para(
        L(
          `根据${joinList(titles, 'zh')}，持卡人有还款意愿但无力按原约定还款的，发卡银行可以与其协商个性化分期还款，最长期限不超过5年；双方签署分期还款协议后，应当停止对持卡人的催收（持卡人不履行协议的除外）。`,
          `Under ${joinList(titles, 'en')}, where a cardholder is willing but unable to pay as agreed, the bank may agree a personalised instalment plan of up to 5 years; once a plan is signed, collection must stop unless the cardholder breaches it.`,
        ),
      ),
    );
    for (const x of planCitations) blocks.push(citationBlock(x, lang));
    if (months !== null && months > 60) {
      blocks.push(note(L('提示：信用卡个性化分期最长5年（60期），你填写的期数超过了这一期限，请考虑调整。', 'Note: a personalised card instalment plan lasts at most 5 years (60 months); the number of months you entered is longer.')));
    }
  }

  blocks.push(
    para(
      L(
        '本人承诺以上情况属实，并将按双方达成的协议按时还款。如需核实收入、困难情况，本人愿意提供相关证明材料。',
        'I confirm that the above is true and that I will pay on time under the plan we agree. I can provide proof of my income and circumstances if needed.',
      ),
    ),
  );
  blocks.push({ type: 'signature', lines: [`${L('申请人（签名）：', 'Applicant (signature): ')}${name ?? ''}`, fmtDate(c.today, lang)] });
  blocks.push(note(AGENT_WARNING[lang]));

  const model = {
    title: L('协商还款申请书', 'Request to agree a repayment plan'),
    lang: docLang(lang),
    subtitle: L(`致：${lenderName ?? BLANK}`, `To: ${lenderName ?? BLANK}`),
    blocks,
  };
  return { model: applyRedaction(model, c, opts.redact), missing: missing.questions, citationIds: planCitations.map((x) => x.id) };
}

/**
 * The plan's figures for this letter: only when the answers name one of the loans it is written about
 * (plan_loan_id), so that amounts for one lender never appear in a letter to another.
 */
function planFigures(c: DocumentCase, loans: readonly DocumentLoan[]): { claimed: number | null; supportable: number | null; total: number | null; last: number | null } | null {
  const id = Number(c.answers.plan_loan_id);
  if (!Number.isInteger(id) || !loans.some((l) => l.id === id)) return null;
  const money = (k: string): number | null => {
    const v = c.answers[k];
    if (typeof v !== 'string' || !v.trim()) return null;
    try {
      return yuanToFen(v.trim(), k);
    } catch {
      return null;
    }
  };
  return { claimed: money('claimed_amount'), supportable: money('supportable_amount'), total: money('plan_total'), last: money('plan_last_amount') };
}
