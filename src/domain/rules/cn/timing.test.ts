import { beforeEach, describe, expect, it } from 'vitest';
import { localDate } from '../../time.js';
import { runRules } from '../engine.js';
import { bj, call, caseOf, collector, ev, loan, msg, resetIds } from '../testkit.js';
import type { Finding } from '../types.js';
import { afterAgreementRule, callFloodRule, CN_RULES, nightContactRule } from './index.js';

beforeEach(() => resetIds());

const base = () => ({ loans: [loan(1, 'consumer_finance'), loan(2, 'credit_card', { agreementDate: '2026-03-01' })], collectors: [collector(1, 1), collector(2, 2), collector(3, null)] });

describe('cn.night-contact', () => {
  const at = (h: number, m: number, s: number) => bj(2026, 2, 10, h, m, s);

  it('22:00:00 and 07:59:59 are night; 21:59:59 and 08:00:00 are not', () => {
    const events = [call(at(21, 59, 59), 1), call(at(22, 0, 0), 1), call(at(7, 59, 59), 1), call(at(8, 0, 0), 1)];
    const [f, ...rest] = nightContactRule.evaluate(caseOf({ ...base(), events }));
    expect(rest).toEqual([]);
    expect(f!.eventIds.sort()).toEqual([2, 3]);
    expect(f!.details!.byDate).toEqual([{ date: '2026-02-10', count: 2, calls: 2, eventIds: [3, 2], times: ['07:59:59', '22:00:00'], kinds: ['call', 'call'] }]);
    expect(f!.tier).toBe('national_standard');
    expect(f!.citationIds).toEqual(['gbt-45251-2025.night', 'cba-2026-guideline.night', 'civil-code.art1033.item1']);
    expect(f!.summary.zh).toContain('推荐性国家标准');
    expect(f!.summary.en).toContain('not statutes');
  });

  it('counts labelled collection messages but not the borrower’s own calls or ordinary messages', () => {
    const events = [
      msg(at(23, 0, 0), ['collection']),
      msg(at(23, 1, 0), []),
      ev({ at: at(23, 2, 0), kind: 'call', direction: 'out', collectorId: 1, callStatus: 'outgoing' }),
      ev({ at: at(23, 3, 0), kind: 'call', direction: 'in', collectorId: null, callStatus: 'answered' }),
    ];
    const fs = nightContactRule.evaluate(caseOf({ ...base(), events }));
    expect(fs.flatMap((f) => f.eventIds)).toEqual([1]);
  });

  it('uses the event’s zone: 23:00 in New York is night there even though it is 12:00 in Beijing', () => {
    const nyNight = Date.UTC(2026, 1, 11, 4, 0, 0); // 23:00 EST, 12:00 Beijing
    const fs = nightContactRule.evaluate(caseOf({ ...base(), events: [call(nyNight, 1, 'answered', { tz: 'America/New_York' }), call(nyNight, 1)] }));
    expect(fs.flatMap((f) => f.eventIds)).toEqual([1]);
  });

  it('cites what applied on each date: the Civil Code from 2021, the standard from 2025-02-28, the guideline from 2026-01-30', () => {
    const events = [call(bj(2024, 6, 1, 23), 1), call(bj(2025, 6, 1, 23), 1), call(bj(2026, 2, 1, 23), 1)];
    const [f] = nightContactRule.evaluate(caseOf({ ...base(), events }));
    expect(f!.eventIds).toEqual([1, 2, 3]);
    expect(f!.details!.uncovered).toBeUndefined();
    const uses = f!.details!.citations as { id: string; count: number; eventIds?: number[] }[];
    expect(uses).toEqual([
      { id: 'gbt-45251-2025.night', count: 2, from: '2025-06-01', to: '2026-02-01', eventIds: [2, 3] },
      { id: 'cba-2026-guideline.night', count: 1, from: '2026-02-01', to: '2026-02-01', eventIds: [3] },
      { id: 'civil-code.art1033.item1', count: 3, from: '2024-06-01', to: '2026-02-01' },
    ]);
  });

  it('makes one finding per lender', () => {
    const fs = nightContactRule.evaluate(caseOf({ ...base(), events: [call(at(23, 0, 0), 1), call(at(23, 0, 0), 2), call(at(23, 5, 0), 1)] }));
    expect(fs.map((f) => [f.details!.loanId, f.count])).toEqual([
      [1, 2],
      [2, 1],
    ]);
  });
});

