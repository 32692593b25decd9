// Counts `as` type assertions (not `as const`) and `any` in product code with the TypeScript parser, per file.
// Product code: electron/core, electron/main, electron/preload, electron/cli, shared, renderer/src.
// `node scripts/count-casts.mjs` prints the files and the total; `--sim` adds electron/sim; `--list` every cast.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ts from 'typescript';

const roots = ['electron/core', 'electron/main', 'electron/preload', 'electron/cli', 'shared', 'renderer/src'];
if (process.argv.includes('--sim')) roots.push('electron/sim');
const list = process.argv.includes('--list');
const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', ...roots], { encoding: 'utf8' })
  .split('\n')
  .filter((file) => /\.tsx?$/.test(file));

let total = 0;
let anys = 0;
const perFile = new Map();
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue; // listed but deleted in the working tree
  }
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const visit = (node) => {
    if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) {
      const isConst = ts.isTypeReferenceNode(node.type) && node.type.typeName.getText(source) === 'const';
      if (!isConst) {
        total += 1;
        perFile.set(file, (perFile.get(file) ?? 0) + 1);
        if (list) console.log(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText(source).split('\n')[0].slice(0, 100)}`);
      }
    }
    if (node.kind === ts.SyntaxKind.AnyKeyword) anys += 1;
    ts.forEachChild(node, visit);
  };
  visit(source);
}
if (!list) for (const [file, count] of [...perFile].sort((a, b) => b[1] - a[1])) console.log(`${String(count).padStart(3)} ${file}`);
console.log(`casts: ${total}, any: ${anys}`);
