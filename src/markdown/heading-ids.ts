import type { Element } from 'hast';

/**
 * Stable heading ids: a heading written as `## 見出し \{#stable-id\}` (braces escaped for MDX)
 * gets `id="stable-id"`, and the marker is removed from its text. The id then survives any
 * rewording and is the same in both languages, so knowledge-base links keep working.
 * Runs before the processor's own heading-id step, which keeps an id that is already set.
 */
const MARKER = /\s*\{#([a-z0-9][a-z0-9-]*)\}\s*$/;

export function stableHeadingId(heading: Element): Element | undefined {
  const last = heading.children.at(-1);
  if (!last || last.type !== 'text') return undefined;
  const match = MARKER.exec(last.value);
  if (!match) return undefined;
  const text = last.value.slice(0, match.index);
  return {
    ...heading,
    properties: { ...heading.properties, id: match[1] },
    children: [...heading.children.slice(0, -1), ...(text ? [{ ...last, value: text }] : [])],
  };
}

export const headingIdsPlugin = {
  name: 'atp-stable-heading-ids',
  element: {
    filter: ['h2', 'h3', 'h4', 'h5', 'h6'],
    visit: (node: Element) => stableHeadingId(node),
  },
};