describe('cn.call-flood', () => {
  it('a local day, not a UTC day: 4 answered calls on one Beijing day spanning two UTC dates fire', () => {
    const times = [bj(2026, 2, 10, 6, 30), bj(2026, 2, 10, 7, 30), bj(2026, 2, 10, 8, 30), bj(2026, 2, 10, 9, 30)];
    expect(new Set(times.map((t) => new Date(t).toISOString().slice(0, 10))).size).toBe(2);
    expect(new Set(times.map((t) => localDate(t, 'Asia/Shanghai'))).size).toBe(1);
    const [f, ...rest] = callFloodRule.evaluate(caseOf({ ...base(), events: times.map((t) => call(t, 1)) }));
    expect(rest).toEqual([]);
    expect(f!.details).toMatchObject({ kind: 'answered', limit: 3, days: [{ date: '2026-02-10', calls: 4 }] });
    expect(f!.citationIds).toEqual(['gbt-45251-2025.calls', 'civil-code.art1033.item1']);
  });

  it('and the reverse: 4 answered calls on one UTC date but two Beijing days do not fire', () => {
    const times = [bj(2026, 2, 10, 22), bj(2026, 2, 10, 23), bj(2026, 2, 11, 0, 30), bj(2026, 2, 11, 1)];
    expect(new Set(times.map((t) => new Date(t).toISOString().slice(0, 10))).size).toBe(1);
    expect(callFloodRule.evaluate(caseOf({ ...base(), events: times.map((t) => call(t, 1)) }))).toEqual([]);
  });

  it('three answered calls are within the standard', () => {
    const ev3 = [9, 10, 11].map((h) => call(bj(2026, 2, 10, h), 1));
    expect(callFloodRule.evaluate(caseOf({ ...base(), events: ev3 }))).toEqual([]);
  });

  it('missed calls do not count as answered; more than 6 unanswered attempts in a day fire under the 2026 guideline', () => {
    const four = [9, 10, 11, 12].map((h) => call(bj(2026, 2, 10, h), 1, 'missed'));
    expect(callFloodRule.evaluate(caseOf({ ...base(), events: four }))).toEqual([]);
    const statuses = ['missed', 'rejected', 'blocked', 'voicemail', 'missed', 'missed'] as const;
    const six = statuses.map((s, k) => call(bj(2026, 2, 10, 9 + k), 1, s));
    expect(callFloodRule.evaluate(caseOf({ ...base(), events: six }))).toEqual([]);
    const seven = [...six, call(bj(2026, 2, 10, 20), 1, 'missed')];
    const [f] = callFloodRule.evaluate(caseOf({ ...base(), events: seven }));
    expect(f!.details).toMatchObject({ kind: 'unanswered', limit: 6, maxPerDay: 7 });
    expect(f!.citationIds).toEqual(['cba-2026-guideline.attempts', 'civil-code.art1033.item1']);
    expect(f!.tier).toBe('industry_guideline');
  });

  it('7 unanswered attempts before the guideline existed are not cited against it, but are still a finding', () => {
    const seven = Array.from({ length: 7 }, (_, k) => call(bj(2025, 6, 10, 9 + k), 1, 'missed'));
    const [f] = callFloodRule.evaluate(caseOf({ ...base(), events: seven }));
    expect(f!.citationIds).toEqual(['civil-code.art1033.item1']);
    expect(f!.details!.days).toEqual([{ date: '2025-06-10', calls: 7, limitInForce: false, covered: true }]);
    expect(f!.summary.zh).toContain('每日 6 次的界线出自中国银行业协会《金融机构个人消费类贷款催收工作指引（试行）》（2026-01-30起）');
  });

  it('counts each lender separately, and ignores calls that are not from collectors', () => {
    const events = [
      ...[9, 10].map((h) => call(bj(2026, 2, 10, h), 1)),
      ...[11, 12].map((h) => call(bj(2026, 2, 10, h), 2)),
      ...[13, 14].map((h) => ev({ at: bj(2026, 2, 10, h), kind: 'call', callStatus: 'answered' })),
    ];
    expect(callFloodRule.evaluate(caseOf({ ...base(), events }))).toEqual([]);
  });

  it('lists every flagged day with its count', () => {
    const events = [
      ...[9, 10, 11, 12, 13].map((h) => call(bj(2026, 2, 10, h), 3)),
      ...[9, 10, 11].map((h) => call(bj(2026, 2, 11, h), 3)),
      ...[9, 10, 11, 12].map((h) => call(bj(2026, 2, 12, h), 3)),
    ];
    const [f] = callFloodRule.evaluate(caseOf({ ...base(), events }));
    expect(f!.details!.days).toEqual([
      { date: '2026-02-10', calls: 5, limitInForce: true, covered: true },
      { date: '2026-02-12', calls: 4, limitInForce: true, covered: true },
    ]);
    expect(f!.count).toBe(9);
    expect(f!.summary.zh).toContain('催收号码 138****8000 有 2 天');
  });
});

