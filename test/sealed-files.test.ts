/**
 * Issue 10, "a passphrase protects everything", for files: with a file key, attachments, MMS images and staged
 * uploads are sealed on disk, while hashes, evidence checks and bundles see the plaintext; setting and removing
 * the passphrase converts the files; bundles can be exported encrypted and verified after decryption.
 * Real SQLite store, real zip.
 */
import { createHash, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { addAttachment, checkAttachmentFiles } from '../src/app/attachments.js';
import { decryptBundleFile, exportBundle, isEncryptedBundle, verifyBundleFile } from '../src/app/bundle.js';
import type { OpenedApp } from '../src/app/context.js';
import { importFile } from '../src/app/import.js';
import { FsBlobStore } from '../src/store/blobs.js';
import { jobStatus, startUploadImport } from '../src/app/jobs.js';
import { openApp } from '../src/app/context.js';
import { setPassphrase } from '../src/app/settings.js';
import { changeFilePassphrase, createWriteStream, isSealedFile, openFileKey } from '../src/store/sealed.js';
import { runCli, tempDataDir } from './support/cli.js';
import { callsXml, sampleCase, smsXml } from './support/backup.js';
import { openTestApp } from './support/stores.js';

/** The file of an attachment of the local app's case (case 1), per case since issue 15 (src/store/blobs.ts). */
const attachmentPath = (dataDir: string, sha256: string) => new FsBlobStore(dataDir, () => null).pathOf(1, sha256);
/** Every file (not folder) under dir, relative. */
const filesUnder = (dir: string) => (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[]).filter((d) => d.isFile()).map((d) => join(d.parentPath ?? d.path, d.name).slice(dir.length));

// Cheap scrypt for keys.json in tests; its cost is stored in the file, so the code path is the real one.
const FAST = { N: 1 << 10, r: 8, p: 1 };
const opened: OpenedApp[] = [];
afterAll(async () => {
  for (const o of opened) await o.close();
});

async function app(): Promise<OpenedApp> {
  const o = await openTestApp('sqlite');
  opened.push(o);
  return o;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const outDir = () => mkdtempSync(join(tmpdir(), 'huxun-sealed-out-'));

async function addBytes(o: OpenedApp, name: string, bytes: Buffer) {
  return addAttachment(o.ctx, { name, stream: Readable.from([bytes]) });
}

function unzipEntry(zip: string, folder: string, entry: string): Buffer {
  return execFileSync('unzip', ['-p', zip, `${folder}/${entry}`], { maxBuffer: 64 << 20 });
}

const IMAGE = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(3000)]);
function mmsBackup(): string {
  const mms =
    `  <mms date="1781240000000" msg_box="1" address="17012345678" read="1" sub_id="1" m_type="132" text_only="0" contact_name="(Unknown)">\n` +
    `    <parts>\n      <part seq="0" ct="image/png" name="a.png" chset="null" cl="a.png" text="null" data="${IMAGE.toString('base64')}" />\n` +
    `      <part seq="0" ct="text/plain" name="null" chset="106" text="这是我们上门拍的照片" />\n    </parts>\n` +
    `    <addrs>\n      <addr address="17012345678" type="137" charset="106" />\n    </addrs>\n  </mms>\n`;
  return smsXml(sampleCase().sms).replace('</smses>', `${mms}</smses>`);
}

