import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { diagramText, waitForRedraw } from './helpers.ts';

/** [service, src, dst, interval] of each probe row, from the data-values. */
async function probeValues(explorer: Locator): Promise<string[][]> {
  return explorer
    .locator('[data-probe]')
    .evaluateAll((rows) =>
      rows.map((row) => [
        row.getAttribute('data-service') ?? '',
        ...['src', 'dst', 'interval'].map((f) => row.querySelector(`[data-field="${f}"]`)?.getAttribute('data-value') ?? ''),
      ]),
    );
}

// Golden table written by hand from SPEC §3 (Health probes), default scenario.
const DEFAULT_PROBES = [
  ['load-balancer', '168.63.129.16', '10.0.1.4:443', '5'],
  ['load-balancer', '168.63.129.16', '10.0.1.5:443', '5'],
  ['application-gateway', '10.0.0.4', '10.0.1.4:443', '30'],
  ['application-gateway', '10.0.0.4', '10.0.1.5:443', '30'],
  ['application-gateway', '10.0.0.5', '10.0.1.4:443', '30'],
  ['application-gateway', '10.0.0.5', '10.0.1.5:443', '30'],
  ['traffic-manager', 'AzureTrafficManager', '198.51.100.30:443', '30'],
  ['traffic-manager', 'AzureTrafficManager', '198.51.100.40:443', '30'],
  ['front-door', 'AzureFrontDoor.Backend', '198.51.100.60:443', '30'],
  // The Load Balancer in front of an AKS Service (Cluster, the default): TCP to the node port on every node.
  ['aks', '168.63.129.16', '10.0.1.4:31000', '5'],
  ['aks', '168.63.129.16', '10.0.1.5:31000', '5'],
];

for (const lang of ['ja', 'en'] as const) {
  test.describe(`/${lang}/health-probes/`, () => {
    test('default probe rows, rates, NSG rules and diagram', async ({ page }) => {
      await page.goto(`/${lang}/health-probes/`);
      const explorer = page.locator('[data-explorer="health-probes"]');
      expect(await probeValues(explorer)).toEqual(DEFAULT_PROBES);
      const agwRate = explorer.locator('[data-rate="10.0.1.4"][data-service="application-gateway"] [data-field="per-minute"]');
      await expect(agwRate).toHaveAttribute('data-value', '4');
      const nsgSources = await explorer
        .locator('[data-nsg-rule] [data-field="source"]')
        .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-value')));
      // The cross-region Load Balancer's backends (issue 33) add the client and AzureLoadBalancer after the Load Balancer's.
      expect(nsgSources).toEqual([
        '203.0.113.10',
        'AzureLoadBalancer',
        '203.0.113.10',
        'AzureLoadBalancer',
        '203.0.113.10',
        'GatewayManager',
        'AzureLoadBalancer',
        '10.0.0.0/24',
        '203.0.113.10',
        'AzureTrafficManager',
        'AzureFrontDoor.Backend',
      ]);
      const svg = await diagramText(explorer);
      for (const [, src, dst] of DEFAULT_PROBES) expect(svg).toContain(`${src} → ${dst}`);
    });

    test('five instances from the URL: 10 probes a minute per backend', async ({ page }) => {
      await page.goto(`/${lang}/health-probes/?instances=5&backends=10.0.1.4`);
      const explorer = page.locator('[data-explorer="health-probes"]');
      await waitForRedraw(explorer);
      const rows = await probeValues(explorer);
      expect(rows).toHaveLength(1 + 5 + 2 + 1 + 1);
      expect(rows.filter((r) => r[0] === 'application-gateway').map((r) => r[1])).toEqual([
        '10.0.0.4',
        '10.0.0.5',
        '10.0.0.6',
        '10.0.0.7',
        '10.0.0.8',
      ]);
      await expect(
        explorer.locator('[data-rate="10.0.1.4"][data-service="application-gateway"] [data-field="per-minute"]'),
      ).toHaveAttribute('data-value', '10');
    });

    test('editing the subnet moves the AppGW probe sources and the NSG rule', async ({ page }) => {
      await page.goto(`/${lang}/health-probes/`);
      const explorer = page.locator('[data-explorer="health-probes"]');
      await explorer.locator('input[name="subnet"]').fill('172.16.8.0/27');
      await waitForRedraw(explorer);
      expect((await probeValues(explorer)).filter((r) => r[0] === 'application-gateway').map((r) => r[1])).toEqual([
        '172.16.8.4',
        '172.16.8.4',
        '172.16.8.5',
        '172.16.8.5',
      ]);
      await expect(explorer.locator('[data-nsg-rule][data-place="agw-backends"] [data-field="source"]')).toHaveAttribute(
        'data-value',
        '172.16.8.0/27',
      );
      await expect.poll(() => new URL(page.url()).searchParams.get('subnet')).toBe('172.16.8.0/27');
    });

    test('the print pieces are drawn with their stylesheet: every line has a stroke', async ({ page }) => {
      await page.goto(`/${lang}/health-probes/`);
      await page.emulateMedia({ media: 'print' });
      const strokes = await page
        .locator('[data-print-parts] [data-svg="light"] svg line')
        .evaluateAll((lines) => lines.map((line) => getComputedStyle(line).stroke));
      expect(strokes.length).toBeGreaterThan(10);
      expect(strokes.filter((stroke) => stroke === 'none')).toEqual([]);
    });

    for (const colorScheme of ['light', 'dark'] as const) {
      test(`after an edit the print pieces show the edited scenario (${colorScheme} theme)`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.goto(`/${lang}/health-probes/`);
        const explorer = page.locator('[data-explorer="health-probes"]');
        await explorer.locator('input[name="subnet"]').fill('172.16.8.0/27');
        await waitForRedraw(explorer);
        await expect(explorer).toHaveAttribute('data-printed-parts', /\d+/);
        await page.emulateMedia({ media: 'print' });
        const gateway = explorer.locator('[data-print-parts] [data-diagram]').nth(1).locator('[data-svg="light"] svg');
        await expect(gateway).toBeVisible();
        expect(await gateway.textContent()).toContain('172.16.8.4');
        expect(await gateway.textContent()).not.toContain('10.0.0.4');
      });
    }

    test('too many instances for the subnet: error at instances, rows unchanged', async ({ page }) => {
      await page.goto(`/${lang}/health-probes/`);
      const explorer = page.locator('[data-explorer="health-probes"]');
      await explorer.locator('input[name="subnet"]').fill('10.0.0.0/29');
      await explorer.locator('input[name="instances"]').fill('4');
      await expect(explorer.locator('[data-error-for="instances"]')).toContainText('3');
      expect(await probeValues(explorer)).toEqual(DEFAULT_PROBES);
    });
  });
}

