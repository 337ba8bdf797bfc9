import { generate } from './loans.js';
import { IRR, XIRR } from '@formulajs/formulajs';
import { irr } from 'financial';
const loans = generate(20000, 20240115);
const idx = Array.from({length: 5000}, (_, k) => Math.floor(k * 20000 / 5000));
for (const name of ['fj', 'fin', 'fint', 'fjx']) {
  let t = Date.now();
  for (const i of idx) { const l = loans[i]!; const s = Date.now();
    if (name === 'fj') IRR(l.values); else if (name === 'fin') irr(l.values); else if (name === 'fint') irr(l.values, 0.1, 1e-12, 100); else XIRR(l.amounts, l.dates);
    if (Date.now() - s > 200) { console.log('slow', name, i, JSON.stringify(l.values)); break; } }
  console.log(name, Date.now() - t);
}
