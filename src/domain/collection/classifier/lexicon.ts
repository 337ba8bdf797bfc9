/**
 * The classifier's lexicon: regular expressions over the NORMALISED text (see normalize.ts), grouped
 * by what they signal. Each rule has an id so a span can always be traced to the rule that made it.
 *
 * - COLLECTION rules add `w` to the collection score; VETO rules subtract (classify.ts decides).
 * - LABEL_RULES give the other labels; they only apply to collection messages. Their `w` also counts
 *   towards collection ("爆你通讯录" is a collection message even without "还钱").
 * - Rules are written from the taxonomy and the dev guide, and generalised from the project's own
 *   dev set; they are deliberately phrase families (verb × target × modality), not quoted messages.
 * - A rule whose named group `t` matched takes the group as its span, otherwise the whole match.
 * - `cap` lets a rule count more than once (two pressure phrases weigh more than one).
 * - Every rule gets a gate (`units`, gate.ts): sets of one- or two-character strings that every match
 *   contains; the engine skips a rule whose gate the text does not meet (about 5 of ~150 rules run
 *   per message). The coarser character `gate` is kept for the no-evidence shortcut in classify.ts.
 * - `neg: true` rules are dropped when the clause before the match negates them (我们不会上门).
 * - `skipBefore` drops a match when the text just before it (same clause) matches.
 * - `reject` drops a match whose own text matches.
 */
import type { Label } from '../types.js';
import { FREQUENT, requiredGate } from './gate.js';

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
  /** A veto that does not count when one of these collection rules hit (a bill that also asks to pay). */
  voidBy?: readonly string[];
  /**
   * Characters of which every match contains at least one (see requiredChars), so the engine skips
   * the rule when none is in the text. '' = always run. Computed from the source; checked by a test.
   */
  gate: string;
  /**
   * The rule's gate (gate.ts, requiredGate): units of one or two clauses, each clause one- or
   * two-character strings; every match meets all clauses of some unit. [] = always run.
   */
  units: string[][][];
  /** Index in ALL_RULES (set once the tables are built). */
  index: number;
  /** What the rule is for: collection evidence, a veto, or one of the other labels. */
  group: 'collection' | 'veto' | OtherLabel;
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
  voidBy?: readonly string[];
}

function compile(specs: RuleSpec[], defaultNeg: boolean, defaultW: number): Rule[] {
  return specs.map((s) => {
    const flags = s.re.includes('(?<t>') ? 'gd' : 'g';
    // Every rule has every property, in one order (undefined where the spec has none): one hidden class for all, so
    // the engine's reads of a rule (classify.ts runRule, run) stay monomorphic. Until 2026-12-07 the optional ones
    // were added only when set, which gave the rules nine shapes (bench, 2026-12-07, same process: classifyRules −8 to
    // −10 %, classify −1.5 to −3 %).
    const rule: Rule = {
      id: s.id,
      re: new RegExp(s.re, flags),
      w: s.w ?? defaultW,
      neg: s.neg ?? defaultNeg,
      skipBefore: s.skipBefore !== undefined ? new RegExp(`(?:${s.skipBefore})$`) : undefined,
      wide: s.wide ? true : undefined,
      reject: s.reject !== undefined ? new RegExp(s.reject) : undefined,
      to: s.to,
      cap: s.cap ?? 1,
      noYou: s.noYou ? true : undefined,
      voidBy: s.voidBy,
      gate: requiredChars(s.re),
      units: requiredGate(s.re),
      index: -1,
      group: 'collection',
    };
    return rule;
  });
}

/** A gate on a frequent character opens often, so requiredChars prefers rare ones. */
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
  '(?:屋企人|闺蜜|店长|厂长|紧急联系人|联系人|微信好友|qq好友|家人|家属|家里人|亲人|亲友|亲属|亲戚朋友|亲戚|亲朋好友|朋友|好友|父母|爸妈|爹妈|爸爸|妈妈|老爸|老妈|爸|妈|老婆|老公|妻子|丈夫|媳妇|对象|女朋友|男朋友|现女友|现男友|女友|男友|前妻|前夫|孩子|儿子|女儿|兄弟|姐妹|哥哥|姐姐|弟弟|妹妹|领导|上司|老板|同事|工作单位|单位|公司|hr|人事|学校|老师|校长|院长|班主任|辅导员|同学|室友|邻居|房东|村委会|村委|居委会|社区|全体员工|员工|担保人|通讯录|周围的人|身边的人|所有人|街坊邻居|街坊|乡亲|村民|全村人|前台|各部门|所有部门|财务|人事部|老总|总经理|主管|村支书|支书|村长|村干部|物业|客户(?!经理|服务|端|号|代表)|合作伙伴|总部|总公司|分公司|姐夫|嫂子|岳父|岳母|公公|婆婆|全家人|全家|一家人|表姐|表哥|表妹|表弟|雇主|东家|用人单位|阿妈|阿爸|老豆|管理层|高管|管理人员)';
const YOU = '(?:你|您)';
/** The debtor's own circle (narrower than REL: no 客户, 物业, 房东, 学校…), for the looser contact-threat families. */
const CIRCLE =
  '(?:屋企人|紧急联系人|联系人|通讯录|家人|家属|家里人|亲人|亲友|亲属|亲戚朋友|亲戚|亲朋好友|朋友|好友|父母|爸妈|爹妈|爸爸|妈妈|老爸|老妈|爸|妈|老婆|老公|妻子|丈夫|媳妇|对象|孩子|儿子|女儿|兄弟|姐妹|哥哥|姐姐|弟弟|妹妹|领导|上司|老板|同事|工作单位|单位|公司|hr|人事|老师|辅导员|班主任|同学|室友|邻居|村委会|居委会|全家|表哥|表姐|表弟|表妹|堂哥|堂姐|堂弟|堂妹|舅舅|舅妈|叔叔|婶婶|姑姑|姑父|姨妈|爷爷|奶奶|外公|外婆|姥姥|姥爷|岳父|岳母|嫂子|姐夫|妹夫)';
const ANY3 = '(?:你|您|他|她|其|阁下)';
/** After 转达: not a condolence or a greeting passed on (「请转达我们的哀思」); col.tp_pass and tp.pass_on. */
const NOT_GREETING = '(?!(?:我们?|我司|大家)?的?(?:哀思|慰问|问候|祝福|谢意|歉意|心意))';
/** Before a telling verb: the reader asked or advised to do it (「请联系您的紧急联系人」「建议您跟家人沟通」), not the sender's threat. */
const READER_ASKED = '请[^，。！？]{0,4}|建议[^，。！？]{0,3}|您可以|你可以';
/** Before 跟…说说: not the reader told to talk (「你跟你爸说」「让你跟家里说说」); tc.talk_to_rel, tc.take_up. */
const NOT_ASKED = '(?<!你|您|让你|叫你|请你|麻烦你|让您|请您)';
/** Talking a matter through with someone (tc.talk_to_rel, tc.take_up). */
const TALK = '说说|讲讲|聊聊|谈谈|说一说|讲一讲|说清楚|讲清楚';
/** Before a place: something sent or handed there arrives, nobody visits (「寄…到你店里」「提交到你单位」); visit.go_to, visit.seek. */
// 推送 (session 21, blind-144: 「逾期信息已推送到你户籍地派出所」 is a report sent, not a visit).
const SENT_BEFORE = '发|寄|传|转|函|发送|推送|打|贴|通知|提交|上报|报送|移交|录入|拿|收|查|(?:寄|快递)[^，。！？]{1,8}';
/** Places a collector might visit. */
const PLACE =
  '(?:屋企|上班的地方|工作的地方|住的地方|城中村|出租房|公寓|厂里|工厂|车间|家里|家门口|家(?!族|长|人|属|里人|庭|乡群)|老家|家乡|户籍所在地|户籍地|村委会|村委|居委会|现居住地|居住地|家庭住址|住址|厂子|住所|住处|住的地方|租的房子|租的地方|出租屋|贵公司|贵单位|贵司|小区|村里|村口|村|县城|镇上|单位|公司|工作单位|学校|宿舍|工地|店里|门口|楼下|前台|办公室)';

// ---------------------------------------------------------------------------------------------
// Collection: positive evidence
// ---------------------------------------------------------------------------------------------

