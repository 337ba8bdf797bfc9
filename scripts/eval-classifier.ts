/**
 * Evaluate the message classifier on labelled JSONL files.
 *
 *   npx tsx scripts/eval-classifier.ts                 # the shared dev set and every test/fixtures/messages/*.jsonl
 *                                                      # (own set also split train/held-out)
 *   npx tsx scripts/eval-classifier.ts --file PATH     # one file (repeatable)
 *   npx tsx scripts/eval-classifier.ts --split heldout # only the held-back fifth of the own set (also: train)
 *   npx tsx scripts/eval-classifier.ts --ids even      # only even-numbered ids (also: odd)
 *   npx tsx scripts/eval-classifier.ts --errors        # list the misclassified messages (--verbose: rule hits)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { classify, explain } from '../src/domain/collection/classifier/index.js';
import { computeMetrics, formatMetrics, isHeldOut, parseJsonl, type LabelledMessage } from '../src/domain/collection/classifier/metrics.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const SHARED = `${root}../shared/data/messages-dev.jsonl`; // beside the checkout, as in CI
const FIXTURES = `${root}test/fixtures/messages/`;

const args = process.argv.slice(2);
const files: string[] = [];
let showErrors = false;
let split: 'all' | 'train' | 'heldout' = 'all';
let verbose = false;
let parity: 'even' | 'odd' | null = null;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--file') files.push(args[++i] ?? '');
  else if (a === '--errors') showErrors = true;
  else if (a === '--verbose') verbose = true;
  else if (a === '--split') split = (args[++i] ?? 'all') as typeof split;
  else if (a === '--ids') parity = (args[++i] ?? 'even') as 'even' | 'odd';
  else {
    console.error(`unknown argument ${a}`);
    process.exit(2);
  }
}
if (files.length === 0) {
  files.push(SHARED);
  for (const f of readdirSync(FIXTURES).sort()) if (f.endsWith('.jsonl')) files.push(FIXTURES + f);
}

function run(title: string, msgs: LabelledMessage[]): void {
  const preds = msgs.map((m) => classify(m.text, m.to));
  console.log(formatMetrics(computeMetrics(msgs, preds), title));
  if (showErrors) {
    for (let i = 0; i < msgs.length; i++) {
      const g = msgs[i]!;
      const p = preds[i]!;
      const gs = [...g.labels].sort().join(',');
      const ps = [...p.labels].sort().join(',');
      if (gs === ps) continue;
      const missing = g.labels.filter((l) => !p.labels.includes(l));
      const extra = p.labels.filter((l) => !g.labels.includes(l));
      console.log(`  ${g.id} [${g.to}] -${missing.join(',')} +${extra.join(',')} :: ${g.text}`);
      if (verbose) {
        const e = explain(g.text, g.to);
        console.log(`      score=${e.score.toFixed(2)} norm=${e.norm}`);
        console.log(`      hits=${e.hits.map((h) => `${h.rule}:${e.norm.slice(h.start, h.end)}`).join(' | ')}`);
      }
    }
  }
  console.log('');
}

for (const f of files) {
  let msgs = parseJsonl(readFileSync(f, 'utf8'));
  const own = msgs.some((m) => /^h\d+$/.test(m.id));
  if (split !== 'all') msgs = msgs.filter((m) => (split === 'heldout' ? isHeldOut(m.id) : !isHeldOut(m.id)));
  if (parity) msgs = msgs.filter((m) => Number(/\d+/.exec(m.id)?.[0] ?? 0) % 2 === (parity === 'even' ? 0 : 1));
  run(`${f}${split !== 'all' ? ` [${split}]` : ''}${parity ? ` [${parity} ids]` : ''}`, msgs);
  if (own && split === 'all') {
    run(`${f} [train: ids not divisible by 5]`, msgs.filter((m) => !isHeldOut(m.id)));
    run(`${f} [held-out: ids divisible by 5]`, msgs.filter((m) => isHeldOut(m.id)));
  }
}
