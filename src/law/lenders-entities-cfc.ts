/**
 * Consumer finance companies (消费金融公司): licensed by NFRA, supervised by the NFRA office of their place of
 * registration. 31 licences by 2025 (消金头条, SRC.zhudaiLists); the list below was assembled from the sources named on
 * each entry and, where none was found, from the authors' knowledge (status 'unverified').
 */
import { KNOWLEDGE, SRC, lenderEntity, nfraOffice, province, provinceFromName } from './lenders-sources.js';
import type { LenderEntity, LenderFactStatus, ServiceNumber, SourcedFact } from './lenders-types.js';

interface CfcInput {
  id: string;
  name: string;
  shortNames: string[];
  aliases?: string[];
  exactOnly?: string[];
  /** NFRA office place: 深圳, 重庆, 北京 … */
  office: string;
  /** Where the supervising office was read (a penalty or approval it issued); otherwise the office is inferred. */
  officeSource?: string;
  province: SourcedFact;
  source?: string;
  status?: LenderFactStatus;
  serviceNumbers?: ServiceNumber[];
  note?: string;
}

/** Named (by short name) in the 2024-results overviews: existence and type 'secondary'; the registered name is the authors' knowledge. */
const NAMED_IN: Record<string, keyof typeof SRC> = {'zhaolian': 'cfc31', 'mashang': 'cfc31', 'xingye': 'cfc31', 'zhongyin': 'cfc31', 'zhongyou': 'cfc31', 'ningyin': 'cfc31', 'hangyin': 'cfc31', 'haier': 'cfc2024', 'hubei': 'cfc31', 'xiaomi': 'cfc31', 'pingan': 'cfc31', 'ant': 'cfc31', 'haying': 'cfc31', 'jinmeixin': 'cfc31', 'jinshang': 'cfc31', 'weipin-fubon': 'cfc31', 'yangguang': 'cfc2024'};

function cfc(i: CfcInput): LenderEntity {
  const named = NAMED_IN[i.id];
  if (named && !i.source) {
    i.source = SRC[named];
    i.status = 'secondary';
    i.note = `${i.note ? `${i.note} ` : ''}Named as a licensed consumer finance company in the source; the full registered name is the authors' knowledge.`;
  }
  const regulator: SourcedFact = i.office
    ? i.officeSource
      ? nfraOffice(i.office, i.officeSource, 'secondary')
      : nfraOffice(i.office)
    : { value: '国家金融监督管理总局（注册地派出机构未核实）', source: 'place of registration not found', status: 'unverified' };
  return lenderEntity(`cfc.${i.id}`, 'consumer_finance', regulator, i);
}

