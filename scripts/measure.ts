/**
 * Measures what a reader pays: build time, and for every page with an explorer the HTML size,
 * the JavaScript downloaded before any edit and after the first edit, and the time from an edit
 * to the redrawn diagram (first edit: includes loading Mermaid; second edit: Mermaid warm).
 * Usage: npm run measure [-- --no-build]   Writes measurements/report.json and prints a table.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../src/browser/resolve.ts';
import { builtPages } from '../src/build/dist.ts';
import { originOf, serve } from './serve.ts';

const DIST = 'dist';

interface PageReport {
  path: string;
  htmlBytes: number;
  jsBeforeEdit: number;
  jsBeforeEditGzip: number;
  jsAfterEdit: number;
  jsAfterEditGzip: number;
  firstRedrawMs: number | null;
  warmRedrawMs: number | null;
}

function timeBuild(): number {
  const start = performance.now();
  const result = spawnSync('npx', ['astro', 'build'], { stdio: 'ignore' });
  if (result.status !== 0) throw new Error('astro build failed');
  return Math.round(performance.now() - start);
}

/**
 * Times one edit: retyping a field's value (or, on an explorer with only a menu, choosing the
 * next option) reruns the engine and redraws the diagram.
 */
async function timeEdit(page: Page): Promise<number | null> {
  const explorer = page.locator('[data-explorer][data-interactive]').first();
  if ((await explorer.count()) === 0) return null;
  const input = explorer.locator('input[name]').first();
  const select = explorer.locator('select[name]').first();
  const before = Number((await explorer.getAttribute('data-rendered')) ?? '0');
  let edit: () => Promise<unknown>;
  if ((await input.count()) > 0) {
    const value = await input.inputValue();
    edit = () => input.fill(value);
  } else {
    const options = await select.locator('option').evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value));
    const next = options[(options.indexOf(await select.inputValue()) + 1) % options.length]!;
    edit = () => select.selectOption(next);
  }
  const start = performance.now();
  await edit();
  await page.waitForFunction(
    ([count]) => Number(document.querySelector('[data-explorer][data-interactive]')?.getAttribute('data-rendered') ?? '0') > count!,
    [before],
  );
  return Math.round(performance.now() - start);
}

const buildMs = process.argv.includes('--no-build') ? null : timeBuild();
// A free port, so a run never collides with another one on the same machine.
const server = await serve(DIST, 0);
const ORIGIN = originOf(server);
const browser = await launchBrowser();
const reports: PageReport[] = [];

for (const { path, file } of builtPages(DIST)) {
  const page = await browser.newPage();
  const scripts: { url: string; bytes: number; gzip: number }[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    scripts.push({ url: response.url(), bytes: body.length, gzip: gzipSync(body).length });
  });
  await page.goto(`${ORIGIN}${path}`, { waitUntil: 'networkidle' });
  // Starlight loads part of its search UI when the browser is idle; count it as page weight.
  await page.waitForTimeout(1000);
  const sum = (key: 'bytes' | 'gzip') => scripts.reduce((total, s) => total + s[key], 0);
  const jsBeforeEdit = sum('bytes');
  const jsBeforeEditGzip = sum('gzip');
  const firstRedrawMs = await timeEdit(page);
  await page.waitForLoadState('networkidle');
  const warmRedrawMs = firstRedrawMs === null ? null : await timeEdit(page);
  reports.push({
    path,
    htmlBytes: readFileSync(file).length,
    jsBeforeEdit,
    jsBeforeEditGzip,
    jsAfterEdit: sum('bytes'),
    jsAfterEditGzip: sum('gzip'),
    firstRedrawMs,
    warmRedrawMs,
  });
  await page.close();
}
await browser.close();
server.close();

mkdirSync('measurements', { recursive: true });
writeFileSync('measurements/report.json', `${JSON.stringify({ buildMs, pages: reports }, null, 2)}\n`);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
console.log(`Build time: ${buildMs === null ? 'not measured' : `${(buildMs / 1000).toFixed(1)} s`}`);
console.log('| page | HTML KB | JS before edit KB (gzip) | JS after first edit KB (gzip) | first redraw ms | warm redraw ms |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of reports) {
  console.log(
    `| ${r.path} | ${kb(r.htmlBytes)} | ${kb(r.jsBeforeEdit)} (${kb(r.jsBeforeEditGzip)}) | ${kb(r.jsAfterEdit)} (${kb(r.jsAfterEditGzip)}) | ${r.firstRedrawMs ?? '–'} | ${r.warmRedrawMs ?? '–'} |`,
  );
}
