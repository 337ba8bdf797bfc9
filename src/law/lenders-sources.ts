/**
 * Sources of the lender registry and the helpers that build its inferred facts. A source is a URL (with the outlet and
 * date where known) or a document title. What was read where is summarised next to each constant, so that a reviewer
 * can re-check it; the status each fact gets is decided where it is used (see docs/lenders.md for the rules).
 */
import type { LenderEntity, LenderFactStatus, RegistryLenderType, ServiceNumber, SourcedFact } from './lenders-types.js';

/** A fact the authors know but did not find in a source with the search tool (2026-12). Always 'unverified'. */
export const KNOWLEDGE = "authors' knowledge; no source found with the search tool (2026-12)";

export const SRC = {
  /** Official site of 四川锦程消费金融: FAQ gives 客服热线 4001066166 (working days 9:00–20:30, holidays 9:30–18:00). */
  jccfc: 'http://www.jccfc.com/service (四川锦程消费金融 official site, FAQ)',
  /** 财经国家周刊 (2019): 四川锦程消费金融, founded by 成都银行 and 马来西亚丰隆银行. */
  jinchengNews: 'http://www.handmsg.com/page/2019/1101/5949083.shtml (财经国家周刊 article, 2019)',
  /** Copy of the company profile at msxf.com: 马上消费金融股份有限公司, opened 2015-06, 重庆百货 and others as shareholders. */
  msxf: 'http://geekdaxue.co/read/yingtaoxiang@hello/dryrex (copy of the company profile at https://www.msxf.com)',
  /** 凤凰网 / 91haoming (2025): NFRA 天津监管局 approved renaming 捷信消费金融有限公司 to 天津京东消费金融有限公司; 白条 and 金条 lent by 京东盛际小贷. */
  jdcfc: 'https://ishare.ifeng.com/c/s/8lAOb4TMq90 (凤凰网, 2025-07) ; http://www.91haoming.cn/news/show-425977.html (2025)',
  /** 消金头条 (2025): partner lists CFCs published under 金规〔2025〕9号; names 携程 北京互金新融科技, 度小满科技, 360借条 上海淇毓信息科技, 美团 小贷, 京东 云翰/际辉, 中移金科, 分期乐, 耳序(拍拍), 小赢, 哈啰, 数禾. */
  zhudaiLists: 'https://dujiaojinrong.com/21533 (消金头条: partner lists published under 金规〔2025〕9号, 2025)',
  /** Blog summarising Ant Group's 2020 prospectus: 重庆市蚂蚁小微小额贷款 (花呗) and 重庆市蚂蚁商诚小额贷款 (借呗). */
  ant2020: 'http://xiaotubaobei.com/html/wangdaihbs/11568.html (blog summarising Ant Group\'s 2020 IPO prospectus)',
  /** Third-party page: 微粒贷 客服 95384 is 微众银行's single customer-service number. */
  webank: 'http://www.xincainet.com/wap/news/409486.html (third-party guide, 2026-01)',
  /** Blogs: 美团借钱 lent by 重庆美团三快小额贷款有限公司 and partner banks such as 江苏银行 and 亿联银行. */
  meituan: 'https://www.haokouzi.cc/kz/12579.html ; http://www.wzask.com/f/d3313a5ff4832b2c.html (third-party blogs)',
  /** 金融科技日报 blog (fintecdaily): 放心借's lender since 2021 is 深圳市中融小额贷款有限公司, a 今日头条 subsidiary. */
  douyin: 'https://fintecdaily.com/zhangyiming217 (fintech news commentary)',
  /** 零壹智库 figures (2025/2026): 财付通小贷 registered capital 150亿; 中融小贷 (字节跳动) 190亿. */
  microloanCapital: 'https://vpshk.cn/20260224037.html (repost of a 2026 article citing 零壹智库)',
  /** Blog: 度小满 lends through 重庆度小满小额贷款有限公司 and partner banks such as 重庆银行 and 百信银行. */
  duxiaoman: 'https://www.dlllqs.com/lcbj/94972.html (third-party blog)',
  /** Blogs: 360借条 is operated by 360数科/奇富科技; its own lender is 福州三六零网络小额贷款 (now 福州奇富网络小额贷款); partners include 南京银行, 渤海银行, 盛京银行, 中原银行, 马上消费, 中邮消费. */
  qifu: 'https://www.rlut.cn/news/360-jie-tiao-shi-360-shu-ke-qi-xia-de-zheng-gui-dai-kuan-ping-tai-ma-li-xi-gao-ma-an-quan-ma-ru-he-s.html ; http://miyifa11.com/post/21706.html (third-party blogs)',
  /** 源媒汇 (2025-11): a 分期乐 loan lent by 南京银行, paid by 深圳市乐信融资担保有限公司 as guarantor; operator 深圳市分期乐网络科技有限公司. */
  lexin: 'http://www.digipub.cc/dy/article/KJ3EILPC05566TBX.html (源媒汇, 2025-11, on a court judgment)',
  /** 北京商报 via 证券之星 (2024-06): NFRA 北京监管局 fined 中信消费金融有限公司. 网易 (2026-01): loans via 桔多多 from 中信消金. */
  citicCfc: 'http://stock.stockstar.com/IG2024061900016405.shtml (北京商报 / 证券之星, 2024-06) ; https://m.163.com/dy/article/KJD0813P0556BOXD.html (网易, 2026-01)',
  /** 网易清流工作室 (2025): 原苏宁消金 renamed 南银法巴消费金融有限公司 after 南京银行's acquisition. */
  nyfb: 'http://www.digipub.cc/money/article/KDMKT2T300258105.html (网易清流工作室, 2025)',
  /** 北京商报 (2021-08): 华融消费金融股份有限公司, registered in 合肥, 70% put up for sale by 中国华融. */
  huarong: 'http://news.jsnol.com/local/20210804/19745.html (北京商报, 2021-08)',
  /** 齐鲁晚报 (2024): 上海耳序信息技术 (信也科技, 拍拍贷) took over 广州平安好贷小额贷款. 中国科技投资: 拍拍贷 loans from 百信银行 and 辽宁振兴银行. */
  ppdai: 'https://yaliqi.com/new/665450614467073024 (齐鲁晚报·齐鲁壹点, 2024) ; http://ljycsb.cn/dkzs/84300.html (《中国科技投资》)',
  /** Tao财经 (2025-12): 还呗 run by 上海数禾信息科技有限公司, partners include 百信银行 and 中信消费金融. */
  huanbei: 'http://www.looktmt.com/0076/781/66042249441.html (Tao财经, 2025-12) ; http://m.cnqd.net/main/qingdao/79682_2.html',
  /** Blogs: 滴水贷's licensed entity is 重庆市西岸小额贷款有限公司; partners include 马上消费金融 and 杭银消费金融. */
  didi: 'http://www.fryarmg.com/post/71550.html ; https://www.zjgxxwh.com/dnrj/1247.html (third-party blogs)',
  /** Community-maintained domain list naming the 19 private banks with their registered names. */
  privateBanks: 'https://raw.githubusercontent.com/v2ray/domain-list-community/refs/heads/master/data/category-bank-cn (community list of the 19 民营银行)',
  /** Blogs: 京东金条 partners include 中银消费金融, 平安银行, 中信百信银行, 浦发银行. */
  jdBlog: 'https://www.dlllqs.com/lcbj/89766.html ; https://www.dlllqs.com/lcbj/15954.html (third-party blogs)',
  /**
   * Two overviews of the 31 licensed consumer finance companies' 2024 results (金融虎网 via 网易; 新经济观察团 via 证观新闻),
   * naming by short name 蚂蚁, 招联, 兴业, 中邮, 马上, 中银, 宁银, 南银法巴, 建信, 唯品富邦, 湖北, 小米, 平安, 晋商, 阳光, 金美信,
   * 哈银 (百度 shareholder), 杭银 (滴滴 shareholder), 蒙商 and 捷信 (renamed 京东消金).
   */
  cfc31: 'https://www.163.com/dy/article/K1A17NMK0511QVBU.html (金融虎网 via 网易, 2025) ; https://www.zhengguannews.cn/zghnews/332023.html (新经济观察团, 2025)',
  /** Other 2024-results articles naming 海尔消金, 小米消金, 建信消金 (99-bm, 2025) and 阳光消金 as 光大银行's (中国网财经 repost, 2025). */
  cfc2024: 'https://99-bm.com/news/W3rE0y9QZp.html (2025) ; http://office-chair.com.cn/youxibaike/20250328225453.html (中国网财经 repost, 2025)',
  /** 金融帮 (2025) and a 2025 penalty report: 内蒙古蒙商消费金融股份有限公司, fined by 人民银行包头市分行; formerly 包银消费金融 (2021 article). */
  mengshang: 'https://jinrbang.com/portal.php?aid=26&mod=view (金融帮, 2025-09) ; http://wmtv.cn/xzwf/10341.html (2025-02) ; http://www.aaygz.cn/GB/consumerfinance/2021-04-19/1MMDAwMDM0ODY1Mg.html (2021)',
  /** GitHub issue listing Chinese fintechs listed in the US with their registered district (宜人贷 北京朝阳, 拍拍贷 上海浦东, 乐信 深圳南山, 你我贷(嘉银金科) 上海浦东, 小赢科技 深圳南山, 360金融 上海崇明). */
  finCircle: 'https://github.com/hapiman/fin-circle/issues/4 (list of US-listed Chinese fintechs, 2019)',
  /** News (2023-08, repost): NFRA 深圳 approved renaming 招联消费金融有限公司 to 招联消费金融股份有限公司 on 2023-07-18; founded 2015 in 深圳 (2021 article). */
  zhaolian: 'http://im.dizo.com.cn/jujiao/2023/0817/89542.html (news repost, 2023-08) ; https://nanmuxuan.com/zh-tw/economy/ffqdoteiiql.html (2021)',
  /** 深圳商报读创 (2026-03, repost): NFRA 北京监管局 fined 北京阳光消费金融股份有限公司 on 2025-05-30; 光大银行 holds 60%. */
  yangguang: 'http://m.serenwang.com/dy/article/KO7K86EC0556BOXD.html (深圳商报读创 via 网易, 2026-03) ; http://www.bbjyoujiao.com/gupiaozhuanyepeizimenhu/306846.html (2025)',
  /** News repost (2025-12): NFRA 厦门监管局 fined 厦门金美信消费金融有限责任公司 (penalty 2025-3); earlier 厦门银保监局 (2021). */
  jinmeixin: 'http://www.telecomossbss.com/2025/1201/770208.shtml (news repost, 2025-12) ; http://www.senqingzn.com/dy/article/K2TEI9KS0553IQIM.html (2025-06)',
  /** News repost (2025-07): NFRA 宁波监管局 fined 浙江宁银消费金融股份有限公司 165万元 on 2025-07-11. */
  ningyin: 'http://www.senqingzn.com/dy/article/K4VS3FBN0556BOXD.html (news repost via 网易, 2025-07)',
  /** 经理人融媒体 (repost): NFRA 浙江监管局 fined 杭银消费金融股份有限公司 55万元 (11-07). */
  hangyin: 'http://sh.office369.com/news/324836.html (经理人融媒体 repost)',
  /** 2025-06 repost: 人民银行湖北省分行 fined 湖北消费金融股份有限公司 (credit-information rules). */
  hubei: 'http://www.senqingzn.com/dy/article/K2TEI9KS0553IQIM.html (news repost, 2025-06)',
  /** 21世纪经济报道 (2025-10): 微信分付's operator is 重庆市微恒科技有限公司, on partner lists of 渤海银行, 成都银行, 锦程消费金融, 招联消费金融. */
  fenfu: 'https://www.chinahospitalitynews.com/cn/2025/10/23/198151/ (21世纪经济报道 repost, 2025-10) ; http://www.digipub.cc/dy/article/KCJA1DM90539LWQ1.html',
  /** Reposted analysis of the 30 CFCs (2020): 2020 approvals of 重庆小米, 北京阳光, 重庆蚂蚁, 苏银凯基 and 唯品富邦 消费金融. */
  cfc2020: 'http://www.szginin.com/26957.html (reposted analysis, 2020)',
  /** 2025-03/04 reports: NFRA 重庆监管局 fined 重庆蚂蚁消费金融有限公司 140万元 on 2025-03-28; opened 2021-06-04, approved by the 重庆 office; "承接了蚂蚁集团的花呗和借呗业务". */
  antCfc: 'http://bbs.wenxuecity.com/financenews/29486.html (news repost, 2025-04) ; https://m.fmwz.net/news/rqO16GQVKo.html ; https://www.caizhongshe.cn/news-2321416764088763768.html',
  /** 南都·湾财社 (2025): 人民银行青岛市分行 fined 海尔消费金融有限公司 (2025-06-25); 7 CFCs fined in 2025 H1 incl. 蒙商, 中邮, 蚂蚁, 湖北, 阳光, 金美信, 海尔. */
  cfcPenalties2025: 'http://61.152.230.22/news,cjpl,54745885.html (南都·湾财社 repost, 2025)',
  /** 银保监会湖南监管局 fined 湖南长银五八消费金融股份有限公司 (2021, via 信用中国); 人民银行长沙中心支行 fined it in 2023 (金融虎网). */
  changyin58: 'http://www.hi-techblog.com/finance/20210728/45121.html (news repost, 2021-07) ; http://nvzhuangjie.cn/xiaofei/15448.html (金融虎网 repost, 2023-09)',
  /** 北京商报 (2023-06): 陕西长银消费金融有限公司, "西北首家持牌消金公司"; product 畅开花. */
  changyin: 'https://www.xuehua.us/a/648206a4fc5246dc599cfa73?lang=zh-hk (北京商报 repost, 2023-06)',
  /** 数科社 (2025-04): NFRA 广东监管局 fined 中邮消费金融有限公司 85万元 on 2025-04-07; 邮储银行 holds 70.5%; main product 邮你贷. */
  zhongyou: 'https://www.popcj.com/depth/2600512504378691 (数科社, 2025-04)',
  /** 子弹财经 (2025-08): 苏银凯基消费金融有限公司, founded 2021-03, 江苏银行 56.44%, 凯基商业银行 37.63%. */
  suyin: 'https://zqbcyol.com/articles/2025/08/941/941.html (子弹财经 repost, 2025-08) ; http://m.lonews.cn/article/13204218.html',
  /** 2025-12 repost: 北银消费金融有限公司, founded 2010-03, headquartered in 北京; 北京金融监管局 approved its directors; 北京银行 35.29%. */
  beiyin: 'http://www.czbtz.com/news/84a22899687.html (news repost, 2025-12)',
  /** 21世纪经济报道 (2023-01): 银保监会山西监管局 approved a share transfer of 晋商消费金融股份有限公司; founded 2016; 晋商银行 40%. */
  jinshang: 'http://m.shbear.com/cf/2023/0105/47636.html (21世纪经济报道 repost, 2023-01) ; https://shanxishangren.com/b2b/news/show.php?itemid=93856',
  /** NFRA 黑龙江监管局 fined 哈银消费金融 (2024-08-12); 北京商报 (2023) gives the name 哈尔滨哈银消费金融有限责任公司; 华夏时报: products 哈哈贷 (online) and 开心贷 (offline). */
  haying: 'https://caifuhao.eastmoney.com/news/20241001175009051020670 (东方财富 财富号, 2024-10) ; http://whmsebhyy.com/jjxw/2023-05-22/doc-imyuskpy4699752.shtml (北京商报 repost) ; http://zhubao.nanfei.cn/jiage/2023/0520/2549.html (华夏时报 repost)',
  /** 消金界 via 网易 (2025/2026) and 2025 articles: 四川省唯品富邦消费金融有限公司, products 小蓉花 (online revolving; 小蓉花消费分期) and 小蓉贷 (offline); partners 360金融, 拍拍贷, 嘉银金科, 洋钱罐. */
  weipin: 'https://www.163.com/dy/article/KLLOETGL05391F6M.html (消金界 via 网易) ; https://dcwnkz.com/new/730568402453672960 (2025) ; https://qntz.me/post/7ec5ae2e7f130ee38654b3199ad9c88d.html',
  /** 36氪/商业范儿 (2026-01) and 钛媒体 (2026): 中原消费金融股份有限公司, 河南's only CFC, founded 2016-12; 中原银行 49.25%; its general manager approved by NFRA 河南监管局 (2025-11). */
  zhongyuan: 'https://www.36kr.com/p/3647327612613377 (商业范儿 via 36氪, 2026-01) ; https://www.tmtpost.com/7862156.html (钛媒体, 2026)',
  /** 2025 articles: 盛银消费金融有限公司, the first licensed CFC in the north-east. */
  shengyin: 'http://www.cwwss.com/article/cb/45369.html (2025) ; https://user.guancha.cn/main/content?id=1603323 (观察者网 user column, 2026)',
  /** 证观新闻 (2025-09): 河北幸福消费金融股份有限公司, 河北's first CFC, opened 2017; 张家口银行 47.09%. */
  xingfu: 'https://zhengguannews.cn/zghnews/364870.html (证观新闻, 2025-09)',
  /** 盐铁财经 (2025-12) and 海豚财经 (2023): 携程金融's products 拿去花 (信用购), 信用贷, 生意人贷 run by 携程小贷 with about 40 licensed partners (阳光消金, 渤海银行, 韩亚银行, 中关村银行, 盛银消金, 众邦银行, 蒙商消金 …); operating companies 北京互金新融科技, 天津趣拿互金信息技术, 携程科技(上海). */
  ctrip: 'http://mp.cnfol.com/51610/article/1766041726-142173305.html (盐铁财经 via 中金在线, 2025-12) ; https://www.fensifuwu.com/emotion/me/24e6e0d749adbd37c838d9b92ad12ba9.html (海豚财经 via 青岛财经日报, 2023)',
  /** 2024-12 and 财评社 (2025-08): 上海尚诚消费金融股份有限公司, founded 2017-08 by 上海银行 (42.74%) and 携程 (42.18%); 21世纪经济报道 (2017) on its opening. */
  shangcheng: 'https://wxredian.com/art?id=373c7b851b9406b5f223f570891f4d82 (2024-12) ; https://www.hstong.com/news/detail/25080412271384340 (财评社, 2025-08) ; http://chinakjjr.com/article/1683.html (21世纪经济报道, 2017)',
  /** 文汇报 (2019-11): the regulator approved 中国平安 to set up 平安消费金融 in 上海, under the 上海银保监局; 柒财经 (2020): products 小橙花 (loan) and 小橙卡 (virtual card). */
  pinganCfc: 'http://paper.wenweipo.com/2019/11/29/MC1911290008.htm (香港文汇报, 2019-11) ; http://iongco87.cn/zixun/guonnei/2020/0701/52723.html (柒财经 repost, 2020)',
  /** 21世纪经济报道 (repost) and 2025-12/2026-01 news: 重庆美团三快小额贷款有限公司 ("美团小贷"), capital 50亿 then 75亿; runs 美团借钱, 美团月付 and 生意贷; fined by 人民银行重庆市分行 on 2025-12-23. */
  meituanNews: 'https://129a.com/flrd/31023.html (21世纪经济报道 repost) ; https://www.163.com/dy/article/KIOF69IK0556BOXD.html (网易, 2026-01) ; https://m.163.com/dy/article/KJ7M4GAM0556BJ43.html',
  /** 财中社 (2025-11): "重庆市地方金融管理局发布《重庆市小额贷款有限公司名录》" (list of 重庆 microloan companies, incl. which may lend online). */
  cqLocalRegulator: 'https://www.caizhongshe.cn/news-8498667245051944179.html (财中社, 2025-11) ; http://www.16mn888.com/money/bank/gsdt/2025-03-14/doc-inepruii9461974.shtml (新经济观察团, 2025-03)',
  /** 2025 articles: 榕树贷款 and 钱小乐 belong to 百融云创科技股份有限公司 (HK-listed); blogs: 榕树贷款's microloan company is 广州数融互联网小额贷款有限公司. */
  rongshu: 'https://www.laohunote.com/post/501185023234552 (2025) ; http://www.520qdd.com/0048/180/65988367804.html (2025) ; http://www.wzask.com/f/db395454eaa85053.html (blog)',
  /** 鳌头财经 (2024-06): 洋钱罐 belongs to 瓴岳科技集团; a blog gives the operating company 北京瓴岳信息技术有限公司. */
  yangqianguan: 'https://gudianfeng.com/new/e56133f3df494f46bb8e00f2acf6e144 (鳌头财经, 2024-06) ; https://www.csai.cn/loan/1450010.html (blog)',
  /** 财评网 (2026-01): 奇富科技's licensed companies 福州奇富融资担保有限公司 and 福州奇富网络小额贷款有限公司 sold bad-debt packages; news (2025): 360借条 renamed 奇富借条. */
  qifuNews: 'http://www.looktmt.com/0040/102/66751098720.html (财评网, 2026-01) ; http://senqingzn.com/dy/article/JTTB33O00556BOXD.html (news repost, 2025)',
  /** 证观新闻 (2025): 小赢卡贷 partners include 华夏银行 and 杭银消金; a 2021 loan contract with 深圳市小赢小额贷款 judged in (2025)津0104民初152号. 九州商业观察 (2025): a 小赢卡贷 loan funded by 大兴安岭农村商业银行. */
  xiaoying: 'https://wap.zhengguannews.cn/html/zgh/367386.html (证观新闻, 2025) ; https://user.guancha.cn/main/content?id=1426660 (九州商业观察, 2025-04)',
  /** 盐铁财经 (2025-03): 嘉银科技 (formerly 嘉银金科, renamed 2023, NASDAQ 2019) runs 你我贷 and 极融; guarantors are its subsidiaries. */
  jiayin: 'https://hknews.cc/article/67e381af9b3713cc83f82a17.html (盐铁财经 repost, 2025-03)',
  /**
   * A caller-ID Android app's built-in list of service numbers (public GitHub code found with the search tool; index file id
   * 65804986638; the repository name was not returned). Community data, not an official source: every number from it is
   * 'unverified'. It lists e.g. 95588 中国工商银行, 4008205555 招商银行, 95188 支付宝, 95118 京东, 95017 微信支付, 95152 抖音,
   * 95055 北京百付宝科技, 95730 深圳市分期乐网络科技, 952228 无锡拍拍贷金融信息服务, 95010 携程, 95384 微众银行.
   */
  callerIdList: "caller-ID app's built-in service-number list (public GitHub code, search-index file id 65804986638; community data)",
  /** A second, independent community list: a Java enum of banks' customer-service numbers (search-index file id 18570560643, 2016). */
  bankPhoneEnum: 'BankServicesPhoneEnum (public GitHub code, search-index file id 18570560643, 2016; community data)',
  /** Blog: 放心借 partners include 中银消费金融 and 新网银行. */
  douyinBlog: 'https://www.dlllqs.com/lcbj/91778.html (third-party blog)',
} as const;

