/**
 * Files at rest under a passphrase: attachments, staged uploads and encrypted bundles (issue 10, "a passphrase
 * protects everything"). The database has SQLCipher; these files need their own format, which is this one.
 *
 * Sealed file format ("HXSEAL1", version 1), all integers big-endian:
 *
 *   header (44 bytes)
 *     0  7  magic "HXSEAL1"
 *     7  1  version = 1
 *     8  1  kind: 0 = sealed with a 32-byte data key (keys.json), 1 = sealed with a passphrase (scrypt)
 *     9  1  kind 1: log2 of scrypt N; kind 0: 0
 *    10  1  kind 1: scrypt r;         kind 0: 0
 *    11  1  kind 1: scrypt p;         kind 0: 0
 *    12 16  salt, random per file
 *    28 16  key check: HMAC-SHA256(master, "huxun-seal-check" ‖ header[0..28]) truncated to 16 bytes
 *   chunks
 *     every chunk is up to 64 KiB of plaintext sealed with AES-256-GCM: ciphertext ‖ 16-byte tag.
 *     Every chunk but the last holds exactly 64 KiB; the last holds 0..64 KiB (an empty file is one empty last chunk).
 *
 * master = the data key (kind 0) or scrypt(passphrase, salt, N, r, p) (kind 1). The per-file key and nonce prefix
 * are HKDF-SHA256(master, salt, "huxun-seal-v1") = 32-byte key ‖ 7-byte prefix: a fresh key per file, so nonces
 * never repeat across files however many files one data key seals. Nonce of chunk i = prefix(7) ‖ i (uint32) ‖
 * last (1 byte: 1 on the last chunk, else 0); the additional data of every chunk is the whole 44-byte header.
 * So a changed byte, a changed header, reordered or dropped chunks, and a file cut at a chunk boundary (the
 * new last chunk was sealed with last = 0) all fail to open. The key check tells a wrong key or passphrase
 * apart from a damaged file, so the person gets the message that fits.
 *
 * Plain files: openReadStream reads a file that does not start with the magic as it is, also when a key is
 * set. That is deliberate: setting a passphrase converts existing files one by one (a crash leaves some plain),
 * and removing one converts them back. Attachments are content-addressed and re-hashed by `evidence check`,
 * so a plain file slipped in place of a sealed one is caught there, not here.
 *
 * keys.json (data folder, mode 0600) wraps one random 32-byte data key with AES-256-GCM under
 * scrypt(passphrase, salt): changing the passphrase rewraps the key without touching the files.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { closeSync, createReadStream as fsReadStream, createWriteStream as fsWriteStream, fsyncSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline as pipelineCb, Readable, Transform, Writable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export const SEAL_MAGIC = Buffer.from('HXSEAL1', 'latin1');
export const SEAL_VERSION = 1;
export const SEAL_HEADER_BYTES = 44;
export const SEAL_CHUNK = 64 * 1024;
const TAG = 16;
const SEALED_CHUNK = SEAL_CHUNK + TAG;
const KIND_KEY = 0;
const KIND_PASSPHRASE = 1;
const HKDF_INFO = Buffer.from('huxun-seal-v1');
const CHECK_LABEL = Buffer.from('huxun-seal-check');

/** scrypt N = 2^17, r = 8, p = 1 (128 MiB): measured 0.6 s on the 2-core dev machine, the slow side of the < 1 s budget. */
export const SCRYPT_DEFAULT = { N: 1 << 17, r: 8, p: 1 } as const;
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}
function maxmem(k: ScryptParams): number {
  return 128 * k.N * k.r + 64 * 1024 * 1024;
}

export type SealErrorCode = 'BAD_PASSPHRASE' | 'BAD_KEY' | 'SEAL_DAMAGED' | 'SEAL_LOCKED' | 'SEAL_UNSUPPORTED' | 'KEYS_DAMAGED';

/** Errors of this module carry a code the app layer maps to its messages; messages are zh-CN first, then English. */
export class SealError extends Error {
  constructor(
    readonly code: SealErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SealError';
  }
}

