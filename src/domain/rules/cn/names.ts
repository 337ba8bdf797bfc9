/**
 * What conduct each cited provision describes, in the words a finding uses ("可能构成 / may constitute"). Only the
 * conduct is written here: the name of the law and the article come from the law view (CaseData.law.citations[id].title,
 * built by the app from src/law), so a renumbered or renamed provision is renamed in one place.
 * Criminal provisions are always phrased as a possibility for the police and courts to decide.
 */
import type { Text2 } from '../../law.js';
import type { CitationTally } from '../engine.js';
import { C } from './citations.js';

interface Conduct {
  /** The conduct, e.g. 威胁他人人身安全的违反治安管理行为; empty for a provision that only supports the one before it. */
  what: Text2;
  /** A caveat shown after the provision's name. */
  note?: Text2;
}

const REG: Text2 = { zh: '违反监管规章', en: 'a breach of a regulation' };
const std = (zh: string, en: string): Conduct => ({ what: { zh: `不符合推荐性国家标准：${zh}`, en: `conduct contrary to the recommended national standard: ${en}` } });
const cba = (zh: string, en: string): Conduct => ({ what: { zh: `不符合行业自律规范：${zh}`, en: `conduct contrary to the industry guideline (self-regulation): ${en}` } });
const psl = (zh: string, en: string): Conduct => ({ what: { zh: `${zh}的违反治安管理行为`, en: `${en} (a public-security violation)` } });

const N: Record<string, Conduct> = {
  [C.cfcArt56]: { what: REG },
  [C.cfcArt55]: { what: REG },
  [C.ccArt68]: { what: REG },
  [C.ccArt70]: { what: REG },
  [C.ccArt3]: { what: REG },
  [C.ilArt56]: { what: REG },
  [C.ilArt34]: { what: REG },
  [C.gbtContacts]: std('只向债务人催收', 'collect only from the debtor'),
  [C.gbtNight]: std('22:00至次日8:00不催收', 'no collection 22:00–08:00'),
  [C.gbtCalls]: std('每日有效通话不超过3次', 'at most 3 effective calls a day'),
  [C.cbaNight]: cba('22:00至次日8:00不催收', 'no collection 22:00–08:00'),
  [C.cbaAttempts]: cba('未接通时同一号码每日不宜超过6次', 'at most 6 attempts a day on an unanswered number'),
  [C.cbaThirdParty]: cba('原则上严禁向无关第三人催收', 'no collection from unrelated third parties'),
  [C.cbaImpersonation]: cba('禁止冒用行政、司法机关名义', 'no use of the name of authorities'),
  [C.cbaImproper]: cba('禁止恐吓、辱骂、威胁等不当手段', 'no intimidation, insults or threats'),
  [C.cbaFalse]: cba('禁止夸大法律后果', 'no exaggerated legal consequences'),
  [C.crim293_1]: {
    what: { zh: '催收非法债务罪', en: 'the crime of collecting illegal debts' },
    note: { zh: '仅适用于高利放贷等非法债务，须情节严重', en: 'only for illegal debts such as usurious loans, and only if serious' },
  },
  [C.crim293]: {
    what: { zh: '寻衅滋事', en: 'picking quarrels' },
    note: { zh: '因债务纠纷引起的一般不认定，但经有关部门批评制止或处理处罚后继续实施的除外', en: 'generally not for debt disputes unless the conduct continues after an official warning or penalty' },
  },
  [C.xunxin]: { what: { zh: '', en: '' } },
  [C.crim253_1]: {
    what: { zh: '侵犯公民个人信息罪', en: "the crime of infringing citizens' personal information" },
    note: { zh: '须达到情节严重的数量标准', en: 'only above the quantity thresholds' },
  },
  [C.piCrimeArt5]: { what: { zh: '', en: '' }, note: { zh: '数量标准', en: 'thresholds' } },
  [C.crim246]: { what: { zh: '侮辱罪', en: 'the crime of insult' }, note: { zh: '须公然且情节严重，告诉的才处理', en: 'public and serious only; private prosecution' } },
  [C.crim279]: { what: { zh: '招摇撞骗罪', en: 'the crime of impersonating officials to deceive' }, note: { zh: '冒充国家机关工作人员的情形', en: 'impersonating state officials' } },
  [C.psl12Item1]: psl('威胁他人人身安全', "threatening a person's safety"),
  [C.psl25Item1]: psl('威胁他人人身安全', "threatening a person's safety"),
  [C.psl12Item2]: psl('公然侮辱他人', 'publicly insulting a person'),
  [C.psl25Item2]: psl('公然侮辱他人', 'publicly insulting a person'),
  [C.psl12Item5]: psl('多次发送侮辱、恐吓等信息干扰他人正常生活', "repeatedly sending insulting, threatening or other messages that disturb a person's life"),
  [C.psl25Item5]: psl('多次发送侮辱、恐吓等信息或滋扰、纠缠他人', 'repeatedly sending insulting or threatening messages, or harassing or pestering a person'),
  [C.psl12Art51]: psl('冒充国家机关工作人员或以其他虚假身份招摇撞骗', 'impersonating officials or using a false identity to deceive'),
  [C.psl25Art62]: psl('冒充国家机关工作人员或以其他虚假身份招摇撞骗', 'impersonating officials or using a false identity to deceive'),
  [C.psl25Art56]: psl('非法提供或获取个人信息', 'providing or unlawfully obtaining personal information'),
  [C.piplArt6]: { what: { zh: '违反个人信息处理的最小必要原则', en: 'a breach of the minimum-necessity principle for personal information' } },
  [C.piplArt10]: { what: { zh: '非法使用、提供他人个人信息', en: "unlawful use or disclosure of others' personal information" } },
  [C.civil1033]: { what: { zh: '侵害联系人私人生活安宁的侵权行为', en: "a tort against the contacts' peace of private life" }, note: { zh: '联系人可自行主张', en: "the contacts' own claim" } },
  [C.civil1033Item1]: {
    what: { zh: '以电话、短信、即时通讯工具等方式侵扰私人生活安宁的侵权行为', en: 'a tort against the peace of private life by phone, SMS or instant messaging' },
    note: { zh: '受侵扰的人可自行主张', en: "the harassed person's own claim" },
  },
  [C.civil1024]: { what: { zh: '侵害名誉权的侵权行为', en: 'a tort against reputation' } },
};

