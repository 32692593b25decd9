// ESLint flat config. Beyond the usual TypeScript rules it enforces the process boundaries of the design
// (../shared/design/architecture.md, "Rules of the house"): what each folder may import, by package name
// and by relative path. no-restricted-imports takes one configuration per file, so each folder's entry
// below lists every rule that applies to it. tsconfig.*.json enforce the same split with each target's globals.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = { group: ['node:*'], message: 'shared/ and renderer/ run in the browser: no Node built-ins.' };
const electronBan = { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' };
const coreOnly = [
  { name: 'better-sqlite3', message: 'Only electron/core owns the database.' },
  { name: '@azure/msal-node', message: 'Only electron/core talks to Entra ID.' },
];
const rawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Raw ipcMain/ipcRenderer only in electron/main/ipc.ts and electron/preload/ipc.ts: the typed wrappers are the only door.',
};

// Relative paths: the regexes match the import specifier as written (`../../electron/core/outbox`).
const relative = (folders) => `^\\.{1,2}/(?:.*/)?(?:${folders})(?:/|$)`;
const toElectronDir = {
  regex: relative('electron'),
  message: 'shared/ and renderer/ reach the core only through the AppApi (shared/api), never by importing electron/.',
};
const coreToShell = {
  regex: relative('main|preload|renderer'),
  message: 'electron/core works without Electron or a UI: it must not import electron/main, electron/preload or renderer/.',
};
const toSimulation = {
  regex: relative('sim'),
  message: 'Product code does not import the simulators (electron/sim): only the demo/emulator commands, "Try the demo", tests and benches do.',
};

// Node's globals, refused in shared/ (which has neither Node nor DOM) and in the renderer.
const nodeGlobals = ['Buffer', 'process', 'global', '__dirname', '__filename', 'require', 'module', 'setImmediate', 'clearImmediate'].map(
  (name) => ({ name, message: `${name} is a Node global: shared/ and renderer/ run without Node.` }),
);
// The DOM's globals, refused in shared/: its code runs in the core too.
const domGlobals = ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'WebSocket', 'HTMLElement'].map(
  (name) => ({ name, message: `${name} is a browser global: shared/ runs in the core too.` }),
);

// The files that may start the simulators: the CLI's demo and emulator commands, the agent and the app's "Try the demo".
const simulationEntries = ['electron/cli/commands/demo.ts', 'electron/cli/commands/emulator.ts', 'electron/cli/agent.ts', 'electron/main/index.ts'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronBan, ...coreOnly], patterns: [nodeBuiltins, toElectronDir] }],
      'no-restricted-globals': ['error', ...nodeGlobals, ...domGlobals],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { paths: [electronBan, ...coreOnly], patterns: [nodeBuiltins, toElectronDir] }],
      'no-restricted-globals': ['error', ...nodeGlobals],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronBan], patterns: [coreToShell, toSimulation] }] },
  },
  {
    files: ['electron/cli/**/*.ts'],
    ignores: simulationEntries,
    rules: { 'no-restricted-imports': ['error', { paths: [electronBan], patterns: [toSimulation] }] },
  },
  {
    files: simulationEntries.filter((file) => file.startsWith('electron/cli/')),
    rules: { 'no-restricted-imports': ['error', { paths: [electronBan] }] },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    ignores: ['electron/main/ipc.ts', 'electron/preload/ipc.ts', ...simulationEntries],
    rules: { 'no-restricted-imports': ['error', { paths: [rawIpc, ...coreOnly], patterns: [toSimulation] }] },
  },
  {
    files: ['electron/main/index.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [rawIpc, ...coreOnly] }] },
  },
  {
    files: ['electron/main/ipc.ts', 'electron/preload/ipc.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: coreOnly, patterns: [toSimulation] }] },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx', 'bench/**/*.ts', 'scripts/**/*.mjs', '*.config.ts', '*.config.js'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
