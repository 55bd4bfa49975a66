import type { CompareRow } from './service.ts';
import { SERVICES } from './services.ts';

export type { CompareRow } from './service.ts';

/**
 * The index page's comparison matrix (SPEC §5): one column per service. Every cell the engine can
 * decide is read off the service's own results for its default scenario, so the matrix cannot
 * disagree with the explorers.
 */
export function compareRows(): CompareRow[] {
  return SERVICES.map((service) => service.compare());
}
