/** Issue 16 投诉跟进: deadlines per channel from the law data, the life cycle in Asia/Shanghai dates, the .ics file. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, answerDeadline, DEADLINE_RULES, followUpIcs, followUpStatus, nextChannel } from '../../src/domain/followup/index.js';
import { localDate } from '../../src/domain/time.js';
import { CHANNELS, getCitation, hasCitation } from '../../src/law/index.js';

const lawText = readFileSync(new URL('../../docs/law/cn-law.md', import.meta.url), 'utf8');

describe('answer deadlines come from the law data', () => {
  it('every deadline rule cites src/law, and the cited words state that limit (cn-law.md)', () => {
    for (const r of DEADLINE_RULES) {
      expect(CHANNELS.some((c) => c.id === r.channel), r.channel).toBe(true);
      for (const id of r.citationIds) {
        expect(hasCitation(id), id).toBe(true);
        const c = getCitation(id);
        expect(c.verified, id).not.toBe('unverified');
        const first = r.ladder[0]!;
        expect(c.excerpt.zh, id).toContain(r.unit === 'working' ? `${first}个工作日` : `${first}日内`);
      }
    }
    expect(lawText).toContain('银行保险机构应当在15日内办理完毕并告知投诉人，情况复杂的可延长至30日');
    expect(lawText).toContain('Decision to accept within **7 working days** (第十四条)');
  });

  it('the lender itself: 15 days for banks and card issuers, extendable to 30 and 60; no limit for other lender types', () => {
    expect(answerDeadline('lender', 'bank', '2026-01-20')).toMatchObject({ due: '2026-02-04', days: 15, unit: 'calendar', extendable: true, citationIds: ['complaints-2020.time-limits'] });
    expect(answerDeadline('lender', 'credit_card', '2026-12-20')!.due).toBe('2027-01-04');
    expect(answerDeadline('lender', 'bank', '2026-01-20', 1)).toMatchObject({ due: '2026-02-19', days: 30, extendable: true });
    expect(answerDeadline('lender', 'bank', '2026-01-20', 2)).toMatchObject({ due: '2026-03-21', days: 60, extendable: false });
    for (const t of ['consumer_finance', 'microloan', 'platform', 'private', null]) expect(answerDeadline('lender', t, '2026-01-20'), String(t)).toBeNull();
  });

  it('12315: 7 working days to decide on acceptance (weekends skipped, with a caveat); none for 12378, police, regulators', () => {
    const d = answerDeadline('12315', 'other', '2026-12-04')!; // a Friday
    expect(d).toMatchObject({ due: '2026-12-15', unit: 'working', days: 7 });
    expect(d.caveat!.zh).toContain('节假日');
    expect(addWorkingDays('2026-12-05', 1)).toBe('2026-12-07'); // Saturday → Monday
    for (const ch of ['12378', 'police', 'local_regulator', 'nifa', '12321', '12377', 'pi_regulator']) expect(answerDeadline(ch, 'bank', '2026-01-20'), ch).toBeNull();
  });
});

describe('life cycle: submitted → due → escalated, in Asia/Shanghai dates', () => {
  const facts = { submittedOn: '2026-01-20', dueOn: '2026-02-04', remindOn: null, answeredOn: null, answerOutcome: null, escalated: false };
  it('is due the day after the last day, by the local date in Shanghai', () => {
    // 2026-02-04 16:30 UTC is already 2026-02-05 00:30 in Shanghai.
    const lateUtc = Date.UTC(2026, 1, 4, 16, 30);
    expect(localDate(lateUtc, 'Asia/Shanghai')).toBe('2026-02-05');
    expect(followUpStatus(facts, localDate(Date.UTC(2026, 1, 4, 15, 59), 'Asia/Shanghai'))).toMatchObject({ state: 'submitted', daysLeft: 0, dueSoon: true, nextKind: 'deadline' });
    expect(followUpStatus(facts, localDate(lateUtc, 'Asia/Shanghai'))).toMatchObject({ state: 'due', daysLeft: -1 });
    expect(followUpStatus(facts, '2026-01-25')).toMatchObject({ state: 'submitted', dueSoon: false, daysLeft: 10 });
    expect(followUpStatus({ ...facts, escalated: true }, '2026-03-01').state).toBe('escalated');
    expect(followUpStatus({ ...facts, answeredOn: '2026-02-01', answerOutcome: 'resolved' }, '2026-03-01').state).toBe('answered');
    expect(followUpStatus({ ...facts, answeredOn: '2026-02-01', answerOutcome: 'extended', dueOn: '2026-02-19' }, '2026-02-10').state).toBe('submitted');
  });
  it('without a deadline the person’s reminder counts, on its own day', () => {
    const f = { ...facts, dueOn: null, remindOn: '2026-02-10' };
    expect(followUpStatus(f, '2026-02-09')).toMatchObject({ state: 'submitted', nextKind: 'reminder', daysLeft: 1 });
    expect(followUpStatus(f, '2026-02-10')).toMatchObject({ state: 'due', nextKind: 'reminder' });
    expect(followUpStatus({ ...f, remindOn: null }, '2027-01-01')).toMatchObject({ state: 'submitted', nextDate: null });
  });
  it('escalates to the next channel of the route, skipping the ones used', () => {
    expect(nextChannel(['lender', '12378', '12321'], 'lender')).toBe('12378');
    expect(nextChannel(['lender', '12378', '12321'], '12378', ['lender'])).toBe('12321');
    expect(nextChannel(['lender'], 'lender')).toBeNull();
  });
});

describe('.ics reminders', () => {
  it('is a valid calendar: CRLF, folded at 75 octets, escaped, one all-day event with an alarm per reminder', () => {
    const ics = followUpIcs(
      [{ complaintId: 7, date: '2026-02-04', kind: 'deadline', summary: '投诉答复期限：贷款机构本身（投诉渠道）；编号,1', description: '很长的说明'.repeat(30) }],
      Date.UTC(2026, 0, 20, 2, 0, 0),
    );
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).not.toMatch(/[^\r]\n/);
    const lines = ics.split('\r\n').slice(0, -1);
    for (const l of lines) {
      expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
      expect(l, l).toMatch(/^( |[A-Z-]+[;:])/);
    }
    expect(ics).toContain('UID:huxun-complaint-7-deadline@huxun.local');
    expect(ics).toContain('DTSTART;VALUE=DATE:20260204');
    expect(ics).toContain('DTEND;VALUE=DATE:20260205');
    expect(ics).toContain('DTSTAMP:20260120T020000Z');
    expect(ics.replace(/\r\n /g, '')).toContain('SUMMARY:投诉答复期限：贷款机构本身（投诉渠道）\\；编号\\,1'.replace('\\；', '；'));
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics.match(/BEGIN:VALARM/g)).toHaveLength(1);
    expect(ics.match(/BEGIN:/g)!.length).toBe(ics.match(/END:/g)!.length);
  });
});
