/**
 * SPEC §7.8: search finds the pages readers want, in the page's language, with readable excerpts.
 * Queries go through Pagefind's own browser API, the one Starlight's search box uses.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

interface Hit {
  url: string;
  content: string;
}

async function search(page: Page, query: string): Promise<Hit[]> {
  return page.evaluate(async (term) => {
    const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
    await pagefind.init();
    const found = await pagefind.search(term);
    return Promise.all(
      found.results.slice(0, 10).map(async (result: { data(): Promise<{ url: string; content: string }> }) => {
        const data = await result.data();
        return { url: data.url, content: data.content };
      }),
    );
  }, query);
}

test.describe('search', () => {
  for (const query of ['送信元', 'クライアント証明書', 'X-Forwarded-For', '168.63.129.16']) {
    test(`${query}: the print page is not a result`, async ({ page }) => {
      await page.goto('/ja/');
      const hits = await search(page, query);
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.map((hit) => hit.url).filter((url) => url.includes('/print/'))).toEqual([]);
    });
  }

  test('ヘルスプローブ finds the health-probes page as well as 正常性プローブ does', async ({ page }) => {
    await page.goto('/ja/');
    for (const query of ['ヘルスプローブ', '正常性プローブ']) {
      expect((await search(page, query)).map((hit) => hit.url)).toContain('/ja/health-probes/');
    }
  });

  // Issue 24: excerpts read as sentences. An explorer's tables, form and diagram are left out of
  // the index (their cells read as a run of values there); the prose around them finds the page.
  test("an explorer's tables stay out of the index; the page is found by its prose", async ({ page }) => {
    await page.goto('/en/health-probes/');
    const headers = await page.locator('[data-explorer="health-probes"] table').first().locator('thead th').allTextContents();
    const hit = (await search(page, 'AzureTrafficManager')).find((h) => h.url === '/en/health-probes/');
    expect(hit).toBeDefined();
    expect(hit!.content).not.toContain(headers.join(' '));
    expect(hit!.content).not.toContain('198.51.100.30:443. 30');
  });

  test('the search box on a Japanese page speaks Japanese', async ({ page }) => {
    await page.goto('/ja/');
    await page.getByRole('button', { name: '検索' }).first().click();
    await page.locator('#starlight__search input').fill('送信元');
    const message = page.locator('#starlight__search .pagefind-ui__message');
    await expect(message).toContainText('件');
    await expect(message).not.toContainText('results');
  });
});
