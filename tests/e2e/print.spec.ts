import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { guidePdfUrl } from '../../src/guide.ts';
import { guidePdf, openPdf, pageTexts, pagesText, pdfFonts } from './pdf.ts';
import { HALF_WIDTH_SPACE } from './page-checks.ts';
import { builtLinks } from './site-pages.ts';

/** Explorer kinds shown anywhere on the site's pages in one language. */
function explorerKindsOnPages(lang: string): string[] {
  const kinds = new Set<string>();
  for (const link of builtLinks().filter((l) => l.lang === lang && l.kind === 'page' && !l.url.includes('/print/'))) {
    const html = readFileSync(`dist${link.url}index.html`, 'utf8');
    for (const match of html.matchAll(/data-explorer="([^"]+)"/g)) kinds.add(match[1]!);
  }
  return [...kinds].sort();
}

// Default hop values that the printed guide must contain (SPEC §3, Load Balancer).
const DEFAULT_VALUES = ['203.0.113.10:50000', '198.51.100.10:443', '10.0.1.4:443'];

for (const lang of ['ja', 'en'] as const) {
  test.describe(`/${lang}/print/`, () => {
    // One load of the whole guide for what the page holds (its ids: site-pages.spec.ts).
    test('contains every explorer with its diagram and no form; links stay in the document; the sidebar and title lead to the pages', async ({
      page,
    }) => {
      await page.goto(`/${lang}/print/`);
      const kinds = await page
        .locator('[data-explorer]')
        .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-explorer')))].sort());
      expect(kinds).toEqual(explorerKindsOnPages(lang));
      // Every explorer with a diagram keeps it in print (the comparison matrix is a table only).
      const explorers = await page.locator('[data-explorer]:not([data-explorer="compare"])').evaluateAll((els) =>
        els.map((e) => ({
          id: e.id,
          drawings: e.querySelectorAll(':scope > [data-diagram] [data-svg="light"] svg').length,
          forms: e.querySelectorAll('form').length,
        })),
      );
      expect(explorers.length).toBeGreaterThan(0);
      for (const explorer of explorers) expect(explorer, explorer.id).toEqual({ id: explorer.id, drawings: 1, forms: 0 });
      const guideLinks = await page.locator('[data-print-body] a[href]').evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
      // Links that carry a scenario (`?chain=…`) stay links to the live explorer: paper cannot run one.
      expect(guideLinks.filter((href) => href.startsWith(`/${lang}/`) && !href.includes('?'))).toEqual([]);
      await expect(page.locator('a.site-title')).toHaveAttribute('href', `/${lang}/`);
      const sidebar = await page.locator('#starlight__sidebar a[href]').evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
      expect(sidebar).toContain(`/${lang}/load-balancer/`);
      expect(sidebar).toContain(`/${lang}/faq/client-ip/`);
      expect(sidebar.filter((href) => href.startsWith('#'))).toEqual([]);
    });

    test('printing from the dark theme prints the light drawing', async ({ page }) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(`/${lang}/load-balancer/`);
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
      await expect(page.locator('[data-diagram] [data-svg="light"] svg')).toBeVisible();
      await expect(page.locator('[data-diagram] [data-svg="dark"] svg')).toBeHidden();
    });

    test('print media hides inputs and navigation and keeps diagrams whole', async ({ page }) => {
      await page.goto(`/${lang}/load-balancer/`);
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('[data-explorer] form')).toBeHidden();
      await expect(page.locator('#starlight__sidebar')).toBeHidden();
      await expect(page.locator('[data-diagram] [data-svg="light"] svg')).toBeVisible();
      const breakInside = await page.locator('[data-diagram]').evaluate((el) => getComputedStyle(el).breakInside);
      expect(breakInside).toBe('avoid');
    });

    test('a drawing too wide for paper prints as one drawing per service, labels at 11 px or more (SPEC §7.4)', async ({ page }) => {
      // A4 less the PDF's margins (scripts/pdf.ts): the printed column.
      await page.setViewportSize({ width: 688, height: 1000 });
      await page.goto(`/${lang}/health-probes/`);
      await page.emulateMedia({ media: 'print' });
      const explorer = page.locator('[data-explorer="health-probes"]');
      await expect(explorer.locator(':scope > [data-diagram]')).toBeHidden();
      const parts = explorer.locator('[data-print-parts] [data-diagram] [data-svg="light"] svg');
      // Load Balancer, Application Gateway, Traffic Manager, Front Door and the Load Balancer of an AKS Service.
      await expect(parts).toHaveCount(5);
      const smallest = await parts.evaluateAll((svgs) =>
        svgs.map((svg) => {
          const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
          const sizes = [...svg.querySelectorAll('text')]
            .filter((t) => (t.textContent ?? '').trim())
            .map((t) => parseFloat(getComputedStyle(t).fontSize));
          return Math.min(...sizes) * scale;
        }),
      );
      for (const size of smallest) expect(size).toBeGreaterThanOrEqual(11);
      // Every probe of the whole drawing is in one of the pieces.
      // Label by label: the text of two labels side by side would run one address into the next.
      const labels = (svg: Locator) => svg.locator('text').allTextContents();
      const whole = (await labels(explorer.locator(':scope > [data-diagram] [data-svg="light"] svg'))).join('\n');
      const pieces = (
        await parts.evaluateAll((svgs) => svgs.flatMap((svg) => [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '')))
      ).join('\n');
      for (const tuple of whole.match(/\d+\.\d+\.\d+\.\d+:\d+/g) ?? []) expect(pieces).toContain(tuple);
      // On screen too the pieces show (issue 24: the whole is too wide for the column); the whole
      // drawing stays in the page for its full-size view and download, its frame hidden.
      await page.emulateMedia({ media: 'screen' });
      await expect(explorer.locator('[data-print-parts]')).toBeVisible();
      await expect(explorer.locator(':scope > [data-diagram] [data-svg]')).toHaveCount(2);
      await expect(explorer.locator(':scope > [data-diagram] [data-svg="light"]')).toBeHidden();
    });

    test(`dist/guide-${lang}.pdf prints every tuple whole (SPEC §7.1)`, async ({ page }) => {
      // What the print page shows: each hop tuple, how many times as a chip and in diagram text.
      await page.emulateMedia({ media: 'print' });
      await page.goto(`/${lang}/print/`);
      const shown = await page.evaluate(() => {
        // Every value chip of every explorer: tuples, addresses, CIDRs, names (lists split).
        const values = [...document.querySelectorAll('[data-explorer] [data-field]')].flatMap((cell) =>
          (cell.getAttribute('data-value') ?? '').split(', '),
        );
        const tuples = new Set(values.filter((value) => /^[\w.:\[\]/-]+$/.test(value) && /[.:]/.test(value)));
        const chips = [...document.querySelectorAll('main code')].map((code) => (code.textContent ?? '').trim());
        // Only drawings that print: a wide one is replaced by its pieces on paper.
        const printed = [...document.querySelectorAll('[data-svg="light"] svg text')].filter((text) =>
          text.closest('svg')!.checkVisibility(),
        );
        const lines = printed.flatMap((text) => {
          const spans = [...text.querySelectorAll('tspan')];
          return (spans.length > 0 ? spans : [text]).map((line) => line.textContent ?? '');
        });
        const count = (list: string[], tuple: string) => list.filter((item) => item.includes(tuple)).length;
        return [...tuples].map((tuple) => ({ tuple, times: count(chips, tuple) + count(lines, tuple) }));
      });
      expect(shown.length).toBeGreaterThan(20);
      // pdftotext keeps the printed line breaks: a tuple broken over two lines is not found whole.
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', `dist/guide-${lang}.pdf`, '-']).toString();
      const occurrences = (part: string) => text.split(part).length - 1;
      for (const { tuple, times } of shown) {
        // The one allowed break is an IPv6 tuple's, before the port: then each part is whole.
        const split = tuple.startsWith('[') ? tuple.lastIndexOf(']:') + 1 : 0;
        const parts = split > 0 ? [tuple.slice(0, split), tuple.slice(split)] : [tuple];
        for (const part of parts) expect(occurrences(part), `${part} (of ${tuple}) printed whole`).toBeGreaterThanOrEqual(times);
      }
    });

    test(`dist/guide-${lang}.pdf has the default hops and an outline`, async () => {
      const file = `dist/guide-${lang}.pdf`;
      expect(existsSync(file), `${file} (npm run build writes it)`).toBe(true);
      const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
      let text = '';
      for (let n = 1; n <= pdf.numPages; n++) {
        const content = await (await pdf.getPage(n)).getTextContent();
        text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
      }
      for (const value of DEFAULT_VALUES) expect(text).toContain(value);
      // The outline comes from the headings: every page of the guide is an entry.
      type Entry = { title: string; items: Entry[] };
      const flatten = (entries: Entry[]): string[] => entries.flatMap((e) => [e.title, ...flatten(e.items)]);
      // Chromium takes titles from the laid-out text, so a wrapped heading loses the space at the break.
      const squash = (text: string) => text.replace(/\s+/g, '');
      const outline = flatten(((await pdf.getOutline()) ?? []) as Entry[]).map(squash);
      const pageTitles = builtLinks()
        .filter((l) => l.lang === lang && l.kind === 'page' && !l.url.includes('/print/'))
        .map((l) => squash(l.title));
      for (const title of pageTitles) expect(outline).toContain(title);
      const view = (await pdf.getPage(1)).view;
      // A4 is 595.3 × 841.9 points; Chromium rounds the page box up by under a point.
      expect(Math.abs(view[2]! - 595.3)).toBeLessThan(1.5);
      expect(Math.abs(view[3]! - 841.9)).toBeLessThan(1.5);
    });

    test(`the print page and every page's footer link ${guidePdf(lang)}`, async ({ page, request }) => {
      // The UI dictionary of the language (src/i18n.ts reads it through Vite, which tests run without).
      const strings = JSON.parse(readFileSync(`content/i18n/${lang}.json`, 'utf8')) as Record<string, string>;
      const href = guidePdfUrl('/', lang);
      await page.goto(`/${lang}/print/`);
      await expect(page.locator('.atp-pdf-download a')).toHaveAttribute('href', href);
      await expect(page.locator('.atp-pdf-download a')).toHaveText(strings['pdf.link']!);
      await expect(page.locator('.atp-pdf-link a')).toHaveAttribute('href', href);
      await expect(page.locator('.atp-pdf-link a')).toHaveText(strings['pdf.footer']!);
      // Paper needs no link to itself.
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.atp-pdf-download')).toBeHidden();
      await expect(page.locator('.atp-pdf-link')).toBeHidden();
      // Every page of the language, in its footer.
      for (const link of builtLinks().filter((l) => l.lang === lang && l.kind === 'page')) {
        const html = readFileSync(`dist${link.url}index.html`, 'utf8');
        expect(html.match(/<p class="atp-pdf-link[^"]*">\s*<a href="([^"]+)"/)?.[1], link.url).toBe(href);
      }
      // The link leads to the PDF.
      const response = await request.get(href);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain('application/pdf');
      expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });

    test(`${guidePdf(lang)} says nothing of npm`, async () => {
      const text = (await pagesText(await openPdf(guidePdf(lang)))).join('\n');
      expect(text.length).toBeGreaterThan(10_000);
      expect(text.match(/.{0,40}\bnpm\b.{0,40}/gi) ?? []).toEqual([]);
    });

    test(`${guidePdf(lang)} embeds every font as a subset, none as Type 3, in at most 2 MB`, () => {
      const fonts = pdfFonts(guidePdf(lang));
      expect(fonts.length).toBeGreaterThan(0);
      // Chromium makes a Type 3 font of a CFF font (Noto Sans CJK) and of glyphs it makes up (synthesised bold, stroked text).
      expect(fonts.filter((font) => font.type === 'Type 3').length, 'Type 3 fonts').toBe(0);
      for (const font of fonts) expect(font.embedded && font.subset, `${font.name} (${font.type}) embedded as a subset`).toBe(true);
      expect(statSync(guidePdf(lang)).size).toBeLessThanOrEqual(2 * 1024 * 1024);
    });

    test(`${guidePdf(lang)}'s contents give the page each entry starts on`, async () => {
      // The entries as the print page lists them: target id and title.
      const html = readFileSync(`dist/${lang}/print/index.html`, 'utf8');
      const decode = (text: string) =>
        text
          .replace(/&#39;/g, "'")
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&');
      const entries = [...html.matchAll(/<a href="#([^"]+)">([^<]*)<\/a><span class="atp-toc-page" data-toc-page="\1">/g)].map((m) => ({
        id: m[1]!,
        title: decode(m[2]!),
      }));
      expect(entries.length).toBeGreaterThan(50);
      const ids = new Set(entries.map((entry) => entry.id));
      const pdf = await openPdf(guidePdf(lang));
      const destinations = await pdf.getDestinations();
      const startOf = async (id: string) => (await pdf.getPageIndex(destinations[id]![0])) + 1;
      // The contents fill the sheets before the guide's first page (which starts a sheet). Each entry
      // there is a link (an annotation with the entry's destination) with a number to its right.
      const lastContentsPage = (await startOf(entries[0]!.id)) - 1;
      expect(lastContentsPage).toBeGreaterThan(0);
      const shown = new Map<string, number>();
      for (let n = 1; n <= lastContentsPage; n++) {
        const links = (await (await pdf.getPage(n)).getAnnotations()).filter((a) => a.subtype === 'Link' && ids.has(a.dest));
        const texts = await pageTexts(pdf, n);
        for (const link of links) {
          const [, bottom, right, top] = link.rect as number[];
          const number = texts.find(
            (text) => text.x >= right! && text.y >= bottom! - 3 && text.y <= top! + 3 && /^\d+$/.test(text.str.trim()),
          );
          if (number) shown.set(link.dest, Number(number.str));
        }
      }
      expect(
        entries.filter((entry) => !shown.has(entry.id)).map((entry) => entry.title),
        'entries without a page number',
      ).toEqual([]);
      // Where each section really starts: the page of its destination, which shows its heading.
      const text = await pagesText(pdf);
      const squash = (value: string) => value.replace(/\s+/g, '');
      for (const { id, title } of entries) {
        const start = await startOf(id);
        expect(start, `${title} starts after the contents`).toBeGreaterThan(lastContentsPage);
        expect(shown.get(id), `${title} (#${id})`).toBe(start);
        expect(squash(text[start - 1]!), `page ${start} shows ${title}`).toContain(squash(title));
      }
    });
  });
}

test('no built page mentions npm', () => {
  const pages = readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
  expect(pages.length).toBeGreaterThan(30);
  for (const file of pages) {
    // The text a reader sees: scripts, styles and tags out.
    const text = readFileSync(join('dist', file), 'utf8')
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '')
      .replace(/<[^>]+>/g, ' ');
    expect(text.match(/.{0,40}\bnpm\b.{0,40}/gi) ?? [], file).toEqual([]);
  }
});

// Issue 24 on the pages: site-pages.spec.ts (page-checks.ts halfWidthSpaces), on each page's load.
test('the Japanese PDF has no half-width space after 。 or 、 (issue 24)', async () => {
  const pages = await pagesText(await openPdf(guidePdf('ja')));
  const found = pages.flatMap((text, i) => (text.match(HALF_WIDTH_SPACE) ?? []).map((context) => `p. ${i + 1}: ${context}`));
  expect(found).toEqual([]);
});
