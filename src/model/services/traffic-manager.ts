import { isPrivateAddress, socketAddress, type Ip } from '../shared/ip.ts';
import type { Hop } from '../shared/hop.ts';
import {
  arrivingAt,
  clientIpHow,
  defaultScenario,
  hopArrival,
  onPath,
  probeArrival,
  rulesFrom,
  sourceAtBackend,
  terminates,
  type ClientSide,
  type DnsResolution,
  type DnsStage,
  type ServiceModule,
} from '../service.ts';
import { dnsNameParam, endpointListParam, type Endpoint } from './traffic-manager-dns.ts';
import {
  checkMonitor,
  degradedAt,
  monitorParams,
  optionalFailParam,
  resolvedParam,
  type MonitorSettings,
} from './traffic-manager-failover.ts';
import {
  COMMON_PARAMS,
  readScenario,
  withDefault,
  type ParamError,
  type ParamSpecs,
  type RawParams,
  type ScenarioResult,
} from '../shared/params.ts';

export interface TrafficManagerScenario extends MonitorSettings {
  readonly client: Ip;
  readonly cport: number;
  readonly profile: string;
  /** Priority order: the first one Traffic Manager considers healthy is the answer. */
  readonly endpoints: readonly Endpoint[];
  /** The endpoints' service port (and the port Traffic Manager probes). */
  readonly port: number;
  /** Second at which endpoint 1 goes down; null = it never does. */
  readonly fail: number | null;
  /** Second at which the client looked the name up; the answer it got then is the one it uses. */
  readonly resolved: number;
}

const { client, cport, port } = COMMON_PARAMS;
const profile = dnsNameParam('test.trafficmanager.net');
const endpoints = endpointListParam(
  'test01.japaneast.cloudapp.azure.com=198.51.100.30,test02.japanwest.cloudapp.azure.com=198.51.100.40',
  1,
  10,
);

export const trafficManagerParams: ParamSpecs<TrafficManagerScenario> = {
  client,
  cport,
  profile,
  endpoints,
  port,
  fail: optionalFailParam,
  resolved: resolvedParam,
  ...monitorParams,
};

/**
 * Every endpoint must share the client's IP version, not only the one answered now: the list is
 * a failover plan, and an endpoint the client cannot reach would break it the day it is chosen.
 * This also keeps the error steady while `fail` and `resolved` change which endpoint answers.
 */
export function checkEndpointFamilies(s: Pick<TrafficManagerScenario, 'client' | 'endpoints'>): ParamError[] {
  return s.endpoints.some((endpoint) => endpoint.ip.family !== s.client.family)
    ? [{ param: 'endpoints', rule: { code: 'same-family', other: 'client' } }]
    : [];
}

/**
 * Traffic Manager does not let one profile mix endpoints added by name with endpoints added by
 * IP address (only MultiValue profiles mix IPv4 and IPv6 addresses; traffic-manager-faqs).
 */
export function checkEndpointTypes(s: Pick<TrafficManagerScenario, 'endpoints'>): ParamError[] {
  const named = s.endpoints.filter((endpoint) => endpoint.fqdn !== null).length;
  return named > 0 && named < s.endpoints.length ? [{ param: 'endpoints', rule: { code: 'mixed-endpoint-types' } }] : [];
}

/**
 * Traffic Manager answers with addresses the internet can reach and probes them from the internet,
 * so it cannot steer to a private address such as an internal Load Balancer's frontend. Learn:
 * traffic-manager-faqs, 2026-12 ("Addresses that correspond to reserved private IP address spaces
 * aren't allowed. These addresses include those called out in RFC 1918, …"). The FAQ lists the
 * documentation ranges (RFC 5737) too; the guide's examples use them to stand for public
 * addresses, as `isPrivateAddress` explains, so only a network's own private ranges are refused.
 */
export function checkEndpointAddresses(s: Pick<TrafficManagerScenario, 'endpoints'>): ParamError[] {
  const inside = s.endpoints.find((endpoint) => isPrivateAddress(endpoint.ip));
  return inside ? [{ param: 'endpoints', rule: { code: 'tm-private-endpoint', value: inside.ip.text } }] : [];
}

