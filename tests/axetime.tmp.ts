import { chromium } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
import { CHROMIUM_ARGS, resolveBrowser } from '../src/browser/resolve.ts';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const browser = await chromium.launch({ executablePath: resolveBrowser().executablePath, args: CHROMIUM_ARGS });
const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await ctx.newPage();
for (const path of ['/en/load-balancer/', '/ja/paths/', '/en/lookup/']) {
  await page.goto('http://127.0.0.1:4555' + path);
  for (let i = 0; i < 2; i++) {
    let t = performance.now();
    const r = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    console.log(path, 'builder', (performance.now() - t).toFixed(0), r.violations.length);
    t = performance.now();
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
    const t1 = performance.now();
    const v = await page.evaluate(async (tags) => { const res = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], iframes: false }); return res.violations.map((x: any) => x.id); }, WCAG);
    console.log(path, 'direct', (performance.now() - t).toFixed(0), 'inject', (t1 - t).toFixed(0), v);
    t = performance.now();
    const v2 = await page.evaluate(async () => { const res = await (window as any).axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast', 'link-in-text-block'] }, resultTypes: ['violations'], iframes: false }); return res.violations.map((x: any) => x.id); });
    console.log(path, 'direct-colour', (performance.now() - t).toFixed(0), v2);
  }
}
await browser.close();
