/** The plan commands end to end (real main(), real SQLite in a temp data folder). */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../support/cli.js';

describe('huxun budget / plan / payment / agreement', () => {
  it('budget set → plan --json (the issue\'s shape) → payment with a receipt → agreement → plan ics → plan letter', async () => {
    const data = tempDataDir();
    const ok = async (args: string[]) => {
      const r = await runCli(['--data', data, ...args]);
      expect(r.code, r.stderr + r.stdout).toBe(0);
      return r;
    };
    await ok(['loan', 'add', '--lender', '速借花', '--type', 'platform', '--date', '2024-03-01', '--principal', '10000', '--received', '9000', '--periods', '12', '--installment', '1000']);
    await ok(['loan', 'add', '--lender', '某银行信用卡', '--type', 'credit_card', '--date', '2024-05-01', '--principal', '6000', '--periods', '6', '--installment', '1030']);

    const b = await ok(['budget', 'set', '--json', '--income', '6000', '--income', 'family=500', '--spend', 'rent=2000', '--spend', 'food=1,500', '--hardship', 'job_loss:2026-03-01']);
    // 6 500 − (2 000 + 1 500 + the defaults 200 + 200 + 100) = 2 500 yuan.
    expect(b.json<{ totals: { surplus_fen: number } }>().totals.surplus_fen).toBe(250_000);
    expect((await ok(['budget', 'show'])).stdout).toContain('2,500.00');
    expect((await runCli(['--data', data, 'budget', 'set', '--spend', 'yacht=100'])).code).toBe(2);

    const p = (await ok(['plan', '--json', '--strategy', 'avalanche', '--start', '2027-01'])).json<{
      monthly_fen: number; strategy: string; lenders: { loan: number; claimed_fen: number; supportable_fen: number; months: { month: string; pay_fen: number }[]; paid_off: string | null }[]; total_fen: number; saved_vs_claims_fen: number;
    }>();
    expect(p.monthly_fen).toBe(250_000);
    expect(p.strategy).toBe('avalanche');
    expect(p.lenders[0]!.loan).toBe(1); // the platform loan's true rate is far higher
    expect(p.lenders[0]!.supportable_fen).toBeLessThan(p.lenders[0]!.claimed_fen);
    expect(p.lenders.every((l) => l.paid_off !== null)).toBe(true);
    expect(p.saved_vs_claims_fen).toBe(p.lenders.reduce((a, l) => a + l.claimed_fen, 0) - p.total_fen);
    const custom = (await ok(['plan', '--json', '--order', '2,1', '--monthly', '1000'])).json<{ strategy: string; lenders: { loan: number }[] }>();
    expect(custom.strategy).toBe('custom');
    expect(custom.lenders.map((l) => l.loan)).toEqual([2, 1]);
    expect((await ok(['plan'])).stdout).toContain('贷款方没有义务接受');
    expect((await runCli(['--data', data, 'plan', '--strategy', 'lottery'])).code).toBe(2);

    await ok(['plan', 'claim', '--loan', '1', '--amount', '15000', '--date', '2026-11-20']);
    writeFileSync(join(data, 'receipt.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 9, 9]));
    const pay = (await ok(['payment', 'add', '--json', '--loan', '1', '--amount', '500', '--date', '2026-12-01', '--to', '速借花App', '--receipt', join(data, 'receipt.png')])).json<{ evidence_seq: number; receipt_sha256: string }>();
    expect(pay.receipt_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await ok(['payment', 'list', '--json'])).json<unknown[]>()).toHaveLength(1);
    await ok(['agreement', 'add', '--loan', '2', '--date', '2026-12-02', '--monthly', '500', '--months', '12', '--first', '2027-01-10']);
    expect((await ok(['evidence', 'check'])).code).toBe(0);

    const ics = join(data, 'plan.ics');
    await ok(['plan', 'ics', '--out', ics, '--pay-day', '15']);
    expect(readFileSync(ics, 'utf8')).toContain('BEGIN:VEVENT');
    expect(statSync(ics).mode & 0o777).toBe(0o600);

    const letter = join(data, 'letter.txt');
    const l = await ok(['plan', 'letter', '--loan', '1', '--format', 'txt', '--out', letter, '--answer', 'borrower_name=张三']);
    expect(l.stdout).toContain('已生成');
    const text = readFileSync(letter, 'utf8');
    expect(text).toContain('15,000.00');
    expect(text).toContain('失业');
  });
});
