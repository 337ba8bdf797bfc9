/**
 * Redaction of a document for public posting (e.g. 黑猫投诉): third parties' names become 张* / 王** and their numbers
 * 138****5678, in every string of the document.
 *
 * Third parties are the borrower's contacts: the names and numbers in contactsReached.people, the contactName /
 * contactNumber of events, and the contact_name answer. Every other mainland mobile number in the text is masked too,
 * except the collectors' numbers (they are what the complaint is about) unless `collectors` is set. With `self`, the
 * borrower's own name, phone and ID digits are masked as well. Names the case does not know (a name typed inside a
 * message) cannot be found: the UI should say so.
 */
import type { DocumentCase } from './case.js';

export interface RedactOptions {
  /** Mask third parties (contacts): default true. */
  thirdParties?: boolean;
  /** Also mask the borrower's own name, phone and ID digits (for posting under a public account). */
  self?: boolean;
  /** Also mask the collectors' numbers. */
  collectors?: boolean;
}

/** Default for public posting: third parties and the borrower masked, collectors' numbers kept. */
export const PUBLIC_REDACTION: Readonly<RedactOptions> = { thirdParties: true, self: true, collectors: false };

/** 张三 → 张*, 欧阳娜娜 → 欧***, spaces kept (John Smith → J*** *****). Counts code points. */
export function maskName(name: string): string {
  return [...name.trim()].map((ch, i) => (i === 0 || /\s/.test(ch) ? ch : '*')).join('');
}

/** Digits of a number without a +86 / 0086 country code. */
export function digitsOf(n: string): string {
  let d = n.replace(/\D/g, '');
  if (d.length === 13 && d.startsWith('86')) d = d.slice(2);
  else if (d.length === 15 && d.startsWith('0086')) d = d.slice(4);
  return d;
}

/** 13812345678 → 138****5678; shorter numbers keep the first 2 and last 2 digits; 4 digits or fewer → ****. */
export function maskPhone(n: string): string {
  const d = digitsOf(n);
  if (d.length >= 11) return d.slice(0, 3) + '*'.repeat(d.length - 7) + d.slice(-4);
  if (d.length > 4) return d.slice(0, 2) + '*'.repeat(d.length - 4) + d.slice(-2);
  return '*'.repeat(Math.max(d.length, 4));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const MOBILE = /(?<![0-9A-Za-z*])(?:(?:\+|00)?86[ -]?)?1[3-9]\d(?:[ -]?\d){8}(?![0-9A-Za-z*])/g;

export type Redactor = (text: string) => string;

export interface PartiesToMask {
  names: string[];
  numbers: string[];
  /** Numbers never masked. */
  keep: string[];
}

/** The names and numbers to mask in a case under the options. */
export function partiesToMask(c: DocumentCase, opts: RedactOptions = {}): PartiesToMask {
  const names: string[] = [];
  const numbers: string[] = [];
  if (opts.thirdParties !== false) {
    for (const p of c.contactsReached.people ?? []) {
      names.push(p.name);
      numbers.push(...(p.numbers ?? []));
    }
    for (const e of c.events) {
      if (e.contactName) names.push(e.contactName);
      if (e.contactNumber) numbers.push(e.contactNumber);
    }
    const cn = c.answers['contact_name'];
    if (cn) names.push(cn);
  }
  if (opts.self) {
    if (c.borrower.name) names.push(c.borrower.name);
    if (c.answers['borrower_name']) names.push(c.answers['borrower_name']);
    if (c.borrower.phone) numbers.push(c.borrower.phone);
    if (c.answers['borrower_phone']) numbers.push(c.answers['borrower_phone']);
  }
  const keep: string[] = [];
  if (!opts.collectors) {
    for (const col of c.collectors) keep.push(...col.numbers);
    for (const e of c.events) if (e.number && e.kind !== 'third_party_report' && e.recipient !== 'third_party') keep.push(e.number);
  }
  return { names, numbers, keep };
}

/** The text masker for a set of parties. */
export function makeRedactor(p: PartiesToMask, extra: { idLast4?: string | null } = {}): Redactor {
  const masked = new Set(p.numbers.map(digitsOf).filter((d) => d.length >= 5));
  const keep = new Set(p.keep.map(digitsOf).filter((d) => d.length >= 5 && !masked.has(d)));
  const numbers = [...masked];
  // Longest first, so that a longer name wins over a name it contains.
  const names = [...new Set(p.names.map((n) => n.trim()))]
    .filter((n) => [...n].length >= 2)
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const numRe = numbers.length
    ? new RegExp(`(?<![0-9A-Za-z])(?:(?:\\+|00)?86[ -]?)?(?:${numbers.map((d) => d.split('').join('[ -]?')).join('|')})(?![0-9A-Za-z])`, 'g')
    : null;
  const nameRe = names.length ? new RegExp(names.map(escapeRe).join('|'), 'gu') : null;
  const id = extra.idLast4?.trim();
  const idRe = id ? new RegExp(`(?<![0-9A-Za-z])${escapeRe(id)}(?![0-9A-Za-z])`, 'g') : null;
  return (text: string): string => {
    let s = text;
    if (numRe) s = s.replace(numRe, (m) => maskPhone(m));
    s = s.replace(MOBILE, (m) => (keep.has(digitsOf(m)) ? m : maskPhone(m)));
    if (nameRe) s = s.replace(nameRe, (m) => maskName(m));
    if (idRe) s = s.replace(idRe, '****');
    return s;
  };
}

/** The redactor for a case under the options. */
export function caseRedactor(c: DocumentCase, opts: RedactOptions = PUBLIC_REDACTION): Redactor {
  const idLast4 = opts.self ? (c.borrower.idLast4 ?? c.answers['borrower_id_last4'] ?? null) : null;
  return makeRedactor(partiesToMask(c, opts), { idLast4 });
}

/** Keys whose values are never changed: hashes and ids. */
const NEVER = new Set(['sha256', 'hash', 'chainHead', 'id', 'citationId', 'key']);

/** Applies the redactor to every string inside a JSON-like value (a document model), returning a copy. */
export function redactDeep<T>(value: T, r: Redactor): T {
  return walk(value, r, null) as T;
}

function walk(v: unknown, r: Redactor, key: string | null): unknown {
  if (typeof v === 'string') return key !== null && NEVER.has(key) ? v : r(v);
  if (Array.isArray(v)) return v.map((x) => walk(x, r, null));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = walk(x, r, k);
    return out;
  }
  return v;
}
