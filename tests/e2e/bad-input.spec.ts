import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { builtLinks } from './site-pages.ts';

/**
 * Hostile values in the page: for each explorer kind, once, on the first Japanese page where a
 * reader can edit it. Each value must show a field error, leave every computed value as it was,
 * and run no script (the fixture fails the test on any page error). Whether the parser refuses
 * each value is language-independent and tested for every value and every parameter in
 * tests/unit/hostile-input.node.test.ts; here are the ones that try to become markup or script,
 * spread over the fields so that each field meets two of them and each explorer all of them.
 */
const HOSTILE = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 1">',
  '%%{init: {"theme": "dark"}}%%',
  'x\nparticipant evil',
  '😀',
];

/**
 * Typed: the values that try to become markup, script or a Mermaid directive, all into the first
 * field; into every other field the one that would run a script if it became markup. Every field's
 * error is drawn by the same code, so a value that became markup in one field would in the first;
 * what each field needs of its own is its error showing at it. (A text field drops line breaks,
 * and the rest are refused by the same parsers the URL test and the unit tests feed.)
 */
const TYPED = HOSTILE.slice(0, 3);
const TYPED_EVERYWHERE = HOSTILE[1]!;

/** The first Japanese page with an editable explorer of each kind. */
const pageOfKind = new Map<string, string>();
for (const link of builtLinks().filter((l) => l.lang === 'ja' && l.kind === 'page' && !l.url.includes('/print/'))) {
  const html = readFileSync(`dist${link.url}index.html`, 'utf8');
  for (const match of html.matchAll(/<section[^>]*\sdata-explorer="([^"]+)"[^>]*\sdata-interactive[\s>=]/g)) {
    if (!pageOfKind.has(match[1]!)) pageOfKind.set(match[1]!, link.url);
  }
}

async function computedValues(explorer: Locator): Promise<string[]> {
  return explorer
    .locator('[data-field]')
    .evaluateAll((cells) => cells.map((cell) => `${cell.getAttribute('data-field')}=${cell.getAttribute('data-value')}`));
}

/**
 * The names among `names` whose error is not shown with a message: one read of the page for all
 * of them (a form has up to 66 names; one assertion each was most of this spec's time).
 */
async function fieldsWithoutError(explorer: Locator, names: readonly string[]): Promise<string[]> {
  return explorer.evaluate(
    (root, names) =>
      names.filter((name) => {
        const error = root.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(name)}"]`);
        // Shown as Playwright's toBeVisible means it: laid out with a size, and not hidden by style.
        const shown = error?.checkVisibility({ visibilityProperty: true }) && error.getClientRects().length > 0;
        return !shown || (error!.textContent ?? '').trim() === '';
      }),
    names,
  );
}

function countDialogs(page: Page): () => number {
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  return () => dialogs;
}

async function expectNothingInjected(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('[data-explorer] img[src="x"], [data-explorer] script:not([type])').count()).toBe(0);
}

test('every explorer kind the site shows can be edited on some page', () => {
  // The kinds come from the built pages (the view modules declare them), not from a list here.
  const shown = new Set<string>();
  for (const link of builtLinks().filter((l) => l.kind === 'page')) {
    const html = readFileSync(`dist${link.url}index.html`, 'utf8');
    for (const match of html.matchAll(/<section[^>]*\sdata-explorer="([^"]+)"/g)) shown.add(match[1]!);
  }
  // The comparison matrix is a fixed table, not an explorer with a form.
  shown.delete('compare');
  expect([...pageOfKind.keys()].sort()).toEqual([...shown].sort());
  expect(pageOfKind.size).toBeGreaterThanOrEqual(9);
});

