/** The UI is served from out/renderer; browser tests build it only when missing (scripts/test.sh builds first). */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const RENDERER_DIR = resolve('out/renderer');

export async function ensureRendererBuilt(): Promise<void> {
  if (existsSync(join(RENDERER_DIR, 'index.html'))) return;
  await promisify(execFile)(process.execPath, [resolve('node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn']);
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('electron-vite build did not produce out/renderer/index.html');
}
