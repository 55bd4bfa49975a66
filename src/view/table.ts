import { ipPort, type SocketAddress } from '../model/shared/ip.ts';
import type { Translate } from '../i18n.ts';
import { h, type ElementNode, type TreeNode } from './tree.ts';

/** A socket address as text: `ip:port`, or `[ip]:port` for IPv6. The engine keeps it as data. */
export const socketText = (address: SocketAddress): string => ipPort(address.ip, address.port);

/** A cell for a socket address: its text as the machine value, shown as one chip. */
export function socketCell(field: string, address: SocketAddress): ElementNode {
  const text = socketText(address);
  return fieldCell(field, text, chip(text));
}

/**
 * A value chip (SPEC §7.1): one address, tuple, CIDR, port range, service tag or DNS name,
 * laid out whole (`.atp-chip` never wraps). `[2001:db8::10]:50000` may break once, before the
 * port: the `<wbr>` adds no text, so the chip's text stays the tuple.
 */
export function chip(value: string): ElementNode {
  const split = chipBreak(value);
  const parts = split > 0 ? [value.slice(0, split), h('wbr'), value.slice(split)] : [value];
  return h('code', { class: 'atp-chip' }, parts);
}

/** Where a chip may break: before the port of an IPv6 tuple (the offset of `:port`), else nowhere (0). */
const chipBreak = (value: string): number => (value.startsWith('[') ? value.lastIndexOf(']:') + 1 : 0);

/** The characters of a chip's longest piece that never breaks: how wide a column of chips must be. */
export function chipChars(value: string): number {
  const split = chipBreak(value);
  return split > 0 ? Math.max(split, value.length - split) : value.length;
}

/** A comma list of values (`10.0.1.4, 10.0.1.5`): a chip each, so a line breaks only between them. */
export function chipList(value: string): TreeNode[] {
  return value.split(/,\s*/).flatMap((item, index) => (index === 0 ? [chip(item)] : [', ', chip(item)]));
}

/** A DNS answer, `CNAME name` or `A address`, split into its record type and its value. */
function recordParts(answer: string): [type: string, value: string] | [value: string] {
  const space = answer.indexOf(' ');
  return space > 0 ? [answer.slice(0, space), answer.slice(space + 1)] : [answer];
}

/** A DNS answer in a table: the record type as text, the value as a chip. */
export function dnsRecord(answer: string): TreeNode[] {
  const parts = recordParts(answer);
  return parts.length === 2 ? [`${parts[0]} `, chip(parts[1])] : [chip(parts[0])];
}

/** A cell that carries its machine value (SPEC §4) and shows its localised text. */
export function fieldCell(
  field: string,
  value: string,
  display: TreeNode | readonly TreeNode[] = chipList(value),
  tag = 'td',
): ElementNode {
  return h(tag, { 'data-field': field, 'data-value': value }, display);
}

/**
 * Tables are laid out in a labelled, focusable region (WCAG 2.1.1 if one ever has to scroll);
 * on narrow screens the stylesheet turns each row into a block.
 */
export function scrollable(label: string, table: ElementNode): ElementNode {
  return h('div', { class: 'atp-scroll', tabindex: '0', role: 'region', 'aria-label': label }, table);
}

/**
 * A captioned table with one header row; `rows` are complete `<tr>` elements. Every explorer
 * table is one. Each body cell gets its column's name in `data-label`, which the narrow layout
 * shows in front of the value when rows become blocks (SPEC §7.3).
 */
export function dataTable(caption: string, columns: readonly string[], rows: readonly ElementNode[], className = ''): ElementNode {
  const head = h(
    'tr',
    {},
    columns.map((column) => h('th', { scope: 'col' }, column)),
  );
  const labelled = rows.map((row) => ({
    ...row,
    children: row.children.map((cell, index) =>
      typeof cell === 'string' || columns[index] === undefined
        ? cell
        : { ...cell, attrs: { 'data-label': columns[index]!, ...cell.attrs } },
    ),
  }));
  const table = h(
    'table',
    { class: `atp-table ${className}`.trim() },
    h('caption', {}, caption),
    h('thead', {}, head),
    h('tbody', {}, labelled),
  );
  return scrollable(caption, table);
}

/**
 * A captioned table of labelled figures: one row each, its label as the row header and its value
 * cell (a `fieldCell`) beside it, in a scrollable region like every explorer table. What the
 * backend receives on the paths page; what the VM gets on the outbound page.
 */
export function figureTable(caption: string, rows: readonly (readonly [label: string, cell: ElementNode])[]): ElementNode {
  return scrollable(
    caption,
    h(
      'table',
      { class: 'atp-table atp-path-summary' },
      h('caption', {}, caption),
      h(
        'tbody',
        {},
        rows.map(([label, cell]) => h('tr', {}, h('th', { scope: 'row' }, label), cell)),
      ),
    ),
  );
}

/** Names as a sentence's list: `A, B and C` (`A、B、C` in Japanese). */
export function listText(items: readonly string[], t: Translate): string {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(t('list.separator'))}${t('list.last')}${items[items.length - 1]}`;
}

/** A diagram label from a UI string: a line break in the string starts a new line of the label. */
export const lines = (text: string): string[] => text.split('\n');

/**
 * A DNS record as a diagram label: a CNAME's long name on a line of its own, so the arrow between
 * two participants needs only the name's width (a drawing that fits paper, SPEC §7.4).
 */
export function recordLines(answer: string): string[] {
  const parts = recordParts(answer);
  return parts[0] === 'CNAME' ? parts : [answer];
}
