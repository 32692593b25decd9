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
    // Relative paths: the boundaries hold however the import is spelt.
    ['renderer/src/stores/bad.ts', "import { createOutbox } from '../../../electron/core/outbox';\nexport const o = createOutbox;\n", /never by importing electron\//],
    ['renderer/src/bad.ts', "import type { Core } from '../../electron/core/app/core';\nexport type C = Core;\n", /never by importing electron\//],
    ['shared/api/bad.ts', "import { AppFailure } from '../../electron/core/api/failure';\nexport const f = AppFailure;\n", /never by importing electron\//],
    ['electron/core/app/bad.ts', "import { registerAppApiIpc } from '../../main/ipc';\nexport const r = registerAppApiIpc;\n", /must not import electron\/main/],
    ['electron/core/web/bad.ts', "import { invoke } from '../../preload/ipc';\nexport const i = invoke;\n", /must not import electron\/main, electron\/preload or renderer/],
    ['electron/core/web/bad.ts', "import { getApiClient } from '../../../renderer/src/api/client';\nexport const g = getApiClient;\n", /must not import electron\/main, electron\/preload or renderer/],
    // Product code and the simulators.
    ['electron/core/app/bad.ts', "import { startEmulator } from '../../sim/emulator';\nexport const s = startEmulator;\n", /does not import the simulators/],
    ['electron/cli/commands/status.ts', "import { DEMO_DEFAULTS } from '../../sim/demo/defaults';\nexport const d = DEMO_DEFAULTS;\n", /does not import the simulators/],
    ['electron/main/tray.ts', "import { startDemoCore } from '../sim/demo';\nexport const s = startDemoCore;\n", /does not import the simulators/],
    ['electron/preload/index.ts', "import { startEmulator } from '../sim/emulator';\nexport const s = startEmulator;\n", /does not import the simulators/],
    ['renderer/src/bad.ts', "import { startEmulator } from '../../electron/sim/emulator';\nexport const s = startEmulator;\n", /never by importing electron\//],
  ])('%s: rejects %j', async (filePath, code, expected) => {
    const messages = await ruleIdsFor(filePath, code);
    expect(messages.join('\n')).toMatch(expected);
    expect(messages.some((message) => message.startsWith('no-restricted-imports'))).toBe(true);
  });

  it.each([
    ['shared/domain/bad.ts', 'export const b = Buffer.from("x");\n', /Buffer is a Node global/],
    ['shared/domain/bad.ts', "export const e = process.env['HOME'];\n", /process is a Node global/],
    ['shared/domain/bad.ts', 'export const u = __dirname;\n', /__dirname is a Node global/],
    ['shared/domain/bad.ts', 'export const w = window.innerWidth;\n', /window is a browser global/],
    ['shared/domain/bad.ts', 'export const d = document.title;\n', /document is a browser global/],
    ['renderer/src/bad.ts', 'export const b = Buffer.from("x");\n', /Buffer is a Node global/],
    ['renderer/src/bad.ts', "export const e = process.env['HOME'];\n", /process is a Node global/],
  ])('%s: refuses the global in %j', async (filePath, code, expected) => {
    const messages = await ruleIdsFor(filePath, code);
    expect(messages.join('\n')).toMatch(expected);
    expect(messages.some((message) => message.startsWith('no-restricted-globals'))).toBe(true);
  });

  it('refuses `any` in product code', async () => {
    const messages = await ruleIdsFor('electron/core/app/bad.ts', 'export const a = (value: any): number => value;\n');
    expect(messages.join('\n')).toMatch(/no-explicit-any/);
  });

  it.each([
    ['electron/main/ipc.ts', "import { ipcMain } from 'electron';\nexport const i = ipcMain;\n"],
    ['electron/preload/ipc.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n"],
    ['electron/core/db/ok.ts', "import Database from 'better-sqlite3';\nexport const d = Database;\n"],
    ['electron/main/ok.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    // The simulators' entries: the demo and emulator commands, the agent and the app's "Try the demo".
    ['electron/cli/commands/demo.ts', "import { DEMO_DEFAULTS } from '../../sim/demo/defaults';\nexport const d = DEMO_DEFAULTS;\n"],
    ['electron/cli/commands/emulator.ts', "import { runEmulatorCommand } from '../../sim/emulator/cli';\nexport const r = runEmulatorCommand;\n"],
    ['electron/cli/agent.ts', "import { DEMO_DEFAULTS } from '../sim/demo/defaults';\nexport const d = DEMO_DEFAULTS;\n"],
    ['electron/main/index.ts', "import { DEMO_DEFAULTS } from '../sim/demo/defaults';\nexport const d = DEMO_DEFAULTS;\n"],
    ['test/integration/ok.test.ts', "import { startEmulator } from '../../electron/sim/emulator';\nexport const s = startEmulator;\n"],
    ['bench/ok.ts', "import { startEmulator } from '../electron/sim/emulator';\nexport const s = startEmulator;\n"],
    // shared/ inside itself, the renderer to shared/: the contract is the door.
    ['renderer/src/ok.ts', "import { REPORT_STATES } from '../../shared/api/states';\nexport const r = REPORT_STATES;\n"],
    ['shared/api/ok.ts', "import { errorMessage } from '../error-message';\nexport const e = errorMessage;\n"],
  ])('%s: allows its own imports', async (filePath, code) => {
    expect(await ruleIdsFor(filePath, code)).toEqual([]);
  });
});
