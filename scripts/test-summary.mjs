// Prints the plain closing line CI reads ("N passed, N failed, N skipped"), adding the static checks run
// before vitest, and fails when vitest did not write its report (a crash must not look like a pass).
import { existsSync, readFileSync } from 'node:fs';

const [file = '.vitest.json', checksPassed = '0', checksFailed = '0'] = process.argv.slice(2);
let passed = Number(checksPassed);
let failed = Number(checksFailed);
let skipped = 0;
let vitestOk = false;
if (existsSync(file)) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  vitestOk = report.success === true && report.numTotalTests > 0;
} else {
  console.error(`test-summary: ${file} is missing: vitest did not finish`);
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(vitestOk && failed === 0 ? 0 : 1);