export const COLLECTION: Rule[] = compile(
  [
    {
      id: 'col.repay_demand',
      re:
        '还钱|还不还|还我(?![们国])|钱呢|把钱(?:还|打|转)|记得(?:转|还|打)(?:给)?我|环钱|必还(?<=(?:今日|今天|今晚|明日|明天|本周)(?:内)?必还)|钱(?:还|打|转)(?:过来|回来)|' +
        '(?:什么时候|啥时候|何时|几时|哪天|多久)[^，。？！]{0,4}(?:还|处理|给|转|打过来)|再不给|(?:有责任|有义务)[^。，]{0,4}?还|能(?:还|给|转)(?:给)?我吗|该(?:还|给我)(?:钱)?了|还给我(?!打|发|留言|带|买|做|看|介绍|寄|送|讲|说)|' +
        '能(?:不能)?还(?:钱|上)?(?:不|吗)(?=[？?，。！]|$)|能不能(?:想办法|想想办法)?(?:先)?还(?:点|一点|一些|些|一半|一部分|部分)(?!东西)|钱(?:准备|凑|备)好|(?:找|问|向|跟)[^。，]{0,6}?要钱|讨钱|追债|(?:是|也)?(?:要|必须|得)还的|说好(?:了)?[^。，]{0,6}?还|(?:准备|凑)好钱|(?:能不能|能否|可不可以)先(?:转|还|给|付)|先(?:转|还|给)我|' +
        '(?:赶紧|赶快|快点|尽快|马上|立刻|立即|早点|必须|务必|抓紧|速)还(?!有|是|在|要)|' +
        // Session 21: Shanghainese 「到底还伐」 (r47, blind-144); 「你那六百多还打算拖到什么时候」「年前能不能还上？」 (r48, blind-146).
        '还(?:钱|钞票)?伐(?=[？?，。！]|$)|(?:拖|躲)到什么时候|能不能还(?:钱|上|清)?(?=[？?，。！]|$)|' +
        '(?:你|您)[^。，]{0,10}先(?:还|付|交)|先还[^。，]{0,6}(?:吧|行不行|可以吗|也行|表示)|' +
        // Session 23 (r54), blind-157: an agreed plan's first instalment (「那您下个月八号开始记得按期还」).
        '(?:开始|起|以后)记得(?:按期|按时|准时|每月|每期)还|' +
        // Session 23 (r56), blind-160: 「这都十个月了 你好歹给我个说法」.
        '(?:好歹|总得|总要)给(?:我)?(?:个)?说法|' +
        // Session 23 (r58), blind-164: 「🔪🩸 ¥3200 今晚还」 (at the end), and a first part to pay (「先还500我这边给您备注」「先还个两千」;
        // not the borrower's 「我先还500」「每个月先还500」).
        '(?:今晚|今天|今日|明天)(?:必须)?还(?=[。！!]?$)|(?<![我月])先还(?:个|点)?(?:\\d{2,}|[一二三四五六七八九十两几]+[百千万])',
      w: 1,
      neg: true,
    },
    // Session 21 (r47), blind-144: a friend's gentle ask (「上次垫的机票钱1,860，你方便时转我就行」) and 「把账平了」 (settle the
    // account). Alone each is too weak (an AA bill, a file to send, a ledger to balance): with another cue it is collection.
    { id: 'col.gentle_ask', re: '(?:方便(?:的)?时(?:候)?|有空(?:的时候)?|手头宽裕(?:了|的时候)?)(?:再|就)?(?:转|还|给)(?:给)?我|把(?:这笔|那笔|你的)?账(?:平了|平掉|结清|结了|了结|清了)', w: 0.6, neg: true },
    {
      id: 'col.pay_imperative',
      re:
        '(?:请|请您|麻烦|务必|尽快|尽早|早日|早点|及时|按时|立即|马上|今天|今日|今晚|赶紧|抓紧|速|限期|限你|必须|需要|需)' +
        '[^，。！？]{0,8}?(?:还款|还清|结清|还上|偿还|归还欠款|存足|存够|完成还款|还最低|归还最低|缴清欠款|处理欠款)(?!成功|证明)' +
        // The way to pay named on the way (「请务必在今日登录车1号公众号进行还款」, 「请立刻前往…页面完成还款」): apps' templates.
        '|(?:请|请您|务必|尽快|及时|按时|立即|立刻|马上|今天|今日)[^，。！？]{0,6}?(?:登录|登陆|前往|打开|进入|通过)[^，。！？]{1,16}?(?:进行|完成)(?:还款|付款)(?!成功|证明)' +
        // Session 20 (r45): the same with a deadline first and the app named last (「请在本月{}日前登录网站或打开仁仁分期APP
        // 还款」, a real template).
        '|(?:请|请您|务必)[^，。！？]{0,12}?(?:登录|登陆|前往|打开|进入)[^，。！？]{1,20}?(?:app|平台|网站|网页|公众号|小程序|页面|客户端)(?:进行|完成)?(?:还款|付款)(?!成功|证明)' +
        // Session 13 (r38): funding the account so as not to be overdue (「为避免逾期，请提前充值！」, a real app template):
        // the guide's d195.
        '|(?:避免|以免|防止)(?:逾期|超期|扣款失败)[^。！]{0,8}?(?:请|记得)[^。！]{0,6}?(?:充值|存入|存款|备足|存钱)|(?:请|记得)[^。！]{0,12}?(?:充值|存入|备足)[^。！]{0,10}?(?:避免|以免|防止)(?:逾期|超期)' +
        // …and paying after being told it is overdue (「您已逾期，请于今日付款至…账户」): 付款 alone is shopping. The
        // overdue words are a look-behind, so that skipBefore reads the words before the request, not 「您已」, and it is
        // tried only where a 请/务必/尽快 matched (a look-behind at every position cost 7 % of the rules' time).
        '|(?:请|务必|尽快)(?<=(?:逾期|超期)[^。]{0,12}?(?:请|务必|尽快))[^，。！？]{0,8}?(?:付款|缴款|交款|支付)(?!成功)' +
        // Session 23 (r54), blind-157: funding the account after a failed debit (「分期这个月还没扣款成功 卡里余额不足…麻烦您今天
        // 存一下钱 我们晚上八点再扣一次」), the guide's d195 again.
        '|(?:麻烦|请|记得)(?<=(?:扣款|扣费|余额不足)[^。]{0,40}?(?:麻烦|请|记得))(?:您|你)?[^，。！？]{0,6}?存(?:一下|点|些|够|足)?(?:钱|款)' +
        // Session 23 (r58), blind-164: 「请于12月20日前存入还款账户」 (a student loan's reminder; d195).
        '|(?:请|务必)[^。！]{0,16}?存入还款(?:账户|账号|卡)' +
        // Session 20 (r45): …or after a bill or a loan is named, by a date (「您的第${yearmonth}期账单金额为${account}元，请于${date}前
        // 付款」, a real template): a request to pay, which veto.statement gives way to.
        '|请(?<=(?:账单|借款|贷款|分期|应还|待还)[^。]{0,20}?请)(?:您)?(?:于|在)[^，。！？]{1,12}?(?:前|之前)(?:付款|缴款|支付)(?!成功)' +
        // …and keeping the balance for a debit (「系统将于今日18:00再次发起扣款，请保持…余额不少于¥1,560.00」: d195).
        '|(?:请|务必)(?:保持|确保)[^。，]{0,14}?余额(?:充足|足够|不少于|不低于)',
      w: 1,
      neg: true,
      // 「您于今日14:22还款…已入账」 is a record, not a request (session 13).
      skipBefore: '已|已经|已按|已经按|(?<!请|并|应|需)于',
    },
    {
      id: 'col.handle',
      re: '(?:准备|打算|想)?(?:怎么|如何|什么时候|啥时候)处理|(?:请|请您|麻烦|务必|尽快|及时|立即|马上|今天|今日|今晚|赶紧|抓紧|必须|限你|本周内|三日内|\\d+日内|\\d+小时内)[^，。！？]{0,6}?(?:处理|联系我们|回电|结清|联系处理)|(?:请|尽快|及时)[^，。！？]{0,4}?(?:通过|登录|前往)[^，。！？]{1,8}?(?:进行)?(?:操作)?处理',
      w: 0.6,
      neg: true,
      // 「您的逾期欠款已于今日全部结清」 is a receipt (session 13).
      skipBefore: '已|已经|已于',
    },
    {
      // Session 24 (r60), blind-172: an agent pressing for the day (「你给我个准确的日子，就是哪一天能还上」) or for a first
      // part (「先把这期的还上」). Not the borrower asking about it (「我什么时候能还上啊」「能不能先还一部分」).
      id: 'col.when_repay',
      re:
        '(?<!我[^，。？！]{0,6})(?:哪(?:一)?天|几号|什么时候|啥时候)(?:能|可以|才能)还(?:上|清|钱|款|得上)|' +
        '(?<!(?:我|能不能|可不可以|能否|可否)[^，。？！]{0,6})先(?:把[^，。？！]{0,8})?还(?:上|一部分|一点|一些)|' +
        // …and the day it is due, said to the reader (「您月底前还上就可以结清」).
        '(?:你|您)[^，。？！我]{0,10}?(?:之前|以前|前)还(?:清|上)',
      w: 0.6,
      // The borrower's own questions are left out above; a clause check would also drop 「能不能先周转一下，先把这期的还上」.
      neg: false,
    },
    {
      // Session 24 (r59), blind-168: what a lender or agency will do otherwise (「…一定要还，不然我们还是会打你家里人电话」):
      // in the training texts 82 of 91 such clauses are collection, the others a firm's trade debt or a student's prank
      // («我» alone is left out: a friend's 「不然我就把你丑照发到班群」).
      id: 'col.otherwise',
      re: '(?:不然|否则|要不然|不的话)[^。！？]{0,4}?(?:我们|我司)(?:还是|就|会|将|只能|也)',
      w: 0.6,
      neg: true,
    },
    {
      id: 'col.nonpay',
      re:
        '(?:再|在|要是|如果|若|敢|还|一直|欠款|借款|账单|钱|逾期|还是|仍然|仍|依然|依旧)不(?:还|处理|结清)|不(?:还|还钱|还款)(?:的话|就|我们|你|，|,|？|\\?|[！!])|' +
        '(?:前|内|之前|以内)(?:仍|还|再)?(?:不|未)(?:处理|还款|还清|结清)|还不(?:上|起)就|拒不(?:还|归还|偿还|履行)|(?:欠|借)(?:钱|款|债)不还|逾期不还|拖着不还|赖账|赖着不还|' +
        '逃债|逃废债|赖债|欠债还钱|欠钱还钱|钱不还|不还钱|不还款|还不还款|不还清|不还的|不还是吧|不(?:催|逼)(?:你)?不还|(?:也|总|早晚|迟早)(?:得|要)还',
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
      re: '逾期第(?:\\d+|[一二三四五六七八九十两几百]+)天|(?:已经?|都|已|即将)(?:严重)?逾期|已过(?:了)?还款(?:期|日)|已过期(?:\\d+|[一二三四五六七八九十两几]+)(?:个)?(?:天|月)|逾期(?:都|已经?|快|了|有)?(?:\\d+|[一二三四五六七八九十两半几]+)(?:个)?(?:天|个月|月|年|周|星期)|逾期了|逾期(?:已|已经)?(?:超过|达|满)|逾期通知|' +
        // Session 16 (r41): what being overdue goes on to bring (「逾期持续将被依法起诉，请重视」, blind-104); not a
        // condition (「如逾期未还将…」: a statement's small print).
        '(?<![如若果旦])逾期(?:持续|继续|不还|未还)[^。，！？]{0,4}?(?:将|会)(?:被|面临)',
      w: 0.6,
      neg: true,
      skipBefore: '别|不要|避免|以免|防止|以防|怕|会不会',
    },
    {
      id: 'col.unpaid',
      re: '(?:还款|欠款|款项|钱)[^，。！？]{0,4}?(?:还)?(?:没|未)(?:有)?到账|未还|没还(?!没)|未归还|尚未还款|尚未还清|未结清|还没还|一直没(?:还|处理)|没(?:有)?处理|未处理|拒不|长期拖欠|久拖不还',
      w: 0.6,
      neg: false,
    },
    {
      id: 'col.sue',
      re: '起诉(?:你|您|他|她)|(?:你|您)(?:已经?)?被起诉|已起诉|(?:递交|提交|起诉到|告到|交到|移交)(?:给)?(?:人民)?法院|(?:提起|发起)(?:民事)?诉讼|诉讼(?:途径|程序)|向(?:人民)?法院(?:提起|起诉)|依法起诉|移交诉讼|追究[^。]{0,4}法律责任',
      w: 0.6,
      neg: true,
    },
    {
      id: 'col.credit',
      re: '影响(?:您的?|你的?)?(?:个人)?(?:征信|信用)|上报征信|报送(?:征信|逾期信息)|征信(?:系统)|上征信|征信(?:已经?|会|将)?(?:受|有)影响|征信(?:已经?|都)?(?:黑了|花了|毁了|废了)(?!也)|(?:不良|逾期)(?:信用)?记录',
      w: 0.5,
      neg: true,
    },
    { id: 'col.debt_info', re: '(?:欠款|逾期|欠债|借款|欠钱|借钱)(?:信息|记录|情况|资料|证明|的事)', w: 0.6, neg: false },
    { id: 'col.borrowed_then', re: '借(?:钱|款)的时候|当初借|借的时候|当时借', w: 0.5, neg: false },
    {
      id: 'col.tp_callback',
      re: '(?:提醒|转告|通知|让|叫|请)[^。]{0,10}?(?:回(?:个)?电话?|回电|联系我|与我们联系|联系一下我们|给我们回)',
      w: 0.7,
      neg: false,
      to: ['third_party', 'unknown'],
    },
    { id: 'col.tp_pass', re: `转告|代为转告|代为转达|(?:请|烦请|麻烦)转达${NOT_GREETING}`, w: 0.5, neg: false, to: ['third_party', 'unknown'] },
    {
      id: 'col.lender_sign',
      re: '(?:——|--|[【〖\\[])[\\u4e00-\\u9fff]{1,5}(?:借|贷|宝|钱包|金融|分期|花|呗|小贷|消费金融|资产|信用卡中心)(?:[】〗\\]]|$)',
      w: 0.3,
      neg: false,
    },
    {
      id: 'col.debt_noun',
      re: `${DEBTN}|欠钱|欠我|欠了|欠下|欠你|的债|借了(?:我的?|我们的?)?钱|罚息|最低还款|应还|待还|还款|那个钱|这个钱|这钱|那钱|欠着|恶意(?:拖欠|欠款)|欠的钞票`,
      w: 0.4,
      neg: false,
    },
    {
      id: 'col.due',
      re:
        '(?:到期|还款日|扣款日)[^。]{0,24}?(?:请|注意|记得|确保|存足|存够|准备|余额充足|按时|及时|提前|避免)|' +
        '(?:明日|明天|今日|今天|即将|\\d+天后|后天)(?:\\d+(?:时|点))?(?:就)?(?:到期|为还款日|是还款日|是您的还款日|就是还款日|是最后还款日)|今天是(?:您的)?还款日|' +
        // Session 16 (r41): an instalment due with its deadline (「第3期待还￥680.00，今天截止」, blind-104).
        '待还(?:金额|款项)?[^。]{0,16}?(?:今天|今日|今晚|明天|明日)(?:\\d+点前?)?(?:截止|到期|为止|前)',
      w: 0.6,
      neg: false,
    },
    { id: 'col.settle', re: '(?:还清|结清|归还|偿还)(?:全部|所有|所欠)?(?:欠款|借款|款项|债务)', w: 1, neg: true },
    // Session 13 (r38): agents' word for a payment arriving, on calls (「周一之前把1000块钱处理进来」「如果明天您没有还进来的
    // 话」, real call turns; in the corpora every message with 还进来/处理进来 is collection). Not negated: the agent's
    // condition 「没有还进来的话」 is the demand. 「已经还进来了」 is a report.
    { id: 'col.pay_in', re: '(?:还|处理)进来', w: 1, neg: false, skipBefore: '已|已经|都' },
    // Session 13 (r38): an offer to negotiate is collection (the guide's rule 1): 「实在不行，我给你减免可以吧？」 (a real
    // call turn). In the corpora 108 of the 114 messages with these words are collection; the other six are debt-relief
    // adverts (「专业团队帮您申请停息分期」: not after 团队/律师/机构) and receipts of a waiver already made (「已为您减免」).
    { id: 'col.offer', re: '(?:给|帮|为)(?:你|您)(?:申请|争取|做|办理|办)?(?:一下|一个|个)?[「“"]?(?:减免|免息|减息|停息|分期|延期)', w: 1, neg: true, skipBefore: '已|已经|团队|律师|律所|机构|顾问|我们公司|本公司' },
    // Session 20 (r45): coming to collect (「近期会到你家里收款」, a real text to a contact): the visit rules find the visit,
    // and this is what makes it collection. Not 催收 (「组团去你宿舍“上门催收”」 is friends joking about a milk tea), nor
    // across quotation marks.
    { id: 'col.visit_collect', re: '(?:到|去|来)(?:你|您)(?:们)?(?:的)?[^。，！？“”"「」『』]{0,6}?(?:收款|收钱|收账|收债|讨债|要债|要账|清收|追债)', w: 1, neg: true },
    { id: 'col.salary', re: '从(?:你的?|您的?)?工资(?:里|中)?(?:扣|代扣)', w: 0.6, neg: true },
    { id: 'col.fund', re: '存足|存够|记得(?:提前)?(?:存|存入|存到|转到|充到|充值到)[^。]{0,12}(?:绑定|还款|扣款)[^。]{0,6}(?:卡|账户)|存(?:钱|款)(?:到|进)(?:绑定|还款)?的?(?:银行)?卡|(?:分期|还款|账单|借款|贷款|扣款)[^。]{0,16}?(?:存入|存进)(?:足额|足够)|(?:请|确保|保证|注意|提前|保持)[^。]{0,10}?(?:余额充足|足额存入|备足)' +
      // Session 16 (r41): the template cut short after 余额 (「您本期2天后扣款，请保证卡内余额」, blind-104).
      '|(?:请|务必)(?:保证|确保|保持)[^。，！？]{0,6}?余额(?=[。！!，]|$)' +
      // Session 20 (r45): topping up after a failed debit (「您今天应还1352.29元扣款失败，请17点前补足招商银行3683卡余额」, a real
      // lender's SMS).
      '|(?:请|务必)[^。，！？]{0,8}?补足[^。，！？]{0,14}?余额' +
      // Session 21 (r47): a promised payment chased (「您承诺的1,000元还没到账」, blind-144).
      '|(?:你|您)(?:之前|昨天|上次|当时)?(?:承诺|答应|保证|说好)(?:的|要)?[^。，！？]{0,12}?(?:还没|没有?|未|仍未|迟迟没)(?:到账|还|转)', w: 1, neg: false },
    {
      id: 'col.private_loan',
      re:
        // Session 16 (r41): not someone else's lender or borrower (「那个借你钱的朋友」「借给你那个同学的三千块要回来没有」, blind-105).
        // Session 23 (r56), blind-160: 「年初你说做生意周转跟我借的那五万」.
        '(?:跟|向|找)我借的[^，。？！]{0,4}?(?:钱|块|万|千|元|百)|' +
        '借(?:你|给你)(?!钱的(?:朋友|人|同学|同事|亲戚|那)|那(?:个|位)(?:同学|朋友|同事|亲戚|人))(?:的|那|那笔|了)?[^，。？！]{0,8}?(?:钱|块|万|千|元|百|\\d)|' +
        // Session 13 (r38): 「你上次借的五百块什么时候能还？」 (blind-71).
        '(?<!还)(?:你|您)(?:上次|上回|之前|去年|前年|那次|当时|当初)借(?:走)?的[^，。？！]{0,6}?(?:钱|块|万|千|元|百)|' +
        '欠(?:我|老子)(?:的|们)?[^，。？！]{0,8}?(?:钱|块|万|千|元|百)|拿(?:了)?(?:我的?|我们的?)?钱(?:就)?(?:跑|不还|走人|消失|玩失踪)|' +
        // Session 15 (r40): money laid out for the reader (「上回帮你垫的房租3500 啥时候还我啊」, blind-91).
        '(?:帮|替|给)(?:你|您)垫(?:付|上|着)?(?:的|了)?[^，。？！]{0,8}?(?:钱|块|万|千|元|百|\\d)|' +
        // Session 21 (r47): the same without 你 (「小雅，上次垫的机票钱1,860，你方便时转我就行」, blind-144).
        '(?:上次|上回|之前|那次|前几天|上个月)(?:帮你|替你|给你)?垫(?:付)?的[^，。？！]{0,6}?(?:钱|块|万|千|元|百|\\d)|' +
        '(?:你|您|他|她)(?:借|欠)(?:了)?(?:我|我们)(?:的)?[^，。]{0,6}?(?:钱|块|万|千|元)|' +
        // Session 20 (r46): a past loan named without 你 (「兄弟，借我的三千块上次说发工资还」, blind-141); 「能借我三千吗」 has no 的.
        '(?<![能可以想要])借我的[^，。？！]{0,6}?(?:钱|块|万|千|元|百)|' +
        '欠(?:了)?(?:我们|我们平台|我平台|我司|我们公司|平台|公司|大家)(?:的)?(?:钱|债)|欠(?:了)?(?:钱|债)(?:不还|没还|一直|到现在|跑|玩)|欠下|' +
        '欠(?:了)?[^，。]{0,4}?(?:\\d+|[一二三四五六七八九十两几]+)(?:块|万|千|元)|欠着(?:的)?|欠的那|' +
        '(?:那|这)(?:\\d+|[一二三四五六七八九十两几]+)(?:万|千|百)?(?:块钱?|元)|(?:你|您)欠(?:了)?(?:公司|单位|平台|我们公司)',
      w: 0.7,
      neg: true,
    },
    {
      id: 'col.agency',
      re: '债主|法务|法律部|贷后|案件(?:已经?)?(?:转入|转到|转交|移交|分配)(?:至|到|给)?(?:我司|我处|我们|我部|我这|本公司|催收|委外|法务|法律部|律所|贷后)|(?<!被)[催崔]收(?:部|员|专员|中心|公司|组|部门|阶段)?|委外|调解专员|资产管理|法务部|受[^，。]{1,14}?委托|风控部|清收|催款|讨债|要债|催债|追讨|追偿',
      w: 0.6,
      neg: true,
    },
    {
      id: 'col.office',
      // Session 22 (r52), blind-154: the lender's invitation to come and settle (d104: 「欢迎到我司线下服务网点当面协商」 is collection).
      re: '欢迎(?:您|你)?(?:到|来)[^。]{0,14}(?:网点|门店|营业厅|服务点|公司)[^。]{0,8}(?:当面)?(?:协商|处理|办理还款|还款)',
      w: 1,
    },
    {
      id: 'col.negotiate',
      re:
        // Session 24 (r59), blind-168: the debt as a matter to talk over (「你那笔网贷的事咱们私下好商量」).
        '(?:网贷|欠款|借款|债务|贷款|欠债|账)的事[^。，]{0,6}?(?:商量|谈谈|聊聊|好说)|' +
        '(?:减免|免除|免)(?:部分|全部|\\d+%的?)?(?:罚息|利息|违约金|滞纳金)|一次性结清|结清减免|分期还款|还款方案|还款计划|' +
        '协商还款|协商|停息分期|个性化分期|延期还款|延期\\d+天还款|还款意愿|还款资金|还款时间|还款事宜|欠款事宜|还款问题|有困难(?:可以)?(?:跟|和|联系|找)我们|分\\d+期还|每月[^，。应]{0,6}还\\d|' +
        // Session 16 (r41): interest given up to settle (「本金8000利息不要了，今天能结吗」, blind-104).
        '(?:罚息|利息|违约金|滞纳金)(?:都|也|我)?(?:不要了|全免了?|都免了?|给你免了?|免掉)',
      w: 0.6,
      neg: true,
    },
    {
      id: 'col.pressure',
      re:
        '别(?:装死|躲|逃|拖|赖)|装死|躲着|(?:再|还|还想|往哪)躲|躲得了|躲不掉|跑不了|不接电话|电话(?:也|都)?不接|(?:信息|消息|短信)(?:也|都)?不回|拉黑|再拖|拖着|拖了|拖欠|别拖|' +
        '最后通牒|最后期限|躲到|装聋作哑|死皮赖脸|给个话|准信|躲不了|交代|管管|给个答复|玩消失|失联|跑路|人间蒸发|又拖|还拖|让我等|等(?:了)?这么久|换号|换了号|换手机号|躲起来|最后一次(?:提醒|机会)|最后(?:\\d+|[一两三四五六七八九十])(?:个)?(?:小时|天)|给个(?:准话|说法|时间)|天经地义|良心|看着办|掂量|后果自负|天天打|一直拖|你(?:就)?等着(?:吧|瞧|看)|等着瞧',
      w: 0.5,
      neg: true,
      cap: 2,
    },
    { id: 'col.unable', re: '还不(?:起|上|了(?!解))', w: 0.6, neg: true },
    // Reminders as banks and loan apps send them (a public SMS dataset, session 9): 「如已还款本信息仅供参考」「以免逾期违约」
    // 「请尽快将剩余款项还至信用卡」. A statement that only reports says none of these.
    { id: 'col.reminder', re: '如已(?:还款|付款|缴款|还清|存入|存款)[^。]{0,6}?(?:忽略|无需理会|勿理会|仅供参考|不必理会)|' +
      // Session 20 (r45): the short forms of lenders' templates (「…戳链接还款，已还忽略」, a real 花呗 SMS).
      '已还(?:款)?(?:请)?(?:忽略|勿理)|' +
      // Session 20 (r46): the taxonomy's own word for a lawful reminder, as a header (「【青柠贷】本期还款提醒：应还¥1,088.20…」,
      // blind-141), not inside a sentence (「贷款人可…进行还款提醒」「已成功设置还款提醒」「…还款提醒日」).
      '(?:^|】|[。！!\\s])(?:本期|本月|今日)?(?:还款|到期|还贷)提醒(?![^。，]{0,4}?(?:服务|功能|设置|开启|开通|关闭|日))|(?:戳|点击?)(?:链接|此处|这里)[^，。！？]{0,4}?还款|以免(?:逾期|违约|产生逾期)|(?:尽快|及时)将[^。]{0,8}?(?:款项|欠款|金额)(?:还至|存入|还到|还入)' +
      // Session 16 (r41): an agent's call opening (「这边是米兜分期，提醒您还款」, blind-104).
      '|提醒(?:您|你)[^，。！？]{0,4}?(?:按时|及时|尽快|记得)?(?:还款|还钱|还清|处理欠款)(?!成功)', w: 0.6, neg: false },
    // The collector's own chasing (「省得我们天天催你」) and what would pay the debt off (「卖个肾不就还上了」): blind-34
    // had both in messages whose only other words were an insult.
    { id: 'col.chase', re: '(?:我们|我司|催收)[^。，]{0,6}?催(?:你|您)(?!睡|吃|起|写|交|回家)|不就(?:能)?还(?:得)?(?:上|清)了?|(?:就|才)能还(?:得)?(?:上|清)|够(?:你)?还(?:了|的|债|钱|清)|就不用还(?:钱|债|了)', w: 0.6, neg: true },
    // Asking after the money: weaker, since people also wait for their own money (钱什么时候到账).
    {
      id: 'col.money_when',
      re: '(?:钱|款)[^，。？！]{0,4}(?:什么时候|啥时候|何时|哪天)(?:能)?(?:到|到账|打过来|转过来)|钱(?:准备|凑)(?:得|的)?(?:怎么样|如何)',
      w: 0.6,
      neg: true,
    },
    {
      id: 'col.must_arrive',
      re: '(?:钱|款|欠款|还款)[^。，？！]{0,6}?(?:必须|务必|要|得|马上|立刻|今天|今晚)[^。，？！]{0,3}?(?:到账|到位|打过来|转过来)|钱不到账|钱(?:再|还)?不到(?=[，。！？]|$)|(?:把)?钱凑(?:齐|够)|(?:你|您)找我(?:借|周转|拿)的|先(?:给|还)我一部分|(?:直到|直至)(?:你|您)?(?:全部)?(?:还清|结清)|(?:还清|结清|还钱|还完)为止|(?:见|看|收)不到(?:钱|款)|欠[^，。？！]{1,6}?不还|起诉材料|诉讼材料|向(?:人民)?法院(?:提交|递交)',
      w: 1,
      neg: true,
    },
    { id: 'col.tp_ask', re: '(?:让|叫|请|麻烦)(?:他|她)[^，。]{0,3}(?:回电|回个电话|回电话|联系|还|处理)', w: 0.5, neg: false },
    {
      // Session 17 (r43): a private lender asking for it back in plain words (「上次借你那五千 月底能回我不？」「借你那800 方便了
      // 微信转我就行」「瓜娃子 钱拿来」), and a lender asking someone to chase the borrower (「我哥借我那五万…你帮我催催」); blind-115.
      id: 'col.ask_back',
      re: '借(?:你|给你)(?:的|那|那笔)?[^。？！]{0,6}?(?:钱|块|万|千|元|百|\\d)[^。？！]{0,10}?(?:回我|转我|还我|打我)(?:不|吗|呗|就行|就好|吧|一下)?|(?:把)?钱拿来|(?:借我|欠我)[^。]{0,30}?帮(?:我|忙)?催(?:催|一下)?',
      w: 1,
      neg: true,
    },
  ],
  true,
  1,
);

// ---------------------------------------------------------------------------------------------
// Collection: counter-evidence
// ---------------------------------------------------------------------------------------------

/** Demands to pay: a veto whose words a collector also uses (a care service's 紧急联系人, an anti-fraud header) is void beside them. */
const DEMANDS = ['col.pay_imperative', 'col.repay_demand', 'col.nonpay'];
/** What a borrower applies for (veto.debtor: 「我想申请延期还款」「想申请分期」). */
const RELIEF = '(?:协商|延期|分期|停息|减免|展期)';
/** Demands, an overdue loan named or a private loan, but not 逾期 alone: what voids a veto for what is not a debt at all. */
const DEMANDS_OR_LOAN = [...DEMANDS, 'col.debt_overdue', 'col.private_loan'];
/** Demands, an overdue debt or a private loan: what voids a veto whose words may name a card or a loan in passing (session 22). */
const DEMANDS_OR_OWED = [...DEMANDS_OR_LOAN, 'col.overdue'];
/** Demands and any debt word: what voids a veto for a trade or a visitor whose words collectors never need (session 14). */
const DEMANDS_OR_DEBT = [...DEMANDS_OR_OWED, 'col.debt_noun'];

