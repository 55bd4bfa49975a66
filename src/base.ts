/**
 * The sub-path the site is built for (SPEC §12): `/` by default, e.g. `/azure-traffic-paths/`
 * with `BASE_PATH`. Links are written from the site's root in the pages and the code (`/ja/…`);
 * everything that writes a URL for a reader (Markdown links, links.json, llms.txt, the print
 * page's links, the PDF links, meta tags) puts them under the base with `withBase`, and everything
 * that reads a URL (the page's language, the test server, the link check) takes it off with
 * `withoutBase`. Pure: the build's base comes from `siteBase()`, read only when called, so the
 * browser's scripts can use these functions with the base the page gives them.
 */

/** `azure-traffic-paths`, `/azure-traffic-paths`, `/azure-traffic-paths/` → `/azure-traffic-paths/`; empty → `/`. */
export function normaliseBase(text: string | undefined): string {
  const inner = (text ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (!/^[A-Za-z0-9._~\-/]*$/.test(inner) || inner.split('/').some((segment) => segment === '.' || segment === '..')) {
    throw new Error(`BASE_PATH must be a plain URL path such as /azure-traffic-paths/, not ${JSON.stringify(text)}`);
  }
  return inner === '' ? '/' : `/${inner}/`;
}

/** The base of this build, from the environment (build time only). */
export function siteBase(): string {
  return normaliseBase(process.env.BASE_PATH);
}

/** A root-relative path (`/ja/paths/#x`) under the base; anything else (`#x`, `https://…`, `//host`) as it is. */
export function withBase(path: string, base = siteBase()): string {
  const prefix = normaliseBase(base);
  if (!path.startsWith('/') || path.startsWith('//') || prefix === '/') return path;
  return `${prefix}${path.slice(1)}`;
}

/**
 * The root-relative path of a URL path (query included) under the base, or null when it lies
 * outside the base. The base itself without its slash (`/base`, `/base?q`) is its root.
 */
export function withoutBase(path: string, base = siteBase()): string | null {
  const prefix = normaliseBase(base);
  if (prefix === '/') return path;
  const bare = prefix.slice(0, -1);
  if (path === bare || path.startsWith(`${bare}?`)) return `/${path.slice(bare.length)}`;
  return path.startsWith(prefix) ? `/${path.slice(prefix.length)}` : null;
}
