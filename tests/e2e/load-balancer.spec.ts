import { expect, test } from './fixtures.ts';
import { expectDiagramHas, hopTexts, hopValues, waitForRedraw } from './helpers.ts';

// Golden values written by hand from SPEC §3 (Load Balancer).
const DEFAULT_HOPS: [string, string][] = [
  ['203.0.113.10:50000', '198.51.100.10:443'],
  ['203.0.113.10:50000', '10.0.1.4:443'],
  ['10.0.1.4:443', '203.0.113.10:50000'],
  ['198.51.100.10:443', '203.0.113.10:50000'],
];

for (const lang of ['ja', 'en'] as const) {
  test.describe(`/${lang}/load-balancer/`, () => {
    test('shows the default hops in the table and the diagram', async ({ page }) => {
      await page.goto(`/${lang}/load-balancer/`);
      const explorer = page.locator('[data-explorer="load-balancer"]');
      expect(await hopValues(explorer)).toEqual(DEFAULT_HOPS);
      expect(await hopTexts(explorer)).toEqual(DEFAULT_HOPS);
      await expectDiagramHas(explorer, DEFAULT_HOPS.flat());
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
    });

    test('computes an IPv6 Floating IP scenario from the URL', async ({ page }) => {
      await page.goto(
        `/${lang}/load-balancer/?client=2001:db8::10&lbip=2001:db8:100::a&backends=2001:db8:1::4,2001:db8:1::5&pick=2&floating=1&bport=8443`,
      );
      const explorer = page.locator('[data-explorer="load-balancer"]');
      await waitForRedraw(explorer);
      const expected: [string, string][] = [
        ['[2001:db8::10]:50000', '[2001:db8:100::a]:443'],
        ['[2001:db8::10]:50000', '[2001:db8:100::a]:8443'],
        ['[2001:db8:100::a]:8443', '[2001:db8::10]:50000'],
        ['[2001:db8:100::a]:443', '[2001:db8::10]:50000'],
      ];
      expect(await hopValues(explorer)).toEqual(expected);
      await expectDiagramHas(explorer, expected.flat());
      await expect(explorer.locator('input[name="floating"][value="1"]')).toBeChecked();
    });

    test('an edit updates table, diagram and URL', async ({ page }) => {
      await page.goto(`/${lang}/load-balancer/`);
      const explorer = page.locator('[data-explorer="load-balancer"]');
      await explorer.locator('input[name="client"]').fill('192.0.2.99');
      await explorer.locator('input[name="pick"]').fill('2');
      await waitForRedraw(explorer);
      const expected: [string, string][] = [
        ['192.0.2.99:50000', '198.51.100.10:443'],
        ['192.0.2.99:50000', '10.0.1.5:443'],
        ['10.0.1.5:443', '192.0.2.99:50000'],
        ['198.51.100.10:443', '192.0.2.99:50000'],
      ];
      await expect.poll(() => hopValues(explorer)).toEqual(expected);
      await expect.poll(() => explorer.locator('[data-diagram] [data-svg="light"] svg').textContent()).toContain('10.0.1.5:443');
      await expectDiagramHas(explorer, expected.flat());
      // The URL is rewritten after the table: wait for it (a state, not a time).
      await expect.poll(() => new URL(page.url()).searchParams.get('client')).toBe('192.0.2.99');
      const url = new URL(page.url());
      expect(url.searchParams.get('client')).toBe('192.0.2.99');
      expect(url.searchParams.get('pick')).toBe('2');
      expect(url.searchParams.has('port')).toBe(false);

      // The URL is a permalink: opening it again shows the same scenario.
      await page.goto(page.url());
      await waitForRedraw(explorer);
      expect(await hopValues(explorer)).toEqual(expected);
    });

    test('toggling Floating IP changes hops 2 and 3 only', async ({ page }) => {
      await page.goto(`/${lang}/load-balancer/`);
      const explorer = page.locator('[data-explorer="load-balancer"]');
      await explorer.locator('input[name="floating"][value="1"]').check();
      await waitForRedraw(explorer);
      expect(await hopValues(explorer)).toEqual([
        ['203.0.113.10:50000', '198.51.100.10:443'],
        ['203.0.113.10:50000', '198.51.100.10:443'],
        ['198.51.100.10:443', '203.0.113.10:50000'],
        ['198.51.100.10:443', '203.0.113.10:50000'],
      ]);
      await expect.poll(() => new URL(page.url()).searchParams.get('floating')).toBe('1');
    });
  });
}

