/**
 * Online microloan companies (网络小贷) of the big platforms, financing-guarantee companies named on loans, and the
 * platform operators (助贷) that only facilitate loans for licensed lenders. Microloan and guarantee companies are
 * supervised by the local financial regulator of their province of registration; a platform has no regulator of its own
 * for the borrower (complain about the lender named in the contract).
 */
import { KNOWLEDGE, SRC, lenderEntity, localRegulator, noRegulator, province, provinceFromName } from './lenders-sources.js';
import type { LenderEntity, LenderFactStatus, RegistryLenderType, ServiceNumber, SourcedFact } from './lenders-types.js';

interface Input {
  id: string;
  name: string;
  shortNames: string[];
  aliases?: string[];
  exactOnly?: string[];
  province: SourcedFact;
  source?: string;
  status?: LenderFactStatus;
  serviceNumbers?: ServiceNumber[];
  note?: string;
}

function make(kind: 'mlc' | 'guar' | 'plat', type: RegistryLenderType, i: Input): LenderEntity {
  return lenderEntity(`${kind}.${i.id}`, type, type === 'platform' ? noRegulator() : localRegulator(i.province.value), i);
}

const mlc = (i: Input) => make('mlc', 'microloan', i);
const guar = (i: Input) => make('guar', 'guarantee', i);
const plat = (i: Input) => make('plat', 'platform', i);

