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
import { ruleChannels } from './channels.js';
import { C, CN_CITATION_META } from './citations.js';
import { PACK, decider, eventFinding, groupEvents, groupsOf, whoText, type Group } from './common.js';
import { mayConstitute } from './names.js';

const NIGHT_START = 22 * 3600; // 22:00:00 inclusive
const NIGHT_END = 8 * 3600; // up to 07:59:59
const K_VISIT = EVENT_KINDS.indexOf('visit');

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ── Night contact ──────────────────────────────────────────────────────────

const NIGHT_CITATIONS = [C.gbtNight, C.cbaNight];

export const nightContactRule: Rule = {
  id: 'cn.night-contact',
  pack: PACK,
  title: { zh: '夜间催收（22:00至次日8:00）', en: 'Collection at night (22:00–08:00)' },
  description: {
    zh: '当地时间22:00:00至次日07:59:59之间的催收电话、短信或上门（催收号码打来的电话，或被标记为催收的联系），逐条列出。',
    en: 'Collection calls, messages or visits between 22:00:00 and 07:59:59 local time (calls from collector numbers, or contacts labelled collection), each listed.',
  },
  tier: 'national_standard',
  severity: 'medium',
  citationIds: NIGHT_CITATIONS,
  channels: ruleChannels('cn.night-contact'),
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
      const tally = new CitationTally(CN_CITATION_META, NIGHT_CITATIONS);
      const ks = [tally.k(C.gbtNight), tally.k(C.cbaNight)];
      const proven: number[] = [];
      for (const i of idx) if (tally.addAll(ks, ix.day[i]!, ix.ids[i]!)) proven.push(i);
      if (!proven.length) continue;
      // Each night contact, listed per local date: its event id, local time and kind.
      const byDate: { date: string; count: number; calls: number; eventIds: number[]; times: string[]; kinds: string[] }[] = [];
      let cur: (typeof byDate)[number] | null = null;
      let calls = 0;
      let visits = 0;
      let lastDay = NaN;
      for (let j = 0; j < proven.length; j++) {
        const i = proven[j]!;
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
      const n = proven.length;
      const p = period(byDate[0]!.date, byDate[byDate.length - 1]!.date);
      const who = whoText(ix, group, proven);
      const may = mayConstitute(tally, {
        zh: '除非借款人同意过夜间联系，这可能构成：',
        en: 'Unless the borrower agreed to contact at night, this may constitute: ',
      });
      const dec = decider(tally.citedTiers());
      out.push(
        eventFinding({
          rule: 'cn.night-contact',
          fallbackTier: 'national_standard',
          severity: 'medium',
          tally,
          ix,
          idx: proven,
          group,
          summary: {
            zh: `${p.zh}，${who.zh}在当地时间22:00至次日8:00之间催收联系 ${n} 次（其中电话 ${calls} 次），分布在 ${byDate.length} 个日期。${may.zh}${dec.zh}`,
            en: `${cap(p.en)}, ${who.en} made ${n} collection contact${n === 1 ? '' : 's'} between 22:00 and 08:00 local time (${calls} call${calls === 1 ? '' : 's'}), on ${byDate.length} date${byDate.length === 1 ? '' : 's'}. ${may.en} ${dec.en}`.trim(),
          },
          lenderTypes: [group.lenderType],
          details: { nightFrom: '22:00:00', nightTo: '07:59:59', calls, messages: n - calls - visits, visits, dates: byDate.length, byDate, uncovered: idx.length - proven.length },
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
  title: { zh: '频繁催收电话', en: 'Call floods' },
  description: {
    zh: '同一贷款方的催收号码在一个当地日内与借款人接通超过3次，或借款人未接时当天尝试拨打超过6次（未接、拒接、拦截、转语音信箱），列出日期和次数。',
    en: "More than 3 answered collection calls to the borrower from one lender's collectors in a local day, or more than 6 attempts in a day when unanswered (missed, rejected, blocked, voicemail); days and counts listed.",
  },
  tier: 'national_standard',
  severity: 'medium',
  citationIds: [C.gbtCalls, C.cbaAttempts],
  channels: ruleChannels('cn.call-flood'),
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
      const a = flood(ix, group, buckets, 'answered');
      if (a) out.push(a);
      const u = flood(ix, group, buckets, 'unanswered');
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

function flood(ix: CaseIndex, g: Group, buckets: DayBucket[], kind: 'answered' | 'unanswered'): Finding | null {
  const limit = kind === 'answered' ? ANSWERED_LIMIT : ATTEMPT_LIMIT;
  const cid = kind === 'answered' ? C.gbtCalls : C.cbaAttempts;
  const tally = new CitationTally(CN_CITATION_META, [C.gbtCalls, C.cbaAttempts]);
  const kc = tally.k(cid);
  const proven: number[] = [];
  const days: { date: string; calls: number }[] = [];
  let max = 0;
  for (const b of buckets) {
    const list = kind === 'answered' ? b.answered : b.unanswered;
    if (list.length <= limit || !tally.applies(kc, b.day)) continue;
    for (const i of list) {
      tally.add(kc, b.day, ix.ids[i]!);
      proven.push(i);
    }
    days.push({ date: dayString(b.day), calls: list.length });
    if (list.length > max) max = list.length;
  }
  if (!proven.length) return null;
  // Buckets are in day order and each bucket in time order, so `proven` is chronological.
  const who = whoText(ix, g, proven);
  const p = period(days[0]!.date, days[days.length - 1]!.date);
  const nd = days.length;
  const may = mayConstitute(tally);
  const dec = decider(tally.citedTiers());
  const what =
    kind === 'answered'
      ? { zh: `有 ${nd} 天与借款人接通的催收电话超过 ${limit} 次（最多一天 ${max} 次，共 ${proven.length} 次）`, en: `on ${nd} day${nd === 1 ? '' : 's'} had more than ${limit} answered collection calls with the borrower (up to ${max} in a day, ${proven.length} in all)` }
      : { zh: `有 ${nd} 天在借款人未接听时拨打超过 ${limit} 次（最多一天 ${max} 次，共 ${proven.length} 次）`, en: `on ${nd} day${nd === 1 ? '' : 's'} made more than ${limit} unanswered call attempts to the borrower (up to ${max} in a day, ${proven.length} in all)` };
  return eventFinding({
    rule: 'cn.call-flood',
    fallbackTier: kind === 'answered' ? 'national_standard' : 'industry_guideline',
    severity: 'medium',
    tally,
    ix,
    idx: proven,
    group: g,
    summary: {
      zh: `${p.zh}，${who.zh}${what.zh}。${may.zh}${dec.zh}`,
      en: `${cap(p.en)}, ${who.en} ${what.en}. ${may.en} ${dec.en}`.trim(),
    },
    lenderTypes: [g.lenderType],
    details: { kind, limit, maxPerDay: max, days },
  });
}

// ── Collection after a signed installment agreement ───────────────────────

export const afterAgreementRule: Rule = {
  id: 'cn.after-agreement',
  pack: PACK,
  title: { zh: '签署分期还款协议后仍催收', en: 'Collection after a signed installment agreement' },
  description: {
    zh: '信用卡借款记录了分期还款协议的签署日期，此后该借款的催收号码仍在催收（持卡人不履行协议的除外）。',
    en: "A credit-card debt records the date an installment agreement was signed, and that loan's collectors kept collecting after it (unless the cardholder broke the agreement).",
  },
  tier: 'regulation',
  severity: 'high',
  citationIds: [C.ccArt70],
  channels: ruleChannels('cn.after-agreement'),
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
      const tally = new CitationTally(CN_CITATION_META, [C.ccArt70]);
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
