/**
 * Proves the process-boundary lint rules exist and fire (a deliberate boundary violation fails lint):
 * each snippet is linted as if it lived at the given path, with the project's own config.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('process boundaries (eslint.config.js)', () => {
  it.each([
    ['shared/domain/bad.ts', "import { app } from 'electron';\nexport const a = app;\n", /Only electron\/main and electron\/preload may import electron/],
    ['shared/domain/bad.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", /no Node built-ins/],
    ['renderer/src/bad.ts', "import { join } from 'node:path';\nexport const j = join;\n", /no Node built-ins/],
    ['renderer/src/bad.tsx', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n", /may import electron/],
    ['renderer/src/bad.ts', "import Database from 'better-sqlite3';\nexport const d = Database;\n", /Only electron\/core owns the database/],
    ['electron/core/outbox/bad.ts', "import { app } from 'electron';\nexport const a = app;\n", /may import electron/],
    ['electron/main/tray.ts', "import { ipcMain } from 'electron';\nexport const i = ipcMain;\n", /Raw ipcMain\/ipcRenderer only/],
    ['electron/preload/extra.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n", /Raw ipcMain\/ipcRenderer only/],
    ['electron/main/db.ts', "import Database from 'better-sqlite3';\nexport const d = Database;\n", /Only electron\/core owns the database/],
    ['electron/main/auth.ts', "import { ConfidentialClientApplication } from '@azure/msal-node';\nexport const c = ConfidentialClientApplication;\n", /Only electron\/core talks to Entra ID/],
  ])('%s: rejects %j', async (filePath, code, expected) => {
    const messages = await ruleIdsFor(filePath, code);
    expect(messages.join('\n')).toMatch(expected);
    expect(messages.some((message) => message.startsWith('no-restricted-imports'))).toBe(true);
  });

  it.each([
    ['electron/main/ipc.ts', "import { ipcMain } from 'electron';\nexport const i = ipcMain;\n"],
    ['electron/preload/ipc.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n"],
    ['electron/core/db/ok.ts', "import Database from 'better-sqlite3';\nexport const d = Database;\n"],
    ['electron/main/ok.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  ])('%s: allows its own imports', async (filePath, code) => {
    expect(await ruleIdsFor(filePath, code)).toEqual([]);
  });
});
