import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Two projects: Node code (core, shared, CLI, real servers, browser e2e) and React components in jsdom.
export default defineConfig({
  test: {
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
