import type { Hop, Packets } from '../model/shared/hop.ts';
import { uiKey, type Translate, type UiKey } from '../i18n.ts';
import type { Step } from '../diagram/sequence.ts';
import { dataTable, fieldCell, socketCell, socketText } from './table.ts';
import { h, type ElementNode } from './tree.ts';

/** How a hop table names the two ends of each hop, and what else each row carries. */
export interface HopTableOptions<H extends Hop> {
  readonly caption?: UiKey;
  /** The sender's and receiver's names; by default the actors' (`actor.*`). */
  readonly names?: (hop: H, t: Translate) => readonly [string, string];
  readonly rowAttrs?: (hop: H) => Readonly<Record<string, string>>;
  /** The end of a hop whose address Microsoft does not document: its cell says so instead of showing the stand-in. */
  readonly undocumented?: (hop: H) => 'src' | 'dst' | null;
  /** The text such a cell shows. */
  readonly undocumentedText?: string;
  /** More for a hop's leg cell, under its note (the paths page's next hop). */
  readonly more?: (hop: H) => readonly ElementNode[];
}

/** An actor's display name (`actor.*`, declared by the service that draws it). */
export const actorName = (actor: string, t: Translate): string => t(uiKey(`actor.${actor}`));

export function hopTable<H extends Hop>(hops: readonly H[], t: Translate, options: HopTableOptions<H> = {}): ElementNode {
  const names = options.names ?? ((hop: H) => [actorName(hop.from, t), actorName(hop.to, t)] as const);
  const rows = hops.map((hop) => {
    const [from, to] = names(hop, t);
    const leg = t('table.hops.path.value', { from, to });
    return h(
      'tr',
      { 'data-hop': String(hop.n), ...options.rowAttrs?.(hop) },
      h('th', { scope: 'row' }, String(hop.n)),
      ...(['src', 'dst'] as const).map((end) =>
        options.undocumented?.(hop) === end ? fieldCell(end, 'undocumented', options.undocumentedText ?? '') : socketCell(end, hop[end]),
      ),
      h(
        'td',
        {},
        h('span', { class: 'atp-leg' }, leg),
        h('span', { class: 'atp-note' }, t(uiKey(`hopNote.${hop.note}`))),
        ...(options.more?.(hop) ?? []),
      ),
    );
  });
  const columns = (['n', 'src', 'dst', 'path'] as const).map((column) => t(`table.hops.${column}`));
  return dataTable(t(options.caption ?? 'table.hops.caption'), columns, rows, 'atp-hops');
}

/**
 * The label of a hop's arrow: its number and source, then `→ dst` on a second line, so the SVG
 * holds every value and the arrow needs half the width.
 */
export const hopLabel = (hop: Hop): string[] => [`(${hop.n}) ${socketText(hop.src)}`, `→ ${socketText(hop.dst)}`];

export function hopMessage(hop: Hop): Step {
  const reply = hop.from === 'backend' || hop.from === 'endpoint' || hop.from === 'origin' || hop.to === 'client';
  return { kind: 'message', from: hop.from, to: hop.to, text: hopLabel(hop), reply };
}

/** The four packets of a flow as diagram messages, by name. */
export const packetMessages = (p: Packets): Record<keyof Packets, Step> => ({
  requestIn: hopMessage(p.requestIn),
  requestOut: hopMessage(p.requestOut),
  replyIn: hopMessage(p.replyIn),
  replyOut: hopMessage(p.replyOut),
});
