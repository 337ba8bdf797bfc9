/**
 * Canonical JSON (RFC 8785, "JSON Canonicalization Scheme", restricted to the values we store).
 * The exact rules are written down in docs/evidence-format.md; in short:
 *
 * - objects: members sorted by key, comparing keys as arrays of UTF-16 code units; `{"k":v,...}`
 *   with no whitespace; members whose value is `undefined` are left out (as JSON.stringify does),
 *   so a value and its JSON round trip have the same canonical form;
 * - arrays: `[a,b]`, no whitespace; `undefined` in an array is an error (JSON would turn it into null);
 * - strings: JSON.stringify's escaping, which is RFC 8785's: `\"` `\\` `\b` `\f` `\n` `\r` `\t`,
 *   other code points below U+0020 as `\u00xx` (lower-case hex), everything else literal;
 *   a string holding a lone surrogate is an error (it has no UTF-8 form);
 * - numbers: finite only, ECMAScript Number-to-String (the shortest round-trip form), -0 as 0;
 * - true, false, null.
 *
 * Anything else (NaN, Infinity, bigint, functions, symbols, Dates, Maps, class instances…) is an error:
 * a record must be plain JSON before it is hashed.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export class CanonicalizeError extends TypeError {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`${path || '(root)'}: ${message}`);
    this.name = 'CanonicalizeError';
  }
}

/** Compares two strings by UTF-16 code units (what RFC 8785 §3.2.3 prescribes). */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function str(s: string, path: string): string {
  if (!s.isWellFormed()) throw new CanonicalizeError('string contains a lone surrogate', path);
  return JSON.stringify(s);
}

function walk(v: unknown, path: string, out: string[], seen: Set<object>): void {
  if (v === null) {
    out.push('null');
    return;
  }
  switch (typeof v) {
    case 'boolean':
      out.push(v ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isFinite(v)) throw new CanonicalizeError(`number ${String(v)} is not finite`, path);
      out.push(Object.is(v, -0) ? '0' : String(v)); // String(n) is ECMAScript Number::toString = JSON's form
      return;
    case 'string':
      out.push(str(v, path));
      return;
    case 'object':
      break;
    default:
      throw new CanonicalizeError(`${typeof v} is not a JSON value`, path);
  }
  const o = v as object;
  if (seen.has(o)) throw new CanonicalizeError('cyclic structure', path);
  seen.add(o);
  if (Array.isArray(o)) {
    out.push('[');
    for (let i = 0; i < o.length; i++) {
      if (i > 0) out.push(',');
      const item: unknown = o[i];
      if (item === undefined) throw new CanonicalizeError('undefined in an array', `${path}[${i}]`);
      walk(item, `${path}[${i}]`, out, seen);
    }
    out.push(']');
  } else {
    const proto = Object.getPrototypeOf(o) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      const name = (o as { constructor?: { name?: string } }).constructor?.name ?? 'object';
      throw new CanonicalizeError(`${name} is not a plain JSON object`, path);
    }
    const rec = o as Record<string, unknown>;
    const keys = Object.keys(rec)
      .filter((k) => rec[k] !== undefined)
      .sort(compareKeys);
    out.push('{');
    keys.forEach((k, i) => {
      if (i > 0) out.push(',');
      const p = path ? `${path}.${k}` : k;
      out.push(str(k, p), ':');
      walk(rec[k], p, out, seen);
    });
    out.push('}');
  }
  seen.delete(o);
}

/** The canonical form of one string (for callers that assemble a record of known shape themselves). */
export function canonicalString(s: string, path = ''): string {
  return str(s, path);
}

/** The canonical JSON text of a value (see the module comment). Throws CanonicalizeError for non-JSON input. */
export function canonicalize(value: unknown): string {
  const out: string[] = [];
  walk(value, '', out, new Set());
  return out.join('');
}
