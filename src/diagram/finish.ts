/**
 * The last touch on a rendered diagram, in a DOM (the build's Chromium page and the reader's
 * browser run this same function): natural size instead of Mermaid's "shrink to the column"
 * (SPEC §7.4), no `name` attributes on shapes, which HTML does not allow there, and none of the
 * icon symbols Mermaid adds to every sequence diagram for actor types we never draw (database,
 * computer, clock: nearly half of each drawing's bytes).
 * Self-contained on purpose: the build sends its source text to the page.
 */
export function finishSvg(svg: SVGSVGElement): void {
  const box = svg.viewBox.baseVal;
  if (box && box.width > 0) {
    svg.setAttribute('width', String(Math.ceil(box.width)));
    svg.setAttribute('height', String(Math.ceil(box.height)));
  }
  svg.style.removeProperty('max-width');
  if (svg.getAttribute('style') === '') svg.removeAttribute('style');
  for (const shape of svg.querySelectorAll('[name]')) shape.removeAttribute('name');
  const used = new Set(
    [...svg.querySelectorAll('use')].map((use) => (use.getAttribute('href') ?? use.getAttribute('xlink:href') ?? '').replace(/^#/, '')),
  );
  for (const symbol of svg.querySelectorAll('symbol')) if (!used.has(symbol.id)) symbol.remove();
  // A <defs> left empty by that goes too.
  for (const defs of svg.querySelectorAll('defs')) if (defs.childElementCount === 0) defs.remove();
}

/** What `drawFinished` needs of Mermaid: the global in the build's page, the module in the reader's frame. */
export interface MermaidRenderer {
  render(id: string, source: string): Promise<{ svg: string }>;
}

/**
 * Mermaid's drawing of `source`, finished by `finish` (finishSvg) while it is laid out in this
 * document, then taken out of it. The build's drawing page and the reader's renderer frame both
 * draw with this; self-contained for the same reason as finishSvg.
 */
export async function drawFinished(
  mermaid: MermaidRenderer,
  finish: (svg: SVGSVGElement) => void,
  svgId: string,
  source: string,
): Promise<SVGSVGElement> {
  const holder = document.createElement('div');
  holder.innerHTML = (await mermaid.render(svgId, source)).svg;
  document.body.append(holder);
  const drawn = holder.querySelector('svg');
  if (!drawn) throw new Error('Mermaid returned no SVG');
  finish(drawn);
  holder.remove();
  return drawn;
}