export const VETO: Rule[] = compile(
  [
    { id: 'veto.code', re: '验证码|校验码|动态码|动态密码', w: -3 },
    {
      id: 'veto.paid',
      re:
        '(?<!没|未|不|没有)(?:还款|扣款|缴费|支付)成功|(?:还款计划|还款方案|分期方案)已(?:调整|变更|生效)成功|成功(?:还款|扣款)|已(?:经)?(?:于(?:今日|今天|\\d+月\\d+日))?(?:全部|全额|提前|按时|成功)?(?:结清|还清)|已自动扣款|已扣款|已到账|还款已到账|' +
        '已放款|放款至|无需还款|无待还|已还款|结清证明|已为您免除|提前结清|已办理完成|信用良好|已按时还款|收到你还的|' +
        // Session 13 (r38): apps' status strings for a repayment under way (「银行还款处理中」「您有2笔还款正在处理中」).
        '还款(?:正在|已)?(?:处理中|受理中|审核中)|还款(?:申请)?已提交|请勿重复(?:操作|还款|提交|支付)',
      w: -1.2,
      // A condition (「如今日扣款成功，将视同按时还款」) or an offer (「即可结清…提供结清证明」) is not a receipt: the
      // clause's 如/若/一旦 may stand a few characters before the words.
      skipBefore: '(?:如|若|如果|假如|倘若|一旦)[^，。；！？]{0,8}|如已|未|未能|没能|没有|无法|提供|出具|开具',
    },
    // A statement only reports the bill (the guide's d033); one that also asks to pay (「账单已出…请您按时还款」) is a
    // reminder, and the taxonomy calls that collection. In the corpora (session 8), 7 of the 8 messages with these words
    // and a request to pay are labelled collection (the eighth is a receipt, 「还款成功…感谢您的按时还款」, which veto.paid
    // still turns away); 132 of the 135 without one have no label.
    {
      id: 'veto.statement',
      re: '账单已出|账单已生成|账单金额|本期账单[:：]|账单[:：]|已出账|已入账|\\d+月账单[¥￥\\d]|请关注',
      w: -1.2,
      voidBy: ['col.pay_imperative'],
    },
    {
      id: 'veto.advert',
      re:
        '逾期也能|(?:黑|花)了也能|也能(?:贷|借|下款)|反催收|债务重组|逾期协商服务|黑户|不看征信|不查征信|征信花了|大数据不良|下款|秒到账|当天到账|当天放款|放款快|日息|月息低|低至|' +
        '额度(?:最高|高达)?\\d|最高\\d+[万元]|备用金|(?<!给(?:您|你)(?:做|办|申请)(?:一个|个)?)停息挂账(?!协议)|债务优化|无抵押|无担保|批款|户籍不限|资金(?:方面)?有需要|征信修复|修复(?:你的|您的)?征信|帮(?:你|您)修复|债务处理|免费咨询|一对一|专业团队|专业律师|' +
        '帮(?:您|你)(?:协商|处理|解决)|帮(?:您|你)(?:跟|和|与)(?:银行|平台)(?:谈判|协商)|专业法务团队|点击(?:领取|观看|查看详情|了解)|成功后再收费|(?:谈)?不成(?:功)?不收费|不成功(?:全额)?退(?:款|费)|一站式|上岸|先别慌',
      w: -2,
    },
    // Session 20 (r45): the contact and opt-out lines that marketing SMS must carry (「详询4008…」「拒收请回复R」) are in
    // lenders' own reminders and collectors' texts too (「…请收到短信后立刻前往江湖救急页面完成还款或申请续期。详询: 021…」,
    // 「…授权专员到预留证件地上访，还款终止拒收请回复R」, real templates): they turn an advert away only when the text
    // neither demands payment nor names a debt.
    { id: 'veto.advert_contact', re: '加v|加微|详询|拒收|回复(?:fq|y|td|r)(?![a-z])', w: -2, voidBy: DEMANDS_OR_DEBT },
    {
      id: 'veto.news',
      re:
        '【[^】]{0,10}(?:日报|晚报|新闻|头条|发布|时报|快讯|观察|资讯|在线|网)】|记者|报道|打掉|团伙|犯罪嫌疑人|抓获|' +
        '纪录片|电影|电视剧(?:第|里|中)|剧情|第\\d+集|(?:男|女)主角|男主(?!人)|女主(?![人播])|这个词|新闻|发布会|最高法|严厉打击|(?<!当地|你们)电视台|听广播|广播上说|约谈|多[名位](?:借款人|用户|网友|市民|受害者|消费者)|(?<!有|没)什么意思|央视|媒体|涉案人员|(?:已被|被)警方|警方通报|医生提醒|判决书摘录|被害人|今日说法|(?:受害者|受害人)自述|(?:刷到|看到|看了|转发)(?:一个|个|一条|条)?视频|网上说|文章说|普法|法律科普|律师解答|' +
        // Session 18 (r44): reviews and retellings of films, series and novels about collectors quote their threats
        // (blind-122), and so do Hong Kong and Taiwan news, investigations, podcasts and fandoms (blind-124, 126, 128).
        '影评|剧透|这剧|那集|这集|上一集|下一集|编剧|导演|演员|预告片|预告(?:里|中)|第\\d+季|小说|剧本杀|追剧|港剧|韩剧|美剧|这部(?:片|剧|电影|小说|书)|反派|豆瓣|主人公|男一号|女一号|读书笔记|非虚构|书里|微博热搜|热搜榜|市民热线|热线回复|播客|嘉宾|港闻|深度调查|本报讯|[^】]{0,4}(?<!婚)讯】|【(?:调查|深度|特稿)】|(?<!涉)嫌犯|(?:已|未|没有人|无人|暂未有人)被捕|移送法办|逮捕[一二三四五六七八九十\\d]+名|催更|断更',
      w: -2,
      // News about a case quotes every threat of it: more than one news word weighs more (blind-46, first sight).
      cap: 3,
    },
    // Session 21 (r48): invitations and greetings sent to a whole address book (「你通讯录里每个人都会收到我们的电子请柬」「把txl里的
    // 客户每人发一条中秋祝福」, blind-145) read like a threat to contacts. Voided by a demand or any debt word.
    { id: 'veto.greeting', re: '请柬|喜帖|婚礼|喜酒|满月酒|(?:中秋|新年|春节|节日|生日)祝福|生日快乐|节日快乐', w: -2, voidBy: DEMANDS_OR_DEBT },
    // Anti-fraud warnings; lenders' own reminders carry them too, so this one is weaker.
    { id: 'veto.antifraud', re: '反诈|冒充|警惕|谨防|不法分子|请勿(?:相信|轻信)|诈骗(?:电话|短信|分子)', w: -1.2 },
    // Session 18 (r44), blind-122: the police's and a community's warnings to residents (「【社区民警提醒】老年朋友们注意」).
    { id: 'veto.police_warning', re: '(?:民警|警方|派出所|社区)提醒|提醒(?:广大|各位)(?:市民|居民|群众|家长|老人)|老年朋友|先挂断', w: -2, voidBy: DEMANDS_OR_DEBT },
    // Session 18 (r44), blind-124, 126, 128: quarrels between neighbours (noise, a leak, a parking space, litter at the door),
    // gamers' trash talk, a parent writing to a child in the parent's own voice (「妈不是要说你」「爸不太会打字」) and a
    // couple's quarrel (「这日子还过不过了」「我就带孩子回娘家」「咱俩就分开过」). Voided by an overdue debt or a private loan.
    {
      id: 'veto.household',
      re: '漏水(?!的桶)|防水|噪音|扰民|占(?:了)?(?:我家的?|我的)?车位|乱扔垃圾|打野|下路|零助攻|排位|开黑|上分|公会|战队|段位|连胜|(?<![你他她的])(?:妈|爸|老妈|老爸)(?:不是要|不是说|不太会|心里|就是想)|回娘家|分开过|这日子(?:还)?(?:没法|过不过|过不下去)|(?:把)?垃圾(?:堆|扔|放)(?:在)?我(?:家)?门口',
      w: -1.5,
      voidBy: ['col.debt_overdue', 'col.private_loan'],
    },
    // Session 18 (r44), blind-122: a collection word in scare quotes is a joke or a figure of speech (「组团去你宿舍“上门催收”」
    // 「在家族群里“催债”」「我们群的“老赖名单”」); a collector names its own work without them.
    { id: 'veto.scare_quote', re: '[“「『‘](?:上门)?(?:催收|催债|讨债|追债|收账|抄家|催款)(?:函|员|大队|名单)?[”」』’]|[“「『‘][^”」』’]{0,4}(?:讨债|催债|催收)(?:联盟|小分队|小组|群|大队)[”」』’]|[“「『‘]老赖名单[”」』’]', w: -2 },
    // Session 18 (r44), blind-122: an agency's rule book for its own staff lists the threats it forbids (「以下话术一律禁止使用」).
    { id: 'veto.training', re: '我在催收公司|前催收员|(?:做|干)过(?:几年|一年|半年)?催收|(?:离职|入职)(?:复盘|感想|经历)|合规培训|质检通报|抽检录音|入职第一课|新人培训|(?:一律|严禁|禁止)(?:使用|出现)|违规话术|话术库|标准话术|各位坐席|坐席(?:们|人员)', w: -2 },
    // Session 18 (r44), blind-122: lawyers' letters about other matters (copyright, labour, defamation) share a collector's
    // 本所受…委托 and 追究法律责任. Voided by a debt or a demand to pay.
    {
      id: 'veto.legal_topic',
      re: '著作权|版权|商标|专利|侵权|劳动争议|劳动人事争议|拖欠(?:其|员工|我)?[^。，]{0,8}?工资|劳动仲裁|劳动合同|名誉权|肖像权|隐私权|加班费|工伤|抚养权|继承|交通事故|医疗纠纷|不实言论|诽谤|原创|下架',
      w: -2,
      voidBy: DEMANDS_OR_DEBT,
    },
    { id: 'veto.fraud_warning', re: '(?:都|均|一律|统统)(?:是|为|系|属于?)诈骗|凡是[^。]{0,24}?诈骗|谨防(?:上当|受骗)', w: -2 },
    // Session 22 (r50), blind-152: a scam aimed at the reader (「你的信用卡被人盗刷了…把钱转到安全账户」「涉嫌一起洗钱案…资金转到安全
    // 账户」) collects no debt of theirs; every training text with 安全账户 is ordinary. A card or a loan named does not void it,
    // an overdue debt or a private loan does.
    { id: 'veto.scam_transfer', re: '安全账户|资金清查|清空额度|解冻(?:费|金)|注销(?:校园贷|学生贷|贷款账户)|转接(?:到|给)?(?:办案)?(?:民警|警官)|手机(?:丢|掉)了|这是(?:我)?(?:同学|朋友|同事|室友)的(?:手机|号码|电话)|校园贷[^。]{0,8}(?:清理|注销|清空)', w: -2, voidBy: ['col.debt_overdue', 'col.private_loan'] },
    // Session 23 (r54), blind-157: the police following up the reader's own report (「你昨天报警说接到威胁电话的那个事 我们已经
    // 登记了」), and a bank following up the reader's credit dispute (「您前两天打电话提的那个征信异议」).
    { id: 'veto.reader_report', re: '(?:你|您)(?:昨天|前天|之前|刚才|前两天|上午|下午|今天)?(?:报警|报案)(?:说|称|反映)|(?:你|您)报的(?:警|案)|征信异议|异议申请', w: -2, voidBy: DEMANDS },
    // Session 23 (r56), blind-160: what is overdue but owes no lender (「您家孩子的疫苗接种已经逾期两周了」「违停…罚单还没处理
    // 逾期不处理会产生滞纳金」). Not voided by 逾期 alone (col.overdue), which is what it turns away.
    { id: 'veto.non_credit', re: '疫苗|接种|补种|年检|年审|违停|违章|罚单|驾驶证|行驶证|借阅|图书', w: -2, voidBy: [...DEMANDS_OR_LOAN, 'col.debt_noun'] },
    // Session 23 (r56), blind-160: tradesmen at the door (「师傅已经到你们楼下了」「派工程师到您小区那边测试」).
    { id: 'veto.tradesman', re: '(?:工程师|师傅|维修(?:工|人员)|安装(?:工|人员)|宽带|快递员|外卖员|送货员|搬家公司|装修队)[^。]{0,12}?(?:到|去|在|上门)', w: -2, voidBy: DEMANDS_OR_DEBT },
    // Session 23 (r56), blind-160: a genuine court's or the police's word that courts take no money by phone (「有疑问可以打
    // 一二三六八核实 法院不会通过电话让你转任何钱」), unless money is demanded.
    { id: 'veto.court_genuine', re: '(?:打|拨打)?(?:12368|一二三六八)(?:核实|查询|咨询)|法院不会[^。，]{0,10}?转(?:任何)?(?:钱|款)|真正的法院不会', w: -2, voidBy: DEMANDS },
    // Session 22 (r51), blind-153 (call transcripts): a court telling the plaintiff or the applicant about their own case
    // (「您起诉王某的那个民间借贷纠纷已经立案了」「您申请执行的那个案子」); every training text with these words is ordinary.
    // Session 22 (r53), blind-155: a lawyer's call to the client who hired him, and legal aid granted to the reader.
    // Session 23 (r54, r56), blind-157 and 160: 「你提交的那个起诉材料里面少了一份证据目录」「你之前申请执行的那个案子」.
    { id: 'veto.court_to_creditor', re: '(?:您|你)(?:之前|此前|上次|先前)?(?:起诉|申请执行)[^。，]{0,8}?的|您申请的执行|您作为原告|(?:您|你)委托(?:我们|我所|本所)?(?:起诉|代理|申请)|(?:您|你)(?:申请|提交)的法律援助|(?:你|您)(?:提交|递交)的[^。，]{0,4}?(?:起诉|立案)?材料|补交[^。，]{0,4}(?:证据|材料)', w: -2 },
    // Session 23 (r54), blind-157: a court calling a witness (「你是我们这边一个合同案件的证人…需要你出庭作证」); not a guarantor
    // (保证人), and not when a debt is named (「他的案子已经移交法院立案 你作为联系人也会被传唤出庭作证」 is a collector's).
    { id: 'veto.court_witness', re: '(?:你|您)(?:是|作为)[^。，]{0,14}?(?<![保见公])证人', w: -2, voidBy: DEMANDS_OR_DEBT },
    // A court's call or notice that a case is closed or a restriction lifted (「您作为被执行人的案件已经执行完毕 限制消费令已经
    // 解除」), and the courts' own platforms, which a clerk who only informs points to (「您也可以在人民法院在线服务小程序上查看」;
    // 139 training texts name one, the 10 collectors among them demand payment).
    { id: 'veto.case_closed', re: '执行完毕|(?:限制消费令?|限高|冻结)(?:已经?|已)(?:解除|撤销)|已(?:经)?结案', w: -2, voidBy: DEMANDS_OR_DEBT },
    // Not when the reader is sent to look (「你自己去中国执行信息公开网看吧」, a collector's false claim).
    { id: 'veto.court_platform', re: '(?<!(?:去|到|上)(?:中国)?)(?:中国)?(?:人民法院在线服务|移动微法院|执行信息公开网|裁判文书网)', w: -2, voidBy: DEMANDS },
    // A relative telling the reader a debt is paid or not to be repaid (「这个钱不用你们还啊」「我们已经还上了 你不用管」), not
    // 「下来就不用还了」 or the sneer 「钱不用还了？」.
    { id: 'veto.no_need', re: '(?<!就)(?:不用|不必)(?:你们?|您)?还(?:我|给我)?(?:(?:了|啊|呀|哈)(?![？?吗么]|是吧)|(?=[，。！\\s]|$))|还上了[^。]{0,8}不用(?:你)?管', w: -2, voidBy: DEMANDS_OR_OWED },
    // A bank's offer of credit (「利率很低 您需要吗」「手续费打八折」), unless a debt is overdue or demanded.
    {
      id: 'veto.credit_offer',
      re: '(?:利率|费率)(?:很低|低至|优惠)|手续费(?:打[^。，]{0,3}折|低至|优惠)|额度[^。，]{0,10}(?:万|元)[^。]{0,10}(?:需要吗|要不要)',
      w: -2,
      voidBy: DEMANDS_OR_OWED,
    },
    {
      id: 'veto.debtor',
      re:
        '(?:^|[，。！？、\\s])我(?:的)?(?:网贷|信用卡|借款|贷款|花呗|借呗)?[^，。你您]{0,4}(?:逾期了|逾期|欠了|被催|被起诉|被爆|被网贷)|' +
        '能不能(?:宽限|延期|延后|缓|推迟|晚几天|再缓)|能否(?:宽限|延期|延后|缓)|可不可以(?:宽限|延期|缓)|宽限|' +
        '我[^，。你您]{0,8}(?:会|一定|肯定|保证|尽量|争取)[^，。你您]{0,6}还|' +
        // Session 24 (r60), blind-172: paying at once, in the borrower's words (「我马上去还」「我明天早上十点前转过去」).
        '我(?:马上|这就|现在就|立刻|明天|今天|今晚|下午|晚上)[^，。你您]{0,8}?(?:去还|还上|转过去|转给你们|打过去)|' +
        '(?:千万)?别(?:给(?:他们|钱|任何人)?(?=[，。！]|$)|给(?:他们|钱)|理|告诉他们|信)|别理|那是催收|(?:借|转)我[^，。]{0,6}(?:周转|应急)|能(?:先)?借我|借我\\d|' +
        // Session 22 (r49), blind-150: the borrower owning the debt to a contact (「钱的事我自己会解决」「我填了你做紧急联系人」).
        '(?:钱的事|这事|这个事|债)?我自己(?:会|来)?(?:解决|处理|想办法|扛)|我是欠(?:你们|您们|贵司|贵平台)?(?:的)?钱的|(?:^|[，。！？])我(?:当时|之前|借款时)?(?:填了?|写了?)你(?:做|当|作为)|' +
        '(?:跟|和)平台(?:在)?协商|连累你|对不起|替我还|帮我还(?:钱|债|款)|(?:说|讲)我欠(?:钱|款|债|了)|千万别(?:转|给钱)|' +
        // Session 11 (r36): asking for time in speech (「再给我三天」, Cantonese 「畀多两个礼拜我」, normalised to 给) and promising to pay when money comes
        // (「老家的钱到了马上还」): the borrower's side, as the guide's d007. A collector gives time to 你, not to 我.
        '给我[一二两三四五六七八九十几半\\d]{1,3}个?(?:天|日|周|礼拜|星期|月)|(?:畀|给)多?[一二两三四五六七八九十几\\d]{1,3}个?(?:天|日|礼拜|星期)我(?!们)|' +
        '(?:钱|工资|款)(?:一)?到(?:了|账了?)?(?:我)?(?:马上|立马|立刻|就)就?还(?!我)|' +
        // Session 13 (r38): the borrower's own wish to settle or to ask for time (「我想一次性结清」「我想申请延期还款」).
        '我(?:想|要|打算|准备|能不能|可以)(?:一次性|提前)?(?:结清|还清|提前还)|' +
        `我(?:想|要|打算|准备|能不能|可以)?申请${RELIEF}|` +
        '我(?:不是|又没)(?:说)?不还|^已还(?:了|款)?[。！!]?$|' +
        // Session 14 (r39): a family asking for time (「他欠的钱我们会想办法，请给我们一点时间」, blind-82).
        '给(?:我|我们)(?:一点|一些|点|些)时间|我[^，。你您]{0,8}就能还(?:上|清)?|^还你(?:了|钱)?[。！!]?$|' +
        // Session 18 (r44), blind-122: a borrower writing to the lender (「我是借款人孙倩」「我叫何婷，在贵行信用卡逾期三个月了」「否则我将向监管部门投诉」).
        '我是(?:借款人|持卡人|欠款人|贷款人)|(?:我|本人)(?!们)[^。]{0,12}?在(?:贵行|贵司|贵平台)[^。，]{0,8}?(?:逾期|欠款|借)|我(?:将|会|就)(?:向|到|去)[^。，]{0,10}?投诉|' +
        // Round 4 (blind-128): 「我是米粒贷的用户…想申请延期一个月」.
        `我是[^。，]{1,8}?的用户(?![经服专])|(?:^|[，。！？])(?:想|希望|特此)申请${RELIEF}`,
      w: -2,
      cap: 2,
    },
    // …and the borrower's side: 「我已经报警了」「明天去派出所报案」「你别开门」 (a collector says 「我们就报警」, not these).
    // A notice that lists abuses to report (「如遇催收人员辱骂、威胁…等软暴力行为，请拨打110」「不得使用暴力、恐吓…」):
    // its words are every threat rule's, and one rights veto was not enough against them (blind-34, first sight).
    { id: 'veto.notice', re: '如遇(?:到)?[^。]{0,8}?(?:催收|暴力|非法|违规|威胁|骚扰|辱骂)|不得(?:使用|采取|采用|以)[^。]{0,4}?(?:暴力|恐吓|威胁|侮辱|诽谤|骚扰)|等(?:软暴力|暴力|违规|违法|非法|不当|骚扰)(?:催收)?(?:行为|手段)', w: -2 },
    { id: 'veto.rights', re: '(?<!不会)暴力催收|非法催收|非法放贷|如遇(?:暴力|非法|违规)|维权|向12378|12378投诉|拨打110|我(?:已经?|已|也)?报(?:了)?警了?|(?:去|到)派出所报案|已(?:经)?报案|别开门|不要开门|(?:让|叫|劝)(?:他|她|你|他们)(?:赶紧|直接)?(?:去)?报警', w: -2 },
    {
      id: 'veto.court_news',
      re: '通告|专项行动|集中执行|执行攻坚|被告人|判处|有期徒刑|一审|二审|宣判|公诉|非法拘禁|寻衅滋事|敲诈勒索|犯罪|法院认为|本案|依法判决',
      w: -2,
      noYou: true,
    },
    // Session 9 (blind-37/38 at first sight): a group's admin about posts and adverts (「…已经被我移出群了」「大家别乱转了」),
    // a law firm or the police writing to their own client or caller (「您委托我所办理的…案」「您的报警已受理」), an official
    // anti-fraud header.
    { id: 'veto.notice2', re: '(?:移出|踢出|移除)(?:了)?群|被我(?:移出|踢)|群主已经?踢|(?:别|不要)(?:乱转|转发)|(?:您|你)委托(?:我所|本所|的)[^。]{0,12}?(?:案|纠纷|材料)|(?:您|你)委托的[^。，]{0,4}?律师|(?:给|为)(?:您|你)(?:做过|提供过?)(?:法律)?咨询|(?:您|你)的报警已受理|报警已受理', w: -2 },
    // Voided by a demand to pay: fake collectors sign as 【反诈中心】 too (「…已被列为诈骗嫌疑，请立即还款」).
    { id: 'veto.antifraud_header', re: '【[^】]{0,8}反诈[^】]{0,6}】', w: -2, voidBy: DEMANDS },
    // Loan adverts as real inboxes hold them (two public SMS datasets, session 9): 「我们是做信用贷款的，不需要抵押」
    // 「当您有资金需求时，请联系我」「贷款联系电话…解决燃眉之急」. Voided by a demand to pay or an overdue debt, so a
    // reminder that offers help with 资金周转 is still read.
    { id: 'veto.advert2', re: '不需要抵押|无需抵[押压]|免抵押|资金需求|资金需要|资金周转|贷款联系|有需要贷款|需要贷款的|需要贷款(?:可以|请|就)?(?:联系|找)|做[^。，]{0,6}?贷款(?:的|业务)|(?:快速|可以|帮您|帮你|为您|代)办理?[^。，]{0,8}?贷款|也可以审批|燃眉之急|诈骗(?:的)?(?:主要)?手法|诈骗高峰', w: -2, voidBy: ['col.pay_imperative', 'col.nonpay', 'col.debt_overdue', 'col.overdue'] },
    // Prize scams that claim a court will sue over a prize contract (「…把您的一封二等奖领奖合同传到本院」): no debt.
    { id: 'veto.prize', re: '(?:中奖|领奖|获奖|奖品|[一二三]等奖|栏目组|节目组)[^。]{0,40}?(?:合同|法院|本院|起诉)|(?:法院|本院)[^。]{0,40}?(?:中奖|领奖|奖品|[一二三]等奖|栏目组|节目组)', w: -2 },
    { id: 'veto.service', re: '额度(?:临时)?(?:调升|调高|上调)|额度已提升|连续\\d+期按时|申请(?:未|已)通过|审核(?:已|未)?通过(?!后)|未通过审核|申请已提交|已激活|提额|签约成功|开通自动还款|已成功分期|分期成功|分期已生效|办理成功|无逾期|状态良好|临时额度|已为您开通|(?:没有|未|没)通过(?:审批|审核)|初审失败|审核失败|审批失败', w: -1.5 },
    // The credit score, apart from veto.service since session 21 (r47): a due date with a nudge about the score is a reminder
    // (「今天是还款日哦 ¥326.50 别忘了~ 按时还款信用分蹭蹭涨」, blind-144).
    { id: 'veto.credit_score', re: '信用分', w: -1.5, voidBy: ['col.due'] },
    {
      id: 'veto.victim',
      re: '催收(?:的|人员|公司)?(?:说|讲|威胁|都是|一般)|催收(?:的|人员|员)?(?:跟|对|和)(?:他|她|我|我们|我妈|我爸)(?:说|讲)|吓唬人|不用(?:太)?担心|别担心|被(?:网贷)?催收|被催(?:债|款)|催收(?:的)?(?:都|又|天天|一直|已经)?(?:打到|打给|找到|找上|骚扰|爆了)|骚扰|听说[^。，]{0,6}?(?:网贷|逾期|欠)|挺惨|好惨|' +
        // Session 13 (r38): 「催收天天打电话说…」「他们骂我是老赖」: the borrower's account.
        '催收(?:的|人员)?(?:都|又|天天|一直|每天)(?:打电话|打我|发短信|发信息|说)|催收(?:的|人员)?(?:打电话|发短信|发信息)(?:来)?(?:说|讲)|(?:他们|催收|对方)[^，。]{0,4}(?:骂我|说我是|叫我)',
      w: -1.5,
      cap: 2,
    },
    {
      id: 'veto.complaint',
      re: '本人(?:在|于)?[^。]{0,10}?(?:借款|借了|逾期)|(?:每天|天天|一直)给我打|给我打了?(?:几十|很多|好多|无数|\\d+)个?电话|请求(?:平台|处理|帮助|解决)|我(?:要|想|已经?|会)投诉|投诉(?:平台|催收|他们)|【投诉(?:内容)?】|12378|请求监管部门|去哪(?:里|儿)?投诉|怎么投诉|哪里(?:可以)?投诉|投诉到哪|能投诉吗',
      w: -2,
    },
    // Session 13 (r38): things borrowed and rented, not money (「您的借用已逾期3天，请立即归还」, an equipment-lending system's
    // notice in real round 13): 借用 and 归还 of objects.
    { id: 'veto.item', re: '(?:那|一)顿(?:饭|烤肉|火锅|烧烤|酒|奶茶)|欠[^。，]{0,4}?(?:奶茶|喜茶|咖啡|小龙虾)|请(?:全队|大家|全宿舍|全组|全寝室)?(?:喝)?奶茶|请客|借[^。，]{0,4}?(?:充电宝|书|伞|雨伞|衣服|相机|钥匙|电脑|游戏机|耳机|笔记|自行车|车子|东西|《)|借用|(?:归还|租用|租赁)(?:的)?(?:物品|设备|图书|器材|工具|车辆|仪器)|(?:物品|设备|图书|器材|工具|仪器)[^。，]{0,6}?(?:已)?逾期', w: -1 },
    // Session 13 (r38): trade debts between companies (货款, 尾款, invoices): the taxonomy's non-credit bills
    // (「钢材那笔货款拖了快俩月了」, 「Q3 invoice…overdue两周了」; blind-71, first sight).
    // Between people, a 货款 or a builder's 尾款 is chased like a loan and the batches label it so; only a company's is
    // turned away.
    {
      id: 'veto.trade',
      re: 'invoice|发票|开票|对账单|对账确认|多次对账|采购款|结算款|合同款|加工费|应收账款|进度款|那批货|(?:贵司|贵公司|公司|老板|厂|客户)[^。]{0,20}?(?:货款|尾款|工程款|材料款|设计费|酒水钱|酒水款|服务费)|(?:货款|尾款|工程款|材料款)[^。]{0,12}?(?:贵司|贵公司|公司|老板|厂|客户)',
      w: -1.5,
      voidBy: ['col.debt_overdue'],
    },
    // Session 13 (r38): quarrels between lovers (「渣男，骗了我三年感情，我要让你全公司都知道」): no debt.
    // Session 22 (r49), blind-150: an app's request for the address book (「请求获取"通讯录"权限，以便您选择紧急联系人」), a
    // social app's friend finder (「你的好友通过手机通讯录找到了你」) and an employer asking staff to update their emergency
    // contacts read like a collector's hold on the contacts. Voided by a demand or any debt word.
    {
      id: 'veto.contacts_ordinary',
      // Not when an 'or else' follows in the sentence (「请更新紧急联系人，否则我们只能联系你的家人和单位」).
      re:
        '(?:(?:通讯录|联系人)[^。，]{0,3}(?:权限|访问)|权限[^。，]{0,6}(?:通讯录|联系人)|通过(?:手机)?通讯录(?:找到|添加|推荐|关注)|可能认识的人|回关|' +
        '(?<![您你他她其])(?:更新|填写|登记|完善|核对)(?!的)(?:一下)?(?:您的?|你的?|个人的?|员工的?)?(?:紧急联系人|联系人信息|家属联系方式))(?![^。！？]{0,30}(?:否则|不然))',
      w: -2,
      voidBy: DEMANDS_OR_DEBT,
    },
    { id: 'veto.romance', re: '渣男|渣女|劈腿|出轨|分手|离婚协议|抢我(?:男|女)朋友|骗(?:了)?我(?:的)?[^。，]{0,4}感情|感情骗子', w: -2, voidBy: DEMANDS_OR_LOAN },
    // Session 13 (r38): safety, check-in and care services tell the user they will contact the emergency contact
    // (「超过24小时未签到，将通知你的紧急联系人」「为保护你的安全，我需要联系你的紧急联系人」; real round 14, six texts
    // from check-in apps, SOS features and counselling bots). Voided by any demand to pay or overdue debt.
    {
      id: 'veto.care',
      re: '【[^】]{0,10}(?:医院|卫生院|诊所|急救中心)】|签到|报平安|打卡|求助|志愿者|sos|(?:保护|保障|确认)(?:你|您)的?(?:人身)?安全|(?:你|您)(?:是否)?安全|安全(?:提醒|守护|中心|保障|检测|状态)|心理(?:咨询|援助|危机|热线|健康)|手环|手表|血氧|心率|健康监测|就医|体检|危急值|检查报告|化验|危机干预|咨询师|独居|跌倒|摔倒|(?<![执访])行程(?!序)|救援|(?:行程|登山|出行)报备',
      w: -2,
      voidBy: [...DEMANDS, 'col.debt_overdue', 'col.overdue'],
    },
    // Session 14 (r39): funeral businesses and mourning (「寿衣店：老人家的寿衣已经做好了，您什么时候方便来取」, blind-81): the
    // props in their own trade. Voided by any demand to pay or debt, as veto.care.
    {
      id: 'veto.funeral_trade',
      re: '寿衣店|殡仪馆|殡葬|丧葬|白事(?:一条龙|服务|礼仪)|花圈店|纸扎店|墓园|陵园|公墓|追悼会|告别仪式|老人家的|逝者|去世的|过世的|灵车',
      w: -2,
      voidBy: DEMANDS_OR_DEBT,
    },
    // Session 14 (r39): movers, deliveries and repairs at the door (「我是顺路搬家的，我们已经在你单位门口了」, blind-81).
    {
      id: 'veto.visitor',
      re: '搬家公司|搬家的|配送员|快递员|骑手|取件|保洁|装修|(?:搬家|安装|维修|搬运|送货)师傅|师傅(?:到|在)(?:你|您)',
      w: -1.5,
      voidBy: DEMANDS_OR_DEBT,
    },
    { id: 'veto.ask', re: '问一下|想问|多久会|会被起诉吗|会不会(?:影响|上|坐牢|被)|影响征信吗|可以报警吗|能报警吗|违法吗|合法吗|犯法吗|算不算(?:犯法|违法|合法|诈骗|暴力催收|骚扰)|什么缘故|求问|小白(?!脸)|萌新|维权|是什么机构|is it legal|legit|真的会[^。，]{0,12}吗|(?:我|我们)(?:应该|该|需要)[^。，]{0,12}(?:吗|？|\\?)|怎么办|怎么应诉|如何应对|咨询一下|有什么办法|有啥办法|是不是诈骗|是不是骗子|是骗子吗|真的假的|是真的吗|是真是假|要不要报警|该不该报警|会上征信吗|有宽限期吗|宽限期|我该|有没有人(?:有|知道|遇到)', w: -2 },
    {
      id: 'veto.report',
      re:
        // 催收 as a speaker's tag (「催收员：行，那我今晚挨个打给你其他亲戚」, blind-168) is the collector speaking, not a report.
        '(?:有人|有个|有一个|陌生(?:号码|电话|人)|催收(?!员?：)(?:的|公司)?|一个(?:号码|电话))[^。]{0,12}?(?:打(?:电话)?给我|打我电话|找(?:到)?我|联系我|打到我)(?!们|司|行|方)|' +
        '让我转告你|(?<!听)说你(?:在[^，。]{0,8}?)?(?:欠|借)|打到我这|(?:有人|陌生人|催收(?!员?：)的?)[^。]{0,10}?(?:找你要|打给你|打你电话|给你打电话)',
      w: -2,
    },
    {
      id: 'veto.bill',
      re:
        '电费|水费|燃气费|物业费|保费|话费|已欠费|停机|停车费|学费|教材费|房租|罚款|违章|违停|车辆|驾驶证|行驶|交警|会员|积分|优惠券|包裹|快递|驿站|尾款|定金|签证|图书|借阅|续保|车险|年费|\\d+折|交稿|稿子|设计稿|初稿|稿件|押金(?:退还|退回|没退|还没退|不退)|作业|bug|(?<!员)工单',
      w: -0.6,
      // A lender's own bills (「我也要交房租了」「我孩子要交学费」) beside a private loan are the reason he asks, not
      // the message's subject.
      voidBy: ['col.private_loan'],
    },
    {
      id: 'veto.hearsay',
      re: '(?:(?:跟|和)我说(?!说|一声|一下)|告诉我说?|听人说|据说|网友|有网友|对方(?:说|称|自称)|听说(?:有|隔壁|邻居|同事|朋友|他|她)|听说[^。，]{1,4}?(?:借了|欠了))|(?<!我们的?|我司的?|本公司的?)催收(?:的|员|人员|公司)?[^。，]{0,6}?(?:打(?:电话)?(?:到|给)|找到?|骂|威胁|说要(?:去|来|到|找)?)(?:他|她|我(?!们))|(?:他们|对方|那人|催收的?)[^。，]{0,8}?(?:给我|跟我|打电话|发短信|发消息|打给我)[^。，]{0,4}?说要|' +
        // The threat told in the victim's voice (「催收说我要是不还就…」「他们说要寄花圈到家里」「随便他们爆」): blind-36.
        '(?:说|讲)(?:我|我们)(?:要是|如果|再|敢)?不还|(?:说|讲)(?:让|叫)我去|催收的?(?:人)?(?:给我发|发给我|骂我|说我是|让(?:她|他|我)(?!们)|叫(?:她|他|我)(?!们))|(?:那帮人|那些人|那伙人)(?:今天|又|还|都)*打(?:电话)?到(?:我|我们)(?:单位|公司|家)|(?:他们|催收的?|对方|那边)(?:又|还|居然)?(?:说|讲)要|随(?:便)?他们|' +
        // Family telling the borrower what is going round (「村里有人在传你欠钱的事」「有人在我朋友圈下面留言说你是老赖」).
        '有人(?:在)?[^。，]{0,8}?(?:传|留言)',
      w: -1.5,
      // Two marks of hearsay (「她跟我说，催收的让她…」) are surer than one (blind-48, first sight).
      cap: 2,
    },
    { id: 'veto.banter', re: '欠揍|欠(?:我)?(?:一|那)?(?:顿|杯|个人情|次)|生日快乐', w: -0.8 },
    { id: 'veto.job', re: '招聘|底薪|提成|招(?:催收|人)|还招人|有意者', w: -2 },
    // Someone close asking whether the debtor paid another creditor (你的花呗还了吗).
    { id: 'veto.asked_paid', re: '(?:你|您)的?(?:花呗|借呗|信用卡|白条|网贷|房贷|车贷|贷款)(?:这个月|本月|这期)?还了(?:吗|没)', w: -1.5 },
    { id: 'veto.third_self', re: '我(?:的)?(?:朋友|同事|家人|哥|姐|弟|妹|爸|妈|老公|老婆|表弟|表哥|表姐|表妹|堂弟|堂哥|亲戚)[^，。]{0,4}(?:欠了|欠钱|逾期|借了|借钱|被催)', w: -1.5 },
    { id: 'veto.news3p', re: '记者|调查|据悉|多名|部分(?:网贷|平台|催收)|借款人(?:们)?(?:已|表示|称|反映)|警方', w: -1.5, noYou: true },
  ],
  false,
  -1,
);

