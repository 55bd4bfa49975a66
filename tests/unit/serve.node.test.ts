import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serve } from '../../scripts/serve.ts';

// A root `dist/` with a sibling `dist-evil/` whose name starts like the root's: a prefix check
// on paths would let `/..%2Fdist-evil/x` through.
const base = mkdtempSync(join(tmpdir(), 'atp-serve-'));
const root = join(base, 'dist');
let server: Server;

/** Sends the path exactly as written (no URL normalisation) and returns status and body. */
function get(path: string, headers: Record<string, string> = {}, from = server): Promise<{ status: number; body: string }> {
  const { port } = from.address() as AddressInfo;
  return new Promise((done, fail) => {
    request({ host: '127.0.0.1', port, path, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, body }));
    })
      .on('error', fail)
      .end();
  });
}

beforeAll(async () => {
  mkdirSync(join(root, 'ja'), { recursive: true });
  mkdirSync(join(base, 'dist-evil'), { recursive: true });
  writeFileSync(join(root, 'ja', 'index.html'), 'ja page');
  writeFileSync(join(root, '404.html'), 'not found page');
  writeFileSync(join(base, 'dist-evil', 'x'), 'secret');
  writeFileSync(join(base, 'secret.txt'), 'secret');
  server = await serve(root, 0);
});

afterAll(() => {
  server.close();
  rmSync(base, { recursive: true, force: true });
});

describe('serve', () => {
  test.each([
    // the page of a folder, with and without the trailing slash
    ['/ja/', 200, 'ja page'],
    ['/ja', 200, 'ja page'],
    // a missing file gets the site's 404 page
    ['/nothing-here/', 404, 'not found page'],
    // escaped separators and dots never leave the root
    ['/..%2Fdist-evil/x', 404, 'not found page'],
    ['/%2E%2E/secret.txt', 404, 'not found page'],
    ['/..%5Csecret.txt', 404, 'not found page'],
    // a malformed escape is a miss, not a crash
    ['/%E0%A4%A', 404, 'not found page'],
  ])('%s → %i', async (path, status, body) => {
    expect(await get(path)).toEqual({ status, body });
  });

  test.each([
    // one range it can honour
    ['bytes=0-1', 206, 'ja'],
    ['bytes=3-', 206, 'page'],
    // an inverted range used to reach the file stream and stop the server
    ['bytes=50-10', 200, 'ja page'],
    // a suffix range used to be read as 0-5 (six bytes from the start)
    ['bytes=-5', 200, 'ja page'],
    ['bytes=0-1,3-4', 200, 'ja page'],
    ['bytes=x-y', 200, 'ja page'],
    ['items=0-1', 200, 'ja page'],
  ])('Range %s → %i', async (range, status, body) => {
    expect(await get('/ja/index.html', { range })).toEqual({ status, body });
    expect(await get('/ja/')).toEqual({ status: 200, body: 'ja page' });
  });

  test('under a base path, serves the site there and nothing outside it', async () => {
    const under = await serve(root, 0, '127.0.0.1', { base: '/azure-traffic-paths/' });
    try {
      expect(await get('/azure-traffic-paths/ja/', {}, under)).toEqual({ status: 200, body: 'ja page' });
      expect(await get('/ja/', {}, under)).toEqual({ status: 404, body: 'not found page' });
      expect(await get('/azure-traffic-paths-x/ja/', {}, under)).toEqual({ status: 404, body: 'not found page' });
      expect(await get('/azure-traffic-paths/..%2Fdist-evil/x', {}, under)).toEqual({ status: 404, body: 'not found page' });
    } finally {
      under.close();
    }
  });

  test('keeps serving after a malformed escape', async () => {
    await get('/%E0%A4%A');
    await get('/%');
    expect(await get('/ja/')).toEqual({ status: 200, body: 'ja page' });
  });
});

describe('serve under a base path', () => {
  // A build for a sub-path links to /docs/ja/ while its files sit at dist/ja/ (the PDF build prints it so).
  let sub: Server;
  beforeAll(async () => {
    sub = await serve(root, 0, '127.0.0.1', { base: '/docs/' });
  });
  afterAll(() => {
    sub.close();
  });

  test.each([
    // a page under the base, with and without the trailing slash
    ['/docs/ja/', 200, 'ja page'],
    ['/docs/ja', 200, 'ja page'],
    // outside the base is outside the site
    ['/ja/', 404, 'not found page'],
    // a name that only starts like the base is not under it
    ['/docsx/ja/', 404, 'not found page'],
    // under the base, escapes still never leave the root
    ['/docs/..%2Fdist-evil/x', 404, 'not found page'],
    ['/docs/%2E%2E/secret.txt', 404, 'not found page'],
  ])('%s → %i', async (path, status, body) => {
    expect(await get(path, {}, sub)).toEqual({ status, body });
  });
});
