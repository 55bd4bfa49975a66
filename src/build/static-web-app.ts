import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { siteBase, withBase } from '../base.ts';
import { htmlFiles } from './dist.ts';

/**
 * The site's security headers and Azure Static Web Apps configuration (SPEC §12), generated from
 * the built pages: the Content-Security-Policy allows scripts from the site and the inline scripts
 * the build wrote, by their SHA-256, and nothing else. The hashes change with every build that
 * changes a script, so they are computed here rather than written by hand.
 */

/** Script types a browser runs; a `<script type="application/json">` holds data and needs no hash. */
const RUNS = /^(?:|text\/javascript|application\/javascript|module)$/i;

/** The text of every inline script a browser would run, as the HTML carries it, once each. */
export function inlineScripts(html: string): string[] {
  const scripts = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attributes = match[1]!;
    if (/\ssrc\s*=/i.test(` ${attributes}`)) continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]*)/i.exec(` ${attributes}`)?.[1] ?? '';
    if (RUNS.test(type)) scripts.add(match[2]!);
  }
  return [...scripts];
}

/** A CSP source for one inline script: `'sha256-…'` of its UTF-8 text. */
export const scriptHash = (script: string): string => `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;

/** The hashes of every inline script in the built site, sorted, once each. */
export function inlineScriptHashes(distDir: string): string[] {
  const hashes = new Set(htmlFiles(distDir).flatMap((file) => inlineScripts(readFileSync(file, 'utf8')).map(scriptHash)));
  return [...hashes].sort();
}

/**
 * The policy. Scripts: the site's files, the inline scripts by hash, and WebAssembly compilation for
 * the search index (Pagefind); no `'unsafe-inline'`, no `eval`. Styles may be inline: Starlight and
 * the diagrams' SVG carry style attributes and `<style>` elements. Images from the site, `data:`
 * (icons) and `blob:` (the diagram download). The diagram renderer is a same-origin frame.
 */
export function contentSecurityPolicy(hashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/** Every header the site should be served with, for any host (the README lists them). */
export function securityHeaders(distDir: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(inlineScriptHashes(distDir)),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
}

/** Files whose names carry a content hash (Astro's `_astro/`), cached for a year; the rest revalidate. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * `staticwebapp.config.json`: the headers on every response, long caching for hashed assets, the
 * `/` → `/ja/` redirect, the 404 page (it speaks both languages), trailing slashes as the site
 * writes them, and a type for Pagefind's index files, which Static Web Apps would not serve without one.
 */
export function staticWebAppConfig(distDir: string, base = siteBase()): object {
  return {
    trailingSlash: 'always',
    routes: [
      { route: withBase('/', base), redirect: withBase('/ja/', base), statusCode: 302 },
      { route: withBase('/_astro/*', base), headers: { 'Cache-Control': IMMUTABLE } },
      { route: withBase('/pagefind/fragment/*', base), headers: { 'Cache-Control': IMMUTABLE } },
      { route: withBase('/pagefind/index/*', base), headers: { 'Cache-Control': IMMUTABLE } },
    ],
    responseOverrides: { '404': { rewrite: withBase('/404.html', base) } },
    globalHeaders: securityHeaders(distDir),
    mimeTypes: {
      '.pf_fragment': 'application/octet-stream',
      '.pf_index': 'application/octet-stream',
      '.pf_meta': 'application/octet-stream',
      '.pagefind': 'application/octet-stream',
    },
  };
}

/**
 * The same headers in the `_headers` format that several static hosts read (Netlify, Cloudflare
 * Pages), and that anyone can copy into a web server's configuration: a path pattern, then its
 * headers indented under it.
 */
export function headersFile(distDir: string, base = siteBase()): string {
  const block = (pattern: string, headers: Record<string, string>) => [
    pattern,
    ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`),
  ];
  return `${[
    ...block(withBase('/*', base), securityHeaders(distDir)),
    ...block(withBase('/_astro/*', base), { 'Cache-Control': IMMUTABLE }),
  ].join('\n')}\n`;
}
