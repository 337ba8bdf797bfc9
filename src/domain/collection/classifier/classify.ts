/**
 * Deterministic, explainable message classifier: lexicon rules over normalised text.
 *
 * 1. normalise (traditional → simplified, widths, separators, pinyin abbreviations), keeping a map
 *    back to the original;
 * 2. drop genuine court notices (official pointer + case number + no private payment demand);
 * 3. score collection: positive rules add weight, vetoes (verification codes, receipts, adverts, news,
 *    the debtor's own messages, non-credit bills …) subtract, and every other label's rules add a
 *    little; collection at score ≥ 1 when there is collection evidence (a collection rule, an
 *    anchoring threat such as 爆通讯录, 老赖 or 外访, or two kinds of threat aimed at 你);
 * 4. for collection messages only, report every other label; third_party also follows `to`.
 *
 * Every label comes with the spans (offsets into the ORIGINAL text) of the matches that produced it.
 * Only rules one of whose factors (one- or two-character strings every match contains, gate.ts) occurs
 * in the normalised text are run; one pass over the text finds them.
 *
 * Only the first CLASSIFY_WINDOW_CHARS of a text are read (src/domain/limits.ts; classifyWindow): every
 * step is linear or O(n log n) in the text, but a crafted million-character message must still not hold
 * up an import. Spans are offsets into the text as given, all inside the window.
 */
import { LABELS, type Classification, type Label, type Recipient, type Span } from '../types.js';
import {
  ALL_RULES,
  CASE_NUMBER,
  CLAUSE_BREAK,
  COLLECTION_END,
  COURT_FAKE,
  COURT_OFFICIAL,
  LABEL_RULES,
  NEGATION,
  requiredChars,
  VETO_END,
  VIOLENT_EMOJI,
  type OtherLabel,
  type Rule,
} from './lexicon.js';
import { buildGateTables, INFO_COUNT_SHIFT, INFO_ONE, INFO_PAIR, INFO_START_SHIFT, pairHash, requiredGate } from './gate.js';
import { nbLogOdds, unpackModel, type NbModel } from './nb.js';
import { NB_PACKED, NB_PRIOR } from './nb-model.js';
import { normalizeShared, type CoreNormalized } from './normalize.js';
import { reportedQuotes } from './quotes.js';
import { CLASSIFY_WINDOW_CHARS } from '../../limits.js';

/** A rule hit on the normalised text. */
export interface Hit {
  rule: string;
  /** [start, end) in the normalised text. */
  start: number;
  end: number;
}

export interface Explanation extends Classification {
  norm: string;
  score: number;
  hits: Hit[];
  genuineCourtNotice: boolean;
}

const COLLECTION_THRESHOLD = 1;
/**
 * Session 16 (r41): a long text (LONG_TEXT code units of normalised text) is collection only on strong evidence. In a
 * long message a collector names the debt somewhere, while a long quarrel, a court's own notice or a neighbours' group
 * post gathers a pressure word (拉黑, 良心, 掂量), a debt noun and two kinds of threat words by chance (blind-105, long
 * texts: 10 of 131 ordinary messages were collection at first sight). There, the WEAK_CUES alone and two threat kinds
 * without an anchor do not make it collection. Over every labelled fixture, 100 gained 12 messages and lost 2 (fake
 * court notices whose only cue is a debt noun); 60 gained 16 and lost 19.
 */
const LONG_TEXT = 100;
const WEAK_CUES = new Set(['col.pressure', 'col.debt_noun']);
/** How far back (in normalised characters, within the clause) a negator reaches. */
const NEG_WINDOW = 12;
const WIDE_WINDOW = 24;
const YOU_RE = /[你您]/;
/** Label rules strong enough to anchor a collection reading on their own (with enough score). */
const ANCHOR_RULES = new Set(['tc.bao_txl', 'tc.txl_action', 'ins.laolai', 'fl.blacklist', 'fl.family', 'visit.waifang', 'visit.waifang_team', 'viol.funeral_sent']);
const OTHER_LABELS = LABELS.filter((l): l is OtherLabel => l !== 'collection');

/**
 * Naive-Bayes fallback for `collection` (see nb.ts): consulted only when the rules found a cue
 * (a collection or threat rule hit, and no veto) but not enough for collection. null = rules only.
 */
const DEFAULT_NB = unpackModel(NB_PRIOR, NB_PACKED);
/** Log-odds the fallback needs: chosen by 5-fold cross-validation on the dev sets (train-classifier-nb.ts). */
const DEFAULT_NB_THRESHOLD = 10;
let NB: NbModel | null = DEFAULT_NB;
let NB_THRESHOLD = DEFAULT_NB_THRESHOLD;
/** For training/evaluation scripts: swap the model (null turns the fallback off). */
export function setNbModel(model: NbModel | null | 'default', threshold = DEFAULT_NB_THRESHOLD): void {
  if (model === 'default') model = DEFAULT_NB;
  NB = model;
  NB_THRESHOLD = threshold;
}

let GATING = true;
/** For tests: run every rule on every message (the gate must never change a result). */
export function setGating(on: boolean): void {
  GATING = on;
}

const RULE_COUNT = ALL_RULES.length;
/** Pseudo-rule index for the genuine-court-notice test (COURT_OFFICIAL), gated like a rule. */
const COURT_GATE = RULE_COUNT;
const GATES = buildGateTables([...ALL_RULES.map((r) => r.units), requiredGate(COURT_OFFICIAL.source)]);

