import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every `.html` file under a built site, in path order. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return htmlFiles(path);
      return name.endsWith('.html') ? [path] : [];
    })
    .sort();
}

export interface BuiltPage {
  /** The URL path, e.g. `/ja/faq/client-ip/`. */
  readonly path: string;
  readonly file: string;
}

/** The guide's pages in both languages (every `/ja/…/` and `/en/…/` index.html), in path order. */
export function builtPages(distDir: string): BuiltPage[] {
  return htmlFiles(distDir)
    .filter((file) => file.endsWith('/index.html'))
    .map((file) => ({ path: `/${relative(distDir, file).replace(/index\.html$/, '')}`, file }))
    .filter((page) => /^\/(ja|en)\//.test(page.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