export const MICROLOAN_ENTITIES: LenderEntity[] = [
  mlc({
    id: 'ant-xiaowei',
    name: '重庆市蚂蚁小微小额贷款有限公司',
    shortNames: ['蚂蚁小微小额贷款', '蚂蚁小微小贷', '蚂蚁小贷'],
    province: provinceFromName('重庆市', SRC.ant2020, 'unverified'),
    source: SRC.ant2020,
    status: 'unverified',
    note: 'Lender of 花呗 as of 2020 (blog summarising the 2020 prospectus). 花呗 moved to 重庆蚂蚁消费金融 afterwards (authors\' knowledge); older loans may still name this company.',
  }),
  mlc({
    id: 'ant-shangcheng',
    name: '重庆市蚂蚁商诚小额贷款有限公司',
    shortNames: ['蚂蚁商诚小额贷款', '蚂蚁商诚小贷', '蚂蚁商诚'],
    province: provinceFromName('重庆市', SRC.ant2020, 'unverified'),
    source: SRC.ant2020,
    status: 'unverified',
    note: 'Lender of 借呗 as of 2020 (blog summarising the 2020 prospectus); older loans may name it.',
  }),
  mlc({
    id: 'jd-shengji',
    name: '重庆京东盛际小额贷款有限公司',
    shortNames: ['京东盛际小额贷款', '京东盛际小贷', '京东小贷'],
    province: provinceFromName('重庆市', KNOWLEDGE, 'unverified'),
    source: SRC.jdcfc,
    status: 'secondary',
    note: 'The source names "京东盛际小贷" (founded 2016, capital 80亿) as the lender of 白条 and 金条; the full registered name is the authors\' knowledge.',
  }),
  mlc({
    id: 'meituan-sankuai',
    name: '重庆美团三快小额贷款有限公司',
    shortNames: ['美团三快小额贷款', '三快小贷', '美团小贷', '重庆三快小额贷款'],
    province: provinceFromName('重庆市', SRC.meituanNews, 'secondary'),
    source: SRC.meituanNews,
    status: 'secondary',
    note: '"美团小贷"; runs 美团借钱, 美团月付 and 生意贷 (网易, 2026-01). Fined by 人民银行重庆市分行 on 2025-12-23 (credit-information rules).',
  }),
  mlc({
    id: 'duxiaoman',
    name: '重庆度小满小额贷款有限公司',
    shortNames: ['度小满小额贷款', '度小满小贷'],
    province: provinceFromName('重庆市', SRC.duxiaoman, 'unverified'),
    source: SRC.duxiaoman,
    status: 'unverified',
  }),
  mlc({
    id: 'qifu',
    name: '福州奇富网络小额贷款有限公司',
    shortNames: ['奇富网络小额贷款', '奇富小贷', '福州奇富小贷'],
    aliases: ['福州奇富网络小额贷款股份有限公司', '福州三六零网络小额贷款有限公司', '三六零网络小额贷款', '360小贷'],
    province: provinceFromName('福建省', SRC.qifuNews, 'secondary'),
    source: `${SRC.qifuNews} ; ${SRC.qifu}`,
    status: 'secondary',
    note: 'One of 奇富科技\'s two licensed companies (财评网, 2026-01). Formerly 福州三六零网络小额贷款 (blogs, unverified). Pages that publish "客服电话" for it give fake numbers; none is used here.',
  }),
  mlc({
    id: 'zhongrong',
    name: '深圳市中融小额贷款有限公司',
    shortNames: ['中融小额贷款', '中融小贷'],
    province: provinceFromName('广东省', SRC.douyin, 'secondary'),
    source: `${SRC.douyin} ; ${SRC.microloanCapital}`,
    status: 'secondary',
    note: 'Owned by 今日头条 (字节跳动) since 2021; the credit-granting entity of 放心借 (fintecdaily).',
  }),
  mlc({
    id: 'tenpay',
    name: '深圳市财付通网络金融小额贷款有限公司',
    shortNames: ['财付通网络金融小额贷款', '财付通小贷', '财付通小额贷款'],
    province: provinceFromName('广东省', SRC.microloanCapital, 'secondary'),
    source: SRC.microloanCapital,
    status: 'secondary',
    note: 'Tencent\'s microloan company (capital raised to 150亿, 零壹智库 figures). That it lends 微信分付 is the authors\' knowledge.',
  }),
  mlc({
    id: 'ctrip',
    name: '重庆携程小额贷款有限公司',
    shortNames: ['携程小额贷款', '携程小贷'],
    province: provinceFromName('重庆市', KNOWLEDGE, 'unverified'),
    source: SRC.ctrip,
    status: 'secondary',
    note: '"携程小贷" runs 携程金融\'s own products (盐铁财经, 2025); the full registered name and place are the authors\' knowledge.',
  }),
  mlc({
    id: 'xian',
    name: '重庆市西岸小额贷款有限公司',
    shortNames: ['西岸小额贷款', '西岸小贷'],
    province: provinceFromName('重庆市', SRC.didi, 'unverified'),
    source: SRC.didi,
    status: 'unverified',
    note: '滴滴\'s microloan company per third-party blogs (one names it as the App Store developer of 滴滴金融).',
  }),
  mlc({
    id: 'fenqile',
    name: '吉安市分期乐网络小额贷款有限公司',
    shortNames: ['分期乐网络小额贷款', '分期乐小贷'],
    province: provinceFromName('江西省', KNOWLEDGE, 'unverified'),
    note: '乐信\'s microloan company (authors\' knowledge; a blog says 乐信 holds 网络小贷 and 融资担保 licences).',
  }),
  mlc({
    id: 'pingan-haodai',
    name: '广州平安好贷小额贷款有限公司',
    shortNames: ['平安好贷小额贷款', '平安好贷'],
    province: provinceFromName('广东省', SRC.ppdai, 'secondary'),
    source: SRC.ppdai,
    status: 'secondary',
    note: 'Taken over in 2024 by 上海耳序信息技术 (信也科技, 拍拍贷) from 中国平安 (齐鲁晚报).',
  }),
  mlc({
    id: 'shurong',
    name: '广州数融互联网小额贷款有限公司',
    shortNames: ['数融互联网小额贷款', '数融小贷'],
    province: provinceFromName('广东省', SRC.rongshu, 'unverified'),
    source: SRC.rongshu,
    status: 'unverified',
    note: 'Named by blogs as the microloan company behind 榕树贷款 (unverified).',
  }),
  mlc({
    id: 'zhongan',
    name: '重庆众安小额贷款有限公司',
    shortNames: ['众安小额贷款', '众安小贷'],
    province: provinceFromName('重庆市', KNOWLEDGE, 'unverified'),
  }),
  mlc({
    id: 'xiaomi',
    name: '重庆小米小额贷款有限公司',
    shortNames: ['小米小额贷款', '小米小贷'],
    province: provinceFromName('重庆市', KNOWLEDGE, 'unverified'),
  }),
  mlc({
    id: 'xiaoying',
    name: '深圳市小赢小额贷款有限责任公司',
    shortNames: ['小赢小额贷款', '小赢小贷', '深圳市小赢小额贷款'],
    province: provinceFromName('广东省', SRC.xiaoying, 'secondary'),
    source: SRC.xiaoying,
    status: 'secondary',
    note: 'A court case names "深圳市小赢小额贷款公司" as lender of a 2021 小赢卡贷 loan at 35.98% (the court allowed 24%). The exact legal form (有限责任公司) is the authors\' knowledge.',
  }),
  mlc({
    id: 'suning',
    name: '重庆苏宁小额贷款有限公司',
    shortNames: ['苏宁小额贷款', '苏宁小贷'],
    province: provinceFromName('重庆市', KNOWLEDGE, 'unverified'),
  }),
];

