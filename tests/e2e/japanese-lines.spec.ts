/**
 * Japanese line breaking (JIS X 4051 kinsoku, CSS `line-break: strict`): a laid-out line of
 * Japanese text never starts with a prolonged sound mark or a small kana ("プロ" / "ーブ").
 * Measured on the page as a reader sees it: where each character's box starts a new line.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** Each line start that breaks the rule, with the text around it. */
function badLineStarts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const forbidden = /[ーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎ]/;
    const found: string[] = [];
    const root = document.querySelector('main') ?? document.body;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const parent = node.parentElement;
      // Text a reader sees: laid out, Japanese, and not the one-pixel box of screen-reader-only text.
      if (!forbidden.test(text) || !parent?.closest(':lang(ja)') || !parent.offsetParent || parent.closest('.sr-only')) continue;
      let previousTop: number | undefined;
      for (let i = 0; i < text.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect || rect.width === 0) continue;
        if (previousTop !== undefined && rect.top > previousTop + 4 && forbidden.test(text[i]!))
          found.push(text.slice(Math.max(0, i - 4), i + 3));
        previousTop = rect.top;
      }
    }
    return found;
  });
}

for (const width of [1280, 390]) {
  for (const path of ['/ja/load-balancer/', '/ja/application-gateway/', '/ja/health-probes/', '/ja/front-door/']) {
    test(`${path} at ${width} px: no Japanese line starts with ー or a small kana`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      await page.evaluate(() => document.fonts.ready);
      expect(await badLineStarts(page)).toEqual([]);
    });
  }
}
