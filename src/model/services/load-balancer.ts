import { isPrivateAddress, socketAddress, type Ip } from '../shared/ip.ts';
import {
  arrivingAt,
  clientIpHow,
  defaultScenario,
  destinationAtBackend,
  hopArrival,
  onPath,
  probeArrival,
  rulesFrom,
  sourceAtBackend,
  terminates,
  type DataStage,
  type ServiceModule,
  type StageInput,
  type StageOutput,
} from '../service.ts';
import { inTravelOrder, type Hop, type Packets } from '../shared/hop.ts';
import {
  COMMON_PARAMS,
  flagParam,
  intParam,
  ipParam,
  readScenario,
  type ParamError,
  type ParamSpecs,
  type RawParams,
  type ScenarioResult,
} from '../shared/params.ts';

export interface LoadBalancerScenario {
  readonly client: Ip;
  readonly cport: number;
  readonly lbip: Ip;
  readonly port: number;
  readonly backends: readonly Ip[];
  readonly bport: number;
  readonly pick: number;
  readonly floating: boolean;
}

const { client, cport, port, backends, bport, pick } = COMMON_PARAMS;

/** The frontend's public address, the internal frontend used behind another stage of a chain, Floating IP. */
const lbip = ipParam('198.51.100.10');
const lbpriv = ipParam('10.0.1.100');
const floating = flagParam('0');

export const loadBalancerParams: ParamSpecs<LoadBalancerScenario> = { client, cport, lbip, port, backends, bport, pick, floating };

/** A packet keeps one IP version end to end: the frontend and the backends share the client's. */
export function checkLbFamilies(s: Pick<LoadBalancerScenario, 'client' | 'lbip' | 'backends'>): ParamError[] {
  const errors: ParamError[] = [];
  if (s.lbip.family !== s.client.family) errors.push({ param: 'lbip', rule: { code: 'same-family', other: 'client' } });
  if (s.backends[0]!.family !== s.client.family) {
    errors.push({ param: 'backends', rule: { code: 'same-family', other: 'client' } });
  }
  return errors;
}

/** One IP version end to end, and `pick` must name a listed backend. */
function crossCheck(s: LoadBalancerScenario): ParamError[] {
  const errors = checkLbFamilies(s);
  if (s.pick > s.backends.length) {
    errors.push({ param: 'pick', rule: { code: 'at-most', max: s.backends.length, other: 'backends' } });
  }
  return errors;
}

export function readLoadBalancerScenario(raw: RawParams): ScenarioResult<LoadBalancerScenario> {
  return readScenario(raw, loadBalancerParams, crossCheck);
}

/**
 * The four packets of one flow through a Load Balancer (SPEC §3). The LB rewrites only the
 * destination on the way in and only the source on the way out, so the backend sees the client.
 * With Floating IP the destination IP stays the frontend's; only the port is translated.
 */
export function loadBalancerPackets(s: LoadBalancerScenario): Packets {
  const client = socketAddress(s.client, s.cport);
  const backend = s.backends[s.pick - 1]!;
  const serverSide = s.floating ? socketAddress(s.lbip, s.bport) : socketAddress(backend, s.bport);
  return {
    requestIn: { n: 1, from: 'client', to: 'lb', src: client, dst: socketAddress(s.lbip, s.port), note: 'to-frontend', session: 1 },
    requestOut: { n: 2, from: 'lb', to: 'backend', src: client, dst: serverSide, note: s.floating ? 'dnat-floating' : 'dnat', session: 1 },
    replyIn: {
      n: 3,
      from: 'backend',
      to: 'lb',
      src: serverSide,
      dst: client,
      note: s.floating ? 'reply-floating' : 'reply-to-client',
      session: 1,
    },
    replyOut: { n: 4, from: 'lb', to: 'client', src: socketAddress(s.lbip, s.port), dst: client, note: 'reverse-nat', session: 1 },
  };
}

