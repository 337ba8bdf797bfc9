import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LegalLine, LenderType, LprEntry } from '../law.js';
import { roundFen } from '../money.js';
import { loanCashFlows } from './cashflows.js';
import { flowsByPeriod, irrOfPeriods, presentValue, ratesOf } from './irr.js';
import { checkLegalLines, lprInForce, repriceSchedule, type LegalLineLoan } from './legalLines.js';
import { dueDate } from './periods.js';
import { buildSchedule, interestFirstSchedule, type ScheduleSpec } from './schedules.js';
import { LENDER_TYPES, type Installment } from './types.js';

// Inline fixtures, NOT law data (src/law holds that): three lines and a small LPR table.
const t = (s: string) => ({ zh: s, en: s });
const FINANCIAL: LenderType[] = ['bank', 'consumer_finance', 'microloan', 'platform', 'credit_card', 'other'];
const LINES: LegalLine[] = [
  { id: 'lpr4', label: t('4×LPR'), rate: 'lpr4', appliesTo: ['private'], notApplicableReason: t('private lending only'), meaning: t('not protected by courts'), citationIds: ['fixture.lpr4'] },
  { id: '24', label: t('24%'), rate: 0.24, appliesTo: [...FINANCIAL, 'private'], notApplicableReason: t('-'), meaning: t('over 24%'), citationIds: ['fixture.24a', 'fixture.24b'] },
  { id: '36', label: t('36%'), rate: 0.36, appliesTo: FINANCIAL, notApplicableReason: t('financial lenders only'), meaning: t('over 36%'), citationIds: ['fixture.36'] },
];
const LPR: LprEntry[] = [
  { date: '2023-08-21', oneYear: 0.0345, fiveYear: 0.042 },
  { date: '2024-07-22', oneYear: 0.0335, fiveYear: 0.0385 },
];

/** The worked example: 合同借款10000元, 到手9000元, 12期每期还1000元 (monthly). */
function workedLoan(lenderType: LenderType = 'microloan', payments: LegalLineLoan['payments'] = []): LegalLineLoan {
  const schedule: Installment[] = Array.from({ length: 12 }, (_, k) => ({
    period: k + 1,
    dueDate: dueDate('2024-01-15', 'month', k + 1),
    principalFen: k < 11 ? 83_333 : 83_337,
    interestFen: k < 11 ? 16_667 : 16_663,
    feeFen: 0,
    totalFen: 100_000,
  }));
  return { lenderType, contractDate: '2024-01-15', receivedFen: 900_000, fees: [], period: 'month', schedule, payments };
}

/** 等额本息 payment of `principal` fen over n periods at r, rounded to the fen. */
const annuity = (principal: number, r: number, n: number) => roundFen((principal * r) / (1 - Math.pow(1 + r, -n)));

