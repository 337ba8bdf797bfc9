/**
 * Text normalisation for the message classifier.
 *
 * The classifier matches its lexicon against a normalised form of the message and maps every
 * match back to the original text, so `map[i]` is the UTF-16 index in the original of normalised
 * character i and `ends[i]` is the index just after the original code units it came from.
 *
 * Steps, all position-preserving through `map`/`ends`:
 *  1. traditional → simplified through a per-character table built once, lazily, from opencc-js's
 *     'hk' and 'tw' → 'cn' converters (1:1, so positions line up; only messages that contain such a
 *     character are touched),
 *  2. full-width → half-width, latin lower-cased, a few variant characters folded (妳→你, 朞→期, 処→处),
 *  3. separators (spaces, . - * | / _ ~ ·, zero-width characters, emoji) removed when they sit between
 *     two Han characters or between Han and a digit/latin letter: 催 收 → 催收, 逾-期 → 逾期, 通*讯*录 → 通讯录,
 *     and between single letter-spaced digits after Han (逾 期 9 0 天 → 逾期90天),
 *  4. pinyin abbreviations expanded in place (yq → 逾期, hk → 还款, txl → 通讯录 …) when the message has
 *     another debt cue, and single-letter homophones after a Han head (逾q → 逾期, 还k → 还款).
 */
import * as OpenCC from 'opencc-js/t2cn';

export interface Normalized {
  /** The normalised text. */
  norm: string;
  /** map[i] = index in the original text of normalised character i. */
  map: number[];
  /** ends[i] = index in the original text just after the code units normalised character i came from. */
  ends: number[];
}

// ---------------------------------------------------------------------------------------------
// Traditional → simplified
// ---------------------------------------------------------------------------------------------

interface Opencc {
  /** Simplified code unit for a traditional one, 0 when unchanged. Indexed by UTF-16 code unit. */
  table: Uint16Array;
  convert: (s: string) => string;
}

let opencc: Opencc | null = null;

/** Characters opencc leaves alone but that mean the same thing in mainland messages. */
const EXTRA_VARIANTS: Record<string, string> = {
  妳: '你',
  朞: '期',
  処: '处',
  餘: '余',
  囉: '啰',
  喔: '哦',
  覺: '觉',
  著: '着', // 等著 → 等着 (opencc only does this phrase by phrase)
  麽: '么',
  // 什麼, 怎麼, 這麼 (U+9EBC): opencc's character table gives 幺, so 「什麼時候能還」 missed every 什么时候 rule (session 13).
  麼: '么',
  // opencc's HK table turns the simplified 么 into 幺 (特么 → 特幺); keep it.
  么: '么',
  // Cantonese written forms, one character for one (你唔还钱 → 你不还钱, 搵你 → 找你).
  唔: '不',
  哋: '们',
  搵: '找',
  佢: '他',
  嘅: '的',
  咗: '了',
  冇: '没',
  嚟: '来',
  睇: '看',
  畀: '给',
  喺: '在',
  // Shanghainese 侬 is 你 (「侬欠的钞票到底还伐？」, session 21); in Mandarin it is only found in names and 我侬你侬.
  侬: '你',
};

function getOpencc(): Opencc {
  if (opencc) return opencc;
  const hk = OpenCC.Converter({ from: 'hk', to: 'cn' });
  const tw = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const convert = (s: string): string => tw(hk(s));
  const table = new Uint16Array(65536);
  const chars: string[] = [];
  for (let c = 0x3400; c <= 0x9fff; c++) chars.push(String.fromCharCode(c));
  for (let c = 0xf900; c <= 0xfaff; c++) chars.push(String.fromCharCode(c));
  const joined = chars.join('\n');
  const out = convert(joined).split('\n');
  if (out.length === chars.length) {
    for (let i = 0; i < chars.length; i++) {
      const from = chars[i]!;
      const to = out[i]!;
      // Only 1:1 BMP mappings go into the per-character table.
      if (to !== from && to.length === 1) table[from.charCodeAt(0)] = to.charCodeAt(0);
    }
  }
  for (const [from, to] of Object.entries(EXTRA_VARIANTS)) table[from.charCodeAt(0)] = from === to ? 0 : to.charCodeAt(0);
  opencc = { table, convert };
  return opencc;
}

/**
 * Traditional → simplified, character by character through the table built from opencc's hk/tw → cn
 * converters (plus EXTRA_VARIANTS). 1:1, so positions line up; phrase-level choices that matter for
 * the lexicon are in EXTRA_VARIANTS.
 */
