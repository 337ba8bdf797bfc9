/**
 * Plan benchmark (prints figures; not a test). Target (issue 14): a plan for 30 loans over 120 months in ≤ 20 ms.
 *
 * The case: 30 loans from a seeded PRNG (claims 2 000–80 000 yuan, supportable 60–100 % of the claim, true rates
 * and harassment weights at random), a monthly amount that pays everything in about 120 months; each strategy
 * with the keep-up share at 0.3 and at 0, plus the proposals and the .ics of the plan. Also the whole slider
 * sweep the web page does (the plan at 200 monthly amounts) and a 1 200-month, 300-loan worst case.
 *
 *   npx tsx bench/plan.ts
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { buildPlan, STRATEGIES, type PlanDebt, type PlanRequest } from '../src/domain/plan/engine.js';
import { planToIcs } from '../src/domain/plan/ics.js';
import { proposalFor } from '../src/domain/plan/proposal.js';
import { rng } from '../src/import/testing.js';
import type { LenderType } from '../src/domain/law.js';

const TYPES: LenderType[] = ['bank', 'consumer_finance', 'microloan', 'platform', 'credit_card', 'private', 'other'];

export function makeDebts(n: number, seed = 14): PlanDebt[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const claimed = 200_000 + Math.floor(r() * 7_800_000);
    return {
      loan: i + 1, lender: `贷款方${i + 1}`, lenderType: TYPES[Math.floor(r() * TYPES.length)]!, claimed_fen: claimed,
      supportable_fen: Math.floor(claimed * (0.6 + 0.4 * r())), apr: r() * 3, harassment: r() < 0.3 ? Math.floor(r() * 40) : 0,
    };
  });
}

function time(fn: () => void, reps: number): { median: number; p95: number; max: number } {
  for (let i = 0; i < Math.min(20, reps); i++) fn(); // warm-up
  const t: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return { median: t[Math.floor(reps / 2)]!, p95: t[Math.floor(reps * 0.95)]!, max: t[reps - 1]! };
}

const f = (x: number) => `${x.toFixed(3)} ms`;

export function runPlanBench(): void {
  console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const debts = makeDebts(30);
  const total = debts.reduce((a, d) => a + d.supportable_fen, 0);
  const monthly = Math.ceil(total / 120);
  const base: Omit<PlanRequest, 'strategy'> = { debts, monthly_fen: monthly, start: '2027-01', order: debts.map((d) => d.loan).reverse() };
  const check = buildPlan({ ...base, strategy: 'legal-first' });
  console.log(`30 loans, supportable ¥${(total / 100).toFixed(2)}, ¥${(monthly / 100).toFixed(2)} a month: ${check.totals.length} months (ends ${check.end}), ${check.lenders.reduce((a, l) => a + l.months.length, 0)} lender-month payments`);
  let worst = 0;
  for (const strategy of STRATEGIES) {
    for (const keep_up of [0.3, 0]) {
      const s = time(() => buildPlan({ ...base, strategy, keep_up }), 300);
      worst = Math.max(worst, s.median);
      console.log(`  plan ${strategy.padEnd(11)} keep-up ${keep_up}: median ${f(s.median)}, p95 ${f(s.p95)}, max ${f(s.max)}`);
    }
  }
  const full = time(() => {
    const p = buildPlan({ ...base, strategy: 'harassment' });
    for (const l of p.lenders) proposalFor(l, 10);
    planToIcs(p, { payDay: 10, now: 0 });
  }, 100);
  console.log(`  plan + 30 proposals + .ics (${(planToIcs(check, { payDay: 10, now: 0 }).length / 1024).toFixed(0)} KiB): median ${f(full.median)}, p95 ${f(full.p95)}`);
  const sweep = time(() => {
    for (let k = 1; k <= 200; k++) buildPlan({ ...base, strategy: 'legal-first', monthly_fen: Math.ceil((monthly * k) / 50) });
  }, 10);
  console.log(`  slider sweep, 200 monthly amounts: median ${f(sweep.median)} (${f(sweep.median / 200)} a plan)`);
  const big = makeDebts(300, 7);
  const bigTotal = big.reduce((a, d) => a + d.supportable_fen, 0);
  const bigT = time(() => buildPlan({ debts: big, monthly_fen: Math.ceil(bigTotal / 1200), start: '2027-01', strategy: 'avalanche', horizon: 1200 }), 10);
  console.log(`  worst case, 300 loans over 1 200 months: median ${f(bigT.median)}`);
  console.log(`target: a 30-loan, 120-month plan in ≤ 20 ms — slowest strategy median ${f(worst)}: ${worst <= 20 ? 'met' : 'NOT met'}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) runPlanBench();
