/**
 * The findings page a person can read (issue 16): the rule engine's findings (one per rule and lender) gathered into one
 * card per kind of conduct, most serious first (src/domain/rules/cn/meta.ts: severity, then rank). Each card says what
 * happened in one plain sentence with counts and local dates, who did it, the rule in plain words, how binding its main
 * basis is (src/shared/glossary.ts BINDING), and lists the events and the provisions behind it.
 *
 * The sentence is written here from the events themselves, never from the findings' summaries (which name statutes and
 * repeat them per lender); glossary terms left in any text are marked for the page to explain on tap.
 */
import type { TimelineEvent } from '../domain/collection/types.js';
import { maskNumber as maskCollectorNumber } from '../domain/collection/collectors.js';
import type { Text2, Tier } from '../domain/law.js';
import { formatYuan } from '../domain/money.js';
import { SEVERITY_WEIGHT, TIER_WEIGHT } from '../domain/rules/engine.js';
import { ruleMeta } from '../domain/rules/cn/meta.js';
import type { CaseData, Finding, Severity } from '../domain/rules/types.js';
import { clockFor, dayString } from '../domain/rules/localtime.js';
import { CHANNELS } from '../law/index.js';
import type { EventView } from '../shared/api.js';
import { EVENTS_PER_CARD, type FindingCardCitation, type FindingCardView, type FindingsPageView } from '../shared/findings.js';
import { BINDING, markTerms2, type Rich2 } from '../shared/glossary.js';
import { citationView } from './citations.js';
import { toView } from './timeline.js';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dateText(ymd: string, withYear: boolean): Text2 {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return {
    zh: withYear ? `${y} 年 ${m} 月 ${d} 日` : `${m} 月 ${d} 日`,
    en: withYear ? `${d} ${MONTHS_EN[m - 1]} ${y}` : `${d} ${MONTHS_EN[m - 1]}`,
  };
}

/** "3 月 2 日到 3 月 20 日" / "3 月 2 日"; the year only when the period crosses one. */
export function periodText(from: string, to: string): Text2 {
  const withYear = from.slice(0, 4) !== to.slice(0, 4);
  const a = dateText(from, withYear);
  if (from === to) return { zh: a.zh, en: `On ${a.en}` };
  const b = dateText(to, withYear);
  return { zh: `${a.zh}到 ${b.zh}`, en: `From ${a.en} to ${b.en}` };
}

const isMessage = (e: TimelineEvent) => e.kind === 'sms' || e.kind === 'im';

/** "打来 14 次电话、发来 3 条短信" / "14 calls and 3 messages". */
function contactsBreakdown(events: readonly TimelineEvent[]): Text2 {
  const calls = events.filter((e) => e.kind === 'call').length;
  const messages = events.filter(isMessage).length;
  const visits = events.filter((e) => e.kind === 'visit').length;
  const other = events.length - calls - messages - visits;
  const zh: string[] = [];
  const en: string[] = [];
  if (calls) zh.push(`打来 ${calls} 次电话`), en.push(`${calls} call${calls === 1 ? '' : 's'}`);
  if (messages) zh.push(`发来 ${messages} 条消息`), en.push(`${messages} message${messages === 1 ? '' : 's'}`);
  if (visits) zh.push(`上门 ${visits} 次`), en.push(`${visits} visit${visits === 1 ? '' : 's'}`);
  if (other) zh.push(`其他联系 ${other} 次`), en.push(`${other} other contact${other === 1 ? '' : 's'}`);
  return { zh: zh.join('、'), en: en.join(' and ').replace(/ and (?=.* and )/g, ', ') };
}

