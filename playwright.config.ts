import { defineConfig } from '@playwright/test';
import { freePort } from './scripts/serve.ts';
import { testBrowser } from './src/browser/resolve.ts';
import { TEST_CHROMIUM_ARGS } from './tests/e2e/browser-args.ts';

// A free port unless one is given: two runs on one machine never share (or reuse) a server. The
// workers read the config again; they inherit the runner's environment, so they get the same port.
process.env.ATP_E2E_PORT ??= String(await freePort());
const PORT = Number(process.env.ATP_E2E_PORT);

// End-to-end tests run against the production build (`npm run build`), served by scripts/serve.ts (sirv)
// with the security headers the build generated: every test runs under the real Content-Security-Policy,
// and a violation is a console error, which fails the test (tests/e2e/fixtures.ts).
export default defineConfig({
  testDir: 'tests/e2e',
  // Playwright empties its output folder at start; keep it apart from the reports in test-results/.
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: true,
  // One worker per core: the browser tests wait on page loads more than they compute, and the
  // default (half the cores) leaves a 2-core machine with one worker and a doubled run time.
  workers: '100%',
  // A stray test.only must not pass CI by running one test.
  forbidOnly: !!process.env.CI,
  // On CI a test that times out under load gets one more try; the report still counts it as flaky.
  retries: process.env.CI ? 1 : 0,
  // Generous on purpose: a test waits for states, never for time, so a long limit costs nothing
  // when all is well and keeps a loaded machine (a second build beside the run) from failing it.
  // What a reader waits for is measured by `npm run measure`, not asserted here.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // npm test runs the two projects as two runs (scripts/test.ts), each with its own report.
  reporter: [['list'], ['json', { outputFile: process.env.ATP_E2E_REPORT ?? 'test-results/playwright.json' }]],
  // `base` needs the second build (dist-base, `npm run build:base`); `site` needs only dist, so
  // npm test starts it while the second build runs.
  projects: [
    { name: 'site', testIgnore: 'base-path.spec.ts' },
    { name: 'base', testMatch: 'base-path.spec.ts' },
  ],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: { executablePath: testBrowser().executablePath, args: TEST_CHROMIUM_ARGS },
  },
  webServer: {
    command: `node scripts/serve.ts ${PORT} dist --headers`,
    url: `http://127.0.0.1:${PORT}/ja/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