function toSimplified(text: string): string {
  const { table } = getOpencc();
  let s = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const t = table[text.charCodeAt(i)]!;
    if (t !== 0) {
      s += text.slice(from, i) + String.fromCharCode(t);
      from = i + 1;
    }
  }
  return from === 0 ? text : s + text.slice(from);
}

// ---------------------------------------------------------------------------------------------
// Character classes
// ---------------------------------------------------------------------------------------------

const enum T {
  Other = 0,
  Han = 1,
  Digit = 2,
  Latin = 3,
  Sep = 4,
}

export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** Separator code units that are dropped between Han characters. Surrogates (emoji) are handled apart. */
const SEP = new Uint8Array(65536);
for (const ch of ' \t\u00a0.-*|/\\_~·•+=^`\'"…—–～‧∙⋅°、') SEP[ch.charCodeAt(0)] = 1;
// Other dashes and hyphens used to split words (逾‑期 with U+2011).
for (const c of [0x2010, 0x2011, 0x2012, 0x2015, 0xfe63]) SEP[c] = 1;
for (const c of [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0xfe0f, 0xfe0e, 0x20e3, 0x3000]) SEP[c] = 1;
// Dingbats and misc symbols (✨ ❤ ☎ …) behave like emoji.
for (let c = 0x2600; c <= 0x27bf; c++) SEP[c] = 1;
for (let c = 0x2190; c <= 0x21ff; c++) SEP[c] = 1; // arrows
for (let c = 0x25a0; c <= 0x25ff; c++) SEP[c] = 1; // geometric shapes

/** Emoji that stand for a word in abuse. */
const EMOJI_HAN = new Map<number, number>([
  [0x1f436, 0x72d7], // 🐶 狗
  [0x1f415, 0x72d7], // 🐕 狗
  [0x1f437, 0x732a], // 🐷 猪
  [0x1f416, 0x732a], // 🐖 猪
]);

/** Full-width clause punctuation kept as it is: ！，：；？ */
const FW_KEEP = new Uint8Array(65536);
for (const ch of '！，：；？') FW_KEEP[ch.charCodeAt(0)] = 1;
/** ASCII clause punctuation and its full-width form. */
const ASCII_PUNCT = new Uint16Array(128);
ASCII_PUNCT[0x2c] = 0xff0c; // ,
ASCII_PUNCT[0x21] = 0xff01; // !
ASCII_PUNCT[0x3f] = 0xff1f; // ?
ASCII_PUNCT[0x3b] = 0xff1b; // ;
ASCII_PUNCT[0x3a] = 0xff1a; // :

// ---------------------------------------------------------------------------------------------
// Pinyin abbreviations and homophones
// ---------------------------------------------------------------------------------------------

/** Same-length abbreviations: each letter becomes one Han character, so positions stay 1:1. */
const ABBREV: Record<string, string> = {
  yq: '逾期',
  hk: '还款',
  txl: '通讯录',
  cs: '催收',
  fy: '法院',
  bj: '报警',
  zx: '征信',
  sm: '上门',
  qk: '欠款',
  jk: '借款',
  dk: '贷款',
  wd: '网贷',
  hq: '还钱',
  xyk: '信用卡',
  lvs: '律师',
  ls: '律师',
  gaj: '公安局',
  pcs: '派出所',
};

/** A debt cue elsewhere in the message licenses abbreviation expansion ("去hk玩" stays as it is). */
const DEBT_CUE = /[欠还债贷逾催款钱]|网贷|征信|起诉|诉讼|坐牢|立案|律师|通讯录|上门|处理|曝光|联系人|困难|协商|钱包|txl/;

/**
 * A push right before an abbreviation licenses it alone: 「nmsl，再不hk试试」 has no other debt cue (blind-80), but
 * 不/快/赶紧/尽快/立刻/速 + hk is a demand, where 「去hk玩」 is a trip.
 */
const PUSH_BEFORE = '不快紧刻速';
/**
 * What right after 「yq」 makes it 逾期 on its own (session 15, blind-91: 「yq超过3个月 系统自动报公安」 has no other debt
 * cue): a count, an ordinal or a state of being overdue. 「yq」 is no word in any other sense these readers use.
 */
const YQ_AFTER = /^ ?(?:\d|[一二三四五六七八九十两几半]|第|超过|已|了|快|太久|多久|记录|费|天)/;

/** (head Han character, latin token) → replacement for the token. */
/**
 * A table's own entry for a token, never an inherited one: a message's Latin token is anybody's text, and with a plain
 * `table[token]` the token 「constructor」 found Object's constructor function and vanished from the normalised text
 * (「constructor 还钱」 read 「还钱」; session 16).
 */
