import { readFileSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// electron-vite derives its targets from the installed Electron's major, but its table stops at 44 and we
// ship Electron 45 (Chromium 14x, Node 24). Targets are set explicitly and kept one step lower than the
// runtime on purpose: older syntax always runs on a newer engine, the reverse does not.
const MAIN_TARGET = 'node22';
const CHROME_TARGET = 'chrome140';

/**
 * Ships the Graph CSDL the emulator reads at start beside the bundle. Vite rewrites `new URL('./x', import.meta.url)`
 * assets only for browser builds, so for the main process the XML is emitted under a fixed name and each chunk
 * that loads it gets the path relative to where that chunk lands.
 */
function csdlAsset(): Plugin {
  const loader = resolve('electron/sim/emulator/csdl/index.ts');
  const pattern = /new URL\(\s*["']\.\/graph-v1\.0-fragments\.xml["']\s*,\s*import\.meta\.url\s*\)/;
  const assetName = 'csdl/graph-v1.0-fragments.xml';
  const placeholder = '__VTC_CSDL_RELATIVE_PATH__';
  return {
    name: 'vtc-csdl-asset',
    transform(code, id) {
      if (id !== loader) return null;
      if (!pattern.test(code)) this.error(`${id} no longer loads its CSDL with new URL('./graph-v1.0-fragments.xml', import.meta.url)`);
      this.emitFile({ type: 'asset', fileName: assetName, source: readFileSync(resolve('electron/sim/emulator/csdl/graph-v1.0-fragments.xml')) });
      return { code: code.replace(pattern, `new URL('${placeholder}', import.meta.url)`), map: null };
    },
    renderChunk(code, chunk) {
      if (!code.includes(placeholder)) return null;
      const relative = posix.relative(posix.dirname(chunk.fileName), assetName);
      return { code: code.replaceAll(placeholder, relative.startsWith('.') ? relative : `./${relative}`), map: null };
    },
  };
}

export default defineConfig({
  main: {
    plugins: [csdlAsset()],
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
