/**
 * Issue 30, fourth pass, on the built pages: the hairpin, the IP flow verify command, a link whose
 * scenario cannot be used, and the copied Markdown. The engine's values are pinned in
 * tests/unit/truth-fourth.node.test.ts; these check what a reader sees, in both languages.
 */
import { expect, test } from './fixtures.ts';
import { waitForRedraw } from './helpers.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const HAIRPIN = { ja: '自分自身に振り分けられ', en: 'mapped back to' } as const;
const LINK_INVALID = { ja: 'このリンクのシナリオは使用できませんでした', en: 'The scenario in this link could not be used' } as const;

for (const lang of ['ja', 'en'] as const) {
  test(`${lang}: a backend calling its own internal frontend is flagged, with one and with several backends`, async ({ page }) => {
    const explorer = page.locator('[data-explorer="load-balancer"]');
    // One backend: every flow lands on the caller; hop 2 is the failing leg.
    await page.goto(`/${lang}/load-balancer/?client=10.0.1.4&lbip=10.0.1.100&backends=10.0.1.4`);
    await waitForRedraw(explorer);
    await expect(explorer.locator('[data-hop="2"]')).toHaveAttribute('data-warning', 'hairpin');
    await expect(explorer.locator('p[data-warning="hairpin"]')).toContainText(HAIRPIN[lang]);
    // Four backends, the flow mapped to the third: it works, and the odds are 1 in 4.
    await explorer.locator('input[name="backends"]').fill('10.0.1.4,10.0.1.5,10.0.1.6,10.0.1.7');
    await explorer.locator('input[name="pick"]').fill('3');
    await waitForRedraw(explorer, 2);
    await expect(explorer.locator('[data-hop][data-warning]')).toHaveCount(0);
    await expect(explorer.locator('p[data-warning="hairpin"]')).toContainText(lang === 'en' ? '1 in 4' : '4 回に 1 回');
    // A client outside the pool: no warning at all.
    await explorer.locator('input[name="client"]').fill('203.0.113.10');
    await waitForRedraw(explorer, 3);
    await expect(explorer.locator('[data-warning]')).toHaveCount(0);
  });

  test(`${lang}: the IP flow verify command names the VM with Floating IP, and is not printed for IPv6`, async ({ page }) => {
    const explorer = page.locator('[data-explorer="path"]');
    await page.goto(`/${lang}/paths/?chain=agw,lb&floating=1`);
    await waitForRedraw(explorer);
    await expect(explorer.locator('[data-field="verify"]')).toHaveAttribute(
      'data-value',
      /--local 10\.0\.1\.4:443 --remote 10\.0\.0\.4:\d+$/,
    );
    await page.goto(`/${lang}/paths/?chain=lb&client=2001:db8::10&lbip=2001:db8::100&backends=2001:db8:1::4`);
    await waitForRedraw(explorer);
    await expect(explorer.locator('[data-field="verify"]')).toHaveAttribute('data-value', 'ipv4-only');
    await expect(explorer.locator('pre.atp-command')).toHaveCount(0);
    await expect(explorer.locator('[data-field="verify"]')).toContainText('IPv4');
  });

  test(`${lang}: a link whose scenario cannot be used says so on first load, naming the field`, async ({ page }) => {
    const explorer = page.locator('[data-explorer="load-balancer"]');
    await page.goto(`/${lang}/load-balancer/?client=300.1.2.3`);
    await expect(explorer.locator('[data-error-for="client"]')).toBeVisible();
    const status = explorer.locator('[data-status]');
    await expect(status).toContainText(LINK_INVALID[lang]);
    await expect(status).toContainText(lang === 'en' ? 'Client IP' : 'クライアント');
    // The tables are the page's defaults.
    await expect(explorer.locator('[data-hop="1"] [data-field="src"]')).toHaveAttribute('data-value', '203.0.113.10:50000');
    // The copied Markdown says so too, and its permalink carries none of the link's values.
    await explorer.locator('button[data-copy="markdown"]').click();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text.split('\n')[2]).toMatch(/\/load-balancer\/#load-balancer>$/);
    expect(text).not.toContain('300.1.2.3');
  });

  test(`${lang}: copy as Markdown rebuilds the permalink from the explorer's valid values only`, async ({ page }) => {
    const explorer = page.locator('[data-explorer="load-balancer"]');
    await page.goto(`/${lang}/load-balancer/?x=![a](https://evil.example/p.png)&client=192.0.2.44`);
    await waitForRedraw(explorer);
    await explorer.locator('button[data-copy="markdown"]').click();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    const link = text.split('\n')[2]!;
    expect(link).toMatch(/^<https?:\/\/[^<>\s]+>$/);
    const url = new URL(link.slice(1, -1));
    expect([...url.searchParams.keys()]).toEqual(['client']);
    expect(url.searchParams.get('client')).toBe('192.0.2.44');
    expect(text).not.toContain('evil.example');
    // While a field is invalid the copy says the tables are the last valid scenario's, and links to it.
    await explorer.locator('input[name="client"]').fill('not an address');
    await expect(explorer).toHaveAttribute('data-stale', '');
    await explorer.locator('button[data-copy="markdown"]').click();
    const stale = await page.evaluate(() => navigator.clipboard.readText());
    expect(stale.split('\n')[4]).toMatch(/^> /);
    expect(new URL(stale.split('\n')[2]!.slice(1, -1)).searchParams.get('client')).toBe('192.0.2.44');
    expect(stale).not.toContain('not an address');
  });
}
