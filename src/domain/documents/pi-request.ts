/**
 * 个人信息权利申请: to the lender (as personal-information processor) — withdraw consent to contact-list and similar
 * processing, delete the contact-list data, stop giving data to collectors, say who received it, reply in writing.
 * Cites the PIPL articles the reference gives for these rights (第十五、四十四、四十五、四十七、五十条) and the network
 * data regulation 第二十三条, each only if src/law holds it. The law sets no deadline in days ("及时"), so none is invented.
 */
import type { DocumentCase, Lang } from './case.js';
import { AGENT_WARNING, applyRedaction, citationBlock, docLang, heading, note, para, pick } from './blocks.js';
import { BLANK, scopeCase } from './complaint-content.js';
import type { DocumentResult } from './complaint.js';
import { DOC_CITATIONS } from './demands.js';
import { fmtDate, joinList } from './format.js';
import { citationTitle, usableCitations, type LawCitation, type LawView } from './law-view.js';
import type { Block } from './model.js';
import { answer, Missing } from './questions.js';
import type { RedactOptions } from './redact.js';
import { hasTopic } from './topics.js';

export interface PiRequestOptions {
  lang?: Lang;
  /** The lender to write to (by name); default: the first loan's lender. */
  lender?: string | null;
  redact?: RedactOptions | false;
}

