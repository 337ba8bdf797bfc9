import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDate, localParts } from '../time.js';
import { CitationTally, citationsForDate, compareFindings, inForce, runRules, type CitationMeta } from './engine.js';
import { dayString, exactOffsetMs, LocalClock, parseDay, weekdayOf } from './localtime.js';
import { prepare } from './prepare.js';
import { bj, call, caseOf, collector, ev, loan, msg } from './testkit.js';
import type { Finding, Rule } from './types.js';

const META: CitationMeta = {
  old: { tier: 'statute', effectiveFrom: null, effectiveTo: '2025-12-31' },
  new: { tier: 'statute', effectiveFrom: '2026-01-01', effectiveTo: null },
  std: { tier: 'national_standard', effectiveFrom: '2025-02-28', effectiveTo: null },
};

describe('citations by date', () => {
  it('picks the text in force on the local date, boundaries included', () => {
    expect(citationsForDate(META, ['old', 'new'], '2025-12-31')).toEqual(['old']);
    expect(citationsForDate(META, ['old', 'new'], '2026-01-01')).toEqual(['new']);
    expect(citationsForDate(META, ['std'], '2025-02-27')).toEqual([]);
    expect(citationsForDate(META, ['std'], '2025-02-28')).toEqual(['std']);
    // An id the law view does not hold is never in force (a finding never cites what src/law lacks).
    expect(inForce(META, 'unknown-id', '1999-01-01')).toBe(false);
    expect(new CitationTally(META, ['unknown-id']).add(0, parseDay('2026-01-01')!, 1)).toBe(false);
  });

  it('a tally cites each provision for its own events and lists them when it covers only part', () => {
    const t = new CitationTally(META, ['old', 'new', 'std']);
    const d1 = parseDay('2025-12-31')!, d2 = parseDay('2026-01-01')!;
    expect(t.addAll([t.k('old'), t.k('new'), t.k('std')], d1, 1)).toBe(2);
    expect(t.addAll([t.k('old'), t.k('new'), t.k('std')], d2, 2)).toBe(2);
    expect(t.cited()).toEqual(['old', 'new', 'std']);
    expect(t.uses([1, 2])).toEqual([
      { id: 'old', count: 1, from: '2025-12-31', to: '2025-12-31', eventIds: [1] },
      { id: 'new', count: 1, from: '2026-01-01', to: '2026-01-01', eventIds: [2] },
      { id: 'std', count: 2, from: '2025-12-31', to: '2026-01-01' },
    ]);
    expect(t.primaryTier('industry_guideline')).toBe('statute');
  });
});

function fakeFinding(rule: string, severity: Finding['severity'], tier: Finding['tier'], count: number, from = 0): Finding {
  return { rule, tier, severity, citationIds: [], eventIds: [], from, to: from, count, summary: { zh: '', en: '' }, channels: [] };
}

describe('runRules', () => {
  it('sorts by severity, then tier, then count, then rule id', () => {
    const rule = (fs: Finding[]): Rule => ({
      id: 'x',
      pack: 't',
      title: { zh: '', en: '' },
      description: { zh: '', en: '' },
      tier: 'statute',
      severity: 'low',
      citationIds: [],
      channels: [],
      evaluate: () => fs,
    });
    const out = runRules(
      [
        rule([fakeFinding('a', 'medium', 'statute', 1), fakeFinding('b', 'critical', 'industry_guideline', 1)]),
        rule([fakeFinding('c', 'medium', 'statute', 5), fakeFinding('d', 'medium', 'national_standard', 50), fakeFinding('e', 'medium', 'statute', 5)]),
      ],
      caseOf(),
    );
    expect(out.map((f) => f.rule)).toEqual(['b', 'c', 'e', 'a', 'd']);
    expect(compareFindings(out[0]!, out[0]!)).toBe(0);
  });
});

describe('local time index', () => {
  const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'Asia/Urumqi'];

  it('matches Intl for any instant in any zone (day, second of day, weekday)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1985, 0, 1), max: Date.UTC(2035, 0, 1) }), fc.constantFrom(...zones), (at, tz) => {
        const clock = new LocalClock(tz);
        // Warm the hour bucket with another instant of the same hour first, so the cached path is what is tested.
        clock.offsetMs(Math.floor(at / 3_600_000) * 3_600_000);
        const local = clock.localMs(at);
        const day = Math.floor(local / 86_400_000);
        const sod = Math.floor((local - day * 86_400_000) / 1000);
        const p = localParts(at, tz);
        expect(dayString(day)).toBe(localDate(at, tz));
        expect(sod).toBe(p.hour * 3600 + p.minute * 60 + p.second);
        expect(weekdayOf(day)).toBe(p.weekday);
      }),
      { numRuns: 3000 },
    );
  });

  it('is exact around DST transitions (hours that contain a change are looked up per instant)', () => {
    const tz = 'America/New_York';
    const clock = new LocalClock(tz);
    // 2024-03-10 02:00 EST → 03:00 EDT at 07:00 UTC; 2024-11-03 02:00 EDT → 01:00 EST at 06:00 UTC.
    for (const base of [Date.UTC(2024, 2, 10, 5), Date.UTC(2024, 10, 3, 4)]) {
      for (let t = base; t < base + 4 * 3_600_000; t += 59_000) {
        expect(clock.offsetMs(t)).toBe(exactOffsetMs(t, tz));
      }
    }
    // Lord Howe shifts by 30 minutes.
    const lh = new LocalClock('Australia/Lord_Howe');
    const b = Date.UTC(2024, 3, 6, 13);
    for (let t = b; t < b + 3 * 3_600_000; t += 61_000) expect(lh.offsetMs(t)).toBe(exactOffsetMs(t, 'Australia/Lord_Howe'));
  });

  it('reads each event in its own zone, falling back to the case zone', () => {
    const at = Date.UTC(2024, 5, 1, 20, 0, 0); // 04:00 next day in Beijing, 16:00 in New York
    const c = caseOf({ events: [ev({ at, tz: 'Asia/Shanghai' }), ev({ at, tz: 'America/New_York' }), ev({ at, tz: 'Not/AZone' })] });
    const ix = prepare(c);
    expect([...ix.sod].map((s) => s / 3600)).toEqual([4, 16, 4]);
    expect([...ix.day].map(dayString)).toEqual(['2024-06-02', '2024-06-01', '2024-06-02']);
  });
});

