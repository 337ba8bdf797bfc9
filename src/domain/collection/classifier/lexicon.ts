/**
 * The classifier's lexicon: regular expressions over the NORMALISED text (see normalize.ts), grouped
 * by what they signal. Each rule has an id so a span can always be traced to the rule that made it.
 *
 * - COLLECTION rules add `w` to the collection score; VETO rules subtract. A message is collection
 *   when the score reaches 1 and at least one positive rule fired.
 * - LABEL_RULES give the other labels; they only apply to collection messages. Their `col` weight
 *   also counts towards collection ("爆你通讯录" is a collection message even without "还钱").
 * - A rule whose named group `t` matched takes the group as its span, otherwise the whole match.
 * - `neg: true` rules are dropped when the clause before the match negates them (我们不会上门).
 * - `skipBefore` drops a match when the text just before it (same clause) matches.
 * - `reject` drops a match whose own text matches.
 */
import type { Label } from '../types.js';

export interface Rule {
  id: string;
  re: RegExp;
  /** Collection weight (positive rules) or penalty (vetoes, negative). */
  w: number;
  neg: boolean;
  skipBefore?: RegExp;
  /** skipBefore looks back across clause breaks (24 chars) instead of within the clause. */
  wide?: boolean;
  reject?: RegExp;
  /** Only for these recipients. */
  to?: ReadonlyArray<'debtor' | 'third_party' | 'unknown'>;
  /** How many distinct matches count towards the weight (default 1). */
  cap: number;
  /** Only when the message does not address 你/您 (third-person narrative: news, court reports). */
  noYou?: boolean;
  /**
   * Characters of which every match contains at least one (see requiredChars), so the engine skips
   * the rule when none is in the text. '' = always run. Computed from the source; checked by a test.
   */
  gate: string;
  /** Index in ALL_RULES (set once the tables are built). */
  index: number;
}

interface RuleSpec {
  id: string;
  re: string;
  w?: number;
  neg?: boolean;
  skipBefore?: string;
  wide?: boolean;
  reject?: string;
  to?: ReadonlyArray<'debtor' | 'third_party' | 'unknown'>;
  cap?: number;
  noYou?: boolean;
}

function compile(specs: RuleSpec[], defaultNeg: boolean, defaultW: number): Rule[] {
  return specs.map((s) => {
    const flags = s.re.includes('(?<t>') ? 'gd' : 'g';
    const rule: Rule = {
      id: s.id,
      re: new RegExp(s.re, flags),
      w: s.w ?? defaultW,
      neg: s.neg ?? defaultNeg,
      cap: s.cap ?? 1,
      gate: requiredChars(s.re),
      index: -1,
    };
    if (s.wide) rule.wide = true;
    if (s.noYou) rule.noYou = true;
    if (s.skipBefore !== undefined) rule.skipBefore = new RegExp(`(?:${s.skipBefore})$`);
    if (s.reject !== undefined) rule.reject = new RegExp(s.reject);
    if (s.to !== undefined) rule.to = s.to;
    return rule;
  });
}

/**
 * The 200 most frequent Han characters of collection-related SMS, most frequent first (counted over
 * the dev messages; a character-frequency table only). A gate on a frequent character opens often,
 * so requiredChars prefers rare ones.
 */
const FREQUENT =
  '的你还您款我不期已请天了钱人借们逾欠是好信日一法行到在个将月上就系今家理联下通用于有快司账经电他单时明元子事收处话会这本诉前银贷录卡息院户公金分员再门后提去老能点发要尽可费催号律师内清起案告小安都务知吗工转给额台里打如出所平周被么网过部记为以证说位把看最民生回客来心作紧江结全服解候别商没合办那同成未次报协吧包找委意入也得先申查机年友自接三骗受中问她大免名着直向托取急开执调让什留区送讯外立方醒影定群';
const CHAR_COST = new Map<string, number>([...FREQUENT].map((ch, i) => [ch, 2 + (FREQUENT.length - i) / 10]));

/**
 * A set of characters such that every match of the pattern contains at least one of them: a small
 * parser walks the pattern (literals, classes, escapes, groups, alternation, quantifiers,
 * look-arounds), takes for an alternation the union of its branches and for a sequence the cheapest
 * required element (rare characters preferred). Returns '' when no such set exists (never gate).
 */
export function requiredChars(src: string): string {
  let i = 0;
  type Req = Set<string> | null;
  const cost = (r: Req): number => {
    if (r === null) return Infinity;
    let c = 0;
    for (const ch of r) c += CHAR_COST.get(ch) ?? 1;
    return c;
  };
  function parseAlt(): Req {
    const branches: Req[] = [parseSeq()];
    while (src[i] === '|') {
      i++;
      branches.push(parseSeq());
    }
    if (branches.some((b) => b === null)) return null;
    const u = new Set<string>();
    for (const b of branches) for (const ch of b!) u.add(ch);
    return u;
  }
  function parseSeq(): Req {
    let best: Req = null;
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      let atom: Req = null;
      const ch = src[i]!;
      if (ch === '\\') {
        i += src[i + 1] === 'u' ? 6 : 2;
      } else if (ch === '[') {
        i++;
        while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
        i++;
      } else if (ch === '(') {
        let kind: 'group' | 'neg' | 'pos' = 'group';
        if (src.startsWith('(?:', i)) i += 3;
        else if (src.startsWith('(?!', i) || src.startsWith('(?=', i)) {
          kind = src[i + 2] === '!' ? 'neg' : 'pos';
          i += 3;
        } else if (src.startsWith('(?<!', i) || src.startsWith('(?<=', i)) {
          kind = src[i + 3] === '!' ? 'neg' : 'pos';
          i += 4;
        } else if (src.startsWith('(?<', i)) i = src.indexOf('>', i) + 1;
        else i++;
        const inner = parseAlt();
        i++; // ')'
        atom = kind === 'group' ? inner : null;
      } else if (ch === '^' || ch === '$' || ch === '.') {
        i++;
      } else {
        i++;
        atom = new Set([ch]);
      }
      // Quantifier: optional ones make the atom non-required.
      let min = 1;
      if (src[i] === '?' || src[i] === '*') {
        min = 0;
        i++;
      } else if (src[i] === '+') i++;
      else if (src[i] === '{') {
        const m = /^\{(\d*)(?:,(\d*))?\}/.exec(src.slice(i));
        if (m) {
          min = Number(m[1] || 0);
          i += m[0].length;
        }
      }
      if (src[i] === '?') i++; // lazy
      if (min === 0) atom = null;
      if (atom !== null && cost(atom) < cost(best)) best = atom;
    }
    return best;
  }
  const r = parseAlt();
  return r === null ? '' : [...r].join('');
}

