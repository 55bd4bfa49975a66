/**
 * The measurement script's server: it sends text files gzip-compressed, as any static host does,
 * so Lighthouse scores what a reader gets. The tests and other scripts use scripts/serve.ts (sirv),
 * which does not compress.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

/** Types worth compressing: text. Fonts, images and the search index are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript)|image\/svg)/;

export interface ServeOptions {
  host?: string;
  /** Send text files gzip-compressed to clients that accept it. */
  gzip?: boolean;
}

export function serve(root: string, port: number, { host = '127.0.0.1', gzip = false }: ServeOptions = {}): Promise<Server> {
  const base = resolve(root);
  const compressed = new Map<string, Buffer>();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let decoded: string;
    try {
      decoded = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    let path = normalize(join(base, decoded));
    // `base + sep`: a sibling such as dist-evil shares the prefix but is outside.
    if (path !== base && !path.startsWith(base + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      path = join(path, 'index.html');
    }
    let status = 200;
    if (!existsSync(path)) {
      status = 404;
      path = join(base, '404.html');
    }
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    if (gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      // Cached per file version, so a rebuild under a running server is picked up.
      const key = `${path}\n${statSync(path).mtimeMs}`;
      let body = compressed.get(key);
      if (!body) compressed.set(key, (body = gzipSync(readFileSync(path), { level: 9 })));
      response.writeHead(status, {
        'content-type': type,
        'content-encoding': 'gzip',
        vary: 'accept-encoding',
        'content-length': body.length,
      });
      response.end(body);
      return;
    }
    response.writeHead(status, { 'content-type': type });
    createReadStream(path).pipe(response);
  });
  return new Promise((done) => server.listen(port, host, () => done(server)));
}
