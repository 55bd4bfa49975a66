import type { Hop } from '../model/hop.ts';
import type { Translate } from '../i18n.ts';
import type { Step } from '../diagram/sequence.ts';
import { dataTable, socketCell, socketText } from './table.ts';
import { h, type ElementNode } from './tree.ts';

export function hopTable(hops: readonly Hop[], t: Translate): ElementNode {
  const rows = hops.map((hop) => {
    const leg = t('table.hops.path.value', { from: t(`actor.${hop.from}`), to: t(`actor.${hop.to}`) });
    return h(
      'tr',
      { 'data-hop': String(hop.n) },
      h('th', { scope: 'row' }, String(hop.n)),
      socketCell('src', hop.src),
      socketCell('dst', hop.dst),
      h('td', {}, h('span', { class: 'atp-leg' }, leg), h('span', { class: 'atp-note' }, t(`hopNote.${hop.note}`))),
    );
  });
  const columns = (['n', 'src', 'dst', 'path'] as const).map((column) => t(`table.hops.${column}`));
  return dataTable(t('table.hops.caption'), columns, rows, 'atp-hops');
}

/**
 * The message text for a hop: its number and source, then `→ dst` on a second line, so the SVG
 * holds every value and the arrow needs half the width.
 */
export function hopMessage(hop: Hop): Step {
  const reply = hop.from === 'backend' || hop.from === 'endpoint' || hop.from === 'origin' || hop.to === 'client';
  return { kind: 'message', from: hop.from, to: hop.to, text: [`(${hop.n}) ${socketText(hop.src)}`, `→ ${socketText(hop.dst)}`], reply };
}
