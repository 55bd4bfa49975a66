import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { originOf, serve } from '../../scripts/serve.ts';
import { withBase } from '../base.ts';
import { launchBrowser } from '../browser/resolve.ts';
import { guidePdfFile } from '../guide.ts';
import { applyMove, floatDrawings, type FloatMove } from './pdf-floats.ts';
import type { Lang } from '../i18n.ts';

/**
 * The printed guide, part of the build (astro.config.mjs calls this once the pages are written):
 * `guide-ja.pdf` and `guide-en.pdf` at the root of the built site, A4, diagrams included, an
 * outline from the headings and a table of contents with page numbers. Headless Chromium prints
 * /ja/print/ and /en/print/ from the built site, exactly as a reader's browser print would (the
 * print stylesheet and all).
 *
 * Page numbers take two prints. Chromium writes a named destination for every target of an
 * in-document link, and every entry of the contents links its section: the first print says on
 * which page each entry starts, the numbers go into the contents' slots (which keep their width
 * empty or full, so nothing moves), and the second print is the PDF. Its destinations are read
 * again; should a number have moved, it prints again, and fails the build if they never settle.
 *
 * Chromium writes the tagged PDF's structure tree (what makes it readable to assistive tools) as
 * thousands of uncompressed objects, a third of the file; pdf-lib writes the same objects again
 * into compressed object streams (compact).
 */
export async function writeGuidePdfs(distDir: string, base = '/'): Promise<void> {
  const server = await serve(distDir, 0, '127.0.0.1', { base });
  const origin = originOf(server);
  const browser = await launchBrowser();
  try {
    // The two languages print side by side: each is one renderer process, most of the time spent.
    await Promise.all(
      LANGS.map(async (lang) => {
        const pdf = await printGuide(browser, `${origin}${withBase(`/${lang}/print/`, base)}`);
        writeFileSync(join(distDir, guidePdfFile(lang)), await compact(pdf));
      }),
    );
  } finally {
    await browser.close();
    server.close();
  }
}

const LANGS: readonly Lang[] = ['ja', 'en'];

/**
 * A4 with the margins the print page's layout is measured for (DiagramFrame: a 688 px column); top
 * and bottom as narrow as a footer allows, so fewer drawings miss the page before them (issue 32).
 */
const PDF_OPTIONS = {
  format: 'A4',
  printBackground: true,
  outline: true,
  tagged: true,
  margin: { top: '12mm', bottom: '14mm', left: '14mm', right: '14mm' },
  displayHeaderFooter: true,
  headerTemplate: '<span></span>',
  footerTemplate:
    '<div style="width:100%;font-size:8px;color:#555;text-align:center;font-family:sans-serif">' +
    'Azure Traffic Paths — <span class="pageNumber"></span> / <span class="totalPages"></span></div>',
} as const;

/** The printed column: A4's 210 mm less the two 14 mm margins, in CSS px (DiagramFrame's PRINT_COLUMN). */
const PRINT_COLUMN_PX = 688;

/** Prints of one language before giving up on page numbers that will not settle. */
const MAX_PRINTS = 14;
/** Drafts after which a drawing may float (src/build/pdf-floats.ts), one drawing a draft. */
const FLOAT_PRINTS = 10;

/**
 * Where the drawings' moves are kept between builds, by layout: the second build of `npm test`
 * (the site under a sub-path) prints the same pages and makes the same moves without the drafts
 * that found them (about a CPU-minute), and so does a rebuild whose print page is unchanged.
 * Inside node_modules, so a fresh install starts without it.
 */
const FLOAT_CACHE = 'node_modules/.cache/atp-pdf-floats';

/**
 * What the print page's layout depends on, as a hash: the Chromium version, the page width, every
 * element of the printed content (main: the search box's script adds its own elements to the
 * page in its own time) with its classes, inline style and text, the links whose address print.css
 * prints, and the stylesheets' rules with their url()s left out (they name the same files under
 * another base path). Two prints with one key break their pages alike.
 */
