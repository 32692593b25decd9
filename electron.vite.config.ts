import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// electron-vite derives its targets from the installed Electron's major, but its table stops at 44 and we
// ship Electron 45 (Chromium 14x, Node 24). Targets are set explicitly and kept one step lower than the
// runtime on purpose: older syntax always runs on a newer engine, the reverse does not.
const MAIN_TARGET = 'node22';
const CHROME_TARGET = 'chrome140';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      target: MAIN_TARGET,
      // cli.js is the headless agent for installed use (bin/vtc-agent.mjs); npm run agent runs the sources.
      rollupOptions: { input: { index: resolve('electron/main/index.ts'), cli: resolve('electron/cli/main.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // electron-vite requires a node target for the preload; the sandboxed preload runs in the renderer's V8.
      target: MAIN_TARGET,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        // A sandboxed preload must be CommonJS: Electron does not load ESM preloads with sandbox: true.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      target: CHROME_TARGET,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