/** The phrase for one cited provision, with the law's own name for it (from the law view), or undefined for an unknown id. */
function phrase(tally: CitationTally, id: string): Text2 | undefined {
  const c = N[id];
  if (!c) return undefined;
  const title = tally.meta[id]?.title ?? { zh: id, en: id };
  if (!c.what.zh) {
    // A provision that only supports the one before it: "（数量标准见…）" / "(thresholds: see …)".
    return c.note
      ? { zh: `（${c.note.zh}见${title.zh}）`, en: `(${c.note.en}: see ${title.en})` }
      : { zh: `（见${title.zh}）`, en: `(see ${title.en})` };
  }
  return {
    zh: `${c.what.zh}（${title.zh}${c.note ? `，${c.note.zh}` : ''}）`,
    en: `${c.what.en} (${title.en}${c.note ? `; ${c.note.en}` : ''})`,
  };
}

/** "可能构成：A；B。" from the citations a tally cited, in its priority order. */
export function mayConstitute(tally: CitationTally, lead: Text2 = { zh: '这可能构成：', en: 'This may constitute: ' }): Text2 {
  const names = tally
    .cited()
    .map((id) => phrase(tally, id))
    .filter((x): x is Text2 => !!x);
  if (!names.length) return { zh: '', en: '' };
  // A supporting provision "（见…）" follows the one before it without a separator.
  const join = (parts: string[], sep: string) => parts.reduce((acc, p, i) => (i === 0 ? p : p.startsWith('（') || p.startsWith('(') ? `${acc}${p.startsWith('(') ? ' ' : ''}${p}` : `${acc}${sep}${p}`), '');
  return { zh: `${lead.zh}${join(names.map((n) => n.zh), '；')}。`, en: `${lead.en}${join(names.map((n) => n.en), '; ')}.` };
}
