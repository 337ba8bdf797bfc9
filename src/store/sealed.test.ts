import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  changeFilePassphrase,
  createWriteStream,
  isSealed,
  isSealedFile,
  openFileKey,
  openReadStream,
  readHeadSync,
  SEAL_CHUNK,
  SEAL_HEADER_BYTES,
  sealBuffer,
  sealStream,
  settleSealedWrite,
  unsealBuffer,
  unsealStream,
  type SealError,
} from './sealed.js';

// Cheap scrypt for tests (the cost is stored in the file and keys.json, so the code paths are the same).
const FAST = { N: 1 << 10, r: 8, p: 1 };

async function collect(r: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of r) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

/** Feeds data in odd-sized pieces so chunk boundaries never line up with writes. */
function pieces(b: Buffer, size = 10_007): Readable {
  const out: Buffer[] = [];
  for (let i = 0; i < b.length; i += size) out.push(b.subarray(i, i + size));
  return Readable.from(out);
}

async function seal(secret: Parameters<typeof sealStream>[0], plain: Buffer): Promise<Buffer> {
  return collect(pieces(plain).pipe(sealStream(secret)));
}

async function unseal(secret: Parameters<typeof unsealStream>[0], sealed: Buffer): Promise<Buffer> {
  const t = unsealStream(secret);
  const [, out] = await Promise.all([pipeline(pieces(sealed, 7_001), t), collect(t)]);
  return out;
}

async function code(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return (e as SealError).code ?? (e as Error).message;
  }
  return 'no error';
}

describe('sealed streams', () => {
  const key = randomBytes(32);
  const sizes = [0, 1, SEAL_CHUNK - 1, SEAL_CHUNK, SEAL_CHUNK + 1, 1 << 20];

  it.each(sizes)('round trip of %i bytes (stream, buffer and head)', async (n) => {
    const plain = randomBytes(n);
    const sealed = await seal(key, plain);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed.length).toBe(SEAL_HEADER_BYTES + plain.length + 16 * Math.max(1, Math.ceil(n / SEAL_CHUNK)));
    expect((await unseal(key, sealed)).equals(plain)).toBe(true);
    expect(unsealBuffer(key, sealed).equals(plain)).toBe(true);
    expect((await unseal(key, sealBuffer(key, plain))).equals(plain)).toBe(true);
  });

  it('a passphrase-sealed stream opens with the passphrase and names a wrong one', async () => {
    const plain = randomBytes(SEAL_CHUNK * 2 + 5);
    const sealed = await seal({ passphrase: '口令 one', scrypt: FAST }, plain);
    expect((await unseal({ passphrase: '口令 one' }, sealed)).equals(plain)).toBe(true);
    expect(await code(unseal({ passphrase: 'two' }, sealed))).toBe('BAD_PASSPHRASE');
    expect(await code(unseal(key, sealed))).toBe('SEAL_LOCKED');
  });

  it('a changed byte anywhere is an error', async () => {
    const plain = randomBytes(SEAL_CHUNK * 2 + 100);
    const sealed = await seal(key, plain);
    for (const at of [20, SEAL_HEADER_BYTES + 3, SEAL_HEADER_BYTES + SEAL_CHUNK + 20, sealed.length - 1]) {
      const bad = Buffer.from(sealed);
      bad[at]! ^= 1;
      expect(await code(unseal(key, bad)), `byte ${at}`).toMatch(/SEAL_DAMAGED|BAD_KEY/);
      expect(() => unsealBuffer(key, bad)).toThrow();
    }
  });

  it('a cut file is an error: the last chunk dropped, cut inside a chunk, or cut to the header', async () => {
    const plain = randomBytes(SEAL_CHUNK * 3);
    const sealed = await seal(key, plain);
    const chunk = SEAL_CHUNK + 16;
    expect(await code(unseal(key, sealed.subarray(0, sealed.length - chunk)))).toBe('SEAL_DAMAGED');
    expect(await code(unseal(key, sealed.subarray(0, sealed.length - 100)))).toBe('SEAL_DAMAGED');
    expect(await code(unseal(key, sealed.subarray(0, SEAL_HEADER_BYTES)))).toBe('SEAL_DAMAGED');
    expect(await code(unseal(key, sealed.subarray(0, 20)))).toBe('SEAL_DAMAGED');
    // Two chunks swapped.
    const h = SEAL_HEADER_BYTES;
    const swapped = Buffer.concat([sealed.subarray(0, h), sealed.subarray(h + chunk, h + 2 * chunk), sealed.subarray(h, h + chunk), sealed.subarray(h + 2 * chunk)]);
    expect(await code(unseal(key, swapped))).toBe('SEAL_DAMAGED');
  });

  it('a wrong key is an error', async () => {
    const sealed = await seal(key, randomBytes(1000));
    expect(await code(unseal(randomBytes(32), sealed))).toBe('BAD_KEY');
    expect(() => unsealBuffer(randomBytes(32), sealed)).toThrow(/密钥不对/);
  });
});

