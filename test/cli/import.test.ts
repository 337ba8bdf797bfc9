import { spawn } from 'node:child_process';
import { writeFileSync, createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { callsXml, sampleCase, smsXml, vcard, bj } from '../support/backup.js';
import { runCli, tempDataDir } from '../support/cli.js';

interface Ev { id: number; kind: string; direction: string; at: string; number: string | null; text: string | null; labels: string[]; spans: Record<string, [number, number][]>; collector: number | null; contact: number | null; duration_s: number | null }

function writeSample(dir: string) {
  const c = sampleCase();
  const files = { sms: join(dir, 'sms-20240612.xml'), calls: join(dir, 'calls-20240612.xml'), vcf: join(dir, 'contacts.vcf') };
  writeFileSync(files.sms, smsXml(c.sms));
  writeFileSync(files.calls, callsXml(c.calls));
  writeFileSync(files.vcf, vcard(c.contacts));
  return { c, files };
}

describe('huxun import (CLI, real SQLite)', () => {
  it('imports SMS, calls and contacts in one command, labels collection messages with spans, groups collectors and finds the contact who was reached', async () => {
    const data = tempDataDir();
    const { c, files } = writeSample(data);
    const r = await runCli(['import', files.vcf, files.sms, files.calls, '--data', data, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const sum = r.json<{ files: { format: string; eventsAdded: number }[]; collectors: number; contactsTouched: number }>();
    expect(sum.files.map((f) => f.format)).toEqual(['vcard', 'sms-backup-xml', 'calls-backup-xml']);
    expect(sum.contactsTouched).toBe(1);

    const evs = (await runCli(['events', '--json', '--data', data])).json<Ev[]>();
    expect(evs.filter((e) => e.kind === 'sms')).toHaveLength(6);
    expect(evs.filter((e) => e.kind === 'call')).toHaveLength(6);
    const threat = evs.find((e) => e.text?.includes('通讯录里的所有人'))!;
    expect(threat.at).toBe('2026-06-11T23:05:00+08:00');
    expect(threat.text).toContain('😡');
    expect(threat.labels).toContain('collection');
    expect(threat.labels).toContain('threat_contacts');
    const [s, e] = threat.spans.threat_contacts![0]!;
    expect(threat.text!.slice(s, e)).toMatch(/通讯录|联系/);
    expect(evs.find((x) => x.text?.includes('验证码'))!.labels).toEqual([]);
    // +86 171 2345 6789 is normalised to the bare mobile number.
    expect(evs.some((x) => x.number === '17123456789')).toBe(true);

    const report = evs.find((x) => x.kind === 'third_party_report')!;
    expect(report).toBeTruthy();
    expect(report.contact).not.toBeNull();

    const cols = (await runCli(['collectors', '--json', '--data', data])).json<{ id: number; numbers: string[]; lender: string | null }[]>();
    const sj = cols.find((x) => x.numbers.includes(c.collector))!;
    // 速借花 is neither in the lender registry nor a loan of this case: unknown (the person picks the loan), never a name from the text.
    expect(sj.lender).toBeNull();
    expect(evs.filter((x) => x.number === c.collector).every((x) => x.collector === sj.id)).toBe(true);

    const contacts = (await runCli(['contacts', '--touched', '--json', '--data', data])).json<{ name: string; touched: boolean }[]>();
    expect(contacts.map((x) => x.name)).toEqual(['李明']);

    const byKind = (await runCli(['events', '--kind', 'call', '--from', '2026-06-11', '--to', '2026-06-11', '--json', '--data', data])).json<Ev[]>();
    expect(byKind.map((x) => x.at.slice(0, 10))).toEqual(Array(5).fill('2026-06-11'));
  });

  it('adds nothing when the same backup is imported twice', async () => {
    const data = tempDataDir();
    const { files } = writeSample(data);
    await runCli(['import', files.sms, '--data', data]);
    const again = await runCli(['import', files.sms, '--data', data, '--json']);
    expect(again.json<{ files: { eventsAdded: number; events: number }[] }>().files[0]).toMatchObject({ eventsAdded: 0, events: 6 });
    expect((await runCli(['events', '--kind', 'sms', '--json', '--data', data])).json<Ev[]>()).toHaveLength(6);
  });

  it('rejects malformed XML naming file, line and column, and keeps nothing from that file', async () => {
    const data = tempDataDir();
    const { c } = writeSample(data);
    const bad = join(data, 'broken.xml');
    writeFileSync(bad, smsXml(c.sms).replace('<sms protocol="0" address="17012345678"', '<sms protocol="0" address=17012345678'));
    const r = await runCli(['import', bad, '--data', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.xml:\d+:\d+/);
    expect((await runCli(['events', '--json', '--data', data])).json<Ev[]>()).toEqual([]);
  });

  it('rejects an empty file, a truncated file and an unknown format with a clear message', async () => {
    const data = tempDataDir();
    const { c } = writeSample(data);
    const empty = join(data, 'empty.xml');
    writeFileSync(empty, '');
    const trunc = join(data, 'trunc.xml');
    const full = smsXml(c.sms);
    writeFileSync(trunc, full.slice(0, Math.floor(full.length * 0.6)));
    // Formats are detected by content, whatever the name says: PNG bytes are a (cut-off) screenshot, not XML.
    const photo = join(data, 'photo.xml');
    writeFileSync(photo, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]));
    const other = join(data, 'other.bin');
    writeFileSync(other, Buffer.from([0x00, 0x13, 0x37, 0xfe, 0xff, 0x00, 0x42, 0x07, 1, 2, 3, 4]));
    for (const [f, pattern] of [[empty, /空|empty/], [trunc, /trunc|incomplete|不完整|截断|end/i], [photo, /图片|image/], [other, /vCard|CSV|XML/]] as const) {
      const r = await runCli(['import', f, '--data', data]);
      expect(r.code, f).toBe(1);
      expect(r.stderr).toMatch(pattern);
    }
    expect((await runCli(['events', '--json', '--data', data])).json<Ev[]>()).toEqual([]);
  });

  it('a process killed in the middle of an import leaves the database as before; running it again completes it', async () => {
    const data = tempDataDir();
    const big = join(data, 'big-sms.xml');
    const n = 100_000;
    await new Promise<void>((resolve, reject) => {
      const w = createWriteStream(big);
      w.on('error', reject);
      w.write(`<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="${n}">\n`);
      for (let i = 0; i < n; i++) {
        w.write(`<sms protocol="0" address="1701234${String(i % 1000).padStart(4, '0')}" date="${bj(2024, 1, 1) + i * 60000}" type="1" body="您的借款已逾期${i}天，请尽快还款，否则将联系您的紧急联系人。" read="1" status="-1" locked="0" date_sent="0" contact_name="(Unknown)" />\n`);
      }
      w.end('</smses>\n', () => resolve());
    });
    const bin = join(process.cwd(), 'bin', 'huxun.js');
    const child = spawn(process.execPath, [bin, 'import', big, '--data', data], { stdio: ['ignore', 'ignore', 'pipe'] });
    await new Promise<void>((resolve) => {
      let seen = '';
      child.stderr.on('data', (d: Buffer) => {
        seen += d.toString();
        // Kill once it has parsed a good part of the file (progress lines count records).
        const m = /(\d+) 条 records/.exec(seen.slice(-200));
        if (m && Number(m[1]) > 60_000) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    expect(child.signalCode).toBe('SIGKILL');
    // A large file is written under a rollback journal: the next open must replay it (it is hot now).
    expect(existsSync(join(data, 'huxun.db-journal'))).toBe(true);
    const db = new Database(join(data, 'huxun.db'));
    const count = (db.prepare('select count(*) as n from events').get() as { n: number }).n;
    const ev = (db.prepare('select count(*) as n from evidence').get() as { n: number }).n;
    db.close();
    expect(count).toBe(0);
    expect(ev).toBe(0);
    const again = await runCli(['import', big, '--data', data, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.json<{ files: { eventsAdded: number }[] }>().files[0]!.eventsAdded).toBe(n);
  }, 120_000);
});
