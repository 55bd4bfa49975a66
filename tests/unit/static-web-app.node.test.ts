import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  contentSecurityPolicy,
  headersFile,
  inlineScriptHashes,
  inlineScripts,
  scriptHash,
  staticWebAppConfig,
} from '../../src/build/static-web-app.ts';

const dist = mkdtempSync(join(tmpdir(), 'atp-swa-unit-'));
mkdirSync(join(dist, 'ja'));
writeFileSync(
  join(dist, 'ja', 'index.html'),
  '<script>theme()</script><script type="module">copy()</script><script type="module" src="/_astro/a.js"></script>' +
    '<script type="application/json">{"data":1}</script><script>theme()</script>',
);
writeFileSync(join(dist, '404.html'), '<script>\n  other();\n</script>');

afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('the generated security headers', () => {
  test('hash the text of each inline script a browser runs, once each; scripts with src and data blocks need none', () => {
    expect(
      inlineScripts(
        '<script>theme()</script><script src="/x.js"></script><script type="application/ld+json">{}</script><script type="module">a()</script>',
      ),
    ).toEqual(['theme()', 'a()']);
    const expected = `'sha256-${createHash('sha256').update('theme()').digest('base64')}'`;
    expect(scriptHash('theme()')).toBe(expected);
    // Whitespace is part of what the browser hashes.
    expect(scriptHash(' theme()')).not.toBe(expected);
    expect(inlineScriptHashes(dist)).toEqual([scriptHash('theme()'), scriptHash('copy()'), scriptHash('\n  other();\n')].sort());
  });

  test('script-src has the hashes and no unsafe-inline; objects, bases and framing are closed', () => {
    const policy = contentSecurityPolicy(["'sha256-abc='"]);
    const directives = new Map(policy.split('; ').map((directive) => [directive.split(' ')[0], directive]));
    expect(directives.get('script-src')).toBe("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='");
    expect(directives.get('object-src')).toBe("object-src 'none'");
    expect(directives.get('base-uri')).toBe("base-uri 'self'");
    expect(directives.get('frame-ancestors')).toBe("frame-ancestors 'self'");
  });

  test('the Static Web Apps configuration and _headers follow the base path', () => {
    const config = staticWebAppConfig(dist, '/azure-traffic-paths/') as {
      routes: { route: string; redirect?: string }[];
      responseOverrides: Record<string, { rewrite: string }>;
      globalHeaders: Record<string, string>;
    };
    expect(config.routes[0]).toEqual({ route: '/azure-traffic-paths/', redirect: '/azure-traffic-paths/ja/', statusCode: 302 });
    expect(config.routes.map((route) => route.route)).toContain('/azure-traffic-paths/_astro/*');
    expect(config.responseOverrides['404']).toEqual({ rewrite: '/azure-traffic-paths/404.html' });
    expect(config.globalHeaders['Content-Security-Policy']).toContain(scriptHash('copy()'));
    const headers = headersFile(dist, '/azure-traffic-paths/').split('\n');
    expect(headers[0]).toBe('/azure-traffic-paths/*');
    expect(headers[1]).toBe(`  Content-Security-Policy: ${config.globalHeaders['Content-Security-Policy']}`);
    expect(headers).toContain('/azure-traffic-paths/_astro/*');
    expect(headers).toContain('  Cache-Control: public, max-age=31536000, immutable');
  });
});
