import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueDate } from './periods.js';
import { locateJsonError, parseRateFile, RateFileError, rateFileRates } from './rateFile.js';

const worked = {
  period: 'month',
  cashflows: [{ date: '2024-01-15', amount_fen: 900_000 }, ...Array.from({ length: 12 }, (_, k) => ({ date: dueDate('2024-01-15', 'month', k + 1), amount_fen: -100_000 }))],
};

function err(text: string): RateFileError {
  try {
    rateFileRates(text);
  } catch (e) {
    expect(e).toBeInstanceOf(RateFileError);
    return e as RateFileError;
  }
  throw new Error('expected RateFileError');
}

const withFlows = (cashflows: unknown, period: unknown = 'month') => JSON.stringify({ period, cashflows });

describe('rate file', () => {
  it('the worked example → the four rates', () => {
    const r = rateFileRates(JSON.stringify(worked, null, 2));
    expect(Object.keys(r)).toEqual(['periodic_rate', 'apr_nominal', 'apr_effective', 'xirr']);
    expect(r.periodic_rate).toBeCloseTo(0.0472956593821, 12);
    expect(r.apr_nominal).toBeCloseTo(0.567547912586, 11);
    expect(r.apr_effective).toBeCloseTo(Math.pow(1 + r.periodic_rate, 12) - 1, 14);
    expect(r.xirr).toBeCloseTo(0.7408, 4);
  });

  it('accepts every period form, a BOM, and the lender-side sign convention', () => {
    for (const period of ['month', 'week', 'day', { months: 3 }, { days: 14 }]) {
      const text = withFlows([{ date: '2024-01-01', amount_fen: 1000 }, { date: '2024-06-01', amount_fen: -1100 }], period);
      expect(rateFileRates(text).periodic_rate).toBeGreaterThan(0);
    }
    expect(parseRateFile('\uFEFF' + JSON.stringify(worked)).cashflows).toHaveLength(13);
    const lender = { ...worked, cashflows: worked.cashflows.map((f) => ({ ...f, amount_fen: -f.amount_fen })) };
    expect(rateFileRates(JSON.stringify(lender)).periodic_rate).toBeCloseTo(0.0472956593821, 12);
  });

  it.each([
    ['{"period": "month", "cashflows": [', '', /^malformed JSON at the end of the file: unexpected end of the file, expected a value$/],
    ['{"period": "month",\n "cashflows": [}', '', /^malformed JSON at line 2 column 16: unexpected "}", expected a value$/],
    ['{"period": \'month\'}', '', /^malformed JSON at line 1 column 12: unexpected "'", expected a value$/],
    ['{"period": "month" "cashflows": []}', '', /^malformed JSON at line 1 column 20: expected ',' or '}'$/],
    ['{period: "month"}', '', /^malformed JSON at line 1 column 2: expected a double-quoted field name$/],
    ['{"period": "month"} x', '', /^malformed JSON at line 1 column 21: unexpected text after the end/],
    ['', '', /the file is empty/],
    ['[1, 2]', '', /expected an object \{"period": …, "cashflows": \[…\]\}, got a list/],
    ['{"period": "month", "cashflows": [], "note": 1}', 'note', /unexpected field/],
    ['{"cashflows": []}', 'period', /required/],
    [withFlows([], 'year'), 'period', /expected "month", "week", "day", \{"months": N\} or \{"days": N\} with N a positive integer, got "year"/],
    [withFlows([], { days: 0 }), 'period', /got \{"days":0\}/],
    [withFlows([], { days: 7, months: 1 }), 'period', /expected "month"/],
    ['{"period": "month"}', 'cashflows', /required/],
    [withFlows({}), 'cashflows', /expected a list/],
    [withFlows([{ date: '2024-01-01', amount_fen: 1 }]), 'cashflows', /at least two cash flows/],
    [withFlows([{ date: '2024-01-01', amount_fen: 1 }, 5]), 'cashflows[1]', /expected \{"date": "YYYY-MM-DD", "amount_fen": N\}, got 5/],
    [withFlows([{ date: '2024-01-01', amount_fen: 1 }, { date: '2024-02-01', amount: -1 }]), 'cashflows[1].amount', /unexpected field/],
    [withFlows([{ date: '2024-01-01', amount_fen: 1 }, { amount_fen: -1 }]), 'cashflows[1].date', /required/],
    [withFlows([{ date: '2024-01-01', amount_fen: 1 }, { date: '2024-02-30', amount_fen: -1 }]), 'cashflows[1].date', /expected a real date YYYY-MM-DD, got "2024-02-30"/],
    [withFlows([{ date: '2024-01-01', amount_fen: 1 }, { date: '2024-02-01' }]), 'cashflows[1].amount_fen', /required/],
    [withFlows([{ date: '2024-01-01', amount_fen: 1 }, { date: '2024-02-01', amount_fen: '-1' }]), 'cashflows[1].amount_fen', /expected an integer number of fen, got "-1"/],
    [withFlows([{ date: '2024-01-01', amount_fen: 1e300 }, { date: '2024-02-01', amount_fen: -1 }]), 'cashflows[0].amount_fen', /expected an integer number of fen, got 1e\+300/],
    [withFlows([{ date: '2024-03-01', amount_fen: 1 }, { date: '2024-02-01', amount_fen: -1 }]), 'cashflows[1].date', /dates out of order: 2024-02-01 is earlier than the date before it, 2024-03-01 \(cashflows\[0\]\.date\)/],
    [withFlows([{ date: '2024-01-01', amount_fen: 100 }, { date: '2024-02-01', amount_fen: 50 }]), 'cashflows', /no amount is negative: the money is never repaid/],
    [withFlows([{ date: '2024-01-01', amount_fen: -100 }, { date: '2024-02-01', amount_fen: -50 }]), 'cashflows', /no amount is positive/],
    [withFlows([{ date: '2024-01-01', amount_fen: 0 }, { date: '2024-02-01', amount_fen: 0 }]), 'cashflows', /every amount is zero/],
    [withFlows([{ date: '2024-01-01', amount_fen: 100 }, { date: '2024-01-01', amount_fen: -150 }]), 'cashflows', /all flows are on one date/],
    [withFlows([{ date: '2024-01-01', amount_fen: 100 }, { date: '2024-02-01', amount_fen: -50 }, { date: '2024-03-01', amount_fen: 100 }]), 'cashflows', /no rate makes these flows balance/],
  ])('%s → %s', (text, path, problem) => {
    const e = err(text);
    expect(e.path).toBe(path);
    expect(e.problem).toMatch(problem);
    expect(e.message).toBe(path ? `${path}: ${e.problem}` : e.problem);
  });

  it('the brief’s example message', () => {
    const e = err(withFlows([{ date: '2024-01-01', amount_fen: 1 }, { date: '2024-02-01', amount_fen: -1 }, { date: '2024-03-01', amount_fen: 12.5 }]));
    expect(e.message).toBe('cashflows[2].amount_fen: expected an integer number of fen, got 12.5');
    expect(e.code).toBe('BAD_FIELD');
    expect(err('{').code).toBe('BAD_JSON');
    expect(err(withFlows([{ date: '2024-01-01', amount_fen: 100 }, { date: '2024-02-01', amount_fen: -50 }, { date: '2024-03-01', amount_fen: 100 }])).code).toBe('NO_IRR');
  });

  it('the JSON error locator agrees with JSON.parse on what is valid', () => {
    const isValid = (t: string) => {
      try {
        JSON.parse(t);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.string({ maxLength: 3 }), (json, cut, junk) => {
        expect(locateJsonError(json).problem).toBe('invalid JSON'); // valid: nothing found
        const pos = cut % (json.length + 1);
        const broken = json.slice(0, pos) + junk + json.slice(pos + 1);
        if (!isValid(broken)) {
          const r = locateJsonError(broken);
          expect(r.problem).not.toBe('invalid JSON');
          expect(r.pos).toBeLessThanOrEqual(broken.length);
        }
      }),
      { numRuns: 500 },
    );
  });
});
