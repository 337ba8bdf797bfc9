/** 投诉跟进 and report HTTP routes through the real server (guard and key included), on SQLite. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from '../../src/app/context.js';
import { buildServer, type HuxunServer } from '../../src/server/app.js';

let opened: OpenedApp;
let app: HuxunServer;
beforeAll(async () => {
  opened = await openApp({ dataDir: mkdtempSync(join(tmpdir(), 'huxun-followup-api-')) });
  opened.ctx.now = () => Date.parse('2026-02-10T02:00:00Z');
  app = await buildServer(opened.ctx);
});
afterAll(async () => {
  await app.close();
  await opened.close();
});
const call = (o: InjectOptions) => app.inject({ ...o, headers: { ...o.headers, 'x-huxun-key': app.secret } });

describe('投诉跟进 API', () => {
  it('needs the launch key', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/complaints' })).statusCode).toBeGreaterThanOrEqual(401);
    expect((await app.inject({ method: 'GET', url: '/api/report/pdf' })).statusCode).toBeGreaterThanOrEqual(401);
  });
  it('rejects bad bodies', async () => {
    expect((await call({ method: 'POST', url: '/api/complaints', payload: { channel: 'lender', submitted_on: '2026-1-1', method: 'web' } })).statusCode).toBe(400);
    expect((await call({ method: 'POST', url: '/api/complaints', payload: { channel: 'lender', submitted_on: '2026-01-01', method: 'pigeon' } })).statusCode).toBe(400);
    expect((await call({ method: 'POST', url: '/api/complaints/99/answer', payload: { answered_on: '2026-01-01', outcome: 'resolved' } })).statusCode).toBe(404);
  });
  it('records, reminds, lists, answers; .ics; the report and its PDF', async () => {
    const add = await call({ method: 'POST', url: '/api/complaints', payload: { channel: '12321', submitted_on: '2026-01-20', method: 'web', reference: 'JB-77', text: '举报骚扰电话' } });
    expect(add.statusCode, add.body).toBe(201);
    const c = add.json<{ id: number; deadline: null; document: { sha256: string } }>();
    expect(c.deadline).toBeNull();
    const put = await call({ method: 'PUT', url: `/api/complaints/${c.id}`, payload: { remind_on: '2026-02-05' } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ state: 'due', next_kind: 'reminder', next_steps: [{ kind: 'urge' }, { kind: 'escalate' }] });
    const sum = await call({ method: 'GET', url: '/api/complaints/summary' });
    expect(sum.json()).toMatchObject({ open: 1, due: 1, upcoming: [{ id: c.id, reference: 'JB-77' }] });
    const ov = await call({ method: 'GET', url: '/api/overview' });
    expect(ov.json()).toMatchObject({ complaints: { open: 1, due: 1 } });
    const urge = await call({ method: 'GET', url: `/api/complaints/${c.id}/document?step=urge&format=txt` });
    expect(urge.statusCode, urge.body).toBe(200);
    expect(urge.body).toContain('JB-77');
    const ics = await call({ method: 'GET', url: '/api/complaints/ics' });
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('DTSTART;VALUE=DATE:20260205');
    const ans = await call({ method: 'POST', url: `/api/complaints/${c.id}/answer`, payload: { answered_on: '2026-02-08', outcome: 'transferred', text: '已转运营商' } });
    expect(ans.statusCode, ans.body).toBe(200);
    expect(ans.json()).toMatchObject({ state: 'answered' });
    const list = await call({ method: 'GET', url: '/api/complaints' });
    expect(list.json()).toHaveLength(1);
    const rep = await call({ method: 'GET', url: '/api/report' });
    expect(rep.statusCode).toBe(200);
    expect(rep.json()).toMatchObject({ chain: { ok: true } });
    const pdf = await call({ method: 'GET', url: '/api/report/pdf' });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
