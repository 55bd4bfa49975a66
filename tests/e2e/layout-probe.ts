/**
 * Runs inside the page (page.evaluate): measures SPEC §7 on what is laid out and returns one
 * line per problem. Self-contained on purpose: Playwright sends the function's source, not its
 * imports.
 */
export interface ProbeOptions {
  /** 390 px: tables become blocks, chips must be on screen without scrolling a table. */
  readonly narrow: boolean;
  readonly dark: boolean;
  readonly print?: boolean;
}

export function layoutProblems(options: ProbeOptions): string[] {
  const problems: string[] = [];
  const main = document.querySelector('main') ?? document.body;
  const short = (el: Element): string => (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
  const visible = (el: Element): boolean => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const viewportWidth = document.documentElement.clientWidth;

  // No horizontal page scroll.
  if (!options.print && document.documentElement.scrollWidth > window.innerWidth + 1) {
    problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
  }

  // 1, 3. A value chip never breaks inside itself ([v6]:port may break once, before the port),
  // and sits fully on screen and inside whatever box clips it.
  for (const chip of main.querySelectorAll('code')) {
    if (chip.closest('pre, svg, [hidden]') || !visible(chip)) continue;
    const text = (chip.textContent ?? '').trim();
    const lines = new Set([...chip.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
    const allowed = /^\[[0-9a-f:.]+\]:\d+$/i.test(text) ? 2 : 1;
    if (lines > allowed) problems.push(`chip breaks over ${lines} lines: ${text}`);
    const box = chip.getBoundingClientRect();
    if (!options.print && (box.left < -0.5 || box.right > viewportWidth + 0.5)) {
      problems.push(`chip off screen (${Math.round(box.left)}–${Math.round(box.right)}): ${text}`);
    }
    for (let el = chip.parentElement; el && el !== main; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (style.overflowX === 'visible') continue;
      const clip = el.getBoundingClientRect();
      if (box.left < clip.left - 0.5 || box.right > clip.right + 0.5) {
        problems.push(`chip needs sideways scrolling (${el.className || el.tagName}): ${text}`);
      }
      break;
    }
  }

  // 2. Tables fit their column: no cell clips its content, no table scrolls sideways.
  for (const table of main.querySelectorAll('table')) {
    if (!visible(table)) continue;
    for (const cell of table.querySelectorAll('td, th')) {
      // Headers kept only for screen readers (the narrow layouts) are 1 px wide on purpose.
      const hidden = [cell, cell.closest('thead')].some((el) => el !== null && getComputedStyle(el).clipPath !== 'none');
      if (visible(cell) && !hidden && cell.scrollWidth > cell.clientWidth + 1) {
        problems.push(`cell clips ${cell.scrollWidth - cell.clientWidth}px: ${short(cell)}`);
      }
    }
    for (let el: Element | null = table; el && el !== main; el = el.parentElement) {
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') {
        problems.push(`table scrolls sideways by ${el.scrollWidth - el.clientWidth}px: ${short(table.querySelector('caption') ?? table)}`);
        break;
      }
    }
  }

  // 4, 5, 6. Diagrams: labels at 11 px or more, note text inside its box, a dark card in dark mode.
  for (const svg of main.querySelectorAll<SVGSVGElement>('[data-diagram] svg')) {
    if (!visible(svg) || svg.closest('dialog')) continue;
    const viewBox = svg.viewBox.baseVal;
    const scale = viewBox && viewBox.width > 0 ? svg.getBoundingClientRect().width / viewBox.width : 1;
    let smallest = Infinity;
    for (const text of svg.querySelectorAll('text')) {
      if (!(text.textContent ?? '').trim()) continue;
      smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
    }
    // On paper nothing scrolls: a drawing wider than the column is scaled to fit it (and must not
    // be cut off); any other drawing prints at its natural size.
    const natural = viewBox && viewBox.width > 0 ? viewBox.width : 0;
    const column = (svg.closest('.atp-explorer, .sl-markdown-content') ?? main).getBoundingClientRect();
    const printedWide = options.print && natural > column.width + 1;
    if (printedWide && svg.getBoundingClientRect().right > column.right + 1) problems.push(`diagram cut off in print: ${svg.id}`);
    // Scaled or not, a label reads at 11 px: a drawing too wide for paper prints in pieces (printParts),
    // one too wide for a phone scrolls in its frame (issue 32: shrunk to the screen it read at 4-8 px).
    if (smallest < 10.95)
      problems.push(`diagram label at ${smallest.toFixed(1)}px${printedWide ? ' (scaled to the printed column)' : ''}: ${svg.id}`);
    for (const note of svg.querySelectorAll('rect.note')) {
      const box = note.getBoundingClientRect();
      for (const text of note.parentElement?.querySelectorAll('text.noteText') ?? []) {
        const r = text.getBoundingClientRect();
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
          problems.push(`note text outside its box: ${short(text)}`);
        }
      }
    }
    if (options.dark) {
      let color = 'rgba(0, 0, 0, 0)';
      for (let el: Element | null = svg; el; el = el.parentElement) {
        color = getComputedStyle(el).backgroundColor;
        if (!/rgba\(.*, 0\)$/.test(color) && color !== 'transparent') break;
      }
      const [r, g, b] = (color.match(/[\d.]+/g) ?? ['255', '255', '255']).map(Number) as [number, number, number];
      const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      if (luminance > 0.35) problems.push(`diagram on a light card in dark mode (${color}): ${svg.id}`);
    }
  }
  // Issue 24: what the reader came for is in view. At 1280 a drawing fits its frame (no sideways
  // scrolling) with its labels at 11 px or more (checked above); on a phone a drawing wider than the
  // screen at that size scrolls in its frame, and the frame says so (issue 32: never a cut-off
  // drawing that passes for a fitted one). Not in print, where drawings scale to paper.
  if (!options.print) {
    for (const frame of main.querySelectorAll<HTMLElement>('[data-diagram] [data-svg]')) {
      const svg = frame.querySelector('svg');
      if (!svg || !visible(frame) || frame.closest('dialog')) continue;
      const drawing = svg.getBoundingClientRect();
      const box = frame.getBoundingClientRect();
      const sizes = `${Math.round(drawing.width)}px drawing, ${frame.clientWidth}px frame`;
      if (!options.narrow && frame.scrollWidth > frame.clientWidth + 1) {
        problems.push(`diagram scrolls sideways at ${viewportWidth}px (${sizes}): ${svg.id}`);
      }
      if (options.narrow) {
        const figure = frame.closest('[data-diagram]');
        if (figure?.getAttribute('data-view') !== 'fit') problems.push(`no fitted view at ${viewportWidth}px: ${svg.id}`);
        const cut = frame.scrollWidth > frame.clientWidth + 1 || drawing.left < box.left - 0.5 || drawing.right > box.right + 0.5;
        // The print page runs no script (its scroll shadows are all that says so there).
        if (cut && !figure?.hasAttribute('data-overflow') && !frame.hasAttribute('data-shared-style')) {
          problems.push(`the drawing is wider than its frame at ${viewportWidth}px and nothing says so (${sizes}): ${svg.id}`);
        }
      }
    }
    // Values first: an address chip reads at 14 px or more, as large as the text around it.
    const small = [...main.querySelectorAll<HTMLElement>('code.atp-chip')]
      .filter((chip) => visible(chip))
      .map((chip) => parseFloat(getComputedStyle(chip).fontSize))
      .filter((size) => size < 13.95);
    if (small.length > 0) problems.push(`${small.length} value chips under 14px (smallest ${Math.min(...small).toFixed(1)}px)`);
  }
  return problems;
}
