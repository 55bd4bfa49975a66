import { socketAddress, type Ip } from '../shared/ip.ts';
import type { Hop, Packets } from '../shared/hop.ts';
import {
  COMMON_PARAMS,
  ipParam,
  readScenario,
  type ParamError,
  type ParamSpecs,
  type RawParams,
  type ScenarioResult,
} from '../shared/params.ts';
import {
  checkLbFamilies,
  loadBalancerPackets,
  loadBalancerParams,
  loadBalancerService,
  type LoadBalancerScenario,
} from './load-balancer.ts';
import {
  arrivingAt,
  clientIpHow,
  defaultScenario,
  destinationAtBackend,
  hopArrival,
  onPath,
  rulesFrom,
  sourceAtBackend,
  terminates,
  type DataStage,
  type ServiceModule,
  type StageInput,
  type StageOutput,
} from '../service.ts';

/**
 * The cross-region (global) tier of Azure Load Balancer (SPEC §15, `glb`): a layer-4 pass-through
 * in front of regional public Standard Load Balancers. Its frontend is a static anycast public IP
 * advertised from the participating regions; a client's packets enter the closest one and reach
 * the closest healthy regional Load Balancer over Microsoft's network (geo-proximity). It keeps the
 * client's address and port: the regional frontend, and then the backend, see the client itself.
 * Learn: load-balancer/cross-region-overview (ms.date 2026-01-29).
 */
export interface CrossRegionScenario extends LoadBalancerScenario {
  /** The global frontend IP the client connects to. */
  readonly glbip: Ip;
}

const { client, cport, port, backends, bport, pick } = COMMON_PARAMS;
const { lbip, floating } = loadBalancerParams;
const glbip = ipParam('198.51.100.90');

/**
 * `port` is the global rule's frontend port and, as Learn requires ("the backend port of your load
 * balancing rule on global load balancer should match the frontend port of the load balancing
 * rule/inbound nat rule on regional standard load balancer"), also the global rule's backend port
 * and the regional rule's frontend port: one field, so they cannot differ.
 */
export const crossRegionParams: ParamSpecs<CrossRegionScenario> = { client, cport, glbip, port, lbip, backends, bport, pick, floating };

/**
 * Seconds between the global tier's reads of each regional Load Balancer's health. It sends no probe
 * of its own: it reads the health the regional Load Balancer's probes found. Learn's figure changed:
 * the preview page (ms.date 2022-10-31) said every 20 seconds, the current page (ms.date 2026-01-29)
 * every 5 seconds. Learn: load-balancer/cross-region-overview.
 */
export const GLOBAL_HEALTH_READ = { current: { seconds: 5, date: '2026-01-29' }, preview: { seconds: 20, date: '2022-10-31' } } as const;

/**
 * Where the global frontend is advertised, and where the global tier itself can be deployed, as far
 * as Japan goes (Learn: cross-region-overview, 2026-01-29): Japan East participates, Japan West does
 * not; no Japanese region is a home region. The regional Load Balancers behind it may be in any
 * public region.
 */
export const JAPAN_REGIONS = { participating: ['Japan East'], home: [] as string[] } as const;

/** One IP version end to end (Learn: no NAT64), `pick` names a listed backend, the two frontends differ. */
function crossCheck(s: CrossRegionScenario): ParamError[] {
  const errors = checkLbFamilies(s);
  if (s.glbip.family !== s.client.family) errors.push({ param: 'glbip', rule: { code: 'same-family', other: 'client' } });
  if (s.pick > s.backends.length) errors.push({ param: 'pick', rule: { code: 'at-most', max: s.backends.length, other: 'backends' } });
  if (s.glbip.text === s.lbip.text) errors.push({ param: 'glbip', rule: { code: 'same-address', other: 'lbip' } });
  return errors;
}

export function readCrossRegionScenario(raw: RawParams): ScenarioResult<CrossRegionScenario> {
  return readScenario(raw, crossRegionParams, crossCheck);
}

/**
 * The global tier on a path: it passes the client's packet to the regional frontend it chose, the
 * destination translated to that frontend and the source kept, and the reply back from its own
 * frontend. Learn does not describe where the reply is rewritten; as for the regional tier, the
 * reply is shown as the mirror of the request.
 */
