/**
 * Part A of the citation registry: rules on how debt collection must be conducted (cn-law.md §A1–A13).
 * Every excerpt is copied from docs/law/cn-law.md; law.test.ts checks that each quoted fragment occurs there.
 */
import type { Citation } from '../domain/law.js';
import { type DocInfo, cite } from './doc.js';

const CFC: DocInfo = {
  law: { zh: '消费金融公司管理办法', en: 'Measures for the Administration of Consumer Finance Companies' },
  issuer: '国家金融监督管理总局',
  docNumber: '国家金融监督管理总局令2024年第4号',
  tier: 'regulation',
  effectiveFrom: '2024-04-18',
  effectiveTo: null,
  source:
    'https://github.com/Theonefkguy/Chinese-Laws/blob/3a31ab4838460e842e4aca89c072a359b9df7137/部门规章/国家金融监督管理总局/消费金融公司管理办法(2024-03-18).md',
  docNote:
    'Adopted 2023-12-04, published 2024-03-18, effective 2024-04-18; repeals 《消费金融公司试点管理办法》(银监会令2013年第2号) (第七十九条). ' +
    'Applies to licensed 消费金融公司 (第二条). 令号 VERIFIED (secondary): https://31ppt.com/d-7100958.html',
};

const CREDIT_CARD: DocInfo = {
  law: { zh: '商业银行信用卡业务监督管理办法', en: "Measures on Supervision of Commercial Banks' Credit Card Business" },
  issuer: '中国银行业监督管理委员会（现由国家金融监督管理总局管理）',
  docNumber: null,
  tier: 'regulation',
  effectiveFrom: null,
  effectiveTo: null,
  source:
    'https://github.com/Theonefkguy/Chinese-Laws/blob/045a72c354f5a9ef0b1bcdd6228a44cb825f667b/部门规章/国家金融监督管理总局/商业银行信用卡业务监督管理办法(2011-01-13).md',
  docNote:
    '令号 UNVERIFIED (the reference recalls 银监会令2011年第2号) and effective date UNVERIFIED; the mirror shows publication 2011-01-13. ' +
    'No repeal found; the 2022 credit-card notice supplements it.',
};

const INTERNET_LOAN: DocInfo = {
  law: { zh: '商业银行互联网贷款管理暂行办法', en: 'Interim Measures for Internet Loans of Commercial Banks' },
  issuer: '中国银行保险监督管理委员会（现国家金融监督管理总局）',
  docNumber: null,
  tier: 'regulation',
  effectiveFrom: '2020-07-17',
  effectiveTo: null,
  source:
    'https://github.com/Theonefkguy/Chinese-Laws/blob/08eb6c2ab240f20873caa2f555a2a232ae16513c/部门规章/国家金融监督管理总局/商业银行互联网贷款管理暂行办法(2020-07-17).md',
  docNote:
    'Published 2020-07-17 and effective on publication (第六十九条 "本办法自公布之日起施行"). 令号 UNVERIFIED (the reference recalls 银保监会令2020年第9号).',
};

const ZHUDAI: DocInfo = {
  law: {
    zh: '关于加强商业银行互联网助贷业务管理提升金融服务质效的通知',
    en: "Notice on Strengthening the Management of Commercial Banks' Internet Loan-Facilitation (助贷) Business and Improving the Quality and Efficiency of Financial Services",
  },
  issuer: '国家金融监督管理总局',
  docNumber: '金规〔2025〕9号',
  tier: 'normative_document',
  effectiveFrom: '2025-10-01',
  effectiveTo: null,
  source: 'http://www.dtleju.com/article/info/8221',
  docNote: 'Dated 2025-04-01, published 2025-04-03, effective 2025-10-01; 10 items. Number and dates VERIFIED (secondary).',
};

const GBT: DocInfo = {
  law: {
    zh: '互联网金融 个人网络消费信贷 贷后催收风控指引',
    en: 'Internet finance — Personal online consumer credit — Guideline on post-loan collection risk control',
  },
  issuer: '国家市场监督管理总局、国家标准化管理委员会',
  docNumber: 'GB/T 45251-2025',
  tier: 'national_standard',
  effectiveFrom: '2025-02-28',
  effectiveTo: null,
  source: 'http://m.bycs8.com/nsnceffkkps_20250315.html',
  docNote:
    'Recommended (GB/T), not mandatory. Issued and effective 2025-02-28; responsible body 中国人民银行, maintained by TC180; drafters include ' +
    '中国互联网金融协会 and 中国银行业协会. Number, dates and issuers from the cover page (https://wenku.siduzixun.com/filedownload/601861.htm). ' +
    'Rules quoted from news reports (海南日报 2025-03-16 reprint above; https://m.csai.cn/wenda/1022378.html), two sources agree. Clause numbers UNVERIFIED. ' +
    'Table of contents SECONDARY (2026-12, siduzixun copy): the contact, time and frequency rules most likely sit in 5.3 业务管理, an inference.',
};