describe('checkLegalLines: the worked example', () => {
  const report = checkLegalLines(workedLoan('microloan'), LINES, LPR);
  const line = (id: string) => report.lines.find((l) => l.lineId === id)!;

  it('the loan rate is the nominal IRR on the 9 000 actually received', () => {
    expect(report.realPrincipalFen).toBe(900_000);
    expect(report.totalPayableFen).toBe(1_200_000);
    expect(report.rates!.periodic.value).toBeCloseTo(0.0472956593821, 12);
    expect(report.rates!.nominal.value).toBeCloseTo(0.567547912586, 11); // 56.75 %
    for (const l of report.lines) expect(l.loanRate).toBe(report.rates!.nominal.value);
  });

  it('over 24 %: 12 000 paid against 12 × 851.04 = 10 212.48 at 24 % on 9 000 → 1 787.52 above the line', () => {
    // By hand: 9 000 × 2 % / (1 − 1.02^−12) = 851.0397 → 851.04.
    expect(annuity(900_000, 0.02, 12)).toBe(85_104);
    const l = line('24');
    expect(l).toMatchObject({ applies: true, notApplicableReason: null, rateBasis: 'fixed', lineRate: 0.24, over: true, excessFen: 178_752, problem: null });
    expect(l.citationIds).toEqual(['fixture.24a', 'fixture.24b']);
    expect(l.repriced!.method).toBe('scaled');
    expect(l.repriced!.payments.every((p) => p.repricedFen === 85_104 && p.contractFen === 100_000)).toBe(true);
    expect(l.repriced!.repricedTotalFen).toBe(1_021_248);
  });

  it('over 36 %: 12 × 904.16 = 10 849.92 → 1 150.08 above the line', () => {
    expect(annuity(900_000, 0.03, 12)).toBe(90_416);
    expect(line('36')).toMatchObject({ applies: true, lineRate: 0.36, over: true, excessFen: 1_200_000 - 12 * 90_416 });
    expect(line('36').excessFen).toBe(115_008);
  });

  it('4 × LPR: 4 × 3.45 % = 13.8 % (the quote of 2023-08-21 in force on 2024-01-15); not binding on a microloan company', () => {
    const l = line('lpr4');
    expect(l.applies).toBe(false);
    expect(l.notApplicableReason).toEqual(t('private lending only'));
    expect(l.lpr).toEqual({ date: '2023-08-21', oneYear: 0.0345 });
    expect(l.lineRate).toBeCloseTo(0.138, 15);
    expect(l.excessFen).toBe(1_200_000 - 12 * annuity(900_000, 0.138 / 12, 12));
    expect(l.excessFen).toBe(231_312);
  });

  it('a private lender: the 4 × LPR line applies, the 36 % line does not', () => {
    const r = checkLegalLines(workedLoan('private'), LINES, LPR);
    expect(r.lines.map((l) => [l.lineId, l.applies])).toEqual([
      ['lpr4', true],
      ['24', true],
      ['36', false],
    ]);
  });

  it('payments so far: installment view and settlement view', () => {
    const two = checkLegalLines(workedLoan('microloan', [{ date: '2024-02-15', amountFen: 100_000 }, { date: '2024-03-15', amountFen: 100_000 }]), LINES, LPR);
    const l24 = two.lines.find((l) => l.lineId === '24')!;
    // Two installments of 1 000 against 851.04 each at the line.
    expect(l24.paid).toEqual({
      asOf: '2024-03-15',
      totalPaidFen: 200_000,
      paidAboveLineFen: 2 * (100_000 - 85_104),
      // 9 000 × 1.02² − 1 000 × 1.02 − 1 000 = 7 343.60 still owed at 24 %.
      owedUnderLineFen: 734_360,
      overpaidUnderLineFen: 0,
    });
    // Everything paid plus 500 of penalties.
    const payments = workedLoan().schedule.map((i) => ({ date: i.dueDate, amountFen: i.totalFen }));
    payments.push({ date: '2025-01-20', amountFen: 50_000 });
    const all = checkLegalLines(workedLoan('microloan', payments), LINES, LPR).lines.find((l) => l.lineId === '24')!;
    expect(all.paid!.paidAboveLineFen).toBe(178_752 + 50_000);
    expect(all.paid!.owedUnderLineFen).toBe(0);
    // Settlement view: the 24 % loan is repaid by the 11th installment plus part of the 12th; the rest is overpaid.
    expect(all.paid!.overpaidUnderLineFen).toBeGreaterThan(178_752 + 50_000 - 5_000);
    expect(all.paid!.overpaidUnderLineFen).toBeLessThan(178_752 + 50_000 + 30_000);
  });
});

