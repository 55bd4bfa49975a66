import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { diagramText, expectDiagramHas, hopTexts, hopValues, waitForRedraw } from './helpers.ts';

// Golden values written by hand from SPEC §3 (Traffic Manager and the failover model).
const EP1 = 'test01.japaneast.cloudapp.azure.com';
const EP2 = 'test02.japanwest.cloudapp.azure.com';
const DEFAULT_DNS: [string, string][] = [
  ['test.trafficmanager.net', `CNAME ${EP1}`],
  [EP1, 'A 198.51.100.30'],
];
const DEFAULT_HOPS: [string, string][] = [
  ['203.0.113.10:50000', '198.51.100.30:443'],
  ['198.51.100.30:443', '203.0.113.10:50000'],
];
// fail 45, TTL 60, interval 30, tolerated 3, timeout 10: Degraded 60 + 90 + 10 = 160; lookups
// 0, 60, 120, 180 → 180; outage 135; worst 160 − 45 + 60 = 175.
const DEFAULT_FIGURES = [160, 180, 135, 175];
const UNIT = { ja: (n: number) => `${n} 秒`, en: (n: number) => `${n} s` };
const FIGURES = ['degraded-at', 'switch-at', 'outage', 'worst-case'];

/** The [query, answer] data-values of each DNS row, in order. */
async function dnsValues(explorer: Locator): Promise<[string, string][]> {
  const rows = explorer.locator('[data-dns-step]');
  const out: [string, string][] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    out.push([
      (await row.locator('[data-field="query"]').getAttribute('data-value')) ?? '',
      (await row.locator('[data-field="answer"]').getAttribute('data-value')) ?? '',
    ]);
  }
  return out;
}

/** The four failover figures' data-values as numbers. */
async function figures(explorer: Locator): Promise<number[]> {
  const values: number[] = [];
  for (const field of FIGURES) values.push(Number(await explorer.locator(`[data-field="${field}"]`).getAttribute('data-value')));
  return values;
}

for (const lang of ['ja', 'en'] as const) {
  test.describe(`/${lang}/traffic-manager/`, () => {
    test('shows the default DNS steps, hops, failover figures and diagrams', async ({ page }) => {
      await page.goto(`/${lang}/traffic-manager/`);
      const tm = page.locator('[data-explorer="traffic-manager"]');
      expect(await dnsValues(tm)).toEqual(DEFAULT_DNS);
      await expect(tm.locator('[data-dns-step="1"] [data-field="answer"]')).toHaveText(`CNAME ${EP1}`);
      expect(await hopValues(tm)).toEqual(DEFAULT_HOPS);
      expect(await hopTexts(tm)).toEqual(DEFAULT_HOPS);
      await expectDiagramHas(tm, [...DEFAULT_DNS.flat(), ...DEFAULT_HOPS.flat()]);

      const failover = page.locator('[data-explorer="failover"]');
      expect(await figures(failover)).toEqual(DEFAULT_FIGURES);
      for (const [i, field] of FIGURES.entries()) {
        await expect(failover.locator(`[data-field="${field}"]`)).toHaveText(UNIT[lang](DEFAULT_FIGURES[i]!));
      }
      // Rule of thumb: 60 + 3 × 30 = 150.
      await expect(failover.locator('[data-field="rule-of-thumb"]')).toHaveAttribute('data-value', '150');
      await expectDiagramHas(failover, ['45', '160', '180', '135']);
    });

    test('computes a URL scenario in both explorers', async ({ page }) => {
      // Fast probing, nothing tolerated, no cache: first probe ≥ 45 is 50; Degraded 50 + 0 + 5 = 55;
      // switch max(0, 55) = 55; outage 10; worst 55 − 45 + 0 = 10; rule 0 + 0 × 10 = 0.
      await page.goto(`/${lang}/traffic-manager/?ttl=0&interval=10&timeout=5&tolerated=0`);
      const failover = page.locator('[data-explorer="failover"]');
      await waitForRedraw(failover);
      expect(await figures(failover)).toEqual([55, 55, 10, 10]);
      await expect(failover.locator('[data-field="rule-of-thumb"]')).toHaveAttribute('data-value', '0');
      await expect(failover.locator('input[name="interval"][value="10"]')).toBeChecked();
      await expectDiagramHas(failover, ['55']);
      // The Traffic Manager explorer reads the same probing settings; with no failure its answer stays.
      const tm = page.locator('[data-explorer="traffic-manager"]');
      await waitForRedraw(tm);
      await expect(tm.locator('input[name="interval"][value="10"]')).toBeChecked();
      expect(await dnsValues(tm)).toEqual(DEFAULT_DNS);
    });

    test('a lookup after Degraded gets endpoint 2, in the table and the diagram', async ({ page }) => {
      await page.goto(`/${lang}/traffic-manager/?fail=45&resolved=200`);
      const tm = page.locator('[data-explorer="traffic-manager"]');
      await waitForRedraw(tm);
      const expected: [string, string][] = [
        ['203.0.113.10:50000', '198.51.100.40:443'],
        ['198.51.100.40:443', '203.0.113.10:50000'],
      ];
      expect(await dnsValues(tm)).toEqual([
        ['test.trafficmanager.net', `CNAME ${EP2}`],
        [EP2, 'A 198.51.100.40'],
      ]);
      expect(await hopValues(tm)).toEqual(expected);
      await expectDiagramHas(tm, [`CNAME ${EP2}`, 'A 198.51.100.40', ...expected.flat()]);
      // The failover explorer: lookup at 200 comes after Degraded (160), so it switches at 200.
      const failover = page.locator('[data-explorer="failover"]');
      await waitForRedraw(failover);
      expect(await figures(failover)).toEqual([160, 200, 155, 175]);
    });

    test('editing the TTL updates the figures, the diagram and the URL', async ({ page }) => {
      await page.goto(`/${lang}/traffic-manager/`);
      const failover = page.locator('[data-explorer="failover"]');
      await failover.locator('input[name="ttl"]').fill('300');
      await waitForRedraw(failover);
      // Lookups 0, 300: switch 300; outage 255; worst 160 − 45 + 300 = 415.
      await expect.poll(() => figures(failover)).toEqual([160, 300, 255, 415]);
      await expect(failover.locator('[data-field="switch-at"]')).toHaveText(UNIT[lang](300));
      await expect.poll(() => diagramText(failover)).toContain('300');
      await expect.poll(() => new URL(page.url()).searchParams.get('ttl')).toBe('300');

      await page.goto(page.url());
      await waitForRedraw(failover);
      expect(await figures(failover)).toEqual([160, 300, 255, 415]);
    });
  });
}

