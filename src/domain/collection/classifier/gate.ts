/**
 * Rule gates: for a rule's regular expression, a small set of one- or two-character strings ("factors")
 * such that EVERY match of the expression contains at least one of them. The engine runs a rule only
 * when one of its factors occurs in the normalised text, so a gate can never change a result; it only
 * skips regular expressions that cannot match.
 *
 * The factors are computed once, at module load, from the pattern source by a small parser that knows
 * the subset of regex syntax the lexicon uses (literals, escapes, classes, groups, alternation,
 * quantifiers, look-arounds). For every sub-pattern it tracks
 *  - `exact`: every string the sub-pattern can match, when that set is finite and small, and
 *  - `req`:   a set of factors every match contains;
 * a sequence takes the cheapest of its elements' factor sets and of the literal strings formed by
 * adjacent exact elements (你 + 的? + 朋友 → 你朋/你的…), an alternation the union of its branches'.
 * Strings longer than two characters are cut to their rarest two-character piece, which keeps the
 * guarantee (a text containing 爆通讯录 contains 通讯). Cheapest = the lowest estimated chance of
 * occurring in a message, from a character-frequency table of collection-related SMS.
 */

/**
 * The 200 most frequent Han characters of collection-related SMS, most frequent first (counted over
 * the dev messages; a character-frequency table only).
 */
export const FREQUENT =
  '的你还您款我不期已请天了钱人借们逾欠是好信日一法行到在个将月上就系今家理联下通用于有快司账经电他单时明元子事收处话会这本诉前银贷录卡息院户公金分员再门后提去老能点发要尽可费催号律师内清起案告小安都务知吗工转给额台里打如出所平周被么网过部记为以证说位把看最民生回客来心作紧江结全服解候别商没合办那同成未次报协吧包找委意入也得先申查机年友自接三骗受中问她大免名着直向托取急开执调让什留区送讯外立方醒影定群';
const RANK = new Map<string, number>([...FREQUENT].map((ch, i) => [ch, i]));

/**
 * Estimated chance that a message contains this character (fitted to the character's rank in FREQUENT:
 * 你 0.44, 借 0.24, 元 0.08, 打 0.06 in the dev sets).
 */
function charP(ch: string): number {
  const r = RANK.get(ch);
  if (r !== undefined) return 0.03 + 0.5 * Math.exp(-r / 25);
  const c = ch.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return 0.15;
  if (c >= 0x61 && c <= 0x7a) return 0.05;
  if (ch === '，' || ch === '。') return 0.7;
  if (c >= 0x4e00 && c <= 0x9fff) return 0.02;
  return 0.1;
}

/**
 * Estimated chance that a message contains this one- or two-character string: for a pair, about the
 * product of its characters' chances (the dev sets' median ratio is 0.8), at most half the rarer one's.
 */
function factorP(s: string): number {
  if (s.length === 1) return charP(s);
  const a = charP(s[0]!);
  const b = charP(s[1]!);
  return Math.min(Math.min(a, b) * 0.5, a * b);
}

/** Cut a string to its rarest piece of at most two characters. */
function toFactor(s: string): string {
  if (s.length <= 2) return s;
  let best = s.slice(0, 2);
  let bestP = factorP(best);
  for (let i = 1; i + 2 <= s.length; i++) {
    const f = s.slice(i, i + 2);
    const p = factorP(f);
    if (p < bestP) {
      best = f;
      bestP = p;
    }
  }
  return best;
}

type Factors = Set<string>;

/** Factors of a set of strings (none empty): each cut to a factor, superfluous superstrings dropped. */
function factorsOf(strings: Iterable<string>): Factors {
  const fs = new Set<string>();
  for (const s of strings) fs.add(toFactor(s));
  for (const f of [...fs]) if (f.length === 2 && (fs.has(f[0]!) || fs.has(f[1]!))) fs.delete(f);
  return fs;
}

function cost(f: Factors | null): number {
  if (f === null) return Infinity;
  let c = 0;
  for (const s of f) c += factorP(s);
  // A little for every factor the scan has to look up.
  return c + 0.002 * f.size;
}

/** Finite sets of matched strings are kept up to this size. */
const EXACT_LIMIT = 256;

interface Info {
  exact: Set<string> | null;
  req: Factors | null;
  /** For a sequence: every factor set its matches must contain (req is the cheapest). */
  clauses?: Factors[];
}

const EMPTY: Info = { exact: new Set(['']), req: null };
const UNKNOWN: Info = { exact: null, req: null };

function product(a: Set<string>, b: Set<string>): Set<string> | null {
  if (a.size * b.size > EXACT_LIMIT) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

/** Control-character escapes (\n, \t …) and the characters they stand for. */
const CONTROL: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '0': '\0' };

