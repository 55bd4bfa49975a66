/**
 * Screenshots for review (issue: "look at what you build"): the index, load-balancer,
 * application-gateway and health-probes pages in both languages at 1280 px light, 1280 px dark
 * and 390 px, plus the first pages of each PDF that hold explorer tables, written to
 * screenshots/. Also refreshes public/screenshot-load-balancer.png (README, Open Graph image).
 * Usage: npm run screenshot [-- TEXT]   (needs `npm run build`; PDF pages need `npm run pdf` and pdftoppm;
 * TEXT keeps only the pages whose slug contains it, and skips the PDF)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { launchBrowser } from '../src/browser/resolve.ts';
import { originOf, serve } from './serve.ts';

const OUT = 'screenshots';
const ALL_PAGES = ['', 'lookup/', 'load-balancer/', 'application-gateway/', 'health-probes/', 'outbound/', 'faq/snat-exhaustion/'];
const only = process.argv[2];
const PAGES = only ? ALL_PAGES.filter((slug) => slug.includes(only)) : ALL_PAGES;
const MODES = [
  { name: '1280-light', width: 1280, colorScheme: 'light' },
  { name: '1280-dark', width: 1280, colorScheme: 'dark' },
  { name: '390-light', width: 390, colorScheme: 'light' },
] as const;

mkdirSync(OUT, { recursive: true });
// A free port, so a run never collides with another one on the same machine.
const server = await serve('dist', 0);
const ORIGIN = originOf(server);
const browser = await launchBrowser();
try {
  for (const mode of MODES) {
    const context = await browser.newContext({ viewport: { width: mode.width, height: 900 }, colorScheme: mode.colorScheme });
    const page = await context.newPage();
    for (const lang of ['ja', 'en']) {
      for (const slug of PAGES) {
        await page.goto(`${ORIGIN}/${lang}/${slug}`);
        await page.evaluate(() => document.fonts.ready);
        const name = `${lang}-${slug.replace(/\/$/, '').replace(/\//g, '-') || 'index'}-${mode.name}.png`;
        await page.screenshot({ path: `${OUT}/${name}`, fullPage: true });
      }
    }
    await context.close();
  }
  if (!only) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${ORIGIN}/ja/load-balancer/`);
    await page.locator('[data-explorer="load-balancer"]').screenshot({ path: 'public/screenshot-load-balancer.png' });
  }
} finally {
  await browser.close();
  server.close();
}

// Two PDF pages per language: the load-balancer explorer and the comparison matrix live early on.
for (const lang of only ? [] : ['ja', 'en']) {
  const pdf = `dist/guide-${lang}.pdf`;
  if (!existsSync(pdf)) {
    console.log(`${pdf} is missing: run npm run pdf for the PDF pages`);
    continue;
  }
  const run = spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '2', '-l', '5', pdf, `${OUT}/${lang}-pdf`]);
  if (run.error) console.log('pdftoppm not found (Debian: apt-get install poppler-utils): PDF pages skipped');
}
console.log(`Wrote ${OUT}/ and public/screenshot-load-balancer.png`);
