/**
 * Shared plumbing of the streaming parsers: input iteration, text decoding with encoding detection,
 * progress, abort, and the stable dedupe-key hash.
 */
import { hash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { DEFAULT_TZ, isValidTimeZone } from '../domain/time.js';
import type { ImportInput, ImportOptions } from './types.js';

export type TextEncodingId = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Iterates an input as Buffer or string chunks (a Readable is itself async-iterable). */
export async function* chunksOf(input: ImportInput): AsyncGenerator<Buffer | string> {
  for await (const c of input as AsyncIterable<unknown>) {
    if (typeof c === 'string') yield c;
    else if (Buffer.isBuffer(c)) yield c;
    else if (c instanceof Uint8Array) yield Buffer.from(c.buffer, c.byteOffset, c.byteLength);
    else throw new TypeError('import input must yield Buffer, Uint8Array or string chunks');
  }
}

/** Raised by StreamDecoder when the bytes are not in the encoding; `valid` is the text decoded before the bad byte. */
export class DecodeError extends Error {
  constructor(
    message: string,
    readonly valid: string,
  ) {
    super(message);
    this.name = 'DecodeError';
  }
}

export interface DecoderOptions {
  /**
   * 'utf8': UTF-8 (BOM optional) or UTF-16 with a BOM; any invalid byte is an error (XML).
   * 'auto': as 'utf8', plus UTF-16 without BOM by its NUL pattern, and GB18030/GBK when the first
   * non-ASCII bytes are not valid UTF-8 (CSV, vCard).
   */
  mode: 'utf8' | 'auto';
}

const HEAD_BYTES = 512;
const SNIFF_BYTES = 4096;

/**
 * Streaming bytes → text with encoding detection. Pure ASCII passes through before a decision is needed,
 * so the decision is taken on the first non-ASCII bytes (up to 4 KiB of them), not on a header line.
 */
export class StreamDecoder {
  encoding: TextEncodingId | null = null;
  private head: Buffer[] = [];
  private headLen = 0;
  private started = false;
  private pending: Buffer | null = null; // undecided bytes from the first non-ASCII byte on
  private carry: Buffer = Buffer.alloc(0); // incomplete UTF-8 sequence at a chunk end
  private iconvDecoder: { write(b: Buffer): string; end(): string | undefined } | null = null;

  constructor(private readonly opts: DecoderOptions) {}

  push(chunk: Buffer): string {
    if (!this.started) {
      this.head.push(chunk);
      this.headLen += chunk.length;
      if (this.headLen < HEAD_BYTES) return '';
      return this.start(Buffer.concat(this.head), false);
    }
    return this.feed(chunk, false);
  }

  end(): string {
    let out = '';
    if (!this.started) out += this.start(Buffer.concat(this.head), true);
    else out += this.feed(Buffer.alloc(0), true);
    if (this.iconvDecoder) out += this.iconvDecoder.end() ?? '';
    return out;
  }

  private start(buf: Buffer, final: boolean): string {
    this.started = true;
    this.head = [];
    if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
      this.encoding = 'utf-8';
      return this.feed(buf.subarray(3), final);
    }
    if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return this.useIconv('utf-16le', buf.subarray(2));
    if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return this.useIconv('utf-16be', buf.subarray(2));
    if (this.opts.mode === 'utf8') {
      this.encoding = 'utf-8';
    } else {
      const n = Math.min(buf.length, HEAD_BYTES) & ~1;
      let evenZero = 0;
      let oddZero = 0;
      for (let i = 0; i < n; i += 2) {
        if (buf[i] === 0) evenZero++;
        if (buf[i + 1] === 0) oddZero++;
      }
      const pairs = n / 2;
      if (pairs >= 2 && oddZero >= pairs * 0.3 && evenZero <= pairs * 0.05) return this.useIconv('utf-16le', buf);
      if (pairs >= 2 && evenZero >= pairs * 0.3 && oddZero <= pairs * 0.05) return this.useIconv('utf-16be', buf);
    }
    return this.feed(buf, final);
  }

  private useIconv(enc: TextEncodingId, rest: Buffer): string {
    this.encoding = enc;
    this.iconvDecoder = iconv.getDecoder(enc, { stripBOM: false });
    return this.iconvDecoder.write(rest);
  }

  private feed(chunk: Buffer, final: boolean): string {
    if (this.iconvDecoder) return this.iconvDecoder.write(chunk);
    if (this.encoding === 'utf-8') return this.utf8(chunk, final);
    // Undecided: ASCII passes through; from the first non-ASCII byte on, collect SNIFF_BYTES and decide.
    if (this.pending == null) {
      let i = 0;
      while (i < chunk.length && chunk[i]! < 0x80) i++;
      const ascii = chunk.toString('latin1', 0, i);
      if (i === chunk.length) return ascii;
      this.pending = chunk.subarray(i);
      return ascii + this.decide(final);
    }
    this.pending = Buffer.concat([this.pending, chunk]);
    return this.decide(final);
  }

  private decide(final: boolean): string {
    const p = this.pending!;
    if (p.length < SNIFF_BYTES && !final) return '';
    this.pending = null;
    if (this.opts.mode === 'utf8') {
      this.encoding = 'utf-8';
      return this.utf8(p, final);
    }
    const probe = final ? p : p.subarray(0, p.length - incompleteTail(p));
    if (isUtf8(probe)) {
      this.encoding = 'utf-8';
      return this.utf8(p, final);
    }
    return this.useIconv('gb18030', p);
  }

  private utf8(chunk: Buffer, final: boolean): string {
    const buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const tail = incompleteTail(buf);
    const body = tail > 0 ? buf.subarray(0, buf.length - tail) : buf;
    this.carry = tail > 0 && !final ? Buffer.from(buf.subarray(buf.length - tail)) : Buffer.alloc(0);
    if (isUtf8(body)) {
      const text = body.toString('utf8');
      if (final && tail > 0) throw new DecodeError(TRUNCATED, text);
      return text;
    }
    const bad = firstInvalidUtf8(body);
    throw new DecodeError(
      '不是有效的 UTF-8 文本（编码不对？）/ not valid UTF-8 text (wrong encoding?)',
      body.toString('utf8', 0, Math.max(0, bad)),
    );
  }
}

