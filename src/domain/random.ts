/**
 * The project's one deterministic PRNG (mulberry32): seeded training of the classifier's models
 * (classifier/train-linear.ts, train-long-veto.ts), the import tests' random chunking and the benchmarks' generated data
 * all draw from it, so a seed means the same sequence everywhere.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle of `a` in place, drawing from `rnd` (the classifier's trainings shuffle each epoch with it). */
export function shuffleInPlace<T>(a: T[], rnd: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
}
