/**
 * Mermaid in the reader's browser. This module runs in a frame of its own, an empty same-origin
 * document that src/client/redraw.ts makes when the reader shows intent; the page calls
 * `atpRender` there and puts the SVG it returns in place. It draws as the build does
 * (src/diagram/render.ts): the same config, a document with nothing else in it, the same
 * check and finishing function.
 *
 * Why a frame: Mermaid measures every label by adding it to the document and asking the browser
 * for its size, dozens of times per drawing, and each time the browser brings the document's
 * styles and layout up to date. In the guide's pages (Starlight's styles, tables, forms) that
 * made a redraw about a fifth slower than in an empty document.
 */
import mermaid from 'mermaid';
import { mermaidConfig, type DiagramTheme } from '../diagram/config.ts';
import { checkSvg, drawFinished, finishSvg } from '../diagram/finish.ts';

/**
 * Draws `source` in `theme`; the SVG's id is `svgId` (Mermaid scopes its stylesheet to it). The
 * finished element is handed over as it is (the page adopts it), not written out as markup for
 * the page to parse again.
 */
export type Render = (svgId: string, source: string, theme: DiagramTheme) => Promise<SVGSVGElement>;

let configured: DiagramTheme | undefined;

const draw: Render = async (svgId, source, theme) => {
  // `initialize` rebuilds Mermaid's whole theme; only a theme change needs it.
  if (configured !== theme) {
    mermaid.initialize(mermaidConfig(theme));
    configured = theme;
  }
  return drawFinished(mermaid, { check: checkSvg, finish: finishSvg }, svgId, source);
};

/** One drawing at a time, in the order asked: a theme change must not land in another drawing. */
let queue: Promise<unknown> = Promise.resolve();

const render: Render = (svgId, source, theme) => {
  const drawing = queue.then(() => draw(svgId, source, theme));
  queue = drawing.catch(() => undefined);
  return drawing;
};

(window as unknown as { atpRender: Render }).atpRender = render;
