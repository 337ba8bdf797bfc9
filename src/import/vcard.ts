/**
 * vCard 2.1 / 3.0 / 4.0 → contact records, streaming line by line.
 *
 * - Folding: a line starting with a space or tab continues the previous one (3.0/4.0 drop that one
 *   whitespace character, 2.1 keeps it as the spec says). QUOTED-PRINTABLE soft line breaks (`=` at the
 *   end of a line) join the next line. Base64 bodies (PHOTO, 2.1 style, indented or not, ended by a blank
 *   line) are skipped without being decoded.
 * - Encodings: the file is decoded with detection (UTF-8, UTF-8 BOM, UTF-16, GB18030/GBK); a
 *   QUOTED-PRINTABLE or BASE64 value is decoded in its CHARSET (UTF-8, GB2312, GBK, GB18030, Big5…).
 * - Escapes `\,` `\;` `\n` `\N` `\\` are undone; N and ORG are split on unescaped `;`.
 * - Kept: FN (else N, else ORG, else NICKNAME) as name; every TEL, normalised (unparseable ones dropped),
 *   without duplicates; NOTE. ORG, TITLE, NICKNAME, TEL types (plus itemN.X-ABLabel labels) and VERSION go
 *   to the record's meta.
 *
 * Dedupe key: hex sha256 of ["contact", name, numbers sorted].
 */
import iconv from 'iconv-lite';
import { normalizePhone } from '../domain/collection/phone.js';
import type { NewContact } from '../domain/collection/types.js';
import { chunksOf, DecodeError, Progress, stableKey, StreamDecoder } from './stream.js';
import { ImportFormatError, type ImportInput, type ImportRecord, type ParseOptions } from './types.js';

interface Prop {
  group: string | null;
  name: string;
  params: Map<string, string[]>;
  value: string;
}

interface Card {
  line: number;
  version: string | null;
  fn: string | null;
  n: string[] | null;
  org: string[] | null;
  title: string | null;
  nickname: string | null;
  note: string[];
  tels: Array<{ number: string; types: string[]; group?: string }>;
  /** Apple-style `itemN.X-ABLabel` labels by group. */
  labels: Map<string, string>;
}

const SKIPPED = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);
const ENCODINGS_21 = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