/** The endpoint rules in the order they are reported: one message for the field at a time. */
function checkEndpoints(s: Pick<TrafficManagerScenario, 'client' | 'endpoints'>): ParamError[] {
  for (const check of [checkEndpointFamilies, checkEndpointTypes, checkEndpointAddresses]) {
    const errors = check(s);
    if (errors.length > 0) return errors;
  }
  return [];
}

function crossCheck(s: TrafficManagerScenario): ParamError[] {
  const errors = checkEndpoints(s);
  // A profile whose answer is its own name would be a CNAME loop (one message per field at most).
  if (errors.length === 0 && s.endpoints.some((endpoint) => endpoint.fqdn === s.profile)) {
    errors.push({ param: 'endpoints', rule: { code: 'duplicate', value: s.profile } });
  }
  if (s.fail !== null && s.endpoints.length < 2) errors.push({ param: 'fail', rule: { code: 'fallback', other: 'endpoints' } });
  return [...errors, ...checkMonitor(s)];
}

export function readTrafficManagerScenario(raw: RawParams): ScenarioResult<TrafficManagerScenario> {
  return readScenario(raw, trafficManagerParams, crossCheck);
}

/** Endpoint 1 as Traffic Manager sees it at the client's lookup. */
export type EndpointOneState =
  | { readonly kind: 'healthy' }
  /** Down since `fail`, but the probes have not yet marked it Degraded: it is still the answer. */
  | { readonly kind: 'unnoticed'; readonly fail: number; readonly degradedAt: number }
  | { readonly kind: 'degraded'; readonly fail: number; readonly degradedAt: number };

/** What Traffic Manager answers at `resolved` under priority routing. */
export interface Answer {
  /** 1-based position in the priority list. */
  readonly position: number;
  readonly endpoint: Endpoint;
  readonly first: EndpointOneState;
}

/** Priority routing: the first endpoint that is not Degraded. Only endpoint 1 ever fails here. */
export function answerAt(s: TrafficManagerScenario): Answer {
  const first = endpointOneState(s);
  const position = first.kind === 'degraded' ? 2 : 1;
  return { position, endpoint: s.endpoints[position - 1]!, first };
}

function endpointOneState(s: TrafficManagerScenario): EndpointOneState {
  if (s.fail === null || s.resolved < s.fail) return { kind: 'healthy' };
  const degraded = degradedAt(s, s.fail);
  return { kind: s.resolved >= degraded ? 'degraded' : 'unnoticed', fail: s.fail, degradedAt: degraded };
}

/** One DNS question and its answer. `by` names who answers: Traffic Manager, or the endpoint name's own zone. */
export interface DnsStep {
  readonly n: number;
  readonly query: string;
  /** The record as a resolver shows it: `CNAME <name>`, `A <IPv4>` or `AAAA <IPv6>`. */
  readonly answer: string;
  readonly by: 'tm' | 'zone';
}

/**
 * SPEC §3: for an endpoint known by name, Traffic Manager answers the profile name with a CNAME
 * and that name's own zone then gives the address. For an endpoint defined by its IP address
 * there is no name to point to: Traffic Manager answers with the A (or AAAA) record itself.
 */
export function dnsSteps(s: TrafficManagerScenario): DnsStep[] {
  const { endpoint } = answerAt(s);
  const address = `${endpoint.ip.family === 6 ? 'AAAA' : 'A'} ${endpoint.ip.text}`;
  if (endpoint.fqdn === null) return [{ n: 1, query: s.profile, answer: address, by: 'tm' }];
  return [
    { n: 1, query: s.profile, answer: `CNAME ${endpoint.fqdn}`, by: 'tm' },
    { n: 2, query: endpoint.fqdn, answer: address, by: 'zone' },
  ];
}

/** The data flow: straight between client and endpoint. Traffic Manager never sees these packets. */
export function trafficManagerHops(s: TrafficManagerScenario): Hop[] {
  const client = socketAddress(s.client, s.cport);
  const endpoint = socketAddress(answerAt(s).endpoint.ip, s.port);
  return [
    { n: 1, from: 'client', to: 'endpoint', src: client, dst: endpoint, note: 'direct-request', session: 1 },
    { n: 2, from: 'endpoint', to: 'client', src: endpoint, dst: client, note: 'direct-reply', session: 1 },
  ];
}

/** Traffic Manager probes from many addresses, published only as this service tag. */
const TM_PROBE_SOURCE = 'AzureTrafficManager';