// ---------------------------------------------------------------------------------------------
// Shared fragments
// ---------------------------------------------------------------------------------------------

/** Things one owes. */
const DEBTN =
  '(?:逃废债|逃债|赖债|借款|欠款|贷款|网贷|信用卡|账单|欠账|账款|款项|本息|本金|欠的钱|借的钱|这笔钱|那笔钱|这笔账|那笔账|白条|花呗|借呗|欠债|债务|分期)';
/** People and places the debtor is known to. */
const REL =
  '(?:紧急联系人|联系人|微信好友|qq好友|家人|家属|家里人|亲人|亲友|亲属|亲戚朋友|亲戚|亲朋好友|朋友|好友|父母|爸妈|爹妈|爸爸|妈妈|老爸|老妈|爸|妈|老婆|老公|妻子|丈夫|媳妇|对象|女朋友|男朋友|孩子|儿子|女儿|兄弟|姐妹|哥哥|姐姐|弟弟|妹妹|领导|上司|老板|同事|工作单位|单位|公司|hr|人事|学校|老师|辅导员|同学|室友|邻居|房东|村委会|村委|居委会|社区|全体员工|员工|担保人|通讯录|周围的人|身边的人|所有人)';
const YOU = '(?:你|您)';
const ANY3 = '(?:你|您|他|她|其)';
/** Places a collector might visit. */
const PLACE =
  '(?:城中村|出租房|家里|家门口|家(?!族|长|人|属|里人|庭|乡群)|老家|家乡|户籍所在地|户籍地|住所|住处|住的地方|租的房子|出租屋|小区|村里|村口|村|县城|镇上|单位|公司|工作单位|学校|宿舍|工地|店里|门口|楼下|前台|办公室)';

// ---------------------------------------------------------------------------------------------
// Collection: positive evidence
// ---------------------------------------------------------------------------------------------

