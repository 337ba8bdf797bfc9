/**
 * SMS Backup & Restore writes emoji as UTF-16 surrogate-pair character references (`&#55357;&#56842;`),
 * which XML 1.0 forbids and a strict parser rejects. This streaming pre-filter turns each pair into the
 * character itself before the text reaches saxes, so saxes stays strict for everything else.
 *
 * - A high + low pair (decimal or hex) becomes the astral character: no loss.
 * - A lone half (a message cut inside an emoji, as some phones store it) becomes U+FFFD; the data was
 *   already broken and the rest of the file still imports. `replaced` counts these.
 * - Chunk-boundary safe: the tail from the last `&` near the end of a chunk is held back (and, if the
 *   text just before that `&` is a high-half reference, from that reference's `&`), so a pair is never
 *   cut in two. At most ~30 characters are held.
 */

const HI_DEC = '55(?:29[6-9]|[3-9]\\d\\d)|56(?:[0-2]\\d\\d|3[01]\\d)'; // 55296–56319
const HI_HEX = '[dD][89abAB][0-9a-fA-F]{2}';
/** A high-half reference ending right at the end of a string (it may pair with what follows). */
const HIGH_AT_END = new RegExp(`&#(?:${HI_DEC}|[xX]${HI_HEX});$`);
/** Longest pair: `&#xD83D;&#xDE0A;` = 16; decimal pairs are 16 too. Hold back from an `&` this close to the end. */
const WINDOW = 18;

export class SurrogateRefFilter {
  /** Lone surrogate halves replaced with U+FFFD so far. */
  replaced = 0;
  private held = '';

  push(chunk: string): string {
    const text = this.held.length > 0 ? this.held + chunk : chunk;
    let cut = text.length;
    const amp = text.lastIndexOf('&');
    if (amp !== -1 && text.length - amp < WINDOW) {
      cut = amp;
      const before = text.slice(Math.max(0, amp - 9), amp);
      const m = HIGH_AT_END.exec(before);
      if (m) cut = amp - m[0].length;
    }
    this.held = text.slice(cut);
    return this.fix(cut === text.length ? text : text.slice(0, cut));
  }

  end(): string {
    const rest = this.held;
    this.held = '';
    return this.fix(rest);
  }

  private fix(s: string): string {
    let i = s.indexOf('&#');
    if (i === -1) return s;
    let out = '';
    let last = 0;
    while (i !== -1) {
      const hi = refAt(s, i);
      if (hi >= 0xd800 && hi <= 0xdfff) {
        const end = i + 8; // every form refAt accepts is 8 characters long
        if (hi <= 0xdbff && s.charCodeAt(end) === 0x26 /* & */) {
          const lo = refAt(s, end);
          if (lo >= 0xdc00 && lo <= 0xdfff) {
            out += s.slice(last, i) + String.fromCharCode(hi, lo);
            last = end + 8;
            i = s.indexOf('&#', last);
            continue;
          }
        }
        out += s.slice(last, i) + '\uFFFD';
        this.replaced++;
        last = end;
        i = s.indexOf('&#', last);
        continue;
      }
      i = s.indexOf('&#', i + 2);
    }
    return last === 0 ? s : out + s.slice(last);
  }
}

/**
 * The value of an 8-character reference at s[i] (`&#55357;` or `&#xD83D;`, the forms the app writes for
 * surrogate halves), or -1 for anything else. Shared with the fast tokenizer so both decide alike.
 */
export function refAt(s: string, i: number): number {
  if (s.charCodeAt(i) !== 0x26 || s.charCodeAt(i + 1) !== 0x23) return -1;
  const c = s.charCodeAt(i + 2);
  if (c === 0x78 || c === 0x58) {
    // &#xHHHH;
    if (s.charCodeAt(i + 7) !== 0x3b) return -1;
    let v = 0;
    for (let k = i + 3; k < i + 7; k++) {
      const h = hexVal(s.charCodeAt(k));
      if (h < 0) return -1;
      v = v * 16 + h;
    }
    return v;
  }
  // &#DDDDD;
  if (s.charCodeAt(i + 7) !== 0x3b) return -1;
  let v = 0;
  for (let k = i + 2; k < i + 7; k++) {
    const d = s.charCodeAt(k) - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

function hexVal(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/** Whole-string form, for tests and small inputs. */
export function restoreSurrogateRefs(s: string): string {
  const f = new SurrogateRefFilter();
  return f.push(s) + f.end();
}
