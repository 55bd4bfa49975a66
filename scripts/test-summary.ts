/**
 * Adds up the Vitest and Playwright JSON reports and prints one closing line,
 * `N passed, N failed`; a browser test that passed only on its retry is counted as passed and
 * named above that line, so a flaky test is seen the run it happens. Exits non-zero when a report is missing, a test failed, or no test ran.
 */
import { existsSync, readFileSync } from 'node:fs';
import { playwrightReports } from './test-times.ts';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  /** The tests that passed only on their retry (CI retries a failed browser test once), by title. */
  flaky?: string[];
}

interface Suite {
  file?: string;
  specs?: { title: string; tests: { status: string }[] }[];
  suites?: Suite[];
}

/** The titles of a report's tests that failed and then passed on their retry. */
function flakyTitles(suites: readonly Suite[], file = ''): string[] {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests.filter((test) => test.status === 'flaky').map(() => `${suite.file ?? file} › ${spec.title}`),
    ),
    ...flakyTitles(suite.suites ?? [], suite.file ?? file),
  ]);
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
  const total: Counts = { passed: 0, failed: 0, skipped: 0, flaky: [] };
  for (const path of paths) {
    const report = JSON.parse(readFileSync(path, 'utf8')) as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
      suites: Suite[];
    };
    const { expected, unexpected, flaky, skipped } = report.stats;
    total.passed += expected + flaky;
    total.failed += unexpected;
    total.skipped += skipped;
    total.flaky!.push(...flakyTitles(report.suites));
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
  const flaky = counts.flaky?.length ? ` (${counts.flaky.length} only on a retry)` : '';
  console.log(`${name}: ${counts.passed} passed${flaky}, ${counts.failed} failed, ${counts.skipped} skipped`);
  for (const title of counts.flaky ?? []) console.log(`  flaky, passed on its retry: ${title}`);
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
}
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