/** Recipient → bit, and per rule the recipients it applies to. */
const TO_BIT: Record<Recipient, number> = { debtor: 1, third_party: 2, unknown: 4 };
const RULE_TO = Uint8Array.from(ALL_RULES, (r) => (r.to === undefined ? 7 : r.to.reduce((m, t) => m | TO_BIT[t], 0)));
const RULE_ANCHOR = Uint8Array.from(ALL_RULES, (r) => (ANCHOR_RULES.has(r.id) ? 1 : 0));
/** Slot of a label rule in OTHER_LABELS (−1 for collection rules and vetoes). */
const RULE_SLOT = Int8Array.from(ALL_RULES, (r) => (r.group === 'collection' || r.group === 'veto' ? -1 : OTHER_LABELS.indexOf(r.group)));
const SLOT_IMPERSONATION = OTHER_LABELS.indexOf('impersonation');
const SLOT_THIRD_PARTY = OTHER_LABELS.indexOf('third_party');
const SLOT_CONTACTS = OTHER_LABELS.indexOf('threat_contacts');
/**
 * A telling verb right after 已/已经/刚 (「我们已经通知你家人了」), or after 已于 and a date (「我司已于今日致电您的紧急联系人」,
 * session 17, blind-115), or 曾 (「我们曾于12月3日致电您的紧急联系人」, session 22, blind-150): a report of what was done, like
 * tc.already.
 */
const ALREADY_BEFORE = /(?:已|已经|以经|刚|刚刚|刚才|曾|曾经)(?:都|也)?$|[已曾]于[^，。！？]{1,6}$/;
/** A time in the past earlier in the clause (「上周给你表弟打过电话了」). */
const PAST_BEFORE = /上周|上个?月|昨天|昨晚|前天|前几天|上次|之前|早就|早已|刚才/;
/** 过 right after the act (「发送过」), not the direction 过去/过来. */
const DONE_GUO = /^过(?![去来])/;
/** The act done (「…打过电话了」「…发了短信」). */
const DONE_AFTER = /^[^，。！？]{0,2}?[过了]/;

/** Whether a threat_contacts hit reports what was already done rather than threatening it. */
function isReport(norm: string, h: Hit): boolean {
  if (h.rule === 'tc.already' || h.rule === 'tc.rel_reached') return true;
  if (ALREADY_BEFORE.test(norm.slice(Math.max(0, h.start - 9), h.start))) return true;
  // 「…向您的紧急联系人发送过一次还款提醒」 (session 17, blind-114): 过 right after the act is what was done (not 打过去).
  if (DONE_GUO.test(norm.slice(h.end, h.end + 2))) return true;
  return PAST_BEFORE.test(clauseWindow(norm, h.start, NEG_WINDOW)) && DONE_AFTER.test(norm.slice(h.end, h.end + 4));
}
/**
 * Whether every threat_contacts hit is a report (isReport). A loop, not hits.every with an arrow function: a closure in
 * run over its normalised text made V8 give every run a context object for it (bench, 2026-12-07, same process: classify
 * −0.4 µs a message, classifyRules within noise).
 */
function allReports(norm: string, hits: readonly Hit[]): boolean {
  for (let k = 0; k < hits.length; k++) if (!isReport(norm, hits[k]!)) return false;
  return true;
}
/**
 * A hint that more is coming (the guide, "Settled 2026-12"): telling the borrower that contacts were already told is
 * collection only, and threat_contacts only with a hint of escalation (「…打过电话了，你自己看着办」, d114).
 */
const ESCALATION = /看着办|没完|才刚开始|下个|轮到|后果|再不|再拖|在不|不还(?:就|的话)|否则|不然|下一(?:个|批|步|轮|位)|下次|接下来|还会|继续|更多|扩大|其他人|其余|全部|所有人|挨个|一个个|逐一|等着|别怪|不止|不只|如果|若(?:是|再|仍|还)|今晚|明天|马上|立刻|随后|很快|即将|准备|就要|将会|最后|待联系|自动推送/;

/**
 * The no-evidence shortcut in run() decides on the label rules whose coarser character gate
 * (lexicon.ts, requiredChars) is open, as it did before the two-character gates: with the naive-Bayes
 * fallback on, whether a message with no collection evidence and one threat kind's characters goes on
 * to the fallback depends on that count, so the tighter gate would change results. Per code unit:
 * bit s for every label slot s (not third_party) with such a rule, and ANCHOR_BIT when the rule anchors. They go
 * into bits 4–11 of the gate tables' info word (gate.ts), which openRules reads anyway.
 */
const ANCHOR_BIT = 1 << 7;
const SHORTCUT_SHIFT = 4;
let SHORTCUT_ALWAYS = 0;
for (const r of ALL_RULES) {
  const slot = RULE_SLOT[r.index]!;
  if (slot < 0 || slot === SLOT_THIRD_PARTY) continue;
  const bits = (1 << slot) | (RULE_ANCHOR[r.index] === 1 ? ANCHOR_BIT : 0);
  if (r.gate === '') SHORTCUT_ALWAYS |= bits;
  for (const ch of r.gate) GATES.info[ch.charCodeAt(0)]! |= bits << SHORTCUT_SHIFT;
}
const KIND_BITS = 0x7f & ~(1 << SLOT_IMPERSONATION) & ~(1 << SLOT_THIRD_PARTY);

