import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { diagramText, hopValues, waitForRedraw } from './helpers.ts';
import { PATH_GOLDENS } from './path-goldens.ts';

/**
 * Issue 32, "diagrams that never mislead", on the drawings the browser makes: each preset chain's
 * lanes and arrows read from the SVG, against the hop table beside it. (Every valid chain is
 * checked on the Mermaid source in tests/unit/path-diagram.node.test.ts.) Where a chain has a
 * hand-worked golden (path-goldens.ts), its table and arrows are checked against it too.
 */
const PRESETS = [
  'fd,agw',
  'fw,agw',
  'tm,agw',
  'fd,lb',
  'agw,lb',
  'pls,lb&client=10.1.0.10',
  'fd,pls,lb',
  // The "Common designs" preset carries the routes that make it work; the bare chain goes around the firewall.
  'agw,fwr&routes=agw:10.0.1.0/24%3D10.0.2.4,backend:10.0.0.0/24%3D10.0.2.4',
  'agw,fwr',
  'tm,fd,fw,agw,lb',
];

const squash = (text: string) => text.replace(/\s+/g, '');

/**
 * The drawing as a reader sees it, in SVG units: lanes (name, address, centre: Mermaid writes each
 * line of a lane's label as its own text at the lane's centre) and arrows (their label lines, which
 * come just before the arrow's line, and the line's ends).
 */
async function readSvg(explorer: Locator) {
  return explorer.locator('[data-diagram] [data-svg="light"] svg').evaluate((svg) => {
    const byX = new Map<number, string[]>();
    for (const text of svg.querySelectorAll('text.actor')) {
      const x = Number(text.getAttribute('x'));
      byX.set(x, [...(byX.get(x) ?? []), (text.textContent ?? '').trim()]);
    }
    const lanes = [...byX].map(([x, lines]) => ({ name: lines.slice(0, -1).join('').replace(/\s+/g, ''), address: lines.at(-1)!, x }));
    const arrows: { lines: string[]; from: number; to: number; cross: boolean }[] = [];
    let label: string[] = [];
    for (const el of svg.querySelectorAll('text.messageText, line.messageLine0, line.messageLine1')) {
      if (el.localName === 'text') label.push((el.textContent ?? '').trim());
      else {
        // A leg no packet takes ends in Mermaid's cross instead of an arrowhead.
        const cross = (el.getAttribute('marker-end') ?? '').includes('crosshead');
        arrows.push({ lines: label, from: Number(el.getAttribute('x1')), to: Number(el.getAttribute('x2')), cross });
        label = [];
      }
    }
    return { lanes, arrows };
  });
}

