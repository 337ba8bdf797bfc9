/**
 * Evidence bundle export (zip anyone can check with sha256sum or a browser) and verification. A bundle can be
 * exported encrypted under its own passphrase (HXSEAL1, docs/evidence-format.md): the zip is sealed as it is
 * written, and verify opens it into a private temp file first.
 */
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { EvidenceRecord } from '../domain/evidence/chain.js';
import { verifyBundle, writeBundle, type VerifyBundleResult, type WriteBundleResult } from '../export/bundle.js';
import * as repo from '../store/repo.js';
import { createWriteStream, isSealedFile, openReadStream, SealError, sealStream, unsealStream } from '../store/sealed.js';
import type { AppContext } from './context.js';
import { blobsOf } from './attachments.js';
import { AppError } from './errors.js';
import { rowToRecord } from './evidence.js';
import { queryEvents } from './timeline.js';

/** The file name suffix of an encrypted bundle: `huxun-evidence-20240612.zip.hxseal`. */
export const SEALED_BUNDLE_SUFFIX = '.hxseal';
/** Same floor as the database passphrase (settings.ts): a bundle travels, so a guessable one is worse here. */
const MIN_BUNDLE_PASSPHRASE = 6;
const MAX_BUNDLE_PASSPHRASE = 1024;

export interface ExportBundleOptions {
  redactThirdParties?: boolean;
  /** Seal the whole zip under this passphrase (scrypt + AES-256-GCM, docs/evidence-format.md). */
  encryptPassphrase?: string;
}

export type ExportBundleResult = WriteBundleResult & { encrypted: boolean };

function checkBundlePassphrase(p: string): void {
  if (p.length < MIN_BUNDLE_PASSPHRASE) throw new AppError('BAD_INPUT', `证据包口令至少 ${MIN_BUNDLE_PASSPHRASE} 个字符 the bundle passphrase needs at least ${MIN_BUNDLE_PASSPHRASE} characters`);
  if (p.length > MAX_BUNDLE_PASSPHRASE) throw new AppError('BAD_INPUT', `证据包口令太长 the bundle passphrase is too long (max ${MAX_BUNDLE_PASSPHRASE})`);
}

export async function exportBundle(ctx: AppContext, outPath: string, opts: ExportBundleOptions = {}): Promise<ExportBundleResult> {
  const encrypt = opts.encryptPassphrase != null;
  if (encrypt) checkBundlePassphrase(opts.encryptPassphrase!);
  const records: EvidenceRecord[] = [];
  for await (const r of repo.iterateEvidence(ctx.store.db, ctx.caseId)) records.push(rowToRecord(r));
  if (!records.length) throw new AppError('BAD_INPUT', '还没有任何证据记录：请先导入或添加记录 nothing recorded yet');
  const blobs = blobsOf(ctx);
  const attachments = await repo.listAttachments(ctx.store.db, ctx.caseId);
  for (const a of attachments) if (!(await blobs.has(ctx.caseId, a.sha256))) throw new AppError('CONFLICT', `附件文件缺失 attachment file missing: ${a.name ?? a.sha256}`);
  // Sealed or plain on disk, the bundle carries the plaintext (writeBundle re-hashes it against the chain).
  const open = async (sha256: string) => {
    const s = await blobs.openRead(ctx.caseId, sha256);
    if (!s) throw new AppError('CONFLICT', `附件文件缺失 attachment file missing: ${sha256}`);
    return s;
  };
  const events = await queryEvents(ctx);
  const contacts = await repo.listContacts(ctx.store.db, ctx.caseId);
  const collectors = await repo.listCollectors(ctx.store.db, ctx.caseId);
  const r = await writeBundle(resolve(outPath), {
    records,
    attachments: attachments.map((a) => ({ sha256: a.sha256, name: a.name ?? undefined, open: () => open(a.sha256) })),
    events,
    redactThirdParties: opts.redactThirdParties ?? false,
    thirdParties: { names: contacts.map((c) => c.name), numbers: contacts.flatMap((c) => c.numbers) },
    keepNumbers: collectors.flatMap((c) => c.numbers),
    caseInfo: { title: '催收证据 Collection evidence', caseId: ctx.caseId, exportedAt: ctx.now(), appVersion: '0.1.0' },
    outputTransform: encrypt ? sealStream({ passphrase: opts.encryptPassphrase! }) : undefined,
  }).catch((e: unknown) => {
    // An attachment file that does not open (sealed with no key, another key, or damaged) says which and why.
    if (e instanceof SealError) throw new AppError(e.code === 'SEAL_DAMAGED' ? 'CONFLICT' : 'LOCKED', `附件文件无法读取 an attachment file cannot be read: ${e.message}`);
    throw e;
  });
  return { ...r, encrypted: encrypt };
}

export interface VerifyBundleFileOptions {
  /** For an encrypted bundle (HXSEAL1): its passphrase. */
  passphrase?: string;
}

/** True when the file is an encrypted bundle (by its magic, whatever its name). */
export function isEncryptedBundle(path: string): boolean {
  try {
    return isSealedFile(path);
  } catch {
    return false;
  }
}

/**
 * Opens an encrypted bundle into a private temp folder (0700, the zip 0600), runs fn on the zip, and removes it
 * whatever happens. A wrong passphrase is a BAD_INPUT error that says so.
 */
export async function withDecryptedBundle<T>(path: string, passphrase: string, fn: (zipPath: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'huxun-bundle-'));
  try {
    const zip = join(dir, 'bundle.zip');
    try {
      await pipeline(createReadStream(path), unsealStream({ passphrase }), createWriteStream(zip, null, { flags: 'wx' }));
    } catch (e) {
      if (e instanceof SealError) {
        if (e.code === 'BAD_PASSPHRASE') throw new AppError('BAD_INPUT', '证据包口令不对，无法解密 wrong bundle passphrase: the bundle cannot be decrypted', { bundle_passphrase: 'wrong' });
        throw new AppError('BAD_INPUT', `无法解密证据包 cannot decrypt the bundle: ${e.message}`);
      }
      throw e;
    }
    return await fn(zip);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Decrypts an encrypted bundle to outPath (0600): the plain zip, which verifies like any other. */
export async function decryptBundleFile(path: string, passphrase: string, outPath: string): Promise<{ path: string }> {
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `${path}: 找不到文件 file not found`);
  if (!isEncryptedBundle(path)) throw new AppError('BAD_INPUT', `${path}: 不是加密的证据包 not an encrypted bundle`);
  await withDecryptedBundle(path, passphrase, async (zip) => {
    await pipeline(createReadStream(zip), createWriteStream(resolve(outPath), null, { flags: 'wx' }));
  });
  return { path: resolve(outPath) };
}

export async function verifyBundleFile(path: string, expectedHead?: string, opts: VerifyBundleFileOptions = {}): Promise<VerifyBundleResult> {
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `${path}: 找不到文件 file not found`);
  if (isEncryptedBundle(path)) {
    if (!opts.passphrase) {
      throw new AppError('BAD_INPUT', '证据包已加密，需要口令（HUXUN_BUNDLE_PASSPHRASE 或在终端输入）the bundle is encrypted: a passphrase is needed (HUXUN_BUNDLE_PASSPHRASE or the prompt)', {
        bundle_passphrase: 'needed',
      });
    }
    return withDecryptedBundle(path, opts.passphrase, (zip) => verifyBundle(zip, { expectedHead }));
  }
  return verifyBundle(path, { expectedHead });
}
