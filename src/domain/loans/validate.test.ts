import { describe, expect, it } from 'vitest';
import { equalInstallmentSchedule } from './schedules.js';
import { LoanInputError, validateLoanInput } from './validate.js';

const good = () => ({
  lenderName: '某某小贷',
  lenderType: 'microloan',
  productName: null,
  contractDate: '2024-01-15',
  contractPrincipalFen: 1_000_000,
  receivedFen: 900_000,
  fees: [{ name: '服务费', timing: 'upfront', amountFen: 100_000, included: true }],
  period: 'month',
  schedule: equalInstallmentSchedule({ principalFen: 1_000_000, periods: 3, periodicRate: 0.02, contractDate: '2024-01-15' }),
  payments: [{ date: '2024-02-15', amountFen: 346_755 }],
  status: 'overdue',
});

function issues(input: unknown): { path: string; message: string }[] {
  try {
    validateLoanInput(input);
  } catch (e) {
    expect(e).toBeInstanceOf(LoanInputError);
    expect((e as LoanInputError).code).toBe('INVALID_LOAN');
    return (e as LoanInputError).issues;
  }
  throw new Error('expected LoanInputError');
}

describe('validateLoanInput', () => {
  it('accepts a good loan and returns it', () => {
    const g = good();
    expect(validateLoanInput(g)).toEqual(g);
    expect(validateLoanInput({ ...g, period: { days: 14 }, agreementDate: '2024-05-01', note: 'x' }).period).toEqual({ days: 14 });
  });

  it('unknown lender type: names the field and lists the valid types', () => {
    const i = issues({ ...good(), lenderType: 'loan_shark' });
    expect(i).toEqual([{ path: 'lenderType', message: 'unknown lender type "loan_shark"; expected one of: bank, consumer_finance, microloan, platform, credit_card, private, other' }]);
    expect(() => validateLoanInput({ ...good(), lenderType: 'x' })).toThrow(/^lenderType: unknown lender type "x"; expected one of: bank, /);
  });

  it('reports every problem with its field path', () => {
    const g = good();
    const bad = {
      ...g,
      contractDate: '2024-02-30',
      receivedFen: 12.5,
      fees: [{ name: 'x', timing: 'monthly', amountFen: 1 }],
      schedule: [{ ...g.schedule[0]!, dueDate: '2024/02/15' }, { ...g.schedule[1]!, principalFen: -1 }, g.schedule[2]],
      period: { weeks: 2 },
      status: 'late',
      extra: 1,
    };
    const byPath = Object.fromEntries(issues(bad).map((x) => [x.path, x.message]));
    expect(byPath['contractDate']).toBe('expected a real date YYYY-MM-DD, got "2024-02-30"');
    expect(byPath['receivedFen']).toBe('expected an integer number of fen, got 12.5');
    expect(byPath['fees[0].timing']).toMatch(/unknown fee timing "monthly"; expected one of: upfront, per_period, on_overdue/);
    expect(byPath['schedule[0].dueDate']).toMatch(/expected a real date YYYY-MM-DD, got "2024\/02\/15"/);
    expect(byPath['schedule[1].principalFen']).toBe('expected zero or more fen, got -1');
    expect(byPath['period']).toMatch(/expected "month", "week", "day", \{"months": N\} or \{"days": N\}/);
    expect(byPath['status']).toMatch(/unknown status "late"/);
    expect(byPath['']).toMatch(/unexpected field\(s\): extra/);
  });

  it('missing fields say required', () => {
    const { lenderName: _, ...rest } = good();
    expect(issues(rest)).toEqual([{ path: 'lenderName', message: 'required: expected the lender name' }]);
    expect(issues(null)[0]!.message).toMatch(/expected a loan object, got null/);
  });

  it('cross-field checks: totals, order, dates after the contract, received ≤ principal', () => {
    const g = good();
    const s = g.schedule;
    const i = issues({
      ...g,
      receivedFen: 2_000_000,
      schedule: [{ ...s[0]!, totalFen: s[0]!.totalFen + 1 }, { ...s[2]!, period: 1 }, { ...s[1]!, period: 3 }],
      payments: [{ date: '2023-12-31', amountFen: 5 }],
    });
    const m = Object.fromEntries(i.map((x) => [x.path, x.message]));
    expect(m['schedule[0].totalFen']).toMatch(/expected principalFen \+ interestFen \+ feeFen = \d+, got \d+/);
    expect(m['receivedFen']).toMatch(/more than the contract principal/);
    expect(m['schedule[1].period']).toMatch(/period numbers must increase: 1 after 1/);
    expect(m['schedule[2].dueDate']).toMatch(/due dates out of order: 2024-03-15 after 2024-04-15/);
    expect(m['payments[0].date']).toMatch(/before the contract date 2024-01-15/);
    expect(Object.keys(m)).toHaveLength(5);
  });
});
