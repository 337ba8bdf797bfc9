/**
 * Finds collectors among counterpart numbers and names the lender they work for.
 * Pure: takes events and loans, returns groups. The app layer stores them.
 */
import type { Label } from './types.js';
import { CLASSIFY_WINDOW_CHARS } from '../limits.js';

/** Texts are read on the classifier's bounded window (limits.ts): a 300k-character message cost 0.6 s here. */
const window = (text: string) => (text.length > CLASSIFY_WINDOW_CHARS ? text.slice(0, CLASSIFY_WINDOW_CHARS) : text);

export interface GroupingEvent {
  kind: string;
  direction: string;
  at: number;
  number: string | null;
  text: string | null;
  labels: Label[];
  callStatus?: string | null;
}

export interface LenderRef {
  loanId: number;
  names: string[]; // lender name, product name
}

export interface CollectorGroup {
  name: string;
  numbers: string[];
  lenderName: string | null;
  loanId: number | null;
  /** Why these numbers were taken for a collector. */
  reasons: ('collection_message' | 'call_pattern')[];
}

/**
 * contactNumbers: the numbers of the borrower's own people (phone-book entries that are not lenders or
 * collectors); they are never taken for collectors automatically (the user can still mark one).
 */
export interface GroupingOptions {
  contactNumbers: Set<string>;
  lenders: LenderRef[];
  tz: string;
}

const BRACKET_TAG = /[【\[]([^【】\[\]]{2,20})[】\]]/g;
// A name runs back from its suffix to the nearest function word or punctuation, so 您在速借花平台 gives 速借花.
const STOP = '\\s\\p{P}\\p{S}的在您你他她已于欠向从是了和与及请将被为贵本我司该此笔这那';
const NAME_PATTERNS = [
  // A bare 贷/花/借 ends a name (速借花, 快闪贷) but not a verb: 也配借钱, 借给, 花了 are not platforms.
  new RegExp(`([^${STOP}]{1,8}(?:消费金融|金融|小贷|贷款|借呗|花呗|白条|分期|钱包|信用卡|银行|数科|科技|融资担保|资产管理|(?:贷|花|借)(?![钱款给了过到来出完光掉不没还])))(?:平台|公司|App|APP|app)?`, 'gu'),
  new RegExp(`([^${STOP}]{2,8})(?:平台|App|APP|app)`, 'gu'),
];
const GENERIC = new Set(['金融', '贷款', '借款', '分期', '信用卡', '银行', '科技', '网贷', '催收', '逾期', '借贷', '小贷', '还款', '您的借款', '你的借款', '平台借款', '该笔借款', '此笔借款', '这笔借款']);

/** Candidate lender names a message mentions (sender tags first, then names in the text). */
export function lenderMentions(full: string): string[] {
  const text = window(full);
  const out: string[] = [];
  for (const m of text.matchAll(BRACKET_TAG)) out.push(m[1]!.trim());
  for (const re of NAME_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const name = m[1]!;
      if (name.length >= 2 && !GENERIC.has(name)) out.push(name);
    }
  }
  return [...new Set(out)];
}

function bigrams(s: string): Set<string> {
  const t = s.replace(/[\s()（）·]/g, '').toLowerCase();
  const out = new Set<string>();
  for (let i = 0; i < t.length - 1; i++) out.add(t.slice(i, i + 2));
  if (t.length === 1) out.add(t);
  return out;
}

/** Fuzzy match of a mentioned name to a loan's names: containment, or bigram overlap ≥ 0.5. */
export function nameSimilarity(a: string, b: string): number {
  const x = a.replace(/\s/g, '').toLowerCase();
  const y = b.replace(/\s/g, '').toLowerCase();
  if (!x || !y) return 0;
  if (x === y) return 1;
  if ((x.length >= 2 && y.includes(x)) || (y.length >= 2 && x.includes(y))) return 0.9;
  const A = bigrams(x), B = bigrams(y);
  let inter = 0;
  for (const g of A) if (B.has(g)) inter++;
  return inter / Math.max(1, Math.min(A.size, B.size));
}

export function matchLender(mentions: string[], lenders: LenderRef[]): { loanId: number; name: string; score: number } | null {
  let best: { loanId: number; name: string; score: number } | null = null;
  for (const m of mentions) {
    for (const l of lenders) {
      for (const n of l.names) {
        const s = nameSimilarity(m, n);
        if (s >= 0.5 && (!best || s > best.score)) best = { loanId: l.loanId, name: l.names[0]!, score: s };
      }
    }
  }
  return best;
}

