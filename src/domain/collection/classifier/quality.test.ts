/**
 * Behavioural quality bar on the held-back fifth of the project's own dev set (ids divisible by 5),
 * which the rules were not tuned on, and a regression guard on the blind batch blind-4 (whose odd
 * ids were tuned on; its even ids were not), and on blind-5 (the same split: odd ids tuned on, even not).
 */
import { describe, expect, it } from 'vitest';
import { classify } from './classify.js';
import { loadFixture, OWN_FIXTURE } from './fixtures.test-helper.js';
import { computeMetrics, isHeldOut } from './metrics.js';

describe('classifier quality', () => {
  const all = loadFixture();
  const heldOut = all.filter((m) => isHeldOut(m.id));

  it('has a held-back split of a useful size', () => {
    expect(all.length).toBeGreaterThanOrEqual(450);
    expect(heldOut.length).toBeGreaterThanOrEqual(90);
  });

  it('reaches macro-F1 ≥ 0.85 and collection precision ≥ 0.95 on the held-back split', () => {
    const m = computeMetrics(heldOut, heldOut.map((x) => classify(x.text, x.to)));
    const col = m.perLabel.find((s) => s.label === 'collection')!;
    expect(m.macroF1).toBeGreaterThanOrEqual(0.85);
    expect(col.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps collection recall up on the whole own set', () => {
    const m = computeMetrics(all, all.map((x) => classify(x.text, x.to)));
    const col = m.perLabel.find((s) => s.label === 'collection')!;
    expect(col.recall).toBeGreaterThanOrEqual(0.9);
    expect(m.macroF1).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps blind-4 above the bar, including its untuned even half', () => {
    const blind = loadFixture(new URL('blind-4.jsonl', OWN_FIXTURE));
    expect(blind.length).toBeGreaterThanOrEqual(150);
    for (const msgs of [blind, blind.filter((m) => Number(m.id.slice(1)) % 2 === 0)]) {
      const m = computeMetrics(msgs, msgs.map((x) => classify(x.text, x.to)));
      const col = m.perLabel.find((s) => s.label === 'collection')!;
      expect(m.macroF1).toBeGreaterThanOrEqual(0.88);
      expect(col.precision).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('keeps blind-5 above the bar, including its untuned even half', () => {
    const blind = loadFixture(new URL('blind-5.jsonl', OWN_FIXTURE));
    expect(blind.length).toBeGreaterThanOrEqual(150);
    const even = blind.filter((m) => Number(m.id.slice(1)) % 2 === 0);
    for (const [msgs, bar] of [
      [blind, 0.92],
      [even, 0.89],
    ] as const) {
      const m = computeMetrics(msgs, msgs.map((x) => classify(x.text, x.to)));
      const col = m.perLabel.find((s) => s.label === 'collection')!;
      expect(m.macroF1).toBeGreaterThanOrEqual(bar);
      expect(col.precision).toBeGreaterThanOrEqual(0.95);
    }
  });
});
