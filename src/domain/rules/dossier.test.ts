import { describe, expect, it } from 'vitest';
import { CN_RULES } from './cn/index.js';
import { collectorDossier } from './dossier.js';
import { runRules } from './engine.js';
import { bj, call, caseOf, collector, ev, loan, msg } from './testkit.js';

describe('collectorDossier', () => {
  const col = collector(1, 1, ['13900001111', '13900002222']);
  const events = [
    call(bj(2026, 2, 9, 23, 30), 1), // Monday 23:30
    call(bj(2026, 2, 10, 9), 1, 'missed'),
    call(bj(2026, 2, 10, 9, 5), 1, 'rejected'),
    call(bj(2026, 2, 10, 9, 10), 1),
    msg(bj(2026, 2, 10, 9, 15), ['collection'], { collectorId: 1 }),
    ev({ at: bj(2026, 2, 10, 9, 20), kind: 'call', direction: 'out', collectorId: 1, callStatus: 'outgoing' }),
    call(bj(2026, 2, 11, 8), 2),
  ];
  const c = caseOf({ loans: [loan(1, 'consumer_finance', { lenderName: '安心消费金融' })], collectors: [col, collector(2, null)], events });
  const findings = runRules(CN_RULES, c);
  const d = collectorDossier(col, c, findings);

  it('counts calls and messages by outcome, per local day, and by weekday and hour (Monday first)', () => {
    expect(d).toMatchObject({ id: 1, numbers: ['13900001111', '13900002222'], lender: '安心消费金融', loanId: 1, calls: 4, messages: 1, answered: 2, unanswered: 2 });
    expect(d.firstContact).toBe(bj(2026, 2, 9, 23, 30));
    expect(d.lastContact).toBe(bj(2026, 2, 10, 9, 15));
    expect(d.perDay).toEqual([
      { date: '2026-02-09', calls: 1, messages: 0 },
      { date: '2026-02-10', calls: 3, messages: 1 },
    ]);
    expect(d.hourWeekday).toHaveLength(7);
    expect(d.hourWeekday[0]![23]).toBe(1); // 2026-02-09 is a Monday
    expect(d.hourWeekday[1]![9]).toBe(4);
    expect(d.hourWeekday.flat().reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('lists the rules of the findings the collector appears in', () => {
    expect(d.findings).toEqual(['cn.night-contact']);
    expect(collectorDossier(collector(2, null), c, findings).findings).toEqual([]);
  });
});
