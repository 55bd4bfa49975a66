import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, resolveBrowser } from '../src/browser/resolve.ts';
const browser = await chromium.launch({ executablePath: resolveBrowser().executablePath, args: CHROMIUM_ARGS });
const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await cdp.send('Performance.enable');
const get = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m: any) => [m.name, m.value]));
for (const path of ['/en/load-balancer/', '/ja/paths/', '/en/lookup/', '/ja/faq/client-ip/', '/en/links/', '/ja/print/']) {
  for (let i = 0; i < 2; i++) {
    await page.goto('about:blank');
    const a = await get();
    const t = performance.now();
    await page.goto('http://127.0.0.1:4555' + path);
    await page.evaluate(() => document.fonts.ready);
    const w = performance.now() - t;
    const b = await get();
    const d = (k: string) => ((b[k] - a[k]) * 1000).toFixed(0);
    if (i) console.log(path.padEnd(22), 'wall', w.toFixed(0), 'task', d('TaskDuration'), 'script', d('ScriptDuration'), 'layout', d('LayoutDuration'), 'style', d('RecalcStyleDuration'), 'nodes', b.Nodes);
  }
}
await browser.close();
