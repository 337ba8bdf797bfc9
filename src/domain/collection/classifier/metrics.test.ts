/** The bootstrap interval that scripts/real-split.ts prints for the real held-out split. */
import { describe, expect, it } from 'vitest';
import { bootstrapByGroup } from './metrics.js';

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('bootstrapByGroup', () => {
  it('is the same interval for the same seed, and brackets the full-sample figure', () => {
    const items = Array.from({ length: 60 }, (_, i) => ({ g: `s${i % 12}`, v: (i * 37) % 11 }));
    const a = bootstrapByGroup(items, (x) => x.g, (s) => mean(s.map((x) => x.v)), { seed: 7 });
    const b = bootstrapByGroup(items, (x) => x.g, (s) => mean(s.map((x) => x.v)), { seed: 7 });
    expect(a).toEqual(b);
    const full = mean(items.map((x) => x.v));
    expect(a.low).toBeLessThanOrEqual(full);
    expect(a.high).toBeGreaterThanOrEqual(full);
    expect(a.high).toBeGreaterThan(a.low);
  });

  it('resamples whole groups: groups that are each uniform but differ give a wider interval than the same values spread evenly', () => {
    // 10 groups of 10: in `clumped` each group holds one value (0 or 1), in `spread` every group holds five of each.
    const clumped = Array.from({ length: 100 }, (_, i) => ({ g: `g${Math.floor(i / 10)}`, v: Math.floor(i / 10) % 2 }));
    const spread = Array.from({ length: 100 }, (_, i) => ({ g: `g${Math.floor(i / 10)}`, v: i % 2 }));
    const width = (xs: typeof clumped): number => {
      const r = bootstrapByGroup(xs, (x) => x.g, (s) => mean(s.map((x) => x.v)), { seed: 3 });
      return r.high - r.low;
    };
    expect(width(spread)).toBe(0);
    expect(width(clumped)).toBeGreaterThan(0.3);
  });

  it('refuses an empty set', () => {
    expect(() => bootstrapByGroup([], () => 'a', () => 0)).toThrow(/no items/);
  });
});