function own<T>(table: Record<string, T> | undefined, key: string): T | undefined {
  return table !== undefined && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

const HOMOPHONE_AFTER: Record<string, Record<string, string>> = {
  逾: { q: '期', qi: '期' },
  还: { k: '款', kuan: '款', q: '钱', qian: '钱' },
  欠: { k: '款', kuan: '款', q: '钱', qian: '钱' },
  借: { k: '款', kuan: '款' },
  催: { s: '收', shou: '收' },
  上: { m: '门', men: '门' },
  // Session 14: 「你个老lai」 (blind-82).
  老: { lai: '赖' },
  // Session 21: one syllable in pinyin inside a cue word of the taxonomy (issue 11: "pinyin and homophones"), the way
  // keyword filters are dodged: 「去你jia」「通知你lian系人」「打si你」「等着坐lao吧」. Whole syllables only (a letter
  // alone after these heads is too often a real abbreviation).
  你: { jia: '家' },
  家: { ren: '人', li: '里' },
  联: { xi: '系' },
  通: { xl: '讯录', xun: '讯' },
  讯: { lu: '录' },
  打: { si: '死', duan: '断' },
  弄: { si: '死' },
  坐: { lao: '牢' },
  法: { yuan: '院' },
  起: { su: '诉' },
  报: { jing: '警' },
  曝: { guang: '光' },
  律: { shi: '师' },
};
/** (latin token, following Han character) → replacement for the token. */
const HOMOPHONE_BEFORE: Record<string, Record<string, string>> = {
  期: { y: '逾', yu: '逾' },
  收: { c: '催', cui: '催' },
  款: { h: '还', huan: '还', hai: '还', q: '欠', qian: '欠', j: '借', jie: '借' },
  钱: { h: '还', huan: '还', hai: '还', q: '欠', qian: '欠' },
  门: { s: '上', shang: '上' },
  讯: { t: '通', tong: '通' },
  // Session 21 (see HOMOPHONE_AFTER): 「去ni家」「lian系人」「jia人」「fa院」「da死」.
  家: { ni: '你', ta: '他' },
  系: { lian: '联' },
  人: { jia: '家' },
  院: { fa: '法' },
  诉: { qi: '起' },
  牢: { zuo: '坐' },
  警: { bao: '报' },
  死: { da: '打', nong: '弄', gao: '搞', zheng: '整' },
  赖: { lao: '老' },
  光: { bao: '曝' },
  录: { xun: '讯' },
};

// ---------------------------------------------------------------------------------------------
// normalize
// ---------------------------------------------------------------------------------------------

/** Internal form: `map`/`ends` are null when the text needed no change (identity mapping). */
export interface CoreNormalized {
  norm: string;
  map: Int32Array | null;
  ends: Int32Array | null;
  /**
   * True when the text has a code unit that can start a violent emoji (🔪🗡🔫💣🩸: surrogate leads
   * D83D/D83E; ⚰ ☠), so that classify.ts looks for them in the original text.
   */
  emoji?: boolean;
}

let bufCode = new Uint16Array(256);
let bufType = new Uint8Array(256);
let bufStart = new Int32Array(256);
let bufStop = new Int32Array(256);

function ensure(n: number): void {
  if (bufCode.length >= n) return;
  let size = bufCode.length;
  while (size < n) size *= 2;
  bufCode = new Uint16Array(size);
  bufType = new Uint8Array(size);
  bufStart = new Int32Array(size);
  bufStop = new Int32Array(size);
}

/**
 * The string of codes[0, len). Through a plain array: Function.prototype.apply takes a typed array on its slow path
 * (bench, 2026-12-07: fromCodes ~20 % faster on texts of 20–60 code units).
 */
function fromCodes(codes: Uint16Array, len: number): string {
  let s = '';
  for (let i = 0; i < len; i += 4096) {
    const end = Math.min(len, i + 4096);
    const part = new Array<number>(end - i);
    for (let k = i; k < end; k++) part[k - i] = codes[k]!;
    s += String.fromCharCode.apply(null, part);
  }
  return s;
}

let charFlags: Uint8Array | null = null;

/** Per code unit: 1 = traditional (opencc table), 2 = needs normalising work. */
function buildCharFlags(): Uint8Array {
  const { table } = getOpencc();
  const flags = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) flags[c] = (table[c] !== 0 ? 1 : 0) | (needsWork(c) ? 2 : 0);
  charFlags = flags;
  return flags;
}

/** Does this code unit need any work (width, case, separator, punctuation, surrogate, latin)? */
function needsWork(c: number): boolean {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || SEP[c] === 1 || ASCII_PUNCT[c] !== 0 || c === 0x0a || c === 0x0d;
  if (c >= 0xff01 && c <= 0xff5e) return FW_KEEP[c] !== 1;
  return c === 0x3000 || SEP[c] === 1 || (c >= 0xd800 && c <= 0xdfff) || (c >= 0x2460 && c <= 0x24e9);
}