describe('night calls and floods of any date cite what applied then (issue 12 §4)', () => {
  const cites = (f: Finding | undefined) => f!.citationIds;
  const night = (y: number) => {
    // Three night calls and three night messages from one collector, on one date of year y.
    return [
      ...[23, 23.5].map((h) => call(bj(y, 6, 1, Math.floor(h), (h % 1) * 60), 1)),
      call(bj(y, 6, 2, 2), 1),
      ...[0, 1, 2].map((m) => msg(bj(y, 6, 2, 23, m), ['collection'], { collectorId: 1 })),
    ];
  };
  const flood = (y: number) => [...[9, 10, 11, 12].map((h) => call(bj(y, 6, 3, h), 1)), ...Array.from({ length: 7 }, (_, k) => call(bj(y, 6, 4, 9 + k), 1, 'missed'))];

  it('2022: 民法典 第一千零三十三条（一）, and 治安管理处罚法 (2012) 第四十二条（五） for the repeated night messages', () => {
    const fs = runRules([nightContactRule, callFloodRule], caseOf({ ...base(), events: [...night(2022), ...flood(2022)] }));
    const n = fs.find((f) => f.rule === 'cn.night-contact')!;
    expect(n.count).toBe(6);
    expect(cites(n)).toEqual(['civil-code.art1033.item1', 'psl-2012.art42.item5']);
    const uses = n.details!.citations as { id: string; eventIds?: number[] }[];
    expect(uses.find((u) => u.id === 'psl-2012.art42.item5')!.eventIds).toEqual([4, 5, 6]); // the messages only
    expect(n.tier).toBe('statute');
    expect(n.summary.zh).toContain('《民法典》第一千零三十三条第（一）项');
    expect(n.summary.zh).toContain('《治安管理处罚法》（2012年修正）第四十二条第（五）项');
    expect(n.summary.zh).not.toContain('GB/T');
    const floods = fs.filter((f) => f.rule === 'cn.call-flood');
    expect(floods.map((f) => f.details!.kind).sort()).toEqual(['answered', 'unanswered']);
    for (const f of floods) {
      expect(cites(f)).toEqual(['civil-code.art1033.item1']);
      expect(f.summary.zh).toMatch(/此前的 1 天按同一界线列出/);
    }
  });

  it('2024: the same as 2022 (the standard is from 2025-02-28, the guideline from 2026-01-30)', () => {
    const fs = runRules([nightContactRule, callFloodRule], caseOf({ ...base(), events: [...night(2024), ...flood(2024)] }));
    expect(cites(fs.find((f) => f.rule === 'cn.night-contact'))).toEqual(['civil-code.art1033.item1', 'psl-2012.art42.item5']);
    for (const f of fs.filter((x) => x.rule === 'cn.call-flood')) expect(cites(f)).toEqual(['civil-code.art1033.item1']);
  });

  it('2026: the standard, the guideline, the Civil Code and the 2025 revision of 治安管理处罚法 (第五十条（五）)', () => {
    const fs = runRules([nightContactRule, callFloodRule], caseOf({ ...base(), events: [...night(2026), ...flood(2026)] }));
    const n = fs.find((f) => f.rule === 'cn.night-contact')!;
    expect(cites(n)).toEqual(['gbt-45251-2025.night', 'cba-2026-guideline.night', 'civil-code.art1033.item1', 'psl-2025.art50.item5']);
    expect(n.tier).toBe('national_standard');
    const a = fs.find((f) => f.rule === 'cn.call-flood' && f.details!.kind === 'answered')!;
    const u = fs.find((f) => f.rule === 'cn.call-flood' && f.details!.kind === 'unanswered')!;
    expect(cites(a)).toEqual(['gbt-45251-2025.calls', 'civil-code.art1033.item1']);
    expect(cites(u)).toEqual(['cba-2026-guideline.attempts', 'civil-code.art1033.item1']);
    expect(a.summary.zh).not.toContain('此前');
  });

  it('fewer than three night messages: no 治安管理处罚法 item (五)', () => {
    const events = [call(bj(2024, 6, 1, 23), 1), msg(bj(2024, 6, 1, 23, 30), ['collection'], { collectorId: 1 })];
    const [n] = nightContactRule.evaluate(caseOf({ ...base(), events }));
    expect(cites(n)).toEqual(['civil-code.art1033.item1']);
  });

  it('a date nothing in Huxun’s data covers (2020, before the Civil Code) still lists the events and says so plainly', () => {
    const fs = runRules([nightContactRule, callFloodRule], caseOf({ ...base(), events: [call(bj(2020, 6, 1, 23), 1), ...flood(2020)] }));
    const n = fs.find((f) => f.rule === 'cn.night-contact')!;
    expect(n.eventIds).toEqual([1]);
    expect(n.citationIds).toEqual([]);
    expect(n.severity).toBe('low');
    expect(n.details).toMatchObject({ noRuleApplied: true, uncovered: { count: 1, from: '2020-06-01', to: '2020-06-01', eventIds: [1] } });
    expect(n.summary.zh).toContain('Huxun 的法律资料中没有适用的规定');
    expect(n.summary.en).toContain("No rule in Huxun's law data applied");
    const floods = fs.filter((f) => f.rule === 'cn.call-flood');
    expect(floods).toHaveLength(2);
    for (const f of floods) {
      expect(f.citationIds).toEqual([]);
      expect(f.summary.zh).toContain('没有适用的规定');
    }
  });

  it('a case spanning 2020 and 2024 cites the 2024 events and lists the 2020 ones as uncovered', () => {
    const [n] = nightContactRule.evaluate(caseOf({ ...base(), events: [call(bj(2020, 6, 1, 23), 1), call(bj(2024, 6, 1, 23), 1)] }));
    expect(n!.eventIds).toEqual([1, 2]);
    expect(n!.citationIds).toEqual(['civil-code.art1033.item1']);
    expect(n!.details!.uncovered).toEqual({ count: 1, from: '2020-06-01', to: '2020-06-01', eventIds: [1] });
    expect(n!.summary.zh).toContain('其中 1 次夜间联系（2020-06-01）发生时，Huxun 的法律资料中没有适用的规定');
  });
});

