/**
 * The organisation server's own key (issue 15): TOTP secrets are sealed with it (AES-256-GCM) before they reach the
 * database, so that a copy of the database (a dump, a backup, a replica) does not carry every staff member's second
 * factor in the clear.
 *
 * Where the key comes from: HUXUN_ORG_KEY (32 bytes, base64 or hex; several app servers behind a load balancer all
 * need the same one), else the file huxun.org-key in the server's data folder, created 0600 on the first start.
 * Losing it does not lose any case: the sealed secrets can no longer be opened, and the staff who used a second
 * factor enrol it again (an admin turns it off for them: the accounts page, or `huxun org user reset-totp`).
 *
 * A sealed value is 'hxs1:' + the key's fingerprint (8 hex of its SHA-256, so that a wrong key is named as such,
 * not taken for damaged data) + ':' + base64url(iv | tag | ciphertext); the account's id is the additional data, so
 * a value copied onto another account does not open. A value without the marker is an older plain secret: it is
 * sealed at the next start (sealPlainTotpSecrets) or login.
 */
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PRIVATE_FILE } from '../../store/private-fs.js';
import { AppError } from '../errors.js';

export const ORG_KEY_FILE = 'huxun.org-key';
export const ORG_KEY_ENV = 'HUXUN_ORG_KEY';
const MARK = 'hxs1:';

function parseKey(text: string, where: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) {
    throw new AppError('BAD_INPUT', `${where} 不是 32 字节的密钥（base64 或 64 位十六进制）。${where} is not a 32-byte key (base64 or 64 hex digits).`);
  }
  return key;
}

/** The server's key: HUXUN_ORG_KEY, else the data folder's key file, made (0600) when there is none. */
export function loadOrgKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  const fromEnv = env[ORG_KEY_ENV];
  if (fromEnv) return parseKey(fromEnv, ORG_KEY_ENV);
  const path = join(dataDir, ORG_KEY_FILE);
  if (!existsSync(path)) {
    // Written whole to a temp file, then linked into place: two servers starting on one folder at once get one key.
    const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    const fd = openSync(tmp, 'wx', PRIVATE_FILE);
    try {
      writeSync(fd, randomBytes(32).toString('base64') + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(tmp, path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      rmSync(tmp, { force: true });
    }
  }
  return parseKey(readFileSync(path, 'utf8'), path);
}

export const keyFingerprint = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);
export const isSealed = (stored: string) => stored.startsWith(MARK);
const aad = (userId: number) => Buffer.from(`huxun-totp:${userId}`);

export function sealSecret(key: Buffer, userId: number, secret: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(aad(userId));
  const ct = Buffer.concat([c.update(secret, 'utf8'), c.final()]);
  return `${MARK}${keyFingerprint(key)}:${Buffer.concat([iv, c.getAuthTag(), ct]).toString('base64url')}`;
}

const WRONG_KEY =
  '服务器的机构密钥不是加密这个账号两步验证时用的那个（HUXUN_ORG_KEY 或数据文件夹里的 huxun.org-key）。请换回原来的密钥；密钥已丢失时，请管理员关闭这个账号的两步验证，再重新设置。' +
  "The server's organisation key is not the one this account's second factor was sealed with (HUXUN_ORG_KEY or huxun.org-key in the data folder). Put the original key back; if it is lost, an admin turns off this account's second factor and the user enrols again.";

/** The plain secret of a stored value (an unsealed older value as it is); a clear error when the key is not the one it was sealed with. */
export function openSecret(key: Buffer, userId: number, stored: string): string {
  if (!isSealed(stored)) return stored;
  const [kid, body] = stored.slice(MARK.length).split(':');
  if (kid !== keyFingerprint(key) || !body) throw new AppError('LOCKED', WRONG_KEY, { org_key: 'wrong' });
  const raw = Buffer.from(body, 'base64url');
  try {
    const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    d.setAAD(aad(userId));
    d.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
  } catch {
    throw new AppError('LOCKED', WRONG_KEY, { org_key: 'wrong' });
  }
}
