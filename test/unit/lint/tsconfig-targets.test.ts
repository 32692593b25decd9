/**
 * Proves each compiler target has only its own globals (tsconfig.*.json, built together by `tsc -b`): a
 * probe file is compiled with the target's options and must fail where it reaches for another target's
 * globals, and pass where it uses its own.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'vtc-tsconfig-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Type errors of `code` compiled with the options of `tsconfig.<target>.json`. */
function compile(target: string, code: string): string[] {
  const file = join(dir, `${target}-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, code);
  const config = ts.getParsedCommandLineOfConfigFile(join(repo, `tsconfig.${target}.json`), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error(`tsconfig.${target}.json could not be read`);
  const options: ts.CompilerOptions = { ...config.options, composite: false, noEmit: true, emitDeclarationOnly: false, typeRoots: [join(repo, 'node_modules/@types')] };
  const program = ts.createProgram([file], options);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe('one tsconfig per target, each with only its own globals', () => {
  it.each([
    ['shared', "export const b = Buffer.from('x');\n", /Cannot find name 'Buffer'/],
    ['shared', "export const e = process.env['HOME'];\n", /Cannot find name 'process'/],
    ['shared', 'export const w = window.innerWidth;\n', /Cannot find name 'window'/],
    ['shared', 'export const d = document.title;\n', /Cannot find name 'document'/],
    ['renderer', "export const e = process.env['HOME'];\n", /Cannot find name 'process'/],
    ['renderer', "export const b = Buffer.from('x');\n", /Cannot find name 'Buffer'/],
    ['node', 'export const w = window.innerWidth;\n', /Cannot find name 'window'/],
    ['node', 'export const d = document.title;\n', /Cannot find name 'document'/],
  ])('%s refuses %j', (target, code, expected) => {
    expect(compile(target, code).join('\n')).toMatch(expected);
  });

  it.each([
    ['shared', "export const n = JSON.parse('1') as number;\n"],
    ['renderer', 'export const w = window.innerWidth;\n'],
    ['node', "export const b = Buffer.from('x');\n"],
    ['electron', "export const e = process.env['HOME'];\n"],
  ])('%s accepts its own %j', (target, code) => {
    expect(compile(target, code)).toEqual([]);
  });
});
