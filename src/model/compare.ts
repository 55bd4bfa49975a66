import { applicationGatewayHops, readApplicationGatewayScenario, trustedXffEntry } from './application-gateway.ts';
import { certificateRows, type CertReach, type Service } from './client-certificate.ts';
import { probeRows, readHealthProbeScenario } from './health-probes.ts';
import type { Hop } from './hop.ts';
import { loadBalancerHops, readLoadBalancerScenario } from './load-balancer.ts';
import { addressOf } from './nsg.ts';
import { readTrafficManagerScenario, trafficManagerHops } from './traffic-manager.ts';
import { frontDoorHeaders, frontDoorHops, readFrontDoorScenario } from './front-door.ts';

/**
 * The index page's comparison matrix (SPEC §5). Every cell that the engine can decide is read off
 * the explorers' own results for their default scenarios, so the matrix cannot disagree with them.
 */
export interface CompareRow {
  readonly service: Service;
  readonly layer: 'l4' | 'l7' | 'dns';
  /** Does any packet of the flow pass through the service? */
  readonly dataPath: 'yes' | 'no';
  /** Does the client's TCP (and TLS) session end at the service? */
  readonly terminates: 'yes' | 'no';
  readonly sourceAtBackend: 'client' | 'instance' | 'edge';
  readonly destinationAtBackend: 'own-ip' | 'frontend-ip';
  readonly certReachesBackend: CertReach;
  readonly clientIpHow: 'packet-source' | 'x-forwarded-for' | 'none';
  readonly probeSource: string;
  /** Load Balancer is regional, with a Global tier (cross-region load balancer) on top. */
  readonly scope: 'regional' | 'regional-global' | 'global';
}

function valid<S>(result: { ok: true; scenario: S } | { ok: false }): S {
  if (!result.ok) throw new Error('default scenario must be valid');
  return result.scenario;
}

/** The packet the backend (or endpoint) receives first. */
const arrival = (hops: readonly Hop[]) => hops.find((hop) => hop.to === 'backend' || hop.to === 'endpoint' || hop.to === 'origin')!;

export function compareRows(): CompareRow[] {
  const lb = valid(readLoadBalancerScenario({}));
  const agw = valid(readApplicationGatewayScenario({}));
  const tm = valid(readTrafficManagerScenario({}));
  const fd = valid(readFrontDoorScenario({}));
  const probes = probeRows(valid(readHealthProbeScenario({})));
  const certificate = new Map(certificateRows(agw.tls).map((row) => [row.service, row.reaches]));
  const probeSource = (service: Service) => {
    const sources = [...new Set(probes.filter((row) => row.service === service).map((row) => row.src))];
    return sources.length === 1 ? sources[0]! : 'instances';
  };

  const lbHops = loadBalancerHops(lb);
  const agwHops = applicationGatewayHops(agw);
  const tmHops = trafficManagerHops(tm);
  const fdHops = frontDoorHops(fd);
  const sourceAt = (hops: readonly Hop[], client: string) => {
    const first = arrival(hops);
    if (addressOf(first.src) === client) return 'client';
    return first.from === 'edge' ? 'edge' : 'instance';
  };
  const onPath = (hops: readonly Hop[], actor: Hop['from']) => (hops.some((hop) => hop.from === actor || hop.to === actor) ? 'yes' : 'no');
  const terminates = (hops: readonly Hop[]) => (hops.some((hop) => hop.session === 2) ? 'yes' : 'no');
  // The gateway's own (last) X-Forwarded-For entry is the one that carries the client.
  const xffCarriesClient = addressOf(trustedXffEntry(agw)) === agw.client.text;
  const clientIpHow = (hops: readonly Hop[], client: string, headers: boolean) =>
    sourceAt(hops, client) === 'client' ? 'packet-source' : headers ? 'x-forwarded-for' : 'none';

  return [
    {
      service: 'load-balancer',
      layer: 'l4',
      dataPath: onPath(lbHops, 'lb'),
      terminates: terminates(lbHops),
      sourceAtBackend: sourceAt(lbHops, lb.client.text),
      destinationAtBackend: addressOf(arrival(lbHops).dst) === lb.lbip.text ? 'frontend-ip' : 'own-ip',
      certReachesBackend: certificate.get('load-balancer')!,
      clientIpHow: clientIpHow(lbHops, lb.client.text, false),
      probeSource: probeSource('load-balancer'),
      scope: 'regional-global',
    },
    {
      service: 'application-gateway',
      layer: 'l7',
      dataPath: onPath(agwHops, 'agw'),
      terminates: terminates(agwHops),
      sourceAtBackend: sourceAt(agwHops, agw.client.text),
      destinationAtBackend: 'own-ip',
      certReachesBackend: certificate.get('application-gateway')!,
      clientIpHow: clientIpHow(agwHops, agw.client.text, xffCarriesClient),
      probeSource: probeSource('application-gateway'),
      scope: 'regional',
    },
    {
      service: 'traffic-manager',
      layer: 'dns',
      dataPath: onPath(tmHops, 'tm'),
      terminates: terminates(tmHops),
      sourceAtBackend: sourceAt(tmHops, tm.client.text),
      destinationAtBackend: 'own-ip',
      certReachesBackend: certificate.get('traffic-manager')!,
      clientIpHow: clientIpHow(tmHops, tm.client.text, false),
      probeSource: probeSource('traffic-manager'),
      scope: 'global',
    },
    {
      service: 'front-door',
      layer: 'l7',
      dataPath: onPath(fdHops, 'fd'),
      terminates: terminates(fdHops),
      sourceAtBackend: sourceAt(fdHops, fd.client.text),
      destinationAtBackend: 'own-ip',
      certReachesBackend: certificate.get('front-door')!,
      // Front Door appends the socket IP to X-Forwarded-For; the last entry carries the client.
      clientIpHow: clientIpHow(fdHops, fd.client.text, frontDoorHeaders(fd).some((h) => h.key === 'xff' && h.value.endsWith(fd.client.text))),
      probeSource: probeSource('front-door'),
      scope: 'global',
    },
  ];
}
