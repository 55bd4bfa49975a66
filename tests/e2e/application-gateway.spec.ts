import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { expectDiagramHas, hopTexts, hopValues, waitForRedraw } from './helpers.ts';

// Golden values written by hand from SPEC §2–§3 (Application Gateway).
const DEFAULT_HOPS: [string, string][] = [
  ['203.0.113.10:50000', '198.51.100.20:443'],
  ['10.0.0.4:40000', '10.0.1.4:443'],
  ['10.0.1.4:443', '10.0.0.4:40000'],
  ['198.51.100.20:443', '203.0.113.10:50000'],
];

const field = (explorer: Locator, name: string) => explorer.locator(`[data-field="${name}"]`);

for (const lang of ['ja', 'en'] as const) {
  test.describe(`/${lang}/application-gateway/`, () => {
    test('shows the default hops, headers and two sessions', async ({ page }) => {
      await page.goto(`/${lang}/application-gateway/`);
      const explorer = page.locator('[data-explorer="application-gateway"]');
      expect(await hopValues(explorer)).toEqual(DEFAULT_HOPS);
      expect(await hopTexts(explorer)).toEqual(DEFAULT_HOPS);
      await expect(field(explorer, 'xff')).toHaveAttribute('data-value', '203.0.113.10:50000');
      await expect(field(explorer, 'xff')).toHaveText('203.0.113.10:50000');
      await expect(field(explorer, 'xf-proto')).toHaveAttribute('data-value', 'https');
      await expect(field(explorer, 'xf-port')).toHaveAttribute('data-value', '443');
      await expect(field(explorer, 'instance-ips')).toHaveAttribute('data-value', '10.0.0.4-10.0.0.5');
      await expect(explorer.locator('[data-session="2"] [data-field="client-cert"]')).toHaveAttribute('data-value', 'absent');
      await expectDiagramHas(explorer, [...DEFAULT_HOPS.flat(), 'X-Forwarded-For: 203.0.113.10:50000']);
      // One box per TCP session.
      expect(await explorer.locator('[data-diagram] [data-svg="light"] svg rect.rect').count()).toBe(2);
      // Every machine-readable field carries a value and shows text.
      for (const cell of await explorer.locator('[data-field]').all()) {
        expect(await cell.getAttribute('data-value')).not.toBeNull();
        expect((await cell.innerText()).trim()).not.toBe('');
      }
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
    });

    test('computes an IPv6 client, five instances on a /28, from the URL', async ({ page }) => {
      await page.goto(`/${lang}/application-gateway/?instances=5&via=5&subnet=10.1.2.0/28&client=2001:db8::10&agwip=2001:db8::20`);
      const explorer = page.locator('[data-explorer="application-gateway"]');
      await waitForRedraw(explorer);
      const expected: [string, string][] = [
        ['[2001:db8::10]:50000', '[2001:db8::20]:443'],
        ['10.1.2.8:40000', '10.0.1.4:443'],
        ['10.0.1.4:443', '10.1.2.8:40000'],
        ['[2001:db8::20]:443', '[2001:db8::10]:50000'],
      ];
      expect(await hopValues(explorer)).toEqual(expected);
      await expect(field(explorer, 'xff')).toHaveAttribute('data-value', '[2001:db8::10]:50000');
      await expect(field(explorer, 'capacity')).toHaveAttribute('data-value', '11');
      await expect(field(explorer, 'instance-ips')).toHaveAttribute('data-value', '10.1.2.4-10.1.2.8');
      await expectDiagramHas(explorer, expected.flat());
      await expect(explorer.locator('input[name="subnet"]')).toHaveValue('10.1.2.0/28');
    });

    test('an edit updates table, headers, diagram and URL', async ({ page }) => {
      await page.goto(`/${lang}/application-gateway/`);
      const explorer = page.locator('[data-explorer="application-gateway"]');
      await explorer.locator('input[name="via"]').fill('2');
      await explorer.locator('input[name="client"]').fill('192.0.2.99');
      await explorer.locator('input[name="tls"][value="offload"]').check();
      await waitForRedraw(explorer);
      const expected: [string, string][] = [
        ['192.0.2.99:50000', '198.51.100.20:443'],
        ['10.0.0.5:40000', '10.0.1.4:443'],
        ['10.0.1.4:443', '10.0.0.5:40000'],
        ['198.51.100.20:443', '192.0.2.99:50000'],
      ];
      await expect.poll(() => hopValues(explorer)).toEqual(expected);
      await expect(field(explorer, 'xff')).toHaveAttribute('data-value', '192.0.2.99:50000');
      await expect(explorer.locator('[data-session="2"] [data-field="encryption"]')).toHaveAttribute('data-value', 'none');
      await expect.poll(() => explorer.locator('[data-diagram] [data-svg="light"] svg').textContent()).toContain('10.0.0.5:40000');
      await expectDiagramHas(explorer, expected.flat());
      // The URL is rewritten after the table: wait for it (a state, not a time).
      await expect.poll(() => new URL(page.url()).searchParams.get('client')).toBe('192.0.2.99');
      const url = new URL(page.url());
      expect(url.searchParams.get('via')).toBe('2');
      expect(url.searchParams.get('client')).toBe('192.0.2.99');
      expect(url.searchParams.get('tls')).toBe('offload');
      expect(url.searchParams.has('subnet')).toBe(false);
    });
  });
}