test.describe('comparison matrix on the index page', () => {
  for (const lang of ['ja', 'en'] as const) {
    test(`${lang}: SPEC §5 cells`, async ({ page }) => {
      await page.goto(`/${lang}/`);
      const matrix = page.locator('[data-explorer="compare"]');
      const cell = (service: string, field: string) => matrix.locator(`[data-service="${service}"][data-field="${field}"]`);
      await expect(cell('load-balancer', 'source-at-backend')).toHaveAttribute('data-value', 'client');
      await expect(cell('application-gateway', 'source-at-backend')).toHaveAttribute('data-value', 'instance');
      await expect(cell('traffic-manager', 'source-at-backend')).toHaveAttribute('data-value', 'client');
      await expect(cell('load-balancer', 'probe-source')).toHaveAttribute('data-value', '168.63.129.16');
      await expect(cell('application-gateway', 'probe-source')).toHaveAttribute('data-value', 'instances');
      await expect(cell('traffic-manager', 'probe-source')).toHaveAttribute('data-value', 'AzureTrafficManager');
      await expect(cell('application-gateway', 'cert-reaches-backend')).toHaveAttribute('data-value', 'no');
      await expect(cell('traffic-manager', 'data-path')).toHaveAttribute('data-value', 'no');
    });
  }
});

test.describe('probe-blocked FAQ', () => {
  for (const lang of ['ja', 'en'] as const) {
    test(`${lang}: the GatewayManager rule comes from the engine`, async ({ page }) => {
      await page.goto(`/${lang}/faq/probe-blocked/`);
      const rule = page
        .locator('[data-nsg-places="agw-subnet"] [data-nsg-rule]')
        .filter({ has: page.locator('[data-field="source"][data-value="GatewayManager"]') });
      await expect(rule.locator('[data-field="port"]')).toHaveAttribute('data-value', '65200-65535');
      await expect(page.locator('[data-nsg-places="lb-backends"] [data-field="source"][data-value="AzureLoadBalancer"]')).toHaveCount(1);
      await expect(page.locator('[data-nsg-places="tm-endpoints"] [data-field="source"][data-value="AzureTrafficManager"]')).toHaveCount(1);
    });
  }
});
