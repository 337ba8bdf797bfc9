/**
 * Concept groups for the linear model (session 6): words that mean the same kind of thing, pooled into one
 * feature per group, plus one feature per pair of groups that occur together.
 *
 * Why: the model's character grams learn the words of the families it was trained on. A threat made with a word
 * no training message used (拄拐 where training had 轮椅, 水库 where it had 江边) scores nothing. A group feature
 * lets such a word borrow the weight the group earned from its other words; a pair (kin × being watched, an
 * accident × a consequence) carries what a linear model over single grams cannot: that two harmless things
 * together are a threat. The groups are written from the language, not from any test message: each is a
 * kind of thing (injuries, funerals, being followed), listed as widely as its everyday words go, and the training
 * cross-validation (scripts/cv-classifier.ts, grouped by family) decides whether they help.
 *
 * Words are matched on the NORMALISED text (normalize.ts: simplified characters, lower case, emoji mostly
 * dropped), so they are normalised the same way when the table is built. Matching is one pass over the text
 * inside the model's own pass over its grams (linear.ts scoreInto): a bit-table check per gram, the map only on a hit.
 */
import { forEachGramKey, MAX_GRAM, wordKey } from './gram-hash.js';
import { normalize } from './normalize.js';

interface Concept {
  id: string;
  words: string;
}

