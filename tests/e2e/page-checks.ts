/**
 * The page-wide checks (STYLE 21), for any spec that has a page loaded: accessibility (axe), the
 * reading rules (SPEC §7, layout-probe.ts), repeated ids and Content-Security-Policy violations.
 * site-pages.spec.ts runs them all on every built page; a spec that brings a page into a state no
 * built page shows (field errors, an edited scenario) can run them there with expectPageClean.
 * Console errors need nothing: the fixture fails any test that logs one (fixtures.ts).
 */
import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
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
 *
 * axe runs in the page itself (axe-core's `axe.run`). @axe-core/playwright's AxeBuilder gives the
 * same answer for a page without frames, but opens a blank page in the context for each run to
 * merge the frames' results, which cost about a CPU-second a run, more than the rules themselves;
 * a page with frames (the diagram renderer's, after an edit) still goes through AxeBuilder.
 */
export async function axeViolations(
  page: Page,
  { include, exclude, rules }: { include?: string; exclude?: string; rules?: string[] } = {},
): Promise<string[]> {
  if (page.frames().length > 1) return axeBuilderViolations(page, { include, exclude, rules });
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(
    async ({ include, exclude, runOnly }) => {
      const run = (window as unknown as { axe: typeof axe }).axe.run;
      const context = { include: include ? [include] : [document], exclude: exclude ? [exclude] : [] } as axe.ElementContext;
      const { violations } = await run(context, { runOnly, resultTypes: ['violations'], iframes: false });
      // What the lines need, as plain data out of the page.
      return violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target.map(String) })) }));
    },
    { include, exclude, runOnly: rules ? { type: 'rule' as const, values: rules } : { type: 'tag' as const, values: WCAG } },
  );
  return violationLines(violations);
}

/** One line per violation: the rule and the elements. */
function violationLines(violations: readonly { id: string; nodes: readonly { target: readonly unknown[] }[] }[]): string[] {
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The same through @axe-core/playwright, which also reads the page's frames. */
export async function axeBuilderViolations(
  page: Page,
  { include, exclude, rules }: { include?: string; exclude?: string; rules?: string[] },
): Promise<string[]> {
  const builder = rules ? new AxeBuilder({ page }).withRules(rules) : new AxeBuilder({ page }).withTags(WCAG);
  if (include) builder.include(include);
  if (exclude) builder.exclude(exclude);
  const { violations } = await builder.analyze();
  return violationLines(violations);
}

/**
 * The answer first (issue 32), on the page as laid out now: every interactive explorer shows one
 * verdict with a state, a sentence and the state in words, before and above its form, its bottom
 * within `screen` px of the explorer's heading; with `phone`, the first result table starts
 * within two screens of the heading (the form folds away); with `explorers`, the page has one at
 * least (links.json lists an explorer on it). The viewport's height is irrelevant:
 * `screen` is the reader's screen (800 px at 1280, 844 px on a 390 px phone).
 */
export async function verdictProblems(
  page: Page,
  { screen, phone, explorers: expected }: { screen: number; phone: boolean; explorers: boolean },
): Promise<string[]> {
  const explorers = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-explorer][data-interactive]')].map((explorer) => {
      const top = (element: Element | null) => (element ? element.getBoundingClientRect().top + window.scrollY : null);
      const bottom = (element: Element | null) => (element ? element.getBoundingClientRect().bottom + window.scrollY : null);
      const verdicts = explorer.querySelectorAll<HTMLElement>('[data-field="verdict"]');
      const verdict = verdicts[0] ?? null;
      const form = explorer.querySelector('form[data-form]');
      // The heading may be for screen readers only (the section's own heading names the explorer); the explorer starts there.
      const heading = Math.min(top(explorer.querySelector('.atp-explorer-heading'))!, top(explorer)!);
      return {
        id: explorer.id,
        count: verdicts.length,
        state: verdict?.dataset.state ?? null,
        value: verdict?.dataset.value ?? '',
        word: verdict?.querySelector('.atp-verdict-state')?.textContent?.trim() ?? '',
        visible: verdict !== null && verdict.getClientRects().length > 0 && getComputedStyle(verdict).visibility !== 'hidden',
        beforeForm: verdict !== null && form !== null && (verdict.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
        heading,
        verdictBottom: bottom(verdict),
        formTop: top(form),
        tableTop: top(explorer.querySelector('[data-output] table')),
      };
    }),
  );
  if (expected && explorers.length === 0) return ['no interactive explorer, though links.json lists one'];
  return explorers.flatMap((e) => {
    const problems = [
      e.count === 1 ? '' : `${e.count} verdicts`,
      ['ok', 'warning', 'fails'].includes(e.state ?? '') ? '' : `data-state ${e.state}`,
      e.value.length > 10 ? '' : `data-value "${e.value}" holds no sentence`,
      e.word ? '' : 'no state in words',
      e.visible ? '' : 'verdict not shown',
      e.beforeForm ? '' : 'verdict not before the form',
      e.verdictBottom !== null && e.formTop !== null && e.verdictBottom <= e.formTop
        ? ''
        : `verdict (bottom ${e.verdictBottom}) not above the form (top ${e.formTop})`,
      e.verdictBottom !== null && e.verdictBottom - e.heading <= screen
        ? ''
        : `verdict ends ${Math.round(e.verdictBottom! - e.heading)} px after the heading, beyond the first screen (${screen} px)`,
      !phone || (e.tableTop !== null && e.tableTop - e.heading <= 2 * screen)
        ? ''
        : `first table starts ${Math.round(e.tableTop! - e.heading)} px after the heading, beyond two screens (${2 * screen} px)`,
    ];
    return problems.filter(Boolean).map((problem) => `#${e.id}: ${problem}`);
  });
}

