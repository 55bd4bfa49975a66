/**
 * Redraws an explorer's diagram after an edit. Mermaid draws in a frame of its own
 * (src/client/diagram-renderer.ts, made when the reader shows intent; see explorer.ts), with the
 * one config the build uses and the same finishing function; this module puts the SVG in place.
 * The visible theme is drawn; the other theme is derived from that drawing
 * (src/diagram/variant.ts), after an edit's drawing has been painted, so a theme switch shows the
 * same scenario at no extra render.
 */
import rendererUrl from './diagram-renderer.ts?worker&url';
import type { Render } from './diagram-renderer.ts';
import { DIAGRAM_THEMES, type DiagramTheme } from '../diagram/config.ts';
import { sequenceSource, type SequenceDiagram } from '../diagram/sequence.ts';
import { themeVariant } from '../diagram/variant.ts';
import { afterPaint, whenIdle } from './frames.ts';

let renderCount = 0;
let renderer: Promise<Render> | undefined;

/**
 * The frame Mermaid draws in, made once: an empty document of this page's origin (so the page
 * can call it directly) holding only the renderer module. Laid out, since Mermaid measures text
 * there, but never seen, focused, announced or printed.
 */
function rendererFrame(): Promise<Render> {
  renderer ??= new Promise<Render>((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.title = 'Mermaid';
    frame.tabIndex = -1;
    frame.setAttribute('aria-hidden', 'true');
    frame.style.cssText = 'position:fixed;top:0;left:0;width:0;height:0;border:0;visibility:hidden;pointer-events:none';
    const script = new URL(rendererUrl, document.baseURI).href;
    // Mermaid draws in this document's live body before checkSvg sees the drawing, so the frame
    // may run only this origin's scripts and load nothing else: no inline handler, image, font or
    // connection would work here even if a drawing held one.
    const policy = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'";
    frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy}"><title>Mermaid</title><script type="module" src="${script}"></script></head><body></body></html>`;
    frame.addEventListener('load', () => {
      const render = (frame.contentWindow as (Window & { atpRender?: Render }) | null)?.atpRender;
      if (render) resolve(render);
      else reject(new Error(`the diagram renderer did not start (${script})`));
    });
    document.body.append(frame);
  });
  return renderer;
}

/** The finished drawing of `source` in `theme`, made in the renderer's frame and adopted by this page. */
async function drawSvg(svgId: string, source: string, theme: DiagramTheme): Promise<SVGSVGElement> {
  const render = await rendererFrame();
  return document.adoptNode(await render(svgId, source, theme));
}

function visibleTheme(): DiagramTheme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

let warm: Promise<unknown> | undefined;

/** A small drawing with every kind of step the explorers use, for the warm-up. */
const WARM_UP: SequenceDiagram = {
  title: 'warm-up',
  description: 'warm-up',
  participants: [
    { key: 'a', label: ['a', '192.0.2.1'] },
    { key: 'b', label: ['b', '192.0.2.2'] },
  ],
  steps: [
    { kind: 'message', from: 'a', to: 'b', text: ['(1) 192.0.2.1:1', '→ 192.0.2.2:2'] },
    { kind: 'note', over: ['a', 'b'], text: 'note' },
    { kind: 'group', label: 'group', steps: [{ kind: 'message', from: 'b', to: 'a', text: 'reply', reply: true }] },
  ],
};

/**
 * While the reader is still reading: the frame, Mermaid and its sequence diagram, then, when the
 * browser is idle, one throwaway drawing — of the diagram the reader is looking at, if given — so
 * the first edit's drawing runs on warm code, with its labels already measured, instead of paying
 * for the first run.
 */
export function warmUp(diagram: SequenceDiagram = WARM_UP): Promise<unknown> {
  warm ??= rendererFrame()
    .then(whenIdle)
    .then(() => drawSvg(`atp-warm-up-${++renderCount}`, sequenceSource(diagram), visibleTheme()))
    .catch(() => undefined);
  return warm;
}

/** The Mermaid source each explorer's holders show now (both themes), once drawn here. */
const shown = new WeakMap<HTMLElement, string>();

/**
 * Says that `root`'s holders already show `diagram` (the build drew it), unless a redraw has been
 * put there since: a redraw of the same source then keeps them.
 */
export function shownAlready(root: HTMLElement, diagram: SequenceDiagram): void {
  if (!shown.has(root)) shown.set(root, sequenceSource(diagram));
}

/**
 * Draws `diagram` into the explorer's theme holders. `current` says whether this drawing is still
 * wanted (a later edit makes it stale); returns whether it was put on the page. With `othersLater`,
 * the themes not shown are put in place after the shown drawing has been painted, so the reader's
 * drawing does not wait for copies nobody sees yet (a theme switch in that frame shows the
 * previous drawing for that frame).
 */
export async function redraw(root: HTMLElement, diagram: SequenceDiagram, current: () => boolean, othersLater = false): Promise<boolean> {
  const source = sequenceSource(diagram);
  // An edit that changes nothing drawn (a value retyped, a field the diagram does not show)
  // keeps the drawing already there.
  if (shown.get(root) === source) return true;
  const theme = visibleTheme();
  const id = `${root.id}-svg-${++renderCount}`;
  const drawn = await drawSvg(`${id}-${theme}`, source, theme);
  if (!current()) return false;
  shown.delete(root);
  const holder = root.querySelector<HTMLElement>(`[data-svg="${theme}"]`);
  if (!holder) return false;
  holder.replaceChildren(drawn);
  const others = async () => {
    for (const other of DIAGRAM_THEMES) {
      if (other === theme) continue;
      const otherHolder = root.querySelector<HTMLElement>(`[data-svg="${other}"]`);
      const styledAs = otherHolder?.querySelector('svg');
      if (!otherHolder || !styledAs) continue;
      // The slow path, for a holder with no drawing to take the stylesheet from: draw that theme too.
      const variant = themeVariant(drawn, styledAs, `${id}-${other}`) ?? (await drawSvg(`${id}-${other}`, source, other));
      if (!current()) return;
      otherHolder.replaceChildren(variant);
    }
    shown.set(root, source);
  };
  if (othersLater)
    void afterPaint()
      .then(() => (current() ? others() : undefined))
      .catch((error: unknown) => console.error(error));
  else await others();
  return true;
}
