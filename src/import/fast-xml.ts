/**
 * A fast tokenizer for the simple shape of "SMS Backup & Restore" files: a declaration, comments and
 * processing instructions, elements with quoted attributes, whitespace between elements. It jumps with
 * indexOf and native regex tests instead of stepping through every character like saxes, which is what
 * makes it several times faster.
 *
 * It only ever agrees with saxes (strict, behind SurrogateRefFilter), never decides against it: anything
 * it does not fully handle, or that might be malformed, throws FastPathUnsupported, and the caller
 * re-parses with saxes, which then gives the exact error with line and column, or the same data.
 * Unsupported on purpose: DOCTYPE, CDATA, text content, names outside [A-Za-z_][A-Za-z0-9_.-]*,
 * a leading U+FEFF after the decoder's BOM handling, any XML declaration but version 1.0.
 *
 * Surrogate-pair references (`&#55357;&#56842;`) in attribute values become the astral character and
 * a lone half becomes U+FFFD, as SurrogateRefFilter does (same refAt).
 */
import { refAt } from './surrogates.js';

export interface XmlTag {
  name: string;
  attributes: Record<string, string>;
}

/** The same calls, with the same depths, as xml.ts makes from saxes's opentag/closetag events. */
export interface FastXmlSink {
  /** depth: elements open before this one (0 = the root). */
  open(tag: XmlTag, depth: number): void;
  /** depth: elements still open after this one closes (0 = the root closed). */
  close(name: string, depth: number): void;
}

/** The input needs saxes: internal to the import layer, never shown to a user. */
export class FastPathUnsupported extends Error {
  constructor(readonly reason: string) {
    super(`fast XML path cannot decide: ${reason}`);
    this.name = 'FastPathUnsupported';
  }
}

function unsupported(reason: string): never {
  throw new FastPathUnsupported(reason);
}

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const BANG = 33;
const DQUOTE = 34;
const HASH = 35;
const AMP = 38;
const SQUOTE = 39;
const DASH = 45;
const SLASH = 47;
const LT = 60;
const EQ = 61;
const GT = 62;
const QUESTION = 63;

const isSpace = (c: number): boolean => c === SPACE || c === LF || c === TAB || c === CR;
const isNameStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;

const NAME = /[A-Za-z_][A-Za-z0-9_.-]*/y;
/** Characters saxes rejects anywhere in a document (lone surrogates are checked apart, with isWellFormed). */
const FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
/**
 * In attribute values, what differs from the raw text or is malformed: references, tab/CR/LF, '<', and the
 * forbidden characters, so values need no second scan for those (names and the rest of a tag are checked
 * as they are read; comments and processing instructions with FORBIDDEN).
 */
const SPECIAL = /[\0-\x1F<&\uFFFE\uFFFF]/g;
const TAG_STOP = /[>"']/g;
/** The declarations saxes accepts for XML 1.0 (1.1 would change the character rules). */
const XML_DECL =
  /<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:'1\.0'|"1\.0")(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:'[A-Za-z][A-Za-z0-9._-]*'|"[A-Za-z][A-Za-z0-9._-]*"))?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(?:'(?:yes|no)'|"(?:yes|no)"))?[ \t\r\n]*\?>/y;

/** Element names seen in one document are few; past this many, attribute-name reuse stops growing. */
const MAX_SHAPES = 256;

/** What one element name looked like last time: its attribute names, and a regex for that exact layout. */
interface Shape {
  name: string;
  /** Attribute names in order, as last read (guesses: each is checked against the text). */
  attributes: string[];
  layout: Layout | null;
  layouts: number;
}

/** ` a="…" b="…"` with these names in this order, values free of SPECIAL characters but '&'. */
interface Layout {
  regex: RegExp;
  names: readonly string[];
}

/** A shape whose attributes keep changing stops getting new layout regexes. */
const MAX_LAYOUTS = 8;
/** Real elements have up to ~40 attributes; a regex for thousands would only cost. */
const MAX_LAYOUT_ATTRIBUTES = 64;

function layoutOf(names: string[]): Layout | null {
  const seen: Record<string, string> = {};
  for (const n of names) {
    if (seen[n] !== undefined) return null; // a duplicate, or a name on Object.prototype
    seen[n] = n;
  }
  const regex = new RegExp(names.map((n) => ` ${n.replace(/\./g, '\\.')}="([^"\0-\x1F<\uFFFE\uFFFF]*)"`).join(''), 'y');
  return { regex, names: names.slice() };
}