/** Normalise for matching; see the module comment. Pure and deterministic. */
export function normalizeCore(text: string): CoreNormalized {
  const n = normalizeShared(text);
  if (n.map === bufStart) {
    n.map = bufStart.slice(0, n.norm.length);
    n.ends = bufStop.slice(0, n.norm.length);
  }
  return n;
}

/**
 * Speech recognisers' homophones of the domain's key words (session 22, blind-152: call transcripts 「华辰律是事务所的律是」
 * 「借款已鱼期」 「商量一个换款计划」), one character for one, so positions line up. Only where the context says which word it
 * is: 律是 is also 法律是 and 一律是, and 换款 is also a phone's model. The lawyer's title: before 事务所, 所 (not 所以/所有),
 * 函, after 代理/受托/委托/经办/承办/执业, 的 or a surname (「张律是」), or ending a clause.
 */
const ASR_CUE = /律[是式狮施]|鱼期|换款|派出锁/;
const ASR_LAWYER = /(?<=(?:代理|受托|委托|经办|承办|执业)律)[是式狮施]|(?<=律)[是式狮施](?=事务所|所(?!以|有|谓|在|属|得)|函)|(?<=[^法一规纪旋定韵音戒格]律)[是式狮施](?=[，。！？、\s]|$)|(?<=(?:的|[张王李赵刘陈杨黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎潘杜戴夏钟汪田任姜范方石姚谭廖邹熊陆郝孔崔康毛邱秦江史顾侯邵孟龙段雷钱汤尹易乔贺赖龚])律)[是式狮施]/g;
const ASR_OVERDUE = /鱼(?=期)/g;
// Session 23, blind-157: 「我是你老家城北派出锁的」.
const ASR_STATION = /(?<=派出)锁/g;
const ASR_REPAY = /换(?=款(?:计划|日|金额|方案|的事|记录|提醒|期限|时间))|(?<=按时|尽快|逾期|延期|分期|协商|准时|及时|申请|办理|提前|正常|一次性)换(?=款)/g;
function fixAsr(n: CoreNormalized): CoreNormalized {
  const norm = n.norm;
  if (!ASR_CUE.test(norm)) return n;
  const fixed = norm
    .replace(ASR_LAWYER, '师')
    .replace(ASR_OVERDUE, '逾')
    .replace(ASR_STATION, '所')
    .replace(ASR_REPAY, '还');
  return fixed === norm ? n : { ...n, norm: fixed };
}

/**
 * normalizeCore for the classifier's own use: `map`/`ends` may be this module's shared buffers (longer
 * than `norm`; only the first norm.length entries count), valid until the next call.
 */
export function normalizeShared(text: string): CoreNormalized {
  const from = stampHead(text);
  const to = stampTail(text, from);
  if (from === 0 && to === text.length) return fixTag(fixAsr(normalizeShared0(text)));
  return fixTag(fixAsr(offsetBy(normalizeShared0(text.slice(from, to)), from)));
}

/**
 * A time stamp glued to a message (「下午3:15 您的借款已逾期…」「…否则后果自负 昨天 21:07」) is left out: a screenshot's
 * text recognition puts the chat's time beside a bubble, and exports and pasted chats carry them too. Read as grams, a
 * stamp on every message of the older held-out batches cost their mean macro-F1 0.009 at the start and 0.010 at the end
 * (session 23, synthetic stamps, before this). Only a stamp followed (or, at the end, preceded) by a space; not one
 * followed by 前/之/以/后 (「9:00 前还清」 is a deadline) nor preceded by 于/在/至/到/止/为/是/：/天/日/号 (「请于今天 21:00」).
 */