const MSG: Record<SealErrorCode, string> = {
  BAD_PASSPHRASE: '口令不对 wrong passphrase',
  BAD_KEY: '加密文件的密钥不对（不是用本数据文件夹的口令加密的）the file was sealed with another key',
  SEAL_DAMAGED: '加密文件已损坏或被改动 the encrypted file is damaged or was changed',
  SEAL_LOCKED: '文件已加密，需要口令 the file is encrypted: a passphrase is needed',
  SEAL_UNSUPPORTED: '不认识的加密文件版本 unsupported encrypted file version',
  KEYS_DAMAGED: 'keys.json 已损坏 keys.json is damaged',
};
function sealError(code: SealErrorCode, detail?: string): SealError {
  return new SealError(code, detail ? `${MSG[code]}: ${detail}` : MSG[code]);
}

/** True when the bytes start with the sealed-file magic (7 bytes are enough). */
export function isSealed(head: Uint8Array): boolean {
  return head.length >= SEAL_MAGIC.length && Buffer.from(head.buffer, head.byteOffset, SEAL_MAGIC.length).equals(SEAL_MAGIC);
}

/** Reads the first bytes of a file to tell sealed from plain. */
export function isSealedFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(SEAL_MAGIC.length);
    return readSync(fd, b, 0, b.length, 0) === b.length && isSealed(b);
  } finally {
    closeSync(fd);
  }
}

/** What seals a file: the data key, or a passphrase (with the scrypt cost to use when sealing). */
export type SealSecret = Buffer | { passphrase: string; scrypt?: ScryptParams };

interface FileKeys {
  key: Buffer;
  prefix: Buffer;
}

function log2(n: number): number {
  const l = Math.log2(n);
  if (!Number.isInteger(l) || l < 1 || l > 30) throw new RangeError(`scrypt N must be a power of two, got ${n}`);
  return l;
}

function deriveFile(master: Buffer, header: Buffer): FileKeys {
  const salt = header.subarray(12, 28);
  const okm = Buffer.from(hkdfSync('sha256', master, salt, HKDF_INFO, 39));
  return { key: okm.subarray(0, 32), prefix: okm.subarray(32, 39) };
}

function keyCheck(master: Buffer, header: Buffer): Buffer {
  return createHmac('sha256', master).update(CHECK_LABEL).update(header.subarray(0, 28)).digest().subarray(0, 16);
}

function passMaster(passphrase: string, salt: Buffer, k: ScryptParams): Promise<Buffer> {
  return new Promise((res, rej) => scrypt(passphrase.normalize('NFC'), salt, 32, { ...k, maxmem: maxmem(k) }, (e, key) => (e ? rej(e) : res(key))));
}

function checkKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== 32) throw new TypeError('a data key is 32 bytes');
}

/** A new header and the master key it goes with. */
async function newHeader(secret: SealSecret): Promise<{ header: Buffer; master: Buffer }> {
  const header = Buffer.alloc(SEAL_HEADER_BYTES);
  SEAL_MAGIC.copy(header, 0);
  header[7] = SEAL_VERSION;
  const salt = randomBytes(16);
  salt.copy(header, 12);
  let master: Buffer;
  if (Buffer.isBuffer(secret)) {
    checkKey(secret);
    header[8] = KIND_KEY;
    master = secret;
  } else {
    const k = secret.scrypt ?? SCRYPT_DEFAULT;
    header[8] = KIND_PASSPHRASE;
    header[9] = log2(k.N);
    header[10] = k.r;
    header[11] = k.p;
    master = await passMaster(secret.passphrase, salt, k);
  }
  keyCheck(master, header).copy(header, 28);
  return { header, master };
}

function newHeaderSync(key: Buffer): { header: Buffer; master: Buffer } {
  checkKey(key);
  const header = Buffer.alloc(SEAL_HEADER_BYTES);
  SEAL_MAGIC.copy(header, 0);
  header[7] = SEAL_VERSION;
  header[8] = KIND_KEY;
  randomBytes(16).copy(header, 12);
  keyCheck(key, header).copy(header, 28);
  return { header, master: key };
}

