/**
 * Brands people see in apps, messages and statements, each mapped to the entities that lend under it (ids of
 * lenders-entities*.ts). A brand that lends through several entities is marked multiLender: the loan contract names the
 * lender, and the registry lists what its sources name without guessing which one lent a given loan.
 */
import { KNOWLEDGE, SRC } from './lenders-sources.js';
import type { LenderBrand, LenderFactStatus, ServiceNumber } from './lenders-types.js';

const CHECK_NUMBER = 'Check it on the card, the bank\'s own site or app before calling.';

/** A number the authors know that a community list (SRC.callerIdList) confirms: still 'unverified'. */
function knownNumber(number: string, label: string): ServiceNumber {
  return { number, label, source: SRC.callerIdList, status: 'unverified', note: `A community list agrees with the authors' knowledge; not read on an official page. ${CHECK_NUMBER}` };
}

/** The customer-service number of the app or platform (not of the lender), from a community list: 'unverified'. */
function appNumber(number: string, label: string): ServiceNumber {
  return {
    number,
    label,
    source: SRC.callerIdList,
    status: 'unverified',
    note: 'The platform\'s own number per a community list (the lender may have another). Check it in the app before calling.',
  };
}

/** A bank's credit-card brand: the card centre is part of the bank (same legal person). */
function card(bankId: string, name: string, aliases: string[], numbers: ServiceNumber[] = []): LenderBrand {
  return {
    id: `brand.card-${bankId}`,
    name,
    aliases,
    type: 'credit_card',
    entities: [`bank.${bankId}`],
    multiLender: false,
    entitiesComplete: true,
    source: KNOWLEDGE,
    status: 'unverified',
    serviceNumbers: numbers,
    note: 'A bank\'s credit-card centre is a part of the bank, not a separate legal person (authors\' knowledge).',
  };
}

/** A bank's own online consumer loan. */
function bankLoan(slug: string, bankId: string, name: string, aliases: string[] = []): LenderBrand {
  return {
    id: `brand.loan-${slug}`,
    name,
    aliases,
    type: 'bank',
    entities: [`bank.${bankId}`],
    multiLender: false,
    entitiesComplete: true,
    source: KNOWLEDGE,
    status: 'unverified',
  };
}

interface BrandInput {
  id: string;
  name: string;
  aliases?: string[];
  exactOnly?: string[];
  entities: string[];
  multiLender?: boolean;
  type?: LenderBrand['type'];
  source?: string;
  status?: LenderFactStatus;
  serviceNumbers?: ServiceNumber[];
  note?: string;
}

function brand(i: BrandInput): LenderBrand {
  const b: LenderBrand = {
    id: `brand.${i.id}`,
    name: i.name,
    entities: i.entities,
    multiLender: i.multiLender ?? i.entities.length > 1,
    source: i.source ?? KNOWLEDGE,
    status: i.status ?? 'unverified',
  };
  if (!b.multiLender) b.entitiesComplete = true;
  if (i.aliases) b.aliases = i.aliases;
  if (i.exactOnly) b.exactOnly = i.exactOnly;
  if (i.type) b.type = i.type;
  if (i.serviceNumbers) b.serviceNumbers = i.serviceNumbers;
  if (i.note) b.note = i.note;
  return b;
}

const MULTI =
  'Lends through several entities: the loan contract (or the app\'s 借款合同 / 关于我们 page, or the 征信 report) names the lender of each loan. ' +
  'The entities listed are the ones the sources name; there may be others.';

