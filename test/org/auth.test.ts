/**
 * Logins and sessions of the organisation server (issue 15, ASVS level 2): brute force with back-off, the same
 * answer for an unknown account, session fixation, CSRF, expiry, logout, TOTP. Real database; time is the test's clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/app/org/accounts.js';
import { totpCode } from '../../src/app/org/passwords.js';
import { orgHarness, PASSWORD, type OrgHarness } from '../support/org.js';

let h: OrgHarness;
beforeAll(async () => {
  h = await orgHarness();
});
afterAll(async () => {
  await h?.cleanup();
});

describe('login', () => {
  it('sets an HttpOnly SameSite=Strict session cookie and answers { user, csrf }', async () => {
    await createUser(h.org, { username: 'alice', password: PASSWORD, role: 'caseworker' });
    const c = h.client();
    const r = await c.login('Alice');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ user: { username: 'alice', role: 'caseworker' }, csrf: expect.any(String) });
    expect(Object.keys(r.json().user).sort()).toEqual(['id', 'role', 'username']);
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/^huxun_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(r.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    const me = await c.req('GET', '/api/auth/me');
    expect(me.json()).toMatchObject({ user: { username: 'alice' }, csrf: r.json().csrf });
    // The password hash is argon2id and is never in an answer.
    const row = await h.org.store.db.selectFrom('users').select('password_hash').where('username', '=', 'alice').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(me.body).not.toContain('argon2');
  });

  it('answers an unknown account exactly like a wrong password', async () => {
    await createUser(h.org, { username: 'bob', password: PASSWORD, role: 'caseworker' });
    const wrong = await h.client('10.9.0.1').login('bob', 'not the password at all');
    const unknown = await h.client('10.9.0.2').login('nobody-here', 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
  });

  it('locks an account name after 5 failures, with a wait that doubles, the same for an unknown name', async () => {
    await createUser(h.org, { username: 'carol', password: PASSWORD, role: 'supervisor' });
    for (const name of ['carol', 'ghost']) {
      const c = h.client(`10.8.0.${name.length}`);
      for (let i = 0; i < 5; i++) expect((await c.login(name, 'wrong password 12345')).statusCode).toBe(401);
      const locked = await c.login(name); // right password (for carol): still refused while locked
      expect(locked.statusCode).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBe(60);
      h.clock.now += 61_000;
      expect((await c.login(name, 'wrong password 12345')).statusCode).toBe(401);
      // The sixth failure doubles the wait.
      h.clock.now += 61_000;
      expect((await c.login(name)).statusCode).toBe(429);
      h.clock.now += 60_000;
      expect((await c.login(name)).statusCode).toBe(name === 'carol' ? 200 : 401);
    }
    // A success cleared carol's count: one wrong password is just a 401 again.
    expect((await h.client('10.8.1.1').login('carol', 'wrong password 12345')).statusCode).toBe(401);
  });

  it('limits one address across account names', async () => {
    await createUser(h.org, { username: 'dave', password: PASSWORD, role: 'caseworker' });
    const c = h.client('10.7.7.7');
    for (let i = 0; i < 20; i++) expect((await c.login(`spray${i}`, 'wrong password 12345')).statusCode).toBe(401);
    expect((await c.login('dave')).statusCode).toBe(429);
    // Another address is not affected.
    expect((await h.client('10.7.7.8').login('dave')).statusCode).toBe(200);
    h.clock.now += 3600_000;
  });

  it('never accepts a session id set before login (fixation), and replaces a live one', async () => {
    await createUser(h.org, { username: 'erin', password: PASSWORD, role: 'caseworker' });
    const victim = h.client('10.6.0.1');
    victim.cookie = 'huxun_session=attacker-chosen-value-0000000000000000000000000';
    const planted = victim.cookie;
    expect((await victim.login('erin')).statusCode).toBe(200);
    expect(victim.cookie).not.toBe(planted);
    const attacker = h.client('10.6.0.2');
    attacker.cookie = planted;
    expect((await attacker.req('GET', '/api/auth/me')).statusCode).toBe(401);

    // A live session presented at login is ended: the one after login is always new.
    const before = victim.cookie;
    expect((await victim.login('erin')).statusCode).toBe(200);
    expect(victim.cookie).not.toBe(before);
    const old = h.client('10.6.0.3');
    old.cookie = before;
    expect((await old.req('GET', '/api/auth/me')).statusCode).toBe(401);
  });
});

describe('invite codes', () => {
  it('wrong codes count against the address, like failed logins', async () => {
    const c = h.client('10.7.9.9');
    for (let i = 0; i < 20; i++) {
      const r = await c.req('POST', '/api/auth/redeem', { invite: `WRONG-CODE-${i}-0000`, username: `guess${i}`, password: PASSWORD });
      expect(r.statusCode).toBe(401);
    }
    expect((await c.req('POST', '/api/auth/redeem', { invite: 'WRONG-CODE-X-0000', username: 'guessx', password: PASSWORD })).statusCode).toBe(429);
    h.clock.now += 3600_000;
  });
});

describe('requests without a session', () => {
  it('get 401 on the API except health and login', async () => {
    const c = h.client('10.5.0.1');
    expect((await c.req('GET', '/api/health')).statusCode).toBe(200);
    for (const [m, u] of [
      ['GET', '/api/org/cases'],
      ['GET', '/api/cases/1/loans'],
      ['GET', '/api/auth/me'],
      ['POST', '/api/org/users'],
    ] as const) {
      expect((await c.req(m, u, m === 'POST' ? {} : undefined)).statusCode, `${m} ${u}`).toBe(401);
    }
  });
});

describe('CSRF', () => {
  it('needs the session token header and the own Origin on every change', async () => {
    const s = await h.user('caseworker');
    const ok = await s.client.req('POST', '/api/org/cases', { name: 'csrf 1' });
    expect(ok.statusCode).toBe(201);
    expect((await s.client.req('POST', '/api/org/cases', { name: 'x' }, { 'x-csrf-token': '' })).statusCode).toBe(403);
    expect((await s.client.req('POST', '/api/org/cases', { name: 'x' }, { 'x-csrf-token': 'wrong' })).statusCode).toBe(403);
    expect((await s.client.req('POST', '/api/org/cases', { name: 'x' }, { origin: 'http://evil.example' })).statusCode).toBe(403);
    expect((await s.client.req('POST', '/api/org/cases', { name: 'x' }, { 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    // No Origin at all.
    const r = await h.app.inject({ method: 'POST', url: '/api/org/cases', headers: { host: 'huxun.test', cookie: s.client.cookie!, 'x-csrf-token': s.client.csrf! }, payload: { name: 'x' } });
    expect(r.statusCode).toBe(403);
    const cases = (await s.client.req('GET', '/api/org/cases')).json() as { name: string }[];
    expect(cases.map((c) => c.name)).toEqual(['csrf 1']);
  });

  it('login itself needs the own Origin (no login CSRF)', async () => {
    const r = await h.app.inject({ method: 'POST', url: '/api/auth/login', headers: { host: 'huxun.test', origin: 'http://evil.example' }, payload: { username: 'alice', password: PASSWORD } });
    expect(r.statusCode).toBe(403);
  });
});

describe('session lifetime', () => {
  it('ends after 30 idle minutes', async () => {
    const s = await h.user('caseworker');
    h.clock.now += 29 * 60_000;
    expect((await s.client.req('GET', '/api/auth/me')).statusCode).toBe(200);
    h.clock.now += 29 * 60_000; // idle time counts from the last use
    expect((await s.client.req('GET', '/api/auth/me')).statusCode).toBe(200);
    h.clock.now += 31 * 60_000;
    expect((await s.client.req('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('ends after 12 hours however busy', async () => {
    const s = await h.user('caseworker');
    for (let t = 0; t < 12 * 60; t += 20) {
      expect((await s.client.req('GET', '/api/auth/me')).statusCode).toBe(200);
      h.clock.now += 20 * 60_000;
    }
    expect((await s.client.req('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('ends at logout, and when an admin disables the account', async () => {
    const s = await h.user('caseworker');
    const cookie = s.client.cookie;
    expect((await s.client.req('POST', '/api/auth/logout')).statusCode).toBe(200);
    const again = h.client();
    again.cookie = cookie;
    expect((await again.req('GET', '/api/auth/me')).statusCode).toBe(401);

    const t = await h.user('caseworker');
    const admin = await h.user('admin');
    expect((await admin.client.req('PUT', `/api/org/users/${t.id}`, { disabled: true })).statusCode).toBe(200);
    expect((await t.client.req('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await t.client.login(t.username)).statusCode).toBe(401);
  });
});

describe('TOTP second factor (staff)', () => {
  it('once confirmed, login needs the current code', async () => {
    const s = await h.user('supervisor');
    const setup = (await s.client.req('POST', '/api/auth/totp/setup')).json() as { secret: string; uri: string };
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\//);
    expect((await s.client.req('POST', '/api/auth/totp/confirm', { secret: setup.secret, code: '000000' === totpCode(setup.secret, h.clock.now) ? '111111' : '000000' })).statusCode).toBe(400);
    expect((await s.client.req('POST', '/api/auth/totp/confirm', { secret: setup.secret, code: totpCode(setup.secret, h.clock.now) })).statusCode).toBe(200);
    const c = h.client('10.4.0.1');
    const need = await c.login(s.username);
    expect(need.statusCode).toBe(401);
    expect(need.json().error.details).toEqual({ totp_required: true });
    expect((await c.login(s.username, PASSWORD, totpCode(setup.secret, h.clock.now + 120_000))).statusCode).toBe(401);
    // The code that confirmed the enrolment is spent; the next step's code logs in, once.
    expect((await c.login(s.username, PASSWORD, totpCode(setup.secret, h.clock.now))).statusCode).toBe(401);
    h.clock.now += 30_000;
    const code = totpCode(setup.secret, h.clock.now);
    expect((await c.login(s.username, PASSWORD, code)).statusCode).toBe(200);
    expect((await h.client('10.4.0.2').login(s.username, PASSWORD, code)).statusCode).toBe(401);
    // An older step's code, still inside the drift window, is refused too once a later one was used.
    expect((await h.client('10.4.0.3').login(s.username, PASSWORD, totpCode(setup.secret, h.clock.now - 30_000))).statusCode).toBe(401);
    h.clock.now += 30_000;
    expect((await h.client('10.4.0.4').login(s.username, PASSWORD, totpCode(setup.secret, h.clock.now))).statusCode).toBe(200);
    const list = await (await h.user('admin')).client.req('GET', '/api/org/users');
    expect(list.body).not.toContain(setup.secret);
  });
});

describe('behind a TLS proxy (--behind-tls)', () => {
  let t: OrgHarness;
  beforeAll(async () => {
    t = await orgHarness({ behindTls: true });
  });
  afterAll(async () => {
    await t?.cleanup();
  });
  const login = (address: string, forwardedFor: string, username: string) =>
    t.client(address).req('POST', '/api/auth/login', { username, password: 'wrong password 12345' }, { 'x-forwarded-for': forwardedFor, origin: 'https://huxun.test', 'x-forwarded-proto': 'https' });

  it('does not believe a client’s own X-Forwarded-For: the address limit still holds', async () => {
    for (let i = 0; i < 20; i++) expect((await login('10.8.8.8', `203.0.113.${i}`, `spray${i}`)).statusCode).toBe(401);
    expect((await login('10.8.8.8', '198.51.100.7', 'spray-last')).statusCode).toBe(429);
  });

  it('believes the proxy on this machine: each forwarded client has its own limit', async () => {
    for (let i = 0; i < 20; i++) expect((await login('127.0.0.1', '192.0.2.10', `other${i}`)).statusCode).toBe(401);
    expect((await login('127.0.0.1', '192.0.2.10', 'other-last')).statusCode).toBe(429);
    expect((await login('127.0.0.1', '192.0.2.11', 'other-next')).statusCode).toBe(401);
  });
});
