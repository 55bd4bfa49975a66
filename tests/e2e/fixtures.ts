import { test as base, expect, type Page } from '@playwright/test';

/** Collects what `page` throws and logs as console errors from now on, as they happen. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/**
 * The `test` and `expect` every spec imports: Playwright's, with the check that belongs to every
 * test. A page that throws, or logs a console error, fails the test it happened in (checked after
 * the test's own steps), so no test has to remember to watch for it.
 */
export const test = base.extend({
  page: async ({ page }, use) => {
    const errors = watchErrors(page);
    await use(page);
    expect(errors, 'page errors and console errors during the test').toEqual([]);
  },
});

export { expect };
