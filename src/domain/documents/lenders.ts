/**
 * Complaints go to the authority that supervises the lender (issue 12 §3).
 *
 * A case's lenders come from its loans and from the collectors the registry (src/law/lenders*.ts) links to a lender;
 * the app builds them (DocumentLender) with the registry's entity, brand, type, regulator and province. Routing, per
 * docs/law/cn-law.md through the channel table (src/law/channels.ts):
 * - the lender itself first (regulators pass complaints back to it; complaints-2020 time limits for banks);
 * - banks, credit-card centres and consumer finance companies: NFRA 12378 (the NFRA office of the place of
 *   registration handles it);
 * - microloan and financing-guarantee companies: the local financial regulator of the province where they are
 *   registered (D2: the seven kinds of local financial organisations);
 * - a platform (助贷) lends nothing itself: 12378 for the licensed lender named in the contract (zhudai-2025 item 1) and
 *   NIFA's report platform;
 * - NIFA's report platform also for online lenders (consumer finance, microloan, internet banks) where the registry
 *   lists it.
 * A complaint whose lender is not identified says so and tells the person how to find out.
 */
import type { LenderType, Text2 } from '../law.js';
import { LENDER_TYPE_LABEL } from './format.js';

/** The registry's lender types (src/law/lenders-types.ts RegistryLenderType), as documents see them. */
export type DocumentLenderType = LenderType | 'internet_bank' | 'guarantee';

/** One lender of the case, as complaints need it. */
export interface DocumentLender {
  /** 'loan:3' for a loan of the case; 'entity:cfc.zhaolian' or 'brand:brand.360jietiao' for a lender known only from collectors. */
  key: string;
  /** What the letter calls it: the registered name, else the brand, else the loan's lender name as entered. */
  name: string;
  /** Registered name from the registry, when known. */
  entity: string | null;
  /** The brand people see (借呗, 安逸花 …), when known. */
  brand: string | null;
  type: DocumentLenderType;
  /** Supervising authority per the registry (an NFRA office or a local financial regulator); null when not known. */
  regulator: string | null;
  /** Whether the registry read the regulator in a source ('secondary'/'verified') or inferred it ('unverified'). */
  regulatorStatus?: 'verified' | 'secondary' | 'unverified' | null;
  /** Province of registration, when known. */
  province: string | null;
  /** Complaint channel ids in the order to propose them (the registry's, else by type). */
  channels: string[];
  /** A brand that lends through several entities, none named: the contract says which. */
  multiLender?: boolean;
  loanIds: number[];
  collectorIds: number[];
}

/** Key of the "lender not identified" complaint. */
export const UNKNOWN_LENDER = 'unknown';

/** Channels by type when the registry does not know the lender (same table as the registry's CHANNELS_FOR). */
const CHANNELS_BY_TYPE: Record<DocumentLenderType, string[]> = {
  bank: ['lender', '12378'],
  credit_card: ['lender', '12378'],
  internet_bank: ['lender', '12378', 'nifa'],
  consumer_finance: ['lender', '12378', 'nifa'],
  microloan: ['lender', 'local_regulator', 'nifa'],
  guarantee: ['lender', 'local_regulator'],
  platform: ['lender', 'nifa', '12378'],
  private: [],
  other: ['lender'],
};

export function channelsForType(t: DocumentLenderType): string[] {
  return CHANNELS_BY_TYPE[t] ?? ['lender'];
}

/** Channels that are about one lender (a complaint per lender by default); the others are about the whole case. */
export const LENDER_CHANNELS: readonly string[] = ['lender', '12378', 'local_regulator', 'nifa'];

export function typeLabel(t: DocumentLenderType): Text2 {
  if (t === 'internet_bank') return { zh: '民营银行（互联网银行）', en: 'private (internet) bank' };
  if (t === 'guarantee') return { zh: '融资担保公司', en: 'financing-guarantee company' };
  return LENDER_TYPE_LABEL[t];
}

/** "招联消费金融股份有限公司（品牌：招联金融）". */
export function lenderTitle(l: DocumentLender, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  const brand = l.brand && l.brand !== l.name ? (zh ? `（品牌：${l.brand}）` : ` (brand: ${l.brand})`) : '';
  return `${l.name}${brand}`;
}

const NFRA = { zh: '国家金融监督管理总局', en: 'the National Financial Regulatory Administration (NFRA)' };