export const COLLECTION: Rule[] = compile(
  [
    {
      id: 'col.repay_demand',
      re:
        '还钱|还不还|还我(?![们国])|钱呢|把钱(?:还|打|转)|钱(?:还|打|转)(?:过来|回来)|' +
        '(?:什么时候|啥时候|何时|几时|哪天|多久)[^，。？！]{0,4}(?:还|处理|给我)|该(?:还|给我)(?:钱)?了|还给我|' +
        '钱(?:准备|凑)好|要钱|讨钱|追债|(?:准备|凑)好钱|(?:能不能|能否|可不可以)先(?:转|还|给|付)|先(?:转|还|给)我|' +
        '(?:赶紧|赶快|快点|尽快|马上|立刻|立即|早点|必须|务必|抓紧|速)还(?!有|是|在|要)|' +
        '(?:你|您)[^。，]{0,10}先(?:还|付|交)|先还[^。，]{0,6}(?:吧|行不行|可以吗|也行|表示)',
      w: 1,
      neg: true,
    },
    {
      id: 'col.pay_imperative',
      re:
        '(?:请|请您|麻烦|务必|尽快|及时|按时|立即|马上|今天|今日|今晚|赶紧|抓紧|速|限期|限你|必须|需要|需)' +
        '[^，。！？]{0,8}?(?:还款|还清|结清|还上|偿还|归还欠款|存足|存够|完成还款|还最低|归还最低|缴清欠款|处理欠款)(?!成功|证明)',
      w: 1,
      neg: true,
    },
    {
      id: 'col.handle',
      re: '(?:请|请您|麻烦|务必|尽快|及时|立即|马上|今天|今日|今晚|赶紧|抓紧|必须|限你|本周内|三日内|\\d+日内|\\d+小时内)[^，。！？]{0,6}?(?:处理|联系我们|回电|结清|联系处理)',
      w: 0.6,
      neg: true,
    },
    {
      id: 'col.nonpay',
      re:
        '(?:再|在|要是|如果|若|敢|还|一直|欠款|借款|账单|钱|逾期)不(?:还|处理|结清)|不(?:还|还钱|还款)(?:的话|就|我们|你|，|,|？|\\?|[！!])|' +
        '还不(?:上|起)就|拒不(?:还|归还|偿还|履行)|(?:欠|借)(?:钱|款|债)不还|逾期不还|拖着不还|赖账|赖着不还|' +
        '欠债还钱|欠钱还钱|钱不还|不还钱|不还款|还不还款|不还清|不还的',
      w: 1,
      neg: true,
    },
    {
      id: 'col.debt_overdue',
      re:
        `${DEBTN}[^，。！？]{0,10}?(?:已经?|都|还|均)?(?:严重)?(?:逾期|逾其|过期未还)(?!未取|未领|作废|清零|失效|不候|滞留|将退|退回|未缴|未续费|也能|可做|能贷|能借)|` +
        '逾期(?:借款|欠款|账款|贷款|账单|账户|金额|未还|不还|罚息|利息|费用|记录|信息|天数|案件|的借款|的欠款|的账单|的账|债务|本金|本息|欠费)|' +
        '(?:账户|账|订单分期|第\\d+期)[^，。]{0,4}(?:已经?)?(?:严重)?逾期|(?:你|您)的逾期',
      w: 1,
      neg: true,
    },
    {
      id: 'col.overdue',
      re: '(?:已经?|都|已|即将)(?:严重)?逾期|逾期(?:了|\\d+天|[一二三四五六七八九十两半几]+(?:天|个月|年|周))|逾期(?:已|已经)?(?:超过|达|满)|逾期通知',
      w: 0.6,
      neg: true,
      skipBefore: '别|不要|避免|以免|防止|以防|怕|会不会',
    },
    {
      id: 'col.unpaid',
      re: '未还|没还(?!没)|未归还|尚未还款|尚未还清|未结清|还没还|一直没(?:还|处理)|没(?:有)?处理|未处理|拒不|长期拖欠|久拖不还',
      w: 0.6,
      neg: false,
    },
    {
      id: 'col.sue',
      re: '起诉(?:你|您|他|她)|(?:你|您)(?:已经?)?被起诉|已起诉|(?:递交|提交|起诉到|告到|交到|移交)(?:给)?(?:人民)?法院|提起(?:民事)?诉讼|诉讼(?:途径|程序)|向(?:人民)?法院(?:提起|起诉)|依法起诉|移交诉讼|追究[^。]{0,4}法律责任',
      w: 0.6,
      neg: true,
    },
    {
      id: 'col.credit',
      re: '影响(?:您的?|你的?)?(?:个人)?(?:征信|信用)|上报征信|报送(?:征信|逾期信息)|征信(?:系统)|上征信|征信(?:已经?)?(?:受|有)影响|(?:不良|逾期)(?:信用)?记录',
      w: 0.5,
      neg: true,
    },
    { id: 'col.borrowed_then', re: '借(?:钱|款)的时候|当初借|借的时候|当时借', w: 0.5, neg: false },
    {
      id: 'col.tp_callback',
      re: '(?:提醒|转告|通知|让|叫|请)[^。]{0,10}?(?:回(?:个)?电话?|回电|联系我|与我们联系|联系一下我们|给我们回)',
      w: 0.7,
      neg: false,
      to: ['third_party', 'unknown'],
    },
    {
      id: 'col.lender_sign',
      re: '(?:——|--|[【〖\\[])[\\u4e00-\\u9fff]{1,5}(?:借|贷|宝|钱包|金融|分期|花|呗|小贷|消费金融|资产|信用卡中心)(?:[】〗\\]]|$)',
      w: 0.3,
      neg: false,
    },
    {
      id: 'col.debt_noun',
      re: `${DEBTN}|欠钱|欠我|欠了|欠下|欠你|借你|罚息|最低还款|应还|待还|还款|那个钱|这个钱|这钱|那钱|欠着`,
      w: 0.4,
      neg: false,
    },
    {
      id: 'col.due',
      re:
        '(?:到期|还款日|扣款日)[^。]{0,24}?(?:请|注意|记得|确保|存足|存够|准备|余额充足|按时|及时|提前|避免)|' +
        '(?:明日|明天|今日|今天|即将|\\d+天后|后天)(?:就)?(?:到期|为还款日|是还款日|是您的还款日|就是还款日|是最后还款日)|今天是(?:您的)?还款日',
      w: 0.6,
      neg: false,
    },
    { id: 'col.fund', re: '存足|存够|余额充足|足额存入|备足', w: 1, neg: false },
    {
      id: 'col.private_loan',
      re:
        '借(?:你|给你)(?:的|那|那笔|了)?[^，。？！]{0,8}?(?:钱|块|万|千|元|百|\\d)|' +
        '欠我(?:的|们)?[^，。？！]{0,8}?(?:钱|块|万|千|元|百)|' +
        '(?:你|您|他|她)(?:借|欠)(?:了)?(?:我|我们)(?:的)?[^，。]{0,6}?(?:钱|块|万|千|元)|' +
        '欠(?:了)?(?:我们|我们平台|我平台|我司|我们公司|平台|公司|大家)?(?:的)?(?:钱|债)|欠下|' +
        '欠(?:了)?[^，。]{0,4}?(?:\\d+|[一二三四五六七八九十两几]+)(?:块|万|千|元)|欠着(?:的)?|欠的那',
      w: 0.7,
      neg: true,
    },
    {
      id: 'col.agency',
      re: '债主|法务|贷后|[催崔]收(?:部|员|专员|中心|公司|组|部门|阶段)?|委外|调解专员|资产管理|法务部|受[^，。]{1,14}?委托|风控部|清收|催款|讨债|要债|催债|追讨|追偿',
      w: 0.6,
      neg: true,
    },
    {
      id: 'col.negotiate',
      re:
        '(?:减免|免除|免)(?:部分|全部|\\d+%的?)?(?:罚息|利息|违约金|滞纳金)|一次性结清|结清减免|分期还款|还款方案|还款计划|' +
        '协商还款|协商|停息分期|个性化分期|延期还款|延期\\d+天还款|还款意愿|还款资金|还款时间|首期|分\\d+期还|每月[^，。]{0,6}还\\d',
      w: 0.6,
      neg: true,
    },
    {
      id: 'col.pressure',
      re:
        '别(?:装死|躲|逃|拖|赖)|装死|躲着|躲得了|躲不掉|跑不了|不接电话|电话(?:也|都)不接|拉黑|再拖|拖着|拖了|拖欠|别拖|' +
        '最后通牒|最后期限|最后一次(?:提醒|机会)|最后(?:\\d+|[一两三四五六七八九十])(?:个)?(?:小时|天)|给个(?:准话|说法|时间)|天经地义|良心|看着办|掂量|后果自负|天天打|一直拖',
      w: 0.5,
      neg: true,
      cap: 2,
    },
    { id: 'col.unable', re: '还不(?:起|上)', w: 0.6, neg: true },
    { id: 'col.tp_ask', re: '(?:让|叫|请|麻烦)(?:他|她)[^，。]{0,3}(?:回电|回个电话|回电话|联系|还|处理)', w: 0.5, neg: false },
  ],
  true,
  1,
);

// ---------------------------------------------------------------------------------------------
// Collection: counter-evidence
// ---------------------------------------------------------------------------------------------

