import { loadBalancerService } from './load-balancer.ts';
import { applicationGatewayService } from './application-gateway.ts';
import { trafficManagerService } from './traffic-manager.ts';
import { frontDoorService } from './front-door.ts';
import type { ServiceModule } from './service.ts';

/**
 * Every service, in the guide's order. The cross-service pages (health probes, NSG rules, the
 * comparison matrix, the client-certificate FAQ), the sidebar and the print order read this list;
 * a new service is one more entry.
 */
export const SERVICES = [loadBalancerService, applicationGatewayService, trafficManagerService, frontDoorService] as const;

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

/** Every NSG place, in the order the services declare them. */
export const NSG_PLACES: readonly string[] = SERVICES.flatMap((service) => service.nsg.places);
