import { expect, test } from './fixtures.ts';
import { waitForRedraw } from './helpers.ts';

// Two explorers on one page read the same URL parameters (interval, timeout…). An edit in one must
// leave the other showing what the new permalink would show.
test('editing Traffic Manager probing updates the failover figures on the same page', async ({ page }) => {
  await page.goto('/en/traffic-manager/');
  const tm = page.locator('[data-explorer="traffic-manager"]');
  const failover = page.locator('[data-explorer="failover"]');
  const figures = () =>
    failover.locator('[data-field="degraded-at"], [data-field="switch-at"], [data-field="outage"], [data-field="worst-case"]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-value')));

  await tm.locator('[name="timeout"]').fill('5');
  await tm.locator('input[name="interval"][value="10"]').check();
  await waitForRedraw(failover);
  // Hand-worked (fail 45, resolved 0, ttl 60, I 10, tolerated 3, timeout 5): first failing probe 50;
  // degraded 50 + 3·10 + 5 = 85; switch at the first 60·n ≥ 85 = 120; outage 75; worst case 85 − 45 + 60 = 100.
  await expect.poll(figures).toEqual(['85', '120', '75', '100']);
  await expect(failover.locator('input[name="interval"][value="10"]')).toBeChecked();

  // The permalink reproduces both explorers. The URL is written once the edit's drawing has been
  // painted: wait for it (a state, not a time).
  await expect
    .poll(() => {
      const query = new URL(page.url()).searchParams;
      return [query.get('timeout'), query.get('interval')];
    })
    .toEqual(['5', '10']);
  await page.goto(page.url());
  await waitForRedraw(failover);
  await expect.poll(figures).toEqual(['85', '120', '75', '100']);
});
