/**
 * The bare cash-flow file of `huxun loan rate FILE --json`:
 *
 *   {"period": "month" | "week" | "day" | {"months": N} | {"days": N},
 *    "cashflows": [{"date": "YYYY-MM-DD", "amount_fen": 900000}, {"date": "2024-02-15", "amount_fen": -100000}, …]}
 *
 * Amounts are integer fen; the sign is the borrower's view (+ received, − paid) or the lender's, as long as
 * it is consistent. Dates must not go backwards. Result: the four rates, plain decimals (0.24 = 24 %):
 *   periodic_rate  — periodic IRR per `period` ('periodic-irr')
 *   apr_nominal    — periodic × periods a year ('irr-nominal', what lenders must display)
 *   apr_effective  — (1 + periodic)^(periods a year) − 1
 *   xirr           — actual dates, ACT/365 from the first flow
 * Bad input throws RateFileError naming the JSON path and the problem, e.g.
 *   cashflows[2].amount_fen: expected an integer number of fen, got 12.5
 * Takes the file's text, not a path (no I/O here).
 */
import { IrrError, ratesOf } from './irr.js';
import { parseYmd } from './periods.js';
import type { CashFlow, Period } from './types.js';
import { periodProblem } from './validate.js';

export type RateFileErrorCode = 'BAD_JSON' | 'BAD_FIELD' | 'NO_IRR';

export class RateFileError extends Error {
  constructor(
    readonly code: RateFileErrorCode,
    /** JSON path of the field, e.g. "cashflows[2].amount_fen"; "" for the whole file. */
    readonly path: string,
    readonly problem: string,
  ) {
    super(path ? `${path}: ${problem}` : problem);
    this.name = 'RateFileError';
  }
}

export interface RateFile {
  period: Period;
  cashflows: CashFlow[];
}

export interface RateFileResult {
  periodic_rate: number;
  apr_nominal: number;
  apr_effective: number;
  xirr: number;
}

const got = (v: unknown): string => (v === undefined ? 'nothing' : JSON.stringify(v) ?? String(v));

function fail(path: string, problem: string, code: RateFileErrorCode = 'BAD_FIELD'): never {
  throw new RateFileError(code, path, problem);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function lineCol(text: string, pos: number): string {
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const col = pos - before.lastIndexOf('\n');
  return `line ${line} column ${col}`;
}

/**
 * Where a JSON text stops being valid and what was expected there (run only after JSON.parse failed;
 * Node's own message does not always carry a position).
 */
export function locateJsonError(text: string): { pos: number; problem: string } {
  const n = text.length;
  let i = 0;
  const stop = (problem: string): never => {
    throw { pos: i, problem };
  };
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const str = () => {
    i++;
    for (;;) {
      if (i >= n) stop('unterminated string');
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        i++;
        const e = text[i];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) stop('bad \\u escape in string');
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else stop('bad escape in string');
      } else if (c < ' ') stop('line break or control character inside a string');
      else i++;
    }
  };
  const value = (): void => {
    ws();
    if (i >= n) stop('unexpected end of the file, expected a value');
    const c = text[i]!;
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          ws();
          if (text[i] !== '"') stop(i >= n ? 'unexpected end of the file, expected a field name' : 'expected a double-quoted field name');
          str();
          ws();
          if (text[i] !== ':') stop("expected ':' after the field name");
          i++;
        }
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === close) {
          i++;
          return;
        }
        stop(i >= n ? `unexpected end of the file, expected ',' or '${close}'` : `expected ',' or '${close}'`);
      }
    }
    if (c === '"') return str();
    const num = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    num.lastIndex = i;
    if (num.exec(text) && num.lastIndex > i) {
      i = num.lastIndex;
      return;
    }
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return;
      }
    }
    stop(`unexpected ${JSON.stringify(c)}, expected a value`);
  };
  try {
    value();
    ws();
    if (i < n) stop('unexpected text after the end of the JSON value');
  } catch (e) {
    if (typeof e === 'object' && e !== null && 'pos' in e) return e as { pos: number; problem: string };
    throw e;
  }
  return { pos: n, problem: 'invalid JSON' };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const { pos, problem } = locateJsonError(text);
    fail('', `malformed JSON at ${pos >= text.length ? 'the end of the file' : lineCol(text, pos)}: ${problem}`, 'BAD_JSON');
  }
}

