import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // End-to-end tests spawn the built binary; keep them from starving each other on 2 cores.
    maxWorkers: 2,
    // Test files share a worker's modules instead of importing them afresh (a fifth of the run):
    // the tests keep no state between files (no mocks; environments are passed per call).
    isolate: false,
    env: { NO_COLOR: '1' },
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      // src/web/page/ runs in the browser: the browser tests drive it.
      exclude: ['src/**/*.d.ts', 'src/cli/run.ts', 'src/web/page/**'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 90 },
    },
  },
});
