import { describe, expect, it } from 'vitest';
import type { DocumentCase } from './case.js';
import { buildContactsNote, CONTACTS_NOTE_MAX, contactsNoteText } from './contacts-note.js';
import { cpLength } from './format.js';
import { buildDocument } from './index.js';
import type { CitationBlock, DocModel } from './model.js';
import { buildNegotiation } from './negotiation.js';
import { buildPiRequest } from './pi-request.js';
import { QUESTIONS } from './questions.js';
import { fakeLaw, sampleCase, textOf } from './testing.js';
import { buildThirdPartyStatement } from './third-party-statement.js';
import { DOCUMENT_TYPES } from './types.js';

function cited(m: DocModel): string[] {
  return m.blocks.filter((b): b is CitationBlock => b.type === 'citation').map((b) => b.citationId!);
}

function withCard(c: DocumentCase): DocumentCase {
  c.loans = [{ lenderName: '好借银行', lenderType: 'credit_card', contractDate: '2022-03-01', contractPrincipalFen: 3_000_000, outstandingFen: 2_345_600, lines: [] }];
  return c;
}

describe('协商还款申请书', () => {
  it('states the person’s proposal and the loan', () => {
    const c = sampleCase();
    c.answers = { monthly_amount: '1,500.50', months: '24', hardship: '失业后收入大幅下降', first_payment_date: '2024-08-15' };
    const r = buildNegotiation(c, fakeLaw());
    const t = textOf(r.model);
    expect(t).toContain('致：安心消费金融');
    expect(t).toContain('每月还款1,500.50元，分24期还清（合计36,012.00元）');
    expect(t).toContain('自2024年8月15日起');
    expect(t).toContain('失业后收入大幅下降');
    expect(t).toContain('超出部分约1,234.56元');
    expect(t).toContain('2024年6月20日');
    expect(r.missing.map((q) => q.key)).toEqual(['loan_account']);
    // Not a credit card: no 第七十条.
    expect(r.citationIds).toEqual([]);
    expect(cited(r.model)).toEqual([]);
  });

  it('asks for the amount and the months when the person has not given them', () => {
    const r = buildNegotiation(sampleCase(), fakeLaw());
    const req = r.missing.filter((q) => q.required).map((q) => q.key);
    expect(req).toEqual(['monthly_amount', 'months']);
    expect(r.missing.find((q) => q.key === 'monthly_amount')!.kind).toBe('money');
    expect(textOf(r.model)).toContain('每月还款＿＿＿＿＿＿');
    // Amounts that are not amounts are asked again.
    const c = sampleCase();
    c.answers = { monthly_amount: 'abc', months: '0' };
    expect(buildNegotiation(c, fakeLaw()).missing.map((q) => q.key)).toEqual(expect.arrayContaining(['monthly_amount', 'months']));
  });

  it('cites 信用卡办法 第七十条 only for a credit card, and only if src/law has it', () => {
    const c = withCard(sampleCase());
    c.answers = { monthly_amount: '1000', months: '72' };
    const r = buildNegotiation(c, fakeLaw());
    expect(r.citationIds).toEqual(['credit-card-2011.art70']);
    expect(cited(r.model)).toEqual(['credit-card-2011.art70']);
    expect(textOf(r.model)).toContain('最长期限不超过5年');
    expect(textOf(r.model)).toContain('60期'); // 72 months is longer than the rule allows
    expect(textOf(r.model)).toContain('尚欠23,456.00元');
    const without = buildNegotiation(c, fakeLaw({ unknown: ['credit-card-2011.art70'] }));
    expect(without.citationIds).toEqual([]);
    expect(textOf(without.model)).not.toContain('5年');
  });
});

