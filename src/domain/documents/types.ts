/** The documents Huxun writes, and the questions each may ask. */
import type { Text2 } from '../law.js';
import type { QuestionKey } from './questions.js';

export type DocumentType = 'complaint' | 'negotiation' | 'pi_request' | 'contacts_note' | 'third_party_statement';

export interface DocumentTypeInfo {
  id: DocumentType;
  title: Text2;
  description: Text2;
  /** Every question the builder may list as missing (which ones it does depends on the case and the channel). */
  questions: readonly QuestionKey[];
  /** Complaints are built per channel (LETTER_CHANNELS). */
  perChannel: boolean;
  /** Has an online-form text version (short / medium / full). */
  formText: boolean;
}

export const DOCUMENT_TYPES: readonly DocumentTypeInfo[] = [
  {
    id: 'complaint',
    title: { zh: '投诉信', en: 'Complaint letter' },
    description: {
      zh: '按投诉渠道生成的投诉、举报或报案材料：事实经过、涉嫌违规的情形及依据、请求事项、证据清单；另有适合网上表单的短版（500字以内）和中版（1500字以内）。',
      en: 'A complaint, report or police report for one channel: the facts, the conduct and the rules it may breach, the requests, the evidence index; plus short (≤ 500 characters) and medium (≤ 1,500) versions for online forms.',
    },
    questions: [
      'borrower_name',
      'borrower_phone',
      'borrower_id_last4',
      'borrower_city',
      'borrower_address',
      'loan_account',
      'collection_agency',
      'respondent_name',
      'respondent_address',
    ],
    perChannel: true,
    formText: true,
  },
  {
    id: 'negotiation',
    title: { zh: '协商还款申请书', en: 'Request to agree a repayment plan' },
    description: {
      zh: '向贷款机构提出你能承受的还款方案（每月金额、期数），请求协商期间停止催收；涉及信用卡时附上个性化分期的规定。',
      en: 'Propose a plan you can afford (monthly amount, months) and ask the lender to stop collection meanwhile; for credit cards, with the rule on personalised instalments.',
    },
    questions: ['borrower_name', 'borrower_phone', 'borrower_id_last4', 'loan_account', 'hardship', 'monthly_amount', 'months', 'first_payment_date'],
    perChannel: false,
    formText: false,
  },
  {
    id: 'pi_request',
    title: { zh: '个人信息权利申请', en: 'Personal-information rights request' },
    description: {
      zh: '依据个人信息保护法，撤回对通讯录等信息的同意，要求删除联系人信息、停止提供给催收方，并告知提供给了谁。',
      en: 'Under the Personal Information Protection Law: withdraw consent to contact-list processing, have your contacts’ data deleted and no longer given to collectors, and learn who received it.',
    },
    questions: ['borrower_name', 'borrower_phone', 'borrower_id_last4', 'loan_account'],
    perChannel: false,
    formText: false,
  },
  {
    id: 'contacts_note',
    title: { zh: '致亲友的说明', en: 'Note to your contacts' },
    description: {
      zh: '一段可以直接发微信的话：告诉亲友发生了什么、他们不欠钱也不用替你还、不要给任何人付款，以及怎样保存通话和短信发给你。',
      en: 'A message to send on WeChat: what is happening, that they owe nothing and need not pay, not to pay anyone, and how to save calls and messages and send them to you.',
    },
    questions: ['borrower_name'],
    perChannel: false,
    formText: true,
  },
  {
    id: 'third_party_statement',
    title: { zh: '第三人情况说明', en: 'Statement by a contact' },
    description: {
      zh: '给接到催收的亲友签字的情况说明：谁、什么时候、用哪个号码联系了他们、说了什么，留有填写处和签名、日期栏。',
      en: 'A statement for a contact to sign: who contacted them, when, from which number and what was said, with blanks, signature and date lines.',
    },
    questions: ['borrower_name', 'contact_name', 'contact_relation'],
    perChannel: false,
    formText: false,
  },
];

export function documentType(id: string): DocumentTypeInfo | undefined {
  return DOCUMENT_TYPES.find((d) => d.id === id);
}
