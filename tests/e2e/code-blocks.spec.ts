/**
 * Code blocks (Expressive Code) speak their page's language: the copy button's name and its
 * "copied" message. Starlight has no English text for them of its own and falls back to the
 * default locale's, so the English pages' buttons said 「クリップボードにコピー」 until
 * content/i18n/en.json gave them (expressiveCode.*). Read from the built pages, without a browser.
 */
import { readFileSync } from 'node:fs';
import { htmlFiles } from '../../src/build/dist.ts';
import { expect, test } from './fixtures.ts';

const LABELS = { ja: 'クリップボードにコピー', en: 'Copy to clipboard' } as const;

test('every code block’s copy button is labelled in its page’s language', () => {
  const wrong: string[] = [];
  let buttons = 0;
  for (const file of htmlFiles('dist')) {
    const lang = /<html[^>]* lang="(ja|en)"/.exec(readFileSync(file, 'utf8'))?.[1] as keyof typeof LABELS | undefined;
    if (!lang) continue;
    for (const [, title] of readFileSync(file, 'utf8').matchAll(/<button title="([^"]*)" data-copied=/g)) {
      buttons += 1;
      if (title !== LABELS[lang]) wrong.push(`${file}: ${title}`);
    }
  }
  expect(buttons).toBeGreaterThan(4);
  expect(wrong).toEqual([]);
});