export const GUARANTEE_ENTITIES: LenderEntity[] = [
  guar({
    id: 'qifu',
    name: '福州奇富融资担保有限公司',
    shortNames: ['奇富融资担保', '奇富担保'],
    province: provinceFromName('福建省', SRC.qifuNews, 'secondary'),
    source: SRC.qifuNews,
    status: 'secondary',
    note: 'One of 奇富科技\'s two licensed companies; guarantor on 360借条/奇富借条 loans (财评网, 2026-01).',
  }),
  guar({
    id: 'lexin',
    name: '深圳市乐信融资担保有限公司',
    shortNames: ['乐信融资担保', '乐信担保'],
    province: provinceFromName('广东省', SRC.lexin, 'secondary'),
    source: SRC.lexin,
    status: 'secondary',
    note: 'Guarantor of 分期乐 loans; paid a defaulted loan to 南京银行 and recovered it (2025 judgment, 源媒汇).',
  }),
  guar({
    id: 'pingan-puhui',
    name: '平安普惠融资担保有限公司',
    shortNames: ['平安普惠融资担保', '平安普惠担保'],
    province: province('（未核实）', KNOWLEDGE, 'unverified', 'place of registration not found'),
    note: 'Guarantor named on 平安普惠 loans (authors\' knowledge, UNVERIFIED). Regulator: the local financial regulator of its province, which is not known here.',
  }),
];

