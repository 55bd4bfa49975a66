import { applicationGatewayHops, type ApplicationGatewayScenario } from './application-gateway.ts';
import { appGatewayProbes, LB_PROBE_SOURCE_V4, LB_PROBE_SOURCE_V6, probeRows, type HealthProbeScenario } from './health-probes.ts';
import type { Hop } from './hop.ts';
import { parseIp } from './ip.ts';
import { loadBalancerHops } from './load-balancer.ts';
import { trafficManagerHops, type TrafficManagerScenario } from './traffic-manager.ts';
import { frontDoorHops, readFrontDoorScenario, type FrontDoorScenario } from './front-door.ts';
import { FD_PROBE_SOURCE } from './health-probes.ts';

/** Front Door's parameter defaults: only the origin changes what arrives there. */
function frontDoorDefaults(): FrontDoorScenario {
  const result = readFrontDoorScenario({});
  if (!result.ok) throw new Error('Front Door defaults must be valid');
  return result.scenario;
}

/**
 * The NSG allow rules a scenario needs (SPEC §3 "NSG rules implied"), derived from the packets
 * that arrive at each place — data-path hops and probe rows — never written by hand.
 */
export type NsgPlace = 'lb-backends' | 'agw-subnet' | 'agw-backends' | 'tm-endpoints' | 'fd-origin';

export type NsgReason = 'client-data' | 'lb-probe' | 'agw-data-and-probe' | 'agw-clients' | 'agw-infrastructure' | 'agw-lb' | 'tm-probe' | 'fd-backend';

export interface NsgRule {
  readonly place: NsgPlace;
  /** An address, a CIDR block or a service tag. */
  readonly source: string;
  /** Addresses, the AppGW subnet, or `Any` (the NSG's own word for every destination). */
  readonly destination: string;
  /** A port, a range, or `*`. */
  readonly port: string;
  readonly reason: NsgReason;
}

/** The address part of `ip:port` or `[ip]:port`. */
export function addressOf(ipPortText: string): string {
  const bracketed = /^\[(.+)\]:\d+$/.exec(ipPortText);
  return bracketed ? bracketed[1]! : ipPortText.slice(0, ipPortText.lastIndexOf(':'));
}
/** The port part of `ip:port` or `[ip]:port`. */
export const portOf = (ipPortText: string): string => ipPortText.slice(ipPortText.lastIndexOf(':') + 1);

/** Sources that NSG rules name by service tag rather than by address (SPEC §6). */
function tagFor(source: string): string {
  if (source === LB_PROBE_SOURCE_V4 || source === LB_PROBE_SOURCE_V6) return 'AzureLoadBalancer';
  return source;
}

/** An arrival: who sends, to which `ip:port`, why; `destination` overrides the place's own (e.g. `Any`). */
interface Arrival {
  readonly src: string;
  readonly dst: string;
  readonly reason: NsgReason;
  readonly destination?: string;
}

/** The destination Microsoft prescribes for the gateway's platform rules (configuration-infrastructure). */
export const ANY_DESTINATION = 'Any';

/** One rule per distinct (source, port) among the packets arriving at a place. */
function rulesFrom(place: NsgPlace, arrivals: readonly Arrival[], destination: string): NsgRule[] {
  const rules: NsgRule[] = [];
  for (const arrival of arrivals) {
    const rule = { place, source: arrival.src, destination: arrival.destination ?? destination, port: portOf(arrival.dst), reason: arrival.reason };
    if (!rules.some((r) => r.source === rule.source && r.port === rule.port)) rules.push(rule);
  }
  return rules;
}

const arrivingAt = (hops: readonly Hop[], actor: Hop['to']) => hops.filter((hop) => hop.to === actor && hop.from !== 'backend');

/** The AppGW GatewayManager port range for v2 gateways (SPEC §6). */
export const GATEWAY_MANAGER_PORTS = '65200-65535';