// ---------------------------------------------------------------------------------------------
// Genuine court notices: a court tag or 12368 pointer, a proper case number, no private payment.
// ---------------------------------------------------------------------------------------------

export const COURT_OFFICIAL =
  /12368|在线服务平台|调解平台|诉讼服务网|移动微法院|执行信息公开网|裁判文书网|诉讼服务中心|电子送达|送达平台|【[^】]{0,12}(?:人民法院|中院|法院)】|本院/;
export const CASE_NUMBER = /[(（]\d{4}[)）][^，。\s]{1,14}?\d+[x×*]*号|电子送达|文书已送达|送达了?[^。]{0,6}文书/;
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
      `紧急联系人(?:您好|你好|[:：])|${YOU}(?:是|作为)[^。，？]{0,10}?(?:紧急联系人|联系人|担保人|家属|家人|家长|朋友|同事|领导|父亲|母亲|爸爸|妈妈|姐姐|哥哥|妹妹|弟弟|室友|房东|老师|邻居|亲戚|什么人|妈|爸|老婆|老公|妻子|丈夫|媳妇|儿子|女儿)|` +
      `把${YOU}(?:填|留|写|设)(?:成|为|了|作)|${YOU}(?:被)?[^。]{0,6}?(?:填写|填|留)(?:为|成|了)[^。]{0,4}?紧急联系人|填的${YOU}做|` +
      // Session 16 (r41): 「小陈填的紧急联系人是你」, and asking a contact whether they know the debtor (「请问认识罗静吗 她在…有笔账没还」), blind-104.
      `(?:紧急联系人|联系人)(?:填的|写的|留的)?(?:就)?是${YOU}(?!自己)|^(?:请问|你好|您好)?[，, ]?${YOU}?认(?:识|不认识|得)[^。，？！]{1,8}?(?:吗|嘛|么)`,
  },
  {
    id: 'tp.pass_on',
    re:
      // 转达 as 转告 (「如您不是他本人，请代为转达」), not a condolence or a greeting passed on.
      `转告(?:他|她|其|一下|给)?|转达${NOT_GREETING}(?:他|她|其|一下|给)?|代为转(?:告|达)|帮(?:忙|我们)?(?:转告|转达|提醒|催|劝|联系|通知)|` +
      '(?:让|叫|请|通知|提醒|督促|劝劝|劝|告诉|跟)(?:他|她|其)(?:尽快|赶紧|马上|今天|立即|务必|回|还|联系|处理|速|一声|，)',
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
      `${YOU}(?:是不是)?认识[^。]{1,8}?吗|有(?:个|一个|位)叫[^。，？]{1,4}的(?:吗|人吗)|${YOU}(?:是不是)?认识(?:一个)?叫[^。，？]{1,4}的人|认不认识|家属的一封信|致[^。]{1,8}?家属|你当(?:姐姐|哥哥|家长|父母|妈|爸)的|您当家长`,
  },
  { id: 'tp.third_person_debt', re: '(?:他|她)(?:在我们?|在我|的)[^。]{0,8}?(?:欠|借款|欠款|逾期|借了|借钱|不还)|(?:他|她)(?:还|一直)?欠(?:了)?(?:我们|我司|我们公司|平台|我们平台)' },
];