describe('sealed attachment files (real SQLite)', () => {
  it('with a key, an attachment is sealed on disk, hashed as plaintext, checks, and goes into a bundle as plaintext', async () => {
    const o = await app();
    o.ctx.fileKey = await changeFilePassphrase(o.ctx.dataDir, null, '一个口令 pass', { scrypt: FAST });
    expect(statSync(join(o.ctx.dataDir, 'keys.json')).mode & 0o777).toBe(0o600);
    const bytes = Buffer.concat([Buffer.from('录音 recording '), randomBytes(150_000)]);
    const a = await addBytes(o, 'rec_20240612_201500.m4a', bytes);
    expect(a.sha256).toBe(sha(bytes));
    expect(a.size).toBe(bytes.length);
    const p = attachmentPath(o.ctx.dataDir, a.sha256);
    const disk = readFileSync(p);
    expect(isSealedFile(p)).toBe(true);
    expect(disk.includes(bytes.subarray(0, 32))).toBe(false);
    expect(disk.includes(bytes.subarray(100_000, 100_032))).toBe(false);
    expect(statSync(p).mode & 0o777).toBe(0o600);
    // No temp file left behind in the attachments folder.
    expect(filesUnder(join(o.ctx.dataDir, 'attachments')).filter((n) => n.includes('/.'))).toEqual([]);

    expect(await checkAttachmentFiles(o.ctx)).toMatchObject({ ok: true, checked: 1 });

    const zip = join(outDir(), 'b.zip');
    const r = await exportBundle(o.ctx, zip);
    expect(r.encrypted).toBe(false);
    expect(statSync(zip).mode & 0o777).toBe(0o600);
    expect(unzipEntry(zip, r.folder, `attachments/${a.sha256}`).equals(bytes)).toBe(true);
    expect(await verifyBundleFile(zip)).toMatchObject({ ok: true, attachments: 1 });

    // The same folder without the key: the file is reported unreadable, not silently "changed" or passed.
    const locked = { ...o.ctx, fileKey: null };
    const check = await checkAttachmentFiles(locked);
    expect(check.ok).toBe(false);
    expect(check.bad[0]!.problem).toMatch(/unreadable/);
    await expect(exportBundle(locked, join(outDir(), 'x.zip'))).rejects.toMatchObject({ code: 'LOCKED' });

    // A changed byte in the sealed file: evidence check says "changed".
    disk[disk.length - 5]! ^= 1;
    writeFileSync(p, disk);
    expect((await checkAttachmentFiles(o.ctx)).bad).toEqual([expect.objectContaining({ sha256: a.sha256, problem: 'changed' })]);
  });

  it('setting a passphrase seals existing plain attachments, changing it rewraps, removing it opens them again', async () => {
    const o = await app();
    const one = randomBytes(70_000);
    const two = Buffer.from('截图 screenshot');
    const a = await addBytes(o, 'one.png', one);
    const b = await addBytes(o, 'two.txt', two);
    const pa = attachmentPath(o.ctx.dataDir, a.sha256);
    const pb = attachmentPath(o.ctx.dataDir, b.sha256);
    expect(isSealedFile(pa) || isSealedFile(pb)).toBe(false);

    const key = await changeFilePassphrase(o.ctx.dataDir, null, 'first pass', { scrypt: FAST });
    o.ctx.fileKey = key;
    expect(isSealedFile(pa) && isSealedFile(pb)).toBe(true);
    expect(readFileSync(pa).includes(one.subarray(0, 32))).toBe(false);
    expect(await checkAttachmentFiles(o.ctx)).toMatchObject({ ok: true, checked: 2 });

    // A plain file left by an interrupted first set (or restored from elsewhere) still reads, and the next change seals it.
    const c = randomBytes(1000);
    o.ctx.fileKey = null;
    const ac = await addBytes(o, 'three.bin', c);
    o.ctx.fileKey = key;
    const pc = attachmentPath(o.ctx.dataDir, ac.sha256);
    expect(isSealedFile(pc)).toBe(false);
    expect(await checkAttachmentFiles(o.ctx)).toMatchObject({ ok: true, checked: 3 });
    await expect(changeFilePassphrase(o.ctx.dataDir, 'wrong', 'second pass', { scrypt: FAST })).rejects.toMatchObject({ code: 'BAD_PASSPHRASE' });
    const same = await changeFilePassphrase(o.ctx.dataDir, 'first pass', 'second pass', { scrypt: FAST });
    expect(same!.equals(key!)).toBe(true);
    expect(isSealedFile(pc)).toBe(true);
    expect(openFileKey(o.ctx.dataDir, 'second pass')!.equals(key!)).toBe(true);

    expect(await changeFilePassphrase(o.ctx.dataDir, 'second pass', '')).toBeNull();
    o.ctx.fileKey = null;
    expect(openFileKey(o.ctx.dataDir)).toBeNull();
    expect(readFileSync(pa).equals(one)).toBe(true);
    expect(readFileSync(pb).equals(two)).toBe(true);
    expect(readFileSync(pc).equals(c)).toBe(true);
    expect(await checkAttachmentFiles(o.ctx)).toMatchObject({ ok: true, checked: 3 });
  });

  it.each(['inline', 'worker'] as const)('imports a sealed staged file (%s): the parser sees plaintext, MMS images are stored sealed', async (thread) => {
    const o = await app();
    o.ctx.fileKey = await changeFilePassphrase(o.ctx.dataDir, null, 'import pass', { scrypt: FAST });
    const staged = join(mkdtempSync(join(tmpdir(), 'huxun-staged-')), 'sms.xml');
    const xml = Buffer.from(mmsBackup());
    await pipeline(Readable.from([xml]), createWriteStream(staged, o.ctx.fileKey));
    expect(isSealedFile(staged)).toBe(true);
    const r = await importFile(o.ctx, staged, { thread });
    expect(r).toMatchObject({ format: 'sms-backup-xml', events: 7, attachments: 1, thread });
    const imp = await o.ctx.store.db.selectFrom('imports').select(['sha256']).where('id', '=', r.importId).executeTakeFirstOrThrow();
    expect(imp.sha256).toBe(sha(xml));
    const p = attachmentPath(o.ctx.dataDir, sha(IMAGE));
    expect(isSealedFile(p)).toBe(true);
    expect(readFileSync(p).includes(IMAGE.subarray(16, 64))).toBe(false);
    expect(statSync(p).mode & 0o777).toBe(0o600);
    expect(await checkAttachmentFiles(o.ctx)).toMatchObject({ ok: true, checked: 1 });
  });

  it('an upload staged with a key is imported (the job reads it back decrypted)', async () => {
    const o = await app();
    o.ctx.fileKey = await changeFilePassphrase(o.ctx.dataDir, null, 'upload pass', { scrypt: FAST });
    const c = sampleCase();
    const body = Buffer.from(callsXml(c.calls));
    const job = await startUploadImport(o.ctx, 'calls.xml', Readable.from([body]), body.length);
    for (let i = 0; i < 200 && (await jobStatus(o.ctx, job.id)).state === 'running'; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await jobStatus(o.ctx, job.id)).toMatchObject({ state: 'done' });
    expect(readdirSync(join(o.ctx.dataDir, 'uploads'))).toEqual([]);
  });
});