/**
 * A backend that calls its own Load Balancer's frontend (the hairpin). Destination NAT keeps the
 * source, so when the flow is mapped back to the VM that opened it, the VM receives a packet from
 * itself to itself, which its TCP stack does not take for the reply half of its call to the
 * frontend: the flow fails (Learn: load-balancer/components, Limitations;
 * load-balancer/load-balancer-troubleshoot-backend-traffic, 2026-12-07). Learn names the symptom
 * (intermittent timeouts) and no odds; `backends` lets the view say "1 in N" as the chance when
 * the hash spreads flows evenly.
 */
export interface Hairpin {
  /** The flow as computed lands on the VM that opened it (hop 2 goes from the VM to itself). */
  readonly toItself: boolean;
  readonly backends: number;
  /** Floating IP is on: Learn lists DSR-style rules among the workarounds. */
  readonly floating: boolean;
}

/**
 * An internal frontend: a public IPv4 frontend is reached through outbound SNAT, which Learn names
 * as the way around the hairpin (at the price of SNAT ports), so only a private one is flagged.
 */
const internalFrontend = (frontend: Ip): boolean => frontend.family === 6 || isPrivateAddress(frontend);

/** The hairpin, when the client is one of the backends of an internal frontend; null otherwise. */
export function loadBalancerHairpin(s: Pick<LoadBalancerScenario, 'client' | 'lbip' | 'backends' | 'pick' | 'floating'>): Hairpin | null {
  const index = s.backends.findIndex((backend) => backend.text === s.client.text);
  if (index < 0 || !internalFrontend(s.lbip)) return null;
  return { toItself: index === s.pick - 1, backends: s.backends.length, floating: s.floating };
}

/** The four packets in travel order. */
export const loadBalancerHops = (s: LoadBalancerScenario): Hop[] => inTravelOrder(loadBalancerPackets(s));

/** The fixed addresses Azure Load Balancer probes from (SPEC §6), and the tag NSG rules name them by. */
const LB_PROBE_SOURCE_V4 = '168.63.129.16';
const LB_PROBE_SOURCE_V6 = 'fe80::1234:5678:9abc';
const LB_PROBE_TAG = 'AzureLoadBalancer';
/** The address a Load Balancer probes a backend of this IP version from. */
export const lbProbeSource = (backend: Ip): string => (backend.family === 6 ? LB_PROBE_SOURCE_V6 : LB_PROBE_SOURCE_V4);

/** The largest probe interval Azure accepts, seconds. */
const INT32_MAX = 2147483647;

/** What the health-probe page needs of a Load Balancer. */
export interface LoadBalancerProbeScenario extends Pick<LoadBalancerScenario, 'client' | 'lbip' | 'backends' | 'bport'> {
  /** Probe interval, seconds (portal default 5; Azure's minimum 5). */
  readonly lbinterval: number;
}

const probe: NonNullable<ServiceModule<LoadBalancerProbeScenario>['probe']> = {
  params: {
    client: loadBalancerParams.client,
    lbip: loadBalancerParams.lbip,
    backends: loadBalancerParams.backends,
    bport: loadBalancerParams.bport,
    lbinterval: intParam('5', 5, INT32_MAX),
  },
  check: checkLbFamilies,
  /** Every backend, from the host's probe address; an HTTP(S) probe needs exactly 200. */
  rows(s) {
    const src = lbProbeSource(s.backends[0]!);
    return s.backends.map((backend) => ({
      service: 'load-balancer',
      src,
      dst: socketAddress(backend, s.bport),
      target: backend.text,
      interval: s.lbinterval,
      healthy: '200',
    }));
  },
  target: 'backend',
  notes: [],
};

