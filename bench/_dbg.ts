import { generate } from './loans.js';
import { irrOfPeriods, xirrOfTimes, ratesOf, periodicIrr, xirr } from '../src/domain/loans/irr.js';
import { loanCashFlows } from '../src/domain/loans/cashflows.js';
const loans = generate(100000, 20240115);
for (let rep = 0; rep < 3; rep++) {
  let t = performance.now(); for (const l of loans) irrOfPeriods(l.values); const a = performance.now() - t;
  t = performance.now(); for (const l of loans) xirrOfTimes(l.amounts, l.years); const b = performance.now() - t;
  t = performance.now(); for (const l of loans) loanCashFlows(l.loan); const c = performance.now() - t;
  const fl = loans.map((l) => l.flows);
  t = performance.now(); for (let i = 0; i < loans.length; i++) periodicIrr(fl[i]!, loans[i]!.period); const d = performance.now() - t;
  t = performance.now(); for (let i = 0; i < loans.length; i++) xirr(fl[i]!); const e = performance.now() - t;
  console.log(`µs/loan: irrOfPeriods ${(a*10/1000).toFixed(2)}  xirrOfTimes ${(b*10/1000).toFixed(2)}  loanCashFlows ${(c*10/1000).toFixed(2)}  periodicIrr(dated) ${(d*10/1000).toFixed(2)}  xirr(dated) ${(e*10/1000).toFixed(2)}`);
}
