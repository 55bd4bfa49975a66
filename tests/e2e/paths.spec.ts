import { expect, test } from './fixtures.ts';
import { hopValues, waitForRedraw } from './helpers.ts';
import { PATH_GOLDENS as PRESETS } from './path-goldens.ts';

for (const lang of ['ja', 'en'] as const) {
  test.describe(`/${lang}/paths/`, () => {
    // Each preset's legs, backend source and X-Forwarded-For, and its drawing's arrows, are checked
    // on its permalink in diagram-lanes.spec.ts; here, that the page's preset links are those
    // permalinks, and that following one shows its chain.
    test('the preset links are the presets’ permalinks; one followed shows its chain', async ({ page }) => {
      await page.goto(`/${lang}/paths/`);
      const hrefs = await page
        .locator(`a[href^="/${lang}/paths/?chain="]`)
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      for (const chain of Object.keys(PRESETS)) expect(hrefs, chain).toContain(`/${lang}/paths/?chain=${chain}#path`);
      await page.locator(`a[href="/${lang}/paths/?chain=fw,agw#path"]`).first().click();
      const explorer = page.locator('[data-explorer="path"]');
      await waitForRedraw(explorer);
      await expect(explorer.locator('input[name="chain"]')).toHaveValue('fw,agw');
      expect(await hopValues(explorer)).toEqual(PRESETS['fw,agw']!.legs);
    });

    test.describe('JavaScript off', () => {
      test.use({ javaScriptEnabled: false });
      test('the default chain (Front Door → Application Gateway) is computed in the HTML', async ({ page }) => {
        await page.goto(`/${lang}/paths/`);
        const explorer = page.locator('[data-explorer="path"]');
        expect(await hopValues(explorer)).toEqual(PRESETS['fd,agw']!.legs);
        await expect(explorer.locator('[data-field="xff"]')).toHaveAttribute('data-value', PRESETS['fd,agw']!.xff);
        await expect(explorer.locator('[data-stage]').first()).toHaveAttribute('data-stage', 'client');
      });
    });

    test('the chain editor works from the keyboard and writes the URL', async ({ page }) => {
      await page.goto(`/${lang}/paths/`);
      const explorer = page.locator('[data-explorer="path"]');
      const editor = explorer.locator('.atp-chain');
      // Remove Front Door: the chain becomes the gateway alone.
      await editor.locator('li').first().locator('button').last().focus();
      await page.keyboard.press('Enter');
      await waitForRedraw(explorer);
      await expect(explorer.locator('input[name="chain"]')).toHaveValue('agw');
      await expect.poll(() => new URL(page.url()).searchParams.get('chain')).toBe('agw');
      // Add the Load Balancer after it.
      await editor.locator('select').selectOption('lb');
      await editor.locator('button[data-focus="add"]').press('Enter');
      await waitForRedraw(explorer, 2);
      await expect(explorer.locator('input[name="chain"]')).toHaveValue('agw,lb');
      expect(await hopValues(explorer)).toEqual(PRESETS['agw,lb']!.legs);
      // The address reads as the pages write a chain, with plain commas.
      await expect.poll(() => new URL(page.url()).search).toBe('?chain=agw,lb');
    });

    test('the form shows the fields the chain reads; a field with an error is shown whatever the chain', async ({ page }) => {
      await page.goto(`/${lang}/paths/`);
      const explorer = page.locator('[data-explorer="path"]');
      const field = (name: string) => explorer.locator(`[data-field-for="${name}"]`);
      // Front Door → Application Gateway (public frontend): no firewall, Load Balancer or DNS fields.
      for (const name of ['fdip', 'edge', 'agwip', 'subnet', 'backends']) await expect(field(name), name).toBeVisible();
      for (const name of ['fwip', 'fwsnat', 'agwpriv', 'lbip', 'lbpriv', 'floating', 'profile'])
        await expect(field(name), name).toBeHidden();
      // Firewall → Application Gateway: the gateway is reached at its private frontend.
      await explorer.locator('input[name="chain"]').fill('fw,agw');
      await waitForRedraw(explorer);
      for (const name of ['fwip', 'fwsnat', 'fwport', 'agwpriv']) await expect(field(name), name).toBeVisible();
      for (const name of ['fdip', 'edge', 'agwip']) await expect(field(name), name).toBeHidden();
      // A bad value in a field the chain does not read still shows its field and its message.
      await page.goto(`/${lang}/paths/?lbip=x`);
      await expect(field('lbip')).toBeVisible();
      await expect(explorer.locator('[data-error-for="lbip"]')).toBeVisible();
    });

    test('the chain editor adds a stage at its place in the order, so the chain stays valid', async ({ page }) => {
      await page.goto(`/${lang}/paths/?chain=agw,lb`);
      const explorer = page.locator('[data-explorer="path"]');
      const editor = explorer.locator('.atp-chain');
      await editor.locator('select').selectOption('fw');
      await editor.locator('button[data-focus="add"]').press('Enter');
      await expect(explorer.locator('input[name="chain"]')).toHaveValue('fw,agw,lb');
      await expect(explorer.locator('[data-error-for="chain"]')).toBeHidden();
      await expect(editor.locator('li')).toHaveCount(3);
    });

    test('the chain editor follows the URL’s chain and a reset', async ({ page }) => {
      await page.goto(`/${lang}/paths/?chain=fw,agw,lb`);
      const explorer = page.locator('[data-explorer="path"]');
      const stages = explorer.locator('.atp-chain li');
      await expect(stages).toHaveCount(3);
      await expect(explorer.locator('[data-field-for="lbpriv"]')).toBeVisible();
      await explorer.locator('[data-reset]').click();
      await expect(explorer.locator('input[name="chain"]')).toHaveValue('fd,agw');
      await expect(stages).toHaveCount(2);
      await expect(explorer.locator('[data-field-for="lbpriv"]')).toBeHidden();
    });

    test('a hostile or invalid chain is a field error and the last valid path stays', async ({ page }) => {
      await page.goto(`/${lang}/paths/?chain=agw,fd`);
      const explorer = page.locator('[data-explorer="path"]');
      await expect(explorer.locator('[data-error-for="chain"]')).toBeVisible();
      expect(await hopValues(explorer)).toEqual(PRESETS['fd,agw']!.legs);
      await explorer.locator('input[name="chain"]').fill('fd,<img src=x onerror=alert(1)>');
      await expect(explorer.locator('[data-error-for="chain"]')).toBeVisible();
      await expect(explorer.locator('img')).toHaveCount(0);
    });

    test('the chain editor reads keys as the parser does, and a pasted list of thousands does not freeze it', async ({ page }) => {
      await page.goto(`/${lang}/paths/?chain=constructor`);
      const explorer = page.locator('[data-explorer="path"]');
      const editor = explorer.locator('.atp-chain');
      await expect(explorer.locator('[data-error-for="chain"]')).toBeVisible();
      await expect(editor).not.toContainText('native code');
      await page.goto(`/${lang}/paths/?chain=FD,AGW`);
      await expect(editor.locator('li')).toHaveCount(2);
      // Front Door is in the chain already: the editor does not offer it again.
      await expect(editor.locator('select option[value="fd"]')).toHaveCount(0);
      const long = Array.from({ length: 4000 }, () => 'a').join(',');
      // A frozen page would not show the error within the expectation's limit; how long a load
      // takes is the machine's business, not this test's.
      await page.goto(`/${lang}/paths/?chain=${long}`);
      await expect(explorer.locator('[data-error-for="chain"]')).toBeVisible();
      // At most one item per stage the registry has (the editor's own list of names).
      const stages = await page
        .locator('template[data-chain-editor]')
        .evaluate((el) => Object.keys(JSON.parse((el as HTMLElement).dataset.names ?? '{}')).length);
      expect(await editor.locator('li').count()).toBeLessThanOrEqual(stages);
    });
  });
}

