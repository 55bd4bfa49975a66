import { readFileSync } from 'node:fs';
import { withBase } from '../base.ts';
import { builtPages } from './dist.ts';
import { ELEMENT_NODE, parse, TEXT_NODE, walkSync, type Node } from 'ultrahtml';

/**
 * Everything a knowledge-base article can link to: each page, each heading and each explorer,
 * read from the built HTML so it lists exactly what ships. Written to dist/links.json.
 */
export type LinkKind = 'page' | 'section' | 'question' | 'explorer';

export interface Link {
  readonly lang: string;
  readonly kind: LinkKind;
  readonly url: string;
  readonly title: string;
}

function textOf(node: Node): string {
  let text = '';
  walkSync(node, (child) => {
    if (child.type === TEXT_NODE) text += child.value;
  });
  return text.replace(/\s+/g, ' ').trim();
}

/** An explorer is named by its own heading, or else by its table's caption. */
function explorerTitle(explorer: Node): string {
  let heading = '';
  let caption = '';
  walkSync(explorer, (node) => {
    if (node.type !== ELEMENT_NODE) return;
    if (!heading && node.attributes.class?.includes('atp-explorer-heading')) heading = textOf(node);
    if (!caption && node.name === 'caption') caption = textOf(node);
  });
  return heading || caption;
}

/** Links found in one built page. `path` is its URL path, e.g. `/ja/faq/client-ip/`. */
export function linksFromHtml(path: string, html: string): Link[] {
  const lang = path.split('/')[1] ?? '';
  const isFaq = path.includes('/faq/');
  const links: Link[] = [];
  let pageTitle = '';
  let inContent = 0;
  walkSync(parse(html), (node) => {
    if (node.type !== ELEMENT_NODE) return;
    const id: string | undefined = node.attributes.id;
    if (node.name === 'h1' && id === '_top') pageTitle = textOf(node);
    if (node.attributes.class?.split(' ').includes('sl-markdown-content')) inContent += 1;
    if (!inContent || !id) return;
    if (node.attributes['data-explorer'] !== undefined) {
      links.push({ lang, kind: 'explorer', url: `${path}#${id}`, title: explorerTitle(node) });
    } else if (/^h[2-4]$/.test(node.name) && !node.attributes.class?.includes('atp-explorer-heading')) {
      const kind = isFaq && node.name === 'h2' ? 'question' : 'section';
      links.push({ lang, kind, url: `${path}#${id}`, title: textOf(node) });
    }
  });
  return [{ lang, kind: 'page', url: path, title: pageTitle }, ...links];
}

/** All links of the built site, pages in path order, for both languages, under the site's base. */
export function collectLinks(distDir: string, base?: string): Link[] {
  return builtPages(distDir).flatMap((page) =>
    linksFromHtml(page.path, readFileSync(page.file, 'utf8')).map((link) => ({ ...link, url: withBase(link.url, base) })),
  );
}
