import { expect, test } from './fixtures.ts';
import { diagramText, hopValues, waitForRedraw } from './helpers.ts';

// Golden tables worked out by hand from SPEC §8 (the same ones as tests/unit/front-door.node.test.ts).
const DEFAULT_HOPS = [
  ['203.0.113.10:50000', '198.51.100.50:443'],
  ['192.0.2.50:41000', '198.51.100.60:443'],
  ['198.51.100.60:443', '192.0.2.50:41000'],
  ['198.51.100.50:443', '203.0.113.10:50000'],
];
const IPV6_HOPS = [
  ['[2001:db8::10]:50000', '[2001:db8::50]:443'],
  ['192.0.2.50:41000', '198.51.100.60:443'],
  ['198.51.100.60:443', '192.0.2.50:41000'],
  ['[2001:db8::50]:443', '[2001:db8::10]:50000'],
];

for (const lang of ['ja', 'en'] as const) {
  for (const javaScriptEnabled of [true, false]) {
    test.describe(`/${lang}/front-door/ with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
      test.use({ javaScriptEnabled });

      test('defaults: hops, headers, diagram', async ({ page }) => {
        await page.goto(`/${lang}/front-door/`);
        const explorer = page.locator('[data-explorer="front-door"]').first();
        expect(await hopValues(explorer)).toEqual(DEFAULT_HOPS);
        await expect(explorer.locator('[data-field="xff"]')).toHaveAttribute('data-value', '203.0.113.10');
        await expect(explorer.locator('[data-field="x-azure-clientip"]')).toHaveAttribute('data-value', '203.0.113.10');
        await expect(explorer.locator('[data-field="x-azure-socketip"]')).toHaveAttribute('data-value', '203.0.113.10');
        await expect(explorer.locator('[data-field="x-azure-fdid"]')).toHaveAttribute('data-value', 'a1b2c3d4-0000-4000-8000-00000000fd01');
        const text = await diagramText(explorer);
        for (const [src, dst] of DEFAULT_HOPS) expect(text).toContain(`${src} → ${dst}`);
      });

      test('a client that sends its own X-Forwarded-For (fixed example)', async ({ page }) => {
        await page.goto(`/${lang}/front-door/`);
        const example = page.locator('#fd-forged');
        // A second explorer of one kind says what it shows instead of repeating the first one's title.
        const titles = await page.locator('[data-explorer="front-door"] .atp-explorer-heading').allInnerTexts();
        expect(new Set(titles).size).toBe(titles.length);
        await expect(example.locator('[data-field="xff"]')).toHaveAttribute('data-value', '198.51.100.7, 203.0.113.10');
        await expect(example.locator('[data-field="x-azure-clientip"]')).toHaveAttribute('data-value', '198.51.100.7');
        await expect(example.locator('[data-field="x-azure-socketip"]')).toHaveAttribute('data-value', '203.0.113.10');
      });
    });
  }

  test(`/${lang}/front-door/: an IPv6 client from the URL, and edits recompute`, async ({ page }) => {
    await page.goto(`/${lang}/front-door/?client=2001:db8::10&fdip=2001:db8::50`);
    const explorer = page.locator('[data-explorer="front-door"]').first();
    await waitForRedraw(explorer);
    expect(await hopValues(explorer)).toEqual(IPV6_HOPS);
    await expect(explorer.locator('[data-field="xff"]')).toHaveAttribute('data-value', '2001:db8::10');
    await explorer.locator('input[name="xffin"]').fill('198.51.100.7');
    await waitForRedraw(explorer, 2);
    await expect(explorer.locator('[data-field="xff"]')).toHaveAttribute('data-value', '198.51.100.7, 2001:db8::10');
    await expect.poll(() => new URL(page.url()).searchParams.get('xffin')).toBe('198.51.100.7');
    await explorer.locator('input[name="fdid"]').fill('<img src=x onerror=alert(1)>');
    await expect(explorer.locator('[data-error-for="fdid"]')).toBeVisible();
    await expect(explorer.locator('[data-field="x-azure-fdid"]')).toHaveAttribute('data-value', 'a1b2c3d4-0000-4000-8000-00000000fd01');
  });

  test(`/${lang}/: Front Door everywhere the other services are`, async ({ page }) => {
    await page.goto(`/${lang}/`);
    const matrix = page.locator('[data-explorer="compare"]');
    await expect(matrix.locator('[data-service="front-door"][data-field="source-at-backend"]')).toHaveAttribute('data-value', 'edge');
    await expect(matrix.locator('[data-service="front-door"][data-field="probe-source"]')).toHaveAttribute(
      'data-value',
      'AzureFrontDoor.Backend',
    );
    await page.goto(`/${lang}/health-probes/`);
    const probe = page.locator('[data-explorer="health-probes"] [data-probe][data-service="front-door"]');
    await expect(probe.locator('[data-field="src"]')).toHaveAttribute('data-value', 'AzureFrontDoor.Backend');
    await expect(probe.locator('[data-field="dst"]')).toHaveAttribute('data-value', '198.51.100.60:443');
    await expect(probe.locator('[data-field="healthy"]')).toHaveAttribute('data-value', '200');
    await expect(
      page.locator('[data-explorer="health-probes"] [data-nsg-rule][data-place="fd-origin"] [data-field="source"]'),
    ).toHaveAttribute('data-value', 'AzureFrontDoor.Backend');
    await page.goto(`/${lang}/faq/origin-lock/`);
    await expect(page.locator('[data-nsg-places="fd-origin"] [data-field="source"]')).toHaveAttribute(
      'data-value',
      'AzureFrontDoor.Backend',
    );
    await expect(page.locator('#origin-lock-explorer [data-field="x-azure-fdid"]')).toHaveAttribute(
      'data-value',
      'a1b2c3d4-0000-4000-8000-00000000fd01',
    );
  });
}