describe('个人信息权利申请', () => {
  it('withdraws consent, asks for deletion and who received the data, citing the PIPL articles', () => {
    const r = buildPiRequest(sampleCase(), fakeLaw());
    const t = textOf(r.model);
    for (const w of ['撤回', '删除', '停止向催收机构', '已向哪些第三方', '书面答复']) expect(t).toContain(w);
    expect(cited(r.model)).toEqual(['pipl.art15', 'pipl.art44', 'pipl.art45', 'pipl.art47', 'pipl.art50', 'network-data-2024.art23']);
    expect(t).toContain('亲友、同事等2人');
    expect(t).not.toMatch(/\d+天|\d+日内/); // the law sets no deadline in days
  });

  it('leaves out ids src/law lacks and claims no contact without a finding', () => {
    const c = sampleCase();
    c.findings = c.findings.filter((f) => f.rule === 'cn.night-contact');
    const r = buildPiRequest(c, fakeLaw({ unknown: ['pipl.art45', 'network-data-2024.art23'] }));
    expect(r.citationIds).toEqual(['pipl.art15', 'pipl.art44', 'pipl.art47', 'pipl.art50']);
    expect(textOf(r.model)).not.toContain('pipl.art45');
    expect(textOf(r.model)).not.toContain('催收方已联系');
  });
});

describe('致亲友的说明 and 第三人情况说明', () => {
  it('the note is short, warm and says what to do', () => {
    const c = sampleCase();
    const text = contactsNoteText(c);
    expect(cpLength(text)).toBeLessThanOrEqual(CONTACTS_NOTE_MAX.zh);
    for (const w of ['李明', '你不欠任何钱', '没有义务', '不要给任何人转账', '截图', '通话记录', '发给我']) expect(text).toContain(w);
    expect(cpLength(contactsNoteText(c, { lang: 'en' }))).toBeLessThanOrEqual(CONTACTS_NOTE_MAX.en);
    c.borrower.name = '名'.repeat(200);
    expect(cpLength(contactsNoteText(c))).toBeLessThanOrEqual(CONTACTS_NOTE_MAX.zh);
    const doc = buildContactsNote(sampleCase());
    expect(doc.citationIds).toEqual([]);
    expect(textOf(doc.model)).toContain('致亲友的说明');
  });

  it('the statement prefills what the case knows about the contact and leaves blanks to sign', () => {
    const c = sampleCase();
    const r = buildThirdPartyStatement(c, { contact: '王小红' });
    const t = textOf(r.model);
    expect(t).toContain('2024-06-03 | 09:00 | 短信 | 13800001111');
    expect(t).toContain('请转告他尽快还款');
    expect(t).toContain('联系电话13912345678');
    expect(t).toContain('说明人（签名）');
    expect(t).toContain('日期：＿＿＿＿年＿＿月＿＿日');
    expect(r.missing.map((q) => q.key)).toEqual(['contact_name', 'contact_relation']);
    // 张伟's report: only the collector's number is known.
    const z = textOf(buildThirdPartyStatement(c, { contact: '137-0000-7777' }).model);
    expect(z).toContain('|  |  | 13800002222 |');
    expect(z).toContain('系李明的同事');
    const blank = buildThirdPartyStatement(c);
    const table = blank.model.blocks.find((b) => b.type === 'table');
    expect(table && table.type === 'table' && table.rows.every((row) => row.every((x) => x === ''))).toBe(true);
  });
});

describe('DOCUMENT_TYPES', () => {
  it('lists the five types, and every question a builder asks belongs to its type', () => {
    expect(DOCUMENT_TYPES.map((d) => d.id)).toEqual(['complaint', 'negotiation', 'pi_request', 'contacts_note', 'third_party_statement']);
    const empty: DocumentCase = {
      ...sampleCase(),
      borrower: {},
      collectors: [],
      answers: {},
    };
    for (const d of DOCUMENT_TYPES) {
      for (const q of d.questions) expect(QUESTIONS[q].key).toBe(q);
      const channels = d.perChannel ? ['lender', '12378', 'local_regulator', 'nifa', '12321', '12377', 'pi_regulator', 'police', '12315'] : [undefined];
      for (const channel of channels) {
        const r = buildDocument(empty, fakeLaw(), { type: d.id, channel });
        for (const q of r.missing) expect(d.questions, `${d.id} ${channel}`).toContain(q.key);
      }
    }
  });
});