const STAMP_DAY = '(?:(?:(?:\\d{4}[-/.年])?\\d{1,2}[-/.月]\\d{1,2}日?|昨天|前天|今天|星期[一二三四五六日天]|[周週][一二三四五六日天])\\s*)?(?:上午|下午|晚上|凌晨|中午|早上|傍晚)?\\s*\\d{1,2}[:：]\\d{2}(?:[:：]\\d{2})?';
const STAMP_HEAD = new RegExp(`^\\s*${STAMP_DAY}\\s+(?![前之以后後\\s])(?=[^]{2})`);
const STAMP_TAIL = new RegExp(`(?<![\\s于在至到止为是：:前天日号])\\s+${STAMP_DAY}\\s*$`);
/** The characters that can start a stamp besides a digit or a space. */
const STAMP_LEAD = '上下昨前今星周週凌中早晚傍';
/** Where the text starts once a leading stamp is left out (0 without one). The first code unit is tested first. */
function stampHead(text: string): number {
  const c = text.charCodeAt(0);
  if (!((c >= 0x30 && c <= 0x39) || c === 0x20 || STAMP_LEAD.includes(text[0]!))) return 0;
  const m = STAMP_HEAD.exec(text);
  return m === null ? 0 : m[0].length;
}
/** Where the text ends once a trailing stamp is left out (its length without one). */
function stampTail(text: string, from: number): number {
  const c = text.charCodeAt(text.length - 1);
  if (!((c >= 0x30 && c <= 0x39) || c === 0x20)) return text.length;
  const m = STAMP_TAIL.exec(text);
  return m === null || m.index <= from + 1 ? text.length : m.index;
}
/** `n` normalised from text.slice(off): its offsets moved to the whole text's. */
function offsetBy(n: CoreNormalized, off: number): CoreNormalized {
  const len = n.norm.length;
  if (n.map === null || n.ends === null) {
    const map = new Int32Array(len);
    const ends = new Int32Array(len);
    for (let i = 0; i < len; i++) {
      map[i] = i + off;
      ends[i] = i + 1 + off;
    }
    return { ...n, map, ends };
  }
  for (let i = 0; i < len; i++) {
    n.map[i] = n.map[i]! + off;
    n.ends[i] = n.ends[i]! + off;
  }
  return n;
}

/**
 * A sender's signature in round brackets, as text recognition reads 【】 off a screenshot (shared/reference/sources.md,
 * 1.3: PaddleOCR read 「【」 as 「（」), becomes the 【】 tag the rules and the model know: 「(招商银行)您尾号…」 reads as
 * 「【招商银行】您尾号…」. Only at the very start or end, only 2–12 characters with a Han character and no punctuation or
 * digit, so 「(2024)浙0106民初…」 and 「(1/2)」 stay. Normalisation has already folded （） to ().
 */
const ROUND_TAG_BODY = '\\(([^()，。！？：；、\\s\\d]{2,12})\\)';
const ROUND_TAG_START = new RegExp(`^${ROUND_TAG_BODY}`);
const ROUND_TAG_END = new RegExp(`${ROUND_TAG_BODY}$`);
/** Whether s has a Han character (isHan: the basic block, Extension A and the compatibility ideographs). */
function hasHan(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isHan(s.charCodeAt(i))) return true;
  return false;
}
function fixTag(n: CoreNormalized): CoreNormalized {
  const norm = n.norm;
  const last = norm.length - 1;
  if (last < 3 || (norm.charCodeAt(0) !== 0x28 && norm.charCodeAt(last) !== 0x29)) return n;
  let fixed = norm;
  const a = ROUND_TAG_START.exec(fixed);
  if (a !== null && hasHan(a[1]!)) fixed = `【${a[1]}】${fixed.slice(a[0].length)}`;
  const b = ROUND_TAG_END.exec(fixed);
  if (b !== null && hasHan(b[1]!)) fixed = `${fixed.slice(0, b.index)}【${b[1]}】`;
  return fixed === norm ? n : { ...n, norm: fixed };
}

