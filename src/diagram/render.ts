import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../browser/resolve.ts';
import { mermaidConfig, type DiagramTheme } from './config.ts';
import { checkSvg, drawFinished, finishSvg, type MermaidRenderer } from './finish.ts';

/**
 * Build-time Mermaid: one headless Chromium for the whole build, one page with the same Mermaid
 * bundle and configuration the browser uses. Kept on globalThis so every module instance that
 * Vite creates shares it, and the integration in astro.config.mjs can close it at the end.
 */
interface RendererState {
  page?: Promise<Page>;
  browser?: Browser;
  queue: Promise<unknown>;
  cache: Map<string, string>;
}

/** The functions as the drawing page holds them (window globals, sent as source text). */
type Check = typeof checkSvg;
type Finish = typeof finishSvg;
type Draw = typeof drawFinished;

const KEY = Symbol.for('azure-traffic-paths.diagram-renderer');
const globals = globalThis as typeof globalThis & { [KEY]?: RendererState };
const state: RendererState = (globals[KEY] ??= { queue: Promise.resolve(), cache: new Map() });

async function openPage(): Promise<Page> {
  const browser = await launchBrowser();
  state.browser = browser;
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
  const require = createRequire(import.meta.url);
  await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
  await page.addScriptTag({ content: drawingFunctionsScript() });
  return page;
}

/**
 * A script that defines the drawing, checking and finishing functions the reader's browser runs
 * after an edit as window globals of a page, from their source text.
 */
export function drawingFunctionsScript(): string {
  const functions = { checkSvg, finishSvg, drawFinished };
  return Object.entries(functions)
    .map(([name, f]) => `window.${name} = ${f.toString()};`)
    .join('\n');
}

/**
 * Renders Mermaid source to an SVG string in one theme. `id` becomes the SVG's id (Mermaid
 * scopes its styles to it), so it must be unique on the page. Renders run one at a time on the
 * shared page.
 */
export function renderDiagram(source: string, id: string, theme: DiagramTheme = 'light'): Promise<string> {
  const cacheKey = `${id}\n${theme}\n${source}`;
  const cached = state.cache.get(cacheKey);
  if (cached !== undefined) return Promise.resolve(cached);
  const job = state.queue.then(async () => {
    state.page ??= openPage();
    const page = await state.page;
    const svg = await page.evaluate(
      async ({ id, source, config }) => {
        const { mermaid, checkSvg, finishSvg, drawFinished } = window as unknown as {
          mermaid: MermaidRenderer & { initialize(c: unknown): void };
          checkSvg: Check;
          finishSvg: Finish;
          drawFinished: Draw;
        };
        mermaid.initialize(config);
        return (await drawFinished(mermaid, { check: checkSvg, finish: finishSvg }, id, source)).outerHTML;
      },
      { id, source, config: mermaidConfig(theme) },
    );
    state.cache.set(cacheKey, svg);
    return svg;
  });
  state.queue = job.catch(() => undefined);
  return job;
}

export async function closeRenderer(): Promise<void> {
  const browser = state.browser;
  state.page = undefined;
  state.browser = undefined;
  state.cache.clear();
  await browser?.close();
}
