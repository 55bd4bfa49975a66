import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../src/browser/resolve.ts';
import { closeRenderer, renderDiagram } from '../../src/diagram/render.ts';
import { sequenceSource } from '../../src/diagram/sequence.ts';
import { themeVariant } from '../../src/diagram/variant.ts';

// The dark drawing the browser derives after an edit must be the one Mermaid draws in the dark
// theme: same elements and geometry, the dark stylesheet; only the ids differ.
let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  await closeRenderer();
});

const source = sequenceSource({
  title: 'Load Balancer',
  description: 'Four packets',
  participants: [
    { key: 'c', label: ['クライアント', '203.0.113.10'] },
    { key: 'l', label: ['Load Balancer', '198.51.100.10'] },
    { key: 'b', label: ['Backend', '10.0.1.4'] },
  ],
  steps: [
    { kind: 'message', from: 'c', to: 'l', text: ['(1) 203.0.113.10:50000', '→ 198.51.100.10:443'] },
    { kind: 'note', over: ['l', 'b'], text: 'destination NAT' },
    {
      kind: 'group',
      label: 'reply',
      steps: [{ kind: 'message', from: 'b', to: 'c', text: '(3) 10.0.1.4:443 → 203.0.113.10:50000', reply: true }],
    },
  ],
});

/** Ids out of the way: the drawing's own id becomes ID, Mermaid's counters become N. */
function normalised(svg: string, id: string): string {
  return svg
    .replaceAll(id, 'ID')
    .replace(/ID-(actor|root-)/g, '$1')
    .replace(/(actor|root-)\d+/g, '$1N');
}

describe('themeVariant', () => {
  it("turns the light drawing into Mermaid's dark drawing of the same diagram", async () => {
    const light = await renderDiagram(source, 'variant-light', 'light');
    const dark = await renderDiagram(source, 'variant-dark', 'dark');
    browser = await launchBrowser();
    const page = await browser.newPage();
    await page.setContent(`<!doctype html><body><div id="l">${light}</div><div id="d">${dark}</div></body>`);
    await page.addScriptTag({ content: `window.themeVariant = ${themeVariant.toString()};` });
    const derived = await page.evaluate(() => {
      const { themeVariant: derive } = window as unknown as { themeVariant: typeof themeVariant };
      const variant = derive(document.querySelector('#l svg')!, document.querySelector('#d svg')!, 'variant-derived');
      return variant?.outerHTML ?? '';
    });
    // Serialised by the same browser, so attribute order and escaping match.
    const darkSerialised = await page.evaluate(() => document.querySelector('#d svg')!.outerHTML);
    expect(derived).not.toBe('');
    expect(normalised(derived, 'variant-derived')).toBe(normalised(darkSerialised, 'variant-dark'));
  });
});
