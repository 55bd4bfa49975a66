import { ELEMENT_NODE, parse, walkSync, type Node } from 'ultrahtml';

/** Built HTML read back as text, for what the build writes after the pages (links, llms.txt, Markdown). */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Text or an attribute value as the HTML carries it, with its character references read. */
export function decodeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (reference, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? reference;
  });
}

/** The page's meta description (its one-line summary), on one line. */
export function metaDescription(html: string | Node): string {
  let summary = '';
  walkSync(typeof html === 'string' ? parse(html) : html, (node) => {
    if (node.type === ELEMENT_NODE && node.name === 'meta' && node.attributes.name === 'description')
      summary = node.attributes.content ?? '';
  });
  return decodeHtml(summary).replace(/\s+/g, ' ').trim();
}
