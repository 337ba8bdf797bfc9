/**
 * The role matrix (docs/roles.md) as a table: each row is a request and, written out here (not read from the code's
 * table), which users may make it. Then the borrower's side: an invite makes the account, revoking the share ends
 * staff access at once while the audit log keeps what staff did, and the borrower sees that log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { orgHarness, PASSWORD, type Client, type OrgHarness } from '../support/org.js';

type Who = 'borrower' | 'otherBorrower' | 'assigned' | 'unassigned' | 'supervisor' | 'admin';
const WHO: Who[] = ['borrower', 'otherBorrower', 'assigned', 'unassigned', 'supervisor', 'admin'];

let h: OrgHarness;
const c = {} as Record<Who, Client>;
const ids = {} as Record<Who, number>;
let caseId = 0;
/** An account only the account rows change (a change ends its sessions: never one of the users above). */
let targetId = 0;

async function redeem(invite: string, username: string): Promise<Client> {
  const cl = h.client(`10.20.0.${username.length}`);
  const r = await cl.req('POST', '/api/auth/redeem', { invite, username, password: PASSWORD });
  expect(r.statusCode, r.body).toBe(200);
  expect(r.json().user.role).toBe('borrower');
  cl.csrf = r.json().csrf;
  return cl;
}

beforeAll(async () => {
  h = await orgHarness();
  for (const [who, role] of [['assigned', 'caseworker'], ['unassigned', 'caseworker'], ['supervisor', 'supervisor'], ['admin', 'admin']] as const) {
    const u = await h.user(role);
    c[who] = u.client;
    ids[who] = u.id;
  }
  targetId = (await h.user('caseworker', 'account-target')).id;
  const made = await c.assigned.req('POST', '/api/org/cases', { name: '张女士的案件' });
  expect(made.statusCode).toBe(201);
  caseId = made.json().case_id;
  c.borrower = await redeem(made.json().invite, 'zhang');
  const other = await c.unassigned.req('POST', '/api/org/cases', { name: 'another' });
  c.otherBorrower = await redeem(other.json().invite, 'lisi');
});
afterAll(async () => {
  await h?.cleanup();
});

const Y = true;
const N = false;
//  request                                                     borrower otherB  assigned unassigned supervisor admin
const MATRIX: [string, string, (id: number) => string, unknown, boolean[]][] = [
  ['read the case (loans)', 'GET', (id) => `/api/cases/${id}/loans`, undefined, [Y, N, Y, N, Y, N]],
  ['read the timeline', 'GET', (id) => `/api/cases/${id}/events`, undefined, [Y, N, Y, N, Y, N]],
  ['write to the case (an event)', 'POST', (id) => `/api/cases/${id}/events`, { kind: 'note', at: '2026-11-01T10:00:00+08:00', text: 'x' }, [Y, N, Y, N, Y, N]],
  ['read staff notes', 'GET', (id) => `/api/cases/${id}/notes`, undefined, [N, N, Y, N, Y, N]],
  ['write a staff note', 'POST', (id) => `/api/cases/${id}/notes`, { text: '已联系' }, [N, N, Y, N, Y, N]],
  ['read tasks', 'GET', (id) => `/api/cases/${id}/tasks`, undefined, [Y, N, Y, N, Y, N]],
  ['write a task', 'POST', (id) => `/api/cases/${id}/tasks`, { title: '写投诉信' }, [N, N, Y, N, Y, N]],
  ["read the case's audit log", 'GET', (id) => `/api/cases/${id}/audit`, undefined, [Y, N, N, N, Y, N]],
  ['consent to named reporting', 'PUT', (id) => `/api/cases/${id}/share/consent`, { consent: true }, [Y, N, N, N, N, N]],
  ['new invite code', 'POST', (id) => `/api/cases/${id}/invite`, {}, [N, N, Y, N, Y, N]],
  ['assign staff', 'PUT', (id) => `/api/cases/${id}/members`, { user_id: 0, assigned: true }, [N, N, N, N, Y, N]],
  ['open a new case', 'POST', () => '/api/org/cases', { name: 'new' }, [N, N, Y, Y, Y, N]],
  ['list accounts', 'GET', () => '/api/org/users', undefined, [N, N, N, N, Y, Y]],
  ['add an account', 'POST', () => '/api/org/users', { username: 'newstaff', password: PASSWORD, role: 'caseworker' }, [N, N, N, N, N, Y]],
  // The accounts page's changes (role, disable, reset password, second factor off): one route, admin only.
  ['change an account', 'PUT', () => `/api/org/users/${targetId}`, { role: 'caseworker' }, [N, N, N, N, N, Y]],
  ['reset a password', 'PUT', () => `/api/org/users/${targetId}`, { password: PASSWORD }, [N, N, N, N, N, Y]],
  ["the organisation's audit log", 'GET', () => '/api/org/audit', undefined, [N, N, N, N, Y, N]],
  ['the per-lender report', 'GET', () => '/api/org/report/lenders', undefined, [N, N, N, N, Y, N]],
];

