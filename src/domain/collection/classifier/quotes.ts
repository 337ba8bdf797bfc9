/**
 * Reported speech: a collector's words quoted by someone else. Anti-fraud notices, news, judgments and the borrower's
 * own messages quote threats (「遇到"你不还钱就去卖肾"等暴力催收，请立即报警」, 「冒充"法院"发送"律师函"」,
 * 「收到的短信里说"找几个兄弟陪你玩玩"」); the guide gives them no label, yet the quoted words match every rule.
 *
 * A quotation counts as reported when a reporting frame is right before it (自称, 冒充, 催收说, 收到…短信说, 诸如…)
 * or right after it (…等, …之类, …为由, …的短信, …是假的). Collectors quote too, for irony or as a label
 * (会"有人"接你, 把你标记为"恶意逃废债", 朋友圈文案："此人借钱不还"): no frame, so those stay as they are.
 * classify.ts masks the reported quotations before the rules and the model read the text.
 *
 * Frames are matched on the original text (ASCII quotes do not survive normalisation), so the few characters that
 * matter are written in both simplified and traditional forms.
 */

/** Opening → closing quotation marks; an ASCII " closes itself. */
const PAIRS: Record<string, string> = { '“': '”', '「': '」', '『': '』', '‘': '’', '"': '"', '＂': '＂' };
/** Any opening mark: most messages have none, and then nothing else is read. */
const OPENING = new RegExp(`[${Object.keys(PAIRS).join('')}]`);

/** Text right before a reported quotation (same clause). */
const BEFORE = new RegExp(
  '(?:自[称稱]|冒充|假冒|[谎謊][称稱]|[声聲][称稱]|扬言|揚言|[号號][称稱]|' +
    '(?:催收|催收[员員]|催收的人?|催[债債]的|他[们們]?|她[们們]?|那[边邊]|有人|[骗騙]子|不法分子|短信|信息|消息|[电電][话話]|[对對]方|平台)[^，。！？"“「『]{0,6}?' +
    '(?:(?:[说說]|[称稱]|[讲講]|[骂罵]|威[胁脅]|[发發]来|[发發]了|(?:给|給|跟|对|對)我(?:[发發]|[说說]|[讲講]))' +
    // 催收说我欠的钱"…", 骂借款人"…", 发来一张"…" (session 14): what was said about, or to whom, between the verb and
    // the quotation. Not after 写 (a collector's own 「短信我们写好了："…"」).
    '[^，。！？"“「『]{0,5}?|(?:[写寫]着?|[写寫]道|[让讓]我|叫我|逼我|要我)(?:我|你|她|他)?(?:是|要|[会會])?)|' +
    '(?:收到|接到|遇到|碰到)(?:了)?(?:[类類]似|[这這]种|[这這]樣的|[这這]样的|一条|一條|条|條)?(?:的)?(?:短信|[简簡][讯訊]|信息|消息|[电電][话話])?(?:里|裡|中)?(?:[说說]|[称稱])?|' +
    // 收到花圈图片，说"…" (session 14): what was received, then what it said.
    '(?:收到|接到)[^。！？"“「『]{1,8}?(?:[说說]|[称稱]|[写寫]着|内容是|[内內]容是)|' +
    // 原话是"…", 说要找人"…" (session 9: a borrower's account of a call, the frame's subject in the clause before).
    '原[话話](?:是|就是)?|[说說]要[^，。！？"“「『]{0,4}?|' +
    '[发發]送(?:了)?(?:[诸諸]如|[类類]似|大量)?|[诸諸]如|例如|比如|以|打着|打著|什么|什麼|' +
    // 我把催收的通话录音转成文字了："…" (session 14): a recording written out by the one who got it.
    '(?:[转轉]成|整理成|[转轉][为為])文字(?:了|如下)?|[录錄]音(?:里|裡|中)(?:[说說])?|' +
    // An anti-fraud post's 「骗子常用话术：“…”」 (session 13).
    '[话話][术術]|套路|手法|截[图圖]|[晒曬]出|原文|' +
    // Session 18 (r44), blind-122 (long look-alikes): a film's or a novel's lines (「台词全是“…”」, 「预告里他…按在车盖上说“…”」,
    // 「组长就教他：“…”」), a diary of what collectors sent (「第一个月：“…”」, 「曾经每天被“…”吓醒」), a rule book (「以下话术一律
    // 禁止使用：“…”」), what someone said about me (「说我们家“…”」, 「骂我“…”」, 「称其“…”」), and a report whose speaker
    // stands before a comma (「有骗子打电话给老人，说“…”」).
    '台[词詞](?:[是都全就]|全是|都是|就是)*|(?:预告|預告|剧中|劇中|片中|书中|書中|小说里|小說裡|戏里|戲裡)[^，。！？"“「『]{0,12}?(?:[说說]|[骂罵]|吼|喊)(?:道|着|著)?|' +
    '教(?:他|她|我|我们|我們|大家|新人)|第[一二三四五六七八九十两兩\\d]{1,3}(?:天|个月|個月|周|週|次|条|條|板|句|通|封|年)|被|' +
    '(?:禁止|严禁|嚴禁)使用|配文(?:是)?|[称稱](?:其|他|她)(?:是|为|為)?|[说說](?:我|我们|我們|我们家|我們家|我家|他|她|他们|他們|人家)(?:是)?|' +
    '[骂罵](?:我|他|她|我们|我們|他们|他們|人)(?:是)?|吼|喊|刷|[说說]出|口[头頭]禅(?:是)?|[写寫]有|恐[吓嚇]|威[胁脅]|(?:三|几|幾|两|兩)句[话話](?:是|就是)?|' +
    '(?:[骗騙]子|有人|[对對]方|他[们們]?|她[们們]?|催收[员員]?)[^。！？"“「『]{0,10}?[，,]\\s*(?:[说說]|[称稱]))[:：]?\\s*$',
);

