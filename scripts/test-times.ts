/**
 * Where a test run's time went: each phase's duration (from scripts/test.ts), the ten slowest spec
 * files and the ten slowest tests of the Playwright report, and what each page-wide check costs in
 * total (the `cost` annotations of tests/e2e/page-checks.ts). Durations of tests are summed over
 * workers, so they compare between machines and runs better than the wall clock does.
 *
 * Usage: node scripts/test-times.ts   (after npm run test:e2e; reads test-results/playwright*.json)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface PhaseTime {
  readonly name: string;
  readonly seconds: number;
  readonly ok: boolean;
}

interface TestTime {
  readonly file: string;
  readonly title: string;
  /** Milliseconds, every try of the test added up. */
  readonly ms: number;
  readonly costs: readonly { check: string; ms: number }[];
}

interface ReportSuite {
  title: string;
  file?: string;
  specs?: {
    title: string;
    file: string;
    tests: { annotations?: Annotation[]; results: { duration: number; annotations?: Annotation[] }[] }[];
  }[];
  suites?: ReportSuite[];
}
interface Annotation {
  type: string;
  description?: string;
}

/** The run's Playwright JSON reports: npm test writes one per browser run (scripts/test.ts). */
export function playwrightReports(dir = 'test-results'): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^playwright.*\.json$/.test(name))
    .sort()
    .map((name) => `${dir}/${name}`);
}

/** Every test of the run's Playwright JSON reports, with its duration and recorded check costs. */
export function testTimes(reports = playwrightReports()): TestTime[] {
  return reports.flatMap((path) => reportTimes(path));
}

function reportTimes(reportPath: string): TestTime[] {
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { suites: ReportSuite[] };
  const out: TestTime[] = [];
  const visit = (suite: ReportSuite, path: string[]) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const annotations = [...(test.annotations ?? []), ...test.results.flatMap((result) => result.annotations ?? [])];
        const costs = annotations
          .filter((a) => a.type === 'cost' && a.description)
          .map((a) => {
            const at = a.description!.lastIndexOf(' ');
            return { check: a.description!.slice(0, at), ms: Number(a.description!.slice(at + 1)) };
          });
        out.push({
          file: spec.file,
          title: [...path, spec.title].join(' › '),
          ms: test.results.reduce((sum, result) => sum + result.duration, 0),
          costs: dedupe(costs),
        });
      }
    }
    for (const child of suite.suites ?? []) visit(child, [...path, child.title]);
  };
  for (const suite of report.suites) visit(suite, []);
  return out;
}

/** Annotations recorded once on the test and once on its result appear twice: keep the first half. */
function dedupe(costs: { check: string; ms: number }[]): { check: string; ms: number }[] {
  const half = costs.length / 2;
  if (
    Number.isInteger(half) &&
    half > 0 &&
    costs.slice(0, half).every((c, i) => c.check === costs[half + i]!.check && c.ms === costs[half + i]!.ms)
  ) {
    return costs.slice(0, half);
  }
  return costs;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Prints the phases (when given), the slowest spec files and tests, and the page-wide checks' costs. */
export function printTimes(phases: readonly PhaseTime[] = [], total?: number): void {
  console.log('\nWhere the time went');
  if (phases.length > 0) {
    console.log('| phase | seconds | result |\n| --- | ---: | --- |');
    for (const phase of phases) console.log(`| ${phase.name} | ${phase.seconds.toFixed(1)} | ${phase.ok ? 'passed' : 'FAILED'} |`);
    if (total !== undefined) console.log(`| total (wall clock; grouped phases overlap) | ${total.toFixed(1)} | |`);
  }
  const tests = testTimes();
  if (tests.length === 0) return;
  const files = new Map<string, { ms: number; count: number }>();
  for (const test of tests) {
    const file = files.get(test.file) ?? { ms: 0, count: 0 };
    files.set(test.file, { ms: file.ms + test.ms, count: file.count + 1 });
  }
  const sum = tests.reduce((all, test) => all + test.ms, 0);
  console.log(`\nBrowser tests: ${tests.length}, ${seconds(sum)} summed over workers. The ten slowest spec files:`);
  console.log('| spec | tests | seconds |\n| --- | ---: | ---: |');
  for (const [file, { ms, count }] of [...files].sort((a, b) => b[1].ms - a[1].ms).slice(0, 10)) {
    console.log(`| ${file} | ${count} | ${(ms / 1000).toFixed(1)} |`);
  }
  console.log('\nThe ten slowest tests:');
  for (const test of [...tests].sort((a, b) => b.ms - a.ms).slice(0, 10))
    console.log(`  ${seconds(test.ms).padStart(8)}  ${test.file} › ${test.title}`);
  const checks = new Map<string, { ms: number; count: number }>();
  for (const { check, ms } of tests.flatMap((test) => test.costs)) {
    const entry = checks.get(check) ?? { ms: 0, count: 0 };
    checks.set(check, { ms: entry.ms + ms, count: entry.count + 1 });
  }
  if (checks.size > 0) {
    console.log('\nPage-wide checks (site-pages.spec.ts and any spec using page-checks.ts `timed`):');
    console.log('| check | runs | seconds | mean ms |\n| --- | ---: | ---: | ---: |');
    for (const [check, { ms, count }] of [...checks].sort((a, b) => b[1].ms - a[1].ms)) {
      console.log(`| ${check} | ${count} | ${(ms / 1000).toFixed(1)} | ${Math.round(ms / count)} |`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) printTimes();
