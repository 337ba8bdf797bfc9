/**
 * Phone-number normalisation for mainland-China numbers as phones, backups and people write them.
 *
 * The normal form is digits only, with a leading `+` kept for foreign numbers:
 * - mobiles: the 11-digit national number, whatever prefix it came with
 *   (`+86 138 0013 8000`, `0086-13800138000`, `8613800138000`, `(+86)138.0013.8000`, IP-dialing prefixes
 *   such as `17951` or a trunk `0` in front) → `13800138000`;
 * - landlines: trunk `0` + area code + local number (`010-12345678`, `+86 10 1234 5678`,
 *   `(0755) 1234 5678`) → `01012345678`, `075512345678`; a local number written without its area code
 *   stays as written (`12345678`);
 * - service and short codes stay as their digits: `95588`, `96xxx`, `10086`, `12315`, `4001234567`,
 *   `8001234567`, `106…` SMS gateways (also when a phone wrote them as `+86106…`);
 * - foreign numbers: `+` + country code + number (`001 212 555 0100` → `+12125550100`).
 *
 * Spaces (also full-width and no-break), dashes of any width, brackets, dots and slashes are removed;
 * full-width digits and `＋` become ASCII. A `tel:` prefix and anything after `;` `,` `p` `w` `ext` `转`
 * (extensions, pauses) are dropped. Returns null for text that is not a number: letters (alphanumeric
 * senders, "Unknown"), Android's hidden-number sentinels (`-1`, `-2`, `-3`), fewer than 3 or more than
 * 20 digits.
 */

const MOBILE = /^1[3-9]\d{9}$/;
/** Carrier IP-dialing prefixes that phones sometimes keep in the call log. */
const IP_PREFIXES = ['17951', '17911', '17909', '12593', '17901', '17950', '17910', '17908', '10193'];

const FULLWIDTH_MAP: Record<string, string> = {
  '＋': '+',
  '（': '(',
  '）': ')',
  '－': '-',
  '．': '.',
  '　': ' ',
  '；': ';',
  '，': ',',
};

export function normalizePhone(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  let s = String(raw).trim();
  if (s === '') return null;
  // Android hidden-number sentinels.
  if (/^-\d{1,2}$/.test(s)) return null;
  // Full-width digits and punctuation to ASCII.
  s = s.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));
  s = s.replace(/[＋（）－．　；，]/g, (c) => FULLWIDTH_MAP[c] ?? c);
  s = s.replace(/^tel:/i, '');
  // Extensions and dial pauses: keep only the number itself.
  s = s.replace(/\s*(?:[;,]|ext\.?|x(?=\s*\d)|转|分机|[pPwW](?=\d|$)).*$/s, '');
  // Separators people and phones put into numbers.
  s = s.replace(/[\s\u00A0\u2000-\u200B\u202F\u205F\-\u2010-\u2015\u2212()[\]【】{}.\/·]/g, '');
  if (!/^\+?\d+$/.test(s)) return null;

  let plus = s.startsWith('+');
  let d = plus ? s.slice(1) : s;
  if (!plus && d.startsWith('00') && d.length > 4) {
    plus = true;
    d = d.slice(2);
  }
  if (d.length < 3 || d.length > 20) return null;

  if (plus) {
    if (!d.startsWith('86')) return '+' + d;
    return national(d.slice(2).replace(/^0+/, ''));
  }
  // "86" + an 11-digit mobile, written without + or 00.
  if (d.length === 13 && d.startsWith('86') && MOBILE.test(d.slice(2))) return d.slice(2);
  // IP-dialing prefix + mobile.
  if (d.length === 16 && IP_PREFIXES.includes(d.slice(0, 5)) && MOBILE.test(d.slice(5))) return d.slice(5);
  // A trunk 0 dialed in front of a mobile.
  if (d.length === 12 && d.startsWith('0') && MOBILE.test(d.slice(1))) return d.slice(1);
  return d;
}

/** The national significant number after +86 (leading zeros already removed), in normal form. */
function national(n: string): string | null {
  if (n.length < 3) return null;
  if (MOBILE.test(n)) return n;
  if (/^(?:400|800)\d{7}$/.test(n)) return n;
  // Beijing (10) and the 2x area codes: 2-digit code + 8-digit local number.
  // A 10-digit 106… is read as a Beijing 6… landline; SMS gateways are longer.
  if (/^(?:10|2\d)\d{8}$/.test(n)) return '0' + n;
  // 3-digit area codes (3xx–9xx) + 7- or 8-digit local number; 95/96 service codes are shorter.
  if (/^[3-9]\d{9,10}$/.test(n) && !/^(?:95|96)/.test(n)) return '0' + n;
  // Service codes, SMS gateways (106…), short codes: digits as they are.
  return n;
}

/**
 * True when two written numbers are the same line: equal normal forms, or a landline written once with
 * its area code and once without (`010-12345678` and `12345678`).
 */
export function samePhone(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = normalizePhone(a);
  const y = normalizePhone(b);
  if (x == null || y == null) return false;
  if (x === y) return true;
  const [long, short] = x.length > y.length ? [x, y] : [y, x];
  if (!/^0[1-9]\d{9,10}$/.test(long) || !/^\d{7,8}$/.test(short)) return false;
  return long.endsWith(short) && isAreaCode(long.slice(0, long.length - short.length));
}

function isAreaCode(code: string): boolean {
  return /^0(?:10|2\d|[3-9]\d{2})$/.test(code);
}

/** True for an 11-digit mainland mobile in normal form. */
export function isMobile(normal: string | null | undefined): boolean {
  return normal != null && MOBILE.test(normal);
}
