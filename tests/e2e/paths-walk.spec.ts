import { expect, test } from './fixtures.ts';
import { waitForRedraw } from './helpers.ts';

/**
 * Issue 32, the review's items on the paths page and the diagram frame (A, G, Q), where the browser
 * is the judge: what the zoom control says of a drawing too wide for its column, where the bands
 * begin, which route fields a chain shows, and a leg no packet takes, struck through in the table.
 * The walk itself (which legs are taken) is unit-tested in routes.node.test.ts; the drawings' lanes
 * and arrows in diagram-lanes.spec.ts.
 */
test.describe('/en/paths/ at 1280', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('tm,fd,fw,agw,lb: the zoom control never claims a fitted drawing that scrolls; the bands start at the client’s lane', async ({
    page,
  }) => {
    await page.goto('/en/paths/?chain=tm,fd,fw,agw,lb#path');
    const explorer = page.locator('[data-explorer="path"]');
    await waitForRedraw(explorer);
    const figure = explorer.locator('[data-diagram]');
    const zoom = figure.locator('[data-diagram-zoom]');
    // Wider than the column at its smallest readable size: the caption says to scroll, and the
    // button offers the natural size as an action, not as the size shown.
    await expect(figure).toHaveAttribute('data-overflow', '');
    await expect(zoom).toHaveText('Show at 100%');
    await zoom.click();
    // At its natural size it still scrolls, and fitting it again cannot make it fit.
    await expect(zoom).toHaveText('Smallest readable size');
    await zoom.click();
    await expect(zoom).toHaveText('Show at 100%');
    // Every band begins at or before the left edge of the client's box.
    const edges = await figure.locator('[data-svg="light"] svg').evaluate((svg) => ({
      client: Number(svg.querySelector('rect.actor-top')!.getAttribute('x')),
      bands: [...svg.querySelectorAll('rect.rect')].map((band) => Number(band.getAttribute('x'))),
    }));
    expect(edges.bands).toHaveLength(3);
    for (const x of edges.bands) expect(x).toBeLessThanOrEqual(edges.client);
  });

  test('agw,fwr without routes: the firewall’s own legs are struck through; the firewall’s private IP is a field only with a firewall', async ({
    page,
  }) => {
    await page.goto('/en/paths/?chain=agw,fwr#path');
    const explorer = page.locator('[data-explorer="path"]');
    await waitForRedraw(explorer);
    for (const leg of ['3', '5']) {
      const row = explorer.locator(`[data-hop="${leg}"]`);
      await expect(row).toHaveAttribute('data-taken', 'no');
      await expect(row.locator('.atp-untaken')).toBeVisible();
      await expect(row.locator('[data-field="next-hop"]')).toHaveCount(0);
      expect(await row.locator('[data-field="src"] .atp-chip').evaluate((chip) => getComputedStyle(chip).textDecorationLine)).toBe(
        'line-through',
      );
    }
    await expect(explorer.locator('[data-field-for="fwpriv"]')).toBeVisible();
    // Front Door → Application Gateway has no firewall: no field for its address.
    await page.goto('/en/paths/?chain=fd,agw#path');
    await waitForRedraw(page.locator('[data-explorer="path"]'));
    await expect(page.locator('[data-field-for="fwpriv"]')).toBeHidden();
    await expect(page.locator('[data-field-for="routes"]')).toBeVisible();
  });
});
