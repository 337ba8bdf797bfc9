/**
 * Property lists as iTunes / Finder write them next to a backup (Manifest.plist, Info.plist): XML
 * ("<?xml … <plist>") or binary ("bplist00"). Only what the importer needs: dictionaries, arrays,
 * strings, numbers, booleans, dates and data. Bounded: at most MAX_OBJECTS objects, nesting ≤ 64.
 */

export type PlistValue = string | number | boolean | Date | Uint8Array | null | PlistValue[] | { [k: string]: PlistValue };

const MAX_OBJECTS = 1_000_000;
const MAX_DEPTH = 64;
/** Seconds between 1970-01-01 and 2001-01-01 (Apple's reference date). */
export const APPLE_EPOCH_S = 978307200;

export class PlistError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlistError';
  }
}

export function parsePlist(buf: Uint8Array): PlistValue {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.subarray(0, 6).toString('latin1') === 'bplist') return parseBinary(b);
  return parseXml(b.toString('utf8'));
}

// ---------- binary (bplist00) ----------

function parseBinary(b: Buffer): PlistValue {
  if (b.length < 40) throw new PlistError('binary plist too short');
  const t = b.length - 32;
  const offSize = b[t + 6]!;
  const refSize = b[t + 7]!;
  const numObjects = Number(b.readBigUInt64BE(t + 8));
  const top = Number(b.readBigUInt64BE(t + 16));
  const tableOff = Number(b.readBigUInt64BE(t + 24));
  if (offSize < 1 || offSize > 8 || refSize < 1 || refSize > 8 || numObjects > MAX_OBJECTS || top >= numObjects || tableOff + numObjects * offSize > t) {
    throw new PlistError('binary plist trailer is damaged');
  }
  const uint = (pos: number, n: number): number => {
    if (pos + n > b.length) throw new PlistError('binary plist cut short');
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 256 + b[pos + i]!;
    return v;
  };
  const offsetOf = (ref: number) => {
    if (ref >= numObjects) throw new PlistError('binary plist reference out of range');
    return uint(tableOff + ref * offSize, offSize);
  };
  let visited = 0;
  const read = (ref: number, depth: number): PlistValue => {
    if (depth > MAX_DEPTH || ++visited > MAX_OBJECTS) throw new PlistError('binary plist nested too deep');
    const pos = offsetOf(ref);
    if (pos >= t) throw new PlistError('binary plist offset out of range');
    const marker = b[pos]!;
    const hi = marker >> 4;
    const lo = marker & 15;
    const length = (): [number, number] => {
      if (lo !== 15) return [lo, pos + 1];
      const m = b[pos + 1]!;
      if (m >> 4 !== 1) throw new PlistError('binary plist bad length');
      const n = 1 << (m & 15);
      return [uint(pos + 2, n), pos + 2 + n];
    };
    switch (hi) {
      case 0:
        return marker === 8 ? false : marker === 9 ? true : null;
      case 1: {
        const n = 1 << lo;
        if (n === 8) return Number(b.readBigInt64BE(pos + 1));
        return uint(pos + 1, n);
      }
      case 2:
        return lo === 2 ? b.readFloatBE(pos + 1) : b.readDoubleBE(pos + 1);
      case 3:
        return new Date((b.readDoubleBE(pos + 1) + APPLE_EPOCH_S) * 1000);
      case 4: {
        const [n, s] = length();
        if (s + n > t) throw new PlistError('binary plist cut short');
        return new Uint8Array(b.subarray(s, s + n));
      }
      case 5: {
        const [n, s] = length();
        if (s + n > t) throw new PlistError('binary plist cut short');
        return b.toString('latin1', s, s + n);
      }
      case 6: {
        const [n, s] = length();
        if (s + 2 * n > t) throw new PlistError('binary plist cut short');
        const u = Buffer.from(b.subarray(s, s + 2 * n));
        u.swap16();
        return u.toString('utf16le');
      }
      case 8:
        return uint(pos + 1, lo + 1);
      case 10: {
        const [n, s] = length();
        const out: PlistValue[] = [];
        for (let i = 0; i < n; i++) out.push(read(uint(s + i * refSize, refSize), depth + 1));
        return out;
      }
      case 13: {
        const [n, s] = length();
        const out: { [k: string]: PlistValue } = {};
        for (let i = 0; i < n; i++) {
          const k = read(uint(s + i * refSize, refSize), depth + 1);
          const v = read(uint(s + (n + i) * refSize, refSize), depth + 1);
          out[String(k)] = v;
        }
        return out;
      }
      default:
        throw new PlistError(`binary plist object type 0x${marker.toString(16)} not supported`);
    }
  };
  return read(top, 0);
}

// ---------- XML ----------

function parseXml(s: string): PlistValue {
  const tokens = /<(\/?)([A-Za-z]+)\s*(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->|<![^>]*>|([^<]+)/g;
  type Frame = { kind: 'dict'; obj: { [k: string]: PlistValue }; key: string | null } | { kind: 'array'; arr: PlistValue[] };
  const stack: Frame[] = [];
  let result: PlistValue | undefined;
  let textTag: string | null = null;
  let text = '';
  let count = 0;
  const put = (v: PlistValue) => {
    if (++count > MAX_OBJECTS) throw new PlistError('plist too large');
    const top = stack[stack.length - 1];
    if (!top) {
      result ??= v;
      return;
    }
    if (top.kind === 'array') top.arr.push(v);
    else {
      if (top.key == null) throw new PlistError('plist <dict> value without a <key>');
      top.obj[top.key] = v;
      top.key = null;
    }
  };
  for (const m of s.matchAll(tokens)) {
    if (m[4] != null) {
      if (textTag) text += m[4];
      continue;
    }
    const name = m[2];
    if (!name) continue;
    const closing = m[1] === '/';
    const empty = m[3] === '/';
    if (name === 'plist') continue;
    if (!closing) {
      if (name === 'dict' || name === 'array') {
        if (stack.length >= MAX_DEPTH) throw new PlistError('plist nested too deep');
        const f: Frame = name === 'dict' ? { kind: 'dict', obj: {}, key: null } : { kind: 'array', arr: [] };
        if (empty) put(f.kind === 'dict' ? f.obj : f.arr);
        else stack.push(f);
      } else if (name === 'true' || name === 'false') put(name === 'true');
      else if (empty) put(name === 'string' || name === 'key' ? '' : null);
      else {
        textTag = name;
        text = '';
      }
      continue;
    }
    if (name === 'dict' || name === 'array') {
      const f = stack.pop();
      if (!f) throw new PlistError(`plist </${name}> without its start`);
      put(f.kind === 'dict' ? f.obj : f.arr);
      continue;
    }
    if (textTag !== name) continue;
    const raw = decodeEntities(text);
    textTag = null;
    if (name === 'key') {
      const top = stack[stack.length - 1];
      if (top?.kind === 'dict') top.key = raw;
    } else if (name === 'string') put(raw);
    else if (name === 'integer' || name === 'real') put(Number(raw.trim()));
    else if (name === 'date') put(new Date(raw.trim()));
    else if (name === 'data') put(new Uint8Array(Buffer.from(raw.replace(/\s+/g, ''), 'base64')));
    else put(raw);
  }
  if (result === undefined) throw new PlistError('no plist value found');
  return result;
}

function decodeEntities(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (all, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
  });
}
