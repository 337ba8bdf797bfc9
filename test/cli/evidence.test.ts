import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { callsXml, sampleCase, smsXml, vcard } from '../support/backup.js';
import { runCli, tempDataDir } from '../support/cli.js';

function seeded() {
  const data = tempDataDir();
  const c = sampleCase();
  writeFileSync(join(data, 'sms.xml'), smsXml(c.sms));
  writeFileSync(join(data, 'calls.xml'), callsXml(c.calls));
  writeFileSync(join(data, 'c.vcf'), vcard(c.contacts));
  return { data, files: ['c.vcf', 'sms.xml', 'calls.xml'].map((f) => join(data, f)) };
}

describe('evidence and bundles (CLI, real SQLite and real zip)', () => {
  it('records every import and attachment in a chain that checks, exports a bundle that verifies, and catches tampering', async () => {
    const { data, files } = seeded();
    expect((await runCli(['import', ...files, '--data', data])).code).toBe(0);
    const shot = join(data, 'Screenshot_20240612-201500.png');
    writeFileSync(shot, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const add = await runCli(['evidence', 'add', shot, '--note', '李明转发的截图', '--from-contact', '1', '--data', data, '--json']);
    expect(add.code, add.stderr).toBe(0);
    const a = add.json<{ sha256: string; source: string; claimed_at: number; received_at: number }>();
    expect(a.source).toBe('contact:1');
    expect(a.claimed_at).toBe(Date.UTC(2024, 5, 12, 12, 15, 0));
    expect(a.received_at).toBeGreaterThan(a.claimed_at);

    const check = await runCli(['evidence', 'check', '--data', data, '--json']);
    expect(check.code).toBe(0);
    expect(check.json<{ chain: { count: number } }>().chain.count).toBeGreaterThan(12);

    const zip = join(mkdtempSync(join(data, 'out-')), '证据.zip');
    expect((await runCli(['export', 'bundle', '--out', zip, '--data', data])).code).toBe(0);
    const ok = await runCli(['verify', zip, '--json']);
    expect(ok.code).toBe(0);
    expect(ok.json<{ ok: boolean; attachments: number }>()).toMatchObject({ ok: true, attachments: 1 });

    // sha256sum alone checks the unzipped bundle, as its README says.
    const dir = mkdtempSync(join(data, 'unz-'));
    execFileSync('unzip', ['-q', zip, '-d', dir]);
    const folder = execFileSync('ls', [dir], { encoding: 'utf8' }).trim();
    expect(execFileSync('sha256sum', ['-c', 'manifest.sha256'], { cwd: join(dir, folder), encoding: 'utf8' })).not.toMatch(/FAILED/);

    // A changed byte inside the zip: the bundle no longer verifies.
    const bytes = readFileSync(zip);
    const i = bytes.indexOf(Buffer.from('records.jsonl')) + 200;
    bytes[i] = bytes[i]! ^ 0x01;
    const bad = join(data, 'bad.zip');
    writeFileSync(bad, bytes);
    const r = await runCli(['verify', bad]);
    expect(r.code).toBe(1);

    // A record changed in the database: the chain check names it.
    const db = new Database(join(data, 'huxun.db'));
    db.prepare("update evidence set payload = replace(payload, '速借花', '速借化') where seq = (select min(seq) from evidence where payload like '%速借花%')").run();
    const seq = (db.prepare("select min(seq) as s from evidence where payload like '%速借化%'").get() as { s: number }).s;
    db.close();
    const broken = await runCli(['evidence', 'check', '--data', data]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`第 ${seq} 条`);
  });

  it('masks third parties in a redacted bundle but keeps collector numbers', async () => {
    const { data, files } = seeded();
    await runCli(['import', ...files, '--data', data]);
    const zip = join(data, 'red.zip');
    expect((await runCli(['export', 'bundle', '--out', zip, '--redact-third-parties', '--data', data])).code).toBe(0);
    const dir = mkdtempSync(join(data, 'unz-'));
    execFileSync('unzip', ['-q', zip, '-d', dir]);
    const folder = execFileSync('ls', [dir], { encoding: 'utf8' }).trim();
    const events = readFileSync(join(dir, folder, 'events.json'), 'utf8');
    expect(events).not.toContain('13900001111');
    expect(events).not.toContain('李明');
    expect(events).toContain('17012345678');
    expect((await runCli(['verify', zip])).code).toBe(0);
  });
});
