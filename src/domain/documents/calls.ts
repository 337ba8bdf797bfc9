/**
 * The calls and messages behind a letter, counted once: per collector from the case's activity (the evidence report's
 * counts, src/domain/report collectorActivity), night contacts and call floods from the rule engine's findings
 * (cn.night-contact, cn.call-flood: their thresholds, their days). Nothing here recounts with thresholds of its own.
 */
import type { Finding } from '../rules/types.js';
import type { DocumentCase, DocumentCollector, Lang } from './case.js';
import { fmtDate, fmtPeriod, joinList, plural } from './format.js';

export interface CollectorCalls {
  name: string;
  numbers: string[];
  lender: string | null;
  calls: number;
  answered: number;
  missed: number;
  messages: number;
  /** Night contacts (22:00–08:00) the night rule flagged for this collector's numbers. */
  night: number;
  first: string | null;
  last: string | null;
}

export interface FloodFacts {
  /** 'answered': more than `limit` answered calls a day; 'unanswered': more than `limit` attempts a day. */
  kind: 'answered' | 'unanswered';
  limit: number;
  /** Local dates with the day's calls, in order. */
  days: { date: string; calls: number }[];
  max: number;
}

export interface CallFacts {
  from: string | null;
  to: string | null;
  calls: number;
  answered: number;
  missed: number;
  messages: number;
  /** Distinct collector numbers that called or wrote. */
  numbers: number;
  /** Days with at least one call. */
  callDays: number;
  busiest: { date: string; calls: number } | null;
  night: { contacts: number; calls: number; dates: number; from: string; to: string } | null;
  floods: FloodFacts[];
  /** Most active first. */
  byCollector: CollectorCalls[];
  /** Per lender (the collectors' lender; '' when not identified), most calls first. */
  byLender: { lender: string; calls: number; answered: number; missed: number; messages: number; collectors: number }[];
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The call facts of the collectors and findings a letter is about. */
export function callFacts(c: DocumentCase, collectors: readonly DocumentCollector[], findings: readonly Finding[]): CallFacts {
  const byNumber = new Map<string, number>();
  collectors.forEach((k, i) => k.numbers.forEach((n) => byNumber.set(n, i)));
  const events = new Map(c.events.map((e) => [e.id, e]));

  // Night contacts: the night rule's findings (its 22:00–08:00 window, its dates).
  const nightPer = new Array<number>(collectors.length).fill(0);
  let nContacts = 0, nCalls = 0;
  const nightDates = new Set<string>();
  for (const f of findings) {
    if (f.rule !== 'cn.night-contact') continue;
    nContacts += f.count;
    nCalls += num(f.details?.['calls']);
    const byDate = f.details?.['byDate'];
    if (Array.isArray(byDate)) for (const d of byDate) if (d && typeof d.date === 'string') nightDates.add(d.date);
    for (const id of f.eventIds) {
      const e = events.get(id);
      const i = e?.number != null ? byNumber.get(e.number) : undefined;
      if (i !== undefined) nightPer[i]!++;
    }
  }
  const nd = [...nightDates].sort();

  // Floods: the flood rule's days over its limits (answered calls, attempts while unanswered).
  const floods: FloodFacts[] = [];
  for (const kind of ['unanswered', 'answered'] as const) {
    const days = new Map<string, number>();
    let limit = 0;
    for (const f of findings) {
      if (f.rule !== 'cn.call-flood' || f.details?.['kind'] !== kind) continue;
      limit = num(f.details?.['limit']);
      const ds = f.details?.['days'];
      if (Array.isArray(ds)) for (const d of ds) if (d && typeof d.date === 'string') days.set(d.date, (days.get(d.date) ?? 0) + num(d.calls));
    }
    if (!days.size) continue;
    const list = [...days].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([date, calls]) => ({ date, calls }));
    floods.push({ kind, limit, days: list, max: Math.max(...list.map((d) => d.calls)) });
  }

  // Per collector and per day: the case's activity.
  const perDay = new Map<string, number>();
  const rows: CollectorCalls[] = collectors.map((k, i) => {
    const a = k.activity;
    if (a) for (const [d, x] of Object.entries(a.perDay)) if (x.calls) perDay.set(d, (perDay.get(d) ?? 0) + x.calls);
    return {
      name: k.name, numbers: k.numbers, lender: k.lenderName, calls: a?.calls ?? 0, answered: a?.answered ?? 0, missed: a?.missed ?? 0, messages: a?.messages ?? 0,
      night: nightPer[i]!, first: a?.first ?? null, last: a?.last ?? null,
    };
  });
  const active = rows.filter((r) => r.calls + r.messages + r.night > 0).sort((a, b) => b.calls + b.messages - (a.calls + a.messages) || b.night - a.night);
  let busiest: CallFacts['busiest'] = null;
  for (const [date, calls] of perDay) if (!busiest || calls > busiest.calls || (calls === busiest.calls && date < busiest.date)) busiest = { date, calls };
  const sum = (f: (r: CollectorCalls) => number) => active.reduce((s, r) => s + f(r), 0);
  const firsts = active.map((r) => r.first).filter((x): x is string => !!x).sort();
  const lasts = active.map((r) => r.last).filter((x): x is string => !!x).sort();
  const lenders = new Map<string, CallFacts['byLender'][number]>();
  for (const r of active) {
    const key = r.lender ?? '';
    const l = lenders.get(key) ?? { lender: key, calls: 0, answered: 0, missed: 0, messages: 0, collectors: 0 };
    l.calls += r.calls;
    l.answered += r.answered;
    l.missed += r.missed;
    l.messages += r.messages;
    l.collectors++;
    lenders.set(key, l);
  }
  return {
    from: firsts[0] ?? null,
    to: lasts[lasts.length - 1] ?? null,
    calls: sum((r) => r.calls),
    answered: sum((r) => r.answered),
    missed: sum((r) => r.missed),
    messages: sum((r) => r.messages),
    numbers: new Set(active.filter((r) => r.calls + r.messages > 0).flatMap((r) => r.numbers)).size,
    callDays: [...perDay.values()].filter((n) => n > 0).length,
    busiest,
    night: nContacts ? { contacts: nContacts, calls: nCalls, dates: nd.length, from: nd[0] ?? '', to: nd[nd.length - 1] ?? '' } : null,
    floods,
    byCollector: active,
    byLender: [...lenders.values()].sort((a, b) => b.calls + b.messages - (a.calls + a.messages)),
  };
}

