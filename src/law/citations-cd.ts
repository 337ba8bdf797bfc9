/**
 * Parts C and D of the citation registry: personal information and privacy (cn-law.md §C1–C5), interest caps and cost
 * disclosure (§D1–D5), and the complaint-handling rules named in the complaint-channel table.
 * Every excerpt is copied from docs/law/cn-law.md; law.test.ts checks that each quoted fragment occurs there.
 */
import type { Citation } from '../domain/law.js';
import { type DocInfo, cite } from './doc.js';

const LAWREFBOOK = 'https://github.com/LawRefBook/Laws/blob/2f4c5c23716267af9dbebbbbd6cbbf732b101981';

const PIPL: DocInfo = {
  law: { zh: '个人信息保护法', en: 'Personal Information Protection Law' },
  issuer: '全国人民代表大会常务委员会',
  docNumber: null,
  tier: 'statute',
  effectiveFrom: '2021-11-01',
  effectiveTo: null,
  source: `${LAWREFBOOK}/行政法/个人信息保护法(2021-08-20).md`,
  docNote:
    'Adopted 2021-08-20 (30th session of the 13th NPCSC), effective 2021-11-01 (第七十四条). No amendment found. Official: flk.npc.gov.cn; cac.gov.cn reprints it.',
};

const CIVIL_CODE: DocInfo = {
  law: { zh: '民法典', en: 'Civil Code' },
  issuer: '全国人民代表大会',
  docNumber: null,
  tier: 'statute',
  effectiveFrom: '2021-01-01',
  effectiveTo: null,
  source: `${LAWREFBOOK}/民法典/人格权编.md`,
  docNote: 'Adopted 2020-05-28 (3rd session of the 13th NPC), effective 2021-01-01.',
};
const CIVIL_CODE_CONTRACTS = `${LAWREFBOOK}/民法典/合同编.md`;
/** The reference names this file as "…/侵权责任编.md" in the same mirror folder as 人格权编.md. */
const CIVIL_CODE_TORTS = `${LAWREFBOOK}/民法典/侵权责任编.md`;

const NETWORK_DATA: DocInfo = {
  law: { zh: '网络数据安全管理条例', en: 'Network Data Security Management Regulation' },
  issuer: '国务院',
  docNumber: '国务院令第790号',
  tier: 'administrative_regulation',
  effectiveFrom: '2025-01-01',
  effectiveTo: null,
  source: `${LAWREFBOOK}/行政法规/网络数据安全管理条例(2024-09-24).md`,
  docNote:
    'Adopted 2024-08-30, signed 2024-09-24, published 2024-09-30, effective 2025-01-01 (第六十四条). Text VERIFIED (primary mirror); number and dates ' +
    'VERIFIED (secondary; GitHub datasets cite https://www.gov.cn/zhengce/zhengceku/202409/content_6977767.htm).',
};

const APP_NECESSARY_PI: DocInfo = {
  law: {
    zh: '常见类型移动互联网应用程序必要个人信息范围规定',
    en: 'Provisions on the Scope of Necessary Personal Information for Common Types of Mobile Internet Applications',
  },
  issuer: '国家互联网信息办公室秘书局、工业和信息化部办公厅、公安部办公厅、国家市场监督管理总局办公厅',
  docNumber: null,
  tier: 'normative_document',
  effectiveFrom: '2021-05-01',
  effectiveTo: null,
  source: 'http://m.gsky-link.com.cn/help/451.htm',
  docNote:
    'Notice dated 2021-03-12, effective 2021-05-01; covers 39 app types. Existence, issuers, dates and core rule VERIFIED (secondary). ' +
    '文号 国信办秘字〔2021〕14号: SECONDARY (2026-12, law.hjk.im). 第二条 and 第三条: SECONDARY (2026-12).',
};

const PRIVATE_LENDING: DocInfo = {
  law: {
    zh: '最高人民法院关于审理民间借贷案件适用法律若干问题的规定',
    en: 'Provisions of the SPC on Several Issues concerning the Application of Law in the Trial of Private Lending Cases',
  },
  issuer: '最高人民法院',
  docNumber: null,
  tier: 'judicial_interpretation',
  effectiveFrom: '2020-08-20',
  effectiveTo: null,
  source: `${LAWREFBOOK}/司法解释/最高人民法院关于审理民间借贷案件适用法律若干问题的规定(2020-12-29).md`,
  docNote:
    'Adopted 2015-06-23; revised 2020-08-18 (the 4 × LPR standard applies from 2020-08-20, hence effectiveFrom) and 2020-12-23 (for the Civil Code, ' +
    'effective 2021-01-01). Text read: the 2020-12-29 version in the mirror. 文号 (法释〔2020〕6号 / 17号) UNVERIFIED.',
};

const CASH_LOAN: DocInfo = {
  law: { zh: '关于规范整顿“现金贷”业务的通知', en: "Notice on Regulating and Rectifying 'Cash Loan' Business" },
  issuer: '互联网金融风险专项整治、P2P网贷风险专项整治工作领导小组办公室',
  docNumber: null,
  tier: 'normative_document',
  effectiveFrom: '2017-12-01',
  effectiveTo: null,
  source: 'http://dfrtw.com/zhucegongsi/110169.html',
  docNote:
    'SECONDARY (2026-12): issued 2017-12-01 (网贷之家 commentary with the text, http://www.whgs.net/383388.html); items transcribed from a ' +
    'traditional-character reprint that looks lightly paraphrased, so the official wording may differ. The notice names no percentage. ' +
    '文号 (整治办函〔2017〕141号, from memory) UNVERIFIED: it appeared in no source read. Its meaning today is unsettled (4 × LPR since 2020; the 2020 批复 ' +
    'takes licensed 小贷 companies out of the private-lending interpretation).',
};