/** Why this channel is proposed for this lender, in a sentence; null when the channel does not fit it. */
export function routeReason(l: DocumentLender, channel: string): Text2 | null {
  if (!l.channels.includes(channel)) return null;
  const tl = typeLabel(l.type);
  const who = { zh: `${l.name}是${tl.zh}`, en: `${l.name} is a ${tl.en}` };
  const reg = l.regulator;
  const inferred = l.regulatorStatus === 'unverified';
  const regZh = reg ? `${reg}${inferred ? '（按注册地推定，未核实）' : ''}` : null;
  const regEn = reg ? `${reg}${inferred ? ' (inferred from where it is registered, unverified)' : ''}` : null;
  switch (channel) {
    case 'lender':
      return {
        zh: `先向${l.name}本身投诉：机构须依规受理并答复，监管部门一般也会把投诉转回机构处理。`,
        en: `Complain to ${l.name} itself first: it must handle and answer complaints, and regulators generally pass complaints back to it.`,
      };
    case '12378':
      if (l.type === 'platform')
        return {
          zh: `${l.name}是助贷平台，本身不放贷：请就借款合同上写明的持牌放贷机构向12378投诉（助贷业务属商业银行互联网贷款，受${NFRA.zh}监管）。`,
          en: `${l.name} is a loan platform and lends nothing itself: complain to 12378 about the licensed lender named in the loan contract (loan facilitation is bank internet lending under ${NFRA.en}).`,
        };
      return {
        zh: `${who.zh}，由${regZh ?? NFRA.zh}监管；12378受理银行、信用卡中心、消费金融公司及其委托催收机构的投诉。`,
        en: `${who.en}, supervised by ${regEn ?? NFRA.en}; 12378 takes complaints about banks, card centres, consumer finance companies and their collectors.`,
      };
    case 'local_regulator':
      return {
        zh: `${who.zh}${l.province ? `，注册在${l.province}` : ''}，属地方金融组织，由注册地的地方金融管理部门监管${regZh ? `（${regZh}）` : ''}。`,
        en: `${who.en}${l.province ? ` registered in ${l.province}` : ''}: a local financial organisation, supervised by the local financial regulator where it is registered${regEn ? ` (${regEn})` : ''}.`,
      };
    case 'nifa':
      return {
        zh: `中国互联网金融协会举报平台受理对网络借贷、消费金融等机构的举报（是举报，不是投诉），会转交主管部门。`,
        en: `NIFA's platform takes reports (not complaints) about online lenders and consumer finance companies and passes them to the authorities.`,
      };
    default:
      return null;
  }
}

/**
 * The regulator's name as a letter gives it: without the registry's notes on how sure it is ("（注册地派出机构未核实）"),
 * which belong in the app's views; null when nothing of the name is left.
 */
export function cleanRegulator(reg: string | null | undefined): string | null {
  if (!reg) return null;
  const s = reg.replace(/[（(][^（()）]*(?:未核实|推定|二手|unverified|inferred)[^（()）]*[)）]/g, '').trim();
  return s || null;
}

/** Who a letter to this channel about this lender is addressed to. */
export function lenderAddressee(l: DocumentLender, channel: string, lang: 'zh' | 'en'): string | null {
  const zh = lang === 'zh';
  const regulator = cleanRegulator(l.regulator);
  if (channel === 'lender') return zh ? `致：${l.name}（投诉受理部门）` : `To: ${l.name} (complaints department)`;
  if (channel === '12378' && l.type !== 'platform' && regulator)
    return regulator === NFRA.zh
      ? zh ? '致：国家金融监督管理总局（12378）' : 'To: NFRA (12378)'
      : zh ? `致：国家金融监督管理总局（12378）／${regulator}` : `To: NFRA (12378) / ${regulator}`;
  if (channel === 'local_regulator') {
    const reg = regulator ?? (l.province ? `${l.province}地方金融管理局` : null);
    if (reg) return zh ? `致：${reg}` : `To: ${reg}`;
  }
  return null;
}

/** How to find out who the lender is, for a complaint whose lender is not identified. */
export const FIND_LENDER: Text2 = {
  zh:
    '催收方没有表明其所代表的放贷机构，本人尚未查明被投诉机构。查明的办法：（1）借款合同（借款协议）上写明的“出借人”或“贷款人”；' +
    '（2）借款App的“关于我们”页面或借款记录中写明的放贷机构和合作机构；（3）中国人民银行征信中心的个人信用报告，其中“信贷记录”列出每笔借款的机构名称。查明后请补充机构名称再提交。',
  en:
    'The collectors did not say which lender they act for, and I have not yet identified the lender. How to find out: (1) the lender ' +
    '(出借人 / 贷款人) named in the loan contract; (2) the lender and partner institutions named on the app\'s 关于我们 (About us) page or in ' +
    'the loan record; (3) the personal credit report of the PBoC Credit Reference Center, whose credit records name the institution of each loan. ' +
    'Add the lender\'s name before sending.',
};
