import { type Translate, uiKey } from '../i18n.ts';
import { failoverFigures, readFailoverScenario } from '../model/services/traffic-manager-failover.ts';
import type { RawParams } from '../model/shared/params.ts';
import { errorMessage } from './errors.ts';
import { FIGURES, secondsCell } from './failover.ts';
import { dataTable } from './table.ts';
import { h, type ElementNode } from './tree.ts';

/** One row of the comparison: a name for links and tests, and the parameters it changes. */
export interface Variant {
  readonly id: string;
  readonly change: Readonly<Record<string, string>>;
}

/**
 * A table of the failover figures for a base scenario and for each change to it, every number
 * computed by the engine (nothing typed by hand can drift from the model).
 */
export function failoverComparison(base: RawParams, variants: readonly Variant[], t: Translate): ElementNode {
  const rows = [{ id: 'base', change: {} }, ...variants].map((variant) => {
    const result = readFailoverScenario({ ...base, ...variant.change });
    if (!result.ok) {
      const messages = result.errors.map((error) => errorMessage(error, t)).join('; ');
      throw new Error(`failoverComparison: variant "${variant.id}" is invalid: ${messages}`);
    }
    const figures = failoverFigures(result.scenario);
    return h(
      'tr',
      { 'data-variant': variant.id },
      h('th', { scope: 'row' }, variant.id === 'base' ? t('compare.base') : changeLabel(variant.change, t)),
      FIGURES.map(([field, key]) => secondsCell(field, figures[key], t)),
    );
  });
  const columns = [t('table.compare.change'), ...FIGURES.map(([field]) => t(`figure.${field}`))];
  return dataTable(t('table.compare.caption'), columns, rows, 'atp-compare-table');
}

/** "DNS TTL (seconds): 30, Probing interval: 10 s (fast probing)" — select values use their option labels. */
function changeLabel(change: Readonly<Record<string, string>>, t: Translate): string {
  return Object.entries(change)
    .map(([name, value]) =>
      t('compare.set', { field: t(uiKey(`field.${name}`)), value: name === 'interval' ? t(uiKey(`field.interval.${value}`)) : value }),
    )
    .join(t('list.separator'));
}
