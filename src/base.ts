/**
 * The sub-path the site is built for (SPEC §12): `/` by default, e.g. `/azure-traffic-paths/`
 * with `BASE_PATH`. Links are written from the site's root in the pages and the code (`/ja/…`);
 * everything that writes a URL for a reader (Markdown links, links.json, llms.txt, the print
 * page's links, meta tags) puts them under the base with `withBase`. Read at build time only: the
 * browser's scripts work from the page's own address.
 */

/** `azure-traffic-paths`, `/azure-traffic-paths`, `/azure-traffic-paths/` → `/azure-traffic-paths/`; empty → `/`. */
export function normaliseBase(text: string | undefined): string {
  const inner = (text ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (!/^[A-Za-z0-9._~\-/]*$/.test(inner) || inner.split('/').some((segment) => segment === '.' || segment === '..')) {
    throw new Error(`BASE_PATH must be a plain URL path such as /azure-traffic-paths/, not ${JSON.stringify(text)}`);
  }
  return inner === '' ? '/' : `/${inner}/`;
}

/** The base of this build, from the environment. */
export const BASE = normaliseBase(process.env.BASE_PATH);

/** A root-relative path (`/ja/paths/#x`) under the base; anything else (`#x`, `https://…`, `//host`) as it is. */
export function withBase(path: string, base = BASE): string {
  if (!path.startsWith('/') || path.startsWith('//') || base === '/') return path;
  return `${base}${path.slice(1)}`;
}

/** The root-relative path of a URL path under the base, or null when it lies outside the base. */
export function withoutBase(path: string, base = BASE): string | null {
  if (base === '/') return path;
  if (path === base.slice(0, -1)) return '/';
  return path.startsWith(base) ? `/${path.slice(base.length)}` : null;
}
