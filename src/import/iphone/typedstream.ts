/**
 * The text of an iMessage/SMS row whose `text` column is empty: `message.attributedBody` holds an
 * NSAttributedString archived in Apple's typedstream format (it starts `04 0B "streamtyped"`).
 *
 * We read only the string, not the attributes, with the documented layout (sources.md §2.2; the same
 * approach iLEAPP and imessage-exporter take): after the class name "NSString" comes the object's
 * field type `01 2B` ("+", a C string of bytes), then its length — one byte for 0..127, `0x81` + int16 LE,
 * or `0x82` + int32 LE — then that many bytes of UTF-8. Anything else (no NSString, a length past the
 * end: a truncated blob) gives null, never a guess.
 */

const HEADER = Buffer.from([0x04, 0x0b, ...Buffer.from('streamtyped', 'latin1')]);
const NSSTRING = Buffer.from('NSString', 'latin1');

export function isTypedstream(buf: Uint8Array | null | undefined): boolean {
  return buf != null && buf.length >= HEADER.length && Buffer.from(buf.buffer, buf.byteOffset, HEADER.length).equals(HEADER);
}

/** The NSString inside an archived NSAttributedString, or null when it cannot be read whole. */
export function decodeAttributedBody(input: Uint8Array | null | undefined): string | null {
  if (!input || input.length < 16) return null;
  const b = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (!isTypedstream(b)) return null;
  let from = 0;
  for (;;) {
    const at = b.indexOf(NSSTRING, from);
    if (at < 0) return null;
    from = at + NSSTRING.length;
    // The field type follows within a few bytes (class version and reference markers in between).
    const end = Math.min(b.length - 1, from + 12);
    let p = -1;
    for (let i = from; i < end; i++) {
      if (b[i] === 0x01 && b[i + 1] === 0x2b) {
        p = i + 2;
        break;
      }
    }
    if (p < 0) continue;
    if (p >= b.length) return null;
    let len: number;
    const first = b[p]!;
    if (first === 0x81) {
      if (p + 3 > b.length) return null;
      len = b.readUInt16LE(p + 1);
      p += 3;
    } else if (first === 0x82) {
      if (p + 5 > b.length) return null;
      len = b.readUInt32LE(p + 1);
      p += 5;
    } else if (first < 0x80) {
      len = first;
      p += 1;
    } else return null;
    if (p + len > b.length) return null; // truncated
    const bytes = b.subarray(p, p + len);
    const text = bytes.toString('utf8');
    if (text.includes('\uFFFD') && !bytes.includes(Buffer.from([0xef, 0xbf, 0xbd]))) return null; // not UTF-8
    return text;
  }
}

/** An archived NSMutableAttributedString holding `text` (tests build sms.db rows with it; sources.md §2.4). */
export function encodeAttributedBody(text: string): Buffer {
  const utf8 = Buffer.from(text, 'utf8');
  const utf16Len = text.length;
  const str = (s: string) => Buffer.concat([Buffer.from([s.length]), Buffer.from(s, 'latin1')]);
  const int = (n: number) => {
    if (n < 0x80) return Buffer.from([n]);
    if (n < 0x8000) {
      const x = Buffer.alloc(3);
      x[0] = 0x81;
      x.writeUInt16LE(n, 1);
      return x;
    }
    const x = Buffer.alloc(5);
    x[0] = 0x82;
    x.writeUInt32LE(n, 1);
    return x;
  };
  return Buffer.concat([
    HEADER,
    Buffer.from([0x81, 0xe8, 0x03, 0x84, 0x01, 0x40, 0x84, 0x84, 0x84]),
    str('NSMutableAttributedString'), Buffer.from([0x00, 0x84, 0x84]),
    str('NSAttributedString'), Buffer.from([0x00, 0x84, 0x84]),
    str('NSObject'), Buffer.from([0x00, 0x85, 0x92, 0x84, 0x84, 0x84]),
    str('NSMutableString'), Buffer.from([0x01, 0x84, 0x84]),
    str('NSString'), Buffer.from([0x01, 0x95, 0x84, 0x01, 0x2b]),
    int(utf8.length), utf8,
    Buffer.from([0x86, 0x84, 0x02]), Buffer.from('iI', 'latin1'), Buffer.from([0x01]), int(utf16Len),
    Buffer.from([0x92, 0x84, 0x84, 0x84]), str('NSDictionary'), Buffer.from([0x00, 0x94, 0x84, 0x01, 0x69, 0x01, 0x92, 0x84, 0x96, 0x96]),
    str('__kIMMessagePartAttributeName'), Buffer.from([0x86, 0x92, 0x84, 0x84, 0x84]),
    str('NSNumber'), Buffer.from([0x00, 0x84, 0x84]), str('NSValue'), Buffer.from([0x00, 0x94, 0x84, 0x01, 0x2a, 0x84, 0x99, 0x99, 0x00, 0x86, 0x86, 0x86]),
  ]);
}
