/**
 * The findings page a person can read (issue 16): one card per kind of conduct however many collectors and lenders are
 * behind it, most serious first, a sentence with counts and dates in Asia/Shanghai, no "同上" fragments, and no jargon
 * in the main sentence unless it is marked as a glossary term.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { CN_RULES } from '../domain/rules/cn/index.js';
import { CN_RULE_META, ruleMeta } from '../domain/rules/cn/meta.js';
import { runRules, SEVERITY_WEIGHT } from '../domain/rules/engine.js';
import { bj, call, caseOf, collector, loan, msg, resetIds } from '../domain/rules/testkit.js';
import { splitLines } from '../shared/findings.js';
import { GLOSSARY, markTerms, plainParts, richToString, unmarkedTerms } from '../shared/glossary.js';
import { buildFindingCards, periodText } from './finding-cards.js';

beforeEach(() => resetIds());

const NUMS = ['13900000001', '13900000002', '13900000003', '13900000004', '13900000005'];

/** Five collectors for three lenders: night calls from three numbers, a threat of violence, insults from two lenders. */
function seeded() {
  const loans = [loan(1, 'consumer_finance', { lenderName: '安心消费金融' }), loan(2, 'microloan', { lenderName: '快借小贷' }), loan(3, 'credit_card', { lenderName: '某银行信用卡' })];
  const collectors = [collector(1, 1, [NUMS[0]!]), collector(2, 1, [NUMS[1]!]), collector(3, 2, [NUMS[2]!]), collector(4, 3, [NUMS[3]!]), collector(5, null, [NUMS[4]!])];
  const events = [];
  // 14 night calls from 2026-03-02 to 2026-03-20, Beijing time. The last is at 00:30 on 3-20 in Beijing, which is still
  // 3-19 in UTC: the card must say 3 月 20 日.
  const nightDays = [2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18];
  nightDays.forEach((d, i) => events.push(call(bj(2026, 3, d, 23, 30), (i % 3) + 1, 'missed', { number: NUMS[i % 3]! })));
  events.push(call(bj(2026, 3, 20, 0, 30), 3, 'missed', { number: NUMS[2]! }));
  // One threat of violence (critical) and insults from two lenders' collectors, in the day.
  events.push(msg(bj(2026, 3, 7, 10, 0), ['collection', 'threat_violence'], { collectorId: 4, number: NUMS[3]!, text: '小心你的家人' }));
  events.push(msg(bj(2026, 3, 8, 10, 0), ['collection', 'insult'], { collectorId: 1, number: NUMS[0]!, text: '骂人的话' }));
  events.push(msg(bj(2026, 3, 8, 11, 0), ['collection', 'insult'], { collectorId: 3, number: NUMS[2]!, text: '骂人的话' }));
  events.push(msg(bj(2026, 3, 9, 11, 0), ['collection', 'insult'], { collectorId: 5, number: NUMS[4]!, text: '骂人的话' }));
  return caseOf({ loans, collectors, events });
}

