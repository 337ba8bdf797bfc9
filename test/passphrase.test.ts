/**
 * A passphrase that protects everything and does not lock the person out (issue 10, findings 2 and 4):
 * backups of an encrypted database are encrypted and restore accepts them (and plaintext ones, re-keyed);
 * before-restore copies stay encrypted; the file key changes with the passphrase; missing and wrong
 * passphrases give Chinese-first messages that say what to do; the CLI reads HUXUN_PASSPHRASE or prompts
 * on a terminal without echo, and warns that --passphrase shows in `ps`.
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { addAttachment } from '../src/app/attachments.js';
import { openApp } from '../src/app/context.js';
import { backupDatabase, listRestorePoints, setPassphrase, stageRestore, stageRollback } from '../src/app/settings.js';
import { addManualEvent } from '../src/app/timeline.js';
import { runCli } from './support/cli.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const PASS = '正确的马 correct horse';
const tmp = () => mkdtempSync(join(tmpdir(), 'huxun-pass-'));
const plainHeader = (file: string) => readFileSync(file).subarray(0, 16).toString('latin1') === 'SQLite format 3\0';

function countWith(file: string, passphrase: string | null, table = 'events'): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (passphrase) {
      db.pragma(`cipher='sqlcipher'`);
      db.pragma('legacy=4');
      db.pragma(`key='${passphrase.replace(/'/g, "''")}'`);
    }
    return (db.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

afterEach(() => {
  delete process.env.HUXUN_PASSPHRASE;
});

/** A data folder with two events and an attachment, encrypted with PASS; also a plaintext backup made before. */
async function encryptedCase() {
  const dir = tmp();
  const o = await openApp({ dataDir: dir });
  await addManualEvent(o.ctx, { kind: 'note', at: '2026-06-01 09:00', text: '第一条 first' });
  await addAttachment(o.ctx, { name: 'screenshot.png', stream: Readable.from([Buffer.from('a screenshot of a threat')]) });
  const plainBackup = join(tmp(), 'plain.db');
  await backupDatabase(o.ctx, plainBackup);
  await addManualEvent(o.ctx, { kind: 'note', at: '2026-06-02 09:00', text: '第二条 second' });
  await expect(setPassphrase(o.ctx, PASS)).resolves.toEqual({ encrypted: true });
  return { dir, o, plainBackup };
}

describe('passphrase: backup, restore and before-restore copies stay encrypted', () => {
  it('backs up an encrypted database encrypted, restores it, and keeps the replaced database encrypted', { timeout: 60_000 }, async () => {
    const { dir, o } = await encryptedCase();
    expect(plainHeader(join(dir, 'huxun.db'))).toBe(false);
    expect(o.ctx.fileKey).not.toBeNull();
    expect(existsSync(join(dir, 'keys.json'))).toBe(true);

    const backup = join(tmp(), 'backup.db');
    await backupDatabase(o.ctx, backup);
    expect(plainHeader(backup)).toBe(false);
    expect(countWith(backup, PASS)).toBe(2);
    expect(() => countWith(backup, null)).toThrow();

    // Later writes, then the backup is restored over them.
    await addManualEvent(o.ctx, { kind: 'note', at: '2026-06-03 09:00', text: '第三条 third' });
    await expect(stageRestore(o.ctx, createReadStream(backup))).resolves.toEqual({ staged: true });
    expect(plainHeader(join(dir, 'huxun.db.restore'))).toBe(false);
    await o.close();

    // Without the passphrase nothing is applied or changed, and the message says what to do.
    const noPass = (await openApp({ dataDir: dir }).then(() => null, (e: unknown) => e)) as Error;
    expect(noPass).toMatchObject({ code: 'BAD_PASSPHRASE' });
    expect(noPass.message).toMatch(/^数据库已加密.*HUXUN_PASSPHRASE/);
    const wrong = (await openApp({ dataDir: dir, passphrase: 'not the one' }).then(() => null, (e: unknown) => e)) as Error;
    expect(wrong).toMatchObject({ code: 'BAD_PASSPHRASE' });
    expect(wrong.message).toMatch(/^口令不对/);
    expect(existsSync(join(dir, 'huxun.db.restore'))).toBe(true);
    expect(countWith(join(dir, 'huxun.db'), PASS)).toBe(3);

    const back = await openApp({ dataDir: dir, passphrase: PASS });
    expect(back.restored?.keptAs).toBeTruthy();
    expect((back.ctx.store.sqlite!.prepare('select count(*) n from events').get() as { n: number }).n).toBe(2);
    expect(back.ctx.fileKey).not.toBeNull();
    const [point] = listRestorePoints(back.ctx);
    expect(point).toMatchObject({ name: back.restored!.keptAs, encrypted: true });
    await back.close();
    // The before-restore copy is the SQLCipher file itself: encrypted, whole, with the third event.
    const kept = join(dir, point!.name);
    expect(plainHeader(kept)).toBe(false);
    expect(countWith(kept, PASS)).toBe(3);
  });

  it('accepts a plaintext backup while encrypted and stages it encrypted with the current passphrase', { timeout: 60_000 }, async () => {
    const { dir, o, plainBackup } = await encryptedCase();
    expect(plainHeader(plainBackup)).toBe(true);
    await stageRestore(o.ctx, createReadStream(plainBackup));
    expect(plainHeader(join(dir, 'huxun.db.restore'))).toBe(false);
    await o.close();
    const back = await openApp({ dataDir: dir, passphrase: PASS });
    expect((back.ctx.store.sqlite!.prepare('select count(*) n from events').get() as { n: number }).n).toBe(1);
    await back.close();
    expect(plainHeader(join(dir, 'huxun.db'))).toBe(false);
  });

  it('refuses an encrypted backup when the running database has no passphrase, or another one', { timeout: 60_000 }, async () => {
    const { o } = await encryptedCase();
    const backup = join(tmp(), 'backup.db');
    await backupDatabase(o.ctx, backup);
    await o.close();
    const plain = await openApp({ dataDir: tmp() });
    await expect(stageRestore(plain.ctx, createReadStream(backup))).rejects.toThrow(/这个备份是加密的/);
    await setPassphrase(plain.ctx, 'another passphrase');
    await expect(stageRestore(plain.ctx, createReadStream(backup))).rejects.toThrow(/口令不同/);
    await plain.close();
  });

  it('changes and removes the passphrase of the database, the file key and a staged restore together', { timeout: 60_000 }, async () => {
    const { dir, o, plainBackup } = await encryptedCase();
    await stageRestore(o.ctx, createReadStream(plainBackup));
    await setPassphrase(o.ctx, 'a new passphrase');
    expect(countWith(join(dir, 'huxun.db.restore'), 'a new passphrase')).toBe(1);
    await setPassphrase(o.ctx, '');
    expect(o.ctx.fileKey).toBeNull();
    expect(existsSync(join(dir, 'keys.json'))).toBe(false);
    expect(plainHeader(join(dir, 'huxun.db'))).toBe(true);
    expect(plainHeader(join(dir, 'huxun.db.restore'))).toBe(true);
    await o.close();
    const back = await openApp({ dataDir: dir });
    expect(back.restored).not.toBeNull();
    await back.close();
    // A passphrase given for a plaintext database is refused with its own message, not "wrong passphrase".
    await expect(openApp({ dataDir: dir, passphrase: 'whatever' })).rejects.toMatchObject({ code: 'NOT_ENCRYPTED' });
  });
});

