/**
 * The page-wide checks, one page load per page and mode (STYLE 21): every page the build lists in
 * dist/links.json, both languages, so a new page is checked without a line here.
 *
 * - Both widths: every explorer opens with its verdict, above its form, within the first screen
 *   after its heading; on a phone the first result table within two screens (issue 32).
 * - 1280 px: the scripts ran (forms enabled, a copy button per explorer); on Japanese pages, no
 *   half-width space after 。 or 、 (issue 24); then in the light theme
 *   and again in the dark theme (the same page: Starlight follows the system colour scheme as it
 *   changes) the reading rules (SPEC §7) and axe (WCAG 2.1 A and AA; in the dark theme the rules
 *   colours decide, the dark drawings included); the ids once, and that each dark drawing says to
 *   assistive technology what its light one says.
 * - Then the same page at 390 px: the verdict first and the reading rules for a phone.
 * - Both: no Content-Security-Policy violation in any frame under the build's own policy, which
 *   the test server sends (playwright.config.ts), and no console error (the fixture).
 *
 * Each check's time is recorded on its test (page-checks.ts `timed`); the run's summary adds them up.
 */
import { expect, test } from './fixtures.ts';
import {
  axeViolations,
  darkDrawingDifferences,
  COLOUR_RULES,
  halfWidthSpaces,
  readingProblems,
  repeatedIds,
  timed,
  verdictProblems,
  watchViolations,
} from './page-checks.ts';
import { builtLinks, builtPages } from './site-pages.ts';

// The print page holds every page's content: axe on its own parts only (contents, section
// headings); its body is checked page by page here, and its ids in print.spec.ts.
const PRINT_BODY = '[data-print-body]';

/** The pages with an interactive explorer (the print page's explorers and the index's matrix are fixed). */
const EXPLORER_PAGES = new Set(
  builtLinks()
    .filter((link) => link.kind === 'explorer' && !link.url.includes('/print/') && !link.url.endsWith('#compare-matrix'))
    .map((link) => link.url.split('#')[0]!),
);

// The print page (the whole guide) first: the longest test starts while the others fill the other worker.
const pages = builtPages().sort((a, b) => Number(b.endsWith('/print/')) - Number(a.endsWith('/print/')));

for (const path of pages) {
  const print = path.endsWith('/print/');

  test.describe(path, () => {
    // Two axe runs on a long page take minutes on a busy machine; the print page is the whole guide.
    test.describe.configure({ timeout: print ? 600_000 : 240_000 });

    test.describe('1280 then 390', () => {
      test.use({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });

      test('light then dark, then a phone: scripts, verdict first, reading rules, axe, ids, CSP', async ({ page }) => {
        const violations = await watchViolations(page);
        await timed('load', async () => {
          await page.goto(path);
          // The scripts ran: the explorers' forms are enabled (they ship disabled), and the
          // copy-link script added its Markdown button to each.
          const explorers = page.locator('[data-explorer][data-interactive]');
          for (const fieldset of await explorers.locator('form[data-form] fieldset').all()) await expect(fieldset).toBeEnabled();
          await expect(explorers.locator('button[data-copy="markdown"]')).toHaveCount(await explorers.count());
        });
        const explorers = EXPLORER_PAGES.has(path);
        expect
          .soft(await timed('verdict', () => verdictProblems(page, { screen: 800, phone: false, explorers })), 'verdict first')
          .toEqual([]);
        // The print page's text is the pages' text; its PDF is read in print.spec.ts.
        if (path.startsWith('/ja/') && !print) {
          expect.soft(await timed('japanese spaces', () => halfWidthSpaces(page)), 'half-width space after 。 or 、').toEqual([]);
        }
        for (const dark of [false, true]) {
          const theme = dark ? 'dark' : 'light';
          await page.emulateMedia({ colorScheme: theme });
          await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
          // Soft: a page that fails in light is still checked in dark.
          expect
            .soft(
              await timed(`reading rules 1280 ${theme}`, () => readingProblems(page, { narrow: false, dark })),
              `reading rules, ${theme}`,
            )
            .toEqual([]);
          const exclude = print ? PRINT_BODY : undefined;
          // In the dark theme only the colours change, and the drawings swap (one SVG per theme, the
          // other hidden): there, the colour rules on the page, the dark drawings included; that the
          // dark drawings say what the light ones say is checked below without axe.
          const axe = () => axeViolations(page, { exclude, rules: dark ? COLOUR_RULES : undefined });
          expect.soft(await timed(`axe ${theme}`, axe), `axe, ${theme}`).toEqual([]);
        }
        expect.soft(await timed('ids', () => repeatedIds(page)), 'repeated ids').toEqual([]);
        expect.soft(await timed('dark drawings', () => darkDrawingDifferences(page)), 'dark drawings say what light ones say').toEqual([]);
        // A phone, light: the same page narrowed to 390 px (the layout is CSS media queries and
        // resize observers; no script reads the width once at load, and layout.spec.ts and the
        // explorer specs load pages at 390 from the start).
        await page.emulateMedia({ colorScheme: 'light' });
        await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
        await page.setViewportSize({ width: 390, height: 844 });
        // Two frames: the resize observers (which mark a drawing wider than its frame) have run.
        await page.evaluate(() => {
          window.scrollTo(0, 0);
          return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        });
        expect
          .soft(await timed('verdict', () => verdictProblems(page, { screen: 844, phone: true, explorers })), 'verdict first, 390')
          .toEqual([]);
        expect
          .soft(await timed('reading rules 390', () => readingProblems(page, { narrow: true, dark: false })), 'reading rules, 390')
          .toEqual([]);
        expect(await timed('csp', violations), 'CSP violations').toEqual([]);
      });
    });
  });
}