/** Text right after a reported quotation. */
const AFTER = /^\s*(?:[—－~～-]{1,2}\s*(?:今天|昨天|又|我|已经|这是)?[^，。！？]{0,5}?(?:收到|接到)|[—－~～-]{0,2}\s*(?:这|這)?(?:就)?是[^，。！？]{0,8}?的?原[话話]|等(?![级級候待着著一])|之[类類]|[这這][类類]|[这這]些|[这這]种|[这這]種|一[类類]|[为為]由|[为為]名|的名[义義]|的(?:[话話]|短信|信息|消息|[话話]术|[话話]術|字[样樣]|内容|[链鏈]接|[说說]法|威[胁脅]|[骚騷]扰|[骚騷]擾|[谎謊]言)|是假的|是(?:[诈詐][骗騙]|[违違]法)|[属屬]于|[违違]法|都是|吓醒|嚇醒|吓哭|嚇哭|吓得|嚇得)/;

/** How far before a quotation its frame may start (characters, within the clause). */
const BEFORE_WINDOW = 20;
const CLAUSE_END = /[。！？!?；;\n]/;

/**
 * Ranges [start, end) of the original text inside reported quotations (the quotation marks excluded), in order.
 * Quotations joined only by 、，和 form one list, framed as a whole (以"网贷逾期""征信受损"为由). Empty when the
 * text has none: the common case costs one scan for an opening mark.
 */
export function reportedQuotes(text: string): Array<[number, number]> {
  // A call transcript narrates the collector's own words (【通话记录】对方自称"XX法院张法官"): nothing to mask.
  if (!OPENING.test(text) || TRANSCRIPT.test(text)) return [];
  // Every quotation, as [opening mark, closing mark].
  const quotes: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    const close = PAIRS[text[i]!];
    if (close === undefined) continue;
    const j = text.indexOf(close, i + 1);
    if (j < 0) break;
    // A quotation spans one clause at most in practice; a stray mark would otherwise swallow the message.
    if (j - i - 1 >= 2 && j - i - 1 <= 60) quotes.push([i, j]);
    i = j;
  }
  const out: Array<[number, number]> = [];
  for (let a = 0; a < quotes.length; ) {
    let b = a;
    while (b + 1 < quotes.length && JOIN.test(text.slice(quotes[b]![1] + 1, quotes[b + 1]![0]))) b++;
    const first = quotes[a]![0];
    const last = quotes[b]![1];
    let s = first;
    while (s > 0 && first - s < BEFORE_WINDOW && !CLAUSE_END.test(text[s - 1]!)) s--;
    if (BEFORE.test(text.slice(s, first)) || AFTER.test(text.slice(last + 1, last + 14))) {
      for (let k = a; k <= b; k++) out.push([quotes[k]![0] + 1, quotes[k]![1]]);
    }
    a = b + 1;
  }
  return out;
}

// At the start (or as a 【】 tag) only: 「我把催收的通话录音转成文字了：“…”」 is the borrower quoting (session 14, blind-86).
const TRANSCRIPT = /^(?:【[^】]{0,8}】)?[^，。！？：]{0,4}?(?:通[话話](?:记录|記錄|[录錄]音)|[录錄]音[转轉]文字|[语語]音[转轉]文字|[电電][话話][录錄]音)|【[^】]{0,4}(?:[录錄]音|通[话話])[^】]{0,4}】/;

/** What may stand between two quotations of one list. */
const JOIN = /^[\s、，,和与與及或]*$/;