export const VETO: Rule[] = compile(
  [
    { id: 'veto.code', re: '验证码|校验码|动态码|动态密码', w: -3 },
    {
      id: 'veto.paid',
      re:
        '(?:还款|扣款|缴费|支付)成功|成功(?:还款|扣款)|已(?:经)?(?:全部|全额|提前)?(?:结清|还清)|已自动扣款|已扣款|已到账|还款已到账|' +
        '已放款|放款至|无需还款|无待还|已还款|结清证明|已为您免除|提前结清|已办理完成|信用良好|已按时还款|收到你还的',
      w: -1.2,
      skipBefore: '如|若|如果|如您|若您|如果您|如你|如已|未',
    },
    { id: 'veto.statement', re: '账单已出|账单已生成|账单金额|本期账单[:：]|账单[:：]|已出账|已入账', w: -0.6 },
    {
      id: 'veto.advert',
      re:
        '逾期也能|反催收|债务重组|逾期协商服务|黑户|不看征信|不查征信|征信花了|大数据不良|下款|秒到账|当天到账|当天放款|放款快|日息|月息低|低至|' +
        '额度(?:最高|高达)?\\d|最高\\d+[万元]|备用金|停息挂账(?!协议)|债务优化|征信修复|债务处理|免费咨询|一对一|专业团队|专业律师|' +
        '帮(?:您|你)(?:协商|处理|解决)|加v|加微|详询|点击(?:领取|观看|查看详情|了解)|拒收|回复(?:fq|y|td|r)(?![a-z])|成功后再收费|一站式|上岸',
      w: -2,
    },
    {
      id: 'veto.news',
      re:
        '【[^】]{0,10}(?:日报|晚报|新闻|头条|发布|时报|快讯|观察|资讯|在线|网)】|记者|报道|打掉|团伙|犯罪嫌疑人|抓获|警方|反诈|冒充|' +
        '警惕|谨防|不法分子|纪录片|电影|这个词|新闻|发布会|最高法|严厉打击|什么意思',
      w: -2,
    },
    {
      id: 'veto.debtor',
      re:
        '(?:^|[，。！？、\\s])我(?:的)?(?:网贷|信用卡|借款|贷款|花呗|借呗)?[^，。你您]{0,4}(?:逾期了|逾期|欠了|被催|被起诉|被爆|被网贷)|' +
        '能不能(?:宽限|延期|延后|缓|推迟|晚几天|再缓)|能否(?:宽限|延期|延后|缓)|可不可以(?:宽限|延期|缓)|宽限|' +
        '我[^，。你您]{0,8}(?:会|一定|肯定|保证|尽量|争取)[^，。]{0,6}还|' +
        '(?:千万)?别(?:给(?:他们|钱)|理|告诉他们|信)|别理|那是催收|(?:借|转)我[^，。]{0,6}(?:周转|应急)|能(?:先)?借我|借我\\d|' +
        '(?:跟|和)平台(?:在)?协商|连累你|对不起',
      w: -2,
      cap: 2,
    },
    { id: 'veto.rights', re: '(?<!不会)暴力催收|非法催收|非法放贷|如遇|维权|投诉电话|向12378|12378投诉|拨打110', w: -2 },
    {
      id: 'veto.court_news',
      re: '被告人|判处|有期徒刑|一审|二审|宣判|公诉|非法拘禁|寻衅滋事|敲诈勒索|犯罪|法院认为|本案|依法判决',
      w: -2,
      noYou: true,
    },
    { id: 'veto.service', re: '申请(?:未|已)?通过|审核(?:未)?通过|未通过审核|申请已提交|已激活|提额|签约成功|开通自动还款', w: -1.5 },
    { id: 'veto.ask', re: '怎么办|怎么应诉|如何应对|咨询一下|有什么办法|是不是诈骗|会上征信吗|有宽限期吗|宽限期|我该', w: -2 },
    {
      id: 'veto.report',
      re:
        '(?:有人|陌生(?:号码|电话|人)|催收(?:的|公司)?|一个(?:号码|电话))[^。]{0,12}?(?:打(?:电话)?给我|打我电话|找(?:到)?我|联系我|打到我)|' +
        '让我转告你|说你(?:在|欠)|打到我这',
      w: -2,
    },
    {
      id: 'veto.bill',
      re:
        '电费|水费|燃气费|物业费|话费|已欠费|停机|停车费|学费|教材费|房租|罚款|违章|违停|车辆|驾驶证|行驶|交警|会员|积分|优惠券|包裹|快递|驿站|尾款|定金|签证|图书|借阅|续保|车险|年费|\\d+折',
      w: -0.6,
    },
    { id: 'veto.banter', re: '欠揍|欠(?:我)?(?:一|那)?(?:顿|杯|个人情|次)', w: -0.8 },
    { id: 'veto.job', re: '招聘|底薪|提成|招(?:催收|人)|还招人|有意者', w: -2 },
    { id: 'veto.third_self', re: '我(?:的)?(?:朋友|同事|家人|哥|姐|弟|妹|爸|妈|老公|老婆)[^，。]{0,4}(?:欠了|逾期|借了|被催)', w: -1.5 },
  ],
  false,
  -1,
);

// ---------------------------------------------------------------------------------------------
// Genuine court notices: a court tag or 12368 pointer, a proper case number, no private payment.
// ---------------------------------------------------------------------------------------------

export const COURT_OFFICIAL =
  /12368|在线服务平台|调解平台|诉讼服务网|移动微法院|执行信息公开网|裁判文书网|诉讼服务中心|电子送达|送达平台|【[^】]{0,12}(?:人民法院|中院|法院)】|本院/;
export const CASE_NUMBER = /[(（]\d{4}[)）][^，。\s]{1,14}?\d+号|电子送达|文书已送达|送达了?[^。]{0,6}文书/;
export const COURT_FAKE =
  /1[3-9]\d[\d*]{8}|还款到|转账到|转账至|汇款到|打款到|账户\d|立即还款|马上还款|马上联系|今日内还|拘留|拘传|坐牢|执行法官|个人账户(?!转账)|请[^。]{0,6}(?:还款|还清|结清|打款|转账)(?!到任何)/;

// ---------------------------------------------------------------------------------------------
// Other labels
// ---------------------------------------------------------------------------------------------

export type OtherLabel = Exclude<Label, 'collection'>;