test.describe('invalid input', () => {
  const TIMEOUT_LABEL = { ja: 'プローブのタイムアウト', en: 'Probe timeout' };

  for (const lang of ['ja', 'en'] as const) {
    test(`${lang}: timeout 10 at interval 10 is refused at timeout and the last figures stay`, async ({ page }) => {
      await page.goto(`/${lang}/traffic-manager/`);
      const failover = page.locator('[data-explorer="failover"]');
      await failover.locator('input[name="interval"][value="10"]').check();
      const error = failover.locator('[data-error-for="timeout"]');
      await expect(error).toBeVisible();
      await expect(error).toContainText(TIMEOUT_LABEL[lang]);
      await expect(error).toContainText('9');
      await expect(failover.locator('input[name="timeout"]')).toHaveAttribute('aria-invalid', 'true');
      expect(await figures(failover)).toEqual(DEFAULT_FIGURES);
      expect(new URL(page.url()).search).toBe('');

      // Fixing the timeout recomputes, and the URL gets both edits.
      // First probe ≥ 45 at I 10 is 50; Degraded 50 + 30 + 9 = 89; lookups 0, 60, 120 → 120; 75; 104.
      await failover.locator('input[name="timeout"]').fill('9');
      await expect(error).toBeHidden();
      await expect.poll(() => figures(failover)).toEqual([89, 120, 75, 104]);
      // The URL is rewritten after the figures: wait for it, as a reader would.
      await expect
        .poll(() => {
          const query = new URL(page.url()).searchParams;
          return [query.get('interval'), query.get('timeout')];
        })
        .toEqual(['10', '9']);
    });
  }

  test('an invalid URL reports at timeout in both explorers and keeps the defaults', async ({ page }) => {
    await page.goto('/en/traffic-manager/?interval=10&timeout=10&endpoints=x%3D1.2.3.4');
    const tm = page.locator('[data-explorer="traffic-manager"]');
    const failover = page.locator('[data-explorer="failover"]');
    await expect(failover.locator('[data-error-for="timeout"]')).toContainText('at most 9 when Probing interval is 10');
    await expect(tm.locator('[data-error-for="endpoints"]')).toContainText('item 1');
    expect(await figures(failover)).toEqual(DEFAULT_FIGURES);
    expect(await dnsValues(tm)).toEqual(DEFAULT_DNS);
    expect(await hopValues(tm)).toEqual(DEFAULT_HOPS);
  });

  test("Traffic Manager's port error names the endpoint port; markup stays text", async ({ page }) => {
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    await page.goto('/en/traffic-manager/');
    const tm = page.locator('[data-explorer="traffic-manager"]');
    await tm.locator('input[name="port"]').fill('0');
    await expect(tm.locator('[data-error-for="port"]')).toContainText('Endpoint port');
    await tm.locator('input[name="profile"]').fill('<img src=x onerror=alert(1)>');
    await expect(tm.locator('[data-error-for="profile"]')).toContainText('valid DNS name');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await dnsValues(tm)).toEqual(DEFAULT_DNS);
    expect(dialogs).toBe(0);
  });
});