/** Checks a read header against the secret; returns the master key. */
async function openHeader(header: Buffer, secret: SealSecret): Promise<Buffer> {
  if (!isSealed(header)) throw sealError('SEAL_DAMAGED', 'no HXSEAL1 header');
  if (header[7] !== SEAL_VERSION) throw sealError('SEAL_UNSUPPORTED', `version ${header[7]}`);
  const kind = header[8];
  let master: Buffer;
  if (kind === KIND_KEY) {
    if (!Buffer.isBuffer(secret)) throw sealError('BAD_PASSPHRASE', '这个文件是用数据文件夹的密钥加密的，不是用单独的口令 the file is sealed with the data folder key, not a passphrase');
    checkKey(secret);
    master = secret;
  } else if (kind === KIND_PASSPHRASE) {
    if (Buffer.isBuffer(secret)) throw sealError('SEAL_LOCKED', '这个文件需要它自己的口令 the file is sealed with its own passphrase');
    const k = { N: 2 ** header[9]!, r: header[10]!, p: header[11]! };
    // A header is read before it is authenticated: refuse costs that would stall or exhaust memory.
    // (at most 1 GiB of scrypt memory and p ≤ 4: a hostile file must not take the machine's memory or minutes).
    if (header[9]! < 10 || header[9]! > 22 || k.r < 1 || k.r > 32 || k.p < 1 || k.p > 4 || 128 * k.N * k.r > 2 ** 30) throw sealError('SEAL_DAMAGED', 'scrypt parameters out of range');
    master = await passMaster(secret.passphrase, header.subarray(12, 28), k);
  } else throw sealError('SEAL_UNSUPPORTED', `kind ${kind}`);
  if (!timingSafeEqual(keyCheck(master, header), header.subarray(28, 44))) throw sealError(kind === KIND_KEY ? 'BAD_KEY' : 'BAD_PASSPHRASE');
  return master;
}

function nonce(prefix: Buffer, i: number, last: boolean): Buffer {
  if (i > 0xffffffff) throw new RangeError('sealed file too large (2^32 chunks)');
  const n = Buffer.alloc(12);
  prefix.copy(n, 0);
  n.writeUInt32BE(i, 7);
  n[11] = last ? 1 : 0;
  return n;
}

function sealChunk(fk: FileKeys, header: Buffer, i: number, last: boolean, plain: Buffer): Buffer {
  const c = createCipheriv('aes-256-gcm', fk.key, nonce(fk.prefix, i, last));
  c.setAAD(header);
  const body = c.update(plain);
  const rest = c.final(); // empty for GCM, kept for form
  return Buffer.concat([body, rest, c.getAuthTag()], body.length + rest.length + TAG);
}

function openChunk(fk: FileKeys, header: Buffer, i: number, last: boolean, sealed: Buffer): Buffer {
  const d = createDecipheriv('aes-256-gcm', fk.key, nonce(fk.prefix, i, last));
  d.setAAD(header);
  d.setAuthTag(sealed.subarray(sealed.length - TAG));
  try {
    const body = d.update(sealed.subarray(0, sealed.length - TAG));
    const rest = d.final();
    return rest.length ? Buffer.concat([body, rest]) : body;
  } catch {
    throw sealError('SEAL_DAMAGED', `chunk ${i}${last ? ' (last)' : ''} does not authenticate`);
  }
}

/**
 * Collects incoming buffers and hands out exact-size pieces, copying only a piece that spans two buffers (stream
 * sources allocate a fresh buffer per chunk, so views stay valid).
 */