/** info bit 2: 你 or 您 (YOU_RE). */
const INFO_YOU = 4;
for (const ch of '你您') GATES.info[ch.charCodeAt(0)]! |= INFO_YOU;
/**
 * info bit 3: a character every match of NEGATION contains one of (lexicon.ts requiredChars, as for the rules' own
 * gates). A clause window without one cannot be negated, and then it is neither cut out nor tested: most windows
 * (bench, 2026-12-07, same process, with the fewer array writes in run: classifyRules −0.55 µs a message).
 */
const INFO_NEG = 8;
const NEG_CHARS = requiredChars(NEGATION.source);
for (const ch of NEG_CHARS) GATES.info[ch.charCodeAt(0)]! |= INFO_NEG;
const TWO_MASK = GATES.twoKey.length - 1;
const TWO_SHIFT = GATES.twoShift;

/** Bit r of openBits ⇔ rule r (or COURT_GATE) is open for the current text. */
const WORDS = (RULE_COUNT + 1 + 31) >>> 5;
const openBits = new Int32Array(WORDS);
/** Indices of the open rules, ascending (collection rules, then vetoes, then labels). */
const openList = new Int32Array(RULE_COUNT + 1);
/** Set by openRules: the shortcut mask of the text, whether the court-notice test can match, 你/您. */
let shortcutMask = 0;
let courtOpen = false;
let hasYou = false;

function isOpen(r: number): boolean {
  return (openBits[r >>> 5]! & (1 << (r & 31))) !== 0;
}

/** Per two-clause gate unit: the clauses met (bits 1, 2) for the text of unitStamp[u] === stamp. */
const unitStamp = new Int32Array(GATES.unitRule.length);
const unitBits = new Uint8Array(GATES.unitRule.length);
let stamp = 0;

/** Clause (x & 1) of two-clause unit x >> 1 is met; open the unit's rule when both are. */
function meetClause(x: number, st: number, bits: Int32Array, unitRule: Int32Array): void {
  const u = x >> 1;
  const b = 1 << (x & 1);
  if (unitStamp[u] !== st) {
    unitStamp[u] = st;
    unitBits[u] = b;
  } else if ((unitBits[u]! | b) === 3) {
    unitBits[u] = 3;
    const r = unitRule[u]!;
    bits[r >>> 5]! |= 1 << (r & 31);
  }
}

/** Which rules can match this text: one pass over its characters through the gate tables. */
function openRules(norm: string): number {
  let count = 0;
  if (!GATING) {
    for (let k = 0; k < RULE_COUNT; k++) openList[count++] = k;
    openBits.fill(-1);
    courtOpen = true;
    shortcutMask = 0;
    hasYou = YOU_RE.test(norm);
    return count;
  }
  if (++stamp === 0x40000000) {
    unitStamp.fill(0);
    stamp = 1;
  }
  const bits = openBits;
  for (let w = 0; w < WORDS; w++) bits[w] = 0;
  const { info, ones, twoKey, twoData, twos, unitRule, always } = GATES;
  for (let k = 0; k < always.length; k++) {
    const r = always[k]!;
    bits[r >>> 5]! |= 1 << (r & 31);
  }
  let mask = SHORTCUT_ALWAYS;
  let you = false;
  const st = stamp;
  const n = norm.length;
  for (let i = 0; i < n; i++) {
    const c = norm.charCodeAt(i);
    const x = info[c]!;
    if (x === 0) continue;
    mask |= (x >>> SHORTCUT_SHIFT) & 0xff;
    if ((x & INFO_YOU) !== 0) you = true;
    if ((x & INFO_ONE) !== 0) {
      const from = x >>> INFO_START_SHIFT;
      const e = from + ((x >>> INFO_COUNT_SHIFT) & 15);
      for (let k = from; k < e; k++) {
        const r = ones[k]!;
        if (r >= 0) bits[r >>> 5]! |= 1 << (r & 31);
        else meetClause(~r, st, bits, unitRule);
      }
    }
    if ((x & INFO_PAIR) !== 0 && i + 1 < n) {
      const d = norm.charCodeAt(i + 1);
      const key = c | (d << 16);
      for (let h = pairHash(c, d) >>> TWO_SHIFT, kk = twoKey[h]!; kk !== 0; h = (h + 1) & TWO_MASK, kk = twoKey[h]!) {
        if (kk !== key) continue;
        const data = twoData[h]!;
        const from = data & 0xffff;
        const e = from + (data >>> 16);
        for (let k = from; k < e; k++) {
          const r = twos[k]!;
          if (r >= 0) bits[r >>> 5]! |= 1 << (r & 31);
          else meetClause(~r, st, bits, unitRule);
        }
        break;
      }
    }
  }
  shortcutMask = mask;
  hasYou = you;
  for (let w = 0; w < WORDS; w++) {
    let word = bits[w]!;
    while (word !== 0) {
      const low = word & -word;
      openList[count++] = (w << 5) | (31 - Math.clz32(low));
      word ^= low;
    }
  }
  courtOpen = count > 0 && openList[count - 1] === COURT_GATE;
  if (courtOpen) count--;
  return count;
}

const BREAK = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) if (CLAUSE_BREAK.test(String.fromCharCode(c))) BREAK[c] = 1;

