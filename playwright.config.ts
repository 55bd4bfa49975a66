import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, resolveBrowser } from './src/browser/resolve.ts';

const PORT = Number(process.env.ATP_E2E_PORT ?? 4399);

// End-to-end tests run against the production build (`npm run build`), served by scripts/serve.ts (sirv).
export default defineConfig({
  testDir: 'tests/e2e',
  // Playwright empties its output folder at start; keep it apart from the reports in test-results/.
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: true,
  // A stray test.only must not pass CI by running one test.
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: { executablePath: resolveBrowser().executablePath, args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `node scripts/serve.ts ${PORT} dist`,
    url: `http://127.0.0.1:${PORT}/ja/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
