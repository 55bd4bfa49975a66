/**
 * The diagram frame's tools (SPEC §7.4, issue 24): a 100% / fit-to-width switch for the frame, a
 * full-size view in a dialog (the whole drawing fitted to the screen, with the same switch) and an
 * SVG download on the theme's card colour, all
 * of the drawing the reader sees (the current theme's, after any edit). Revealed only here, so a
 * page without JavaScript shows no dead buttons.
 */
function shownSvg(figure: Element): SVGSVGElement | null {
  const holders = [...figure.querySelectorAll<HTMLElement>('[data-svg]')];
  // A drawing shown in pieces (health probes) has no frame on screen: then the theme's drawing.
  const theme = document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
  const shown =
    holders.find((holder) => holder.getClientRects().length > 0) ?? holders.find((holder) => holder.dataset.svg === theme) ?? holders[0];
  return shown?.querySelector('svg') ?? null;
}

/** The card colour of each theme's frame (components/DiagramFrame.astro): the download's background. */
const CARD: Record<string, string> = { light: '#ffffff', dark: '#17181c' };

/** Labels of the 100% / fit switch: what pressing it does. */
interface ZoomLabels {
  readonly actual: string;
  readonly fit: string;
  /** The fitted view of a drawing that is wider than the frame even at its smallest readable size. */
  readonly smallest: string;
}

/** The smallest scale a drawing is fitted to: its smallest label (14 px) at 11 px (SPEC §7.4). */
const SMALLEST = 11 / 14;

/**
 * A button that switches `holder` between the fitted view and the natural size (`data-view`),
 * labelled with what it does, never with a size the drawing is not at: hidden while fitting changes
 * nothing (the drawing fits at its natural size), and offering "smallest readable size" rather than
 * "fit" for a drawing that still scrolls when fitted. Returns its relabelling, for a resize or an edit.
 */
function zoomSwitch(button: HTMLButtonElement, holder: HTMLElement, labels: ZoomLabels): () => void {
  const show = () => {
    const natural = holder.dataset.view === 'natural';
    const frame = holder.matches('[data-svg]')
      ? holder
      : [...holder.querySelectorAll<HTMLElement>(':scope > [data-svg]')].find((el) => el.getClientRects().length > 0);
    const svg = frame?.querySelector('svg');
    const width = svg?.viewBox.baseVal?.width ?? 0;
    const style = frame ? getComputedStyle(frame) : null;
    const room = frame && style ? frame.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) : 0;
    // Measured only when shown (a hidden frame has no width): otherwise the button stays as it is.
    const measured = width > 0 && room > 0;
    const text = natural ? (!measured || width * SMALLEST <= room + 1 ? labels.fit : labels.smallest) : labels.actual;
    // Written only when they change: the frame's observer (watchOverflow) sees every change under
    // the figure, and runs this again.
    if (button.textContent !== text) button.textContent = text;
    if (measured) button.hidden = !natural && width <= room + 1;
    button.setAttribute('aria-pressed', String(natural));
  };
  button.addEventListener('click', () => {
    holder.dataset.view = holder.dataset.view === 'natural' ? 'fit' : 'natural';
    show();
  });
  show();
  return show;
}

function openFullSize(figure: Element, closeLabel: string, labels: ZoomLabels): void {
  const svg = shownSvg(figure);
  if (!svg) return;
  const dialog = document.createElement('dialog');
  // Not content: Starlight's spacing between content blocks would push the bar's buttons apart.
  dialog.className = 'atp-diagram-dialog not-content';
  dialog.setAttribute('aria-label', svg.querySelector('title')?.textContent ?? '');
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = closeLabel;
  close.addEventListener('click', () => dialog.close());
  const body = document.createElement('div');
  body.className = 'atp-diagram-dialog-body atp-svg';
  body.tabIndex = 0;
  body.dataset.view = 'fit';
  const zoom = document.createElement('button');
  zoom.type = 'button';
  zoomSwitch(zoom, body, labels);
  const bar = document.createElement('div');
  bar.className = 'atp-diagram-dialog-bar';
  bar.append(zoom, close);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  // The copy keeps Mermaid's styles, which are scoped to the SVG's id: give it a new one.
  copy.id = `${svg.id}-full`;
  copy.querySelector('style')?.replaceChildren(svg.querySelector('style')?.textContent?.replaceAll(`#${svg.id}`, `#${copy.id}`) ?? '');
  body.dataset.svg = svg.closest<HTMLElement>('[data-svg]')?.dataset.svg ?? 'light';
  body.append(copy);
  dialog.append(bar, body);
  dialog.addEventListener('close', () => dialog.remove());
  figure.append(dialog);
  dialog.showModal();
}

function download(figure: Element, file: string): void {
  const svg = shownSvg(figure);
  if (!svg) return;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  // The drawing on its theme's card, as on the page (a transparent SVG is unreadable on a
  // background of the other theme).
  const theme = svg.closest<HTMLElement>('[data-svg]')?.dataset.svg ?? 'light';
  const box = svg.viewBox.baseVal;
  const card = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  for (const [name, value] of Object.entries({ x: box.x, y: box.y, width: box.width, height: box.height }))
    card.setAttribute(name, String(value));
  card.setAttribute('fill', CARD[theme] ?? CARD.light!);
  // Behind everything drawn: before the first child that is not the title or the description.
  const first = [...copy.children].find((child) => !['title', 'desc'].includes(child.localName));
  copy.insertBefore(card, first ?? null);
  const url = URL.createObjectURL(new Blob([copy.outerHTML], { type: 'image/svg+xml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Marks a frame whose drawing is wider than the frame even at its smallest readable size
 * (`data-overflow`): its caption then says to scroll, so a cut-off drawing never passes for a
 * fitted one. Rechecked when the frame resizes, the view switches or an edit replaces the drawing.
 */
function watchOverflow(figure: HTMLElement, then?: () => void): void {
  const update = () => {
    const shown = [...figure.querySelectorAll<HTMLElement>(':scope > [data-svg]')].find((holder) => holder.getClientRects().length > 0);
    figure.toggleAttribute('data-overflow', shown !== undefined && shown.scrollWidth > shown.clientWidth + 1);
    then?.();
  };
  new ResizeObserver(update).observe(figure);
  new MutationObserver(update).observe(figure, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-view'] });
  update();
}

/** The zoom button's relabelling, by frame: run after each overflow check. */
const relabel = new Map<Element, () => void>();

for (const tools of document.querySelectorAll<HTMLElement>('[data-diagram-tools]')) {
  const figure = tools.closest('[data-diagram]');
  if (!figure) continue;
  const labels = {
    actual: tools.dataset.textActual ?? '100%',
    fit: tools.dataset.textFit ?? 'Fit',
    smallest: tools.dataset.textSmallest ?? tools.dataset.textFit ?? 'Fit',
  };
  tools.querySelector('[data-diagram-full]')?.addEventListener('click', () => openFullSize(figure, tools.dataset.textClose ?? '×', labels));
  const zoom = tools.querySelector<HTMLButtonElement>('[data-diagram-zoom]');
  if (zoom) relabel.set(figure, zoomSwitch(zoom, figure as HTMLElement, labels));
  const downloadButton = tools.querySelector<HTMLElement>('[data-diagram-download]');
  downloadButton?.addEventListener('click', () => download(figure, downloadButton.dataset.file ?? 'diagram.svg'));
  tools.hidden = false;
}

// Every frame on the page, the print pieces shown on screen (without tools of their own) too.
for (const figure of document.querySelectorAll<HTMLElement>('[data-diagram]')) watchOverflow(figure, relabel.get(figure));