function numbersClause(n: number): Text2 {
  if (!n) return { zh: '', en: '' };
  return { zh: `，来自 ${n} 个号码`, en: `, from ${n} number${n === 1 ? '' : 's'}` };
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

interface Facts {
  rule: string;
  findings: Finding[];
  events: TimelineEvent[];
  from: string | null;
  to: string | null;
  numbers: number;
  localDays: number;
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** What happened, in one sentence: counts and local dates, no statute names. */
function sentenceOf(x: Facts): Text2 {
  const n = x.events.length;
  const P = x.from && x.to ? periodText(x.from, x.to) : { zh: '', en: '' };
  const K = numbersClause(x.numbers);
  const s = (zh: string, en: string): Text2 => ({ zh: `${P.zh}，${zh}${K.zh}。`, en: `${P.en}, ${en}${K.en}.` });
  switch (x.rule) {
    case 'cn.threat-violence':
      return s(`催收方 ${n} 次威胁要伤害你、你的家人或你的财产`, `collectors threatened ${times(n)} to harm you, your family or your property`);
    case 'cn.impersonation':
      return s(`催收方 ${n} 次冒充警察、法院、政府或律师`, `collectors posed ${times(n)} as the police, a court, the government or a lawyer`);
    case 'cn.visit-threat':
      return s(`催收方 ${n} 次说要到你家、单位或老家上门`, `collectors said ${times(n)} they would turn up at your home, workplace or home town`);
    case 'cn.threat-contacts':
      return s(`催收方 ${n} 次威胁要告诉你的亲友、单位，或公开你的欠款`, `collectors threatened ${times(n)} to tell your family, friends or employer, or to make your debt public`);
    case 'cn.contacts-at-scale': {
      const k = Math.max(0, ...x.findings.map((f) => num(f.details?.contactsReached)));
      return s(`催收方联系了你通讯录里的 ${k} 个人，共 ${n} 次`, `collectors reached ${k} people in your contact list, ${times(n)} in all`);
    }
    case 'cn.third-party-contact': {
      // Per lender the rule counts the contacts it reached; across lenders the largest count is a floor ("至少").
      const k = Math.max(0, ...x.findings.map((f) => num(f.details?.contactsReached)));
      const who = k ? { zh: `，至少涉及 ${k} 位联系人`, en: `, reaching at least ${k} contact${k === 1 ? '' : 's'}` } : { zh: '', en: '' };
      return s(`催收方 ${n} 次找你以外的人（亲友、同事等）催收${who.zh}`, `collectors went ${times(n)} to people other than you (family, friends, colleagues)${who.en}`);
    }
    case 'cn.insult':
      return s(`催收方 ${n} 次辱骂或侮辱你`, `collectors insulted you ${times(n)}`);
    case 'cn.false-legal':
      return s(`催收方 ${n} 次用虚假或夸大的法律后果吓你（比如说要抓你、要立案）`, `collectors tried ${times(n)} to frighten you with false or exaggerated legal consequences (arrest, a criminal case)`);
    case 'cn.night-contact': {
      const b = contactsBreakdown(x.events);
      return s(
        `催收方在夜里 22 点到早上 8 点之间联系你 ${n} 次（${b.zh}），分布在 ${x.localDays} 天`,
        `collectors contacted you ${times(n)} between 22:00 and 08:00 (${b.en}), on ${x.localDays} day${x.localDays === 1 ? '' : 's'}`,
      );
    }
    case 'cn.call-flood': {
      const days = new Set<string>();
      let max = 0;
      for (const f of x.findings) {
        for (const d of (f.details?.days as { date: string }[] | undefined) ?? []) days.add(d.date);
        max = Math.max(max, num(f.details?.maxPerDay));
      }
      const d = days.size || x.localDays;
      if (d === 1) return s(`催收方一天之内打来 ${n} 次电话，超过了每天的次数限制`, `collectors called ${n} times in one day, over the daily limit`);
      return s(
        `催收方有 ${d} 天电话打得太多，这些天共打来 ${n} 次，最多的一天 ${max} 次`,
        `collectors called too often on ${d} days: ${n} calls on those days, up to ${max} in one day`,
      );
    }
    case 'cn.after-agreement':
      return s(`在你签了分期还款协议之后，催收方仍联系你 ${n} 次`, `after you signed an installment agreement, collectors still contacted you ${times(n)}`);
    case 'cn.over-legal-line':
      return overLineSentence(x);
    default: {
      const meta = ruleMeta(x.rule);
      return s(`${meta?.short.zh ?? x.rule}，共 ${n} 次`, `${(meta?.short.en ?? x.rule).toLowerCase()}, ${times(n)}`);
    }
  }
}

/** 0.352 → "35.2%", 0.24 → "24%". */
function pct(r: number): string {
  return `${Number((r * 100).toFixed(1))}%`;
}

/** Per loan, the line it exceeds by most (the lowest line that applies): its rate, the line and the yuan above it. */
function overLineSentence(x: Facts): Text2 {
  const byLoan = new Map<number, { name: string; apr: number; line: number; excess: number }>();
  for (const f of x.findings) {
    const d = f.details ?? {};
    const id = num(d.loanId);
    const cur = byLoan.get(id);
    const excess = num(d.excessFen);
    if (!cur || excess > cur.excess) byLoan.set(id, { name: String(d.lenderName ?? ''), apr: num(d.aprNominal), line: num(d.lineRate), excess });
  }
  const loans = [...byLoan.values()];
  if (loans.length === 1) {
    const l = loans[0]!;
    return {
      zh: `你在${l.name}的借款，真实年化利率约 ${pct(l.apr)}，高于适用的 ${pct(l.line)} 利率线；按合同要还的钱比按这条线算多 ${formatYuan(l.excess)} 元。`,
      en: `Your loan from ${l.name} costs about ${pct(l.apr)} a year (true annual rate), above the ${pct(l.line)} line that applies; under the contract you pay ${formatYuan(l.excess)} yuan more than at that line.`,
    };
  }
  const total = loans.reduce((a, l) => a + l.excess, 0);
  return {
    zh: `你有 ${loans.length} 笔借款的真实年化利率高于适用的利率线；按合同要还的钱比按这些线算一共多 ${formatYuan(total)} 元（每笔按超出最多的那条线算）。`,
    en: `${loans.length} of your loans cost more a year (true annual rate) than the line that applies; under the contracts you pay ${formatYuan(total)} yuan more in all than at those lines (each loan at the line it exceeds most).`,
  };
}

function citationOf(id: string): FindingCardCitation {
  const c = citationView(id);
  return {
    id: c.id,
    title: c.title,
    title_en: c.title_en,
    excerpt: c.excerpt,
    excerpt_en: c.excerpt_en,
    excerpt_is_summary: c.excerpt_is_summary,
    tier: c.tier,
    binding: markTerms2(BINDING[c.tier]),
    verified: c.verified,
    firm: c.verified === 'verified_primary' || c.verified === 'verified_secondary',
  };
}

function notesOf(rule: string, findings: readonly Finding[]): Rich2[] {
  const notes: Text2[] = [];
  let un = 0;
  let lo: string | null = null;
  let hi: string | null = null;
  for (const f of findings) {
    const u = f.details?.uncovered as { count: number; from: string; to: string } | undefined;
    if (!u) continue;
    un += u.count;
    if (!lo || u.from < lo) lo = u.from;
    if (!hi || u.to > hi) hi = u.to;
  }
  if (un && lo && hi) {
    const p = periodText(lo, hi);
    notes.push({
      zh: `其中 ${un} 次（${p.zh}）发生时，护讯的法律资料里还没有适用的规定，仍列出作为记录。`,
      en: `${un} of these (${p.en.charAt(0).toLowerCase()}${p.en.slice(1)}) happened before any rule in Huxun's law data applied; they are listed as a record.`,
    });
  }
  if (rule === 'cn.over-legal-line' && findings.some((f) => f.details?.verified === 'secondary' || f.details?.verified === 'unverified')) {
    notes.push({
      zh: '这条线不是法定的利率上限，超过不等于违法：在诉讼中借款人提出请求时，法院一般会减掉超过的部分。它的依据只在二手来源中读到。',
      en: 'This line is not a statutory cap, and being above it does not make the loan illegal: when the borrower asks in court, courts generally take off the part above it. Its basis was read only in secondary sources.',
    });
  }
  return notes.map(markTerms2);
}

function maxSeverity(fs: readonly Finding[]): Severity {
  return fs.reduce<Severity>((a, f) => (SEVERITY_WEIGHT[f.severity] > SEVERITY_WEIGHT[a] ? f.severity : a), 'low');
}

function strongestTier(fs: readonly Finding[]): Tier {
  // A finding no rule covered carries the weakest tier and no citation; it decides the card's tier only if all are such.
  const cited = fs.filter((f) => f.citationIds.length);
  return (cited.length ? cited : fs).reduce<Tier>((a, f) => (TIER_WEIGHT[f.tier] > TIER_WEIGHT[a] ? f.tier : a), 'industry_guideline');
}

/** Most serious first: the cards' severity, then the rule's own (meta.ts), then its rank; rule id last. */
export function compareCards(a: Pick<FindingCardView, 'rule' | 'severity'>, b: Pick<FindingCardView, 'rule' | 'severity'>): number {
  const ma = ruleMeta(a.rule);
  const mb = ruleMeta(b.rule);
  return (
    SEVERITY_WEIGHT[b.severity] - SEVERITY_WEIGHT[a.severity] ||
    (mb ? SEVERITY_WEIGHT[mb.severity] : 0) - (ma ? SEVERITY_WEIGHT[ma.severity] : 0) ||
    (ma?.rank ?? 99) - (mb?.rank ?? 99) ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}

/**
 * One card per rule from the engine's findings (runRules over `data`). Dates are local dates in `data.tz`. Pure but for
 * reading src/law (citations, channels).
 */
export function buildFindingCards(findings: readonly Finding[], data: CaseData): FindingsPageView {
  const tz = data.tz;
  // Local days through the rules' cached clock (one time-zone lookup per hour of the case, not one per event).
  const clock = clockFor(tz);
  const localDay = (at: number) => clock.dayNumber(at);
  const localDate = (at: number) => dayString(localDay(at));
  const eventById = new Map(data.events.map((e) => [e.id, e]));
  const collectorById = new Map(data.collectors.map((c) => [c.id, c]));
  const collectorNames = new Map(data.collectors.map((c) => [c.id, c.name]));
  const contactNames = new Map(data.contacts.map((c) => [c.id, c.name]));
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byRule.get(f.rule);
    if (list) list.push(f);
    else byRule.set(f.rule, [f]);
  }
  const cards: FindingCardView[] = [];
  for (const [rule, fs] of byRule) {
    const meta = ruleMeta(rule);
    const ids = new Set<number>();
    for (const f of fs) for (const id of f.eventIds) ids.add(id);
    const events = [...ids]
      .map((id) => eventById.get(id))
      .filter((e): e is TimelineEvent => !!e)
      .sort((a, b) => a.at - b.at || a.id - b.id);
    const days = new Set(events.map((e) => localDay(e.at)));
    const from = events.length ? localDate(events[0]!.at) : null;
    const to = events.length ? localDate(events[events.length - 1]!.at) : null;
    const numbers = new Set(events.map((e) => e.number).filter((n): n is string => !!n));
    // Collectors: those of the events, in order of first contact.
    const colIds = new Set<number>();
    for (const e of events) if (e.collectorId != null) colIds.add(e.collectorId);
    const collectors = [...colIds].map((id) => {
      const c = collectorById.get(id);
      return { id, name: c?.name ?? `#${id}`, numbers: (c?.numbers ?? []).map(maskCollectorNumber) };
    });
    const lenders: FindingCardView['lenders'] = [];
    for (const f of fs) {
      const name = typeof f.details?.lenderName === 'string' ? f.details.lenderName : null;
      const loanId = typeof f.details?.loanId === 'number' ? f.details.loanId : null;
      if (name == null && loanId == null) continue;
      if (!lenders.some((l) => l.name === name && l.loan_id === loanId)) lenders.push({ name, loan_id: loanId });
    }
    const tier = strongestTier(fs);
    const citeIds: string[] = [];
    for (const f of fs) for (const id of f.citationIds) if (!citeIds.includes(id)) citeIds.push(id);
    const cites = citeIds.map(citationOf).sort((a, b) => TIER_WEIGHT[b.tier] - TIER_WEIGHT[a.tier]);
    const chIds = new Set(fs.flatMap((f) => f.channels));
    const count = rule === 'cn.over-legal-line' ? new Set(fs.map((f) => f.details?.loanId)).size : events.length;
    cards.push({
      rule,
      title: meta?.title ?? { zh: rule, en: rule },
      severity: maxSeverity(fs),
      sentence: markTerms2(sentenceOf({ rule, findings: fs, events, from, to, numbers: numbers.size, localDays: days.size })),
      from,
      to,
      count,
      collectors,
      lenders,
      rule_plain: markTerms2(meta?.plain ?? { zh: '', en: '' }),
      binding: { tier, words: markTerms2(BINDING[tier]) },
      citations: cites.filter((c) => c.firm),
      other_citations: cites.filter((c) => !c.firm),
      events: events.slice(0, EVENTS_PER_CARD).map((e): EventView => toView(e, collectorNames, contactNames)),
      events_total: events.length,
      channels: CHANNELS.filter((c) => chIds.has(c.id)).map((c) => ({ id: c.id, name: c.name, contact: c.contact, handles: c.handles })),
      notes: notesOf(rule, fs),
    });
  }
  cards.sort(compareCards);
  return { cards, findings: findings.length, tz };
}
