import type { Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * On paper a drawing is kept whole and never shrinks below 11 px labels, so one taller than what is
 * left of a page starts the next one and leaves that page part-empty (issue 32: a page a third
 * full before each tall drawing). As a typesetter floats a figure, the PDF build then moves the
 * drawing after the paragraphs that follow it, as many as fit in the gap; it never moves one past
 * a heading, a table or another drawing, so it stays in its section. Only the PDF's copy of the
 * print page changes.
 *
 * Which drawing starts which page comes from the draft print: every drawing's caption is the same
 * line of text, so the n-th caption in the PDF is the n-th drawing on the page. Returns how many
 * drawings moved.
 */
export async function floatDrawings(page: Page, pdf: Uint8Array): Promise<number> {
  const figures = await page.locator('figure.atp-diagram').evaluateAll((all) =>
    all
      .filter((figure) => figure.getClientRects().length > 0)
      .map((figure) => ({
        caption: figure.querySelector('figcaption span')?.textContent?.trim() ?? '',
        height: figure.getBoundingClientRect().height,
      })),
  );
  const caption = figures[0]?.caption;
  if (!caption) return 0;
  const pages = await pageLayout(pdf, caption);
  const captions = pages.flatMap((layout, index) => layout.captions.map((y) => ({ page: index, y })));
  // The mapping holds only if the PDF has exactly the drawings the page shows.
  if (captions.length !== figures.length) return 0;

  const moves: { figure: number; room: number }[] = [];
  captions.forEach(({ page: index, y }, figure) => {
    const before = pages[index - 1];
    const here = pages[index]!;
    // The drawing must open its page (nothing above it but itself) after a page it left part-empty.
    if (index < 2 || !before || before.fill >= 0.6) return;
    if (here.top > y + figures[figure]!.height * PT_PER_PX + 12) return;
    if (captions.some((other) => other.page === index && other.y > y)) return;
    moves.push({ figure, room: (before.lowest - before.bottom) / PT_PER_PX });
  });
  if (moves.length === 0) return 0;
  return page.locator('figure.atp-diagram').evaluateAll((all, moves) => {
    const visible = all.filter((figure) => figure.getClientRects().length > 0);
    let moved = 0;
    // From the last, so an earlier move does not change what follows a later drawing.
    for (const { figure: index, room } of moves.toReversed()) {
      const figure = visible[index]!;
      // The drawing moves out of its explorer only when it is the explorer's last block on paper.
      const explorer = figure.closest('.atp-explorer');
      const anchor =
        explorer && figure.parentElement === explorer && !figure.nextElementSibling?.getClientRects().length ? explorer : figure;
      let after: Element | undefined;
      let used = 0;
      for (let next = anchor.nextElementSibling; next; next = next.nextElementSibling) {
        if (!next.matches('p, ul, ol, blockquote, aside')) break;
        const style = getComputedStyle(next);
        used += next.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
        if (used > room - 8) break;
        after = next;
      }
      if (!after) continue;
      after.after(figure);
      figure.classList.add('atp-floated');
      moved += 1;
    }
    return moved;
  }, moves);
}

/** CSS px to PDF points: Chromium prints 96 px to the inch, 72 pt. */
const PT_PER_PX = 0.75;

interface PageLayout {
  /** How far down the body's lowest text reaches, as pdf-fill.spec.ts measures it. */
  fill: number;
  /** The y of the lowest body text and of the bottom of the body (just above the footer), in points from the bottom. */
  lowest: number;
  bottom: number;
  /** The y of the page's highest text. */
  top: number;
  /** The y of each drawing caption on the page, top first. */
  captions: number[];
}

async function pageLayout(pdf: Uint8Array, caption: string): Promise<PageLayout[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  try {
    const layouts: PageLayout[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      const texts = content.items.flatMap((item) =>
        'str' in item && item.str.trim() !== '' ? [{ str: item.str, y: item.transform[5] as number }] : [],
      );
      const footer = Math.min(...texts.map((text) => text.y));
      const body = texts.filter((text) => text.y > footer + 1);
      const top = page.view[3]! - 36;
      const lowest = body.length > 0 ? Math.min(...body.map((text) => text.y)) : top;
      layouts.push({
        fill: (top - lowest) / (top - footer - 12),
        lowest,
        bottom: footer + 12,
        top: body.length > 0 ? Math.max(...body.map((text) => text.y)) : top,
        captions: body.filter((text) => text.str.trim() === caption).map((text) => text.y),
      });
    }
    return layouts;
  } finally {
    await document.destroy();
  }
}
