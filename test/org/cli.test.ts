/** `huxun org …` and `huxun serve --org` (issue 15): the one-time first admin, staff accounts, PostgreSQL only. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_URL, dropPgDatabase } from '../support/stores.js';
import { runCli, tempDataDir } from '../support/cli.js';
import { startOrgServer } from '../../src/server/start.js';

const url = PG_URL;
let dbUrl = '';
let name = '';

describe.skipIf(!url)('organisation accounts from the CLI (PostgreSQL)', () => {
  beforeAll(async () => {
    name = `huxun_cli_${process.pid}_${Date.now()}`;
    const a = new pg.Client({ connectionString: url });
    await a.connect();
    await a.query(`create database ${name}`);
    await a.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    dbUrl = u.toString();
  });
  afterAll(async () => {
    delete process.env.HUXUN_NEW_PASSWORD;
    await dropPgDatabase(name);
  });

  it('creates the first admin once, then staff accounts; never with a short password', async () => {
    const data = ['--data', tempDataDir(), '--database', dbUrl];
    process.env.HUXUN_NEW_PASSWORD = 'short';
    expect((await runCli(['org', 'create-admin', 'boss', ...data])).code).not.toBe(0);
    process.env.HUXUN_NEW_PASSWORD = 'a long enough password 主管';
    const first = await runCli(['org', 'create-admin', 'boss', ...data]);
    expect(first.code, first.stderr).toBe(0);
    const again = await runCli(['org', 'create-admin', 'other', ...data]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/已经有管理员[\s\S]*admin account exists/);
    expect((await runCli(['org', 'user', 'add', 'wang', '--role', 'caseworker', ...data])).code).toBe(0);
    expect((await runCli(['org', 'user', 'add', 'li', '--role', 'borrower', ...data])).code).toBe(2);
    expect((await runCli(['org', 'user', 'disable', 'wang', ...data])).code).toBe(0);
    const list = await runCli(['org', 'user', 'list', '--json', ...data]);
    expect(list.json()).toMatchObject([
      { username: 'boss', role: 'admin', disabled: false, must_change: false },
      // A password typed by the admin is replaced by its owner at the first login, as on the accounts page.
      { username: 'wang', role: 'caseworker', disabled: true, must_change: true },
    ]);
    expect(list.stdout).not.toMatch(/argon2/);
    // The one admin cannot be disabled (an organisation always keeps an active admin).
    const last = await runCli(['org', 'user', 'disable', 'boss', ...data]);
    expect(last.code).toBe(1);
    expect(last.stderr).toMatch(/最后一个可用的管理员/);
    // A lost phone or a lost server key: the second factor is turned off for the account to enrol again.
    expect((await runCli(['org', 'user', 'reset-totp', 'boss', ...data])).code).toBe(0);
    expect((await runCli(['org', 'user', 'reset-totp', 'nobody', ...data])).code).toBe(2);
  });

  it('serve --org listens on any host it is given, and the admin logs in through it', async () => {
    const s = await startOrgServer({ databaseUrl: dbUrl, dataDir: tempDataDir(), host: '127.0.0.1', port: 0 });
    try {
      const origin = s.origin.replace(/\/$/, '');
      const health = await fetch(`${origin}/api/health`);
      expect(await health.json()).toMatchObject({ ok: true, mode: 'org', engine: 'postgres' });
      const login = await fetch(`${origin}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ username: 'boss', password: 'a long enough password 主管' }) });
      expect(login.status).toBe(200);
      expect(await login.json()).toMatchObject({ user: { username: 'boss', role: 'admin' }, csrf: expect.any(String) });
      expect(login.headers.get('set-cookie')).toMatch(/^huxun_session=.*HttpOnly; SameSite=Strict/);
      expect(login.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    } finally {
      await s.close();
    }
  });
});

describe('serve --org', () => {
  it('refuses SQLite with a message naming PostgreSQL', async () => {
    const r = await runCli(['serve', '--org', '--data', tempDataDir(), '--port', '0']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/PostgreSQL/);
  });
});