export function nsgRules(s: HealthProbeScenario): NsgRule[] {
  const probes = probeRows(s);
  const backendList = s.backends.map((b) => b.text).join(', ');

  // Load Balancer: destination NAT keeps the client's address, so the backend sees the client.
  const lbHops = s.backends.flatMap((_, i) =>
    loadBalancerHops({ client: s.client, cport: 50000, lbip: s.lbip, port: s.bport, backends: s.backends, bport: s.bport, pick: i + 1, floating: false }),
  );
  const lb = rulesFrom(
    'lb-backends',
    [
      ...arrivingAt(lbHops, 'backend').map((hop) => ({ src: addressOf(hop.src), dst: hop.dst, reason: 'client-data' as const })),
      ...probes.filter((p) => p.service === 'load-balancer').map((p) => ({ src: tagFor(p.src), dst: p.dst, reason: 'lb-probe' as const })),
    ],
    backendList,
  );

  // Application Gateway: its subnet takes the clients plus the platform's own traffic; backends see
  // the instances (requests and probes), which all live in the subnet. The subnet rules do not
  // depend on the backends; the backend rules exist only for IPv4 backends (see appGatewayProbes).
  // The frontend address does not change what arrives where; any example address of the client's IP version does.
  const agwip = parseIp(s.client.family === 6 ? '2001:db8::20' : '198.51.100.20')!;
  const base: Omit<ApplicationGatewayScenario, 'via' | 'pick'> = {
    client: s.client, cport: 50000, agwip, port: s.port, subnet: s.subnet, instances: s.instances,
    gport: 40000, backends: s.backends, bport: s.bport, tls: 'e2e', xffin: [],
  };
  const agwHops = Array.from({ length: s.instances }, (_, v) => v + 1).flatMap((via) =>
    s.backends.flatMap((_, i) => applicationGatewayHops({ ...base, via, pick: i + 1 })),
  );
  const agwRules = rulesFrom(
    'agw-subnet',
    [
      ...arrivingAt(agwHops, 'agw').map((hop) => ({ src: addressOf(hop.src), dst: hop.dst, reason: 'agw-clients' as const })),
      // Microsoft prescribes destination Any for both platform rules, not the subnet prefix.
      { src: 'GatewayManager', dst: `*:${GATEWAY_MANAGER_PORTS}`, reason: 'agw-infrastructure', destination: ANY_DESTINATION },
      { src: 'AzureLoadBalancer', dst: '*:*', reason: 'agw-lb', destination: ANY_DESTINATION },
    ],
    s.subnet.text,
  );
  if (appGatewayProbes(s)) {
    const inSubnet = (text: string) => (probes.some((p) => p.src === text) || agwHops.some((h) => addressOf(h.src) === text) ? s.subnet.text : text);
    agwRules.push(
      ...rulesFrom(
        'agw-backends',
        [
          ...arrivingAt(agwHops, 'backend').map((hop) => ({ src: inSubnet(addressOf(hop.src)), dst: hop.dst, reason: 'agw-data-and-probe' as const })),
          ...probes.filter((p) => p.service === 'application-gateway').map((p) => ({ src: inSubnet(p.src), dst: p.dst, reason: 'agw-data-and-probe' as const })),
        ],
        backendList,
      ),
    );
  }

  // Traffic Manager: clients connect to the endpoints directly; probes come from the service tag.
  const tmScenario: TrafficManagerScenario = {
    client: s.client, cport: 50000, profile: 'test.trafficmanager.net', endpoints: s.endpoints, port: s.port,
    fail: null, resolved: 0, interval: s.interval, tolerated: 3, timeout: 10,
  };
  const tmHops = trafficManagerHops(tmScenario);
  const tm = rulesFrom(
    'tm-endpoints',
    [
      ...arrivingAt(tmHops, 'endpoint').map((hop) => ({ src: addressOf(hop.src), dst: hop.dst, reason: 'client-data' as const })),
      ...probes.filter((p) => p.service === 'traffic-manager').map((p) => ({ src: p.src, dst: p.dst, reason: 'tm-probe' as const })),
    ],
    s.endpoints.map((e) => e.ip.text).join(', '),
  );
  // Front Door: requests and probes both come from the edges, under one shared service tag.
  const fdHops = frontDoorHops({ ...frontDoorDefaults(), origin: s.origin, bport: s.oport });
  const fd = rulesFrom(
    'fd-origin',
    [
      ...arrivingAt(fdHops, 'origin').map((hop) => ({ src: FD_PROBE_SOURCE, dst: hop.dst, reason: 'fd-backend' as const })),
      ...probes.filter((p) => p.service === 'front-door').map((p) => ({ src: p.src, dst: p.dst, reason: 'fd-backend' as const })),
    ],
    s.origin.text,
  );
  return [...lb, ...agwRules, ...tm, ...fd];
}
