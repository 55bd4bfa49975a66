/**
 * What stands between an edit and its new drawing on screen (issue 35): the drawing of the theme
 * shown is put in place in a task of its own, and the work nobody sees yet — the other theme's
 * copy, the URL given to `history` (`replaceState` costs milliseconds) — follows after that
 * drawing has been painted. Counted in frames, not milliseconds, so it holds on any machine.
 */
import { expect, test } from './fixtures.ts';
import { waitForRedraw } from './helpers.ts';

interface Seen {
  what: string;
  frame: number;
}

test('an edit paints the shown drawing before the other theme and the URL are written', async ({ page }) => {
  await page.goto('/en/paths/');
  const explorer = page.locator('[data-explorer="path"]');
  const cport = explorer.locator('input[name="cport"]');
  // Intent: the engine and Mermaid load meanwhile, as for a reader about to type.
  await cport.focus();
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => {
    const w = window as unknown as { __seen: Seen[]; __frame: number };
    w.__seen = [];
    w.__frame = 0;
    // A frame counter: it moves on once per rendering opportunity, before other frame callbacks.
    const tick = () => {
      w.__frame++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const replaceState = history.replaceState.bind(history);
    history.replaceState = (...args: Parameters<History['replaceState']>) => {
      w.__seen.push({ what: 'url', frame: w.__frame });
      replaceState(...args);
    };
    const root = document.querySelector<HTMLElement>('[data-explorer="path"]')!;
    new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target as HTMLElement;
        if (record.type === 'attributes') w.__seen.push({ what: 'rendered', frame: w.__frame });
        else if (target.dataset.svg && target.parentElement?.parentElement === root)
          w.__seen.push({ what: `svg ${target.dataset.svg}`, frame: w.__frame });
      }
    }).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-rendered'] });
  });

  // The first edit (Mermaid warm) and a later one.
  for (const [n, port] of [
    [1, '50123'],
    [2, '50124'],
  ] as const) {
    await page.evaluate(() => ((window as unknown as { __seen: Seen[] }).__seen.length = 0));
    await cport.fill(port);
    await waitForRedraw(explorer, n);
    await expect.poll(() => new URL(page.url()).searchParams.get('cport')).toBe(port);
    await expect.poll(() => explorer.locator('[data-diagram] [data-svg="dark"] svg').textContent()).toContain(`203.0.113.10:${port}`);
    const seen = await page.evaluate(() => (window as unknown as { __seen: Seen[] }).__seen);
    const at = (what: string) => seen.filter((event) => event.what === what).map((event) => event.frame);
    // One drawing each, and the URL written once.
    expect(at('svg light'), JSON.stringify(seen)).toHaveLength(1);
    expect(at('svg dark'), JSON.stringify(seen)).toHaveLength(1);
    expect(at('url'), JSON.stringify(seen)).toHaveLength(1);
    const shown = at('svg light')[0]!;
    // The shown drawing and data-rendered in one task, then a paint, then the rest.
    expect(at('rendered')).toEqual([shown]);
    expect(at('svg dark')[0], JSON.stringify(seen)).toBeGreaterThan(shown);
    expect(at('url')[0], JSON.stringify(seen)).toBeGreaterThan(shown);
  }
});