for (const lang of ['ja', 'en'] as const) {
  test.describe(`/${lang}/paths/ at 1280`, () => {
    test.use({ viewport: { width: 1280, height: 900 } });
    for (const chain of PRESETS) {
      test(`${chain}: one address per lane, every arrow between the lanes its row names`, async ({ page }) => {
        await page.goto(`/${lang}/paths/?chain=${chain}`);
        const explorer = page.locator('[data-explorer="path"]');
        // A permalink redraws after load, the default chain's too: read the drawing once it has been
        // swapped in (read mid-swap, the frame measured 0 px wide).
        await waitForRedraw(explorer);
        const { lanes, arrows } = await readSvg(explorer);
        expect(new Set(lanes.map((lane) => lane.address)).size, JSON.stringify(lanes)).toBe(lanes.length);
        const laneAt = (x: number) => lanes.reduce((best, lane) => (Math.abs(lane.x - x) < Math.abs(best.x - x) ? lane : best));
        const rows = await explorer.locator('[data-hop]').evaluateAll((trs) =>
          trs.map((tr) => ({
            n: tr.getAttribute('data-hop')!,
            leg: tr.querySelector('.atp-leg')!.textContent!,
            warning: tr.hasAttribute('data-warning'),
            untaken: tr.getAttribute('data-taken') === 'no',
            nextHop: tr.querySelector('[data-field="next-hop"]')?.getAttribute('data-value') ?? '',
          })),
        );
        for (const row of rows) {
          const arrow = arrows.find((a) => new RegExp(`^(⚠ )?\\(${row.n}\\) `).test(a.lines[0] ?? ''));
          expect(arrow, `leg ${row.n}`).toBeDefined();
          const [from, named] = row.leg.split(' → ');
          // A leg a route sends elsewhere names where it really goes, then whom it misses
          // (path.leg.astray: "{to}, not {meant}", 「{meant} ではなく {to}」).
          const [going, meant] = lang === 'en' ? named!.split(', not ') : named!.split(' ではなく ').reverse();
          const to = squash(meant === undefined ? named! : going!);
          if (meant !== undefined) {
            expect(row.warning, `leg ${row.n} astray`).toBe(true);
            expect(lanes.map((lane) => lane.name)).toContain(squash(meant));
          }
          const [sender, receiver] = [laneAt(arrow!.from), laneAt(arrow!.to)];
          // Drawn where its row says it goes: for a leg sent astray, the appliance its route names or
          // past a device reached by route.
          expect([sender.name, receiver.name], `leg ${row.n}`).toEqual([squash(from!), to]);
          if (meant !== undefined && row.nextHop.startsWith('VirtualAppliance '))
            expect(`VirtualAppliance ${receiver.address}`).toBe(row.nextHop);
          expect(arrow!.lines[0]!.startsWith('⚠'), `leg ${row.n} warning`).toBe(row.warning);
          // A leg no packet takes is crossed in the table and ends in a cross in the drawing.
          expect(arrow!.cross, `leg ${row.n} not taken`).toBe(row.untaken);
        }
        // The hand-worked legs, where the chain has them (paths.spec.ts checks the page's preset links).
        const golden = PATH_GOLDENS[chain];
        // The bare routed chain: the firewall's own legs (3 and 5) are not taken, the others are.
        if (chain === 'agw,fwr') expect(rows.filter((row) => row.untaken).map((row) => row.n)).toEqual(['3', '5']);
        if (chain.startsWith('agw,fwr&')) expect(rows.filter((row) => row.untaken || row.warning)).toEqual([]);
        if (golden) {
          expect(await hopValues(explorer)).toEqual(golden.legs);
          await expect(explorer.locator('[data-field="backend-source"]')).toHaveAttribute('data-value', golden.source);
          await expect(explorer.locator('[data-field="xff"]')).toHaveAttribute('data-value', golden.xff);
          const text = await diagramText(explorer);
          for (const [src, dst] of golden.legs) expect(text).toContain(`${src} → ${dst}`);
        }
        // Drawn at 11 px or more; wider than its frame only if the frame says so.
        const figure = explorer.locator('[data-diagram]');
        const frame = figure.locator('[data-svg="light"]');
        const overflows = await frame.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
        if (overflows) await expect(figure.locator('[data-diagram-scroll]')).toBeVisible();
        else await expect(figure.locator('[data-diagram-scroll]')).toBeHidden();
        const scale = await frame
          .locator('svg')
          .evaluate((svg) => svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width);
        expect(scale * 14).toBeGreaterThanOrEqual(10.95);
      });
    }
  });
}

test.describe('a five-service path on a phone', () => {
  test.use({ viewport: { width: 390, height: 800 } });
  test('/en/paths/?chain=tm,fd,fw,agw,lb: labels at 11 px, the frame scrolls and says so', async ({ page }) => {
    await page.goto('/en/paths/?chain=tm,fd,fw,agw,lb');
    const explorer = page.locator('[data-explorer="path"]');
    await waitForRedraw(explorer);
    const figure = explorer.locator('[data-diagram]');
    const svg = figure.locator('[data-svg="light"] svg');
    const scale = await svg.evaluate((el) => el.getBoundingClientRect().width / (el as SVGSVGElement).viewBox.baseVal.width);
    expect(scale * 14).toBeGreaterThanOrEqual(10.95);
    await expect(figure).toHaveAttribute('data-overflow', '');
    await expect(figure.locator('[data-diagram-scroll]')).toBeVisible();
    // The page itself never scrolls sideways: only the drawing's own frame does.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
