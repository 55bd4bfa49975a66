/**
 * Serves the production build for the end-to-end tests and the scripts (PDF, screenshots,
 * measurements), so they never depend on (or collide with) a running `astro preview`.
 * The file serving is sirv's: it only answers with files it listed under the root at start, so
 * an escaped `..` or a malformed escape can't reach outside it or stop the server.
 * Usage: node scripts/serve.ts [port] [dir]
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';

export interface ServeOptions {
  /**
   * Answer clients that accept gzip with `<file>.gz` where one exists, as a static host that
   * compresses does (for Lighthouse and the measurements; see gzipCopy).
   */
  gzip?: boolean;
  /**
   * The site's base path (Astro's `base`, e.g. `/docs/`): a build for a sub-path links to
   * `/docs/ja/…` while its files sit at `dist/ja/…`, so requests under it are answered from the root.
   */
  base?: string;
}

/** Starts a server for the files under `root` (read once, at start) and resolves once it listens. */
export function serve(root: string, port: number, host = '127.0.0.1', { gzip = false, base = '/' }: ServeOptions = {}): Promise<Server> {
  const notFound = readFileSync(join(root, '404.html'));
  const files = sirv(root, {
    gzip,
    // Pagefind's index files have no registered type; say they are bytes.
    setHeaders: (response, pathname) => {
      if (/\.pf_\w+$/.test(pathname)) response.setHeader('content-type', 'application/octet-stream');
    },
    onNoMatch: (_request, response) => {
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(notFound);
    },
  });
  const prefix = base.replace(/\/+$/, '');
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (prefix && (url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`)))
      request.url = url.slice(prefix.length) || '/';
    files(request, response);
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done(server));
  });
}

/** Text worth compressing; fonts, images, PDFs and the search index are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.txt']);

/**
 * A copy of `root` in a temporary folder with a gzip file beside every text file, for
 * `serve(copy, port, host, { gzip: true })`. The build itself stays as it is.
 */
export function gzipCopy(root: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'atp-gzip-'));
  cpSync(root, copy, { recursive: true });
  for (const entry of readdirSync(copy, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.has(extname(entry.name))) continue;
    const path = join(entry.parentPath, entry.name);
    writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: 9 }));
  }
  return copy;
}

/** The server's base URL, e.g. `http://127.0.0.1:41234` (port 0 asks the system for a free one). */
export function originOf(server: Server): string {
  const { address, port } = server.address() as AddressInfo;
  return `http://${address}:${port}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] ?? 4399);
  const dir = process.argv[3] ?? 'dist';
  await serve(dir, port);
  console.log(`Serving ${dir} at http://127.0.0.1:${port}/`);
}
