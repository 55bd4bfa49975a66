import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { expectDiagramHas, waitForRedraw } from './helpers.ts';

// Golden values written by hand from SPEC §2–§4 as corrected in issue 10.
const field = (explorer: Locator, name: string) => explorer.locator(`[data-field="${name}"]`);

for (const lang of ['ja', 'en'] as const) {
  test.describe(`/${lang}/: facts checked against Microsoft Learn`, () => {
    test('X-Forwarded-For keeps the client’s own entry and appends the gateway’s last', async ({ page }) => {
      await page.goto(`/${lang}/application-gateway/?xffin=198.51.100.7`);
      const explorer = page.locator('[data-explorer="application-gateway"]');
      await waitForRedraw(explorer);
      await expect(field(explorer, 'xff')).toHaveAttribute('data-value', '198.51.100.7, 203.0.113.10:50000');
      await expect(field(explorer, 'xff')).toHaveText('198.51.100.7, 203.0.113.10:50000');
      await expect(explorer.locator('input[name="xffin"]')).toHaveValue('198.51.100.7');
      await expectDiagramHas(explorer, ['X-Forwarded-For: 198.51.100.7, 203.0.113.10:50000']);
    });

    test('typing into xffin updates the header and the URL; a bad item is an error at xffin', async ({ page }) => {
      await page.goto(`/${lang}/application-gateway/`);
      const explorer = page.locator('[data-explorer="application-gateway"]');
      await explorer.locator('input[name="xffin"]').fill('[2001:db8::7]:443, 192.0.2.1');
      await waitForRedraw(explorer);
      await expect(field(explorer, 'xff')).toHaveAttribute('data-value', '[2001:db8::7]:443, 192.0.2.1, 203.0.113.10:50000');
      await expect.poll(() => new URL(page.url()).searchParams.get('xffin')).toBe('[2001:db8::7]:443, 192.0.2.1');
      await explorer.locator('input[name="xffin"]').fill('198.51.100.7:99999');
      await expect(explorer.locator('[data-error-for="xffin"]')).toBeVisible();
      await expect(explorer.locator('[data-error-for="xffin"]')).not.toBeEmpty();
      // The last valid scenario stays on screen.
      await expect(field(explorer, 'xff')).toHaveAttribute('data-value', '[2001:db8::7]:443, 192.0.2.1, 203.0.113.10:50000');
    });

    test('the client-IP FAQ shows a forged entry before the gateway’s, in the static HTML', async ({ page }) => {
      await page.goto(`/${lang}/faq/client-ip/`);
      await expect(page.locator('#client-ip-forged [data-field="xff"]')).toHaveAttribute('data-value', '198.51.100.7, 203.0.113.10:50000');
    });

    test('an endpoint given by IP address is answered with A in one DNS step', async ({ page }) => {
      await page.goto(`/${lang}/traffic-manager/?endpoints=198.51.100.30,198.51.100.40`);
      const tm = page.locator('[data-explorer="traffic-manager"]');
      await waitForRedraw(tm);
      await expect(tm.locator('[data-dns-step]')).toHaveCount(1);
      await expect(tm.locator('[data-dns-step="1"] [data-field="query"]')).toHaveAttribute('data-value', 'test.trafficmanager.net');
      await expect(tm.locator('[data-dns-step="1"] [data-field="answer"]')).toHaveAttribute('data-value', 'A 198.51.100.30');
      await expect(tm.locator('[data-hop="1"] [data-field="dst"]')).toHaveAttribute('data-value', '198.51.100.30:443');
      await expectDiagramHas(tm, ['A 198.51.100.30', '203.0.113.10:50000', '198.51.100.30:443']);
    });

    test('an IPv6 endpoint given by address is answered with AAAA; a mixed list is refused', async ({ page }) => {
      await page.goto(`/${lang}/traffic-manager/?client=2001:db8::10&endpoints=2001:db8::30`);
      const tm = page.locator('[data-explorer="traffic-manager"]');
      await waitForRedraw(tm);
      await expect(tm.locator('[data-dns-step="1"] [data-field="answer"]')).toHaveAttribute('data-value', 'AAAA 2001:db8::30');
      await expect(tm.locator('[data-dns-step]')).toHaveCount(1);
      await tm.locator('input[name="client"]').fill('203.0.113.10');
      await tm.locator('input[name="endpoints"]').fill('a.example.com=198.51.100.30,198.51.100.40');
      await expect(tm.locator('[data-error-for="endpoints"]')).toBeVisible();
    });

    test('every probe row says which status codes count as healthy', async ({ page }) => {
      await page.goto(`/${lang}/health-probes/`);
      const probes = page.locator('[data-explorer="health-probes"]');
      const expected: Record<string, string> = {
        'load-balancer': '200',
        'application-gateway': '200-399',
        'traffic-manager': '200',
        'front-door': '200',
        // externalTrafficPolicy Cluster (the default): a TCP connection to the node port, one row per node.
        aks: 'tcp',
      };
      const rows = probes.locator('[data-probe]');
      await expect(rows).toHaveCount(11);
      for (const row of await rows.all()) {
        const service = (await row.getAttribute('data-service'))!;
        await expect(row.locator('[data-field="healthy"]')).toHaveAttribute('data-value', expected[service]!);
        expect((await row.locator('[data-field="healthy"]').innerText()).trim()).not.toBe('');
      }
    });

    test('AppGW subnet platform rules have destination Any', async ({ page }) => {
      await page.goto(`/${lang}/health-probes/`);
      const probes = page.locator('[data-explorer="health-probes"]');
      const subnetRows = probes.locator('[data-nsg-rule][data-place="agw-subnet"]');
      await expect(subnetRows).toHaveCount(3);
      await expect(subnetRows.nth(0).locator('[data-field="destination"]')).toHaveAttribute('data-value', '10.0.0.0/24');
      await expect(subnetRows.nth(1).locator('[data-field="source"]')).toHaveAttribute('data-value', 'GatewayManager');
      await expect(subnetRows.nth(1).locator('[data-field="destination"]')).toHaveAttribute('data-value', 'Any');
      await expect(subnetRows.nth(2).locator('[data-field="source"]')).toHaveAttribute('data-value', 'AzureLoadBalancer');
      await expect(subnetRows.nth(2).locator('[data-field="destination"]')).toHaveAttribute('data-value', 'Any');
      await expect(probes.locator('[data-note="agw-outbound"]')).toBeVisible();
    });
  });
}
