/**
 * SPEC §7, the reading rules, measured as a reader sees the page: line boxes, overflow, rendered
 * font size and colour, not the DOM's values: in print, the matrix, with JavaScript off, after an edit.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { layoutProblems } from './layout-probe.ts';
import { waitForRedraw } from './helpers.ts';

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.evaluate(() => document.fonts.ready);
}

// Every built page at 1280 (light and dark) and at 390 is measured by site-pages.spec.ts, in the
// same page load as its other page-wide checks; here, the modes and states no built page shows.

test.describe('reading rules in print', () => {
  // A4 less the PDF's 14 mm side margins is about 688 CSS px.
  test.use({ viewport: { width: 688, height: 1000 } });
  for (const lang of ['ja', 'en']) {
    test(`/${lang}/print/`, async ({ page }) => {
      await page.emulateMedia({ media: 'print', colorScheme: 'light' });
      await open(page, `/${lang}/print/`);
      const problems = await page.evaluate(layoutProblems, { narrow: false, dark: false, print: true });
      expect(problems).toEqual([]);
    });
  }
});

test.describe('the comparison matrix reads at a glance', () => {
  test.use({ viewport: { width: 1280, height: 900 } });
  for (const lang of ['ja', 'en']) {
    test(`/${lang}/: no row taller than six lines`, async ({ page }) => {
      await open(page, `/${lang}/`);
      const tallest = await page.locator('[data-explorer="compare"] tr').evaluateAll((rows) =>
        Math.max(
          ...rows.flatMap((row) =>
            [...row.children].map((cell) => {
              const style = getComputedStyle(cell);
              const content = cell.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
              return content / parseFloat(style.lineHeight);
            }),
          ),
        ),
      );
      expect(tallest).toBeLessThanOrEqual(6.2);
    });
  }
});

test.describe('JavaScript off: nothing looks editable', () => {
  test.use({ javaScriptEnabled: false });
  for (const path of ['/ja/load-balancer/', '/en/traffic-manager/', '/en/faq/client-certificate/']) {
    test(path, async ({ page }) => {
      await page.goto(path);
      const live = await page
        .locator('[data-explorer] :is(input, select, button, textarea)')
        .evaluateAll((controls) =>
          controls.filter((c) => !c.matches(':disabled') && c.getClientRects().length > 0).map((c) => c.outerHTML.slice(0, 80)),
        );
      expect(live).toEqual([]);
    });
  }
});

test.describe('a diagram after an edit (issue 24)', () => {
  test.use({ viewport: { width: 1280, height: 900 } });
  for (const lang of ['ja', 'en']) {
    test(`/${lang}/traffic-manager/: the browser's drawing fits like the build's, labels at 11 px or more`, async ({ page }) => {
      await open(page, `/${lang}/traffic-manager/`);
      const explorer = page.locator('[data-explorer="traffic-manager"]');
      await explorer.locator('input[name="cport"]').fill('50123');
      await waitForRedraw(explorer);
      const svg = explorer.locator('[data-diagram] [data-svg="light"] svg');
      await expect(svg).toContainText('50123');
      expect(await svg.evaluate((el) => (el as SVGSVGElement).style.getPropertyValue('--atp-natural'))).toMatch(/^\d+px$/);
      expect(await page.evaluate(layoutProblems, { narrow: false, dark: false })).toEqual([]);
    });
  }
});

test.describe('on a phone a wide drawing keeps 11 px labels and scrolls, saying so; 100% gives its natural size (issues 24, 32)', () => {
  test.use({ viewport: { width: 390, height: 800 } });
  test('/en/application-gateway/', async ({ page }) => {
    await open(page, '/en/application-gateway/');
    const figure = page.locator('[data-explorer="application-gateway"] > [data-diagram]');
    const svg = figure.locator('[data-svg="light"] svg');
    const natural = Number(await svg.getAttribute('width'));
    const frame = figure.locator('[data-svg="light"]');
    // Fitted: as small as the 11 px rule allows (14 px labels at 11/14), and no smaller.
    expect(Math.round((await svg.boundingBox())!.width)).toBe(Math.round((natural * 11) / 14));
    await expect(figure).toHaveAttribute('data-overflow', '');
    await expect(figure.locator('[data-diagram-scroll]')).toBeVisible();
    const zoom = figure.locator('[data-diagram-zoom]');
    await zoom.click();
    await expect(zoom).toHaveAttribute('aria-pressed', 'true');
    expect(Math.round((await svg.boundingBox())!.width)).toBe(natural);
    // The frame scrolls to show the rest, from the keyboard too.
    expect(await frame.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await zoom.click();
    await expect(zoom).toHaveAttribute('aria-pressed', 'false');
  });
});