/** Where the regulator of a bank or consumer finance company was inferred from. */
const NFRA_INFERRED =
  'inferred: NFRA supervises banks and consumer finance companies, nationwide banks at headquarters level and the others through the office ' +
  'of their place of registration (src/law/channels.ts, 12378); not confirmed for this institution';

/** NFRA headquarters: the six large state-owned banks and the twelve joint-stock banks. */
export function nfraHq(): SourcedFact {
  return { value: '国家金融监督管理总局', source: NFRA_INFERRED, status: 'unverified' };
}

/** The NFRA office of a province or a 计划单列市 (深圳, 宁波, 厦门, 青岛, 大连 have their own): nfraOffice('深圳'). */
export function nfraOffice(place: string, source: string = NFRA_INFERRED, status: SourcedFact['status'] = 'unverified'): SourcedFact {
  return { value: `国家金融监督管理总局${place}监管局`, source, status };
}

const LOCAL_INFERRED =
  'inferred: microloan and financing-guarantee companies are supervised by the local financial regulator of the province where they are ' +
  'registered (src/law/channels.ts, local_regulator); the office\'s current name (地方金融管理局 after the 2024 reform) is not confirmed';

/** The provincial local financial regulator: localRegulator('重庆市'). */
export function localRegulator(province: string): SourcedFact {
  if (province === '重庆市') {
    return {
      value: '重庆市地方金融管理局',
      source: `${SRC.cqLocalRegulator} ; ${LOCAL_INFERRED}`,
      status: 'secondary',
      note: 'The office publishes the list of 重庆 microloan companies (财中社, 2025); that it supervises each company is inferred from the registered place.',
    };
  }
  return { value: `${province}地方金融管理局`, source: LOCAL_INFERRED, status: 'unverified' };
}