export const PLATFORM_ENTITIES: LenderEntity[] = [
  plat({
    id: 'fenqile',
    name: '深圳市分期乐网络科技有限公司',
    shortNames: ['分期乐网络科技', '乐信集团', '乐信'],
    aliases: ['LexinFintech', 'Lexin'],
    province: provinceFromName('广东省', SRC.lexin, 'secondary'),
    source: SRC.lexin,
    status: 'secondary',
    note: 'Operator of 分期乐 (乐信, NASDAQ: LX).',
  }),
  plat({
    id: 'qiyu',
    name: '上海淇毓信息科技有限公司',
    shortNames: ['淇毓信息科技', '奇富科技', '360数科', '360金融'],
    aliases: ['Qifu Technology', 'Qfin'],
    province: provinceFromName('上海市', SRC.zhudaiLists, 'secondary'),
    source: SRC.zhudaiLists,
    status: 'secondary',
    note: 'Named as the 360借条 partner company in CFC partner lists (消金头条). 奇富科技 is the listed group (03660.HK).',
  }),
  plat({
    id: 'ctrip',
    name: '北京互金新融科技有限公司',
    shortNames: ['互金新融科技', '携程金融'],
    province: provinceFromName('北京市', SRC.zhudaiLists, 'secondary'),
    source: `${SRC.zhudaiLists} ; ${SRC.ctrip}`,
    status: 'secondary',
    note: 'Named as 携程\'s partner company in CFC partner lists (消金头条) and in 携程金融\'s authorisation forms with 天津趣拿互金信息技术 and 携程科技(上海) (海豚财经).',
  }),
  plat({
    id: 'duxiaoman',
    name: '度小满科技（北京）有限公司',
    shortNames: ['度小满科技', '度小满金融'],
    aliases: ['百度金融'],
    province: provinceFromName('北京市', KNOWLEDGE, 'unverified'),
    source: SRC.zhudaiLists,
    status: 'secondary',
    note: '"度小满科技" is named in CFC partner lists (消金头条); the full registered name is the authors\' knowledge. Formerly 百度金融.',
  }),
  plat({
    id: 'erxu',
    name: '上海耳序信息技术有限公司',
    shortNames: ['耳序信息技术', '信也科技', '拍拍贷'],
    aliases: ['FinVolution'],
    province: provinceFromName('上海市', SRC.ppdai, 'secondary'),
    source: SRC.ppdai,
    status: 'secondary',
    note: '信也科技 (FINV), operator of 拍拍贷 (齐鲁晚报; 消金头条 names "耳序(拍拍)").',
  }),
  plat({
    id: 'shuhe',
    name: '上海数禾信息科技有限公司',
    shortNames: ['数禾信息科技', '数禾科技', '数禾'],
    province: provinceFromName('上海市', SRC.huanbei, 'secondary'),
    source: SRC.huanbei,
    status: 'secondary',
    note: 'Operator of 还呗 (Tao财经, 2025-12).',
  }),
  plat({
    id: 'yangqianguan',
    name: '北京瓴岳信息技术有限公司',
    shortNames: ['瓴岳科技', '瓴岳', '瓴岳信息技术', '瓴岳科技集团'],
    province: provinceFromName('北京市', SRC.yangqianguan, 'unverified'),
    source: SRC.yangqianguan,
    status: 'unverified',
    note: '洋钱罐 belongs to 瓴岳科技集团 (鳌头财经, secondary); the operating company\'s name is from a blog (unverified).',
  }),
  plat({
    id: 'yiren',
    name: '宜人金科（宜人贷运营方）',
    shortNames: ['宜人金科', '宜人智科', '宜信'],
    aliases: ['Yiren Digital'],
    province: province('北京市', SRC.finCircle, 'unverified', '北京朝阳 per a community list'),
    note: 'Operator of 宜人贷 (authors\' knowledge). The registered name of the operating company was NOT found.',
  }),
  plat({
    id: 'jiayin',
    name: '嘉银科技（你我贷、极融运营方）',
    shortNames: ['嘉银金科', '嘉银科技'],
    aliases: ['Jiayin Group'],
    province: province('上海市', SRC.finCircle, 'unverified', '上海浦东 per a community list'),
    source: SRC.jiayin,
    status: 'secondary',
    note: '嘉银科技 (formerly 嘉银金科) runs 你我贷 and 极融 (盐铁财经, 2025). The registered name of the operating company was NOT found; the name here is the group\'s.',
  }),
  plat({
    id: 'xiaoying',
    name: '小赢科技（小赢卡贷运营方）',
    shortNames: ['小赢科技', '小赢'],
    aliases: ['X Financial'],
    province: province('广东省', SRC.finCircle, 'unverified', '深圳南山 per a community list'),
    note: 'Operator of 小赢卡贷 (authors\' knowledge). Registered name NOT found. 消金头条 names 小赢 among CFC partners.',
  }),
  plat({
    id: 'rongshu',
    name: '百融云创科技股份有限公司',
    shortNames: ['百融云创', '百融'],
    province: province('（未核实）', KNOWLEDGE, 'unverified', 'not found'),
    source: SRC.rongshu,
    status: 'secondary',
    note: 'HK-listed group behind 榕树贷款 and 钱小乐 (2025 articles). (The authors first believed 榕树 belonged to 随手科技: the sources say 百融云创.)',
  }),
  plat({
    id: 'jd-tech',
    name: '京东科技（京东金融运营方）',
    shortNames: ['京东科技', '京东数科', '京东金融'],
    province: province('北京市'),
    note: 'Runs the 京东金融 app (a blog, SRC.jdBlog). 消金头条 names 京东\'s partner companies 云翰 and 际辉 (full names not found). The registered name of the operator is NOT verified.',
  }),
  plat({
    id: 'weiheng',
    name: '重庆市微恒科技有限公司',
    shortNames: ['微恒科技'],
    province: provinceFromName('重庆市', SRC.fenfu, 'secondary'),
    source: SRC.fenfu,
    status: 'secondary',
    note: 'Operator of 微信分付 (21世纪经济报道, 2025-10); on the partner lists of 渤海银行, 成都银行, 锦程消费金融 and 招联消费金融.',
  }),
  plat({
    id: 'didi-jinke',
    name: '滴滴金科（北京）信息服务有限公司',
    shortNames: ['滴滴金科', '滴滴金融', '滴滴数科'],
    province: provinceFromName('北京市', SRC.didi, 'unverified'),
    source: SRC.didi,
    status: 'unverified',
    note: 'A third-party blog names it as the Android developer of the 滴滴金融 app.',
  }),
  plat({
    id: 'pingan-puhui',
    name: '平安普惠（陆金所控股）',
    shortNames: ['平安普惠', '陆金所控股', '陆金所'],
    aliases: ['Lufax'],
    province: province('（未核实）', KNOWLEDGE, 'unverified', 'not found'),
    note: 'Group trade name, not a legal name (authors\' knowledge). 平安普惠 surrendered its last internet microloan licence at the end of 2024 (齐鲁晚报, SRC.ppdai).',
  }),
];