class Pending {
  private parts: Buffer[] = [];
  length = 0;
  push(b: Buffer): void {
    if (b.length) {
      this.parts.push(b);
      this.length += b.length;
    }
  }
  take(n: number): Buffer {
    const first = this.parts[0];
    if (!first || n === 0) return Buffer.alloc(0);
    this.length -= n;
    if (first.length >= n) {
      if (first.length === n) this.parts.shift();
      else this.parts[0] = first.subarray(n);
      return first.subarray(0, n);
    }
    const out = Buffer.allocUnsafe(n);
    let off = 0;
    while (off < n) {
      const p = this.parts[0]!;
      const k = Math.min(p.length, n - off);
      p.copy(out, off, 0, k);
      off += k;
      if (k === p.length) this.parts.shift();
      else this.parts[0] = p.subarray(k);
    }
    return out;
  }
}

class SealTransform extends Transform {
  private header: Buffer | null = null;
  private fk: FileKeys | null = null;
  private ready: Promise<void> | null = null;
  private readonly pending = new Pending();
  private i = 0;
  constructor(private readonly secret: SealSecret) {
    super();
  }
  private start(): Promise<void> {
    this.ready ??= (async () => {
      const { header, master } = await newHeader(this.secret);
      this.header = header;
      this.fk = deriveFile(master, header);
      this.push(header);
    })();
    return this.ready;
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    // A throw inside the work (2^32 chunks) must reach cb too, hence the second then.
    this.start()
      .then(() => {
        this.pending.push(chunk);
        // Strictly more than a chunk: the last chunk (flag 1) is only known at the end, so one full chunk is kept back.
        while (this.pending.length > SEAL_CHUNK) this.push(sealChunk(this.fk!, this.header!, this.i++, false, this.pending.take(SEAL_CHUNK)));
      })
      .then(() => cb(), cb);
  }
  override _flush(cb: TransformCallback): void {
    this.start()
      .then(() => {
        this.push(sealChunk(this.fk!, this.header!, this.i++, true, this.pending.take(this.pending.length)));
      })
      .then(() => cb(), cb);
  }
}

class UnsealTransform extends Transform {
  private header: Buffer | null = null;
  private fk: FileKeys | null = null;
  private readonly pending = new Pending();
  private i = 0;
  constructor(private readonly secret: SealSecret) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.pending.push(chunk);
    this.step(false).then(() => cb(), cb);
  }
  override _flush(cb: TransformCallback): void {
    this.step(true).then(() => cb(), cb);
  }
  private async step(end: boolean): Promise<void> {
    if (!this.header) {
      if (this.pending.length < SEAL_HEADER_BYTES) {
        if (end) throw this.pending.length >= SEAL_MAGIC.length && !isSealed(this.pending.take(SEAL_MAGIC.length)) ? sealError('SEAL_DAMAGED', 'no HXSEAL1 header') : sealError('SEAL_DAMAGED', 'cut short in the header');
        return;
      }
      const header = this.pending.take(SEAL_HEADER_BYTES);
      const master = await openHeader(header, this.secret);
      this.header = header;
      this.fk = deriveFile(master, header);
    }
    while (this.pending.length > SEALED_CHUNK) this.push(openChunk(this.fk!, this.header, this.i++, false, this.pending.take(SEALED_CHUNK)));
    if (end) {
      if (this.pending.length < TAG) throw sealError('SEAL_DAMAGED', 'cut short');
      this.push(openChunk(this.fk!, this.header, this.i++, true, this.pending.take(this.pending.length)));
    }
  }
}

/** Encrypts a byte stream into the sealed format. A passphrase secret runs scrypt once, before the header goes out. */
export function sealStream(secret: SealSecret): Transform {
  if (Buffer.isBuffer(secret)) checkKey(secret);
  return new SealTransform(secret);
}

/** Decrypts the sealed format; fails (SealError) on a wrong key or passphrase, any changed byte, or a cut file. */
export function unsealStream(secret: SealSecret): Transform {
  return new UnsealTransform(secret);
}