describe('cn.after-agreement', () => {
  it('fires for a credit-card loan’s collectors after the agreement date, not on it', () => {
    const events = [call(bj(2026, 3, 1, 20), 2), call(bj(2026, 3, 2, 9), 2), call(bj(2026, 3, 2, 9), 1), msg(bj(2026, 3, 3, 9), ['collection'], { collectorId: 2 })];
    const [f, ...rest] = afterAgreementRule.evaluate(caseOf({ ...base(), events }));
    expect(rest).toEqual([]);
    expect(f!.eventIds).toEqual([2, 4]);
    expect(f!.citationIds).toEqual(['credit-card-2011.art70']);
    expect(f!.summary.zh).toContain('2026-03-01');
  });

  it('does not fire for other lender types (the reference has no such rule for them)', () => {
    const b = base();
    b.loans[0] = loan(1, 'consumer_finance', { agreementDate: '2026-03-01' });
    expect(afterAgreementRule.evaluate(caseOf({ ...b, events: [call(bj(2026, 3, 5, 9), 1)] }))).toEqual([]);
  });
});

describe('the whole pack on a lawful reminder', () => {
  it('a daytime reminder labelled collection only produces no finding', () => {
    const events = [msg(bj(2026, 2, 10, 10), ['collection'], { collectorId: 1 }), call(bj(2026, 2, 10, 11), 1)];
    expect(runRules(CN_RULES, caseOf({ ...base(), events }))).toEqual([] as Finding[]);
  });
});
