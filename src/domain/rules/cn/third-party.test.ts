import { beforeEach, describe, expect, it } from 'vitest';
import { bj, caseOf, collector, contact, ev, loan, msg, resetIds } from '../testkit.js';
import type { CaseData } from '../types.js';
import { contactsAtScaleRule, thirdPartyContactRule } from './index.js';

beforeEach(() => resetIds());

const report = (at: number, collectorId: number | null, contactNumber: string) =>
  ev({ at, kind: 'third_party_report', collectorId, number: '13900001111', contactNumber, recipient: 'unknown' });

function cardCase(events: CaseData['events']): CaseData {
  return caseOf({
    loans: [loan(1, 'credit_card')],
    collectors: [collector(1, 1)],
    contacts: [contact(1, ['13711110001'], { relation: '朋友' }), contact(2, ['13711110002'], { isGuarantor: true, relation: '担保人' })],
    events,
  });
}

describe('cn.third-party-contact', () => {
  it('credit card: a friend reached is third-party contact (信用卡办法 第六十八条)', () => {
    const [f, ...rest] = thirdPartyContactRule.evaluate(cardCase([report(bj(2026, 2, 10, 10), 1, '13711110001')]));
    expect(rest).toEqual([]);
    expect(f!.citationIds).toEqual(['credit-card-2011.art68', 'gbt-45251-2025.contacts', 'cba-2026-guideline.third-party', 'civil-code.art1033', 'pipl.art10']);
    expect(f!.tier).toBe('regulation');
    expect(f!.details).toMatchObject({ contactsReached: 1, reports: 1, lenderType: 'credit_card' });
  });

  it('credit card: the guarantor is not an unrelated third party', () => {
    const fs = thirdPartyContactRule.evaluate(cardCase([report(bj(2026, 2, 10, 10), 1, '13711110002')]));
    expect(fs).toEqual([]);
    const friend = report(bj(2026, 2, 10, 11), 1, '13711110001');
    const both = thirdPartyContactRule.evaluate(cardCase([report(bj(2026, 2, 10, 10), 1, '13711110002'), friend]));
    expect(both[0]!.eventIds).toEqual([friend.id]);
    expect(both[0]!.details!.guarantorEventsExcluded).toBe(1);
  });

  it('cites the rule for the lender type of the collector’s loan', () => {
    const events = [
      msg(bj(2026, 2, 10, 10), ['collection', 'third_party'], { collectorId: 1, recipient: 'third_party', contactId: 1 }),
      msg(bj(2026, 2, 10, 10), ['collection'], { collectorId: 2, recipient: 'third_party', contactId: 1 }),
      msg(bj(2026, 2, 10, 10), ['collection', 'third_party'], { collectorId: 3, contactId: 1 }),
    ];
    const c = caseOf({ loans: [loan(1, 'consumer_finance'), loan(2, 'bank')], collectors: [collector(1, 1), collector(2, 2), collector(3, null)], contacts: [contact(1, ['13711110001'])], events });
    const fs = thirdPartyContactRule.evaluate(c);
    const byLoan = new Map(fs.map((f) => [f.details!.loanId, f.citationIds[0]]));
    expect(byLoan.get(1)).toBe('cfc-2024.art56');
    expect(byLoan.get(2)).toBe('internet-loan-2020.art56');
    // Lender unknown: only the general provisions.
    expect(byLoan.get(null)).toBe('gbt-45251-2025.contacts');
    expect(fs.find((f) => f.details!.loanId === null)!.tier).toBe('national_standard');
  });

  it('before the 2024 consumer-finance measures and the standard, only the provisions then in force are cited', () => {
    const c = caseOf({ loans: [loan(1, 'consumer_finance')], collectors: [collector(1, 1)], events: [report(bj(2023, 6, 1, 10), 1, '13711110009')] });
    const [f] = thirdPartyContactRule.evaluate(c);
    expect(f!.citationIds).toEqual(['civil-code.art1033', 'pipl.art10']);
    expect(f!.tier).toBe('statute');
  });

  it('messages to the borrower and the borrower’s own messages are not third-party contact', () => {
    const events = [
      msg(bj(2026, 2, 10, 10), ['collection'], { collectorId: 1 }),
      msg(bj(2026, 2, 10, 11), ['third_party'], { direction: 'out' }),
    ];
    expect(thirdPartyContactRule.evaluate(cardCase(events))).toEqual([]);
  });

  it('the summary carries facts only: no message text, no contact names, numbers masked', () => {
    const events = [msg(bj(2026, 2, 10, 10), ['collection', 'third_party'], { collectorId: 1, recipient: 'third_party', contactId: 1, number: '13912345678', text: '秘密文本' })];
    const [f] = thirdPartyContactRule.evaluate(cardCase(events));
    const all = JSON.stringify(f);
    expect(all).not.toContain('秘密文本');
    expect(all).not.toContain('联系人1');
    expect(all).not.toContain('13912345678');
    expect(all).not.toContain('13711110001');
    expect(f!.details!.collectorNumbers).toEqual(['139****5678']);
  });
});

