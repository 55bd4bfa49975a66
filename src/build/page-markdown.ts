import { ELEMENT_NODE, parse, TEXT_NODE, walkSync, type Node } from 'ultrahtml';

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

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Text as the HTML carries it, with its character references read. */
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (reference, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? reference;
  });
}

const classes = (node: Node): string[] => (node.attributes?.class ?? '').split(/\s+/);

function skipped(node: Node): boolean {
  if (node.type !== ELEMENT_NODE) return false;
  if (SKIP.has(node.name) || node.attributes.hidden !== undefined) return true;
  if (node.attributes['aria-hidden'] === 'true') return true;
  const names = classes(node);
  return names.includes('sl-anchor-link') || names.includes('sr-only') || names.includes('atp-status');
}

/** Text of an inline run: links absolute, code in backticks, emphasis kept; blocks inside (a cell's leg and note) end with `\u0000`. */
function inline(node: Node, page: URL): string {
  if (node.type === TEXT_NODE) return decode(node.value);
  if (node.type !== ELEMENT_NODE && node.type !== 0) return '';
  if (skipped(node)) return '';
  const inner = () => (node.children ?? []).map((child: Node) => inline(child, page)).join('');
  switch (node.name) {
    case 'code':
    case 'kbd':
      return `\`${inner().replace(/`/g, "'")}\``;
    case 'strong':
    case 'b':
      return `**${inner().trim()}**`;
    case 'em':
    case 'i':
      return `*${inner().trim()}*`;
    case 'br':
      return '\u0000';
    case 'a': {
      const href = node.attributes.href;
      const text = inner().trim();
      return href && text ? `[${text}](${new URL(href, page).href})` : text;
    }
    default: {
      const text = inner();
      const names = classes(node);
      return BLOCK.has(node.name) || names.includes('atp-leg') || names.includes('atp-note') ? `${text}\u0000` : text;
    }
  }
}

/** An inline run as one line: breaks inside it become `: ` (a leg and its note), spaces collapsed. */
function line(node: Node, page: URL): string {
  return inline(node, page)
    .replace(/\s+/g, ' ')
    .replace(/[\s\u0000]+$/, '')
    .replace(/^[\s\u0000]+/, '')
    .replace(/\s*\u0000[\s\u0000]*/g, ': ')
    .trim();
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
  const cell = (child: Node) => line(child, page).replace(/\|/g, '\\|');
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const thead = find(node, (child) => child.name === 'thead')[0];
  const head = thead ? find(thead, (child) => child.name === 'tr') : [];
  const body = find(node, (child) => child.name === 'tr').filter((tr) => !head.includes(tr));
  const header = head[0] ? elements(head[0]).map(cell) : [];
  const cells = body.map((tr) => elements(tr).map(cell));
  const width = Math.max(header.length, ...cells.map((c) => c.length));
  const filled = header.length > 0 ? header : Array.from({ length: width }, () => '');
  const caption = find(node, (child) => child.name === 'caption')[0];
  return [...(caption ? [`**${line(caption, page)}**`, ''] : []), row(filled), row(filled.map(() => '---')), ...cells.map(row)];
}

/** The Markdown blocks of an element's children, each a list of lines. */
function blocks(node: Node, page: URL, depth = 0): string[][] {
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
          const inner = nested.flatMap((list) => blocks({ ...item, children: [list] }, page, depth + 1).flat());
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
      const content = blocks(
        title ? (find(child, (c) => classes(c).includes('starlight-aside__content'))[0] ?? child) : child,
        page,
        depth,
      );
      const lines = [
        ...(title ? [`**${line({ ...title, attributes: {} }, page)}**`, ''] : []),
        ...content.flatMap((b) => [...b, '']),
      ].slice(0, -1);
      out.push(lines.map((text) => (text ? `> ${text}` : '>')));
    } else if (name === 'figure' && classes(child).includes('atp-diagram')) {
      const label = find(child, (c) => c.attributes['aria-label'] !== undefined)[0]?.attributes['aria-label'];
      if (label) out.push([`*${label}*`]);
    } else {
      out.push(...blocks(child, page, depth));
    }
  }
  return out.filter((block) => block.length > 0);
}

/** The page as Markdown: its title, summary and address, then its content. */
export function pageMarkdown(html: string, url: string): string {
  const tree = parse(html) as Node;
  const page = new URL(url);
  const title = find(tree, (node) => node.name === 'h1')[0];
  const description = decode(
    find(tree, (node) => node.name === 'meta' && node.attributes.name === 'description')[0]?.attributes.content ?? '',
  );
  const content = find(tree, (node) => classes(node).includes('sl-markdown-content'))[0];
  const head = [
    [`# ${title ? line(title, page) : ''}`],
    ...(description ? [[`> ${description.replace(/\s+/g, ' ').trim()}`]] : []),
    [page.href],
  ];
  return `${[...head, ...(content ? blocks(content, page) : [])].map((block) => block.join('\n')).join('\n\n')}\n`;
}
