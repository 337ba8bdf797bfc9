/** `huxun collector unmark` / `collector mark` / `collector loan` and `report-contact` on a real data folder. */
import { describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../support/cli.js';

interface Col { id: number; numbers: string[]; lender: string | null; claims: string[]; loan_id: number | null }

describe('huxun collector (CLI, real SQLite)', () => {
  it('marks a number not a collector and back; chooses a loan; a contact\'s report reaches the contacts list', async () => {
    const data = tempDataDir();
    const ok = async (args: string[]) => {
      const r = await runCli([...args, '--data', data, '--json']);
      expect(r.code, r.stderr).toBe(0);
      return r;
    };
    await ok(['collector', 'mark', '13800000001', '--name', '某催收']);
    let cols = (await ok(['collectors'])).json<Col[]>();
    expect(cols).toEqual([expect.objectContaining({ numbers: ['13800000001'], lender: null })]);
    await ok(['loan', 'add', '--lender', '招联消费金融股份有限公司', '--type', 'consumer_finance', '--date', '2024-01-01', '--principal', '1000', '--received', '1000', '--periods', '1', '--installment', '1010']);
    const loanId = (await ok(['loan', 'list'])).json<{ loan: { id: number } }[]>()[0]!.loan.id;
    const chosen = (await ok(['collector', 'loan', String(cols[0]!.id), String(loanId)])).json<Col>();
    expect(chosen).toMatchObject({ loan_id: loanId, lender: '招联消费金融股份有限公司' });
    const un = (await ok(['collector', 'unmark', '138-0000-0001'])).json<{ numbers: string[] }>();
    expect(un.numbers).toEqual(['13800000001']);
    cols = (await ok(['collectors'])).json<Col[]>();
    expect(cols).toEqual([]);
    await ok(['report-contact', '--contact', '表姐', '--at', '2024-06-05 20:00', '--text', '有人打电话给我说你欠钱']);
    expect((await ok(['contacts', '--touched'])).json<{ name: string }[]>().map((c) => c.name)).toEqual(['表姐']);
  });
});
