/**
 * Writes the printed guide: dist/guide-ja.pdf and dist/guide-en.pdf (A4, diagrams included,
 * a PDF outline from the headings). Prints /ja/print/ and /en/print/ from the production build
 * in headless Chromium, exactly as a reader's browser print would (print stylesheet and all).
 * Usage: npm run pdf   (builds first when dist/ is missing)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { launchBrowser } from '../src/browser/resolve.ts';
import { originOf, serve } from './serve.ts';

if (!existsSync('dist/ja/print/index.html') || process.argv.includes('--build')) {
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// A free port, so a run never collides with another one on the same machine.
const server = await serve('dist', 0);
const ORIGIN = originOf(server);
const browser = await launchBrowser();
try {
  for (const lang of ['ja', 'en'] as const) {
    const page = await browser.newPage();
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    await page.goto(`${ORIGIN}/${lang}/print/`, { waitUntil: 'networkidle' });
    await page.evaluate(() => document.fonts.ready);
    const path = `dist/guide-${lang}.pdf`;
    await page.pdf({
      path,
      format: 'A4',
      printBackground: true,
      outline: true,
      tagged: true,
      margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="width:100%;font-size:8px;color:#555;text-align:center;font-family:sans-serif">' +
        'Azure Traffic Paths — <span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    });
    console.log(`Wrote ${path} (${(statSync(path).size / 1024).toFixed(0)} KB)`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
