/**
 * Complaint and report channels, from cn-law.md "Complaint and report channels" (§E) and the reference's notes on who
 * supervises whom (D2 for the local financial organisations, A6 item 一 for loan facilitation).
 *
 * Evidence to keep for every channel (reference): call recordings, screenshots of SMS and IM messages showing the number
 * and time, a call log showing frequency and time of day, statements from contacted friends or colleagues, the loan
 * contract and repayment plan, the 明示表 (loans from 2026-08-01), and the lender's name and licence.
 */
import type { Channel } from '../domain/law.js';
import { CN_RULE_IDS, rulesForChannel, type CnRuleId } from '../domain/rules/cn/meta.js';

/** The PRC rule pack's finding rule ids (the rule table, src/domain/rules/cn/meta.ts). */
export { CN_RULE_IDS };
export type { CnRuleId };

/** The rules a channel can be right for: each rule's row of the rule table names its channels. */
function rules(channelId: string): string[] {
  return rulesForChannel(channelId);
}

export const CHANNELS: readonly Channel[] = [
  {
    id: 'lender',
    name: { zh: '贷款机构本身（投诉渠道）', en: 'The lender itself (its complaint channel)' },
    contact: '贷款机构依规公布的投诉渠道（App、官网、客服电话）',
    handles: {
      zh: '持牌贷款机构及其委托的催收机构的一切问题。通常是第一站：监管部门一般会把投诉转回机构处理。银行保险机构应在15日内办理完毕，复杂的可延长至30日，特别复杂的经审批再延长30日；不得要求投诉人提供机构已经掌握的材料。',
      en: 'Everything about a licensed lender or its collectors. Usually the first stop: regulators generally pass complaints back to the lender. Banks and insurers: 15 days, up to 30 if complex, plus another 30 with approval; they may not ask for material they already hold.',
    },
    lenderTypes: ['bank', 'credit_card', 'consumer_finance', 'microloan', 'platform'],
    rules: rules('lender'),
    verified: 'verified_secondary',
    note:
      'Time limits from A13 apply to banks and insurers. Materials: identity and contact details, the respondent, the request, facts and basis (A13, Arts. 11–16). ' +
      'The articles obliging lenders to publish a complaint channel (A1 第三十一条, A2 第六十二条, A3 第十条) are cited by number only in the reference.',
    citationIds: [
      'complaints-2020.time-limits',
      'complaints-2020.no-known-materials',
      'complaints-2020.art11-art16',
      'internet-loan-2020.art17',
      'cfc-2024.art31',
      'credit-card-2011.art62',
      'internet-loan-2020.art10',
    ],
  },
  {
    id: '12378',
    name: { zh: '国家金融监督管理总局 12378 银行保险消费者投诉维权热线', en: 'NFRA consumer complaint hotline 12378' },
    contact: '12378；国家金融监督管理总局网站及各地派出机构',
    handles: {
      zh: '银行、信用卡中心、消费金融公司、汽车金融公司、信托公司等全国性持牌机构及其委托的催收机构。投诉转至当地派出机构，再转给被投诉机构。',
      en: 'Banks, credit-card centres, consumer finance, auto finance and trust companies, i.e. nationally licensed lenders and their outsourced collectors. Complaints go to the local branch and are passed to the institution.',
    },
    lenderTypes: ['bank', 'credit_card', 'consumer_finance', 'platform'],
    rules: rules('12378'),
    verified: 'verified_secondary',
    note:
      'Number and scope VERIFIED (secondary). Reported hours (working days, about 9:00–12:00 and 13:00–17:00) and "about 15 working days for feedback" are ' +
      'UNVERIFIED (not confirmed in a rule). Platform (助贷) loans: loan facilitation is bank internet lending under NFRA rules (zhudai-2025.item1), so complain ' +
      'about the licensed lender named in the contract.',
    citationIds: ['zhudai-2025.item1', 'internet-loan-2020.art67'],
  },
  {
    id: '12363',
    name: { zh: '中国人民银行 12363 金融消费权益保护咨询投诉电话', en: 'PBoC financial consumer protection hotline 12363' },
    contact: '12363',
    handles: {
      zh: '（2015年报道）中国人民银行法定职责范围内、机构未能解决的投诉及跨市场产品；如今可能主要是支付和征信。2023年机构改革后的受理范围未核实。',
      en: "(2015 report) Complaints within the PBoC's statutory duties and cross-market products, after the institution failed to resolve them. Today probably payments and 征信 (credit reports); scope after the 2023 reform unverified.",
    },
    lenderTypes: [],
    rules: rules('12363'),
    verified: 'unverified',
    note:
      'Number VERIFIED (secondary, dated 2015); current scope UNVERIFIED (open question 7: the 2023 reform reportedly moved consumer-protection duties to NFRA). ' +
      'Working days only (2015 report). Not suggested automatically for any finding.',
  },
  {
    id: 'local_regulator',
    name: { zh: '地方金融管理局（省、市）', en: 'Local financial regulator (provincial or municipal)' },
    contact: '省级地方金融管理局网站；许多省份经12345受理',
    handles: {
      zh: '小额贷款公司（含网络小贷）、融资担保公司、典当行、商业保理公司、融资租赁公司等七类地方金融组织。',
      en: 'Microloan companies (incl. online microloans), financing-guarantee companies, pawn shops, factoring and leasing companies: the seven kinds of local financial organisations.',
    },
    lenderTypes: ['microloan'],
    rules: rules('local_regulator'),
    verified: 'unverified',
    note: 'Scope inferred from D2 and supervision practice; time limits and materials not found. UNVERIFIED.',
    citationIds: ['private-lending-scope-2020'],
  },
  {
    id: 'nifa',
    name: { zh: '中国互联网金融协会举报平台', en: 'NIFA (National Internet Finance Association) report platform' },
    contact: 'https://jubao.nifa.org.cn ；微信公众号“中国互联网金融协会”',
    handles: {
      zh: '对互联网金融从业机构（网络借贷、消费金融等）的举报（不是投诉）。平台收集线索并转交主管部门。',
      en: 'Reports (举报), not complaints, against internet-finance businesses (online lending, consumer finance and others). The platform collects leads and forwards them to the competent authorities.',
    },
    lenderTypes: ['bank', 'consumer_finance', 'microloan', 'platform', 'other'],
    rules: rules('nifa'),
    verified: 'verified_secondary',
    note: 'Real name required; at most 5 reports per person per day; reporters are asked to describe the conduct and cite the rule breached.',
  },
  {
    id: '12321',
    name: { zh: '12321网络不良与垃圾信息举报受理中心', en: '12321 Internet and spam information reporting centre (MIIT)' },
    contact: 'www.12321.cn ；010-12321；微信“12321举报中心”',
    handles: {
      zh: '通过电信或互联网发送的垃圾短信、骚扰电话、不良网站和App、个人信息泄露；可能导致运营商停用号码。由中国互联网协会受工信部委托运营。',
      en: 'Spam SMS, harassing calls, bad websites and apps, and personal-information leaks over telecom or internet networks; it can lead to carriers suspending numbers. Run by the Internet Society of China on behalf of MIIT.',
    },
    lenderTypes: 'any',
    rules: rules('12321'),
    verified: 'verified_secondary',
    note:
      'Scope VERIFIED (secondary). One source says MIIT announced on 2020-09-09 that 12300, 12321 and 12381 would merge into one number (12381); current ' +
      'routing UNVERIFIED (open question 8).',
  },
  {
    id: '12377',
    name: { zh: '中央网信办违法和不良信息举报中心 12377', en: 'CAC illegal and harmful information reporting centre 12377' },
    contact: '12377；www.12377.cn ；jubao@12377.cn ；“网络举报”App',
    handles: {
      zh: '网上违法和不良信息，包括“侵害他人名誉、隐私和其他合法权益的”内容（例如网上发布的P图、债务曝光）。',
      en: 'Illegal or harmful online content, including content that infringes reputation, privacy and other lawful rights (e.g. doctored images or debt shaming posted online).',
    },
    lenderTypes: 'any',
    rules: rules('12377'),
    verified: 'verified_secondary',
    note:
      'It is the reporting centre of 网信办, which coordinates personal-information protection (PIPL 第六十条, cited without text). Whether 12377 itself takes ' +
      'PIPL 第六十五条 complaints is the reference author\'s inference; for those see pi_regulator.',
    citationIds: ['pipl.art65', 'pipl.art60'],
  },
  {
    id: 'pi_regulator',
    name: { zh: '个人信息保护主管部门（网信部门；App问题可找工信部门）', en: 'Personal-information regulators (CAC; MIIT for apps)' },
    contact: '网信部门（经12377或地方网信办）；App问题可向工信部门反映',
    handles: {
      zh: '贷款机构、App和催收方违法处理个人信息（如读取和使用通讯录、向联系人披露债务）。个人信息保护法第六十五条规定任何组织、个人有权投诉、举报。',
      en: "Unlawful processing by lenders, apps and collectors (e.g. harvesting and using the contact book, disclosing the debt to contacts). PIPL Art. 65 gives everyone the right to complain; it requires the authorities to handle complaints and report back.",
    },
    lenderTypes: 'any',
    rules: rules('pi_regulator'),
    verified: 'verified_primary',
    note: 'VERIFIED (primary mirror) for the right to complain. PIPL states no time limit for handling.',
    citationIds: ['pipl.art65', 'pipl.art50'],
  },
  {
    id: 'police',
    name: { zh: '公安机关（110 / 派出所）', en: 'Police (110 / local police station)' },
    contact: '110（紧急情况）；或到当地派出所报案',
    handles: {
      zh: '威胁、骚扰、跟踪、软暴力、上门滋扰、冒充国家机关、伪造法院文书、出售个人信息，以及刑法相关犯罪。',
      en: 'Threats, harassment, stalking, soft violence, home visits, impersonating officials, fake court papers, selling personal data; related crimes under the Criminal Law.',
    },
    lenderTypes: 'any',
    rules: rules('police'),
    verified: 'verified_primary',
    note:
      'From 2026-01-01 the police must register reports immediately (新 第九十条; old 第七十七条 "及时受理"). Public-security penalties lapse if the conduct is not ' +
      'discovered within 6 months (新 第二十五条 / 旧 第二十二条): report promptly. Under the new law the police can order no contact (第五十条第二款). Bring ' +
      'recordings, screenshots and call logs. For a debt dispute, 寻衅滋事 generally needs an earlier official warning, so a documented report matters. Unlicensed ' +
      'habitual lending above 36% (illegal-lending-2019) is also a police matter; the product should suggest it only where the lender is unlicensed.',
    citationIds: [
      'psl-2025.art90',
      'psl-2012.art77',
      'psl-2025.art25',
      'psl-2012.art22',
      'psl-2025.art50.para2',
      'xunxin-2013.art1',
    ],
  },
  {
    id: '12315',
    name: { zh: '市场监督管理部门 12315', en: 'Market regulator 12315' },
    contact: '12315（及全国12315平台）',
    handles: {
      zh: '与非金融企业的消费纠纷（如电商分期卖家、“债务优化”“反催收”服务公司）；无证经营。7个工作日内决定是否受理；45个工作日内调解不成的终止调解。',
      en: 'Consumer disputes with non-financial businesses (e.g. e-commerce instalment sellers, "debt-relief" or "anti-collection" service firms); unlicensed businesses. Decision to accept within 7 working days; mediation ends if no agreement within 45 working days.',
    },
    lenderTypes: ['other'],
    rules: rules('12315'),
    verified: 'verified_primary',
    note: 'Rules: 《市场监督管理投诉举报处理暂行办法》(总局令第20号, amended 2022-03-24). The reference gives no URL for it.',
    citationIds: ['samr-complaints.art9', 'samr-complaints.art14'],
  },
  {
    id: '12348',
    name: { zh: '12348 公共法律服务热线（法律援助）', en: '12348 public legal services hotline (legal aid)' },
    contact: '12348（司法行政部门热线；部分地区并入12345）',
    handles: {
      zh: '免费法律咨询；申请法律援助（经济困难审查）的指引。',
      en: 'Free legal consultation; guidance on applying for legal aid (means-tested).',
    },
    lenderTypes: 'any',
    rules: rules('12348'),
    verified: 'verified_secondary',
    note: 'Typically working hours. Legal-aid applicants need ID, proof of financial hardship and case materials.',
  },
  {
    id: 'court',
    name: { zh: '人民法院', en: "People's court" },
    contact: '当地基层人民法院',
    handles: {
      zh: '民事诉讼：隐私权、名誉权、个人信息损害赔偿（过错推定）、人格权禁令、个人信息权利请求被拒、利息或费用争议。',
      en: 'Civil claims: privacy, reputation, PIPL damages (presumed fault), personality-rights injunction, refused PIPL rights requests, disputes over interest or fees.',
    },
    lenderTypes: 'any',
    rules: rules('court'),
    verified: 'verified_primary',
    note: 'Injunction-type claims have no limitation period (民法典 第九百九十五条); general limitation periods apply to damages.',
    citationIds: [
      'civil-code.art997',
      'civil-code.art995',
      'civil-code.art1033',
      'civil-code.art1024',
      'pipl.art69',
      'pipl.art50',
      'civil-code.art1165-art1183',
    ],
  },
];
