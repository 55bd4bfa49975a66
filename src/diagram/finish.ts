/**
 * The last touch on a rendered diagram, in a DOM (the build's Chromium page and the reader's
 * browser run this same function): its natural size as attributes and as `--atp-natural` (the
 * frame fits it to the column from there, SPEC §7.4 and issue 24), no `name` attributes on shapes, which HTML does not allow there, and none of the
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
  // The natural width for the frame's stylesheet, which fits the drawing to its column without
  // going past it or shrinking a label under 11 px (components/DiagramFrame.astro).
  if (box && box.width > 0) svg.style.setProperty('--atp-natural', `${Math.ceil(box.width)}px`);
  if (svg.getAttribute('style') === '') svg.removeAttribute('style');
  // A band (a `rect` block) starts at the left edge of the first lane it covers: Mermaid starts it
  // at that lane's lifeline, so a band from the client looked as if it began after the client.
  // The same on the right, to the last lane's right edge.
  const lanes = [...svg.querySelectorAll('rect.actor-top')].map((lane) => {
    const left = Number(lane.getAttribute('x'));
    const width = Number(lane.getAttribute('width'));
    return { left, centre: left + width / 2, right: left + width };
  });
  for (const band of svg.querySelectorAll('rect.rect')) {
    const x = Number(band.getAttribute('x'));
    const end = x + Number(band.getAttribute('width'));
    if (Number.isNaN(end)) continue;
    const first = lanes.filter((lane) => lane.centre >= x).sort((a, b) => a.centre - b.centre)[0];
    const last = lanes.filter((lane) => lane.centre <= end).sort((a, b) => b.centre - a.centre)[0];
    const left = first && first.left < x ? first.left : x;
    const right = last && last.right > end ? last.right : end;
    band.setAttribute('x', String(left));
    band.setAttribute('width', String(right - left));
  }
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
 * nothing is shown. It allows
 * - the SVG elements below and nothing else (no script, link, image, animation, HTML);
 * - no event-handler attribute, and no backslash in any attribute or stylesheet, so that a CSS
 *   escape cannot spell what the next rules look for;
 * - references only to ids (`href="#…"`, `url(#…)`), in attributes only to ids in the drawing
 *   itself, and no `image-set()`;
 * - in its stylesheet, only rules scoped to the drawing (`#<id> …`, no sibling combinators that
 *   would reach past it) and keyframes: no `@import`, `@font-face` or other at-rule.
 * What a reader types reaches a drawing only as label text (escaped by src/diagram/escape.ts,
 * sanitised per label by Mermaid, written as text nodes), so a refusal would mean that Mermaid
 * changed, not that input got through. The drawing must come from an inert parse (a template),
 * where nothing in it runs or loads before this check.
 * Self-contained on purpose: the build sends its source text to the page.
 */
export function checkSvg(svg: SVGSVGElement): void {
  const shapes = 'rect line path polygon polyline circle ellipse text tspan';
  const structure = 'svg g title desc style defs marker symbol use filter feDropShadow';
  const elements = new Set(`${structure} ${shapes}`.split(' '));
  const refuse: (what: string) => never = (what) => {
    throw new Error(`Refused drawing ${svg.id}: ${what}`);
  };
  if (!/^[A-Za-z][\w-]*$/.test(svg.id)) refuse('an id that a stylesheet cannot be scoped to');
  const ownId = (id: string) => svg.querySelector(`[id="${CSS.escape(id)}"]`) !== null;
  /**
   * Refuses a value that loads anything, or (`own`) points at anything outside the drawing. A
   * stylesheet may name ids the drawing lacks: Mermaid's shared rules name a gradient that only
   * other diagram types draw, and an id in the page is no load.
   */
  const checkValue = (value: string, where: string, own: boolean) => {
    if (value.includes('\\')) refuse(`a backslash in ${where}`);
    if (/image-set/i.test(value)) refuse(`image-set() in ${where}`);
    for (const [, target] of value.matchAll(/url\(\s*['"]?([^'")\s]*)/gi))
      if (!target!.startsWith('#') || (own && !ownId(target!.slice(1)))) refuse(`url(${target}) in ${where}`);
  };
  for (const element of [svg, ...svg.querySelectorAll('*')]) {
    const name = element.localName;
    if (element.namespaceURI !== 'http://www.w3.org/2000/svg' || !elements.has(name)) refuse(`<${name}>`);
    for (const attribute of element.attributes) {
      const where = `${attribute.name} on <${name}>`;
      if (/^on/i.test(attribute.name)) refuse(where);
      if (/href$/i.test(attribute.name) && !(attribute.value.startsWith('#') && ownId(attribute.value.slice(1))))
        refuse(`${where}: ${attribute.value}`);
      checkValue(attribute.value, where, true);
    }
    if (name !== 'style') continue;
    const text = element.textContent ?? '';
    checkValue(text, 'its stylesheet', false);
    if (/@import/i.test(text)) refuse('@import in its stylesheet');
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    const scoped = new RegExp(`^#${svg.id}(?![\\w-])[^~+]*$`);
    for (const rule of sheet.cssRules) {
      if (rule instanceof CSSKeyframesRule) continue;
      if (!(rule instanceof CSSStyleRule) || rule.cssRules.length > 0)
        refuse(`a rule other than a style or keyframes rule: ${rule.cssText.slice(0, 40)}`);
      for (const selector of rule.selectorText.split(','))
        if (!scoped.test(selector.trim())) refuse(`a rule not scoped to the drawing: ${selector}`);
    }
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
