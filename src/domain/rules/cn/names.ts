/**
 * What conduct each cited provision describes, in the words a finding uses ("可能构成 / may constitute").
 * Criminal provisions are always phrased as a possibility for the police and courts to decide.
 */
import type { Text2 } from '../../law.js';
import type { CitationTally } from '../engine.js';
import { C } from './citations.js';

const N: Record<string, Text2> = {
  [C.cfcArt56]: { zh: '违反《消费金融公司管理办法》第五十六条（监管规章）', en: 'a breach of Art. 56 of the Consumer Finance Company Measures (regulation)' },
  [C.cfcArt55]: { zh: '违反《消费金融公司管理办法》第五十五条（监管规章）', en: 'a breach of Art. 55 of the Consumer Finance Company Measures (regulation)' },
  [C.ccArt68]: { zh: '违反《商业银行信用卡业务监督管理办法》第六十八条（监管规章）', en: 'a breach of Art. 68 of the Credit Card Measures (regulation)' },
  [C.ccArt70]: { zh: '违反《商业银行信用卡业务监督管理办法》第七十条（监管规章）', en: 'a breach of Art. 70 of the Credit Card Measures (regulation)' },
  [C.ccArt3]: { zh: '违反《商业银行信用卡业务监督管理办法》第三条（监管规章）', en: 'a breach of Art. 3 of the Credit Card Measures (regulation)' },
  [C.ilArt56]: { zh: '违反《商业银行互联网贷款管理暂行办法》第五十六条（监管规章）', en: 'a breach of Art. 56 of the Internet Loan Measures (regulation)' },
  [C.ilArt34]: { zh: '违反《商业银行互联网贷款管理暂行办法》第三十四条（监管规章）', en: 'a breach of Art. 34 of the Internet Loan Measures (regulation)' },
  [C.gbtContacts]: { zh: '不符合推荐性国家标准 GB/T 45251-2025（只向债务人催收）', en: 'conduct contrary to the recommended national standard GB/T 45251-2025 (collect only from the debtor)' },
  [C.gbtNight]: { zh: '不符合推荐性国家标准 GB/T 45251-2025（22:00至次日8:00不催收）', en: 'conduct contrary to the recommended national standard GB/T 45251-2025 (no collection 22:00–08:00)' },
  [C.gbtCalls]: { zh: '不符合推荐性国家标准 GB/T 45251-2025（每日有效通话不超过3次）', en: 'conduct contrary to the recommended national standard GB/T 45251-2025 (at most 3 effective calls a day)' },
  [C.cbaNight]: { zh: '不符合中国银行业协会催收工作指引（行业自律，22:00至次日8:00不催收）', en: 'conduct contrary to the China Banking Association guideline (self-regulation; no collection 22:00–08:00)' },
  [C.cbaAttempts]: { zh: '不符合中国银行业协会催收工作指引（行业自律，未接通时同一号码每日不宜超过6次）', en: 'conduct contrary to the China Banking Association guideline (self-regulation; at most 6 attempts a day on an unanswered number)' },
  [C.cbaThirdParty]: { zh: '不符合中国银行业协会催收工作指引（行业自律，原则上严禁向无关第三人催收）', en: 'conduct contrary to the China Banking Association guideline (self-regulation; no collection from unrelated third parties)' },
  [C.cbaImpersonation]: { zh: '不符合中国银行业协会催收工作指引（行业自律，禁止冒用行政、司法机关名义）', en: 'conduct contrary to the China Banking Association guideline (self-regulation; no use of the name of authorities)' },
  [C.cbaImproper]: { zh: '不符合中国银行业协会催收工作指引（行业自律，禁止恐吓、辱骂、威胁等不当手段）', en: 'conduct contrary to the China Banking Association guideline (self-regulation; no intimidation, insults or threats)' },
  [C.cbaFalse]: { zh: '不符合中国银行业协会催收工作指引（行业自律，禁止夸大法律后果）', en: 'conduct contrary to the China Banking Association guideline (self-regulation; no exaggerated legal consequences)' },
  [C.crim293_1]: { zh: '催收非法债务罪（刑法第二百九十三条之一，仅适用于高利放贷等非法债务，须情节严重）', en: 'the crime of collecting illegal debts (Criminal Law Art. 293-1; only for illegal debts such as usurious loans, and only if serious)' },
  [C.crim293]: { zh: '寻衅滋事（刑法第二百九十三条；因债务纠纷引起的一般不认定，但经有关部门批评制止或处理处罚后继续实施的除外）', en: 'picking quarrels (Criminal Law Art. 293; generally not for debt disputes unless the conduct continues after an official warning or penalty)' },
  [C.xunxin]: { zh: '（同上，见两高寻衅滋事解释第一条第三款）', en: '(see the 2013 interpretation on picking quarrels, Art. 1 para. 3)' },
  [C.crim253_1]: { zh: '侵犯公民个人信息罪（刑法第二百五十三条之一，须达到情节严重的数量标准）', en: "the crime of infringing citizens' personal information (Criminal Law Art. 253-1; only above the quantity thresholds)" },
  [C.piCrimeArt5]: { zh: '（数量标准见两高2017年解释第五条）', en: '(thresholds in the 2017 interpretation, Art. 5)' },
  [C.crim246]: { zh: '侮辱罪（刑法第二百四十六条，须公然且情节严重，告诉的才处理）', en: 'the crime of insult (Criminal Law Art. 246; public and serious only; private prosecution)' },
  [C.crim279]: { zh: '招摇撞骗罪（刑法第二百七十九条，冒充国家机关工作人员的情形）', en: 'the crime of impersonating officials to deceive (Criminal Law Art. 279)' },
  [C.psl12Item1]: { zh: '威胁他人人身安全的违反治安管理行为（《治安管理处罚法》2012年文本第四十二条第（一）项）', en: "threatening a person's safety under the Public Security Administration Punishments Law (2012 text, Art. 42 item 1)" },
  [C.psl25Item1]: { zh: '威胁他人人身安全的违反治安管理行为（《治安管理处罚法》2025年修订第五十条第（一）项）', en: "threatening a person's safety under the Public Security Administration Punishments Law (2025 revision, Art. 50 item 1)" },
  [C.psl12Item2]: { zh: '公然侮辱他人的违反治安管理行为（2012年文本第四十二条第（二）项）', en: 'publicly insulting a person (2012 text, Art. 42 item 2)' },
  [C.psl25Item2]: { zh: '公然侮辱他人的违反治安管理行为（2025年修订第五十条第（二）项）', en: 'publicly insulting a person (2025 revision, Art. 50 item 2)' },
  [C.psl12Item5]: { zh: '多次发送侮辱、恐吓等信息干扰他人正常生活的违反治安管理行为（2012年文本第四十二条第（五）项）', en: "repeatedly sending insulting, threatening or other messages that disturb a person's life (2012 text, Art. 42 item 5)" },
  [C.psl25Item5]: { zh: '多次发送侮辱、恐吓等信息或滋扰、纠缠他人的违反治安管理行为（2025年修订第五十条第（五）项）', en: 'repeatedly sending insulting or threatening messages, or harassing or pestering a person (2025 revision, Art. 50 item 5)' },
  [C.psl12Art51]: { zh: '冒充国家机关工作人员或以其他虚假身份招摇撞骗的违反治安管理行为（2012年文本第五十一条）', en: 'impersonating officials or using a false identity to deceive (2012 text, Art. 51)' },
  [C.psl25Art62]: { zh: '冒充国家机关工作人员或以其他虚假身份招摇撞骗的违反治安管理行为（2025年修订第六十二条）', en: 'impersonating officials or using a false identity to deceive (2025 revision, Art. 62)' },
  [C.psl25Art56]: { zh: '非法提供或获取个人信息的违反治安管理行为（2025年修订第五十六条）', en: 'providing or unlawfully obtaining personal information (2025 revision, Art. 56)' },
  [C.piplArt6]: { zh: '违反《个人信息保护法》第六条（最小必要）', en: 'a breach of Art. 6 of the Personal Information Protection Law (minimum necessity)' },
  [C.piplArt10]: { zh: '违反《个人信息保护法》第十条（不得非法使用、提供他人个人信息）', en: "a breach of Art. 10 of the Personal Information Protection Law (no unlawful use or disclosure of others' data)" },
  [C.civil1033]: { zh: '侵害联系人私人生活安宁的侵权行为（民法典第一千零三十三条，联系人可自行主张）', en: "a tort against the contacts' peace of private life (Civil Code Art. 1033; the contacts' own claim)" },
  [C.civil1033Item1]: { zh: '以电话、短信、即时通讯工具等方式侵扰私人生活安宁的侵权行为（民法典第一千零三十三条第（一）项，受侵扰的人可自行主张）', en: "a tort against the peace of private life by phone, SMS or instant messaging (Civil Code Art. 1033 item 1; the harassed person's own claim)" },
  [C.civil1024]: { zh: '侵害名誉权的侵权行为（民法典第一千零二十四条）', en: 'a tort against reputation (Civil Code Art. 1024)' },
};

/** "可能构成：A；B。" from the citations a tally cited, in its priority order. */
export function mayConstitute(tally: CitationTally, lead: Text2 = { zh: '这可能构成：', en: 'This may constitute: ' }): Text2 {
  const names = tally
    .cited()
    .map((id) => N[id])
    .filter((x): x is Text2 => !!x);
  if (!names.length) return { zh: '', en: '' };
  return { zh: `${lead.zh}${names.map((n) => n.zh).join('；')}。`, en: `${lead.en}${names.map((n) => n.en).join('; ')}.` };
}

export function citationName(id: string): Text2 | undefined {
  return N[id];
}
