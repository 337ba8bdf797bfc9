import { generate } from './loans.js';
import { xirrOfTimes } from '../src/domain/loans/irr.js';
import { XIRR } from '@formulajs/formulajs';
const loans = generate(100000, 20240115);
const idx = Array.from({length: 5000}, (_, k) => Math.floor(k * 100000 / 5000)).filter((i) => xirrOfTimes(loans[i]!.amounts, loans[i]!.years) <= 10);
console.log('kept', idx.length);
const t = Date.now(); let worst = 0;
for (const i of idx) { const l = loans[i]!; const s = performance.now(); XIRR(l.amounts, l.dates); worst = Math.max(worst, performance.now() - s); }
console.log('done', Date.now() - t, 'ms, worst call', worst.toFixed(1));