export const CFC_ENTITIES: LenderEntity[] = [
  cfc({
    id: 'zhaolian',
    name: '招联消费金融股份有限公司',
    shortNames: ['招联消费金融', '招联消金', '招联金融', '招联'],
    aliases: ['招联消费金融有限公司'],
    office: '深圳',
    officeSource: SRC.zhaolian,
    province: province('广东省', SRC.zhaolian, 'secondary', 'founded in 深圳 in 2015'),
    source: SRC.zhaolian,
    status: 'secondary',
    note: 'Founded by 招商银行 and 中国联通. Renamed from 招联消费金融有限公司 to 招联消费金融股份有限公司 on 2023-07-18 (NFRA 深圳 approval); the company said the legal person and its contracts are unchanged.',
  }),
  cfc({
    id: 'mashang',
    name: '马上消费金融股份有限公司',
    shortNames: ['马上消费金融', '马上消金', '马上消费', '马上金融'],
    exactOnly: ['马上'],
    office: '重庆',
    province: province('重庆市', SRC.msxf, 'unverified', 'shareholders 重庆百货, 重庆银行 and 重庆两江新区 per the profile; registered place not stated there'),
    note: `Registered name from a copy of the company's own profile (${SRC.msxf}); not read on msxf.com itself.`,
  }),
  cfc({
    id: 'xingye',
    name: '兴业消费金融股份公司',
    shortNames: ['兴业消费金融', '兴业消金'],
    office: '福建',
    province: province('福建省', KNOWLEDGE, 'unverified', 'registered in 泉州 (authors\' knowledge)'),
    note: 'Partner list (助贷) described in SRC.zhudaiLists.',
  }),
  cfc({
    id: 'zhongyin',
    name: '中银消费金融有限公司',
    shortNames: ['中银消费金融', '中银消金', '中银消费'],
    office: '上海',
    province: province('上海市'),
  }),
  cfc({
    id: 'jd',
    name: '天津京东消费金融有限公司',
    shortNames: ['京东消费金融', '京东消金', '天津京东消费金融'],
    aliases: ['捷信消费金融有限公司', '捷信消费金融', '捷信消金', '捷信金融'],
    office: '天津',
    officeSource: SRC.jdcfc,
    province: provinceFromName('天津市', SRC.jdcfc, 'secondary'),
    source: SRC.jdcfc,
    status: 'secondary',
    note: 'Formerly 捷信消费金融有限公司 (Home Credit China). NFRA 天津监管局 approved the renaming in 2025 after 京东 took 65% (凤凰网). Loans taken from 捷信 before the renaming are with the same legal person.',
  }),
  cfc({
    id: 'zhongyou',
    name: '中邮消费金融有限公司',
    shortNames: ['中邮消费金融', '中邮消金', '中邮消费'],
    office: '广东',
    officeSource: SRC.zhongyou,
    province: province('广东省', SRC.zhongyou, 'secondary', 'supervised by NFRA 广东监管局; 广州 is the authors\' knowledge'),
    source: SRC.zhongyou,
    status: 'secondary',
    note: '中国邮政储蓄银行 holds 70.5%. Fined 85万元 by NFRA 广东监管局 on 2025-04-07 (数科社).',
  }),
  cfc({
    id: 'beiyin',
    name: '北银消费金融有限公司',
    shortNames: ['北银消费金融', '北银消金'],
    office: '北京',
    officeSource: SRC.beiyin,
    province: province('北京市', SRC.beiyin, 'secondary', 'headquartered in 北京'),
    source: SRC.beiyin,
    status: 'secondary',
    note: 'The first CFC to open (2010-03); 北京银行 35.29%.',
  }),
  cfc({
    id: 'ningyin',
    name: '浙江宁银消费金融股份有限公司',
    shortNames: ['宁银消费金融', '宁银消金', '浙江宁银消费金融'],
    aliases: ['宁银消费金融股份有限公司', '华融消费金融股份有限公司', '华融消费金融', '华融消金'],
    office: '宁波',
    officeSource: SRC.ningyin,
    province: province('浙江省', SRC.ningyin, 'secondary', 'supervised by NFRA 宁波监管局, so registered in 宁波'),
    source: SRC.ningyin,
    status: 'secondary',
    note:
      'Formerly 华融消费金融 (registered in 合肥; 中国华融 sold its 70% in 2021, SRC.huarong, secondary). That 宁波银行 bought it and renamed it 宁银消费金融 ' +
      'is the authors\' knowledge (SRC.huarong only reports 宁波银行\'s interest): UNVERIFIED.',
  }),
  cfc({
    id: 'hangyin',
    name: '杭银消费金融股份有限公司',
    shortNames: ['杭银消费金融', '杭银消金'],
    office: '浙江',
    officeSource: SRC.hangyin,
    province: province('浙江省', SRC.hangyin, 'secondary', 'supervised by NFRA 浙江监管局; 杭州 is the authors\' knowledge'),
    source: SRC.hangyin,
    status: 'secondary',
    note: '滴滴 is a shareholder (金融虎网, SRC.cfc31).',
  }),
  cfc({
    id: 'suyin-kgi',
    name: '苏银凯基消费金融有限公司',
    shortNames: ['苏银凯基消费金融', '苏银凯基', '苏银消费金融', '苏银凯基消金'],
    office: '江苏',
    province: province('江苏省', KNOWLEDGE, 'unverified', 'registered in 南京 (authors\' knowledge)'),
    source: SRC.suyin,
    status: 'secondary',
    note: 'Founded 2021-03; 江苏银行 56.44%, 凯基商业银行 37.63% (子弹财经, 2025). Lends mostly through platforms (蚂蚁, 美团, 京东).',
  }),
  cfc({
    id: 'jincheng',
    name: '四川锦程消费金融有限责任公司',
    shortNames: ['锦程消费金融', '锦程消金', '四川锦程消费金融'],
    office: '四川',
    province: provinceFromName('四川省', SRC.jinchengNews, 'secondary'),
    source: `${SRC.jinchengNews} ; ${SRC.jccfc}`,
    status: 'secondary',
    serviceNumbers: [{ number: '400-106-6166', label: '客服热线', source: SRC.jccfc, status: 'verified', note: 'Working days 9:00–20:30, holidays 9:30–18:00 (official FAQ).' }],
    note: 'Founded by 成都银行 and 马来西亚丰隆银行 (SRC.jinchengNews). Its online product was 锦囊贷.',
  }),
  cfc({
    id: 'haier',
    name: '海尔消费金融有限公司',
    shortNames: ['海尔消费金融', '海尔消金'],
    office: '青岛',
    province: province('山东省', SRC.cfcPenalties2025, 'secondary', 'fined by 人民银行青岛市分行 in 2025, so registered in 青岛'),
  }),
  cfc({
    id: 'hubei',
    name: '湖北消费金融股份有限公司',
    shortNames: ['湖北消费金融', '湖北消金'],
    office: '湖北',
    province: provinceFromName('湖北省', SRC.hubei, 'secondary'),
    source: SRC.hubei,
    status: 'secondary',
    note: 'Fined by 人民银行湖北省分行 in 2025 (credit-information rules); the NFRA office is inferred.',
  }),
  cfc({
    id: 'changyin58',
    name: '湖南长银五八消费金融股份有限公司',
    shortNames: ['长银五八消费金融', '长银五八', '长银58', '长银五八消金'],
    aliases: ['长银五八消费金融股份有限公司'],
    office: '湖南',
    officeSource: SRC.changyin58,
    province: provinceFromName('湖南省', SRC.changyin58, 'secondary'),
    source: SRC.changyin58,
    status: 'secondary',
    note: '长沙银行\'s CFC. Fined by 银保监会湖南监管局 (2021) and 人民银行长沙中心支行 (2023).',
  }),
  cfc({
    id: 'shangcheng',
    name: '上海尚诚消费金融股份有限公司',
    shortNames: ['尚诚消费金融', '尚诚消金', '上海尚诚消费金融'],
    aliases: ['尚诚消费金融股份有限公司'],
    office: '上海',
    province: provinceFromName('上海市', SRC.shangcheng, 'secondary'),
    source: SRC.shangcheng,
    status: 'secondary',
    note: 'Founded 2017-08 by 上海银行 (42.74%) and 携程 (42.18%).',
  }),
  cfc({
    id: 'xiaomi',
    name: '重庆小米消费金融有限公司',
    shortNames: ['小米消费金融', '小米消金', '重庆小米消费金融'],
    office: '重庆',
    province: provinceFromName('重庆市', SRC.cfc2020, 'unverified'),
  }),
  cfc({
    id: 'pingan',
    name: '平安消费金融有限公司',
    shortNames: ['平安消费金融', '平安消金'],
    office: '上海',
    officeSource: SRC.pinganCfc,
    province: province('上海市', SRC.pinganCfc, 'secondary', 'set up in 上海 under the 上海 office (2019 approval)'),
    note: 'Took over 平安普惠\'s consumer lending (authors\' knowledge, unverified).',
  }),
  cfc({
    id: 'ant',
    name: '重庆蚂蚁消费金融有限公司',
    shortNames: ['蚂蚁消费金融', '蚂蚁消金'],
    office: '重庆',
    officeSource: SRC.antCfc,
    province: provinceFromName('重庆市', SRC.antCfc, 'secondary'),
    source: SRC.antCfc,
    status: 'secondary',
    note: 'Opened 2021-06-04, approved by the NFRA 重庆 office; took over Ant Group\'s 花呗 and 借呗 business (news, 2025). Fined 140万元 by NFRA 重庆监管局 on 2025-03-28.',
  }),
  cfc({
    id: 'zhongyuan',
    name: '中原消费金融股份有限公司',
    shortNames: ['中原消费金融', '中原消金'],
    office: '河南',
    officeSource: SRC.zhongyuan,
    province: province('河南省', SRC.zhongyuan, 'secondary', '河南\'s only CFC; 郑州 is the authors\' knowledge'),
    source: SRC.zhongyuan,
    status: 'secondary',
    note: 'Founded 2016-12; 中原银行 49.25%. Fined 160万元 by NFRA (2024-02) and 75.6万元 by 人民银行河南省分行 (2026-01).',
  }),
  cfc({
    id: 'haying',
    name: '哈尔滨哈银消费金融有限责任公司',
    shortNames: ['哈银消费金融', '哈银消金', '哈尔滨哈银消费金融'],
    aliases: ['哈银消费金融有限责任公司'],
    office: '黑龙江',
    officeSource: SRC.haying,
    province: provinceFromName('黑龙江省', SRC.haying, 'secondary'),
    source: SRC.haying,
    status: 'secondary',
    note: 'Opened 2017-04. Fined 30万元 by NFRA 黑龙江监管局 (2024-08-12) for not disclosing the annual all-in cost and complaint channels in contracts; 百度 is a shareholder (金融虎网).',
  }),
  cfc({
    id: 'jinmeixin',
    name: '厦门金美信消费金融有限责任公司',
    shortNames: ['金美信消费金融', '金美信消金', '金美信'],
    office: '厦门',
    officeSource: SRC.jinmeixin,
    province: provinceFromName('福建省', SRC.jinmeixin, 'secondary'),
    source: SRC.jinmeixin,
    status: 'secondary',
    note: 'Opened 2018-10-10; the first cross-strait joint-venture CFC. Fined by NFRA 厦门监管局 (2025) and 人民银行厦门市分行 (2025).',
  }),
  cfc({
    id: 'shengyin',
    name: '盛银消费金融有限公司',
    shortNames: ['盛银消费金融', '盛银消金'],
    office: '辽宁',
    province: province('辽宁省', KNOWLEDGE, 'unverified', 'registered in 沈阳 (authors\' knowledge); the source says only "东北"'),
    source: SRC.shengyin,
    status: 'secondary',
    note: 'The first licensed CFC in the north-east; registered capital 3亿元 (2025 articles).',
  }),
  cfc({
    id: 'jinshang',
    name: '晋商消费金融股份有限公司',
    shortNames: ['晋商消费金融', '晋商消金'],
    office: '山西',
    officeSource: SRC.jinshang,
    province: province('山西省', SRC.jinshang, 'secondary', 'share transfer approved by the 山西 office; 太原 is the authors\' knowledge'),
    source: SRC.jinshang,
    status: 'secondary',
    note: 'Founded 2016; 晋商银行 40%, 宇信科技 20%; 360\'s affiliate left in 2023 (21世纪经济报道).',
  }),
  cfc({
    id: 'changyin',
    name: '陕西长银消费金融有限公司',
    shortNames: ['长银消费金融', '长银消金', '陕西长银消费金融'],
    aliases: ['长银消费金融有限公司'],
    office: '陕西',
    province: provinceFromName('陕西省', SRC.changyin, 'secondary'),
    source: SRC.changyin,
    status: 'secondary',
    note: 'The first CFC in the north-west (北京商报, 2023); app product 畅开花. Founded by 长安银行 (authors\' knowledge).',
  }),
  cfc({
    id: 'hebei-xingfu',
    name: '河北幸福消费金融股份有限公司',
    shortNames: ['河北幸福消费金融', '幸福消费金融', '幸福消金'],
    office: '河北',
    province: provinceFromName('河北省', SRC.xingfu, 'secondary'),
    source: SRC.xingfu,
    status: 'secondary',
    note: '河北\'s first CFC, opened 2017; 张家口银行 47.09% (证观新闻, 2025).',
  }),
  cfc({
    id: 'weipin-fubon',
    name: '四川省唯品富邦消费金融有限公司',
    shortNames: ['唯品富邦消费金融', '唯品富邦', '唯品消费金融', '唯品富邦消金'],
    aliases: ['唯品富邦消费金融有限公司', '唯品会富邦消费金融'],
    office: '四川',
    province: provinceFromName('四川省', SRC.weipin, 'secondary'),
    source: SRC.weipin,
    status: 'secondary',
    note: 'Approved 2021; 唯品会 49.9%, 特步 25.1%, 富邦华一银行 25%. Mostly lends through platforms (360金融, 拍拍贷, 嘉银金科, 洋钱罐). (The authors first believed it was in 广州: the sources say 四川.)',
  }),
  cfc({
    id: 'nanyin-bnp',
    name: '南银法巴消费金融有限公司',
    shortNames: ['南银法巴消费金融', '南银法巴', '南银法巴消金'],
    aliases: ['苏宁消费金融有限公司', '苏宁消费金融', '苏宁消金'],
    office: '江苏',
    province: province('江苏省', KNOWLEDGE, 'unverified', 'registered in 南京 (authors\' knowledge)'),
    source: SRC.nyfb,
    status: 'secondary',
    note: 'Formerly 苏宁消费金融; renamed after 南京银行 acquired it (网易清流工作室).',
  }),
  cfc({
    id: 'citic',
    name: '中信消费金融有限公司',
    shortNames: ['中信消费金融', '中信消金'],
    office: '北京',
    officeSource: SRC.citicCfc,
    province: province('北京市', SRC.citicCfc, 'secondary', 'fined by NFRA 北京监管局 in 2024, which supervises it'),
    source: SRC.citicCfc,
    status: 'secondary',
    note: 'Opened 2019-07-26; shareholders 中信金控 and 金蝶. Lends through platforms such as 桔多多 and 还呗 (SRC.citicCfc, SRC.huanbei).',
  }),
  cfc({
    id: 'yangguang',
    name: '北京阳光消费金融股份有限公司',
    shortNames: ['阳光消费金融', '阳光消金', '北京阳光消费金融'],
    aliases: ['阳光消费金融股份有限公司'],
    office: '北京',
    officeSource: SRC.yangguang,
    province: province('北京市', `${SRC.yangguang} ; https://www.caizhongshe.cn/news-2321416764088763768.html`, 'secondary', 'registered in 北京市石景山区'),
    source: SRC.yangguang,
    status: 'secondary',
    note: 'Opened 2020-08; 光大银行 60%, 中青旅 20%, 王道商业银行 20%. Fined by NFRA 北京监管局 on 2025-05-30.',
  }),
  cfc({
    id: 'mengshang',
    name: '内蒙古蒙商消费金融股份有限公司',
    shortNames: ['蒙商消费金融', '蒙商消金'],
    aliases: ['包银消费金融', '包银消金'],
    office: '内蒙古',
    province: provinceFromName('内蒙古自治区', SRC.mengshang, 'secondary'),
    source: SRC.mengshang,
    status: 'secondary',
    note: 'Formerly 包银消费金融 (renamed 2021); shareholders 蒙商银行 and 微梦创科 (微博). Fined by 人民银行包头市分行 in 2025, so probably registered in 包头.',
  }),
  cfc({
    id: 'jianxin',
    name: '建信消费金融有限责任公司',
    shortNames: ['建信消费金融', '建信消金'],
    office: '',
    province: province('（未核实）', KNOWLEDGE, 'unverified', 'place of registration not found; the NFRA office given is a guess and is unverified'),
    source: SRC.cfc31,
    status: 'secondary',
    note: 'Named (建信消金, 中国建设银行\'s) among the 31 licensed CFCs in the source. The registered name and place are NOT verified.',
  }),
];

