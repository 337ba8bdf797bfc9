import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CallStatus } from '../collection/types.js';
import type { LenderType } from '../law.js';
import type { DocumentCase, DocumentEvent, DocumentLoan } from './case.js';
import { LETTER_CHANNELS } from './channels.js';
import { buildComplaintText, fitParts } from './form-text.js';
import { cpLength, fmtDate } from './format.js';
import { fakeLaw, finding, sampleCase } from './testing.js';
import { RULE_INFO } from './topics.js';

describe('online-form texts', () => {
  it('short and medium carry who, what, when, which rule and what is asked, within their limits', () => {
    const c = sampleCase();
    const short = buildComplaintText(c, '12378', fakeLaw(), 'short');
    const medium = buildComplaintText(c, '12378', fakeLaw(), 'medium');
    expect(short.limit).toBe(500);
    expect(cpLength(short.text)).toBeLessThanOrEqual(500);
    expect(cpLength(medium.text)).toBeLessThanOrEqual(1500);
    for (const t of [short.text, medium.text]) {
      expect(t).toContain('李明');
      expect(t).toContain('安心消费金融');
      expect(t).toContain('2024年6月1日至2024年6月5日');
      expect(t).toContain('共联系5次');
      expect(t).toContain('1,234.56元');
      expect(t).toContain('《测试法》〔cfc-2024.art56〕');
    }
    expect(short.text).toContain('请求：');
    expect(medium.text).toContain('联系电话：13600006666');
    // Medium is more than short cut off: it has each finding with its period.
    expect(medium.text).toContain('向与债务无关的第三人催收（2024年6月3日至2024年6月4日）：共2次，被联系的亲友、同事等共2人。违反');
  });

  it('full has everything: each row, each citation with its excerpt, the hashes', () => {
    const c = sampleCase();
    const full = buildComplaintText(c, 'lender', fakeLaw(), 'full');
    expect(full.limit).toBeNull();
    for (const f of c.findings) for (const id of f.citationIds) expect(full.text).toContain(`摘录${id}`);
    expect(full.text).toContain('2024-06-05 14:00 短信 13800002222');
    expect(full.text).toContain('a'.repeat(64));
    // To the lender: its demands first, the reply last.
    expect(full.text.indexOf('停止联系、骚扰')).toBeLessThan(full.text.indexOf('书面答复处理结果'));
  });

  it('fitParts keeps the important parts and drops the others first', () => {
    const mk = (priority: number, ...variants: string[]) => ({ variants, priority, at: 0 });
    const t = fitParts([mk(10, 'AAAAAAAAAA', 'AAA'), mk(1, 'bbbbbbbbbb', ''), mk(5, 'cccccccccc', 'cc')], 15, '');
    expect(t).toBe('AAAAAAAAAAcc');
    expect(fitParts([mk(1, 'x'.repeat(50))], 10, '')).toHaveLength(10);
  });

  const RULES = [...Object.keys(RULE_INFO), 'other.rule'];
  const TYPES: LenderType[] = ['bank', 'consumer_finance', 'microloan', 'platform', 'credit_card', 'private', 'other'];
  const text = (max: number) => fc.string({ unit: 'grapheme', maxLength: max });

  /** Large random cases: many findings, events, lenders, long and astral-plane names. */
  const bigCase = fc
    .record({
      name: fc.option(text(60), { nil: undefined }),
      lenders: fc.array(fc.record({ name: text(40), type: fc.constantFrom(...TYPES), excess: fc.nat(10_000_000) }), { minLength: 0, maxLength: 12 }),
      findings: fc.array(
        fc.record({
          rule: fc.constantFrom(...RULES),
          n: fc.integer({ min: 0, max: 40 }),
          cites: fc.array(fc.constantFrom(...Array.from({ length: 40 }, (_, i) => `law.${i}`)), { maxLength: 8 }),
          summary: text(300),
          day: fc.integer({ min: 1, max: 28 }),
        }),
        { minLength: 1, maxLength: 150 },
      ),
      contacts: fc.nat(500),
      attachments: fc.nat(80),
      agency: fc.option(text(80), { nil: undefined }),
    })
    .map(({ name, lenders, findings, contacts, attachments, agency }): DocumentCase => {
      let id = 1;
      const events: DocumentEvent[] = [];
      const loans: DocumentLoan[] = lenders.map((l) => ({
        lenderName: l.name || '某机构',
        lenderType: l.type,
        productName: l.name.slice(0, 5),
        contractDate: '2024-01-01',
        contractPrincipalFen: 1_000_000,
        lines: [{ lineId: '24', applies: true, over: l.excess > 0, excessFen: l.excess, aprNominal: 0.5, lineRate: 0.24, citationIds: ['line.24'] }],
      }));
      const fs = findings.map((f) => {
        const evs: DocumentEvent[] = Array.from({ length: f.n }, (_, k) => ({
          id: id++,
          at: `2024-06-${String(f.day).padStart(2, '0')}T${String(k % 24).padStart(2, '0')}:00:00+08:00`,
          kind: k % 2 ? 'sms' : 'call',
          number: `138${String(id).padStart(8, '0')}`,
          text: f.summary.slice(0, 80),
          callStatus: (k % 2 ? null : 'missed') as CallStatus | null,
          labels: ['threat_violence', 'insult', 'impersonation'],
        }));
        events.push(...evs);
        return finding(f.rule, evs, { citationIds: f.cites, summary: f.summary, channels: [...LETTER_CHANNELS] });
      });
      return {
        today: '2024-07-01',
        tz: 'Asia/Shanghai',
        borrower: { name: name ?? null, phone: '13600006666' },
        loans,
        collectors: [{ name: 'x', numbers: ['13800000000'], lenderName: null, agency: agency ?? null }],
        findings: fs,
        events,
        contactsReached: { count: contacts },
        evidence: { attachments: Array.from({ length: attachments }, (_, i) => ({ name: `证据${i}.png`, sha256: 'b'.repeat(64), kind: 'screenshot' })), chainHead: 'c'.repeat(64), recordCount: 999 },
        answers: {},
      };
    });

  it('short ≤ 500 and medium ≤ 1,500 code points, for any case, channel and language', () => {
    fc.assert(
      fc.property(bigCase, fc.constantFrom(...LETTER_CHANNELS), fc.constantFrom('zh' as const, 'en' as const), (c, ch, lang) => {
        const short = buildComplaintText(c, ch, fakeLaw(), 'short', { lang }).text;
        const medium = buildComplaintText(c, ch, fakeLaw(), 'medium', { lang }).text;
        expect(cpLength(short)).toBeLessThanOrEqual(500);
        expect(cpLength(medium)).toBeLessThanOrEqual(1500);
        // The core survives: who, and when it started.
        if (lang === 'zh') expect(short.startsWith('本人')).toBe(true);
        const starts = c.findings.filter((f) => f.from !== null).map((f) => f.from!);
        if (lang === 'zh' && starts.length && c.findings.length) {
          const first = new Date(Math.min(...starts) + 8 * 3600_000).toISOString().slice(0, 10);
          // Only when the channel's letter includes an event finding (police and 12321 take some of them).
          if (short.includes('共联系')) expect(short).toContain(fmtDate(first, 'zh'));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('short stays within the limit with the largest realistic input', () => {
    const c = sampleCase();
    for (let i = 0; i < 200; i++) c.findings.push(finding(RULES[i % RULES.length]!, [], { citationIds: [`law.${i}`], summary: '很长的摘要'.repeat(50) }));
    c.borrower.name = '😀'.repeat(400);
    for (const len of ['short', 'medium'] as const) {
      const r = buildComplaintText(c, 'lender', fakeLaw(), len);
      expect(cpLength(r.text)).toBeLessThanOrEqual(r.limit!);
      expect(r.text).toContain('请求：');
    }
  });
});