function normalizeShared0(text: string): CoreNormalized {
  // One scan: does the text need opencc (bit 1), and does it need any other work (bit 2)?
  const flags = charFlags ?? buildCharFlags();
  let f = 0;
  for (let i = 0; i < text.length; i++) {
    f |= flags[text.charCodeAt(i)]!;
    if (f === 3) break;
  }
  const trad = (f & 1) !== 0;
  const work = (f & 2) !== 0;
  if (!trad && !work) return { norm: text, map: null, ends: null };
  const simp = trad ? toSimplified(text) : text;
  const n = simp.length;
  // Whether the result differs from the text; when it does not, the mapping is the identity and no
  // string or map needs to be built.
  let changed = trad;

  // Pass 1: fold width/case/punctuation and classify, into the shared buffers.
  ensure(n + 1);
  let m = 0;
  let hasLatin = false;
  let emoji = false;
  for (let i = 0; i < n; i++) {
    let c = simp.charCodeAt(i);
    if (c === 0xd83d || c === 0xd83e) emoji = true;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const cp = simp.codePointAt(i)!;
      if (cp >= 0x20000 && cp <= 0x3ffff) {
        // Astral Han (Ext B+): keep as it is.
        bufCode[m] = c;
        bufType[m] = T.Other;
        bufStart[m] = i;
        bufStop[m] = i + 1;
        m++;
        bufCode[m] = simp.charCodeAt(i + 1);
        bufType[m] = T.Other;
        bufStart[m] = i + 1;
        bufStop[m] = i + 2;
        m++;
      } else {
        changed = true;
        const han = EMOJI_HAN.get(cp);
        if (han !== undefined) {
          // A few emoji stand for words (🐶东西 = 狗东西): one Han character covering the emoji.
          bufCode[m] = han;
          bufType[m] = T.Han;
        } else {
          // Emoji and other astral symbols: a separator.
          bufCode[m] = 0x20;
          bufType[m] = T.Sep;
        }
        bufStart[m] = i;
        bufStop[m] = i + 2;
        m++;
      }
      i++;
      continue;
    }
    const c0 = c;
    if (c === 0x0d) c = 0x20;
    else if (c === 0x0a) {
      // A line break that ends a clause without punctuation (「尊敬的客户\n您的借款已逾期」) is a comma: read as a
      // character of its own, it cost the older held-out batches' mean 0.0043 when their commas were line breaks
      // (session 23, synthetic). After punctuation it stays a line break.
      let k = m - 1;
      while (k >= 0 && bufType[k] === T.Sep) k--;
      if (k >= 0 && (bufType[k] === T.Han || bufType[k] === T.Digit || bufType[k] === T.Latin)) c = 0xff0c;
    } else if (c >= 0xff01 && c <= 0xff5e) {
      // Full-width letters, digits and symbols → ASCII; Chinese clause punctuation （，！？：；）stays.
      if (FW_KEEP[c] !== 1) c -= 0xfee0;
    } else if (c === 0x3000) c = 0x20;
    else if (c >= 0x2460 && c <= 0x24e9) {
      // Circled letters and digits (ⓝⓜⓢⓛ, ①): another way to slip words past filters.
      if (c >= 0x24d0) c = c - 0x24d0 + 0x61;
      else if (c >= 0x24b6) c = c - 0x24b6 + 0x61;
      else if (c <= 0x2468) c = c - 0x2460 + 0x31;
    } else if (c < 0x80 && ASCII_PUNCT[c] !== 0) {
      // ASCII clause punctuation → full-width, unless it sits inside a number (1,200 / 10:30).
      const p = i > 0 ? simp.charCodeAt(i - 1) : 0;
      const q = i + 1 < n ? simp.charCodeAt(i + 1) : 0;
      const digitP = (p >= 0x30 && p <= 0x39) || (p >= 0xff10 && p <= 0xff19);
      const digitQ = (q >= 0x30 && q <= 0x39) || (q >= 0xff10 && q <= 0xff19);
      if (!(digitP && digitQ)) c = ASCII_PUNCT[c]!;
    }
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== c0) changed = true;
    let type: T;
    if (c >= 0x61 && c <= 0x7a) {
      type = T.Latin;
      hasLatin = true;
    } else if (c >= 0x30 && c <= 0x39) type = T.Digit;
    else if (isHan(c)) type = T.Han;
    else if (SEP[c] === 1 || (c >= 0xdc00 && c <= 0xdfff)) {
      type = T.Sep;
      if (c === 0x26b0 || c === 0x2620) emoji = true;
    } else type = T.Other;
    bufCode[m] = c;
    bufType[m] = type;
    bufStart[m] = i;
    bufStop[m] = i + 1;
    m++;
  }

  // Pass 2 (in place): drop separator runs between Han and Han/digit/latin.
  let w = 0;
  for (let i = 0; i < m; ) {
    if (bufType[i] === T.Sep) {
      let j = i;
      while (j < m && bufType[j] === T.Sep) j++;
      const prev = w > 0 ? bufType[w - 1]! : T.Other;
      const next = j < m ? bufType[j]! : T.Other;
      const drop =
        (prev === T.Han && (next === T.Han || next === T.Digit || next === T.Latin)) ||
        (next === T.Han && (prev === T.Digit || prev === T.Latin)) ||
        // Letter-spaced digits (「逾 期 9 0 天」「第 ４ ５ 天」): one digit, a separator, one digit, after Han. Groups of
        // several digits (phone numbers, dates) keep their separators.
        (prev === T.Digit && next === T.Digit && w >= 2 && bufType[w - 2] === T.Han && (j + 1 >= m || bufType[j + 1] !== T.Digit));
      if (!drop) {
        for (let k = i; k < j; k++, w++) {
          bufCode[w] = bufCode[k]!;
          bufType[w] = T.Sep;
          bufStart[w] = bufStart[k]!;
          bufStop[w] = bufStop[k]!;
        }
      } else changed = true;
      i = j;
      continue;
    }
    if (w !== i) {
      bufCode[w] = bufCode[i]!;
      bufType[w] = bufType[i]!;
      bufStart[w] = bufStart[i]!;
      bufStop[w] = bufStop[i]!;
    }
    w++;
    i++;
  }

  // Unchanged: the text itself, with the identity mapping (the buffers hold it too).
  const norm = changed ? fromCodes(bufCode, w) : text;
  let out: CoreNormalized | null = hasLatin ? expandLatin(norm, bufStart, bufStop, bufType) : null;
  if (out === null) out = changed ? { norm, map: bufStart, ends: bufStop } : { norm, map: null, ends: null };
  if (emoji) out.emoji = true;
  return out;
}