export async function* parseVcard(input: ImportInput, opts: ParseOptions): AsyncGenerator<ImportRecord> {
  const file = opts.file;
  const progress = new Progress(opts);
  const decoder = new StreamDecoder({ mode: 'auto' });
  const queue: ImportRecord[] = [];
  const err = (msg: string, line: number, column: number | null = null) => new ImportFormatError(msg, file, line, column);

  let lineNo = 0; // physical lines completed
  let partial = ''; // text after the last line break
  let pending: { text: string; line: number; qp: boolean; base64: boolean } | null = null;
  let card: Card | null = null;
  let nested = 0;
  let cards = 0;

  const startLogical = (text: string, line: number) => {
    const head = propHead(text);
    pending = {
      text,
      line,
      qp: /(?:^|;)\s*(?:ENCODING\s*=\s*)?QUOTED-PRINTABLE\s*(?:;|$)/i.test(head),
      base64: /(?:^|;)\s*(?:ENCODING\s*=\s*)?(?:BASE64|B)\s*(?:;|$)/i.test(head),
    };
  };

  const physical = (raw: string) => {
    lineNo++;
    const l = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const p = pending as { text: string; line: number; qp: boolean; base64: boolean } | null;
    if (p) {
      if (p.qp && p.text.endsWith('=')) {
        p.text = p.text.slice(0, -1) + l; // soft line break: the next line is literal
        return;
      }
      if (l.length > 0 && (l[0] === ' ' || l[0] === '\t')) {
        p.text += card?.version === '2.1' && !p.base64 ? l : l.slice(1);
        return;
      }
      if (p.base64 && l.length > 0 && !l.includes(':')) {
        p.text += l;
        return;
      }
      logical(p.text, p.line);
    }
    pending = null;
    if (l.trim() === '') return;
    startLogical(l, lineNo);
  };

  const logical = (text: string, line: number) => {
    const prop = parseProp(text);
    if (!prop) {
      if (card) throw err('应为「名称:值」形式的 vCard 属性行 / expected a vCard property line NAME:value', line);
      throw err('应为 BEGIN:VCARD / expected BEGIN:VCARD', line);
    }
    const name = prop.name;
    const val = prop.value.trim().toUpperCase();
    if (!card) {
      if (name === 'BEGIN' && val === 'VCARD') {
        card = { line, version: null, fn: null, n: null, org: null, title: null, nickname: null, note: [], tels: [], labels: new Map() };
        nested = 0;
        return;
      }
      throw err('应为 BEGIN:VCARD / expected BEGIN:VCARD', line);
    }
    if (name === 'BEGIN') {
      if (val === 'VCARD') nested++; // an AGENT's embedded card: skipped
      return;
    }
    if (name === 'END') {
      if (val !== 'VCARD') return;
      if (nested > 0) {
        nested--;
        return;
      }
      const c: Card = card;
      card = null;
      const rec = toRecord(c, cards);
      cards++;
      if (rec) queue.push(rec);
      return;
    }
    if (nested > 0 || SKIPPED.has(name)) return;
    const c: Card = card;
    switch (name) {
      case 'VERSION':
        c.version = prop.value.trim();
        return;
      case 'FN':
        c.fn = unescape(textValue(prop)).trim() || c.fn;
        return;
      case 'N':
        c.n = splitStructured(textValue(prop));
        return;
      case 'ORG':
        c.org = splitStructured(textValue(prop));
        return;
      case 'TITLE':
        c.title = unescape(textValue(prop)).trim() || null;
        return;
      case 'NICKNAME':
        c.nickname = unescape(textValue(prop)).trim() || null;
        return;
      case 'NOTE': {
        const note = unescape(textValue(prop)).trim();
        if (note) c.note.push(note);
        return;
      }
      case 'TEL': {
        const number = normalizePhone(textValue(prop));
        if (number == null) return;
        const types = telTypes(prop);
        const seen = c.tels.find((t) => t.number === number);
        if (seen) seen.types = [...new Set([...seen.types, ...types])];
        else c.tels.push(prop.group ? { number, types, group: prop.group.toLowerCase() } : { number, types });
        return;
      }
      case 'X-ABLABEL': {
        const label = unescape(textValue(prop))
          .replace(/^_\$!<(.*)>!\$_$/, '$1')
          .trim()
          .toLowerCase();
        if (prop.group && label) c.labels.set(prop.group.toLowerCase(), label);
        return;
      }
      default:
        return;
    }
  };

  const consume = (text: string) => {
    let start = 0;
    let nl = text.indexOf('\n');
    if (nl === -1) {
      partial += text;
      return;
    }
    physical(partial + text.slice(0, nl));
    partial = '';
    start = nl + 1;
    while ((nl = text.indexOf('\n', start)) !== -1) {
      physical(text.slice(start, nl));
      start = nl + 1;
    }
    partial = text.slice(start);
  };

  const decodeFailed = (e: DecodeError): never => {
    consume(e.valid);
    throw err(e.message, lineNo + 1, partial.length + 1);
  };

  for await (const chunk of chunksOf(input)) {
    opts.signal?.throwIfAborted();
    progress.add(chunk);
    let text: string;
    if (typeof chunk === 'string') text = chunk;
    else {
      try {
        text = decoder.push(chunk);
      } catch (e) {
        if (e instanceof DecodeError) decodeFailed(e);
        throw e;
      }
    }
    consume(text);
    if (queue.length > 0) {
      progress.records = cards;
      yield* queue.splice(0, queue.length);
    }
  }
  opts.signal?.throwIfAborted();
  try {
    consume(decoder.end());
  } catch (e) {
    if (e instanceof DecodeError) decodeFailed(e);
    throw e;
  }
  if (partial.length > 0) physical(partial);
  partial = '';
  const truncated = () =>
    err('文件在一张名片中间结束（缺少 END:VCARD，被截断？）/ file ends inside a vCard (no END:VCARD: truncated?)', (card as Card | null)?.line ?? lineNo);
  const last = pending as { text: string; line: number } | null;
  if (last) {
    // A last line cut in the middle inside a card is the truncation, not a bad property.
    if (card && !parseProp(last.text)) throw truncated();
    logical(last.text, last.line);
  }
  if (card) throw truncated();
  if (cards === 0) throw err('文件中没有 vCard（BEGIN:VCARD）/ no vCard (BEGIN:VCARD) in the file', Math.max(1, lineNo));
  progress.records = cards;
  progress.report();
  yield* queue.splice(0, queue.length);
}

/** The part of a property line before the value (up to the first ':' outside quotes). */
function propHead(text: string): string {
  const i = colonIndex(text);
  return i === -1 ? text : text.slice(0, i);
}

function colonIndex(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) return i;
  }
  return -1;
}

