/**
 * SPEC §12: the site built for a sub-path (`npm run build:base`: BASE_PATH=/azure-traffic-paths/,
 * SITE_URL=https://docs.contoso.example, into dist-base/) and served under that path only, as on a
 * host where the guide is one folder of a larger site. Every link stays under the path, explorers
 * edit and redraw, search finds pages there, and links.json and llms.txt carry the path.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { test as unwatched, type Page } from '@playwright/test';
import { originOf, serve } from '../../scripts/serve.ts';
import { checkLinks } from '../../src/build/check-links.ts';
import type { Link } from '../../src/build/links.ts';
import { expect, test } from './fixtures.ts';
import { hopValues, waitForRedraw } from './helpers.ts';

const DIST = 'dist-base';
const BASE = '/azure-traffic-paths/';
const SITE = 'https://docs.contoso.example';

let server: Server;
let origin = '';

test.beforeAll(async () => {
  if (!existsSync(`${DIST}/links.json`)) throw new Error(`${DIST}/ is missing: run npm run build:base first`);
  server = await serve(DIST, 0, '127.0.0.1', { base: BASE });
  origin = originOf(server);
});

test.afterAll(() => {
  server?.close();
});

const at = (path: string) => `${origin}${BASE}${path.replace(/^\//, '')}`;

test('every internal link and anchor of the build resolves under the base path', () => {
  const { checked, broken } = checkLinks(DIST, BASE);
  expect(checked).toBeGreaterThan(1000);
  expect(broken).toEqual([]);
});

test('the same check catches a link written from the host root', () => {
  // Reading the base build as if it lived at the root: its every page link points elsewhere.
  const { broken } = checkLinks(DIST, '/');
  expect(broken.length).toBeGreaterThan(100);
});

test('links.json and llms.txt carry the base path and the site address', () => {
  const links = JSON.parse(readFileSync(`${DIST}/links.json`, 'utf8')) as Link[];
  expect(links.length).toBeGreaterThan(100);
  expect(links.filter((link) => !link.url.startsWith(`${BASE}ja/`) && !link.url.startsWith(`${BASE}en/`))).toEqual([]);
  const llms = readFileSync(`${DIST}/llms.txt`, 'utf8');
  const urls = [...llms.matchAll(/\]\((https?:[^)]+)\)/g)].map((match) => match[1]!);
  expect(urls.length).toBeGreaterThan(30);
  expect(urls.filter((url) => !url.startsWith(`${SITE}${BASE}`))).toEqual([]);
  for (const lang of ['ja', 'en']) expect(urls).toContain(`${SITE}${BASE}${lang}/outbound/`);
});

// The redirect page has no icon link, so the browser asks the host's root for /favicon.ico,
// outside the site: that one 404 is the host's, so this test watches the site's requests itself.
unwatched('the base path itself goes to the Japanese guide', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400 && new URL(response.url()).pathname !== '/favicon.ico')
      failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(at('/'));
  await expect(page).toHaveURL(at('/ja/'));
  await expect(page.locator('h1')).toHaveText('Azure Traffic Paths');
  expect(failed).toEqual([]);
});

/** The page's stylesheets and scripts all loaded (none fell outside the base). */
async function expectAssetsLoaded(page: Page): Promise<void> {
  const failed: string[] = [];
  page.on('requestfailed', (request) => failed.push(request.url()));
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.waitForLoadState('networkidle');
  expect(failed).toEqual([]);
}

for (const lang of ['ja', 'en'] as const) {
  test(`${lang}: an explorer edit redraws the table and the diagram, and the permalink stays under the base`, async ({ page }) => {
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(at(`/${lang}/load-balancer/`));
    const explorer = page.locator('[data-explorer="load-balancer"]');
    // The page's components take its language from the path after the base, not the base's name.
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(explorer.locator('button[data-reset]')).toHaveText(lang === 'ja' ? '既定値に戻す' : 'Reset to defaults');
    await expect(explorer.locator('caption').first()).toHaveText(
      lang === 'ja' ? 'パケットごとの送信元と宛先' : 'Source and destination of each packet',
    );
    await explorer.locator('input[name="client"]').fill('192.0.2.99');
    await explorer.locator('input[name="pick"]').fill('2');
    // The diagram is redrawn by the renderer bundle, loaded from under the base on the first edit.
    await waitForRedraw(explorer);
    await expect
      .poll(() => hopValues(explorer))
      .toEqual([
        ['192.0.2.99:50000', '198.51.100.10:443'],
        ['192.0.2.99:50000', '10.0.1.5:443'],
        ['10.0.1.5:443', '192.0.2.99:50000'],
        ['198.51.100.10:443', '192.0.2.99:50000'],
      ]);
    await expect.poll(() => explorer.locator('[data-diagram] [data-svg="light"] svg').textContent()).toContain('10.0.1.5:443');
    await expect.poll(() => new URL(page.url()).searchParams.get('client')).toBe('192.0.2.99');
    const url = new URL(page.url());
    expect(url.pathname).toBe(`${BASE}${lang}/load-balancer/`);
    expect(url.searchParams.get('client')).toBe('192.0.2.99');
    expect(failed).toEqual([]);
  });

  test(`${lang}: search finds pages under the base`, async ({ page }) => {
    await page.goto(at(`/${lang}/`));
    await page.locator('button[data-open-modal]').first().click();
    await page.locator('#starlight__search input').fill('X-Forwarded-For');
    const result = page.locator('#starlight__search .pagefind-ui__result-link').first();
    await expect(result).toBeVisible({ timeout: 15_000 });
    const hrefs = await page
      .locator('#starlight__search .pagefind-ui__result-link')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.filter((href) => !href.startsWith(`${BASE}${lang}/`))).toEqual([]);
    await result.click();
    await expect(page).toHaveURL(new RegExp(`^${origin}${BASE}${lang}/`));
    await expect(page.locator('h1')).toBeVisible();
  });

  test(`${lang}: a sidebar link, the language switch and the print page stay under the base`, async ({ page }) => {
    await page.goto(at(`/${lang}/`));
    await expectAssetsLoaded(page);
    await page.locator(`nav.sidebar a[href="${BASE}${lang}/front-door/"]`).first().click();
    await expect(page).toHaveURL(at(`/${lang}/front-door/`));
    const other = lang === 'ja' ? 'en' : 'ja';
    await page
      .locator('starlight-lang-select select')
      .first()
      .selectOption({ value: `${BASE}${other}/front-door/` });
    await expect(page).toHaveURL(at(`/${other}/front-door/`));
    await page.goto(at(`/${lang}/print/`));
    await expectAssetsLoaded(page);
    // On the print page, the guide's links point into the page itself.
    const outside = await page
      .locator('.sl-markdown-content a[href^="/"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(outside.filter((href) => !href!.startsWith(BASE))).toEqual([]);
  });
}

// The browser logs the 404 of the page itself as a console error: this test alone runs without the watch.
unwatched('a missing page gets the 404 page, styled', async ({ page }) => {
  const response = await page.goto(at('/ja/no-such-page/'));
  expect(response?.status()).toBe(404);
  await expectAssetsLoaded(page);
  const font = await page.locator('body').evaluate((body) => getComputedStyle(body).fontFamily);
  expect(font).not.toBe('');
});
