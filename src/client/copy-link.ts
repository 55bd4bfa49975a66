/**
 * Copy-link buttons for knowledge-base work: one after each section heading (the link to that
 * heading) and one in each explorer's heading (the link carries the explorer's current scenario,
 * which lives in the page URL). Labels come from a <template> the page renders.
 */
const strings = document.querySelector<HTMLElement>('template[data-copy-link-strings]')?.dataset ?? {};

function linkTo(id: string, withScenario: boolean): string {
  const url = new URL(window.location.href);
  if (!withScenario) url.search = '';
  url.hash = id;
  return url.href;
}

function addButton(after: Element, id: string, label: string, withScenario: boolean): void {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'atp-copy-link';
  button.textContent = strings.copy ?? 'Copy link';
  button.setAttribute('aria-label', `${strings.copy ?? 'Copy link'}: ${label}`);
  button.dataset.copyLink = id;
  button.addEventListener('click', async () => {
    const url = linkTo(id, withScenario);
    button.dataset.url = url;
    try {
      await navigator.clipboard.writeText(url);
      button.textContent = strings.copied ?? 'Copied';
    } catch {
      button.textContent = strings.failed ?? 'Copy failed';
    }
    setTimeout(() => (button.textContent = strings.copy ?? 'Copy link'), 2000);
  });
  after.after(button);
}

for (const heading of document.querySelectorAll<HTMLElement>('.sl-markdown-content :is(h2, h3)[id]:not(.atp-explorer-heading)')) {
  const wrapper = heading.closest('.sl-heading-wrapper') ?? heading;
  addButton(wrapper.querySelector('.sl-anchor-link') ?? heading, heading.id, heading.textContent ?? '', false);
}
for (const explorer of document.querySelectorAll<HTMLElement>('[data-explorer][data-interactive]')) {
  const heading = explorer.querySelector('.atp-explorer-heading');
  if (heading) addButton(heading.lastElementChild ?? heading, explorer.id, heading.textContent ?? '', true);
}
