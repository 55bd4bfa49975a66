import type { Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * On paper a drawing is kept whole and never shrinks below 11 px labels (it prints at them
 * already), so one taller than what is left of a page starts the next one and leaves that page
 * part-empty (issue 32: no page under 60 % full but the last before a chapter). As a typesetter
 * floats a figure, the PDF build then moves the drawing after the text that follows it, as much as
 * fills the gap: paragraphs and lists, the last of them may run on to the next sheet above the
 * drawing (a list too long for that is split between two items, the drawing between them), and a
 * table or an explorer without a drawing when it fits whole. A drawing that ends its section
 * passes the next section's heading; it passes the page's closing sources only when nothing else
 * fills the page, and never another drawing or the next page of the guide (a chapter). A lead-in
 * ending in a colon stays with what it introduces. Only the PDF's copy of the print page changes.
 *
 * Which drawing starts which page comes from the draft print: every drawing's caption is the same
 * line of text, so the n-th caption in the PDF is the n-th drawing on the page. One drawing moves
 * a draft, the first that can: a move shifts every page after it. Returns the move made, if any.
 */
export async function floatDrawings(page: Page, pdf: Uint8Array): Promise<FloatMove | undefined> {
  const figures = await page.locator('figure.atp-diagram').evaluateAll((all) =>
    all
      .filter((figure) => figure.getClientRects().length > 0)
      .map((figure) => ({
        caption: figure.querySelector('figcaption span')?.textContent?.trim() ?? '',
        height: figure.getBoundingClientRect().height,
      })),
  );
  const caption = figures[0]?.caption;
  if (!caption) return undefined;
  const pages = await pageLayout(pdf, caption);
  const captions = pages.flatMap((layout, index) => layout.captions.map((y) => ({ page: index, y })));
  // The mapping holds only if the PDF has exactly the drawings the page shows.
  if (captions.length !== figures.length) return undefined;

  const moves: { figure: number; room: number; fill: number; body: number }[] = [];
  captions.forEach(({ page: index, y }, figure) => {
    const before = pages[index - 1];
    const here = pages[index]!;
    // The drawing must open its page (nothing above it but itself) after a page it left part-empty.
    if (index < 2 || !before || before.fill >= FULL) return;
    if (here.top > y + figures[figure]!.height * PT_PER_PX + 12) return;
    if (captions.some((other) => other.page === index && other.y > y)) return;
    moves.push({
      figure,
      room: (before.lowest - before.bottom) / PT_PER_PX,
      fill: before.fill,
      body: (before.top - before.bottom) / PT_PER_PX,
    });
  });
  if (moves.length === 0) return undefined;
  const move = await page.locator('figure.atp-diagram').evaluateAll(
    (all, { moves, overflow, full }) => {
      const visible = all.filter((figure) => figure.getClientRects().length > 0);
      // The first drawing that can move, only: a move shifts every page after it, so the draft
      // no longer tells where a later drawing stands.
      for (const { figure: index, room, fill, body } of moves) {
        const figure = visible[index]!;
        // A drawing moves once: should the draft after its move still leave a gap, it stays.
        if (figure.classList.contains('atp-floated')) continue;
        // The drawing moves out of its explorer only when it is the explorer's last block on paper.
        const explorer = figure.closest('.atp-explorer');
        const anchor =
          explorer && figure.parentElement === explorer && !figure.nextElementSibling?.getClientRects().length ? explorer : figure;
        // What the drawing leaves room for on the page before, less a margin for rounding.
        const gap = room - 16;
        const outer = (block: Element) => {
          const style = getComputedStyle(block);
          return block.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
        };
        // Whether a block that does not fit whole, starting `top` px into the gap, may still fill
        // it and run on to the next sheet (the drawing after it): three of its lines fit, and its
        // rest moves the drawing at most `overflow` further.
        const runsOn = (block: Element, top: number) => {
          const style = getComputedStyle(block);
          const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.75;
          return gap - top - parseFloat(style.marginTop) >= 3 * line && top + outer(block) - gap <= overflow;
        };
        let after: Element | undefined;
        let split: { list: Element; items: number } | undefined;
        let used = 0;
        for (let next = anchor.nextElementSibling; next; next = next.nextElementSibling) {
          // Text and a section's heading (Starlight wraps it) may be passed, anything else (a
          // table, an explorer without a drawing, another piece of a drawing printed in pieces)
          // only if it fits whole, and never another drawing; the page's closing list of sources
          // or related pages only when the page would stay part-empty without it.
          const heading = next.matches('h2, h3, h4, .sl-heading-wrapper');
          const lists = '[id$="-sources"], [id$="-related"]';
          if (heading && (next.matches(lists) || next.querySelector(lists)) && fill + used / body >= full + 0.05) break;
          const text = next.matches('p, ul, ol, blockquote, aside');
          const piece = next.matches('figure.atp-diagram') && next.parentElement!.matches('[data-print-parts]');
          if (!heading && !text && !piece && (next.matches('figure') || next.querySelector('figure.atp-diagram'))) break;
          const table = !heading && !text;
          const height = outer(next);
          if (used + height <= gap) {
            used += height;
            // A heading, or a lead-in that ends in a colon, stays with what follows it.
            if (!heading && !/[:：]\s*$/.test(next.textContent ?? '')) after = next;
            continue;
          }
          if (heading || table) break;
          if (next.matches('p, ul, ol') && runsOn(next, used)) {
            after = next;
          } else if (next.matches('ul, ol') && next.children.length > 1) {
            // A list too long to run on: the drawing stands between two of its items, the rest of
            // the list after it.
            const top = next.getBoundingClientRect().top - parseFloat(getComputedStyle(next).marginTop);
            const items = [...next.children];
            let fit = 0;
            for (const item of items) {
              const bottom = used + item.getBoundingClientRect().bottom - top;
              if (bottom <= gap || runsOn(item, bottom - outer(item))) fit += 1;
              if (bottom > gap) break;
            }
            if (fit > 0 && fit < items.length) split = { list: next, items: fit };
          }
          break;
        }
        if (split) after = split.list;
        if (!after) continue;
        // Where it goes, by the elements' order in the page as it is now (applyMove makes the move).
        return { figure: index, after: [...document.querySelector('main')!.querySelectorAll('*')].indexOf(after), split: split?.items };
      }
      return undefined;
    },
    { moves, overflow: MAX_OVERFLOW_PX, full: FULL },
  );
  if (move) await applyMove(page, move);
  return move;
}

/**
 * One drawing moved: the `figure`-th drawing shown goes after the `after`-th element of the page's
 * main content (in document order before the move); with `split`, that element is a list whose items after
 * the first `split` go on in a list of their own after the drawing.
 */
export interface FloatMove {
  readonly figure: number;
  readonly after: number;
  readonly split?: number | undefined;
}

/** Makes a move floatDrawings chose, on this page or on another print of the same guide (pdf.ts). */
export async function applyMove(page: Page, move: FloatMove): Promise<void> {
  const done = await page.evaluate(({ figure: index, after: at, split }) => {
    const figure = [...document.querySelectorAll('figure.atp-diagram')].filter((each) => each.getClientRects().length > 0)[index];
    const after = document.querySelector('main')!.querySelectorAll('*')[at];
    if (!figure || !after || after === figure || figure.contains(after)) return false;
    if (split !== undefined) {
      const rest = after.cloneNode(false) as Element;
      rest.removeAttribute('id');
      rest.append(...[...after.children].slice(split));
      if (after.matches('ol')) rest.setAttribute('start', String(Number(after.getAttribute('start') ?? '1') + split));
      after.after(rest);
    }
    after.after(figure);
    figure.classList.add('atp-floated');
    return true;
  }, move);
  if (!done) throw new Error(`the print page has no drawing ${move.figure} or element ${move.after} to move it after`);
}

/** A page at least this full (as pdf-fill.spec.ts measures) leaves no gap worth filling. */
const FULL = 0.6;

/** How much of the text a drawing floats past may run on to the next sheet, in CSS px: about half the sheet's body (1,024 px). */
const MAX_OVERFLOW_PX = 560;

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
