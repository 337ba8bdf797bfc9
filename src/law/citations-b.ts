/**
 * Part B of the citation registry: criminal law and public-security (administrative) law (cn-law.md §B1–B10).
 * Every excerpt is copied from docs/law/cn-law.md; law.test.ts checks that each quoted fragment occurs there.
 *
 * 治安管理处罚法: the 2012 text (psl-2012.*) applies to conduct on or before 2025-12-31, the 2025 revision (psl-2025.*)
 * from 2026-01-01, with new article numbers. Use publicSecurityCitation() (index.ts) to pick the right id by event date.
 */
import type { Citation } from '../domain/law.js';
import { type DocInfo, cite } from './doc.js';

const LAWREFBOOK_CRIMINAL_LAW = 'https://github.com/LawRefBook/Laws/blob/2f4c5c23716267af9dbebbbbd6cbbf732b101981/刑法/刑法.md';

const CRIMINAL_LAW: DocInfo = {
  law: { zh: '刑法', en: 'Criminal Law' },
  issuer: '全国人民代表大会',
  docNumber: null,
  tier: 'statute',
  effectiveFrom: null,
  effectiveTo: null,
  source: LAWREFBOOK_CRIMINAL_LAW,
  docNote: 'LawRefBook mirrors the NPC database; official: flk.npc.gov.cn. The reference gives no effective date for the article text.',
};

const XUNXIN_2013: DocInfo = {
  law: {
    zh: '最高人民法院、最高人民检察院关于办理寻衅滋事刑事案件适用法律若干问题的解释',
    en: 'SPC and SPP Interpretation on Several Issues concerning the Application of Law in Handling Criminal Cases of Picking Quarrels and Provoking Trouble',
  },
  issuer: '最高人民法院、最高人民检察院',
  docNumber: null,
  tier: 'judicial_interpretation',
  effectiveFrom: '2013-07-22',
  effectiveTo: null,
  source: 'https://m.110ask.com/cjh/5795718654010789394.html',
  docNote:
    'Several sources agree (also http://www.360elib.com:2027/detail.aspx?NewsCode=NC1188&NewsId=74171384&OrgId=001 and https://www.64365.com/ask/30204218.aspx). ' +
    '文号 UNVERIFIED: sources conflict (法释〔2013〕18号 from memory; one page says 15号).',
};

const PI_CRIME_2017: DocInfo = {
  law: {
    zh: '最高人民法院、最高人民检察院关于办理侵犯公民个人信息刑事案件适用法律若干问题的解释',
    en: "SPC and SPP Interpretation on Several Issues concerning the Application of Law in Handling Criminal Cases of Infringing Citizens' Personal Information",
  },
  issuer: '最高人民法院、最高人民检察院',
  docNumber: null,
  tier: 'judicial_interpretation',
  effectiveFrom: null,
  effectiveTo: null,
  source:
    'https://github.com/LawRefBook/Laws/blob/2f4c5c23716267af9dbebbbbd6cbbf732b101981/司法解释/最高人民法院、最高人民检察院关于办理侵犯公民个人信息刑事案件适用法律若干问题的解释(2017-05-08).md',
  docNote: '文号 UNVERIFIED (法释〔2017〕10号 from memory). The mirror file is dated 2017-05-08; the reference gives no effective date.',
};

const PSL_2012: DocInfo = {
  law: { zh: '治安管理处罚法', en: 'Public Security Administration Punishments Law' },
  edition: { zh: '2012年修正', en: '2012 text' },
  issuer: '全国人民代表大会常务委员会',
  docNumber: null,
  tier: 'statute',
  effectiveFrom: null,
  effectiveTo: '2025-12-31',
  source: 'https://github.com/LawRefBook/Laws/blob/2f4c5c23716267af9dbebbbbd6cbbf732b101981/行政法/治安管理处罚法(2012-10-26).md',
  docNote:
    'Adopted 2005-08-28, amended 2012-10-26. Applies to conduct on or before 2025-12-31; the 2025 revision (new numbering) applies from 2026-01-01. ' +
    'The reference gives no effective date for the 2012 amendment, so effectiveFrom is left open. Conduct spanning 2026-01-01: transition rule not verified (open question 6).',
};

const PSL_2025: DocInfo = {
  law: { zh: '治安管理处罚法', en: 'Public Security Administration Punishments Law' },
  edition: { zh: '2025年修订', en: '2025 revision' },
  issuer: '全国人民代表大会常务委员会',
  docNumber: null,
  tier: 'statute',
  effectiveFrom: '2026-01-01',
  effectiveTo: null,
  source: 'https://github.com/X-STORAGE/Laws/blob/7620c2a5ca750bea4a6220fd5482eebb67febc86/行政法/治安管理处罚法(2025-06-27).md',
  docNote:
    'Revised 2025-06-27 by the 16th session of the 14th NPCSC; in force 2026-01-01 (第一百四十四条). 119 → 144 articles, so article numbers changed. ' +
    'A fork of LawRefBook; the same file exists in Theonefkguy/Chinese-Laws.',
};

