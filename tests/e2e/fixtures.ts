import { test as base, expect as baseExpect, type BrowserContextOptions, type Page } from '@playwright/test';

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

/** Where a page waits between tests: a file of every build with no script (the site's llms.txt). */
const RESET_PAGE = 'llms.txt';

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
        // The page goes to a plain-text file of the site, not to about:blank: leaving the site for
        // about:blank and coming back started two new renderer processes per test (about a third of
        // a CPU-second each); a same-site document keeps the one renderer, and runs no script.
        await page.goto(baseURL ? new URL(RESET_PAGE, baseURL).href : 'about:blank');
        // The tab's session storage stays with a same-site page; the origin's other storage goes below.
        await page.evaluate(() => sessionStorage.clear()).catch(() => undefined);
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

/**
 * How often `expect.poll` asks again. Playwright's default waits 100, 250, 500 and then 1,000 ms
 * between tries: a redraw that lands 300 ms after an edit was seen 850 ms after it, so a test
 * waiting for a redraw or the URL waited up to a second longer than the state it waited for.
 * Asking every 25 to 100 ms costs the page nothing it would notice (each try reads an attribute).
 */
export const POLL_INTERVALS = [25, 50, 100];

/**
 * Playwright's `expect`, with `expect.poll` asking at POLL_INTERVALS unless a call says otherwise.
 * (Locator assertions already retry at 20, 50, 100, 100 and 500 ms.)
 */
export const expect: typeof baseExpect = new Proxy(baseExpect, {
  get(target, key, receiver) {
    if (key !== 'poll') return Reflect.get(target, key, receiver);
    const poll: typeof baseExpect.poll = (generator, options) =>
      target.poll(
        generator,
        typeof options === 'string' ? { message: options, intervals: POLL_INTERVALS } : { intervals: POLL_INTERVALS, ...options },
      );
    return poll;
  },
});
