/**
 * Finds collectors among counterpart numbers and links each to its lender, honestly (issue 12 §2).
 * Pure: takes events, loans and a registry lookup (passed in by the app: src/law's findLender), returns groups.
 *
 * A collector's lender comes from the registry (a 【signature】 or a brand named in its messages that the registry
 * knows, or a number the registry lists as a lender's published service number), from a loan of the case that its
 * messages name, or from the person's choice (made in the app, kept across regrouping). A fragment of a sentence is
 * never a lender's name. An authority or office named in a signature (仲裁委员会, 调解中心, 法务部, 律师事务所, 公安 …) is
 * what the collector claims to be, recorded as a claim: evidence of impersonation, never the lender.
 *
 * Not every number that writes about money is a collector: verification codes, salary and statement messages and
 * credit-repair adverts are service messages; a number that sends only those (and calls, perhaps) is not grouped.
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
  /** The registry's entities and brands the loan's names resolve to (the app looks them up). */
  entityIds?: string[];
  brandIds?: string[];
}

/** A lender as the registry knows it (the app builds it from src/law/lenders.ts). */
export interface LenderIdentity {
  /** What to show: the brand's name, or the entity's registered name. */
  name: string;
  /** The lending entity; null when a brand lends through several and the messages do not say which. */
  entityId: string | null;
  brandId: string | null;
  /** Names to match against the case's loans (brand, entity, short names). */
  names: string[];
}

export type LenderSource = 'signature' | 'brand' | 'service_number' | 'loan' | 'user';

