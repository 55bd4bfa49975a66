import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../src/browser/resolve.ts';
import type { checkSvg, drawFinished, finishSvg } from '../../src/diagram/finish.ts';
import { closeRenderer, drawingFunctionsScript, renderDiagram } from '../../src/diagram/render.ts';
import { sequenceSource } from '../../src/diagram/sequence.ts';

// checkSvg stands where Mermaid's strict-mode DOMPurify pass stood: every drawing passes it, at
// build time and after an edit. It must let every drawing of ours through and refuse anything that
// could run, or load, something.
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setContent('<!doctype html><title>check</title><body></body>');
  await page.addScriptTag({ content: drawingFunctionsScript() });
});

afterAll(async () => {
  await browser?.close();
  await closeRenderer();
});

/** The error checkSvg throws for `svg` (parsed in a template, as drawFinished does), or null. */
function refusal(svg: string): Promise<string | null> {
  return page.evaluate((markup) => {
    const template = document.createElement('template');
    template.innerHTML = markup;
    try {
      (window as unknown as { checkSvg: typeof checkSvg }).checkSvg(template.content.querySelector('svg')!);
      return null;
    } catch (error) {
      return String(error);
    }
  }, svg);
}

const NS = 'xmlns="http://www.w3.org/2000/svg"';

describe('checkSvg', () => {
  it("lets the site's own drawings through, hostile label text included", async () => {
    const source = sequenceSource({
      title: '<script>alert(1)</script>',
      description: 'onload="x" url(https://example.com/) @import',
      participants: [
        { key: 'c', label: ['<img src=x onerror=alert(1)>', '203.0.113.10'] },
        { key: 's', label: ['javascript:alert(1)', 'url(https://example.com/a.css)'] },
      ],
      steps: [
        { kind: 'message', from: 'c', to: 's', text: ['(1) 203.0.113.10:50000', '→ <a href="javascript:alert(1)">x</a>'] },
        { kind: 'note', over: ['c', 's'], text: '<foreignObject><div onclick="x"></div></foreignObject>' },
        {
          kind: 'group',
          label: '@import url(https://example.com/)',
          steps: [{ kind: 'message', from: 's', to: 'c', text: 'reply', reply: true }],
        },
      ],
    });
    for (const theme of ['light', 'dark'] as const) {
      const svg = await renderDiagram(source, `check-own-${theme}`, theme);
      expect(await refusal(svg)).toBeNull();
    }
    const own = [
      `<svg ${NS} id="a"><defs><marker id="m"/><filter id="f"/></defs><line marker-end="url(#m)"/><rect filter="url('#f')"/>`,
      `<style>#a .x { fill: red } #a > g, #a.y:hover rect { stroke: blue } @keyframes dash { to { opacity: 0 } }</style>`,
      '<text>onload url(https://example.com/) \\75 rl(</text></svg>',
    ].join('');
    expect(await refusal(own)).toBeNull();
  });

  const hostile: [string, string][] = [
    ['a script', `<svg ${NS} id="a"><script>window.ran = 1</script></svg>`],
    ['HTML in a foreignObject', `<svg ${NS} id="a"><foreignObject><div>x</div></foreignObject></svg>`],
    ['an event handler', `<svg ${NS} id="a"><rect onclick="window.ran = 1"/></svg>`],
    ['an event handler on the root', `<svg ${NS} id="a" onload="window.ran = 1"></svg>`],
    ['a link', `<svg ${NS} id="a"><a href="javascript:alert(1)"><text>x</text></a></svg>`],
    ['an animation that could rewrite a link', `<svg ${NS} id="a"><animate attributeName="href" to="javascript:alert(1)"/></svg>`],
    ['an image', `<svg ${NS} id="a"><image href="#x"/></svg>`],
    ['a use of another document', `<svg ${NS} id="a"><use href="https://example.com/x.svg#a"/></svg>`],
    [
      'an xlink to another document',
      `<svg ${NS} id="a" xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="data:image/svg+xml,x"/></svg>`,
    ],
    ['a paint from another document', `<svg ${NS} id="a"><rect fill="url(https://example.com/p.svg#g)"/></svg>`],
    ['a style attribute that loads', `<svg ${NS} id="a"><rect style="fill: url( 'https://example.com/p.svg#g')"/></svg>`],
    ['a stylesheet import', `<svg ${NS} id="a"><style>@import "https://example.com/a.css";</style></svg>`],
    ['a stylesheet that loads', `<svg ${NS} id="a"><style>rect { fill: url(https://example.com/p.svg#g) }</style></svg>`],
    ['an HTML element', `<svg ${NS} id="a"><desc><b>x</b></desc></svg>`],
    ['a CSS escape that spells url(', `<svg ${NS} id="a" style="background-image: \\75 rl(https://example.com/x)"></svg>`],
    ['image-set(), which needs no url(', `<svg ${NS} id="a" style="background-image: image-set('https://example.com/x' 1x)"></svg>`],
    ['an import spelt with an escape', `<svg ${NS} id="a"><style>@\\69 mport "https://example.com/a.css";</style></svg>`],
    ['a web font', `<svg ${NS} id="a"><style>@font-face { font-family: x; src: local(x); }</style></svg>`],
    ['a media rule', `<svg ${NS} id="a"><style>@media screen { #a rect { fill: red } }</style></svg>`],
    ['a rule for the whole page', `<svg ${NS} id="a"><style>#a rect { fill: red } body { display: none }</style></svg>`],
    ['a rule for another drawing', `<svg ${NS} id="a"><style>#ab rect { fill: red }</style></svg>`],
    ['a rule that reaches past the drawing', `<svg ${NS} id="a"><style>#a ~ * { display: none }</style></svg>`],
    ['a rule in a selector list that is not scoped', `<svg ${NS} id="a"><style>#a rect, main { fill: red }</style></svg>`],
    ['a reference to an id outside the drawing', `<svg ${NS} id="a"><use href="#elsewhere"/></svg>`],
    ['a url() to an id outside the drawing', `<svg ${NS} id="a"><line marker-end="url(#elsewhere)"/></svg>`],
    ['an id a stylesheet cannot be scoped to', `<svg ${NS} id="a b"></svg>`],
  ];
  for (const [what, svg] of hostile) {
    it(`refuses ${what}`, async () => {
      const refused = await refusal(svg);
      expect(refused).toMatch(/^Error: Refused drawing a/);
      // Refused for what the case is about, not for its id (every case but the last has a good one).
      if (!what.startsWith('an id')) expect(refused).not.toContain('cannot be scoped');
    });
  }

  it('drawFinished parses where nothing runs, and refuses before the drawing is anywhere', async () => {
    const result = await page.evaluate(async () => {
      const w = window as unknown as {
        drawFinished: typeof drawFinished;
        checkSvg: typeof checkSvg;
        finishSvg: typeof finishSvg;
        ran?: number;
      };
      const hostileMermaid = {
        render: async () => ({
          svg: '<svg xmlns="http://www.w3.org/2000/svg" id="h"><foreignObject><img src="x" onerror="window.ran = 1"></foreignObject></svg>',
        }),
      };
      let error = '';
      try {
        await w.drawFinished(hostileMermaid, { check: w.checkSvg, finish: w.finishSvg }, 'h', 'x');
      } catch (thrown) {
        error = String(thrown);
      }
      await new Promise((done) => setTimeout(done, 300));
      return { error, ran: w.ran ?? null, inDocument: document.querySelector('#h') !== null };
    });
    expect(result).toEqual({ error: 'Error: Refused drawing h: <foreignObject>', ran: null, inDocument: false });
  });
});
