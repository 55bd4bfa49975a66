import { expect, test } from './fixtures.ts';
import { expectDiagramHas, hopValues, waitForRedraw } from './helpers.ts';

// Golden values written by hand from SPEC §15 (cross-region Load Balancer, defaults).
const DEFAULT_HOPS: [string, string][] = [
  ['203.0.113.10:50000', '198.51.100.90:443'],
  ['203.0.113.10:50000', '198.51.100.10:443'],
  ['203.0.113.10:50000', '10.0.1.4:443'],
  ['10.0.1.4:443', '203.0.113.10:50000'],
  ['198.51.100.10:443', '203.0.113.10:50000'],
  ['198.51.100.90:443', '203.0.113.10:50000'],
];

for (const lang of ['ja', 'en'] as const) {
  test.describe(`/${lang}/cross-region-load-balancer/`, () => {
    test('the six packets, the verdict and the diagram; an edit recomputes and writes the URL', async ({ page }) => {
      await page.goto(`/${lang}/cross-region-load-balancer/`);
      const explorer = page.locator('[data-explorer="cross-region-load-balancer"]');
      expect(await hopValues(explorer)).toEqual(DEFAULT_HOPS);
      await expectDiagramHas(explorer, DEFAULT_HOPS.flat());
      await expect(page.locator('[data-nsg-places="glb-backends"] [data-field="source"]').first()).toHaveAttribute(
        'data-value',
        '203.0.113.10',
      );
      await explorer.locator('input[name="glbip"]').fill('198.51.100.99');
      await waitForRedraw(explorer);
      await expect
        .poll(() => hopValues(explorer))
        .toEqual([['203.0.113.10:50000', '198.51.100.99:443'], ...DEFAULT_HOPS.slice(1, 5), ['198.51.100.99:443', '203.0.113.10:50000']]);
      // The URL is written after the edit's drawing: wait for it (a state, not a time).
      await expect.poll(() => new URL(page.url()).searchParams.get('glbip')).toBe('198.51.100.99');
      // The same address as the regional frontend is a field error; the last valid scenario stays.
      await explorer.locator('input[name="glbip"]').fill('198.51.100.10');
      await expect(explorer.locator('[data-error-for="glbip"]')).toBeVisible();
      expect((await hopValues(explorer))[0]).toEqual(['203.0.113.10:50000', '198.51.100.99:443']);
    });

    test('glb,lb on the paths page: the regional Load Balancer at its public frontend', async ({ page }) => {
      await page.goto(`/${lang}/paths/?chain=glb,lb`);
      const explorer = page.locator('[data-explorer="path"]');
      // The built page shows its own chain until the script has read the URL: wait for the state.
      await expect.poll(() => hopValues(explorer)).toEqual(DEFAULT_HOPS);
      await expect(explorer.locator('[data-field="backend-source"]')).toHaveAttribute('data-value', '203.0.113.10:50000');
    });
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the page shows the computed packets', async ({ page }) => {
    await page.goto('/ja/cross-region-load-balancer/');
    expect(await hopValues(page.locator('[data-explorer="cross-region-load-balancer"]'))).toEqual(DEFAULT_HOPS);
  });
});
