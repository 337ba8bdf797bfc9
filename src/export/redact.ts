/**
 * Masking third parties (the borrower's contacts: family, friends, colleagues) before a bundle is shared.
 *
 * What is masked, in every string of the events and of the record payloads:
 * - each known third-party number, also written with spaces/dashes or a +86 prefix: 13812345678 → 138****5678;
 * - each known third-party name: 张三 → 张*, 欧阳娜娜 → 欧***;
 * - every other mainland mobile number in the text (1[3-9] + 9 digits), unless it is a number to keep
 *   (the collectors' numbers: they are the subject of the evidence, not bystanders);
 * - fields that by their name always hold a third party: contactNumber, contactName, contact_name.
 *
 * Known third parties come from `contact` records (payload.name, payload.numbers / payload.number),
 * from events' contactNumber fields and counterpartName of events that touched a contact, and from the caller.
 * Free-text names that the app does not know cannot be found; say so to the user.
 * Hashes (sha256, hash, prev_hash) are never touched.
 */
import type { EvidenceRecord, JsonValue } from '../domain/evidence/index.js';
import { canonicalize } from '../domain/evidence/index.js';
// One masking rule for bundles and documents.
import { digitsOf, maskName, maskPhone as maskNumber } from '../domain/documents/redact.js';

export { maskName, maskNumber };

export interface ThirdParties {
  names: string[];
  numbers: string[];
}

export interface RedactOptions {
  /** Numbers never masked (the collectors'). */
  keepNumbers?: readonly string[];
}

const NEVER_TOUCH = new Set(['sha256', 'hash', 'prev_hash']);
const ALWAYS_MASK_NUMBER = new Set(['contactNumber', 'contact_number']);
const ALWAYS_MASK_NAME = new Set(['contactName', 'contact_name']);

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const MOBILE = /(?<![0-9A-Za-z])(?:(?:\+|00)?86[ -]?)?1[3-9]\d(?:[ -]?\d){8}(?![0-9A-Za-z])/g;

export type Redactor = (text: string) => string;

/** Builds the text masker for a set of third parties. */
export function makeRedactor(tp: ThirdParties, opts: RedactOptions = {}): Redactor {
  const keep = new Set((opts.keepNumbers ?? []).map(digitsOf).filter((d) => d.length >= 5));
  const numbers = [...new Set(tp.numbers.map(digitsOf))].filter((d) => d.length >= 5 && !keep.has(d));
  // Longest first, so that a longer name wins over a name it contains.
  const names = [...new Set(tp.names.map((n) => n.trim()))].filter((n) => [...n].length >= 2).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const numRe = numbers.length
    ? new RegExp(`(?<![0-9A-Za-z])(?:(?:\\+|00)?86[ -]?)?(?:${numbers.map((d) => d.split('').join('[ -]?')).join('|')})(?![0-9A-Za-z])`, 'g')
    : null;
  const nameRe = names.length ? new RegExp(names.map(escapeRe).join('|'), 'gu') : null;
  return (text: string): string => {
    let t = text;
    if (numRe) t = t.replace(numRe, (m) => maskNumber(m));
    t = t.replace(MOBILE, (m) => (keep.has(digitsOf(m)) ? m : maskNumber(m)));
    if (nameRe) t = t.replace(nameRe, (m) => maskName(m));
    return t;
  };
}

function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Masks every string in a JSON value (keys kept). Returns a new value; the input is not changed. */
export function redactJson(value: unknown, r: Redactor, key = ''): unknown {
  if (typeof value === 'string') {
    if (NEVER_TOUCH.has(key)) return value;
    if (ALWAYS_MASK_NUMBER.has(key)) return maskNumber(value);
    if (ALWAYS_MASK_NAME.has(key)) return maskName(value);
    return r(value);
  }
  if (Array.isArray(value)) return value.map((v) => redactJson(v, r, key));
  if (isObj(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactJson(v, r, k)]));
  return value;
}

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

/**
 * Third parties the data itself names: contact records, and events that touched a contact or report one.
 * `events` is read loosely (any array of objects): contactNumber, and counterpartName/number when contactId is set
 * and collectorId is not.
 */
export function collectThirdParties(records: readonly EvidenceRecord[], events: unknown, extra?: Partial<ThirdParties>): ThirdParties {
  const names: string[] = [...(extra?.names ?? [])];
  const numbers: string[] = [...(extra?.numbers ?? [])];
  for (const r of records) {
    if (r.kind !== 'contact' || !isObj(r.payload)) continue;
    names.push(...strings(r.payload.name));
    numbers.push(...strings(r.payload.numbers), ...strings(r.payload.number));
  }
  if (Array.isArray(events)) {
    for (const e of events) {
      if (!isObj(e)) continue;
      numbers.push(...strings(e.contactNumber));
      if (e.contactId != null && e.collectorId == null) {
        names.push(...strings(e.counterpartName));
        numbers.push(...strings(e.number));
      }
    }
  }
  return { names, numbers };
}

/** Collector numbers found in events (events with a collectorId): kept visible by default. */
export function collectorNumbers(events: unknown): string[] {
  const out: string[] = [];
  if (Array.isArray(events)) for (const e of events) if (isObj(e) && e.collectorId != null) out.push(...strings(e.number));
  return out;
}

/**
 * Masks record payloads. A record whose payload changed is marked `redacted: true` and keeps its original hash:
 * its content can no longer be checked, its place in the chain still can (docs/evidence-format.md).
 */
export function redactRecords(records: readonly EvidenceRecord[], r: Redactor): { records: EvidenceRecord[]; redacted: number } {
  let n = 0;
  const out = records.map((rec) => {
    const payload = redactJson(rec.payload, r) as JsonValue;
    if (canonicalize(payload) === canonicalize(rec.payload)) return rec;
    n++;
    return { ...rec, payload, redacted: true as const };
  });
  return { records: out, redacted: n };
}