/** Parses and validates the file's text. */
export function parseRateFile(text: string): RateFile {
  if (typeof text !== 'string') fail('', `expected the file's text, got ${typeof text}`, 'BAD_JSON');
  if (text.trim() === '') fail('', 'the file is empty: expected {"period": …, "cashflows": […]}', 'BAD_JSON');
  const doc = parseJson(text.replace(/^\uFEFF/, ''));
  if (!isPlainObject(doc)) fail('', `expected an object {"period": …, "cashflows": […]}, got ${Array.isArray(doc) ? 'a list' : got(doc)}`);
  for (const k of Object.keys(doc)) if (k !== 'period' && k !== 'cashflows') fail(k, 'unexpected field; the file has only "period" and "cashflows"');

  if (!('period' in doc)) fail('period', 'required: expected "month", "week", "day", {"months": N} or {"days": N}');
  const pp = periodProblem(doc.period);
  if (pp) fail('period', pp);
  const period = doc.period as Period;

  const list = doc.cashflows;
  if (list === undefined) fail('cashflows', 'required: expected a list of {"date": "YYYY-MM-DD", "amount_fen": N}');
  if (!Array.isArray(list)) fail('cashflows', `expected a list of {"date": "YYYY-MM-DD", "amount_fen": N}, got ${got(list)}`);
  if (list.length < 2) fail('cashflows', `expected at least two cash flows (money received and money repaid), got ${list.length}`);

  const cashflows: CashFlow[] = [];
  list.forEach((item: unknown, i: number) => {
    const at = `cashflows[${i}]`;
    if (!isPlainObject(item)) fail(at, `expected {"date": "YYYY-MM-DD", "amount_fen": N}, got ${got(item)}`);
    for (const k of Object.keys(item)) if (k !== 'date' && k !== 'amount_fen') fail(`${at}.${k}`, 'unexpected field; a cash flow has only "date" and "amount_fen"');
    const date = item.date;
    if (date === undefined) fail(`${at}.date`, 'required: expected a date YYYY-MM-DD');
    if (typeof date !== 'string' || !parseYmd(date)) fail(`${at}.date`, `expected a real date YYYY-MM-DD, got ${got(date)}`);
    const amount = item.amount_fen;
    if (amount === undefined) fail(`${at}.amount_fen`, 'required: expected an integer number of fen');
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) fail(`${at}.amount_fen`, `expected an integer number of fen, got ${got(amount)}`);
    const prev = cashflows[i - 1];
    if (prev && date < prev.date) fail(`${at}.date`, `dates out of order: ${date} is earlier than the date before it, ${prev.date} (cashflows[${i - 1}].date)`);
    cashflows.push({ date, amountFen: amount });
  });

  const anyPos = cashflows.some((f) => f.amountFen > 0);
  const anyNeg = cashflows.some((f) => f.amountFen < 0);
  if (!anyPos && !anyNeg) fail('cashflows', 'every amount is zero: there is nothing to compute a rate from');
  if (!anyNeg) fail('cashflows', 'no amount is negative: the money is never repaid (or never lent), so there is no rate');
  if (!anyPos) fail('cashflows', 'no amount is positive: money only goes one way, so there is no rate');
  const first = cashflows[0]!;
  const last = cashflows[cashflows.length - 1]!;
  if (first.date === last.date) fail('cashflows', `all flows are on one date (${first.date}): a rate needs time to pass`);
  return { period, cashflows };
}

/** Parses the file and computes its four rates. */
export function rateFileRates(text: string): RateFileResult {
  const { period, cashflows } = parseRateFile(text);
  try {
    const r = ratesOf(cashflows, period);
    return { periodic_rate: r.periodic.value, apr_nominal: r.nominal.value, apr_effective: r.effective.value, xirr: r.xirr.value };
  } catch (e) {
    if (e instanceof IrrError) fail('cashflows', `no rate makes these flows balance: ${e.message}`, 'NO_IRR');
    throw e;
  }
}
