/**
 * The append-only evidence chain (DESIGN.md "Evidence"; format in docs/evidence-format.md).
 *
 *   hash = sha256( utf8( prev_hash_hex ‖ canonicalize({ at_received, kind, payload, prev_hash, seq }) ) )
 *
 * The first record has seq 1 and prev_hash GENESIS_HASH (64 zeros). Nothing is ever edited or removed:
 * a correction is a new record that names the seq it corrects, a deletion is a tombstone record.
 * Pure: no I/O, no clock (the caller passes the time the app received the item).
 */
import { hash } from 'node:crypto';
import { canonicalize, CanonicalizeError, type JsonValue } from './canonical.js';

export const GENESIS_HASH = '0'.repeat(64);

/** Kinds the app writes today; the format accepts any lower-case identifier so that new kinds need no format change. */
export type KnownKind = 'event' | 'attachment' | 'loan' | 'correction' | 'tombstone' | 'contact' | 'note' | 'collector' | 'document' | 'import';
export type EvidenceKind = KnownKind | (string & {});

export interface EvidenceRecord<P = JsonValue> {
  /** 1, 2, 3… with no gaps. */
  seq: number;
  kind: EvidenceKind;
  /** Epoch ms at which the app received the item (not when the item says it happened). */
  at_received: number;
  payload: P;
  /** Hash of the previous record; GENESIS_HASH for seq 1. */
  prev_hash: string;
  hash: string;
  /**
   * Set only in a redacted export: the payload was masked after hashing, so this record's hash cannot be
   * recomputed; its links (seq, prev_hash, the next record's prev_hash) still are.
   */
  redacted?: true;
}

/** The fields the hash covers. */
export type HashedFields = Pick<EvidenceRecord<unknown>, 'seq' | 'kind' | 'at_received' | 'payload' | 'prev_hash'>;

/** Where an attachment came from: the user, an import, or a contact who forwarded it ("contact:<id>"). */
export type AttachmentSource = 'user' | 'import' | `contact:${string}`;

export interface AttachmentPayload {
  /** Lower-case hex sha256 of the bytes; the bytes themselves are stored (and exported) under this name. */
  sha256: string;
  size: number;
  mime: string;
  /** Readable name, e.g. 催收短信截图.png. */
  name: string;
  source: AttachmentSource;
  /** What the item itself says its date is (epoch ms, or the text as found), null if it says nothing. */
  claimed_at: number | string | null;
  /** Seq of the event record it belongs to, if any. */
  event_seq?: number;
}

export interface CorrectionPayload {
  /** Seq of the record being corrected (an earlier, non-correction, non-tombstone record). */
  corrects: number;
  /** The payload that replaces the corrected record's payload in the current view. */
  replacement: JsonValue;
  reason: string;
}

export interface TombstonePayload {
  /** Seq of the record deleted from the current view (its bytes leave exports; the record stays in the chain). */
  removes: number;
  reason: string;
}

const HEX64 = /^[0-9a-f]{64}$/;
const KIND = /^[a-z][a-z0-9_]{0,31}$/;
const SOURCE = /^(user|import|contact:.+)$/;
const RECORD_KEYS = new Set(['seq', 'kind', 'at_received', 'payload', 'prev_hash', 'hash', 'redacted']);

function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex'); // one-shot: half the cost of createHash for a record-sized text
}

/** The canonical text the hash covers (after the previous hash): the record without `hash` and `redacted`. */
export function canonicalBody(rec: HashedFields): string {
  return canonicalize({
    seq: rec.seq,
    kind: rec.kind,
    at_received: rec.at_received,
    payload: rec.payload,
    prev_hash: rec.prev_hash,
  });
}

/** sha256(prevHash ‖ canonical(record without hash)), lower-case hex. */
export function hashRecord(prevHash: string, rec: HashedFields): string {
  return sha256Hex(prevHash + canonicalBody(rec));
}

/** The record's line in records.jsonl: its canonical JSON, hash included. */
export function serializeRecord(rec: EvidenceRecord<unknown>): string {
  return canonicalize(rec);
}

export class EvidenceFormatError extends Error {
  constructor(
    readonly reason: ChainProblem,
    message: string,
  ) {
    super(message);
    this.name = 'EvidenceFormatError';
  }
}

function fail(reason: ChainProblem, message: string): never {
  throw new EvidenceFormatError(reason, message);
}

