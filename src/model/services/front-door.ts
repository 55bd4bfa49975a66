import { isPrivateAddress, socketAddress, type Ip } from '../shared/ip.ts';
import { inTravelOrder, type Hop, type Packets } from '../shared/hop.ts';
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
  type CertificateRow,
  type DataStage,
  type ServiceModule,
  type StageInput,
  type StageOutput,
} from '../service.ts';
import {
  COMMON_PARAMS,
  intParam,
  ipParam,
  readScenario,
  type ParamError,
  type ParamSpec,
  type ParamSpecs,
  type RawParams,
  type ScenarioResult,
  type XffEntry,
} from '../shared/params.ts';
import { ILLUSTRATION_HOST, xffHeader } from './application-gateway.ts';

/**
 * Azure Front Door (SPEC §8): a global reverse proxy. The client reaches an anycast address at
 * the nearest edge, which ends its TCP and TLS; a separate connection, which Front Door may pool
 * and reuse for other clients, runs from an edge address to the origin.
 */
export interface FrontDoorScenario {
  readonly client: Ip;
  readonly cport: number;
  /** The anycast address the client reaches (an example: Front Door has no dedicated IP). */
  readonly fdip: Ip;
  readonly port: number;
  /** The source the origin sees: one address of the AzureFrontDoor.Backend ranges (an example). */
  readonly edge: Ip;
  readonly eport: number;
  readonly origin: Ip;
  readonly bport: number;
  /** The profile's Front Door ID, sent as X-Azure-FDID. */
  readonly fdid: string;
  readonly xffin: readonly XffEntry[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A Front Door ID: a GUID, as the profile's Overview page shows it. Kept in lower case. */
export function fdidParam(defaultValue: string): ParamSpec<string> {
  return {
    default: defaultValue,
    parse: (text) => (GUID.test(text) ? { ok: true, value: text.toLowerCase() } : { ok: false, rule: { code: 'guid' } }),
  };
}

const { client, cport, port, bport, xffin } = COMMON_PARAMS;
const fdip = ipParam('198.51.100.50');
const edge = ipParam('192.0.2.50');
const eport = intParam('41000', 1024, 65535);
const origin = ipParam('198.51.100.60');
const fdid = fdidParam('a1b2c3d4-0000-4000-8000-00000000fd01');

export const frontDoorParams: ParamSpecs<FrontDoorScenario> = { client, cport, fdip, port, edge, eport, origin, bport, fdid, xffin };

/**
 * Each connection keeps one IP version: the client's with the anycast address, the edge's with
 * the origin. The two connections are separate, so an IPv6 client can reach an IPv4 origin.
 */
function crossCheck(s: FrontDoorScenario): ParamError[] {
  const errors: ParamError[] = [];
  if (s.fdip.family !== s.client.family) errors.push({ param: 'fdip', rule: { code: 'same-family', other: 'client' } });
  if (s.origin.family !== s.edge.family) errors.push({ param: 'origin', rule: { code: 'same-family', other: 'edge' } });
  return errors;
}

export function readFrontDoorScenario(raw: RawParams): ScenarioResult<FrontDoorScenario> {
  return readScenario(raw, frontDoorParams, crossCheck);
}

/**
 * The four packets of one request through Front Door (SPEC §8). Session 1 is the client's and
 * ends at the edge; session 2 is the edge's own connection to the origin, so the origin sees an
 * edge address, never the client, as the packet's source.
 */
export function frontDoorPackets(s: FrontDoorScenario): Packets {
  const client = socketAddress(s.client, s.cport);
  const anycast = socketAddress(s.fdip, s.port);
  const edge = socketAddress(s.edge, s.eport);
  const origin = socketAddress(s.origin, s.bport);
  return {
    requestIn: { n: 1, from: 'client', to: 'fd', src: client, dst: anycast, note: 'to-edge', session: 1 },
    requestOut: { n: 2, from: 'edge', to: 'origin', src: edge, dst: origin, note: 'edge-to-origin', session: 2 },
    replyIn: { n: 3, from: 'origin', to: 'edge', src: origin, dst: edge, note: 'origin-reply', session: 2 },
    replyOut: { n: 4, from: 'fd', to: 'client', src: anycast, dst: client, note: 'edge-response', session: 1 },
  };
}

/** The four packets in travel order. */
export const frontDoorHops = (s: FrontDoorScenario): Hop[] => inTravelOrder(frontDoorPackets(s));

export type FrontDoorHeaderKey = 'xff' | 'x-azure-clientip' | 'x-azure-socketip' | 'x-azure-fdid' | 'xf-host' | 'xf-proto' | 'via';

export interface FrontDoorHeader {
  readonly key: FrontDoorHeaderKey;
  readonly name: string;
  readonly value: string;
  /**
   * Can a client put a value of its choice here? `undocumented` where Learn says Front Door appends
   * the header but not that it replaces a value the client sent (front-door-http-headers-protocol:
   * "Azure Front Door accepts most headers for the incoming request without modifying them").
   */
  readonly forgeable: 'yes' | 'no' | 'undocumented';
}

/**
 * X-Forwarded-For as the origin receives it: the client's own entries as sent, then the socket
 * IP, without a port, appended by Front Door (front-door-http-headers-protocol).
 */
function frontDoorXffChain(s: Pick<FrontDoorScenario, 'xffin' | 'client'>): XffEntry[] {
  return [...s.xffin, { ip: s.client, port: null }];
}

/**
 * Headers Front Door sends to the origin (SPEC §8). X-Azure-ClientIP is the client address "associated
 * with the request", which a proxy's X-Forwarded-For can set; Learn does not say which entry is used,
 * so the illustration takes the first one the client sent. X-Azure-SocketIP is the TCP peer.
 */
export function frontDoorHeaders(s: FrontDoorScenario): FrontDoorHeader[] {
  const claimed = s.xffin[0];
  return [
    // Any client can send entries of its own in front of Front Door's: only the last one is Front Door's.
    { key: 'xff', name: 'X-Forwarded-For', value: xffHeader(frontDoorXffChain(s)), forgeable: 'yes' },
    { key: 'x-azure-clientip', name: 'X-Azure-ClientIP', value: claimed ? claimed.ip.text : s.client.text, forgeable: 'yes' },
    { key: 'x-azure-socketip', name: 'X-Azure-SocketIP', value: s.client.text, forgeable: 'undocumented' },
    { key: 'x-azure-fdid', name: 'X-Azure-FDID', value: s.fdid, forgeable: 'undocumented' },
    { key: 'xf-host', name: 'X-Forwarded-Host', value: ILLUSTRATION_HOST, forgeable: 'no' },
    { key: 'xf-proto', name: 'X-Forwarded-Proto', value: 'https', forgeable: 'no' },
    { key: 'via', name: 'Via', value: '1.1 Azure', forgeable: 'no' },
  ];
}

/** The service tag an origin allows, and the Front Door probe facts (SPEC §8, frontdoor/health-probes). */
export const FD_BACKEND_TAG = 'AzureFrontDoor.Backend';

/** What the health-probe page needs of a Front Door: its origin and how often each edge probes it. */
export interface FrontDoorProbeScenario {
  readonly origin: Ip;
  readonly oport: number;
  /** Probe interval per edge location, seconds (sources disagree on the default; SPEC §8). */
  readonly fdinterval: number;
}

const probe: NonNullable<ServiceModule<FrontDoorProbeScenario>['probe']> = {
  params: { origin: frontDoorParams.origin, oport: frontDoorParams.bport, fdinterval: intParam('30', 1, 86400) },
  /**
   * One row for the origin as seen from any one edge location; every edge sends its own. "A 200 OK
   * status code indicates the origin is healthy" (frontdoor/health-probes).
   */
  rows: (s) => [
    {
      service: 'front-door',
      src: FD_BACKEND_TAG,
      dst: socketAddress(s.origin, s.oport),
      target: s.origin.text,
      interval: s.fdinterval,
      healthy: '200',
    },
  ],
  target: 'origin',
  notes: ['probe.src.fd-tag'],
};

/**
 * Front Door ends TLS at the edge. Its mutual TLS (Premium, public preview since August 2026) can
 * forward the certificate as a header; without it, nothing reaches the origin.
 */
const frontDoorCertificate: CertificateRow = { service: 'front-door', tlsEndsAt: 'fd', reaches: 'no', validatedBy: 'nobody' };

export const frontDoorService: ServiceModule<FrontDoorProbeScenario, 'front-door'> = {
  id: 'front-door',
  page: 'inbound',
  probe,
  nsg: {
    places: ['fd-origin'],
    /** Requests and probes both come from the edges, under one shared service tag. */
    rules(s, probes) {
      const hops = frontDoorHops({ ...defaultScenario(frontDoorParams, crossCheck), origin: s.origin, bport: s.oport });
      const arrivals = [
        ...arrivingAt(hops, 'origin').map((hop) => hopArrival(hop, 'fd-backend', FD_BACKEND_TAG)),
        ...probes.map((row) => probeArrival(row, 'fd-backend')),
      ];
      return rulesFrom('fd-origin', arrivals, s.origin.text);
    },
    notes: [],
  },
  compare() {
    const s = defaultScenario(frontDoorParams, crossCheck);
    const hops = frontDoorHops(s);
    // Front Door appends the socket IP to X-Forwarded-For; the last entry carries the client.
    const last = frontDoorXffChain(s).at(-1)!;
    return {
      layer: 'l7',
      dataPath: onPath(hops, 'fd'),
      terminates: terminates(hops),
      sourceAtBackend: sourceAtBackend(hops, s.client.text),
      destinationAtBackend: destinationAtBackend(hops, s.fdip),
      clientIpHow: clientIpHow(hops, s.client.text, last.ip.text === s.client.text),
      scope: 'global',
    };
  },
  // The header carries the address without a port, so the matrix words two cells its own way.
  compareWording: { 'cert-reaches-backend': 'compare.cert-reaches-backend.fd', 'client-ip-how': 'compare.client-ip-how.fd' },
  certificate: () => frontDoorCertificate,
  stages: [
    {
      key: 'fd',
      kind: 'global-proxy',
      follows: ['client', 'dns'],
      frontend: { public: 'fdip' },
      // Front Door reaches its origins over the internet, at their public addresses.
      reachesNextAt: 'public',
      source: 'own',
      writesXff: true,
      params: { fdip, edge, eport, fdid },
      occupies: (s) => [{ param: 'edge', ips: [s.edge] }],
      run: (input, s) => frontDoorStage(input, s),
      // One address of the AzureFrontDoor.Backend ranges, which the site does not ship (they change).
      sourceRole: () => ({ role: 'fd-edge', param: 'edge' }),
    } satisfies DataStage<Pick<FrontDoorScenario, 'fdip' | 'edge' | 'eport' | 'fdid'>>,
  ],
};

/** A Front Door stage: the edge's own connection, the socket IP appended to X-Forwarded-For, no client certificate. */
export function frontDoorStage({ flow, front, target }: StageInput, c: Pick<FrontDoorScenario, 'edge' | 'eport' | 'fdid'>): StageOutput {
  const fd: FrontDoorScenario = {
    ...c,
    client: flow.from.ip,
    cport: flow.from.port,
    fdip: front.ip,
    port: front.port,
    origin: target.ip,
    bport: target.port,
    xffin: flow.xff,
  };
  const packets = frontDoorPackets(fd);
  const next = { from: packets.requestOut.src, name: FD_BACKEND_TAG, xff: frontDoorXffChain(fd), cert: frontDoorCertificate.reaches };
  if (!isPrivateAddress(target.ip)) return { packets, next };
  // A Private Link origin: Front Door reaches the private endpoint it created "from an Azure Front
  // Door managed regional private network" (frontdoor/private-link, 2026-12-07); Learn names no
  // source address for that leg, so the edge address is a stand-in the view does not show.
  return {
    packets: {
      ...packets,
      requestOut: { ...packets.requestOut, note: 'edge-to-private-endpoint' },
      replyIn: { ...packets.replyIn, note: 'private-endpoint-reply' },
    },
    next: { ...next, undocumented: true },
  };
}
