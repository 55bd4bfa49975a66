import { ipPort, type Ip, type Subnet4 } from './ip.ts';
import { cidr4Param, intParam, ipListParam, ipParam, portParam, readScenario, type ParamError, type ParamSpecs, type RawParams, type ScenarioResult } from './params.ts';
import { checkSubnet, instanceIp, MAX_INSTANCES } from './application-gateway.ts';
import { checkLbFamilies } from './load-balancer.ts';
import { checkEndpointFamilies, checkEndpointTypes } from './traffic-manager.ts';
import { endpointListParam, type Endpoint } from './dns.ts';
import { monitorParams } from './failover.ts';
import { FD_BACKEND_TAG } from './front-door.ts';

/**
 * Health probes of all three services against one scenario (SPEC §3 "Health probes"): who sends
 * each probe, to which address, how often, and how many probes each target receives a minute.
 */
export interface HealthProbeScenario {
  readonly client: Ip;
  readonly lbip: Ip;
  readonly backends: readonly Ip[];
  readonly bport: number;
  readonly subnet: Subnet4;
  readonly instances: number;
  readonly endpoints: readonly Endpoint[];
  readonly port: number;
  /** Load Balancer probe interval, seconds (portal default 5; Azure's minimum 5). */
  readonly lbinterval: number;
  /** Application Gateway probe interval, seconds (default 30). */
  readonly agwinterval: number;
  /** Traffic Manager probing interval: 30 (normal) or 10 (fast). */
  readonly interval: number;
  /** The Front Door origin (its public IP) and its port. */
  readonly origin: Ip;
  readonly oport: number;
  /** Front Door probe interval per edge location, seconds (sources disagree on the default; SPEC §8). */
  readonly fdinterval: number;
}

const INT32_MAX = 2147483647;

export const healthProbeParams: ParamSpecs<HealthProbeScenario> = {
  client: ipParam('203.0.113.10'),
  lbip: ipParam('198.51.100.10'),
  backends: ipListParam('10.0.1.4,10.0.1.5', 1, 16),
  bport: portParam('443'),
  subnet: cidr4Param('10.0.0.0/24'),
  instances: intParam('2', 1, MAX_INSTANCES),
  endpoints: endpointListParam(
    'test01.japaneast.cloudapp.azure.com=198.51.100.30,test02.japanwest.cloudapp.azure.com=198.51.100.40',
    1,
    10,
  ),
  port: portParam('443'),
  lbinterval: intParam('5', 5, INT32_MAX),
  agwinterval: intParam('30', 1, 86400),
  interval: monitorParams.interval,
  origin: ipParam('198.51.100.60'),
  oport: portParam('443'),
  fdinterval: intParam('30', 1, 86400),
};

/** The same rules as the three explorers whose flows this page combines. */
function crossCheck(s: HealthProbeScenario): ParamError[] {
  const endpointErrors = checkEndpointFamilies(s);
  return [...checkLbFamilies(s), ...(endpointErrors.length > 0 ? endpointErrors : checkEndpointTypes(s)), ...checkSubnet(s)];
}

export function readHealthProbeScenario(raw: RawParams): ScenarioResult<HealthProbeScenario> {
  return readScenario(raw, healthProbeParams, crossCheck);
}

export type ProbeService = 'load-balancer' | 'application-gateway' | 'traffic-manager' | 'front-door';

/** The fixed addresses Azure Load Balancer probes from (SPEC §6). */
export const LB_PROBE_SOURCE_V4 = '168.63.129.16';
export const LB_PROBE_SOURCE_V6 = 'fe80::1234:5678:9abc';
/** Traffic Manager probes from many addresses, published only as this service tag. */
export const TM_PROBE_SOURCE = 'AzureTrafficManager';
/** Front Door probes from every edge location, out of the ranges of this service tag. */
export const FD_PROBE_SOURCE = FD_BACKEND_TAG;

