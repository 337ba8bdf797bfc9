/**
 * A locked server holds the data folder (issue 10): started without the passphrase of an encrypted database,
 * it takes the data-folder lock at start, not at unlock. A CLI command run meanwhile (in another process,
 * as a person would) is refused with the LOCKED message instead of taking the folder, and the unlock that
 * follows opens the app under the same lock, which is released when the server closes.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openApp } from '../../src/app/context.js';
import { setPassphrase } from '../../src/app/settings.js';
import { startServer, type RunningServer } from '../../src/server/start.js';

const BIN = fileURLToPath(new URL('../../bin/huxun.js', import.meta.url));
const PASS = 'correct horse 电池';
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function send(base: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: u.hostname, port: u.port, method, path, headers: { host: u.host, ...headers } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The real `huxun` in its own process (a lock held by this process would not stop one running in it). */
function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const { DATABASE_URL: _d, HUXUN_PASSPHRASE: _p, HUXUN_DATA: _h, ...rest } = process.env;
    const p = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...rest, ...env } });
    let stderr = '';
    p.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a locked server holds the data folder', () => {
  let s: RunningServer | undefined;
  afterAll(async () => {
    await s?.close();
  });

  it('refuses a CLI command while locked, then unlocks', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'huxun-locked-'));
    dirs.push(dataDir);
    const o = await openApp({ dataDir });
    await setPassphrase(o.ctx, PASS);
    await o.close();

    s = await startServer({ dataDir, port: 0, host: '127.0.0.1' });
    expect(s.locked).toBe(true);
    const lock = JSON.parse(readFileSync(join(dataDir, 'huxun.lock'), 'utf8')) as { pid: number; what: string };
    expect(lock).toMatchObject({ pid: process.pid, what: 'server' });

    // Even with the right passphrase at hand, the CLI may not take the folder from the waiting server.
    const r = await cli(['loan', 'list', '--data', dataDir, '--json'], { HUXUN_PASSPHRASE: PASS });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('正被另一个护讯进程使用');
    expect(r.stderr).toContain(`pid ${process.pid}`);
    expect(existsSync(join(dataDir, 'huxun.lock'))).toBe(true);

    const h = { 'x-huxun-key': s.key, 'content-type': 'application/json' };
    const un = await send(s.origin, 'POST', '/api/unlock', h, JSON.stringify({ passphrase: PASS }));
    expect(un.status, un.body).toBe(200);
    const loans = await send(s.origin, 'GET', '/api/loans', { 'x-huxun-key': s.key });
    expect(loans.status, loans.body).toBe(200);
    expect(JSON.parse(readFileSync(join(dataDir, 'huxun.lock'), 'utf8'))).toMatchObject({ pid: process.pid, what: 'server' });

    await s.close();
    s = undefined;
    expect(existsSync(join(dataDir, 'huxun.lock'))).toBe(false);
  }, 60_000);

  it('does not leave its lock behind when the start fails after taking it', async () => {
    const busy = await startServer({ dataDir: mkdtempSync(join(tmpdir(), 'huxun-locked-')), port: 0, host: '127.0.0.1' });
    const dataDir = mkdtempSync(join(tmpdir(), 'huxun-locked-'));
    dirs.push(dataDir);
    try {
      // The port is in use: the listen fails after the lock was taken.
      await expect(startServer({ dataDir, port: Number(new URL(busy.origin).port), host: '127.0.0.1' })).rejects.toThrow(/in use/);
    } finally {
      await busy.close();
    }
    expect(existsSync(join(dataDir, 'huxun.lock'))).toBe(false);
  });
});