/** Whether NEGATION matches clauseWindow(norm, start, NEG_WINDOW), the window read only when it has a NEGATION character. */
function negatedBefore(norm: string, start: number): boolean {
  const info = GATES.info;
  let s = start;
  let may = NEG_CHARS === '';
  while (s > 0 && start - s < NEG_WINDOW) {
    const c = norm.charCodeAt(s - 1);
    if (BREAK[c] !== 0) break;
    if ((info[c]! & INFO_NEG) !== 0) may = true;
    s--;
  }
  return may && NEGATION.test(norm.slice(s, start));
}

function clauseWindow(norm: string, start: number, max: number): string {
  let s = start;
  while (s > 0 && start - s < max && BREAK[norm.charCodeAt(s - 1)] === 0) s--;
  return norm.slice(s, start);
}

/** Runs one rule, appending surviving matches to `out`; returns how many survived. */
function runRule(rule: Rule, norm: string, out: Hit[]): number {
  if (rule.noYou && hasYou) return 0;
  const re = rule.re;
  re.lastIndex = 0;
  let found = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(norm)) !== null) {
    const len = m[0].length;
    if (len === 0) {
      re.lastIndex++;
      continue;
    }
    let start = m.index;
    let end = start + len;
    const ti = m.indices?.groups?.['t'];
    if (ti) {
      start = ti[0];
      end = ti[1];
    }
    if (rule.reject !== undefined && rule.reject.test(m[0])) continue;
    if (rule.skipBefore !== undefined) {
      const win = rule.wide ? norm.slice(Math.max(0, m.index - WIDE_WINDOW), m.index) : clauseWindow(norm, m.index, NEG_WINDOW);
      if (rule.skipBefore.test(win)) continue;
    }
    if (rule.neg && m.index > 0 && negatedBefore(norm, m.index)) continue;
    out.push({ rule: rule.id, start, end });
    found++;
  }
  return found;
}

const NO_HITS: Hit[] = [];
/** LAST_RUN.labelHits before the label rules have run (nothing reads it but the model, and only its length). */
const NO_LABEL_HITS: ReadonlyArray<Hit[] | undefined> = [];

/** Whether one of the first `end` hits comes from one of these rules. */
function hasHit(hits: readonly Hit[], end: number, rules: readonly string[]): boolean {
  for (let k = 0; k < end; k++) if (rules.includes(hits[k]!.rule)) return true;
  return false;
}

/** Appends `from` to `to` (a loop: push(...from) throws RangeError past ~100k arguments). */
function append<T>(to: T[], from: readonly T[]): void {
  for (let k = 0; k < from.length; k++) to.push(from[k]!);
}

function trace(hits: readonly Hit[], labelHits: ReadonlyArray<Hit[] | undefined>, order: readonly number[]): Hit[] {
  const all = hits.slice();
  for (const slot of order) append(all, labelHits[slot]!);
  return all;
}

function weight(rule: Rule, count: number): number {
  return rule.w * Math.min(count, rule.cap);
}

/**
 * The borrower's own turn of a call or chat, tagged as such (「【通话记录】借款人：我现在真的没钱，你们别打了」「我：能不能
 * 宽限几天」): the guide gives the borrower's own messages no label, and so do the conventions for call turns. The tag
 * opens the text and a spoken turn follows it (a pronoun, a reply word or a question, not a name: 「借款人：邹小燕
 * 外访地址：…」 is a collector's form); no other speaker is tagged (a transcript with the collector's side is read as
 * usual). Session 13 (r38): eight borrower turns of blind-61 to blind-68 and three of written-12 were read as
 * collection, by the rules' repayment words or by the model.
 */
const OWN_SPEAKERS = '借款人|客户|本人|机主|用户|我|接听人|接听者|家属|联系人|紧急联系人|亲属|母亲|父亲|妈妈|爸爸|同事|室友|前妻|前夫|妻子|丈夫|老婆|老公|儿子|女儿|哥哥|姐姐|弟弟|妹妹|邻居|销售|电销|推销员';
// The tag as 借款人：… or, session 14 (r39), in brackets: （借款人）我下周三发工资… (blind-83). Normalisation reads a round
// bracket at the start as 【】 (session 23: text recognition's 【→（), so 【借款人】 is the same tag.
const OWN_TURN = new RegExp(
  `^(?:【(${OWN_SPEAKERS})】：?|(?:【[^】]{0,12}】)?(?:[（(](${OWN_SPEAKERS})[）)]：?|(${OWN_SPEAKERS})(?:[（(][^）)]{0,8}[）)])?：))(?=` +
    '[^：]{0,4}?(?:我|喂|嗯|对|好|啊|哦|额|呃|是|那个|你们|你|您|他|她|不|没|行|可以|知道|谁|什么|哪|为什么|怎么))',
);
/** Any speaker tag (a word of 1–6 characters before a colon at the start or after a break). */
const SPEAKER_TAG = /(?:^|[】，。！？；…\n])(?:【[^】]{0,12}】)?([^，。！？；…：\n]{1,6})：/g;
/** A collector's side of a call, tagged anywhere in the text, with or without a break before it (isOwnTurn). */
const COLLECTOR_TAG = /(催收员|催收|坐席|客服|专员|业务员|调解员|律师|法务|外访员|工作人员|对方|男|女)：/g;

/**
 * A collector's turn that only greets and asks who is on the line (「催收员：喂，您好，请问是孙建军先生本人吗？」「阿姨您好，
 * 请问您认识孙丽吗？」): the conventions make a call turn collection only when it pushes for repayment. Session 13: such
 * turns in blind-67 and blind-71 were read as collection, by the model.
 */