const THREAT_CONTACTS: RuleSpec[] = [
  {
    // 你也不想让你同事知道吧 / 不希望你家人看到: pressure through what the contacts would learn.
    id: 'tc.not_want',
    re: `(?:不想|不希望|不愿意?|怕)(?:让|被)?(?:${YOU}的?)?${REL}[^。，？]{0,12}?(?:知道|晓得|看到|发现|知晓)`,
    w: 0.4,
  },
  {
    // 你的联系人我们这边都有 / 你妈电话我这有 / 你们公司前台电话我们都查得到.
    id: 'tc.have_rel',
    re: `${YOU}(?:们)?的?${CIRCLE}(?:的)?(?:电话|号码|手机号|联系方式|微信|座机)?(?:我们|我)(?:这边|这里|这儿|这|手上|手里)?(?:也|都|全)?(?:有|存着|登记|查得到|能查到|查到了)`,
    w: 0.4,
  },
  {
    // 传到你单位 / 闹到你老婆那里 / 捅到你们公司.
    id: 'tc.spread_to',
    re: `(?:传到|闹到|捅到|告到|反映到|闹去|传去)${YOU}?(?:们)?的?(?:${CIRCLE}|家里|老家|村里)`,
    w: 0.4,
  },
  {
    // A rhetorical question about calling a contact: 通讯录第一个是你老婆吧？…你说我打不打？
    id: 'tc.ask_call',
    re: `(?:通讯录|${CIRCLE})[^。]{0,30}?(?:我|我们)(?:到底)?(?:打不打|该不该打|要不要打|发不发|说不说|告不告诉|通不通知)|(?:通讯录|${CIRCLE})[^。]{0,30}?(?:要不要|该不该)(?:我|我们)(?:帮你)?(?:打过去|打个电话|打电话过去)`,
    w: 0.4,
  },
  {
    id: 'tc.visit_rel',
    re: `(?:走访|约谈|约见)${ANY3}?(?:们)?的?${CIRCLE}`,
    w: 0.4,
  },
  { id: 'tc.bao_txl', re: '爆(?:你|您|他|她)?(?:的)?(?:全部|所有)?通讯录|爆通讯录|通讯录(?:已经?|全|都|马上|今晚)?(?:要)?(?:爆|被爆)', w: 1 },
  {
    id: 'tc.txl_action',
    re:
      '(?:联系|通知|打给|打电话给|发给|群发|发短信给|告诉|挨个打|导出|同步给|依次联系)[^。]{0,10}?通讯录|' +
      // Session 14 (r39): 「明天上午开始打你txl」 (blind-82): calling the address book.
      '(?:开始|就|要|去)打(?:爆)?(?:你|您)的?通讯录|' +
      '(?:通讯录|微信好友|qq好友)[^。？，]{0,14}?(?:群发|挨个|一个一个|都会收到|发短信|打电话|通知|已导出|导出|每人发|都有|全有|名单|同步|上传|拿到|掌握|发一遍|全部发|都发|发给|先打|开始打)|' +
      `(?<!请求|申请|需要|允许|是否)(?:有|拿到|掌握|导出|获取)(?:了)?${YOU}?的?(?:全部|所有|整个)?(?:通讯录|联系人)(?![^。，]{0,3}(?:权限|访问))`,
    w: 0.6,
  },
  {
    id: 'tc.notify_rel',
    re:
      `(?:联系|联络|告知|打给|打电话给|致电|找|发给|发到|推送给|推送至|推送到|反馈给|反映给|汇报给|转给|同步至|同步给|同步到|发送至|发送给|送达|送至|寄送至|抄送|通报|问问|发函到|发函给|发函至|寄给|上门找|知会|曝光给)(?:一下)?(?:${ANY3}(?:和|跟|及|以及)${ANY3}?(?:家)?|${ANY3}|贵司|贵公司)?(?:们)?(?:的|之)?(?:所在|户籍所在地|户籍地|老家|所在地)?(?:单位|公司)?(?:的|之)?(?:全部|所有|全体|各位|几个|授权的|预留的|留的|填写的)?${REL}`,
    w: 0.4,
    reject: '联系人员|找你们?(?:单位|公司)(?:的)?(?:领导)?$|^找一下|^找(?:你们)?[^。]{0,4}部|^找(?:几个|一帮|一群|些)',
    // The reader asked to contact their own people (「请联系您的紧急联系人进行解锁」, 「建议您联系家人」) is not the
    // sender telling them (r37, an app string of real round 13).
    // Session 13: with words between (「如果你愿意，也请马上联系你的紧急联系人」, a counselling bot in real round 14).
    skipBefore: READER_ASKED,
  },
  {
    id: 'tc.notify_list',
    re: `(?:联系|通知|告知|同步|发送|通报|致电|打电话给|电话联系|拨打|短信通知|发函|寄送)[^。，]{0,12}?(?:及|和|以及|、)(?:${ANY3}(?:们)?的?)?${REL}`,
    w: 0.4,
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
    // Session 16 (r41): Cantonese (normalised 唔 → 不, 畀 → 给, 哋 → 们): 「唔还钱就话畀你屋企人知」「同你哋成条村讲」 (blind-102, 104).
    id: 'tc.tell_canto',
    re: `(?:话|讲)给${ANY3}?(?:们)?的?${REL}[^。，]{0,2}?知|(?:同|跟)${YOU}(?:们)?(?:成条村|全村|成村)[^。，]{0,2}?(?:讲|说)`,
    w: 0.4,
  },
  {
    // Session 16 (r41): sending to the contacts, said the formal way (「系统将向您预留的紧急联系人发送还款提醒短信」「向您的
    // 工作单位、户籍地村委会及通讯录联系人发送《欠款告知书》」, blind-105). A report (「已向…发送了」) or a news story (「因向…群发」) is not.
    id: 'tc.send_to',
    re: `(?<!已|已经|已于[^，。]{0,4}|因|曾|曾经|多次)向${ANY3}?(?:们)?的?[^。；？！我]{0,20}?(?:${REL}|通讯录)[^。；？！]{0,4}?(?:发送|群发|推送|寄送|发放|送达)(?!了|过|成功|验证码)`,
    w: 0.4,
  },
  {
    // Session 16 (r42): the sender will talk to the relatives (「顺便跟你爸妈好好说说你在外面欠钱不还的事」「把你欠网贷的事一五一十
    // 跟他们说清楚」, blind-109); not the reader asked to tell them (「你跟你爸说」), nor a report (「跟你妈说了」).
    id: 'tc.talk_to_rel',
    re: `${NOT_ASKED}(?:跟|和|同)(?:${YOU}(?:的)?(?:${REL})|他们|她们)(?:好好|当面|一五一十地?)?(?:${TALK}|打个招呼)|就(?:直接)?(?:跟|和|同)${YOU}(?:的)?(?:${REL})(?:说|讲)了`,
    w: 0.4,
  },
  {
    // Session 17 (r43), blind-113: the lender will take it up with the family (「我们将按照借款协议约定，与您的父母及其他亲属沟通
    // 还款事宜」), talk to the neighbours too (「跟您的邻居们也聊聊」), or the same in English (「reach out to your emergency
    // contacts and your employer」); not advice to the reader (「建议您跟家人沟通」).
    id: 'tc.take_up',
    re:
      `(?:将|会|就|要)[^。]{0,16}?(?:与|和|跟)${YOU}的?${CIRCLE}[^。，]{0,10}?(?:沟通|联系|联络|协商|谈谈|聊聊)|` +
      `${NOT_ASKED}(?:跟|和|同)${YOU}(?:的)?${REL}们?(?:也|都)(?:好好|当面)?(?:${TALK})|` +
      '(?:contact|reach out to|call|notify|inform|tell|message|text)[^。，]{0,16}?(?:emergency contacts?|your (?:family|parents|employer|boss|colleagues|friends|company|wife|husband|hr|contacts))',
    w: 0.4,
    skipBefore: READER_ASKED,
  },
  {
    // Session 17 (r43), blind-113: the whole building or office made to know or watch (「让全小区都来给你上香」「不想让整栋楼都
    // 知道」「当着全办公室的面」「当着你们车间主任的面」), a visit to the parents' home to "ask around" (「去你父母家了解情况」).
    id: 'tc.public',
    re:
      '让(?:全|整个|整栋|一整栋)(?:小区|村|村子|楼|栋楼|单位|公司|厂|学校|办公室|街|条街|部门|车间)(?:的人)?(?:都|全)?(?:来|知道|晓得|认识)|' +
      '当着(?:你|您)?(?:们)?的?(?:全|整个)(?:办公室|公司|单位|部门|车间|厂|村|小区|学校|楼)(?:的人)?的面|' +
      '当着(?:你|您)(?:们)?(?:的)?[^。，的]{0,6}?(?:主任|主管|经理|领导|老板|同事|家人|爸妈|父母|邻居)的面|' +
      '去(?:你|您)(?:的)?(?:父母|爸妈)(?:家)?(?:里)?(?:了解情况|做笔录|走访|调查)',
    w: 0.5,
  },
  {
    // Session 17 (r43), blind-114 (long texts): the debt shown or carried to more people, said in a letter's own terms:
    // 「若不想在同事面前难堪」, 「届时您的亲友、同事均可查询到」, 「在班级家长群说明情况」, 「书面告知区教育局」「向贵司所在园区及合作伙伴
    // 发函」, 「直接找你们经理谈」, 「去村委会备个案」, 「明天就改成公开」, 「每天早晚各发一次他的欠款明细」, the contact asked to pay
    // (「向其发起代偿要求」「直接去找他要钱」), 「给你爸妈拜个年，顺便聊聊你的事」.
    id: 'tc.reach',
    re:
      // Session 18 (r44), blind-124: also taken away in front of them (「到时候你在同事和邻居面前被带走」), and English (「跟你的boss聊聊」).
      '在(?:你|您)?(?:的)?(?:同事|家人|领导|邻居|亲戚|朋友|老婆|孩子|父母|爸妈|客户)(?:们)?(?:面前(?:难堪|丢人|抬不起头|丢脸|出丑|没面子)|(?:和(?:同事|家人|领导|邻居|亲戚|朋友)(?:们)?)?面前被(?:带走|抓|铐))|' +
      '(?:跟|和|找)(?:你|您)的?(?:boss|manager|hr|family|colleagues?|parents|wife|husband)(?:聊聊|谈谈|说说|聊)|' +
      '(?:亲友|同事|家人|朋友|领导|邻居|亲戚)[^。]{0,6}?(?:均|都|也)(?:可|能|可以|会)(?:查询到|查到|看到|查询)|' +
      '(?:在|到|发到|发在)(?:班级|孩子的?)?家长群[^。，]{0,6}?(?:说明|公布|发|通报|曝光)|' +
      '(?:告知|通报|通知|发函(?:给|至|到)?)[^。，]{0,8}?(?:教育局|主管部门|园区|行业协会|商会|合作单位|所有合作)|(?:向|给)(?:贵司|贵公司|你们?公司)?(?:所在)?(?:的)?(?:园区|合作伙伴|合作单位|合作方)[^。，]{0,8}?(?:发函|通报|说明情况)|' +
      '(?:找|跟|和)(?:你|您)(?:们)?(?:的)?(?:经理|主管|总监|车间主任|组长)(?:当面)?(?:谈|聊|说|反映)|(?:去|到)(?:村委会|居委会|社区)(?:备个?案|反映|说明情况|登记)|' +
      '(?:直接)?去找(?:他|她|你(?:的)?(?:表哥|表姐|爸妈|父母|家人|老婆|老公|哥|姐|弟|妹))要钱|(?:改成|设为|改为)公开|' +
      '每天[^。，]{0,10}?(?:发|更新|公布)(?:一次)?(?:他|她|你)的?(?:欠款|照片|借款)|(?:跟|和|找)[^。，]{0,6}?村(?:里)?的?(?:干部|支书|书记|村长|主任)|(?:向|对)(?:其|他|她|您的紧急联系人|紧急联系人)(?:发起|提出)(?:代偿|还款)(?:要求|请求)|' +
      '(?:爸妈|父母|家人)[^。]{0,10}?顺便(?:聊聊|说说|谈谈)(?:你|您)的事',
    w: 0.5,
  },
  {
    id: 'tc.made_known',
    re: `(?:欠款|逾期|借款)(?:情况|信息|事情|的事)?[^。]{0,10}?(?:将|会)[^。]{0,6}?(?:被)?(?:告知|通知|通报给?)(?:给)?(?:相关人员|${REL})`,
    w: 0.4,
  },
  {
    id: 'tc.tell_rel',
    re: `(?:告诉|通知)(?:一下)?${ANY3}?(?:们)?(?:的|之)?(?:所在)?(?:全部|所有|全体|各位|几个|授权的|预留的|留的|填写的)?${REL}`,
    w: 0.4,
    to: ['debtor', 'unknown'],
  },
  {
    id: 'tc.receive',
    re: `(?:${REL}|每个人|所有人|大家|每一个人|每一位|群里|群|(?:村|小区|公司|单位|家族|老家)(?:里)?的人|认识(?:你|您)的人)[^。]{0,10}?(?:(?:都|就|也|很快)?(?:会|将)|都能)(?:收到|看到|查到|接到(?:电话|短信|通知)|出现(?:你|您|他|她)的)`,
    w: 0.4,
  },
  // Session 21: the relative's workplace number, and 「其实也有」「早就有」 (blind-144: 「你哥单位的电话我们其实也有」).
  { id: 'tc.have_phone', re: `${REL}(?:的)?(?:单位|公司|家里)?(?:的)?(?:电话|号码|手机号|联系方式|微信)(?:我们|我)?(?:(?:其实|早就|早)(?:也|都|全)?|也|都|全)(?:有|知道|拿到)`, w: 0.4 },
  {
    id: 'tc.got_phone',
    re: `(?:拿到|查到|掌握|有)(?:了)?${YOU}(?:的)?${REL}的?(?:座机|电话|号码|手机号|联系方式|地址)`,
    w: 0.4,
  },
  { id: 'tc.rel_knows', re: `${YOU}?的?${REL}(?:知道吗|知不知道|晓得吗)|${YOU}的?${CIRCLE}(?:还|应该|大概|可能)?不知道(?:你|您)|(?:${CIRCLE}|朋友圈|通讯录)[^。，]{0,6}?(?:也|都)?该(?:知道|看看|了解)`, w: 0.4 },
  {
    id: 'tc.family_said',
    // 「跟你邻居讲讲」 is the sender telling them (tc.talk_to_rel); 「你跟你爸说」 asks the reader to (r42).
    re: '(?<!跟|和|同|对|给)(?:你|您)(?:的)?(?:爸妈|父母|家人|老婆|老公|妻子|丈夫|邻居|同事|领导|爸|妈)(?:都|也)?(?:说|讲|告诉我们|跟我们说)(?!过)',
    w: 0.4,
  },
  {
    id: 'tc.rel_reached',
    re: `${YOU}的?(?:${REL})[^。，]{0,6}?(?:接了?电话|接电话了|已经知道|都知道了|知道了|说了|也说)`,
    w: 0.4,
  },
  // Session 21 (r47): losing the job through the employer (「不还就让你丢工作」「让你在公司待不下去」, real training texts); not
  // the borrower's own fear (「我是不是要丢工作了」).
  { id: 'tc.lose_job', re: '(?:让|叫|害|等着)(?:你)?丢(?:掉)?(?:你的?)?(?:工作|饭碗)|(?:公司|单位|厂里)[^。，]{0,4}?(?:待不下去|混不下去|干不下去)', w: 0.4 },
  { id: 'tc.fired', re: '(?:老板|领导|公司|单位|hr)[^。，]{0,4}?(?:开了你|开除你|辞退你|炒了你)', w: 0.4 },
  { id: 'tc.boss_talk', re: '(?:hr|领导|人事|老板)[^。]{0,8}?找(?:你|您)(?:谈话|谈|聊)', w: 0.4 },
  { id: 'tc.flow', re: '(?:启动|开启|进入)[^。]{0,4}?(?:亲友|亲情|亲属|联系人|通讯录)[^。]{0,4}?(?:提醒|通知|催收|流程|程序|联络)', w: 0.5 },
  {
    // The contacts as the object of a planned talk (你父母那边我们会去沟通) or as helpers (让你的亲友督促你).
    id: 'tc.rel_plan',
    re:
      `${REL}(?:那边|那里)?[，,]?(?:我们|我)(?:会|将|就|也会|只能)(?:一个一个|一个个|挨个|逐一|逐个|分别|都)?(?:亲自)?(?:上门)?(?:去)?(?:沟通|联系|拜访|说明|反映|聊聊|谈谈|通知|告知)|` +
      `(?:让|请|叫|找)${YOU}的?${REL}[^。，]{0,4}?(?:帮忙|帮我们|出面)?(?:督促|劝劝|劝|催|提醒|管管|说说)`,
    w: 0.4,
  },
  { id: 'tc.call_place', re: `打(?:电话)?到${YOU}?(?:们)?的?(?:公司|单位|前台|家里|学校|老家|村委会|人事部)`, w: 0.4 },
  // Session 23 (r55), blind-161: 「没hk今晚cs就打你紧急联系人电话了」.
  { id: 'tc.call_phone', re: `打${YOU}(?:的)?(?:紧急联系人|联系人|家人|家里人|父母|爸妈|爸|妈|老婆|老公|对象|领导|老板|同事|朋友|亲戚)(?:的)?电话`, w: 0.4 },
  { id: 'tc.social_death', re: '社死|社会性死亡|呼死你|短信轰炸|电话轰炸|轰炸(?:你|您)?的?(?:通讯录|联系人|家人|亲友)|遗照|黑白照|p成', w: 0.6 },
  {
    id: 'tc.with_rel',
    re:
      `(?:与|和|跟|向)${ANY3}(?:们)?(?:及|和|以及)?(?:您的|你的|的)?${REL}(?:当面)?(?:进行)?(?:核实|联系|沟通|了解|确认|反映|说明|协商|谈)|` +
      '(?:向|找|问|到|去)(?:当地|所在地|户籍地|老家|村里|你们村|您所在地?)的?(?:村委会|村委|居委会|社区|村干部|村支书|村长|邻居|乡亲|街坊)|' +
      '对(?:你|您)的?(?:工作单位|单位|公司|领导|同事|家人|家属|亲属|亲友|紧急联系人|联系人|通讯录|父母)进行(?:电话)?(?:逐一|逐个|全面|一一)?(?:核实|联系|走访|回访|调查|通知|排查)',
    w: 0.4,
  },
  { id: 'tc.group_photo', re: '群里(?:发|贴|曝光|公布)|发(?:一次|一遍)?(?:你|他|她)的?(?:照片|身份证|欠条|借条)|传单', w: 0.5 },
  { id: 'tc.no_mercy', re: `(?:通讯录|${REL})[^。，]{0,10}?(?:一个)?都?(?:不会|不)放过`, w: 0.5, neg: false },
  { id: 'tc.fame', re: '让(?:你|您)[^。]{0,8}?(?:出名|身败名裂|名声扫地|抬不起头|没脸见人)', w: 0.6 },
  { id: 'tc.one_by_one', re: '挨个打|一个一个打|挨家挨户|(?:挨个|一个个|一个一个|逐一|逐个)(?:地)?(?:私聊|告诉|通知|联系|发|打电话|找)', w: 0.4 },
  {
    id: 'tc.via_contacts',
    re: `通过${YOU}?的?(?:通讯录|联系人|亲友|社交圈|微信好友|qq好友)|(?:要是|如果|若是|万一|等)${YOU}?(?:们)?的?${REL}[^。，]{0,4}?(?:知道|晓得|看到)|加了${YOU}?的?(?:所有|全部)?(?:好友|微信好友|qq好友|亲友|同事)|加了${YOU}的?${CIRCLE}的?(?:微信|qq|好友)`,
    w: 0.4,
  },
  {
    id: 'tc.phone_people',
    re: `(?:告知|告诉|通知|联系|发给|打给)[^。，]{0,4}?(?:你|您)?的?(?:手机|通讯录|微信|电话本|朋友圈)里(?:存)?的?(?:那些人|人|联系人|好友|号码)|(?:明天|今晚|马上|立刻|回头)[^。，]{0,10}?(?:告诉|通知|发给)(?:他们|她们)`,
    w: 0.4,
  },
  {
    id: 'tc.online',
    re: '(?:发|挂|传|放)(?:到|在)网上|网上(?:曝光|公开|挂)|全网(?:曝光|公开|都|通报)|做成(?:海报|视频|表情包|通缉令|寻人启事|传单)|p图|ps(?:成|你)|快手',
    w: 0.5,
  },
  {
    id: 'tc.group_post',
    // …and a promise to keep telling the group (「我以后每周都会在群里说一次」): the post itself is third_party, more is a threat.
    re: '(?:发|贴|传|转)(?:到|在|进)[^。，]{0,10}?群|(?:每天|每周|天天|以后|继续|还会|还要|接着)[^。，]{0,6}?(?:在|到)[^。，]{0,4}?群里?(?:说|发|曝光|公布|通报|@)',
    w: 0.5,
  },
  {
    id: 'tc.already',
    w: 0.5,
    re:
      // Session 24 (r59), blind-168: the telling verb before the person (「我们已经通知过你表哥了」).
      `(?:已|已经|以经)(?:联系到|联系上|通知到|打给|打电话给|找到|通知过|通知了|告诉过|告诉了|联系过|联系了|打过电话给|打了电话给)(?:了)?${ANY3}?(?:们)?的?(?:前)?${CIRCLE}|` +
      `(?:已|已经|以经)(?:把[^。]{0,8})?(?:给|跟|向|和)?${ANY3}?(?:们)?的?(?:老家|所在地|户籍地)?${REL}[^。]{0,8}?(?:打过电话|打了电话|说了|说过|发了|发过|寄了|寄过|联系过|联系了|通知了|通知过|打过|告知了|知道了|备案)|` +
      `${REL}(?:那边)?(?:我们)?(?:也|都)?(?:已经?)?(?:联系|通知|打)(?:了|过)`,
  },
  {
    id: 'tc.pronoun',
    // Not negated (「我们也不会找他要钱」「别告诉她」, blind-168): the negation sits inside the match's first word, so
    // the clause check (neg) does not see it. 「要不要告诉她」 is still the threat.
    re: '(?<![别没莫勿])(?<!(?:^|[^要])不)(?:就|会|要|将|便|马上|立刻|天天|每天|挨个|我|帮你|替你|只能|直接)(?:去)?(?:告诉|通知|打给|打电话给|联系|找)(?:他们|她们|她|他)(?![们]?(?:尽快|还|回|处理|赶紧|联系))',
    w: 0.4,
    to: ['debtor', 'unknown'],
  },
  {
    id: 'tc.publicise',
    re:
      '曝光(?!】|\\])|群发|(?:就|会|要|将|今晚|明天|马上|我们|帮你|给你)[^。，]{0,4}?(?:发|晒|贴)?朋友圈|我(?:就|可)?(?:发|晒|贴)朋友圈|朋友圈(?:曝光|公开|公布)|大字报|拉横幅|挂横幅|贴上[^。，]{0,4}?(?:欠款|照片|欠条|借条|身份证)|(?<!首页|页面|顶部|广告)横幅(?!广告)|村里广播|广播|贴(?:满|到|在|遍)|张贴|公开(?:你|您|他|她)|全部公开|公之于众|(?:全公司|全单位|全厂|全校|全村|全小区|全网|全镇)(?:范围)?(?:内)?(?:通报|公开|曝光|公示|宣传)|(?:去|到)[^。，]{0,8}?(?:宣传宣传|宣传一下|宣传|大喇叭|喇叭)(?!单|册|片|部|栏)|(?:信息|资料|照片|事情|丑事)(?:将|会|要|就)?(?:被)?(?:公开|公布)|' +
      '(?:发|贴|曝光|公布|传|进|挂)[^。，]{0,10}?(?:业主群|家长群|家族群|公司群|工作群|班级群|班群|同学群|村群|亲戚群|表白墙|贴吧|微博|抖音)|' +
      '(?:业主群|家长群|家族群|公司群|工作群|班级群|班群|同学群|村群|亲戚群|表白墙|贴吧|微博|抖音)[^。]{0,16}?(?:发|贴|曝光|公布|进得去|能进|挂|找到|里说)',
    w: 0.6,
    skipBefore: '【|\\[',
  },
  {
    id: 'tc.let_know',
    re:
      `让(?:你的?|他的?|她的?)?(?:们)?(?:大家|全公司|全村|全小区|领导同事|左邻右舍|全世界|全网|${REL})[^。]{0,8}?(?:知道|看看|看到|认识|评评理)|` +
      `(?:${REL}|全村|村里|大家|每个人)[^。，我咱]{0,6}?都(?:会|将|能)?(?:在[^。，]{1,5}?(?:上|里))?(?:知道|看得到|看得见|看到|看见)|` +
      `当着(?:你|您)(?:们)?的?${REL}|当着(?:你|您)?(?:们)?的?(?:全厂|全公司|全村|全校|全单位|全小区|店长|厂长)`,
    w: 0.4,
  },
  {
    id: 'tc.to_group',
    re: `(?:向|给|对)(?:你|您|他|她|其|贵司|贵公司)?(?:们)?(?:的)?(?:所在)?(?:授权的)?(?:所有|全部|全体)?(?:${REL}){1,2}[^。]{0,6}?(?:发送|发|打|通报|公开|告知|说明|曝光|群发|寄送|寄发)`,
    w: 0.4,
    // Session 20 (r46): a report that it was already done (「我们这边已按流程给你的紧急联系人发送了提醒短信，请知悉」, blind-141)
    // is collection only by the guide's settled rule (2026-12); escalation is what the other tc rules read.
    skipBefore: '已(?:经)?(?:按|依)(?:流程|规定|约定|合同)',
  },
  {
    // Session 18 (r44), blind-120: who will hear next (「接下来还会有谁接到电话你自己掂量」), the whole building or the neighbours
    // (「到时候整栋楼都会知道」), a spouse told by us (「如果您不希望他从我们这里知道」), and English
    // (「your family and colleagues 都会收到 reminder」「contact notification」).
    id: 'tc.who_hears',
    re:
      '(?:接下来|下一个|下次|以后)[^。，]{0,6}?(?:还会有谁|轮到谁|会是谁|是谁)[^。，]{0,4}?(?:接到|收到|知道)|' +
      '(?:整栋楼|整幢楼|整个楼|全楼|整个小区|左邻右舍|街坊邻居|邻居们)[^。，]{0,4}?(?:都)?(?:会|将|能)(?:知道|看到|看见)|' +
      '不希望(?:他|她)[^。，？]{0,8}?(?:从我们|从我这|由我们)[^。，？]{0,4}?(?:知道|得知)|contact notification|(?:family|colleagues|friends|contacts|boss|employer)[^。]{0,20}?(?:都会|会|will)[^。]{0,6}?(?:收到|receive|知道|know|be notified|be informed)',
    w: 0.5,
  },
  {
    // Further audiences and channels (blind-33/34, first sight): a firm's shareholders, partners or superiors
    // (「函告贵公司全体股东及合作方」), in-laws (「到他媳妇娘家去说」), other parents, a live stream or a post's comments,
    // the next photo unblurred, the address published, 「当着全家的面说」, a village called in 「做个见证」.
    id: 'tc.audience',
    re:
      // blind-36: a group that will add more people or post daily, a live stream, a recording played in the village.
      '(?:群里|群内|本群)[^。]{0,8}?(?:会|将|要)?(?:加入|拉入|拉进)|(?:拉入|拉进)(?:了)?(?:其|他|她|你)?的?(?:父母|同事|家人|亲戚|领导|前女友|前男友|朋友)|(?:群里|群内|本群)[^。]{0,8}?(?:每日|每天)(?:更新|公布|发)|' +
      '(?:直播间|粉丝群)[^。，]{0,6}?(?:刷屏|说你|发)|(?:作品|视频|动态|朋友圈|这条)(?:的)?(?:底下|下面)[^。，]{0,8}?(?:评论|贴|发|公布)|' +
      '(?:给|打给)(?:你|您)?(?:全家|家人|爸妈|父母|亲戚)(?:打)?(?:一轮|一遍|一圈)|(?:天天|每天|挨个)给(?:你|您)的?(?:奶奶|爷爷|外婆|姥姥|爸|妈|父母|爸妈|老婆|老公|家人|亲戚|同事|领导)打电话|' +
      '群里问问(?:大家|各位)|需要(?:你|您)?(?:的)?(?:单位)?(?:领导|老板|同事|家人|父母)(?:协助|配合)|发(?:你|您)?(?:的)?粉丝群|播放(?:你|您)的?(?:欠款|借款)|' +
      '(?:函告|通报|告知|通知|寄(?:送|给|到)?)[^。]{0,8}?(?:全体|所有)?(?:股东|合作方|合作伙伴|上级(?:主管)?(?:部门|单位)|主管部门|总部)|下一张不打码|不打码|' +
      '(?:发|贴|挂|晒|公开|公布)[^。，]{0,8}?(?:直播间|评论区|公屏|这条(?:动态|朋友圈)?下面)|当着(?:他们|你|他|她)?(?:的)?(?:全家|全村|大家|所有人|亲戚|邻居|家人|工友|同事|领导)的面(?:说|讲|念|骂|公布|曝光|读|(?:好好)?丢(?:丢|一下)?(?:人|脸))|' +
      '(?:媳妇|老婆|丈人|老丈人|岳父|岳母|婆家|娘家|亲家)[^。，]{0,4}?(?:去说|说说|说一说|讲讲|讲一讲|去讲)|(?:跟|和|给|让)(?:其他|别的|所有|全班)(?:的)?(?:家长|同学|老师|邻居|同事)[^。，]{0,4}?(?:讲|说|知道|看看)|' +
      '(?:地址|住址|单位|工作单位)[^。]{0,6}?(?:都|也|全)?(?:发出来|公布出来)|乐意(?:告诉|通知|转告)|做个见证|(?:在|到)(?:本|这个|这|你们?的?)群[^。，]{0,6}?(?:公开|公布|曝光|通报)',
    w: 0.5,
  },
  {
    id: 'tc.family_meet',
    // Talking to the family or the boss during a visit (d313): 跟叔叔阿姨聊聊, 找你爹唠唠, 请你家里人在家, 找你们包工头.
    re: `(?:拜访|看望|探望|看看|见见|见一见)${YOU}?的?(?:父母|爸妈|爹妈|家人|家里人|老婆|老公|妻子|丈夫|领导|老板)|(?:跟|和|向|找)${YOU}?(?:们)?(?:家)?的?(?:父母|爸妈|爹妈|爹|娘|老爹|老娘|家人|家里人|老婆|老公|妻子|丈夫|阿妈|阿爸|叔叔阿姨|老爷子|老太太|hr|人事|领导|老板|上司|包工头|工头)(?:当面)?(?:说|谈|讲|聊|唠|倾|反映|要钱|要|坐坐|结)|(?:爸妈|父母|家人|家里人|叔叔阿姨)[^。]{0,2}在家`,
    w: 0.3,
  },
];

