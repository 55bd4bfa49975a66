import { expect, test } from './fixtures.ts';
import { guidePdf, openPdf, pageTexts } from './pdf.ts';

/**
 * Issue 32: the printed guide has few part-empty pages. A page's fill is how far down its lowest
 * text reaches (diagram labels are text too), as a share of the page between the first line and
 * the footer. The build printed 17 pages under 60 % in each language (a two-row table alone before
 * a drawing, at 17 %); tables may now continue on the next sheet and drawings print at 11 px
 * labels. What was left was a page before a drawing taller than the space below (9 in English, 5
 * in Japanese): such a drawing now floats past the paragraphs after it (src/build/pdf-floats.ts),
 * and the sheet's top and bottom margins are 12 and 14 mm. What is left: the last contents page
 * (before the first chapter), and a page before a drawing that ends its section, with no paragraph
 * after it to float past (the failover drawing alone is most of a page).
 */
const BUDGET = 5;

for (const lang of ['ja', 'en'] as const) {
  test(`${guidePdf(lang)}: at most ${BUDGET} pages under 60 % full`, async () => {
    const pdf = await openPdf(guidePdf(lang));
    const low: string[] = [];
    // The contents pages and the last page may end where they end.
    for (let n = 2; n < pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const height = page.view[3]!;
      const texts = (await pageTexts(pdf, n)).filter((text) => text.str.trim() !== '');
      // The footer ("Azure Traffic Paths — n / N") is the lowest line of every page.
      const footer = Math.min(...texts.map((text) => text.y));
      const body = texts.filter((text) => text.y > footer + 1);
      if (body.length === 0) continue;
      const top = height - 36;
      const fill = (top - Math.min(...body.map((text) => text.y))) / (top - footer - 12);
      if (fill < 0.6) low.push(`page ${n}: ${Math.round(fill * 100)} %`);
    }
    expect(low.length, low.join(', ')).toBeLessThanOrEqual(BUDGET);
  });
}
