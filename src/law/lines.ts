/**
 * The interest lines a loan is measured against (docs/law/cn-law.md §D1, D2, D3, D5, D7, B7, and the appendix, fact 5).
 *
 * Only the 4 × LPR line is a verified civil cap, and only for private lenders. 24% rests on 法发〔2017〕22号 item 2, SECONDARY
 * since 2026-12 (D5): courts reduce total charges above 24% on the borrower's request; it must not be presented as
 * "illegal". 36% is a criminal threshold for unlicensed lending (B7), not a civil cap; the 24% / 36% pair came from the 2015
 * private-lending interpretation (D7), replaced by 4 × LPR from 2020-08-20. "24% and 36% are not general civil caps".
 */
import type { LegalLine } from '../domain/law.js';

export const LEGAL_LINES: readonly LegalLine[] = [
  {
    id: 'lpr4',
    label: { zh: '一年期LPR的4倍（民间借贷）', en: '4 × the 1-year LPR (private lending)' },
    rate: 'lpr4',
    appliesTo: ['private'],
    notApplicableReason: {
      zh:
        '只适用于民间借贷，即自然人、法人和非法人组织之间的资金融通。经金融监管部门批准设立的从事贷款业务的金融机构（银行、信用卡发卡银行、消费金融公司等）' +
        '因发放贷款引发的纠纷不适用（民间借贷规定第一条）。小额贷款公司、融资担保公司、典当行、融资租赁公司、商业保理公司、地方资产管理公司和区域性股权市场这七类地方金融组织' +
        '也属于经批准设立的金融机构，同样不适用（最高法2020年批复）。助贷平台撮合的贷款，看合同上的出借机构；出借机构持牌的，同样不适用。贷款人类型不明的，先查明其是否持牌。',
      en:
        'Applies only to private lending: lending between natural persons, legal persons and unincorporated organisations. Disputes over loans by financial ' +
        'institutions approved by financial regulators (banks, card issuers, consumer finance companies and others) are outside it (private-lending rules, Art. 1). ' +
        'Microloan, financing-guarantee, pawn, financial-leasing, commercial-factoring and local asset-management companies and regional equity markets, the seven ' +
        'kinds of local financial organisations, are also approved financial institutions, so it does not apply to them either (SPC reply of 2020). For a loan ' +
        'arranged by a facilitation platform, look at the lender named in the contract: if it is licensed, the line does not apply. If the lender type is unknown, ' +
        'first find out whether it is licensed.',
    },
    meaning: {
      zh:
        '法院对超过合同成立时一年期LPR四倍的约定利息不予支持；逾期利息、违约金和其他费用合计超过该标准的部分也不予支持。预先在本金中扣除利息的，以实际出借的金额为本金' +
        '（民法典第六百七十条）。这是法院支持的上限：超出部分法院不予支持；超出本身不等于犯罪（非法放贷的刑事标准见36%线）。',
      en:
        'Courts do not support agreed interest above 4 × the 1-year LPR in force when the contract was formed, nor overdue interest, penalties and other fees that ' +
        'together exceed it. Where interest was deducted upfront, the principal is the amount actually lent (Civil Code Art. 670). This is the limit of what a court ' +
        'will enforce; exceeding it is not in itself a crime (for the criminal threshold on illegal lending see the 36% line).',
    },
    citationIds: [
      'private-lending-2020.art1',
      'private-lending-2020.art25',
      'private-lending-2020.art26',
      'private-lending-2020.art28',
      'private-lending-2020.art29',
      'private-lending-2020.art31',
      'private-lending-scope-2020',
      'civil-code.art670',
      'civil-code.art680',
    ],
    tier: 'judicial_interpretation',
    verified: 'verified_primary',
    effectiveFrom: '2020-08-20',
    note: {
      zh:
        '使用合同成立之日有效的一年期LPR（见LPR表）。该标准自2020年8月20日起适用：此前成立的合同，2020年8月19日以前的利息适用原规定（民间借贷规定第三十一条）。' +
        '2019年8月20日以前成立的合同应以哪个利率计算，参考资料未说明。',
      en:
        'Use the 1-year LPR in force on the date the contract was formed (LPR table). The standard applies from 2020-08-20: for contracts formed earlier, interest ' +
        'up to 2020-08-19 follows the old rules (Art. 31). Which rate applies to a contract formed before 2019-08-20 is not in the reference.',
    },
  },
  {
    id: '24',
    label: { zh: '年化24%（持牌机构的金融借款，借款人请求时法院调减）', en: '24% a year (licensed lenders: courts reduce on the borrower\'s request)' },
    rate: 0.24,
    appliesTo: ['bank', 'credit_card', 'consumer_finance', 'microloan', 'platform'],
    notApplicableReason: {
      zh:
        '该线针对持牌金融机构的金融借款。民间借贷适用更低且已核实的一年期LPR四倍上限（见4倍LPR线）。贷款人类型不明的，先查明其是否持牌。' +
        '小额贷款公司属于金融机构（最高法2020年批复），但该意见是否适用于小额贷款公司，参考资料未说明。',
      en:
        'This line concerns financial loans by licensed institutions. Private lending has the lower and verified 4 × LPR cap (see that line). If the lender type ' +
        'is unknown, first find out whether it is licensed. Microloan companies are financial institutions (SPC reply of 2020), but whether this opinion covers ' +
        'them is not in the reference.',
    },
    meaning: {
      zh:
        '不是法定利率上限，超过也不等于违法。最高人民法院2017年的意见（法发〔2017〕22号第二条，二手来源引用，未在官方网站核对）规定：金融借款合同的借款人以利息、复利、罚息、' +
        '违约金和其他费用过高、显著背离实际损失为由，请求对总计超过年利率24%的部分予以调减的，应予支持。也就是说：借款人在诉讼中提出请求时，法院一般会调减合计超过24%的部分。' +
        '可以作为协商或诉讼中的主张，但不要说成“违法”。2025年助贷通知和2026年明示综合融资成本规定的文本中都没有24%。',
      en:
        'Not a statutory cap, and crossing it does not make a loan illegal. A 2017 Supreme People\'s Court opinion (法发〔2017〕22号 item 2, quoted by secondary ' +
        'sources, not checked on an official site) says that where a financial-loan borrower asks, because the interest, compound and penalty interest, penalties ' +
        'and other fees are too high and clearly exceed the actual loss, to reduce the part of the total above 24% a year, the court should grant it. In short: ' +
        'courts generally reduce total charges above 24% when the borrower asks. Use it as an argument in negotiation or in court; do not call the loan "illegal". ' +
        'The 2025 loan-facilitation notice and the 2026 cost-disclosure rule do not state 24% in the text the reference saw.',
    },
    citationIds: ['fin-trial-2017.art2', 'cash-loan-2017'],
    tier: 'judicial_interpretation',
    verified: 'secondary',
    effectiveFrom: '2017-08-09',
    note: {
      zh:
        '24%和36%这一对数字来自2015年民间借贷规定第二十六条（2020年8月20日起被一年期LPR四倍取代）。有律师事务所把2025年助贷通知第六项与该意见合读为综合融资成本24%的上限，这只是解读；' +
        '报道中的监管“窗口指导”（2025年10月20%，2025年12月12%/24%分档）没有成文文件。2026年8月1日起新发放的贷款，各项息费都必须列在综合融资成本明示表上，' +
        '表外收费本身就是问题（cost-disclosure-2026）。',
      en:
        'The 24% / 36% pair comes from Art. 26 of the 2015 private-lending rules (replaced by 4 × LPR from 2020-08-20). A law firm reads item 6 of the 2025 ' +
        'loan-facilitation notice together with this opinion as a 24% all-in cost cap; that is an interpretation. Reported supervisory "window guidance" (20% in ' +
        '2025-10; 12% / 24% bands in 2025-12) has no written document. For loans made from 2026-08-01, every fee must be on the all-in cost disclosure ' +
        'statement, and a fee not on it is a problem in itself (cost-disclosure-2026).',
    },
  },
  {
    id: '36',
    label: { zh: '年化36%（非法放贷的刑事标准）', en: '36% a year (criminal threshold for illegal lending)' },
    rate: 0.36,
    appliesTo: ['private', 'other'],
    notApplicableReason: {
      zh:
        '该标准针对“未经监管部门批准，或者超越经营范围”经常性放贷的行为；经批准设立的持牌机构（银行、信用卡发卡银行、消费金融公司、小额贷款公司等）在经营范围内放贷，不适用。' +
        '对民间借贷，民事上的上限是一年期LPR的四倍，36%只涉及刑事问题。',
      en:
        'It targets habitual lending without regulatory approval or beyond the approved scope; licensed institutions (banks, card issuers, consumer finance and ' +
        'microloan companies and others) lending within their scope are not covered. For private lending the civil cap is 4 × LPR; 36% matters only for the criminal question.',
    },
    meaning: {
      zh:
        '不是民事利率上限。未经批准、2年内向不特定多人出借资金10次以上，以超过36%的实际年利率放贷，并且达到数额、人数或后果标准（个人放贷累计200万元以上、' +
        '违法所得累计80万元以上、放贷对象累计50人以上，或造成借款人或其近亲属自杀、死亡、精神失常等），以非法经营罪论处；单次实际年利率未超过36%的不计入。' +
        '高利放贷等产生的债务属于刑法第二百九十三条之一（催收非法债务罪）所说的非法债务，但参考资料没有说36%就是该条的界线；是否构成，由公安机关和法院认定。',
      en:
        'Not a civil interest cap. Lending without approval, 10 or more times in 2 years to unspecified people, at a real annual rate above 36%, counts as the crime ' +
        'of illegal business operation once thresholds are met (an individual lending 2 million yuan or more in total, gaining 800,000 yuan or more, lending to 50 ' +
        'or more people, or causing suicide, death or mental disorder of a borrower or close relative); single loans at or below 36% are not counted. Debts from ' +
        'usurious lending are the "illegal debts" of Criminal Law Art. 293-1 (collecting illegal debts), but the reference does not say that 36% is the line for ' +
        'that article; whether a crime was committed is for the police and courts.',
    },
    citationIds: ['illegal-lending-2019.art1', 'illegal-lending-2019.art2', 'criminal-law.art225', 'criminal-law.art293-1'],
    tier: 'judicial_interpretation',
    verified: 'verified_secondary',
    effectiveFrom: '2019-10-21',
    note: {
      zh: '依据为两高两部2019年意见第一、二条（二手来源逐字引用，四个以上来源一致；文号未核实）。36%原是2015年民间借贷规定中的民事界线（超过部分无效），2020年8月20日起已被一年期LPR四倍取代，现在只作为刑事标准存在。',
      en: 'Basis: the 2019 opinion of the SPC, SPP, MPS and MoJ, Arts. 1 and 2 (quoted word for word in four or more agreeing secondary sources; 文号 unverified). 36% was once the civil void line of the 2015 private-lending rules, replaced by 4 × LPR from 2020-08-20; today it survives only as this criminal threshold.',
    },
  },
];