describe('checkLegalLines: other cases', () => {
  it('先息后本 is re-priced as interest-first on the real principal', () => {
    // 10 000 contract, 9 000 received, 12 × 300 interest and 10 000 with the last.
    const schedule = interestFirstSchedule({ principalFen: 1_000_000, periods: 12, periodicRate: 0.03, contractDate: '2024-03-01' });
    const loan: LegalLineLoan = { lenderType: 'platform', contractDate: '2024-03-01', receivedFen: 900_000, fees: [], period: 'month', schedule, payments: [] };
    const l = checkLegalLines(loan, LINES, LPR).lines.find((x) => x.lineId === '24')!;
    expect(l.repriced!.method).toBe('interest_first');
    // At 24 %: 180 a month on 9 000, then 9 000 back: 11 160 against 13 600 → 2 440.
    expect(l.repriced!.repricedTotalFen).toBe(12 * 18_000 + 900_000);
    expect(l.excessFen).toBe(244_000);
  });

  it('LPR as a function (entry or number); no LPR known → lineRate null with a problem', () => {
    const loan = workedLoan('private');
    const byEntry = checkLegalLines(loan, LINES, (d) => lprInForce(LPR, d) && { date: '2023-08-21', oneYear: 0.0345, fiveYear: 0.042 });
    expect(byEntry.lines[0]!.lineRate).toBeCloseTo(0.138, 15);
    const byNumber = checkLegalLines(loan, LINES, () => 0.0345);
    expect(byNumber.lines[0]).toMatchObject({ lpr: { date: null, oneYear: 0.0345 }, excessFen: 231_312 });
    const none = checkLegalLines({ ...loan, contractDate: '2019-01-02' }, LINES, LPR).lines[0]!;
    expect(none).toMatchObject({ lineRate: null, over: null, excessFen: null, repriced: null });
    expect(none.problem).toMatch(/no 1-year LPR/);
    const throwing = checkLegalLines(loan, LINES, () => {
      throw new RangeError('table ends');
    }).lines[0]!;
    expect(throwing).toMatchObject({ lineRate: null, excessFen: null });
    expect(throwing.problem).toMatch(/no 1-year LPR is known for the contract date 2024-01-15: table ends/);
    expect(lprInForce(LPR, '2024-07-22')).toEqual({ date: '2024-07-22', oneYear: 0.0335 });
    expect(lprInForce(LPR, '2024-07-21')).toEqual({ date: '2023-08-21', oneYear: 0.0345 });
  });

  it('an XIRR too large for a double leaves the other rates and the lines intact', () => {
    // 1 000 yuan for one day, 11 000 back: 1 000 % a day; (1 + 10)^365 overflows.
    const loan: LegalLineLoan = { lenderType: 'other', contractDate: '2024-01-01', receivedFen: 100_000, fees: [], period: 'day', schedule: [{ period: 1, dueDate: '2024-01-02', principalFen: 100_000, interestFen: 1_000_000, feeFen: 0, totalFen: 1_100_000 }], payments: [] };
    const r = checkLegalLines(loan, LINES, LPR);
    expect(r.rates!.periodic.value).toBeCloseTo(10, 12);
    expect(r.rates!.nominal.value).toBeCloseTo(3650, 9);
    expect(r.rates!.xirr).toEqual({ convention: 'xirr', value: Number.POSITIVE_INFINITY });
    expect(r.problem).toBe("the loan's XIRR cannot be computed: the annual rate is too large to represent as a number (above 1.8e308)");
    expect(r.lines[1]).toMatchObject({ over: true, problem: null });
    expect(r.lines[1]!.excessFen).toBe(1_100_000 - Math.round(100_000 * (1 + 0.24 / 365)));
  });

  it('a loan without a schedule has no rate but still lists the lines', () => {
    const r = checkLegalLines({ ...workedLoan(), schedule: [] }, LINES, LPR);
    expect(r.rates).toBeNull();
    expect(r.problem).toMatch(/no repayment schedule/);
    expect(r.lines).toHaveLength(3);
    expect(r.lines[1]).toMatchObject({ lineRate: 0.24, loanRate: null, over: null, excessFen: null });
  });

  it('an irregular schedule is scaled so that its IRR is the line rate', () => {
    const schedule: Installment[] = [
      { period: 1, dueDate: '2024-02-10', principalFen: 0, interestFen: 50_000, feeFen: 0, totalFen: 50_000 },
      { period: 2, dueDate: '2024-04-10', principalFen: 300_000, interestFen: 20_000, feeFen: 10_000, totalFen: 330_000 },
      { period: 3, dueDate: '2024-07-10', principalFen: 700_000, interestFen: 90_000, feeFen: 0, totalFen: 790_000 },
    ];
    const loan: LegalLineLoan = { lenderType: 'consumer_finance', contractDate: '2024-01-10', receivedFen: 950_000, fees: [{ name: '会员费', timing: 'per_period', amountFen: 3_000 }], period: 'month', schedule, payments: [] };
    const rep = repriceSchedule(loan, 0.24);
    expect(rep.method).toBe('scaled');
    expect(rep.payments.map((p) => p.contractFen)).toEqual([53_000, 333_000, 793_000]);
    const flows = [{ date: '2024-01-10', amountFen: 950_000 }, ...rep.payments.map((p) => ({ date: p.dueDate, amountFen: -p.repricedFen }))];
    expect(ratesOf(flows, 'month').nominal.value).toBeCloseTo(0.24, 5);
    // Shape kept: every payment scaled by the same factor (to the fen).
    const lambda = rep.payments[2]!.repricedFen / rep.payments[2]!.contractFen;
    for (const p of rep.payments) expect(Math.abs(p.repricedFen - p.contractFen * lambda)).toBeLessThanOrEqual(1);
  });
});

