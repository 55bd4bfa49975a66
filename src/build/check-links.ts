import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { siteBase, withBase, withoutBase } from '../base.ts';
import { htmlFiles } from './dist.ts';
import { decodeHtml as decode } from './html-text.ts';

/**
 * Finds broken internal links in the built site: every `href` and `src` that points inside the
 * site must name a file that exists, and every `#anchor` must name an id on the target page.
 * In a build for a sub-path (BASE_PATH), a link must also stay under it: `/ja/…` written from the
 * host's root would leave the site.
 */
export interface BrokenLink {
  readonly page: string;
  readonly href: string;
  readonly reason: 'missing-page' | 'missing-anchor';
}

export function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((match) => decode(match[1]!)));
}

/** The file a site path is served from, or undefined. Mirrors scripts/serve.ts. */
function fileFor(distDir: string, path: string): string | undefined {
  const full = join(distDir, decodeURIComponent(path));
  if (existsSync(full) && statSync(full).isFile()) return full;
  const index = join(full, 'index.html');
  return existsSync(index) ? index : undefined;
}

export function checkLinks(distDir: string, base = siteBase()): { checked: number; broken: BrokenLink[] } {
  const broken: BrokenLink[] = [];
  const idCache = new Map<string, Set<string>>();
  const ids = (file: string) => {
    let set = idCache.get(file);
    if (!set) idCache.set(file, (set = idsOf(readFileSync(file, 'utf8'))));
    return set;
  };
  let checked = 0;
  for (const file of htmlFiles(distDir)) {
    const page = `/${relative(distDir, file)}`.replace(/index\.html$/, '');
    const html = readFileSync(file, 'utf8');
    for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const href = decode(match[1]!);
      if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) continue;
      const url = new URL(href, `http://site${withBase(page, base)}`);
      const path = withoutBase(url.pathname, base);
      if (path === null) {
        checked += 1;
        broken.push({ page, href, reason: 'missing-page' });
        continue;
      }
      if (path.startsWith('/_astro/') || path.startsWith('/pagefind/')) {
        if (!fileFor(distDir, path)) broken.push({ page, href, reason: 'missing-page' });
        continue;
      }
      checked += 1;
      const target = fileFor(distDir, path);
      if (!target) {
        broken.push({ page, href, reason: 'missing-page' });
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && anchor !== '_top' && target.endsWith('.html') && !ids(target).has(anchor)) {
        broken.push({ page, href, reason: 'missing-anchor' });
      }
    }
  }
  return { checked, broken };
}
