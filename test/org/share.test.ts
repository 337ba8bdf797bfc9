/**
 * A borrower's case reaches the organisation (issue 15): an encrypted export from the local app uploaded by staff
 * (the borrower claims it with the invite code) or by the borrower; staff notes and tasks on it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCaseFile } from '../../src/app/case-transfer.js';
import { openApp } from '../../src/app/context.js';
import { addLoan } from '../../src/app/loans.js';
import { orgHarness, PASSWORD, type OrgHarness } from '../support/org.js';

const FAST = { N: 1 << 14, r: 8, p: 1 };
const PASS = '分享给法律援助中心 2026';
let h: OrgHarness;
let file: Buffer;
const tmp = mkdtempSync(join(tmpdir(), 'huxun-share-'));

beforeAll(async () => {
  h = await orgHarness();
  const local = await openApp({ dataDir: join(tmp, 'local') });
  await addLoan(local.ctx, {
    lenderName: '秘密花呗', lenderType: 'platform', contractDate: '2025-03-01', contractPrincipalFen: 1_000_000, receivedFen: 900_000, fees: [], period: 'month',
    schedule: Array.from({ length: 12 }, (_, i) => ({ period: i + 1, dueDate: `${i < 9 ? 2025 : 2026}-${String(((i + 3) % 12) + 1).padStart(2, '0')}-01`, principalFen: i < 11 ? 83_333 : 83_337, interestFen: i < 11 ? 16_667 : 16_663, feeFen: 0, totalFen: 100_000 })),
    payments: [], status: 'overdue',
  });
  await exportCaseFile(local.ctx, join(tmp, 'case.hxcase'), PASS, undefined, { scrypt: FAST });
  await local.close();
  file = readFileSync(join(tmp, 'case.hxcase'));
}, 60_000);
afterAll(async () => {
  await h?.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

const pass = (p: string) => ({ 'x-case-passphrase': encodeURIComponent(p) });

describe('an encrypted case export uploaded to the organisation', () => {
  it('by staff: a new case the uploader works on, claimed by the borrower with the invite code', async () => {
    const cw = await h.user('caseworker');
    expect((await cw.client.req('POST', '/api/org/import', file, pass('wrong passphrase'))).statusCode).toBe(400);
    expect((await cw.client.req('GET', '/api/org/cases')).json()).toEqual([]);
    const r = await cw.client.req('POST', '/api/org/import', file, pass(PASS));
    expect(r.statusCode, r.body).toBe(201);
    const { case_id, invite } = r.json() as { case_id: number; invite: string };
    expect(invite).toMatch(/^[0-9A-F-]{23}$/);
    expect((await cw.client.req('GET', `/api/cases/${case_id}/loans`)).body).toContain('秘密花呗');
    const borrower = h.client('10.40.0.1');
    const claim = await borrower.req('POST', '/api/auth/redeem', { invite, username: 'chen', password: PASSWORD });
    expect(claim.statusCode).toBe(200);
    borrower.csrf = claim.json().csrf;
    expect((await borrower.req('GET', '/api/org/cases')).json()).toMatchObject([{ id: case_id, shared: true }]);
    expect((await borrower.req('GET', `/api/cases/${case_id}/loans`)).body).toContain('秘密花呗');
  });

  it('by the borrower: their own case, shared, that a supervisor assigns', async () => {
    const cw = await h.user('caseworker');
    const made = (await cw.client.req('POST', '/api/org/cases', { name: 'first' })).json() as { invite: string };
    const borrower = h.client('10.40.0.2');
    const claim = await borrower.req('POST', '/api/auth/redeem', { invite: made.invite, username: 'zhou', password: PASSWORD });
    borrower.csrf = claim.json().csrf;
    const r = await borrower.req('POST', '/api/org/import', file, pass(PASS));
    expect(r.statusCode, r.body).toBe(201);
    const { case_id, invite } = r.json() as { case_id: number; invite: string | null };
    expect(invite).toBeNull();
    expect((await borrower.req('GET', `/api/cases/${case_id}/loans`)).body).toContain('秘密花呗');
    expect((await cw.client.req('GET', `/api/cases/${case_id}/loans`)).statusCode).toBe(404);
    const sup = await h.user('supervisor');
    expect((await sup.client.req('GET', '/api/org/cases')).json()).toEqual(expect.arrayContaining([expect.objectContaining({ id: case_id, owner: 'zhou', assigned: [] })]));
    expect((await sup.client.req('PUT', `/api/cases/${case_id}/members`, { user_id: cw.id, assigned: true })).json()).toEqual({ assigned: [cw.username] });
    expect((await cw.client.req('GET', `/api/cases/${case_id}/loans`)).statusCode).toBe(200);
  });
});

describe('case list and the per-lender report', () => {
  it('lists summaries, and names a case in the report only when its borrower consented', async () => {
    const cw = await h.user('caseworker');
    const sup = await h.user('supervisor');
    const r = (await cw.client.req('POST', '/api/org/import', file, pass(PASS))).json() as { case_id: number; invite: string };
    const base = `/api/cases/${r.case_id}`;
    await cw.client.req('POST', `${base}/collectors`, { name: '催收甲', numbers: ['13900000077'], lender: '秘密花呗' });
    await cw.client.req('POST', `${base}/events`, { kind: 'sms', at: '2026-11-01T23:30:00+08:00', number: '13900000077', text: '再不还钱就打给你全家，让你身败名裂', direction: 'in' });
    const list = (await cw.client.req('GET', '/api/org/cases')).json() as { id: number; summary: { case_id: number; events: number } | null }[];
    expect(list.find((c) => c.id === r.case_id)?.summary).toMatchObject({ case_id: r.case_id, events: 1 });
    const refs = async () => ((await sup.client.req('GET', '/api/org/report/lenders')).json() as { lenders: { case_refs: string[] }[] }).lenders.flatMap((l) => l.case_refs);
    const name = (await sup.client.req('GET', '/api/org/cases')).json().find((c: { id: number }) => c.id === r.case_id).name as string;
    const before = await refs();
    expect(before.length).toBeGreaterThan(0);
    expect(before).not.toContain(name);
    const borrower = h.client('10.40.0.9');
    const claim = await borrower.req('POST', '/api/auth/redeem', { invite: r.invite, username: 'wu-consent', password: PASSWORD });
    borrower.csrf = claim.json().csrf;
    await borrower.req('PUT', `${base}/share/consent`, { consent: true });
    expect(await refs()).toContain(name);
  });
});

describe('notes and tasks', () => {
  it('staff write notes (only the author edits one) and tasks the borrower can read', async () => {
    const cw = await h.user('caseworker');
    const sup = await h.user('supervisor');
    const made = (await cw.client.req('POST', '/api/org/cases', { name: 'notes' })).json() as { case_id: number; invite: string };
    const base = `/api/cases/${made.case_id}`;
    const note = (await cw.client.req('POST', `${base}/notes`, { text: '借款人说催收员晚上十一点还在打电话' })).json() as { id: number };
    expect((await sup.client.req('PUT', `${base}/notes/${note.id}`, { text: 'changed by someone else' })).statusCode).toBe(403);
    expect((await cw.client.req('PUT', `${base}/notes/${note.id}`, { text: '已核实通话记录' })).json()).toMatchObject({ text: '已核实通话记录', author: cw.username });
    const task = (await cw.client.req('POST', `${base}/tasks`, { title: '向银保监投诉', due_on: '2026-12-20', assignee_id: sup.id })).json() as { id: number };
    expect((await cw.client.req('PUT', `${base}/tasks/${task.id}`, { done: true })).json()).toMatchObject({ title: '向银保监投诉', assignee: sup.username, done_at: h.clock.now });
    const borrower = h.client('10.40.0.3');
    expect((await borrower.req('POST', '/api/auth/redeem', { invite: made.invite, username: 'sun', password: PASSWORD })).statusCode).toBe(200);
    expect((await borrower.req('GET', `${base}/tasks`)).json()).toMatchObject([{ title: '向银保监投诉' }]);
    expect((await borrower.req('GET', `${base}/notes`)).statusCode).toBe(403);
  });
});
