/**
 * The perimeter of the local server (issue 10): a real server on a free loopback port, spoken to
 * with node:http so that every header (Host, Origin, cookies, chunked bodies) is what an attacker
 * could send.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../src/app/context.js';
import { setPassphrase } from '../../src/app/settings.js';
import { cleanFileName } from '../../src/server/routes/http.js';
import { startServer, type RunningServer } from '../../src/server/start.js';

interface Res {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One request; `chunks` are written one by one without a Content-Length (chunked transfer). */
function send(base: string, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; chunks?: Buffer[] }): Promise<Res> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: u.hostname, port: u.port, method: opts.method ?? 'GET', path: opts.path, headers: { host: u.host, ...opts.headers } },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf8') }));
        res.on('error', reject);
      },
    );
    // The server may close the connection while we still send a refused upload: that is expected.
    req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'EPIPE' || (e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e)));
    if (opts.chunks) {
      void (async () => {
        for (const c of opts.chunks!) {
          if (req.destroyed) return;
          if (!req.write(c)) await new Promise((r) => req.once('drain', r));
        }
        req.end();
      })().catch(() => undefined);
    } else req.end(opts.body);
  });
}

const tmpDirs: string[] = [];
function tmpData(): string {
  const d = mkdtempSync(join(tmpdir(), 'huxun-sec-'));
  tmpDirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});

/** Files the data folder holds under uploads/ and attachments/ (temp or kept), and restore temp folders. */
function leftovers(dataDir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(join(dataDir, 'uploads'));
  walk(join(dataDir, 'attachments'));
  for (const name of readdirSync(dataDir)) if (/restore/.test(name)) out.push(join(dataDir, name));
  return out;
}