export interface ProbeRow {
  readonly service: ProbeService;
  /** An IP, or the service tag AzureTrafficManager: no port (SPEC §4). */
  readonly src: string;
  readonly dst: string;
  /** The target's address, to group rows per backend or endpoint. */
  readonly target: string;
  readonly interval: number;
  /** HTTP status codes that count as up: a code (`200`) or a range (`200-399`). */
  readonly healthy: string;
}

/**
 * Status codes each service accepts as healthy (SPEC §4, §6): Load Balancer HTTP(S) probes need
 * exactly 200; Application Gateway accepts 200–399 by default (a custom probe's match can change
 * it); Traffic Manager accepts 200 unless the profile lists other expected status code ranges.
 */
export const HEALTHY_CODES: Readonly<Record<ProbeService, string>> = {
  'load-balancer': '200',
  'application-gateway': '200-399',
  'traffic-manager': '200',
  // Front Door: "A 200 OK status code indicates the origin is healthy" (frontdoor/health-probes).
  'front-door': '200',
};

/**
 * One row per probe flow: every backend from the LB's probe address, every AppGW instance to
 * every backend (IPv4 backends only: the instances live in an IPv4 subnet), every TM endpoint
 * from the AzureTrafficManager ranges.
 */
export function probeRows(s: HealthProbeScenario): ProbeRow[] {
  const lbSource = s.backends[0]!.family === 6 ? LB_PROBE_SOURCE_V6 : LB_PROBE_SOURCE_V4;
  const lb = s.backends.map((backend) => ({
    service: 'load-balancer' as const,
    src: lbSource,
    dst: ipPort(backend, s.bport),
    target: backend.text,
    interval: s.lbinterval,
    healthy: HEALTHY_CODES['load-balancer'],
  }));
  const agw = appGatewayProbes(s) ? Array.from({ length: s.instances }, (_, i) => instanceIp(s.subnet, i + 1)).flatMap((instance) =>
    s.backends.map((backend) => ({
      service: 'application-gateway' as const,
      src: instance.text,
      dst: ipPort(backend, s.bport),
      target: backend.text,
      interval: s.agwinterval,
      healthy: HEALTHY_CODES['application-gateway'],
    })),
  ) : [];
  const tm = s.endpoints.map((endpoint) => ({
    service: 'traffic-manager' as const,
    src: TM_PROBE_SOURCE,
    dst: ipPort(endpoint.ip, s.port),
    target: endpoint.ip.text,
    interval: s.interval,
    healthy: HEALTHY_CODES['traffic-manager'],
  }));
  // Front Door: one row for the origin as seen from any one edge location; every edge sends its own.
  const fd = [
    {
      service: 'front-door' as const,
      src: FD_PROBE_SOURCE,
      dst: ipPort(s.origin, s.oport),
      target: s.origin.text,
      interval: s.fdinterval,
      healthy: HEALTHY_CODES['front-door'],
    },
  ];
  return [...lb, ...agw, ...tm, ...fd];
}

/** Application Gateway instances reach backends over IPv4 only; an IPv6 pool gets no AppGW probes. */
export function appGatewayProbes(s: HealthProbeScenario): boolean {
  return s.backends[0]!.family === 4;
}

export interface ProbeRate {
  readonly service: ProbeService;
  readonly target: string;
  /** Probes a minute that one target receives. For Traffic Manager: per probing location; Front Door: per edge. */
  readonly perMinute: number;
  /** How many senders contribute (LB: 1 host address; AppGW: the instances; TM: per location). */
  readonly senders: number;
  readonly interval: number;
}

/** Probes a minute on each backend or endpoint, derived by counting the probe rows. */
export function probeRates(s: HealthProbeScenario): ProbeRate[] {
  const rows = probeRows(s);
  const rates: ProbeRate[] = [];
  for (const row of rows) {
    if (rates.some((rate) => rate.service === row.service && rate.target === row.target)) continue;
    const senders = rows.filter((other) => other.service === row.service && other.target === row.target).length;
    rates.push({ service: row.service, target: row.target, senders, interval: row.interval, perMinute: (senders * 60) / row.interval });
  }
  return rates;
}
