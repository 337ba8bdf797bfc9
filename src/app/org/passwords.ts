/** Password hashing (argon2id through @node-rs/argon2, OWASP's minimum: 19 MiB, t=2, p=1) and TOTP (RFC 6238). */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

const ARGON = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), ARGON);
}

/** Verified against a hash of nothing when the account does not exist: the answer then takes as long (no enumeration by timing). */
let dummy: Promise<string> | null = null;
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  const h = stored ?? (await (dummy ??= hashPassword(randomBytes(16).toString('hex'))));
  try {
    const ok = await verify(h, password.normalize('NFC'));
    return ok && stored !== null;
  } catch {
    return false;
  }
}

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A new TOTP secret: 160 random bits in base32 (32 characters), as authenticator apps take it. */
export function newTotpSecret(): string {
  const bytes = randomBytes(20);
  let bits = '';
  for (const b of bytes) bits += b.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += B32[parseInt(bits.slice(i, i + 5), 2)];
  return out;
}

function base32Decode(s: string): Buffer {
  let bits = '';
  for (const c of s.replace(/=+$/, '').toUpperCase()) {
    const v = B32.indexOf(c);
    if (v < 0) throw new Error('not base32');
    bits += v.toString(2).padStart(5, '0');
  }
  const out: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) out.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(out);
}

/** The 6-digit code of a 30-second step (RFC 6238, HMAC-SHA1, as every authenticator app uses). */
export function totpCode(secret: string, atMs: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(atMs / 1000 / 30)));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const off = mac[mac.length - 1]! & 0x0f;
  const n = (mac.readUInt32BE(off) & 0x7fffffff) % 1_000_000;
  return String(n).padStart(6, '0');
}

/** The 30-second step a code belongs to: the current step or one either side (clock drift of a phone), else null. */
export function totpStep(secret: string, code: string, atMs: number): number | null {
  const got = Buffer.from(code.padEnd(6).slice(0, 6));
  for (const d of [-1, 0, 1]) {
    const at = atMs + d * 30_000;
    if (timingSafeEqual(Buffer.from(totpCode(secret, at)), got)) return Math.floor(at / 1000 / 30);
  }
  return null;
}

/** Accepts the current step and one either side (clock drift of a phone). */
export function checkTotp(secret: string, code: string, atMs: number): boolean {
  return totpStep(secret, code, atMs) !== null;
}

export function otpauthUri(secret: string, username: string): string {
  return `otpauth://totp/${encodeURIComponent('Huxun:' + username)}?secret=${secret}&issuer=Huxun&algorithm=SHA1&digits=6&period=30`;
}
