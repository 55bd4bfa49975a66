import { checkNames, writtenChildren, type ElementNode, type TreeNode } from '../view/tree.ts';

/** Builds DOM from a view tree: text goes in as text nodes, never as markup. */
export function toDom(node: TreeNode): Node {
  if (typeof node === 'string') return document.createTextNode(node);
  checkNames(node);
  const element = document.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs)) element.setAttribute(name, value);
  for (const child of writtenChildren(node)) element.append(toDom(child));
  return element;
}

/**
 * Whether `node` can become `wanted` in place: text for text; for an element, the same tag and the
 * same accessible label. A labelled element (a table's scrolling region) is something a reader can
 * focus and scroll, so one with another label is a new element, not the old one relabelled.
 */
function sameKind(node: Node, wanted: TreeNode): boolean {
  if (typeof wanted === 'string') return node.nodeType === Node.TEXT_NODE;
  return (
    node instanceof Element &&
    node.namespaceURI === 'http://www.w3.org/1999/xhtml' &&
    node.localName === wanted.tag &&
    node.getAttribute('aria-label') === (wanted.attrs['aria-label'] ?? null)
  );
}

/** A chip the script made a link to the reverse lookup (lookup-links.ts) is still that chip: it is patched inside its link. */
function unwrapped(node: Node, wanted: TreeNode): Node {
  const linked = typeof wanted !== 'string' && wanted.tag === 'code' && node instanceof Element && node.matches('a.atp-lookup-link');
  return linked && node.firstChild ? node.firstChild : node;
}

function patchElement(element: Element, wanted: ElementNode): void {
  checkNames(wanted);
  for (const name of element.getAttributeNames()) if (!Object.hasOwn(wanted.attrs, name)) element.removeAttribute(name);
  for (const [name, value] of Object.entries(wanted.attrs)) if (element.getAttribute(name) !== value) element.setAttribute(name, value);
  // A radio the reader has clicked no longer follows its `checked` attribute: its state is set to the view's.
  if (element instanceof HTMLInputElement) element.checked = Object.hasOwn(wanted.attrs, 'checked');
  patchChildren(element, writtenChildren(wanted));
}

/**
 * Makes `parent`'s children the DOM that `toDom` would build for `nodes`, changing only what
 * differs: after an edit most of an explorer's tables are as they were, and a text node given a
 * new value costs the browser far less layout than tables built anew (on the health-probe
 * explorer, under 1 ms against about 10). Nodes are matched by position.
 */
export function patchChildren(parent: Node, nodes: readonly TreeNode[]): void {
  let existing = parent.firstChild;
  for (const wanted of nodes) {
    if (!existing) {
      parent.appendChild(toDom(wanted));
      continue;
    }
    const node = unwrapped(existing, wanted);
    if (!sameKind(node, wanted)) {
      const next = existing.nextSibling;
      parent.replaceChild(toDom(wanted), existing);
      existing = next;
    } else {
      if (typeof wanted === 'string') {
        if ((node as Text).data !== wanted) (node as Text).data = wanted;
      } else patchElement(node as Element, wanted);
      existing = existing.nextSibling;
    }
  }
  while (existing) {
    const next = existing.nextSibling;
    existing.remove();
    existing = next;
  }
}