describe('cn.contacts-at-scale', () => {
  const many = (k: number, extra: Partial<CaseData> = {}) => {
    const contacts = Array.from({ length: k }, (_, i) => contact(i + 1, [`1371111${String(i + 1).padStart(4, '0')}`]));
    const events = contacts.map((ct, i) => report(bj(2026, 2, 10 + (i % 5), 10, i % 60), i % 2 ? 1 : 2, ct.numbers[0]!));
    return caseOf({ loans: [loan(1, 'consumer_finance')], collectors: [collector(1, 1), collector(2, 1)], contacts, events, ...extra });
  };

  it('does not fire for two contacts', () => {
    expect(contactsAtScaleRule.evaluate(many(2))).toEqual([]);
  });

  it('severity rises with the number of contacts; the personal-information crime is named only from 10 contacts', () => {
    const f3 = contactsAtScaleRule.evaluate(many(3))[0]!;
    const f10 = contactsAtScaleRule.evaluate(many(10))[0]!;
    const f60 = contactsAtScaleRule.evaluate(many(60))[0]!;
    expect([f3.severity, f10.severity, f60.severity]).toEqual(['medium', 'high', 'critical']);
    expect(f3.citationIds).not.toContain('criminal-law.art253-1');
    expect(f10.citationIds).toContain('criminal-law.art253-1');
    expect(f10.citationIds).toContain('cfc-2024.art55');
    expect(f60.details).toMatchObject({ contactsReached: 60, days: 5 });
    expect((f60.details!.byCollector as { collectorId: number; contacts: number }[]).map((b) => [b.collectorId, b.contacts])).toEqual([
      [1, 30],
      [2, 30],
    ]);
    expect(f60.summary.zh).toContain('60 位联系人');
    expect(f60.summary.zh).toContain('可能构成');
    expect(f60.summary.zh).not.toMatch(/已构成|构成犯罪。/);
  });

  it('the same contact reached twice counts once; guarantors do not count', () => {
    const c = many(3);
    c.events.push(report(bj(2026, 2, 20, 10), 1, '13711110001'));
    expect(contactsAtScaleRule.evaluate(c)[0]!.details!.contactsReached).toBe(3);
    c.contacts[0] = { ...c.contacts[0]!, isGuarantor: true };
    expect(contactsAtScaleRule.evaluate(c)).toEqual([]);
  });

  it('the 2025 public-security article on personal information is cited only for events from 2026-01-01', () => {
    const c = many(3);
    c.events[0] = { ...c.events[0]!, at: bj(2025, 12, 31, 23) };
    const f = contactsAtScaleRule.evaluate(c)[0]!;
    const use = (f.details!.citations as { id: string; count: number }[]).find((u) => u.id === 'psl-2025.art56')!;
    expect(use.count).toBe(2);
  });
});
