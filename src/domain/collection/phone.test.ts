import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMobile, normalizePhone, samePhone } from './phone.js';

// All numbers are made up.
const cases: Array<[string, string | null, string]> = [
  // mobiles
  ['13800138000', '13800138000', 'plain mobile'],
  ['+8613800138000', '13800138000', '+86'],
  ['+86 138 0013 8000', '13800138000', '+86 with spaces'],
  ['+86-138-0013-8000', '13800138000', '+86 with dashes'],
  ['(+86) 138.0013.8000', '13800138000', 'brackets and dots'],
  ['0086 13800138000', '13800138000', '0086'],
  ['008613800138000', '13800138000', '0086 no space'],
  ['8613800138000', '13800138000', '86 without plus'],
  ['86 138 0013 8000', '13800138000', '86 with spaces'],
  ['１３８００１３８０００', '13800138000', 'full-width digits'],
  ['＋８６ １３８－００１３－８０００', '13800138000', 'full-width plus, dash, space'],
  ['138\u00A00013\u00A08000', '13800138000', 'no-break spaces'],
  ['138　0013　8000', '13800138000', 'ideographic spaces'],
  ['138–0013—8000', '13800138000', 'en and em dashes'],
  ['tel:+86-138-0013-8000', '13800138000', 'tel: URI'],
  ['1795113800138000', '13800138000', 'IP-dialing prefix 17951'],
  ['1259313800138000', '13800138000', 'IP-dialing prefix 12593'],
  ['013800138000', '13800138000', 'trunk 0 before mobile'],
  ['+86 (0) 138 0013 8000', '13800138000', '+86 (0)'],
  ['19912345678', '19912345678', '199 mobile'],
  // landlines
  ['010-12345678', '01012345678', 'Beijing with dash'],
  ['(010) 8765 4321', '01087654321', 'Beijing brackets'],
  ['+86 10 1234 5678', '01012345678', '+86 Beijing'],
  ['+86 (0)10 1234 5678', '01012345678', '+86 (0) Beijing'],
  ['+861065123456', '01065123456', '+86 10-digit 106 read as Beijing landline'],
  ['0086 21 2345 6789', '02123456789', '0086 Shanghai'],
  ['+86 755 2345 6789', '075523456789', '+86 Shenzhen'],
  ['0755-23456789', '075523456789', 'Shenzhen'],
  ['0571-8765432', '05718765432', '7-digit local number'],
  ['+86 571 876 5432', '05718765432', '+86 7-digit local'],
  ['+86 431 8765 4321', '043187654321', '+86 Changchun (4xx area code)'],
  ['12345678', '12345678', 'local number without area code'],
  // service and short codes
  ['95588', '95588', 'bank service code'],
  ['95 588', '95588', 'service code with space'],
  ['+8695588', '95588', '+86 service code'],
  ['96xxx'.replace('xxx', '123'), '96123', '96 code'],
  ['10086', '10086', 'carrier service'],
  ['+8610086', '10086', '+86 carrier service'],
  ['12315', '12315', 'consumer hotline'],
  ['400-123-4567', '4001234567', '400 number'],
  ['400 1234 567', '4001234567', '400 spaced'],
  ['+86 400 123 4567', '4001234567', '+86 400'],
  ['800-123-4567', '8001234567', '800 number'],
  ['106575000123456', '106575000123456', 'SMS gateway'],
  ['1069 0000 1234 5678', '1069000012345678', 'SMS gateway spaced'],
  ['+86106900001234567', '106900001234567', '+86 SMS gateway'],
  ['110', '110', 'emergency'],
  ['95588;1', '95588', 'pause suffix'],
  ['010-12345678转123', '01012345678', 'extension 转'],
  ['010-12345678 ext. 12', '01012345678', 'extension ext'],
  ['+1 (212) 555-0100 x12', '+12125550100', 'extension x'],
  // foreign
  ['+1 (212) 555-0100', '+12125550100', 'US'],
  ['001 212 555 0100', '+12125550100', '00 international prefix'],
  ['+852 9876 5432', '+85298765432', 'Hong Kong'],
  ['+44 20 7946 0000', '+442079460000', 'UK'],
  // not numbers
  ['', null, 'empty'],
  ['   ', null, 'blank'],
  ['-1', null, 'Android unknown'],
  ['-2', null, 'Android private'],
  ['-3', null, 'Android payphone'],
  ['(Unknown)', null, 'Unknown'],
  ['insert-address-token', null, 'MMS placeholder'],
  ['ICBC', null, 'alphanumeric sender'],
  ['1-800-FLOWERS', null, 'letters'],
  ['12', null, 'too short'],
  ['123456789012345678901', null, 'too long'],
  ['+', null, 'plus alone'],
  ['+86', null, '+86 alone'],
];

describe('normalizePhone', () => {
  it.each(cases)('%s → %s (%s)', (raw, want) => {
    expect(normalizePhone(raw)).toBe(want);
  });

  it('takes null and undefined', () => {
    expect(normalizePhone(null)).toBeNull();
    expect(normalizePhone(undefined)).toBeNull();
  });

  it('is idempotent', () => {
    for (const [raw] of cases) {
      const n = normalizePhone(raw);
      if (n != null) expect(normalizePhone(n)).toBe(n);
    }
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'+0123456789 -()．１８６'.split('')), maxLength: 24 }), (s) => {
        const n = normalizePhone(s);
        if (n != null) {
          expect(n).toMatch(/^\+?\d{3,20}$/);
          expect(normalizePhone(n)).toBe(n);
        }
      }),
    );
  });

  it('gives every prefix variant of a mobile the same form', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), fc.constantFrom('', '+86', '+86 ', '0086', '86', '+86-', '(+86)'), (m, p) => {
        expect(normalizePhone(p + m)).toBe(m);
      }),
    );
  });
});

describe('samePhone', () => {
  it.each([
    ['+86 138 0013 8000', '13800138000', true],
    ['0086-13800138000', '+8613800138000', true],
    ['010-12345678', '+86 10 1234 5678', true],
    ['010-12345678', '12345678', true],
    ['12345678', '(010) 1234 5678', true],
    ['0755-23456789', '23456789', true],
    ['010-12345678', '021-12345678', false],
    ['010-12345678', '2345678', false],
    ['13800138000', '13800138001', false],
    ['95588', '+8695588', true],
    ['95588', '95599', false],
    ['-1', '-1', false],
    [null, '13800138000', false],
    ['', '', false],
  ] as Array<[string | null, string, boolean]>)('%s ~ %s → %s', (a, b, want) => {
    expect(samePhone(a, b)).toBe(want);
    expect(samePhone(b, a)).toBe(want);
  });
});

describe('isMobile', () => {
  it('recognises mainland mobiles in normal form', () => {
    expect(isMobile('13800138000')).toBe(true);
    expect(isMobile('01012345678')).toBe(false);
    expect(isMobile(null)).toBe(false);
  });
});