type PartialKind = 'tag' | 'end' | 'pi' | 'comment';

/**
 * A construct cut by a chunk end, kept as the pieces read so far. Its end is searched for in each new
 * piece only (resumable), so a megabyte MMS tag arriving in many chunks is scanned once, not once per
 * chunk; the joined text is then parsed once.
 */
class Partial {
  readonly pieces: string[] = [];
  /** tag: the open quote; pi: the last piece ended with '?'; comment: trailing '-' count (0–2). */
  private state = 0;

  constructor(
    readonly kind: PartialKind,
    first: string,
  ) {
    const from = kind === 'comment' ? 4 : kind === 'pi' || kind === 'end' ? 2 : 1;
    if (this.find(first, from) !== -1) unsupported('construct end');
    this.pieces.push(first);
  }

  /** Index just past the construct's end in piece, or -1 if it goes on. */
  find(piece: string, from = 0): number {
    switch (this.kind) {
      case 'tag':
        return this.findTagEnd(piece, from);
      case 'end': {
        const j = piece.indexOf('>', from);
        return j === -1 ? -1 : j + 1;
      }
      case 'pi': {
        if (this.state === 1 && piece.charCodeAt(from) === GT) return from + 1;
        const j = piece.indexOf('?>', from);
        if (j !== -1) return j + 2;
        this.state = piece.length > from && piece.charCodeAt(piece.length - 1) === QUESTION ? 1 : 0;
        return -1;
      }
      case 'comment':
        return this.findCommentEnd(piece, from);
    }
  }

  private findTagEnd(piece: string, from: number): number {
    let p = from;
    for (;;) {
      if (this.state !== 0) {
        const j = piece.indexOf(this.state === DQUOTE ? '"' : "'", p);
        if (j === -1) return -1;
        this.state = 0;
        p = j + 1;
      }
      TAG_STOP.lastIndex = p;
      if (!TAG_STOP.test(piece)) return -1;
      const j = TAG_STOP.lastIndex - 1;
      const c = piece.charCodeAt(j);
      if (c === GT) return j + 1;
      this.state = c;
      p = j + 1;
    }
  }

  /** Past the character after the first "--": the parser then requires it to be '>'. */
  private findCommentEnd(piece: string, from: number): number {
    let p = from;
    if (this.state === 2) return p < piece.length ? p + 1 : -1;
    if (this.state === 1 && piece.charCodeAt(p) === DASH) {
      this.state = 2;
      return p + 1 < piece.length ? p + 2 : -1;
    }
    const j = piece.indexOf('--', p);
    if (j !== -1) {
      if (j + 2 < piece.length) return j + 3;
      this.state = 2;
      return -1;
    }
    this.state = piece.length > p && piece.charCodeAt(piece.length - 1) === DASH ? 1 : 0;
    return -1;
  }
}

/**
 * Streaming tokenizer: write() decoded text in chunks of any size, then end(). Calls the sink for every
 * element; throws FastPathUnsupported at the first thing it cannot vouch for.
 */
export class FastXmlTokenizer {
  private readonly stack: string[] = [];
  private sawRoot = false;
  /** Nothing consumed yet: only here may the XML declaration appear. */
  private atStart = true;
  /** A high surrogate that ended the previous chunk. */
  private carry = '';
  /** An incomplete construct too short to tell its kind ("<", "<!", "<!-"). */
  private tail = '';
  private partial: Partial | null = null;
  /** Per element name: one shared name string and the attribute names of its last occurrence, reused instead of sliced again. */
  private readonly shapes = new Map<string, Shape>();
  private lastShape: Shape = { name: '', attributes: [], layout: null, layouts: 0 };

  constructor(private readonly sink: FastXmlSink) {}

