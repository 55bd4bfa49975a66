import { expect, test } from './fixtures.ts';
import { waitForRedraw } from './helpers.ts';

// What an edit of the lookup's address costs the browser, checked by what it does rather than by a
// clock (speed itself is `npm run measure`'s): the match table's columns do not depend on its text,
// an explanation off screen is not laid out until it nears the screen, and an edit that draws what
// the page already shows keeps the build's drawing. 10.0.0.4 is the gateway instance the site shows;
// 10.0.0.5 is found by range, which adds a sentence to every row's explanation.

test.use({ viewport: { width: 1280, height: 720 } });

for (const lang of ['en', 'ja'] as const) {
  test(`/${lang}/lookup/: an address edit lays out only the explanations near the screen, and keeps the drawing`, async ({ page }) => {
    await page.goto(`/${lang}/lookup/`);
    const explorer = page.locator('#lookup');
    const table = explorer.locator('table.atp-lookup');
    const why = explorer.locator('[data-match] .atp-match-why');
    const rows = await why.count();
    expect(rows).toBeGreaterThan(10);
    expect(await table.evaluate((element) => getComputedStyle(element).tableLayout)).toBe('fixed');
    // Every address chip fits its column, which no longer takes its width from the text.
    const clipped = await explorer
      .locator('[data-match] td[data-field="address"]')
      .evaluateAll((cells) => cells.filter((cell) => cell.scrollWidth > cell.clientWidth).length);
    expect(clipped).toBe(0);

    // The reader focuses the address (the engine and Mermaid load meanwhile) and types.
    const addr = explorer.locator('input[name="addr"]');
    await addr.focus();
    await page.waitForLoadState('networkidle');
    const drawing = explorer.locator('[data-svg="light"] > svg');
    await drawing.evaluate((svg) => ((window as unknown as { builtSvg: Element }).builtSvg = svg));
    const tableHeight = await table.evaluate((element) => element.getBoundingClientRect().height);
    await addr.fill('10.0.0.5');
    await expect(explorer.locator('[data-match][data-by-range]')).toHaveCount(rows);

    // Laid out (on screen or near it) against skipped: the explanations below the screen are skipped,
    // and the table kept its height, so nothing below it moved.
    // (What a skipped block holds is what `checkVisibility` reports as skipped, not the block itself.)
    const shown = () =>
      why.evaluateAll((blocks) =>
        blocks.map((block) => block.firstElementChild!.checkVisibility({ contentVisibilityAuto: true } as CheckVisibilityOptions)),
      );
    const beforeScroll = await shown();
    expect(beforeScroll.filter((laidOut) => !laidOut).length).toBeGreaterThan(rows / 2);
    expect(await table.evaluate((element) => element.getBoundingClientRect().height)).toBe(tableHeight);
    // Every match holds the new explanation all the same (find, assistive technology, print read it).
    const sentence = lang === 'en' ? 'Matched by range' : '範囲で一致しました';
    for (const text of await why.allTextContents()) expect(text).toContain(sentence);

    // A row scrolled to is laid out and shows the new sentence.
    const last = why.last();
    await last.scrollIntoViewIfNeeded();
    await expect.poll(async () => (await shown()).at(-1)).toBe(true);
    await expect(last).toBeVisible();
    await expect(last).toContainText(sentence);

    // The drawing is the same (the instance shown is still 10.0.0.4): the build's SVG stays in place.
    await waitForRedraw(explorer);
    expect(await drawing.evaluate((svg) => svg === (window as unknown as { builtSvg: Element }).builtSvg)).toBe(true);
  });
}
