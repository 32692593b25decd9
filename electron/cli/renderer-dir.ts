/**
 * Where the built renderer is: beside the bundled CLI (out/main/cli.js → out/renderer) or, when run from
 * source with tsx, in the checkout's out/renderer. `npm run build` makes it.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function findRendererDir(from: string = import.meta.dirname): string {
  let dir = resolve(from);
  for (;;) {
    for (const candidate of [join(dir, 'renderer'), join(dir, 'out', 'renderer')]) {
      if (existsSync(join(candidate, 'index.html'))) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('The UI is not built: run `npm run build` first (it writes out/renderer)');
    dir = parent;
  }
}