describe('legal line properties', () => {
  const loanArb = fc.record({
    kind: fc.constantFrom('equal_installment', 'flat_rate', 'interest_first', 'card_installment', 'bullet'),
    principalFen: fc.integer({ min: 100_000, max: 20_000_000 }),
    periods: fc.integer({ min: 1, max: 36 }),
    rate: fc.double({ min: 0, max: 0.06, noNaN: true }),
    receivedShare: fc.double({ min: 0.7, max: 1, noNaN: true }),
    lenderType: fc.constantFrom(...LENDER_TYPES),
    lineRate: fc.double({ min: 0.05, max: 0.6, noNaN: true }),
  });

  it('the excess is zero when the loan rate is at or below the line, positive above it; the re-priced schedule sits on the line', () => {
    fc.assert(
      fc.property(loanArb, (a) => {
        const contractDate = '2024-05-31';
        const schedule = buildSchedule({ ...a, contractDate, periodicRate: a.rate, flatRate: a.rate, feeRate: a.rate } as ScheduleSpec);
        const loan: LegalLineLoan = { lenderType: a.lenderType, contractDate, receivedFen: Math.round(a.principalFen * a.receivedShare), fees: [], period: 'month', schedule, payments: [] };
        const line: LegalLine = { ...LINES[1]!, rate: a.lineRate };
        const report = checkLegalLines(loan, [line], LPR);
        fc.pre(report.rates !== null);
        const l = report.lines[0]!;
        if (l.loanRate! <= a.lineRate) {
          expect(l.over).toBe(false);
          expect(l.excessFen).toBe(0);
        } else {
          expect(l.over).toBe(true);
          expect(l.excessFen).toBeGreaterThanOrEqual(0);
          if (l.loanRate! > a.lineRate + 1e-3) expect(l.excessFen).toBeGreaterThan(0);
          // Never more than everything paid beyond the real principal.
          expect(l.excessFen).toBeLessThanOrEqual(report.totalPayableFen - report.realPrincipalFen);
        }
        // The re-priced schedule lends the real principal at the line's periodic rate, to the fen.
        const rep = l.repriced!;
        const amounts = flowsByPeriod([{ date: contractDate, amountFen: report.realPrincipalFen }, ...rep.payments.map((p) => ({ date: p.dueDate, amountFen: -p.repricedFen }))], 'month');
        expect(Math.abs(presentValue(amounts, a.lineRate / 12))).toBeLessThanOrEqual(0.5 * schedule.length + 1);
        if (rep.repricedTotalFen > report.realPrincipalFen + 100 * schedule.length) {
          expect(Math.abs(irrOfPeriods(amounts) - a.lineRate / 12)).toBeLessThan(1e-4);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the loan rate is the nominal IRR of its cash flows', () => {
    fc.assert(
      fc.property(loanArb, (a) => {
        const contractDate = '2023-01-31';
        const schedule = buildSchedule({ ...a, contractDate, periodicRate: a.rate, flatRate: a.rate, feeRate: a.rate } as ScheduleSpec);
        const loan: LegalLineLoan = { lenderType: a.lenderType, contractDate, receivedFen: Math.round(a.principalFen * a.receivedShare), fees: [], period: 'month', schedule, payments: [] };
        const report = checkLegalLines(loan, LINES, LPR);
        fc.pre(report.rates !== null);
        expect(report.rates!.nominal.value).toBe(ratesOf(loanCashFlows(loan), 'month').nominal.value);
      }),
      { numRuns: 100 },
    );
  });
});
