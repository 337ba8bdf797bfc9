/**
 * Files private by default (issue 10, finding 3): with a permissive umask (022, the usual one), a fresh data
 * folder after a real import, an attachment, a backup, a bundle and a CLI document holds only 0700 folders
 * and 0600 files (the database's -wal/-shm included), and the bundle and document are 0600 too; a data
 * folder left 0755/0644 by an older version is tightened when the app opens it.
 */
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../src/app/context.js';
import { backupDatabase } from '../src/app/settings.js';
import { sampleCase, smsXml, vcard } from './support/backup.js';
import { runCli } from './support/cli.js';

const mode = (p: string) => statSync(p).mode & 0o777;

/** Every entry under dir with its mode, as "relative/path 600". */
function modes(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = lstatSync(p);
    out.push(`${prefix}${name}${st.isDirectory() ? '/' : ''} ${(st.mode & 0o777).toString(8)}`);
    if (st.isDirectory()) out.push(...modes(p, `${prefix}${name}/`));
  }
  return out;
}

let umask: number;
beforeAll(() => {
  // The modes must come from the code, not from a strict umask of whoever runs the tests.
  umask = process.umask(0o022);
});
afterAll(() => {
  process.umask(umask);
});

describe('file modes', () => {
  it('a fresh data folder, its database, WAL, attachments, backups, bundles and CLI documents are private', { timeout: 60_000 }, async () => {
    const work = mkdtempSync(join(tmpdir(), 'huxun-modes-'));
    const data = join(work, 'data');
    const c = sampleCase();
    writeFileSync(join(work, 'sms.xml'), smsXml(c.sms));
    writeFileSync(join(work, 'contacts.vcf'), vcard(c.contacts));
    writeFileSync(join(work, 'shot.png'), 'a screenshot of a threat');

    expect((await runCli(['import', join(work, 'sms.xml'), join(work, 'contacts.vcf'), '--data', data])).code).toBe(0);
    expect((await runCli(['evidence', 'add', join(work, 'shot.png'), '--data', data])).code).toBe(0);
    const bundle = join(work, 'bundle.zip');
    const exp = await runCli(['export', 'bundle', '--out', bundle, '--data', data]);
    expect(exp.code, exp.stderr).toBe(0);
    const letter = join(work, 'letter.txt');
    const doc = await runCli(['document', 'complaint', '--channel', '12378', '--format', 'txt', '--out', letter, '--data', data]);
    expect(doc.code, doc.stderr).toBe(0);

    // Taken before the app opens again: openApp would tighten what a command left, and that must not be needed.
    const written = modes(data);
    expect(written.some((l) => l.startsWith('attachments/'))).toBe(true);
    expect(written.filter((l) => !/\/ 700$/.test(l) && !/[^/] 600$/.test(l))).toEqual([]);

    // While the app is open the WAL and shared-memory files exist: they take the database file's mode.
    const o = await openApp({ dataDir: data });
    await o.ctx.store.db.insertInto('settings').values({ case_id: o.ctx.caseId, key: 'probe', value: '1' }).execute();
    const backup = join(work, 'backup.db');
    await backupDatabase(o.ctx, backup);
    const listing = modes(data);
    expect(listing).toContain('huxun.db-wal 600');
    expect(listing).toContain('huxun.db-shm 600');
    await o.close();

    expect(mode(data)).toBe(0o700);
    expect(listing.filter((l) => !/\/ 700$/.test(l) && !/[^/] 600$/.test(l))).toEqual([]);
    expect(modes(data).filter((l) => !/\/ 700$/.test(l) && !/[^/] 600$/.test(l))).toEqual([]);
    expect({ backup: mode(backup), bundle: mode(bundle), letter: mode(letter) }).toEqual({ backup: 0o600, bundle: 0o600, letter: 0o600 });
  });

  it('tightens a data folder an older version left 0755 / 0644 when the app opens it', async () => {
    const data = mkdtempSync(join(tmpdir(), 'huxun-modes-old-'));
    const first = await openApp({ dataDir: data });
    await first.close();
    mkdirSync(join(data, 'attachments', 'ab'), { recursive: true });
    writeFileSync(join(data, 'attachments', 'ab', 'abcdef'), 'old attachment');
    writeFileSync(join(data, 'huxun.db.before-restore-1700000000000'), 'old copy');
    for (const d of [data, join(data, 'attachments'), join(data, 'attachments', 'ab')]) chmodSync(d, 0o755);
    for (const f of ['huxun.db', 'attachments/ab/abcdef', 'huxun.db.before-restore-1700000000000']) chmodSync(join(data, f), 0o644);

    const o = await openApp({ dataDir: data });
    await o.close();
    expect(mode(data)).toBe(0o700);
    expect(modes(data).sort()).toEqual(['attachments/ 700', 'attachments/ab/ 700', 'attachments/ab/abcdef 600', 'huxun.db 600', 'huxun.db.before-restore-1700000000000 600']);
  });

  it('leaves the person\'s own files alone when --data points at a folder that holds them', async () => {
    const data = mkdtempSync(join(tmpdir(), 'huxun-modes-shared-'));
    mkdirSync(join(data, 'photos'));
    writeFileSync(join(data, 'photos', 'trip.jpg'), 'not ours');
    writeFileSync(join(data, 'notes.txt'), 'not ours either');
    chmodSync(join(data, 'photos'), 0o755);
    for (const f of ['photos/trip.jpg', 'notes.txt']) chmodSync(join(data, f), 0o644);
    const o = await openApp({ dataDir: data });
    await o.close();
    expect(mode(data)).toBe(0o700);
    expect(mode(join(data, 'huxun.db'))).toBe(0o600);
    expect([mode(join(data, 'photos')), mode(join(data, 'photos', 'trip.jpg')), mode(join(data, 'notes.txt'))]).toEqual([0o755, 0o644, 0o644]);
  });
});