export interface CollectorGroup {
  name: string;
  numbers: string[];
  /** The registry's name of the lender, or the loan's; null: unknown (the person is asked to choose a loan). */
  lenderName: string | null;
  loanId: number | null;
  lenderEntityId: string | null;
  lenderBrandId: string | null;
  lenderSource: LenderSource | null;
  /** Authorities or offices named in its signatures: what it claims to be. */
  claims: string[];
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
  /** The registry lookup for a name (a signature, a brand in the text); null when the registry does not know it. */
  identify?: (name: string) => LenderIdentity | null;
  /** Registry names a message contains (a brand written in the text); each then goes through identify. */
  namesIn?: (text: string) => string[];
  /** The lender whose published service number this is, if any. */
  serviceNumber?: (number: string) => LenderIdentity | null;
  /** Numbers the person marked "not a collector": never grouped. */
  notCollectors?: ReadonlySet<string>;
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

/**
 * Candidate names a message mentions (sender tags first, then names in the text). Candidates only: they become a
 * lender when the registry or a loan of the case knows them, never by themselves.
 */
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

/** Authorities and offices a collector may sign as to frighten: a claim, never a lender. */
const AUTHORITY_RE = /法院|仲裁|公安|派出所|警察|警方|检察|司法|法务|法律事务|法律服务|律师|律所|调解|政府|委员会|执行局|财产保全|公证|征信中心|监督管理局|监管局|金融管理局|金融局|人民银行|银保监|网信|专案组|经侦|刑侦|纪委|协会/;

/** Signature tags of a message (【…】 or […]) with their spans. */
export function signatures(full: string): { name: string; span: [number, number] }[] {
  const text = window(full);
  const out: { name: string; span: [number, number] }[] = [];
  for (const m of text.matchAll(BRACKET_TAG)) out.push({ name: m[1]!.trim(), span: [m.index!, m.index! + m[0].length] });
  return out;
}

/** Is this signature an authority or office (a claim) rather than a lender? */
export function isAuthorityName(name: string): boolean {
  return AUTHORITY_RE.test(name.normalize('NFKC'));
}

/** The authorities a message's signatures claim, with the span of each signature. */
export function signatureClaims(text: string): { name: string; span: [number, number] }[] {
  return signatures(text).filter((s) => isAuthorityName(s.name));
}

export type ServiceKind = 'verification_code' | 'salary' | 'statement' | 'advert';

const OVERDUE_RE = /逾期|欠款|拖欠|催收|违约|未还|尚未还|立即还款|尽快还款|马上还款|起诉|诉讼|上门|通讯录|紧急联系人|征信记录/;
const PREVENTIVE_RE = /(?:以免|避免|防止|谨防|切勿|请勿|以防)[^，。,.!！;；]{0,12}/g;
const SERVICE_RES: [ServiceKind, RegExp][] = [
  ['verification_code', /验证码|校验码|动态码|动态密码|确认码|激活码|短信码/],
  ['salary', /工资|代发|薪资|薪金|奖金|报销款|公积金/],
  ['statement', /账单|本期应还|最低还款|还款日为|到期还款日|最后还款日|还款成功|扣款成功|已成功还款|已到账|已入账|自动还款|已结清|已还清|交易\d|消费\d|支出\d|余额(?:为)?[\d人]/],
];
const ADVERT_RE = /征信修复|修复征信|信用修复|债务优化|债务重组|停息挂账|代理(?:协商|停催|投诉)|协商停催|逾期协商|个性化分期|专业团队|法务团队|上岸/;
const ADVERT_CONTACT_RE = /咨询|详询|加[vV微]|微信|[vV][:：]|退订|回[Tt]|免费|联系我们|私信|名额/;
const ABUSE: readonly Label[] = ['threat_contacts', 'threat_violence', 'insult', 'impersonation', 'false_legal', 'visit_threat', 'third_party'];

/**
 * A bank's or lender's service message, not collection: a verification code, salary or statement message, or an
 * advert for credit repair or "negotiation". Null for anything else (and for any message with abusive labels).
 */
export function serviceKind(full: string | null, labels: readonly Label[] = []): ServiceKind | null {
  if (!full) return null;
  if (labels.some((l) => ABUSE.includes(l))) return null;
  const text = window(full);
  if (ADVERT_RE.test(text) && ADVERT_CONTACT_RE.test(text)) return 'advert';
  // "请按时还款，以免逾期影响征信" in a reminder before the due date is not an overdue notice.
  if (OVERDUE_RE.test(text.replace(PREVENTIVE_RE, ''))) return null;
  for (const [kind, re] of SERVICE_RES) if (re.test(text)) return kind;
  return null;
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

export function matchLender(mentions: string[], lenders: LenderRef[], minScore = 0.5): { loanId: number; name: string; score: number } | null {
  let best: { loanId: number; name: string; score: number } | null = null;
  for (const m of mentions) {
    if (isAuthorityName(m)) continue; // an authority named in a message is never a loan's lender
    for (const l of lenders) {
      for (const n of l.names) {
        const s = nameSimilarity(m, n);
        if (s >= minScore && (!best || s > best.score)) best = { loanId: l.loanId, name: l.names[0]!, score: s };
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

interface NumberFacts {
  /** Collection messages that are not service messages. */
  collection: number;
  /** Service messages (codes, salary, statements, adverts). */
  service: number;
  /** Registry lenders named in signatures / in the text, with counts. */
  signed: Map<string, { id: LenderIdentity; n: number }>;
  named: Map<string, { id: LenderIdentity; n: number }>;
  /** Every candidate name (for matching a loan of the case). */
  mentions: Map<string, number>;
  claims: Set<string>;
}

const idKey = (id: LenderIdentity) => (id.entityId ? `ent:${id.entityId}` : `brand:${id.brandId ?? id.name}`);

function top<T>(m: Map<string, { id: T; n: number }>): T | null {
  let best: { id: T; n: number } | null = null;
  for (const v of m.values()) if (!best || v.n > best.n) best = v;
  return best?.id ?? null;
}

export function groupCollectors(events: GroupingEvent[], opts: GroupingOptions, dayOf: (at: number) => string): CollectorGroup[] {
  const identify = opts.identify ?? (() => null);
  const skip = opts.notCollectors ?? new Set<string>();
  const facts = new Map<string, NumberFacts>();
  const factsOf = (num: string) => {
    let f = facts.get(num);
    if (!f) facts.set(num, (f = { collection: 0, service: 0, signed: new Map(), named: new Map(), mentions: new Map(), claims: new Set() }));
    return f;
  };
  const bump = (m: NumberFacts['signed'], id: LenderIdentity) => {
    const k = idKey(id);
    const v = m.get(k);
    if (v) v.n++;
    else m.set(k, { id, n: 1 });
  };
  for (const e of events) {
    if (!e.number || e.direction === 'out' || e.kind === 'call' || skip.has(e.number)) continue;
    // A friend in the phone book who forwards or quotes a collector's message is not a collector.
    if (opts.contactNumbers.has(e.number)) continue;
    const text = e.text ?? '';
    if (serviceKind(text, e.labels)) {
      factsOf(e.number).service++;
      continue;
    }
    if (!e.labels.includes('collection')) continue;
    const f = factsOf(e.number);
    f.collection++;
    const sigs = signatures(text).map((s) => s.name);
    for (const name of sigs) {
      if (isAuthorityName(name)) f.claims.add(name);
      else {
        const id = identify(name);
        if (id) bump(f.signed, id);
      }
    }
    const named = new Set<string>();
    for (const name of lenderMentions(text)) {
      f.mentions.set(name, (f.mentions.get(name) ?? 0) + 1);
      if (!sigs.includes(name) && !isAuthorityName(name)) named.add(name);
    }
    for (const name of opts.namesIn?.(window(text)) ?? []) if (!sigs.includes(name)) named.add(name);
    const seen = new Set<string>();
    for (const name of named) {
      const id = identify(name);
      if (id && !seen.has(idKey(id))) {
        seen.add(idKey(id));
        bump(f.named, id);
      }
    }
  }
  const byPattern = callPatternNumbers(events, opts, dayOf);
  const groups = new Map<string, CollectorGroup>();
  const add = (num: string, reason: CollectorGroup['reasons'][number]) => {
    const f = facts.get(num);
    const service = opts.serviceNumber?.(num) ?? null;
    // Its lender: a signature the registry knows, else a brand named in the text, else a published service number.
    let id: LenderIdentity | null = null;
    let source: LenderSource | null = null;
    const signed = f ? top(f.signed) : null;
    const named = f ? top(f.named) : null;
    if (signed) [id, source] = [signed, 'signature'];
    else if (named) [id, source] = [named, 'brand'];
    else if (service) [id, source] = [service, 'service_number'];
    // A loan of the case: the registry's names of that lender first, else a name the messages mention.
    const mentionNames = f ? [...f.mentions.entries()].sort((a, b) => b[1] - a[1]).map(([n]) => n) : [];
    // With a registry lender, a loan matches by the registry (same entity or brand) or by a whole name, never by likeness:
    // 马上消费金融 and 招联消费金融 share most of their characters.
    const byRegistry = id
      ? opts.lenders.find((l) => (id.entityId && l.entityIds?.includes(id.entityId)) || (id.brandId && l.brandIds?.includes(id.brandId)))
      : undefined;
    const loan = byRegistry ? { loanId: byRegistry.loanId, name: byRegistry.names[0]! } : id ? matchLender(id.names, opts.lenders, 0.9) : matchLender(mentionNames, opts.lenders);
    let key: string;
    let lenderName: string | null;
    if (loan) {
      key = `loan:${loan.loanId}`;
      lenderName = id?.name ?? loan.name;
      if (!id) source = 'loan';
    } else if (id) {
      key = idKey(id);
      lenderName = id.name;
    } else {
      key = `num:${num}`;
      lenderName = null;
    }
    const claims = f ? [...f.claims] : [];
    let g = groups.get(key);
    if (!g) {
      const unknownName = `未知催收方 ${maskNumber(num)}${claims.length ? `（自称${claims[0]}）` : ''}`;
      g = {
        name: lenderName ? `${lenderName}催收` : unknownName,
        numbers: [],
        lenderName,
        loanId: loan?.loanId ?? null,
        lenderEntityId: id?.entityId ?? null,
        lenderBrandId: id?.brandId ?? null,
        lenderSource: lenderName ? source : null,
        claims: [],
        reasons: [],
      };
      groups.set(key, g);
    }
    if (!g.numbers.includes(num)) g.numbers.push(num);
    if (!g.reasons.includes(reason)) g.reasons.push(reason);
    for (const c of claims) if (!g.claims.includes(c)) g.claims.push(c);
  };
  for (const [num, f] of facts) if (f.collection > 0) add(num, 'collection_message');
  for (const num of byPattern) {
    if (skip.has(num)) continue;
    const f = facts.get(num);
    // A bank's number that sends codes or statements is not a collector for calling often.
    if (f && f.service > 0 && f.collection === 0) continue;
    add(num, 'call_pattern');
  }
  return [...groups.values()].map((g) => ({ ...g, numbers: g.numbers.sort(), claims: g.claims.sort() })).sort((a, b) => b.numbers.length - a.numbers.length || a.name.localeCompare(b.name));
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