const THIRD_PARTY: RuleSpec[] = [
  {
    id: 'tp.contact_role',
    re:
      `紧急联系人(?:您好|你好|[:：])|${YOU}(?:是|作为)[^。，？]{0,10}?(?:紧急联系人|联系人|担保人|家属|家人|朋友|同事|领导|父亲|母亲|爸爸|妈妈|姐姐|哥哥|妹妹|弟弟|室友|房东|老师|邻居|亲戚|什么人|妈|爸)|` +
      `把${YOU}(?:填|留|写|设)(?:成|为|了|作)|${YOU}(?:被)?[^。]{0,6}?(?:填写|填|留)(?:为|成|了)[^。]{0,4}?紧急联系人|填的${YOU}做`,
  },
  {
    id: 'tp.pass_on',
    re:
      '转告(?:他|她|其|一下|给)?|代为转告|帮(?:忙|我们)?(?:转告|提醒|催|劝|联系|通知)|' +
      '(?:让|叫|请|通知|提醒|督促|劝劝|劝|告诉|跟)(?:他|她|其)(?:尽快|赶紧|马上|今天|立即|务必|回|还|联系|处理|速|一声)',
  },
  {
    id: 'tp.relative_debt',
    re: `${YOU}(?:的)?(?:朋友|同事|儿子|女儿|丈夫|老公|妻子|老婆|哥哥|哥|姐姐|姐|弟弟|弟|妹妹|妹|父亲|母亲|爸|妈|家人|亲戚|员工|学生|室友|租客|女婿|儿媳|亲友)[^你您。]{0,8}?(?:欠|借|逾期|不还|债)`,
  },
  {
    id: 'tp.address',
    re:
      '贵(?:司|公司|单位|校)(?:的)?(?:员工|职工|学生)?|(?:人事部|人力资源部|hr|前台|老师|领导|叔叔|阿姨)(?:您好|你好)|' +
      '请问(?:您|你)?是[^。，？]{1,8}?的(?:父亲|母亲|爸爸|妈妈|家人|领导|室友|同事|朋友|姐姐|哥哥|亲戚|房东)|' +
      '各位(?:亲友|亲朋好友|同事|同学|老乡|家长|邻居|乡亲|朋友)|大家(?:看看|注意|好)|群里的各位|@所有人|寻人启事|此人|' +
      `${YOU}(?:是不是)?认识[^。]{1,8}?吗|家属的一封信|致[^。]{1,8}?家属|你当(?:姐姐|哥哥|家长|父母|妈|爸)的|您当家长`,
  },
  { id: 'tp.third_person_debt', re: '(?:他|她)(?:在我们?|在我|的)[^。]{0,8}?(?:欠|借款|欠款|逾期)' },
];

