/**
 * The PRC rule pack against the real law data (src/law): every citation id a rule can cite exists and may be shown,
 * the law view the app passes to the rules is src/law's data, the rule table names known channels, and the date
 * choice of the public-security law agrees with src/law's own helper.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CN_RULE_META, CN_RULES } from '../src/domain/rules/cn/index.js';
import { runRules } from '../src/domain/rules/engine.js';
import { bj, call, caseOf, collector, contact, ev, line, loan, msg } from '../src/domain/rules/testkit.js';
import type { Label } from '../src/domain/collection/types.js';
import { RULE_LAW } from '../src/app/rule-law.js';
import { RULE_INFO } from '../src/domain/documents/topics.js';
import { CHANNELS, CN_RULE_IDS, CITATIONS, LEGAL_LINES, formatCitation, getCitation, hasCitation, isCitable, publicSecurityCitation } from '../src/law/index.js';

/** A case that makes every rule fire, across the 2026-01-01 change and with every lender type. */
function richCase() {
  const labels: Label[] = ['threat_contacts', 'threat_violence', 'insult', 'impersonation', 'false_legal', 'visit_threat'];
  const loans = [
    loan(1, 'consumer_finance'),
    loan(2, 'credit_card', { agreementDate: '2026-02-01' }),
    loan(3, 'bank'),
    loan(4, 'private'),
    loan(5, 'microloan'),
  ];
  const collectors = loans.map((l) => collector(l.id, l.id));
  collectors.push(collector(9, null));
  const contacts = Array.from({ length: 12 }, (_, i) => contact(i + 1, [`1371111${String(i + 1).padStart(4, '0')}`]));
  const events = [];
  for (const col of collectors) {
    for (const [y, mo, d] of [
      [2025, 12, 30],
      [2025, 12, 31],
      [2026, 1, 1],
      [2026, 2, 3],
    ] as const) {
      for (const label of labels) events.push(msg(bj(y, mo, d, 12), ['collection', label, 'third_party'], { collectorId: col.id, recipient: 'third_party', contactId: 1 }));
      for (let h = 0; h < 5; h++) events.push(call(bj(y, mo, d, 9 + h), col.id));
      for (let h = 0; h < 8; h++) events.push(call(bj(y, mo, d, 14, h), col.id, 'missed'));
      events.push(call(bj(y, mo, d, 23), col.id));
      contacts.forEach((ct) => events.push(ev({ at: bj(y, mo, d, 15), kind: 'third_party_report', collectorId: col.id, contactNumber: ct.numbers[0]! })));
    }
  }
  const loanLines = [line(4, 'lpr4', true, 10_000), line(4, '36', true, 500), line(5, '24', true, 700, { citationIds: ['fin-trial-2017.art2', 'cash-loan-2017'] })];
  return caseOf({ loans, collectors, contacts, events, loanLines });
}

describe('rule citations exist in src/law', () => {
  it('every id in Rule.citationIds exists and is citable (not UNVERIFIED)', () => {
    for (const r of CN_RULES) {
      for (const id of r.citationIds) {
        expect(hasCitation(id), `${r.id}: ${id}`).toBe(true);
        expect(isCitable(getCitation(id)), `${r.id}: ${id} is unverified`).toBe(true);
      }
    }
  });

  it('every citation id of every finding exists', () => {
    const findings = runRules(CN_RULES, richCase());
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(CN_RULES.map((r) => r.id)));
    for (const f of findings) {
      for (const id of f.citationIds) expect(hasCitation(id), `${f.rule}: ${id}`).toBe(true);
      for (const u of (f.details?.citations ?? []) as { id: string }[]) expect(hasCitation(u.id)).toBe(true);
      // Event-based findings cite only what their rule declares; loan findings cite their line's ids.
      if (f.rule !== 'cn.over-legal-line') for (const id of f.citationIds) expect(CN_RULES.find((r) => r.id === f.rule)!.citationIds).toContain(id);
    }
  });

  it('the lines the app passes in cite existing ids', () => {
    for (const l of LEGAL_LINES) for (const id of l.citationIds) expect(hasCitation(id), `${l.id}: ${id}`).toBe(true);
  });
});

