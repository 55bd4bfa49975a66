import { expect, test } from './fixtures.ts';
import { hopValues, waitForRedraw } from './helpers.ts';

// Golden values written by hand from SPEC §15 (AKS, defaults: Cluster, pod 2 on node 2, the Load Balancer picks node 1).
const CLUSTER_HOPS: [string, string][] = [
  ['203.0.113.10:50000', '198.51.100.10:443'],
  ['203.0.113.10:50000', '10.0.1.4:443'],
  ['10.0.1.4:50000', '10.244.1.7:8080'],
  ['10.244.1.7:8080', '10.0.1.4:50000'],
  ['10.0.1.4:443', '203.0.113.10:50000'],
  ['198.51.100.10:443', '203.0.113.10:50000'],
];

for (const lang of ['ja', 'en'] as const) {
  test.describe(`/${lang}/faq/aks-client-ip/`, () => {
    test('Cluster: the pod sees the node; Local with a node out of rotation is a field error naming the nodes in it', async ({ page }) => {
      await page.goto(`/${lang}/faq/aks-client-ip/`);
      const explorer = page.locator('[data-explorer="aks"]');
      expect(await hopValues(explorer)).toEqual(CLUSTER_HOPS);
      await expect(explorer.locator('[data-field="pod-source"]')).toHaveAttribute('data-value', '10.0.1.4:50000');
      await explorer.locator('input[name="etp"][value="local"]').check();
      // Local: node 1 runs pod 1 only, so pod 2 cannot serve a flow the Load Balancer sent to node 1.
      await expect(explorer.locator('[data-error-for="ppick"]')).toBeVisible();
      await explorer.locator('input[name="pick"]').fill('2');
      await waitForRedraw(explorer);
      await expect.poll(async () => (await hopValues(explorer))[2]).toEqual(['203.0.113.10:50000', '10.244.1.7:8080']);
      await expect(explorer.locator('[data-field="pod-source"]')).toHaveAttribute('data-value', '203.0.113.10:50000');
      // Only node 2 runs a pod: node 1 is out of rotation.
      await explorer.locator('input[name="pods"]').fill('10.244.1.7@2');
      await explorer.locator('input[name="ppick"]').fill('1');
      await explorer.locator('input[name="pick"]').fill('1');
      await expect(explorer.locator('[data-error-for="pick"]')).toContainText('2');
      // The URL is written after the edit's drawing: wait for it (a state, not a time).
      await expect.poll(() => new URL(page.url()).searchParams.get('etp')).toBe('local');
    });

    test('agw,lb,aks on the paths page with Local: the pod sees the gateway instance', async ({ page }) => {
      await page.goto(`/${lang}/paths/?chain=agw,lb,aks&etp=local&pick=2`);
      const explorer = page.locator('[data-explorer="path"]');
      await expect(explorer.locator('[data-field="backend-source"]')).toHaveAttribute('data-value', '10.0.0.4:40000');
      expect((await hopValues(explorer))[3]).toEqual(['10.0.0.4:40000', '10.244.1.7:8080']);
    });
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the FAQ shows the computed packets', async ({ page }) => {
    await page.goto('/en/faq/aks-client-ip/');
    expect(await hopValues(page.locator('[data-explorer="aks"]'))).toEqual(CLUSTER_HOPS);
  });
});
