import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentCase } from './case.js';
import { buildComplaint } from './complaint.js';
import { buildComplaintText } from './form-text.js';
import { buildDocument } from './index.js';
import { caseRedactor, maskName, maskPhone, PUBLIC_REDACTION } from './redact.js';
import { fakeLaw, sampleCase } from './testing.js';
import type { DocumentType } from './types.js';

const TYPES: DocumentType[] = ['complaint', 'negotiation', 'pi_request', 'contacts_note', 'third_party_statement'];

function everyString(x: unknown): string {
  return JSON.stringify(x);
}

/** The number written the ways a document may write it. */
function variants(n: string): string[] {
  const d = n.replace(/\D/g, '');
  return [d, `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`, `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`];
}

describe('redaction', () => {
  it('masks names and numbers the usual way', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('王小红')).toBe('王**');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
  });

  it('removes every third party’s name and number from every document, keeping the collectors’ numbers', () => {
    const c = sampleCase();
    c.answers = { contact_name: '张伟', monthly_amount: '500', months: '12' };
    for (const type of TYPES) {
      const r = buildDocument(c, fakeLaw(), { type, channel: 'lender', redact: { thirdParties: true } });
      const s = everyString(r.model);
      for (const name of ['王小红', '张伟']) expect(s, type).not.toContain(name);
      for (const n of ['13912345678', '13700007777']) for (const v of variants(n)) expect(s, type).not.toContain(v);
      expect(s).toContain('李明'); // not the borrower, unless asked
    }
    const letter = everyString(buildComplaint(c, 'lender', fakeLaw(), { redact: { thirdParties: true } }).model);
    expect(letter).toContain('王**');
    expect(letter).toContain('张*');
    expect(letter).toContain('13800001111'); // the collector's number stays: it is what the complaint is about
    expect(letter).toContain('f'.repeat(64)); // hashes untouched
  });

  it('for public posting also masks the borrower', () => {
    const c = sampleCase();
    const s = everyString(buildComplaint(c, '12378', fakeLaw(), { redact: PUBLIC_REDACTION }).model);
    expect(s).not.toContain('李明');
    expect(s).not.toContain('13600006666');
    expect(s).not.toContain('123X');
    expect(s).toContain('李*');
    expect(s).toContain('136****6666');
    const t = buildComplaintText(c, '12378', fakeLaw(), 'short', { redact: PUBLIC_REDACTION }).text;
    expect(t).not.toContain('李明');
    expect(t).not.toContain('王小红');
  });

  it('masks unknown mobile numbers in message text too, and collectors’ numbers on request', () => {
    const c = sampleCase();
    const r = caseRedactor(c, { thirdParties: true });
    expect(r('联系 13355557777 或 13800001111')).toBe('联系 133****7777 或 13800001111');
    expect(caseRedactor(c, { thirdParties: true, collectors: true })('13800001111')).toBe('138****1111');
  });

  it('leaves no third-party name or number, for any contacts', () => {
    const surname = fc.constantFrom(...'赵钱孙周吴郑冯陈褚卫蒋沈韩杨');
    const given = fc.string({ unit: fc.constantFrom(...'子轩梓涵浩然欣怡宇航诗琪雨泽佳怡'), minLength: 1, maxLength: 3 });
    const person = fc.record({
      name: fc.tuple(surname, given).map(([a, b]) => a + b),
      number: fc.tuple(fc.constantFrom('139', '137', '150', '186'), fc.stringMatching(/^\d{8}$/)).map(([a, b]) => a + b),
    });
    fc.assert(
      fc.property(fc.uniqueArray(person, { minLength: 1, maxLength: 12, selector: (p) => p.number }), (people) => {
        const c: DocumentCase = sampleCase();
        c.contactsReached = { count: people.length, people: people.map((p) => ({ name: p.name, numbers: [p.number] })) };
        c.events = c.events.map((e, i) => {
          const p = people[i % people.length]!;
          return e.recipient === 'third_party' ? { ...e, contactName: p.name, contactNumber: p.number, text: `${p.name}你好，请转告，或回电${p.number}` } : e;
        });
        c.answers = { contact_name: people[0]!.name };
        for (const type of TYPES) {
          const s = everyString(buildDocument(c, fakeLaw(), { type, channel: 'lender', redact: { thirdParties: true }, contact: people[0]!.name }).model);
          for (const p of people) {
            expect(s).not.toContain(p.name);
            for (const v of variants(p.number)) expect(s).not.toContain(v);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
