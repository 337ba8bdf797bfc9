/** The collector routes of issue 12 §2 through the real server (guarded by the launch key) and the CLI. */
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
  opened = await openApp({ dataDir: mkdtempSync(join(tmpdir(), 'huxun-col-')) });
  app = await buildServer(opened.ctx);
});
afterAll(async () => {
  await app.close();
  await opened.close();
});
const call = (o: InjectOptions) => app.inject({ ...o, headers: { ...o.headers, 'x-huxun-key': app.secret } });

interface Col { id: number; numbers: string[]; lender: string | null; loan_id: number | null; needs_loan: boolean; claims: string[]; lender_source: string | null }

describe('collector routes', () => {
  it('lists the claim and the unknown lender, takes the loan chosen, and marks a number not a collector and back', async () => {
    const sms = (number: string, text: string, at: string) => call({ method: 'POST', url: '/api/events', payload: { kind: 'sms', at, number, text } });
    expect((await sms('13800000001', '【XX调解中心】您的欠款案件已进入调解程序，请今日处理。', '2024-06-01 10:00')).statusCode).toBe(201);
    expect((await sms('13800000002', '您的借款已逾期，请立即还款。', '2024-06-01 11:00')).statusCode).toBe(201);
    const loan = await call({
      method: 'POST', url: '/api/loans',
      payload: {
        lenderName: '招联消费金融股份有限公司', lenderType: 'consumer_finance', contractDate: '2024-01-01', contractPrincipalFen: 100_000, receivedFen: 100_000, fees: [], period: 'month',
        schedule: [{ period: 1, dueDate: '2024-02-01', principalFen: 100_000, interestFen: 1_000, feeFen: 0, totalFen: 101_000 }], payments: [], status: 'overdue',
      },
    });
    expect(loan.statusCode, loan.body).toBe(201);
    const loanId = loan.json<{ loan: { id: number } }>().loan.id;
    let cols = (await call({ method: 'GET', url: '/api/collectors' })).json<Col[]>();
    const a = cols.find((c) => c.numbers.includes('13800000001'))!;
    expect(a).toMatchObject({ lender: null, needs_loan: true, claims: ['XX调解中心'] });

    const put = await call({ method: 'PUT', url: `/api/collectors/${a.id}/loan`, payload: { loan_id: loanId } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json<Col>()).toMatchObject({ loan_id: loanId, lender_source: 'user', needs_loan: false });
    expect((await call({ method: 'PUT', url: `/api/collectors/${a.id}/loan`, payload: { loan_id: 999 } })).statusCode).toBe(404);

    const un = await call({ method: 'POST', url: '/api/collectors/unmark', payload: { numbers: ['138 0000 0002'] } });
    expect(un.statusCode, un.body).toBe(200);
    cols = (await call({ method: 'GET', url: '/api/collectors' })).json<Col[]>();
    expect(cols.flatMap((c) => c.numbers)).not.toContain('13800000002');
    expect((await call({ method: 'GET', url: '/api/not-collectors' })).json<{ number: string }[]>().map((x) => x.number)).toEqual(['13800000002']);
    expect((await call({ method: 'POST', url: '/api/collectors', payload: { numbers: ['13800000002'] } })).statusCode).toBe(201);
    expect((await call({ method: 'GET', url: '/api/not-collectors' })).json()).toEqual([]);
    // Without the key, nothing.
    expect((await app.inject({ method: 'POST', url: '/api/collectors/unmark', payload: { numbers: ['13800000001'] } })).statusCode).toBe(401);
  });
});