describe('interrupted writes', () => {
  it('an upload cut off while it is sealed leaves nothing in the data folder', async () => {
    const o = await app();
    o.ctx.fileKey = await changeFilePassphrase(o.ctx.dataDir, null, 'abort pass', { scrypt: FAST });
    let n = 0;
    const body = new Readable({
      read() {
        if (n++ < 5) this.push(randomBytes(100_000));
        else this.destroy(new Error('connection reset'));
      },
    });
    await expect(startUploadImport(o.ctx, 'sms.xml', body, 10_000_000)).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(readdirSync(join(o.ctx.dataDir, 'uploads'))).toEqual([]);
    const att = new Readable({
      read() {
        if (n++ < 10) this.push(randomBytes(100_000));
        else this.destroy(new Error('connection reset'));
      },
    });
    await expect(addAttachment(o.ctx, { name: 'a.png', stream: att })).rejects.toThrow(/connection reset/);
    expect(filesUnder(join(o.ctx.dataDir, 'attachments'))).toEqual([]);
  });
});

describe('the CLI on a data folder with a passphrase', () => {
  it('evidence add stores the file sealed, evidence check and export bundle see the plaintext', { timeout: 60_000 }, async () => {
    const data = tempDataDir();
    const o = await openApp({ dataDir: data });
    await setPassphrase(o.ctx, 'cli data pass');
    await o.close();
    const prev = process.env.HUXUN_PASSPHRASE;
    process.env.HUXUN_PASSPHRASE = 'cli data pass';
    try {
      const file = join(data, 'Screenshot_20240612-201500.png');
      const bytes = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(2000)]);
      writeFileSync(file, bytes);
      const add = await runCli(['evidence', 'add', file, '--data', data, '--json']);
      expect(add.code, add.stderr).toBe(0);
      const p = attachmentPath(data, sha(bytes));
      expect(isSealedFile(p)).toBe(true);
      const check = await runCli(['evidence', 'check', '--data', data, '--json']);
      expect(check.code, check.stderr).toBe(0);
      const zip = join(outDir(), 'p.zip');
      const ex = await runCli(['export', 'bundle', '--out', zip, '--data', data, '--json']);
      expect(ex.code, ex.stderr).toBe(0);
      const folder = ex.json<{ folder: string }>().folder;
      expect(unzipEntry(zip, folder, `attachments/${sha(bytes)}`).equals(bytes)).toBe(true);
      expect((await runCli(['verify', zip])).code).toBe(0);
    } finally {
      if (prev === undefined) delete process.env.HUXUN_PASSPHRASE;
      else process.env.HUXUN_PASSPHRASE = prev;
    }
  });
});