/** Checks the shape of one record (not its links or hash). Throws EvidenceFormatError('malformed' | 'bad_payload'). */
export function checkRecordShape(v: unknown): asserts v is EvidenceRecord {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) fail('malformed', 'a record must be a JSON object');
  const r = v as Record<string, unknown>;
  for (const k of Object.keys(r)) if (!RECORD_KEYS.has(k)) fail('malformed', `unknown field "${k}"`);
  if (!Number.isSafeInteger(r.seq) || (r.seq as number) < 1) fail('malformed', 'seq must be an integer ≥ 1');
  if (typeof r.kind !== 'string' || !KIND.test(r.kind)) fail('malformed', 'kind must be a lower-case identifier');
  if (!Number.isSafeInteger(r.at_received) || (r.at_received as number) < 0) fail('malformed', 'at_received must be epoch milliseconds');
  if (typeof r.prev_hash !== 'string' || !HEX64.test(r.prev_hash)) fail('malformed', 'prev_hash must be 64 lower-case hex digits');
  if (typeof r.hash !== 'string' || !HEX64.test(r.hash)) fail('malformed', 'hash must be 64 lower-case hex digits');
  if (r.redacted !== undefined && r.redacted !== true) fail('malformed', 'redacted must be true when present');
  if (!('payload' in r) || r.payload === undefined) fail('malformed', 'payload is missing');
  try {
    canonicalize(r.payload);
  } catch (e) {
    if (e instanceof CanonicalizeError) fail('malformed', `payload is not JSON: ${e.message}`);
    throw e;
  }
  if (!r.redacted) checkPayload(r.kind, r.payload as JsonValue, r.seq as number);
}

function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Kind-specific payload rules: attachments, corrections and tombstones have a fixed shape. */
export function checkPayload(kind: string, p: JsonValue, seq: number): void {
  if (kind === 'attachment') {
    if (!isObj(p)) fail('bad_payload', 'attachment payload must be an object');
    if (typeof p.sha256 !== 'string' || !HEX64.test(p.sha256)) fail('bad_payload', 'attachment sha256 must be 64 lower-case hex digits');
    if (!Number.isSafeInteger(p.size) || (p.size as number) < 0) fail('bad_payload', 'attachment size must be a byte count');
    if (typeof p.mime !== 'string' || !p.mime) fail('bad_payload', 'attachment mime must be a non-empty string');
    if (typeof p.name !== 'string') fail('bad_payload', 'attachment name must be a string');
    if (typeof p.source !== 'string' || !SOURCE.test(p.source)) fail('bad_payload', 'attachment source must be user, import or contact:<id>');
    if (!(p.claimed_at === null || typeof p.claimed_at === 'string' || Number.isSafeInteger(p.claimed_at)))
      fail('bad_payload', 'attachment claimed_at must be epoch ms, a string or null');
    if (p.event_seq !== undefined && (!Number.isSafeInteger(p.event_seq) || (p.event_seq as number) < 1 || (p.event_seq as number) >= seq))
      fail('bad_payload', 'attachment event_seq must name an earlier record');
  } else if (kind === 'correction') {
    if (!isObj(p)) fail('bad_payload', 'correction payload must be an object');
    if (!Number.isSafeInteger(p.corrects)) fail('bad_payload', 'correction must name the seq it corrects');
    if (!('replacement' in p)) fail('bad_payload', 'correction must carry a replacement payload');
    if (typeof p.reason !== 'string') fail('bad_payload', 'correction reason must be a string');
  } else if (kind === 'tombstone') {
    if (!isObj(p)) fail('bad_payload', 'tombstone payload must be an object');
    if (!Number.isSafeInteger(p.removes)) fail('bad_payload', 'tombstone must name the seq it removes');
    if (typeof p.reason !== 'string') fail('bad_payload', 'tombstone reason must be a string');
  }
}

/**
 * Parses one line of records.jsonl. The line must be exactly the canonical form of the record it holds
 * (so that every byte of the file is covered: `\u001F` for `\u001f`, a space or reordered keys all fail).
 */
export function parseRecordLine(line: string): EvidenceRecord {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    fail('bad_json', 'the line is not valid JSON');
  }
  checkRecordShape(v);
  if (canonicalize(v) !== line) fail('not_canonical', 'the line is not in canonical form (changed bytes or spacing)');
  return v;
}

// ---------------------------------------------------------------------------------------------
// Appending

function normalizePayload(payload: unknown): JsonValue {
  // Throws CanonicalizeError for non-JSON; the round trip drops undefined members so the record equals its stored form.
  return JSON.parse(canonicalize(payload)) as JsonValue;
}