const TRUNCATED = '文件在一个多字节字符中间结束（被截断？）/ file ends inside a multi-byte character (truncated?)';

/** Number of bytes at the end of buf that start a UTF-8 sequence not yet complete (0–3). */
export function incompleteTail(buf: Buffer): number {
  const n = buf.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const b = buf[n - k]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > k && b >= 0xc0 && b <= 0xf4 ? k : 0;
  }
  return 0;
}

/** Index of the first byte where buf stops being valid UTF-8, or -1. Only for the error path. */
export function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  const n = buf.length;
  while (i < n) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) (need = 1), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (need = 2), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (need = 3), (min = 0x10000);
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Stable dedupe key: hex sha256 of the JSON array of the identifying fields. */
export function stableKey(parts: readonly unknown[]): string {
  return hash('sha256', JSON.stringify(parts), 'hex');
}

/**
 * Byte-count progress, reported at most every 256 KiB and once at the end. After restart() (the input
 * read again from its start) nothing is reported until the new pass gets past where the last one was,
 * so the numbers never go back.
 */
export class Progress {
  bytes = 0;
  records = 0;
  private lastReport = 0;
  private reached = 0;
  constructor(private readonly opts: ImportOptions) {}

  add(chunk: Buffer | string): void {
    this.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    if (this.opts.onProgress && this.bytes - this.lastReport >= 262144 && this.bytes >= this.reached) this.report();
  }

  report(): void {
    this.lastReport = this.bytes;
    this.opts.onProgress?.({ bytesRead: Math.max(this.bytes, this.reached), bytesTotal: this.opts.bytesTotal ?? 0, records: this.records });
  }

  restart(): void {
    this.reached = Math.max(this.reached, this.bytes);
    this.bytes = 0;
    this.lastReport = 0;
  }
}

/** opts.tz or Asia/Shanghai; an unknown zone is a caller error (RangeError), not a format error. */
export function resolveTz(opts: ImportOptions): string {
  const tz = opts.tz ?? DEFAULT_TZ;
  if (!isValidTimeZone(tz)) throw new RangeError(`unknown time zone ${JSON.stringify(tz)}`);
  return tz;
}