  write(chunk: string): void {
    if (this.carry.length > 0) {
      chunk = this.carry + chunk;
      this.carry = '';
    }
    if (chunk.length === 0) return;
    const lastCode = chunk.charCodeAt(chunk.length - 1);
    if (lastCode >= 0xd800 && lastCode <= 0xdbff) {
      this.carry = chunk.slice(-1);
      chunk = chunk.slice(0, -1);
      if (chunk.length === 0) return;
    }
    if (!chunk.isWellFormed()) unsupported('a lone surrogate');
    if (this.atStart && this.tail.length === 0 && this.partial === null && chunk.charCodeAt(0) === 0xfeff) {
      unsupported('a second byte order mark');
    }

    let from = 0;
    if (this.tail.length > 0) {
      chunk = this.tail + chunk;
      this.tail = '';
    } else if (this.partial !== null) {
      const partial = this.partial;
      const end = partial.find(chunk);
      if (end === -1) {
        partial.pieces.push(chunk);
        return;
      }
      const text = partial.pieces.join('') + chunk.slice(0, end);
      this.partial = null;
      if (this.construct(text, 0) !== text.length) unsupported('construct end');
      from = end;
    }
    this.scan(chunk, from);
  }

  end(): void {
    if (this.carry.length > 0 || this.tail.length > 0 || this.partial !== null) unsupported('input ends inside markup');
    if (!this.sawRoot || this.stack.length > 0) unsupported('root element missing or not closed');
  }

  private scan(s: string, i: number): void {
    const n = s.length;
    while (i < n) {
      const lt = s.indexOf('<', i);
      const stop = lt === -1 ? n : lt;
      if (stop > i) this.whitespace(s, i, stop);
      if (lt === -1) return;
      const end = this.construct(s, lt);
      if (end === -1) {
        this.suspend(s, lt);
        return;
      }
      i = end;
    }
  }

  private whitespace(s: string, from: number, to: number): void {
    for (let k = from; k < to; k++) {
      if (!isSpace(s.charCodeAt(k))) unsupported('text content');
    }
    this.atStart = false;
  }

  /** Parses the construct at s[lt] = '<': index just past it, or -1 if s ends first. */
  private construct(s: string, lt: number): number {
    const c = s.charCodeAt(lt + 1);
    let end: number;
    if (isNameStart(c)) end = this.startTag(s, lt);
    else if (c === SLASH) end = this.endTag(s, lt);
    else if (c === QUESTION) end = this.processingInstruction(s, lt);
    else if (c === BANG) end = this.comment(s, lt);
    else if (c !== c) return -1; // NaN: s ends after '<'
    else unsupported('markup');
    if (end !== -1) this.atStart = false;
    return end;
  }

  private suspend(s: string, lt: number): void {
    const c = s.charCodeAt(lt + 1);
    const kind: PartialKind | null = isNameStart(c)
      ? 'tag'
      : c === SLASH
        ? 'end'
        : c === QUESTION
          ? 'pi'
          : s.startsWith('<!--', lt)
            ? 'comment'
            : null;
    if (kind === null) this.tail = s.slice(lt);
    else this.partial = new Partial(kind, s.slice(lt));
  }

  /** The shape of the element whose name is s[from, to): usually the same as the last one. */
  private shapeAt(s: string, from: number, to: number): Shape {
    const last = this.lastShape;
    if (last.name.length === to - from && s.startsWith(last.name, from)) return last;
    const name = s.slice(from, to);
    let shape = this.shapes.get(name);
    if (shape === undefined) {
      shape = { name, attributes: [], layout: null, layouts: 0 };
      if (this.shapes.size < MAX_SHAPES) this.shapes.set(name, shape);
    }
    this.lastShape = shape;
    return shape;
  }