describe('findings cards', () => {
  it('gathers the per-lender findings into one card per rule', () => {
    const data = seeded();
    const findings = runRules(CN_RULES, data);
    // The engine finds night contact and insults per lender…
    expect(findings.filter((f) => f.rule === 'cn.night-contact').length).toBeGreaterThan(1);
    expect(findings.filter((f) => f.rule === 'cn.insult').length).toBeGreaterThan(1);
    const { cards } = buildFindingCards(findings, data);
    // …the page shows one card each.
    const rules = cards.map((c) => c.rule);
    expect(new Set(rules).size).toBe(rules.length);
    expect(rules).toEqual(expect.arrayContaining(['cn.night-contact', 'cn.insult', 'cn.threat-violence']));
    const night = cards.find((c) => c.rule === 'cn.night-contact')!;
    expect(night.count).toBe(14);
    expect(night.events_total).toBe(14);
    expect(night.events.map((e) => e.at_ms)).toEqual([...night.events.map((e) => e.at_ms)].sort((a, b) => a - b));
    expect(night.collectors.map((c) => c.id)).toEqual([1, 2, 3]);
    expect(night.lenders.map((l) => l.name).sort()).toEqual(['安心消费金融', '快借小贷']);
    const insult = cards.find((c) => c.rule === 'cn.insult')!;
    expect(insult.count).toBe(3);
  });

  it('puts the most serious first: severity, then the rule table’s rank', () => {
    const data = seeded();
    const { cards } = buildFindingCards(runRules(CN_RULES, data), data);
    expect(cards[0]!.rule).toBe('cn.threat-violence');
    const key = (rule: string) => [SEVERITY_WEIGHT[ruleMeta(rule)!.severity], -ruleMeta(rule)!.rank] as const;
    for (let i = 1; i < cards.length; i++) {
      const [sa, ra] = key(cards[i - 1]!.rule);
      const [sb, rb] = key(cards[i]!.rule);
      expect(sa > sb || (sa === sb && ra >= rb), `${cards[i - 1]!.rule} before ${cards[i]!.rule}`).toBe(true);
    }
    expect(cards.map((c) => c.rule).indexOf('cn.insult')).toBeLessThan(cards.map((c) => c.rule).indexOf('cn.night-contact'));
  });

  it('says what happened in one sentence with counts and local dates (Asia/Shanghai)', () => {
    const data = seeded();
    const { cards, tz } = buildFindingCards(runRules(CN_RULES, data), data);
    expect(tz).toBe('Asia/Shanghai');
    const night = cards.find((c) => c.rule === 'cn.night-contact')!;
    const zh = richToString(night.sentence.zh);
    expect(zh).toBe('3 月 2 日到 3 月 20 日，催收方在夜里 22 点到早上 8 点之间联系你 14 次（打来 14 次电话），分布在 14 天，来自 3 个号码。');
    expect(night.from).toBe('2026-03-02');
    expect(night.to).toBe('2026-03-20');
    expect(richToString(night.sentence.en)).toBe('From 2 Mar to 20 Mar, collectors contacted you 14 times between 22:00 and 08:00 (14 calls), on 14 days, from 3 numbers.');
    const v = cards.find((c) => c.rule === 'cn.threat-violence')!;
    expect(richToString(v.sentence.zh)).toBe('3 月 7 日，催收方 1 次威胁要伤害你、你的家人或你的财产，来自 1 个号码。');
    expect(periodText('2025-12-30', '2026-01-03').zh).toBe('2025 年 12 月 30 日到 2026 年 1 月 3 日');
  });

  it('has no "同上" fragments and no unexplained jargon in the main sentence', () => {
    const data = seeded();
    const { cards } = buildFindingCards(runRules(CN_RULES, data), data);
    for (const c of cards) {
      const { events: _events, ...rest } = c;
      expect(JSON.stringify(rest)).not.toContain('同上');
      for (const lang of ['zh', 'en'] as const) {
        for (const part of plainParts(c.sentence[lang])) expect(unmarkedTerms(part, lang), `${c.rule} ${lang}: ${part}`).toEqual([]);
        for (const part of plainParts(c.rule_plain[lang])) expect(unmarkedTerms(part, lang)).toEqual([]);
      }
      // The jargon the issue names is not in the sentence at all, marked or not.
      for (const j of ['两高', '效力层级', 'XIRR', '哈希链']) expect(richToString(c.sentence.zh)).not.toContain(j);
      expect(c.rule_plain.zh.length).toBeGreaterThan(0);
      expect(c.binding.words.zh.length).toBeGreaterThan(0);
      for (const cite of c.citations) expect(cite.firm).toBe(true);
    }
  });

  it('marks the rate sentence’s term and tells what a line above a microloan means', () => {
    const data = caseOf({
      loans: [loan(1, 'microloan', { lenderName: '快借小贷' })],
      loanLines: [{ loanId: 1, lenderName: '快借小贷', lineId: '24', applies: true, over: true, excessFen: 123456, aprNominal: 0.452, lineRate: 0.24, citationIds: ['fin-trial-2017.art2'] }],
    });
    const { cards } = buildFindingCards(runRules(CN_RULES, data), data);
    const c = cards.find((x) => x.rule === 'cn.over-legal-line')!;
    expect(richToString(c.sentence.zh)).toBe('你在快借小贷的借款，真实年化利率约 45.2%，高于适用的 24% 利率线；按合同要还的钱比按这条线算多 1,234.56 元。');
    expect(c.sentence.zh.some((p) => typeof p !== 'string' && p.term === 'true-rate')).toBe(true);
    expect(c.count).toBe(1);
  });
});

describe('glossary and rule table', () => {
  it('marks every glossary form, longest first', () => {
    expect(markTerms('依据两高两部意见和两高解释', 'zh')).toEqual(['依据', { term: 'liang-gao', text: '两高两部' }, '意见和', { term: 'liang-gao', text: '两高' }, '解释']);
    expect(markTerms('by XIRR', 'en')).toEqual(['by ', { term: 'xirr', text: 'XIRR' }]);
    for (const g of GLOSSARY) expect(g.explain.zh.length).toBeGreaterThan(0);
  });

  it('gives every rule a severity matching the rule itself, a rank unique within it, and plain words', () => {
    for (const r of CN_RULES) expect(ruleMeta(r.id)!.severity, r.id).toBe(r.severity);
    const seen = new Set<string>();
    for (const m of CN_RULE_META) {
      const k = `${m.severity}:${m.rank}`;
      expect(seen.has(k), k).toBe(false);
      seen.add(k);
      expect(m.plain.zh).not.toMatch(/《|》|第.+条/);
    }
  });

  it('orders a loan’s lines: those that apply to the lender type first', () => {
    const lines = [{ id: 'lpr4', applies: false }, { id: '24', applies: true }, { id: '36', applies: false }];
    const { applies, others } = splitLines(lines);
    expect(applies.map((l) => l.id)).toEqual(['24']);
    expect(others.map((l) => l.id)).toEqual(['lpr4', '36']);
  });
});
