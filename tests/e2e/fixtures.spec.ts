import { expect, test } from './fixtures.ts';

/**
 * The page is reused from test to test in a worker (fixtures.ts): what one test changes must not
 * reach the next. The first test changes all it can; the second, on the same worker and page,
 * finds none of it.
 */
test.describe.configure({ mode: 'serial' });

let first: unknown;

test('a test changes the theme it stored, the media, the viewport, a route and an init script', async ({ page }) => {
  first = page;
  await page.goto('/en/');
  await page.evaluate(() => {
    localStorage.setItem('starlight-theme', 'dark');
    sessionStorage.setItem('atp-left-over', '1');
  });
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await page.setViewportSize({ width: 500, height: 500 });
  await page.route('**/en/', (route) => route.fulfill({ body: 'routed' }));
  await page.addInitScript(() => ((window as unknown as { leftOver: number }).leftOver = 1));
  page.on('console', () => {
    throw new Error('a listener of the last test');
  });
});

test('the next test on the same page finds none of it', async ({ page }) => {
  expect(page, 'the same page, reused').toBe(first);
  await page.goto('/en/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await page.evaluate(() => matchMedia('print').matches)).toBe(false);
  expect(await page.evaluate(() => sessionStorage.getItem('atp-left-over'))).toBeNull();
  expect(page.viewportSize()).toEqual({ width: 1280, height: 720 });
  expect(await page.evaluate(() => (window as unknown as { leftOver?: number }).leftOver)).toBeUndefined();
  expect(await page.locator('body').textContent()).not.toBe('routed');
  await page.evaluate(() => console.log('no listener of the last test hears this'));
});