describe('local API access', () => {
  let s: RunningServer;
  let dataDir: string;
  const key = () => ({ 'x-huxun-key': s.key });

  beforeAll(async () => {
    dataDir = tmpData();
    s = await startServer({ dataDir, port: 0, host: '127.0.0.1', limits: { imports: 64 * 1024, evidence: 64 * 1024, restore: 64 * 1024, verify: 64 * 1024 } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('prints the address with a fresh key, and the key is not in the lock file', async () => {
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?k=[A-Za-z0-9_-]{43}$/);
    expect(s.url).toBe(`${s.origin}?k=${s.key}`);
    const { readFileSync } = await import('node:fs');
    const lock = existsSync(join(dataDir, 'huxun.lock')) ? readFileSync(join(dataDir, 'huxun.lock'), 'utf8') : '';
    expect(lock).not.toContain(s.key);
  });

  it('refuses a foreign Host (DNS rebinding), even with the key', async () => {
    const port = new URL(s.origin).port;
    const r = await send(s.origin, { path: '/api/backup', headers: { host: `evil.example:${port}`, ...key() } });
    expect(r.status).toBe(403);
    expect(r.body).not.toContain('SQLite');
    expect(JSON.parse(r.body)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    // The right name on another port is someone else's origin too.
    expect((await send(s.origin, { path: '/api/loans', headers: { host: '127.0.0.1:1', ...key() } })).status).toBe(403);
    // localhost and 127.0.0.1 with our port are both this server.
    expect((await send(s.origin, { path: '/api/loans', headers: { host: `localhost:${port}`, ...key() } })).status).toBe(200);
  });

  it('refuses a change from a foreign Origin or a cross-site fetch', async () => {
    const body = JSON.stringify({ quiet_mode: true });
    const json = { 'content-type': 'application/json', ...key() };
    const foreign = await send(s.origin, { method: 'PUT', path: '/api/settings', headers: { ...json, origin: 'http://evil.example' }, body });
    expect(foreign.status).toBe(403);
    const crossSite = await send(s.origin, { method: 'PUT', path: '/api/settings', headers: { ...json, 'sec-fetch-site': 'cross-site' }, body });
    expect(crossSite.status).toBe(403);
    const settings = JSON.parse((await send(s.origin, { path: '/api/settings', headers: key() })).body) as { quiet_mode: boolean; data_dir: string };
    expect(settings.quiet_mode).toBe(false);
    // No absolute path in the answer.
    expect(settings.data_dir).not.toContain(dataDir);
    expect(settings.data_dir.startsWith('/')).toBe(false);
    const own = await send(s.origin, { method: 'PUT', path: '/api/settings', headers: { ...json, origin: s.origin.replace(/\/$/, ''), 'sec-fetch-site': 'same-origin' }, body });
    expect(own.status).toBe(200);
  });

  it('refuses the API and the page without the key; the printed address opens both through a cookie', async () => {
    const noKey = await send(s.origin, { path: '/api/loans' });
    expect(noKey.status).toBe(401);
    expect(JSON.parse(noKey.body)).toMatchObject({ error: { code: 'NEED_KEY' } });
    expect((await send(s.origin, { path: '/api/loans', headers: { 'x-huxun-key': 'x'.repeat(43) } })).status).toBe(401);
    expect((await send(s.origin, { path: '/api/health' })).status).toBe(401);
    // The router decodes the path: an encoded "/api" is still the API.
    expect((await send(s.origin, { path: '/%61pi/loans' })).status).toBe(401);
    expect((await send(s.origin, { path: '/timeline' })).status).toBe(401);

    const page = await send(s.origin, { path: '/' });
    expect(page.status).toBe(401);
    expect(page.body).toContain('完整网址');
    expect(page.body).not.toContain('<script');
    expect((await send(s.origin, { path: '/?k=wrong' })).status).toBe(401);

    const u = new URL(s.url);
    const open = await send(s.origin, { path: u.pathname + u.search });
    expect(open.status).toBe(303);
    expect(open.headers.location).toBe('/');
    const set = String(open.headers['set-cookie']);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    expect(set).toMatch(/Path=\//);
    const cookie = set.split(';')[0]!;
    expect((await send(s.origin, { path: '/api/loans', headers: { cookie } })).status).toBe(200);
    expect((await send(s.origin, { path: '/', headers: { cookie } })).status).toBe(200);
    // A cookie of a server on another port (cookies ignore ports) does not open this one.
    expect((await send(s.origin, { path: '/api/loans', headers: { cookie: `huxun_key_1=${s.key}` } })).status).toBe(401);
  });

  it('sets the security headers on JSON, HTML, errors and refusals', async () => {
    const u = new URL(s.url);
    for (const r of [
      await send(s.origin, { path: '/api/loans', headers: key() }),
      await send(s.origin, { path: '/', headers: key() }),
      await send(s.origin, { path: u.pathname + u.search }),
      await send(s.origin, { path: '/api/nope', headers: key() }),
      await send(s.origin, { path: '/api/loans' }),
    ]) {
      expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(r.headers['content-security-policy']).toContain("script-src 'self';");
      expect(r.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe/);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(r.headers['cross-origin-resource-policy']).toBe('same-origin');
    }
  });

  it('answers 400, not 500, to malformed percent-encoding in a file name', async () => {
    for (const path of ['/api/imports', '/api/evidence']) {
      const r = await send(s.origin, { method: 'POST', path, headers: { ...key(), 'content-type': 'application/octet-stream', 'x-file-name': '%E0%A4%A' }, body: 'x' });
      expect(r.status, path).toBe(400);
      expect(JSON.parse(r.body)).toMatchObject({ error: { code: 'BAD_INPUT' } });
    }
    const note = await send(s.origin, { method: 'POST', path: '/api/evidence', headers: { ...key(), 'content-type': 'application/octet-stream', 'x-file-name': 'a.txt', 'x-note': encodeURIComponent('很'.repeat(1001)) }, body: 'x' });
    expect(note.status).toBe(400);
  });

  it('cleans the names of uploaded files', async () => {
    const evil = `../../etc/\u202Egpj.exe\u0000\u0007${'长'.repeat(300)}.jpg`;
    const r = await send(s.origin, { method: 'POST', path: '/api/evidence', headers: { ...key(), 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(evil) }, body: 'proof' });
    expect(r.status, r.body).toBe(201);
    const name = (JSON.parse(r.body) as { name: string }).name;
    expect([...name].length).toBeLessThanOrEqual(200);
    expect(name).toMatch(/^gpj\.exe长+\.jpg$/);
    expect(cleanFileName('e\u0301.txt')).toBe('\u00e9.txt');
    expect(cleanFileName('..')).toBeUndefined();
    expect(cleanFileName('C:\\Users\\a\\短信.xml')).toBe('短信.xml');
  });

  it('refuses an upload over the limit by Content-Length and a chunked one past it with 413, leaving no partial file', async () => {
    const big = Buffer.alloc(100 * 1024, 'a');
    const headers = { ...key(), 'content-type': 'application/octet-stream', 'x-file-name': 'big.xml' };
    for (const path of ['/api/imports', '/api/evidence', '/api/verify', '/api/restore']) {
      const r = await send(s.origin, { method: 'POST', path, headers: { ...headers, 'content-length': String(big.length) }, body: big });
      expect(r.status, path).toBe(413);
      expect(JSON.parse(r.body)).toMatchObject({ error: { code: 'TOO_LARGE' } });
    }
    for (const path of ['/api/imports', '/api/evidence', '/api/verify', '/api/restore']) {
      const chunks = Array.from({ length: 40 }, () => Buffer.alloc(8 * 1024, 'b'));
      const r = await send(s.origin, { method: 'POST', path, headers, chunks });
      expect(r.status, path).toBe(413);
    }
    // Give a destroyed write stream its moment to close, then look.
    await new Promise((r) => setTimeout(r, 100));
    expect(leftovers(dataDir).filter((p) => !/attachments\/cases\/\d+\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(p))).toEqual([]);
    // The server is still there for the next request.
    expect((await send(s.origin, { path: '/api/health', headers: key() })).status).toBe(200);
  });

  it('keeps nothing of an upload the client abandons halfway', async () => {
    const u = new URL(s.origin);
    for (const path of ['/api/imports', '/api/evidence', '/api/restore']) {
      await new Promise<void>((resolve) => {
        const req = httpRequest({ host: u.hostname, port: u.port, method: 'POST', path, headers: { ...key(), host: u.host, 'content-type': 'application/octet-stream', 'x-file-name': 'half.xml' } });
        req.on('error', () => resolve());
        req.write(Buffer.alloc(16 * 1024, 'c'));
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 300);
      });
    }
    let left: string[] = [];
    for (let i = 0; i < 40; i++) {
      await new Promise((r) => setTimeout(r, 50));
      left = leftovers(dataDir).filter((p) => !/attachments\/cases\/\d+\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(p));
      if (left.length === 0) break;
    }
    expect(left).toEqual([]);
  });
});

describe('what the server refuses to do yet', () => {
  it('does not bind a non-loopback address', async () => {
    await expect(startServer({ dataDir: tmpData(), port: 0, host: '0.0.0.0' })).rejects.toThrow(/127\.0\.0\.1[\s\S]*accounts/);
  });
  it('does not serve PostgreSQL (no accounts yet)', async () => {
    await expect(startServer({ dataDir: tmpData(), databaseUrl: 'postgres://u@127.0.0.1:1/x', port: 0, host: '127.0.0.1' })).rejects.toThrow(/PostgreSQL/);
  });
});

describe('locked start (encrypted data, no passphrase given)', () => {
  let s: RunningServer;
  const PASS = 'correct horse 电池';

  beforeAll(async () => {
    const dataDir = tmpData();
    const o = await openApp({ dataDir });
    await setPassphrase(o.ctx, PASS);
    await o.close();
    s = await startServer({ dataDir, port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('starts locked and opens with the right passphrase', async () => {
    const h = { 'x-huxun-key': s.key };
    const json = { ...h, 'content-type': 'application/json' };
    expect(s.locked).toBe(true);
    expect(JSON.parse((await send(s.origin, { path: '/api/health', headers: h })).body)).toEqual({ ok: true, locked: true });
    const loans = await send(s.origin, { path: '/api/loans', headers: h });
    expect(loans.status).toBe(423);
    expect(JSON.parse(loans.body)).toMatchObject({ error: { code: 'LOCKED' } });
    // Unlocking is guarded like everything else.
    expect((await send(s.origin, { method: 'POST', path: '/api/unlock', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ passphrase: PASS }) })).status).toBe(401);
    expect((await send(s.origin, { method: 'POST', path: '/api/unlock', headers: { ...json, origin: 'http://evil.example' }, body: JSON.stringify({ passphrase: PASS }) })).status).toBe(403);

    const wrong = await send(s.origin, { method: 'POST', path: '/api/unlock', headers: json, body: JSON.stringify({ passphrase: 'nope nope' }) });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toMatchObject({ error: { code: 'BAD_PASSPHRASE', message: expect.stringMatching(/密码不对/) } });
    expect((await send(s.origin, { path: '/api/loans', headers: h })).status).toBe(423);

    const right = await send(s.origin, { method: 'POST', path: '/api/unlock', headers: json, body: JSON.stringify({ passphrase: PASS }) });
    expect(right.status, right.body).toBe(200);
    expect(JSON.parse((await send(s.origin, { path: '/api/health', headers: h })).body)).toMatchObject({ ok: true, locked: false });
    const after = await send(s.origin, { path: '/api/loans', headers: h });
    expect(after.status).toBe(200);
    expect(JSON.parse(after.body)).toEqual([]);
    await expect(s.chainCheck).resolves.toMatchObject({ ok: true });
  });
});
