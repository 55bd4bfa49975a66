/**
 * Japanese breaks by phrase (issue 32, `word-break: auto-phrase`): in tables, where columns are
 * narrow, no line breaks inside a katakana word ("占有ポー" / "ト") or inside "数えません"
 * ("数えませ" / "ん"). Measured as a reader sees it: where each character's box starts a new line.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** Each break inside a katakana run or a listed word, in the tables' visible Japanese text. */
function breaksInsideWords(page: Page, words: readonly string[]): Promise<string[]> {
  return page.evaluate((words) => {
    const found: string[] = [];
    const katakana = /^[ァ-ヴー]$/;
    const range = document.createRange();
    for (const cell of document.querySelectorAll<HTMLElement>('main table :is(th, td)')) {
      if (!cell.offsetParent || cell.closest('thead tr > :last-child')?.getBoundingClientRect().width === 1) continue;
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        let previousTop: number | undefined;
        for (let i = 0; i < text.length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (!rect || rect.width === 0) continue;
          if (previousTop !== undefined && rect.top > previousTop + 4) {
            const inKatakana = katakana.test(text[i - 1] ?? '') && katakana.test(text[i]!);
            const inWord = words.some((word) => {
              const at = text.lastIndexOf(word, i - 1);
              return at >= 0 && at < i && i < at + word.length;
            });
            if (inKatakana || inWord) found.push(`${text.slice(Math.max(0, i - 4), i)}／${text.slice(i, i + 3)}`);
          }
          previousTop = rect.top;
        }
      }
    }
    return found;
  }, words);
}

for (const width of [1280, 390]) {
  for (const path of ['/ja/outbound/', '/ja/faq/snat-exhaustion/', '/ja/health-probes/', '/ja/paths/']) {
    test(`${path} at ${width} px: table text breaks between phrases, not inside a word`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      await page.evaluate(() => document.fonts.ready);
      expect(await breaksInsideWords(page, ['数えません'])).toEqual([]);
    });
  }
}