/**
 * The character a single-character escape at src[j] ('\\') stands for, and where it ends; null for a
 * class escape (\d \s \w …); throws on syntax the parser does not model (back-references, \p{…}).
 */
function escapeChar(src: string, j: number): [string, number] | null {
  const e = src[j + 1]!;
  if (e === 'u') {
    if (src[j + 2] === '{') throw new Error(`gate parser: \\u{…} in ${src}`);
    return [String.fromCharCode(parseInt(src.slice(j + 2, j + 6), 16)), j + 6];
  }
  if (e === 'x') return [String.fromCharCode(parseInt(src.slice(j + 2, j + 4), 16)), j + 4];
  if (CONTROL[e] !== undefined) return [CONTROL[e], j + 2];
  if (/[1-9kpPc]/.test(e)) throw new Error(`gate parser: unsupported escape \\${e} in ${src}`);
  if (/[a-zA-Z]/.test(e)) return null;
  return [e, j + 2];
}

function classChars(body: string): string[] | null {
  // body: the text between [ and ] of a class that is not negated.
  const chars: string[] = [];
  const unit = (j: number): [string, number] | null => (body[j] === '\\' ? escapeChar(body, j) : [body[j]!, j + 1]);
  for (let j = 0; j < body.length; ) {
    if (body[j] === '\\' && body[j + 1] === 'd') {
      for (let c = 0x30; c <= 0x39; c++) chars.push(String.fromCharCode(c));
      j += 2;
      continue;
    }
    const u = unit(j);
    if (u === null) return null;
    const [ch, next] = u;
    if (body[next] === '-' && next + 1 < body.length) {
      const v = unit(next + 1);
      if (v === null) return null;
      const lo = ch.charCodeAt(0);
      const hi = v[0].charCodeAt(0);
      if (hi < lo || hi - lo > 32) return null;
      for (let c = lo; c <= hi; c++) chars.push(String.fromCharCode(c));
      j = v[1];
    } else {
      chars.push(ch);
      j = next;
    }
  }
  return chars;
}