async function layoutKey(page: Page): Promise<string> {
  const layout = await page.evaluate(() => {
    const elements = [...document.querySelector('main')!.querySelectorAll('*')].map((element) =>
      [
        element.tagName,
        element.getAttribute('class') ?? '',
        element.getAttribute('style') ?? '',
        element.matches('a[href^="http"]') ? element.getAttribute('href') : '',
        [...element.childNodes].map((node) => (node.nodeType === Node.TEXT_NODE ? node.textContent : '')).join(''),
      ].join('\u0001'),
    );
    const rules = [...document.styleSheets].flatMap((sheet) =>
      [...sheet.cssRules].map((rule) => rule.cssText.replace(/url\([^)]*\)/g, 'url()')),
    );
    return JSON.stringify([innerWidth, elements, rules]);
  });
  return createHash('sha256')
    .update(`${page.context().browser()?.version() ?? ''}\n${layout}`)
    .digest('hex')
    .slice(0, 32);
}

async function printGuide(browser: Browser, url: string): Promise<Buffer> {
  // The window as wide as the printed column, so that what floatDrawings measures in the page is
  // laid out as on paper (at the default 1280 px a paragraph took half the lines it takes there).
  const page = await browser.newPage({ viewport: { width: PRINT_COLUMN_PX, height: 1024 } });
  try {
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.evaluate(() => document.fonts.ready);
    const targets = await page
      .locator('[data-toc-page]')
      .evaluateAll((slots) => slots.map((slot) => slot.getAttribute('data-toc-page') ?? ''));
    // The drawings' moves, found by earlier drafts of a print laid out the same (see layoutKey).
    const cache = join(FLOAT_CACHE, `${await layoutKey(page)}.json`);
    const known = existsSync(cache) ? (JSON.parse(readFileSync(cache, 'utf8')) as FloatMove[]) : undefined;
    for (const move of known ?? []) await applyMove(page, move);
    const moves: FloatMove[] = [];
    let written: readonly number[] | undefined;
    let missing: string[] = [];
    for (let print = 1; print <= MAX_PRINTS; print++) {
      // Until the numbers are in, a draft: without the structure tree and outline, which change no
      // page break (checked: the same pages either way) and are half the time of a print.
      const pdf = await page.pdf(written ? PDF_OPTIONS : { ...PDF_OPTIONS, tagged: false, outline: false });
      // A draft shows which drawings left a page part-empty; the first floats past the text after
      // it and the page prints again (a move shifts every page after it), before any number is
      // written. The guide had 8 such drawings in English and 5 in Japanese.
      const move = !known && print <= FLOAT_PRINTS ? await floatDrawings(page, pdf) : undefined;
      if (move) {
        moves.push(move);
        continue;
      }
      if (!known && !written) {
        mkdirSync(FLOAT_CACHE, { recursive: true });
        writeFileSync(cache, JSON.stringify(moves));
      }
      const starts = await startPages(pdf, targets);
      missing = targets.filter((_, i) => starts[i] === undefined);
      if (missing.length > 0) continue;
      if (written && starts.every((n, i) => n === written![i])) return pdf;
      written = starts as number[];
      await fillSlots(page, written);
    }
    const why = missing.length > 0 ? `no destination for ${missing.map((id) => `#${id}`).join(', ')}` : 'the page numbers did not settle';
    throw new Error(`${url}: ${why} after ${MAX_PRINTS} prints`);
  } finally {
    await page.close();
  }
}

/**
 * The page (from 1, as the footer counts) on which each id's element starts, from the PDF's named
 * destinations (undefined where the PDF has none: an id no link points to).
 */
export async function startPages(pdf: Uint8Array, ids: readonly string[]): Promise<(number | undefined)[]> {
  // pdf.js takes over the buffer it reads: give it a copy.
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  try {
    // The whole table at once: one walk of the name tree, never a search in it.
    const destinations = await document.getDestinations();
    return await Promise.all(
      ids.map(async (id) => {
        const ref = destinations[id]?.[0];
        return ref && typeof ref === 'object' ? (await document.getPageIndex(ref)) + 1 : undefined;
      }),
    );
  } finally {
    await document.destroy();
  }
}

/** The same PDF, its objects in compressed object streams; Chromium's metadata is kept as it is. */
export async function compact(pdf: Uint8Array): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  return document.save({ useObjectStreams: true, updateFieldAppearances: false });
}

function fillSlots(page: Page, numbers: readonly number[]): Promise<void> {
  return page.locator('[data-toc-page]').evaluateAll((slots, numbers) => {
    slots.forEach((slot, i) => {
      slot.textContent = String(numbers[i]);
    });
  }, numbers);
}
