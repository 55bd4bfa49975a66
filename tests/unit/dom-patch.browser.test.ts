import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../src/browser/resolve.ts';
import { explorerFor, explorers, type ExplorerKind } from '../../src/explorers.ts';
import { translator, type Lang } from '../../src/i18n.ts';
import { h, toHtml, type ElementNode, type TreeNode } from '../../src/view/tree.ts';

// src/client/dom.ts in real Chromium: the DOM an edit writes must be the DOM the build wrote (so the
// first edit changes only what it changed), and patching one output into another must give what
// writing the second afresh gives.

const ORIGIN = 'http://atp.test';
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  // The two modules as the browser's bundle has them, types stripped, served from the repository.
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>patch</title><body></body>' });
    return route.fulfill({ contentType: 'text/javascript', body: stripTypeScriptTypes(readFileSync(`.${path}`, 'utf8')) });
  });
  await page.goto(`${ORIGIN}/`);
  await page.addScriptTag({ type: 'module', content: "import * as dom from '/src/client/dom.ts'; window.dom = dom;" });
  await page.waitForFunction(() => 'dom' in window);
});

afterAll(async () => {
  await browser?.close();
});

interface PatchResult {
  /** Whether the patched children equal the ones written afresh (`isEqualNode`, one by one). */
  equal: boolean;
  /** Mutation records by type while patching. */
  mutations: Record<string, number>;
  /** Elements of the first tree that are still in the patched DOM. */
  kept: number;
  elements: number;
}

/**
 * Writes `from` (as the build's HTML when `fromHtml`, else with toDom), patches it to `to`, and
 * compares the result with `to` written by toDom.
 */
function patch(from: readonly TreeNode[], to: readonly TreeNode[], fromHtml = false): Promise<PatchResult> {
  const html = fromHtml ? from.map(toHtml).join('') : undefined;
  return page.evaluate(
    async ({ from, to, html }) => {
      type Dom = typeof import('../../src/client/dom.ts');
      const { toDom, patchChildren } = (window as unknown as { dom: Dom }).dom;
      const holder = document.createElement('div');
      if (html === undefined) holder.append(...from.map(toDom));
      else holder.innerHTML = html;
      document.body.replaceChildren(holder);
      const before = [...holder.querySelectorAll('*')];
      const observer = new MutationObserver(() => undefined);
      observer.observe(holder, { subtree: true, childList: true, attributes: true, characterData: true });
      patchChildren(holder, to);
      const mutations: Record<string, number> = {};
      for (const record of observer.takeRecords()) mutations[record.type] = (mutations[record.type] ?? 0) + 1;
      observer.disconnect();
      const fresh = to.map(toDom);
      const equal = holder.childNodes.length === fresh.length && fresh.every((node, i) => node.isEqualNode(holder.childNodes[i]!));
      return { equal, mutations, kept: before.filter((element) => holder.contains(element)).length, elements: before.length };
    },
    { from, to, html },
  );
}

/** An explorer's outputs for a scenario given as URL parameters. */
function outputs(kind: ExplorerKind, lang: Lang, raw: Record<string, string> = {}): readonly ElementNode[] {
  const definition = explorerFor(kind);
  const result = definition.read(raw);
  if (!result.ok) throw new Error(`${kind}: ${JSON.stringify(result.errors)}`);
  return definition.view(result.scenario, translator(lang)).outputs;
}

describe('explorer output in the browser', () => {
  for (const kind of Object.keys(explorers) as ExplorerKind[]) {
    for (const lang of ['ja', 'en'] as const) {
      it(`${kind} (${lang}): the DOM an edit writes is the DOM of the built HTML, so patching the page's own scenario changes nothing`, async () => {
        const shown = outputs(kind, lang);
        const result = await patch(shown, shown, true);
        expect(result.equal).toBe(true);
        expect(result.mutations).toEqual({});
        expect(result.kept).toBe(result.elements);
      });
    }
  }

  it('a new client port changes the text and data-value of the cells that show it, and no element', async () => {
    const before = outputs('load-balancer', 'ja');
    const after = outputs('load-balancer', 'ja', { cport: '50001' });
    const result = await patch(before, after, true);
    expect(result.equal).toBe(true);
    expect(result.mutations.childList ?? 0).toBe(0);
    expect(result.mutations.characterData).toBeGreaterThan(0);
    expect(result.mutations.attributes).toBeGreaterThan(0);
    expect(result.kept).toBe(result.elements);
  });

  it('text is written as the browser parses it back: adjacent strings as one node, empty ones as none', async () => {
    const tree = [h('p', { class: 'atp-note' }, 'a', '', 'b', h('code', {}, ''), '', h('span', {}, 'c', 'd'), 'e')];
    const result = await patch(tree, tree, true);
    expect(result.equal).toBe(true);
    expect(result.mutations).toEqual({});
  });

  it('an element whose accessible label changes is a new element, not the old one relabelled', async () => {
    const result = await patch(
      [h('div', { 'aria-label': 'Hops', tabindex: '0' }, 'x')],
      [h('div', { 'aria-label': 'Probes', tabindex: '0' }, 'x')],
    );
    expect(result.equal).toBe(true);
    expect(result.kept).toBe(0);
  });

  it('more backends add rows; fewer take them away again', async () => {
    const two = outputs('health-probes', 'en');
    const four = outputs('health-probes', 'en', { backends: '10.0.1.4,10.0.1.5,10.0.1.6,10.0.1.7' });
    const grown = await patch(two, four, true);
    expect(grown.equal).toBe(true);
    expect(grown.mutations.childList).toBeGreaterThan(0);
    const shrunk = await patch(four, two);
    expect(shrunk.equal).toBe(true);
  });
});

describe('patchChildren on any two trees', () => {
  const tag = fc.constantFrom('div', 'p', 'span', 'table', 'tr', 'td', 'th', 'code', 'wbr', 'ul', 'li');
  const attrs = fc.dictionary(
    fc.constantFrom('class', 'data-field', 'data-value', 'scope', 'id', 'aria-label'),
    fc.string({ maxLength: 4 }),
    {
      maxKeys: 3,
    },
  );
  const text = fc.string({ maxLength: 5 });
  const { tree } = fc.letrec<{ tree: ElementNode; node: TreeNode }>((self) => ({
    tree: fc
      .tuple(tag, attrs, fc.array(self('node'), { maxLength: 4 }))
      // Void elements have no children, as in the views.
      .map(([name, attributes, children]) => h(name, attributes, name === 'wbr' ? [] : children)),
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, self('tree')),
  }));
  const forest = fc.array(tree, { maxLength: 4 });

  it('gives the DOM that writing the second tree afresh gives', async () => {
    await fc.assert(
      fc.asyncProperty(forest, forest, async (from, to) => {
        expect((await patch(from, to)).equal).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('changes nothing when the tree is the same', async () => {
    await fc.assert(
      fc.asyncProperty(forest, async (same) => {
        const result = await patch(same, same);
        expect(result.mutations).toEqual({});
      }),
      { numRuns: 60 },
    );
  });
});