const VISIT: RuleSpec[] = [
  {
    id: 'visit.shangmen',
    re: '上门(?!服务|安装|维修|取件|回收|打扫|送|安检|检修|收件|保洁|开锁|清洗|量|摄影|拍摄|拍照|体检|理发|剃)|登门|找上门',
    w: 0.4,
    // Session 23 (r58), blind-164: the borrower's question (「你们是不是要上门？」) and 「我们不上门的」 are no visit.
    skipBefore: '(?:是不是|会不会|要不要|是否)(?:要|会)?$|[不没]$',
  },
  { id: 'visit.waifang', re: '外访|家访|实地走访|走访|实地(?:核实|调查|拜访|催收|核访)|核访|外勤(?:人员|专员|组)|上门拜访|当面拜访|面访', w: 0.5 },
  // Session 15 (r40): collectors' field team coming to the reader is collection on its own (「明天外访组上门」, blind-95):
  // 外访 alone is also a state visit, 家访 a teacher's, and a company's 外访组 visits its own clients.
  { id: 'visit.waifang_team', re: '(?:外访|外勤)(?:组|人员|专员|团队|同事)[^。，？！]{0,8}?(?:上门|(?:到|去|找|来)(?:你|您)(?!们)|(?:你|您)(?:家|单位|公司|老家|户籍地|小区))', w: 0.5 },
  { id: 'visit.found_address', re: `(?:查到|找到|摸到|知道|拿到)(?:了)?${YOU}[^。，]{0,8}?(?:地址|住址|住处|住哪)[^。]{0,12}?(?:过去|过来|上门|去找|来找)`, w: 0.3 },
  {
    id: 'visit.go_to',
    re: `(?:去|到|来|过去|前往|到达|抵达|赶到|杀到|奔|赴|找到|找去|堵|上(?=${ANY3}))(?:${ANY3}(?:们)?)?(?:的)?(?:爸妈|父母|亲戚|老婆|对象)?(?:的)?(?:住的|所在的|租的|租住的|工作的|上班的|现)?(?:所在地|户籍所在地)?(?:及)?${PLACE}`,
    w: 0.3,
    // Session 16 (r41): 「来家里吃顿饭」 asks the reader over (blind-105); 「去你家坐坐」 stays a veiled visit.
    reject: '到期|来电|到家了|去公司上班|^来家里?$',
    // 寄…到你店里 (session 14, r39: 「寄了个花圈到你店里」): what is mailed arrives, nobody visits.
    // 「人品差到家了」 is an idiom (session 23, blind-160).
    // Session 24 (r60), blind-172: 「丢人丢到家」 is the same idiom, and what is reported to a village committee (「已经报到你们
    // 村委会了」) is a report, not a visit.
    skipBefore: `${SENT_BEFORE}|(?:函件|邮件|材料|文件|通知书)|[差坏蠢烂笨糟透傻丑穷抠懒丢]$|(?:报|反映|反馈|汇报|举报|上报)$`,
  },
  {
    // Round 3 (blind-114): posters put up where the debtor lives (「在您居住的小区各单元门口张贴催收公告」), the next visit
    // promised (「…下次去就不是看看那么简单了」).
    id: 'visit.posted_again',
    re: '在(?:你|您)(?:们)?(?:的)?(?:居住|住|所在|租住)的(?:小区|村|楼)[^。，]{0,8}?(?:张贴|贴|挂|拉横幅)|下次(?:再)?(?:去|来)(?:就)?不是',
    w: 0.3,
  },
  {
    // Session 17 (r43), blind-113/115: going to where the debtor is to find them (「坐车去你上班的那个厂里找你」「下周六我带人去
    // 你那个修车铺」), Cantonese 揾你, and English (「visit 您的 home address」).
    id: 'visit.seek',
    re:
      `(?:去|到|来)${YOU}(?:们)?[^。，]{0,10}?(?:厂|公司|单位|家|店|铺|学校|宿舍|老家|村|工地|小区|公寓)(?:里|门口|楼下)?[，,]?(?:在楼下)?(?:找|堵|等)${YOU}(?![妈爸们家的]|领导|老板|老婆|老公|吃|玩|喝|聚)|` +
      `带人(?:去|到|来)${YOU}(?:那个|那|这个)?[^。，]{0,4}?(?:铺|店|厂|公司|单位|家)|揾(?:你|您)|` +
      // Session 18 (r44), blind-120: 「明天下午我去你上班的那家奶茶店，当面问问你老板」.
      `(?:去|到)${YOU}(?:上班|打工|工作|住)的(?:那家|那个|那)?[^。，]{0,6}?(?:厂|公司|单位|店|铺|工地|地方|小区)|(?:去|到|来)${YOU}(?:的)?(?:office|company|home|house)(?:找)?|` +
      '(?:visit|come to|go to|be at|show up at|knock on)[^。，]{0,12}?(?:your|您的|你的)[^。，]{0,4}?(?:home|house|office|company|door|address|家|公司|单位)',
    w: 0.3,
    skipBefore: SENT_BEFORE,
  },
  // Not the reader at their own place (「让你在你们公司待不下去」「你在你们单位丢人」, blind-172); 「帮你在你们小区…」 is ours.
  { id: 'visit.already_there', re: `(?<!(?:^|[^帮替给])(?:你|您))(?:在|到了|已经到|已到|就在|蹲在|守在|等在)${YOU}(?:们)?的?${PLACE}(?![^。，]{0,3}群)`, w: 0.3 },
  { id: 'visit.find_you', re: '(?:过去|过来|上门|亲自|直接)找(?:你|您)|去(?:找|抓)(?:你|您)|(?:上门|家里)抓人', w: 0.3 },
  // Session 21 (r47), blind-144: collectors already at the door or asking the way (「这几天一直敲门没人开」「谁知道他家是哪户」);
  // session 22 (r52), blind-154: guarding the reader's door (「天天守你家门口」, not a story's 「堵在他家门口」).
  // Session 23 (r54), blind-157: 「灯亮着呢 别装不在家」, and a trip to the address on file (「去您合同上留的那个住址走一趟」).
  { id: 'visit.at_door', re: '(?:别|不要|少)(?:给我)?装(?:作)?不在家|(?:到|去)(?:你|您)[^。，]{0,12}?(?:住址|地址|住处|家里?)(?:走一趟|跑一趟)|(?:守|堵|蹲)(?:在)?(?:你|您)(?:家|公司|单位)(?:门口|楼下)|(?:一直|天天|每天|几次|多次|去|来)敲(?:了)?(?:你|他|她)?(?:家)?(?:的)?门|(?:他|她)家(?:是|在)哪(?:户|家|栋|间)', w: 0.3 },
  {
    id: 'visit.our_people',
    re: '(?:派人|我们的人|我们的同事|我们同事|兄弟们|我们的外访(?:人员)?|我们的工作人员)[^。]{0,8}?(?:会|将|就)?(?:准时|马上|直接)?(?:到|过来|过去|上门|登门|来找你|去找你)',
    w: 0.3,
  },
  {
    id: 'visit.call_on',
    re: `(?:去|来|上门|登门|过去|前往)(?:拜访|看望|探望|见见|见一见|找)(?:一下)?${YOU}?(?:的)?(?:爸妈|父母|爹妈|家人|家里人|老婆|老公|妻子|丈夫|孩子|领导|老板|同事)`,
    w: 0.3,
  },
  {
    id: 'visit.posters',
    re:
      '贴(?:满|到|在|遍)(?:你|您|他|她)?(?:们)?(?:的)?(?:小区|村|村口|单位|公司|学校|楼道|家门口|老家)|' +
      '(?:在|到|通过)(?:你|您|他|她)?(?:们)?(?:的)?(?:所在的?)?(?:小区|社区|村委会|村委|村口|村里|单位|公司|学校|楼道|家门口|老家)[^。，]{0,4}?(?:张贴|贴(?!吧)|挂|拉横幅)|' +
      // Session 23 (r55), blind-161: 「明天你们村里每根电线杆上都会贴上你的照片」 (the guide's d044: posters where the borrower lives).
      '(?:你|您)们?(?:的)?(?:小区|村里|村口|楼道|老家)[^。，]{0,8}?(?:张贴|贴(?!吧)|挂满|拉横幅)|' +
      // Session 23 (r56), blind-160: 「下周法院就过来查封你那套房子」.
      '(?:过来|过去|上门|到(?:你|您)家)(?:查封|贴封条|搬东西|清点)',
    w: 0.3,
  },
];

/** 「长得挺…」 before a word for looks (COERCE: a wife or a daughter looked over). */
const LOOKS = '(?:长得|长的)(?:挺|很|真|还挺|还)?';

/**
 * The sender says THEY will make the debtor sell themselves, jump or drink (「你不卖我们帮你卖」「你不跳我们帮你一把」
 * 「看着你喝」「人我们带过去」), or threatens sex against the debtor or a relative (「陪我们哥几个开心开心」「去找她玩玩」
 * 「点你的台」). The labelling convention gives these threat_violence and insult; one pattern serves both rules
 * (viol.coerce, ins.coerce). blind-33/34 had 9 at first sight, and the lexicon read 2.
 */
const COERCE =
  '不(?:去)?(?:跳|卖|喝)(?:的话)?[，, ]?(?:我们|我|兄弟们?|哥几个)(?:就)?(?:帮|替|陪|带|送)你|不去[，, ]?(?:我们|我)[^。，]{0,4}?(?:带|押|拉|送)你(?:去)?|' +
  '我们(?:来)?(?:帮|替)你(?:卖|跳|联系(?:个|好)?(?:地方|场子|夜场|会所)|安排(?:个|好)?(?:地方|场子))|人我们(?:带|送)(?:过去|走)|人我们来接|看着你(?:喝|跳)|' +
  // Session 15 (r40): 「我帮你把肾卖了」「不还就把你卖去坐台」 (blind-95): the sender will make it happen.
  '(?:我们|我|老子|哥几个|兄弟们?)(?:就|来)?(?:帮|替)你(?:把)?(?:肾|器官|眼角膜|血|腰子)(?:给)?卖(?:了|掉)|把你(?:给)?(?:卖|送)(?:去|到)(?:坐台|夜场|会所|缅甸|黑煤窑|园区|做鸭|当小姐)|' +
  '(?:陪|让)(?:哥哥|哥|我|我们|哥几个|我们哥几个|兄弟们?|老板)[^。，]{0,3}?(?:睡|玩玩|开心开心|乐呵|快活)|(?:找|陪)(?:她|你|你老婆|你媳妇|你妹|你女儿|你闺女)玩玩|(?:找|陪)(?:你老婆|你媳妇|你妹|你女朋友)喝(?:点|两杯|几杯|酒)|点(?:你|她)的台|陪客人|' +
  // Session 17 (r43), blind-113/115: 「兄弟几个轮流陪你过夜」「我们几个兄弟早就看上你了」「让她「自愿」」, and organs the sender will
  // sell (「你身上的零件值不少钱」「帮你把肾噶了换钱」).
  '(?:兄弟|哥)(?:几个|们)(?:都)?(?:轮流)?(?:陪|伺候)(?:你|她)(?:过夜|睡|一晚)|轮流(?:陪|伺候)(?:你|她)|(?:几个兄弟|兄弟们|兄弟几个|哥几个)[^。，]{0,4}?(?:想认识认识|想认识一下|看上)(?:你|她)|' +
  '让(?:她|你老婆|你媳妇|你女儿)[“"「『]?自愿|(?:你)?身上的零件|' +
  // Round 3 (blind-114): the debtor taken to a club (「把你“请”过去坐台」), a daughter or wife looked over.
  '把(?:你|她)[“"「『]?(?:请|带|拉|押|接|送)[”"」』]?(?:过去|去|到)[^。，]{0,4}?(?:坐台|陪酒)|' +
  // Session 18 (r44), blind-120: 「有人接你过去陪酒，不去也得去」「我们就替你安排，地址我都选好了」.
  // Session 18 (r44), blind-124: 「把你的号码挂到那种网站上，说你提供特殊服务」「去卖肾，我们有渠道」「你老婆长得挺漂亮的」.
  `(?:提供|做)特殊服务|(?:挂|发)到[^。，]{0,6}?(?:那种|色情|黄色)(?:网站|群)|(?:卖肾|卖血|卖器官|卖身)[^。]{0,4}?我们有(?:渠道|门路|人)|(?:老婆|媳妇|女朋友)${LOOKS}(?:漂亮|好看)|` +
  '不去也得去|(?:帮|替)你安排(?=[，。！,]|$)|场子[^。，]{0,8}?(?:联系好|找好|安排好)|有人接你(?:过去)?(?:陪酒|坐台|上班)|' +
  `(?:女儿|闺女|老婆|媳妇)[^。]{0,12}?${LOOKS}(?:水灵|标致)|` + '(?:你|您)(?:长得|长的)还(?:不错|挺漂亮)|(?:帮|替)你(?:把)?(?:肾|器官|眼角膜|腰子)(?:给)?(?:噶|割|摘)(?:了|掉)';

/** Funeral things (the labelling convention: sent or promised, a veiled death threat): viol.funeral, viol.funeral_sent. */
const FUNERAL_PROPS = '寿衣|花圈|冥币|纸钱|棺材|骨灰盒|挽联';

