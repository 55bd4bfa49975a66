import { expect, test } from './fixtures.ts';
import { waitForRedraw } from './helpers.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a question heading copies its stable link', async ({ page }) => {
  await page.goto('/ja/faq/client-certificate/');
  const button = page.locator('button[data-copy-link="cause"]');
  await button.click();
  await expect(button).toHaveText('コピーしました');
  const url = new URL((await button.getAttribute('data-url')) ?? '');
  expect(url.pathname + url.hash).toBe('/ja/faq/client-certificate/#cause');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url.href);
});

test("an explorer's link carries its current scenario", async ({ page }) => {
  await page.goto('/en/load-balancer/');
  const explorer = page.locator('[data-explorer="load-balancer"]');
  await explorer.locator('input[name="client"]').fill('192.0.2.44');
  await waitForRedraw(explorer);
  const button = page.locator('button[data-copy-link="load-balancer"]');
  await button.click();
  await expect(button).toHaveText('Copied');
  const url = new URL((await button.getAttribute('data-url')) ?? '');
  expect(url.searchParams.get('client')).toBe('192.0.2.44');
  expect(url.hash).toBe('#load-balancer');

  // Following the copied link reproduces the scenario.
  await page.goto(url.href);
  await waitForRedraw(explorer);
  await expect(explorer.locator('[data-hop="1"] [data-field="src"]')).toHaveAttribute('data-value', '192.0.2.44:50000');
});

for (const lang of ['ja', 'en'] as const) {
  test(`${lang}: an explorer copies its current tables as Markdown, with the permalink`, async ({ page }) => {
    await page.goto(`/${lang}/outbound/?egress=natgw`);
    const explorer = page.locator('[data-explorer="outbound"]');
    await waitForRedraw(explorer);
    await explorer.locator('button[data-copy="markdown"]').click();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^### /);
    // The permalink is an autolink (issue 30): the address between angle brackets.
    expect(lines[2]).toMatch(/^<https?:\/\/[^<>\s]+>$/);
    expect(new URL(lines[2]!.slice(1, -1)).search).toBe('?egress=natgw');
    expect(new URL(lines[2]!.slice(1, -1)).hash).toBe('#outbound');
    // The hop table: a header, a separator, and the values as code, one row a hop.
    expect(text).toContain('| 2 | `198.51.100.80:1024` | `203.0.113.200:443` |');
    expect(text).toMatch(/^\| --- \| --- \| --- \| --- \|$/m);
    // Every table row has as many cells as its header.
    for (const block of text.split('\n\n').filter((b) => b.startsWith('|'))) {
      const widths = block
        .split('\n')
        .filter(Boolean)
        .map((row) => row.split(/(?<!\\)\|/).length);
      expect(new Set(widths).size, block).toBe(1);
    }
  });
}