test('two explorers on one page keep each other\'s parameters in the URL', async ({ page }) => {
  await page.goto('/ja/traffic-manager/');
  const tm = page.locator('[data-explorer="traffic-manager"]');
  const failover = page.locator('[data-explorer="failover"]');
  await failover.locator('input[name="interval"][value="10"]').check();
  await failover.locator('input[name="timeout"]').fill('9');
  await waitForRedraw(failover);
  // The Traffic Manager explorer still shows interval 30; editing its client must not undo interval=10.
  await tm.locator('input[name="client"]').fill('192.0.2.99');
  await expect.poll(async () => (await hopValues(tm))[0]).toEqual(['192.0.2.99:50000', '198.51.100.30:443']);
  await expect
    .poll(() => {
      const query = new URL(page.url()).searchParams;
      return [query.get('interval'), query.get('timeout'), query.get('client')];
    })
    .toEqual(['10', '9', '192.0.2.99']);
});

test.describe('FAQ pages', () => {
  for (const lang of ['ja', 'en'] as const) {
    test(`${lang}: the Traffic Manager FAQ computes an IPv6 scenario`, async ({ page }) => {
      await page.goto(`/${lang}/faq/traffic-manager/`);
      const tm = page.locator('#tm-ipv6[data-explorer="traffic-manager"]');
      expect(await dnsValues(tm)).toEqual([
        ['test.trafficmanager.net', `CNAME ${EP1}`],
        [EP1, 'AAAA 2001:db8:30::4'],
      ]);
      const expected: [string, string][] = [
        ['[2001:db8:100::10]:50000', '[2001:db8:30::4]:443'],
        ['[2001:db8:30::4]:443', '[2001:db8:100::10]:50000'],
      ];
      expect(await hopValues(tm)).toEqual(expected);
      await expectDiagramHas(tm, expected.flat());
      for (const id of ['not-on-data-path', 'dns-caching', 'consequences', 'tm-client-certificate', 'tm-client-ip']) {
        await expect(page.locator(`h2#${id}, h3#${id}`)).toHaveCount(1);
      }
    });

    test(`${lang}: the DNS-cache FAQ shows the stuck client and the computed comparison`, async ({ page }) => {
      await page.goto(`/${lang}/faq/dns-cache-failover/`);
      // TTL 300: Degraded 160; lookups 0, 300 → 300; outage 255; worst 160 − 45 + 300 = 415.
      expect(await figures(page.locator('#stuck[data-explorer="failover"]'))).toEqual([160, 300, 255, 415]);
      const table = page.locator('#failover-variants');
      // TTL 0: switch at Degraded 160; outage 115; worst 115.
      expect(await figures(table.locator('[data-variant="ttl-0"]'))).toEqual([160, 160, 115, 115]);
      // TTL 10, I 10, timeout 5, tolerated 1: Degraded 50 + 10 + 5 = 65; lookups … 60, 70 → 70; 25; 30.
      expect(await figures(table.locator('[data-variant="combined"]'))).toEqual([65, 70, 25, 30]);
      await expect(page.locator('starlight-toc a[href="#fast-probing"]')).toBeAttached();
    });
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const lang of ['ja', 'en'] as const) {
    test(`${lang}: both explorers show the defaults in the static HTML`, async ({ page }) => {
      await page.goto(`/${lang}/traffic-manager/?ttl=300`);
      const tm = page.locator('[data-explorer="traffic-manager"]');
      expect(await dnsValues(tm)).toEqual(DEFAULT_DNS);
      expect(await hopValues(tm)).toEqual(DEFAULT_HOPS);
      await expectDiagramHas(tm, [...DEFAULT_DNS.flat(), ...DEFAULT_HOPS.flat()]);
      const failover = page.locator('[data-explorer="failover"]');
      // Without JavaScript the URL cannot be read: the page's own scenario shows.
      expect(await figures(failover)).toEqual(DEFAULT_FIGURES);
      await expectDiagramHas(failover, ['160', '180']);
      await expect(failover.locator('[data-diagram] [data-svg="light"] svg title')).not.toBeEmpty();
    });
  }
});
