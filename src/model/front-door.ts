import { ipPort, type Ip } from './ip.ts';
import type { Hop } from './hop.ts';
import {
  formatXffEntry,
  intParam,
  ipParam,
  portParam,
  readScenario,
  xffParam,
  type ParamError,
  type ParamSpec,
  type ParamSpecs,
  type RawParams,
  type ScenarioResult,
  type XffEntry,
} from './params.ts';
import { ILLUSTRATION_HOST, XFF_SEPARATOR } from './application-gateway.ts';

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

export const frontDoorParams: ParamSpecs<FrontDoorScenario> = {
  client: ipParam('203.0.113.10'),
  cport: intParam('50000', 1024, 65535),
  fdip: ipParam('198.51.100.50'),
  port: portParam('443'),
  edge: ipParam('192.0.2.50'),
  eport: intParam('41000', 1024, 65535),
  origin: ipParam('198.51.100.60'),
  bport: portParam('443'),
  fdid: fdidParam('a1b2c3d4-0000-4000-8000-00000000fd01'),
  xffin: xffParam(''),
};

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
export function frontDoorHops(s: FrontDoorScenario): Hop[] {
  const client = ipPort(s.client, s.cport);
  const anycast = ipPort(s.fdip, s.port);
  const edge = ipPort(s.edge, s.eport);
  const origin = ipPort(s.origin, s.bport);
  return [
    { n: 1, from: 'client', to: 'fd', src: client, dst: anycast, note: 'to-edge', session: 1 },
    { n: 2, from: 'edge', to: 'origin', src: edge, dst: origin, note: 'edge-to-origin', session: 2 },
    { n: 3, from: 'origin', to: 'edge', src: origin, dst: edge, note: 'origin-reply', session: 2 },
    { n: 4, from: 'fd', to: 'client', src: anycast, dst: client, note: 'edge-response', session: 1 },
  ];
}

export type FrontDoorHeaderKey = 'xff' | 'x-azure-clientip' | 'x-azure-socketip' | 'x-azure-fdid' | 'xf-host' | 'xf-proto' | 'via';

export interface FrontDoorHeader {
  readonly key: FrontDoorHeaderKey;
  readonly name: string;
  readonly value: string;
  /** Can a client put a value of its choice here? */
  readonly forgeable: boolean;
}

/**
 * X-Forwarded-For as the origin receives it: the client's own entries as sent, then the socket
 * IP, without a port, appended by Front Door (front-door-http-headers-protocol).
 */
export function frontDoorXff(s: Pick<FrontDoorScenario, 'xffin' | 'client'>): string {
  return [...s.xffin.map(formatXffEntry), s.client.text].join(XFF_SEPARATOR);
}

/**
 * Headers Front Door sends to the origin (SPEC §8). X-Azure-ClientIP is the client address "associated
 * with the request", which a proxy's X-Forwarded-For can set; Learn does not say which entry is used,
 * so the illustration takes the first one the client sent. X-Azure-SocketIP is the TCP peer.
 */
export function frontDoorHeaders(s: FrontDoorScenario): FrontDoorHeader[] {
  const claimed = s.xffin[0];
  return [
    { key: 'xff', name: 'X-Forwarded-For', value: frontDoorXff(s), forgeable: s.xffin.length > 0 },
    { key: 'x-azure-clientip', name: 'X-Azure-ClientIP', value: claimed ? claimed.ip.text : s.client.text, forgeable: true },
    { key: 'x-azure-socketip', name: 'X-Azure-SocketIP', value: s.client.text, forgeable: false },
    { key: 'x-azure-fdid', name: 'X-Azure-FDID', value: s.fdid, forgeable: false },
    { key: 'xf-host', name: 'X-Forwarded-Host', value: ILLUSTRATION_HOST, forgeable: false },
    { key: 'xf-proto', name: 'X-Forwarded-Proto', value: 'https', forgeable: false },
    { key: 'via', name: 'Via', value: '1.1 Azure', forgeable: false },
  ];
}

/** The service tag an origin allows, and the Front Door probe facts (SPEC §8, frontdoor/health-probes). */
export const FD_BACKEND_TAG = 'AzureFrontDoor.Backend';