const SAMR_COMPLAINTS: DocInfo = {
  law: { zh: '市场监督管理投诉举报处理暂行办法', en: 'Interim Measures for Handling Complaints and Reports by Market Regulators' },
  issuer: '国家市场监督管理总局',
  docNumber: '总局令第20号',
  tier: 'regulation',
  effectiveFrom: null,
  effectiveTo: null,
  source: 'cn-law.md complaint-channel table (the reference gives no URL)',
  docNote: 'Amended 2022-03-24. Status in the reference: VERIFIED (primary mirror), but no URL is given; effective date not given.',
};

export const CITATIONS_C: readonly Citation[] = [
  // ── C1 个人信息保护法 ─────────────────────────────────────────────────────
  cite(PIPL, {
    id: 'pipl.art4',
    ref: 'C1',
    article: '第四条',
    zh: `个人信息是以电子或者其他方式记录的与已识别或者可识别的自然人有关的各种信息，不包括匿名化处理后的信息。`,
    en: "Definition of personal information; contacts' names and numbers are personal information.",
    verified: 'verified_primary',
  }),
  cite(PIPL, {
    id: 'pipl.art5',
    ref: 'C1',
    article: '第五条',
    zh: `处理个人信息应当遵循合法、正当、必要和诚信原则，不得通过误导、欺诈、胁迫等方式处理个人信息。`,
    en: 'Processing must be lawful, proper, necessary and in good faith; no misleading, fraud or coercion.',
    verified: 'verified_primary',
  }),
  cite(PIPL, {
    id: 'pipl.art6',
    ref: 'C1',
    article: '第六条',
    zh: `……应当与处理目的直接相关，采取对个人权益影响最小的方式。`,
    en: 'Minimum necessity: processing must be directly related to the purpose and use the least intrusive means. The main argument against contact-book harvesting.',
    verified: 'verified_primary',
  }),
  cite(PIPL, {
    id: 'pipl.art10',
    ref: 'C1',
    article: '第十条',
    zh: `任何组织、个人不得非法收集、使用、加工、传输他人个人信息，不得非法买卖、提供或者公开他人个人信息……`,
    en: "No unlawful collection, use, processing or transmission of others' personal information; no unlawful trading, provision or disclosure.",
    verified: 'verified_primary',
  }),
  cite(PIPL, {
    id: 'pipl.art13',
    ref: 'C1',
    article: '第十三条',
    kind: 'summary',
    zh: `（概述）处理个人信息的合法性基础包括：个人同意；为订立或履行个人作为一方的合同所必需；法定职责或义务；紧急情况；新闻报道；已公开的信息；法律规定的其他情形。`,
    en: '(Summary) Lawful bases: consent; necessary for a contract the person is party to; legal duty; emergency; news reporting; information already public; other cases provided by law.',
    verified: 'verified_primary',
    note:
      'The reference gives this article only in English. The borrower\'s contacts did not consent and are not parties to the loan contract; which basis ' +
      'a lender can claim for processing their data is an open question (open question 4).',
  }),
  cite(PIPL, {
    id: 'pipl.art14',
    ref: 'C1',
    article: '第十四条',
    zh: `……该同意应当由个人在充分知情的前提下自愿、明确作出……`,
    en: 'Consent must be informed, voluntary and explicit.',
    verified: 'verified_primary',
  }),
  cite(PIPL, {
    id: 'pipl.art15',
    ref: 'C1',
    article: '第十五条',
    zh: `基于个人同意处理个人信息的，个人有权撤回其同意。个人信息处理者应当提供便捷的撤回同意的方式。`,
    en: 'Where processing is based on consent, the person may withdraw it (e.g. contact-book access), and the processor must make withdrawal easy. Withdrawal is not retroactive (second paragraph).',
    verified: 'verified_primary',
  }),
  cite(PIPL, {
    id: 'pipl.art16',
    ref: 'C1',
    article: '第十六条',
    zh: `个人信息处理者不得以个人不同意处理其个人信息或者撤回同意为由，拒绝提供产品或者服务；处理个人信息属于提供产品或者服务所必需的除外。`,
    en: 'No "consent or no service" for data that is not necessary to provide the product or service.',
    verified: 'verified_primary',
  }),
  cite(PIPL, {
    id: 'pipl.art17',
    ref: 'C1',
    article: '第十七条',
    kind: 'summary',
    zh: `（概述）处理前应告知：处理者的身份和联系方式、处理目的、处理方式、个人信息种类、保存期限、行使权利的方式。`,
    en: '(Summary) Notice before processing: identity and contact details, purpose, method, categories, retention period, how to exercise rights.',
    verified: 'verified_primary',
    note: 'The reference gives this article only in English.',
  }),
  cite(PIPL, {
    id: 'pipl.art21',
    ref: 'C1',
    article: '第二十一条',
    zh: `受托人应当按照约定处理个人信息，不得超出约定的处理目的、处理方式等……未经个人信息处理者同意，受托人不得转委托他人处理个人信息。`,
    en: 'Entrusted processing (e.g. lender to collector) needs a contract and supervision; the entrusted party must stay within the agreed purpose and method and may not sub-entrust without consent.',
    verified: 'verified_primary',
  }),
  cite(PIPL, {
    id: 'pipl.art23',
    ref: 'C1',
    article: '第二十三条',
    kind: 'summary',
    zh: `（概述）向其他个人信息处理者提供个人信息，应当告知个人接收方和处理目的，并取得个人的单独同意。`,
    en: '(Summary) Giving personal information to another processor requires telling the individual the recipient and purpose, and separate consent.',
    verified: 'verified_primary',
    note: 'The reference gives this article only in English.',
  }),
  cite(PIPL, {
    id: 'pipl.art28-art29',
    ref: 'C1',
    article: '第二十八条、第二十九条',
    kind: 'summary',
    zh: `（概述）敏感个人信息包括“金融账户、行踪轨迹”；处理敏感个人信息需要取得单独同意。`,
    en: '(Summary) Sensitive personal information includes financial accounts and whereabouts; processing it needs separate consent.',
    verified: 'verified_primary',
    note: 'The reference gives the two articles together, without saying which sentence is in which.',
  }),
  cite(PIPL, {
    id: 'pipl.art44',
    ref: 'C1',
    article: '第四十四条',
    zh: `个人对其个人信息的处理享有知情权、决定权，有权限制或者拒绝他人对其个人信息进行处理……`,
    en: 'Right to know and decide; right to restrict or refuse processing.',
    verified: 'verified_primary',
  }),
  cite(PIPL, {
    id: 'pipl.art45',
    ref: 'C1',
    article: '第四十五条',
    zh: `个人有权向个人信息处理者查阅、复制其个人信息……`,
    en: 'Right of access and copy (e.g. ask the lender what was shared with collectors).',
    verified: 'verified_primary',
  }),
  cite(PIPL, {
    id: 'pipl.art47',
    ref: 'C1',
    article: '第四十七条',
    kind: 'summary',
    zh: `（概述）处理目的已实现或不再必要、个人撤回同意、或违法处理的，处理者应主动删除，个人也可请求删除；无法删除的，除存储和采取安全保护措施外，应停止处理。`,
    en: '(Summary) The processor must delete on its own initiative, or at the individual\'s request, when the purpose is achieved or no longer necessary, consent is withdrawn, or processing is unlawful. If deletion is impossible, all processing except storage and security must stop.',
    verified: 'verified_primary',
    note: 'The reference gives this article only in English.',
  }),
  cite(PIPL, {
    id: 'pipl.art50',
    ref: 'C1',
    article: '第五十条',
    zh: `个人信息处理者应当建立便捷的个人行使权利的申请受理和处理机制。拒绝个人行使权利的请求的，应当说明理由。个人信息处理者拒绝个人行使权利的请求的，个人可以依法向人民法院提起诉讼。`,
    en: 'Processors must have a convenient mechanism for rights requests, give reasons for refusals, and a refused individual may sue. PIPL sets no deadline in days (open question 5).',
    verified: 'verified_primary',
  }),
  cite(PIPL, {
    id: 'pipl.art60',
    ref: 'channel table',
    article: '第六十条',
    kind: 'summary',
    zh: `（概述）国家网信部门负责统筹协调个人信息保护工作。`,
    en: '(Summary) The national cyberspace administration (网信办) coordinates personal-information protection.',
    verified: 'unverified',
    note: 'Mentioned only in the complaint-channel table (12377 row), without text; not among the PIPL articles the reference lists as read. Check before citing.',
  }),
  cite(PIPL, {
    id: 'pipl.art65',
    ref: 'C1',
    article: '第六十五条',
    zh: `任何组织、个人有权对违法个人信息处理活动向履行个人信息保护职责的部门进行投诉、举报……`,
    en: 'Anyone may complain about or report unlawful processing to the authorities responsible for personal-information protection (e.g. CAC).',
    verified: 'verified_primary',
  }),
  cite(PIPL, {
    id: 'pipl.art66',
    ref: 'C1',
    article: '第六十六条',
    kind: 'summary',
    zh: `（概述）罚款最高100万元；情节严重的最高5000万元或上一年度营业额5%；应用程序可被责令暂停。`,
    en: "(Summary) Fines up to 1,000,000 yuan; in serious cases up to 50,000,000 yuan or 5% of the prior year's turnover; apps can be suspended.",
    verified: 'verified_primary',
    note: 'The reference gives this article only in English.',
  }),
  cite(PIPL, {
    id: 'pipl.art69',
    ref: 'C1',
    article: '第六十九条',
    zh: `处理个人信息侵害个人信息权益造成损害，个人信息处理者不能证明自己没有过错的，应当承担损害赔偿等侵权责任。`,
    en: 'Presumed fault: a processor that cannot prove it was not at fault is liable for the damage, so the burden of proof shifts to the lender or collector.',
    verified: 'verified_primary',
  }),

  // ── C2 民法典 人格权编 (and 侵权责任编) ─────────────────────────────────────
  cite(CIVIL_CODE, {
    id: 'civil-code.art1032',
    ref: 'C2',
    article: '第一千零三十二条',
    zh: `自然人享有隐私权。任何组织或者个人不得以刺探、侵扰、泄露、公开等方式侵害他人的隐私权。隐私是自然人的私人生活安宁和不愿为他人知晓的私密空间、私密活动、私密信息。`,
    en: 'Right to privacy, which includes the peace of private life.',
    verified: 'verified_primary',
  }),
  cite(CIVIL_CODE, {
    id: 'civil-code.art1033',
    ref: 'C2',
    article: '第一千零三十三条',
    zh: `除法律另有规定或者权利人明确同意外，任何组织或者个人不得实施下列行为：（一）以电话、短信、即时通讯工具、电子邮件、传单等方式侵扰他人的私人生活安宁；……（五）处理他人的私密信息；`,
    en: "Unless the law provides otherwise or the person explicitly agrees, no one may disturb another's peace of private life by phone, SMS, instant messaging, email or leaflets, or process their private information. Harassment by phone, SMS or IM is a privacy tort; this protects contacts as well as the debtor.",
    verified: 'verified_primary',
  }),
  cite(CIVIL_CODE, {
    id: 'civil-code.art1033.item1',
    ref: 'C2',
    article: '第一千零三十三条第（一）项',
    zh: `除法律另有规定或者权利人明确同意外，任何组织或者个人不得实施下列行为：（一）以电话、短信、即时通讯工具、电子邮件、传单等方式侵扰他人的私人生活安宁；`,
    en: "Item 1: unless the law provides otherwise or the person explicitly agrees, no one may disturb another's peace of private life by phone, SMS, instant messaging, email or leaflets. Harassment by phone, SMS or IM is a privacy tort (the debtor's and each contact's own claim).",
    verified: 'verified_primary',
  }),
  cite(CIVIL_CODE, {
    id: 'civil-code.art1034',
    ref: 'C2',
    article: '第一千零三十四条',
    kind: 'summary',
    zh: `（概述）个人信息包括“电话号码”。`,
    en: '(Summary) Personal information includes phone numbers.',
    verified: 'verified_primary',
  }),
  cite(CIVIL_CODE, {
    id: 'civil-code.art1035',
    ref: 'C2',
    article: '第一千零三十五条',
    zh: `处理个人信息的，应当遵循合法、正当、必要原则，不得过度处理……（一）征得该自然人或者其监护人同意……`,
    en: 'Processing must be lawful, proper and necessary, not excessive, and needs the consent of the person or their guardian (among other conditions).',
    verified: 'verified_primary',
  }),
  cite(CIVIL_CODE, {
    id: 'civil-code.art1036',
    ref: 'C2',
    article: '第一千零三十六条',
    kind: 'summary',
    zh: `（概述）在同意范围内处理、处理合法公开的信息、或为维护公共利益或该自然人合法权益合理处理的，不承担责任。`,
    en: "(Summary) No liability when processing is within consent, concerns lawfully public information, or is reasonable for the public interest or the person's own interests. Possible defences.",
    verified: 'verified_primary',
    note: 'The reference gives this article only in English.',
  }),
  cite(CIVIL_CODE, {
    id: 'civil-code.art1037',
    ref: 'C2',
    article: '第一千零三十七条',
    zh: `发现信息处理者违反法律、行政法规的规定或者双方的约定处理其个人信息的，有权请求信息处理者及时删除。`,
    en: 'A person who finds that their information is processed in breach of law, regulation or agreement may ask for prompt deletion. (The article also gives rights of access, copy and correction.)',
    verified: 'verified_primary',
  }),
  cite(CIVIL_CODE, {
    id: 'civil-code.art1038',
    ref: 'C2',
    article: '第一千零三十八条',
    zh: `信息处理者不得泄露或者篡改其收集、存储的个人信息；未经自然人同意，不得向他人非法提供其个人信息……`,
    en: 'Processors may not leak or alter the information they hold, nor unlawfully provide it to others without consent.',
    verified: 'verified_primary',
  }),
  cite(CIVIL_CODE, {
    id: 'civil-code.art1039',
    ref: 'C2',
    article: '第一千零三十九条',
    kind: 'summary',
    zh: `（概述）国家机关应当对个人信息予以保密。`,
    en: '(Summary) State organs must keep personal information confidential.',
    verified: 'verified_primary',
    note: 'The reference gives this article only in English.',
  }),
  cite(CIVIL_CODE, {
    id: 'civil-code.art1024',
    ref: 'C2',
    article: '第一千零二十四条',
    zh: `任何组织或者个人不得以侮辱、诽谤等方式侵害他人的名誉权。`,
    en: "No one may infringe another's reputation by insult or defamation (e.g. telling an employer that someone is a deadbeat).",
    verified: 'verified_primary',
  }),
  cite(CIVIL_CODE, {
    id: 'civil-code.art995',
    ref: 'C2',
    article: '第九百九十五条',
    kind: 'summary',
    zh: `（概述）停止侵害、排除妨碍、恢复名誉、赔礼道歉等请求权，“不适用诉讼时效的规定”。`,
    en: '(Summary) Claims to stop an infringement, remove obstacles, restore reputation or apologise are not subject to limitation periods.',
    verified: 'verified_primary',
    note: 'The reference lists "stop infringement, remove obstacles, restore reputation or apologise" in English; check the full list against the text.',
  }),
  cite(CIVIL_CODE, {
    id: 'civil-code.art997',
    ref: 'C2',
    article: '第九百九十七条',
    zh: `……有权依法向人民法院申请采取责令行为人停止有关行为的措施。`,
    en: 'Personality-rights injunction (人格权禁令): a person may ask the court to order the infringer to stop, e.g. against ongoing harassment.',
    verified: 'verified_primary',
  }),
  cite(CIVIL_CODE, {
    id: 'civil-code.art1165-art1183',
    ref: 'C2',
    article: '第一千一百六十五条、第一千一百八十三条',
    kind: 'summary',
    zh: `（概述）过错责任；“侵害自然人人身权益造成严重精神损害的，被侵权人有权请求精神损害赔偿。”`,
    en: '(Summary) Fault-based tort liability; a person whose personal rights are infringed causing serious emotional harm may claim damages for it.',
    verified: 'verified_primary',
    source: CIVIL_CODE_TORTS,
    note: 'The reference gives the two articles together, without saying which sentence is in which.',
  }),

  // ── C3 民法典 合同编 ───────────────────────────────────────────────────────
  cite(CIVIL_CODE, {
    id: 'civil-code.art670',
    ref: 'C3',
    article: '第六百七十条',
    zh: `借款的利息不得预先在本金中扣除。利息预先在本金中扣除的，应当按照实际借款数额返还借款并计算利息。`,
    en: 'Interest may not be taken off the principal upfront. If it is, repayment and interest are based on the amount actually lent.',
    verified: 'verified_primary',
    source: CIVIL_CODE_CONTRACTS,
  }),
  cite(CIVIL_CODE, {
    id: 'civil-code.art680',
    ref: 'C3',
    article: '第六百八十条',
    zh: `禁止高利放贷，借款的利率不得违反国家有关规定。`,
    en: 'Usury is prohibited; the loan rate may not breach state rules.',
    verified: 'verified_primary',
    source: CIVIL_CODE_CONTRACTS,
    note: 'First paragraph.',
  }),
  cite(CIVIL_CODE, {
    id: 'civil-code.art676',
    ref: 'C3',
    article: '第六百七十六条',
    kind: 'summary',
    zh: `（概述）逾期利息“按照约定或者国家有关规定”支付。`,
    en: '(Summary) Overdue interest is due according to the agreement or state rules.',
    verified: 'verified_primary',
    source: CIVIL_CODE_CONTRACTS,
  }),

  // ── C4 网络数据安全管理条例 ─────────────────────────────────────────────────
  cite(NETWORK_DATA, {
    id: 'network-data-2024.art22',
    ref: 'C4',
    article: '第二十二条',
    zh: `（一）收集个人信息为提供产品或者服务所必需，不得超范围收集个人信息，不得通过误导、欺诈、胁迫等方式取得个人同意；……（五）不得在个人明确表示不同意处理其个人信息后，频繁征求同意；`,
    en: 'No over-collection; no consent obtained by misleading, fraud or coercion; no repeated consent prompts after a refusal.',
    verified: 'verified_primary',
  }),
  cite(NETWORK_DATA, {
    id: 'network-data-2024.art23',
    ref: 'C4',
    article: '第二十三条',
    zh: `个人请求查阅、复制、更正、补充、删除、限制处理其个人信息，或者个人注销账号、撤回同意的，网络数据处理者应当及时受理，并提供便捷的支持个人行使权利的方法和途径，不得设置不合理条件限制个人的合理请求。`,
    en: 'Rights requests, including withdrawing consent, must be accepted promptly and without unreasonable conditions. No fixed day count.',
    verified: 'verified_primary',
  }),
  cite(NETWORK_DATA, {
    id: 'network-data-2024.art24',
    ref: 'C4',
    article: '第二十四条',
    kind: 'summary',
    zh: `（概述）无法避免而收集的非必要个人信息，或者未依法取得同意而收集的个人信息，应当删除或者匿名化处理。`,
    en: '(Summary) Non-necessary personal information collected unavoidably, or collected without lawful consent, must be deleted or anonymised.',
    verified: 'verified_primary',
    note: 'The reference gives this article only in English.',
  }),

  // ── C5 App 必要个人信息范围规定 ─────────────────────────────────────────────
  cite(APP_NECESSARY_PI, {
    id: 'app-necessary-pi-2021',
    ref: 'C5',
    article: null,
    zh: `不得因用户不同意收集非必要个人信息，而拒绝用户使用App基本功能服务`,
    en: 'An app may not refuse its basic functions because the user refuses non-necessary personal information.',
    verified: 'verified_secondary',
    note: 'Also read: https://cctv-company.video/nav5/70903.html ; https://toudeng.cc/archives/35252 (items 一 to 七 only).',
  }),
  cite(APP_NECESSARY_PI, {
    id: 'app-necessary-pi-2021.art2',
    ref: 'C5',
    article: '第二条',
    zh: `移动智能终端上运行的App存在收集用户个人信息行为的，应当遵守本规定。法律、行政法规、部门规章和规范性文件另有规定的，依照其规定。`,
    en: 'Apps on mobile devices that collect users\' personal information must follow these provisions; where laws, administrative regulations, ministerial rules or normative documents provide otherwise, those prevail.',
    verified: 'secondary',
    source: 'http://www.sunluscious.com.cn/article/651641.html',
    note: 'Transcribed from a traditional-character reprint of the 工信微报 release (SECONDARY, 2026-12). None of the exceptions found requires contact lists.',
  }),
  cite(APP_NECESSARY_PI, {
    id: 'app-necessary-pi-2021.art3',
    ref: 'C5',
    article: '第三条',
    zh: `本规定所称必要个人信息，是指保障App基本功能服务正常运行所必需的个人信息，缺少该信息App即无法实现基本功能服务。`,
    en: 'Necessary personal information is the information without which the app cannot provide its basic function.',
    verified: 'secondary',
    source: 'http://www.sunluscious.com.cn/article/651641.html',
    note: 'Transcribed from a traditional-character reprint of the 工信微报 release (SECONDARY, 2026-12).',
  }),
  cite(APP_NECESSARY_PI, {
    id: 'app-necessary-pi-2021.lending',
    ref: 'C5',
    article: null,
    kind: 'summary',
    zh: `（概述，二手来源，原文未逐字读到）网络借贷类App的必要个人信息为注册用户移动电话号码，以及借款人姓名、证件类型和号码、证件有效期限、银行卡号码；通讯录、通话记录和短信都不在其中，因此借贷App不得因用户拒绝授权通讯录而拒绝提供基本的借款服务。2021-05-10 国家网信办曾通报48款网络借贷类App“违反必要原则，收集与其提供的服务无关的个人信息”。`,
    en: "(Summary, secondary sources; the item was not read verbatim) For online-lending apps the necessary information is the registered user's mobile number and the borrower's name, ID type and number, ID validity and bank card number. Contact lists, call logs and SMS are not among them, so a lending app may not refuse its basic lending service because the user declines contact-book access. On 2021-05-10 the CAC named 48 lending apps for collecting information unrelated to their service.",
    verified: 'secondary',
    source: 'http://www.kepu365.cn/dujia/internet/65306.html',
    note:
      'SECONDARY since 2026-12 (the 2020-12 draft summarised at https://www.jinrong818.com/hlwjr/4832.html; 中国银行保险报 2021-03-22 headline; ' +
      'the CAC notice of 2021-05-10). Item （十二） 网络借贷类 is still not read verbatim: never print this as a quotation of the rule. ' +
      'Official page to read, probably: http://www.cac.gov.cn/2021-03/22/c_1617990997054277.htm',
  }),
  // ── C6 2025 personal-information campaign ─────────────────────────────────
  {
    id: 'pi-campaign-2025',
    ref: 'C6',
    law: {
      zh: '关于开展2025年个人信息保护系列专项行动的公告',
      en: 'Announcement on the 2025 Series of Special Campaigns on Personal Information Protection',
    },
    issuer: '中央网信办、工业和信息化部、公安部、国家市场监督管理总局',
    docNumber: null,
    article: null,
    excerpt: {
      zh: `无相关功能或未使用相关功能时调用位置、媒体文件、通讯录、设备等非必要权限或收集非必要个人信息`,
      en: 'Targets apps that, with no related function or when it is not in use, call location, media, contacts or device permissions, or collect non-necessary personal information.',
    },
    tier: 'normative_document',
    verified: 'secondary',
    effectiveFrom: '2025-03-28',
    effectiveTo: null,
    source: 'http://www.xqszm.com/col54/134325.html',
    note:
      'Added 2026-12 (SECONDARY): a reprint of the 公告 dated 2025-03-28; the official text was not read. 3,852 apps were named in 2025 (南都, ' +
      'https://m.mp.oeeee.com/a/BAAFRD0000202512281500871.html). A campaign notice, not a rule of conduct; the tier (normative document) is assumed.',
  },
];

