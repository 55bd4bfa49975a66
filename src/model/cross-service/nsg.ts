import type { NsgRule } from '../service.ts';
import { servicesWith } from '../services.ts';
import type { HealthProbeScenario } from '../services.ts';

export type { NsgRule } from '../service.ts';

/**
 * The NSG allow rules a scenario needs (SPEC §3 "NSG rules implied"): each service derives its own
 * from the packets that arrive at its places — data-path hops and its probe rows.
 */
export function nsgRules(s: HealthProbeScenario): NsgRule[] {
  return servicesWith('nsg').flatMap((service) => service.nsg.rules(s, service.probe?.rows(s) ?? []));
}
