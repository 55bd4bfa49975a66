import { loadBalancerService } from './services/load-balancer.ts';
import { crossRegionService } from './services/cross-region-load-balancer.ts';
import { applicationGatewayService } from './services/application-gateway.ts';
import { trafficManagerService } from './services/traffic-manager.ts';
import { frontDoorService } from './services/front-door.ts';
import { firewallService } from './services/firewall.ts';
import { outboundService } from './services/outbound.ts';
import { privateLinkService } from './services/private-link.ts';
import { aksService } from './services/aks.ts';
import type { ServiceModule } from './service.ts';

/**
 * Every service, in the guide's order: the one list the cross-service pages (health probes, NSG
 * rules, the comparison matrix, the client-certificate FAQ, paths), the sidebar and the print
 * order read. A new service is one more entry here; everything it has, it declares in its module.
 */
export const SERVICES = [
  loadBalancerService,
  crossRegionService,
  applicationGatewayService,
  trafficManagerService,
  frontDoorService,
  firewallService,
  privateLinkService,
  aksService,
  outboundService,
] as const;

export type Service = (typeof SERVICES)[number]['id'];

/** The part of the health-probe scenario a service reads. */
type ProbeScenarioOf<M> = M extends ServiceModule<infer P, string> ? P : never;
type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Every service's probe fields together: the health-probe page's scenario. */
export type HealthProbeScenario = Intersection<ProbeScenarioOf<(typeof SERVICES)[number]>>;

export function serviceById(id: string): (typeof SERVICES)[number] {
  const service = SERVICES.find((s) => s.id === id);
  if (!service) throw new Error(`unknown service "${id}"`);
  return service;
}

/** Any service, its probe scenario type erased: for code that reads every service's sections. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyService = ServiceModule<any>;

/** The services that declare a section, with that section's type known. */
export function servicesWith<K extends keyof AnyService>(section: K): (AnyService & Required<Pick<AnyService, K>>)[] {
  return (SERVICES as readonly AnyService[]).filter(
    (service): service is AnyService & Required<Pick<AnyService, K>> => service[section] !== undefined,
  );
}

/** Every NSG place, in the order the services declare them. */
export const NSG_PLACES: readonly string[] = servicesWith('nsg').flatMap((service) => service.nsg.places);
