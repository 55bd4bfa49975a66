/**
 * Serves the production build for the end-to-end tests and the scripts (PDF, screenshots,
 * measurements), so they never depend on (or collide with) a running `astro preview`.
 * The file serving is sirv's: it only answers with files it listed under the root at start, so
 * an escaped `..` or a malformed escape can't reach outside it or stop the server.
 * Usage: node scripts/serve.ts [port] [dir] [--headers]   (--headers: with the build's security headers)
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';
import { siteBase, withoutBase } from '../src/base.ts';

export interface ServeOptions {
  /**
   * Answer clients that accept gzip with `<file>.gz` where one exists, as a static host that
   * compresses does (for Lighthouse and the measurements; see gzipCopy).
   */
  gzip?: boolean;
  /**
   * The sub-path the site was built for (`BASE_PATH`, e.g. `/azure-traffic-paths/`): files are
   * served under it, and anything outside it is a 404, as on a host where the site is one folder.
   */
  base?: string;
  /**
   * Headers sent with every response, e.g. the security headers the build generated
   * (builtHeaders): the end-to-end tests run every page under the real Content-Security-Policy.
   */
  headers?: Readonly<Record<string, string>>;
}

/** The headers the build wrote for every response (`globalHeaders` of staticwebapp.config.json). */
export function builtHeaders(root: string): Record<string, string> {
  const config = JSON.parse(readFileSync(join(root, 'staticwebapp.config.json'), 'utf8')) as { globalHeaders: Record<string, string> };
  return config.globalHeaders;
}

/**
 * A Range header the file server can honour: one `bytes=first-last` or `bytes=first-` range with
 * first ≤ last. Anything else (a suffix range, several ranges, first > last, junk) is dropped, and
 * the whole file is sent, as RFC 9110 §14.2 lets a server do; sirv would otherwise hand an
 * inverted range to the file stream, which throws, or read `-5` as `0-5`.
 */
export function honouredRange(value: string | undefined): string | undefined {
  const match = /^bytes=(\d{1,15})-(\d{0,15})$/.exec(value?.trim() ?? '');
  if (!match) return undefined;
  const [, first, last] = match;
  return last === '' || Number(first) <= Number(last) ? `bytes=${first}-${last}` : undefined;
}

/** Starts a server for the files under `root` (read once, at start) and resolves once it listens. */
export function serve(
  root: string,
  port: number,
  host = '127.0.0.1',
  { gzip = false, base = '/', headers = {} }: ServeOptions = {},
): Promise<Server> {
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
  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    const range = honouredRange(request.headers.range);
    if (range) request.headers.range = range;
    else delete request.headers.range;
    const path = withoutBase(request.url ?? '/', base);
    if (path === null) {
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(notFound);
      return;
    }
    request.url = path;
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

/** A port no server listens on now, from the system (for a server started by another process). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createNetServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
  });
}

/** The server's base URL, e.g. `http://127.0.0.1:41234` (port 0 asks the system for a free one). */
export function originOf(server: Server): string {
  const { address, port } = server.address() as AddressInfo;
  return `http://${address}:${port}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [portArg, dirArg] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const port = Number(portArg ?? 4399);
  const dir = dirArg ?? 'dist';
  const base = siteBase();
  const headers = process.argv.includes('--headers') ? builtHeaders(dir) : {};
  await serve(dir, port, '127.0.0.1', { base, headers });
  console.log(`Serving ${dir} at http://127.0.0.1:${port}${base}`);
}