/** Who the caller asks for: a title, the person themself, or a relative (the identity check's question and pattern). */
const ASKED_FOR = '(?:先生|女士|小姐|本人|师傅|老板|家属|家人|父亲|母亲|爸爸|妈妈|哥哥|姐姐|弟弟|妹妹|老婆|老公|同事|朋友)';
const OPENER_CLAUSE =
  `(?:喂|嗯|好的|打扰(?:您|你)?(?:了|一下)?|不好意思|[^，。？！：]{0,4}(?:你|您)好|(?:我们)?(?:这边)?做(?:个|一个)?(?:简单的)?回访|(?:请问|麻烦问一下|问一下)?(?:一下)?(?:(?:你|您)?是[^，。？！：]{0,8}?${ASKED_FOR}|(?:你|您)(?:认识|认不认识)[^，。？！：]{2,6})(?:吗|么|嘛)?|` +
  '我是[^，。？！：]{1,16}?(?:的)?(?:工作人员|客服|专员|坐席)(?:工号\\d+)?|工号\\d+|(?:您|你)的身份(?:已经?)?核实(?:了)?|(?:请问)?(?:你|您)?现在(?:方便|有空)(?:接电话|通话|说话|接听|聊两句)?吗)';
/** Greetings, the agent's name and number, and a question about who or whether now is a good time, and nothing else. */
const IDENTITY_CHECK = new RegExp(`^(?:【[^】]{0,12}】)?(?:[^：，。？！]{1,6}：)?(?:${OPENER_CLAUSE}[，。？！]?)+$`);
/** At least one clause asks who is on the line or whether they can talk (a greeting alone is not a check). */
const IDENTITY_QUESTION = new RegExp(`是[^，。？！：]{0,8}?${ASKED_FOR}|认识|认不认识|现在(?:方便|有空)`);

/** The last code unit of an identity check: a question (吗么嘛？) or the agent's number. */
function endsLikeCheck(norm: string): boolean {
  const c = norm.charCodeAt(norm.length - 1);
  return c === 0x5417 || c === 0x4e48 || c === 0x561b || c === 0xff1f || c === 0x3f || (c >= 0x30 && c <= 0x39);
}

export function isIdentityCheck(norm: string): boolean {
  // The cheap tests first: the full pattern runs on few messages (it cost 2.6 % of the rules' time on every one).
  return norm.length <= 80 && endsLikeCheck(norm) && IDENTITY_QUESTION.test(norm) && IDENTITY_CHECK.test(norm);
}

/** veto.debtor's index in ALL_RULES (the borrower's own words; run() reads them by turn in a two-party call). */
const DEBTOR_VETO = ALL_RULES.findIndex((r) => r.id === 'veto.debtor');
/** A borrower's speaker tag (SPEAKER_TAG's name). */
const BORROWER_TAG = /^(?:借款人|客户|本人|机主|用户|我|接听人|接听者|债务人|欠款人)$/;

/** Whether a collector's turn is tagged in the text (COLLECTOR_TAG; the cheap test first). */
function hasCollectorTurn(norm: string): boolean {
  if (norm.indexOf('：') < 0) return false;
  COLLECTOR_TAG.lastIndex = 0;
  return COLLECTOR_TAG.test(norm);
}

/**
 * Keeps, of hits[from…], those outside a borrower's turn (a turn's speaker is its last tag before the hit); returns the
 * new length. The hits are one rule's, which runRule pushes in text order, so one pass over the tags serves them all and
 * a long call costs no more than its tags (a rescan per hit made a 20,000-character run of tagged turns 2–3× slower).
 */
function keepOutsideBorrowerTurns(norm: string, hits: Hit[], from: number): number {
  let k = from;
  let who: string | undefined;
  SPEAKER_TAG.lastIndex = 0;
  let t = SPEAKER_TAG.exec(norm);
  for (let j = from; j < hits.length; j++) {
    const h = hits[j]!;
    while (t !== null && t.index < h.start) {
      who = t[1];
      t = SPEAKER_TAG.exec(norm);
    }
    // The name may keep the space a speech recogniser put between turns (「。 借款人：」).
    if (who === undefined || !BORROWER_TAG.test(who.trim())) hits[k++] = h;
  }
  return k;
}

export function isOwnTurn(norm: string): boolean {
  // The cheap test first: a tag ends in a colon or starts with a bracket (【 or （ at the start).
  const c0 = norm.charCodeAt(0);
  if (c0 !== 0x3010 && c0 !== 0xff08 && c0 !== 0x28 && norm.indexOf('：') < 0) return false;
  const m = OWN_TURN.exec(norm);
  if (m === null) return false;
  const who = m[1] ?? m[2] ?? m[3]!;
  SPEAKER_TAG.lastIndex = 0;
  let t: RegExpExecArray | null;
  while ((t = SPEAKER_TAG.exec(norm)) !== null) if (t[1] !== who && !t[1]!.startsWith(who)) return false;
  // A collector's tag inside the text without a break before it: a speech recogniser separates turns with spaces, which
  // normalisation drops between Han characters (「客户：我真的现在拿不出来 催收：你就是个废物」, session 22, blind-152).
  COLLECTOR_TAG.lastIndex = 0;
  while ((t = COLLECTOR_TAG.exec(norm)) !== null) if (t.index > 0 && t[1] !== who) return false;
  return true;
}

