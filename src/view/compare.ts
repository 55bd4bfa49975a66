import type { Translate } from '../i18n.ts';
import { compareRows, type CompareRow } from '../model/compare.ts';
import { dataTable, fieldCell } from './table.ts';
import { h, type ElementNode } from './tree.ts';

/** Columns of the comparison matrix (SPEC §5): the data-field name and the row's value. */
const COLUMNS: readonly [string, (row: CompareRow) => string][] = [
  ['layer', (r) => r.layer],
  ['data-path', (r) => r.dataPath],
  ['terminates', (r) => r.terminates],
  ['source-at-backend', (r) => r.sourceAtBackend],
  ['destination-at-backend', (r) => r.destinationAtBackend],
  ['cert-reaches-backend', (r) => r.certReachesBackend],
  ['client-ip-how', (r) => r.clientIpHow],
  ['probe-source', (r) => r.probeSource],
  ['scope', (r) => r.scope],
];

/** Text for a cell: a localised phrase, or the value itself where it is an address or a tag. */
function display(field: string, value: string, t: Translate): ElementNode | string {
  if (field === 'probe-source' && value !== 'instances') return h('code', {}, value);
  return t(`compare.${field}.${value}`);
}

export function compareTable(t: Translate): ElementNode {
  const rows = compareRows().map((row) =>
    h(
      'tr',
      { 'data-service': row.service },
      h('th', { scope: 'row' }, t(`service.${row.service}`)),
      COLUMNS.map(([field, value]) => fieldCell(field, value(row), display(field, value(row), t))),
    ),
  );
  const columns = [t('compare.service'), ...COLUMNS.map(([field]) => t(`compare.${field}`))];
  return dataTable(t('compare.caption'), columns, rows, 'atp-compare');
}