/** Parses `src` and returns the analysis of each top-level alternative. */
function analyse(src: string): Info[] {
  let i = 0;

  function parseBranches(): Info[] {
    const branches: Info[] = [parseSeq()];
    while (src[i] === '|') {
      i++;
      branches.push(parseSeq());
    }
    return branches;
  }

  function parseAlt(): Info {
    const branches = parseBranches();
    if (branches.length === 1) return branches[0]!;
    let exact: Set<string> | null = new Set();
    let req: Factors | null = new Set();
    for (const b of branches) {
      if (exact !== null) {
        if (b.exact === null) exact = null;
        else for (const s of b.exact) exact.add(s);
        if (exact !== null && exact.size > EXACT_LIMIT) exact = null;
      }
      if (req !== null) {
        if (b.req === null) req = null;
        else for (const s of b.req) req.add(s);
      }
    }
    if (req !== null) req = factorsOf(req);
    if (exact !== null && !exact.has('')) {
      const fromExact = factorsOf(exact);
      if (cost(fromExact) < cost(req)) req = fromExact;
    }
    return { exact, req };
  }

  function parseAtom(): Info {
    const ch = src[i]!;
    if (ch === '\\') {
      const e = src[i + 1]!;
      if (e === 'd') {
        i += 2;
        const ds = new Set<string>();
        for (let c = 0x30; c <= 0x39; c++) ds.add(String.fromCharCode(c));
        return { exact: ds, req: new Set(ds) };
      }
      if (e === 'b' || e === 'B') {
        i += 2;
        return EMPTY;
      }
      const esc = escapeChar(src, i);
      if (esc === null) {
        i += 2;
        return UNKNOWN;
      }
      i = esc[1];
      return { exact: new Set([esc[0]]), req: new Set([esc[0]]) };
    }
    if (ch === '[') {
      let j = i + 1;
      const negated = src[j] === '^';
      if (negated) j++;
      const start = j;
      // A ']' right after '[' or '[^' is a literal in JS only with the u/v flags' rules aside; the
      // lexicon never writes one, so the class ends at the first unescaped ']'.
      while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
      const body = src.slice(start, j);
      i = j + 1;
      if (negated) return UNKNOWN;
      const chars = classChars(body);
      if (chars === null || chars.length === 0 || chars.length > 64) return UNKNOWN;
      const set = new Set(chars);
      return { exact: set, req: factorsOf(set) };
    }
    if (ch === '(') {
      let kind: 'group' | 'look' = 'group';
      if (src.startsWith('(?:', i)) i += 3;
      else if (src.startsWith('(?=', i) || src.startsWith('(?!', i)) {
        kind = 'look';
        i += 3;
      } else if (src.startsWith('(?<=', i) || src.startsWith('(?<!', i)) {
        kind = 'look';
        i += 4;
      } else if (src.startsWith('(?<', i)) i = src.indexOf('>', i) + 1;
      else i++;
      const inner = parseAlt();
      if (src[i] !== ')') throw new Error(`gate parser: expected ) at ${i} in ${src}`);
      i++;
      return kind === 'look' ? EMPTY : inner;
    }
    if (ch === '^' || ch === '$') {
      i++;
      return EMPTY;
    }
    if (ch === '.') {
      i++;
      return UNKNOWN;
    }
    i++;
    return { exact: new Set([ch]), req: new Set([ch]) };
  }

  function parseQuantified(): Info {
    const atom = parseAtom();
    let min = 1;
    let max = 1;
    if (src[i] === '?') {
      min = 0;
      i++;
    } else if (src[i] === '*') {
      min = 0;
      max = Infinity;
      i++;
    } else if (src[i] === '+') {
      max = Infinity;
      i++;
    } else if (src[i] === '{') {
      const m = /^\{(\d*)(?:(,)(\d*))?\}/.exec(src.slice(i));
      if (m) {
        min = Number(m[1] || 0);
        max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
        i += m[0].length;
      }
    }
    if (min === 1 && max === 1) return atom;
    if (src[i] === '?') i++; // lazy
    const req = min >= 1 ? atom.req : null;
    let exact: Set<string> | null = null;
    if (atom.exact !== null && max !== Infinity && max <= 4) {
      // Finite repetition: union of atom^k for k in [min, max].
      exact = new Set(min === 0 ? [''] : []);
      let pow: Set<string> | null = new Set(['']);
      for (let k = 1; k <= max && pow !== null; k++) {
        pow = product(pow, atom.exact);
        if (pow === null) exact = null;
        else if (k >= min && exact !== null) for (const s of pow) exact.add(s);
        if (exact !== null && exact.size > EXACT_LIMIT) exact = null;
        if (exact === null) break;
      }
    }
    return { exact, req };
  }

  function parseSeq(): Info {
    const items: Info[] = [];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') items.push(parseQuantified());
    if (items.length === 0) return EMPTY;
    const clauses: Factors[] = [];
    let best: Factors | null = null;
    for (const it of items) {
      if (it.req !== null) clauses.push(it.req);
      if (cost(it.req) < cost(best)) best = it.req;
    }
    // Literal strings across adjacent exact elements.
    for (let a = 0; a < items.length; a++) {
      let acc: Set<string> | null = items[a]!.exact;
      for (let b = a + 1; b < items.length && acc !== null; b++) {
        const next = items[b]!.exact;
        if (next === null) break;
        acc = product(acc, next);
        if (acc === null || acc.has('')) continue;
        const f = factorsOf(acc);
        clauses.push(f);
        if (cost(f) < cost(best)) best = f;
      }
    }
    let exact: Set<string> | null = new Set(['']);
    for (const it of items) {
      if (exact === null || it.exact === null) {
        exact = null;
        break;
      }
      exact = product(exact, it.exact);
    }
    if (items.length === 1 && items[0]!.clauses !== undefined) clauses.push(...items[0]!.clauses);
    return { exact, req: best, clauses };
  }

  const top = parseBranches();
  if (i !== src.length) throw new Error(`gate parser: stopped at ${i} in ${src}`);
  return top;
}

/** Does every text that contains a factor of `a` contain a factor of `b`? */
function implies(a: Factors, b: Factors): boolean {
  for (const x of a) {
    let ok = false;
    for (const y of b) if (x.includes(y)) ok = true;
    if (!ok) return false;
  }
  return true;
}

/** A second clause is kept only when it is this cheap (and this small) on its own. */
const SECOND_CLAUSE_MAX_COST = 0.8;
const SECOND_CLAUSE_MAX_SIZE = 32;

/**
 * A gate in disjunctive form: a list of units, each a list of one or two clauses (factor lists); every
 * match of `src` satisfies some unit, i.e. contains a factor of each of its clauses. Top-level
 * alternatives with a second useful clause get a unit of their own ("逾期" and "不还" for 逾期不还);
 * the others share one single-clause unit (the union of their cheapest clauses). [] = always run.
 */
export function requiredGate(src: string): string[][][] {
  const top = analyse(src);
  if (top.some((b) => b.req === null)) return [];
  const shared = new Set<string>();
  const units: string[][][] = [];
  for (const b of top) {
    const first = b.req!;
    let second: Factors | null = null;
    for (const c of b.clauses ?? []) {
      if (c === first || c.size > SECOND_CLAUSE_MAX_SIZE || cost(c) > SECOND_CLAUSE_MAX_COST) continue;
      if (implies(first, c) || implies(c, first)) continue;
      if (second === null || cost(c) < cost(second)) second = c;
    }
    if (second === null) for (const f of first) shared.add(f);
    else units.push([[...first].sort(), [...second].sort()]);
  }
  if (shared.size > 0) units.unshift([[...factorsOf(shared)].sort()]);
  return units;
}



