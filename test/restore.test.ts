/**
 * Restore that cannot lose data (issue 10, finding 2): a restore staged while the WAL holds the last writes
 * and the process is killed keeps every one of them in the before-restore copy; junk, newer, tampered and
 * interrupted uploads are refused and leave the current database and the data folder as they were; uploads
 * are streamed to disk; a kept copy can be rolled back to.
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { openApp } from '../src/app/context.js';
import { applyPendingRestore, backupDatabase, listRestorePoints, stageRestore, stageRollback } from '../src/app/settings.js';
import { addManualEvent } from '../src/app/timeline.js';
import { sampleCase, smsXml } from './support/backup.js';

const child = fileURLToPath(new URL('./support/restore-child.ts', import.meta.url));
const tmp = (p = 'huxun-restore-') => mkdtempSync(join(tmpdir(), p));

function count(file: string, table: string, where = '', passphrase: string | null = null): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (passphrase) {
      db.pragma(`cipher='sqlcipher'`);
      db.pragma('legacy=4');
      db.pragma(`key='${passphrase.replace(/'/g, "''")}'`);
    }
    return (db.prepare(`select count(*) n from ${table} ${where}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** A backup of a small case (one note) made with the app's own backup. */
async function makeBackup(): Promise<{ path: string; events: number }> {
  const dir = tmp();
  const o = await openApp({ dataDir: dir });
  await addManualEvent(o.ctx, { kind: 'note', at: '2026-06-01 09:00', text: '在备份里 in the backup' });
  const path = join(dir, 'backup.db');
  await backupDatabase(o.ctx, path);
  await o.close();
  return { path, events: count(path, 'events') };
}

/** An app on a fresh data folder with a few events; returns its data folder and event count (closed). */
async function currentData(): Promise<{ dir: string; events: number }> {
  const dir = tmp();
  const o = await openApp({ dataDir: dir });
  for (let i = 0; i < 3; i++) await addManualEvent(o.ctx, { kind: 'note', at: `2026-06-02 09:0${i}`, text: `现在的数据 current ${i}` });
  await o.close();
  return { dir, events: count(join(dir, 'huxun.db'), 'events') };
}

function runUntilReady(args: string[]): Promise<{ kill: () => Promise<void>; line: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stderr.on('data', (c) => (err += c));
    p.on('exit', (code) => reject(new Error(`child exited (${code}) before it was ready: ${err}`)));
    p.stdout.on('data', (c) => {
      out += c;
      if (!out.includes('\n')) return;
      p.removeAllListeners('exit');
      resolve({
        line: out.trim(),
        kill: () =>
          new Promise<void>((done) => {
            p.on('exit', () => done());
            p.kill('SIGKILL');
          }),
      });
    });
  });
}

/** The data folder holds no temp upload and no staged restore. */
function expectNothingLeft(dir: string) {
  expect(readdirSync(dir).filter((n) => n.startsWith('.restore-') || n === 'huxun.db.restore')).toEqual([]);
}

