/**
 * The README's pictures come from the browser tests that show the same screens: a test saves its
 * screenshot under test/artifacts/ as always, and with UPDATE_SCREENSHOT=1 the picture also replaces
 * docs/<name> (`UPDATE_SCREENSHOT=1 npx vitest run test/e2e` retakes them all).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export function updateDocsPicture(artifactPath: string, docsName: string): void {
  if (process.env.UPDATE_SCREENSHOT !== '1') return;
  mkdirSync(resolve('docs'), { recursive: true });
  copyFileSync(artifactPath, resolve('docs', docsName));
}