const VIOLENCE: RuleSpec[] = [
  {
    // Harm said with a euphemism in curly or corner scare quotes (跟他“聊聊”, 里面有人“照顾”你; ASCII quotes are gone after
    // normalisation), punishment idioms (长点记性, 挨收拾, 送你上路, 喊救命; not 欠收拾, an insult) and a body part taken as
    // payment (拿手来抵, 手我们要定了): blind-33/34 at first sight. Session 15 (r40): 让你生不如死 (blind-91).
    id: 'viol.euphemism',
    re:
      '[“"「『‘\'](?:聊聊|聊一聊|谈谈|谈一谈|谈|照顾|关照|招待|问候|伺候|教育|收拾|沟通|交流|坐坐|喝茶|玩玩|陪陪)[”"」』’\']|长(?:点|长|一点)记性|(?:挨|等着)收拾|' +
      '送(?:你|他|她)上路|上西天|见阎王|喊救命|(?:让|叫)(?:你|他|她|你们)(?:全家)?(?:都)?(?:过得|活得)?生不如死|(?:手|腿|胳膊|命|手指)[^。，]{0,3}?(?:我们|老子)?要定了|拿(?:手|腿|胳膊|命|手指)(?:来)?抵|经(?:得|不)起折腾|折腾(?:得起|不起)',
  },
  { id: 'viol.coerce', re: COERCE },
  {
    id: 'viol.careful',
    re:
      '(?:小心|当心)(?:你|您|他|她|你们|点|一点|你家|家人|孩子|身体|安全|腿|手|命|你的|他的|她的)|走夜路|锁好门|一个人出门|出门(?:注意|小心|看着点|当心|留神)|' +
      // Session 22 (r50), blind-152: 「我不保证我手下那几个小伙子会干出什么事来」.
      '(?:不保证|保不准|难保|说不准|不敢保证)[^。，]{0,12}?(?:会)?(?:干出|做出)(?:点)?(?:什么)?(?:事|事情)|(?:别|不要|少|最好别)(?:一个人|单独)(?:回家|出门|走|下班|在家)|' +
      // Session 15 (r40): the family's safety as the price (「要是想让家人平平安安的，就别再拖了」, 「家人的安全我们无法保证」;
      // blind-63's even half after the retrain, blind-92).
      '(?:想|要)(?:让)?(?:你的?)?(?:家人|家里人|孩子|老婆|老公|父母|爸妈|一家(?:人)?|全家)(?:都)?(?:平平安安|平安|安安全全)|(?:家人|家里人|孩子|老婆|老公|父母|爸妈|全家)(?:的)?(?:人身)?安全(?:我们|就|可|也){0,2}(?:无法|不能|没法|不敢|不好)保证',
    skipBefore: '(?:来往|打交道|接触|交往|借钱给他|借钱给她)的?(?:人)?(?:都)?',
  },
  {
    id: 'viol.harm',
    re:
      '打断(?:你|他|她)?的?(?:狗)?(?:腿|手|脚)|(?<![秒抢])杀(?:了)?(?:你|他|她)(?:全家|一家)?(?!一刀|的价|个片|[a-z])|杀(?:你)?全家|灭(?:你)?(?:全家|满门)|断(?:你|他)?(?:一条)?(?:腿|手)|卸(?:你|他)?(?:一条)?(?:腿|胳膊)|废了(?:你|他|她)|弄死|整死|搞死|砍(?:死|你|他)|捅(?:死|你|他)|' +
      '打死(?:你|他|她)|打残|打(?:你|他)一顿|揍(?:你|他)|收拾(?:你|他|她)|教训(?:你|他|她)|让(?:你|他)(?:住院|躺着|进医院|见血|好看)|站着还(?:还是|或者|要么)躺着还|' +
      '拿命(?:来)?还|要(?:你|他)(?:的)?命|命(?:不想要|别要)|(?<![妈爸爷奶婆娘儿女人病])(?:住院(?!费|押金|手续)|住医院|进医院|躺医院)|icu|缺胳膊少腿|断手断脚|' +
      '(?:泼|淋|洒)(?:你|他|她)?(?:一脸|一身|一门)?(?:硫酸|红油|镪水|油漆|汽油|粪)|砸(?:门|窗|车|店)|扔(?:到|进|在)?(?:江|河|海)里|动起手|知道什么叫(?:疼|痛)|(?:别想|不能|没法)(?:完整|囫囵|全须全尾|好好)(?:地)?(?:回|走|出)|(?:手|腿|胳膊)[^。，]{0,4}?(?:别想|不想|甭想)(?:再)?(?:用|要)了|(?:腿|手|腿脚|胳膊)(?:还)?(?:利索|好使|能用|有用)(?:不|吗|么|吧|没)|(?:手|腿|命|胳膊)是不是不想要|硫酸|一把火|烧(?:了|掉)?(?:你|他)?(?:的|家的)?(?:车|房|家|店)|放火|砸(?:了|烂|碎)?(?:你|你家|你的)(?:家|门|车|店|窗)?|(?:家|门|车|店|窗)[^。，]{0,2}砸|' +
      '(?<!(?:是不是|是否|有没有|怕|担心|以为|以便|以防|防止|避免|预防)(?:你|您|他|她|人)?|我(?:这边|这里|家里|家)?|没|没有)(?:出了?|发生)(?:点)?(?:什么)?(?:意外|事)(?!时)|扇(?:你|他|她)(?:几|两|一)?(?:个)?(?:耳光|巴掌|嘴巴)?|大嘴巴子|(?:来|见)一个打一个|(?:吃点|吃吃|尝尝|吃)苦头|带(?:点|着)伤|(?:还钱|还债)(?:还是|不)(?:还命|偿命)|着了?火|失火|起火|老骨头|经不经得起|弄(?:你|他|她)(?!的)|整(?:死|残)?(?:你|他)(?!的)|' +
      '(?:见|碰到|遇到|看到|见到|撞见)(?:你)?一次打(?:你)?一次|(?:我们的人|有人|兄弟们)(?:每天|天天|一直|24小时)(?:都)?(?:跟着|盯着)(?:你)?|让你(?:真)?死(?:一次|一回)|(?:楼上|楼顶|几楼|六楼|七楼|八楼)?摔下来|扔(?:在|到|进)(?:江|河|海)(?:边|里)?|受不得惊吓|血债血偿|斩(?:你|死你|佢)|(?:腿|手|胳膊)[^。，]{0,4}?(?:撅折|掰断|砍断|敲断|弄断)|能砸的|(?:一桶|红)油漆|(?:玻璃|窗户|窗|门|车窗)[^。，]{0,4}?(?:碎|砸)|(?:弄|整|搞|打)不死(?:你|他)|找(?:几个|一帮|一群|些)?(?:兄弟|人)(?:去|来|到)|经不起折腾|经不住折腾|(?:腿|手|胳膊)[^。，]{0,4}?(?:打折|打断|打残|卸了)|知道厉害|有你好看|有你好受|有你受的|有你好果子吃|横着(?:出来|出去|回去|进来)|(?:小卖部|店|铺子|生意|摊子|摊位)[^。，]{0,4}?(?:别想开|开不下去|别开了|开不成|别想做)|被人(?:打|揍|砍|捅|堵)|(?:最好|还是)别出门|出门最好|保镖|人身安全|断胳膊|断腿|卸你|弄残|砍死|剁了|' +
      '打(?:你|他)(?:一顿|一次|个半死)|说到做到|不是动嘴|动手|见血|血的代价|' +
      '(?:手|腿|胳膊|命|脸|窗户|玻璃|家门|车|店)(?:也就|也|就)?(?:别想要|保不住|不想要|别要了|不要了)|吃不了兜着走|下手(?:狠|重|没轻没重|不知轻重)|别怪(?:我们|我)?下手|等着(?:被)?(?:打|挨打|挨揍|收尸)|被打|挨打|' +
      '(?:车|车子|轮胎|车胎|玻璃|门锁|店)[^。，]{0,6}?(?:扎了|划了|砸了|烧了|被扎|被划|被砸|被烧)|(?:扎|划|砸|烧|泼)[^。，]{0,3}?(?:可|就|也)?别怪(?:我|我们)|(?:还在不在|在不在)(?:就|都)?(?:不好说|难说)|(?:车|车子)[^。，]{0,8}?(?:不用开了|开不了了|回不来了)|(?:牙|牙齿)[^。，]{0,6}?(?:敲|打)(?:下来|掉|碎)|(?:去|进)医院躺|手脚不健全|(?:打|揍)(?:你|他|她)?一顿|(?:我们)?(?:几个)?(?:哥们儿?|兄弟们?)(?:随时)?(?:有空|伺候你|陪你玩)|不讲(?:法律|王法)|(?:不太|不)安全(?:啊|吧|哦|呢)|(?:挺|很|多|太)危险(?:的)?|摔(?:一)?跤|受(?:不得|了)?惊(?:吓)?|黑灯瞎火|伤着(?:谁|你|人)|(?:扔|推)下(?:去|楼)|保不齐|别想(?:安生|好过|安宁)|找人(?:去|来)?(?:打|收拾|弄|废|砍|教训)',
  },
  {
    // Veiled threats and the 打断…腿 family (which 找人打 can swallow inside viol.harm).
    id: 'viol.veiled',
    re: '带(?:着|上)?(?:家伙|刀|棍子|砍刀)|(?:买|备|磨|准备)(?:好|了)了?(?:刀|砍刀|棍子|家伙|钢管)|套麻袋|不怕(?:再)?进去|刚(?:放)?出来的|(?:玻璃|窗户|门|车)[^。，]{0,4}?(?:不结实|不经砸|挺结实|结实吗|结不结实)|(?:孩子|儿子|女儿|小孩|闺女)[^。，]{0,4}?(?:挺|真|很|长得)(?:可爱|漂亮|乖)|抄家伙|打断(?:你|他|她)?的?(?:狗)?(?:腿|手|脚)|(?:手指头?|手|腿|胳膊|命|店|小卖部|摊子|生意)(?:还)?(?:想要|想不想要|要不要|想不想开|还开不开)|让(?:你|您)(?:在(?!(?:你们?|您们?)?的?(?:公司|单位|厂|工厂|学校|店里|岗位|部门))[^。，]{0,8})?(?:待不下去|混不下去|活不下去|没法活)|(?:注意|当心)(?:点|一点|(?:你|您)(?:的|家人的?)?(?:人身)?安全|安全了)|安全(?:你)?自己(?:负责|保重|掂量)|保障(?:好)?(?:您|你)?(?:自身|自己)?(?:及|和)?(?:家人)?的?(?:人身)?安全|无法保证[^。]{0,10}?(?:人员)?的?(?:行为|安全)|不保证(?:会)?(?:干|做)出',
  },
  {
    // Session 17 (r43), blind-113/115: harm veiled in a long letter: safety not guaranteed (「我不保证你 safe」), a wife's
    // childbirth as the price (「想让她安安稳稳生下来」), another debtor's injury as an example (「之前有个客户…胳膊骨折住了半个月
    // 院」), an "accident" to avoid (「以免…发生误伤」「不小心摔伤」), what cannot be undone (「有些事情一旦发生就没法挽回」), the
    // child's timetable (「您女儿…每週六下午在文化宮上課對吧」), 「不给钱就砸」「绑电线杆上」「拿命填」, English (「we know where you live」).
    id: 'viol.veiled_letter',
    re:
      '(?:不|没法|无法|不能|不敢)保证(?:你|您)(?:和(?:你|您)?(?:的)?家人)?(?:的)?(?:人身)?(?:安全|safe)|' +
      '(?:想|要)(?:让)?(?:她|他|孩子|你老婆|你媳妇|老婆|媳妇|你家人|家人)[^。，]{0,6}?(?:安安稳稳|平平安安|顺顺利利)|' +
      '(?:之前|上次|以前|前段时间|上个月|去年)(?:也)?有(?:个|一个|位)?(?:借款人|客户|欠款人|老赖|人|用户)[^。]{0,24}?(?:骨折|住院|摔伤|受伤|断了|出事|进了医院|进医院)|' +
      '(?:以免|避免|防止|免得)[^。，]{0,12}?(?:误伤|受伤|磕着碰着|磕碰|伤着)|不小心(?:摔伤|摔断|受伤|磕着|碰着|摔了)|' +
      '(?:一旦|万一)发生(?:了)?[^。，]{0,4}?(?:没法|无法|不能|很难)挽回|有些事(?:情)?一旦发生|' +
      '(?:女儿|儿子|孩子|小孩|闺女)[^。]{0,14}?(?:每周|每天|周[一二三四五六日末]|星期[一二三四五六日天]|几点)[^。]{0,10}?(?:上课|放学|上学|补习|练琴|学琴|兴趣班)|' +
      '(?:不给钱|不还钱|不还)(?:就|我就)砸|绑(?:在)?电线杆|拿命(?:来)?(?:填|抵|偿|换)|(?:带|拿)着?(?:铁棍|钢管|棍子)(?:去|来|过去|过来|上门)|' +
      'know where you live|watch your back|your safety|get hurt|' +
      // Round 3 (blind-114): 「旧窗户能不能撑过年就不好说了」「我不动你，我动他」「门要是不开，我们就自己想办法开」.
      '能不能(?:撑|保|留)[^。，]{0,6}?(?:就)?(?:不好说|难说)|我不动你[，, ]?我动(?:他|她|你)|(?:自己|我们)想办法(?:把门)?(?:打)?开|门(?:要是)?不开[^。]{0,8}?(?:砸|撬|踹)|' +
      // Session 18 (r44), blind-120: the body's fate told as an idiom (「那双手以后能不能再拿筷子…我可不敢保证」「别想全须全尾地过这个年」
      // 「没有一个是囫囵个回去的」「上一个…现在还拄着拐」「扒你一层皮」), harm to the family (「别逼我们对他家人下手」「连她一起收拾」),
      // 「让你尝尝赖账的滋味」「别拿自己的身体开玩笑」, an organ taken (「带你去黑诊所摘一个」), and 「可就不是发信息这么客气」.
      '(?:双手|手|腿|胳膊|眼睛)[^。]{0,16}?(?:我|我们)?(?:可|就|也)?(?:不敢|没法|无法|不能)保证|全须全尾|囫囵个|拄着?拐|扒(?:你|他|她)?(?:一)?层皮|' +
      '(?:对|冲)(?:他|她|你)?(?:的)?(?:家人|家里人|老婆|媳妇|孩子|父母|爸妈|女儿|儿子)下手|(?:一起|一块|一并|顺便)收拾|尝尝[^。，]{0,6}?(?:的)?滋味|(?:别|不要)拿(?:自己的?|你的?)?(?:身体|命|小命|腿|手)开玩笑|' +
      '(?:晚上)?下班(?:挺|很|比较|那么)晚(?:的)?吧|(?:知道|晓得)(?:你|您)一个人(?:在[^。，]{0,4})?(?:租房|住)|(?:都是|是)(?:退伍军人|练家子|练过的|坐过牢的)|' +
      '黑诊所|摘(?:你)?(?:一个|一颗|个)(?:肾|腰子)?(?=[，。！,]|$)|(?:就|可就|可)不是[^。，]{0,10}?(?:这么|那么|这样)客气',
  },
  {
    id: 'viol.watching',
    re: '知道(?:你|您)(?:们)?(?:家)?(?:住(?:在)?哪|几点(?:去)?接(?:孩子|小孩|儿子|女儿)|家在哪|住址|的住址)|(?:住(?:在)?几楼|住哪|住址|家在哪)[^。，]{0,6}?(?:都|全)?(?:摸清|知道|清楚|掌握|查到)|(?:孩子|儿子|女儿)在哪(?:上学|读书|上班)|(?:孩子|儿子|女儿|小孩|老婆|老公|家人|父母|爸妈)[^。]{0,8}?(?:学校|幼儿园|单位|地址|住哪|在哪)[^。]{0,8}?(?:都|全)?(?<!会|将)(?:知道|清楚|掌握|查到)|几点(?:出|进|离开|到)?(?:放学|下班|上班|出门|回家|上学|幼儿园|学校|家门)|(?:你|他|她)在哪(?:个)?(?:学校|小区|单位)(?:上学|上班|住)?[^。]{0,3}?我(?:们)?(?:都)?知道|(?:小学|中学|幼儿园|学校)[^。]{0,12}?(?:\\d+|[一二三四五六七八九十两]+)点(?:半|\\d+分?)?放学|(?:孩子|儿子|女儿|小孩|老婆|老公|家人|父母|爸妈|老人)[^。]{0,16}?(?:拍下来了|拍到了|都拍了|盯着呢|跟了几天|一清二楚|清清楚楚)|(?:每天|天天)[^。]{0,8}?(?:放学|下班|上学|接送|出门)[^。]{0,10}?(?:清楚|知道|掌握)',
  },
  {
    // Harm told as what the body will suffer ("下个月起不来床", "让你站不起来", "活不过这个年", "身上少一块",
    // "尝尝疼是什么滋味"), tools sent or brought (刀片), a door kicked in, a child "picked up": a family the
    // session-5 written batches (blind-8, blind-9) missed at first sight; none of these words is about money.
    // Funeral things sent or promised (the guide's convention for a veiled death threat; only read in a collection message).
    id: 'viol.funeral',
    re: `${FUNERAL_PROPS}|遗像|灵堂|丧葬费`,
  },
  {
    // Funeral things sent to the recipient or made out in their name (「快递给你寄了点冥币」「挽联，上面写的是你的名字」
    // 「寿衣尺码我按你身份证上的身高买的」): a death threat that needs no debt word, so it anchors collection
    // (classify.ts ANCHOR_RULES), as the blind writers and the real corpus label it. blind-42/43 after their first sight.
    id: 'viol.funeral_sent',
    re:
      `(?:寄|送|给)了?(?:给)?(?:你|您|你家|您家)[^。]{0,10}?(?:${FUNERAL_PROPS})|` +
      // Session 14 (r39): 「寄了个花圈到你店里」 (blind-82): the props first, then where they went.
      `(?:寄|送|快递)了(?:个|一个|几个|点|些|一些|一束|一套)?(?:${FUNERAL_PROPS})[^。]{0,6}?(?:到|给)(?:你|您)` +
      '|' +
      // Session 15 (r40): the props, then whom they go to (「冥币给你寄到家了」「花圈明天送你家」, blind-95).
      `(?:${FUNERAL_PROPS})[^。，]{0,8}?(?:(?:给|帮)(?:你|您)[^。，]{0,3}?(?:寄|送|快递)(?:到|去|过去)?|(?:寄|送|快递)(?:到|去)?(?:你|您)(?:家|店|单位|公司|门口|那))` +
      '|' +
      `(?:${FUNERAL_PROPS})[^。]{0,12}?(?:(?:帮|替|给)(?:你|您)(?:订|买|选|问|准备|烧)好|(?:写|印)(?:的是|着)(?:你|您)的名字|(?:按|照)(?:你|您)的?(?:身份证|身高|尺码))`,
    // Enough with viol.funeral to outweigh veto.bill's 快递 (the props come by courier).
    w: 1.2,
  },
  {
    id: 'viol.body',
    re: '(?:起不来|下不了|下不来)床|(?:让|叫|保证)(?:你|他|她)[^。，]{0,6}?(?:站不起来|直不起腰|爬着(?:出去|回去|回家))|这辈子站不起来|活不过(?:这个|今|明)?年|活不到(?:明天|明年|过年)|看不到明天的太阳|(?:身上|手上|脸上)(?:哪里|哪儿)?少(?:一)?块|(?:尝尝|知道)(?:疼|痛)(?:是什么|的)?(?:滋味)?|(?:收到|寄|送)[^。，]{0,4}?(?:刀片|子弹)|削(?:你|死你|他|她)|把(?:你家|你的)?(?:门|大门|锁)[^。，]{0,3}?(?:踹|撬|卸)|(?:踹|撬|卸)(?:了|开|掉)?(?:你家的?|你的)?(?:门|大门|门锁)|(?:接|带走)(?:一下)?(?:你)?(?:儿子|女儿|孩子|小孩|闺女)(?:好不好|怎么样|玩玩|聊聊)|(?:跟|找)(?:你)?(?:儿子|女儿|孩子|小孩)聊聊',
  },
];