/** "2026年3月5日、3月6日等12天" — the first dates of a list, then how many. */
function someDates(dates: readonly string[], lang: Lang, show = 3): string {
  const zh = lang === 'zh';
  const shown = dates.slice(0, show).map((d) => fmtDate(d, lang));
  return dates.length > show ? (zh ? `${shown.join('、')}等${dates.length}天` : `${shown.join(', ')} and ${dates.length - show} more days`) : joinList(shown, lang);
}

/**
 * The sentences of the facts about calls: totals, answered and missed, busiest day (when the case counted calls per
 * collector), then night contacts and floods (from the findings). `totals: false` leaves out the first two.
 */
export function callSentences(f: CallFacts, lang: Lang, totals = true): string[] {
  const zh = lang === 'zh';
  const out: string[] = [];
  if (totals && f.calls + f.messages > 0 && f.from && f.to) {
    const ans =
      !f.answered && !f.missed
        ? ''
        : f.answered === f.calls
          ? zh ? '（每次都接听了）' : ' (all answered)'
          : f.missed === f.calls
            ? zh ? '（我都没有接听）' : ' (none answered)'
            : zh ? `（我接听${f.answered}次，未接或拒接${f.missed}次）` : ` (${f.answered} answered, ${f.missed} missed or rejected)`;
    const what = zh
      ? [f.calls ? `打来电话${f.calls}次${ans}` : '', f.messages ? `发来短信或消息${f.messages}条` : ''].filter(Boolean).join('，')
      : [f.calls ? `call me ${plural(f.calls, 'time', 'times')}${ans}` : '', f.messages ? `send ${plural(f.messages, 'message', 'messages')}` : ''].filter(Boolean).join(' and ');
    out.push(
      zh
        ? `${fmtPeriod(f.from, f.to, lang)}，催收方用${f.numbers}个号码给我${what}。`
        : `${f.from === f.to ? 'On' : 'From'} ${fmtPeriod(f.from, f.to, lang)}, collectors used ${plural(f.numbers, 'number', 'numbers')} to ${what}.`,
    );
  }
  if (totals && f.busiest && f.busiest.calls > 1 && f.callDays > 1) {
    const avg = f.callDays ? Math.round((f.calls / f.callDays) * 10) / 10 : 0;
    out.push(
      zh
        ? `有来电的${f.callDays}天里平均每天${avg}次，最多的一天（${fmtDate(f.busiest.date, lang)}）打来${f.busiest.calls}次。`
        : `On the ${f.callDays} days with calls there were ${avg} a day on average, and ${f.busiest.calls} on the worst day (${fmtDate(f.busiest.date, lang)}).`,
    );
  }
  if (f.night) {
    const n = f.night;
    const allCalls = n.calls === n.contacts;
    const calls = n.calls && !allCalls ? (zh ? `（其中电话${n.calls}次）` : ` (${plural(n.calls, 'call', 'calls')})`) : '';
    out.push(
      zh
        ? `其中${n.contacts}次${allCalls ? '电话' : ''}在夜间22:00至次日8:00之间${calls}，分布在${n.dates}天（${fmtPeriod(n.from, n.to, lang)}）。`
        : `${n.contacts} of these ${allCalls ? 'calls ' : ''}came between 22:00 and 08:00${calls}, on ${plural(n.dates, 'day', 'days')} (${fmtPeriod(n.from, n.to, lang)}).`,
    );
  }
  for (const fl of f.floods) {
    const dates = fl.days.map((d) => d.date);
    out.push(
      fl.kind === 'unanswered'
        ? zh
          ? `在我未接听的情况下，有${fl.days.length}天一天内拨打超过${fl.limit}次（${someDates(dates, lang)}），最多一天${fl.max}次。`
          : `On ${fl.days.length} days they called more than ${fl.limit} times while I did not answer (${someDates(dates, lang)}), up to ${fl.max} in a day.`
        : zh
          ? `有${fl.days.length}天接通的催收电话超过${fl.limit}次（${someDates(dates, lang)}），最多一天${fl.max}次。`
          : `On ${fl.days.length} days more than ${fl.limit} collection calls reached me (${someDates(dates, lang)}), up to ${fl.max} in a day.`,
    );
  }
  return out;
}
