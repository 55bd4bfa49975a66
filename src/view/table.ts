import { h, type ElementNode, type TreeNode } from './tree.ts';

/** A cell that carries its machine value (SPEC §4) and shows its localised text. */
export function fieldCell(field: string, value: string, display: TreeNode = h('code', {}, value), tag = 'td'): ElementNode {
  return h(tag, { 'data-field': field, 'data-value': value }, display);
}

/**
 * Wide tables scroll sideways inside a focusable, labelled region, so keyboard users can scroll
 * them too (WCAG 2.1.1).
 */
export function scrollable(label: string, table: ElementNode): ElementNode {
  return h('div', { class: 'atp-scroll', tabindex: '0', role: 'region', 'aria-label': label }, table);
}

/** A captioned table with one header row; `rows` are complete `<tr>` elements. Every explorer table is one. */
export function dataTable(caption: string, columns: readonly TreeNode[], rows: readonly ElementNode[], className = ''): ElementNode {
  const head = h('tr', {}, columns.map((column) => h('th', { scope: 'col' }, column)));
  const table = h('table', { class: `atp-table ${className}`.trim() }, h('caption', {}, caption), h('thead', {}, head), h('tbody', {}, rows));
  return scrollable(caption, table);
}