  private startTag(s: string, lt: number): number {
    NAME.lastIndex = lt + 1;
    NAME.test(s);
    let p = NAME.lastIndex;
    if (p >= s.length) return -1;
    const depth = this.stack.length;
    if (depth === 0 && this.sawRoot) unsupported('a second root element');
    const shape = this.shapeAt(s, lt + 1, p);
    const { name, attributes: names } = shape;
    const attributes: Record<string, string> = {};
    let k = 0;
    const layout = shape.layout;
    if (layout !== null) {
      layout.regex.lastIndex = p;
      const m = layout.regex.exec(s);
      if (m !== null) {
        const known = layout.names;
        for (; k < known.length; k++) {
          const v = m[k + 1]!;
          const amp = v.indexOf('&');
          attributes[known[k]!] = amp === -1 ? v : attributeValue(v, 0, v.length, amp);
        }
        p = layout.regex.lastIndex;
      }
    }
    const fromLayout = k;
    /** Position of the next character in SPECIAL at or after the current value, -1 when not known. */
    let special = -1;
    let selfClosing = false;
    for (;;) {
      let c = s.charCodeAt(p);
      if (isSpace(c)) {
        do c = s.charCodeAt(++p);
        while (isSpace(c));
      } else if (c !== GT && c !== SLASH) {
        if (c !== c) return -1;
        unsupported('attributes without whitespace between them');
      }
      if (c === GT) {
        p++;
        break;
      }
      if (c === SLASH) {
        const next = s.charCodeAt(p + 1);
        if (next !== GT) {
          if (next !== next) return -1;
          unsupported("'/' in a start tag");
        }
        p += 2;
        selfClosing = true;
        break;
      }
      if (!isNameStart(c)) {
        if (c !== c) return -1;
        unsupported('attribute name');
      }

      let attr = names[k];
      if (attr !== undefined && s.startsWith(attr, p) && s.charCodeAt(p + attr.length) === EQ) {
        p += attr.length + 1;
      } else {
        NAME.lastIndex = p;
        NAME.test(s);
        const e = NAME.lastIndex;
        attr = s.slice(p, e);
        names[k] = attr;
        p = e;
        while (isSpace((c = s.charCodeAt(p)))) p++;
        if (c !== EQ) {
          if (c !== c) return -1;
          unsupported('attribute without a value');
        }
        p++;
      }
      let q = s.charCodeAt(p);
      while (isSpace(q)) q = s.charCodeAt(++p);
      if (q !== DQUOTE && q !== SQUOTE) {
        if (q !== q) return -1;
        unsupported('unquoted attribute value');
      }
      const vs = p + 1;
      const ve = s.indexOf(q === DQUOTE ? '"' : "'", vs);
      if (ve === -1) return -1;
      if (special < vs) {
        SPECIAL.lastIndex = vs;
        special = SPECIAL.test(s) ? SPECIAL.lastIndex - 1 : s.length;
      }
      let value: string;
      if (special >= ve) value = s.slice(vs, ve);
      else {
        value = attributeValue(s, vs, ve, special);
        special = -1;
      }
      // Also true for names on Object.prototype ("constructor", "__proto__"): saxes decides those.
      if (attributes[attr] !== undefined) unsupported('duplicate or reserved attribute name');
      attributes[attr] = value;
      k++;
      p = ve + 1;
    }

    if (k > fromLayout && k <= MAX_LAYOUT_ATTRIBUTES && shape.layouts < MAX_LAYOUTS) {
      shape.layout = layoutOf(fromLayout > 0 ? layout!.names.concat(names.slice(fromLayout, k)) : names.slice(0, k));
      shape.layouts++;
    }
    if (depth === 0) this.sawRoot = true;
    this.sink.open({ name, attributes }, depth);
    if (selfClosing) this.sink.close(name, depth);
    else this.stack.push(name);
    return p;
  }

  private endTag(s: string, lt: number): number {
    const from = lt + 2;
    NAME.lastIndex = from;
    if (!NAME.test(s)) {
      if (from >= s.length) return -1;
      unsupported('end tag name');
    }
    let p = NAME.lastIndex;
    while (isSpace(s.charCodeAt(p))) p++;
    const c = s.charCodeAt(p);
    if (c !== GT) {
      if (c !== c) return -1;
      unsupported('end tag');
    }
    const open = this.stack[this.stack.length - 1];
    if (open === undefined || open.length !== NAME.lastIndex - from || !s.startsWith(open, from)) {
      unsupported('end tag does not match');
    }
    this.stack.pop();
    this.sink.close(open, this.stack.length);
    return p + 1;
  }

  private processingInstruction(s: string, lt: number): number {
    const close = s.indexOf('?>', lt + 2);
    if (close === -1) return -1;
    NAME.lastIndex = lt + 2;
    if (!NAME.test(s)) unsupported('processing instruction target');
    const te = NAME.lastIndex;
    const after = s.charCodeAt(te);
    if (after !== QUESTION && !isSpace(after)) unsupported('processing instruction target');
    const target = te - lt === 5 ? s.slice(lt + 2, te) : '';
    if (target.toLowerCase() === 'xml') {
      // saxes: only a lowercase "xml" at the very start is a declaration; any other is an error.
      if (target !== 'xml' || !this.atStart) unsupported('XML declaration');
      XML_DECL.lastIndex = lt;
      if (!XML_DECL.test(s) || XML_DECL.lastIndex !== close + 2) unsupported('XML declaration');
    }
    if (FORBIDDEN.test(s.slice(lt, close))) unsupported('a character XML forbids');
    return close + 2;
  }