export const loadBalancerService: ServiceModule<LoadBalancerProbeScenario, 'load-balancer'> = {
  id: 'load-balancer',
  page: 'inbound',
  probe,
  nsg: {
    places: ['lb-backends'],
    /** Destination NAT keeps the client's address, so the backends see the client, and the probes by tag. */
    rules(s, probes) {
      const base = defaultScenario(loadBalancerParams, crossCheck);
      const hops = s.backends.flatMap((_, i) =>
        loadBalancerHops({ ...base, client: s.client, lbip: s.lbip, backends: s.backends, bport: s.bport, pick: i + 1 }),
      );
      const arrivals = [
        ...arrivingAt(hops, 'backend').map((hop) => hopArrival(hop, 'client-data')),
        ...probes.map((row) => probeArrival(row, 'lb-probe', LB_PROBE_TAG)),
      ];
      return rulesFrom('lb-backends', arrivals, s.backends.map((b) => b.text).join(', '));
    },
    notes: [],
  },
  compare() {
    const s = defaultScenario(loadBalancerParams, crossCheck);
    const hops = loadBalancerHops(s);
    return {
      layer: 'l4',
      dataPath: onPath(hops, 'lb'),
      terminates: terminates(hops),
      sourceAtBackend: sourceAtBackend(hops, s.client.text),
      destinationAtBackend: destinationAtBackend(hops, s.lbip),
      clientIpHow: clientIpHow(hops, s.client.text, false),
      scope: 'regional',
    };
  },
  /** Packets pass through untouched in content: the client's TLS handshake, certificate included, is with the backend. */
  certificate: () => ({ service: 'load-balancer', tlsEndsAt: 'backend', reaches: 'yes', validatedBy: 'backend' }),
  stages: [
    {
      key: 'lb',
      kind: 'balancer',
      follows: ['client', 'dns', 'global-proxy', 'firewall', 'regional-proxy'],
      frontend: { public: 'lbip', private: 'lbpriv' },
      source: 'kept',
      params: { lbip, lbpriv, floating },
      occupies: (_, front) => [{ param: front.param, ips: [front.ip] }],
      run: loadBalancerStage,
    } satisfies DataStage<LoadBalancerStageSettings>,
  ],
};

interface LoadBalancerStageSettings {
  readonly lbip: Ip;
  readonly lbpriv: Ip;
  readonly floating: boolean;
}

/**
 * A flow that arrives from one of the backends it is balanced over is the hairpin: it fails when
 * it is mapped back to the VM that sent it, and each such flow may be (see `Hairpin`).
 */
function stageHairpin(from: Ip, front: Ip, target: Ip, backends: readonly Ip[] = []): StageOutput['warnings'] {
  if (!internalFrontend(front)) return [];
  const args = { source: from.text, n: String(backends.length) };
  if (from.text === target.text) return [{ packet: 'requestOut', key: 'hairpin', args }];
  const among = (ip: Ip) => backends.some((backend) => backend.text === ip.text);
  return among(from) && among(target) ? [{ packet: 'requestOut', key: 'hairpin-chance', args }] : [];
}

/** A Load Balancer stage: destination NAT only, so the next stage sees the same flow. */
export function loadBalancerStage(
  { flow, front, target }: StageInput,
  c: Pick<LoadBalancerScenario, 'floating'> & { readonly backends?: readonly Ip[] },
): StageOutput {
  const packets = loadBalancerPackets({
    client: flow.from.ip,
    cport: flow.from.port,
    lbip: front.ip,
    port: front.port,
    backends: [target.ip],
    bport: target.port,
    pick: 1,
    floating: c.floating,
  });
  // In a chain the source is whatever arrived (an edge, an instance, a NAT IP), not always the client.
  const warnings = stageHairpin(flow.from.ip, front.ip, target.ip, c.backends);
  if (c.floating) return { packets, next: flow, warnings };
  return {
    packets: {
      ...packets,
      requestOut: { ...packets.requestOut, note: 'dnat-in-path' },
      replyIn: { ...packets.replyIn, note: 'reply-in-path' },
    },
    next: flow,
    warnings,
  };
}