/** The ids that occur more than once in the page as it is now (scripts add drawings with ids). */
export async function repeatedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
    return [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
  });
}

/**
 * Issue 24: a half-width space after 。 or 、 in Japanese text, as the reader sees it (innerText: a
 * space only where one shows; cells and blocks become tabs and line breaks), with the text around it.
 */
export async function halfWidthSpaces(page: Page): Promise<string[]> {
  const text = await page.locator('main').evaluate((main) => (main as HTMLElement).innerText);
  return text.match(HALF_WIDTH_SPACE) ?? [];
}

/** A half-width space after 。 or 、, with up to 20 characters of text on each side. */
export const HALF_WIDTH_SPACE = /.{0,20}[。、] .{0,20}/g;

/**
 * Each drawing's dark copy tells assistive technology what its light copy tells it: the same
 * holder role, label and tab stop, the same SVG role, title, description and texts. (The build
 * draws both themes with one finishing function; axe reads every rule on the light drawings and
 * the colour rules on the dark ones, so this is what the dark ones could still get wrong.)
 */
export async function darkDrawingDifferences(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const said = (holder: Element) => {
      const svg = holder.querySelector(':scope > svg');
      const byIds = (ids: string | null | undefined) =>
        (ids ?? '')
          .split(/\s+/)
          .filter(Boolean)
          .map((id) => document.getElementById(id)?.textContent?.trim() ?? `missing #${id}`);
      return JSON.stringify({
        holder: ['role', 'aria-label', 'tabindex', 'aria-hidden'].map((name) => holder.getAttribute(name)),
        svg: ['role', 'aria-roledescription', 'aria-hidden'].map((name) => svg?.getAttribute(name)),
        title: byIds(svg?.getAttribute('aria-labelledby')),
        description: byIds(svg?.getAttribute('aria-describedby')),
        texts: [...(svg?.querySelectorAll('text') ?? [])].map((text) => text.textContent),
      });
    };
    const differences: string[] = [];
    for (const figure of document.querySelectorAll('[data-diagram]')) {
      const [light, dark] = ['light', 'dark'].map((theme) => figure.querySelector(`[data-svg="${theme}"]`));
      if (!light || !dark) continue;
      const [a, b] = [said(light), said(dark)];
      if (a !== b) differences.push(`${dark.querySelector('svg')?.id ?? '(no svg)'}: light ${a}, dark ${b}`);
    }
    return differences;
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
