import { readFileSync, writeFileSync } from 'node:fs';
import { withBase } from '../base.ts';
import { GUIDE_ORDER, pagePath } from '../guide.ts';
import { builtPages } from './dist.ts';
import { metaDescription } from './html-text.ts';
import { linksFromHtml } from './links.ts';
import { pageMarkdown } from './page-markdown.ts';

/** A page as a knowledge base or an assistant lists it: its title, its stable URL, its one-line summary. */
export interface PageSummary {
  readonly title: string;
  readonly url: string;
  readonly summary: string;
  /** The page as Markdown (`index.md` beside it), or undefined where there is none (the print page). */
  readonly markdown?: string;
}

/** Pages with a Markdown version: every page but the print page, which is the others together. */
export const hasMarkdown = (path: string): boolean => !path.endsWith('/print/');

/**
 * Writes `index.md` beside each page's `index.html` (see page-markdown.ts), for readers that
 * take text: the same content, at the page's URL plus `index.md`.
 */
export function writePageMarkdown(distDir: string, site: string): number {
  const pages = builtPages(distDir).filter((page) => hasMarkdown(page.path));
  for (const page of pages) {
    const url = new URL(withBase(page.path), site).href;
    writeFileSync(page.file.replace(/index\.html$/, 'index.md'), pageMarkdown(readFileSync(page.file, 'utf8'), url));
  }
  return pages.length;
}

/** Every page of one language in the guide's reading order, then any page the order does not name. */
export function pageSummaries(distDir: string, lang: 'ja' | 'en', site: string): PageSummary[] {
  const pages = builtPages(distDir).filter((page) => page.path.startsWith(`/${lang}/`));
  const rank = (path: string) => {
    const index = GUIDE_ORDER.findIndex((slug) => pagePath(lang, slug) === path);
    return index === -1 ? GUIDE_ORDER.length : index;
  };
  return pages
    .sort((a, b) => rank(a.path) - rank(b.path))
    .map((page) => {
      const html = readFileSync(page.file, 'utf8');
      // The page's title as links.json gives it (its <h1>).
      const title = linksFromHtml(page.path, html)[0]!.title;
      const url = new URL(withBase(page.path), site).href;
      return { title, summary: metaDescription(html), url, markdown: hasMarkdown(page.path) ? `${url}index.md` : undefined };
    });
}

/**
 * `/llms.txt` (llmstxt.org): what the guide is, then every page and FAQ with its stable URL,
 * summary and Markdown version, Japanese first, English alongside; the print page and links.json
 * as optional extras.
 */
export function llmsTxt(distDir: string, site: string): string {
  const section = (heading: string, lang: 'ja' | 'en') => {
    const pages = pageSummaries(distDir, lang, site).filter((page) => !page.url.endsWith('/print/'));
    return [
      `## ${heading}`,
      '',
      ...pages.map((page) => `- [${page.title}](${page.url}): ${page.summary}${page.markdown ? ` Markdown: ${page.markdown}` : ''}`),
      '',
    ];
  };
  return [
    '# Azure Traffic Paths',
    '',
    '> Executable documentation of Azure networking: for a scenario, the source and destination IP:port of every packet through Load Balancer, Application Gateway, Traffic Manager, Front Door, Azure Firewall and Private Link, alone or chained; health probes and the NSG rules they need; outbound SNAT and the point of SNAT port exhaustion. Japanese first, English alongside. Every page URL and heading id is stable, and an explorer URL with query parameters is a permalink to a computed scenario.',
    '',
    ...section('日本語', 'ja'),
    ...section('English', 'en'),
    '## Optional',
    '',
    `- [ガイド全体（1 ページ）](${new URL(withBase('/ja/print/'), site).href}): the whole Japanese guide on one page, in reading order`,
    `- [The whole guide on one page](${new URL(withBase('/en/print/'), site).href}): the whole English guide on one page, in reading order`,
    `- [links.json](${new URL(withBase('/links.json'), site).href}): every page, heading and explorer with its language, URL and title`,
    '',
  ].join('\n');
}
