import { ELEMENT_NODE, parse, renderSync, walkSync, type Node } from 'ultrahtml';
import { withBase } from './base.ts';
import { SERVICES } from './model/services.ts';

/** The pages of the services that declare one, in the registry's order. */
const pagesOf = (group: 'inbound' | 'after-paths') => SERVICES.filter((service) => service.page === group).map((service) => service.id);

/** The pages under "Services": the inbound services', the cross-service pages, then the outbound ones. */
const SERVICE_PAGES = [...pagesOf('inbound'), 'health-probes', 'paths', ...pagesOf('after-paths')];

const FAQ_PAGES = [
  'faq/client-certificate',
  'faq/traffic-manager',
  'faq/client-ip',
  'faq/aks-client-ip',
  'faq/probe-blocked',
  'faq/dns-cache-failover',
  'faq/origin-lock',
  'faq/snat-exhaustion',
];

/**
 * The sidebar (read by `astro.config.mjs`) and the guide's reading order (SPEC §1: the print page
 * and the PDF follow it) come from these lists, so they cannot disagree. Every slug here is
 * published in both languages and must never be removed or renamed.
 */
export const SIDEBAR = [
  { label: 'Overview', translations: { ja: '概要' }, slug: 'index' },
  // Readers often arrive with an address rather than a design: the reverse lookup comes right after the overview.
  { slug: 'lookup' },
  { label: 'Services', translations: { ja: 'サービス' }, items: SERVICE_PAGES.map((slug) => ({ slug })) },
  { label: 'FAQ', translations: { ja: 'よくある質問' }, items: FAQ_PAGES.map((slug) => ({ slug })) },
];

export const GUIDE_ORDER: readonly string[] = ['index', 'lookup', ...SERVICE_PAGES, ...FAQ_PAGES];

/** The id of a page's section on the print page, e.g. `page-faq-client-ip`. */
export function printSectionId(slug: string): string {
  return `page-${slug.replace(/\//g, '-')}`;
}

/** The printed guide's file at the root of the built site, e.g. `guide-ja.pdf` (src/build/pdf.ts writes it). */
export function guidePdfFile(lang: string): string {
  return `guide-${lang}.pdf`;
}

/**
 * The printed guide's URL under the site's base path: pass `import.meta.env.BASE_URL`, so the link
 * works under a sub-path deploy too (`/` gives `/guide-ja.pdf`, `/docs` or `/docs/` gives `/docs/guide-ja.pdf`).
 */
export function guidePdfUrl(base: string, lang: string): string {
  return withBase(`/${guidePdfFile(lang)}`, base);
}

/** The URL path of a page, e.g. `/ja/faq/client-ip/` (the index is `/ja/`). */
export function pagePath(lang: string, slug: string): string {
  return slug === 'index' ? `/${lang}/` : `/${lang}/${slug}/`;
}

/**
 * On the print page, links to other pages of the guide point into the same document instead:
 * `/ja/load-balancer/#floating-ip` becomes `#floating-ip` (heading ids are unique across the
 * guide) and `/ja/load-balancer/` becomes that page's section. Other links are left alone.
 * Takes the rendered HTML of the print body only (the sidebar and header keep their real links)
 * and changes it as a tree: only `href`s of `<a>` elements are touched.
 */
export function localiseGuideLinks(html: string, lang: string, slugs: readonly string[]): string {
  const targets = new Map(slugs.map((slug) => [withBase(pagePath(lang, slug)), printSectionId(slug)]));
  // A link to the print page itself (the index mentions it) goes to the table of contents.
  targets.set(withBase(`/${lang}/print/`), 'print-contents');
  const tree = parse(html) as Node;
  walkSync(tree, (node) => {
    if (node.type !== ELEMENT_NODE || node.name !== 'a' || node.attributes.href === undefined) return;
    const href = node.attributes.href;
    const hashAt = href.indexOf('#');
    const path = hashAt === -1 ? href : href.slice(0, hashAt);
    const hash = hashAt === -1 ? '' : href.slice(hashAt);
    const section = targets.get(path);
    if (section !== undefined) node.attributes.href = hash.length > 1 ? hash : `#${section}`;
  });
  return renderSync(tree);
}
