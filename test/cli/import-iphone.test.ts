import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSyntheticBackup } from '../../src/import/iphone/synthetic.js';
import { runCli, tempDataDir } from '../support/cli.js';

describe('huxun import BACKUP_FOLDER and recordings (CLI)', () => {
  it('imports an iPhone backup folder and a recording; a second run adds nothing', async () => {
    const data = tempDataDir();
    const dir = join(mkdtempSync(join(tmpdir(), 'hx-cli-iphone-')), '00008110-001A2B3C4D5E801E');
    buildSyntheticBackup(dir);
    const rec = join(mkdtempSync(join(tmpdir(), 'hx-cli-rec-')), '13900001111(13900001111)_20260302092520.mp3');
    copyFileSync(new URL('../fixtures/recordings/tone-3s.mp3', import.meta.url), rec);
    const r = await runCli(['import', dir, rec, '--data', data]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/✓ 00008110-001A2B3C4D5E801E \(iphone-backup\): 7\/7 条事件新增/);
    expect(r.stdout).toMatch(/录音 recording: 3\.2 s, 已对上通话 linked to its call #\d+/);
    const again = await runCli(['import', dir, rec, '--data', data, '--json']);
    expect(again.code, again.stderr).toBe(0);
    const s = again.json<{ files: { eventsAdded: number; contactsAdded: number }[] }>();
    expect(s.files.map((f) => f.eventsAdded + f.contactsAdded)).toEqual([0, 0]);
    const evs = (await runCli(['events', '--json', '--data', data, '--kind', 'sms'])).json<{ text: string }[]>();
    expect(evs.map((e) => e.text)).toContain('最后通牒：今天不还就上门 😡 回复TD退订');
  });

  it('a folder of recordings imports each recording', async () => {
    const data = tempDataDir();
    const dir = mkdtempSync(join(tmpdir(), 'hx-cli-call-rec-'));
    copyFileSync(new URL('../fixtures/recordings/tone-3s.amr', import.meta.url), join(dir, '13800000001_20260301120000.amr'));
    copyFileSync(new URL('../fixtures/recordings/tone-3s.m4a', import.meta.url), join(dir, 'Call recording 13800000002_260301_130000.m4a'));
    const r = await runCli(['import', dir, '--data', data, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = r.json<{ files: { format: string; eventsAdded: number; recording: { linked: string } }[] }>();
    expect(s.files.map((f) => [f.format, f.eventsAdded, f.recording.linked])).toEqual([
      ['call-recording', 1, 'new-call'],
      ['call-recording', 1, 'new-call'],
    ]);
  });

  it('an encrypted backup: exit 1 with how to make an unencrypted one', async () => {
    const data = tempDataDir();
    const dir = join(mkdtempSync(join(tmpdir(), 'hx-cli-iphone-')), 'enc');
    buildSyntheticBackup(dir, { encrypted: true });
    const r = await runCli(['import', dir, '--data', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('加密本地备份');
    expect(r.stderr).toContain('Encrypt local backup');
  });
});
