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

/**
 * The gate every drawing passes before it reaches a page, at build time and in the reader's
 * browser alike. Mermaid draws with `securityLevel: 'loose'` (src/diagram/config.ts), which skips
 * its DOMPurify pass over the finished SVG; this check takes that pass's place, and refuses
 * instead of cleaning: a drawing that holds anything a sequence diagram is not made of throws, and
 * nothing is shown. Allowed are the SVG elements below, no event-handler attributes, and no
 * reference outside the drawing itself (an `href` or `url()` must point at `#` an id within it).
 * What a reader types reaches a drawing only as label text (escaped by src/diagram/escape.ts,
 * sanitised per label by Mermaid, written as text nodes), so a refusal would mean that Mermaid
 * changed, not that input got through. The drawing must come from an inert parse (a template),
 * where nothing runs before this check does.
 * Self-contained on purpose: the build sends its source text to the page.
 */
export function checkSvg(svg: SVGSVGElement): void {
  const shapes = 'rect line path polygon polyline circle ellipse text tspan';
  const structure = 'svg g title desc style defs marker symbol use filter feDropShadow';
  const elements = new Set(`${structure} ${shapes}`.split(' '));
  // `url(` followed by anything but an id in this drawing.
  const outside = /url\(\s*(?!['"]?#)/i;
  const refuse = (what: string) => {
    throw new Error(`Refused drawing ${svg.id}: ${what}`);
  };
  for (const element of [svg, ...svg.querySelectorAll('*')]) {
    if (element.namespaceURI !== 'http://www.w3.org/2000/svg' || !elements.has(element.localName)) refuse(`<${element.localName}>`);
    for (const { name, value } of element.attributes) {
      if (/^on/i.test(name)) refuse(`${name} on <${element.localName}>`);
      if (/href$/i.test(name) && !value.startsWith('#')) refuse(`${name}="${value}"`);
      if (outside.test(value)) refuse(`${name}="${value}"`);
    }
    if (element.localName === 'style' && (outside.test(element.textContent ?? '') || /@import/i.test(element.textContent ?? '')))
      refuse('a stylesheet that loads from outside');
  }
}

/** What `drawFinished` needs of Mermaid: the global in the build's page, the module in the reader's frame. */
export interface MermaidRenderer {
  render(id: string, source: string): Promise<{ svg: string }>;
}

/** The two steps after Mermaid: `checkSvg` and `finishSvg`, passed in (the build's page holds them as globals). */
export interface AfterMermaid {
  readonly check: (svg: SVGSVGElement) => void;
  readonly finish: (svg: SVGSVGElement) => void;
}

/**
 * Mermaid's drawing of `source`, parsed where nothing in it can run (a template's content), then
 * checked and finished. The build's drawing page and the reader's renderer frame both draw with
 * this; self-contained for the same reason as finishSvg.
 */
export async function drawFinished(mermaid: MermaidRenderer, after: AfterMermaid, svgId: string, source: string): Promise<SVGSVGElement> {
  const parsed = document.createElement('template');
  parsed.innerHTML = (await mermaid.render(svgId, source)).svg;
  const drawn = parsed.content.querySelector('svg');
  if (!drawn) throw new Error('Mermaid returned no SVG');
  after.check(drawn);
  after.finish(drawn);
  return drawn;
}