describe('sealed files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'huxun-sealed-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const key = randomBytes(32);

  it('writes 0600, sealed with a key and plain without; reads both with a key', async () => {
    const plain = randomBytes(200_000);
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    await pipeline(pieces(plain), createWriteStream(a, key));
    await pipeline(pieces(plain), createWriteStream(b, null));
    expect(statSync(a).mode & 0o777).toBe(0o600);
    expect(statSync(b).mode & 0o777).toBe(0o600);
    expect(isSealedFile(a)).toBe(true);
    expect(readFileSync(a).includes(plain.subarray(0, 64))).toBe(false);
    expect((await collect(openReadStream(a, key))).equals(plain)).toBe(true);
    expect((await collect(openReadStream(b, key))).equals(plain)).toBe(true);
    expect((await collect(openReadStream(b, null))).equals(plain)).toBe(true);
    expect(await code(collect(openReadStream(a, null)))).toBe('SEAL_LOCKED');
    expect(readHeadSync(a, key, 100_000).equals(plain.subarray(0, 100_000))).toBe(true);
    expect(readHeadSync(b, key, 10).equals(plain.subarray(0, 10))).toBe(true);
    expect(await code(collect(openReadStream(join(dir, 'missing'), key)))).toBe('ENOENT');
  });

  it('keys.json: none → null; wrong passphrase → BAD_PASSPHRASE; mode 0600; change rewraps; remove opens the files', async () => {
    expect(openFileKey(dir)).toBeNull();
    mkdirSync(join(dir, 'attachments', 'ab'), { recursive: true });
    const plain = randomBytes(70_000);
    const file = join(dir, 'attachments', 'ab', 'ab' + '0'.repeat(62));
    writeFileSync(file, plain);

    const k1 = await changeFilePassphrase(dir, null, 'first 口令', { scrypt: FAST });
    expect(k1).toHaveLength(32);
    expect(statSync(join(dir, 'keys.json')).mode & 0o777).toBe(0o600);
    const kj = JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8'));
    expect(kj).toMatchObject({ v: 1, kdf: 'scrypt', N: FAST.N, r: 8, p: 1 });
    expect(openFileKey(dir, 'first 口令')!.equals(k1!)).toBe(true);
    expect(() => openFileKey(dir, 'nope')).toThrow(expect.objectContaining({ code: 'BAD_PASSPHRASE' }));
    expect(() => openFileKey(dir)).toThrow(expect.objectContaining({ code: 'BAD_PASSPHRASE' }));
    expect(isSealedFile(file)).toBe(true);
    expect((await collect(openReadStream(file, k1))).equals(plain)).toBe(true);

    await expect(changeFilePassphrase(dir, 'nope', 'x', { scrypt: FAST })).rejects.toMatchObject({ code: 'BAD_PASSPHRASE' });
    const k2 = await changeFilePassphrase(dir, 'first 口令', 'second', { scrypt: FAST });
    expect(k2!.equals(k1!)).toBe(true);
    expect(() => openFileKey(dir, 'first 口令')).toThrow(expect.objectContaining({ code: 'BAD_PASSPHRASE' }));
    expect(openFileKey(dir, 'second')!.equals(k1!)).toBe(true);
    expect(statSync(join(dir, 'keys.json')).mode & 0o777).toBe(0o600);

    // A writer that sealed a file while the passphrase was being removed opens it back once keys.json is gone.
    const late = join(dir, 'attachments', 'ab', 'ab' + '1'.repeat(62));
    writeFileSync(late, sealBuffer(k1!, plain));
    settleSealedWrite(dir, late, k1);
    expect(isSealedFile(late)).toBe(true);

    // A damaged sealed file does not block removal (nobody can open it); the others are opened.
    const broken = join(dir, 'attachments', 'ab', 'ab' + '2'.repeat(62));
    const bb = sealBuffer(k1!, plain);
    bb[bb.length - 1]! ^= 1;
    writeFileSync(broken, bb);

    expect(await changeFilePassphrase(dir, 'second', '')).toBeNull();
    expect(readFileSync(broken).equals(bb)).toBe(true);
    writeFileSync(late, sealBuffer(k1!, plain));
    settleSealedWrite(dir, late, k1);
    expect(readFileSync(late).equals(plain)).toBe(true);
    expect(openFileKey(dir)).toBeNull();
    expect(isSealedFile(file)).toBe(false);
    expect(readFileSync(file).equals(plain)).toBe(true);
  });
});
