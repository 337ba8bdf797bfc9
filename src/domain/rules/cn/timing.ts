/**
 * Rules on when and how often collectors call: night contact, call floods, and collection after a signed
 * installment agreement. Local time is the event's own zone (else the case's), from the IANA database.
 */
import { CitationTally } from '../engine.js';
import { dayString, parseDay, timeString } from '../localtime.js';
import { EVENT_KINDS } from '../../collection/types.js';
import { type CaseIndex, F_COLLECTION, K_CALL, F_COLLECTOR_CALL, F_THIRD_PARTY, prepare, S_ANSWERED, S_UNANSWERED } from '../prepare.js';
import { period } from '../text.js';
import type { CaseData, Finding, Rule } from '../types.js';
import type { Text2 } from '../../law.js';
import { C } from './citations.js';
import { ruleMeta } from './meta.js';
import { PACK, decider, eventFinding, groupEvents, groupsOf, whoText, type Group } from './common.js';
import { mayConstitute } from './names.js';

const NIGHT_START = 22 * 3600; // 22:00:00 inclusive
const NIGHT_END = 8 * 3600; // up to 07:59:59
const K_VISIT = EVENT_KINDS.indexOf('visit');

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ── Night contact ──────────────────────────────────────────────────────────

/**
 * What a night contact may breach, in priority order (the first cited is the finding's primary basis). Each is cited for
 * an event only if it was in force on the event's local date (from the law view): the 2025 national standard and the
 * 2026 guideline from their own dates; 民法典 第一千零三十三条（一） (harassment by phone, SMS or IM; from 2021-01-01) for
 * calls and messages; 治安管理处罚法 item (五) for repeated harassing messages (the 2012 text to 2025-12-31, the 2025
 * revision from 2026-01-01). A night contact on a date none of them covers is still listed, and the finding says so.
 */
const NIGHT_CITATIONS = [C.gbtNight, C.cbaNight, C.civil1033Item1, C.psl12Item5, C.psl25Item5];
/** "多次": three or more (软暴力意见 第五条; docs/law/cn-law.md B2): repeated messages for 治安管理处罚法 item (五). */
const REPEATED_MESSAGES = 3;
const K_SMS = EVENT_KINDS.indexOf('sms');
const K_IM = EVENT_KINDS.indexOf('im');