/** Seals a whole buffer at once (MMS images written during an import, synchronously). */
export function sealBuffer(key: Buffer, plain: Buffer): Buffer {
  const { header, master } = newHeaderSync(key);
  const fk = deriveFile(master, header);
  const out: Buffer[] = [header];
  let i = 0;
  let off = 0;
  while (plain.length - off > SEAL_CHUNK) {
    out.push(sealChunk(fk, header, i++, false, plain.subarray(off, off + SEAL_CHUNK)));
    off += SEAL_CHUNK;
  }
  out.push(sealChunk(fk, header, i, true, plain.subarray(off)));
  return Buffer.concat(out);
}

function openKeyHeaderSync(header: Buffer, key: Buffer): FileKeys {
  if (header[7] !== SEAL_VERSION) throw sealError('SEAL_UNSUPPORTED', `version ${header[7]}`);
  if (header[8] !== KIND_KEY) throw sealError('SEAL_LOCKED', '这个文件需要它自己的口令 the file is sealed with its own passphrase');
  checkKey(key);
  if (!timingSafeEqual(keyCheck(key, header), header.subarray(28, 44))) throw sealError('BAD_KEY');
  return deriveFile(key, header);
}

/** Opens a whole sealed buffer (data-key files only); the inverse of sealBuffer. */
export function unsealBuffer(key: Buffer, sealed: Buffer): Buffer {
  if (sealed.length < SEAL_HEADER_BYTES + TAG || !isSealed(sealed)) throw sealError('SEAL_DAMAGED', 'cut short or no header');
  const header = sealed.subarray(0, SEAL_HEADER_BYTES);
  const fk = openKeyHeaderSync(header, key);
  const out: Buffer[] = [];
  let i = 0;
  let off = SEAL_HEADER_BYTES;
  while (sealed.length - off > SEALED_CHUNK) {
    out.push(openChunk(fk, header, i++, false, sealed.subarray(off, off + SEALED_CHUNK)));
    off += SEALED_CHUNK;
  }
  out.push(openChunk(fk, header, i, true, sealed.subarray(off)));
  return Buffer.concat(out);
}

/**
 * Reads a file as plaintext: through unsealStream when it is sealed, as it is when it is plain (also when a key
 * is set: files are converted one by one, see the top of this file). A sealed file with no key fails with
 * SEAL_LOCKED. Errors of the file and of decryption come out of the returned stream.
 */
export function openReadStream(path: string, key: Buffer | null, opts: { highWaterMark?: number } = {}): Readable {
  // The first bytes are read synchronously (7 bytes, one read) so the caller gets a stream at once, as with fs.
  let sealed: boolean;
  try {
    sealed = isSealedFile(path);
  } catch (e) {
    // Missing or unreadable: let the stream report it the way fs streams do.
    return fsReadStream(path, opts);
  }
  if (!sealed) return fsReadStream(path, opts);
  if (!key) {
    // Fails when first read, not at once: a caller that attaches its error handler after an await still gets it.
    return new Readable({
      read() {
        this.destroy(sealError('SEAL_LOCKED', path));
      },
    });
  }
  const src = fsReadStream(path, { highWaterMark: opts.highWaterMark ?? SEALED_CHUNK });
  const t = unsealStream(key);
  // The callback form wires errors both ways: a consumer that stops early destroys the file stream too.
  pipelineCb(src, t, () => undefined);
  return t;
}

/**
 * Reads up to n plaintext bytes from the start of a file, synchronously (format detection before an import).
 * Sealed files are decrypted chunk by chunk; plain files are read as they are.
 */
