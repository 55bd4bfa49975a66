import { expect, test } from './fixtures.ts';
import { guidePdf, openPdf, pageTexts, type PdfDocument } from './pdf.ts';

/**
 * Issue 32: no page of the printed guide under 60 % full, except the last page before a chapter
 * (a guide page's title, which may start a sheet) and the last page. A page's fill is how far down
 * its lowest text reaches (diagram labels are text too), as a share of the page between the first
 * line and the footer.
 *
 * The build printed 17 pages under 60 % in each language; tables now continue on the next sheet,
 * drawings print at 11 px labels (they cannot shrink further) and a drawing taller than what is
 * left of a page floats past the text after it (src/build/pdf-floats.ts). While that float stopped
 * at a section's heading, 4 English and 5 Japanese pages were under 60 %, none before a chapter: a
 * table with nothing but a drawing after it in its section (the failover timeline, most of a page;
 * Front Door's header table), and a lead-in ("What the explorer assumes:") left above a drawing
 * with its list below.
 */
const FULL = 0.6;

/** Pages (from 1) that a chapter opens: its title, the outline's top entry, with no text above it. */
async function chapterPages(pdf: PdfDocument): Promise<Set<number>> {
  const outline = (await pdf.getOutline()) ?? [];
  const pages = new Set<number>();
  // The first entry is the print page's own title, above the contents.
  for (const entry of outline.slice(1)) {
    const dest = typeof entry.dest === 'string' ? await pdf.getDestination(entry.dest) : entry.dest;
    expect(dest, entry.title).toBeTruthy();
    const n = (await pdf.getPageIndex(dest![0])) + 1;
    // An XYZ destination: [page, {name: 'XYZ'}, left, top, zoom]; text y is its baseline.
    const top = dest![3] as number;
    const texts = (await pageTexts(pdf, n)).filter((text) => text.str.trim() !== '');
    if (texts.every((text) => text.y < top)) pages.add(n);
  }
  return pages;
}

for (const lang of ['ja', 'en'] as const) {
  test(`${guidePdf(lang)}: no page under 60 % full but the last before a chapter`, async () => {
    const pdf = await openPdf(guidePdf(lang));
    const chapters = await chapterPages(pdf);
    // The guide's first page (after the contents) is a chapter's.
    expect(chapters.size).toBeGreaterThan(0);
    const low: string[] = [];
    // The last page may end where it ends.
    for (let n = 1; n < pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const height = page.view[3]!;
      const texts = (await pageTexts(pdf, n)).filter((text) => text.str.trim() !== '');
      // The footer ("Azure Traffic Paths — n / N") is the lowest line of every page.
      const footer = Math.min(...texts.map((text) => text.y));
      const body = texts.filter((text) => text.y > footer + 1);
      if (body.length === 0 || chapters.has(n + 1)) continue;
      const top = height - 36;
      const fill = (top - Math.min(...body.map((text) => text.y))) / (top - footer - 12);
      if (fill < FULL) low.push(`page ${n}: ${Math.round(fill * 100)} %`);
    }
    expect(low, 'pages under 60 % full, not before a chapter').toEqual([]);
  });
}
