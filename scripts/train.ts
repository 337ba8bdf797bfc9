/**
 * `npm run train`: trains the classifier's linear model (src/domain/collection/classifier/train-linear.ts)
 * on the training splits only (corpora.ts) and writes src/domain/collection/classifier/linear-model.ts.
 * Seeded and deterministic: a rerun writes the same bytes.
 *
 * Then trains the long-text veto (long-veto.ts) on the long texts of corpora.ts longVetoTrainingSet, read by the
 * classifier with the new model and without a veto, and writes src/domain/collection/classifier/long-veto-model.ts.
 *
 *   npm run train                 # train both, write them, print scores before (rules) and after
 *   npm run train -- --veto-only  # train the long-text veto only, with the shipped linear model
 *   npm run train -- --eval       # only print the scores of the shipped classifier
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { classifyRules } from '../src/domain/collection/classifier/classify.js';
import { heldOutSets, longVetoTrainingSet, trainingSet, trainSets } from '../src/domain/collection/classifier/corpora.js';
import { computeMetrics, formatMetrics, type LabelledMessage } from '../src/domain/collection/classifier/metrics.js';
import { classify, setLongVeto, setModel } from '../src/domain/collection/classifier/model.js';
import { decodeModel } from '../src/domain/collection/classifier/linear.js';
import { trainLinear } from '../src/domain/collection/classifier/train-linear.js';
import { longVetoModule, modelModule } from '../src/domain/collection/classifier/model-file.js';
import { decodeLongVeto } from '../src/domain/collection/classifier/long-veto.js';
import { longVetoRows, trainLongVeto } from '../src/domain/collection/classifier/train-long-veto.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (rel: string): string => readFileSync(`${root}${rel}`, 'utf8');
const OUT = `${root}src/domain/collection/classifier/linear-model.ts`;
const VETO_OUT = `${root}src/domain/collection/classifier/long-veto-model.ts`;
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');

// Read without the veto until it is trained (the shipped one may be stale, or missing).
if (!args.includes('--eval')) setLongVeto(null);
if (args.includes('--eval') || args.includes('--veto-only')) setModel('default');
else {
  const msgs = trainingSet(read);
  const t0 = Date.now();
  const { bytes } = trainLinear(msgs, { log: (l) => console.error(l) });
  writeFileSync(OUT, modelModule(bytes));
  console.error(`trained on ${msgs.length} messages in ${((Date.now() - t0) / 1000).toFixed(1)} s; wrote ${OUT} (${bytes.length} bytes)`);
  setModel(decodeModel(bytes));
}
if (!args.includes('--eval')) {
  const t0 = Date.now();
  const { bytes } = trainLongVeto(longVetoRows(longVetoTrainingSet(read)), { log: (l) => console.error(l) });
  writeFileSync(VETO_OUT, longVetoModule(bytes));
  console.error(`long-text veto trained in ${((Date.now() - t0) / 1000).toFixed(1)} s; wrote ${VETO_OUT} (${bytes.length} bytes)`);
  setLongVeto(decodeLongVeto(bytes));
}

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