export const CITATIONS_D: readonly Citation[] = [
  // ── D1 民间借贷规定 ─────────────────────────────────────────────────────────
  cite(PRIVATE_LENDING, {
    id: 'private-lending-2020.art1',
    ref: 'D1',
    article: '第一条',
    zh: `本规定所称的民间借贷，是指自然人、法人和非法人组织之间进行资金融通的行为。经金融监管部门批准设立的从事贷款业务的金融机构及其分支机构，因发放贷款等相关金融业务引发的纠纷，不适用本规定。`,
    en: 'Private lending is lending between natural persons, legal persons and unincorporated organisations. Disputes from lending by financial institutions approved by financial regulators are outside these rules (and so outside the 4 × LPR cap).',
    verified: 'verified_primary',
  }),
  cite(PRIVATE_LENDING, {
    id: 'private-lending-2020.art25',
    ref: 'D1',
    article: '第二十五条',
    zh: `出借人请求借款人按照合同约定利率支付利息的，人民法院应予支持，但是双方约定的利率超过合同成立时一年期贷款市场报价利率四倍的除外。前款所称'一年期贷款市场报价利率'，是指中国人民银行授权全国银行间同业拆借中心自2019年8月20日起每月发布的一年期贷款市场报价利率。`,
    en: 'Courts do not support agreed interest above 4 × the 1-year LPR in force when the contract was formed. The 1-year LPR is the rate published monthly from 2019-08-20 by the National Interbank Funding Center on behalf of the PBoC.',
    verified: 'verified_primary',
    note:
      'This number applies from 2021-01-01. In the text in force 2020-08-20 to 2020-12-31 the same rule is 第二十六条 (private-lending-2020-08.art26); ' +
      'documents and judgments of that window cite it so. 法释〔2020〕27号 is the 批复 (D2), not this interpretation.',
  }),
  cite(PRIVATE_LENDING, {
    id: 'private-lending-2020-08.art26',
    ref: 'D1',
    article: '第二十六条',
    kind: 'summary',
    zh: `（概述）2020年8月20日至2020年12月31日施行的文本中，一年期贷款市场报价利率四倍的规定是第二十六条（2021年1月1日起为第二十五条）。`,
    en: '(Summary) In the text in force from 2020-08-20 to 2020-12-31, the 4 × 1-year LPR rule is Art. 26 (Art. 25 from 2021-01-01).',
    verified: 'verified_primary',
    effectiveFrom: '2020-08-20',
    effectiveTo: '2020-12-31',
    source: 'https://github.com/LawRefBook/Laws',
    note:
      'Numbering trap (2026-12, VERIFIED primary mirror): LawRefBook/Laws git history, commit 3a1021400993b9853b3897efdccf9a1bf3ea0448. In that text the ' +
      'neighbouring articles are one number higher too (upfront deduction 第二十七条; overdue rate 第二十九条; overdue interest and fees together 第三十条).',
  }),
  cite(PRIVATE_LENDING, {
    id: 'private-lending-2020.art26',
    ref: 'D1',
    article: '第二十六条',
    zh: `借据、收据、欠条等债权凭证载明的借款金额，一般认定为本金。预先在本金中扣除利息的，人民法院应当将实际出借的金额认定为本金。`,
    en: 'The amount on the IOU is generally the principal; where interest was deducted upfront, the principal is the amount actually lent (compare Civil Code Art. 670).',
    verified: 'verified_primary',
  }),
  cite(PRIVATE_LENDING, {
    id: 'private-lending-2020.art27',
    ref: 'D1',
    article: '第二十七条',
    kind: 'summary',
    zh: `（概述）利息计入本金（利滚利）的，只在不超过一年期LPR四倍的范围内认定为本金。`,
    en: '(Summary) Capitalised interest counts as principal only within the 4 × LPR limit.',
    verified: 'verified_primary',
    note: 'The reference gives this article only in English.',
  }),
  cite(PRIVATE_LENDING, {
    id: 'private-lending-2020.art28',
    ref: 'D1',
    article: '第二十八条',
    kind: 'summary',
    zh: `（概述）逾期利率以一年期LPR的四倍为限。`,
    en: '(Summary) The overdue interest rate is capped at 4 × the 1-year LPR.',
    verified: 'verified_primary',
    note: 'The reference gives this article only in English.',
  }),
  cite(PRIVATE_LENDING, {
    id: 'private-lending-2020.art29',
    ref: 'D1',
    article: '第二十九条',
    kind: 'summary',
    zh: `（概述）逾期利息、违约金和“其他费用”合计，“总计超过合同成立时一年期贷款市场报价利率四倍的部分，人民法院不予支持”。`,
    en: '(Summary) Overdue interest, penalties and other fees together: courts do not support the part above 4 × the 1-year LPR at contract formation.',
    verified: 'verified_primary',
  }),
  cite(PRIVATE_LENDING, {
    id: 'private-lending-2020.art31',
    ref: 'D1',
    article: '第三十一条',
    kind: 'summary',
    zh: `（概述）2020年8月20日以后新受理的、合同成立于该日以前的案件：2020年8月19日以前的利息适用原规定，2020年8月20日起的利息适用一年期LPR四倍的标准。`,
    en: '(Summary) Transition: for cases first accepted after 2020-08-20 on contracts formed before that date, the old rules apply to interest up to 2020-08-19, and 4 × LPR from 2020-08-20.',
    verified: 'verified_primary',
    note: 'The reference gives this article only in English. It does not say which LPR applies to a contract formed before the first quote (2019-08-20).',
  }),

  // ── D2 批复 ───────────────────────────────────────────────────────────────
  {
    id: 'private-lending-scope-2020',
    ref: 'D2',
    law: {
      zh: '最高人民法院关于新民间借贷司法解释适用范围问题的批复',
      en: 'Reply of the SPC on the Scope of Application of the New Private-Lending Judicial Interpretation',
    },
    issuer: '最高人民法院',
    docNumber: null,
    article: null,
    excerpt: {
      zh: `经征求金融监管部门意见，由地方金融监管部门监管的小额贷款公司、融资担保公司、区域性股权市场、典当行、融资租赁公司、商业保理公司、地方资产管理公司等七类地方金融组织，属于经金融监管部门批准设立的金融机构，其因从事相关金融业务引发的纠纷，不适用新民间借贷司法解释。`,
      en: 'Microloan, financing-guarantee, regional equity-market, pawn, financial-leasing, commercial-factoring and local asset-management companies (seven kinds of local financial organisations supervised by local financial regulators) are financial institutions approved by financial regulators, so the new private-lending interpretation (and its 4 × LPR cap) does not apply to disputes from their financial business.',
    },
    tier: 'judicial_interpretation',
    verified: 'verified_primary',
    effectiveFrom: '2021-01-01',
    effectiveTo: null,
    source: `${LAWREFBOOK}/司法解释/最高人民法院关于新民间借贷司法解释适用范围问题的批复.md`,
    note: 'Item 一 of the reply. Adopted 2020-11-09, effective 2021-01-01; replies to 粤高法〔2020〕108号. 文号 (法释〔2020〕27号, from memory) UNVERIFIED.',
  },

  // ── D3 现金贷通知 ──────────────────────────────────────────────────────────
  // SECONDARY since 2026-12: date and items (二), (五), (六) from a reprint that looks lightly paraphrased (the official wording may differ).
  cite(CASH_LOAN, {
    id: 'cash-loan-2017',
    ref: 'D3',
    article: '第二项',
    zh: `各类机构以利率和各种费用形式向借款人收取的综合资金成本，应当符合最高人民法院关于民间借贷利率的规定，禁止发放或者撮合违反法律有关利率规定的贷款。`,
    en: "Item (2): the all-in cost charged as interest and fees must comply with the SPC's private-lending rate rules; no loans that break the legal rate rules. The notice names no percentage: in 2017 those rules were the 2015 interpretation (24% / 36%, article 26 of that interpretation).",
    verified: 'secondary',
  }),
  cite(CASH_LOAN, {
    id: 'cash-loan-2017.item5',
    ref: 'D3',
    article: '第五项',
    zh: `各类机构或受委托的第三方机构不得采用暴力、恐吓、侮辱、诽谤、骚扰等手段催收贷款。`,
    en: 'Item (5): institutions and third parties acting for them may not collect by violence, intimidation, insult, defamation, harassment or similar means.',
    verified: 'secondary',
  }),
  cite(CASH_LOAN, {
    id: 'cash-loan-2017.item6',
    ref: 'D3',
    article: '第六项',
    zh: `各类机构应当加强客户信息安全保护，不得以'大数据'为名窃取、滥用客户隐私信息，不得非法买卖、泄露客户信息。`,
    en: "Item (6): institutions must protect customer information and may not steal or abuse customers' private information in the name of big data, nor trade in or leak it.",
    verified: 'secondary',
  }),

  // ── D4 PBoC 公告〔2021〕第3号 ────────────────────────────────────────────────
  {
    id: 'pboc-2021-3',
    ref: 'D4',
    law: { zh: '中国人民银行公告〔2021〕第3号', en: 'PBoC Announcement [2021] No. 3 (annualised-rate display)' },
    issuer: '中国人民银行',
    docNumber: '中国人民银行公告〔2021〕第3号',
    article: null,
    excerpt: {
      zh: `贷款年化利率应以对借款人收取的所有贷款成本与其实际占用的贷款本金的比例计算，并折算为年化形式。其中，贷款成本应包括利息及与贷款直接相关的各类费用。贷款本金应在贷款合同或其他债权凭证中载明。若采用分期偿还本金方式，则应以每期还款后剩余本金计算实际占用的贷款本金。`,
      en: 'The annualised rate is all loan costs (interest plus all fees directly related to the loan) divided by the principal actually outstanding, annualised; for instalment loans, use the remaining principal after each instalment, in effect an IRR-style calculation.',
    },
    tier: 'normative_document',
    verified: 'verified_secondary',
    effectiveFrom: null,
    effectiveTo: null,
    source: 'http://f2djj.com/xf/2021/0401/7209.html',
    note:
      'Issued 2021-03-31 (the reference gives no separate effective date). Covers all lenders, incl. deposit-taking institutions, auto finance, consumer ' +
      'finance and microloan companies, and internet platforms that advertise loans; marketing must show the annualised rate prominently and the contract ' +
      'must state it. Quoted from 人民日报 2021-04-01 (reprint). The wording on compound (IRR) vs simple calculation (items 四, 五): SECONDARY (2026-12), see pboc-2021-3.item4.',
  },
  {
    id: 'pboc-2021-3.item4',
    ref: 'D4',
    law: { zh: '中国人民银行公告〔2021〕第3号', en: 'PBoC Announcement [2021] No. 3 (annualised-rate display)' },
    issuer: '中国人民银行',
    docNumber: '中国人民银行公告〔2021〕第3号',
    article: '第四项',
    excerpt: {
      zh: `贷款年化利率可采用复利或单利方法计算。复利计算方法即内部收益率法`,
      en: 'Item 4: the annualised rate may be computed by the compound or the simple method; the compound method is the internal rate of return (IRR). Item 5 encourages private lenders to follow the announcement.',
    },
    tier: 'normative_document',
    verified: 'secondary',
    effectiveFrom: null,
    effectiveTo: null,
    source: 'http://www.huakoo.net/hyxw/article-2555.html',
    note: 'SECONDARY (2026-12): items 一 to 五 are reprinted identically on several pages (also http://extremexp.net/jingji/2021/0401/139775.html). A simple-interest figure must say that it is simple.',
  },

  // ── D5 法发〔2017〕22号 ──────────────────────────────────────────────────────
  {
    id: 'fin-trial-2017.art2',
    ref: 'D5',
    law: { zh: '最高人民法院关于进一步加强金融审判工作的若干意见', en: 'Several Opinions of the SPC on Further Strengthening Financial Trials' },
    issuer: '最高人民法院',
    docNumber: '法发〔2017〕22号',
    article: '第二条',
    excerpt: {
      zh: `金融借款合同的借款人以贷款人同时主张的利息、复利、罚息、违约金和其他费用过高，显著背离实际损失为由，请求对总计超过年利率24%的部分予以调减的，应予支持`,
      en: 'Where a borrower under a financial loan contract asks, on the ground that the interest, compound interest, penalty interest, liquidated damages and other fees the lender claims together are too high and clearly exceed the actual loss, to reduce the part of the total above 24% a year, the court should grant it.',
    },
    tier: 'judicial_interpretation',
    verified: 'secondary',
    effectiveFrom: '2017-08-09',
    effectiveTo: null,
    source: 'http://scmkls.com/news/296-cn.html',
    note:
      'SECONDARY (2026-12): quoted as 第二条 by a law-firm page dating the opinion "2017年8月9日印发"; the item number and the date rest on that one source, ' +
      'the number 法发〔2017〕22号 on two (also a court report, https://m.163.com/dy/article/IO6MOJUU0514JN6P.html, on a bank loan sued in 2023). ' +
      'A judicial policy document (法发), not a 法释 judicial interpretation: it applies on the borrower\'s request, to licensed lenders\' loans, to all ' +
      'charges together. Not a rate cap: do not encode "24% is illegal". At most: courts generally reduce total charges above 24% on the borrower\'s request. ' +
      'Reported unwritten window guidance (20%, 2025-10; 12% / 24% bands, 2025-12) has no document behind it (A6).',
  },

  // ── D7 2015 民间借贷规定 第二十六条: where the 24% / 36% pair came from ─────────
  {
    id: 'private-lending-2015.art26',
    ref: 'D7',
    law: {
      zh: '最高人民法院关于审理民间借贷案件适用法律若干问题的规定（2015年）',
      en: 'Provisions of the SPC on Several Issues concerning the Application of Law in the Trial of Private Lending Cases (2015 text)',
    },
    issuer: '最高人民法院',
    docNumber: '法释〔2015〕18号',
    article: '第二十六条',
    excerpt: {
      zh: `借贷双方约定的利率未超过年利率24%，出借人请求借款人按照约定的利率支付利息的，人民法院应予支持。借贷双方约定的利率超过年利率36%，超过部分的利息约定无效。`,
      en: 'Up to 24% a year the agreed interest was supported; above 36% the excess was void (and paid excess interest could be reclaimed). Replaced from 2020-08-20 by 4 × LPR; 36% now survives only as the criminal threshold of the 2019 illegal-lending opinion.',
    },
    tier: 'judicial_interpretation',
    verified: 'secondary',
    effectiveFrom: null,
    effectiveTo: '2020-08-19',
    source: 'https://www.191i.com/index.php/591657219850491645.html',
    note:
      'Added 2026-12 (SECONDARY) for the text and the 文号; the same "两线三区" reading on a 湖北 court site and a law-firm page. History only: the origin of the ' +
      '24% / 36% pair, not a line in force. Numbering warning: 第二十六条 is a different rule in each version (24% / 36% in 2015; 4 × LPR in the 2020-08-20 ' +
      'text; upfront-deducted interest from 2021-01-01). The last day in force is the day before the 4 × LPR standard started (2020-08-20).',
  },

  // ── 市场监督管理投诉举报处理暂行办法 (channel table, 12315) ─────────────────────
  cite(SAMR_COMPLAINTS, {
    id: 'samr-complaints.art9',
    ref: 'channel table (12315)',
    article: '第九条',
    kind: 'summary',
    zh: `（概述）投诉应提供：投诉人姓名、电话、地址；被投诉人名称、地址；投诉请求及事实。`,
    en: "(Summary) A complaint must give the complainant's name, phone and address; the respondent's name and address; the request and the facts.",
    verified: 'verified_primary',
  }),
  cite(SAMR_COMPLAINTS, {
    id: 'samr-complaints.art14',
    ref: 'channel table (12315)',
    article: '第十四条',
    kind: 'summary',
    zh: `（概述）市场监督管理部门应在7个工作日内作出是否受理的决定。`,
    en: '(Summary) The market regulator decides within 7 working days whether to accept the complaint.',
    verified: 'verified_primary',
    note: 'Mediation ends if no agreement is reached within 45 working days (the reference gives no article number for this).',
  }),
];
