import { expect, test } from './fixtures.ts';
import { axeBuilderViolations, axeViolations, COLOUR_RULES } from './page-checks.ts';

// Every built page is checked with axe in both themes by site-pages.spec.ts; here, a state no
// built page shows.
test('an explorer with field errors has no violations either', async ({ page }) => {
  await page.goto('/ja/load-balancer/?client=x&port=0');
  await expect(page.locator('[data-error-for="client"]')).toBeVisible();
  expect(await axeViolations(page, { include: '[data-explorer]' })).toEqual([]);
});

// site-pages.spec.ts runs axe in the page (page-checks.ts); here, that it finds what
// @axe-core/playwright finds, on a page with one violation of each kind the checks rely on.
test('axe in the page reports what @axe-core/playwright reports', async ({ page }) => {
  await page.goto('/en/load-balancer/');
  await page.evaluate(() => {
    const main = document.querySelector('main')!;
    main.insertAdjacentHTML(
      'afterbegin',
      '<p id="faint" style="color:#bbb;background:#fff">Faint text</p><input id="unlabelled"><img id="bare" src="/favicon.svg">',
    );
    document
      .querySelector('[data-explorer] table')!
      .insertAdjacentHTML('beforebegin', '<a id="same" href="#x">a</a><a href="#y" id="same2"></a>');
  });
  const inPage = await axeViolations(page);
  expect(inPage).toEqual(await axeBuilderViolations(page, {}));
  for (const rule of ['color-contrast', 'label', 'image-alt', 'link-name']) expect(inPage.join('\n')).toContain(`${rule}:`);
  // Only the rules named, and only inside `include`, outside `exclude`.
  const colours = await axeViolations(page, { rules: COLOUR_RULES });
  expect(colours).toEqual(await axeBuilderViolations(page, { rules: COLOUR_RULES }));
  expect(colours.map((line) => line.split(':')[0])).toEqual(['color-contrast']);
  expect(await axeViolations(page, { include: '[data-explorer]' })).toEqual([expect.stringMatching(/^link-name: /)]);
  expect(await axeViolations(page, { exclude: 'main' })).toEqual([]);
});