export function parseProp(text: string): Prop | null {
  const ci = colonIndex(text);
  if (ci <= 0) return null;
  const head = text.slice(0, ci);
  const value = text.slice(ci + 1);
  const segs = splitParams(head);
  const first = segs.shift()!.trim();
  const m = /^(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)$/.exec(first);
  if (!m) return null;
  const params = new Map<string, string[]>();
  const add = (k: string, v: string[]) => params.set(k, [...(params.get(k) ?? []), ...v]);
  for (const seg of segs) {
    const eq = seg.indexOf('=');
    if (eq === -1) {
      const v = seg.trim().toUpperCase();
      if (!v) continue;
      add(ENCODINGS_21.has(v) ? 'ENCODING' : 'TYPE', [v]);
    } else {
      const k = seg.slice(0, eq).trim().toUpperCase();
      const raw = seg.slice(eq + 1).trim();
      const vals = raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1).split(',') : raw.split(',');
      add(k, vals.map((v) => v.trim().replace(/^"|"$/g, '')).filter(Boolean));
    }
  }
  return { group: m[1] ?? null, name: m[2]!.toUpperCase(), params, value };
}

function splitParams(head: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const c of head) {
    if (c === '"') quoted = !quoted;
    if (c === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** The value of a text property after QUOTED-PRINTABLE / BASE64 and CHARSET decoding (escapes kept). */
export function textValue(prop: Prop): string {
  const enc = (prop.params.get('ENCODING')?.[0] ?? '').toUpperCase();
  const charset = prop.params.get('CHARSET')?.[0] ?? 'UTF-8';
  if (enc === 'QUOTED-PRINTABLE') return decodeCharset(qpBytes(prop.value), charset);
  if (enc === 'BASE64' || enc === 'B') return decodeCharset(Buffer.from(prop.value.replace(/\s+/g, ''), 'base64'), charset);
  return prop.value;
}

function decodeCharset(bytes: Buffer, charset: string): string {
  const cs = charset.trim().toLowerCase();
  const enc = iconv.encodingExists(cs) ? cs : 'utf-8';
  return iconv.decode(bytes, enc);
}

/** QUOTED-PRINTABLE → bytes. Characters that are not `=XX` are taken as their UTF-8 bytes. */
export function qpBytes(s: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3d) {
      const hex = s.slice(i + 1, i + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        out.push(parseInt(hex, 16));
        i += 2;
        continue;
      }
      if (i === s.length - 1) continue; // stray soft break
      out.push(c);
    } else if (c < 0x80) out.push(c);
    else {
      const cp = s.codePointAt(i)!;
      for (const b of Buffer.from(String.fromCodePoint(cp), 'utf8')) out.push(b);
      if (cp > 0xffff) i++;
    }
  }
  return Buffer.from(out);
}

export function unescape(s: string): string {
  return s.replace(/\\([\\,;nN:])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function splitStructured(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length) {
      cur += c + s[i + 1];
      i++;
    } else if (c === ';') {
      out.push(unescape(cur).trim());
      cur = '';
    } else cur += c;
  }
  out.push(unescape(cur).trim());
  return out;
}

function telTypes(prop: Prop): string[] {
  const types = (prop.params.get('TYPE') ?? []).flatMap((t) => t.split(',')).map((t) => t.trim().toLowerCase());
  return [...new Set(types.filter((t) => t && t !== 'pref' && t !== 'x-' && !/^\d+$/.test(t)))];
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

function nameOf(c: Card): string {
  if (c.fn) return c.fn;
  if (c.n) {
    const [family = '', given = '', additional = '', prefix = '', suffix = ''] = c.n;
    if (CJK.test(family + given)) return (family + given + additional).trim();
    const s = [prefix, given, additional, family, suffix].filter(Boolean).join(' ').trim();
    if (s) return s;
  }
  const org = c.org?.filter(Boolean).join(' ');
  if (org) return org;
  return c.nickname ?? '';
}

function toRecord(c: Card, position: number): ImportRecord | null {
  const name = nameOf(c);
  const numbers = c.tels.map((t) => t.number);
  if (!name && numbers.length === 0) return null;
  const contact: NewContact = {
    name,
    numbers,
    note: c.note.length > 0 ? c.note.join('\n') : null,
    relation: null,
    dedupeKey: stableKey(['contact', name, [...numbers].sort()]),
  };
  const tels = c.tels.map(({ number, types, group }) => {
    const label = group ? c.labels.get(group) : undefined;
    return { number, types: label && !types.includes(label) ? [...types, label] : types };
  });
  const meta: Record<string, unknown> = { position, tels };
  if (c.version) meta.version = c.version;
  const org = c.org?.filter(Boolean).join(' ');
  if (org) meta.org = org;
  if (c.title) meta.title = c.title;
  if (c.nickname) meta.nickname = c.nickname;
  return { type: 'contact', contact, meta };
}
