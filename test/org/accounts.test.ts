/**
 * Accounts managed by an admin (issue 15, the accounts page): a password the admin set must be changed at the first
 * login; an admin cannot disable themselves or leave the organisation without an active admin (not even two admins
 * disabling each other at once); borrower and staff accounts do not turn into each other; the last login is kept.
 * And the TOTP secrets are sealed with the server's key: the stored value is not the secret, login with a code still
 * works, an older plain secret is sealed, and a wrong key gives a clear answer, not a crash. Real database.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createUser, listUsers, login, sealPlainTotpSecrets, totpKeyMismatches, updateUser } from '../../src/app/org/accounts.js';
import { loadOrgKey, ORG_KEY_FILE, openSecret, sealSecret } from '../../src/app/org/org-key.js';
import { newTotpSecret, totpCode } from '../../src/app/org/passwords.js';
import { buildOrgServer } from '../../src/server/org.js';
import { HOST, ORIGIN, orgHarness, PASSWORD, type OrgHarness } from '../support/org.js';

const NEW_PASSWORD = '我自己的新密码 long enough';

let h: OrgHarness;
let admin: Awaited<ReturnType<OrgHarness['user']>>;
beforeAll(async () => {
  h = await orgHarness();
  admin = await h.user('admin', 'root-admin');
});
afterAll(async () => {
  await h?.cleanup();
});

describe('a password the admin set', () => {
  it('must be changed at the first login: until then every other route answers 403 PASSWORD_CHANGE', async () => {
    const made = await admin.client.req('POST', '/api/org/users', { username: 'newcw', password: PASSWORD, role: 'caseworker' });
    expect(made.statusCode).toBe(201);
    const c = h.client('10.50.0.1');
    const r = await c.login('newcw');
    expect(r.statusCode).toBe(200);
    expect(r.json().must_change).toBe(true);
    expect((await c.req('GET', '/api/auth/me')).json().must_change).toBe(true);
    const blocked = await c.req('GET', '/api/org/cases');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE');
    expect((await c.req('POST', '/api/org/cases', { name: 'x' })).statusCode).toBe(403);
    expect((await c.req('POST', '/api/auth/totp/setup')).statusCode).toBe(403);
    // The new password follows the same rules as everywhere.
    expect((await c.req('POST', '/api/auth/password', { current: PASSWORD, password: 'short' })).statusCode).toBe(400);
    const same = await c.req('POST', '/api/auth/password', { current: PASSWORD, password: PASSWORD });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.details).toEqual({ reason: 'same_password' });
    expect((await c.req('POST', '/api/auth/password', { current: PASSWORD, password: NEW_PASSWORD })).statusCode).toBe(200);
    const again = h.client('10.50.0.2');
    const r2 = await again.login('newcw', NEW_PASSWORD);
    expect(r2.json().must_change).toBe(false);
    expect((await again.req('GET', '/api/org/cases')).statusCode).toBe(200);
  });

  it('a reset by the admin ends the sessions and asks for a new password again; the list shows it and the last login', async () => {
    const list0 = (await admin.client.req('GET', '/api/org/users')).json() as { id: number; username: string; must_change: boolean; last_login_at: number | null }[];
    const cw = list0.find((u) => u.username === 'newcw')!;
    expect(cw).toMatchObject({ must_change: false, last_login_at: h.clock.now });
    const c = h.client('10.50.0.3');
    expect((await c.login('newcw', NEW_PASSWORD)).statusCode).toBe(200);
    const reset = await admin.client.req('PUT', `/api/org/users/${cw.id}`, { password: PASSWORD });
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ must_change: true });
    expect((await c.req('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await c.login('newcw', NEW_PASSWORD)).statusCode).toBe(401);
    const r = await c.login('newcw', PASSWORD);
    expect(r.json().must_change).toBe(true);
    // An admin's own new password through the same route is their own: nothing to change afterwards.
    const self = await admin.client.req('PUT', `/api/org/users/${admin.id}`, { password: PASSWORD });
    expect(self.json()).toMatchObject({ must_change: false });
    expect((await admin.client.login(admin.username)).statusCode).toBe(200);
  });

  it('an account that never logged in has no last login', async () => {
    const u = await createUser(h.org, { username: 'never', password: PASSWORD, role: 'supervisor' });
    expect((await listUsers(h.org)).find((x) => x.id === u.id)).toMatchObject({ last_login_at: null, must_change: false });
  });
});

describe('admin accounts', () => {
  it('an admin cannot disable their own account or change their own role', async () => {
    const off = await admin.client.req('PUT', `/api/org/users/${admin.id}`, { disabled: true });
    expect(off.statusCode).toBe(409);
    expect(off.json().error.message).toMatch(/不能停用自己/);
    // A reason the page turns into its own words.
    expect(off.json().error.details).toEqual({ reason: 'self_disable' });
    expect((await admin.client.req('PUT', `/api/org/users/${admin.id}`, { role: 'caseworker' })).statusCode).toBe(409);
    expect((await admin.client.req('GET', '/api/org/users')).statusCode).toBe(200);
  });

  it('the last active admin cannot be disabled or demoted, by anyone', async () => {
    const second = await h.user('admin', 'second-admin');
    // Two active admins: one may disable the other.
    expect((await admin.client.req('PUT', `/api/org/users/${second.id}`, { disabled: true })).statusCode).toBe(200);
    // Now root-admin is the only active one: the CLI (no actor) cannot disable or demote it either.
    await expect(updateUser(h.org, admin.id, { disabled: true })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/最后一个可用的管理员/), details: { reason: 'last_admin' } });
    await expect(updateUser(h.org, admin.id, { role: 'supervisor' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await listUsers(h.org)).find((u) => u.id === admin.id)).toMatchObject({ disabled: false, role: 'admin' });
    // With the second one back, demoting the first is allowed (from outside: not their own role).
    await updateUser(h.org, second.id, { disabled: false });
    await updateUser(h.org, admin.id, { role: 'supervisor' });
    await updateUser(h.org, admin.id, { role: 'admin' });
  });

  it('two admins disabling each other at the same moment: exactly one succeeds, an active admin is left', async () => {
    const a = await h.user('admin', 'race-a');
    const b = await h.user('admin', 'race-b');
    // Only these two stay active admins.
    for (const u of await listUsers(h.org)) if (u.role === 'admin' && u.id !== a.id && u.id !== b.id && !u.disabled) await updateUser(h.org, u.id, { disabled: true });
    // Straight to the app function, both at once on two connections (the HTTP hook would see the first one's ended
    // session). The pool first holds several open connections, so that neither waits for a connection to be made.
    if (h.org.store.engine === 'postgres') await Promise.all(Array.from({ length: 4 }, () => sql`select pg_sleep(0.02)`.execute(h.org.store.db)));
    const [ra, rb] = await Promise.allSettled([updateUser(h.org, b.id, { disabled: true }, a), updateUser(h.org, a.id, { disabled: true }, b)]);
    expect([ra, rb].filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    expect([ra, rb].find((x) => x.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
    expect((await listUsers(h.org)).filter((u) => u.role === 'admin' && !u.disabled)).toHaveLength(1);
    // Put root-admin back for the tests below.
    await updateUser(h.org, admin.id, { disabled: false });
  });

  it('a borrower account does not become staff, nor staff a borrower', async () => {
    const cw = await h.user('caseworker', 'cw-role');
    expect((await admin.client.login(admin.username)).statusCode).toBe(200);
    expect((await admin.client.req('PUT', `/api/org/users/${cw.id}`, { role: 'borrower' })).statusCode).toBe(400);
    const made = await cw.client.req('POST', '/api/org/cases', { name: 'c' });
    const borrower = h.client('10.51.0.1');
    expect((await borrower.req('POST', '/api/auth/redeem', { invite: made.json().invite, username: 'borrower-x', password: PASSWORD })).statusCode).toBe(200);
    const id = (await borrower.req('GET', '/api/auth/me')).json().user.id as number;
    expect((await admin.client.req('PUT', `/api/org/users/${id}`, { role: 'supervisor' })).statusCode).toBe(400);
    expect((await admin.client.req('PUT', `/api/org/users/${cw.id}`, { role: 'supervisor' })).json()).toMatchObject({ role: 'supervisor' });
  });
});

describe('assignment by a supervisor', () => {
  it('a caseworker sees a case only while assigned; a disabled account is not assigned, but can be taken off', async () => {
    const sup = await h.user('supervisor', 'assign-sup');
    const opener = await h.user('caseworker', 'assign-opener');
    const cw = await h.user('caseworker', 'assign-cw');
    const caseId = (await opener.client.req('POST', '/api/org/cases', { name: '分配测试' })).json().case_id as number;
    const mine = async () => ((await cw.client.req('GET', '/api/org/cases')).json() as { id: number }[]).map((c) => c.id);
    expect(await mine()).toEqual([]);
    const on = await sup.client.req('PUT', `/api/cases/${caseId}/members`, { user_id: cw.id, assigned: true });
    expect(on.json()).toEqual({ assigned: expect.arrayContaining(['assign-opener', 'assign-cw']) });
    expect(await mine()).toEqual([caseId]);
    expect((await cw.client.req('GET', `/api/cases/${caseId}/loans`)).statusCode).toBe(200);
    // Disabled while assigned: it stays on the case until taken off, and cannot be put back on.
    await updateUser(h.org, cw.id, { disabled: true });
    const again = await sup.client.req('PUT', `/api/cases/${caseId}/members`, { user_id: cw.id, assigned: true });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details).toEqual({ reason: 'disabled' });
    expect((await sup.client.req('PUT', `/api/cases/${caseId}/members`, { user_id: cw.id, assigned: false })).json()).toEqual({ assigned: ['assign-opener'] });
    await updateUser(h.org, cw.id, { disabled: false });
    expect((await cw.client.login('assign-cw')).statusCode).toBe(200);
    expect(await mine()).toEqual([]);
    expect((await cw.client.req('GET', `/api/cases/${caseId}/loans`)).statusCode).toBe(404);
  });
});

describe('TOTP secrets sealed with the server key', () => {
  const stored = async (username: string) => (await h.org.store.db.selectFrom('users').select(['id', 'totp_secret']).where('username', '=', username).executeTakeFirstOrThrow());

  it('the stored value is not the secret; login with a code still works; the admin can turn it off', async () => {
    const s = await h.user('supervisor', 'totp-sup');
    const setup = (await s.client.req('POST', '/api/auth/totp/setup')).json() as { secret: string };
    expect((await s.client.req('POST', '/api/auth/totp/confirm', { secret: setup.secret, code: totpCode(setup.secret, h.clock.now) })).statusCode).toBe(200);
    const row = await stored('totp-sup');
    expect(row.totp_secret).toMatch(/^hxs1:[0-9a-f]{8}:/);
    expect(row.totp_secret).not.toContain(setup.secret);
    // The key file was made 0600 in the data folder.
    expect(statSync(join(h.org.dataDir, ORG_KEY_FILE)).mode & 0o777).toBe(0o600);
    h.clock.now += 30_000;
    const c = h.client('10.52.0.1');
    expect((await c.login('totp-sup')).json().error.details).toEqual({ totp_required: true });
    expect((await c.login('totp-sup', PASSWORD, totpCode(setup.secret, h.clock.now))).statusCode).toBe(200);
    // Lost phone: the admin turns the second factor off; the password alone logs in again.
    expect((await admin.client.login(admin.username)).statusCode).toBe(200);
    const off = await admin.client.req('PUT', `/api/org/users/${s.id}`, { totp: false });
    expect(off.json()).toMatchObject({ totp: false });
    expect((await stored('totp-sup')).totp_secret).toBeNull();
    expect((await h.client('10.52.0.2').login('totp-sup')).statusCode).toBe(200);
  });

  it('an older plain secret is sealed at the start (and at login), and still logs in', async () => {
    const u = await createUser(h.org, { username: 'plain-old', password: PASSWORD, role: 'caseworker' });
    const secret = newTotpSecret();
    await h.org.store.db.updateTable('users').set({ totp_secret: secret }).where('id', '=', u.id).execute();
    h.clock.now += 30_000;
    // At login: accepted, then sealed.
    expect((await login(h.org, { username: 'plain-old', password: PASSWORD, totp: totpCode(secret, h.clock.now) }, '10.53.0.1')).user.id).toBe(u.id);
    expect((await stored('plain-old')).totp_secret).toMatch(/^hxs1:/);
    // At the start: every plain row at once.
    await h.org.store.db.updateTable('users').set({ totp_secret: secret }).where('id', '=', u.id).execute();
    expect(await sealPlainTotpSecrets(h.org)).toBe(1);
    expect(await sealPlainTotpSecrets(h.org)).toBe(0);
    const row = await stored('plain-old');
    expect(row.totp_secret).not.toContain(secret);
    h.clock.now += 30_000;
    expect((await h.client('10.53.0.2').login('plain-old', PASSWORD, totpCode(secret, h.clock.now))).statusCode).toBe(200);
  });

  it('a wrong server key: a clear answer naming the key, the server keeps serving', async () => {
    const other = await buildOrgServer({ ...h.org, orgKey: randomBytes(32) });
    try {
      h.clock.now += 30_000;
      const secretRow = await stored('plain-old');
      const right = loadOrgKey(h.org.dataDir);
      const secret = openSecret(right, Number(secretRow.id), secretRow.totp_secret!);
      const r = await other.inject({ method: 'POST', url: '/api/auth/login', headers: { host: HOST, origin: ORIGIN }, remoteAddress: '10.54.0.1', payload: { username: 'plain-old', password: PASSWORD, totp: totpCode(secret, h.clock.now) } });
      expect(r.statusCode).toBe(409);
      expect(r.json().error.message).toMatch(/机构密钥/);
      expect(r.json().error.message).toMatch(/HUXUN_ORG_KEY/);
      expect((await other.inject({ method: 'GET', url: '/api/health', headers: { host: HOST } })).statusCode).toBe(200);
      // Told at the start (huxun serve --org prints it): how many accounts' second factors this key does not open.
      expect(await totpKeyMismatches({ ...h.org, orgKey: randomBytes(32) })).toBe(1);
      expect(await totpKeyMismatches(h.org)).toBe(0);
      // A value moved onto another account does not open either.
      expect(() => openSecret(right, Number(secretRow.id) + 1, secretRow.totp_secret!)).toThrow(/机构密钥/);
    } finally {
      await other.close();
    }
  });

  it('the key: made once in the data folder (0600), or HUXUN_ORG_KEY; a malformed one is named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'huxun-orgkey-'));
    try {
      const k1 = loadOrgKey(dir, {});
      expect(k1).toHaveLength(32);
      expect(statSync(join(dir, ORG_KEY_FILE)).mode & 0o777).toBe(0o600);
      expect(loadOrgKey(dir, {}).equals(k1)).toBe(true);
      const env = randomBytes(32);
      expect(loadOrgKey(dir, { HUXUN_ORG_KEY: env.toString('base64') }).equals(env)).toBe(true);
      expect(loadOrgKey(dir, { HUXUN_ORG_KEY: env.toString('hex') }).equals(env)).toBe(true);
      expect(() => loadOrgKey(dir, { HUXUN_ORG_KEY: 'too short' })).toThrow(/HUXUN_ORG_KEY 不是 32 字节的密钥/);
      writeFileSync(join(dir, ORG_KEY_FILE), 'damaged\n');
      expect(() => loadOrgKey(dir, {})).toThrow(/huxun\.org-key 不是 32 字节/);
      const sealed = sealSecret(k1, 7, 'JBSWY3DPEHPK3PXP');
      expect(openSecret(k1, 7, sealed)).toBe('JBSWY3DPEHPK3PXP');
      expect(() => openSecret(env, 7, sealed)).toThrow(expect.objectContaining({ code: 'LOCKED' }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
