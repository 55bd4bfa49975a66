import { type Translate, uiKey } from '../i18n.ts';
import { compareRows, type CompareRow } from '../model/cross-service/compare.ts';
import type { CompareField } from '../model/service.ts';
import { serviceById } from '../model/services.ts';
import { chip, dataTable, fieldCell } from './table.ts';
import { h, type ElementNode } from './tree.ts';

/** Properties compared (SPEC §5): the data-field name and each service's value. */
const PROPERTIES: readonly [CompareField, (row: CompareRow) => string][] = [
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

/**
 * Text for a cell: a localised phrase (the service's own words where it declares them, e.g. Front
 * Door's header has no port), or the value itself where it is an address or a tag.
 */
function display(service: string, field: CompareField, value: string, t: Translate, beside?: CompareRow): ElementNode | string {
  const sameAs = serviceById(service).compareSameAs;
  if (beside && beside.service === sameAs && PROPERTIES.find(([f]) => f === field)![1](beside) === value)
    return t('compare.same-as', { service: t(uiKey(`service.${sameAs}`)) });
  const own = serviceById(service).compareWording?.[field];
  if (own) return t(uiKey(own));
  if (field === 'probe-source' && value !== 'instances') return chip(value);
  return t(uiKey(`compare.${field}.${value}`));
}

/**
 * The matrix turned: services as columns and properties as rows, so each cell has a service's
 * width and no row grows tall (SPEC §7.2). Each cell carries both `data-service` and
 * `data-field` (SPEC §5).
 */
export function compareTable(t: Translate): ElementNode {
  const services = compareRows();
  const rows = PROPERTIES.map(([field, value]) =>
    h(
      'tr',
      { 'data-property': field },
      h('th', { scope: 'row' }, t(`compare.${field}`)),
      services.map((row, i) => {
        const cell = fieldCell(field, value(row), display(row.service, field, value(row), t, services[i - 1]));
        return { ...cell, attrs: { ...cell.attrs, 'data-service': row.service } };
      }),
    ),
  );
  const columns = [t('compare.property'), ...services.map((row) => t(uiKey(`service.${row.service}`)))];
  return dataTable(t('compare.caption'), columns, rows, 'atp-compare');
}