/** Events of `idx` that no rule covered, as a sentence ("其中 N 次…"), or empty. */
function uncoveredText(ix: CaseIndex, idx: readonly number[], cited: readonly number[], what: Text2): Text2 {
  const un = idx.length - cited.length;
  if (!un) return { zh: '', en: '' };
  const set = new Set(cited);
  let lo = Infinity, hi = -Infinity;
  for (const i of idx) {
    if (set.has(i)) continue;
    const d = ix.day[i]!;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  const p = period(dayString(lo), dayString(hi));
  if (!cited.length) {
    return {
      zh: `这些${what.zh}发生时（${p.zh}），Huxun 的法律资料中没有适用的规定；仍列出作为记录。`,
      en: `No rule in Huxun's law data applied on the dates of these ${what.en} (${p.en}); they are listed as a record.`,
    };
  }
  return {
    zh: `其中 ${un} 次${what.zh}（${p.zh}）发生时，Huxun 的法律资料中没有适用的规定；仍列出作为记录。`,
    en: `For ${un} of these ${what.en} (${p.en}), no rule in Huxun's law data applied on their dates; they are listed as a record.`,
  };
}

export const nightContactRule: Rule = {
  id: 'cn.night-contact',
  pack: PACK,
  title: ruleMeta('cn.night-contact').title,
  description: {
    zh: '当地时间22:00:00至次日07:59:59之间的催收电话、短信或上门（催收号码打来的电话，或被标记为催收的联系），逐条列出；每条按其日期当时有效的规定引用，没有适用规定的日期也照样列出。',
    en: 'Collection calls, messages or visits between 22:00:00 and 07:59:59 local time (calls from collector numbers, or contacts labelled collection), each listed and cited under what applied on its date; dates no rule covered are listed too.',
  },
  tier: 'national_standard',
  severity: 'medium',
  citationIds: NIGHT_CITATIONS,
  channels: ruleMeta('cn.night-contact').channels,
  evaluate(c: CaseData): Finding[] {
    const ix = prepare(c);
    const hits: number[] = [];
    for (let k = 0; k < ix.n; k++) {
      const i = ix.order[k]!;
      if (!(ix.flags[i]! & F_COLLECTION)) continue;
      const s = ix.sod[i]!;
      if (s >= NIGHT_START || s < NIGHT_END) hits.push(i);
    }
    const out: Finding[] = [];
    for (const { group, idx } of groupEvents(ix, hits)) {
      const tally = new CitationTally(c.law.citations, NIGHT_CITATIONS);
      const [kGbt, kCba, kCivil, kPsl12, kPsl25] = NIGHT_CITATIONS.map((id) => tally.k(id)) as [number, number, number, number, number];
      const isMessage = (i: number) => ix.kind[i] === K_SMS || ix.kind[i] === K_IM;
      const messages = idx.filter(isMessage).length;
      const cited: number[] = [];
      for (const i of idx) {
        const kind = ix.kind[i]!;
        const ks = [kGbt, kCba];
        // 民法典 第一千零三十三条（一）: phone, SMS, IM (not a visit).
        if (kind === K_CALL || isMessage(i)) ks.push(kCivil);
        if (isMessage(i) && messages >= REPEATED_MESSAGES) ks.push(kPsl12, kPsl25);
        if (tally.addAll(ks, ix.day[i]!, ix.ids[i]!)) cited.push(i);
      }
      // Each night contact, listed per local date: its event id, local time and kind.
      const byDate: { date: string; count: number; calls: number; eventIds: number[]; times: string[]; kinds: string[] }[] = [];
      let cur: (typeof byDate)[number] | null = null;
      let calls = 0;
      let visits = 0;
      let lastDay = NaN;
      for (let j = 0; j < idx.length; j++) {
        const i = idx[j]!;
        const d = ix.day[i]!;
        if (d !== lastDay) {
          cur = { date: dayString(d), count: 0, calls: 0, eventIds: [], times: [], kinds: [] };
          byDate.push(cur);
          lastDay = d;
        }
        const kind = ix.kind[i]!;
        cur!.count++;
        if (kind === K_CALL) {
          calls++;
          cur!.calls++;
        } else if (kind === K_VISIT) visits++;
        cur!.eventIds.push(ix.ids[i]!);
        cur!.times.push(timeString(ix.sod[i]!));
        cur!.kinds.push(EVENT_KINDS[kind] ?? ix.events[i]!.kind);
      }
      const n = idx.length;
      const p = period(byDate[0]!.date, byDate[byDate.length - 1]!.date);
      const who = whoText(ix, group, idx);
      const may = mayConstitute(tally, {
        zh: '除非借款人同意过夜间联系，按各次联系当日有效的规定，这可能构成：',
        en: 'Unless the borrower agreed to contact at night, under what applied on the date of each contact this may constitute: ',
      });
      const dec = decider(tally.citedTiers());
      const none = uncoveredText(ix, idx, cited, { zh: '夜间联系', en: 'night contacts' });
      out.push(
        eventFinding({
          rule: 'cn.night-contact',
          fallbackTier: 'national_standard',
          severity: 'medium',
          tally,
          ix,
          idx,
          citedIdx: cited,
          group,
          summary: {
            zh: `${p.zh}，${who.zh}在当地时间22:00至次日8:00之间催收联系 ${n} 次（其中电话 ${calls} 次），分布在 ${byDate.length} 个日期。${may.zh}${dec.zh}${none.zh}`,
            en: `${cap(p.en)}, ${who.en} made ${n} collection contact${n === 1 ? '' : 's'} between 22:00 and 08:00 local time (${calls} call${calls === 1 ? '' : 's'}), on ${byDate.length} date${byDate.length === 1 ? '' : 's'}. ${may.en} ${dec.en} ${none.en}`.replace(/\s+/g, ' ').trim(),
          },
          lenderTypes: [group.lenderType],
          details: { nightFrom: '22:00:00', nightTo: '07:59:59', calls, messages: n - calls - visits, visits, dates: byDate.length, byDate },
        }),
      );
    }
    return out;
  },
};

// ── Call floods ────────────────────────────────────────────────────────────

/** GB/T 45251-2025: at most 3 effective (answered) calls with one debtor a day. */
export const ANSWERED_LIMIT = 3;
/** CBA 2026 guideline: at most 6 attempts a day on the same unanswered number. */
export const ATTEMPT_LIMIT = 6;

interface DayBucket {
  day: number;
  answered: number[];
  unanswered: number[];
}

export const callFloodRule: Rule = {
  id: 'cn.call-flood',
  pack: PACK,
  title: ruleMeta('cn.call-flood').title,
  description: {
    zh: '同一贷款方的催收号码在一个当地日内与借款人接通超过3次，或借款人未接时当天尝试拨打超过6次（未接、拒接、拦截、转语音信箱），列出日期和次数；任何日期都列出，每天按当日有效的规定引用。',
    en: "More than 3 answered collection calls to the borrower from one lender's collectors in a local day, or more than 6 attempts in a day when unanswered (missed, rejected, blocked, voicemail); days and counts listed for any date, each day cited under what applied on it.",
  },
  tier: 'national_standard',
  severity: 'medium',
  citationIds: [C.gbtCalls, C.cbaAttempts, C.civil1033Item1],
  channels: ruleMeta('cn.call-flood').channels,
  evaluate(c: CaseData): Finding[] {
    const ix = prepare(c);
    const gs = groupsOf(ix);
    // Per lender, per local day. The calls are all to the borrower's phone (the log is the borrower's), so
    // "the same number" of the guideline is the borrower's number; the limit binds each lender and its collectors.
    // Pass 1 counts calls per (lender, day, answered/unanswered); pass 2 collects the calls of the days over a limit.
    let minDay = Infinity, maxDay = -Infinity;
    for (let i = 0; i < ix.n; i++) {
      if (!isFloodCall(ix, i)) continue;
      const d = ix.day[i]!;
      if (d < minDay) minDay = d;
      if (d > maxDay) maxDay = d;
    }
    if (minDay > maxDay) return [];
    const span = maxDay - minDay + 1;
    const G = gs.list.length;
    const cells = G * span * 2;
    const dense = cells <= 20_000_000;
    const counts = dense ? new Int32Array(cells) : null;
    const sparse = dense ? null : new Map<number, number>();
    const cell = (g: number, d: number, answered: boolean) => ((g * span + (d - minDay)) << 1) | (answered ? 0 : 1);
    for (let i = 0; i < ix.n; i++) {
      const st = isFloodCall(ix, i);
      if (!st) continue;
      const key = cell(gs.of[i]!, ix.day[i]!, st === S_ANSWERED);
      if (counts) counts[key]!++;
      else sparse!.set(key, (sparse!.get(key) ?? 0) + 1);
    }
    const countOf = (key: number) => (counts ? counts[key]! : (sparse!.get(key) ?? 0));
    // Pass 2, chronological: the calls of flagged cells, bucketed by lender and day.
    const byGroup = new Map<number, Map<number, DayBucket>>();
    for (let k = 0; k < ix.n; k++) {
      const i = ix.order[k]!;
      const st = isFloodCall(ix, i);
      if (!st) continue;
      const answered = st === S_ANSWERED;
      const g = gs.of[i]!, d = ix.day[i]!;
      if (countOf(cell(g, d, answered)) <= (answered ? ANSWERED_LIMIT : ATTEMPT_LIMIT)) continue;
      let days = byGroup.get(g);
      if (!days) {
        days = new Map();
        byGroup.set(g, days);
      }
      let b = days.get(d);
      if (!b) {
        b = { day: d, answered: [], unanswered: [] };
        days.set(d, b);
      }
      (answered ? b.answered : b.unanswered).push(i);
    }
    const out: Finding[] = [];
    for (const [g, days] of byGroup) {
      const group = gs.list[g]!;
      const buckets = [...days.values()].sort((a, b) => a.day - b.day);
      const a = flood(c, ix, group, buckets, 'answered');
      if (a) out.push(a);
      const u = flood(c, ix, group, buckets, 'unanswered');
      if (u) out.push(u);
    }
    return out;
  },
};

/** A collector call to the borrower that counts for call floods: its outcome code, or 0. */
function isFloodCall(ix: CaseIndex, i: number): number {
  const f = ix.flags[i]!;
  if (!(f & F_COLLECTOR_CALL) || f & F_THIRD_PARTY) return 0;
  const st = ix.status[i]!;
  return st === S_ANSWERED || st === S_UNANSWERED ? st : 0;
}

function flood(c: CaseData, ix: CaseIndex, g: Group, buckets: DayBucket[], kind: 'answered' | 'unanswered'): Finding | null {
  const limit = kind === 'answered' ? ANSWERED_LIMIT : ATTEMPT_LIMIT;
  // The limit's own source (from its date), and 民法典 第一千零三十三条（一） (harassment by phone, from 2021-01-01).
  const cid = kind === 'answered' ? C.gbtCalls : C.cbaAttempts;
  const tally = new CitationTally(c.law.citations, [C.gbtCalls, C.cbaAttempts, C.civil1033Item1]);
  const ks = [tally.k(cid), tally.k(C.civil1033Item1)];
  const all: number[] = [];
  const cited: number[] = [];
  const days: { date: string; calls: number; limitInForce: boolean; covered: boolean }[] = [];
  let max = 0;
  for (const b of buckets) {
    const list = kind === 'answered' ? b.answered : b.unanswered;
    if (list.length <= limit) continue;
    let covered = false;
    for (const i of list) {
      all.push(i);
      if (tally.addAll(ks, b.day, ix.ids[i]!)) {
        cited.push(i);
        covered = true;
      }
    }
    days.push({ date: dayString(b.day), calls: list.length, limitInForce: tally.applies(ks[0]!, b.day), covered });
    if (list.length > max) max = list.length;
  }
  if (!all.length) return null;
  // Buckets are in day order and each bucket in time order, so `all` is chronological.
  const who = whoText(ix, g, all);
  const p = period(days[0]!.date, days[days.length - 1]!.date);
  const nd = days.length;
  const may = mayConstitute(tally, { zh: '按各日当时有效的规定，这可能构成：', en: 'Under what applied on each day, this may constitute: ' });
  const dec = decider(tally.citedTiers());
  const what =
    kind === 'answered'
      ? { zh: `有 ${nd} 天与借款人接通的催收电话超过 ${limit} 次（最多一天 ${max} 次，共 ${all.length} 次）`, en: `on ${nd} day${nd === 1 ? '' : 's'} had more than ${limit} answered collection calls with the borrower (up to ${max} in a day, ${all.length} in all)` }
      : { zh: `有 ${nd} 天在借款人未接听时拨打超过 ${limit} 次（最多一天 ${max} 次，共 ${all.length} 次）`, en: `on ${nd} day${nd === 1 ? '' : 's'} made more than ${limit} unanswered call attempts to the borrower (up to ${max} in a day, ${all.length} in all)` };
  // The daily limit is the standard's (answered) or the guideline's (attempts); on days before it, it is only a measure.
  const from = c.law.citations[cid]?.effectiveFrom ?? null;
  const before = days.filter((d) => !d.limitInForce).length;
  const source = c.law.citations[cid]?.title ?? { zh: cid, en: cid };
  const measure =
    before && from
      ? {
          zh: `每日 ${limit} 次的界线出自${source.zh}（${from}起）；此前的 ${before} 天按同一界线列出，只引用当日已经有效的规定。`,
          en: `The limit of ${limit} a day comes from ${source.en} (from ${from}); the ${before} earlier day${before === 1 ? ' is' : 's are'} listed by the same measure, citing only what was in force on the day.`,
        }
      : { zh: '', en: '' };
  const none = uncoveredText(ix, all, cited, { zh: '来电', en: 'calls' });
  return eventFinding({
    rule: 'cn.call-flood',
    fallbackTier: kind === 'answered' ? 'national_standard' : 'industry_guideline',
    severity: 'medium',
    tally,
    ix,
    idx: all,
    citedIdx: cited,
    group: g,
    summary: {
      zh: `${p.zh}，${who.zh}${what.zh}。${may.zh}${dec.zh}${measure.zh}${none.zh}`,
      en: `${cap(p.en)}, ${who.en} ${what.en}. ${may.en} ${dec.en} ${measure.en} ${none.en}`.replace(/\s+/g, ' ').trim(),
    },
    lenderTypes: [g.lenderType],
    details: { kind, limit, maxPerDay: max, days },
  });
}

// ── Collection after a signed installment agreement ───────────────────────

export const afterAgreementRule: Rule = {
  id: 'cn.after-agreement',
  pack: PACK,
  title: ruleMeta('cn.after-agreement').title,
  description: {
    zh: '信用卡借款记录了分期还款协议的签署日期，此后该借款的催收号码仍在催收（持卡人不履行协议的除外）。',
    en: "A credit-card debt records the date an installment agreement was signed, and that loan's collectors kept collecting after it (unless the cardholder broke the agreement).",
  },
  tier: 'regulation',
  severity: 'high',
  citationIds: [C.ccArt70],
  channels: ruleMeta('cn.after-agreement').channels,
  evaluate(c: CaseData): Finding[] {
    const ix = prepare(c);
    // Only 信用卡办法 第七十条 says collection must stop once a plan is signed; the reference has no such rule for other lenders.
    const loans = new Map<number, number>(); // loanId → agreement day
    for (const l of c.loans) {
      if (l.lenderType !== 'credit_card') continue;
      const d = parseDay(l.agreementDate ?? null);
      if (d != null) loans.set(l.id, d);
    }
    if (!loans.size) return [];
    // The agreement day that applies to each collector of those loans.
    const byCollector = new Map<number, number>();
    for (const col of c.collectors) {
      const d = col.loanId != null ? loans.get(col.loanId) : undefined;
      if (d !== undefined) byCollector.set(col.id, d);
    }
    const hits: number[] = [];
    for (let k = 0; k < ix.n; k++) {
      const i = ix.order[k]!;
      if (!(ix.flags[i]! & (F_COLLECTION | F_THIRD_PARTY))) continue;
      const cid = ix.col[i]!;
      if (cid < 0) continue;
      const from = byCollector.get(cid);
      if (from !== undefined && ix.day[i]! > from) hits.push(i);
    }
    const out: Finding[] = [];
    for (const { group, idx } of groupEvents(ix, hits)) {
      const loan = ix.loanById.get(group.loanId!)!;
      const tally = new CitationTally(c.law.citations, [C.ccArt70]);
      const kk = tally.k(C.ccArt70);
      const proven = idx.filter((i) => tally.add(kk, ix.day[i]!, ix.ids[i]!));
      if (!proven.length) continue;
      const agreed = loan.agreementDate!;
      const paidAfter = loan.payments.filter((p) => p.date >= agreed);
      const n = proven.length;
      const p = period(dayString(ix.day[proven[0]!]!), dayString(ix.day[proven[n - 1]!]!));
      const who = whoText(ix, group, proven);
      const may = mayConstitute(tally);
      const dec = decider(tally.citedTiers());
      out.push(
        eventFinding({
          rule: 'cn.after-agreement',
          fallbackTier: 'regulation',
          severity: 'high',
          tally,
          ix,
          idx: proven,
          group,
          summary: {
            zh: `分期还款协议记录于 ${agreed} 签署；此后 ${p.zh}，${who.zh}仍催收联系 ${n} 次。协议签署后借款人记录了 ${paidAfter.length} 笔还款。发卡银行与持卡人签署分期还款协议后应停止催收，持卡人不履行协议的除外。${may.zh}${dec.zh}`,
            en: `An installment agreement is recorded as signed on ${agreed}; after it, ${p.en}, ${who.en} made ${n} more collection contact${n === 1 ? '' : 's'}. The borrower recorded ${paidAfter.length} payment${paidAfter.length === 1 ? '' : 's'} since the agreement. Once a plan is signed the card issuer must stop collecting, unless the cardholder breaks the plan. ${may.en} ${dec.en}`.trim(),
          },
          lenderTypes: [group.lenderType],
          details: { agreementDate: agreed, paymentsSinceAgreement: paidAfter.length },
        }),
      );
    }
    return out;
  },
};