function isGenuineCourtNotice(norm: string): boolean {
  return COURT_OFFICIAL.test(norm) && CASE_NUMBER.test(norm) && !COURT_FAKE.test(norm);
}

/** Order of spans: by start, then end. */
function bySpan(a: Span, b: Span): number {
  return a[0] - b[0] || a[1] - b[1];
}

/**
 * Up to this many spans are sorted by insertion (stable, like Array.prototype.sort, so the order is the same): a
 * message has a handful, and sort with its comparator cost 3 % of the rules' time (bench, 2026-12-07, same process:
 * classifyRules −0.5 µs a message, classify −0.6).
 */
const SMALL_SORT = 16;

function insertionSort(spans: Span[]): void {
  for (let k = 1; k < spans.length; k++) {
    const sp = spans[k]!;
    let j = k - 1;
    while (j >= 0 && bySpan(spans[j]!, sp) > 0) {
      spans[j + 1] = spans[j]!;
      j--;
    }
    spans[j + 1] = sp;
  }
}

/**
 * Merge and sort spans, in place (the spans are the caller's own): sort, then one sweep that joins
 * overlapping or touching spans. O(n log n): a long message can have hundreds of thousands of hits
 * (one per repeated trigger word), and the insertion sort this replaces took 22 s on 300k characters.
 */
export function mergeSpans(spans: Span[]): Span[] {
  const n = spans.length;
  if (n <= 1) return spans;
  if (n <= SMALL_SORT) insertionSort(spans);
  else spans.sort(bySpan);
  let w = 0;
  for (let k = 1; k < n; k++) {
    const sp = spans[k]!;
    const last = spans[w]!;
    if (sp[0] <= last[1]) {
      if (sp[1] > last[1]) last[1] = sp[1];
    } else spans[++w] = sp;
  }
  if (w + 1 < n) spans.length = w + 1;
  return spans;
}

function toSpans(n: CoreNormalized, hits: readonly Hit[]): Span[] {
  const out: Span[] = new Array<Span>(hits.length);
  const map = n.map;
  const ends = n.ends;
  if (map === null || ends === null) {
    for (let k = 0; k < hits.length; k++) out[k] = [hits[k]!.start, hits[k]!.end];
  } else {
    for (let k = 0; k < hits.length; k++) {
      const h = hits[k]!;
      out[k] = [map[h.start]!, h.end > h.start ? ends[h.end - 1]! : map[h.start]!];
    }
  }
  return mergeSpans(out);
}

/**
 * The part of a text the classifier reads: its first CLASSIFY_WINDOW_CHARS code units (a surrogate pair
 * at the edge is left out whole). A prefix, so offsets into it are offsets into the text.
 */
export function classifyWindow(text: string): string {
  if (text.length <= CLASSIFY_WINDOW_CHARS) return text;
  let end = CLASSIFY_WINDOW_CHARS;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end);
}

/** Classify with the full trace (normalised text, score, every rule hit), on classifyWindow(text). */
export function explain(text: string, to: Recipient = 'unknown'): Explanation {
  return run(classifyWindow(text), to, true) as Explanation;
}

/** Masks the normalised characters that lie in reported quotations (quotes.ts) so that no rule or gram reads them. */
function maskReported(text: string, n: CoreNormalized): CoreNormalized {
  const ranges = reportedQuotes(text);
  if (ranges.length === 0) return n;
  const norm = n.norm;
  let out = '';
  let r = 0;
  for (let i = 0; i < norm.length; i++) {
    const o = n.map === null ? i : n.map[i]!;
    while (r < ranges.length && ranges[r]![1] <= o) r++;
    out += r < ranges.length && ranges[r]![0] <= o ? MASK : norm[i]!;
  }
  return { ...n, norm: out };
}
/** What a masked character becomes: matched by no rule, and a gram like any other. */
const MASK = '_';

/** The result: the full explanation when tracing, else only labels and spans (what classify returns). */
function result(
  withTrace: boolean,
  labels: Label[],
  spans: Partial<Record<Label, Span[]>>,
  norm: string,
  score: number,
  hits: Hit[],
  genuineCourtNotice: boolean,
): Explanation | Classification {
  return withTrace ? { labels, spans, norm, score, hits, genuineCourtNotice } : { labels, spans };
}

function emptyResult(withTrace: boolean, norm: string, score: number, hits: Hit[], genuineCourtNotice: boolean, settledTurn = false): Explanation | Classification {
  LAST_RUN.labels = [];
  LAST_RUN.score = score;
  LAST_RUN.court = genuineCourtNotice;
  LAST_RUN.settled = genuineCourtNotice || settledTurn;
  return result(withTrace, [], {}, norm, score, hits, genuineCourtNotice);
}