const CBA: DocInfo = {
  law: {
    zh: '金融机构个人消费类贷款催收工作指引（试行）',
    en: 'China Banking Association: Guideline on Collection of Personal Consumer Loans by Financial Institutions (Trial)',
  },
  issuer: '中国银行业协会',
  docNumber: null,
  tier: 'industry_guideline',
  effectiveFrom: '2026-01-30',
  effectiveTo: null,
  source: 'https://www.163.com/dy/article/KKID2M680519DFFO.html',
  docNote:
    'Published 2026-01-30 (the reference gives no separate effective date; the publication date is used). 7 chapters, 54 articles. ' +
    'Applies to CBA members (banks, consumer finance companies and others) and the collection agencies they hire. Self-regulation, not law; ' +
    'an industry report says regulators expect banks to follow it. Rules reported consistently by 北京商报, 中国证券报, 21世纪经济报道 and 经济参考报 ' +
    '(also http://fund.caiding5.cn/shichang/36079.html, https://reportify.cn/news/1215027552503074816). Official text and article numbers UNVERIFIED.',
};

const COMPLAINTS: DocInfo = {
  law: { zh: '银行业保险业消费投诉处理管理办法', en: 'Measures on Handling Consumer Complaints in Banking and Insurance' },
  issuer: '中国银行保险监督管理委员会',
  docNumber: null,
  tier: 'regulation',
  effectiveFrom: '2020-03-01',
  effectiveTo: null,
  source: 'http://nakedoat.com/xinwen/2020-01/17/content_5470220.htm',
  docNote: 'Released 2020-01-17, effective 2020-03-01; 45 articles. 令号 UNVERIFIED (the reference recalls 令2020年第3号).',
};

const LENDER_CHANNEL_POINTER =
  'The reference cites this article number only as the basis of the complaint channel a lender must publish (complaint-channel table), ' +
  'without its text. Check the text before quoting it.';

