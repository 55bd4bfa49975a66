/**
 * Copy-link buttons for knowledge-base work. Each section heading gets a small icon button
 * beside Starlight's anchor (the link to that heading); each explorer gets a text button beside
 * its reset button (the link carries the explorer's current scenario, which lives in the page
 * URL) and one that copies its tables as Markdown with that link, for a support ticket or a chat.
 * Labels come from a <template> the page renders.
 */
import { explorerMarkdown, explorerPermalink } from './explorer-markdown.ts';

const strings = document.querySelector<HTMLElement>('template[data-copy-link-strings]')?.dataset ?? {};
const SVG = 'http://www.w3.org/2000/svg';

function linkTo(id: string, withScenario: boolean): string {
  const url = new URL(window.location.href);
  if (!withScenario) url.search = '';
  url.hash = id;
  return url.href;
}

/** Two overlapping sheets: the usual "copy" glyph, drawn here so no icon font is needed. */
function copyIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'atp-copy-icon');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', 'M9 9h10v12H9zM5 3h10v3H7v11H5z');
  svg.append(path);
  return svg;
}

function makeMarkdownButton(explorer: HTMLElement): HTMLButtonElement {
  const idle = strings.copyMarkdown ?? 'Copy as Markdown';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'atp-copy-link';
  button.dataset.copy = 'markdown';
  button.textContent = idle;
  button.addEventListener('click', async () => {
    try {
      const notes = { stale: strings.staleMarkdown, linkInvalid: strings.linkInvalidMarkdown };
      await navigator.clipboard.writeText(explorerMarkdown(explorer, window.location.href, notes));
      button.textContent = strings.copied ?? 'Copied';
    } catch {
      button.textContent = strings.failed ?? 'Copy failed';
    }
    setTimeout(() => (button.textContent = idle), 2000);
  });
  return button;
}

function makeButton(id: string, label: string, withScenario: boolean, iconOnly: boolean): HTMLButtonElement {
  const idle = iconOnly ? (strings.copySection ?? 'Copy link') : (strings.copyScenario ?? 'Copy link');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = iconOnly ? 'atp-copy-link atp-copy-icon-button' : 'atp-copy-link';
  button.dataset.copyLink = id;
  const text = document.createElement('span');
  const show = (message: string) => {
    text.textContent = iconOnly && message === idle ? '' : message;
    button.setAttribute('aria-label', iconOnly && message === idle ? `${idle}: ${label}` : message);
  };
  if (iconOnly) button.append(copyIcon());
  button.append(text);
  show(idle);
  button.addEventListener('click', async () => {
    // An explorer's link carries its own valid parameters only (explorerPermalink), nothing else the address holds.
    const explorer = withScenario ? document.getElementById(id) : null;
    const url = explorer ? explorerPermalink(explorer, window.location.href) : linkTo(id, withScenario);
    button.dataset.url = url;
    try {
      await navigator.clipboard.writeText(url);
      show(strings.copied ?? 'Copied');
    } catch {
      show(strings.failed ?? 'Copy failed');
    }
    setTimeout(() => show(idle), 2000);
  });
  return button;
}

for (const heading of document.querySelectorAll<HTMLElement>('.sl-markdown-content :is(h2, h3)[id]:not(.atp-explorer-heading)')) {
  const wrapper = heading.closest('.sl-heading-wrapper') ?? heading;
  const anchor = wrapper.querySelector('.sl-anchor-link') ?? heading;
  anchor.after(makeButton(heading.id, heading.textContent ?? '', false, true));
}
for (const explorer of document.querySelectorAll<HTMLElement>('[data-explorer][data-interactive]')) {
  explorer.querySelector('[data-actions]')?.append(makeButton(explorer.id, '', true, false), makeMarkdownButton(explorer));
}
