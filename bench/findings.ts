/**
 * Findings benchmark (prints figures; not a test).
 *
 * Generates cases of 100 000, 300 000 and 1 000 000 events from a seeded PRNG — collector calls (answered, missed,
 * rejected…), labelled collection messages with threats and insults, messages to third parties and contacts'
 * reports, over half a year, some in a second time zone — and times runRules(CN_RULES, case), which includes
 * building the per-case local-time index. Prints events per second at each size and the growth factor.
 * Target: 1 000 000 events in ≤ 5 s, growing linearly. Wall and CPU time are both printed: on a busy machine
 * (other processes competing for the cores) wall time overstates the cost, CPU time does not.
 *
 *   npx tsx bench/findings.ts [sizes,comma,separated] [seed]
 */
import { pathToFileURL } from 'node:url';
import type { Collector, Contact, Label, TimelineEvent } from '../src/domain/collection/types.js';
import type { LenderType } from '../src/domain/law.js';
import type { Loan } from '../src/domain/loans/types.js';
import { RULE_LAW } from '../src/app/rule-law.js';
import { CN_RULES } from '../src/domain/rules/cn/index.js';
import { runRules } from '../src/domain/rules/engine.js';
import type { CaseData, Finding } from '../src/domain/rules/types.js';
import { fromLocal } from '../src/domain/time.js';
import { rng } from '../src/import/testing.js';

export interface FindingsBenchOptions {
  sizes?: number[];
  seed?: number;
  /** Timed runs per size (the best is reported); a first untimed run warms the JIT on the smallest size. */
  runs?: number;
  log?: (line: string) => void;
}

export interface FindingsBenchRow {
  events: number;
  /** Wall-clock ms of the best run. */
  ms: number;
  /** CPU ms (user + system, all threads of the process, including GC helpers) of that run: less sensitive to a busy machine. */
  cpuMs: number;
  eventsPerSecond: number;
  findings: number;
}

export interface FindingsBenchResult {
  rows: FindingsBenchRow[];
  /** ms per event at the largest size ÷ ms per event at the smallest (1 = perfectly linear). */
  growth: number;
}

const NO_LABELS: Label[] = [];
const LABEL_SETS: Label[][] = [
  ['collection'],
  ['collection'],
  ['collection'],
  ['collection', 'threat_contacts'],
  ['collection', 'insult'],
  ['collection', 'false_legal'],
  ['collection', 'impersonation'],
  ['collection', 'visit_threat'],
  ['collection', 'threat_violence'],
  ['collection', 'third_party'],
];
const STATUSES = ['answered', 'answered', 'missed', 'missed', 'missed', 'rejected', 'blocked', 'voicemail'] as const;
const NO_SPANS = {};