const THREAT_CONTACTS: RuleSpec[] = [
  { id: 'tc.bao_txl', re: '爆(?:你|您|他|她)?(?:的)?(?:全部|所有)?通讯录|爆通讯录', w: 1 },
  {
    id: 'tc.txl_action',
    re:
      '(?:联系|通知|打给|打电话给|发给|群发|发短信给|告诉|挨个打|导出|同步给|依次联系)[^。]{0,10}?通讯录|' +
      '(?:通讯录|微信好友|qq好友)[^。？，]{0,14}?(?:群发|挨个|一个一个|都会收到|发短信|打电话|通知|已导出|导出|每人发|都有|全有|名单|同步|上传|拿到|掌握)|' +
      `(?:有|拿到|掌握|导出|获取)(?:了)?${YOU}?的?(?:全部|所有|整个)?(?:通讯录|联系人)`,
    w: 0.6,
  },
  {
    id: 'tc.notify_rel',
    re:
      `(?:联系|告知|打给|打电话给|致电|找|发给|发到|同步至|同步给|同步到|发送至|发送给|抄送|通报|问问|发函到|发函给|发函至|寄给|上门找|知会|曝光给)(?:一下)?${ANY3}?(?:们)?(?:的)?(?:所在)?(?:全部|所有|全体|各位|几个|授权的)?${REL}`,
    w: 0.4,
    reject: '联系人员|找你们?(?:单位|公司)(?:的)?(?:领导)?$',
  },
  {
    id: 'tc.sync_list',
    re: `(?:同步|发送|通报|抄送|通知|告知)(?:至|给|到)?[^。]{0,16}?(?:及|和|以及|、|并)(?:你|您|他|她|其)(?:们)?的?${REL}`,
    w: 0.4,
  },
  {
    // 告诉/通知 at the head of a clause is an instruction to the recipient (告诉你儿子，…), not a threat.
    id: 'tc.tell_rel_tp',
    re: `(?:告诉|通知)(?:一下)?${ANY3}?(?:们)?(?:的)?(?:所在)?(?:全部|所有|全体|各位|几个|授权的)?${REL}`,
    w: 0.4,
    skipBefore: '^|麻烦|请|帮我|帮忙|麻烦您|麻烦你|请您|请你',
    to: ['third_party'],
  },
  {
    id: 'tc.tell_rel',
    re: `(?:告诉|通知)(?:一下)?${ANY3}?(?:们)?(?:的)?(?:所在)?(?:全部|所有|全体|各位|几个|授权的)?${REL}`,
    w: 0.4,
    to: ['debtor', 'unknown'],
  },
  {
    id: 'tc.receive',
    re: `(?:${REL}|每个人|所有人|大家|每一个人|每一位|群里|群)[^。]{0,10}?(?:都|就|也|很快)?(?:会|将)?(?:收到|看到)`,
    w: 0.4,
  },
  { id: 'tc.have_phone', re: `${REL}(?:的)?(?:电话|号码|手机号|联系方式|微信)(?:我们)?(?:也|都|全)(?:有|知道|拿到)`, w: 0.4 },
  {
    id: 'tc.family_said',
    re: '(?:你|您)(?:的)?(?:爸妈|父母|家人|老婆|老公|妻子|丈夫|邻居|同事|领导|爸|妈)(?:都|也)?(?:说|讲|告诉我们|跟我们说)',
    w: 0.4,
  },
  { id: 'tc.boss_talk', re: '(?:hr|领导|人事|老板)[^。]{0,8}?找(?:你|您)(?:谈话|谈|聊)', w: 0.4 },
  { id: 'tc.flow', re: '(?:启动|开启|进入)[^。]{0,4}?(?:亲友|联系人|通讯录)[^。]{0,4}?(?:提醒|通知|催收|流程)', w: 0.5 },
  { id: 'tc.social_death', re: '社死|社会性死亡|呼死你|短信轰炸|电话轰炸|轰炸(?:你|您)?的?(?:通讯录|联系人|家人|亲友)|遗照|p成', w: 0.6 },
  { id: 'tc.one_by_one', re: '挨个打|一个一个打|挨家挨户|挨个(?:通知|联系|发)', w: 0.4 },
  { id: 'tc.group_post', re: '(?:发|贴|传|转)(?:到|在|进)[^。，]{0,10}?群', w: 0.5 },
  {
    id: 'tc.already',
    w: 0.5,
    re:
      `(?:已|已经|以经)(?:把[^。]{0,8})?(?:给|跟|向|和)?${ANY3}?(?:们)?的?${REL}[^。]{0,8}?(?:打过电话|打了电话|说了|说过|发了|发过|联系过|联系了|通知了|通知过|打过|告知了|知道了)|` +
      `${REL}(?:那边)?(?:我们)?(?:也|都)?(?:已经?)?(?:联系|通知|打)(?:了|过)`,
  },
  {
    id: 'tc.pronoun',
    re: '(?:就|会|要|将|便|马上|立刻|天天|每天|挨个|我)(?:去)?(?:告诉|通知|打给|打电话给|联系|找)(?:他们|她们|她|他)(?![们]?(?:尽快|还|回|处理|赶紧|联系))',
    w: 0.4,
    to: ['debtor', 'unknown'],
  },
  {
    id: 'tc.publicise',
    re:
      '曝光(?!】|\\])|群发|发朋友圈|朋友圈|大字报|拉横幅|挂横幅|横幅|村里广播|广播|贴(?:满|到|在|遍)|张贴|公开(?:你|您|他|她)|全部公开|公之于众|' +
      '(?:业主群|家长群|家族群|公司群|工作群|班级群|同学群|村群|亲戚群|表白墙|贴吧|微博|抖音)',
    w: 0.6,
    skipBefore: '【|\\[|^',
  },
  {
    id: 'tc.let_know',
    re:
      '让(?:你的?|他的?|她的?)?(?:们)?(?:大家|所有人|全公司|全村|全小区|亲朋好友|亲戚朋友|同事|邻居|领导|家人|周围的人|身边的人|领导同事|左邻右舍|全世界)[^。]{0,8}?(?:知道|看看|看到|认识|评评理)|' +
      '(?:公司|单位|全村|村里|大家|所有人|每个人|邻居|亲戚|同事|家人)[^。]{0,6}?都(?:会|将)?知道|当着(?:你|您)(?:们)?的?(?:领导|同事|家人|邻居|父母|孩子)',
    w: 0.4,
  },
  {
    id: 'tc.to_group',
    re: `(?:向|给|对)(?:你|您|他|她|其|贵司|贵公司)?(?:们)?(?:的)?(?:授权的)?(?:所有|全部|全体)?(?:${REL}){1,2}[^。]{0,6}?(?:发送|发|打|通报|公开|告知|说明|曝光|群发)`,
    w: 0.4,
  },
  {
    id: 'tc.family_meet',
    re: `(?:跟|和|向|找)${YOU}?的?(?:父母|爸妈|爹妈|家人|家里人|老婆|老公|妻子|丈夫)(?:当面)?(?:说|谈|讲|聊|反映|要钱|要)|(?:爸妈|父母|家人)[^。]{0,2}在家`,
    w: 0.3,
  },
];

const VISIT: RuleSpec[] = [
  {
    id: 'visit.shangmen',
    re: '上门(?!服务|安装|维修|取件|回收|打扫|送|安检|检修|收件|保洁|开锁|清洗|量房)|登门|找上门',
    w: 0.4,
  },
  { id: 'visit.waifang', re: '外访|家访|实地走访|走访|实地(?:核实|调查|拜访|催收)|上门拜访|当面拜访', w: 0.5 },
  {
    id: 'visit.go_to',
    re: `(?:去|到|来|过去|前往|赶到|杀到|奔|找到|找去|堵)(?:${ANY3}(?:们)?)?(?:的)?(?:住的|所在的|租的)?(?:所在地|户籍所在地)?(?:及)?${PLACE}`,
    w: 0.3,
    reject: '到期|来电|到家了|去公司上班',
    skipBefore: '发|寄|传|转|函|发送|打|贴|通知',
  },
  { id: 'visit.already_there', re: `(?:在|到了|已经到|已到|就在|蹲在|守在|等在)${YOU}(?:们)?的?${PLACE}`, w: 0.3 },
  { id: 'visit.find_you', re: '(?:过去|过来|上门|亲自|直接)找(?:你|您)|去(?:找|抓)(?:你|您)|(?:上门|家里)抓人', w: 0.3 },
  { id: 'visit.posters', re: '贴(?:满|到|在|遍)(?:你|您|他|她)?(?:们)?(?:的)?(?:小区|村|村口|单位|公司|学校|楼道|家门口|老家)', w: 0.3 },
];