export const CITATIONS_A: readonly Citation[] = [
  // ── A1 消费金融公司管理办法 ──────────────────────────────────────────────
  cite(CFC, {
    id: 'cfc-2024.art56',
    ref: 'A1',
    article: '第五十六条',
    zh: `消费金融公司应当建立逾期贷款催收管理制度，依法依规督促借款人清偿债务。不得采用暴力、威胁、恐吓、骚扰等不正当手段进行催收，不得对与债务无关的第三人进行催收。`,
    en: 'Must have a collection policy. No violence, threats, intimidation or harassment. No collection from third parties unrelated to the debt.',
    verified: 'verified_primary',
  }),
  cite(CFC, {
    id: 'cfc-2024.art57',
    ref: 'A1',
    article: '第五十七条',
    zh: `消费金融公司应当落实催收管理主体责任，加强对合作催收机构的管理……消费金融公司应当通过适当方式告知借款人合作催收机构的相关信息。`,
    en: 'The company stays responsible for outsourced collectors and must tell the borrower who the collection agency is.',
    verified: 'verified_primary',
  }),
  cite(CFC, {
    id: 'cfc-2024.art58',
    ref: 'A1',
    article: '第五十八条',
    zh: `消费金融公司应当建立催收管理系统，对催收过程进行管理和记录，并确保记录真实、客观、完整、可追溯，相关数据资料应至少保存5年。`,
    en: 'Collection must be logged in a system, and the records kept at least 5 years. This supports evidence requests.',
    verified: 'verified_primary',
  }),
  cite(CFC, {
    id: 'cfc-2024.art53',
    ref: 'A1',
    article: '第五十三条',
    zh: `除因借款人违反合同约定情形之外，消费金融公司不得向借款人收取贷款利息之外的费用`,
    en: 'No fees other than interest unless the borrower breaches the contract.',
    verified: 'verified_primary',
  }),
  cite(CFC, {
    id: 'cfc-2024.art55',
    ref: 'A1',
    article: '第五十五条',
    zh: `未经消费者同意，不得收集、存储、使用、加工、传输、提供、公开、删除个人信息，法律法规另有规定的除外`,
    en: 'No collection, use or sharing of personal information without consent, unless laws or regulations provide otherwise.',
    verified: 'verified_primary',
  }),
  cite(CFC, {
    id: 'cfc-2024.art18',
    ref: 'A1',
    article: '第十八条',
    kind: 'summary',
    zh: `（概述）对单一借款人的授信额度不超过人民币20万元。`,
    en: '(Summary) Credit limit per borrower: at most RMB 200,000.',
    verified: 'verified_primary',
    note: 'The reference gives this article only in English ("credit limit per borrower ≤ RMB 200,000").',
  }),
  cite(CFC, {
    id: 'cfc-2024.art31',
    ref: 'A1 / channel table',
    article: '第三十一条',
    kind: 'summary',
    zh: `（概述）贷款机构应公布投诉渠道（参考资料仅引用条号，未给出条文）。`,
    en: '(Summary) The lender must publish a complaint channel (the reference gives the article number only, without text).',
    verified: 'unverified',
    note: LENDER_CHANNEL_POINTER,
  }),

  // ── A2 商业银行信用卡业务监督管理办法 ─────────────────────────────────────
  cite(CREDIT_CARD, {
    id: 'credit-card-2011.art68',
    ref: 'A2',
    article: '第六十八条',
    zh: `发卡银行应当对债务人本人及其担保人进行催收，不得对与债务无关的第三人进行催收，不得采用暴力、胁迫、恐吓或辱骂等不当催收行为。对催收过程应当进行录音，录音资料至少保存２年备查。`,
    en: 'Collect only from the debtor and guarantor, never from unrelated third parties. No violence, coercion, intimidation or insults. Calls must be recorded and the recordings kept at least 2 years.',
    verified: 'verified_primary',
    note: 'Several secondary sites quote this article consistently (e.g. http://wwpfw.com/xinyongqiataoxian/96746.html).',
  }),
  cite(CREDIT_CARD, {
    id: 'credit-card-2011.art66',
    ref: 'A2',
    article: '第六十六条',
    zh: `发卡银行不得对催收人员采用单一以欠款回收金额提成的考核方式。`,
    en: 'Collectors may not be paid purely on amounts recovered.',
    verified: 'verified_primary',
  }),
  cite(CREDIT_CARD, {
    id: 'credit-card-2011.art69',
    ref: 'A2',
    article: '第六十九条',
    zh: `发卡银行收到持卡人对信用卡催收提出的异议，应当及时对相关信用卡账户进行备注，并开展核实处理工作。`,
    en: "Disputes about collection must be annotated on the account and investigated. (The same article requires the collection letter to disclose the name and balance, the reason and legal basis, the cardholder's rights, and how to object.)",
    verified: 'verified_primary',
    note: 'The letter-content requirements are given only in English in the reference; the excerpt is the dispute sentence.',
  }),
  cite(CREDIT_CARD, {
    id: 'credit-card-2011.art70',
    ref: 'A2',
    article: '第七十条',
    zh: `个性化分期还款协议的最长期限不得超过５年……双方达成一致意见并签署分期还款协议的，发卡银行及其发卡业务服务机构应当停止对该持卡人的催收，持卡人不履行分期还款协议的情况除外。`,
    en: 'If the debt exceeds the ability to pay and the cardholder is willing to pay, the bank may agree a personalised instalment plan of up to 5 years. Once a plan is signed, collection must stop unless the plan is breached.',
    verified: 'verified_primary',
  }),
  cite(CREDIT_CARD, {
    id: 'credit-card-2011.art3',
    ref: 'A2',
    article: '第三条',
    zh: `未经客户授权，不得将相关信息用于本行信用卡业务以外的其他用途。`,
    en: 'No use of customer information outside the card business without authorisation.',
    verified: 'verified_primary',
  }),
  cite(CREDIT_CARD, {
    id: 'credit-card-2011.art62',
    ref: 'A2 / channel table',
    article: '第六十二条',
    kind: 'summary',
    zh: `（概述）贷款机构应公布投诉渠道（参考资料仅引用条号，未给出条文）。`,
    en: '(Summary) The card issuer must publish a complaint channel (the reference gives the article number only, without text).',
    verified: 'unverified',
    note: LENDER_CHANNEL_POINTER,
  }),

  // ── A3 商业银行互联网贷款管理暂行办法 ─────────────────────────────────────
  cite(INTERNET_LOAN, {
    id: 'internet-loan-2020.art56',
    ref: 'A3',
    article: '第五十六条',
    zh: `商业银行不得委托有暴力催收等违法违规记录的第三方机构进行贷款清收。商业银行应明确与第三方机构的权责，要求其不得对与贷款无关的第三人进行清收。商业银行发现合作机构存在暴力催收等违法违规行为的，应当立即终止合作，并将违法违规线索及时移交相关部门。`,
    en: 'Banks may not use collectors with records of violent collection. Collectors may not pursue third parties unrelated to the loan. The bank must end the partnership and refer the evidence to the authorities when it discovers violations.',
    verified: 'verified_primary',
  }),
  cite(INTERNET_LOAN, {
    id: 'internet-loan-2020.art67',
    ref: 'A3',
    article: '第六十七条',
    zh: `除第六条个人贷款期限要求外，消费金融公司、汽车金融公司开展互联网贷款业务参照本办法执行。`,
    en: 'Consumer finance and auto finance companies follow these rules for online lending (except the loan-term rule of Art. 6).',
    verified: 'verified_primary',
  }),
  cite(INTERNET_LOAN, {
    id: 'internet-loan-2020.art34',
    ref: 'A3',
    article: '第三十四条',
    zh: `商业银行收集、使用借款人风险数据应当遵循合法、必要、有效的原则……不得向第三方提供借款人风险数据，法律法规另有规定的除外。`,
    en: 'Borrower data: lawful, necessary and effective use only; no sharing with third parties.',
    verified: 'verified_primary',
  }),
  cite(INTERNET_LOAN, {
    id: 'internet-loan-2020.art17',
    ref: 'A3',
    article: '第十七条',
    zh: `……贷款主体、贷款条件、实际年利率、年化综合资金成本、还本付息安排、逾期清收、咨询投诉渠道和违约责任……`,
    en: 'The bank must prominently disclose the lender, conditions, real annual rate, annualised all-in cost, repayment, overdue collection, complaint channel and default liability.',
    verified: 'verified_primary',
  }),
  cite(INTERNET_LOAN, {
    id: 'internet-loan-2020.art10',
    ref: 'A3 / channel table',
    article: '第十条',
    kind: 'summary',
    zh: `（概述）贷款机构应公布投诉渠道（参考资料仅引用条号，未给出条文）。`,
    en: '(Summary) The bank must publish a complaint channel (the reference gives the article number only, without text).',
    verified: 'unverified',
    note: LENDER_CHANNEL_POINTER,
  }),

  // ── A4 银行保险机构消费者权益保护管理办法 ─────────────────────────────────
  {
    id: 'consumer-protection-2022.art41',
    ref: 'A4',
    law: { zh: '银行保险机构消费者权益保护管理办法', en: 'Measures on Consumer Protection by Banking and Insurance Institutions' },
    issuer: '中国银行保险监督管理委员会',
    docNumber: '银保监会令2022年第9号',
    article: '第四十一条',
    excerptKind: 'summary',
    excerpt: {
      zh: `（概述，据可靠性低的学习资料，未核实）第四十一条涉及债务催收：“依法依规督促债务人清偿债务”，管理委外催收，委外催收前告知债务人。`,
      en: '(Summary, from a low-reliability study guide; unverified) Art. 41 covers debt collection: urge debtors to repay lawfully, manage outsourced collection, and tell the debtor before outsourcing.',
    },
    tier: 'regulation',
    verified: 'unverified',
    effectiveFrom: '2023-03-01',
    effectiveTo: null,
    source: 'https://www.233.com/ccbp/zhishiku/385/202512/31170745433109.html',
    note:
      'Do not ship a quote of Art. 41 until it is checked (official page to check: nfra.gov.cn docId=1087524). Article text not read; the number comes from ' +
      'a study-guide page with invented-looking statistics. 令号 and effective date VERIFIED (secondary, a GitHub document index). From memory only ' +
      '(UNVERIFIED), the reference says the text forbids impersonating administrative or judicial authorities, violence, intimidation or fraud, and other ' +
      'unlawful means or means contrary to public order and good morals.',
  },

  // ── A5 2022 credit-card notice ─────────────────────────────────────────
  {
    id: 'credit-card-notice-2022',
    ref: 'A5',
    law: { zh: '关于进一步促进信用卡业务规范健康发展的通知', en: 'Notice on Further Promoting the Standardised and Healthy Development of Credit Card Business' },
    issuer: '中国银行保险监督管理委员会、中国人民银行（据回忆，未核实）',
    docNumber: null,
    article: null,
    excerptKind: 'summary',
    excerpt: {
      zh: `（概述，据回忆，未核实）2022年信用卡通知，包含催收和委外催收方面的要求。仅找到2021年12月的征求意见稿，未找到正式文本的催收条款。`,
      en: '(Summary, from memory; unverified) The 2022 credit-card notice includes requirements on collection and outsourced collection. Only the December 2021 draft was found, not the final collection clause.',
    },
    tier: 'normative_document',
    verified: 'unverified',
    effectiveFrom: null,
    effectiveTo: null,
    source: 'https://m.51credit.com/mp/info/xinyongka/20025.html',
    note: '文号 recalled as 银保监规〔2022〕13号 and date July 2022, both UNVERIFIED. The source is the 2021 draft, not the final text. Do not cite.',
  },

  // ── A6 2025 助贷 notice ────────────────────────────────────────────────
  cite(ZHUDAI, {
    id: 'zhudai-2025.item1',
    ref: 'A6',
    article: '第一项',
    zh: `一、互联网助贷属于互联网贷款，应当严格遵守《商业银行互联网贷款管理暂行办法》等监管规章制度。`,
    en: 'Internet loan facilitation (助贷) is internet lending and must strictly follow the Interim Measures for Internet Loans of Commercial Banks and other regulatory rules.',
    verified: 'verified_secondary',
  }),
  cite(ZHUDAI, {
    id: 'zhudai-2025.item4',
    ref: 'A6',
    article: '第四项',
    kind: 'summary',
    zh: `（概述）第四项规定对平台运营机构和增信服务机构的准入和尽职调查。`,
    en: '(Summary) Item 4 covers admission and due diligence for platform operators and credit-enhancement providers.',
    verified: 'verified_secondary',
  }),
  cite(ZHUDAI, {
    id: 'zhudai-2025.item6',
    ref: 'A6',
    article: '第六项',
    kind: 'summary',
    zh: `（概述，据每日经济新闻转述）银行应在合作协议中明确平台服务和增信服务的收费标准，“将增信服务费计入借款人综合融资成本，明确综合融资成本区间”；“平台运营机构不得以任何形式向借款人收取息费，增信服务机构不得以咨询费、顾问费等形式变相提高增信服务费率”。`,
    en: "(Summary, as paraphrased by 每日经济新闻) The bank must put platform and credit-enhancement fee standards in the partnership agreement; credit-enhancement fees count toward the borrower's all-in cost; platforms may not charge borrowers any interest or fees; credit enhancers may not raise fees under other names such as consulting or advisory fees.",
    verified: 'unverified',
    source: 'https://m.pwbk.net/news/qobgnreW82.html',
    note:
      'Only a close paraphrase in a news report, not the official text. The draft\'s 30% revenue-share cap was removed from the final text. A law firm ' +
      '(http://www.zjblf.com/?p=44128) reads this item with 法发〔2017〕22号 as a 24% all-in cost cap; the 24% figure is an interpretation and is not in the text the reference saw. ' +
      'Reported, unwritten window guidance (SECONDARY, 2026-12): 20% for new consumer-finance loans (2025-10) and 12% / 24% bands (2025-12); no document, ' +
      'so nothing here says "24% is illegal".',
  }),
  cite(ZHUDAI, {
    id: 'zhudai-2025.collection',
    ref: 'A6',
    article: null,
    kind: 'summary',
    zh: `（概述，据摘要，条目序号未核实）要求“加强贷后催收管理，及时纠正违规催收行为”。`,
    en: '(Summary, from a summary; item number unverified) Banks must strengthen post-loan collection management and promptly correct non-compliant collection.',
    verified: 'unverified',
    source: 'https://www.ffgchina.com/gongsixinwen/707.html',
    note: 'The collection item and its number are UNVERIFIED.',
  }),

  // ── A7 GB/T 45251-2025 ─────────────────────────────────────────────────
  cite(GBT, {
    id: 'gbt-45251-2025',
    ref: 'A7',
    article: null,
    kind: 'summary',
    zh: `（概述，条款号未核实）“金融机构和第三方催收机构应只向债务人催收，不应向联系人催收”；“双方未约定时，催收作业不应在每日22:00至次日8:00进行”；语音催收（含AI语音）“与单一债务人主动有效通话每日不应超过3次”。`,
    en: '(Summary; clause numbers unverified) Collect only from the debtor, not from contacts; no collection 22:00–08:00 unless agreed; at most 3 effective voice calls (including AI voice) with a single debtor per day. Third-party collectors must be evaluated at least once a year.',
    verified: 'verified_secondary',
  }),
  cite(GBT, {
    id: 'gbt-45251-2025.contacts',
    ref: 'A7',
    article: null,
    zh: `金融机构和第三方催收机构应只向债务人催收，不应向联系人催收`,
    en: 'Collect only from the debtor, not from contacts. Contacts may be reached only when the debtor cannot be reached, or is dead or lacks capacity; collectors must stop if a contact refuses, and must not disclose the debt.',
    verified: 'verified_secondary',
  }),
  cite(GBT, {
    id: 'gbt-45251-2025.night',
    ref: 'A7',
    article: null,
    zh: `双方未约定时，催收作业不应在每日22:00至次日8:00进行`,
    en: 'No collection between 22:00 and 08:00 unless the parties have agreed otherwise.',
    verified: 'verified_secondary',
  }),
  cite(GBT, {
    id: 'gbt-45251-2025.calls',
    ref: 'A7',
    article: null,
    zh: `与单一债务人主动有效通话每日不应超过3次`,
    en: 'Voice collection (including AI voice): at most 3 effective calls with a single debtor per day.',
    verified: 'verified_secondary',
  }),

  // ── A8 NIFA 2024 guideline ─────────────────────────────────────────────
  {
    id: 'nifa-2024-guideline',
    ref: 'A8',
    law: { zh: '互联网金融贷后催收业务指引', en: 'NIFA: Guideline on Post-Loan Collection in Internet Finance' },
    issuer: '中国互联网金融协会',
    docNumber: null,
    article: null,
    excerptKind: 'summary',
    excerpt: {
      zh: `（概述，内容未核实）2024年4月17日经协会第二届理事会第二次会议审议通过，2024年5月15日发布；以国家标准（GB/T 45251）草案为基础的过渡性文本，适用于银行、消费金融公司、小额贷款公司、汽车金融公司和不良债权受让方；据报道，22:00以后不应催收。`,
      en: '(Summary; content unverified) Approved 2024-04-17, published 2024-05-15; an interim text based on the draft national standard (GB/T 45251), covering banks, consumer finance, microloan and auto finance companies, and debt buyers. Per reports, no collection after 22:00.',
    },
    tier: 'industry_guideline',
    verified: 'unverified',
    effectiveFrom: '2024-05-15',
    effectiveTo: null,
    source: 'https://www.laitimes.com/en/article/6s51b_78hbs.html',
    note:
      'Existence and date VERIFIED (secondary; also https://yaliqi.com/new/5e7c07eaa209453ca429dc3fe9deb4d0); content UNVERIFIED. effectiveFrom is the publication date. ' +
      'It was to be replaced once GB/T 45251-2025 is in force; the reference does not say whether it was withdrawn. ' +
      'The title 《互联网金融个人网络消费信贷贷后催收风控指引》 is the 2025 national standard, not a 2018 NIFA document.',
  },

  // ── A9 CBA 2026 guideline ──────────────────────────────────────────────
  cite(CBA, {
    id: 'cba-2026-guideline',
    ref: 'A9',
    article: null,
    kind: 'summary',
    zh: `（概述，条款号未核实）未经债务人同意，每日22:00至次日8:00不得催收；债务人电话未接通时，同一联系方式当天尝试拨打不宜超过6次；“原则上严禁对无关第三人进行催收”；列明冒用行政机关、司法机关名义，恐吓、辱骂、威胁，虚构黑名单或夸大法律后果，在公众场所张贴催收公告等禁止行为。`,
    en: '(Summary; article numbers unverified) No collection 22:00–08:00 without consent; at most 6 attempts a day on the same unanswered number; in principle no collection from unrelated third parties; 8 prohibited behaviours, including impersonating authorities, threats and insults, fictitious blacklists or exaggerated legal consequences, and public notices.',
    verified: 'verified_secondary',
  }),
  cite(CBA, {
    id: 'cba-2026-guideline.night',
    ref: 'A9',
    article: null,
    zh: `未经债务人同意，严禁在每日晚22:00至次日早8:00进行电话催收、外访催收及其他催收。`,
    en: 'No collection of any kind (calls, visits or other) between 22:00 and 08:00 without the debtor’s consent.',
    verified: 'verified_secondary',
  }),
  cite(CBA, {
    id: 'cba-2026-guideline.attempts',
    ref: 'A9',
    article: null,
    zh: `债务人电话未接通的，催收人员对债务人同一联系方式尝试拨打次数当天不宜超过6次；与债务人另有约定除外。`,
    en: 'When the debtor does not answer, at most 6 attempts a day on the same number, unless agreed otherwise with the debtor.',
    verified: 'verified_secondary',
  }),
  cite(CBA, {
    id: 'cba-2026-guideline.third-party',
    ref: 'A9',
    article: null,
    zh: `原则上严禁对无关第三人进行催收……严禁透露具体债务信息……如无关第三人明确要求不得联系，则须停止后续联系行为`,
    en: 'In principle no collection from unrelated third parties. Only when the debtor cannot be reached may an unrelated third party be contacted, and only to get contact details or pass on a message; never disclose the debt; stop if the third party asks not to be contacted. A spouse may count as a debt-related third party if the debt was used for joint family expenses.',
    verified: 'verified_secondary',
  }),
  cite(CBA, {
    id: 'cba-2026-guideline.impersonation',
    ref: 'A9',
    article: null,
    zh: `冒用行政机关、司法机关等名义追查债务人信息、寄送催收信函、开展催收行为`,
    en: 'Prohibited: using the name of administrative or judicial authorities to trace the debtor, send collection letters or collect.',
    verified: 'verified_secondary',
  }),
  cite(CBA, {
    id: 'cba-2026-guideline.improper-means',
    ref: 'A9',
    article: null,
    zh: `通过散布他人隐私、非法获取个人信息，采用恐吓、辱骂、欺诈、威胁、暴力、涉黑等不当手段开展催收`,
    en: "Prohibited: collecting by spreading others' private information, unlawfully obtaining personal information, or by intimidation, insults, fraud, threats, violence or gang-like means.",
    verified: 'verified_secondary',
  }),
  cite(CBA, {
    id: 'cba-2026-guideline.false-consequences',
    ref: 'A9',
    article: null,
    zh: `以列入虚构的黑名单、虚构的不良信用数据库为由开展催收，以虚假承诺、夸大债务数额、性质、法律后果为由开展催收`,
    en: 'Prohibited: collecting by citing fictitious blacklists or bad-credit databases, or by false promises or exaggerating the amount, nature or legal consequences of the debt.',
    verified: 'verified_secondary',
  }),
  cite(CBA, {
    id: 'cba-2026-guideline.extra-fees',
    ref: 'A9',
    article: null,
    zh: `以催收名义收取额外费用，诱导或逼迫债务人通过新增借贷或非法渠道筹集资金偿还债务`,
    en: 'Prohibited: charging extra fees in the name of collection; inducing or forcing the debtor to borrow more or use illegal channels to repay.',
    verified: 'verified_secondary',
  }),
  cite(CBA, {
    id: 'cba-2026-guideline.public-notices',
    ref: 'A9',
    article: null,
    zh: `在公众场所张贴催收公告、律师函等文书`,
    en: "Prohibited: posting collection notices, lawyers' letters or similar documents in public places.",
    verified: 'verified_secondary',
  }),
  cite(CBA, {
    id: 'cba-2026-guideline.visits',
    ref: 'A9',
    article: null,
    zh: `外访催收应安排不少于两名催收人员共同实施`,
    en: 'Home visits need at least two collectors.',
    verified: 'verified_secondary',
    note: 'One source calls this 第二十二条; the number is UNVERIFIED.',
  }),
  cite(CBA, {
    id: 'cba-2026-guideline.home-entry',
    ref: 'A9',
    article: null,
    kind: 'summary',
    zh: `（概述）禁止未经同意进入债务人住所或工作场所。`,
    en: '(Summary) Prohibited: entering homes or workplaces without consent.',
    verified: 'verified_secondary',
    note: 'Given only in English in the reference.',
  }),
  cite(CBA, {
    id: 'cba-2026-guideline.private-phones',
    ref: 'A9',
    article: null,
    kind: 'summary',
    zh: `（概述）禁止外部催收人员未经会员机构同意使用私人电话或社交软件催收。`,
    en: "(Summary) Prohibited: outside collectors using private phones or social apps without the member institution's consent.",
    verified: 'verified_secondary',
    note: 'Given only in English in the reference.',
  }),
  cite(CBA, {
    id: 'cba-2026-guideline.unreachable',
    ref: 'A9',
    article: null,
    kind: 'summary',
    zh: `（概述，仅见于摘要，未核实）“失联”的触发条件：电话号码无效，或连续三次未接通（次日），或连续三天未能联系。`,
    en: '(Summary, from a summary only; unverified) Reported triggers for "unreachable": the number is invalid, or three consecutive failed calls (next day), or three consecutive days without contact.',
    verified: 'unverified',
    note: 'These triggers come from a summary only and need the original text before use.',
  }),
  cite(CBA, {
    id: 'cba-2026-guideline.contact-sources',
    ref: 'A9',
    article: null,
    kind: 'summary',
    zh: `（概述）债务人联系方式的六种合法来源：合同、债务人提供的信息、债务人的授权、合法公开的渠道、债务人指定的联系人、经授权的征信数据。抓取手机通讯录不在其中。`,
    en: "(Summary) Six lawful sources for the debtor's contact details: the contract, information the debtor provided, the debtor's authorisation, lawful public sources, contacts the debtor named, and credit-bureau data with authorisation. Scraping the phone's contact book is not one of them.",
    verified: 'verified_secondary',
    note: 'Given only in English in the reference.',
  }),

  // ── A10 NIFA 2018 convention ───────────────────────────────────────────
  {
    id: 'nifa-2018-convention',
    ref: 'A10',
    law: { zh: '互联网金融逾期债务催收自律公约（试行）', en: 'NIFA: Self-Regulatory Convention on Collection of Overdue Internet-Finance Debts (Trial)' },
    issuer: '中国互联网金融协会（据回忆，未核实）',
    docNumber: null,
    article: null,
    excerptKind: 'summary',
    excerpt: {
      zh: `（概述，据回忆，未核实）2018年的行业自律公约，文本未取得。网上把“8:00–21:00”等具体限制归于该公约，这些说法不可靠。`,
      en: '(Summary, from memory; unverified) A 2018 self-regulatory convention whose text was not retrieved. Limits that websites attribute to it ("8:00–21:00", "3 calls a day") look unreliable.',
    },
    tier: 'industry_guideline',
    verified: 'unverified',
    effectiveFrom: null,
    effectiveTo: null,
    source: 'cn-law.md A10 (no source read)',
    note: 'The reference says: do not cite. Whether it is still in force is unknown.',
  },

  // ── A11 小额贷款公司监督管理暂行办法 ───────────────────────────────────────
  {
    id: 'microloan-interim-measures',
    ref: 'A11',
    law: { zh: '小额贷款公司监督管理暂行办法', en: 'Interim Measures for the Supervision and Administration of Microloan Companies' },
    issuer: '国家金融监督管理总局',
    docNumber: '金规〔2024〕26号',
    article: null,
    excerptKind: 'summary',
    excerpt: {
      zh: `（概述，内容未核实）发布机关为国家金融监督管理总局，文号金规〔2024〕26号，征求意见稿2024-08-23发布（二手来源）；正式文本的日期、施行日期和内容均未读到。`,
      en: '(Summary; content unverified) Issued by the NFRA as 金规〔2024〕26号; draft for comment published 2024-08-23 (secondary sources). The date of the final text, its effective date and its content were not read.',
    },
    tier: 'regulation',
    verified: 'unverified',
    effectiveFrom: null,
    effectiveTo: null,
    source: 'https://www.itiger.com/news/1115950115',
    note:
      'Issuer (NFRA), number 金规〔2024〕26号 and the draft date 2024-08-23 are SECONDARY (2026-12; a 2026-01-23 Deep News report and ' +
      'https://information.bz/sanskrit/news/view/2024/08/23/26548.html). Local implementing rules reported in 上海 (2025-12) and 江西 (2026-01-06). ' +
      'Content, including any collection or rate rules, UNVERIFIED: do not cite. Microloan companies are supervised locally (see the local_regulator channel).',
  },

  // ── A12 2026 all-in cost disclosure rule ───────────────────────────────
  {
    id: 'cost-disclosure-2026',
    ref: 'A12',
    law: { zh: '个人贷款业务明示综合融资成本规定', en: 'Provisions on Disclosure of the All-in Financing Cost of Personal Loans' },
    issuer: '国家金融监督管理总局、中国人民银行',
    docNumber: '金规〔2026〕2号',
    article: null,
    excerpt: {
      zh: `除已明示的成本项目外，贷款人及其合作机构不再向借款人收取其他与贷款相关的任何息费`,
      en: 'Apart from the cost items disclosed, neither the lender nor its partners will charge the borrower any other loan-related interest or fee.',
    },
    tier: 'normative_document',
    verified: 'verified_secondary',
    effectiveFrom: '2026-08-01',
    effectiveTo: null,
    source: 'https://m.gmw.cn/2026-03/17/content_1304379580.htm',
    note:
      'Announced 2026-03-15, effective 2026-08-01, new loans only (新老划断): apply by the loan contract date, not the event date. 11 articles. ' +
      'Three outlets agree (新华社, 中新社, 中国网财经). Covers banks, consumer finance, auto finance, trust, group finance and microloan companies. ' +
      '文号 金规〔2026〕2号 and the date 2026-03-03: SECONDARY (2026-12, two more sources, one citing the gov.cn 公报 page ' +
      'https://www.gov.cn/gongbao/2026/issue_12806/202606/content_7072468.html; not opened). Article numbers UNVERIFIED; the tier (normative document) ' +
      'is assumed, the reference does not state it.',
  },
  {
    id: 'cost-disclosure-2026.table',
    ref: 'A12',
    law: { zh: '个人贷款业务明示综合融资成本规定', en: 'Provisions on Disclosure of the All-in Financing Cost of Personal Loans' },
    issuer: '国家金融监督管理总局、中国人民银行',
    docNumber: null,
    article: null,
    excerpt: {
      zh: `各息费项目及其收取方式、收取标准（折算为年化水平）以及收取主体`,
      en: 'The 综合融资成本明示表 (all-in cost disclosure statement) lists principal, each fee item with how it is charged, how much (annualised) and who charges it, the annualised all-in cost for normal performance, and contingent costs on default. It must be signed before the contract in person, or shown online as a pop-up with a forced reading time.',
    },
    tier: 'normative_document',
    verified: 'verified_secondary',
    effectiveFrom: '2026-08-01',
    effectiveTo: null,
    source: 'https://m.gmw.cn/2026-03/17/content_1304379580.htm',
    note: 'New loans from 2026-08-01 only. Article number UNVERIFIED. For such loans, any fee a collector demands that is not on the statement is a red flag.',
  },

  // ── A13 银行业保险业消费投诉处理管理办法 ───────────────────────────────────
  cite(COMPLAINTS, {
    id: 'complaints-2020.time-limits',
    ref: 'A13',
    article: null,
    zh: `银行保险机构应当在15日内办理完毕并告知投诉人，情况复杂的可延长至30日；情况特别复杂或者有其他特殊原因的，经过必要审批程序后，办理期限再延长30日`,
    en: 'Banks and insurers must handle a complaint within 15 days and inform the complainant; up to 30 days if complex; a further 30 days with approval if especially complex.',
    verified: 'verified_secondary',
    note:
      'Article number UNVERIFIED. Another phrase reproduced word for word elsewhere: "应当自收到消费投诉之日起15日内作出处理决定" (https://linqubank.com/v/624).',
  }),
  cite(COMPLAINTS, {
    id: 'complaints-2020.no-known-materials',
    ref: 'A13',
    article: null,
    zh: `不得要求投诉人提供机构已经掌握或者通过查询内部信息档案可以获得的材料`,
    en: 'The institution may not ask the complainant for material it already holds or can find in its own records.',
    verified: 'verified_secondary',
    note: 'Article number UNVERIFIED.',
  }),
  cite(COMPLAINTS, {
    id: 'complaints-2020.art11-art16',
    ref: 'A13',
    article: '第十一条至第十六条',
    kind: 'summary',
    zh: `（概述）投诉材料：投诉人的身份和联系方式、被投诉机构、投诉请求、事实和依据。`,
    en: "(Summary) Complaint materials: the complainant's identity and contact details, the institution complained about, the request, and the facts and basis.",
    verified: 'verified_secondary',
    source: 'http://www.jianbiaoku.com/webarbs/book/164455/4714059.shtml',
  }),
];
