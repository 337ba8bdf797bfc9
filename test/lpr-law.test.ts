/**
 * Issue 12 §5: the 4 × LPR line for a contract dated after the last quote of Huxun's table uses the last known quote,
 * shown with its date and a plain note (never "unknown" without a figure); `huxun law lpr add` records a newer quote in
 * the case, shown as entered by the person.
 */
import { describe, expect, it } from 'vitest';
import { lprForDate } from '../src/app/lpr.js';
import { loanReport } from '../src/app/loans.js';
import type { LoanInput } from '../src/domain/loans/types.js';
import { LPR, LPR_KNOWN_THROUGH } from '../src/law/index.js';
import { runCli, tempDataDir } from './support/cli.js';

const loan = (contractDate: string): LoanInput => ({
  lenderName: '张三',
  lenderType: 'private',
  contractDate,
  contractPrincipalFen: 1_000_000,
  receivedFen: 1_000_000,
  fees: [],
  period: 'month',
  schedule: [1, 2, 3].map((k) => ({ period: k, dueDate: `2027-0${k}-${contractDate.slice(8)}`, principalFen: 333_333 + (k === 3 ? 1 : 0), interestFen: 20_000, feeFen: 0, totalFen: 353_333 + (k === 3 ? 1 : 0) })),
  payments: [],
  status: 'overdue',
});

describe('LPR after the table’s end', () => {
  it('the table ends with the 2026-09-20 quote (docs/law/cn-law.md, Changes 2026-12)', () => {
    expect(LPR[LPR.length - 1]!.date).toBe('2026-09-20');
    expect(LPR_KNOWN_THROUGH).toBe('2026-10-19');
    expect(lprForDate('2026-09-21')).toMatchObject({ date: '2026-09-20', oneYear: 0.03, origin: 'table', note: null });
    expect(lprForDate('2019-08-19')).toBeNull();
  });

  it('a contract after the table uses the last known quote, with its date and a plain note', () => {
    const q = lprForDate('2026-11-27')!;
    expect(q).toMatchObject({ date: '2026-09-20', oneYear: 0.03, origin: 'last_known' });
    expect(q.note!.zh).toContain('2026-09-20');
    expect(q.note!.zh).toContain('可能已经更新');
    expect(q.note!.en).toMatch(/a newer quote may apply on 2026-11-27/);
    const r = loanReport(loan('2026-11-27'));
    const l4 = r.lines.find((l) => l.lineId === 'lpr4')!;
    expect(l4.lineRate).toBeCloseTo(0.12, 12);
    expect(l4.lpr).toMatchObject({ date: '2026-09-20', oneYear: 0.03, origin: 'last_known' });
    expect(l4.lpr!.note!.zh).toContain('huxun law lpr add');
    expect(l4.problem).toBeNull();
    expect(l4.over).not.toBeNull();
  });

  it('a quote the person entered is used after its date and shown as theirs; it never overrides the table', () => {
    const user = [{ date: '2026-10-20', oneYear: 0.029, fiveYear: 0.034, source: '中国货币网公告', enteredAt: 0 }];
    expect(lprForDate('2026-10-19', user)).toMatchObject({ origin: 'table', date: '2026-09-20' });
    const q = lprForDate('2026-10-25', user)!;
    expect(q).toMatchObject({ date: '2026-10-20', oneYear: 0.029, origin: 'user', source: '中国货币网公告' });
    expect(q.note!.zh).toContain('你自己录入');
    expect(q.note!.zh).not.toContain('可能已经更新');
    expect(lprForDate('2026-11-25', user)!.note!.en).toMatch(/A newer quote may apply/);
    const l4 = loanReport(loan('2026-10-25'), user).lines.find((l) => l.lineId === 'lpr4')!;
    expect(l4.lineRate).toBeCloseTo(0.116, 12);
    expect(l4.lpr!.origin).toBe('user');
  });

  it('a contract of 2020-08-20 … 2020-12-31 cites the 4 × LPR rule as 第二十六条 of the text then in force', () => {
    const ids = (d: string) => loanReport({ ...loan(d), schedule: loan(d).schedule.map((i, k) => ({ ...i, dueDate: `2021-0${k + 1}-15` })) }).lines.find((l) => l.lineId === 'lpr4')!.citationIds;
    expect(ids('2020-10-15')).toContain('private-lending-2020-08.art26');
    expect(ids('2020-10-15')).not.toContain('private-lending-2020.art25');
    expect(ids('2021-01-01'.slice(0, 8) + '15')).toContain('private-lending-2020.art25');
  });

  it('huxun law lpr add records a newer quote in the case; loan show uses it, as entered by the user', async () => {
    const data = tempDataDir();
    const bad = await runCli(['law', 'lpr', 'add', '2026-08-20', '3.00', '3.50', '--source', 'x', '--data', data]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/only a later quote can be added/);
    expect((await runCli(['law', 'lpr', 'add', '2026-10-20', '3.00', '3.50', '--data', data])).code).toBe(2);
    const add = await runCli(['law', 'lpr', 'add', '2026-10-20', '2.90', '3.40', '--source', '中国货币网 2026-10-20 公告', '--json', '--data', data]);
    expect(add.code).toBe(0);
    expect(add.json<{ quotes: { date: string; oneYear: number }[] }>().quotes).toEqual([expect.objectContaining({ date: '2026-10-20', oneYear: 0.029, fiveYear: 0.034 })]);
    const list = await runCli(['law', 'lpr', 'list', '--data', data]);
    expect(list.stdout).toContain('2026-10-20');
    expect(list.stdout).toContain('中国货币网 2026-10-20 公告');
    const added = await runCli(['loan', 'add', '--data', data, '--json', '--lender', '张三', '--type', 'private', '--date', '2026-11-01', '--principal', '10000', '--received', '10000', '--periods', '12', '--installment', '1000']);
    expect(added.code).toBe(0);
    const v = added.json<{ lines: { id: string; rate: number; lpr: { date: string; origin: string; note: { zh: string } } }[] }>();
    const l4 = v.lines.find((l) => l.id === 'lpr4')!;
    expect(l4.lpr).toMatchObject({ date: '2026-10-20', origin: 'user' });
    expect(l4.rate).toBeCloseTo(0.116, 12);
    expect(l4.lpr.note.zh).toContain('你自己录入');
  });
});
