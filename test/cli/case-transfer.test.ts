/** `huxun case export` / `huxun case import` on real SQLite data folders: the passphrase from the environment, a new case, wrong passphrase refused. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/db.js';
import { callsXml, sampleCase, smsXml, vcard } from '../support/backup.js';
import { runCli, tempDataDir } from '../support/cli.js';

afterEach(() => {
  delete process.env.HUXUN_EXPORT_PASSPHRASE;
});

describe('huxun case export / import', () => {
  it('exports a case file and imports it into another data folder as a new case with the same chain', async () => {
    const data = tempDataDir();
    const c = sampleCase();
    writeFileSync(join(data, 'sms.xml'), smsXml(c.sms));
    writeFileSync(join(data, 'calls.xml'), callsXml(c.calls));
    writeFileSync(join(data, 'c.vcf'), vcard(c.contacts));
    expect((await runCli(['import', ...['c.vcf', 'sms.xml', 'calls.xml'].map((f) => join(data, f)), '--data', data])).code).toBe(0);
    const head = (await runCli(['evidence', 'check', '--data', data, '--json'])).json<{ chain: { head: string; count: number } }>().chain;

    process.env.HUXUN_EXPORT_PASSPHRASE = '交给法援中心 2026';
    const out = join(mkdtempSync(join(data, 'out-')), '我的案件');
    const ex = await runCli(['case', 'export', '--out', out, '--data', data, '--json']);
    expect(ex.code, ex.stderr).toBe(0);
    const exported = ex.json<{ path: string; evidence: number }>();
    expect(exported.path).toBe(`${out}.hxcase`);
    expect(exported.evidence).toBe(head.count);

    const target = tempDataDir();
    const im = await runCli(['case', 'import', exported.path, '--name', '王女士', '--data', target, '--json']);
    expect(im.code, im.stderr).toBe(0);
    const r = im.json<{ caseId: number; evidence: number }>();
    expect(r.evidence).toBe(head.count);
    const store = await openStore({ dataDir: target });
    try {
      const row = await store.db.selectFrom('cases').selectAll().where('id', '=', r.caseId).executeTakeFirstOrThrow();
      expect(row.name).toBe('王女士');
      const last = await store.db.selectFrom('evidence').select('hash').where('case_id', '=', r.caseId).orderBy('seq', 'desc').executeTakeFirstOrThrow();
      expect(last.hash).toBe(head.head);
    } finally {
      await store.close();
    }

    process.env.HUXUN_EXPORT_PASSPHRASE = '不对的口令123';
    const bad = await runCli(['case', 'import', exported.path, '--data', target]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('口令不对');
  }, 60_000);
});