const INSULT: RuleSpec[] = [
  {
    id: 'ins.laolai',
    re: '老赖|老濑',
    w: 0.6,
    skipBefore: '列为|列入|成为|变成|俗称|叫做|认定为|所谓|称为|沦为|当|做|曝光一批|一批|所谓的|俗称的',
  },
  {
    id: 'ins.words',
    // 日你 (a curse) not after a day word: 「截止今日你已逾期」「还款日你」 are templates' dates (r37, a real template).
    re:
      '骗子|诈骗犯|老不死|狗命|是个什么东西|贼娃子|狗东西|老东西|扑街|王八羔子|他娘的|你娘的|聋了|瞎了|浪费空气|去卖|还是人吗|还算人吗|是死了吗|死了没|装孙子|活该|遗照|人品太差|人品很差|人品不行|不要碧莲|贱骨头|下三滥|烂人|烂仔|无耻|死光|全家死|你妈死|傻子|蠢|人品极差|人品差|人品败坏|满嘴谎话|满口谎言|没有人品|狗腿|狗日|狗杂种|狗娘养|杂种|畜生|畜牲|禽兽|王八蛋|王八|龟孙|龟儿子|缩头乌龟|混蛋|贱人|贱货|贱种|婊子|骚货|人渣|败类|' +
      '垃圾(?!短信|分类|桶|邮件|电话)|废物|废柴|窝囊废|蠢货|蠢猪|猪狗不如|无赖|瘪三|孬种|白眼狼|(?<!里外|外都|两头)不是人|穷鬼|穷逼|屌丝|' +
      '傻逼|傻b|傻x|煞笔|沙雕|傻叉|二逼|脑残|智障|神经病|脑子有病|有病吧|滚蛋|给我滚|滚犊子|' +
      '不要脸|要点脸|要(?:点|一点)?(?:儿)?脸(?:行不行|好不好|吧)|品行(?:低劣|恶劣|极差|败坏)|(?:跟|像)(?:个|只)?鸡一样|没脸没皮|有脸活|还有脸|丢人现眼|活着干嘛|活着有什么用|去死|死全家|全家死|不得好死|断子绝孙|被车撞|天打雷劈|' +
      '他妈的|特么|tm的|尼玛|你妈的(?!意思|病|身体|生日|手术|意见|想法|事|电话|手机|号码|微信|号)|卧槽|操你|草你|(?<![今昨明次当每近节生作某之期款前本该同翌即周礼拜听])日你|草泥马|草拟吗|草拟马|你麻痹|麻痹的|妈卖批|妈了个|沙比|煞比|撒比|傻缺|傻屌|丢你老母|叼你老母|叼你妈|瓜皮|瓜娃子|(?:你|您)(?:个)?龟儿(?!子)|猪脑子|二百五|狗屎|杂碎|鳖孙|熊样|怂样|孙子样|算(?:个)?什么东西|他喵的|他奶奶的|你奶奶的|丢人玩意|狗玩意|什么玩意|(?:是|你)个狗(?![^。，]{0,2}(?:仔|粮|窝))|瘪犊子|兔崽子|狗崽子|癞皮狗|赖皮狗|' +
      '黑白照|(?:欠钱|欠债|不还钱|赖账)的狗|(?:败家|不还钱|借钱不还|不要脸|赖账)的?玩意|关我屁事|关我鸟事|还是个人吗|还算个人吗|人模狗样|曰你妈|日你妈|丢雷老母|屌你老母|屌毛|收皮|泥马|生(?:块|嚿)叉烧|辣鸡|菜鸡|赖子|奇葩|什么货色|啥货色|丑八怪|丑样|这种人(?:也配|还配|也敢用)|也配当|你妈生你|生你(?:这种|有什么用)|教出(?:你)?这种|(?:不还|不要脸|下贱|无耻|缺德|没良心|死皮赖脸|赖账)的东西',
    w: 0.5,
    // Session 23 (r56), blind-160: negation only right before the word (「你不是废物」); a 没有 earlier in the clause is the
    // borrower's reply (「没有你去卖血啊 废物」). And not someone else called a scammer (「那个是骗子 真正的法院不会…」).
    neg: false,
    skipBefore: '(?:(?<!是)不是|并不是|并非|不算|(?:那|这)(?:个|些)?(?:人|都)?是|他们(?:都)?是|对方(?:才)?是)(?:一?个)?$',
  },
  {
    // Insults without a swear word: the debtor likened to vermin or to an animal, or "worse than" one
    // (寄生虫, 臭虫, 软骨头, 连乞丐都不如, 躲得跟老鼠一样). A family in blind-6 and the training sets, every one an insult there.
    id: 'ins.vermin',
    re: '寄生虫|臭虫|蛀虫|吸血虫|怂包|软骨头|软蛋|(?:猪|狗|乞丐|畜生|老鼠)都不如|不如(?:猪|狗|乞丐|畜生)|(?:像|跟)(?:个|只|条)?(?:老鼠|乌龟|臭虫|狗)(?:一样|似的)',
    w: 0.5,
  },
  // Sexual humiliation, and telling the borrower to sell their body or organs or to kill themselves: how real
  // collectors demean (news and judgments on 软暴力 quote 「去陪酒」「肉偿」「去卖肾」「跳楼吧」), a family the written
  // corpora had almost none of. Only read in a collection message, like every label rule.
  {
    id: 'ins.sexual',
    re:
      '陪酒|陪睡|陪(?:男人|老板|客人)睡|坐台|出台|卖身|卖淫|卖屁股|卖肉|肉偿|做鸡|当鸡|鸡婆|(?:做|当|去当)小姐|站街|接客|援交|出来卖|' +
      '用(?:身体|身子|肉体)(?:还|抵|偿|来还)|(?:身体|身子|肉体)(?:抵债|还债|偿还)|(?:你|您)?这(?:个|种)?(?:姿色|身材|脸蛋)|破鞋|荡妇|骚(?:逼|b|娘们)|裸(?:照|聊|贷|体)|不雅(?:照|图|视频)|露点|床照|艳照|扒光|脱光|伺候(?:伺候)?(?:兄弟|我们|老板)|身材发育|尺度(?:有点|很|太|比较)?大|黄图|黄色(?:图片|照片)|光着的|光屁股|合成照|私房照|那种(?:视频|照片|图片?)|luo(?:照|聊|贷)|卖身都|会所上(?:个)?班|p(?:成|到)[^，。]{0,8}?(?:小姐|妓女|那种网站|黄色网站|色情网站|裸)|足疗店|果照|(?:洗浴中心|夜总会|桑拿|洗浴城|ktv)(?:上(?:个)?班|上班|坐台|陪)|' +
      '陪(?:我们)?(?:老板|兄弟们?)?(?:一晚|几晚|一夜|睡一晚)|' +
      '兄弟们?(?:去|来|过去)?陪(?:她|你老婆|你媳妇|你女朋友|你闺女|你女儿)|陪(?:我们)?(?:老板|兄弟们?)(?:喝|吃|睡|玩)',
    w: 0.5,
  },
  {
    id: 'ins.selfharm',
    re:
      '(?:去|就去|赶紧|直接|不如|干脆|怎么不|还不)(?:跳楼|跳河|跳江|跳海|上吊|喝农药|喝药|撞墙|自杀|卖肾|卖血|卖器官|卖个肾|死了算了)|' +
      '(?:跳楼|上吊|喝农药|卖肾|卖血|卖器官)(?:吧|去吧|去|还钱|还债|还啊|也得|也要)|(?:一个|个)肾(?:能|值|够)|(?:你)?不跳(?:的话)?(?:我们|我)帮你跳|(?:买|喝)(?:瓶|点|包)?(?:百草枯|敌敌畏|老鼠药|安眠药)|百草枯|敌敌畏|(?:喝了|跳下去|下来|死了)(?:就)?不用还|肾卖了|卖(?:个|一个|颗)肾|(?:从楼上|从楼顶|从阳台)(?:把你)?(?:扔|推)下去|卖身还债|' +
      // blind-34 at first sight: 「喝了一了百了」「从你家十八楼跳下去」「你不跳我们帮你」「你那个肾挺值钱的」「就是个卖的」
      '一了百了|跳下去|往下跳|不(?:去)?跳(?:的话)?[，, ]?(?:我们|我)|肾[^。，]{0,3}?(?:挺|很|能|可以)?(?:值钱|值几个钱|卖几万|卖个好价)|腰子(?:值钱|能卖)|肾源|(?:就是|是)个(?:出来)?卖的',
    w: 0.5,
  },
  { id: 'ins.coerce', re: COERCE, w: 0.5 },
  // Session 17 (r43), blind-113/115: 「什么烂货」「一家子没一个好东西」「人品可见一斑」「吃软饭的东西」「垃鸡」, a homophone corrected in
  // brackets (「你个老来（赖）」).
  // Session 21 (r47), blind-144: shame without a swear word: 「脸都不要了」「没皮没脸的东西」「做人做到你这份上」, a child
  // shamed for the parent (「他爸是这种人」), and whether the debtor counts as a person (「好好想想自己算不算（人）」).
  { id: 'ins.contempt', re: '烂货|没(?:有)?(?:一个|个)好东西|人品可见一斑|吃软饭|软饭男|垃鸡|拉鸡|老来\\(赖\\)|自私到了?极点|死皮赖脸|活得(?:真是|真)?窝囊|真窝囊|' +
      '脸(?:都|也)不要了|没皮没脸|做人做到(?:你)?这(?:个)?(?:份上|地步)|(?:爸|妈|爹|娘|父亲|母亲)是(?:你)?这(?:种|样的)人|自己算不算(?=[。？！?，]|$)|算不算(?:个)?人', w: 0.5 },
  // Contempt for the debtor's job or home (「你那破工地搬砖的」「你住那破城中村」; not 「砸了你那破店」, a threat): blind-36 at first sight.
  { id: 'ins.shabby', re: '(?:你|您)(?:那|这)?(?:个)?(?:住(?:的)?那?)?破(?:工地|工作|城中村|出租屋|岗位)', w: 0.5 },
  { id: 'ins.pinyin', re: '(?<![a-z])(?:sb|s b|nmsl|cnm|c n m|wcnm|tmd|nmd|nmb|mlgb|rnm|nnd|cao|fuck|shit|ntm|mmp|nt(?!\\$)|biss|shabi|caonima|nima|cnmb|2b|lowb|low逼|low货|lj|trash|loser|bitch|idiot|scum|bastard|asshole)(?![a-z])', w: 0.5 },
];

const IMPERSONATION: RuleSpec[] = [
  {
    id: 'imp.claim',
    re:
      '(?:(?:我|我们|这里|这边|本人|对方)(?:就)?(?:是|系|为|来自)|本人)[^，。？！]{0,14}?' +
      '(?:人民法院|法院|执行局|公安局|公安|派出所|经侦|刑侦|检察院|律师事务所|律所|律师|仲裁委员会|仲裁委|仲裁庭|仲裁中心|仲裁院|调解中心|调解委员会|' +
      '金融办|银保监局|银保监|银监局|证监局|金融监管局|金融监督管理局|金融监管总局|监管局|征信中心|征信管理中心|人民银行|司法局|政府|法官|书记员|警官|民警|反诈中心)',
    w: 0.5,
    reject: '不是|并非|并不|冒充|受[^，。]{0,10}委托的(?:催收|资产)',
  },
  {
    id: 'imp.tag',
    re: '[【〖〔\\[][^】〗〕\\]]{0,14}(?:法院|律师事务所|律所|仲裁|公安|检察|执行局|调解中心|诉前调解|金融办|银保监|金融监管|监管局|监督管理|人民银行|征信中心|司法|律师函|经侦|刑侦|派出所|警方|民警|警察|传票)[^】〗〕\\]]{0,10}[】〗〕\\]]',
    w: 0.5,
  },
  // 我所 not in 我所有/我所以 (session 23, blind-161: 「他现在拉黑了我所有联系方式」).
  { id: 'imp.letter', re: '律师函[:：]|本律师|本所|我所(?![有以在属谓得能知说做想见学需用])|敝所|受托律师|代理律师', w: 0.5 },
  {
    // Session 16 (r41): a caller who opens with the body they claim to be from (「法院的，你的财产明天上午强制执行」
    // 「派出所的，你欠钱的事人家报案了」, blind-102): at the start, with at most a place before it.
    id: 'imp.opener',
    re: '^(?:[【\\[][^】\\]]{0,12}[】\\]])?(?:喂|你好|您好)?[，, ]?(?:[\\u4e00-\\u9fa5]{1,6}(?:省|市|区|县))?(?:(?:人民)?法院(?:执行局|立案庭|执行庭)?|执行局|公安局|公安|派出所|经侦大队|经侦|刑侦大队|检察院|律所|律师事务所)的[，,：: 。]',
    w: 0.5,
  },
  {
    // Session 17 (r43), blind-113: 「法院这边通知你一下」 at a sentence's start, and English (「I'm Lawyer Zhang from 青川恒达律所」).
    id: 'imp.court_here',
    re: "(?:^|[。！？])(?:人民法院|法院|执行局|派出所|公安局|经侦)(?:这边|这里)(?:正式)?(?:通知|告诉|提醒)(?:你|您)|(?:i'?m|i am|this is)(?: a| an| the)? (?:lawyer|attorney|police|officer|judge)|lawyer [a-z]+ from",
    w: 0.5,
  },
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
  // Session 17 (r43), blind-115: 「警方会联系你的」「不还就进去吧」, English (「your case 已经submit到police了」).
  { id: 'fl.police_will', re: '(?:警方|警察|公安|派出所)(?:会|将|就会)(?:联系|找|传唤)(?:你|您)|(?:就|等着)进去吧|(?:submit|report|transfer|send|hand)[^。，]{0,12}?(?:police|court)|sue you|lawsuit|arrested|(?:go to|in) (?:jail|prison)' },
  {
    id: 'fl.criminal',
    re:
      '刑事|犯罪|诈骗罪|贷款诈骗|信用卡诈骗|涉嫌|恶意透支|恶意骗贷|骗贷|非法占有|刑法|判刑|判(?:你|他)?(?:\\d+|[一二三四五六七八九十两几]+)年|坐牢|蹲(?:几年|监狱|大牢|号子|局子)|' +
      '带(?:你|他|她)?回(?:所里|派出所|局里|警局)|直接(?:转|进入|申请)(?:强制)?执行|进去蹲|吃牢饭|入狱|坐监|劳改|传唤|取保候审|羁押|看守所|监狱|拘留|拘传|刑拘|批捕|逮捕|(?<!p成|ps成|做成|弄成|印成)通缉(?!令一样|犯一样)|抓捕|法警|抓(?:你|人|他|她)|被抓(?!拍)|带走|(?<!谨防|防范|防止|警惕|电信|反|预防|识别)诈骗(?!犯)|构成[^。]{0,6}?罪|免于(?:起诉|追究)|提起公诉',
  },
  {
    id: 'fl.police',
    re:
      '(?:移交|移送|交给|报给|转交|提交|上报|报送|录入|同步|通报|推送|交由|发函)(?:给|到|至)?[^。，]{0,10}?(?:公安|警方|司法机关|派出所|经侦)|报案|(?<!(?:你|您)(?:要|可以|尽管|随便|敢|就|也可以|可以去|就去|去|敢去|尽管去)?|随便|可以去|也可以)报警|(?:警察|民警)(?:会|将|就|上门|来|去|找|联系)|(?:警察|民警|公安|派出所)[^。，]{0,4}?(?:会|将|就|马上|很快)[^。，]{0,4}?(?:上门|找|联系|抓|传唤|带走)|' +
      '(?:派出所|公安|警察|民警|法院|法警)的?人(?:会|将|要|也会|明天|下周)|(?:警方|公安|警察)(?:将|会|要)(?:介入|立案)|触犯(?:了)?(?:法律|刑法)|联系[^。，]{0,10}?派出所|(?:让|叫)(?:警察|派出所|公安)|(?:住酒店|坐车|出行|坐高铁)[^。]{0,4}?被查|' +
      '公安(?:机关)?(?:会|将|就)|派出所(?:会|将)|公安系统|司法机关|司法催收|' +
      '(?:上报|报送|移交|提交|报)(?:至|到|给)[^。，]{0,8}?(?:金融办|银保监|监管部门|检察院|纪委)|重点监管(?:对象)?',
  },
  { id: 'fl.court_date', re: '开庭|传票|缺席判决|出庭|到庭', skipBefore: '依法送达|(?:将|会)收到(?:人民)?法院的?' },
  {
    id: 'fl.enforce',
    re: '强制执行|法院(?:会|将|就)[^。，]{0,4}?(?:执行|划扣|扣划|扣押|冻结|扣(?:你|您)的?工资)|查封|拍卖(?:你|您)?的?(?:房|车|财产|资产)|(?:房子|车子|房产)[^。]{0,6}?(?:拍卖|查封)',
    skipBefore: '(?:判决|生效|申请|履行|胜诉|裁决)[^。]{0,10}',
  },
  {
    id: 'fl.freeze',
    re: '(?:银行卡|微信|支付宝|账户|身份证|名下)[^。]{0,12}?冻结|冻结(?:你|您)?的?(?:名下)?(?:所有|全部)?(?:银行卡|账户|微信|支付宝|身份证|财产|资产)',
  },
  {
    id: 'fl.blacklist',
    re:
      '失信(?:被执行人)?|限高|限制乘车|限乘|乘车名单|限制高消费|限制出行|限制(?:你|您)?的?(?:一切|所有)?消费|被法院判定|(?:网贷|全国|金融|征信)[^。]{0,4}?黑名单|黑名单|终身|永久(?:无法|不能|不得)|' +
      '坐不了(?:高铁|飞机|火车)|住不了酒店|(?:不能|无法)坐(?:高铁|飞机)|出行都会被查|' +
      // Session 14 (r39): an exit ban for a debt (「名单已报送至出入境管理部门，您将无法办理护照出境」, blind-84).
      '(?:无法|不能|不得|限制)(?:办理)?(?:护照|出境|出国|签证)|报送?至?出入境|' +
      // blind-38: a spouse or parent told they are liable (「您作为配偶须承担全部还款责任」), a personal travel ban.
      '(?:作为|身为)(?:其)?的?(?:配偶|父母|家属|紧急联系人|子女|妻子|丈夫)[^。]{0,6}?(?:须|必须|需要|应当|有义务)(?:承担|偿还|替)|限制(?:您|你)(?:购买|乘坐)(?:动车|高铁|火车|飞机|机票|车票)',
    skipBefore: '(?:判决|履行|生效)[^。]{0,16}|法院(?:可以|可能|有权|会依法|依法)[^。]{0,6}',
    wide: true,
  },
  {
    id: 'fl.family',
    re:
      // 不能 not in 能不能, a question (session 21, blind-144: 「孩子学费 你看月底前能不能先转一万给我」 was read as a threat to the child).
      '政审|考公|参军|(?:影响|(?<!能)不能|无法|没法|上不了)[^。]{0,6}?(?:子女|孩子|下一代)|(?:子女|孩子|下一代)[^。]{0,10}?(?:(?<!能)不能(?!耽误|耽搁|拖|等)|无法|没法|上不了|考不了|受影响|影响)|' +
      `(?:紧急联系人|联系人|家人|家里人|家属|父母|用人单位|单位|贵司|贵公司)[^。]{0,10}?(?<![不无没非])(?:要(?!是)|需要|需|得|必须|应当?|负有|承担|有义务|有责任)[^。]{0,8}?(?:还款|还钱|偿还|连带|代偿|替|责任|一起还|还|扣款|代扣)|` +
      `(?:${YOU})(?:作为|是)(?:${ANY3})?的?(?:担保人|保证人|紧急联系人|联系人|家属|家人|父母|亲属)[^。，]{0,8}?(?:有义务|有责任|必须|需要|应当?|要)(?:代为|代|替(?:他|她|其))?(?:偿还|代偿|还款|还钱|承担(?:还款)?责任)|` +
      '(?:当爹|当妈|当爸|当父母|做父母|当家长|做家长)的?[^。，]{0,6}?(?:要|得|必须|应该)[^。，]{0,4}?(?:负责|还|承担|买单)|连带(?:还款)?责任|代偿义务|(?:紧急联系人|联系人)(?:就是|等于|相当于|也算|也是)(?:担保人|保证人)|(?:填|写)的是(?:你|您)?(?:做)?(?:担保人|保证人)|(?:要|会|就)从(?:你|您)(?:这边|这里|工资|卡里|账户)(?:里)?扣|(?:必须|应该|应当|有义务|有责任|就得|得|要)替(?:他|她|你)还|家人也要(?:一起)?承担|' +
      // Session 14 (r39): the contact made a co-defendant (「你作为紧急联系人…把你列为共同被告」, blind-82).
      '(?:紧急联系人|联系人|家属|家人)[^。]{0,20}?(?:共同被告|被告人?之一|一起(?:起诉|告)|一并(?:起诉|追责))',
  },
  { id: 'fl.lawyer_letter_sms', re: '律师函[^。]{0,6}?(?:已经?)?(?:发|寄|送)(?:到|给|至)?(?:你|您)?的?(?:手机|短信)|(?:律师函|传票)[^。，]{0,10}?(?:以|通过|用)?短信(?:形式|方式)?(?:送达|发送|发出|通知)' },
  { id: 'fl.record_forever', re: '永久无法消除|(?:永久|终身|永远)(?:保存|保留|留存|存档|记录在案)|(?:无法|不能|永远不会)(?:消除|删除|洗白)|(?:一|这)辈子(?:都)?(?:无法|不能|别想|甭想|贷不了|坐不了|上不了)' },
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

/** Every rule, with `index` and `group` set. */
for (const r of VETO) r.group = 'veto';
for (const [label, rules] of Object.entries(LABEL_RULES) as Array<[OtherLabel, Rule[]]>) for (const r of rules) r.group = label;
/** Collection rules first, then vetoes, then the other labels' rules. */
export const ALL_RULES: Rule[] = [...COLLECTION, ...VETO, ...Object.values(LABEL_RULES).flat()];
ALL_RULES.forEach((r, i) => (r.index = i));
export const COLLECTION_END = COLLECTION.length;
export const VETO_END = COLLECTION.length + VETO.length;
/** Emoji that stand in for violent words (🔪 🗡 🔫 💣 🩸 ⚰ ☠), matched on the original text. */
export const VIOLENT_EMOJI = /\u{1F52A}|\u{1F5E1}|\u{1F52B}|\u{1F4A3}|\u{1FA78}|\u26B0|\u2620/gu;

/** Clause punctuation: negation does not reach across these. */
export const CLAUSE_BREAK = /[，。！？!?；;,：:\n]/;
export const NEGATION =
  /(?:(?<![无从])无$|从无|不会|(?<!是)不是|并不|绝不|决不|没有|无需|不用|不再|从不|并未|并非|严禁|禁止|杜绝|不得|不可能|从来不|不存在)(?!还|处理|结清|联系我|回)/;
