/** The plan's HTTP routes through the real server (guard and key included), on SQLite. */
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
  opened = await openApp({ dataDir: mkdtempSync(join(tmpdir(), 'huxun-plan-api-')) });
  app = await buildServer(opened.ctx);
});
afterAll(async () => {
  await app.close();
  await opened.close();
});
const call = (o: InjectOptions) => app.inject({ ...o, headers: { ...o.headers, 'x-huxun-key': app.secret } });

describe('还款计划 API', () => {
  it('needs the launch key', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/plan/case' })).statusCode).toBeGreaterThanOrEqual(401);
  });
  it('rejects bad bodies with 400', async () => {
    const r = await call({ method: 'POST', url: '/api/plan', payload: { strategy: 'lottery' } });
    expect(r.statusCode).toBe(400);
    expect((await call({ method: 'POST', url: '/api/plan/payments', payload: { loan_id: 1, amount_fen: 0, date: '2026-01-01' } })).statusCode).toBe(400);
    expect((await call({ method: 'POST', url: '/api/plan/payments', payload: { loan_id: 999, amount_fen: 100, date: '2020-01-01' } })).statusCode).toBe(404);
  });
  it('budget, plan, adopt, payment, agreement, .ics and the letter with the numbers', async () => {
    const loan = {
      lenderName: '速借花', lenderType: 'platform', contractDate: '2025-03-01', contractPrincipalFen: 1_000_000, receivedFen: 900_000, fees: [], period: 'month',
      schedule: Array.from({ length: 12 }, (_, i) => ({ period: i + 1, dueDate: `${i < 9 ? 2025 : 2026}-${String(((i + 3) % 12) + 1).padStart(2, '0')}-01`, principalFen: i < 11 ? 83_333 : 83_337, interestFen: i < 11 ? 16_667 : 16_663, feeFen: 0, totalFen: 100_000 })),
      payments: [], status: 'overdue',
    };
    const add = await call({ method: 'POST', url: '/api/loans', payload: loan });
    const id = add.json<{ loan: { id: number } }>().loan.id;
    const b = await call({ method: 'PUT', url: '/api/budget', payload: { income: { salary: 500_000 }, spending: { rent: 150_000, food: 150_000 } } });
    expect(b.statusCode, b.body).toBe(200);
    expect(b.json()).toMatchObject({ totals: { surplus_fen: 200_000 } });
    expect((await call({ method: 'PUT', url: '/api/plan/claims', payload: { loan_id: id, amount_fen: 1_300_000, date: '2026-11-01' } })).json()).toMatchObject({ claimed_fen: 1_300_000 });

    const pc = (await call({ method: 'GET', url: '/api/plan/case' })).json<{ debts: { loan: number; supportable_fen: number }[] }>();
    expect(pc.debts[0]!.loan).toBe(id);
    const plan = await call({ method: 'POST', url: '/api/plan', payload: { strategy: 'snowball', monthly_fen: 100_000, start: '2027-01' } });
    expect(plan.statusCode, plan.body).toBe(200);
    const pv = plan.json<{ plan: { lenders: { loan: number; claimed_fen: number; supportable_fen: number; months: { month: string; pay_fen: number }[]; paid_off: string }[]; total_fen: number; saved_vs_claims_fen: number }; proposals: { months: number }[] }>();
    expect(pv.plan.lenders[0]!.months[0]).toEqual({ month: '2027-01', pay_fen: 100_000 });
    expect(pv.plan.saved_vs_claims_fen).toBe(1_300_000 - pv.plan.total_fen);

    expect((await call({ method: 'POST', url: '/api/plan/adopt', payload: { strategy: 'snowball', monthly_fen: 100_000, start: '2027-01' } })).statusCode).toBe(200);
    const pay = await call({ method: 'POST', url: '/api/plan/payments', payload: { loan_id: id, amount_fen: 100_000, date: '2025-04-01', payee: '速借花 App' } });
    expect(pay.statusCode, pay.body).toBe(201);
    const ag = await call({ method: 'POST', url: '/api/plan/agreements', payload: { loan_id: id, date: '2025-05-01', monthly_fen: 100_000, months: 9, first_date: '2027-01-10' } });
    expect(ag.statusCode, ag.body).toBe(201);

    const ics = await call({ method: 'GET', url: '/api/plan/ics' });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('BEGIN:VEVENT');

    const letter = await call({ method: 'POST', url: '/api/plan/negotiation', payload: { loan_id: id, format: 'txt', answers: { borrower_name: '张三' } } });
    expect(letter.statusCode, letter.body).toBe(200);
    expect(letter.body).toContain('协商还款申请书');
    expect(letter.body).toContain('13,000.00');
    expect(letter.body).toMatch(/每月还款[\d,.]+元，分\d+期/);
  });
});
