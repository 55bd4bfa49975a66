/**
 * An explorer's current tables as Markdown, for the copy button (src/client/copy-link.ts). The
 * tables are written as the pages' Markdown versions write theirs (src/view/markdown.ts); only
 * reading the live cells is the browser's own.
 */
import { baselineOf, namedControls, readFields } from './fields.ts';
import { BLOCK_END, escapeMarkdown, markdownTable, phraseLine, scenarioPermalink, verdictLine } from '../view/markdown.ts';

/** A table cell as Markdown: values (chips) in backticks, line breaks as spaces (markdownTable escapes pipes). */
function cellText(cell: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof HTMLElement && node.matches('code')) parts.push(`\`${node.textContent ?? ''}\``);
    else if (node.nodeType === Node.TEXT_NODE) parts.push(escapeMarkdown(node.textContent ?? ''));
    else if (node instanceof HTMLElement && node.matches('pre')) parts.push(`\`${node.textContent ?? ''}\``);
    else node.childNodes.forEach(walk);
    // A block inside a cell (the leg above its note) ends a phrase.
    if (node instanceof HTMLElement && getComputedStyle(node).display === 'block') parts.push(BLOCK_END);
  };
  cell.childNodes.forEach(walk);
  return phraseLine(parts.join(''));
}

/**
 * The permalink of what the explorer shows, from its own parameters only: the form's values while
 * they are valid; while a field is invalid, the values the page address holds (the runtime writes
 * it only from valid scenarios); none when the link's own scenario could not be used and the
 * tables show the page's defaults.
 */
export function explorerPermalink(explorer: HTMLElement, page: string): string {
  const form = explorer.querySelector('form') ?? explorer;
  const names = [...new Set(namedControls(form).map((control) => control.name))];
  const query = new URL(page).searchParams;
  const values: Record<string, string> =
    explorer.dataset.linkInvalid !== undefined
      ? {}
      : explorer.dataset.stale !== undefined
        ? Object.fromEntries(names.map((name) => [name, query.get(name) ?? '']))
        : readFields(form);
  const baseline = baselineOf(explorer);
  return scenarioPermalink(page, explorer.id, names, values, baseline);
}

/**
 * The explorer's current tables as Markdown, after its heading and the permalink to its scenario
 * (an autolink, so no renderer reads more into it), written as the pages' Markdown versions write
 * theirs (src/view/markdown.ts). While a field is invalid the copy says what the tables show.
 */
export function explorerMarkdown(explorer: HTMLElement, page: string, notes: { stale?: string; linkInvalid?: string } = {}): string {
  const heading = explorer.querySelector('.atp-explorer-heading')?.textContent?.trim() ?? '';
  const blocks = [`### ${escapeMarkdown(heading)}`, '', `<${explorerPermalink(explorer, page)}>`];
  const stale =
    explorer.dataset.linkInvalid !== undefined ? notes.linkInvalid : explorer.dataset.stale !== undefined ? notes.stale : undefined;
  if (stale) blocks.push('', `> ${escapeMarkdown(stale)}`);
  // The answer first, as on the page.
  const verdict = explorer.querySelector('[data-field="verdict"]');
  const word = verdict?.querySelector('.atp-verdict-state')?.textContent ?? '';
  const sentence = verdict?.querySelector('.atp-verdict-text');
  if (sentence) blocks.push('', verdictLine(word, cellText(sentence)));
  for (const block of explorer.querySelectorAll<HTMLElement>('[data-output] :is(table, .atp-callout)')) {
    // A warning or a note the explorer shows beside its tables travels as a quote.
    if (!(block instanceof HTMLTableElement)) {
      blocks.push('', `> ${escapeMarkdown(block.textContent?.replace(/\s+/g, ' ').trim() ?? '')}`);
      continue;
    }
    const head = [...block.querySelectorAll('thead th')].map(cellText);
    const body = [...block.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(cellText));
    blocks.push('', ...markdownTable(escapeMarkdown(block.querySelector('caption')?.textContent?.trim() ?? ''), head, body));
  }
  return `${blocks.join('\n')}\n`;
}
