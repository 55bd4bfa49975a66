import { expect, test } from './fixtures.ts';
import { axeViolations } from './page-checks.ts';

// Every built page is checked with axe in both themes by site-pages.spec.ts; here, a state no
// built page shows.
test('an explorer with field errors has no violations either', async ({ page }) => {
  await page.goto('/ja/load-balancer/?client=x&port=0');
  await expect(page.locator('[data-error-for="client"]')).toBeVisible();
  expect(await axeViolations(page, { include: '[data-explorer]' })).toEqual([]);
});