/** Builds the next record after `prev` (null for the first). The payload must be plain JSON. */
export function appendRecord(prev: EvidenceRecord<unknown> | null, kind: EvidenceKind, payload: unknown, receivedAt: number): EvidenceRecord {
  if (!KIND.test(kind)) throw new RangeError(`kind: expected a lower-case identifier, got ${JSON.stringify(kind)}`);
  if (!Number.isSafeInteger(receivedAt) || receivedAt < 0) throw new RangeError(`receivedAt: expected epoch ms, got ${receivedAt}`);
  if (prev?.redacted) throw new RangeError('cannot append after a redacted record');
  const body = {
    seq: prev ? prev.seq + 1 : 1,
    kind,
    at_received: receivedAt,
    payload: normalizePayload(payload),
    prev_hash: prev ? prev.hash : GENESIS_HASH,
  };
  checkPayload(kind, body.payload, body.seq);
  return { ...body, hash: hashRecord(body.prev_hash, body) };
}

export function appendAttachment(prev: EvidenceRecord<unknown> | null, meta: AttachmentPayload, receivedAt: number): EvidenceRecord {
  return appendRecord(prev, 'attachment', meta, receivedAt);
}

export function appendCorrection(
  prev: EvidenceRecord<unknown> | null,
  corrects: number,
  replacement: unknown,
  reason: string,
  receivedAt: number,
): EvidenceRecord {
  if (!prev || corrects < 1 || corrects > prev.seq) throw new RangeError(`corrects: ${corrects} is not an earlier record`);
  const payload: CorrectionPayload = { corrects, replacement: replacement as JsonValue, reason }; // normalised by appendRecord
  return appendRecord(prev, 'correction', payload, receivedAt);
}

export function appendTombstone(prev: EvidenceRecord<unknown> | null, removes: number, reason: string, receivedAt: number): EvidenceRecord {
  if (!prev || removes < 1 || removes > prev.seq) throw new RangeError(`removes: ${removes} is not an earlier record`);
  const payload: TombstonePayload = { removes, reason };
  return appendRecord(prev, 'tombstone', payload, receivedAt);
}

// ---------------------------------------------------------------------------------------------
// Verifying

export type ChainProblem =
  | 'bad_json' // a line is not JSON
  | 'not_canonical' // a line is JSON but not byte-for-byte canonical
  | 'malformed' // wrong fields or types
  | 'bad_payload' // an attachment/correction/tombstone payload of the wrong shape
  | 'seq_mismatch' // seq is not position + 1: a record was removed, inserted or moved
  | 'prev_hash_mismatch' // prev_hash is not the previous record's hash
  | 'hash_mismatch' // the record's content does not give its hash: it was changed
  | 'bad_reference' // a correction/tombstone names a record it may not name
  | 'redacted_not_allowed' // a redacted record where the caller wants the full chain
  | 'count_mismatch' // fewer or more records than the caller knows there are (e.g. truncated)
  | 'head_mismatch'; // the last hash is not the head the caller knows (forged or truncated chain)

export type VerifyResult =
  | { ok: true; count: number; head: string; redacted: number }
  | { ok: false; index: number; seq: number | null; reason: ChainProblem; message: string };

export interface VerifyOptions {
  /** The head hash known from elsewhere (a printed document, a message sent to oneself): catches a rewritten or truncated chain. */
  expectedHead?: string;
  /** The record count known from elsewhere. */
  expectedCount?: number;
  /** Accept records marked redacted (a redacted export). Default false. */
  allowRedacted?: boolean;
}

interface Target {
  kind: string;
  removed: boolean;
}

/**
 * Incremental verifier: push records in file order, then finish(). Keeps only what references need
 * (each seq's kind and whether it was tombstoned), so it can check a chain streamed from a file.
 */
export class ChainVerifier {
  private prev = GENESIS_HASH;
  private index = 0;
  private redactedCount = 0;
  private failure: Extract<VerifyResult, { ok: false }> | null = null;
  private readonly targets: Target[] = [];
  private last: EvidenceRecord | null = null;

  constructor(private readonly opts: VerifyOptions = {}) {}

  get failed(): Extract<VerifyResult, { ok: false }> | null {
    return this.failure;
  }

  get head(): string {
    return this.prev;
  }

  get count(): number {
    return this.index;
  }

  /** The last record accepted (for streaming readers that need the parsed record of a line). */
  get lastRecord(): EvidenceRecord | null {
    return this.last;
  }

  private setFail(reason: ChainProblem, message: string, seq: number | null): Extract<VerifyResult, { ok: false }> {
    this.failure = { ok: false, index: this.index, seq, reason, message };
    return this.failure;
  }

