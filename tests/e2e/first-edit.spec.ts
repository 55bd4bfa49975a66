/**
 * A reader's first edit costs what a later one costs (issue 32): once they show intent, the edit's
 * table path is rehearsed on a copy of the explorer while they are still reading
 * (src/client/runtime.ts `rehearse`). Counted in functions and DOM changes, not milliseconds, so it
 * holds on any machine (how long an edit takes is `npm run measure`'s to say).
 */
import type { CDPSession, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { waitForRedraw } from './helpers.ts';

/** The built chunk that holds the engine, the views and the table's update path (src/client/runtime.ts). */
const RUNTIME = /\/_astro\/runtime\.[\w-]+\.js$/;

interface Coverage {
  result: { url: string; functions: { ranges: { startOffset: number; count: number }[] }[] }[];
}

/** The runtime chunk's functions that ran since the last call (V8's precise coverage counts calls, then starts again). */
async function ranSince(session: CDPSession): Promise<Set<number>> {
  const { result } = (await session.send('Profiler.takePreciseCoverage')) as Coverage;
  const chunk = result.filter((script) => RUNTIME.test(script.url));
  expect(chunk, 'the runtime chunk was loaded once').toHaveLength(1);
  return new Set(chunk[0]!.functions.filter((f) => f.ranges[0]!.count > 0).map((f) => f.ranges[0]!.startOffset));
}

/** From now on, each change of the status line and the changed count: `characterData` (a text node's data) or `childList` (a node inserted or removed). */
function watchLines(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __lines: string[] };
    w.__lines = [];
    const observer = new MutationObserver((records) => w.__lines.push(...records.map((record) => record.type)));
    const root = document.querySelector('[data-explorer][data-interactive]')!;
    for (const line of root.querySelectorAll('[data-status], [data-changed-count]'))
      observer.observe(line, { subtree: true, childList: true, characterData: true });
  });
}

for (const { path, field, value } of [
  { path: '/en/paths/', field: 'cport', value: '50123' },
  { path: '/ja/load-balancer/', field: 'cport', value: '50123' },
]) {
  test(`${path}: the first edit runs code already run, and writes the status line as a later edit does`, async ({ page }) => {
    const session = await page.context().newCDPSession(page);
    await session.send('Profiler.enable');
    // Started before the page's scripts run, so every call is counted.
    await session.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
    try {
      await page.goto(path);
      const explorer = page.locator('[data-explorer][data-interactive]').first();
      const status = explorer.locator('[data-status]');
      // Intent: the reader focuses a field. The rehearsal runs when the browser is next idle; it
      // starts by giving the status line its (empty) text node.
      await explorer.locator(`input[name="${field}"]`).focus();
      await expect.poll(() => status.evaluate((line) => line.firstChild instanceof Text)).toBe(true);
      // Nothing the reader sees has changed: the status line is still empty, no count.
      await expect(status).toHaveText('');
      await expect(explorer.locator('[data-changed-count]')).toHaveText('');
      expect(await explorer.getAttribute('data-rendered')).toBeNull();

      // The results stand where they will stand after the edit: the status line holds its line.
      const outputTop = () => explorer.locator('[data-output]').evaluate((output) => output.getBoundingClientRect().top);
      const top = await outputTop();
      const before = await ranSince(session);
      await watchLines(page);
      await explorer.locator(`input[name="${field}"]`).fill(value);
      await waitForRedraw(explorer, 1);
      const during = await ranSince(session);
      const fresh = [...during].filter((offset) => !before.has(offset));
      // What runs for the first time is only the edit's own page effects: writing the URL, telling
      // the other explorers, scheduling and placing the drawing (14 functions in this build). Without
      // the rehearsal, the whole table path ran for the first time at the first edit: 38 functions.
      expect(fresh.length, `functions first run by the first edit, of ${during.size}`).toBeLessThanOrEqual(20);

      // The status line and the count took their text as a change of data, as at every later edit:
      // no node was inserted there (an inserted node makes Chromium re-check Starlight's list rule
      // over the whole page's content).
      await expect(status).not.toHaveText('');
      expect(await outputTop(), 'the results moved when the status line spoke').toBe(top);
      await expect(explorer.locator('[data-changed-count]')).not.toHaveText('');
      const lines = await page.evaluate(() => (window as unknown as { __lines: string[] }).__lines);
      expect(lines).toEqual(['characterData', 'characterData']);
    } finally {
      await session.send('Profiler.stopPreciseCoverage');
      await session.detach();
    }
  });
}
