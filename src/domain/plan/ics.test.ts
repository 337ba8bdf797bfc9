import { describe, expect, it } from 'vitest';
import { buildPlan } from './engine.js';
import { escapeIcsText, foldIcsLine, planToIcs } from './ics.js';

describe('.ics reminders', () => {
  const plan = buildPlan({
    debts: [{ loan: 7, lender: '速借花, 分期;乐', lenderType: 'platform', claimed_fen: 100_000, supportable_fen: 90_000, apr: 0.5, harassment: 0 }],
    monthly_fen: 50_000, start: '2027-01', strategy: 'snowball',
  });
  const ics = planToIcs(plan, { payDay: 31, now: Date.UTC(2026, 11, 5, 12, 0, 0) });
  it('one all-day event per payment, on the pay day clamped to the month end, with an alarm', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain('DTSTART;VALUE=DATE:20270131');
    expect(ics).toContain('DTSTART;VALUE=DATE:20270228');
    expect(ics).toContain('DTEND;VALUE=DATE:20270301');
    expect(ics).toContain('UID:huxun-plan-7-202701@huxun.local');
    expect(ics).toContain('DTSTAMP:20261205T120000Z');
    expect(ics).toContain('SUMMARY:还款 速借花\\, 分期\\;乐 ¥500.00');
    expect(ics.match(/BEGIN:VALARM/g)).toHaveLength(2);
  });
  it('no content line is longer than 75 octets, and unfolding gives the text back', () => {
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const long = `DESCRIPTION:${escapeIcsText('只还到贷款方的官方还款渠道'.repeat(10))}`;
    expect(foldIcsLine(long).replace(/\r\n /g, '')).toBe(long);
  });
  it('escapes text', () => {
    expect(escapeIcsText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });
});
