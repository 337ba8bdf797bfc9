import { beforeEach, describe, expect, it } from 'vitest';
import type { Label } from '../../collection/types.js';
import { bj, caseOf, collector, ev, line, loan, msg, resetIds } from '../testkit.js';
import type { CaseData, Rule } from '../types.js';
import { CN_RULES, falseLegalRule, impersonationRule, insultRule, threatContactsRule, threatViolenceRule, visitThreatRule } from './index.js';

beforeEach(() => resetIds());

const base = (extra: Partial<CaseData> = {}) =>
  caseOf({ loans: [loan(1, 'consumer_finance'), loan(2, 'private')], collectors: [collector(1, 1), collector(2, 2)], ...extra });

const RULES: [Rule, Label][] = [
  [threatContactsRule, 'threat_contacts'],
  [threatViolenceRule, 'threat_violence'],
  [insultRule, 'insult'],
  [impersonationRule, 'impersonation'],
  [falseLegalRule, 'false_legal'],
  [visitThreatRule, 'visit_threat'],
];

describe('labelled-message rules', () => {
  it.each(RULES)('%s fires on its label from a known lender', (rule, label) => {
    const events = [1, 2, 3].map((d) => msg(bj(2026, 2, d, 10), ['collection', label], { collectorId: 1 }));
    const fs = rule.evaluate(base({ events }));
    expect(fs).toHaveLength(1);
    expect(fs[0]!.count).toBe(3);
    expect(fs[0]!.citationIds).toContain('cfc-2024.art56');
    expect(fs[0]!.summary.zh).toContain('可能构成');
    expect(fs[0]!.summary.en).toContain('may constitute');
    for (const id of fs[0]!.citationIds) expect(rule.citationIds).toContain(id);
  });

  it.each(RULES)('%s does not fire on other labels, on the borrower’s own messages, or on notes', (rule, label) => {
    const others = (['collection', 'third_party', 'threat_contacts', 'threat_violence', 'insult', 'impersonation', 'false_legal', 'visit_threat'] as Label[]).filter((l) => l !== label);
    const events = [
      msg(bj(2026, 2, 1, 10), others, { collectorId: 1 }),
      msg(bj(2026, 2, 1, 11), [label], { direction: 'out' }),
      ev({ at: bj(2026, 2, 1, 12), kind: 'note', labels: [label] }),
    ];
    expect(rule.evaluate(base({ events }))).toEqual([]);
  });

  it('a lawful reminder (collection only) produces no threat finding in the whole pack', () => {
    const events = [msg(bj(2026, 2, 1, 10), ['collection'], { collectorId: 1 }), msg(bj(2026, 2, 2, 10), ['collection'], { collectorId: 1 })];
    const fs = CN_RULES.flatMap((r) => r.evaluate(base({ events })));
    expect(fs).toEqual([]);
  });
});

describe('治安管理处罚法 by event date', () => {
  it('2025-12-31 cites the 2012 text 第四十二条, 2026-01-01 the 2025 revision 第五十条, each for its own events', () => {
    const a = msg(bj(2025, 12, 31, 23, 59, 59), ['threat_violence'], { collectorId: 1 });
    const b = msg(bj(2026, 1, 1, 0, 0, 0), ['threat_violence'], { collectorId: 1 });
    const only2025 = threatViolenceRule.evaluate(base({ events: [a] }))[0]!;
    expect(only2025.citationIds).toContain('psl-2012.art42.item1');
    expect(only2025.citationIds).not.toContain('psl-2025.art50.item1');
    const only2026 = threatViolenceRule.evaluate(base({ events: [b] }))[0]!;
    expect(only2026.citationIds).toContain('psl-2025.art50.item1');
    expect(only2026.citationIds).not.toContain('psl-2012.art42.item1');
    const both = threatViolenceRule.evaluate(base({ events: [a, b] }))[0]!;
    const uses = both.details!.citations as { id: string; eventIds?: number[] }[];
    expect(uses.find((u) => u.id === 'psl-2012.art42.item1')!.eventIds).toEqual([a.id]);
    expect(uses.find((u) => u.id === 'psl-2025.art50.item1')!.eventIds).toEqual([b.id]);
  });

  it('the local date decides, not the UTC date (2026-01-01 00:30 in Beijing is 2025-12-31 in UTC)', () => {
    const e = msg(bj(2026, 1, 1, 0, 30), ['threat_violence'], { collectorId: 1 });
    expect(new Date(e.at).toISOString().slice(0, 10)).toBe('2025-12-31');
    expect(threatViolenceRule.evaluate(base({ events: [e] }))[0]!.citationIds).toContain('psl-2025.art50.item1');
  });

  it('impersonation uses 第五十一条 before and 第六十二条 from 2026-01-01', () => {
    const fs = impersonationRule.evaluate(base({ events: [msg(bj(2025, 12, 31, 10), ['impersonation'], { collectorId: 1 }), msg(bj(2026, 1, 2, 10), ['impersonation'], { collectorId: 1 })] }));
    expect(fs[0]!.citationIds.slice(0, 3)).toEqual(['psl-2012.art51', 'psl-2025.art62', 'criminal-law.art279']);
  });

  it('"多次": the harassing-messages item is cited only from the third message', () => {
    const two = [1, 2].map((d) => msg(bj(2026, 2, d, 10), ['threat_contacts'], { collectorId: 1 }));
    expect(threatContactsRule.evaluate(base({ events: two }))[0]!.citationIds).not.toContain('psl-2025.art50.item5');
    const three = [1, 2, 3].map((d) => msg(bj(2026, 2, d, 10), ['threat_contacts'], { collectorId: 1 }));
    expect(threatContactsRule.evaluate(base({ events: three }))[0]!.citationIds).toContain('psl-2025.art50.item5');
  });
});

