/**
 * A diagram's other theme without a second Mermaid render. Mermaid draws the same geometry in
 * every theme (same fonts and sizes, src/diagram/config.ts changes only colours); the two
 * variants differ only in the `<style>` element, which is scoped to the SVG's id, and in the ids
 * themselves. So the other variant is the drawing just made, with the other theme's stylesheet
 * taken from that theme's build-time drawing (rendered from the same config) and fresh ids.
 */
export function themeVariant(drawn: SVGSVGElement, styledAs: SVGSVGElement, id: string): SVGSVGElement | null {
  const style = styledAs.querySelector('style')?.textContent;
  if (!style || !styledAs.id || !drawn.id) return null;
  const copy = drawn.cloneNode(true) as SVGSVGElement;
  const from = drawn.id;
  for (const element of [copy, ...copy.querySelectorAll('*')]) {
    for (const attribute of [...element.attributes]) {
      if (attribute.name === 'id') continue;
      // References to scoped ids: markers, filters, aria-labelledby/-describedby.
      if (attribute.value.includes(from)) element.setAttribute(attribute.name, attribute.value.replaceAll(from, id));
    }
    // Scoped ids (`<svg id>-arrowhead`, `chart-title-<svg id>`) take the new id; Mermaid's
    // counter ids (`actor12`, `root-12`) are referenced by nothing and only need to stay unique.
    if (element.id) element.id = element.id.includes(from) ? element.id.replaceAll(from, id) : `${id}-${element.id}`;
  }
  copy.querySelector('style')?.replaceChildren(style.replaceAll(`#${styledAs.id}`, `#${id}`));
  return copy;
}
