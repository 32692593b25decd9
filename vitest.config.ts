import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Two projects: Node code (core, shared, CLI, real servers, browser e2e) and React components in jsdom.
export default defineConfig({
  test: {
    // At least two test files at once: most of them wait on child processes, servers and Chromium, not on the
    // CPU, so on a 2-core machine (where the default, cores − 1, is one) the suite takes ~6.5 min, not ~10.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.dom.test.tsx', 'node_modules/**'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/**/*.dom.test.tsx'],
          testTimeout: 15_000,
        },
      },
    ],
  },
});