/** A seeded synthetic case of n events, in time order. */
export function syntheticCase(n: number, seed = 42): CaseData {
  const rnd = rng(seed);
  const types: LenderType[] = ['consumer_finance', 'credit_card', 'bank', 'microloan', 'platform', 'private'];
  const loans: Loan[] = types.map((t, i) => ({
    id: i + 1,
    caseId: 1,
    lenderName: `贷款方${i + 1}`,
    lenderType: t,
    contractDate: '2025-01-01',
    contractPrincipalFen: 1_000_000,
    receivedFen: 900_000,
    fees: [],
    period: 'month',
    schedule: [],
    payments: [],
    status: 'overdue',
    agreementDate: t === 'credit_card' ? '2026-01-15' : null,
  }));
  const collectors: Collector[] = Array.from({ length: 40 }, (_, i) => ({
    id: i + 1,
    caseId: 1,
    name: `催收${i + 1}`,
    numbers: [`1390000${String(i + 1).padStart(4, '0')}`],
    lenderName: null,
    loanId: i < 36 ? (i % loans.length) + 1 : null,
    markedByUser: false,
  }));
  const contacts: Contact[] = Array.from({ length: 300 }, (_, i) => ({
    id: i + 1,
    caseId: 1,
    name: `c${i + 1}`,
    numbers: [`1371111${String(i + 1).padStart(4, '0')}`],
    dedupeKey: `c${i + 1}`,
    isGuarantor: i === 0,
  }));
  const start = fromLocal(2025, 10, 1, 0, 0, 0, 'Asia/Shanghai');
  const span = 183 * 86_400_000;
  const step = span / n;
  const events: TimelineEvent[] = new Array(n);
  let t = start;
  for (let i = 0; i < n; i++) {
    t += Math.floor(rnd() * 2 * step);
    const col = collectors[Math.floor(rnd() * collectors.length)]!;
    const r = rnd();
    const kind = r < 0.7 ? 'call' : r < 0.97 ? 'sms' : 'third_party_report';
    const labels = kind === 'sms' ? LABEL_SETS[Math.floor(rnd() * LABEL_SETS.length)]! : NO_LABELS;
    const toThird = kind === 'sms' && labels.length > 1 && labels[1] === 'third_party';
    const ct = kind === 'third_party_report' || toThird ? contacts[Math.floor(rnd() * contacts.length)]! : null;
    events[i] = {
      id: i + 1,
      caseId: 1,
      kind,
      direction: 'in',
      at: t,
      tz: rnd() < 0.02 ? 'America/New_York' : 'Asia/Shanghai',
      number: col.numbers[0]!,
      text: null,
      durationS: null,
      callStatus: kind === 'call' ? STATUSES[Math.floor(rnd() * STATUSES.length)]! : null,
      recipient: toThird ? 'third_party' : 'debtor',
      contactNumber: kind === 'third_party_report' ? ct!.numbers[0]! : null,
      dedupeKey: `e${i + 1}`,
      contactId: toThird ? ct!.id : null,
      collectorId: col.id,
      loanId: null,
      labels,
      spans: NO_SPANS,
      importId: null,
    };
  }
  return {
    law: RULE_LAW,
    tz: 'Asia/Shanghai',
    events,
    contacts,
    collectors,
    loans,
    loanLines: [{ loanId: 6, lenderName: '贷款方6', lineId: 'lpr4', applies: true, over: true, excessFen: 12_345, aprNominal: 0.3, lineRate: 0.138, citationIds: ['private-lending-2020.art25'] }],
  };
}

export function runFindingsBench(opts: FindingsBenchOptions = {}): FindingsBenchResult {
  const sizes = opts.sizes ?? [100_000, 300_000, 1_000_000];
  const seed = opts.seed ?? 42;
  const runs = opts.runs ?? 3;
  const log = opts.log ?? ((l: string) => console.log(l));
  log(`findings bench: ${CN_RULES.length} rules, seed ${seed}, best of ${runs} run(s), node ${process.version}`);
  // Warm-up: JIT and the time-zone offset cache.
  runRules(CN_RULES, syntheticCase(Math.min(20_000, sizes[0] ?? 20_000), seed + 1));
  const rows: FindingsBenchRow[] = [];
  for (const n of sizes) {
    let best = Infinity;
    let bestCpu = Infinity;
    let findings: Finding[] = [];
    for (let k = 0; k < runs; k++) {
      const c = syntheticCase(n, seed); // a fresh case each run: the per-case index is built inside the timing
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      findings = runRules(CN_RULES, c);
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      if (ms < best) {
        best = ms;
        bestCpu = (cpu.user + cpu.system) / 1000;
      }
    }
    const row = { events: n, ms: Math.round(best), cpuMs: Math.round(bestCpu), eventsPerSecond: Math.round((n / best) * 1000), findings: findings.length };
    rows.push(row);
    log(
      `  ${String(n).padStart(9)} events  ${String(row.ms).padStart(6)} ms wall  ${String(row.cpuMs).padStart(6)} ms cpu  ${row.eventsPerSecond.toLocaleString('en-US').padStart(11)} events/s  ${row.findings} findings`,
    );
  }
  const first = rows[0]!, last = rows[rows.length - 1]!;
  const growth = last.ms / last.events / (first.ms / first.events);
  const cpuGrowth = last.cpuMs / last.events / (first.cpuMs / first.events);
  log(`  growth (ms per event, largest ÷ smallest): wall ${growth.toFixed(2)}, cpu ${cpuGrowth.toFixed(2)} (1.00 = linear; below 1 = fixed costs amortised)`);
  const one = rows.find((r) => r.events === 1_000_000);
  if (one) log(`  1M events: ${(one.ms / 1000).toFixed(2)} s (target ≤ 5 s) ${one.ms <= 5000 ? 'OK' : 'OVER TARGET'}`);
  return { rows, growth };
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const sizes = process.argv[2] ? process.argv[2].split(',').map(Number) : undefined;
  const seed = process.argv[3] ? Number(process.argv[3]) : undefined;
  runFindingsBench({ sizes, seed });
}
