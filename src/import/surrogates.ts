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
const LO_DEC = '56(?:3[2-9]\\d|[4-9]\\d\\d)|57(?:[0-2]\\d\\d|3(?:[0-3]\\d|4[0-3]))'; // 56320–57343
const HI_HEX = '[dD][89abAB][0-9a-fA-F]{2}';
const LO_HEX = '[dD][c-fC-F][0-9a-fA-F]{2}';
const HI = `&#(?:(${HI_DEC})|[xX](${HI_HEX}));`;
const LO = `&#(?:(${LO_DEC})|[xX](${LO_HEX}));`;

/** A high half optionally followed by a low half, or a lone low half. Groups: 1/2 high, 3/4 low, 5/6 lone low. */
const SURROGATE_REFS = new RegExp(`${HI}(?:${LO})?|${LO}`, 'g');
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
    if (s.indexOf('&#') === -1) return s;
    return s.replace(SURROGATE_REFS, (_m, hd?: string, hh?: string, ld?: string, lh?: string) => {
      const hi = hd ? Number(hd) : hh ? parseInt(hh, 16) : -1;
      const lo = ld ? Number(ld) : lh ? parseInt(lh, 16) : -1;
      if (hi !== -1 && lo !== -1) return String.fromCharCode(hi, lo);
      this.replaced++;
      return '\uFFFD';
    });
  }
}

/** Whole-string form, for tests and small inputs. */
export function restoreSurrogateRefs(s: string): string {
  const f = new SurrogateRefFilter();
  return f.push(s) + f.end();
}
