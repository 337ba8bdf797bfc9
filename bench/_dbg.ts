import { generate } from './loans.js';
import { XIRR } from '@formulajs/formulajs';
const loans = generate(20000, 20240115);
const idx = Array.from({length: 5000}, (_, k) => Math.floor(k * 20000 / 5000));
let t = Date.now(); let worst = 0, wi = -1;
for (const [k, i] of idx.entries()) { const l = loans[i]!; const s = performance.now(); XIRR(l.amounts, l.dates); const d = performance.now() - s; if (d > worst) { worst = d; wi = i; }
  if (k % 250 === 0) console.log(k, Date.now() - t, 'ms; worst', worst.toFixed(1), wi, l.amounts.length); }
