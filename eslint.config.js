// ESLint flat config. Beyond the usual TypeScript rules it enforces the process boundaries of the design
// (../shared/design/architecture.md, "Rules of the house"): what each folder may import.
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

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { paths: [electronBan, ...coreOnly], patterns: [nodeBuiltins] }],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronBan] }] },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    ignores: ['electron/main/ipc.ts', 'electron/preload/ipc.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [rawIpc, ...coreOnly] }] },
  },
  {
    files: ['electron/main/ipc.ts', 'electron/preload/ipc.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: coreOnly }] },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx', 'bench/**/*.ts', 'scripts/**/*.mjs', '*.config.ts', '*.config.js'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