describe('role matrix', () => {
  for (const [what, method, url, body, expected] of MATRIX) {
    it(what, async () => {
      const got: Record<string, boolean> = {};
      const want: Record<string, boolean> = {};
      for (const [i, who] of WHO.entries()) {
        const b = body && typeof body === 'object' && 'user_id' in body ? { ...body, user_id: ids.unassigned } : body && typeof body === 'object' && 'username' in body ? { ...body, username: `newstaff${i}` } : body;
        const r = await c[who].req(method, url(caseId), b);
        expect(r.statusCode, `${who}: ${r.body.slice(0, 200)}`).toBeLessThan(500);
        got[who] = ![401, 403, 404].includes(r.statusCode);
        want[who] = expected[i]!;
      }
      expect(got).toEqual(want);
    });
  }
});

describe('audit and a revoked share', () => {
  it('records every staff read and write (not the borrower), and the borrower sees it', async () => {
    await c.assigned.req('GET', `/api/cases/${caseId}/loans/123`);
    const rows = (await sql<{ action: string; route: string; target: string | null; user_id: number }>`select action, route, target, user_id from audit_log where case_id = ${caseId} order by id`.execute(h.org.store.db)).rows;
    expect(rows).toContainEqual({ action: 'case.read', route: '/api/cases/:caseId/loans/:id', target: '{"id":"123"}', user_id: ids.assigned });
    expect(rows.some((r) => r.action === 'case.write' && r.user_id === ids.assigned)).toBe(true);
    expect(rows.some((r) => r.action === 'case.notes.write' && r.user_id === ids.supervisor)).toBe(true);
    // Refused attempts are kept too.
    expect(rows.some((r) => r.action === 'denied:case.read' && r.user_id === ids.unassigned)).toBe(true);
    const borrowerId = (await c.borrower.req('GET', '/api/auth/me')).json().user.id as number;
    // The borrower's own use of their case is not audited (only refused attempts are, as for anyone).
    expect(rows.some((r) => r.user_id === borrowerId && !r.action.startsWith('denied:'))).toBe(false);
    expect(rows.some((r) => r.user_id === borrowerId && r.action === 'denied:case.notes.read')).toBe(true);
    const seen = (await c.borrower.req('GET', `/api/cases/${caseId}/audit`)).json() as { user: string; route: string }[];
    expect(seen.some((e) => e.route === '/api/cases/:caseId/loans/:id')).toBe(true);
    // Append-only in the database itself.
    await expect(sql`delete from audit_log`.execute(h.org.store.db)).rejects.toThrow(/append-only/);
  });

  it('revoking ends staff access at once; the borrower keeps the case and the audit keeps the record', async () => {
    const before = (await sql<{ n: number }>`select count(*) as n from audit_log where case_id = ${caseId}`.execute(h.org.store.db)).rows[0]!.n;
    expect((await c.assigned.req('GET', `/api/cases/${caseId}/loans`)).statusCode).toBe(200);
    const r = await c.borrower.req('POST', `/api/cases/${caseId}/share/revoke`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ shared: false, consent: false });
    for (const who of ['assigned', 'supervisor'] as const) {
      expect((await c[who].req('GET', `/api/cases/${caseId}/loans`)).statusCode).toBe(404);
      expect((await c[who].req('POST', `/api/cases/${caseId}/notes`, { text: 'after revoke' })).statusCode).toBe(404);
    }
    const list = (await c.assigned.req('GET', '/api/org/cases')).json() as { id: number; shared: boolean; revoked_at: number | null }[];
    expect(list.find((x) => x.id === caseId)).toMatchObject({ shared: false, revoked_at: h.clock.now });
    expect((await c.borrower.req('GET', `/api/cases/${caseId}/loans`)).statusCode).toBe(200);
    const after = (await sql<{ n: number }>`select count(*) as n from audit_log where case_id = ${caseId}`.execute(h.org.store.db)).rows[0]!.n;
    expect(Number(after)).toBeGreaterThan(Number(before));
    const seen = (await c.borrower.req('GET', `/api/cases/${caseId}/audit`)).json() as { action: string }[];
    expect(seen.some((e) => e.action === 'denied:case.notes.write')).toBe(true);
  });

  it('an invite code works once', async () => {
    const made = await c.assigned.req('POST', '/api/org/cases', { name: 'once' });
    const invite = made.json().invite as string;
    await redeem(invite, 'wang');
    const again = await h.client('10.30.0.1').req('POST', '/api/auth/redeem', { invite, username: 'wang2', password: PASSWORD });
    expect(again.statusCode).toBe(401);
  });
});