describe('passphrase and earlier before-restore copies', () => {
  it('setting a passphrase encrypts the before-restore copies made while plaintext, and they can still be rolled back to', { timeout: 60_000 }, async () => {
    const dir = tmp();
    const o = await openApp({ dataDir: dir });
    await addManualEvent(o.ctx, { kind: 'note', at: '2026-06-01 09:00', text: '旧的 old' });
    const backup = join(tmp(), 'plain.db');
    await backupDatabase(o.ctx, backup);
    await addManualEvent(o.ctx, { kind: 'note', at: '2026-06-02 09:00', text: '新的 new' });
    await stageRestore(o.ctx, createReadStream(backup));
    await o.close();
    const reopened = await openApp({ dataDir: dir });
    const kept = join(dir, reopened.restored!.keptAs!);
    expect(plainHeader(kept)).toBe(true);
    await setPassphrase(reopened.ctx, PASS);
    expect(plainHeader(kept)).toBe(false);
    expect(countWith(kept, PASS)).toBe(2);
    expect(listRestorePoints(reopened.ctx)[0]).toMatchObject({ encrypted: true });
    await stageRollback(reopened.ctx, reopened.restored!.keptAs!);
    await reopened.close();
    const back = await openApp({ dataDir: dir, passphrase: PASS });
    expect((back.ctx.store.sqlite!.prepare('select count(*) n from events').get() as { n: number }).n).toBe(2);
    await back.close();
  });
});

describe('passphrase on the command line', () => {
  it('reads HUXUN_PASSPHRASE, explains what to do off a terminal, and warns that --passphrase shows in ps', { timeout: 60_000 }, async () => {
    const { dir, o } = await encryptedCase();
    await o.close();
    const none = await runCli(['loan', 'list', '--data', dir]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/需要口令.*HUXUN_PASSPHRASE/s);
    process.env.HUXUN_PASSPHRASE = 'wrong passphrase';
    const wrong = await runCli(['loan', 'list', '--data', dir]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^huxun: 口令不对/);
    process.env.HUXUN_PASSPHRASE = PASS;
    const ok = await runCli(['loan', 'list', '--data', dir, '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).not.toContain('--passphrase');
    delete process.env.HUXUN_PASSPHRASE;
    const flag = await runCli(['loan', 'list', '--data', dir, '--passphrase', PASS, '--json']);
    expect(flag.code, flag.stderr).toBe(0);
    expect(flag.stderr).toMatch(/--passphrase.*ps/);
  });

  it('prompts for the passphrase on a terminal without echoing it', { timeout: 60_000 }, async () => {
    const { dir, o } = await encryptedCase();
    await o.close();
    const typed = 'zzz-not-it';
    // `script` gives the command a pseudo-terminal; what the terminal shows comes back on stdout.
    const cmd = `node bin/huxun.js loan list --data '${dir}'`;
    const env = { ...process.env };
    delete env.HUXUN_PASSPHRASE;
    const p = spawn('script', ['-qfec', cmd, '/dev/null'], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let shown = '';
    let answered = 0;
    p.stdout.on('data', (c: Buffer) => {
      shown += c.toString('utf8');
      const prompts = shown.split('输入口令').length - 1;
      if (prompts > answered) {
        // First a wrong one (it is asked again), then the right one.
        p.stdin.write(`${answered === 0 ? typed : PASS}\r`);
        answered++;
      }
    });
    const code = await new Promise<number | null>((resolve) => p.on('exit', resolve));
    expect(shown).toMatch(/口令不对，请再试一次/);
    expect(answered).toBe(2);
    expect(code, shown).toBe(0);
    expect(shown).not.toContain(typed);
    expect(shown).not.toContain('correct horse');
  });
});