function run(text: string, to: Recipient, withTrace: boolean): Explanation | Classification {
  const n = maskReported(text, normalizeShared(text));
  const norm = n.norm;
  LAST_RUN.n = n;
  LAST_RUN.hits = NO_HITS;
  LAST_RUN.labelHits = NO_LABEL_HITS;
  LAST_RUN.told = false;
  if (norm.length === 0) return emptyResult(withTrace, norm, 0, [], false);
  const nOpen = openRules(norm);
  if (courtOpen && isGenuineCourtNotice(norm)) return emptyResult(withTrace, norm, 0, [], true);
  if (isOwnTurn(norm) || isIdentityCheck(norm)) return emptyResult(withTrace, norm, 0, [], false, true);
  const toBit = TO_BIT[to];

  let score = 0;
  const hits: Hit[] = [];
  LAST_RUN.hits = hits;
  let i = 0;
  // Collection evidence.
  for (; i < nOpen; i++) {
    const r = openList[i]!;
    if (r >= COLLECTION_END) break;
    if ((RULE_TO[r]! & toBit) === 0) continue;
    const rule = ALL_RULES[r]!;
    const c = runRule(rule, norm, hits);
    if (c > 0) score += weight(rule, c);
  }
  const colEnd = hits.length;

  // Exact shortcut: with no collection evidence, only an anchoring threat or two threat kinds can
  // make this a collection message; if their rules cannot even run, it is ordinary.
  if (colEnd === 0 && GATING) {
    const anchorOpen = (shortcutMask & ANCHOR_BIT) !== 0;
    let kinds = 0;
    for (let m = shortcutMask & KIND_BITS; m !== 0; m &= m - 1) kinds++;
    // (With the naive-Bayes fallback on, one open threat kind can still be rescued: worth running
    // the remaining rules only when the model already leans to collection.)
    if (!anchorOpen && kinds < 2 && (NB === null || kinds === 0 || nbLogOdds(NB, norm) < NB_THRESHOLD)) {
      return emptyResult(withTrace, norm, score, withTrace ? hits.slice() : NO_HITS, false);
    }
  }
  for (; i < nOpen; i++) {
    const r = openList[i]!;
    if (r >= VETO_END) break;
    const rule = ALL_RULES[r]!;
    const before = hits.length;
    const c = runRule(rule, norm, hits);
    if (c === 0) continue;
    // A veto voided by a collection hit (lexicon.ts voidBy) neither subtracts nor shows as a hit.
    if (rule.voidBy !== undefined && hasHit(hits, colEnd, rule.voidBy)) hits.length = before;
    else if (r === DEBTOR_VETO && hasCollectorTurn(norm)) {
      // In a call with the collector's turns tagged, the borrower's own words (「借款人：我下周一定还」) are the other
      // side's: they do not make the collector's turns ordinary (blind-168). Their hits outside a borrower's turn count.
      const k = keepOutsideBorrowerTurns(norm, hits, before);
      hits.length = k;
      if (k > before) score += weight(rule, k - before);
    } else score += weight(rule, c);
  }

  // Threat labels (their weights count towards collection too), by slot in OTHER_LABELS.
  const labelHits: Array<Hit[] | undefined> = [undefined, undefined, undefined, undefined, undefined, undefined, undefined];
  LAST_RUN.labelHits = labelHits;
  /** Slots in the order they got hits (for the trace). */
  const order: number[] | null = withTrace ? [] : null;
  let labelCount = 0;
  let threatKinds = 0;
  let anchored = false;
  for (; i < nOpen; i++) {
    const r = openList[i]!;
    const slot = RULE_SLOT[r]!;
    if (slot === SLOT_THIRD_PARTY || (RULE_TO[r]! & toBit) === 0) continue;
    const rule = ALL_RULES[r]!;
    const lh = labelHits[slot];
    // scratch is empty here: runRule adds only the hits it counts, and they are moved out below.
    const c = runRule(rule, norm, lh ?? scratch);
    if (c > 0) {
      score += weight(rule, c);
      if (lh === undefined) {
        labelHits[slot] = scratch.slice();
        scratch.length = 0;
        order?.push(slot);
        labelCount++;
        if (slot !== SLOT_IMPERSONATION) threatKinds++;
      }
      if (RULE_ANCHOR[r] === 1) anchored = true;
    }
  }

  // Contacts already told, and nothing more threatened (the guide, "Settled 2026-12"): the report counts towards
  // collection, not as a threat.
  const tcHits = labelHits[SLOT_CONTACTS];
  let alreadyTold = false;
  // The reports themselves: they explain the collection label when nothing else does.
  let toldHits: Hit[] | undefined;
  if (tcHits !== undefined && allReports(norm, tcHits) && !ESCALATION.test(norm)) {
    // labelCount keeps the cue: the naive-Bayes rescue below may still call it collection, as before.
    labelHits[SLOT_CONTACTS] = undefined;
    threatKinds--;
    alreadyTold = true;
    LAST_RUN.told = true;
    toldHits = tcHits;
    if (order !== null) order.splice(order.indexOf(SLOT_CONTACTS), 1);
  }

  // Knife/gun/bomb emoji carry meaning (🔪🔪 还钱): matched on the original text.
  let emojiSpans: Span[] | null = null;
  if (n.emoji === true) {
    VIOLENT_EMOJI.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = VIOLENT_EMOJI.exec(text)) !== null) (emojiSpans ??= []).push([m.index, m.index + m[0].length]);
    if (emojiSpans !== null) score += 0.3;
  }

  // Label cues add to the score but cannot make a message collection on their own: there must be
  // collection evidence, an anchoring threat, or two different kinds of threat aimed at 你.
  // A collector reporting that it told the borrower's contacts is collecting too (the guide, "Settled 2026-12").
  let strong = colEnd > 0;
  if (strong && norm.length >= LONG_TEXT) {
    strong = false;
    for (let k = 0; k < colEnd; k++) {
      if (!WEAK_CUES.has(hits[k]!.rule)) {
        strong = true;
        break;
      }
    }
  }
  const positive = strong || anchored || (threatKinds >= 2 && hasYou && norm.length < LONG_TEXT) || alreadyTold;

  // In a long text a threat word alone does not send it to the fallback (session 17): over a hundred code units its
  // log-odds pile up, and a family's funeral arrangements (花圈 寿衣 棺材) or a hospital bill shared between siblings
  // (住院) passed it (blind-113, blind-114). Some collection word is needed there.
  const nbRescue =
    (score < COLLECTION_THRESHOLD || !positive) &&
    NB !== null &&
    hits.length === colEnd &&
    (colEnd > 0 || (labelCount > 0 && norm.length < LONG_TEXT)) &&
    nbLogOdds(NB, norm) >= NB_THRESHOLD;
  if ((score < COLLECTION_THRESHOLD || !positive) && !nbRescue) {
    return emptyResult(withTrace, norm, score, order !== null ? trace(hits, labelHits, order) : NO_HITS, false);
  }

  const labels: Label[] = ['collection'];
  const spans: Partial<Record<Label, Span[]>> = {};
  // Collection spans: its rule hits, leaving out the bare debt-noun cue when there is anything better.
  const colSpanHits: Hit[] = [];
  for (let i = 0; i < colEnd; i++) if (hits[i]!.rule !== 'col.debt_noun') colSpanHits.push(hits[i]!);
  let colSource: Hit[];
  if (colSpanHits.length > 0) colSource = colSpanHits;
  else if (colEnd > 0) colSource = hits.slice(0, colEnd);
  else {
    colSource = [];
    for (const lh of labelHits) if (lh !== undefined) append(colSource, lh);
    // A report that contacts were told is collection with no other cue (「名单已发给各位领导」): its own words.
    if (colSource.length === 0 && toldHits !== undefined) append(colSource, toldHits);
  }
  spans.collection = toSpans(n, colSource);

  // third_party: the recipient, or text that addresses a contact.
  if (to !== 'debtor') {
    const tp: Hit[] = [];
    for (const rule of LABEL_RULES.third_party) if (isOpen(rule.index)) runRule(rule, norm, tp);
    if (to === 'third_party' || tp.length > 0) {
      labelHits[SLOT_THIRD_PARTY] = tp.length > 0 ? tp : colSource;
      order?.push(SLOT_THIRD_PARTY);
    }
  }

  for (let slot = 0; slot < OTHER_LABELS.length; slot++) {
    const label = OTHER_LABELS[slot]!;
    const lh = labelHits[slot];
    const extra = label === 'threat_violence' ? emojiSpans : null;
    if ((lh === undefined || lh.length === 0) && extra === null) continue;
    const s = lh !== undefined ? toSpans(n, lh) : [];
    spans[label] = extra !== null ? mergeSpans([...s, ...extra]) : s;
    labels.push(label);
  }
  LAST_RUN.labels = labels;
  LAST_RUN.score = score;
  LAST_RUN.court = false;
  LAST_RUN.settled = false;
  return result(withTrace, labels, spans, norm, score, order !== null ? trace(hits, labelHits, order) : NO_HITS, false);
}

