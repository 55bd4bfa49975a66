import type { Locator } from '@playwright/test';
import { expect } from './fixtures.ts';

/** The [src, dst] data-values of each hop row, in order. */
export async function hopValues(explorer: Locator): Promise<[string, string][]> {
  const rows = explorer.locator('[data-hop]');
  const out: [string, string][] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    out.push([
      (await row.locator('[data-field="src"]').getAttribute('data-value')) ?? '',
      (await row.locator('[data-field="dst"]').getAttribute('data-value')) ?? '',
    ]);
  }
  return out;
}

/** Same, but the visible text of the cells. */
export async function hopTexts(explorer: Locator): Promise<[string, string][]> {
  const rows = explorer.locator('[data-hop]');
  const out: [string, string][] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    out.push([
      (await row.locator('[data-field="src"]').innerText()).trim(),
      (await row.locator('[data-field="dst"]').innerText()).trim(),
    ]);
  }
  return out;
}

/**
 * The text a reader sees in the explorer's diagram: every line of every label, in document
 * order, one space between lines (a message is drawn as "(1) src" over "→ dst").
 */
export async function diagramText(explorer: Locator): Promise<string> {
  return explorer
    .locator('[data-diagram] [data-svg="light"] svg')
    .first()
    .evaluate((svg) =>
      [...svg.querySelectorAll('text')]
        .flatMap((text) => {
          const lines = [...text.querySelectorAll('tspan')];
          return (lines.length > 0 ? lines : [text]).map((line) => (line.textContent ?? '').trim());
        })
        .join(' '),
    );
}

/** Asserts that the diagram SVG contains every value given. */
export async function expectDiagramHas(explorer: Locator, values: readonly string[]): Promise<void> {
  const text = await diagramText(explorer);
  for (const value of values) expect(text, `diagram text should contain ${value}`).toContain(value);
}

/** Waits until the explorer has redrawn its diagram at least `count` times since load. */
export async function waitForRedraw(explorer: Locator, atLeast = 1): Promise<void> {
  await expect
    .poll(async () => Number((await explorer.getAttribute('data-rendered')) ?? '0'), { timeout: 15_000 })
    .toBeGreaterThanOrEqual(atLeast);
}