/** Space-separated words per group. Order is the feature layout: append, never reorder (the model file depends on it). */
const GROUPS: readonly Concept[] = [
  { id: 'injury', words: '打断 断腿 断手 腿脚 手脚 废了 残废 残疾 瘸 拐杖 拄拐 轮椅 病床 医院 住院 急诊 icu 医药费 缝针 骨折 破相 毁容 瞎 流血 见血 鼻青脸肿 挨打 挨揍 揍 打你 收拾你 招呼你 修理你 教训 卸你 剁 砍 捅 弄死 整死 打死 干死 宰了 小命 站不起来 爬着 躺着 植物人 半身不遂 下不了床 开瓢 牙 膝盖 脊椎' },
  { id: 'funeral', words: '去死 尸体 收尸 棺材 骨灰 花圈 遗照 遗像 寿衣 冥币 纸钱 灵堂 坟 墓地 墓碑 丧事 追悼 头七 殡仪馆 火葬 上香 黑白照 白事 挽联 烧纸 奔丧 披麻戴孝 送终 陪葬' },
  { id: 'weapon', words: '刀 菜刀 砍刀 匕首 斧头 枪 棍子 棒球棍 铁棍 钢管 锤子 榔头 硫酸 汽油 炸药 炸弹 麻袋 绳子 针管 电棍 弹弓 砖头 板砖 石头' },
  { id: 'accident', words: '意外 出事 出点事 车祸 事故 刹车 煤气 漏电 电线 着火 失火 火灾 掉下去 摔 楼梯 跌倒 淹 溺水 游泳 江边 河边 湖边 水库 天台 楼顶 过马路 大货车 走夜路 夜路 小心火烛 保险 三长两短 好歹 闪失 飞来横祸 倒霉' },
  { id: 'destroy', words: '砸 烧 点火 放火 泼 红漆 油漆 划车 扎胎 放气 锁眼 灌胶 堵锁 拆了 毁了 掀了 炸了 撬 踹门 断水 断电 剪线 玻璃碎' },
  { id: 'property', words: '车 车窗 轮胎 店 门面 铺子 摊位 摊子 房子 门 窗户 锁 庄稼 大棚 鱼塘 果园 牲口 猪圈 鸡 羊 牛 宠物 狗 猫 电动车 摩托 货车 仓库 厂房' },
  { id: 'kin', words: '孩子 儿子 女儿 小孩 宝宝 娃 闺女 老婆 老公 媳妇 丈夫 妻子 爸 妈 父母 爹 娘 爷爷 奶奶 外婆 外公 姥姥 老人 家人 全家 一家老小 家里人 亲戚 兄弟姐妹 对象 女朋友 男朋友 未婚妻 未婚夫 岳父 岳母 公公 婆婆 弟弟 妹妹 哥哥 姐姐' },
  { id: 'school', words: '学校 幼儿园 小学 初中 高中 放学 上学 接送 校门 班主任 补习班 兴趣班 培训班 课外班 托管 宿舍 食堂 年级 班级' },
  { id: 'watched', words: '盯着 盯上 跟着你 跟了 跟踪 蹲守 蹲点 守着 等你 看着你 看到你 看见你 知道你 查到 找到你 定位 行踪 落单 一个人 下班 上班路上 几点 每天 路线 监控 拍到 照片 跟拍 偷拍 摸清 摸透 底细 一举一动' },
  { id: 'gang', words: '兄弟们 兄弟 道上 社会上 弟兄 人手 打手 带人 一帮人 几个人 黑社会 混社会 大哥 老大 江湖 规矩 武的 先礼后兵 硬的 手段 狠 狠人 不怕事 亡命 进去过 蹲过 刚出来' },
  { id: 'consequence', words: '后果 下场 代价 后悔 别怪 走着瞧 等着瞧 等着 看着办 自求多福 好自为之 小心 注意安全 当心 悠着点 别逼 逼我 别想 活不 这辈子 下半辈子 下辈子 兜着走 有你好看 有你受的 不客气 不会放过 没完 付出 报应 跑不了 躲不了 逃不掉' },
  { id: 'abduct', words: '带走 接走 绑了 绑走 关起来 扣下 扣住 押着 换人 人质 接回来 领走 抱走 弄走 拉走' },
  { id: 'beast', words: '狗 猪 畜生 畜牲 牲口 王八 乌龟 龟孙 老鼠 蛆 寄生虫 吸血 白眼狼 狼心狗肺 蛇 狗东西 狗杂种 禽兽 癞皮狗 落水狗 丧家犬 蟑螂 苍蝇 蚂蟥' },
  { id: 'contempt', words: '垃圾 废物 人渣 败类 下贱 贱人 贱 不要脸 无耻 厚颜 恶心 丢人 丢脸 德行 熊样 穷鬼 穷酸 窝囊 没出息 脸皮 骗子 无赖 赖皮 老赖 混蛋 孬种 怂 蠢 傻 笨蛋 弱智 脑残 智障 文盲 低能 丑 肥 乞丐 要饭 讨饭 失败者 窝囊废 瘪三 小人 渣 烂人 臭不要脸 没良心 白吃' },
  { id: 'vulgar', words: '妈的 他妈 你妈 尼玛 操 草泥马 艹 tm tmd nmsl sb 傻逼 煞笔 傻b 逼 婊 杂种 狗日 日你 滚 屁 屎 尿 贱货 王八蛋 龟儿子 瓜娃子 锤子 二逼 狗屎 放屁 fuck shit' },
  { id: 'shame', words: '羞耻 可耻 良心 人品 做人 教育 家教 怎么教 祖宗 祖坟 八辈子 不孝 孝顺 榜样 脸面 抬不起头 名声 名誉 社死 颜面 光彩 笑话 看笑话 丢尽 戳脊梁骨 指指点点' },
  { id: 'social', words: '曝光 公开 朋友圈 发圈 群里 家族群 通讯录 联系人 亲友 同事 领导 老板 单位 公司 hr 人事 邻居 村委 居委会 物业 同学 老师 街坊 全村 村里人 海报 张贴 传单 大字报 抖音 微博 头条 紧急联系 熟人' },
  { id: 'authority', words: '法院 法官 执行局 公安 警察 派出所 刑警 经侦 检察院 仲裁 仲裁委 律师 律所 公证 司法 传票 拘留 逮捕 立案 起诉 判刑 坐牢 刑事 通缉 黑名单 失信 限高 网监 银保监 金融监管 调解委 街道办 书记员 法务 诉讼 强制执行 冻结 查封' },
  { id: 'visit', words: '上门 登门 拜访 外访 去你家 到你家 去你们 过去找 过来找 来找你 去找你 到你 门口 家门 楼下 老家 村里 县里 镇上 车票 高铁 出发 在路上 路上 到了 动身 当面 见面 坐等 堵你 找上门 实地' },
  { id: 'mock', words: '真行 好样的 佩服 厉害啊 了不起 呵呵 哈哈 笑死 可笑 真有你的 有本事 装死 缩头 躲 藏 跑路 玩失踪 装聋作哑 缩头乌龟 不接电话 拉黑' },
  { id: 'curse', words: '不得好死 断子绝孙 天打雷劈 被车撞 没屁眼 早死 短命 遭报应 下地狱 死全家 全家死 诅咒 咒你 烂在 生病 绝症 癌 横死 暴毙 出门被' },
  { id: 'night', words: '晚上 半夜 深夜 夜里 凌晨 天黑 睡觉 睡得着 睡不着 噩梦 敲门 门铃 黑灯瞎火' },
  { id: 'advert', words: '额度 提额 秒批 秒到 低息 免息 征信修复 修复征信 刷流水 注销 退款 客服 验证码 中奖 返利 点击 链接 退订 回t 官方 下载 办理 优惠 活动 积分 恭喜 专享 邀请 申请 放款 审核 预审 可借' },
  { id: 'paid', words: '还款成功 已还清 结清证明 已入账 扣款成功 感谢您 按时还款 账单日 最低还款 自动扣款 余额充足 已结清 还款日 提醒您 温馨提示 如已还款 请忽略' },
];

