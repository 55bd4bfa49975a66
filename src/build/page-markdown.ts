import { ELEMENT_NODE, parse, TEXT_NODE, walkSync, type Node } from 'ultrahtml';
import { BLOCK_END, escapeMarkdown, markdownTable, phraseLine } from '../view/markdown.ts';
import { decodeHtml as decode, metaDescription } from './html-text.ts';

/**
 * A Markdown version of a built page (SPEC §12), for assistants and knowledge bases that read
 * text: written beside each page as `index.md`. It is made from the built HTML, so it says what
 * the page says, explorers included with their default scenario's tables. What only works on
 * screen (forms, buttons, drawings, scripts) is left out; a diagram is named by its label.
 */

/** Elements with nothing to read: controls, drawings, code that runs, text for screen readers only. */
const SKIP = new Set(['form', 'button', 'svg', 'script', 'style', 'template', 'noscript', 'input', 'select', 'label']);

const BLOCK = new Set([
  'p',
  'div',
  'section',
  'ul',
  'ol',
  'li',
  'table',
  'pre',
  'blockquote',
  'aside',
  'figure',
  'details',
  'h2',
  'h3',
  'h4',
]);

const classes = (node: Node): string[] => (node.attributes?.class ?? '').split(/\s+/);

function skipped(node: Node): boolean {
  if (node.type !== ELEMENT_NODE) return false;
  if (SKIP.has(node.name) || node.attributes.hidden !== undefined) return true;
  if (node.attributes['aria-hidden'] === 'true') return true;
  const names = classes(node);
  return names.includes('sl-anchor-link') || names.includes('sr-only') || names.includes('atp-status');
}

/** Text of an inline run: links absolute, code in backticks, emphasis kept; blocks inside (a cell's leg and note) end with BLOCK_END. */
function inline(node: Node, page: URL, raw = false): string {
  // Prose is escaped where Markdown would read it as markup (`<RG>` would vanish as an HTML tag); code is not.
  if (node.type === TEXT_NODE) return raw ? decode(node.value) : escapeMarkdown(decode(node.value));
  if (node.type !== ELEMENT_NODE && node.type !== 0) return '';
  if (skipped(node)) return '';
  const inner = (verbatim = raw) => (node.children ?? []).map((child: Node) => inline(child, page, verbatim)).join('');
  switch (node.name) {
    case 'code':
    case 'kbd':
      return `\`${inner(true).replace(/`/g, "'")}\``;
    case 'strong':
    case 'b':
      return `**${inner().trim()}**`;
    case 'em':
    case 'i':
      return `*${inner().trim()}*`;
    case 'br':
      return BLOCK_END;
    case 'a': {
      // The attribute as the HTML carries it (`&amp;` between parameters): read, then resolved.
      const href = node.attributes.href;
      const text = inner().trim();
      return href && text ? `[${text}](${new URL(decode(href), page).href})` : text;
    }
    default: {
      const text = inner();
      const names = classes(node);
      return BLOCK.has(node.name) || names.includes('atp-leg') || names.includes('atp-note') ? `${text}${BLOCK_END}` : text;
    }
  }
}

/** An inline run as one line: breaks inside it become `: ` (a leg and its note), spaces collapsed. */
function line(node: Node, page: URL): string {
  return phraseLine(inline(node, page));
}

const elements = (node: Node): Node[] => (node.children ?? []).filter((child: Node) => child.type === ELEMENT_NODE);

function find(node: Node, test: (node: Node) => boolean): Node[] {
  const found: Node[] = [];
  walkSync(node, (child) => {
    if (child.type === ELEMENT_NODE && test(child)) found.push(child);
  });
  return found;
}

function table(node: Node, page: URL): string[] {
  const cell = (child: Node) => line(child, page);
  const thead = find(node, (child) => child.name === 'thead')[0];
  const head = thead ? find(thead, (child) => child.name === 'tr') : [];
  const body = find(node, (child) => child.name === 'tr').filter((tr) => !head.includes(tr));
  const caption = find(node, (child) => child.name === 'caption')[0];
  return markdownTable(
    caption ? line(caption, page) : '',
    head[0] ? elements(head[0]).map(cell) : [],
    body.map((tr) => elements(tr).map(cell)),
  );
}

/** The Markdown blocks of an element's children, each a list of lines. */
function blocks(node: Node, page: URL): string[][] {
  const out: string[][] = [];
  for (const child of node.children ?? []) {
    if (child.type === TEXT_NODE) {
      if (child.value.trim()) out.push([line(child, page)]);
      continue;
    }
    if (child.type !== ELEMENT_NODE || skipped(child)) continue;
    const name: string = child.name;
    if (/^h[1-6]$/.test(name)) {
      out.push([`${'#'.repeat(Number(name[1]))} ${line(child, page)}`]);
    } else if (name === 'p' || name === 'figcaption' || name === 'summary') {
      const text = line(child, page);
      if (text) out.push([name === 'summary' ? `**${text}**` : text]);
    } else if (name === 'ul' || name === 'ol') {
      const items = elements(child).filter((item) => item.name === 'li');
      out.push(
        items.flatMap((item, index) => {
          const marker = name === 'ol' ? `${index + 1}.` : '-';
          const nested = elements(item).filter((c) => c.name === 'ul' || c.name === 'ol');
          const own = line({ ...item, children: item.children.filter((c: Node) => !nested.includes(c)) }, page);
          const inner = nested.flatMap((list) => blocks({ ...item, children: [list] }, page).flat());
          return [`${marker} ${own}`, ...inner.map((text) => `   ${text}`)];
        }),
      );
    } else if (name === 'pre') {
      let code = '';
      walkSync(child, (node) => {
        if (node.type === TEXT_NODE) code += decode(node.value);
      });
      out.push(['```', ...code.replace(/\n+$/, '').split('\n'), '```']);
    } else if (name === 'table') {
      out.push(table(child, page));
    } else if (name === 'aside' || name === 'blockquote') {
      const title = find(child, (c) => classes(c).includes('starlight-aside__title'))[0];
      const content = blocks(title ? (find(child, (c) => classes(c).includes('starlight-aside__content'))[0] ?? child) : child, page);
      const lines = [
        ...(title ? [`**${line({ ...title, attributes: {} }, page)}**`, ''] : []),
        ...content.flatMap((b) => [...b, '']),
      ].slice(0, -1);
      out.push(lines.map((text) => (text ? `> ${text}` : '>')));
    } else if (name === 'figure' && classes(child).includes('atp-diagram')) {
      const label = find(child, (c) => c.attributes['aria-label'] !== undefined)[0]?.attributes['aria-label'];
      if (label) out.push([`*${escapeMarkdown(decode(label))}*`]);
    } else {
      out.push(...blocks(child, page));
    }
  }
  return out.filter((block) => block.length > 0);
}

/** The page as Markdown: its title, summary and address, then its content. */
export function pageMarkdown(html: string, url: string): string {
  const tree = parse(html) as Node;
  const page = new URL(url);
  const title = find(tree, (node) => node.name === 'h1')[0];
  const description = metaDescription(tree);
  const content = find(tree, (node) => classes(node).includes('sl-markdown-content'))[0];
  const head = [[`# ${title ? line(title, page) : ''}`], ...(description ? [[`> ${escapeMarkdown(description)}`]] : []), [page.href]];
  return `${[...head, ...(content ? blocks(content, page) : [])].map((block) => block.join('\n')).join('\n\n')}\n`;
}