/** A platform (助贷) is not a licensed lender: it has no financial regulator of its own for the borrower. */
export function noRegulator(): SourcedFact {
  return {
    value: '无（助贷平台本身不是持牌放贷机构；向合同上的放贷机构的监管部门投诉）',
    source: 'src/law/channels.ts (12378 note: loan facilitation is supervised through the licensed lender, zhudai-2025.item1)',
    status: 'secondary',
    note: 'From the project\'s law data (the 12378 channel, verified_secondary), applied to this company; not a fact read about the company itself.',
  };
}

/** Province of registration with its source. */
export function province(value: string, source: string = KNOWLEDGE, status: SourcedFact['status'] = 'unverified', note?: string): SourcedFact {
  return note ? { value, source, status, note } : { value, source, status };
}

/** Province read from the place in the registered name (重庆市蚂蚁小微小额贷款 → 重庆市); as sure as the name. */
export function provinceFromName(value: string, nameSource: string, status: SourcedFact['status']): SourcedFact {
  return { value, source: `place in the registered name (${nameSource})`, status };
}

/** Complaint channels (ids of src/law/channels.ts) proposed for each kind of institution, in order. */
export const CHANNELS_FOR: Record<RegistryLenderType, string[]> = {
  bank: ['lender', '12378'],
  internet_bank: ['lender', '12378', 'nifa'],
  credit_card: ['lender', '12378'],
  consumer_finance: ['lender', '12378', 'nifa'],
  microloan: ['lender', 'local_regulator', 'nifa'],
  guarantee: ['lender', 'local_regulator'],
  platform: ['lender', 'nifa', '12378'],
  private: ['police', 'court'],
  other: ['lender', '12315'],
};

/** What every entity list gives for an entry (lenders-entities-*.ts); the list decides the id, type and regulator. */
export interface EntityInput {
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

/** An entity: the type's channels, no service numbers, KNOWLEDGE and 'unverified' unless the input says otherwise. */
export function lenderEntity(id: string, type: RegistryLenderType, regulator: SourcedFact, i: EntityInput): LenderEntity {
  const e: LenderEntity = {
    id,
    name: i.name,
    shortNames: i.shortNames,
    type,
    regulator,
    province: i.province,
    channels: CHANNELS_FOR[type],
    serviceNumbers: i.serviceNumbers ?? [],
    source: i.source ?? KNOWLEDGE,
    status: i.status ?? 'unverified',
  };
  if (i.aliases) e.aliases = i.aliases;
  if (i.exactOnly) e.exactOnly = i.exactOnly;
  if (i.note) e.note = i.note;
  return e;
}
