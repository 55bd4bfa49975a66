import { test as base, expect, type BrowserContextOptions, type Page } from '@playwright/test';

/** Collects what `page` throws and logs as console errors from now on, as they happen. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** What a test may set with `test.use` that only a new browser context can give it. */
type ContextKey = Pick<
  BrowserContextOptions,
  'viewport' | 'colorScheme' | 'javaScriptEnabled' | 'permissions' | 'locale' | 'reducedMotion' | 'isMobile' | 'hasTouch'
>;

/**
 * One browser context and page per worker and set of context options, reused from test to test.
 * A new context costs the browser about a CPU-second (a renderer process started and set up),
 * more than most tests spend on their own steps; on a 2-core machine that was a third of the
 * browser tests' time. Each test still starts from a clean state: `page` resets what a test can
 * change (below), and a page whose test failed is closed and replaced.
 */
type Pool = Map<string, Page>;

/**
 * The `test` and `expect` every spec imports: Playwright's, with the check that belongs to every
 * test. A page that throws, or logs a console error, fails the test it happened in (checked after
 * the test's own steps), so no test has to remember to watch for it.
 */
export const test = base.extend<object, { pool: Pool }>({
  pool: [
    async ({}, use) => {
      const pool: Pool = new Map();
      await use(pool);
      for (const page of pool.values()) await page.context().close();
    },
    { scope: 'worker' },
  ],
  page: async (
    { browser, pool, baseURL, viewport, colorScheme, javaScriptEnabled, permissions, locale, reducedMotion, isMobile, hasTouch },
    use,
    testInfo,
  ) => {
    const options: ContextKey = { viewport, colorScheme, javaScriptEnabled, permissions, locale, reducedMotion, isMobile, hasTouch };
    const key = JSON.stringify(options);
    let page = pool.get(key);
    if (!page || page.isClosed()) {
      page = await (await browser.newContext({ ...options, baseURL })).newPage();
      pool.set(key, page);
    }
    // What the last test may have changed on screen: its media emulation and viewport. Its init
    // scripts, listeners, routes and stored state (the theme picker writes localStorage) are undone
    // after it, below.
    await page.emulateMedia({ media: null, colorScheme: colorScheme ?? 'light', reducedMotion: reducedMotion ?? null });
    if (viewport) await page.setViewportSize(viewport);
    const initScripts: Awaited<ReturnType<Page['addInitScript']>>[] = [];
    const addInitScript = page.addInitScript.bind(page);
    page.addInitScript = async (...args: Parameters<Page['addInitScript']>) => {
      const script = await addInitScript(...args);
      initScripts.push(script);
      return script;
    };
    const errors = watchErrors(page);
    try {
      await use(page);
    } finally {
      page.addInitScript = addInitScript;
      for (const script of initScripts) await script.dispose();
      if (testInfo.status !== testInfo.expectedStatus || page.isClosed()) {
        // A failed test may leave anything behind: the next one gets a new context.
        pool.delete(key);
        await page.context().close();
      } else {
        await page.removeAllListeners();
        await page.unrouteAll({ behavior: 'ignoreErrors' });
        // Stop the page (its timers and scripts) and forget what the site stored (the theme).
        await page.goto('about:blank');
        if (baseURL) {
          const session = await page.context().newCDPSession(page);
          await session.send('Storage.clearDataForOrigin', { origin: new URL(baseURL).origin, storageTypes: 'all' });
          await session.detach();
        }
      }
    }
    expect(errors, 'page errors and console errors during the test').toEqual([]);
  },
});

export { expect };