const ILLEGAL_LENDING_2019: DocInfo = {
  law: {
    zh: '最高人民法院、最高人民检察院、公安部、司法部关于办理非法放贷刑事案件若干问题的意见',
    en: 'Opinions of the SPC, SPP, MPS and MoJ on Several Issues concerning the Handling of Criminal Cases of Illegal Lending',
  },
  issuer: '最高人民法院、最高人民检察院、公安部、司法部',
  docNumber: null,
  tier: 'judicial_interpretation',
  effectiveFrom: '2019-10-21',
  effectiveTo: null,
  source: 'http://www.jjglaw.com.cn/case/87.html',
  docNote:
    'Announced and effective 2019-10-21 (secondary sources). 文号 (法发〔2019〕24号) and signing date (2019-07-23) from memory, UNVERIFIED. ' +
    'Text quoted in four or more secondary sources that agree (also https://m.64365.com/zs/1971310.aspx, https://wtabcd.cn/falv/fa/87/112754.html, ' +
    'https://m.findlaw.cn/lawyers/article/d941646.html, http://fzxbls.com/?p=4936). A 两高两部 opinion, grouped here with judicial interpretations.',
};

const SOFT_VIOLENCE_2019: DocInfo = {
  law: {
    zh: '最高人民法院、最高人民检察院、公安部、司法部关于办理实施“软暴力”的刑事案件若干问题的意见',
    en: "Opinions of the SPC, SPP, MPS and MoJ on Several Issues concerning the Handling of Criminal Cases Involving 'Soft Violence'",
  },
  issuer: '最高人民法院、最高人民检察院、公安部、司法部',
  docNumber: null,
  tier: 'judicial_interpretation',
  effectiveFrom: '2019-04-09',
  effectiveTo: null,
  source:
    'https://github.com/Theonefkguy/Chinese-Laws/blob/e4d0afe499e3b5613229e068be441970a0c1c03d/司法解释/最高人民法院、最高人民检察院、公安部、司法部关于办理实施“软暴力”的刑事案件若干问题的意见(2019-04-09).md',
  docNote: 'Made 2019-04-09 and effective the same day (第十二条). The mirror notes its source as the 最高人民检察院 site. 文号 not given.',
};

