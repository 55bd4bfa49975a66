import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { hopValues } from './helpers.ts';

const PAGES = ['application-gateway', 'faq/client-certificate', 'faq/client-ip'];

/** The ids of the content headings (h2–h4), in page order. */
async function headingIds(page: Page): Promise<string[]> {
  return page.locator('.sl-markdown-content :is(h2, h3, h4)[id]:not(.atp-explorer-heading)').evaluateAll((nodes) => nodes.map((node) => node.id));
}

for (const slug of PAGES) {
  test(`${slug}: both languages have the same stable heading ids, all in the table of contents`, async ({ page }) => {
    const ids: Record<string, string[]> = {};
    for (const lang of ['ja', 'en']) {
      await page.goto(`/${lang}/${slug}/`);
      ids[lang] = await headingIds(page);
      const toc = await page.locator('starlight-toc a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      for (const id of ids[lang]!) expect(toc, `TOC of /${lang}/${slug}/ links #${id}`).toContain(`#${id}`);
    }
    expect(ids.ja!.length).toBeGreaterThan(3);
    expect(ids.ja).toEqual(ids.en);
  });
}

test('links between the new pages and their anchors resolve', async ({ page, request }) => {
  for (const lang of ['ja', 'en']) {
    for (const slug of PAGES) {
      await page.goto(`/${lang}/${slug}/`);
      const hrefs = await page
        .locator('.sl-markdown-content a[href^="/"]')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      for (const href of hrefs.filter((h) => PAGES.some((p) => h.startsWith(`/${lang}/${p}/`)))) {
        const [path, anchor] = href.split('#');
        expect((await request.get(path!)).status(), href).toBe(200);
        if (anchor) {
          const html = await (await request.get(path!)).text();
          expect(html, href).toContain(`id="${anchor}"`);
        }
      }
    }
  }
});

test('faq/client-ip: the LB backend sees the client, the AppGW backend an instance', async ({ page }) => {
  await page.goto('/en/faq/client-ip/');
  expect((await hopValues(page.locator('#client-ip-lb')))[1]).toEqual(['203.0.113.10:50000', '10.0.1.4:443']);
  const agw = page.locator('#client-ip-agw');
  expect((await hopValues(agw))[1]).toEqual(['10.0.0.4:40000', '10.0.1.4:443']);
  await expect(agw.locator('[data-field="xff"]')).toHaveAttribute('data-value', '203.0.113.10:50000');
  // The Load Balancer here is a fixed illustration: no form to edit.
  await expect(page.locator('#client-ip-lb form')).toHaveCount(0);
});
