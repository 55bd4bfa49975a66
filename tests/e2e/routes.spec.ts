import { expect, test } from './fixtures.ts';
import { diagramText, hopValues, waitForRedraw } from './helpers.ts';

// Routes on the path (SPEC §14), worked out by hand from Azure's rules with the defaults: virtual
// network 10.0.0.0/16, backend 10.0.1.4 in 10.0.1.0/24, gateway instance 10.0.0.4 in 10.0.0.0/24,
// firewall private IP 10.0.2.4, instance 10.0.2.6, client 203.0.113.10. The engine's values are
// unit-tested (routes.node.test.ts); here the page shows them, in both languages.
const DEFAULT_ROUTE = 'backend:0.0.0.0/0=10.0.2.4';
const RETURN_ROUTES = 'agw:10.0.1.0/24=10.0.2.4,backend:10.0.0.0/24=10.0.2.4';

for (const lang of ['ja', 'en'] as const) {
  test.describe(`/${lang}/paths/ routes`, () => {
    const open = async (page: import('@playwright/test').Page, query: string) => {
      await page.goto(`/${lang}/paths/?${query}#path`);
      const explorer = page.locator('[data-explorer="path"]');
      await waitForRedraw(explorer);
      return explorer;
    };
    const nextHop = (explorer: import('@playwright/test').Locator, leg: number) =>
      explorer.locator(`[data-hop="${leg}"] [data-field="next-hop"]`);

    test('no routes: a public Load Balancer’s reply leaves by the system default route, nothing is flagged', async ({ page }) => {
      const explorer = await open(page, 'chain=lb');
      await expect(nextHop(explorer, 3)).toHaveAttribute('data-value', 'Internet');
      await expect(nextHop(explorer, 3)).toHaveAttribute('data-route', 'system 0.0.0.0/0');
      // Legs 1, 2 and 4 are sent by the client and the Load Balancer, not from a subnet.
      await expect(explorer.locator('[data-field="next-hop"]')).toHaveCount(1);
      await expect(explorer.locator('[data-warning]')).toHaveCount(0);
      await expect(explorer.locator('[data-field="show-next-hop"]')).toHaveAttribute(
        'data-value',
        'az network watcher show-next-hop --resource-group <RG> --vm <VM> --source-ip 10.0.1.4 --dest-ip 203.0.113.10',
      );
    });

    test('the backend’s default route to the firewall behind a public Load Balancer: leg 3 is asymmetric, drawn to the appliance', async ({
      page,
    }) => {
      const explorer = await open(page, `chain=lb&routes=${DEFAULT_ROUTE}`);
      await expect(nextHop(explorer, 3)).toHaveAttribute('data-value', 'VirtualAppliance 10.0.2.4');
      await expect(nextHop(explorer, 3)).toHaveAttribute('data-route', 'user 0.0.0.0/0');
      await expect(explorer.locator('[data-hop="3"]')).toHaveAttribute('data-warning', 'asymmetric');
      await expect(explorer.locator('[data-hop][data-warning]')).toHaveCount(1);
      await expect(explorer.locator('p[data-warning="asymmetric"][data-leg="3"]')).toContainText('10.0.2.4');
      // The legs themselves are the same as without routes.
      expect(await hopValues(explorer)).toEqual([
        ['203.0.113.10:50000', '198.51.100.10:443'],
        ['203.0.113.10:50000', '10.0.1.4:443'],
        ['10.0.1.4:443', '203.0.113.10:50000'],
        ['198.51.100.10:443', '203.0.113.10:50000'],
      ]);
      // The diagram has a participant for the appliance the reply is sent to.
      expect(await diagramText(explorer)).toContain('10.0.2.4');
    });

    test('the same route with the firewall in front by DNAT: symmetric, the reply is addressed to the firewall inside the network', async ({
      page,
    }) => {
      const explorer = await open(page, `chain=fw,lb&routes=${DEFAULT_ROUTE}`);
      await expect(nextHop(explorer, 4)).toHaveAttribute('data-value', 'VirtualNetwork');
      await expect(nextHop(explorer, 4)).toHaveAttribute('data-route', 'system 10.0.0.0/16');
      await expect(explorer.locator('[data-warning]')).toHaveCount(0);
      await expect(explorer.locator('[data-field="backend-source"]')).toHaveAttribute('data-value', '10.0.2.6:42000');
    });

    test('a more specific route wins over the default route; a user route beats a system route on an equal prefix', async ({ page }) => {
      let explorer = await open(page, `chain=lb&routes=${DEFAULT_ROUTE},backend:203.0.113.0/24=internet`);
      await expect(nextHop(explorer, 3)).toHaveAttribute('data-value', 'Internet');
      await expect(nextHop(explorer, 3)).toHaveAttribute('data-route', 'user 203.0.113.0/24');
      await expect(explorer.locator('[data-warning]')).toHaveCount(0);
      explorer = await open(page, 'chain=agw&routes=backend:10.0.0.0/16=10.0.2.4');
      await expect(nextHop(explorer, 3)).toHaveAttribute('data-value', 'VirtualAppliance 10.0.2.4');
      await expect(nextHop(explorer, 3)).toHaveAttribute('data-route', 'user 10.0.0.0/16');
      await expect(explorer.locator('[data-hop="3"]')).toHaveAttribute('data-warning', 'asymmetric');
    });

    test('gateway then firewall by route: without routes the request and the reply go around it; the preset with the routes fixes both', async ({
      page,
    }) => {
      let explorer = await open(page, 'chain=agw,fwr');
      await expect(explorer.locator('[data-hop="2"]')).toHaveAttribute('data-warning', 'route-needed');
      // The reply goes around the firewall as the request did: it needs its route too, and the
      // firewall's own legs (3 and 5) are not taken.
      await expect(explorer.locator('[data-hop="4"]')).toHaveAttribute('data-warning', 'route-needed');
      await expect(explorer.locator('[data-taken="no"]')).toHaveCount(2);
      const needed = explorer.locator('[data-field="routes-needed"]');
      await expect(needed).toHaveAttribute('data-value', RETURN_ROUTES);
      await expect(needed.locator('li[data-given="no"]')).toHaveCount(2);
      await page.goto(`/${lang}/paths/`);
      // The "Common designs" preset carries both routes (the routes section links the same scenario).
      await page.locator('a[href*="chain=agw,fwr&routes="]').first().click();
      explorer = page.locator('[data-explorer="path"]');
      await waitForRedraw(explorer);
      await expect(explorer.locator('[data-warning]')).toHaveCount(0);
      await expect(needed.locator('li[data-given="yes"]')).toHaveCount(2);
      await expect(nextHop(explorer, 4)).toHaveAttribute('data-value', 'VirtualAppliance 10.0.2.4');
    });

    test('a default route on the gateway subnet is flagged as unsupported for v2', async ({ page }) => {
      const explorer = await open(page, 'chain=fd,agw&routes=agw:0.0.0.0/0=10.0.2.4');
      await expect(explorer.locator('p[data-warning="agw-default-route"]')).toBeVisible();
      await expect(explorer.locator('p[data-warning="agw-default-route"]')).toContainText('v2');
    });

    test('bad routes are refused at the field, and the last valid scenario stays', async ({ page }) => {
      const explorer = await open(page, 'chain=lb');
      const before = await hopValues(explorer);
      const field = explorer.locator('input[name="routes"], textarea[name="routes"]');
      const error = explorer.locator('[data-error-for="routes"]');
      for (const bad of [
        'backend:10.0.0.0/33=10.0.2.4',
        'backend:0.0.0.0/0=192.0.2.1',
        'db:0.0.0.0/0=10.0.2.4',
        '<img src=x onerror=alert(1)>',
        Array.from({ length: 17 }, (_, i) => `backend:10.9.${i}.0/24=10.0.2.4`).join(','),
      ]) {
        await field.fill(bad);
        await expect(error).toBeVisible();
        await expect(error).not.toBeEmpty();
        expect(await hopValues(explorer)).toEqual(before);
        await expect(explorer.locator('img')).toHaveCount(0);
      }
      // A good route clears the error, recomputes at once and goes into the URL.
      await field.fill(DEFAULT_ROUTE);
      await expect(error).toBeHidden();
      await expect(explorer.locator('[data-hop="3"]')).toHaveAttribute('data-warning', 'asymmetric');
      await expect.poll(() => new URL(page.url()).searchParams.get('routes')).toBe(DEFAULT_ROUTE);
    });

    test('the routes editor adds, changes and removes a route over the text field, with 44 px controls', async ({ page }) => {
      const explorer = await open(page, 'chain=lb');
      const field = explorer.locator('input[name="routes"]');
      const editor = explorer.locator('.atp-routes');
      const add = editor.locator('button[data-focus="add"]');
      await add.click();
      await expect(field).toHaveValue(DEFAULT_ROUTE);
      await expect(explorer.locator('[data-hop="3"]')).toHaveAttribute('data-warning', 'asymmetric');
      const box = await add.boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(44);
      // Change the prefix: the field follows, and so does the computation.
      const prefix = editor.locator('fieldset').first().locator('input').first();
      await prefix.fill('198.51.100.0/24');
      await prefix.press('Tab');
      await expect(field).toHaveValue('backend:198.51.100.0/24=10.0.2.4');
      await expect(explorer.locator('[data-hop="3"]')).not.toHaveAttribute('data-warning', /./);
      // A wrong prefix: the field error names route 1, and that row is marked.
      await prefix.fill('10.0.0.0/33');
      await prefix.press('Tab');
      await expect(explorer.locator('[data-error-for="routes"]')).toBeVisible();
      await expect(prefix).toHaveAttribute('aria-invalid', 'true');
      // Remove it: no routes, no error.
      const remove = editor.locator('fieldset button').first();
      expect((await remove.boundingBox())!.width).toBeGreaterThanOrEqual(44);
      await remove.click();
      await expect(field).toHaveValue('');
      await expect(explorer.locator('[data-error-for="routes"]')).toBeHidden();
      await expect(editor.locator('fieldset')).toHaveCount(0);
    });
  });
}