  /** Pushes a line of records.jsonl (strict canonical parsing). */
  pushLine(line: string): Extract<VerifyResult, { ok: false }> | null {
    if (this.failure) return this.failure;
    let rec: EvidenceRecord;
    try {
      rec = parseRecordLine(line);
    } catch (e) {
      if (e instanceof EvidenceFormatError) {
        let seq: number | null = null;
        try {
          const s = (JSON.parse(line) as { seq?: unknown }).seq;
          if (Number.isSafeInteger(s)) seq = s as number;
        } catch {
          /* not JSON */
        }
        return this.setFail(e.reason, e.message, seq);
      }
      throw e;
    }
    return this.push(rec);
  }

  /** Pushes a parsed record; returns the failure (and keeps returning it) once one is found. */
  push(rec: unknown): Extract<VerifyResult, { ok: false }> | null {
    if (this.failure) return this.failure;
    try {
      checkRecordShape(rec);
    } catch (e) {
      if (e instanceof EvidenceFormatError) {
        const s = (rec as { seq?: unknown } | null)?.seq;
        return this.setFail(e.reason, e.message, Number.isSafeInteger(s) ? (s as number) : null);
      }
      throw e;
    }
    const expectedSeq = this.index + 1;
    if (rec.seq !== expectedSeq)
      return this.setFail('seq_mismatch', `record at position ${expectedSeq} has seq ${rec.seq}: a record was removed, inserted or moved`, rec.seq);
    if (rec.prev_hash !== this.prev)
      return this.setFail('prev_hash_mismatch', `record ${rec.seq} does not point to the hash of record ${rec.seq - 1}`, rec.seq);
    if (rec.redacted) {
      if (!this.opts.allowRedacted) return this.setFail('redacted_not_allowed', `record ${rec.seq} is redacted`, rec.seq);
      this.redactedCount++;
    } else if (hashRecord(this.prev, rec) !== rec.hash) {
      return this.setFail('hash_mismatch', `record ${rec.seq}'s content does not match its hash: it was changed`, rec.seq);
    }
    if (!rec.redacted && (rec.kind === 'correction' || rec.kind === 'tombstone')) {
      const p = rec.payload as Record<string, unknown>;
      const ref = (rec.kind === 'correction' ? p.corrects : p.removes) as number;
      const target = ref >= 1 && ref < rec.seq ? this.targets[ref - 1] : undefined;
      if (!target) return this.setFail('bad_reference', `record ${rec.seq} (${rec.kind}) names record ${ref}, which is not an earlier record`, rec.seq);
      if (target.kind === 'tombstone' || (rec.kind === 'correction' && target.kind === 'correction'))
        return this.setFail('bad_reference', `record ${rec.seq} (${rec.kind}) may not name record ${ref} (${target.kind})`, rec.seq);
      if (target.removed) return this.setFail('bad_reference', `record ${rec.seq} names record ${ref}, which was already deleted`, rec.seq);
      if (rec.kind === 'tombstone') target.removed = true;
    }
    this.targets.push({ kind: rec.kind, removed: false });
    this.prev = rec.hash;
    this.index++;
    this.last = rec;
    return null;
  }

  finish(): VerifyResult {
    if (this.failure) return this.failure;
    const { expectedCount, expectedHead } = this.opts;
    if (expectedCount !== undefined && expectedCount !== this.index)
      return this.setFail('count_mismatch', `the chain has ${this.index} records, ${expectedCount} expected`, null);
    if (expectedHead !== undefined && expectedHead !== this.prev)
      return this.setFail('head_mismatch', `the chain ends in ${this.prev}, not in the expected head ${expectedHead}`, this.index || null);
    return { ok: true, count: this.index, head: this.prev, redacted: this.redactedCount };
  }
}

/** Verifies a whole chain held in memory. On failure, index is the 0-based position of the first bad record. */
export function verifyChain(records: readonly unknown[], opts: VerifyOptions = {}): VerifyResult {
  const v = new ChainVerifier(opts);
  for (const r of records) if (v.push(r)) break;
  return v.finish();
}

/** Verifies records.jsonl text (one canonical record per line, `\n` after each, including the last). */
export function verifyChainText(text: string, opts: VerifyOptions = {}): VerifyResult {
  const s = new ChainTextStream(opts);
  s.write(text);
  return s.end();
}

export interface ChainTextStreamOptions extends VerifyOptions {
  /** Longest line accepted, in UTF-16 code units (default: no limit); a longer one fails as 'malformed'. */
  maxLineChars?: number;
  /** Called with each record the chain accepted, in order (index is 0-based). */
  onRecord?: (rec: EvidenceRecord, index: number) => void;
}

