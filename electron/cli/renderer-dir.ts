/**
 * Where the built renderer is: `out/renderer` in the first ancestor that has one, which is the same folder
 * for the bundled CLI (out/main/cli.js) and for the sources run with tsx. `npm run build` makes it.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function findRendererDir(from: string = import.meta.dirname): string {
  let dir = resolve(from);
  for (;;) {
    // Only `out/renderer`: the checkout's `renderer/` has an index.html too (Vite's source template, a blank
    // page when served), and walking up from electron/cli reaches it before out/renderer.
    const candidate = join(dir, 'out', 'renderer');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('The UI is not built: run `npm run build` first (it writes out/renderer)');
    dir = parent;
  }
}