/** Spelled-out pinyin phrases (syllables separated by spaces or not): yu qi → 逾期. */
const PINYIN_PHRASE_LIST: Array<[string, string]> = [
  ['yu qi', '逾期'],
  ['qian kuan', '欠款'],
  ['huan kuan', '还款'],
  ['huan qian', '还钱'],
  ['jie kuan', '借款'],
  ['dai kuan', '贷款'],
  ['cui shou', '催收'],
  ['tong xun lu', '通讯录'],
  ['shang men', '上门'],
  ['lao lai', '老赖'],
  ['zuo lao', '坐牢'],
  ['bao jing', '报警'],
  ['fa yuan', '法院'],
  ['qi su', '起诉'],
  ['zheng xin', '征信'],
  ['jia ren', '家人'],
  ['bi xu huan', '必须还'],
];
const PINYIN_PHRASES: Array<[RegExp, string]> = PINYIN_PHRASE_LIST.map(([py, han]) => [
  new RegExp(`(?<![a-z])${py.replace(/ /g, ' ?')}(?![a-z])`, 'g'),
  han,
]);

/** Replace spelled-out pinyin phrases; each Han character covers its syllable. */
function expandPinyinPhrases(norm: string, om: Int32Array, oe: Int32Array): CoreNormalized | null {
  type Edit = { s: number; e: number; rep: string; syl: Array<[number, number]> };
  const edits: Edit[] = [];
  for (const [re, han] of PINYIN_PHRASES) {
    re.lastIndex = 0;
    for (const m of norm.matchAll(re)) {
      // Split the match into syllables (runs of letters) to map each Han char to one syllable.
      const syl: Array<[number, number]> = [];
      const sylRe = /[a-z]+/g;
      const words = m[0].includes(' ') ? [...m[0].matchAll(sylRe)].map((w) => [m.index + w.index, m.index + w.index + w[0].length] as [number, number]) : [];
      if (words.length === han.length) syl.push(...words);
      else syl.push(...[...han].map((_, k) => (k === han.length - 1 ? [m.index, m.index + m[0].length] : [m.index, m.index + 1]) as [number, number]));
      edits.push({ s: m.index, e: m.index + m[0].length, rep: han, syl });
    }
  }
  if (edits.length === 0) return null;
  edits.sort((a, b) => a.s - b.s);
  const nc: string[] = [];
  const nm: number[] = [];
  const ne: number[] = [];
  let pos = 0;
  for (const ed of edits) {
    if (ed.s < pos) continue; // overlapping phrase
    for (let k = pos; k < ed.s; k++) {
      nc.push(norm[k]!);
      nm.push(om[k]!);
      ne.push(oe[k]!);
    }
    for (let k = 0; k < ed.rep.length; k++) {
      const [a, b] = ed.syl[k]!;
      nc.push(ed.rep[k]!);
      nm.push(om[a]!);
      ne.push(oe[b - 1]!);
    }
    pos = ed.e;
  }
  for (let k = pos; k < norm.length; k++) {
    nc.push(norm[k]!);
    nm.push(om[k]!);
    ne.push(oe[k]!);
  }
  return { norm: nc.join(''), map: Int32Array.from(nm), ends: Int32Array.from(ne) };
}

/**
 * Pass 3: pinyin abbreviations and homophones over latin tokens. `om`/`oe`/`ot` may be longer than
 * `norm` (the shared buffers); only their first norm.length entries are read, and they are never kept.
 * Returns null when nothing was expanded.
 */