  private comment(s: string, lt: number): number {
    if (!s.startsWith('<!--', lt)) {
      if (s.length - lt < 4 && '<!--'.startsWith(s.slice(lt))) return -1;
      unsupported('DOCTYPE, CDATA or other <! markup');
    }
    const dashes = s.indexOf('--', lt + 4);
    if (dashes === -1) return -1;
    const c = s.charCodeAt(dashes + 2);
    if (c !== GT) {
      if (c !== c) return -1;
      unsupported("'--' inside a comment");
    }
    if (FORBIDDEN.test(s.slice(lt, dashes))) unsupported('a character XML forbids');
    return dashes + 3;
  }
}

/**
 * An attribute value with references decoded and tab/CR/LF (CRLF as one) turned into spaces, as saxes
 * does after SurrogateRefFilter. at: the first SPECIAL character in s[vs, ve).
 */
function attributeValue(s: string, vs: number, ve: number, at: number): string {
  let out = '';
  let last = vs;
  let k = at;
  while (k < ve) {
    const c = s.charCodeAt(k);
    if (c === AMP) {
      const semi = s.indexOf(';', k + 1);
      if (semi === -1 || semi > ve) unsupported('reference');
      out += s.slice(last, k);
      last = semi + 1;
      if (s.charCodeAt(k + 1) !== HASH) out += namedReference(s, k + 1, semi);
      else {
        const unit = semi - k === 7 ? refAt(s, k) : -1;
        if (unit >= 0xd800 && unit <= 0xdfff) {
          const low = unit <= 0xdbff && s.charCodeAt(k + 8) === AMP ? refAt(s, k + 8) : -1;
          if (low >= 0xdc00 && low <= 0xdfff) {
            out += String.fromCharCode(unit, low);
            last = k + 16;
          } else out += '\uFFFD';
        } else out += characterReference(s, k + 2, semi);
      }
    } else if (c === LT) {
      unsupported("'<' in an attribute value");
    } else if (c === TAB || c === LF || c === CR) {
      out += s.slice(last, k) + ' ';
      last = c === CR && s.charCodeAt(k + 1) === LF ? k + 2 : k + 1;
    } else {
      unsupported('a character XML forbids');
    }
    SPECIAL.lastIndex = last;
    k = SPECIAL.test(s) ? SPECIAL.lastIndex - 1 : ve;
  }
  return out + s.slice(last, ve);
}

function namedReference(s: string, from: number, semi: number): string {
  switch (semi - from) {
    case 2:
      if (s.charCodeAt(from + 1) === 0x74 /* t */) {
        const c = s.charCodeAt(from);
        if (c === 0x6c /* l */) return '<';
        if (c === 0x67 /* g */) return '>';
      }
      break;
    case 3:
      if (s.startsWith('amp', from)) return '&';
      break;
    case 4:
      if (s.startsWith('quot', from)) return '"';
      if (s.startsWith('apos', from)) return "'";
      break;
  }
  return unsupported('entity');
}

/** `&#…;` from the '#'+1 position: saxes takes a lowercase 'x' only, and only XML 1.0 Char values. */
function characterReference(s: string, from: number, semi: number): string {
  let cp = 0;
  if (s.charCodeAt(from) === 0x78 /* x */) {
    const digits = semi - from - 1;
    if (digits < 1 || digits > 6) unsupported('character reference');
    for (let k = from + 1; k < semi; k++) {
      const c = s.charCodeAt(k);
      const h = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
      if (h < 0) unsupported('character reference');
      cp = cp * 16 + h;
    }
  } else {
    const digits = semi - from;
    if (digits < 1 || digits > 7) unsupported('character reference');
    for (let k = from; k < semi; k++) {
      const d = s.charCodeAt(k) - 48;
      if (d < 0 || d > 9) unsupported('character reference');
      cp = cp * 10 + d;
    }
  }
  const isChar =
    cp === TAB || cp === LF || cp === CR || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
  if (!isChar) unsupported('character reference to a character XML forbids');
  return String.fromCodePoint(cp);
}
