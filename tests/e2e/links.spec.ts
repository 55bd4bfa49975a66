import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { checkLinks, idsOf } from '../../src/build/check-links.ts';
import { builtLinks } from './site-pages.ts';

/**
 * Published URLs and anchors are a promise to knowledge-base articles. tests/published-links.json
 * pins every one that has shipped: each must still resolve (as a page with that id, or through a
 * redirect). New targets are fine; add them to the pin list when they ship.
 */
const PINNED = JSON.parse(readFileSync('tests/published-links.json', 'utf8')) as string[];

function resolves(url: string): boolean {
  const [path, anchor] = url.split('#') as [string, string | undefined];
  const file = `dist${path}index.html`;
  if (!existsSync(file)) return false;
  const html = readFileSync(file, 'utf8');
  // A redirect page (slug renamed) keeps the old URL working; its anchor then lives on the target.
  const redirect = /<meta http-equiv="refresh" content="\d+;url=([^"]+)"/.exec(html);
  if (redirect) return resolves(`${redirect[1]}${anchor ? `#${anchor}` : ''}`);
  return !anchor || idsOf(html).has(anchor);
}

test('no internal link or anchor in dist/ is broken', () => {
  const { checked, broken } = checkLinks('dist');
  expect(checked).toBeGreaterThan(100);
  expect(broken).toEqual([]);
});

test('every published URL and anchor still resolves', () => {
  expect(PINNED.length).toBeGreaterThan(20);
  expect(PINNED.filter((url) => !resolves(url))).toEqual([]);
});

test('links.json lists every page in both languages with a title', () => {
  const links = builtLinks();
  const pages = links.filter((link) => link.kind === 'page');
  const slugs = (lang: string) => pages.filter((p) => p.lang === lang).map((p) => p.url.slice(3));
  expect(slugs('ja')).toEqual(slugs('en'));
  for (const link of links) expect(link.title, link.url).not.toBe('');
  // The same anchors exist in both languages, so a link can switch language by its prefix.
  const anchors = (lang: string) => links.filter((l) => l.lang === lang && l.kind !== 'page').map((l) => l.url.slice(3)).sort();
  expect(anchors('ja')).toEqual(anchors('en'));
});

test('/ leads to /ja/', () => {
  const html = readFileSync('dist/index.html', 'utf8');
  expect(html).toMatch(/http-equiv="refresh" content="0;url=\/ja\/"/);
});

test('every page has a title, a description and Open Graph tags', () => {
  for (const link of builtLinks().filter((l) => l.kind === 'page')) {
    const html = readFileSync(`dist${link.url}index.html`, 'utf8');
    expect(html, link.url).toMatch(/<title>[^<]{5,}<\/title>/);
    expect(html, link.url).toMatch(/<meta name="description" content="[^"]{20,}"/);
    expect(html, link.url).toMatch(/<meta property="og:title" content="[^"]+"/);
    expect(html, link.url).toMatch(/<meta property="og:image" content="[^"]+"/);
  }
});

test('sitemap lists every page', () => {
  const sitemap = readFileSync('dist/sitemap-0.xml', 'utf8');
  for (const link of builtLinks().filter((l) => l.kind === 'page')) expect(sitemap, link.url).toContain(`${link.url}</loc>`);
});

test('llms.txt lists every page of both languages with its stable URL and a summary', async ({ request }) => {
  const response = await request.get('/llms.txt');
  expect(response.ok()).toBe(true);
  const text = await response.text();
  expect(text.startsWith('# Azure Traffic Paths\n')).toBe(true);
  const listed = [...text.matchAll(/^- \[(.+?)\]\((\S+?)\): (.+)$/gm)].map((m) => ({ title: m[1]!, path: new URL(m[2]!).pathname, summary: m[3]! }));
  const pages = builtLinks().filter((link) => link.kind === 'page');
  for (const page of pages) {
    const entry = listed.find((item) => item.path === page.url);
    expect(entry, page.url).toBeDefined();
    if (page.url.includes('/print/')) continue;
    expect(entry!.title, page.url).toBe(page.title);
    expect(entry!.summary.length, page.url).toBeGreaterThan(20);
  }
  // Japanese first.
  expect(text.indexOf('/ja/')).toBeLessThan(text.indexOf('/en/'));
});

test('Japanese prose carries no space from a line break in its source (issue 24)', () => {
  const pages = builtLinks().filter((link) => link.kind === 'page' && link.lang === 'ja');
  for (const page of pages) {
    const html = readFileSync(`dist${page.url}index.html`, 'utf8');
    expect(html.match(/[。、）」][ \t]*\n[ \t]*(?=[^\s<])/g) ?? [], page.url).toEqual([]);
  }
});

test('every page but the print page has a Markdown version, listed in llms.txt, that reads as the page does', async ({ request }) => {
  const llms = await (await request.get('/llms.txt')).text();
  const pages = builtLinks().filter((link) => link.kind === 'page' && !link.url.endsWith('/print/'));
  for (const page of pages) {
    const response = await request.get(`${page.url}index.md`);
    expect(response.status(), page.url).toBe(200);
    const text = await response.text();
    expect(text.split('\n')[0], page.url).toBe(`# ${page.title}`);
    expect(llms, page.url).toContain(`Markdown: https://azure-traffic-paths.example${page.url}index.md`);
    // Nothing of the page's machinery: no markup, no form, no script.
    expect(text, page.url).not.toMatch(/<(svg|script|form|button|input|style)\b/);
    expect(text, page.url).not.toContain('Section titled');
    // Every section heading of the page is there, in order.
    const sections = builtLinks().filter((link) => link.url.startsWith(`${page.url}#`) && link.kind !== 'explorer');
    let at = 0;
    for (const section of sections) {
      const found = text.indexOf(` ${section.title}\n`, at);
      expect(found, `${page.url}: ${section.title}`).toBeGreaterThan(-1);
      at = found;
    }
  }
  // The explorers' tables, with the default scenario's values, in both languages.
  for (const lang of ['ja', 'en']) {
    const text = await (await request.get(`/${lang}/load-balancer/index.md`)).text();
    expect(text).toContain('| 1 | `203.0.113.10:50000` | `198.51.100.10:443` |');
    expect(text).toContain('| 4 | `198.51.100.10:443` | `203.0.113.10:50000` |');
    expect(text).not.toContain(lang === 'ja' ? '既定値に戻す' : 'Reset to defaults');
  }
});

test('no page repeats an id (a heading and a form field once shared outbound-ports)', () => {
  for (const page of builtLinks().filter((link) => link.kind === 'page')) {
    const html = readFileSync(`dist${page.url}index.html`, 'utf8');
    const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]!);
    const repeated = [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
    expect(repeated, page.url).toEqual([]);
  }
});

test('the overview links every page of the guide in its language', () => {
  for (const lang of ['ja', 'en']) {
    // The lists under "What the guide covers" and its frequent questions, not the sidebar (which
    // links every page anyway).
    const page = readFileSync(`dist/${lang}/index.html`, 'utf8');
    const start = page.indexOf('id="contents"');
    const html = page.slice(start, page.indexOf('</ul>', page.indexOf('id="faq"', start)));
    const pages = builtLinks().filter((link) => link.kind === 'page' && link.lang === lang && ![`/${lang}/`, `/${lang}/print/`].includes(link.url));
    expect(pages.length).toBeGreaterThan(10);
    for (const listed of pages) expect(html, listed.url).toContain(`href="${listed.url}"`);
  }
});
