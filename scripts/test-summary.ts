/**
 * Adds up the Vitest and Playwright JSON reports and prints one closing line,
 * `N passed, N failed`. Exits non-zero when a report is missing, a test failed, or no test ran.
 */
import { existsSync, readFileSync } from 'node:fs';
import { playwrightReports } from './test-times.ts';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function vitest(path: string): Counts | undefined {
  if (!existsSync(path)) return undefined;
  const report = JSON.parse(readFileSync(path, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

/** Every Playwright report of the run added up (npm test writes one per browser run). */
function playwright(paths: readonly string[]): Counts | undefined {
  if (paths.length === 0) return undefined;
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  for (const path of paths) {
    const report = JSON.parse(readFileSync(path, 'utf8')) as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    };
    const { expected, unexpected, flaky, skipped } = report.stats;
    total.passed += expected + flaky;
    total.failed += unexpected;
    total.skipped += skipped;
  }
  return total;
}

const reports = { vitest: vitest('test-results/vitest.json'), playwright: playwright(playwrightReports()) };
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
for (const [name, counts] of Object.entries(reports)) {
  if (!counts) {
    console.log(`${name}: no report (the suite did not run)`);
    total.failed += 1;
    continue;
  }
  console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
}
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
