/**
 * SPEC §12: the build served by the Azure Static Web Apps emulator (`swa start`, from
 * tools/swa-cli/) with the configuration the build generated, dist/staticwebapp.config.json.
 * The headers are there; a sample of pages loads, and explorers edit, search searches and diagrams
 * redraw, with no Content-Security-Policy violation; and the test is able to fail: with one
 * inline script's hash taken out of the policy, the page it belongs to reports a violation.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SWA_BIN } from '../../scripts/ensure-swa.ts';
import { freePort } from '../../scripts/serve.ts';
import { inlineScripts, scriptHash } from '../../src/build/static-web-app.ts';
import { expect, test } from './fixtures.ts';
import { hopValues, waitForRedraw } from './helpers.ts';
import { watchViolations } from './page-checks.ts';

interface Emulator {
  readonly origin: string;
  stop(): void;
}

/** `swa start dist` with the configuration in `configDir`, once it answers. */
async function startEmulator(configDir = 'dist'): Promise<Emulator> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [SWA_BIN, 'start', 'dist', '--port', String(port), '--host', '127.0.0.1', '--swa-config-location', configDir, '--open', 'false'],
    { detached: true, stdio: 'ignore' },
  );
  const origin = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  for (let waited = 0; waited < 30_000; waited += 250) {
    try {
      if ((await fetch(`${origin}/ja/`)).ok) return { origin, stop };
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  stop();
  throw new Error(`the Static Web Apps emulator did not answer at ${origin} (run npm run setup:swa)`);
}

const CONFIG = JSON.parse(readFileSync('dist/staticwebapp.config.json', 'utf8')) as {
  globalHeaders: Record<string, string>;
  routes: { route: string; headers?: Record<string, string> }[];
};

/**
 * Pages loaded in the emulator: both top pages and the page with the most explorers' scripts. Every
 * page runs under the same policy on the test server (site-pages.spec.ts), and every inline
 * script's hash is checked against it without a browser (csp-hashes.spec.ts); what only the
 * emulator shows is that it serves that policy, so a sample is enough.
 */
const SAMPLE = ['/ja/', '/en/', '/ja/paths/'];

test.describe('served by the Static Web Apps emulator', () => {
  let swa: Emulator;
  test.beforeAll(async () => {
    swa = await startEmulator();
  });
  test.afterAll(() => swa?.stop());

  test('responses carry the generated security headers, caching, redirect and 404 page', async () => {
    const response = await fetch(`${swa.origin}/ja/load-balancer/`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toBe(CONFIG.globalHeaders['Content-Security-Policy']);
    const scriptSrc = csp.split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(scriptSrc.match(/'sha256-[A-Za-z0-9+/=]{44}'/g)?.length).toBeGreaterThan(5);
    for (const directive of ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'self'"]) expect(csp).toContain(directive);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');

    const html = await response.text();
    const asset = /src="(\/_astro\/[^"]+\.js)"/.exec(html)![1]!;
    expect((await fetch(`${swa.origin}${asset}`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    const root = await fetch(`${swa.origin}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(new URL(root.headers.get('location')!, swa.origin).pathname).toBe('/ja/');

    const missing = await fetch(`${swa.origin}/en/no-such-page/`);
    expect(missing.status).toBe(404);
    const text = await missing.text();
    expect(text).toContain('ページが見つかりません');
    expect(text).toContain('There is no page at this address');
  });

  for (const path of SAMPLE) {
    test(`${path} runs with no CSP violation`, async ({ page }) => {
      const violations = await watchViolations(page);
      await page.goto(`${swa.origin}${path}`);
      await page.waitForLoadState('networkidle');
      // The scripts ran: the explorers' forms are enabled (they ship disabled), and the inline
      // copy-link script added its Markdown button to each.
      const explorers = page.locator('[data-explorer][data-interactive]');
      for (const fieldset of await explorers.locator('form[data-form] fieldset').all()) await expect(fieldset).toBeEnabled();
      await expect(page.locator('[data-explorer][data-interactive] button[data-copy="markdown"]')).toHaveCount(await explorers.count());
      expect(await violations()).toEqual([]);
    });
  }

  for (const lang of ['ja', 'en'] as const) {
    test(`${lang}: an edit redraws the diagram, the theme switches, search answers, with no CSP violation`, async ({ page }) => {
      const violations = await watchViolations(page);
      await page.goto(`${swa.origin}/${lang}/load-balancer/`);
      const explorer = page.locator('[data-explorer="load-balancer"]');
      await explorer.locator('input[name="pick"]').fill('2');
      await waitForRedraw(explorer);
      await expect.poll(() => hopValues(explorer)).toContainEqual(['203.0.113.10:50000', '10.0.1.5:443']);
      await expect.poll(() => explorer.locator('[data-diagram] [data-svg="light"] svg').textContent()).toContain('10.0.1.5:443');
      await page.locator('starlight-theme-select select').first().selectOption('dark');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

      await page.locator('button[data-open-modal]').first().click();
      await page.locator('#starlight__search input').fill('X-Forwarded-For');
      await expect(page.locator('#starlight__search .pagefind-ui__result-link').first()).toBeVisible({ timeout: 15_000 });
      expect(await violations()).toEqual([]);
    });
  }
});

test.describe('with one inline script hash taken out of the policy', () => {
  let swa: Emulator;
  let configDir = '';
  let removed = '';
  test.beforeAll(async () => {
    // The first inline script of the Japanese top page: Starlight's theme script, on every page.
    removed = scriptHash(inlineScripts(readFileSync('dist/ja/index.html', 'utf8'))[0]!);
    const weakened = structuredClone(CONFIG);
    weakened.globalHeaders['Content-Security-Policy'] = weakened.globalHeaders['Content-Security-Policy']!.replace(` ${removed}`, '');
    expect(weakened.globalHeaders['Content-Security-Policy']).not.toContain(removed);
    configDir = mkdtempSync(join(tmpdir(), 'atp-swa-'));
    writeFileSync(join(configDir, 'staticwebapp.config.json'), JSON.stringify(weakened));
    swa = await startEmulator(configDir);
  });
  test.afterAll(() => {
    swa?.stop();
    if (configDir) rmSync(configDir, { recursive: true, force: true });
  });

  test('the page reports the blocked script', async ({ browser }) => {
    // A page of its own, without the fixture's console-error check: the blocked script is the point.
    const page = await browser.newPage();
    const violations = await watchViolations(page);
    await page.goto(`${swa.origin}/ja/`);
    await page.waitForLoadState('networkidle');
    const seen = await violations();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((violation) => violation.startsWith('script-src'))).toBe(true);
    await page.close();
  });
});
