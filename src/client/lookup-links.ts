/**
 * A way into the reverse lookup from every explorer (SPEC §13): once the script runs, each address
 * chip in an explorer's tables becomes a link to /<lang>/lookup/ for that address, in the role the
 * table shows it in, with the page's scenario carried along. Only the browser adds it: the built
 * HTML, the print page and the Markdown versions keep plain chips, and the chip's text and
 * `data-value` stay as they are.
 */

/** An address or `address:port` chip, not a CIDR block, a port range, a service tag or a number. */
const ADDRESS = /^(?:\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?|\[[0-9a-f:.]+\]:\d+|[0-9a-f]*:[0-9a-f:.]*)$/i;

/** Where the reader sees this chip's address: a probe row's sender, a header entry, what a destination sees, else a source at the backend. */
function seenOf(chip: Element, kind: string): string {
  if (chip.closest('[data-probe]')) return 'probe';
  if (chip.closest('[data-field="xff"]')) return 'xff';
  return kind === 'outbound' ? 'destination' : 'backend';
}

/** `/…/ja/lookup/` for a page under `/…/ja/`: the language and the base path are the page's own. */
function lookupPath(pathname: string): string | null {
  const match = /^(.*?\/(?:ja|en)\/)/.exec(pathname);
  return match ? `${match[1]}lookup/` : null;
}

/**
 * Makes the explorer's address chips links (again, after a patch put plain chips back), each carrying
 * the scenario in `search`: after an edit, the query the page URL is about to get (the runtime writes
 * it to history only after the next paint), so a link never carries the scenario before the edit.
 */
export function linkAddresses(root: HTMLElement, label: string, search = window.location.search): void {
  const kind = root.dataset.explorer ?? '';
  const path = lookupPath(window.location.pathname);
  if (kind === 'lookup' || !path) return;
  const scenario = new URLSearchParams(search);
  for (const chip of root.querySelectorAll<HTMLElement>('[data-output] td code.atp-chip')) {
    const addr = chip.textContent ?? '';
    if (!ADDRESS.test(addr)) continue;
    const query = new URLSearchParams(scenario);
    query.set('addr', addr);
    query.set('seen', seenOf(chip, kind));
    let link = chip.parentElement;
    if (!link?.matches('a.atp-lookup-link')) {
      link = document.createElement('a');
      link.className = 'atp-lookup-link';
      chip.replaceWith(link);
      link.append(chip);
    }
    // The visible address starts the accessible name (WCAG 2.5.3), the question follows.
    // Written only when it changes: most chips keep their address and the scenario at an edit.
    const name = `${addr}: ${label}`;
    const href = `${path}?${query.toString().replace(/%2C/g, ',').replace(/%3A/g, ':')}#lookup`;
    if (link.getAttribute('aria-label') !== name) link.setAttribute('aria-label', name);
    if (link.getAttribute('href') !== href) link.setAttribute('href', href);
  }
}