describe('刑法 第二百九十三条之一 only for a debt over a legal line', () => {
  const threat = () => [msg(bj(2026, 2, 1, 10), ['threat_violence'], { collectorId: 2 })];

  it('not cited for a loan within the lines', () => {
    const f = threatViolenceRule.evaluate(base({ events: threat(), loanLines: [line(2, 'lpr4', false)] }))[0]!;
    expect(f.citationIds).not.toContain('criminal-law.art293-1');
    expect(f.summary.zh).not.toContain('催收非法债务罪');
  });

  it('cited when the collector’s loan is over the 4×LPR line, worded as a possibility', () => {
    const f = threatViolenceRule.evaluate(base({ events: threat(), loanLines: [line(2, 'lpr4', true, 50_000)] }))[0]!;
    expect(f.citationIds).toContain('criminal-law.art293-1');
    expect(f.summary.zh).toContain('可能构成');
    expect(f.summary.zh).toContain('仅适用于高利放贷等非法债务');
  });

  it('not cited when another loan is over the line but this collector’s loan is not', () => {
    const f = threatViolenceRule.evaluate(base({ events: threat(), loanLines: [line(1, '36', true, 1), line(2, 'lpr4', false)] }))[0]!;
    expect(f.citationIds).not.toContain('criminal-law.art293-1');
  });

  it('not cited for the 24% line (SECONDARY; crossing it makes no illegal debt)', () => {
    const c = base({ events: [msg(bj(2026, 2, 1, 10), ['threat_violence'], { collectorId: 1 })], loanLines: [line(1, '24', true, 10_000)] });
    expect(threatViolenceRule.evaluate(c)[0]!.citationIds).not.toContain('criminal-law.art293-1');
  });

  it('an unattributed threat counts as over the line when some loan of the case is', () => {
    const c = base({ events: [msg(bj(2026, 2, 1, 10), ['visit_threat'])], loanLines: [line(2, '36', true, 1)] });
    expect(visitThreatRule.evaluate(c)[0]!.citationIds).toContain('criminal-law.art293-1');
  });
});

describe('insults', () => {
  it('public-insult provisions only where others received or reported the insult', () => {
    const priv = insultRule.evaluate(base({ events: [msg(bj(2026, 2, 1, 10), ['insult'], { collectorId: 1 })] }))[0]!;
    expect(priv.citationIds).not.toContain('criminal-law.art246');
    expect(priv.citationIds).not.toContain('psl-2025.art50.item2');
    const pub = insultRule.evaluate(base({ events: [msg(bj(2026, 2, 1, 10), ['insult', 'third_party'], { collectorId: 1, recipient: 'third_party' })] }))[0]!;
    expect(pub.citationIds).toContain('criminal-law.art246');
    expect(pub.citationIds).toContain('psl-2025.art50.item2');
    expect(pub.details!.thirdPartyCount).toBe(1);
  });
});