export const CONCEPT_COUNT = GROUPS.length;
/** Pairs of groups, in the order (0,1), (0,2) … (1,2) …: CONCEPT_COUNT·(CONCEPT_COUNT−1)/2 features. */
export const CONCEPT_PAIRS = (CONCEPT_COUNT * (CONCEPT_COUNT - 1)) / 2;
export const CONCEPT_FEATURES = CONCEPT_COUNT + CONCEPT_PAIRS;
export const CONCEPT_IDS: readonly string[] = GROUPS.map((g) => g.id);

/**
 * Words are at most MAX_GRAM characters, the model's longest gram: the model's own pass over the grams (linear.ts
 * scoreInto) finds them by the gram key it computes anyway (gram-hash.ts), so the groups cost one table lookup per gram.
 */
const FILTER_BITS = 16;
/**
 * word key → bit mask of its groups (a word may sit in two groups: 狗 is an animal and an insult), in an
 * open-addressed table (keys never 0: a 0 key is bumped to 1 on both sides), probed linearly.
 */
const SLOTS = 1 << 12;
const SLOT_KEYS = new Uint32Array(SLOTS);
const SLOT_MASKS = new Int32Array(SLOTS);
/**
 * Top 16 bits of every word key, as a bit set (bit t & 31 of word t >>> 5, for t = key >>> CONCEPT_FILTER_SHIFT): a gram
 * whose bit is 0 is no word (the table is probed for ~1 gram in 70). 8 KB: as one byte per bit (64 KB, until
 * 2026-12-07) nearly every gram's check missed the first-level cache (with scoreInto's two passes, bench, 2026-12-07, same
 * process: classify −0.4 µs a message).
 */
export const CONCEPT_FILTER = new Int32Array(1 << (FILTER_BITS - 5));
export const CONCEPT_FILTER_SHIFT = 32 - FILTER_BITS;
/** Whether a gram key passes CONCEPT_FILTER (scoreInto inlines it). */
export function inConceptFilter(key: number): boolean {
  const t = key >>> CONCEPT_FILTER_SHIFT;
  return (CONCEPT_FILTER[t >>> 5]! & (1 << (t & 31))) !== 0;
}

let words = 0;
for (let g = 0; g < GROUPS.length; g++) {
  for (const raw of GROUPS[g]!.words.split(' ')) {
    if (raw === '') continue;
    const w = normalize(raw).norm;
    if (w.length === 0 || w.length > MAX_GRAM) throw new Error(`concepts: word "${raw}" normalises to ${w.length} code units (1–${MAX_GRAM})`);
    const k = wordKey(w) || 1;
    let slot = k & (SLOTS - 1);
    while (SLOT_KEYS[slot] !== 0 && SLOT_KEYS[slot] !== k) slot = (slot + 1) & (SLOTS - 1);
    if (SLOT_KEYS[slot] === 0 && ++words > SLOTS / 2) throw new Error('concepts: too many words for the table');
    SLOT_KEYS[slot] = k;
    SLOT_MASKS[slot] = SLOT_MASKS[slot]! | (1 << g);
    const t = k >>> CONCEPT_FILTER_SHIFT;
    CONCEPT_FILTER[t >>> 5]! |= 1 << (t & 31);
  }
}
if (GROUPS.length > 31) throw new Error('concepts: more than 31 groups do not fit the bit mask');

/** The groups of a gram key that passed CONCEPT_FILTER (0 = none). */
export function conceptOf(key: number): number {
  const k = key || 1;
  for (let slot = k & (SLOTS - 1); ; slot = (slot + 1) & (SLOTS - 1)) {
    const v = SLOT_KEYS[slot]!;
    if (v === k) return SLOT_MASKS[slot]!;
    if (v === 0) return 0;
  }
}

/** The groups whose words occur in the normalised text, as a bit mask (the same as scoreInto finds). */
export function conceptMask(norm: string): number {
  let mask = 0;
  forEachGramKey(norm, (k) => {
    if (inConceptFilter(k)) mask |= conceptOf(k);
  });
  return mask;
}

/** The offset of the pair (a, b), a < b, among the pair features: (0,1), (0,2) … (0,C−1), (1,2) … */
export function pairIndex(a: number, b: number): number {
  return CONCEPT_COUNT + (a * (2 * CONCEPT_COUNT - a - 3)) / 2 + b - 1;
}

/** Calls f(feature offset) for each feature of a concept mask: each group present, then each pair present. */
export function forEachConceptFeature(mask: number, f: (offset: number) => void): void {
  const on: number[] = [];
  for (let a = 0; a < CONCEPT_COUNT; a++) if ((mask >>> a) & 1) on.push(a);
  for (const a of on) f(a);
  for (let i = 0; i < on.length; i++) for (let j = i + 1; j < on.length; j++) f(pairIndex(on[i]!, on[j]!));
}
