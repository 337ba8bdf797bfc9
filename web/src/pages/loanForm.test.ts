import { describe, expect, it } from 'vitest';
import { buildLoan, dueDate, emptyForm, formFromLoan, scheduleRequest } from './loanForm.js';

describe('loan form', () => {
  const simple = { ...emptyForm(), lenderName: '快易借', contractDate: '2026-01-31', principal: '10000', received: '9000', periods: '12', payment: '1000' };

  it('turns "borrowed 10000, received 9000, 12 × 1000" into a LoanInput', () => {
    const { input, problems } = buildLoan(simple);
    expect(problems).toEqual([]);
    expect(input).not.toBeNull();
    expect(input!.contractPrincipalFen).toBe(1_000_000);
    expect(input!.receivedFen).toBe(900_000);
    expect(input!.schedule).toHaveLength(12);
    expect(input!.schedule.every((i) => i.totalFen === 100_000 && i.principalFen + i.interestFen + i.feeFen === i.totalFen)).toBe(true);
    expect(input!.schedule.reduce((s, i) => s + i.principalFen, 0)).toBe(1_000_000);
    // Month ends clamp, counted from the contract date.
    expect(input!.schedule.slice(0, 3).map((i) => i.dueDate)).toEqual(['2026-02-28', '2026-03-31', '2026-04-30']);
  });

  it('keeps going with problems listed, never throwing away what was typed', () => {
    const { input, problems } = buildLoan({ ...simple, lenderName: ' ', received: '12000', payment: 'abc' });
    expect(input).toBeNull();
    expect(problems.map((p) => p.field).sort()).toEqual(['lenderName', 'payment', 'received']);
  });

  it('round-trips a saved loan into the simple form', () => {
    const { input } = buildLoan(simple);
    const back = formFromLoan({ ...input!, id: 1, productName: null, agreementDate: null, note: null });
    expect(back.mode).toBe('equal');
    expect(back.periods).toBe('12');
    expect(back.payment).toBe('1000.00');
    expect(buildLoan(back).input).toEqual(input);
  });

  it('computes due dates by month, week and day', () => {
    expect(dueDate('2024-01-31', 'month', 1)).toBe('2024-02-29');
    expect(dueDate('2024-12-15', 'month', 2)).toBe('2025-02-15');
    expect(dueDate('2024-12-30', 'week', 1)).toBe('2025-01-06');
    expect(dueDate('2024-02-28', 'day', 2)).toBe('2024-03-01');
  });

  it('asks the schedule builder with a per-period rate', () => {
    const { req } = scheduleRequest({ ...simple, mode: 'builder', kind: 'equal_installment', rate: '12' });
    expect(req).toMatchObject({ kind: 'equal_installment', principalFen: 1_000_000, periods: 12, annualRate: 0.12 });
    expect((req as { periodicRate: number }).periodicRate).toBeCloseTo(0.01, 12);
    expect(scheduleRequest({ ...simple, kind: 'payday', days: '' }).problem).toBe('loans.err.days');
  });
});
