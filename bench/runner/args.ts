/** The command line of `npm run bench -- [--quick] [--only ui[,outbox]] [--out file.json]`. */
import { resolve } from 'node:path';

export interface RunnerOptions {
  /** Substrings of bench ids (`ui`, `outbox/claim`); empty: every bench. */
  only: string[];
  /** Smaller sizes and shorter durations: a smoke run, its figures are not the measurement. */
  quick: boolean;
  /** Where the results go as JSON. */
  outFile: string;
  help: boolean;
}

export const DEFAULT_OUT_FILE = 'test/artifacts/bench-results.json';

export const USAGE = `usage: npm run bench -- [--quick] [--only <id>[,<id>…]] [--out <file.json>]
  --only   run only the benches whose id contains one of the terms (e.g. ui, outbox, legs/tracker)
  --quick  shorter runs with smaller sizes (a smoke test: the figures are not the measurement)
  --out    where to write the results (default ${DEFAULT_OUT_FILE})`;

export function parseArgs(argv: readonly string[]): RunnerOptions {
  const options: RunnerOptions = { only: [], quick: false, outFile: resolve(DEFAULT_OUT_FILE), help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined || next === '' || next.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
      return next;
    };
    switch (flag) {
      case '--quick':
        options.quick = true;
        break;
      case '--only':
        options.only.push(...value().split(',').map((term) => term.trim()).filter((term) => term !== ''));
        break;
      case '--out':
        options.outFile = resolve(value());
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new Error(`unknown argument ${JSON.stringify(arg)}\n${USAGE}`);
    }
  }
  return options;
}
