import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../support/cli.js';

describe('data-folder lock', () => {
  it('refuses a second writer while another live process holds the folder, and takes over a stale lock', async () => {
    const data = tempDataDir();
    const holder = spawn('sleep', ['30']);
    try {
      writeFileSync(join(data, 'huxun.lock'), JSON.stringify({ pid: holder.pid, what: 'server', url: 'http://127.0.0.1:7878/', since: Date.now() }));
      const r = await runCli(['loan', 'list', '--data', data]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('正被另一个护讯进程使用');
      expect(r.stderr).toContain(String(holder.pid));
    } finally {
      holder.kill();
    }
    await new Promise((res) => holder.once('exit', res));
    const again = await runCli(['loan', 'list', '--data', data, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.json()).toEqual([]);
  });
});

describe('data-folder lock in one process', () => {
  it('leaves no exit listener behind once released, however often the folder is opened', async () => {
    const { acquireLock } = await import('../../src/store/lock.js');
    const data = tempDataDir();
    const before = process.listenerCount('exit');
    for (let i = 0; i < 20; i++) acquireLock(data, 'test').release();
    expect(process.listenerCount('exit')).toBe(before);
  });
});
