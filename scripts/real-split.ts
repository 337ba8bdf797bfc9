/**
 * The real corpus's figures with their uncertainty: per label, per register and evidence tier of the sources, and
 * 95 % bootstrap intervals that resample whole sources (metrics.ts `bootstrapByGroup`).
 *
 *   npx tsx scripts/real-split.ts                    # the held-out split (corpora.ts "real heldout")
 *   npx tsx scripts/real-split.ts --split train      # the trained-on split (a figure on training data, not evidence)
 *   npx tsx scripts/real-split.ts --rules            # the rules alone
 *
 * The held-out split has few messages of the rarer labels (5 threats of violence, 4 impersonations in session 11),
 * so one message moves macro-F1 by up to 0.03; the interval says how far apart two figures must be to mean anything.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { classifyRules } from '../src/domain/collection/classifier/classify.js';
import { heldOutSets, trainSets } from '../src/domain/collection/classifier/corpora.js';
import { bootstrapByGroup, computeMetrics, formatMetrics, type LabelledMessage } from '../src/domain/collection/classifier/metrics.js';
import { classify } from '../src/domain/collection/classifier/model.js';
import type { Label } from '../src/domain/collection/types.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (rel: string): string => readFileSync(`${root}${rel}`, 'utf8');
const args = process.argv.slice(2);
const split = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'heldout';
const rulesOnly = args.includes('--rules');
if (split !== 'heldout' && split !== 'train') {
  console.error('--split must be heldout or train');
  process.exit(2);
}

interface Source {
  source_id: string;
  kind: string;
  evidence: string;
  register?: string;
}
const sources = new Map<string, Source>();
for (const l of read('test/fixtures/messages/real/sources.jsonl').split('\n')) if (l.trim() !== '') {
  const s = JSON.parse(l) as Source;
  sources.set(s.source_id, s);
}

type Real = LabelledMessage & { source_id: string };
const msgs = (split === 'heldout' ? heldOutSets(read)['real heldout'] : trainSets(read)['real train']) as Real[];
const scored = msgs.map((m) => ({ m, p: (rulesOnly ? classifyRules(m.text, m.to) : classify(m.text, m.to)) as { labels: Label[] } }));
const metrics = (xs: typeof scored) => computeMetrics(xs.map((x) => x.m), xs.map((x) => x.p));
const f = (x: number): string => x.toFixed(3);

const all = metrics(scored);
console.log(formatMetrics(all, `real ${split} (${rulesOnly ? 'rules' : 'rules + model'}; ${new Set(msgs.map((m) => m.source_id)).size} sources)`));
const ci = (stat: (xs: typeof scored) => number): string => {
  const r = bootstrapByGroup(scored, (x) => x.m.source_id, stat, { resamples: 1000, seed: 1 });
  return `${f(stat(scored))} [${f(r.low)}, ${f(r.high)}]`;
};
console.log(`\n95 % intervals, 1,000 resamples of whole sources:`);
console.log(`  macro-F1              ${ci((xs) => metrics(xs).macroF1)}`);
console.log(`  collection precision  ${ci((xs) => metrics(xs).perLabel[0]!.precision)}`);
console.log(`  collection recall     ${ci((xs) => metrics(xs).perLabel[0]!.recall)}`);

for (const field of ['register', 'evidence', 'kind'] as const) {
  const by = new Map<string, typeof scored>();
  for (const x of scored) {
    const k = sources.get(x.m.source_id)?.[field] ?? '(none)';
    const list = by.get(k);
    if (list === undefined) by.set(k, [x]);
    else list.push(x);
  }
  console.log(`\nby ${field}:`);
  for (const [k, xs] of [...by].sort((a, b) => b[1].length - a[1].length)) {
    const m = metrics(xs);
    const c = m.perLabel[0]!;
    const labelled = m.perLabel.slice(1).filter((s) => s.support > 0).map((s) => `${s.label} ${s.tp}/${s.support}${s.fp > 0 ? ` +${s.fp}` : ''}`);
    console.log(`  ${k.padEnd(10)} n=${String(m.n).padStart(3)} macro-F1 ${f(m.macroF1)} exact ${f(m.exact / m.n)} collection P ${f(c.precision)} R ${f(c.recall)} (${c.support})${labelled.length > 0 ? ` | ${labelled.join(', ')}` : ''}`);
  }
}
