/**
 * Banks that lend to consumers online or issue cards: the six large state-owned banks and the twelve joint-stock banks
 * (supervised by NFRA headquarters), city and rural banks that fund platform loans, and the private / internet banks.
 *
 * The main customer-service numbers (955xx) are the authors' knowledge unless a source is named: they are marked
 * 'unverified' and must be checked on the bank's own site, app or card before a person relies on them. Pages found by
 * search that list "客服电话" for lenders often give fake numbers (e.g. "00861-…"); none of those is used here.
 */
import { SRC, lenderEntity, nfraHq, nfraOffice, province, provinceFromName } from './lenders-sources.js';
import type { LenderEntity, LenderFactStatus, RegistryLenderType, ServiceNumber, SourcedFact } from './lenders-types.js';

const CHECK_NUMBER = 'Check it on the bank\'s own site, app or card before calling.';

/**
 * A bank number the authors know and that community lists confirm (SRC.callerIdList; SRC.bankPhoneEnum where it lists the
 * bank too). Community data is not an official source: 'unverified'.
 */
function knownNumber(number: string, label?: string, alsoInEnum = false): ServiceNumber {
  const source = alsoInEnum ? `${SRC.callerIdList} ; ${SRC.bankPhoneEnum}` : SRC.callerIdList;
  const n: ServiceNumber = { number, source, status: 'unverified', note: `Community lists agree with the authors' knowledge; not read on an official page. ${CHECK_NUMBER}` };
  if (label) n.label = label;
  return n;
}

interface BankInput {
  id: string;
  name: string;
  shortNames: string[];
  aliases?: string[];
  exactOnly?: string[];
  type?: RegistryLenderType;
  regulator: SourcedFact;
  province: SourcedFact;
  source?: string;
  status?: LenderFactStatus;
  serviceNumbers?: ServiceNumber[];
  note?: string;
}

function bank(i: BankInput): LenderEntity {
  return lenderEntity(`bank.${i.id}`, i.type ?? 'bank', i.regulator, i);
}

/** Nationwide banks: NFRA headquarters. */
function national(id: string, name: string, shortNames: string[], prov: string, numbers: ServiceNumber[], extra: Partial<BankInput> = {}): LenderEntity {
  return bank({ id, name, shortNames, regulator: nfraHq(), province: province(prov), serviceNumbers: numbers, ...extra });
}

/** Private (民营) and internet banks: the NFRA office of the place of registration. */
function privateBank(id: string, name: string, shortNames: string[], office: string, prov: string, extra: Partial<BankInput> = {}): LenderEntity {
  return bank({
    id,
    name,
    shortNames,
    type: 'internet_bank',
    regulator: nfraOffice(office),
    province: provinceFromName(prov, SRC.privateBanks, 'unverified'),
    source: SRC.privateBanks,
    status: 'unverified',
    note: 'Registered name from a community-maintained list (not an official source).',
    ...extra,
  });
}

/** City and rural banks named as lenders of platform loans. */
function cityBank(id: string, name: string, shortNames: string[], office: string, prov: string, extra: Partial<BankInput> = {}): LenderEntity {
  return bank({ id, name, shortNames, regulator: nfraOffice(office), province: province(prov), ...extra });
}