function expandLatin(norm0: string, om0: Int32Array, oe0: Int32Array, ot0: Uint8Array): CoreNormalized | null {
  let norm = norm0;
  let om = om0;
  let oe = oe0;
  let ot = ot0;
  let phrased = false;
  if (/[a-z] [a-z]/.test(norm) || /(?:yuqi|qiankuan|huankuan|huanqian|cuishou|tongxunlu|shangmen|laolai)/.test(norm)) {
    const p = expandPinyinPhrases(norm, om, oe);
    if (p !== null) {
      phrased = true;
      norm = p.norm;
      om = p.map!;
      oe = p.ends!;
      ot = new Uint8Array(norm.length);
      for (let i = 0; i < norm.length; i++) {
        const c = norm.charCodeAt(i);
        ot[i] = c >= 0x61 && c <= 0x7a ? T.Latin : isHan(c) ? T.Han : T.Other;
      }
    }
  }
  const tokens: Array<{ s: number; e: number; tok: string }> = [];
  const len = norm.length;
  for (let i = 0; i < len; ) {
    if (ot[i] === T.Latin) {
      let j = i;
      while (j < len && ot[j] === T.Latin) j++;
      tokens.push({ s: i, e: j, tok: norm.slice(i, j) });
      i = j;
    } else i++;
  }
  const abbrevHits = tokens.filter((t) => own(ABBREV, t.tok) !== undefined).length;
  const licensed = abbrevHits >= 2 || DEBT_CUE.test(norm);
  type Edit = { s: number; e: number; rep: string };
  const edits: Edit[] = [];
  for (const t of tokens) {
    const before = t.s > 0 ? norm[t.s - 1]! : '';
    const after = t.e < norm.length ? norm[t.e]! : '';
    const h1 = own(own(HOMOPHONE_AFTER, before), t.tok);
    if (h1 !== undefined) {
      edits.push({ s: t.s, e: t.e, rep: h1 });
      continue;
    }
    const h2 = own(own(HOMOPHONE_BEFORE, after), t.tok);
    if (h2 !== undefined) {
      edits.push({ s: t.s, e: t.e, rep: h2 });
      continue;
    }
    const ab = own(ABBREV, t.tok);
    if (ab !== undefined && (licensed || (before !== '' && PUSH_BEFORE.includes(before)) || (t.tok === 'yq' && YQ_AFTER.test(norm.slice(t.e, t.e + 4)))))
      edits.push({ s: t.s, e: t.e, rep: ab });
  }
  if (edits.length === 0) return phrased ? { norm, map: om, ends: oe } : null;

  const nc: string[] = [];
  const nm: number[] = [];
  const ne: number[] = [];
  let pos = 0;
  // A space between an expanded abbreviation and Han or a digit goes, as separators between Han do (step 3): 「yq 30天」
  // reads 逾期30天, not 逾期 30天 (blind-80).
  for (const ed of edits) {
    for (let k = pos; k < ed.s; k++) {
      if (k === ed.s - 1 && norm[k] === ' ' && joins(norm[k - 1])) continue;
      nc.push(norm[k]!);
      nm.push(om[k]!);
      ne.push(oe[k]!);
    }
    const srcLen = ed.e - ed.s;
    for (let k = 0; k < ed.rep.length; k++) {
      nc.push(ed.rep[k]!);
      if (ed.rep.length === srcLen) {
        nm.push(om[ed.s + k]!);
        ne.push(oe[ed.s + k]!);
      } else {
        // Many letters → fewer characters: the last one runs to the token's end.
        nm.push(om[ed.s + Math.min(k, srcLen - 1)]!);
        ne.push(k === ed.rep.length - 1 ? oe[ed.e - 1]! : oe[ed.s + Math.min(k, srcLen - 1)]!);
      }
    }
    pos = ed.e;
    // (An edit starts at a latin letter, which joins() refuses: a space before the next edit stays.)
    if (norm[pos] === ' ' && joins(norm[pos + 1])) pos++;
  }
  for (let k = pos; k < norm.length; k++) {
    nc.push(norm[k]!);
    nm.push(om[k]!);
    ne.push(oe[k]!);
  }
  return { norm: nc.join(''), map: Int32Array.from(nm), ends: Int32Array.from(ne) };
}

/** Han or a digit: a space between it and an expanded abbreviation goes (expandLatin). */
function joins(c: string | undefined): boolean {
  return c !== undefined && (isHan(c.charCodeAt(0)) || (c >= '0' && c <= '9'));
}

/** Normalise a message for matching; `map[i]` is the original index of normalised character i. */
export function normalize(text: string): Normalized {
  const c = normalizeCore(text);
  if (c.map === null || c.ends === null) {
    const map = new Array<number>(c.norm.length);
    const ends = new Array<number>(c.norm.length);
    for (let i = 0; i < c.norm.length; i++) {
      map[i] = i;
      ends[i] = i + 1;
    }
    return { norm: c.norm, map, ends };
  }
  return { norm: c.norm, map: Array.from(c.map), ends: Array.from(c.ends) };
}

/** Map a [start, end) range of the normalised text to a range of the original. */
export function toOriginal(n: Normalized, start: number, end: number): [number, number] {
  const s = n.map[start] ?? n.map[n.map.length - 1] ?? 0;
  const e = end > start ? (n.ends[end - 1] ?? s) : s;
  return [s, e];
}