export const CITATIONS_B: readonly Citation[] = [
  // ── B1 刑法 第二百九十三条之一 ────────────────────────────────────────────
  cite(CRIMINAL_LAW, {
    id: 'criminal-law.art293-1',
    ref: 'B1',
    article: '第二百九十三条之一',
    zh: `有下列情形之一，催收高利放贷等产生的非法债务，情节严重的，处三年以下有期徒刑、拘役或者管制，并处或者单处罚金：（一）使用暴力、胁迫方法的；（二）限制他人人身自由或者侵入他人住宅的；（三）恐吓、跟踪、骚扰他人的。`,
    en: 'Collecting illegal debts (e.g. from usurious loans) by violence or coercion, by restricting liberty or entering homes, or by intimidation, stalking or harassment, where serious: up to 3 years.',
    verified: 'verified_primary',
    issuer: '全国人民代表大会常务委员会（刑法修正案（十一））',
    effectiveFrom: '2021-03-01',
    note:
      'Covers only ILLEGAL debts ("高利放贷等产生的非法债务"). Harassment over a lawful debt from a licensed lender is not this crime; it falls under ' +
      '寻衅滋事, 侵犯公民个人信息, 侮辱/诽谤, 治安管理处罚法 or the lender regulations. Do not tell users that every collector commits a crime. ' +
      'Added by 刑法修正案（十一）第三十四条, adopted 2020-12-26 by the 24th session of the 13th NPCSC, in force 2021-03-01 (修正案 第四十八条); ' +
      'crime name 催收非法债务罪 fixed by 两高《关于执行〈刑法〉确定罪名的补充规定（七）》.',
  }),

  // ── B2 寻衅滋事 ─────────────────────────────────────────────────────────
  cite(CRIMINAL_LAW, {
    id: 'criminal-law.art293',
    ref: 'B2',
    article: '第二百九十三条',
    zh: `有下列寻衅滋事行为之一，破坏社会秩序的，处五年以下有期徒刑、拘役或者管制：……（二）追逐、拦截、辱骂、恐吓他人，情节恶劣的；……`,
    en: 'Picking quarrels and provoking trouble: chasing, intercepting, insulting or intimidating others, where the circumstances are vile, disrupting public order: up to 5 years.',
    verified: 'verified_primary',
    note:
      'For debt disputes this is generally NOT applied unless the conduct continues after the authorities have warned or punished the person ' +
      '(xunxin-2013.art1; soft-violence-2019.art11). The soft-violence opinion treats soft violence as "恐吓" under item (二) and counts "多次" as 3+ times in 2 years (soft-violence-2019.art5).',
  }),
  cite(XUNXIN_2013, {
    id: 'xunxin-2013.art1',
    ref: 'B2',
    article: '第一条第三款',
    zh: `行为人因婚恋、家庭、邻里、债务等纠纷，实施殴打、辱骂、恐吓他人或者损毁、占用他人财物等行为的，一般不认定为'寻衅滋事'，但经有关部门批评制止或者处理处罚后，继续实施前列行为，破坏社会秩序的除外。`,
    en: 'Debt disputes are generally not 寻衅滋事, unless the conduct continues after the police or other authorities have warned or punished the person. This is why reporting early, and keeping a record of the warning, matters.',
    verified: 'verified_secondary',
  }),

  // ── B3 刑法 第二百五十三条之一 and the 2017 interpretation ──────────────────
  cite(CRIMINAL_LAW, {
    id: 'criminal-law.art253-1',
    ref: 'B3',
    article: '第二百五十三条之一',
    zh: `违反国家有关规定，向他人出售或者提供公民个人信息，情节严重的，处三年以下有期徒刑或者拘役，并处或者单处罚金；情节特别严重的，处三年以上七年以下有期徒刑，并处罚金。……窃取或者以其他方法非法获取公民个人信息的，依照第一款的规定处罚。`,
    en: "Selling or providing citizens' personal information in breach of state rules, where serious: up to 3 years; especially serious: 3 to 7 years. Stealing or otherwise unlawfully obtaining it is punished the same way.",
    verified: 'verified_primary',
  }),
  cite(PI_CRIME_2017, {
    id: 'pi-crime-2017.art1',
    ref: 'B3',
    article: '第一条',
    kind: 'summary',
    zh: `（概述）公民个人信息包括“通信通讯联系方式”。`,
    en: '(Summary) Personal information includes contact details for communication (phone contacts).',
    verified: 'verified_primary',
  }),
  cite(PI_CRIME_2017, {
    id: 'pi-crime-2017.art3',
    ref: 'B3',
    article: '第三条',
    zh: `未经被收集者同意，将合法收集的公民个人信息向他人提供的，属于……'提供公民个人信息'`,
    en: 'Giving lawfully collected personal information to others without the consent of the person it was collected from is "providing citizens\' personal information".',
    verified: 'verified_primary',
  }),
  cite(PI_CRIME_2017, {
    id: 'pi-crime-2017.art4',
    ref: 'B3',
    article: '第四条',
    kind: 'summary',
    zh: `（概述）违反国家有关规定，获取“在履行职责、提供服务过程中收集”的公民个人信息的，属于“以其他方法非法获取”。`,
    en: '(Summary) Obtaining information collected in the course of performing duties or providing services, in breach of state rules, is "unlawfully obtaining by other means".',
    verified: 'verified_primary',
    note: 'The reference gives this article only as a paraphrase with two quoted phrases.',
  }),
  cite(PI_CRIME_2017, {
    id: 'pi-crime-2017.art5',
    ref: 'B3',
    article: '第五条',
    kind: 'summary',
    zh: `（概述）“情节严重”包括：行踪轨迹、通信内容、征信信息、财产信息50条以上；住宿信息、通信记录、健康生理信息、交易信息500条以上；其他公民个人信息5000条以上；或违法所得5000元以上。“特别严重”为上述标准的10倍，或造成被害人死亡、重伤、精神失常。`,
    en: '(Summary) "Serious" includes: 50+ pieces of whereabouts, communication content, credit or property information; 500+ pieces of lodging, call records, health or transaction information; 5,000+ other pieces; or illegal gains of 5,000 yuan or more. "Especially serious" is 10 times those thresholds, or death, serious injury or mental disorder of the victim.',
    verified: 'verified_primary',
    note: 'A contact list (name plus phone number) is probably in the 5,000 "other" category; this is the reference author\'s reading, not the text.',
  }),

  // ── B4 other 刑法 articles ─────────────────────────────────────────────
  cite(CRIMINAL_LAW, {
    id: 'criminal-law.art246',
    ref: 'B4',
    article: '第二百四十六条',
    zh: `以暴力或者其他方法公然侮辱他人或者捏造事实诽谤他人，情节严重的，处三年以下有期徒刑……前款罪，告诉的才处理，但是严重危害社会秩序和国家利益的除外。通过信息网络实施第一款规定的行为，被害人向人民法院告诉，但提供证据确有困难的，人民法院可以要求公安机关提供协助。`,
    en: 'Insult or defamation (e.g. doctored "wanted" posters sent to contacts). Private prosecution; for online conduct the court may ask the police to help collect evidence.',
    verified: 'verified_primary',
  }),
  cite(CRIMINAL_LAW, {
    id: 'criminal-law.art238',
    ref: 'B4',
    article: '第二百三十八条',
    zh: `非法拘禁他人或者以其他方法非法剥夺他人人身自由的，处三年以下……`,
    en: 'Unlawful detention.',
    verified: 'verified_primary',
  }),
  cite(CRIMINAL_LAW, {
    id: 'criminal-law.art245',
    ref: 'B4',
    article: '第二百四十五条',
    zh: `……非法侵入他人住宅的，处三年以下有期徒刑或者拘役。`,
    en: 'Unlawful entry into a home.',
    verified: 'verified_primary',
  }),
  cite(CRIMINAL_LAW, {
    id: 'criminal-law.art274',
    ref: 'B4',
    article: '第二百七十四条',
    zh: `敲诈勒索公私财物，数额较大或者多次敲诈勒索的……`,
    en: 'Extortion (e.g. demanding sums not owed).',
    verified: 'verified_primary',
  }),
  cite(CRIMINAL_LAW, {
    id: 'criminal-law.art279',
    ref: 'B4',
    article: '第二百七十九条',
    zh: `冒充国家机关工作人员招摇撞骗的……冒充人民警察招摇撞骗的，依照前款的规定从重处罚。`,
    en: 'Impersonating state officials to deceive; impersonating the police is punished more heavily.',
    verified: 'verified_primary',
  }),
  cite(CRIMINAL_LAW, {
    id: 'criminal-law.art280',
    ref: 'B4',
    article: '第二百八十条',
    zh: `伪造、变造、买卖或者盗窃、抢夺、毁灭国家机关的公文、证件、印章的……`,
    en: 'Forging official documents, certificates or seals (e.g. fake court summonses).',
    verified: 'verified_primary',
  }),
  cite(CRIMINAL_LAW, {
    id: 'criminal-law.art225',
    ref: 'B4',
    article: '第二百二十五条',
    zh: `违反国家规定，有下列非法经营行为之一……（四）其他严重扰乱市场秩序的非法经营行为。`,
    en: 'Illegal business operation; the basis for prosecuting illegal lending (see illegal-lending-2019).',
    verified: 'verified_primary',
  }),

  // ── B5 治安管理处罚法 (2012 text, to 2025-12-31) ───────────────────────────
  cite(PSL_2012, {
    id: 'psl-2012.art42',
    ref: 'B5',
    article: '第四十二条',
    zh: `有下列行为之一的，处五日以下拘留或者五百元以下罚款；情节较重的，处五日以上十日以下拘留，可以并处五百元以下罚款：（一）写恐吓信或者以其他方法威胁他人人身安全的；（二）公然侮辱他人或者捏造事实诽谤他人的；……（五）多次发送淫秽、侮辱、恐吓或者其他信息，干扰他人正常生活的；（六）偷窥、偷拍、窃听、散布他人隐私的。`,
    en: "Threats, public insult or defamation, repeatedly sending obscene, insulting, threatening or other messages that disturb normal life, and spreading another person's private information: up to 5 days' detention or a 500-yuan fine; 5 to 10 days if serious.",
    verified: 'verified_primary',
  }),
  cite(PSL_2012, {
    id: 'psl-2012.art42.item1',
    ref: 'B5',
    article: '第四十二条第（一）项',
    zh: `有下列行为之一的，处五日以下拘留或者五百元以下罚款；情节较重的，处五日以上十日以下拘留，可以并处五百元以下罚款：（一）写恐吓信或者以其他方法威胁他人人身安全的；`,
    en: "Threatening another person's personal safety (threatening letters or other means): up to 5 days' detention or a 500-yuan fine; 5 to 10 days if serious.",
    verified: 'verified_primary',
  }),
  cite(PSL_2012, {
    id: 'psl-2012.art42.item2',
    ref: 'B5',
    article: '第四十二条第（二）项',
    zh: `有下列行为之一的，处五日以下拘留或者五百元以下罚款；情节较重的，处五日以上十日以下拘留，可以并处五百元以下罚款：……（二）公然侮辱他人或者捏造事实诽谤他人的；`,
    en: "Publicly insulting or defaming another person: up to 5 days' detention or a 500-yuan fine; 5 to 10 days if serious.",
    verified: 'verified_primary',
  }),
  cite(PSL_2012, {
    id: 'psl-2012.art42.item5',
    ref: 'B5',
    article: '第四十二条第（五）项',
    zh: `有下列行为之一的，处五日以下拘留或者五百元以下罚款；情节较重的，处五日以上十日以下拘留，可以并处五百元以下罚款：……（五）多次发送淫秽、侮辱、恐吓或者其他信息，干扰他人正常生活的；`,
    en: "Repeatedly sending obscene, insulting, threatening or other messages that disturb another person's normal life: up to 5 days' detention or a 500-yuan fine; 5 to 10 days if serious.",
    verified: 'verified_primary',
    note: 'Repeated calls or missed-call rings may count as "other information" under this item per a 公安部 interpretation that is UNVERIFIED (mps-psl-interpretation-2.calls).',
  }),
  cite(PSL_2012, {
    id: 'psl-2012.art42.item6',
    ref: 'B5',
    article: '第四十二条第（六）项',
    zh: `有下列行为之一的，处五日以下拘留或者五百元以下罚款；情节较重的，处五日以上十日以下拘留，可以并处五百元以下罚款：……（六）偷窥、偷拍、窃听、散布他人隐私的。`,
    en: "Peeping, secret photography, eavesdropping on or spreading another person's private information: up to 5 days' detention or a 500-yuan fine; 5 to 10 days if serious.",
    verified: 'verified_primary',
  }),
  cite(PSL_2012, {
    id: 'psl-2012.art26',
    ref: 'B5',
    article: '第二十六条',
    kind: 'summary',
    zh: `（概述）寻衅滋事（治安管理处罚）。`,
    en: '(Summary) Picking quarrels and provoking trouble (administrative penalty).',
    verified: 'verified_primary',
  }),
  cite(PSL_2012, {
    id: 'psl-2012.art40.item3',
    ref: 'B5',
    article: '第四十条第（三）项',
    zh: `非法限制他人人身自由、非法侵入他人住宅`,
    en: "Unlawfully restricting another person's liberty or unlawfully entering another person's home.",
    verified: 'verified_primary',
  }),
  cite(PSL_2012, {
    id: 'psl-2012.art43',
    ref: 'B5',
    article: '第四十三条',
    kind: 'summary',
    zh: `（概述）殴打他人。`,
    en: '(Summary) Assault.',
    verified: 'verified_primary',
  }),
  cite(PSL_2012, {
    id: 'psl-2012.art49',
    ref: 'B5',
    article: '第四十九条',
    kind: 'summary',
    zh: `（概述）盗窃、诈骗、敲诈勒索（该条还涵盖损毁财物）。`,
    en: '(Summary) Theft, fraud and extortion (the article also covered property damage).',
    verified: 'verified_primary',
  }),
  cite(PSL_2012, {
    id: 'psl-2012.art51',
    ref: 'B5',
    article: '第五十一条',
    zh: `冒充国家机关工作人员或者以其他虚假身份招摇撞骗`,
    en: 'Impersonating state officials, or using another false identity, to deceive.',
    verified: 'verified_primary',
  }),
  cite(PSL_2012, {
    id: 'psl-2012.art52',
    ref: 'B6 map',
    article: '第五十二条',
    kind: 'summary',
    zh: `（概述，未重新核对）伪造或者使用伪造的公文、印章。`,
    en: '(Summary; not re-read) Forging or using forged official documents or seals.',
    verified: 'unverified',
    note: 'The reference\'s old→new article map says the old 第五十二条 was "not re-read"; check before citing.',
  }),
  cite(PSL_2012, {
    id: 'psl-2012.art22',
    ref: 'B5',
    article: '第二十二条',
    zh: `违反治安管理行为在六个月内没有被公安机关发现的，不再处罚`,
    en: 'Conduct not discovered by the police within six months is no longer punished: report promptly.',
    verified: 'verified_primary',
  }),
  cite(PSL_2012, {
    id: 'psl-2012.art77',
    ref: 'B5',
    article: '第七十七条',
    kind: 'summary',
    zh: `（概述）公安机关对报案、控告、举报应当“及时受理”。`,
    en: '(Summary) The police must accept reports promptly.',
    verified: 'verified_primary',
  }),

  // ── B6 治安管理处罚法 (2025 revision, from 2026-01-01) ──────────────────────
  cite(PSL_2025, {
    id: 'psl-2025.art50',
    ref: 'B6',
    article: '第五十条',
    zh: `有下列行为之一的，处五日以下拘留或者一千元以下罚款；情节较重的，处五日以上十日以下拘留，可以并处一千元以下罚款：（一）写恐吓信或者以其他方法威胁他人人身安全的；（二）公然侮辱他人或者捏造事实诽谤他人的；……（五）多次发送淫秽、侮辱、恐吓等信息或者采取滋扰、纠缠、跟踪等方法，干扰他人正常生活的；（六）偷窥、偷拍、窃听、散布他人隐私的。有前款第五项规定的滋扰、纠缠、跟踪行为的，除依照前款规定给予处罚外，经公安机关负责人批准，可以责令其一定期限内禁止接触被侵害人。对违反禁止接触规定的，处五日以上十日以下拘留，可以并处一千元以下罚款。`,
    en: "Same offences as the old Art. 42, with the fine raised to 1,000 yuan. Item (5) now expressly covers harassing, pestering or stalking. The police may issue a no-contact order; breaching it means 5 to 10 days' detention.",
    verified: 'verified_primary',
    note: 'Cross-check: a separate research note quotes the same article from the 最高检 reprint https://www.spp.gov.cn/spp/fl/202506/t20250627_699863.shtml.',
  }),
  cite(PSL_2025, {
    id: 'psl-2025.art50.item1',
    ref: 'B6',
    article: '第五十条第一款第（一）项',
    zh: `有下列行为之一的，处五日以下拘留或者一千元以下罚款；情节较重的，处五日以上十日以下拘留，可以并处一千元以下罚款：（一）写恐吓信或者以其他方法威胁他人人身安全的；`,
    en: "Threatening another person's personal safety (threatening letters or other means): up to 5 days' detention or a 1,000-yuan fine; 5 to 10 days if serious.",
    verified: 'verified_primary',
  }),
  cite(PSL_2025, {
    id: 'psl-2025.art50.item2',
    ref: 'B6',
    article: '第五十条第一款第（二）项',
    zh: `有下列行为之一的，处五日以下拘留或者一千元以下罚款；情节较重的，处五日以上十日以下拘留，可以并处一千元以下罚款：……（二）公然侮辱他人或者捏造事实诽谤他人的；`,
    en: "Publicly insulting or defaming another person: up to 5 days' detention or a 1,000-yuan fine; 5 to 10 days if serious.",
    verified: 'verified_primary',
  }),
  cite(PSL_2025, {
    id: 'psl-2025.art50.item5',
    ref: 'B6',
    article: '第五十条第一款第（五）项',
    zh: `有下列行为之一的，处五日以下拘留或者一千元以下罚款；情节较重的，处五日以上十日以下拘留，可以并处一千元以下罚款：……（五）多次发送淫秽、侮辱、恐吓等信息或者采取滋扰、纠缠、跟踪等方法，干扰他人正常生活的；`,
    en: "Repeatedly sending obscene, insulting or threatening messages, or harassing, pestering or stalking, that disturbs another person's normal life: up to 5 days' detention or a 1,000-yuan fine; 5 to 10 days if serious.",
    verified: 'verified_primary',
  }),
  cite(PSL_2025, {
    id: 'psl-2025.art50.item6',
    ref: 'B6',
    article: '第五十条第一款第（六）项',
    zh: `有下列行为之一的，处五日以下拘留或者一千元以下罚款；情节较重的，处五日以上十日以下拘留，可以并处一千元以下罚款：……（六）偷窥、偷拍、窃听、散布他人隐私的。`,
    en: "Peeping, secret photography, eavesdropping on or spreading another person's private information: up to 5 days' detention or a 1,000-yuan fine; 5 to 10 days if serious.",
    verified: 'verified_primary',
  }),
  cite(PSL_2025, {
    id: 'psl-2025.art50.para2',
    ref: 'B6',
    article: '第五十条第二款',
    zh: `有前款第五项规定的滋扰、纠缠、跟踪行为的，除依照前款规定给予处罚外，经公安机关负责人批准，可以责令其一定期限内禁止接触被侵害人。对违反禁止接触规定的，处五日以上十日以下拘留，可以并处一千元以下罚款。`,
    en: "For harassing, pestering or stalking under item (5), the police may, with the approval of the police chief, order the person not to contact the victim for a set period. Breaching the order: 5 to 10 days' detention, and a fine of up to 1,000 yuan.",
    verified: 'verified_primary',
  }),
  cite(PSL_2025, {
    id: 'psl-2025.art56',
    ref: 'B6',
    article: '第五十六条',
    zh: `违反国家有关规定，向他人出售或者提供个人信息的，处十日以上十五日以下拘留；情节较轻的，处五日以下拘留。窃取或者以其他方法非法获取个人信息的，依照前款的规定处罚。`,
    en: "Selling, providing or unlawfully obtaining personal information below the criminal threshold: 10 to 15 days' detention (up to 5 days if minor). New in the 2025 revision; directly relevant to leaked contact lists.",
    verified: 'verified_primary',
  }),
  cite(PSL_2025, {
    id: 'psl-2025.art30',
    ref: 'B6',
    article: '第三十条',
    kind: 'summary',
    zh: `（概述）寻衅滋事（治安管理处罚；对应旧法第二十六条），新增“其他无故侵扰他人、扰乱社会秩序的寻衅滋事行为”。`,
    en: '(Summary) Picking quarrels (administrative; old Art. 26); adds "other acts of picking quarrels that harass others without reason and disturb public order".',
    verified: 'verified_primary',
  }),
  cite(PSL_2025, {
    id: 'psl-2025.art47.item3',
    ref: 'B6',
    article: '第四十七条第（三）项',
    kind: 'summary',
    zh: `（概述）非法限制他人人身自由、非法侵入他人住宅（对应旧法第四十条第（三）项）。`,
    en: "(Summary) Unlawfully restricting another person's liberty or entering another person's home (old Art. 40(3)).",
    verified: 'verified_primary',
    note: 'The reference gives the new wording only through its old→new map.',
  }),
  cite(PSL_2025, {
    id: 'psl-2025.art51',
    ref: 'B6',
    article: '第五十一条',
    kind: 'summary',
    zh: `（概述）殴打他人（对应旧法第四十三条）。`,
    en: '(Summary) Assault (old Art. 43).',
    verified: 'verified_primary',
  }),
  cite(PSL_2025, {
    id: 'psl-2025.art58',
    ref: 'B6',
    article: '第五十八条',
    kind: 'summary',
    zh: `（概述）盗窃、诈骗、敲诈勒索（对应旧法第四十九条；损毁财物移至第五十九条）。`,
    en: '(Summary) Theft, fraud and extortion (old Art. 49; property damage moved to Art. 59).',
    verified: 'verified_primary',
  }),
  cite(PSL_2025, {
    id: 'psl-2025.art62',
    ref: 'B6',
    article: '第六十二条',
    kind: 'summary',
    zh: `（概述）冒充国家机关工作人员或者以其他虚假身份招摇撞骗（对应旧法第五十一条）；第三款新增“盗用、冒用个人、组织的身份、名义”。`,
    en: "(Summary) Impersonating officials or using a false identity to deceive (old Art. 51); the third paragraph adds misusing or impersonating a person's or organisation's identity or name.",
    verified: 'verified_primary',
  }),
  cite(PSL_2025, {
    id: 'psl-2025.art63',
    ref: 'B6',
    article: '第六十三条',
    kind: 'summary',
    zh: `（概述）伪造或者使用伪造的公文、印章（对应旧法第五十二条）。`,
    en: '(Summary) Forging or using forged official documents or seals (old Art. 52).',
    verified: 'verified_primary',
  }),
  cite(PSL_2025, {
    id: 'psl-2025.art25',
    ref: 'B6',
    article: '第二十五条',
    kind: 'summary',
    zh: `（概述）时效：违反治安管理的行为六个月内未被公安机关发现的，不再处罚（对应旧法第二十二条）。`,
    en: '(Summary) Conduct not discovered by the police within six months is no longer punished (old Art. 22): report promptly.',
    verified: 'verified_primary',
  }),
  cite(PSL_2025, {
    id: 'psl-2025.art90',
    ref: 'B6',
    article: '第九十条',
    kind: 'summary',
    zh: `（概述）公安机关对报案、控告、举报“应当立即立案并进行调查”（旧法第七十七条为“及时受理”）。`,
    en: '(Summary) The police must register reports immediately and investigate (old Art. 77: accept promptly).',
    verified: 'verified_primary',
  }),
  cite(PSL_2025, {
    id: 'psl-2025.art144',
    ref: 'B6',
    article: '第一百四十四条',
    zh: `本法自2026年1月1日起施行`,
    en: 'This Law takes effect on 1 January 2026.',
    verified: 'verified_primary',
  }),

  // ── B7 非法放贷意见 ───────────────────────────────────────────────────────
  cite(ILLEGAL_LENDING_2019, {
    id: 'illegal-lending-2019.art1',
    ref: 'B7',
    article: '第一条',
    zh: `违反国家规定，未经监管部门批准，或者超越经营范围，以营利为目的，经常性地向社会不特定对象发放贷款，扰乱金融市场秩序，情节严重的，依照刑法第二百二十五条第（四）项的规定，以非法经营罪定罪处罚。前款规定中的'经常性地向社会不特定对象发放贷款'，是指2年内向不特定多人（包括单位和个人）以借款或其他名义出借资金10次以上。`,
    en: 'Lending for profit, habitually and to the public, without regulatory approval or beyond the approved scope, where serious, is the crime of illegal business operation. "Habitually" means lending 10 or more times within 2 years to unspecified persons.',
    verified: 'verified_secondary',
  }),
  cite(ILLEGAL_LENDING_2019, {
    id: 'illegal-lending-2019.art2',
    ref: 'B7',
    article: '第二条',
    zh: `以超过36%的实际年利率实施符合本意见第一条规定的非法放贷行为，具有下列情形之一的，属于刑法第二百二十五条规定的'情节严重'，但单次非法放贷行为实际年利率未超过36%的，定罪量刑时不得计入：（一）个人非法放贷数额累计在200万元以上的，单位非法放贷数额累计在1000万元以上的；（二）个人违法所得数额累计在80万元以上的……；（三）个人非法放贷对象累计在50人以上的……；（四）造成借款人或者其近亲属自杀、死亡或者精神失常等严重后果的。`,
    en: 'Illegal lending above a 36% real annual rate is "serious" when, e.g., an individual lent 2 million yuan or more in total, gained 800,000 yuan or more, lent to 50 or more people, or caused suicide, death or mental disorder of a borrower or close relative. Single loans at or below 36% are not counted. This is a criminal threshold for unlicensed lenders, not a civil interest cap.',
    verified: 'verified_secondary',
  }),
  cite(ILLEGAL_LENDING_2019, {
    id: 'illegal-lending-2019.collection',
    ref: 'B7',
    article: null,
    kind: 'summary',
    zh: `（概述，据回忆，未核实）意见后文规定：为强索此类非法放贷债务实施故意伤害、非法拘禁、寻衅滋事等暴力催收行为的，数罪并罚。`,
    en: '(Summary, from memory; unverified) A later article says violent collection of these debts (intentional injury, unlawful detention, 寻衅滋事 and so on) is punished cumulatively.',
    verified: 'unverified',
    note: 'Article number and text UNVERIFIED. Do not cite.',
  }),

  // ── B8 软暴力意见 ─────────────────────────────────────────────────────────
  cite(SOFT_VIOLENCE_2019, {
    id: 'soft-violence-2019.art1',
    ref: 'B8',
    article: '第一条',
    zh: `'软暴力'是指行为人为谋取不法利益或形成非法影响，对他人或者在有关场所进行滋扰、纠缠、哄闹、聚众造势等，足以使他人产生恐惧、恐慌进而形成心理强制，或者足以影响、限制人身自由、危及人身财产安全，影响正常生活、工作、生产、经营的违法犯罪手段。`,
    en: "'Soft violence' means harassing, pestering, heckling or mobbing others, for illegitimate gain or illegal influence, in a way that creates fear and psychological coercion, restricts liberty, endangers person or property, or disrupts normal life, work, production or business.",
    verified: 'verified_primary',
  }),
  cite(SOFT_VIOLENCE_2019, {
    id: 'soft-violence-2019.art2',
    ref: 'B8',
    article: '第二条',
    zh: `跟踪贴靠、扬言传播疾病、揭发隐私、恶意举报、诬告陷害……贴报喷字、拉挂横幅……通过信息网络或者通讯工具实施，符合本意见第一条规定的违法犯罪手段，应当认定为'软暴力'。`,
    en: 'Listed forms include stalking, threatening to spread disease, exposing private matters, malicious reports, false accusations, posters, graffiti and banners. Soft violence carried out through information networks or communication tools counts, so call and SMS bombing of contacts can qualify.',
    verified: 'verified_primary',
  }),
  cite(SOFT_VIOLENCE_2019, {
    id: 'soft-violence-2019.art5',
    ref: 'B2 (related)',
    article: '第五条',
    kind: 'summary',
    zh: `（概述，未核实）软暴力视为刑法第二百九十三条第一款第（二）项的“恐吓”；“多次”指二年内三次以上。`,
    en: '(Summary; unverified) Soft violence counts as "intimidation" under Criminal Law Art. 293(1)(2); "repeatedly" means three or more times within two years.',
    verified: 'unverified',
    note: 'Mentioned in the reference under B2 without a quote or a status of its own (B8 lists only 第一、二、十一条 as read). Check before citing.',
  }),
  cite(SOFT_VIOLENCE_2019, {
    id: 'soft-violence-2019.art11',
    ref: 'B8',
    article: '第十一条',
    zh: `为强索不受法律保护的债务……雇佣、指使他人采用'软暴力'手段……对雇佣者、指使者，一般应当以共同犯罪中的主犯论处；因本人及近亲属合法债务……而雇佣、指使，没有造成严重后果的，一般不作为犯罪处理，但经有关部门批评制止或者处理处罚后仍继续实施的除外。`,
    en: 'Whoever hires collectors to use soft violence to enforce debts the law does not protect is a principal offender. For lawful debts it is generally not a crime unless it caused serious consequences or continues after an official warning or penalty.',
    verified: 'verified_primary',
  }),

  // ── B9 套路贷意见 ─────────────────────────────────────────────────────────
  {
    id: 'taolu-2019.part1',
    ref: 'B9',
    law: {
      zh: '最高人民法院、最高人民检察院、公安部、司法部关于办理“套路贷”刑事案件若干问题的意见',
      en: "Opinions of the SPC, SPP, MPS and MoJ on Several Issues concerning the Handling of Criminal Cases of 'Taolu Loans' (predatory-loan scams)",
    },
    issuer: '最高人民法院、最高人民检察院、公安部、司法部',
    docNumber: null,
    article: '第一部分',
    excerpt: {
      zh: `'套路贷'，是对以非法占有为目的，假借民间借贷之名，诱使或迫使被害人签订'借贷'或变相'借贷''抵押''担保'等相关协议，通过虚增借贷金额、恶意制造违约、肆意认定违约、毁匿还款证据等方式形成虚假债权债务，并借助诉讼、仲裁、公证或者采用暴力、威胁以及其他手段非法占有被害人财物的相关违法犯罪活动的概括性称谓。`,
      en: "'Taolu loans': schemes that, under the guise of private lending and aiming at illegal possession, induce or force victims to sign loan, mortgage or guarantee agreements, create false debts by inflating amounts, engineering or arbitrarily declaring defaults, or destroying repayment evidence, and then seize the victim's property through litigation, arbitration, notarisation, violence, threats or other means.",
    },
    tier: 'judicial_interpretation',
    verified: 'verified_secondary',
    effectiveFrom: null,
    effectiveTo: null,
    source: 'https://m.64365.com/special/19598280',
    note:
      'The definition is item 一、1. Announced 2019-04-09 with the soft-violence opinion; the reference gives no effective date. 文号 UNVERIFIED. ' +
      'Also read: https://heilongjiang.big5.dbw.cn/system/2019/05/07/058196333.shtml',
  },

  // ── B10 公安部 interpretation (calls as "information") ──────────────────────
  {
    id: 'mps-psl-interpretation-2.calls',
    ref: 'B10',
    law: {
      zh: '公安机关执行〈治安管理处罚法〉有关问题的解释（二）',
      en: 'MPS Interpretation (II) on Issues in Implementing the Public Security Administration Punishments Law',
    },
    issuer: '公安部',
    docNumber: null,
    article: null,
    excerpt: {
      zh: `'信息'应作广义理解，包括声音、文字、图像等……对于实践中经常出现的不断拨打电话、多次用电话振铃（受害人未接通即挂机）或多次拨通电话不讲话等方式骚扰他人，干扰他人正常生活的，可以将其行为作为多次发送其他信息……依照《治安管理处罚法》第42条第五项的规定予以处罚`,
      en: '"Information" is read broadly (sound, text, images). Harassing someone by calling again and again, ringing and hanging up before they answer, or calling without speaking, can be punished as repeatedly sending other information under old Art. 42 item (5).',
    },
    tier: 'normative_document',
    verified: 'unverified',
    effectiveFrom: null,
    effectiveTo: null,
    source: 'https://m.maxlaw.cn/z/20210526/862320513832.shtml',
    note:
      'Seen only in a Q&A quote; the attribution to this document is from memory. The document, its number and whether it survives the 2025 revision are all ' +
      'unconfirmed. It interprets the old 第四十二条; the new 第五十条第一款第（五）项 ("滋扰、纠缠") covers much of the same conduct anyway.',
  },
];
