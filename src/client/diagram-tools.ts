/**
 * The diagram frame's tools (SPEC §7.4): a full-size view in a dialog and an SVG download, both
 * of the drawing the reader sees (the current theme's, after any edit). Revealed only here, so a
 * page without JavaScript shows no dead buttons.
 */
function shownSvg(figure: Element): SVGSVGElement | null {
  const holders = [...figure.querySelectorAll<HTMLElement>('[data-svg]')];
  const shown = holders.find((holder) => holder.getClientRects().length > 0) ?? holders[0];
  return shown?.querySelector('svg') ?? null;
}

function openFullSize(figure: Element, closeLabel: string): void {
  const svg = shownSvg(figure);
  if (!svg) return;
  const dialog = document.createElement('dialog');
  dialog.className = 'atp-diagram-dialog';
  dialog.setAttribute('aria-label', svg.querySelector('title')?.textContent ?? '');
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = closeLabel;
  close.addEventListener('click', () => dialog.close());
  const body = document.createElement('div');
  body.className = 'atp-diagram-dialog-body atp-svg';
  body.tabIndex = 0;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  // The copy keeps Mermaid's styles, which are scoped to the SVG's id: give it a new one.
  copy.id = `${svg.id}-full`;
  copy.querySelector('style')?.replaceChildren(svg.querySelector('style')?.textContent?.replaceAll(`#${svg.id}`, `#${copy.id}`) ?? '');
  body.dataset.svg = svg.closest<HTMLElement>('[data-svg]')?.dataset.svg ?? 'light';
  body.append(copy);
  dialog.append(close, body);
  dialog.addEventListener('close', () => dialog.remove());
  figure.append(dialog);
  dialog.showModal();
}

function download(figure: Element, file: string): void {
  const svg = shownSvg(figure);
  if (!svg) return;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const url = URL.createObjectURL(new Blob([copy.outerHTML], { type: 'image/svg+xml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

for (const tools of document.querySelectorAll<HTMLElement>('[data-diagram-tools]')) {
  const figure = tools.closest('[data-diagram]');
  if (!figure) continue;
  tools.querySelector('[data-diagram-full]')?.addEventListener('click', () => openFullSize(figure, tools.dataset.textClose ?? '×'));
  const downloadButton = tools.querySelector<HTMLElement>('[data-diagram-download]');
  downloadButton?.addEventListener('click', () => download(figure, downloadButton.dataset.file ?? 'diagram.svg'));
  tools.hidden = false;
}