for (const [kind, path] of pageOfKind) {
  test.describe(`${kind} on ${path}`, () => {
    const explorerOf = (page: Page) => page.locator(`[data-explorer="${kind}"][data-interactive]`).first();

    test('hostile URL values show field errors and change nothing', async ({ page }) => {
      const dialogs = countDialogs(page);
      await page.goto(path);
      const clean = await computedValues(explorerOf(page));
      const names = [
        ...new Set(
          // The form's fields are the URL's parameters (a match's radio on the lookup only writes one of them).
          await explorerOf(page)
            .locator('form[data-form] [name]')
            .evaluateAll((controls) => controls.map((c) => c.getAttribute('name') ?? '')),
        ),
      ];
      expect(names.length).toBeGreaterThan(0);
      // Every field gets a hostile value in each load, a different one each time, and every value
      // reaches fields of this explorer: field i takes value (i × loads + load) mod 5, so two loads
      // cover the five values once there are three fields or more.
      const loads = Math.max(2, Math.ceil(HOSTILE.length / names.length));
      for (let load = 0; load < loads; load++) {
        const values = names.map((name, i) => [name, HOSTILE[(i * loads + load) % HOSTILE.length]!]);
        await page.goto(`${path}?${new URLSearchParams(values)}`);
        const explorer = explorerOf(page);
        const what = `load ${load + 1}: ${JSON.stringify(Object.fromEntries(values))}`;
        // The errors are written as the page loads its scenario: once the first shows, all have.
        await expect(explorer.locator(`[data-error-for="${names[0]}"]`)).toBeVisible();
        expect(await fieldsWithoutError(explorer, names), `fields without an error, ${what}`).toEqual([]);
        expect(await computedValues(explorer), `values after ${what}`).toEqual(clean);
        await expectNothingInjected(page);
      }
      expect(dialogs()).toBe(0);
    });

    test('hostile typed values show field errors and keep the last valid scenario', async ({ page }) => {
      const dialogs = countDialogs(page);
      await page.goto(path);
      const explorer = explorerOf(page);
      const clean = await computedValues(explorer);
      // The fields this scenario reads (the paths explorer hides other stages' fields; their parsers
      // are the same functions, checked value by value in the unit tests). A radio button takes no
      // typing: a group's hostile value comes from the URL (the test above).
      const names = await explorer
        .locator('input[name]:not([type="radio"]):visible')
        .evaluateAll((inputs) => [...new Set(inputs.map((input) => (input as HTMLInputElement).name))]);
      test.skip(names.length === 0, 'no text field here: its segmented groups take hostile values from the URL (the test above)');
      const input = (name: string) => explorer.locator(`input[name="${name}"]:visible`).first();
      const error = (name: string) => explorer.locator(`[data-error-for="${name}"]`);
      // The first field: each value in turn, then its own value again, which takes the error away.
      const [first, ...others] = names as [string, ...string[]];
      const original = await input(first).inputValue();
      for (const value of TYPED) {
        await input(first).fill(value);
        await expect(error(first), `${first}=${JSON.stringify(value)}`).toBeVisible();
      }
      await input(first).fill(original);
      await expect(error(first)).toBeHidden();
      // Every other field: the value that would run a script as markup, left in place, all at once.
      for (const name of others) await input(name).fill(TYPED_EVERYWHERE);
      if (others.length > 0) await expect(error(others.at(-1)!)).toBeVisible();
      expect(await fieldsWithoutError(explorer, others), 'fields without an error').toEqual([]);
      expect(await computedValues(explorer), 'the last valid scenario').toEqual(clean);
      await expectNothingInjected(page);
      // The form's reset takes every error away and keeps the scenario.
      await explorer.locator('[data-reset]').click();
      await expect(explorer.locator('[data-error-for]:visible')).toHaveCount(0);
      expect(await computedValues(explorer)).toEqual(clean);
      expect(dialogs()).toBe(0);
    });
  });
}

// Issue 24: a rule between two fields shows at the field the reader just edited.
test('an IPv6 client typed into the Load Balancer explorer is flagged at the client, not at the backends', async ({ page }) => {
  await page.goto('/en/load-balancer/');
  const explorer = page.locator('[data-explorer="load-balancer"]');
  await explorer.locator('input[name="client"]').fill('2001:db8::10');
  await expect(explorer.locator('[data-error-for="client"]')).toBeVisible();
  await expect(explorer.locator('[data-error-for="client"]')).toContainText('Backend');
  await expect(explorer.locator('[data-error-for="backends"]')).toBeHidden();
});
