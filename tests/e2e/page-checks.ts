/**
 * The page-wide checks (STYLE 21), for any spec that has a page loaded: accessibility (axe), the
 * reading rules (SPEC §7, layout-probe.ts), repeated ids and Content-Security-Policy violations.
 * site-pages.spec.ts runs them all on every built page; a spec that brings a page into a state no
 * built page shows (field errors, an edited scenario) can run them there with expectPageClean.
 * Console errors need nothing: the fixture fails any test that logs one (fixtures.ts).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { layoutProblems, type ProbeOptions } from './layout-probe.ts';

/** The WCAG 2.1 A and AA rules; wcag2a includes scrollable-region-focusable. */
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The axe rules whose answer depends on the colours: all a theme changes on a page, apart from the
 * drawings (one SVG per theme, the other hidden), so the second theme needs these and the drawings.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * One line per axe violation (rule and the elements): the WCAG rules, or only `rules`; inside
 * `include` and outside `exclude` if given.
 */
export async function axeViolations(
  page: Page,
  { include, exclude, rules }: { include?: string; exclude?: string; rules?: string[] } = {},
): Promise<string[]> {
  const axe = rules ? new AxeBuilder({ page }).withRules(rules) : new AxeBuilder({ page }).withTags(WCAG);
  if (include) axe.include(include);
  if (exclude) axe.exclude(exclude);
  const { violations } = await axe.analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The ids that occur more than once in the page as it is now (scripts add drawings with ids). */
export async function repeatedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
    return [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
  });
}

/** The reading rules' problems on the page as laid out now (SPEC §7). */
export async function readingProblems(page: Page, options: ProbeOptions): Promise<string[]> {
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate(layoutProblems, options);
}

/**
 * Records the page's CSP violations, in every frame (the diagram renderer's too), from its first
 * script on; call before page.goto. The returned function reads what was seen so far.
 */
export async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { atpViolations: string[] }).atpViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sample}`),
    );
  });
  return async () =>
    (
      await Promise.all(
        page
          .frames()
          .map((frame) => frame.evaluate(() => (window as unknown as { atpViolations?: string[] }).atpViolations ?? []).catch(() => [])),
      )
    ).flat();
}

/**
 * Runs `check` and records its duration on the test as a `cost` annotation (`<name> <ms>`), so
 * the run's summary can say what each page-wide check costs (scripts/test-summary.ts).
 */
export async function timed<T>(name: string, check: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await check();
  } finally {
    test.info().annotations.push({ type: 'cost', description: `${name} ${Math.round(performance.now() - started)}` });
  }
}

/**
 * Every page-wide check on the page as it is now, in the current theme: axe, the reading rules
 * (at the viewport's width) and repeated ids. For a state no built page shows, e.g. after an edit.
 */
export async function expectPageClean(page: Page, { dark = false, axe = true }: { dark?: boolean; axe?: boolean } = {}): Promise<void> {
  const narrow = (page.viewportSize()?.width ?? 1280) < 600;
  expect.soft(await readingProblems(page, { narrow, dark }), 'reading rules').toEqual([]);
  if (axe) expect.soft(await axeViolations(page), 'axe').toEqual([]);
  expect(await repeatedIds(page), 'repeated ids').toEqual([]);
}
