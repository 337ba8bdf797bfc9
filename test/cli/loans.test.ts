import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../support/cli.js';

describe('huxun loan (CLI, real SQLite in a temp data folder)', () => {
  it('adds the typical 网贷 loan and shows its true rate, the lines it crosses and the yuan above each, with citations', async () => {
    const data = tempDataDir();
    const add = await runCli(['loan', 'add', '--data', data, '--json', '--lender', '某某网贷', '--type', 'platform', '--date', '2024-03-01', '--principal', '10000', '--received', '9000', '--periods', '12', '--installment', '1000']);
    expect(add.code, add.stderr).toBe(0);
    const v = add.json<{ loan: { id: number }; rates: { apr_nominal: number; periodic_rate: number }; lines: { id: string; applies: boolean; over: boolean; excess_fen: number; citations: { id: string; title: string }[] }[] }>();
    // 9000 received, 12 × 1000 paid: the monthly IRR solves 9000 = 1000 · a(12, r), r ≈ 4.73%.
    expect(v.rates.periodic_rate).toBeCloseTo(0.04729566, 6);
    expect(v.rates.apr_nominal).toBeCloseTo(0.04729566 * 12, 5);
    const over = v.lines.filter((l) => l.applies && l.over);
    expect(over.length).toBeGreaterThan(0);
    for (const l of over) {
      expect(l.excess_fen).toBeGreaterThan(0);
      expect(l.citations.length).toBeGreaterThan(0);
      expect(l.citations[0]!.title).toMatch(/《.+》/);
    }
    const show = await runCli(['--data', data, 'loan', 'show', String(v.loan.id)]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('真实年化利率');
    expect(show.stdout).toMatch(/超出 OVER by ¥[\d,]+\.\d\d/);
    const list = await runCli(['loan', 'list', '--json', '--data', data]);
    expect(list.json<unknown[]>()).toHaveLength(1);
  });

  it('builds schedules the way lenders do: 等额本息 at 12% gives 888.49 a month; 月息0.8% 等本等息 is about 17.27% a year', async () => {
    const data = tempDataDir();
    const a = await runCli(['loan', 'add', '--data', data, '--json', '--lender', '某银行', '--type', 'bank', '--date', '2025-01-10', '--principal', '10000', '--schedule', 'equal_installment', '--rate', '0.12']);
    expect(a.code, a.stderr).toBe(0);
    const va = a.json<{ loan: { schedule: { totalFen: number }[] }; rates: { apr_nominal: number } }>();
    expect(va.loan.schedule[0]!.totalFen).toBe(88849);
    expect(va.rates.apr_nominal).toBeCloseTo(0.12, 4);
    const b = await runCli(['loan', 'add', '--data', data, '--json', '--lender', '某消金', '--type', 'consumer_finance', '--date', '2025-01-10', '--principal', '10000', '--schedule', 'flat_rate', '--rate', '0.008']);
    expect(b.json<{ rates: { apr_nominal: number } }>().rates.apr_nominal).toBeCloseTo(0.1727, 3);
    const bad = await runCli(['loan', 'add', '--data', data, '--lender', 'x', '--type', 'bank', '--date', '2025-01-10', '--principal', '100', '--schedule', 'weird', '--rate', '0.1']);
    expect(bad.code).toBe(2);
  });

  it('computes rates from a bare cash-flow file', async () => {
    const dir = tempDataDir();
    const f = join(dir, 'flows.json');
    const cashflows = [{ date: '2024-01-01', amount_fen: 900000 }, ...Array.from({ length: 12 }, (_, i) => ({ date: `${i < 11 ? 2024 : 2025}-${String(((i + 1) % 12) + 1).padStart(2, '0')}-01`, amount_fen: -100000 }))];
    writeFileSync(f, JSON.stringify({ period: 'month', cashflows }));
    const r = await runCli(['loan', 'rate', f, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = r.json<{ periodic_rate: number; apr_nominal: number; apr_effective: number; xirr: number }>();
    expect(j.apr_nominal).toBeCloseTo(j.periodic_rate * 12, 12);
    expect(j.apr_effective).toBeCloseTo((1 + j.periodic_rate) ** 12 - 1, 12);
    expect(j.xirr).toBeGreaterThan(0.3);
  });

  it('rejects bad input with an error naming the field, and writes nothing', async () => {
    const data = tempDataDir();
    const f = join(data, 'bad.json');
    writeFileSync(f, JSON.stringify({ lenderName: 'X', lenderType: 'loan_shark', contractDate: '2024-01-01', contractPrincipalFen: 100, receivedFen: 100, fees: [], period: 'month', schedule: [], payments: [], status: 'active' }));
    const r = await runCli(['loan', 'add', '--file', f, '--data', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('lenderType');
    expect((await runCli(['loan', 'list', '--json', '--data', data])).json()).toEqual([]);
    const bad = join(data, 'flows.json');
    writeFileSync(bad, JSON.stringify({ period: 'month', cashflows: [{ date: '2024-01-01', amount_fen: 12.5 }, { date: '2024-02-01', amount_fen: -100 }] }));
    const r2 = await runCli(['loan', 'rate', bad]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain('cashflows[0].amount_fen');
    const r3 = await runCli(['loan', 'show', '--data', data]);
    expect(r3.code).toBe(2);
  });
});