export const LENDER_BRANDS: readonly LenderBrand[] = [
  // --- Ant Group ---
  brand({
    id: 'jiebei',
    name: '借呗',
    aliases: ['支付宝借呗', '蚂蚁借呗'],
    serviceNumbers: [appNumber('95188', '支付宝客服')],
    entities: ['cfc.ant', 'mlc.ant-shangcheng'],
    source: `${SRC.antCfc} ; ${SRC.ant2020}`,
    status: 'secondary',
    note: `${MULTI} 重庆蚂蚁消费金融 took over 借呗 (news on its 2025 penalty, secondary); before, 重庆市蚂蚁商诚小额贷款 (2020, blog on the prospectus, unverified), which older contracts may name. Partner banks also lend under 借呗 (joint loans, not listed).`,
  }),
  brand({
    id: 'huabei',
    name: '花呗',
    aliases: ['支付宝花呗', '蚂蚁花呗'],
    serviceNumbers: [appNumber('95188', '支付宝客服')],
    entities: ['cfc.ant', 'mlc.ant-xiaowei'],
    source: `${SRC.antCfc} ; ${SRC.ant2020}`,
    status: 'secondary',
    note: `${MULTI} 重庆蚂蚁消费金融 took over 花呗 (news on its 2025 penalty, secondary); before, 重庆市蚂蚁小微小额贷款 (2020, blog on the prospectus, unverified), which older contracts may name.`,
  }),
  brand({ id: 'wangshangdai', name: '网商贷', entities: ['bank.mybank'], note: 'Business loans of 网商银行 (authors\' knowledge).' }),
  // --- Tencent ---
  brand({
    id: 'weilidai',
    name: '微粒贷',
    entities: ['bank.webank'],
    source: SRC.webank,
    status: 'unverified',
    serviceNumbers: [{ number: '95384', label: '微众银行客服', source: `${SRC.webank} ; ${SRC.callerIdList}`, status: 'unverified', note: `A third-party guide and a community list agree. ${CHECK_NUMBER}` }],
    note: 'A product of 微众银行 (third-party guide). 微众银行 also makes joint loans with partner banks (authors\' knowledge).',
  }),
  brand({
    id: 'fenfu',
    name: '微信分付',
    aliases: ['分付', '微信分付借款'],
    serviceNumbers: [appNumber('95017', '微信支付客服')],
    entities: ['mlc.tenpay', 'plat.weiheng'],
    multiLender: true,
    source: `${SRC.fenfu} ; ${KNOWLEDGE}`,
    status: 'unverified',
    note: `${MULTI} The operator 重庆市微恒科技 is named by 21世纪经济报道 (secondary), which also gives 财付通小贷's loan balance next to 分付's; that 深圳市财付通网络金融小额贷款 is the lender is the authors' knowledge (UNVERIFIED). Partner banks and CFCs (渤海银行, 成都银行, 锦程消费金融, 招联消费金融 list 微恒科技 as a partner) may also lend.`,
  }),
  // --- JD ---
  brand({
    id: 'jd-jintiao',
    name: '京东金条',
    aliases: ['金条'],
    serviceNumbers: [appNumber('95118', '京东客服')],
    entities: ['mlc.jd-shengji', 'cfc.jd', 'cfc.zhongyin', 'bank.pab', 'bank.aibank', 'bank.spdb'],
    source: `${SRC.jdcfc} ; ${SRC.jdBlog}`,
    status: 'secondary',
    note: `${MULTI} 京东盛际小贷 is named as the lender (凤凰网/91haoming, secondary), which expected the business to move to 京东消费金融; 中银消费金融, 平安银行, 百信银行 and 浦发银行 as partners come from blogs (unverified).`,
  }),
  brand({
    id: 'jd-baitiao',
    name: '京东白条',
    aliases: ['白条'],
    serviceNumbers: [appNumber('95118', '京东客服')],
    entities: ['mlc.jd-shengji', 'cfc.jd'],
    source: SRC.jdcfc,
    status: 'secondary',
    note: `${MULTI} 京东盛际小贷 named as lender; the move to 京东消费金融 was expected (凤凰网/91haoming).`,
  }),
  brand({
    id: 'jd-finance',
    name: '京东金融',
    entities: ['plat.jd-tech', 'mlc.jd-shengji', 'cfc.jd'],
    type: 'platform',
    multiLender: true,
    source: SRC.jdBlog,
    status: 'unverified',
    note: `The 京东 finance app, through which 金条 and 白条 are offered; the app itself does not lend (blog). ${MULTI}`,
  }),
  // --- Meituan ---
  brand({
    id: 'meituan-jieqian',
    name: '美团借钱',
    aliases: ['美团生活费', '美团借款', '美团贷款'],
    entities: ['mlc.meituan-sankuai', 'bank.jsb', 'bank.yillion'],
    source: `${SRC.meituanNews} ; ${SRC.meituan}`,
    status: 'secondary',
    note: `${MULTI} 重庆美团三快小额贷款 runs 美团借钱 (网易, 2026-01, secondary); partner banks such as 江苏银行 and 亿联银行 are named by blogs (unverified).`,
  }),
  brand({
    id: 'meituan-yuefu',
    name: '美团月付',
    entities: ['mlc.meituan-sankuai'],
    multiLender: true,
    source: SRC.meituanNews,
    status: 'secondary',
    note: `${MULTI} 重庆美团三快小额贷款 runs 美团月付 (网易, 2026-01).`,
  }),
  // --- Baidu / Du Xiaoman ---
  brand({
    id: 'youqianhua',
    name: '有钱花',
    aliases: ['度小满有钱花', '百度有钱花'],
    serviceNumbers: [appNumber('95055', '度小满（列表名：北京百付宝科技）')],
    entities: ['mlc.duxiaoman', 'bank.cqcb', 'bank.aibank', 'plat.duxiaoman'],
    source: SRC.duxiaoman,
    status: 'unverified',
    note: `${MULTI} 重庆度小满小额贷款 and partner banks such as 重庆银行 and 百信银行 (third-party blog); 度小满科技 operates the app.`,
  }),
  brand({
    id: 'duxiaoman',
    name: '度小满',
    aliases: ['度小满金融', '百度金融'],
    serviceNumbers: [appNumber('95055', '度小满（列表名：北京百付宝科技）')],
    entities: ['mlc.duxiaoman', 'bank.cqcb', 'bank.aibank', 'plat.duxiaoman'],
    type: 'platform',
    source: SRC.duxiaoman,
    status: 'unverified',
    note: `${MULTI} See 有钱花.`,
  }),
  // --- 360 / Qifu ---
  brand({
    id: '360jietiao',
    name: '360借条',
    aliases: ['奇富借条', '360借款', '三六零借条'],
    type: 'platform',
    entities: ['mlc.qifu', 'bank.njcb', 'bank.cbhb', 'bank.shengjing', 'bank.zybank', 'cfc.mashang', 'cfc.zhongyou', 'guar.qifu', 'plat.qiyu'],
    source: `${SRC.qifuNews} ; ${SRC.qifu} ; ${SRC.zhudaiLists}`,
    status: 'unverified',
    note: `${MULTI} Renamed 奇富借条 (news, 2025). 福州奇富网络小额贷款 and 福州奇富融资担保 are 奇富科技's licensed companies (财评网, secondary). Partner banks and CFCs named by a third-party blog (unverified): 南京银行, 渤海银行, 盛京银行, 中原银行, 马上消费金融, 中邮消费金融.`,
  }),
  // --- Lexin ---
  brand({
    id: 'fenqile',
    name: '分期乐',
    aliases: ['乐信分期乐'],
    serviceNumbers: [appNumber('95730', '分期乐（深圳市分期乐网络科技）')],
    type: 'platform',
    entities: ['bank.njcb', 'mlc.fenqile', 'guar.lexin', 'plat.fenqile'],
    source: SRC.lexin,
    status: 'secondary',
    note: `${MULTI} A 2025 judgment shows 南京银行 as lender and 深圳市乐信融资担保 as guarantor (源媒汇). The microloan company is the authors' knowledge.`,
  }),
  // --- Mashang, Zhaolian, Zhongyou, JD (ex-Home Credit) ---
  brand({
    id: 'anyihua',
    name: '安逸花',
    entities: ['cfc.mashang'],
    note: 'The app of 马上消费金融 (authors\' knowledge); loans from partners may also be shown in it (not listed).',
  }),
  brand({
    id: 'zhaolian-haoqidai',
    name: '招联好期贷',
    aliases: ['好期贷', '招联金融App', '招联信用购'],
    entities: ['cfc.zhaolian'],
  }),
  brand({ id: 'zhongyou-qianbao', name: '中邮钱包', entities: ['cfc.zhongyou'], note: 'The app of 中邮消费金融 (authors\' knowledge).' }),
  brand({
    id: 'younidai',
    name: '邮你贷',
    entities: ['cfc.zhongyou'],
    source: SRC.zhongyou,
    status: 'secondary',
    note: 'Cash-loan product of 中邮消费金融, over 96% of its loans (数科社, 2025).',
  }),
  brand({
    id: 'hahadai',
    name: '哈哈贷',
    aliases: ['哈银开心贷'],
    entities: ['cfc.haying'],
    source: SRC.haying,
    status: 'secondary',
    note: 'Online product of 哈银消费金融; 开心贷 is its offline product (华夏时报, 2023).',
  }),
  brand({
    id: 'jiexin',
    name: '捷信',
    aliases: ['捷信金融', '捷信福贷', 'Home Credit'],
    entities: ['cfc.jd'],
    source: SRC.jdcfc,
    status: 'secondary',
    note: '捷信消费金融有限公司 was renamed 天津京东消费金融有限公司 in 2025 (NFRA 天津监管局 approval, 凤凰网).',
  }),
  // --- ByteDance / Douyin ---
  brand({
    id: 'fangxinjie',
    name: '放心借',
    aliases: ['抖音放心借', '抖音借钱', '头条放心借'],
    serviceNumbers: [appNumber('95152', '抖音客服')],
    entities: ['mlc.zhongrong', 'cfc.zhongyin', 'bank.xwbank'],
    source: `${SRC.douyin} ; ${SRC.douyinBlog}`,
    status: 'secondary',
    note: `${MULTI} 深圳市中融小额贷款 is its credit-granting entity (fintecdaily, secondary); 中银消费金融 and 新网银行 as partners come from a blog (unverified).`,
  }),
  brand({
    id: 'dou-fenqi',
    name: '抖音月付',
    aliases: ['DOU分期'],
    entities: ['mlc.zhongrong'],
    multiLender: true,
    source: SRC.douyinBlog,
    status: 'unverified',
    note: `${MULTI} 字节跳动's own microloan company is the authors' assumption for 抖音月付/DOU分期 (a blog names DOU分期 as a 字节 product): UNVERIFIED.`,
  }),
  // --- Didi, Ctrip, Suning, Xiaomi, Vipshop ---
  brand({
    id: 'dishuidai',
    name: '滴水贷',
    aliases: ['滴滴借钱', '滴滴金融借钱'],
    entities: ['mlc.xian', 'cfc.mashang', 'cfc.hangyin', 'plat.didi-jinke'],
    type: 'platform',
    source: SRC.didi,
    status: 'unverified',
    note: `${MULTI} Third-party blogs: 重庆市西岸小额贷款 is 滴滴's microloan company; 马上消费金融 and 杭银消费金融 are partners. 滴滴 is a shareholder of 杭银消金 (金融虎网, SRC.cfc31).`,
  }),
  brand({
    id: 'ctrip-finance',
    name: '携程金融',
    aliases: ['携程借去花', '借去花', '携程拿去花', '拿去花', '携程借钱', '携程信用贷', '生意人贷', '拿去花信用购'],
    serviceNumbers: [appNumber('95010', '携程客服')],
    entities: ['mlc.ctrip', 'cfc.yangguang', 'bank.cbhb', 'bank.zgc', 'cfc.shengyin', 'bank.zbank', 'cfc.mengshang', 'cfc.xingye', 'plat.ctrip'],
    type: 'platform',
    source: `${SRC.ctrip} ; ${SRC.zhudaiLists}`,
    status: 'secondary',
    note: `${MULTI} 携程小贷 runs 拿去花, 信用贷 and 生意人贷 with about 40 licensed partners, among them 阳光消金, 渤海银行, 韩亚银行, 中关村银行, 盛银消金, 众邦银行 and 蒙商消金 (盐铁财经, 2025-12); 兴业消费金融 lists 携程's company as a partner (消金头条).`,
  }),
  brand({
    id: 'suning-renxingdai',
    name: '苏宁任性贷',
    aliases: ['任性贷', '苏宁任性付', '任性付', '苏宁金融'],
    entities: ['cfc.nanyin-bnp', 'bank.suning', 'mlc.suning'],
    multiLender: true,
    note: `${MULTI} Historically 苏宁消费金融 (now 南银法巴消费金融, SRC.nyfb) and 苏宁's own companies (authors' knowledge, UNVERIFIED).`,
  }),
  brand({
    id: 'xiaomi-loan',
    name: '小米贷款',
    aliases: ['小米随星借', '天星金融', '小米金融', '小米借钱'],
    entities: ['cfc.xiaomi', 'mlc.xiaomi'],
    note: `${MULTI} Authors' knowledge (UNVERIFIED).`,
  }),
  brand({
    id: 'weipinhua',
    name: '唯品花',
    aliases: ['唯品会唯品花'],
    entities: ['cfc.weipin-fubon'],
    multiLender: true,
    note: `${MULTI} Authors' knowledge (UNVERIFIED).`,
  }),
  brand({
    id: 'xiaoronghua',
    name: '小蓉花',
    aliases: ['小蓉花消费分期', '小蓉贷'],
    entities: ['cfc.weipin-fubon'],
    source: SRC.weipin,
    status: 'secondary',
    note: 'Products of 四川省唯品富邦消费金融: 小蓉花 (online revolving loan and consumer instalments) and 小蓉贷 (offline). 中关村银行 handles payment clearing for 小蓉花消费分期, not lending (消金界).',
  }),
  // --- Other facilitation platforms ---
  brand({
    id: 'yangqianguan',
    name: '洋钱罐',
    aliases: ['洋钱罐借款'],
    type: 'platform',
    entities: ['cfc.weipin-fubon', 'plat.yangqianguan'],
    multiLender: true,
    source: `${SRC.yangqianguan} ; ${SRC.weipin}`,
    status: 'secondary',
    note: `${MULTI} 洋钱罐 belongs to 瓴岳科技集团 (鳌头财经); 唯品富邦消费金融 lends through it (2023 article). Other lenders not found: read the contract.`,
  }),
  brand({
    id: 'paipaidai',
    name: '拍拍贷',
    aliases: ['信也', 'KOO钱包'],
    serviceNumbers: [appNumber('952228', '拍拍贷（列表名：无锡拍拍贷金融信息服务）')],
    type: 'platform',
    entities: ['bank.aibank', 'bank.newup', 'mlc.pingan-haodai', 'plat.erxu'],
    source: SRC.ppdai,
    status: 'secondary',
    note: `${MULTI} A 拍拍贷 loan with two contracts, from 百信银行 and 辽宁振兴银行 (《中国科技投资》); 信也科技 took over 广州平安好贷小额贷款 (齐鲁晚报).`,
  }),
  brand({
    id: 'yirendai',
    name: '宜人贷',
    aliases: ['宜人借款', '宜人智科'],
    type: 'platform',
    entities: ['plat.yiren'],
    multiLender: true,
    note: `${MULTI} No lender found in a source: read the contract.`,
  }),
  brand({
    id: 'rongshu',
    name: '榕树贷款',
    aliases: ['榕树', '钱小乐', '榕易有钱'],
    type: 'platform',
    entities: ['mlc.shurong', 'cfc.hubei', 'plat.rongshu'],
    multiLender: true,
    source: SRC.rongshu,
    status: 'unverified',
    note: `${MULTI} 百融云创 runs 榕树贷款 and 钱小乐 (2025 articles, secondary); a 湖北消费金融 contract appeared in 榕易有钱 (钱小乐's sibling product) in a 2025 test; 广州数融互联网小额贷款 is named by blogs (unverified).`,
  }),
  brand({
    id: 'xiaoying-kadai',
    name: '小赢卡贷',
    aliases: ['小赢卡贷款'],
    type: 'platform',
    entities: ['mlc.xiaoying', 'bank.hxb', 'cfc.hangyin', 'plat.xiaoying'],
    multiLender: true,
    source: `${SRC.xiaoying} ; ${SRC.zhudaiLists}`,
    status: 'secondary',
    note: `${MULTI} Lenders named in 2025 reports: 深圳市小赢小额贷款 (court case), partners 华夏银行 and 杭银消费金融 (证观新闻); one loan funded by 大兴安岭农村商业银行 (not in the registry).`,
  }),
  brand({
    id: 'zhongan-dai',
    name: '众安贷',
    aliases: ['众安小贷借款'],
    entities: ['mlc.zhongan'],
    multiLender: true,
    note: `${MULTI} Authors' knowledge (UNVERIFIED).`,
  }),
  brand({
    id: 'pingan-puhui',
    name: '平安普惠',
    aliases: ['陆金所', '陆金所控股', '平安普惠借款', '平安i贷'],
    type: 'platform',
    entities: ['cfc.pingan', 'guar.pingan-puhui', 'plat.pingan-puhui'],
    multiLender: true,
    note: `${MULTI} Loans were made by partner banks and trusts with 平安普惠融资担保 as guarantor, and are moving to 平安消费金融 (authors' knowledge, UNVERIFIED).`,
  }),
  brand({
    id: 'huanbei',
    name: '还呗',
    type: 'platform',
    entities: ['bank.aibank', 'cfc.citic', 'bank.bosc', 'cfc.zhongyuan', 'plat.shuhe'],
    source: SRC.huanbei,
    status: 'secondary',
    note: `${MULTI} Partners 百信银行 and 中信消费金融 (Tao财经); 上海银行 and 中原消费金融 lent for 数禾's 小店邦 (cnqd.net).`,
  }),
  brand({
    id: 'niwodai',
    name: '你我贷',
    aliases: ['嘉银你我贷'],
    type: 'platform',
    entities: ['plat.jiayin'],
    multiLender: true,
    source: SRC.jiayin,
    status: 'secondary',
    note: `${MULTI} Run by 嘉银科技, formerly 嘉银金科 (盐铁财经, 2025). No lender found in a source: read the contract.`,
  }),
  brand({
    id: 'jirong',
    name: '极融',
    type: 'platform',
    entities: ['plat.jiayin'],
    multiLender: true,
    source: SRC.jiayin,
    status: 'secondary',
    note: `${MULTI} Run by 嘉银科技 (盐铁财经, 2025). No lender found in a source: read the contract.`,
  }),
  brand({
    id: 'juduoduo',
    name: '桔多多',
    type: 'platform',
    entities: ['cfc.citic'],
    multiLender: true,
    source: SRC.citicCfc,
    status: 'secondary',
    note: `${MULTI} Users borrowed from 中信消费金融 through the 桔多多 app (网易, 2026-01). Operator not found.`,
  }),
  // --- Credit cards (the card centre is the bank) ---
  card('cmb', '招商银行信用卡', ['招行信用卡', '招商信用卡', '掌上生活'], [knownNumber('400-820-5555', '信用卡客服')]),
  card('citic', '中信银行信用卡', ['中信信用卡', '动卡空间'], [knownNumber('400-889-5558', '信用卡客服')]),
  card('cgb', '广发信用卡', ['广发银行信用卡', '发现精彩'], [knownNumber('400-830-8003', '信用卡客服')]),
  card('spdb', '浦发信用卡', ['浦发银行信用卡', '浦大喜奔']),
  card('bocom', '交通银行信用卡', ['交行信用卡', '买单吧'], [knownNumber('400-800-9888', '信用卡客服')]),
  card('ceb', '光大信用卡', ['光大银行信用卡', '阳光惠生活']),
  card('cmbc', '民生信用卡', ['民生银行信用卡', '全民生活'], [knownNumber('400-669-5568', '信用卡客服')]),
  card('hxb', '华夏信用卡', ['华夏银行信用卡'], [knownNumber('400-669-5577', '信用卡客服')]),
  card('pab', '平安信用卡', ['平安银行信用卡']),
  card('cib', '兴业信用卡', ['兴业银行信用卡']),
  card('icbc', '工商银行信用卡', ['工行信用卡', '牡丹信用卡']),
  card('ccb', '建设银行信用卡', ['建行信用卡', '龙卡信用卡', '龙卡'], [knownNumber('400-820-0588', '信用卡客服')]),
  card('abc', '农业银行信用卡', ['农行信用卡', '金穗信用卡']),
  card('boc', '中国银行信用卡', ['中行信用卡', '长城信用卡']),
  card('psbc', '邮储银行信用卡', ['邮政信用卡', '邮储信用卡']),
  card('czb', '浙商银行信用卡', ['浙商信用卡']),
  card('bob', '北京银行信用卡', ['北京银行信用卡中心']),
  card('bosc', '上海银行信用卡', ['上海银行信用卡中心']),
  // --- Banks' own online consumer loans (authors' knowledge) ---
  bankLoan('kuaidai', 'ccb', '建行快贷', ['快贷']),
  bankLoan('rongejie', 'icbc', '融e借', ['工行融e借']),
  bankLoan('shandiandai', 'cmb', '闪电贷', ['招行闪电贷']),
  bankLoan('wangjiedai', 'abc', '网捷贷', ['农行网捷贷']),
  bankLoan('zhongyin-edai', 'boc', '中银E贷', ['中行E贷']),
  bankLoan('huimindai', 'bocom', '惠民贷', ['交行惠民贷']),
  bankLoan('xinyidai', 'pab', '新一贷', ['平安新一贷']),
  bankLoan('diandai', 'spdb', '浦银点贷', ['点贷']),
  bankLoan('bailingtong', 'nbcb', '白领通', ['宁波银行白领通']),
  bankLoan('youxiangdai', 'psbc', '邮享贷', ['邮储邮享贷']),
  brand({
    id: 'changkaihua',
    name: '畅开花',
    entities: ['cfc.changyin'],
    source: SRC.changyin,
    status: 'secondary',
    note: 'Credit-loan product in the app of 陕西长银消费金融 (北京商报, 2023).',
  }),
  brand({
    id: 'mengxiangjin',
    name: '蒙享金',
    aliases: ['包你贷'],
    entities: ['cfc.mengshang'],
    source: SRC.mengshang,
    status: 'secondary',
    note: 'Own product of 蒙商消费金融, formerly 包你贷 of 包银消费金融 (2021 article).',
  }),
  brand({
    id: 'huanxidai',
    name: '欢喜贷',
    entities: ['cfc.yangguang'],
    source: SRC.yangguang,
    status: 'secondary',
    note: 'Own product of 北京阳光消费金融 (2025 article).',
  }),
  brand({
    id: 'xiaochenghua',
    name: '小橙花',
    aliases: ['小橙卡'],
    entities: ['cfc.pingan'],
    source: SRC.pinganCfc,
    status: 'secondary',
    note: 'Products in the 平安消费金融 app: 小橙花 (revolving loan) and 小橙卡 (virtual card) (柒财经, 2020).',
  }),
  brand({
    id: 'jinnangdai',
    name: '锦囊贷',
    type: 'consumer_finance',
    entities: ['cfc.jincheng'],
    source: SRC.jinchengNews,
    status: 'secondary',
    note: 'Online loan product of 四川锦程消费金融 (财经国家周刊, 2019).',
  }),
];

