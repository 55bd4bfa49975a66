/**
 * A tiny element tree: the explorers' outputs are described once as data, then written as
 * HTML at build time (`toHtml`) and as DOM nodes in the browser (`src/client/dom.ts`).
 * Text is always text: neither writer ever parses a string as markup.
 */
export interface ElementNode {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly TreeNode[];
}
export type TreeNode = ElementNode | string;

export function h(tag: string, attrs: Record<string, string | undefined> = {}, ...children: (TreeNode | readonly TreeNode[])[]): ElementNode {
  const clean: Record<string, string> = {};
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) clean[name] = value;
  return { tag, attrs: clean, children: children.flat() };
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => TEXT_ESCAPES[ch]!);
}

const SAFE_TAG = /^[a-z][a-z0-9-]*$/;
const SAFE_ATTR = /^[a-z][a-z0-9-]*$/;

/** Elements with no end tag: `<wbr>` is written as such, never as `<wbr></wbr>`. */
const VOID_TAGS = new Set(['br', 'wbr', 'input']);

/**
 * Elements followed by a space in the written HTML. Browsers ignore it, but a text
 * extractor (Pagefind's search index) would otherwise run adjacent cells together
 * ("SourceDestination").
 */
const BLOCK_TAGS = new Set(['table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'div', 'p', 'ul', 'ol', 'li', 'dl', 'dt', 'dd']);

/**
 * A node's children as they are written: each block child followed by a space (see BLOCK_TAGS),
 * and text as a browser parses it back, adjacent strings as one and empty ones as none. The
 * browser's writer and patcher (src/client/dom.ts) use the same list, so an explorer's output is
 * the same DOM whether the build wrote it or an edit did.
 */
export function writtenChildren(node: ElementNode): TreeNode[] {
  const written: TreeNode[] = [];
  for (const child of node.children) {
    for (const part of typeof child !== 'string' && BLOCK_TAGS.has(child.tag) ? [child, ' '] : [child]) {
      const last = written.at(-1);
      if (typeof part !== 'string') written.push(part);
      else if (typeof last === 'string') written[written.length - 1] = last + part;
      else if (part !== '') written.push(part);
    }
  }
  return written;
}

/** The element's tag and attribute names, refused unless plain (and never an event handler); both writers check. */
export function checkNames(node: ElementNode): void {
  if (!SAFE_TAG.test(node.tag)) throw new Error(`Unsafe tag name: ${node.tag}`);
  for (const name of Object.keys(node.attrs))
    if (!SAFE_ATTR.test(name) || name.startsWith('on')) throw new Error(`Unsafe attribute name: ${name}`);
}

export function toHtml(node: TreeNode): string {
  if (typeof node === 'string') return escapeHtml(node);
  checkNames(node);
  const attrs = Object.entries(node.attrs)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  if (VOID_TAGS.has(node.tag)) return `<${node.tag}${attrs}>`;
  const inner = writtenChildren(node).map(toHtml).join('');
  return `<${node.tag}${attrs}>${inner}</${node.tag}>`;
}

/** The tree without the elements `drop` picks (with their children): what a fixed example leaves out of an explorer's outputs. */
export function pruned(node: TreeNode, drop: (element: ElementNode) => boolean): TreeNode[] {
  if (typeof node === 'string') return [node];
  return drop(node) ? [] : [{ ...node, children: node.children.flatMap((child) => pruned(child, drop)) }];
}
