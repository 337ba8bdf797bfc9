/**
 * huxun import SCREENSHOT… on screenshots whose times are relative (昨天 / 星期三 / a bare time) and whose capture
 * date nothing gives: the CLI names them and prints the command to run again with --taken-at; with it they import.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stopOcr } from '../../src/app/ocr.js';
import { runCli, tempDataDir } from '../support/cli.js';

afterAll(async () => {
  await stopOcr();
});

describe('huxun import: screenshots that need their capture date (CLI)', { timeout: 120_000 }, () => {
  it('names them with the --taken-at command, exit 1; the same command with the date imports them', async () => {
    const fix = new URL('../fixtures/ocr/', import.meta.url);
    const truth = JSON.parse(readFileSync(new URL('truth.json', fix), 'utf8')) as { file: string; takenAt: string }[];
    const takenAt = truth.find((t) => t.file === 'wechat-light.jpg')!.takenAt;
    const data = tempDataDir();
    const shot = join(mkdtempSync(join(tmpdir(), 'hx-cli-shot-')), 'chat.jpg');
    copyFileSync(new URL('wechat-light.jpg', fix), shot);
    const r = await runCli(['import', shot, '--data', data, '--tz', 'Asia/Shanghai']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('这些截图需要截图日期');
    expect(r.stderr).toMatch(new RegExp(`huxun import ${shot.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} --taken-at \\d{4}-\\d{2}-\\d{2}`));
    const ok = await runCli(['import', shot, '--data', data, '--taken-at', takenAt, '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.json<{ files: { eventsAdded: number; takenAtFrom: string }[]; needsDate: string[] }>()).toMatchObject({ files: [{ eventsAdded: 4, takenAtFrom: 'flag' }], needsDate: [] });
  });
});