describe('one rule table, law data passed in (no mirrors)', () => {
  it('the law view the app builds is src/law’s data', () => {
    expect(Object.keys(RULE_LAW.citations).sort()).toEqual(CITATIONS.map((c) => c.id).sort());
    for (const c of CITATIONS) {
      expect(RULE_LAW.citations[c.id], c.id).toEqual({ tier: c.tier, verified: c.verified, effectiveFrom: c.effectiveFrom, effectiveTo: c.effectiveTo, title: { zh: formatCitation(c, 'zh'), en: formatCitation(c, 'en') } });
    }
    expect(RULE_LAW.channels.map((c) => ({ id: c.id, lenderTypes: c.lenderTypes }))).toEqual(CHANNELS.map((c) => ({ id: c.id, lenderTypes: c.lenderTypes })));
    for (const l of LEGAL_LINES) expect(RULE_LAW.lines[l.id], l.id).toEqual({ tier: l.tier, verified: l.verified });
  });

  it('the rule table holds every rule once, and every list of rule ids is read from it', () => {
    expect(CN_RULE_META.map((m) => m.id)).toEqual([...CN_RULE_IDS]);
    expect(CN_RULES.map((r) => r.id).sort()).toEqual([...CN_RULE_IDS].sort());
    expect(Object.keys(RULE_INFO).sort()).toEqual([...CN_RULE_IDS].sort());
    for (const r of CN_RULES) {
      const m = CN_RULE_META.find((x) => x.id === r.id)!;
      expect(r.title, r.id).toEqual(m.title);
      expect([...r.channels], r.id).toEqual([...m.channels]);
    }
    // A channel's rule list is the table's column for it.
    for (const ch of CHANNELS) expect(ch.rules, ch.id).toEqual(CN_RULE_META.filter((m) => (m.channels as readonly string[]).includes(ch.id)).map((m) => m.id));
  });

  it('the domain and the app list no rule ids outside the table, and the domain keeps no law data', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && e.name !== 'testkit.ts' && e.name !== 'testing.ts' ? [join(dir, e.name)] : []));
    const root = join(import.meta.dirname, '..');
    for (const f of [...files(join(root, 'src/domain')), ...files(join(root, 'src/app')), ...files(join(root, 'src/law'))]) {
      if (f.endsWith('rules/cn/meta.ts')) continue;
      const text = readFileSync(f, 'utf8');
      // A rule id may appear as a rule's own id or a finding's rule; never as a list entry of names, topics or channels.
      // (A switch that words a finding's own details per rule, `case 'cn.x': {`, is code reading that rule's details
      // shape, not a table of the rule's metadata.)
      for (const id of CN_RULE_IDS) expect(text.replaceAll(`case '${id}': {`, '').includes(`'${id}': {`), `${f} keeps a table keyed by ${id}`).toBe(false);
      expect(/effectiveFrom: '\d{4}-\d{2}-\d{2}'/.test(text) && f.includes('/domain/'), `${f} keeps citation dates`).toBe(false);
    }
  });

  it('every channel a rule names exists, and every finding channel routes that rule', () => {
    const ids = new Set(CHANNELS.map((c) => c.id));
    for (const m of CN_RULE_META) for (const ch of m.channels) expect(ids.has(ch), `${m.id}: ${ch}`).toBe(true);
    for (const f of runRules(CN_RULES, richCase())) {
      expect(f.channels.length).toBeGreaterThan(0);
      for (const ch of f.channels) {
        expect(ids.has(ch)).toBe(true);
        expect(CHANNELS.find((c) => c.id === ch)!.rules).toContain(f.rule);
      }
    }
  });
});

describe('public-security law by event date agrees with src/law', () => {
  it.each(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02'])('%s', (date) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const c = caseOf({ loans: [loan(1, 'consumer_finance')], collectors: [collector(1, 1)], events: [msg(bj(y, m, d, 0, 0, 1), ['threat_violence'], { collectorId: 1 }), msg(bj(y, m, d, 23, 59, 59), ['impersonation'], { collectorId: 1 })] });
    const fs = runRules(CN_RULES, c);
    const threat = fs.find((f) => f.rule === 'cn.threat-violence')!;
    const imp = fs.find((f) => f.rule === 'cn.impersonation')!;
    const psl = (ids: string[]) => ids.filter((id) => id.startsWith('psl-'));
    expect(psl(threat.citationIds)).toEqual([publicSecurityCitation(date, 'threat')]);
    expect(psl(imp.citationIds)).toEqual([publicSecurityCitation(date, 'impersonation')]);
  });
});
