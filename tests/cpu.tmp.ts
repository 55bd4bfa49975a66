import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CHROMIUM_ARGS, resolveBrowser } from '../src/browser/resolve.ts';
const cpu = () => { const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number); return { busy: f[0]! + f[1]! + f[2]! + f[5]! + f[6]!, all: f.reduce((a, b) => a + b, 0) }; };
const extra = (process.env.EXTRA ?? '').split(' ').filter(Boolean);
const browser = await chromium.launch({ executablePath: resolveBrowser().executablePath, args: [...CHROMIUM_ARGS, ...extra] });
const paths = ['/en/load-balancer/', '/ja/paths/', '/en/lookup/', '/en/faq/client-ip/', '/ja/outbound/'];
const mode = process.env.MODE ?? 'ctx';
let ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
let page = await ctx.newPage();
await page.goto('http://127.0.0.1:4555/en/');
const c0 = cpu(); const t0 = performance.now();
for (let i = 0; i < 4; i++) for (const p of paths) {
  if (mode === 'page') { await page.close(); page = await ctx.newPage(); }
  if (mode === 'ctx') { await ctx.close(); ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } }); page = await ctx.newPage(); }
  await page.goto('http://127.0.0.1:4555' + p);
}
const c1 = cpu();
console.log(mode, extra.join(' '), 'wall/load', ((performance.now() - t0) / 20).toFixed(0), 'ms; cpu/load', (((c1.busy - c0.busy) / 100) / 20 * 1000).toFixed(0), 'ms');
await browser.close();
