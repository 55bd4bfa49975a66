/**
 * An explorer's current tables as Markdown, for the copy button (src/client/copy-link.ts). The
 * tables are written as the pages' Markdown versions write theirs (src/view/markdown.ts); only
 * reading the live cells is the browser's own.
 */
import { BLOCK_END, markdownTable, phraseLine, verdictLine } from '../view/markdown.ts';

/** A table cell as Markdown: values (chips) in backticks, line breaks as spaces (markdownTable escapes pipes). */
function cellText(cell: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof HTMLElement && node.matches('code')) parts.push(`\`${node.textContent ?? ''}\``);
    else if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    else if (node instanceof HTMLElement && node.matches('pre')) parts.push(`\`${node.textContent ?? ''}\``);
    else node.childNodes.forEach(walk);
    // A block inside a cell (the leg above its note) ends a phrase.
    if (node instanceof HTMLElement && getComputedStyle(node).display === 'block') parts.push(BLOCK_END);
  };
  cell.childNodes.forEach(walk);
  return phraseLine(parts.join(''));
}

/**
 * The explorer's current verdict and tables as Markdown, after its heading and the permalink to its scenario,
 * written as the pages' Markdown versions write theirs (src/view/markdown.ts).
 */
export function explorerMarkdown(explorer: HTMLElement, url: string): string {
  const heading = explorer.querySelector('.atp-explorer-heading')?.textContent?.trim() ?? '';
  const blocks = [`### ${heading}`, '', url];
  // The answer first, as on the page.
  const verdict = explorer.querySelector('[data-field="verdict"]');
  const word = verdict?.querySelector('.atp-verdict-state')?.textContent ?? '';
  const sentence = verdict?.querySelector('.atp-verdict-text');
  if (sentence) blocks.push('', verdictLine(word, cellText(sentence)));
  for (const block of explorer.querySelectorAll<HTMLElement>('[data-output] :is(table, .atp-callout)')) {
    // A warning or a note the explorer shows beside its tables travels as a quote.
    if (!(block instanceof HTMLTableElement)) {
      blocks.push('', `> ${block.textContent?.replace(/\s+/g, ' ').trim() ?? ''}`);
      continue;
    }
    const head = [...block.querySelectorAll('thead th')].map(cellText);
    const body = [...block.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(cellText));
    blocks.push('', ...markdownTable(block.querySelector('caption')?.textContent?.trim() ?? '', head, body));
  }
  return `${blocks.join('\n')}\n`;
}
