/**
 * Tables as Markdown, one way for both places that write them: the explorer's "copy as Markdown"
 * button (src/client/copy-link.ts, from the live tables) and each page's Markdown version
 * (src/build/page-markdown.ts, from the built HTML). Pure, no DOM.
 */

/** Marks the end of a block inside collected inline text (a leg above its note, a line break). */
export const BLOCK_END = '\u0000';

/** Collected inline text as one line: spaces collapsed, and the blocks in it joined by `: `. */
export function phraseLine(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\s\u0000]+$/, '')
    .replace(/^[\s\u0000]+/, '')
    .replace(/\s*\u0000[\s\u0000]*/g, ': ')
    .trim();
}

/** An explorer's verdict (SPEC §4): the state's word in bold, then the sentence, as the page's Markdown reads the `<strong>` before it. */
export const verdictLine = (word: string, sentence: string): string => `**${word.trim()}** ${sentence}`;

/**
 * A table: its caption in bold, then a pipe table (pipes in cells escaped), which reads as a table
 * in a ticket and still lines up as text in a plain-text email. A table without a header row gets
 * an empty one, as Markdown needs one.
 */
export function markdownTable(caption: string, head: readonly string[], body: readonly (readonly string[])[]): string[] {
  const row = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  const width = Math.max(head.length, ...body.map((cells) => cells.length));
  const header = head.length > 0 ? head : Array.from({ length: width }, () => '');
  return [...(caption ? [`**${caption}**`, ''] : []), row(header), row(header.map(() => '---')), ...body.map(row)];
}

/**
 * Prose as Markdown text: the characters CommonMark would read as markup (emphasis, code, links
 * and images, raw HTML such as `<RG>`, and the escape itself) are escaped, so the text reads as
 * written. Code spans are not passed through this.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, '\\$&');
}

/**
 * An explorer's permalink rebuilt from its own parameters only: the page's address, each of
 * `names` whose value differs from the page's scenario, and the explorer's anchor. Anything else
 * in the address (unknown parameters, another explorer's) is left out, and every value is
 * percent-encoded, so the link can be written as a Markdown autolink (`<…>`) that no renderer
 * reads as anything but this one link.
 */
export function scenarioPermalink(
  page: string,
  id: string,
  names: readonly string[],
  values: Readonly<Record<string, string>>,
  baseline: Readonly<Record<string, string>>,
): string {
  const url = new URL(page);
  const query = new URLSearchParams();
  for (const name of names) {
    const value = (values[name] ?? '').trim();
    if (value !== '' && value !== (baseline[name] ?? '')) query.set(name, value);
  }
  url.search = query.toString().replace(/%2C/gi, ',');
  url.hash = id;
  return url.href;
}
