import { expect, test } from './fixtures.ts';

// The health-probe page's AKS rows as built (issue 33): with Local the Load Balancer probes the
// health check node port of every node, and the node without a ready pod says it fails; with
// Cluster, the Service's node port, healthy on a TCP connection. Values worked out by hand:
// nodes 10.0.1.4 and 10.0.1.5, one pod on node 1, hcport 32000, nport 31000.
for (const lang of ['ja', 'en'] as const) {
  test(`/${lang}/health-probes/: AKS rows for Local and Cluster`, async ({ page }) => {
    await page.goto(`/${lang}/health-probes/?etp=local`);
    const explorer = page.locator('[data-explorer="health-probes"]');
    const aks = explorer.locator('[data-probe][data-service="aks"]');
    await expect(aks).toHaveCount(2);
    await expect(aks.nth(0).locator('[data-field="dst"]')).toHaveAttribute('data-value', '10.0.1.4:32000');
    await expect(aks.nth(1).locator('[data-field="dst"]')).toHaveAttribute('data-value', '10.0.1.5:32000');
    await expect(aks.nth(0).locator('[data-field="fails"]')).toHaveCount(0);
    await expect(aks.nth(1).locator('[data-field="fails"]')).toHaveAttribute('data-value', 'yes');
    await expect(aks.nth(1).locator('[data-field="healthy"]')).toHaveAttribute('data-value', '200');
    // Cluster: every node passes, on the node port.
    await page.goto(`/${lang}/health-probes/?etp=cluster&nport=30080`);
    await expect(aks.nth(1).locator('[data-field="dst"]')).toHaveAttribute('data-value', '10.0.1.5:30080');
    await expect(explorer.locator('[data-probe][data-service="aks"] [data-field="fails"]')).toHaveCount(0);
    await expect(aks.nth(0).locator('[data-field="healthy"]')).toHaveAttribute('data-value', 'tcp');
  });
}