/** The 个人信息权利申请. */
export function buildPiRequest(c: DocumentCase, law: LawView, opts: PiRequestOptions = {}): DocumentResult {
  const lang = opts.lang ?? 'zh';
  const L = (a: string, b: string) => pick(lang, a, b);
  const missing = new Missing();
  const lenderName = opts.lender ?? c.loans[0]?.lenderName ?? null;
  const scoped = scopeCase(c, lenderName);
  const products = [...new Set(scoped.loans.map((l) => l.productName).filter((p): p is string => !!p))];

  const name = missing.need(answer(c, 'borrower_name'), 'borrower_name');
  const phone = missing.need(answer(c, 'borrower_phone'), 'borrower_phone');
  const idLast4 = missing.need(answer(c, 'borrower_id_last4'), 'borrower_id_last4');
  const account = missing.need(answer(c, 'loan_account'), 'loan_account');

  const cite = (id: string): LawCitation[] => usableCitations(law, [id]);
  const basis = (cs: LawCitation[]) => (cs.length ? L(`（依据：${cs.map((x) => citationTitle(x, 'zh')).join('、')}）`, ` (basis: ${cs.map((x) => citationTitle(x, 'en')).join('; ')})`) : '');
  const withdraw = cite(DOC_CITATIONS.piplWithdraw);
  const restrict = cite(DOC_CITATIONS.piplRights);
  const access = cite(DOC_CITATIONS.piplAccess);
  const del = cite(DOC_CITATIONS.piplDelete);
  const response = [...cite(DOC_CITATIONS.piplResponse), ...cite(DOC_CITATIONS.ndRequests)];

  const blocks: Block[] = [
    note(
      L(
        '这是护讯根据你的记录生成的草稿，请核对后通过贷款机构的客服、App内的个人信息保护渠道或书面方式自行提交，并保存提交记录。提出这些申请不影响你的还款义务，也不需要付费找人代办。',
        "This is a draft Huxun made from your records. Check it and send it yourself through the lender's customer service, the personal-information channel in its app, or in writing, and keep proof that you sent it. These requests do not change what you owe, and you do not need to pay anyone to make them.",
      ),
    ),
  ];
  blocks.push(heading(L('一、申请人', '1. Applicant')));
  blocks.push(para(`${L('姓名：', 'Name: ')}${name ?? BLANK}`, 'key'));
  blocks.push(para(`${L('联系电话：', 'Phone: ')}${phone ?? BLANK}`, 'key'));
  blocks.push(para(`${L('身份证号后四位：', 'Last four of ID number: ')}${idLast4 ?? BLANK}`));
  blocks.push(para(`${L('合同编号或卡号后四位：', 'Contract or card number: ')}${account ?? BLANK}`));

  blocks.push(heading(L('二、申请事由', '2. Why I am writing')));
  const productText = products.length ? L(`“${products.join('”“')}”`, ` (${joinList(products, 'en')})`) : '';
  blocks.push(para(L(`本人是贵司${productText}借款业务的借款人。`, `I am a borrower of yours${productText}.`)));
  const thirdParty = hasTopic(scoped.findings, 'third_party') || hasTopic(scoped.findings, 'contact_list');
  if (thirdParty && c.contactsReached.count > 0) {
    blocks.push(
      para(
        L(
          `根据本人保存的记录，催收方已联系本人的亲友、同事等${c.contactsReached.count}人。本人的联系人并非借款合同当事人，也未同意贵司或催收方处理其个人信息。`,
          `My records show that collectors have contacted ${c.contactsReached.count} of my family, friends or colleagues. My contacts are not parties to the loan contract and did not agree to you or the collectors processing their personal information.`,
        ),
        'key',
      ),
    );
  } else if (thirdParty) {
    blocks.push(
      para(
        L(
          '根据本人保存的记录，催收方联系了本人的亲友、同事等与借款无关的人。本人的联系人并非借款合同当事人，也未同意贵司或催收方处理其个人信息。',
          'My records show that collectors have contacted family, friends or colleagues unrelated to the loan. My contacts are not parties to the loan contract and did not agree to their personal information being processed.',
        ),
        'key',
      ),
    );
  }
  blocks.push(
    para(
      L(
        '为保护本人及联系人的个人信息，本人依法提出以下申请。本申请不影响本人依法履行还款义务；贷款相关事宜，请只与本人联系。',
        'To protect my personal information and that of my contacts, I make the following requests under the law. They do not affect my duty to repay; about the loan, please contact only me.',
      ),
    ),
  );

  blocks.push(heading(L('三、申请事项', '3. Requests')));
  const items: string[] = [
    L(
      `撤回本人此前就读取、使用本人通讯录、通话记录、短信等非必要个人信息所作的同意${basis(withdraw)}。`,
      `I withdraw any consent I gave to reading or using my contact list, call log, messages or other non-necessary personal information${basis(withdraw)}.`,
    ),
    L(
      `删除贵司（含受托催收机构）通过读取通讯录等方式获取的本人联系人的姓名、电话号码等信息，以及本人撤回同意后不再有处理依据的个人信息${basis(del)}。`,
      `Delete the names, numbers and other details of my contacts that you or your collection agencies obtained from my contact list, and any personal information of mine you no longer have a basis to process after my withdrawal${basis(del)}.`,
    ),
    L(
      `停止向催收机构等第三方提供本人联系人的信息；本人拒绝并限制贵司将本人个人信息用于联系第三人${basis(restrict)}。`,
      `Stop giving my contacts' details to collection agencies or other third parties; I refuse and restrict any use of my personal information to contact third parties${basis(restrict)}.`,
    ),
    L(
      `告知贵司持有本人哪些个人信息、已向哪些第三方（包括催收机构）提供过，并提供副本${basis(access)}。`,
      `Tell me what personal information of mine you hold and which third parties (including collection agencies) received it, and give me a copy${basis(access)}.`,
    ),
    L(
      `及时受理本申请并书面答复处理结果；如拒绝，请说明理由${basis(response)}。`,
      `Accept this request promptly and reply in writing; if you refuse, give your reasons${basis(response)}.`,
    ),
  ];
  blocks.push({ type: 'list', ordered: true, priority: 'key', items });

  const all = usableCitations(law, [DOC_CITATIONS.piplWithdraw, DOC_CITATIONS.piplRights, DOC_CITATIONS.piplAccess, DOC_CITATIONS.piplDelete, DOC_CITATIONS.piplResponse, DOC_CITATIONS.ndRequests]);
  if (all.length) {
    blocks.push(heading(L('四、法律依据', '4. The law')));
    for (const x of all) blocks.push(citationBlock(x, lang));
  }
  blocks.push(
    para(
      L(
        '如贵司未依法处理，本人将向网信部门等个人信息保护主管部门投诉，或依法向人民法院起诉。',
        'If you do not deal with this as the law requires, I will complain to the personal-information regulators or sue in court.',
      ),
    ),
  );
  blocks.push({ type: 'signature', lines: [`${L('申请人（签名）：', 'Applicant (signature): ')}${name ?? ''}`, fmtDate(c.today, lang)] });
  blocks.push(note(AGENT_WARNING[lang]));

  const model = {
    title: L('个人信息权利行使申请书', 'Request to exercise personal-information rights'),
    lang: docLang(lang),
    subtitle: L(`致：${lenderName ?? BLANK}（个人信息保护负责人）`, `To: ${lenderName ?? BLANK} (person responsible for personal information)`),
    blocks,
  };
  return { model: applyRedaction(model, c, opts.redact), missing: missing.questions, citationIds: all.map((x) => x.id) };
}
