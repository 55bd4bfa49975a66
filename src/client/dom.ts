import type { TreeNode } from '../view/tree.ts';

/** Builds DOM from a view tree: text goes in as text nodes, never as markup. */
export function toDom(node: TreeNode): Node {
  if (typeof node === 'string') return document.createTextNode(node);
  const element = document.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs)) element.setAttribute(name, value);
  for (const child of node.children) element.append(toDom(child));
  return element;
}