describe('determinism', () => {
  it('the same case gives the same findings, whatever the order of the events', async () => {
    const { CN_RULES } = await import('./cn/index.js');
    const events = [
      ...Array.from({ length: 5 }, (_, k) => call(bj(2026, 2, 3, 9 + k), 1)),
      ...Array.from({ length: 8 }, (_, k) => call(bj(2026, 2, 4, 9, k), 1, 'missed')),
      msg(bj(2026, 2, 3, 23), ['collection', 'threat_violence', 'insult'], { collectorId: 1 }),
      msg(bj(2026, 2, 3, 23, 5), ['collection', 'third_party'], { collectorId: 1, recipient: 'third_party', contactNumber: '13711112222' }),
      msg(bj(2026, 2, 3, 23, 5), ['collection', 'impersonation'], { collectorId: 1 }),
    ];
    const base = { loans: [loan(1, 'consumer_finance')], collectors: [collector(1, 1)] };
    const a = runRules(CN_RULES, caseOf({ ...base, events }));
    const b = runRules(CN_RULES, caseOf({ ...base, events: [...events].reverse() }));
    const c2 = runRules(CN_RULES, caseOf({ ...base, events: [...events].sort((x, y) => (x.id * 7) % 5 - (y.id * 7) % 5) }));
    expect(a.length).toBeGreaterThan(4);
    expect(b).toEqual(a);
    expect(c2).toEqual(a);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('for random cases: order-independent, sorted most serious first, events chronological and from the case', async () => {
    const { CN_RULES } = await import('./cn/index.js');
    const { SEVERITY_WEIGHT } = await import('./engine.js');
    const labelSets = [['collection'], ['collection', 'third_party'], ['threat_violence'], ['insult', 'third_party'], ['visit_threat'], []] as const;
    const arbEvent = fc.record({
      at: fc.integer({ min: bj(2025, 11, 1), max: bj(2026, 3, 1) }),
      kind: fc.constantFrom('call', 'sms', 'third_party_report' as const),
      collectorId: fc.constantFrom(1, 2, null),
      status: fc.constantFrom('answered', 'missed', 'rejected', null),
      labels: fc.constantFrom(...labelSets),
      contactNumber: fc.constantFrom('13711110001', '13711110002', '13711110003', null),
    });
    fc.assert(
      fc.property(fc.array(arbEvent, { maxLength: 60 }), fc.integer(), (raw, salt) => {
        const events = raw.map((r, k) =>
          ev({ id: k + 1, at: r.at, kind: r.kind, collectorId: r.collectorId, callStatus: r.kind === 'call' ? r.status : null, labels: [...r.labels], contactNumber: r.kind === 'third_party_report' ? r.contactNumber : null }),
        );
        const base = { loans: [loan(1, 'credit_card')], collectors: [collector(1, 1), collector(2, null)] };
        const a = runRules(CN_RULES, caseOf({ ...base, events }));
        const shuffled = [...events].sort((x, y) => ((x.id * 2654435761 + salt) >>> 0) % 997 - ((y.id * 2654435761 + salt) >>> 0) % 997);
        expect(runRules(CN_RULES, caseOf({ ...base, events: shuffled }))).toEqual(a);
        const byId = new Map(events.map((e) => [e.id, e]));
        for (let j = 1; j < a.length; j++) expect(SEVERITY_WEIGHT[a[j - 1]!.severity]).toBeGreaterThanOrEqual(SEVERITY_WEIGHT[a[j]!.severity]);
        for (const f of a) {
          expect(f.count).toBe(f.eventIds.length);
          const ats = f.eventIds.map((id) => byId.get(id)!.at);
          expect([...ats].sort((x, y) => x - y)).toEqual(ats);
          expect(f.from).toBe(ats[0]);
          expect(f.to).toBe(ats[ats.length - 1]);
        }
      }),
      { numRuns: 150 },
    );
  });
});
