import { describe, expect, it } from 'vitest';
import type { DocumentCase } from './case.js';
import { LETTER_CHANNELS } from './channels.js';
import { buildComplaint } from './complaint.js';
import { buildComplaintText } from './form-text.js';
import type { CitationBlock, DocModel } from './model.js';
import { EV, fakeLaw, finding, sampleCase, textOf } from './testing.js';

function citations(m: DocModel): CitationBlock[] {
  return m.blocks.filter((b): b is CitationBlock => b.type === 'citation');
}

/** The annex's list of every event (附件三). */
function eventTable(m: DocModel) {
  const t = (m.annex ?? []).find((b) => b.type === 'table' && b.headers[0] === '日期');
  if (!t || t.type !== 'table') throw new Error('no event table in the annex');
  return t;
}

describe('complaint letter', () => {
  it('states the case facts: complainant, lender, dates, counts, contacts, yuan above the line, evidence', () => {
    const c = sampleCase();
    const { model, missing } = buildComplaint(c, 'lender', fakeLaw());
    const t = textOf(model);
    expect(model.lang).toBe('zh-CN');
    expect(t).toContain('李明');
    expect(t).toContain('13600006666');
    expect(t).toContain('安心消费金融');
    expect(t).toContain('2024年6月1日至2024年6月5日');
    expect(t).toContain('共联系5次');
    expect(t).toContain('亲友、同事等2人');
    expect(t).toContain('1,234.56元');
    expect(t).toContain('2024-06-02 | 10:00 | 短信 | 13800001111');
    expect(t).toContain('a'.repeat(64));
    expect(t).toContain('f'.repeat(64));
    expect(t).toContain('2024年6月20日');
    // The draft notice and the warning against paid agents.
    expect(t).toContain('草稿');
    expect(t).toContain('反催收');
    // Only the questions the case does not answer.
    expect(missing.map((q) => q.key).sort()).toEqual(['collection_agency', 'loan_account']);
  });

  it('names each kind of conduct with its provisions, quotes the first ones with their tier, and reports what it shows', () => {
    const c = sampleCase();
    const { model, citationIds } = buildComplaint(c, 'lender', fakeLaw());
    const t = textOf(model);
    const quoted = citations(model).map((b) => b.citationId!);
    for (const f of c.findings) expect(t).toContain(`《测试法》〔${f.citationIds[0]}〕`);
    for (const b of citations(model)) {
      expect(b.tierLabel).toBeTruthy();
      expect(b.verified).toBe(true);
    }
    for (const id of quoted) expect(citationIds).toContain(id);
    // Every id reported is in the letter: quoted, or named in the text.
    for (const id of citationIds) expect(quoted.includes(id) || t.includes(`〔${id}〕`), id).toBe(true);
  });

  it('quotes message text only for findings about the text', () => {
    const { model } = buildComplaint(sampleCase(), 'lender', fakeLaw());
    const table = eventTable(model);
    const byDate = new Map(table.rows.map((r) => [`${r[0]} ${r[1]}`, r[6]]));
    expect(byDate.get('2024-06-02 10:00')).toContain('通讯录里所有人');
    expect(byDate.get('2024-06-05 14:00')).toContain('法院执行局');
    // The third-party message is about the contact, not its text: no quote.
    expect(byDate.get('2024-06-03 09:00')).toBe('');
  });

  it('builds a letter for every channel, with the channel’s findings', () => {
    const c = sampleCase();
    for (const ch of LETTER_CHANNELS) {
      const { model } = buildComplaint(c, ch, fakeLaw());
      expect(model.blocks.length).toBeGreaterThan(5);
    }
    const police = textOf(buildComplaint(c, 'police', fakeLaw()).model);
    expect(police).toContain('报案');
    expect(police).toContain('冒充公检法');
    expect(police).toContain('受案回执');
    expect(police).not.toContain('夜间（22:00'); // the night finding is not a police matter here
    expect(police).not.toContain('核减'); // nor the interest
    const sms = textOf(buildComplaint(c, '12321', fakeLaw()).model);
    expect(sms).toContain('举报');
    expect(sms).toContain('夜间');
    expect(() => buildComplaint(c, 'nowhere', fakeLaw())).toThrow(RangeError);
  });

  it('does not claim what no finding shows', () => {
    const c: DocumentCase = { ...sampleCase(), findings: [finding('cn.night-contact', [EV.night], { citationIds: ['gbt-45251-2025.night'], channels: ['lender'] })] };
    c.loans = c.loans.map((l) => ({ ...l, lines: l.lines.map((x) => ({ ...x, over: false, excessFen: 0 })) }));
    const t = textOf(buildComplaint(c, 'lender', fakeLaw()).model);
    expect(t).toContain('夜间');
    expect(t).toContain('不在22:00至次日8:00之间联系我');
    expect(t).not.toContain('亲友、同事等2人');
    expect(t).not.toContain('停止联系、骚扰我的亲友');
    expect(t).not.toContain('删除通过读取');
    expect(t).not.toContain('威胁');
    expect(t).not.toContain('冒充');
    expect(t).not.toContain('核减');
    // The consumer-finance rule on collection conduct leads (night calls are harassment), but not its personal-information
    // rule: no finding is about contacts.
    expect(citations(buildComplaint(c, 'lender', fakeLaw()).model)[0]!.citationId).toBe('cfc-2024.art56');
    expect(t).not.toContain('cfc-2024.art55');
  });

  it('for any subset of findings, the letter and its short text claim only those', () => {
    const TELL: Record<string, string[]> = {
      'cn.impersonation': ['冒充', '法院执行局'],
      'cn.threat-contacts': ['威胁', '通讯录里所有人'],
      'cn.third-party-contact': ['停止联系', '亲友、同事等2人', '删除通过读取'],
      'cn.night-contact': ['22:00'],
    };
    const all = sampleCase().findings;
    for (let mask = 1; mask < 1 << all.length; mask++) {
      const c = sampleCase();
      c.findings = all.filter((_, i) => mask & (1 << i));
      const t = textOf(buildComplaint(c, 'lender', fakeLaw()).model) + buildComplaintText(c, 'lender', fakeLaw(), 'short').text;
      for (const f of all) {
        const present = c.findings.includes(f);
        for (const w of TELL[f.rule]!) if (!present) expect(t, `${mask} ${f.rule}`).not.toContain(w);
        if (present) expect(t).toContain(TELL[f.rule]![0]);
      }
    }
  });

  it('asks for the missing facts and leaves blanks', () => {
    const c = sampleCase();
    c.borrower = {};
    const r = buildComplaint(c, 'police', fakeLaw());
    const keys = r.missing.map((q) => q.key);
    expect(keys).toEqual(expect.arrayContaining(['borrower_name', 'borrower_phone', 'borrower_city']));
    expect(r.missing.find((q) => q.key === 'borrower_city')!.required).toBe(true);
    expect(textOf(r.model)).toContain('姓名：＿＿＿＿＿＿');
    c.answers = { borrower_name: '李明', borrower_phone: '13600006666', borrower_city: '杭州' };
    expect(buildComplaint(c, 'police', fakeLaw()).missing.map((q) => q.key)).not.toContain('borrower_city');
    const s = buildComplaint(sampleCase(), '12315', fakeLaw());
    expect(s.missing.filter((q) => q.required).map((q) => q.key).sort()).toEqual(['borrower_address', 'respondent_name']);
  });

  it('leaves out citations src/law lacks and unverified ones, with no mark (outgoing documents cite only what is solid)', () => {
    const c = sampleCase();
    const law = fakeLaw({ unknown: ['criminal-law.art279'], unverified: ['gbt-45251-2025.night', 'cfc-2024.art57'] });
    const r = buildComplaint(c, 'lender', law);
    const ids = citations(r.model).map((b) => b.citationId);
    for (const id of ['criminal-law.art279', 'gbt-45251-2025.night', 'cfc-2024.art57']) {
      expect(ids).not.toContain(id);
      expect(r.citationIds).not.toContain(id);
      expect(textOf(r.model)).not.toContain(id);
    }
    expect(textOf(r.model)).not.toContain('未核实');
    expect(ids).toContain('cfc-2024.art56');
  });

  it('passes a summary excerpt on as a summary, never as a quotation', () => {
    const base = fakeLaw();
    const law = { ...base, citation: (id: string) => { const x = base.citation(id); return x && id === 'cfc-2024.art56' ? { ...x, excerptIsSummary: true } : x; } };
    const b = citations(buildComplaint(sampleCase(), 'lender', law).model).find((x) => x.citationId === 'cfc-2024.art56')!;
    expect(b.excerptIsSummary).toBe(true);
  });

  it('turns a title that does not start with 《 round for the renderers', () => {
    const base = fakeLaw();
    const law = {
      ...base,
      citation: (id: string) => {
        const x = base.citation(id);
        return x && id === 'gbt-45251-2025.night' ? { ...x, law: { zh: 'GB/T 45251-2025《贷后催收风控指引》', en: 'GB/T 45251-2025 Guideline' }, article: null } : x;
      },
    };
    const c = sampleCase();
    c.findings = c.findings.filter((f) => f.rule === 'cn.night-contact');
    const b = citations(buildComplaint(c, 'lender', law).model).find((x) => x.citationId === 'gbt-45251-2025.night')!;
    expect(b.law).toBe('《贷后催收风控指引》（GB/T 45251-2025）');
    expect(b.article).toBeNull();
  });

  it('asks the police for a no-contact order only for conduct from 2026-01-01', () => {
    const c = sampleCase();
    expect(textOf(buildComplaint(c, 'police', fakeLaw()).model)).not.toContain('不得接触');
    const later = { ...EV.threat, id: 9, at: '2026-01-02T10:00:00+08:00' };
    c.events.push(later);
    c.findings.push(finding('cn.threat-violence', [later], { citationIds: ['psl-2025.art50.item1'], channels: ['police'], severity: 'critical' }));
    const r = buildComplaint(c, 'police', fakeLaw());
    expect(textOf(r.model)).toContain('不得接触');
    expect(r.citationIds).toContain('psl-2025.art50.para2');
  });

  it('narrows to one lender', () => {
    const c = sampleCase();
    c.loans.push({ lenderName: '好借银行', lenderType: 'bank', contractDate: '2023-05-01', contractPrincipalFen: 500_000, lines: [] });
    c.findings.push(finding('cn.call-flood', [EV.night], { lenderName: '好借银行', channels: ['lender'] }));
    const only = textOf(buildComplaint(c, 'lender', fakeLaw(), { lender: '好借银行' }).model);
    expect(only).toContain('好借银行');
    expect(only).not.toContain('安心消费金融');
    expect(only).not.toContain('冒充');
    expect(only).toContain('频繁拨打电话');
    expect(only).toContain('在规定期限内书面答复'); // a bank: the complaint-handling time limits
  });

  it('lists at most maxFactRows events, covering every finding', () => {
    const c = sampleCase();
    const many = Array.from({ length: 300 }, (_, i) => ({
      id: 1000 + i,
      at: `2024-07-${String(1 + (i % 28)).padStart(2, '0')}T${String(8 + (i % 12)).padStart(2, '0')}:00:00+08:00`,
      kind: 'call' as const,
      number: `1380000${String(i).padStart(4, '0')}`,
    }));
    c.events.push(...many);
    c.findings.push(finding('cn.call-flood', many, { channels: ['lender'], severity: 'low' }));
    const { model } = buildComplaint(c, 'lender', fakeLaw(), { maxFactRows: 20 });
    const table = eventTable(model);
    expect(table.rows.length).toBe(20);
    const issues = table.rows.map((r) => r[5]).join(' ');
    for (const name of ['冒充', '威胁联系亲友', '第三人', '夜间', '频繁']) expect(issues).toContain(name);
    expect(textOf(model)).toContain('共305条');
    const dates = table.rows.map((r) => `${r[0]} ${r[1]}`);
    expect([...dates].sort()).toEqual(dates);
  });

  it('writes English on request', () => {
    const { model } = buildComplaint(sampleCase(), '12378', fakeLaw(), { lang: 'en' });
    const t = textOf(model);
    expect(model.lang).toBe('en');
    expect(t).toContain('Complaint about debt collection');
    expect(t).toContain('CNY 1,234.56');
    expect(t).toContain('From 1 Jun 2024 to 5 Jun 2024');
    expect(t).not.toMatch(/[一二三四五六七]、/);
  });
});
