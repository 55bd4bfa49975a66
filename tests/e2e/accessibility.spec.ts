import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { builtPages } from './site-pages.ts';

// Every page, both languages, light and dark theme: no WCAG 2.1 A/AA violation. The one axe run
// per page and theme: wcag2a includes scrollable-region-focusable, so a wide table's scroll region
// (the Traffic Manager FAQ's IPv6 hops) must be reachable by keyboard. Both themes are checked in
// one page load: Starlight follows the system colour scheme as it changes, so the page turns dark
// without loading again (and the test checks that it did).
for (const path of builtPages()) {
  test(`axe, light and dark theme › ${path}`, async ({ page }) => {
    const print = path.includes('/print/');
    if (print) test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(path);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      // The print page's own parts (contents, headings of each section); its body is every page's
      // content, each checked on its own page in both themes, and axe on a page this long takes
      // most of this spec's time. Its ids are checked apart (print.spec.ts).
      const axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
      if (print) axe.exclude('[data-print-body]');
      const violations = (await axe.analyze()).violations;
      const summary = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(summary, colorScheme).toEqual([]);
    }
  });
}

test('an explorer with field errors has no violations either', async ({ page }) => {
  await page.goto('/ja/load-balancer/?client=x&port=0');
  await expect(page.locator('[data-error-for="client"]')).toBeVisible();
  const results = await new AxeBuilder({ page }).include('[data-explorer]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});
