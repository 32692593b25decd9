/**
 * The product's modules form no import cycle: a cycle makes evaluation order decide what a module sees at
 * start-up (a zod schema built from an enum that is still undefined), and it means two folders cannot be
 * understood, or moved, one without the other. Type-only imports are erased at build time and are left out.
 * The graph is read with the TypeScript parser from the sources git tracks under electron/, shared/ and
 * renderer/src/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');
const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

function sourceFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'electron', 'shared', 'renderer/src'], { cwd: ROOT, encoding: 'utf8' });
  return listed.split('\n').filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts') && existsSync(join(ROOT, file)));
}

/** The relative modules a file needs at run time (its value imports and re-exports). */
function runtimeImports(file: string, known: Set<string>): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  for (const statement of source.statements) {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined && clause.namedBindings !== undefined && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      if (!typeOnly) specifier = statement.moduleSpecifier;
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      specifier = statement.moduleSpecifier;
    }
    if (specifier === undefined || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
    const base = normalize(join(dirname(file), specifier.text));
    const target = EXTENSIONS.map((extension) => base + extension).find((candidate) => known.has(candidate));
    if (target !== undefined) found.push(target);
  }
  return found;
}

/** Strongly connected components of more than one module (Tarjan): each one is an import cycle. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const result: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (;;) {
      const member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
      if (member === node) break;
    }
    if (component.length > 1) result.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return result;
}

describe('import graph', () => {
  it('has no cycle among the modules of electron/, shared/ and renderer/src/', () => {
    const files = sourceFiles();
    const known = new Set(files);
    const graph = new Map(files.map((file) => [file, runtimeImports(file, known)]));
    expect(files.length).toBeGreaterThan(300);
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });
});