/**
 * records.jsonl checked as it streams: write() the text in pieces of any size (cut anywhere), then end().
 * Holds one line at a time (bounded by maxLineChars) plus what ChainVerifier keeps, so a bundle's chain is
 * verified without holding the file; the result is verifyChainText's for the whole text.
 */
export class ChainTextStream {
  private readonly v: ChainVerifier;
  private partial: string[] = [];
  private partialLen = 0;
  private any = false;
  private endsWithNewline = false;
  private failure: Extract<VerifyResult, { ok: false }> | null = null;

  constructor(private readonly opts: ChainTextStreamOptions = {}) {
    this.v = new ChainVerifier(opts);
  }

  /** The failure found so far (the caller may stop reading), or null. */
  get failed(): Extract<VerifyResult, { ok: false }> | null {
    return this.failure ?? this.v.failed;
  }

  private line(l: string): boolean {
    if (this.v.pushLine(l)) return false;
    this.opts.onRecord?.(this.v.lastRecord!, this.v.count - 1);
    return true;
  }

  private tooLong(): false {
    this.failure = {
      ok: false,
      index: this.v.count,
      seq: null,
      reason: 'malformed',
      message: `record ${this.v.count + 1} is longer than ${this.opts.maxLineChars} characters`,
    };
    return false;
  }

  /** Feeds more text; false once the chain has failed (later text is ignored). */
  write(text: string): boolean {
    if (this.failed) return false;
    if (text.length === 0) return true;
    this.any = true;
    this.endsWithNewline = text.charCodeAt(text.length - 1) === 10;
    const max = this.opts.maxLineChars ?? Infinity;
    let from = 0;
    for (;;) {
      const nl = text.indexOf('\n', from);
      if (nl < 0) break;
      let l = text.slice(from, nl);
      if (this.partialLen > 0) {
        this.partial.push(l);
        l = this.partial.join('');
        this.partial = [];
        this.partialLen = 0;
      }
      if (l.length > max) return this.tooLong();
      if (!this.line(l)) return false;
      from = nl + 1;
    }
    if (from < text.length) {
      const rest = text.slice(from);
      this.partialLen += rest.length;
      if (this.partialLen > max) return this.tooLong();
      this.partial.push(rest);
    }
    return true;
  }

  /** The result for everything written. */
  end(): VerifyResult {
    if (this.failure) return this.failure;
    const v = this.v;
    if (v.failed || !this.any) return v.finish();
    if (!this.endsWithNewline) {
      if (!this.line(this.partial.join(''))) return v.finish();
      return { ok: false, index: v.count - 1, seq: v.count, reason: 'malformed', message: 'records.jsonl must end with a newline' };
    }
    return v.finish();
  }
}

/** records.jsonl: each record's canonical JSON followed by "\n". */
export function recordsToJsonl(records: readonly EvidenceRecord<unknown>[]): string {
  let s = '';
  for (const r of records) s += serializeRecord(r) + '\n';
  return s;
}

/**
 * The same record as appendRecord, for a payload the caller has already canonicalized (the import
 * path writes hundreds of thousands of records: canonicalizing once instead of three times matters).
 * Only for kinds whose payload has no shape check (not attachment, correction or tombstone).
 */
export function appendCanonical(prev: { seq: number; hash: string } | null, kind: EvidenceKind, payloadText: string, receivedAt: number): { seq: number; kind: string; at_received: number; payloadText: string; prev_hash: string; hash: string } {
  if (kind === 'attachment' || kind === 'correction' || kind === 'tombstone') throw new RangeError(`appendCanonical: ${kind} records need appendRecord`);
  if (!KIND.test(kind)) throw new RangeError(`kind: expected a lower-case identifier, got ${JSON.stringify(kind)}`);
  if (!Number.isSafeInteger(receivedAt) || receivedAt < 0) throw new RangeError(`receivedAt: expected epoch ms, got ${receivedAt}`);
  const seq = prev ? prev.seq + 1 : 1;
  const prevHash = prev ? prev.hash : GENESIS_HASH;
  // Keys in canonical (sorted) order: at_received, kind, payload, prev_hash, seq.
  const body = `{"at_received":${receivedAt},"kind":${JSON.stringify(kind)},"payload":${payloadText},"prev_hash":"${prevHash}","seq":${seq}}`;
  return { seq, kind, at_received: receivedAt, payloadText, prev_hash: prevHash, hash: sha256Hex(prevHash + body) };
}
