import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CHROMIUM_ARGS, resolveBrowser } from '../src/browser/resolve.ts';
const cpu = () => { const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number); return f[0]! + f[1]! + f[2]! + f[5]! + f[6]!; };
const extra = (process.env.EXTRA ?? '').split(' ').filter(Boolean);
const browser = await chromium.launch({ executablePath: resolveBrowser().executablePath, args: [...CHROMIUM_ARGS, ...extra] });
for (const url of ['data:text/html,<p>hi', 'data:text/html,<p>日本語のテキスト', 'http://127.0.0.1:4555/en/links/', 'http://127.0.0.1:4555/en/load-balancer/']) {
  const c0 = cpu(); const t0 = performance.now();
  for (let i = 0; i < 10; i++) { const ctx = await browser.newContext(); const page = await ctx.newPage(); await page.goto(url); await ctx.close(); }
  console.log(url.slice(0, 45).padEnd(45), 'wall', ((performance.now() - t0) / 10).toFixed(0), 'cpu', ((cpu() - c0) / 10 * 10).toFixed(0), 'ms');
}
await browser.close();
