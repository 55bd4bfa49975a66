import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { builtLinks } from './site-pages.ts';
import { watchErrors } from './helpers.ts';

/**
 * Hostile values thrown at every parameter of every explorer on every page: each must produce a
 * field error, leave every computed value as it was, raise no page error and run no script.
 */
const HOSTILE = [
  '',
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 1">',
  '%%{init: {"theme": "dark"}}%%',
  'x\nparticipant evil',
  ';',
  '#',
  '%%',
  '99999999999999999999999999',
  '-1',
  '1e3',
  '２０３．０．１１３．１０',
  '😀',
  'javascript:window.__pwned=1',
  "' OR '1'='1",
];

/** Values that are legitimately valid for a parameter (documented in SPEC §2). */
const VALID_FOR: Record<string, readonly string[]> = {
  // On the Traffic Manager explorer an empty `fail` means "no failure"; the failover explorer on
  // the same page reads the same parameter and does need a time, so its slot is skipped too.
  fail: [''],
  // An empty `xffin` means the client sent no X-Forwarded-For of its own.
  xffin: [''],
};

/** Pages with at least one explorer a reader can edit. */
const explorerPages = [...new Set(builtLinks().filter((l) => l.kind === 'page' && !l.url.includes('/print/')).map((l) => l.url))].filter((path) =>
  /<section[^>]*\sdata-interactive[\s>=]/.test(readFileSync(`dist${path}index.html`, 'utf8')),
);

async function computedValues(page: Page): Promise<string[]> {
  return page.locator('[data-explorer] [data-field]').evaluateAll((cells) => cells.map((cell) => `${cell.getAttribute('data-field')}=${cell.getAttribute('data-value')}`));
}

async function paramNames(page: Page): Promise<string[]> {
  const names = await page.locator('[data-explorer][data-interactive] [name]').evaluateAll((controls) => controls.map((c) => c.getAttribute('name') ?? ''));
  return [...new Set(names)];
}

function guard(page: Page): { errors: string[]; dialogs: () => number } {
  const errors = watchErrors(page);
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  return { errors, dialogs: () => dialogs };
}

for (const path of explorerPages) {
  test(`${path}: hostile URL values show field errors and change nothing`, async ({ page }) => {
    test.setTimeout(120_000);
    const { errors, dialogs } = guard(page);
    await page.goto(path);
    const clean = await computedValues(page);
    const names = await paramNames(page);
    expect(names.length).toBeGreaterThan(0);
    for (const value of HOSTILE) {
      const query = new URLSearchParams(names.map((name) => [name, value]));
      await page.goto(`${path}?${query}`);
      for (const name of names) {
        if (VALID_FOR[name]?.includes(value)) continue;
        const slots = page.locator(`[data-explorer][data-interactive] [data-error-for="${name}"]`);
        for (let i = 0; i < (await slots.count()); i++) {
          await expect(slots.nth(i), `${name}=${JSON.stringify(value)}`).toBeVisible();
          await expect(slots.nth(i)).not.toBeEmpty();
        }
      }
      expect(await computedValues(page), `values after ${JSON.stringify(value)}`).toEqual(clean);
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('[data-explorer] img[src="x"], [data-explorer] script:not([type])').count()).toBe(0);
    }
    expect(dialogs()).toBe(0);
    expect(errors).toEqual([]);
  });

  test(`${path}: hostile typed values show field errors and keep the last valid scenario`, async ({ page }) => {
    test.setTimeout(120_000);
    const { errors, dialogs } = guard(page);
    await page.goto(path);
    const clean = await computedValues(page);
    const inputs = page.locator('[data-explorer][data-interactive] input[name]');
    for (let i = 0; i < (await inputs.count()); i++) {
      const input = inputs.nth(i);
      const name = (await input.getAttribute('name')) ?? '';
      const original = await input.inputValue();
      const explorerId = await input.evaluate((element) => element.closest('[data-explorer]')?.id ?? '');
      const explorer = page.locator(`[id="${explorerId}"]`);
      for (const value of HOSTILE.slice(0, 9)) {
        if (VALID_FOR[name]?.includes(value)) continue;
        await input.fill(value);
        await expect(explorer.locator(`[data-error-for="${name}"]`), `${name}=${JSON.stringify(value)}`).toBeVisible();
      }
      await input.fill(original);
      await expect(explorer.locator(`[data-error-for="${name}"]`)).toBeHidden();
    }
    expect(await computedValues(page)).toEqual(clean);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs()).toBe(0);
    expect(errors).toEqual([]);
  });
}