/**
 * What the last run() saw, for the linear model (linear.ts): the normalised text (valid until the next
 * classification), the collection and veto hits, the label hits by slot, and the rules' labels.
 */
export const LAST_RUN: {
  n: CoreNormalized;
  hits: Hit[];
  labelHits: ReadonlyArray<Hit[] | undefined>;
  labels: Label[];
  score: number;
  /** The rules' genuine-court-notice test matched (a dense feature of the model). */
  court: boolean;
  /**
   * The rules' verdict stands and the model does not read the text: a genuine court notice, a turn the borrower or
   * another non-collector speaks (isOwnTurn), or a collector's turn that only asks who is on the line (isIdentityCheck).
   */
  settled: boolean;
  /** The rules read a report that contacts were already told, with nothing more threatened ("Settled 2026-12"). */
  told: boolean;
} = {
  n: { norm: '', map: null, ends: null },
  hits: NO_HITS,
  labelHits: [],
  labels: [],
  score: 0,
  court: false,
  settled: false,
  told: false,
};
export { OTHER_LABELS };

/**
 * The labels (as bits of LABELS, collection = bit 0) whose rules matched in the last run, whether or not the rules
 * found the message to be collection: label rules only apply to collection messages, so when something else
 * (a collector's number, the linear model) decides that it is one, these are the labels the rules' words give.
 */
export function labelHitBits(): number {
  let b = 0;
  const lh = LAST_RUN.labelHits;
  for (let l = 1; l <= lh.length; l++) {
    const h = lh[l - 1];
    if (h !== undefined && h.length > 0) b |= 1 << l;
  }
  return b;
}

/** Scratch array for a label rule's hits before the label has any. */
const scratch: Hit[] = [];

/**
 * The rules alone on one message (its first CLASSIFY_WINDOW_CHARS: classifyWindow), as before the linear
 * model (model.ts); `to` is who received it (default 'unknown'). The bench compares against it.
 */
export function classifyRules(text: string, to?: Recipient): Classification {
  return run(classifyWindow(text), to ?? 'unknown', false);
}

/** The rules on a text already cut to its window (model.ts). */
export function runRules(window: string, to: Recipient): Classification {
  return run(window, to, false) as Classification;
}