const VIOLENCE: RuleSpec[] = [
  {
    id: 'viol.careful',
    re: '小心(?:你|您|他|她|你们|点|一点|你家|家人|孩子|身体|安全|腿|手|命|你的|他的|她的)|走夜路|锁好门|一个人出门|出门(?:注意|小心)',
  },
  {
    id: 'viol.harm',
    re:
      '打断(?:你|他|她)?的?(?:狗)?(?:腿|手|脚)|断(?:你|他)?(?:一条)?(?:腿|手)|卸(?:你|他)?(?:一条)?(?:腿|胳膊)|废了(?:你|他|她)|弄死|整死|搞死|砍(?:死|你|他)|捅(?:死|你|他)|' +
      '打死(?:你|他|她)|打残|打(?:你|他)一顿|揍(?:你|他)|收拾(?:你|他|她)|教训(?:你|他|她)|让(?:你|他)(?:住院|躺着|进医院|见血|好看)|' +
      '拿命(?:来)?还|要(?:你|他)(?:的)?命|命(?:不想要|别要)|住院|住医院|进医院|躺医院|icu|缺胳膊少腿|断手断脚|' +
      '一把火|烧(?:了|掉)?(?:你|他)?(?:的|家的)?(?:车|房|家|店)|放火|泼(?:油漆|粪|汽油)|砸(?:了|烂|碎)?(?:你|你家|你的)(?:家|门|车|店|窗)?|(?:家|门|车|店|窗)[^。，]{0,2}砸|' +
      '(?:出了?|发生)(?:什么|点)?(?:意外|事)|着了?火|失火|起火|老骨头|经不经得起|弄(?:你|他|她)(?!的)|整(?:死|残)?(?:你|他)(?!的)|' +
      '见(?:你)?一次打(?:你)?一次|人身安全|断胳膊|断腿|卸你|弄残|砍死|剁了|' +
      '打(?:你|他)(?:一顿|一次|个半死)|说到做到|不是动嘴|动手|见血|血的代价|' +
      '(?:手|腿|命)(?:就)?(?:别想要|保不住|不想要)|等着(?:被)?(?:打|挨打|挨揍|收尸)|被打|挨打|' +
      '(?:还在不在|在不在)(?:就)?不好说|保不齐|别想(?:安生|好过|安宁)|找人(?:去|来)?(?:打|收拾|弄|废|砍|教训)',
  },
  {
    id: 'viol.watching',
    re: '几点(?:放学|下班|上班|出门|回家|上学)|(?:每天|天天)[^。]{0,8}?(?:放学|下班|上学|接送|出门)[^。]{0,10}?(?:清楚|知道|掌握)',
  },
];

const INSULT: RuleSpec[] = [
  {
    id: 'ins.laolai',
    re: '老赖|老濑',
    w: 0.6,
    skipBefore: '列为|列入|成为|变成|俗称|叫做|认定为|所谓|称为|沦为|当|做|曝光一批|一批|的',
  },
  {
    id: 'ins.words',
    re:
      '骗子|诈骗犯|狗东西|老东西|不要碧莲|贱骨头|下三滥|烂人|无耻|死光|全家死|你妈死|傻子|蠢|人品极差|人品差|人品败坏|满嘴谎话|满口谎言|没有人品|狗腿|狗日|狗杂种|狗娘养|杂种|畜生|畜牲|禽兽|王八蛋|王八|龟孙|混蛋|贱人|贱货|贱种|婊子|骚货|人渣|败类|' +
      '垃圾(?!短信|分类|桶|邮件|电话)|废物|废柴|窝囊废|蠢货|蠢猪|猪狗不如|无赖|瘪三|孬种|白眼狼|不是人|穷鬼|穷逼|屌丝|' +
      '傻逼|傻b|傻x|煞笔|沙雕|傻叉|二逼|脑残|智障|神经病|脑子有病|有病吧|滚蛋|给我滚|滚犊子|' +
      '不要脸|没脸没皮|有脸活|还有脸|丢人现眼|活着干嘛|活着有什么用|去死|死全家|全家死|不得好死|断子绝孙|被车撞|天打雷劈|' +
      '他妈的|特么|tm的|尼玛|你妈的|卧槽|操你|草你|日你|' +
      '你妈生你|生你(?:这种|有什么用)|教出(?:你)?这种|(?:不还|不要脸|下贱|无耻|缺德|没良心)的东西',
    w: 0.5,
  },
  { id: 'ins.pinyin', re: '(?<![a-z])(?:sb|nmsl|cnm|wcnm|tmd|nmb|mlgb|rnm|nnd|cao|fuck|shit|ntm)(?![a-z])', w: 0.5 },
];

const IMPERSONATION: RuleSpec[] = [
  {
    id: 'imp.claim',
    re:
      '(?:我|我们|这里|这边|本人|对方)(?:就)?(?:是|系|为|来自)[^，。？！]{0,14}?' +
      '(?:人民法院|法院|执行局|公安局|公安|派出所|经侦|刑侦|检察院|律师事务所|律所|律师|仲裁委员会|仲裁委|仲裁庭|仲裁中心|调解中心|' +
      '金融办|银保监局|银保监|银监局|证监局|征信中心|人民银行|司法局|政府|法官|书记员|警官|民警|反诈中心)',
    w: 0.5,
    reject: '不是|并非|并不|冒充|受[^，。]{0,10}委托的(?:催收|资产)',
  },
  {
    id: 'imp.tag',
    re: '[【〖〔\\[][^】〗〕\\]]{0,14}(?:法院|律师事务所|律所|仲裁|公安|检察|执行局|调解中心|金融办|银保监|征信中心|司法|律师函|经侦|刑侦|派出所|警方|民警|警察)[^】〗〕\\]]{0,6}[】〗〕\\]]',
    w: 0.5,
  },
  { id: 'imp.letter', re: '律师函[:：]|本律师|本所|我所|敝所|受托律师|代理律师', w: 0.5 },
  {
    id: 'imp.notice',
    re: '(?:银保监局?|金融办|人民法院|法院|公安局|检察院|仲裁委员会?|征信中心|执行局)(?:通知|公告|提醒|告知书)[:：]',
    w: 0.5,
  },
  { id: 'imp.judge_phone', re: '(?:执行法官|承办法官|经办法官|办案人员|经办人|办案民警)[^。]{0,6}?1[3-9]\\d', w: 0.5 },
  { id: 'imp.signature', re: '[—\\-]{1,2}[^，。]{0,12}?(?:律师事务所|律所|人民法院|法院|仲裁委员会)[。]?$', w: 0.5 },
];