describe('restore that cannot lose data', () => {
  it.each([
    ['plaintext', null],
    ['encrypted', '口令 passphrase'],
  ] as const)('%s: after a SIGKILL with the last writes only in the WAL, applying a staged restore keeps them all in the before-restore copy', { timeout: 60_000 }, async (_label, pass) => {
    const backup = await makeBackup();
    const data = tmp();
    const sms = join(tmp(), 'sms.xml');
    writeFileSync(sms, smsXml(sampleCase().sms));

    const running = await runUntilReady([data, sms, backup.path, ...(pass ? [pass] : [])]);
    const last = JSON.parse(running.line) as { events: number; evidence: number };
    await running.kill();
    // The scenario of the finding: killed while the WAL holds committed writes, and a restore staged.
    expect(statSync(join(data, 'huxun.db-wal')).size).toBeGreaterThan(0);
    expect(existsSync(join(data, 'huxun.db.restore'))).toBe(true);
    expect(last.events).toBeGreaterThanOrEqual(6 + 5);

    if (pass) await expect(openApp({ dataDir: data, lockAs: 'test' })).rejects.toMatchObject({ code: 'BAD_PASSPHRASE' }); // nothing changed
    expect(existsSync(join(data, 'huxun.db.restore'))).toBe(true);
    const opened = await openApp({ dataDir: data, lockAs: 'test', passphrase: pass ?? undefined }); // takes over the dead child's lock
    const keptAs = opened.restored?.keptAs;
    expect(keptAs).toMatch(/^huxun\.db\.before-restore-\d+$/);
    // The restored database is what was staged.
    const texts = (opened.ctx.store.sqlite!.prepare('select text from events').all() as { text: string }[]).map((r) => r.text);
    expect(texts).toEqual(['在备份里 in the backup']);
    const points = listRestorePoints(opened.ctx);
    await opened.close();

    // The kept copy opens on its own and holds every event and evidence record, the last writes included.
    const kept = join(data, keptAs!);
    expect(readFileSync(kept).subarray(0, 15).toString('latin1') === 'SQLite format 3').toBe(!pass);
    expect(count(kept, 'events', '', pass)).toBe(last.events);
    expect(count(kept, 'evidence', '', pass)).toBe(last.evidence);
    expect(count(kept, 'events', `where text = '最后的记录 last write 4'`, pass)).toBe(1);
    expect(existsSync(join(data, 'huxun.db.restore'))).toBe(false);

    expect(points).toHaveLength(1);
    expect(points[0]).toMatchObject({ name: keptAs, encrypted: Boolean(pass) });
    expect(points[0]!.bytes).toBeGreaterThan(0);
    expect(JSON.stringify(points)).not.toContain(data);

    // One click back: the kept copy is staged (checked like an upload) and applied at the next open.
    const again = await openApp({ dataDir: data, passphrase: pass ?? undefined });
    await expect(stageRollback(again.ctx, keptAs!)).resolves.toEqual({ staged: true });
    await expect(stageRollback(again.ctx, '../huxun.db')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await again.close();
    const back = await openApp({ dataDir: data, passphrase: pass ?? undefined });
    expect((back.ctx.store.sqlite!.prepare('select count(*) n from events').get() as { n: number }).n).toBe(last.events);
    expect(listRestorePoints(back.ctx)).toHaveLength(2); // the database it replaced is kept in turn
    await back.close();
  });

  it('refuses a junk file with a valid SQLite header with a clear message and leaves everything as it was', async () => {
    const cur = await currentData();
    const junk = Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(16 * 1024, 0x5a)]);
    const o = await openApp({ dataDir: cur.dir });
    await expect(stageRestore(o.ctx, Readable.from([junk]))).rejects.toThrow(/这不是一个完整的护讯备份/);
    await expect(stageRestore(o.ctx, Readable.from([Buffer.from('hello, not a database')]))).rejects.toThrow(/这不是一个完整的护讯备份|not a complete Huxun backup/);
    await o.close();
    expectNothingLeft(cur.dir);
    expect(count(join(cur.dir, 'huxun.db'), 'events')).toBe(cur.events);
  });

  it('refuses a SQLite database that is not Huxun, one from a newer version and one whose evidence chain was altered', async () => {
    const cur = await currentData();
    const o = await openApp({ dataDir: cur.dir });
    const dir = tmp();

    const foreign = join(dir, 'foreign.db');
    const f = new Database(foreign);
    f.exec('create table notes (x text)');
    f.close();
    await expect(stageRestore(o.ctx, createReadStream(foreign))).rejects.toThrow(/这不是一个完整的护讯备份/);

    const { path } = await makeBackup();
    const newer = join(dir, 'newer.db');
    writeFileSync(newer, readFileSync(path));
    const n = new Database(newer);
    n.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run('9999_from_the_future', new Date().toISOString());
    n.close();
    await expect(stageRestore(o.ctx, createReadStream(newer))).rejects.toThrow(/更新版本/);

    const tampered = join(dir, 'tampered.db');
    writeFileSync(tampered, readFileSync(path));
    const t = new Database(tampered);
    t.prepare(`update evidence set payload = replace(payload, 'backup', 'bakcup')`).run();
    t.close();
    await expect(stageRestore(o.ctx, createReadStream(tampered))).rejects.toThrow(/证据链/);

    await o.close();
    expectNothingLeft(cur.dir);
    expect(count(join(cur.dir, 'huxun.db'), 'events')).toBe(cur.events);
  });

  it('streams the upload to disk (the file grows while the stream is still being read) and stages it', async () => {
    const cur = await currentData();
    const { path } = await makeBackup();
    const bytes = readFileSync(path);
    const o = await openApp({ dataDir: cur.dir });
    const seen: number[] = [];
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 1024) {
        if (i > 0 && i % (16 * 1024) === 0) {
          // Mid-stream: what was sent so far is already in a temp file in the data folder, not in memory.
          await new Promise((r) => setTimeout(r, 20));
          const temp = readdirSync(cur.dir).find((n) => n.startsWith('.restore-'))!;
          seen.push(statSync(join(cur.dir, temp, 'huxun.db')).size);
        }
        yield bytes.subarray(i, i + 1024);
      }
    }
    await expect(stageRestore(o.ctx, Readable.from(chunks()))).resolves.toEqual({ staged: true });
    await o.close();
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    expect(seen.some((n) => n > 0 && n < bytes.length)).toBe(true);
    expect(readdirSync(cur.dir).filter((n) => n.startsWith('.restore-'))).toEqual([]);
    const reopened = await openApp({ dataDir: cur.dir });
    expect(reopened.restored).not.toBeNull();
    await reopened.close();
  });

  it('an upload interrupted midway leaves the current database untouched and no temp file', async () => {
    const cur = await currentData();
    const { path } = await makeBackup();
    const bytes = readFileSync(path);
    const o = await openApp({ dataDir: cur.dir });
    const body = new Readable({ read() {} });
    body.push(bytes.subarray(0, 4096));
    setTimeout(() => body.destroy(new Error('connection reset')), 20);
    await expect(stageRestore(o.ctx, body)).rejects.toThrow(/没有完整上传|interrupted/);
    await o.close();
    expectNothingLeft(cur.dir);
    expect(count(join(cur.dir, 'huxun.db'), 'events')).toBe(cur.events);
  });

  it('a current database that cannot be opened is kept whole, with its WAL and shared memory, never deleted', async () => {
    const { path } = await makeBackup();
    const dir = tmp();
    const db = Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(8192, 7)]);
    const wal = Buffer.alloc(4096, 9);
    const shm = Buffer.alloc(32768, 3);
    writeFileSync(join(dir, 'huxun.db'), db);
    writeFileSync(join(dir, 'huxun.db-wal'), wal);
    writeFileSync(join(dir, 'huxun.db-shm'), shm);
    writeFileSync(join(dir, 'huxun.db.restore'), readFileSync(path));
    const r = applyPendingRestore(dir);
    expect(r.applied).toBe(true);
    const kept = join(dir, r.keptAs!);
    expect(readFileSync(kept).equals(db)).toBe(true);
    expect(readFileSync(`${kept}-wal`).equals(wal)).toBe(true);
    expect(readFileSync(`${kept}-shm`).equals(shm)).toBe(true);
    // The old WAL must not stay beside the restored database, or SQLite would replay it into it.
    expect(existsSync(join(dir, 'huxun.db-wal'))).toBe(false);
    expect(count(join(dir, 'huxun.db'), 'events')).toBe(1);
  });
});