test.describe('invalid input', () => {
  const ERROR_TEXT = { ja: 'クライアント IP', en: 'Client IP' };

  for (const lang of ['ja', 'en'] as const) {
    test(`${lang}: markup in a field shows a localised error and keeps the last valid scenario`, async ({ page }) => {
      let dialogs = 0;
      page.on('dialog', (dialog) => {
        dialogs += 1;
        void dialog.dismiss();
      });
      await page.goto(`/${lang}/load-balancer/`);
      const explorer = page.locator('[data-explorer="load-balancer"]');
      await explorer.locator('input[name="cport"]').fill('40000');
      await waitForRedraw(explorer);
      const before = await hopValues(explorer);
      expect(before[0]).toEqual(['203.0.113.10:40000', '198.51.100.10:443']);
      // The URL is written after the edit's drawing: wait for it before keeping it.
      await expect.poll(() => new URL(page.url()).searchParams.get('cport')).toBe('40000');
      const urlBefore = page.url();

      await explorer.locator('input[name="client"]').fill('<img src=x onerror=alert(1)>');
      const error = explorer.locator('[data-error-for="client"]');
      await expect(error).toBeVisible();
      await expect(error).toContainText(ERROR_TEXT[lang]);
      await expect(explorer.locator('input[name="client"]')).toHaveAttribute('aria-invalid', 'true');
      expect(await hopValues(explorer)).toEqual(before);
      expect(page.url()).toBe(urlBefore);
      expect(await page.locator('img[src="x"]').count()).toBe(0);

      // Fixing the field clears the error and recomputes.
      await explorer.locator('input[name="client"]').fill('192.0.2.1');
      await expect(error).toBeHidden();
      await expect.poll(async () => (await hopValues(explorer))[0]).toEqual(['192.0.2.1:40000', '198.51.100.10:443']);
      expect(dialogs).toBe(0);
    });
  }

  test('an invalid URL keeps the defaults and reports each bad field', async ({ page }) => {
    await page.goto(
      `/en/load-balancer/?client=${encodeURIComponent('%%{init: {"theme":"dark"}}%%')}&port=99999&pick=3&backends=10.0.1.4;10.0.1.5`,
    );
    const explorer = page.locator('[data-explorer="load-balancer"]');
    await expect(explorer.locator('[data-error-for="client"]')).toContainText('Client IP');
    await expect(explorer.locator('[data-error-for="port"]')).toContainText('1 to 65535');
    await expect(explorer.locator('[data-error-for="backends"]')).toContainText('item 1');
    expect(await hopValues(explorer)).toEqual(DEFAULT_HOPS);
    await expectDiagramHas(explorer, DEFAULT_HOPS.flat());
  });

  test('pick beyond the backend list is refused at pick', async ({ page }) => {
    await page.goto('/ja/load-balancer/?pick=3');
    const explorer = page.locator('[data-explorer="load-balancer"]');
    await expect(explorer.locator('[data-error-for="pick"]')).toContainText('（2）以下');
    expect(await hopValues(explorer)).toEqual(DEFAULT_HOPS);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const lang of ['ja', 'en'] as const) {
    test(`${lang}: the default table and diagram are in the static HTML`, async ({ page }) => {
      await page.goto(`/${lang}/load-balancer/`);
      const explorer = page.locator('[data-explorer="load-balancer"]');
      expect(await hopValues(explorer)).toEqual(DEFAULT_HOPS);
      await expectDiagramHas(explorer, DEFAULT_HOPS.flat());
      await expect(explorer.locator('[data-diagram] [data-svg="light"] svg title')).not.toBeEmpty();
    });
  }
});
