/**
 * `npm run train`: trains the classifier's linear model (src/domain/collection/classifier/train-linear.ts)
 * on the training splits only (corpora.ts) and writes src/domain/collection/classifier/linear-model.ts.
 * Seeded and deterministic: a rerun writes the same bytes.
 *
 *   npm run train                 # train, write the model, print scores before (rules) and after
 *   npm run train -- --eval       # only print the scores of the shipped model
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { classifyRules } from '../src/domain/collection/classifier/classify.js';
import { heldOutSets, trainingSet, trainSets } from '../src/domain/collection/classifier/corpora.js';
import { computeMetrics, formatMetrics, type LabelledMessage } from '../src/domain/collection/classifier/metrics.js';
import { classify, setModel } from '../src/domain/collection/classifier/model.js';
import { decodeModel } from '../src/domain/collection/classifier/linear.js';
import { trainLinear } from '../src/domain/collection/classifier/train-linear.js';
import { modelModule } from '../src/domain/collection/classifier/model-file.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (rel: string): string => readFileSync(`${root}${rel}`, 'utf8');
const OUT = `${root}src/domain/collection/classifier/linear-model.ts`;
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');

if (!args.includes('--eval')) {
  const msgs = trainingSet(read);
  const t0 = Date.now();
  const { bytes } = trainLinear(msgs, { log: (l) => console.error(l) });
  writeFileSync(OUT, modelModule(bytes));
  console.error(`trained on ${msgs.length} messages in ${((Date.now() - t0) / 1000).toFixed(1)} s; wrote ${OUT} (${bytes.length} bytes)`);
  setModel(decodeModel(bytes));
} else setModel('default');

function line(name: string, msgs: LabelledMessage[], f: (m: LabelledMessage) => { labels: string[] }): string {
  const m = computeMetrics(msgs, msgs.map((x) => f(x) as never));
  const col = m.perLabel[0]!;
  const rec = m.perLabel.slice(1).map((s) => `${s.label} R${s.recall.toFixed(2)}(${s.support})`).join(' ');
  if (verbose) console.log(formatMetrics(m, name));
  return `${name.padEnd(26)} n=${String(m.n).padStart(4)} macro-F1 ${m.macroF1.toFixed(3)} | collection P${col.precision.toFixed(2)}/R${col.recall.toFixed(2)} | ${rec}`;
}
for (const [name, msgs] of Object.entries({ ...heldOutSets(read), ...trainSets(read) })) {
  console.log(line(`${name} rules`, msgs, (x) => classifyRules(x.text, x.to)));
  console.log(line(`${name} rules+model`, msgs, (x) => classify(x.text, x.to)));
}
