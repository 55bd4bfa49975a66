/**
 * Writes public/screenshot-load-balancer.png (used by the README and as the Open Graph image)
 * from the built site: the Load Balancer explorer with its default scenario.
 */
import { launchBrowser } from '../src/browser/resolve.ts';
import { serve } from './serve.ts';

const server = await serve('dist', 4478);
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
await page.goto('http://127.0.0.1:4478/ja/load-balancer/');
await page.locator('[data-explorer="load-balancer"]').screenshot({ path: 'public/screenshot-load-balancer.png' });
await browser.close();
server.close();
console.log('Wrote public/screenshot-load-balancer.png');