export const BANK_ENTITIES: LenderEntity[] = [
  // Large state-owned banks.
  national('icbc', '中国工商银行股份有限公司', ['中国工商银行', '工商银行', '工行'], '北京市', [knownNumber('95588', '客服电话', true)], { aliases: ['ICBC'] }),
  national('abc', '中国农业银行股份有限公司', ['中国农业银行', '农业银行', '农行'], '北京市', [knownNumber('95599', '客服电话', true)], { aliases: ['ABC'] }),
  national('boc', '中国银行股份有限公司', ['中国银行', '中行'], '北京市', [knownNumber('95566', '客服电话', true)], { aliases: ['BOC', 'Bank of China'] }),
  national('ccb', '中国建设银行股份有限公司', ['中国建设银行', '建设银行', '建行'], '北京市', [knownNumber('95533', '客服电话', true)], { aliases: ['CCB'] }),
  national('bocom', '交通银行股份有限公司', ['交通银行', '交行'], '上海市', [knownNumber('95559', '客服电话', true)], { aliases: ['BOCOM'] }),
  national('psbc', '中国邮政储蓄银行股份有限公司', ['中国邮政储蓄银行', '邮储银行', '邮政储蓄银行', '邮储'], '北京市', [knownNumber('95580', '客服电话', true)], { aliases: ['PSBC'] }),
  // Joint-stock banks.
  national('cmb', '招商银行股份有限公司', ['招商银行', '招行'], '广东省', [knownNumber('95555', '客服电话')], { aliases: ['CMB', 'China Merchants Bank'], note: 'Registered in 深圳 (authors\' knowledge).' }),
  national('citic', '中信银行股份有限公司', ['中信银行'], '北京市', [knownNumber('95558', '客服电话', true)], { aliases: ['China CITIC Bank'] }),
  national('ceb', '中国光大银行股份有限公司', ['中国光大银行', '光大银行', '光大'], '北京市', [knownNumber('95595', '客服电话', true)], { aliases: ['CEB'] }),
  national('hxb', '华夏银行股份有限公司', ['华夏银行'], '北京市', [knownNumber('95577', '客服电话')]),
  national('cmbc', '中国民生银行股份有限公司', ['中国民生银行', '民生银行'], '北京市', [knownNumber('95568', '客服电话')], { aliases: ['CMBC'] }),
  national('cgb', '广发银行股份有限公司', ['广发银行', '广发'], '广东省', [knownNumber('95508', '客服电话')], { aliases: ['广东发展银行'], note: 'Formerly 广东发展银行; registered in 广州 (authors\' knowledge).' }),
  national('pab', '平安银行股份有限公司', ['平安银行'], '广东省', [knownNumber('95511', '客服电话（中国平安）')], { note: 'Registered in 深圳 (authors\' knowledge). 京东金条 partner (SRC.jdBlog, unverified).' }),
  national('cib', '兴业银行股份有限公司', ['兴业银行'], '福建省', [knownNumber('95561', '客服电话', true)], { note: 'Registered in 福州 (authors\' knowledge).' }),
  national('spdb', '上海浦东发展银行股份有限公司', ['上海浦东发展银行', '浦发银行', '浦发'], '上海市', [knownNumber('95528', '客服电话', true)], { aliases: ['SPDB'] }),
  national('czb', '浙商银行股份有限公司', ['浙商银行'], '浙江省', [knownNumber('95527', '客服电话')]),
  national('hfb', '恒丰银行股份有限公司', ['恒丰银行'], '山东省', [knownNumber('95395', '客服电话')]),
  national('cbhb', '渤海银行股份有限公司', ['渤海银行'], '天津市', [knownNumber('95541', '客服电话'), knownNumber('400-888-8811', '客服电话', true)], { note: '360借条 partner (SRC.qifu, unverified).' }),

  // City and rural commercial banks named as lenders of platform loans.
  cityBank('bob', '北京银行股份有限公司', ['北京银行'], '北京', '北京市', { serviceNumbers: [knownNumber('95526', '客服电话')] }),
  cityBank('bosc', '上海银行股份有限公司', ['上海银行'], '上海', '上海市', { serviceNumbers: [knownNumber('95594', '客服电话')], note: 'Named as a lender of 数禾 (还呗) loans (SRC.huanbei, secondary).' }),
  cityBank('jsb', '江苏银行股份有限公司', ['江苏银行'], '江苏', '江苏省', { serviceNumbers: [knownNumber('95319', '客服电话')], note: 'Named as a 美团 partner bank (SRC.meituan, unverified).' }),
  cityBank('njcb', '南京银行股份有限公司', ['南京银行'], '江苏', '江苏省', { serviceNumbers: [knownNumber('95302', '客服电话')],
    source: SRC.lexin,
    status: 'secondary',
    note: 'Lender of a 分期乐 loan in a 2025 judgment (SRC.lexin); 360借条 partner (SRC.qifu). Owner of 南银法巴消费金融.',
  }),
  cityBank('nbcb', '宁波银行股份有限公司', ['宁波银行'], '宁波', '浙江省', { serviceNumbers: [knownNumber('95574', '客服电话')] }),
  cityBank('hzbank', '杭州银行股份有限公司', ['杭州银行'], '浙江', '浙江省', { serviceNumbers: [knownNumber('95398', '客服电话')] }),
  cityBank('cqcb', '重庆银行股份有限公司', ['重庆银行'], '重庆', '重庆市', { serviceNumbers: [knownNumber('956023', '客服电话')], note: '度小满 partner (SRC.duxiaoman, unverified); shareholder of 马上消费金融 (SRC.msxf).' }),
  cityBank('shengjing', '盛京银行股份有限公司', ['盛京银行'], '辽宁', '辽宁省', { serviceNumbers: [knownNumber('95337', '客服电话')], note: '360借条 partner (SRC.qifu, unverified).' }),
  cityBank('zybank', '中原银行股份有限公司', ['中原银行'], '河南', '河南省', { serviceNumbers: [knownNumber('95186', '客服电话')], note: '360借条 partner (SRC.qifu, unverified).' }),
  cityBank('hrbcb', '哈尔滨银行股份有限公司', ['哈尔滨银行'], '黑龙江', '黑龙江省', { serviceNumbers: [knownNumber('95537', '客服电话')] }),
  cityBank('cdb-chengdu', '成都银行股份有限公司', ['成都银行'], '四川', '四川省', { serviceNumbers: [knownNumber('95507', '客服电话')], note: 'Founder of 锦程消费金融 (SRC.jinchengNews).' }),
  cityBank('changan', '长安银行股份有限公司', ['长安银行'], '陕西', '陕西省'),
  cityBank('cqrcb', '重庆农村商业银行股份有限公司', ['重庆农村商业银行', '重庆农商银行', '渝农商行'], '重庆', '重庆市', { serviceNumbers: [knownNumber('95389', '客服电话')] }),
  cityBank('mengshang', '蒙商银行股份有限公司', ['蒙商银行'], '内蒙古', '内蒙古自治区', { note: 'Shareholder of 蒙商消费金融 (SRC.mengshang).' }),

  // Private and internet banks (民营银行), and the direct bank 中信百信.
  privateBank('webank', '深圳前海微众银行股份有限公司', ['微众银行', '前海微众银行', '微众'], '深圳', '广东省', {
    aliases: ['WeBank'],
    serviceNumbers: [{ number: '95384', label: '客服电话（微粒贷）', source: SRC.webank, status: 'unverified', note: 'Third-party page; the page says it is 微众银行\'s only customer-service number. ' + CHECK_NUMBER }],
  }),
  privateBank('mybank', '浙江网商银行股份有限公司', ['网商银行', '浙江网商银行'], '浙江', '浙江省', { aliases: ['MYbank'] }),
  privateBank('xwbank', '四川新网银行股份有限公司', ['新网银行', '四川新网银行'], '四川', '四川省', { note: 'Registered name from a community list. 放心借 partner (SRC.douyinBlog, unverified).' }),
  bank({
    id: 'aibank',
    name: '中信百信银行股份有限公司',
    shortNames: ['百信银行', '中信百信银行', '中信百信'],
    type: 'internet_bank',
    regulator: nfraOffice('北京'),
    province: province('北京市'),
    source: SRC.ppdai,
    status: 'secondary',
    note: 'Direct bank of 中信银行 and 百度. Lender of 拍拍贷 loans (SRC.ppdai) and partner of 还呗 (SRC.huanbei), 度小满 and 京东金条 (blogs).',
  }),
  privateBank('yillion', '吉林亿联银行股份有限公司', ['亿联银行', '吉林亿联银行'], '吉林', '吉林省', { note: 'Registered name from a community list. 美团 partner (SRC.meituan, unverified).' }),
  privateBank('zbank', '武汉众邦银行股份有限公司', ['众邦银行', '武汉众邦银行'], '湖北', '湖北省'),
  privateBank('suning', '江苏苏宁银行股份有限公司', ['苏宁银行', '江苏苏宁银行'], '江苏', '江苏省'),
  privateBank('fumin', '重庆富民银行股份有限公司', ['富民银行', '重庆富民银行'], '重庆', '重庆市'),
  privateBank('onebank', '福建华通银行股份有限公司', ['华通银行', '福建华通银行'], '福建', '福建省'),
  privateBank('newup', '辽宁振兴银行股份有限公司', ['振兴银行', '辽宁振兴银行'], '辽宁', '辽宁省', {
    source: `${SRC.privateBanks} ; ${SRC.ppdai}`,
    note: 'Registered name in a community list; a lender of 拍拍贷 loans per 《中国科技投资》 (SRC.ppdai, secondary).',
  }),
  privateBank('sanxiang', '湖南三湘银行股份有限公司', ['三湘银行', '湖南三湘银行'], '湖南', '湖南省'),
  privateBank('yumin', '江西裕民银行股份有限公司', ['裕民银行', '江西裕民银行'], '江西', '江西省'),
  privateBank('kincheng', '天津金城银行股份有限公司', ['金城银行', '天津金城银行'], '天津', '天津市'),
  privateBank('huarui', '上海华瑞银行股份有限公司', ['华瑞银行', '上海华瑞银行'], '上海', '上海市'),
  privateBank('minshang', '温州民商银行股份有限公司', ['民商银行', '温州民商银行'], '浙江', '浙江省'),
  privateBank('zgc', '北京中关村银行股份有限公司', ['中关村银行', '北京中关村银行'], '北京', '北京市'),
  privateBank('blueocean', '威海蓝海银行股份有限公司', ['蓝海银行', '威海蓝海银行'], '山东', '山东省'),
  privateBank('hakka', '梅州客商银行股份有限公司', ['客商银行', '梅州客商银行'], '广东', '广东省'),
  privateBank('xinan', '安徽新安银行股份有限公司', ['新安银行', '安徽新安银行'], '安徽', '安徽省'),
  privateBank('xishang', '无锡锡商银行股份有限公司', ['锡商银行', '无锡锡商银行'], '江苏', '江苏省'),
];