const FALSE_LEGAL: RuleSpec[] = [
  { id: 'fl.lian', re: '立案|立-案|备案调查' },
  {
    id: 'fl.criminal',
    re:
      '刑事|犯罪|诈骗罪|贷款诈骗|信用卡诈骗|涉嫌|恶意透支|恶意骗贷|骗贷|非法占有|刑法|判刑|判(?:你|他)?\\d+年|坐牢|蹲(?:几年|监狱|大牢|号子|局子)|' +
      '进去蹲|吃牢饭|入狱|坐监|劳改|传唤|取保候审|羁押|看守所|监狱|拘留|拘传|刑拘|批捕|逮捕|通缉(?!令一样|犯一样)|抓捕|法警|带人|抓(?:你|人|他|她)|带走|诈骗|构成[^。]{0,6}?罪',
  },
  {
    id: 'fl.police',
    re:
      '(?:移交|移送|交给|报给|转交)(?:给)?(?:公安|警方|司法机关|派出所|经侦)|报案|报警|警察(?:会|将|就|上门|来|去|找)|' +
      '公安(?:机关)?(?:会|将|就)|派出所(?:会|将)|公安系统|司法机关|司法催收',
  },
  { id: 'fl.court_date', re: '开庭|传票|缺席判决|出庭|到庭', skipBefore: '依法送达' },
  {
    id: 'fl.enforce',
    re: '强制执行|查封|拍卖(?:你|您)?的?(?:房|车|财产|资产)|(?:房子|车子|房产)[^。]{0,6}?(?:拍卖|查封)',
    skipBefore: '(?:判决|生效|申请|履行|胜诉|裁决)[^。]{0,10}',
  },
  {
    id: 'fl.freeze',
    re: '(?:银行卡|微信|支付宝|账户|身份证|名下)[^。]{0,12}?冻结|冻结(?:你|您)?的?(?:名下)?(?:所有|全部)?(?:银行卡|账户|微信|支付宝|身份证|财产|资产)',
  },
  {
    id: 'fl.blacklist',
    re:
      '失信(?:被执行人)?|限高|限制高消费|限制出行|(?:网贷|全国|金融|征信)[^。]{0,4}?黑名单|黑名单|终身|永久(?:无法|不能|不得)|' +
      '坐不了(?:高铁|飞机|火车)|住不了酒店|(?:不能|无法)坐(?:高铁|飞机)|出行都会被查',
    skipBefore: '(?:判决|履行|生效)[^。]{0,16}|法院(?:可以|可能|有权|会依法|依法)[^。]{0,6}',
    wide: true,
  },
  {
    id: 'fl.family',
    re:
      '政审|考公|参军|(?:影响|不能|无法|没法|上不了)[^。]{0,6}?(?:子女|孩子|下一代)|(?:子女|孩子|下一代)[^。]{0,6}?(?:不能|无法|没法|上不了|考不了|受影响|影响)|' +
      `(?:紧急联系人|联系人|家人|家属|父母|用人单位|单位|贵司|贵公司)[^。]{0,10}?(?:要|需要|需|得|必须|应当?|负有|承担|有义务)[^。]{0,8}?(?:还款|还钱|偿还|连带|代偿|替|责任)|` +
      '连带(?:还款)?责任|代偿义务|替(?:他|她|你)还|家人也要(?:一起)?承担',
  },
  { id: 'fl.lawyer_letter_sms', re: '律师函[^。]{0,6}?(?:已经?)?(?:发|寄|送)(?:到|给|至)?(?:你|您)?的?(?:手机|短信)' },
  { id: 'fl.record_forever', re: '永久无法消除|一辈子' },
];

export const LABEL_RULES: Record<OtherLabel, Rule[]> = {
  third_party: compile(THIRD_PARTY, false, 0),
  threat_contacts: compile(THREAT_CONTACTS, true, 0.4),
  threat_violence: compile(VIOLENCE, true, 0.4),
  insult: compile(INSULT, true, 0.5),
  impersonation: compile(IMPERSONATION, true, 0.5),
  false_legal: compile(FALSE_LEGAL, true, 0.6),
  visit_threat: compile(VISIT, true, 0.3),
};

/** Every rule, with `index` set, and for each gate character the rules it opens. */
export const ALL_RULES: Rule[] = [...COLLECTION, ...VETO, ...Object.values(LABEL_RULES).flat()];
ALL_RULES.forEach((r, i) => (r.index = i));
/** Rules without a usable gate: always run. */
export const UNGATED: number[] = ALL_RULES.filter((r) => r.gate === '').map((r) => r.index);
/**
 * Gate lookup as flat arrays: for UTF-16 code c, the rules it opens are
 * GATE_RULES[GATE_START[c] .. GATE_START[c] + GATE_COUNT[c]).
 */
export const GATE_START = new Int32Array(65536);
export const GATE_COUNT = new Uint8Array(65536);
export const GATE_RULES: Int32Array = (() => {
  const byCode = new Map<number, number[]>();
  for (const r of ALL_RULES) {
    for (const ch of r.gate) {
      const code = ch.charCodeAt(0);
      let list = byCode.get(code);
      if (!list) byCode.set(code, (list = []));
      if (!list.includes(r.index)) list.push(r.index);
    }
  }
  const flat: number[] = [];
  for (const [code, list] of byCode) {
    GATE_START[code] = flat.length;
    GATE_COUNT[code] = list.length;
    flat.push(...list);
  }
  return Int32Array.from(flat);
})();

/** Emoji that stand in for violent words (🔪 🗡 🔫 💣 🩸 ⚰ ☠), matched on the original text. */
export const VIOLENT_EMOJI = /\u{1F52A}|\u{1F5E1}|\u{1F52B}|\u{1F4A3}|\u{1FA78}|\u26B0|\u2620/gu;

/** Clause punctuation: negation does not reach across these. */
export const CLAUSE_BREAK = /[，。！？!?；;,：:\n]/;
export const NEGATION =
  /(?:不会|(?<!是)不是|并不|绝不|决不|没有|无需|不用|不再|从不|并未|并非|严禁|禁止|杜绝|不得|不可能|从来不|不存在)(?!还|处理|结清|联系我|回)/;