/**
 * Lookup tables for a list of rules' gates (requiredGate), for one pass over a text. A factor's entries
 * are integers: e >= 0 opens rule e (a single-clause unit); e < 0 satisfies clause (~e & 1) of the
 * two-clause unit ~e >> 1, whose rule is unitRule[unit] and which opens when both clauses are met.
 *
 * One 32-bit word per code unit c, `info[c]`: bit 0 (INFO_ONE) when c is a one-character factor, bit 1 (INFO_PAIR)
 * when it starts a two-character one; bits 2–11 are 0 here, for the caller's own flags; bits 12–15 the count and bits
 * 16–31 the start of c's entries in `ones` (info[c] = 0: c is in no factor). Two-character factors are in an
 * open-addressing hash table of 2^(32 - twoShift) slots (slot pairHash(c, d) >>> twoShift, then linear probing):
 * twoKey[k] = c | d << 16 is the pair in slot k (0 marks a free slot) and twoData[k] = start | count << 16 its entries
 * in `twos`.
 *
 * Until 2026-12-07 these were eight tables (a kind byte, a start and a count per code unit; first, second, start and
 * count per slot), so a character could touch six cache lines in tables of up to 256 KB, and the scan missed the
 * cache often, with the model's weights in between (bench, 2026-12-07, same process: classify −0.55 µs a message).
 */
export interface GateTables {
  info: Int32Array;
  ones: Int32Array;
  twoKey: Int32Array;
  twoData: Int32Array;
  twos: Int32Array;
  /** 32 minus log2 of the number of slots; the slot mask is twoKey.length - 1. */
  twoShift: number;
  unitRule: Int32Array;
  /** Rules without a gate: always open. */
  always: Int32Array;
}
/** info[c] bits (GateTables). */
export const INFO_ONE = 1;
export const INFO_PAIR = 2;
export const INFO_COUNT_SHIFT = 12;
export const INFO_START_SHIFT = 16;

/** 32-bit hash of a character pair; its top bits pick the slot. */
export function pairHash(c: number, d: number): number {
  return (Math.imul(c, 0x9e3779b1) ^ Math.imul(d, 0x85ebca6b)) >>> 0;
}

export function buildGateTables(gates: ReadonlyArray<readonly (readonly (readonly string[])[])[]>): GateTables {
  const byFactor = new Map<string, number[]>();
  const always: number[] = [];
  const unitRule: number[] = [];
  const add = (f: string, e: number): void => {
    let list = byFactor.get(f);
    if (!list) byFactor.set(f, (list = []));
    if (!list.includes(e)) list.push(e);
  };
  gates.forEach((units, r) => {
    if (units.length === 0) always.push(r);
    for (const clauses of units) {
      if (clauses.length === 1) {
        for (const f of clauses[0]!) add(f, r);
      } else if (clauses.length === 2) {
        const u = unitRule.length;
        unitRule.push(r);
        clauses.forEach((clause, k) => {
          for (const f of clause) add(f, ~((u << 1) | k));
        });
      } else throw new Error('gate: a unit has one or two clauses');
    }
  });
  const info = new Int32Array(65536);
  const ones: number[] = [];
  // A table at most a quarter full keeps the probe sequences short.
  let pairs = 0;
  for (const f of byFactor.keys()) if (f.length === 2) pairs++;
  let bits = 8;
  while (1 << bits < pairs * 4) bits++;
  const slots = 1 << bits;
  const twoShift = 32 - bits;
  const twoKey = new Int32Array(slots);
  const twoData = new Int32Array(slots);
  const twos: number[] = [];
  for (const [f, list] of byFactor) {
    const c = f.charCodeAt(0);
    if (f.length === 1) {
      if (list.length > 15 || ones.length > 0xffff) throw new Error('gate: too many one-character entries for info');
      info[c]! |= INFO_ONE | (list.length << INFO_COUNT_SHIFT) | (ones.length << INFO_START_SHIFT);
      ones.push(...list);
      continue;
    }
    if (c === 0) throw new Error('gate: a factor starts with U+0000');
    if (list.length > 0xffff || twos.length > 0xffff) throw new Error('gate: too many two-character entries for twoData');
    const d = f.charCodeAt(1);
    info[c]! |= INFO_PAIR;
    let k = pairHash(c, d) >>> twoShift;
    while (twoKey[k] !== 0) k = (k + 1) & (slots - 1);
    twoKey[k] = c | (d << 16);
    twoData[k] = twos.length | (list.length << 16);
    twos.push(...list);
  }
  return {
    info,
    ones: Int32Array.from(ones),
    twoKey,
    twoData,
    twos: Int32Array.from(twos),
    twoShift,
    unitRule: Int32Array.from(unitRule),
    always: Int32Array.from(always),
  };
}