// SPEC §11 on the built pages (the golden legs are pinned in tests/unit/paths.node.test.ts).
for (const lang of ['ja', 'en'] as const) {
  test(`/${lang}/paths/: Private Link, a firewall by route, and IP flow verify`, async ({ page }) => {
    await page.goto(`/${lang}/paths/?chain=pls,lb&proxy=1`);
    const explorer = page.locator('[data-explorer="path"]');
    await waitForRedraw(explorer);
    await expect(explorer.locator('[data-field="backend-source"]')).toHaveAttribute('data-value', '10.0.3.4:43000');
    await expect(explorer.locator('[data-field="proxy-header"]')).toHaveAttribute('data-value', '203.0.113.10:50000 linkid=1234567');
    await expect(explorer.locator('[data-nsg-rule][data-place="backends"] [data-field="source"]')).toHaveAttribute(
      'data-value',
      '10.0.3.4',
    );
    await expect(explorer.locator('[data-field-for="plsnat"]')).toBeVisible();
    await expect(explorer.locator('[data-field-for="agwip"]')).toBeHidden();

    // With the gateway's route only, the request passes the firewall and the reply goes around it
    // (without any route both go around it, and leg 4 needs its route like leg 2: routes.spec.ts).
    await page.goto(`/${lang}/paths/?chain=agw,fwr&routes=agw:10.0.1.0/24%3D10.0.2.4`);
    await waitForRedraw(explorer);
    await expect(explorer.locator('[data-hop="4"]')).toHaveAttribute('data-warning', 'asymmetric');
    await expect(explorer.locator('p[data-warning="asymmetric"]')).toContainText('10.0.0.0/24');
    await expect(explorer.locator('[data-field="verify"]')).toHaveAttribute(
      'data-value',
      'az network watcher test-ip-flow --resource-group <RG> --vm <VM> --direction Inbound --protocol TCP --local 10.0.1.4:443 --remote 10.0.0.4:40000',
    );
    await explorer.locator('input[name="fwrule"][value="app"]').check();
    await waitForRedraw(explorer, 2);
    await expect(explorer.locator('[data-field="backend-source"]')).toHaveAttribute('data-value', '10.0.2.6:42000');
    // The firewall translates, so the reply returns to it; the gateway subnet's route to it is still needed (SPEC §14).
    await expect(explorer.locator('p[data-warning="asymmetric"]')).toHaveCount(0);
    await expect.poll(() => new URL(page.url()).searchParams.get('fwrule')).toBe('app');
  });
}