test.describe('invalid input', () => {
  test('too many instances for the subnet, and via beyond the instances, show field errors', async ({ page }) => {
    await page.goto('/en/application-gateway/?subnet=10.0.0.0/29&instances=4&via=5');
    const explorer = page.locator('[data-explorer="application-gateway"]');
    await expect(explorer.locator('[data-error-for="instances"]')).toContainText('at most 3 instances');
    await expect(explorer.locator('[data-error-for="via"]')).toContainText('(4)');
    await expect(explorer.locator('input[name="instances"]')).toHaveAttribute('aria-invalid', 'true');
    expect(await hopValues(explorer)).toEqual(DEFAULT_HOPS);
  });

  test('ja: editing into an invalid scenario keeps the last valid one, fixing it recomputes', async ({ page }) => {
    await page.goto('/ja/application-gateway/');
    const explorer = page.locator('[data-explorer="application-gateway"]');
    await explorer.locator('input[name="subnet"]').fill('10.0.0.0/30');
    const instancesError = explorer.locator('[data-error-for="instances"]');
    await expect(instancesError).toBeVisible();
    await expect(instancesError).toContainText('0 インスタンスまで');
    await explorer.locator('input[name="subnet"]').fill('10.0.0.0/29');
    await expect(instancesError).toBeHidden();
    await explorer.locator('input[name="via"]').fill('3');
    await expect(explorer.locator('[data-error-for="via"]')).toContainText('インスタンスの数（2）以下');
    expect(await hopValues(explorer)).toEqual(DEFAULT_HOPS);
    await explorer.locator('input[name="instances"]').fill('3');
    await expect(explorer.locator('[data-error-for="via"]')).toBeHidden();
    await expect.poll(async () => (await hopValues(explorer))[1]).toEqual(['10.0.0.6:40000', '10.0.1.4:443']);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const lang of ['ja', 'en'] as const) {
    test(`${lang}: the default tables and diagram are in the static HTML`, async ({ page }) => {
      await page.goto(`/${lang}/application-gateway/`);
      const explorer = page.locator('[data-explorer="application-gateway"]');
      expect(await hopValues(explorer)).toEqual(DEFAULT_HOPS);
      await expect(field(explorer, 'xff')).toHaveAttribute('data-value', '203.0.113.10:50000');
      await expectDiagramHas(explorer, DEFAULT_HOPS.flat());
      await expect(explorer.locator('[data-diagram] [data-svg="light"] svg title')).not.toBeEmpty();
    });
  }
});