export function crossRegionStage({ flow, front, target }: StageInput): StageOutput {
  const packets: Packets = {
    requestIn: { n: 1, from: 'client', to: 'glb', src: flow.from, dst: front, note: 'to-global-frontend', session: 1 },
    requestOut: { n: 2, from: 'glb', to: 'lb', src: flow.from, dst: target, note: 'global-to-regional', session: 1 },
    replyIn: { n: 3, from: 'lb', to: 'glb', src: target, dst: flow.from, note: 'regional-to-global', session: 1 },
    replyOut: { n: 4, from: 'glb', to: 'client', src: front, dst: flow.from, note: 'global-reverse', session: 1 },
  };
  return { packets, next: flow };
}

/** The six packets of one flow, in travel order: client → global → regional → backend, and back. */
export function crossRegionHops(s: CrossRegionScenario): Hop[] {
  const from = socketAddress(s.client, s.cport);
  const global = crossRegionStage({
    flow: { from, name: s.client.text, xff: [], cert: 'yes' },
    front: socketAddress(s.glbip, s.port),
    target: socketAddress(s.lbip, s.port),
  }).packets;
  const regional = loadBalancerPackets(s);
  return [global.requestIn, global.requestOut, regional.requestOut, regional.replyIn, global.replyIn, global.replyOut].map((hop, i) => ({
    ...hop,
    n: i + 1,
  }));
}

/** What the health-probe and NSG pages need: the client and the backends behind the regional tier. */
export type CrossRegionProbeScenario = Pick<CrossRegionScenario, 'client' | 'backends' | 'bport'>;

export const crossRegionService: ServiceModule<CrossRegionProbeScenario, 'cross-region-load-balancer'> = {
  id: 'cross-region-load-balancer',
  page: 'inbound',
  probe: {
    params: { client, backends, bport },
    // It probes nothing itself: the health it uses is the regional Load Balancer's (the callout says so).
    rows: () => [],
    target: 'backend',
    notes: [],
    whenNone: 'probe.glb-reads-regional',
  },
  nsg: {
    places: ['glb-backends'],
    /** The backends see the client itself (no service tag stands for a global frontend), plus the regional probes. */
    rules(s) {
      const base = defaultScenario(crossRegionParams, crossCheck);
      const hops = s.backends.flatMap((_, i) =>
        crossRegionHops({ ...base, client: s.client, backends: s.backends, bport: s.bport, pick: i + 1 }),
      );
      const arrivals = [
        ...arrivingAt(hops, 'backend').map((hop) => hopArrival(hop, 'client-data')),
        { src: 'AzureLoadBalancer', port: String(s.bport), reason: 'lb-probe' },
      ];
      return rulesFrom('glb-backends', arrivals, s.backends.map((b) => b.text).join(', '));
    },
    notes: ['nsg.note.glb-no-tag'],
  },
  compare() {
    const s = defaultScenario(crossRegionParams, crossCheck);
    const hops = crossRegionHops(s);
    return {
      layer: 'l4',
      dataPath: onPath(hops, 'glb'),
      terminates: terminates(hops),
      sourceAtBackend: sourceAtBackend(hops, s.client.text),
      destinationAtBackend: destinationAtBackend(hops, s.glbip),
      clientIpHow: clientIpHow(hops, s.client.text, false),
      scope: 'global',
    };
  },
  compareWording: { 'probe-source': 'compare.probe-source.glb' },
  // Its column stands beside Load Balancer's, and says "same" where the two tiers agree: five
  // columns of full phrases did not fit beside the sidebar at 1280 px (SPEC §7.2).
  compareSameAs: loadBalancerService.id,
  /** A pass-through: the client's TLS handshake, certificate included, is with the backend. */
  certificate: () => ({ service: 'cross-region-load-balancer', tlsEndsAt: 'backend', reaches: 'yes', validatedBy: 'backend' }),
  stages: [
    {
      key: 'glb',
      kind: 'global-balancer',
      follows: ['client'],
      // Its backend pool holds regional public Standard Load Balancers, and nothing else.
      leadsTo: ['balancer'],
      frontend: { public: 'glbip' },
      // It reaches the regional Load Balancer at its public frontend (an internal one cannot be in its pool).
      reachesNextAt: 'public',
      source: 'kept',
      params: { glbip },
      occupies: (s) => [{ param: 'glbip', ips: [s.glbip] }],
      run: (input) => crossRegionStage(input),
    } satisfies DataStage<Pick<CrossRegionScenario, 'glbip'>>,
  ],
};
