import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from '../../src/app/context.js';
import { buildServer, type HuxunServer } from '../../src/server/app.js';
import { callsXml, sampleCase, smsXml, vcard } from '../support/backup.js';

let opened: OpenedApp;
let app: HuxunServer;

beforeAll(async () => {
  opened = await openApp({ dataDir: mkdtempSync(join(tmpdir(), 'huxun-api-')) });
  app = await buildServer(opened.ctx);
});
/** Every API call carries the per-launch key, as the page (cookie) and scripts (header) do. */
const call = (o: InjectOptions) => app.inject({ ...o, headers: { ...o.headers, 'x-huxun-key': app.secret } });

afterAll(async () => {
  await app.close();
  await opened.close();
});

async function upload(name: string, body: string) {
  const r = await call({ method: 'POST', url: '/api/imports', headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) }, payload: Buffer.from(body) });
  expect(r.statusCode, r.body).toBe(202);
  const id = r.json<{ id: string }>().id;
  for (let i = 0; i < 200; i++) {
    const j = (await call({ method: 'GET', url: `/api/jobs/${id}` })).json<{ state: string; error?: string }>();
    if (j.state !== 'running') return j;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error('import job did not finish');
}

describe('HTTP API (real SQLite)', () => {
  it('answers errors as { error: { code, message } } with the right status', async () => {
    const r = await call({ method: 'POST', url: '/api/loans', payload: { lenderName: 'X' } });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: { code: 'BAD_INPUT' } });
    expect((await call({ method: 'GET', url: '/api/loans/999' })).json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await call({ method: 'GET', url: '/api/nope' })).statusCode).toBe(404);
  });

  it('adds a loan and returns its true rate and lines; imports uploads off the request; lists findings; renders a complaint PDF', async () => {
    const loan = {
      lenderName: '速借花', lenderType: 'platform', contractDate: '2025-03-01', contractPrincipalFen: 1_000_000, receivedFen: 900_000, fees: [], period: 'month',
      schedule: Array.from({ length: 12 }, (_, i) => ({ period: i + 1, dueDate: `${i < 9 ? 2025 : 2026}-${String(((i + 3) % 12) + 1).padStart(2, '0')}-01`, principalFen: i < 11 ? 83_333 : 83_337, interestFen: i < 11 ? 16_667 : 16_663, feeFen: 0, totalFen: 100_000 })),
      payments: [], status: 'overdue',
    };
    const add = await call({ method: 'POST', url: '/api/loans', payload: loan });
    expect(add.statusCode, add.body).toBe(201);
    const v = add.json<{ rates: { apr_nominal: number }; lines: { id: string; over: boolean; excess_fen: number }[] }>();
    expect(v.rates.apr_nominal).toBeCloseTo(0.5675, 3);
    expect(v.lines.find((l) => l.id === '24')).toMatchObject({ over: true });

    const c = sampleCase();
    expect((await upload('通讯录.vcf', vcard(c.contacts))).state).toBe('done');
    expect((await upload('sms.xml', smsXml(c.sms))).state).toBe('done');
    expect((await upload('calls.xml', callsXml(c.calls))).state).toBe('done');
    const bad = await upload('broken.xml', '<smses><sms address="1" ');
    expect(bad.state).toBe('failed');
    expect(bad.error).toMatch(/broken\.xml/);

    const events = (await call({ method: 'GET', url: '/api/events?kind=sms' })).json<{ labels: string[] }[]>();
    expect(events).toHaveLength(6);
    const findings = (await call({ method: 'GET', url: '/api/findings' })).json<{ rule: string; citations: { title: string }[]; channels: { id: string }[] }[]>();
    expect(findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['cn.third-party-contact', 'cn.threat-contacts', 'cn.night-contact', 'cn.over-legal-line']));
    for (const f of findings) expect(f.citations.length).toBeGreaterThan(0);

    const overview = (await call({ method: 'GET', url: '/api/overview' })).json<{ next: unknown[] }>();
    expect(overview.next.length).toBe(3);

    const pdf = await call({ method: 'POST', url: '/api/documents/render', payload: { type: 'complaint', channel: '12378', answers: { borrower_name: '张三' }, format: 'pdf' } });
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const short = await call({ method: 'POST', url: '/api/documents/render', payload: { type: 'complaint', channel: '12378', answers: {}, format: 'txt', length: 'short' } });
    expect([...short.body].length).toBeLessThanOrEqual(500);
    expect(short.body).toContain('张三');

    const bundle = await call({ method: 'POST', url: '/api/export/bundle', payload: { redact_third_parties: false } });
    expect(bundle.statusCode).toBe(200);
    const verified = await call({ method: 'POST', url: '/api/verify', headers: { 'content-type': 'application/octet-stream' }, payload: bundle.rawPayload });
    expect(verified.json()).toMatchObject({ ok: true });
  });
});
