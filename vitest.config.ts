import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts', 'e2e/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['test/setup/temp-root.ts'],
    setupFiles: ['test/setup/no-network.ts', 'test/setup/rule-law.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // At least two files at once. vitest's default (cores − 1) ran one at a time on the project's 2-core VM, where much
    // of a test's time is waiting on PostgreSQL, Chromium or a child process, and CI came within 150 s of its 20-minute
    // budget (docs/classifier.md, session 19).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
