// A/B: classify µs a message, old (/tmp/b1) vs working tree, interleaved chunks in one process
import { generateMessages } from './classifier.js';
const A = await import('/tmp/b1/src/domain/collection/classifier/index.js');
const B = await import('../src/domain/collection/classifier/index.js');
A.loadModel(); B.loadModel();
const msgs = generateMessages(60000);
const which = process.env.RULES ? 'classifyRules' : 'classify';
const fa = A[which], fb = B[which];
for (const m of msgs.slice(0, 20000)) { fa(m.text, m.to); fb(m.text, m.to); }
const acc = [0, 0]; const rounds: number[][] = [];
for (let r = 0; r < 7; r++) { const t = [0, 0];
  for (let c = 0, k = r; c < msgs.length; c += 2000, k++) for (let j = 0; j < 2; j++) { const f = (j + k) % 2; const fn = f ? fb : fa; const t0 = process.hrtime.bigint(); for (let i = c; i < c + 2000; i++) fn(msgs[i]!.text, msgs[i]!.to); t[f] += Number(process.hrtime.bigint() - t0); }
  rounds.push([t[0] / msgs.length / 1e3, t[1] / msgs.length / 1e3]); }
const med = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1];
console.log(`${which}: old ${med(rounds.map((r) => r[0]!)).toFixed(2)} µs, new ${med(rounds.map((r) => r[1]!)).toFixed(2)} µs; per round`, rounds.map((r) => (r[1]! - r[0]!).toFixed(2)).join(' '));