export function readHeadSync(path: string, key: Buffer | null, n = SEAL_CHUNK): Buffer {
  const fd = openSync(path, 'r');
  try {
    const first = Buffer.alloc(Math.max(n, SEAL_HEADER_BYTES));
    const got = readSync(fd, first, 0, first.length, 0);
    if (!isSealed(first.subarray(0, got))) return first.subarray(0, Math.min(got, n));
    if (!key) throw sealError('SEAL_LOCKED', path);
    if (got < SEAL_HEADER_BYTES) throw sealError('SEAL_DAMAGED', 'cut short in the header');
    const header = Buffer.from(first.subarray(0, SEAL_HEADER_BYTES));
    const fk = openKeyHeaderSync(header, key);
    const size = statSync(path).size;
    const out: Buffer[] = [];
    let have = 0;
    let pos = SEAL_HEADER_BYTES;
    for (let i = 0; have < n && pos < size; i++) {
      const last = size - pos <= SEALED_CHUNK;
      const len = last ? size - pos : SEALED_CHUNK;
      if (len < TAG) throw sealError('SEAL_DAMAGED', 'cut short');
      const buf = Buffer.alloc(len);
      if (readSync(fd, buf, 0, len, pos) !== len) throw sealError('SEAL_DAMAGED', 'cut short');
      const plain = openChunk(fk, header, i, last, buf);
      out.push(plain);
      have += plain.length;
      pos += len;
    }
    return Buffer.concat(out).subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * A writable for one file, mode 0600: sealed when key is set, plain otherwise. 'finish' comes after the last
 * byte reached the file, so `await pipeline(src, createWriteStream(p, key))` means the file is complete.
 */
export function createWriteStream(path: string, key: Buffer | null, opts: { flags?: string } = {}): Writable {
  if (!key) return fsWriteStream(path, { mode: 0o600, flags: opts.flags ?? 'w' });
  checkKey(key);
  const file = fsWriteStream(path, { mode: 0o600, flags: opts.flags ?? 'w' });
  const seal = sealStream(key);
  let done: Error | null | undefined; // undefined: still running
  let onDone: ((e: Error | null) => void) | null = null;
  pipelineCb(seal, file, (e) => {
    done = e ?? null;
    onDone?.(done);
    if (e && !w.destroyed) w.destroy(e);
  });
  const w = new Writable({
    write(chunk: Buffer, _enc, cb) {
      if (seal.write(chunk)) cb();
      else seal.once('drain', () => cb());
    },
    final(cb) {
      seal.end();
      if (done !== undefined) cb(done);
      else onDone = (e) => cb(e);
    },
    destroy(err, cb) {
      if (done === undefined) {
        seal.destroy(err ?? new Error('write stream destroyed'));
        file.destroy();
      }
      // Closed only once the file is: a caller that removes a partial file on error must not race its opening.
      if (file.closed) cb(err);
      else file.once('close', () => cb(err));
    },
  });
  return w;
}

// ---------------------------------------------------------------------------------------------------------------
// keys.json: the data key of a data folder, wrapped under the passphrase.

export const KEYS_FILE = 'keys.json';

interface KeysJson {
  v: 1;
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  /** base64, 16 bytes */
  salt: string;
  /** base64: 12-byte IV ‖ 32-byte encrypted data key ‖ 16-byte tag */
  wrapped: string;
}

const WRAP_AAD = Buffer.from('huxun-keys-v1');

function keysPath(dataDir: string): string {
  return join(dataDir, KEYS_FILE);
}

function readKeys(dataDir: string): KeysJson | null {
  let text: string;
  try {
    text = readFileSync(keysPath(dataDir), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  let k: KeysJson;
  try {
    k = JSON.parse(text) as KeysJson;
  } catch {
    throw sealError('KEYS_DAMAGED', 'not JSON');
  }
  if (k?.v !== 1 || k.kdf !== 'scrypt' || typeof k.salt !== 'string' || typeof k.wrapped !== 'string' || !Number.isInteger(k.N) || !Number.isInteger(k.r) || !Number.isInteger(k.p)) throw sealError('KEYS_DAMAGED', 'unknown layout');
  return k;
}

function unwrap(k: KeysJson, kek: Buffer): Buffer {
  const w = Buffer.from(k.wrapped, 'base64');
  if (w.length !== 12 + 32 + 16) throw sealError('KEYS_DAMAGED', 'wrapped key length');
  const d = createDecipheriv('aes-256-gcm', kek, w.subarray(0, 12));
  d.setAAD(WRAP_AAD);
  d.setAuthTag(w.subarray(44));
  try {
    return Buffer.concat([d.update(w.subarray(12, 44)), d.final()]);
  } catch {
    throw sealError('BAD_PASSPHRASE');
  }
}

function wrap(dataKey: Buffer, kek: Buffer): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', kek, iv);
  c.setAAD(WRAP_AAD);
  const body = Buffer.concat([c.update(dataKey), c.final()]);
  return Buffer.concat([iv, body, c.getAuthTag()]).toString('base64');
}

/**
 * The data folder's file key: null when there is no keys.json (no passphrase set); throws SealError with code
 * 'BAD_PASSPHRASE' when the passphrase does not unwrap it (also when none was given). Synchronous: scrypt
 * takes ~0.6 s once, at start.
 */
export function openFileKey(dataDir: string, passphrase?: string): Buffer | null {
  const k = readKeys(dataDir);
  if (!k) return null;
  if (!passphrase) throw sealError('BAD_PASSPHRASE', '附件已加密，需要口令 attachments are encrypted: a passphrase is needed');
  const p = { N: k.N, r: k.r, p: k.p };
  const kek = scryptSync(passphrase.normalize('NFC'), Buffer.from(k.salt, 'base64'), 32, { ...p, maxmem: maxmem(p) });
  return unwrap(k, kek);
}

/** keys.json written whole or not at all: temp file 0600, fsync, rename, fsync of the folder. */
async function writeKeys(dataDir: string, dataKey: Buffer, passphrase: string, params: ScryptParams): Promise<void> {
  const salt = randomBytes(16);
  const kek = await passMaster(passphrase, salt, params);
  const json: KeysJson = { v: 1, kdf: 'scrypt', N: params.N, r: params.r, p: params.p, salt: salt.toString('base64'), wrapped: wrap(dataKey, kek) };
  const final = keysPath(dataDir);
  const tmp = `${final}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    writeDurable(tmp, Buffer.from(JSON.stringify(json, null, 2) + '\n'));
    renameSync(tmp, final);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  syncDir(dataDir);
}

function writeDurable(path: string, bytes: Buffer): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every platform can fsync a folder (Windows); the rename is still atomic.
  }
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Content-addressed attachment files: per case, attachments/cases/<caseId>/xx/<sha256> (src/store/blobs.ts), and
 * the shared layout of older versions, attachments/xx/<sha256>, until the app has moved them; temp files are left
 * alone.
 */
function* attachmentFiles(dataDir: string): Generator<string> {
  const root = join(dataDir, 'attachments');
  yield* shaFiles(root);
  let cases: string[];
  try {
    cases = readdirSync(join(root, 'cases'));
  } catch {
    return;
  }
  for (const c of cases) if (/^[1-9][0-9]*$/.test(c)) yield* shaFiles(join(root, 'cases', c));
}

/** <dir>/xx/<sha256> files (the attachment layouts, old and per case: blobs.ts). */
export function* shaFiles(dir: string): Generator<string> {
  let dirs: string[];
  try {
    dirs = readdirSync(dir);
  } catch {
    return;
  }
  for (const d of dirs) {
    if (!/^[0-9a-f]{2}$/.test(d)) continue;
    let names: string[];
    try {
      names = readdirSync(join(dir, d));
    } catch {
      continue;
    }
    for (const n of names) if (/^[0-9a-f]{64}$/.test(n) && n.startsWith(d)) yield join(dir, d, n);
  }
}

/**
 * Rewrites one file in place through a temp file and a rename, so at every moment the path holds either the old
 * or the new form, each readable by openReadStream.
 */
export async function convertFile(path: string, fromKey: Buffer | null, toKey: Buffer | null): Promise<boolean> {
  const sealed = isSealedFile(path);
  if (sealed === !!toKey) return false; // already in the wanted form
  const tmp = join(dirname(path), `.convert-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await pipeline(openReadStream(path, fromKey), createWriteStream(tmp, toKey, { flags: 'wx' }));
    fsyncPath(tmp);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return true;
}

/** Seals every plain attachment file with key (and, with key null, opens every sealed one). Returns how many changed. */
export async function convertAttachments(dataDir: string, fromKey: Buffer | null, toKey: Buffer | null, skip: (e: unknown) => boolean = () => false): Promise<number> {
  let n = 0;
  for (const p of attachmentFiles(dataDir)) {
    try {
      if (await convertFile(p, fromKey, toKey)) n++;
    } catch (e) {
      if (!skip(e)) throw e;
    }
  }
  for (const d of new Set([...attachmentFiles(dataDir)].map((p) => dirname(p)))) syncDir(d);
  return n;
}

/** Synchronous twin of convertFile for opening one sealed file back to plain (used where no await may intervene). */
function openFileSync(path: string, key: Buffer): void {
  if (!isSealedFile(path)) return;
  const plain = unsealBuffer(key, readFileSync(path));
  const tmp = join(dirname(path), `.convert-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeDurable(tmp, plain);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * To call right after a sealed file was renamed into place, with no await in between: if the passphrase was
 * removed while the file was being written (keys.json gone), the file is opened back to plain now, while this
 * writer still holds the key; otherwise it would stay sealed under a key nobody has any more. Removal's last
 * sweep and the deletion of keys.json run synchronously, so on one thread one of the two always catches the file.
 */
export function settleSealedWrite(dataDir: string, path: string, key: Buffer | null): void {
  if (!key) return;
  try {
    statSync(keysPath(dataDir));
  } catch {
    openFileSync(path, key);
  }
}

/**
 * Sets, changes or removes the passphrase of the data folder's files. Returns the key now in force (null after
 * removal). Crash order, so that no step can leave a file nobody can read:
 *  - first set: keys.json is written first, then files are sealed one by one (temp + rename). A crash in between
 *    leaves some plain files, which openReadStream reads as they are; a later call seals them.
 *  - change: keys.json is rewrapped (one atomic rename); the files, sealed with the data key, stay as they are.
 *    Leftover plain files from an interrupted first set are sealed too.
 *  - remove (newPass ''): every file is opened back to plain first, keys.json is deleted last: until then the key
 *    still opens the files that are still sealed.
 * oldPass: the current passphrase (null or '' when none is set). Throws SealError BAD_PASSPHRASE when it does not
 * open keys.json, before anything changed. Once keys.json is written, set and change no longer throw (a file that
 * could not be sealed stays plain); remove throws only with keys.json still in place.
 */
export async function changeFilePassphrase(dataDir: string, oldPass: string | null, newPass: string, opts: { scrypt?: ScryptParams } = {}): Promise<Buffer | null> {
  const params = opts.scrypt ?? SCRYPT_DEFAULT;
  const current = readKeys(dataDir) ? openFileKey(dataDir, oldPass ?? '') : null;
  if (newPass === '') {
    if (!current) return null;
    // A file that does not open with the key (damaged) cannot be saved by anyone: it is left for `evidence check` to
    // report. Any other failure (disk full) throws with keys.json still in place, so every file still opens.
    const unopenable = (e: unknown) => e instanceof SealError && (e.code === 'SEAL_DAMAGED' || e.code === 'BAD_KEY' || e.code === 'SEAL_UNSUPPORTED');
    await convertAttachments(dataDir, current, null, unopenable);
    // Files sealed by writers that ran during the pass above: a last sweep with no await, then keys.json goes in the
    // same synchronous run (see settleSealedWrite for the writers that finish later).
    for (const p of attachmentFiles(dataDir)) {
      try {
        openFileSync(p, current);
      } catch (e) {
        if (!unopenable(e)) throw e;
      }
    }
    rmSync(keysPath(dataDir), { force: true });
    syncDir(dataDir);
    return null;
  }
  const key = current ?? randomBytes(32);
  await writeKeys(dataDir, key, newPass, params);
  // keys.json is in force from here on: throwing now would let the caller put the database back on the old
  // passphrase while the files need the new one. A file that cannot be sealed (disk full) stays plain, readable as
  // it is, and the next change of passphrase seals it.
  await convertAttachments(dataDir, key, key, () => true);
  return key;
}
