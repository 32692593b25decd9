/**
 * The Graph v1.0 CSDL model, parsed once when the emulator first needs it. The XML sits beside this file
 * (a byte-for-byte copy of ../shared/reference/csdl/graph-v1.0-fragments.xml, which is not in the packaged
 * tree); `new URL(…, import.meta.url)` is how the bundler learns to ship it with the code.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsdl, type CsdlModel } from './model';

export const CSDL_FILE_URL = new URL('./graph-v1.0-fragments.xml', import.meta.url);

let cached: CsdlModel | undefined;

export function graphCsdl(): CsdlModel {
  cached ??= parseCsdl(readFileSync(fileURLToPath(CSDL_FILE_URL), 'utf8'));
  return cached;
}

export { validateActionBody, validateStructured, type CsdlIssue } from './validate';
export type { CsdlModel } from './model';
