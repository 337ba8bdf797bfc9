import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts', 'e2e/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['test/setup/temp-root.ts'],
    setupFiles: ['test/setup/no-network.ts', 'test/setup/rule-law.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