for (const lang of ['ja', 'en'] as const) {
  test(`/${lang}/paths/: a Private Link origin behind Front Door, and the fixes on the built page`, async ({ page }) => {
    const explorer = page.locator('[data-explorer="path"]');
    const backendRule = explorer.locator('[data-nsg-rule][data-place="backends"] [data-field="source"]');
    await page.goto(`/${lang}/paths/?chain=fd,pls,lb`);
    await waitForRedraw(explorer);
    await expect(explorer.locator('[data-field="backend-source"]')).toHaveAttribute('data-value', '10.0.3.4:43000');
    await expect(backendRule).toHaveAttribute('data-value', '10.0.3.4');
    // A public backend is reached from the gateway's frontend public IP.
    await page.goto(`/${lang}/paths/?chain=agw&backends=198.51.100.99`);
    await waitForRedraw(explorer);
    await expect(explorer.locator('[data-field="backend-source"]')).toHaveAttribute('data-value', '198.51.100.20:40000');
    // Behind the firewall the rule names AzureFirewallSubnet; with Traffic Manager first, its probes get a rule.
    await page.goto(`/${lang}/paths/?chain=fw,lb`);
    await waitForRedraw(explorer);
    await expect(backendRule).toHaveAttribute('data-value', '10.0.2.0/26');
    await page.goto(`/${lang}/paths/?chain=tm,agw`);
    await waitForRedraw(explorer);
    await expect(
      explorer.locator('[data-nsg-rule][data-place="agw-subnet"] [data-field="source"][data-value="AzureTrafficManager"]'),
    ).toHaveCount(1);
  });
}