describe('encrypted bundles', () => {
  it('round-trips: sealed on disk, verified after decryption, a wrong passphrase says so', async () => {
    const o = await app();
    const bytes = randomBytes(5000);
    const a = await addBytes(o, 'photo.jpg', bytes);
    const out = join(outDir(), 'b.zip.hxseal');
    const r = await exportBundle(o.ctx, out, { encryptPassphrase: '证据包口令 bundle' });
    expect(r.encrypted).toBe(true);
    expect(isEncryptedBundle(out)).toBe(true);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const disk = readFileSync(out);
    expect(disk.includes(Buffer.from('records.jsonl'))).toBe(false);
    expect(disk.includes(bytes.subarray(0, 32))).toBe(false);

    expect(await verifyBundleFile(out, undefined, { passphrase: '证据包口令 bundle' })).toMatchObject({ ok: true, attachments: 1, head: r.head });
    await expect(verifyBundleFile(out, undefined, { passphrase: 'not it at all' })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/口令不对.*wrong bundle passphrase/) });
    await expect(verifyBundleFile(out)).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/需要口令/) });

    const plain = join(outDir(), 'b.zip');
    await decryptBundleFile(out, '证据包口令 bundle', plain);
    expect(statSync(plain).mode & 0o777).toBe(0o600);
    expect(await verifyBundleFile(plain)).toMatchObject({ ok: true, head: r.head });
    expect(unzipEntry(plain, r.folder, `attachments/${a.sha256}`).equals(bytes)).toBe(true);

    // A cut file does not verify as if it were fine.
    const cut = join(outDir(), 'cut.zip.hxseal');
    writeFileSync(cut, disk.subarray(0, disk.length - 10));
    await expect(verifyBundleFile(cut, undefined, { passphrase: '证据包口令 bundle' })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/损坏|damaged/) });

    await expect(exportBundle(o.ctx, join(outDir(), 'short.zip'), { encryptPassphrase: '123' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('CLI: export bundle --encrypt takes the passphrase from HUXUN_BUNDLE_PASSPHRASE, verify detects and opens it', async () => {
    const data = tempDataDir();
    const shot = join(data, 'Screenshot_20240612-201500.png');
    writeFileSync(shot, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    expect((await runCli(['evidence', 'add', shot, '--data', data])).code).toBe(0);
    const prev = process.env.HUXUN_BUNDLE_PASSPHRASE;
    try {
      process.env.HUXUN_BUNDLE_PASSPHRASE = 'cli bundle pass';
      const zip = join(outDir(), 'e.zip');
      const ex = await runCli(['export', 'bundle', '--out', zip, '--encrypt', '--data', data, '--json']);
      expect(ex.code, ex.stderr).toBe(0);
      expect(ex.json<{ path: string; encrypted: boolean }>()).toMatchObject({ path: `${zip}.hxseal`, encrypted: true });
      const ok = await runCli(['verify', `${zip}.hxseal`, '--json']);
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.json<{ ok: boolean }>().ok).toBe(true);
      process.env.HUXUN_BUNDLE_PASSPHRASE = 'wrong passphrase';
      const bad = await runCli(['verify', `${zip}.hxseal`]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/证据包口令不对/);
      delete process.env.HUXUN_BUNDLE_PASSPHRASE;
      // No terminal and no env: a usage error that says where the passphrase comes from.
      const none = await runCli(['verify', `${zip}.hxseal`]);
      expect(none.code).toBe(2);
      expect(none.stderr).toMatch(/HUXUN_BUNDLE_PASSPHRASE/);
    } finally {
      if (prev === undefined) delete process.env.HUXUN_BUNDLE_PASSPHRASE;
      else process.env.HUXUN_BUNDLE_PASSPHRASE = prev;
    }
  });
});
