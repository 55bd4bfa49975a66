/**
 * Mermaid in the browser: loaded when the reader shows intent (see explorer.ts), it redraws an
 * explorer's diagram after an edit. The visible theme is drawn by Mermaid with the one config the
 * build uses and finished by the same function; the other theme is derived from that drawing
 * (src/diagram/variant.ts), so a theme switch shows the same scenario at no extra render.
 */
import mermaid from 'mermaid';
import { DIAGRAM_THEMES, mermaidConfig, type DiagramTheme } from '../diagram/config.ts';
import { finishSvg } from '../diagram/finish.ts';
import { sequenceSource, type SequenceDiagram } from '../diagram/sequence.ts';
import { themeVariant } from '../diagram/variant.ts';

let configured: DiagramTheme | undefined;
let renderCount = 0;

/** `initialize` rebuilds Mermaid's whole theme; only a theme change needs it. */
function configure(theme: DiagramTheme): void {
  if (configured === theme) return;
  mermaid.initialize(mermaidConfig(theme));
  configured = theme;
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

/** Resolves when the browser is idle (or after a short wait where it cannot say). */
export function whenIdle(): Promise<void> {
  return new Promise((done) =>
    'requestIdleCallback' in window ? requestIdleCallback(() => done(), { timeout: 2000 }) : setTimeout(done, 200),
  );
}

/**
 * While the reader is still reading: Mermaid's sequence-diagram code (Mermaid loads each diagram
 * type on first use), then, when the browser is idle, one throwaway drawing — of the diagram the
 * reader is looking at, if given — so the first edit's drawing runs on warm code, with its labels
 * already measured, instead of paying for the first run.
 */
export function warmUp(diagram: SequenceDiagram = WARM_UP): Promise<unknown> {
  configure(visibleTheme());
  warm ??= mermaid
    .parse('sequenceDiagram\n  a->>b: c')
    .then(whenIdle)
    .then(() => mermaid.render(`atp-warm-up-${++renderCount}`, sequenceSource(diagram)))
    .catch(() => undefined);
  return warm;
}

/** The Mermaid source each explorer's holders show now (both themes), once drawn here. */
const shown = new WeakMap<HTMLElement, string>();

/**
 * Draws `diagram` into the explorer's theme holders. `current` says whether this drawing is still
 * wanted (a later edit makes it stale); returns whether it was put on the page.
 */
export async function redraw(root: HTMLElement, diagram: SequenceDiagram, current: () => boolean): Promise<boolean> {
  const source = sequenceSource(diagram);
  // An edit that changes nothing drawn (a value retyped, a field the diagram does not show)
  // keeps the drawing already there.
  if (shown.get(root) === source) return true;
  const theme = visibleTheme();
  configure(theme);
  const id = `${root.id}-svg-${++renderCount}`;
  const { svg } = await mermaid.render(`${id}-${theme}`, source);
  if (!current()) return false;
  shown.delete(root);
  const holder = root.querySelector<HTMLElement>(`[data-svg="${theme}"]`);
  if (!holder) return false;
  holder.innerHTML = svg;
  const drawn = holder.querySelector('svg');
  if (!drawn) return false;
  finishSvg(drawn);
  for (const other of DIAGRAM_THEMES) {
    if (other === theme) continue;
    const otherHolder = root.querySelector<HTMLElement>(`[data-svg="${other}"]`);
    const styledAs = otherHolder?.querySelector('svg');
    if (!otherHolder || !styledAs) continue;
    const variant = themeVariant(drawn, styledAs, `${id}-${other}`);
    if (variant) otherHolder.replaceChildren(variant);
    else if (!(await renderWithMermaid(otherHolder, other, `${id}-${other}`, diagram, current))) return true;
  }
  shown.set(root, source);
  return true;
}

/** The slow path, for a holder with no drawing to take the stylesheet from. */
async function renderWithMermaid(
  holder: HTMLElement,
  theme: DiagramTheme,
  id: string,
  diagram: SequenceDiagram,
  current: () => boolean,
): Promise<boolean> {
  mermaid.initialize(mermaidConfig(theme));
  configured = theme;
  const { svg } = await mermaid.render(id, sequenceSource(diagram));
  if (!current()) return false;
  holder.innerHTML = svg;
  const drawn = holder.querySelector('svg');
  if (drawn) finishSvg(drawn);
  return true;
}