/** A number that calls in a collection pattern: ≥3 incoming calls on one local day, or ≥5 in all, and never answered by the borrower calling back. */
function callPatternNumbers(events: GroupingEvent[], opts: GroupingOptions, dayOf: (at: number) => string): Set<string> {
  const perDay = new Map<string, number>();
  const total = new Map<string, number>();
  const outgoing = new Set<string>();
  for (const e of events) {
    if (e.kind !== 'call' || !e.number) continue;
    if (e.direction === 'out') {
      outgoing.add(e.number);
      continue;
    }
    const k = `${e.number}|${dayOf(e.at)}`;
    perDay.set(k, (perDay.get(k) ?? 0) + 1);
    total.set(e.number, (total.get(e.number) ?? 0) + 1);
  }
  const out = new Set<string>();
  for (const [k, n] of perDay) {
    const num = k.slice(0, k.indexOf('|'));
    if (n >= 3 && !opts.contactNumbers.has(num) && !outgoing.has(num)) out.add(num);
  }
  for (const [num, n] of total) if (n >= 5 && !opts.contactNumbers.has(num) && !outgoing.has(num)) out.add(num);
  return out;
}

export function groupCollectors(events: GroupingEvent[], opts: GroupingOptions, dayOf: (at: number) => string): CollectorGroup[] {
  const collectionNumbers = new Map<string, Map<string, number>>(); // number → lender mention counts
  for (const e of events) {
    if (!e.number || e.direction === 'out' || !e.labels.includes('collection')) continue;
    // A friend in the phone book who forwards or quotes a collector's message is not a collector.
    if (opts.contactNumbers.has(e.number)) continue;
    const m = collectionNumbers.get(e.number) ?? new Map<string, number>();
    for (const name of lenderMentions(e.text ?? '')) m.set(name, (m.get(name) ?? 0) + 1);
    collectionNumbers.set(e.number, m);
  }
  const byPattern = callPatternNumbers(events, opts, dayOf);
  // Each number → its lender (a loan of the case when a mention matches one, else its most frequent mention).
  const groups = new Map<string, CollectorGroup>();
  const numberInfo = (num: string) => {
    const mentions = collectionNumbers.get(num);
    const names = mentions ? [...mentions.entries()].sort((a, b) => b[1] - a[1]).map(([n]) => n) : [];
    const match = matchLender(names, opts.lenders);
    if (match) return { key: `loan:${match.loanId}`, lenderName: match.name, loanId: match.loanId };
    if (names[0]) return { key: `name:${names[0]}`, lenderName: names[0], loanId: null };
    return { key: `num:${num}`, lenderName: null, loanId: null };
  };
  const add = (num: string, reason: CollectorGroup['reasons'][number]) => {
    const info = numberInfo(num);
    const g = groups.get(info.key) ?? { name: info.lenderName ? `${info.lenderName}催收` : `未知催收方 ${maskNumber(num)}`, numbers: [], lenderName: info.lenderName, loanId: info.loanId, reasons: [] };
    if (!g.numbers.includes(num)) g.numbers.push(num);
    if (!g.reasons.includes(reason)) g.reasons.push(reason);
    groups.set(info.key, g);
  };
  for (const num of collectionNumbers.keys()) add(num, 'collection_message');
  for (const num of byPattern) add(num, 'call_pattern');
  return [...groups.values()].map((g) => ({ ...g, numbers: g.numbers.sort() })).sort((a, b) => b.numbers.length - a.numbers.length || a.name.localeCompare(b.name));
}

/** A phone-book name that is itself a lender or collector (people save them as 速借花催收, XX银行客服…). */
export function isLenderLikeName(name: string): boolean {
  return /催收|催款|贷|金融|银行|信用卡|法务|客服|平台|借款|还款|逾期|律师|调解|外访|资产|分期|白条|花呗|借呗/.test(name);
}

export function maskNumber(n: string): string {
  if (n.length >= 7) return `${n.slice(0, 3)}****${n.slice(-4)}`;
  return n.length > 2 ? `${n.slice(0, 1)}${'*'.repeat(n.length - 2)}${n.slice(-1)}` : n;
}

/**
 * A contact telling the borrower that someone called or messaged them about the debt.
 * Returns the span of the telling phrase, or null.
 */
const REPORT_RE = /(有人|有个人|一个人|一个陌生|陌生人|陌生号码|催收|要债|讨债|追债|平台|网贷|贷款公司|说是|自称)[^。！？!?\n]{0,20}?(打(?:电话|了电话)?(?:给|到)我|给我打(?:了)?电话|打到我|找(?:到)?我|联系(?:了)?我|给我发(?:了)?(?:短信|信息|消息)|发(?:短信|信息|消息)给我|加(?:了)?我微信|打到(?:了)?(?:家里|单位|公司))/;
const REPORT_RE2 = /(打(?:电话)?(?:给|到)我|给我打(?:了)?电话|给我发(?:了)?(?:短信|信息|消息))[^。！？!?\n]{0,24}?(你欠|欠(?:了)?(?:钱|款|债)|借(?:了)?钱|逾期|还钱|催你|让我(?:转告|催|通知|帮你)|转告你)/;

export function detectThirdPartyReport(full: string): [number, number] | null {
  const text = window(full);
  const m = REPORT_RE.exec(text) ?? REPORT_RE2.exec(text);
  return m ? [m.index, m.index + m[0].length] : null;
}