/** What the health-probe page needs of a Traffic Manager profile. */
export type TrafficManagerProbeScenario = Pick<TrafficManagerScenario, 'client' | 'endpoints' | 'port' | 'interval'>;

const probe: NonNullable<ServiceModule<TrafficManagerProbeScenario>['probe']> = {
  params: {
    client: trafficManagerParams.client,
    endpoints: trafficManagerParams.endpoints,
    port: trafficManagerParams.port,
    interval: monitorParams.interval,
  },
  check: (s) => checkEndpoints(s),
  /** Every endpoint, from the service tag's ranges; 200 unless the profile lists other expected codes. */
  rows: (s) =>
    s.endpoints.map((endpoint) => ({
      service: 'traffic-manager',
      src: TM_PROBE_SOURCE,
      dst: socketAddress(endpoint.ip, s.port),
      target: endpoint.ip.text,
      interval: s.interval,
      healthy: '200',
    })),
  target: 'endpoint',
  notes: ['probe.src.tm-tag'],
};

export const trafficManagerService: ServiceModule<TrafficManagerProbeScenario, 'traffic-manager'> = {
  id: 'traffic-manager',
  page: 'inbound',
  probe,
  nsg: {
    places: ['tm-endpoints'],
    /** Clients connect to the endpoints directly; the probes come from the service tag. */
    rules(s, probes) {
      const hops = trafficManagerHops({ ...defaultScenario(trafficManagerParams, crossCheck), ...s });
      const arrivals = [
        ...arrivingAt(hops, 'endpoint').map((hop) => hopArrival(hop, 'client-data')),
        ...probes.map((row) => probeArrival(row, 'tm-probe')),
      ];
      return rulesFrom('tm-endpoints', arrivals, s.endpoints.map((e) => e.ip.text).join(', '));
    },
    notes: [],
  },
  compare() {
    const s = defaultScenario(trafficManagerParams, crossCheck);
    const hops = trafficManagerHops(s);
    return {
      layer: 'dns',
      dataPath: onPath(hops, 'tm'),
      terminates: terminates(hops),
      sourceAtBackend: sourceAtBackend(hops, s.client.text),
      // The client connects to the address the DNS answer gave it: the endpoint's own.
      destinationAtBackend: 'own-ip',
      clientIpHow: clientIpHow(hops, s.client.text, false),
      scope: 'global',
    };
  },
  /** Traffic Manager only answers DNS: the client's TLS handshake is with the endpoint itself. */
  certificate: () => ({ service: 'traffic-manager', tlsEndsAt: 'endpoint', reaches: 'yes', validatedBy: 'endpoint' }),
  dns: {
    key: 'tm',
    // The paths page starts from neutral example names: its endpoints stand for any region's stage.
    params: { profile, endpoints: withDefault(endpoints, 'region1.example.com=198.51.100.30,region2.example.com=198.51.100.40') },
    // The chain's own cross-check compares the answer's IP version with the client's.
    check: (s) => [...checkEndpointTypes(s), ...checkEndpointAddresses(s)],
    resolve: (s) => resolveForPath(s),
    // Blocked probes make every endpoint Degraded, and Traffic Manager then answers as if all were healthy.
    probes: { source: TM_PROBE_SOURCE, reason: 'tm-probe' },
  } satisfies DnsStage<TrafficManagerPathSettings, TrafficManagerResolution>,
};

type TrafficManagerPathSettings = Pick<TrafficManagerScenario, 'profile' | 'endpoints'>;

/** What a chain that starts with Traffic Manager is told before it connects. */
export interface TrafficManagerResolution extends DnsResolution {
  readonly steps: readonly DnsStep[];
  readonly answer: Answer;
}

/**
 * The answer a chain's client gets: the profile as the page sets it, none of its endpoints
 * failing, at the default probing settings; the client then connects to the first endpoint.
 */
function resolveForPath(s: TrafficManagerPathSettings & ClientSide): TrafficManagerResolution {
  const { client, cport, profile, endpoints, port } = s;
  const scenario = { ...defaultScenario(trafficManagerParams), client, cport, profile, endpoints, port };
  return { name: profile, steps: dnsSteps(scenario), answer: answerAt(scenario), param: 'endpoints', address: endpoints[0]!.ip };
}
