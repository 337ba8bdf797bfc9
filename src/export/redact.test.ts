import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appendAttachment, appendRecord, verifyChain, type EvidenceRecord } from '../domain/evidence/index.js';
import { collectThirdParties, makeRedactor, maskName, maskNumber, redactJson, redactRecords } from './redact.js';

describe('masks', () => {
  it('masks numbers and names', () => {
    expect(maskNumber('13812345678')).toBe('138****5678');
    expect(maskNumber('+86 138-1234-5678')).toBe('138****5678');
    expect(maskNumber('02112345678')).toBe('021****5678');
    expect(maskNumber('95588')).toBe('95*88');
    expect(maskNumber('110')).toBe('****');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('John Smith')).toBe('J*** *****');
    expect(maskName('𠮷田')).toBe('𠮷*');
  });

  it('masks known third parties in any spelling and other mobiles in text, keeping collectors', () => {
    const r = makeRedactor({ names: ['张三', '李四'], numbers: ['+8613812345678'] }, { keepNumbers: ['13900001111'] });
    expect(r('张三(138 1234 5678)和李四，催收 13900001111，同事 13700002222，座机 010-12345678')).toBe('张*(138****5678)和李*，催收 13900001111，同事 137****2222，座机 010-12345678');
    expect(r('sms:13812345678:1700000000')).toBe('sms:138****5678:1700000000');
    expect(r('订单号 213812345678999')).toBe('订单号 213812345678999'); // not a phone number on its own
  });

  it('never touches hashes, masks contact fields by name', () => {
    const hex = '13812345678' + 'a'.repeat(53);
    const r = makeRedactor({ names: [], numbers: ['13812345678'] });
    expect(redactJson({ sha256: hex, hash: hex, note: hex, contactNumber: '021-555', contact_name: '王五' }, r)).toEqual({
      sha256: hex,
      hash: hex,
      note: hex,
      contactNumber: '02**55',
      contact_name: '王*',
    });
  });

  it('property: masked text keeps no known number or name', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^1[3-9]\d{9}$/), { minLength: 1, maxLength: 4 }),
        fc.array(fc.stringMatching(/^[\u4e00-\u9fa5]{2,3}$/), { minLength: 1, maxLength: 3 }),
        fc.array(fc.string({ maxLength: 8 }), { maxLength: 6 }),
        (numbers, names, filler) => {
          const text = [...filler, ...numbers, ...names].join(' ');
          const out = makeRedactor({ names, numbers })(text);
          for (const n of numbers) expect(out).not.toContain(n);
          for (const n of names) expect(out).not.toContain(n);
        },
      ),
    );
  });
});

describe('records', () => {
  it('collects contacts and marks masked records redacted, keeping their hashes and links', () => {
    const sha = createHash('sha256').update('x').digest('hex');
    const rs: EvidenceRecord[] = [];
    rs.push(appendRecord(null, 'contact', { name: '张三', numbers: ['13812345678'] }, 1));
    rs.push(appendRecord(rs[0]!, 'event', { kind: 'call', number: '13900001111', collectorId: 1, text: null }, 2));
    rs.push(appendAttachment(rs[1]!, { sha256: sha, size: 1, mime: 'image/png', name: '张三的截图.png', source: 'contact:1', claimed_at: null }, 3));
    const tp = collectThirdParties(rs, [{ contactId: 3, collectorId: null, counterpartName: '李四', number: '13700002222' }]);
    expect(tp).toEqual({ names: ['张三', '李四'], numbers: ['13812345678', '13700002222'] });
    const { records, redacted } = redactRecords(rs, makeRedactor(tp, { keepNumbers: ['13900001111'] }));
    expect(redacted).toBe(2);
    expect(records[1]).toBe(rs[1]);
    expect(records[0]).toMatchObject({ redacted: true, hash: rs[0]!.hash, payload: { name: '张*', numbers: ['138****5678'] } });
    expect(records[2]).toMatchObject({ redacted: true, payload: { sha256: sha, name: '张*的截图.png' } });
    expect(verifyChain(records)).toMatchObject({ ok: false, reason: 'redacted_not_allowed' });
    expect(verifyChain(records, { allowRedacted: true })).toMatchObject({ ok: true, redacted: 2, head: rs[2]!.hash });
  });
});
