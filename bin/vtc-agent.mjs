#!/usr/bin/env node
// The installed agent: the CLI bundled by `npm run build` (out/main/cli.js). From a checkout use `npm run agent`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('vtc-agent: out/main/cli.js is missing; run `npm run build` first (or use `npm run agent -- <command>`).');
  process.exit(1);
}
await import(cli);
