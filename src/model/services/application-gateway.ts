import {
  isPrivateAddress,
  parseIp,
  socketAddress,
  subnetAddress,
  subnetContains,
  subnetOffset,
  subnetSize,
  type Ip,
  type Subnet4,
} from '../shared/ip.ts';
import { inTravelOrder, type Hop, type Packets } from '../shared/hop.ts';
import { TLS_MODES, tlsLegs, type TlsMode } from './application-gateway-tls.ts';
import {
  ANY_DESTINATION,
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
  type Arrival,
  type CertificateRow,
  type DataStage,
  type ServiceModule,
  type StageFront,
  type StageInput,
  type StageOutput,
} from '../service.ts';
import {
  COMMON_PARAMS,
  cidr4Param,
  enumParam,
  intParam,
  ipParam,
  portParam,
  readScenario,
  type ParamError,
  type ParamSpecs,
  type RawParams,
  type ScenarioResult,
  type XffEntry,
  formatXffEntry,
} from '../shared/params.ts';

export { TLS_MODES, type TlsMode } from './application-gateway-tls.ts';

/** Azure's autoscale ceiling for v2 instances (SPEC §6). */
export const MAX_INSTANCES = 125;

/** Azure keeps the first four addresses of a subnet and the last one. */
const RESERVED_AT_START = 4;
const RESERVED_AT_END = 1;

export interface ApplicationGatewayScenario {
  readonly client: Ip;
  readonly cport: number;
  readonly agwip: Ip;
  readonly port: number;
  readonly subnet: Subnet4;
  readonly instances: number;
  readonly via: number;
  readonly gport: number;
  readonly backends: readonly Ip[];
  readonly bport: number;
  readonly pick: number;
  readonly tls: TlsMode;
  /** The X-Forwarded-For the client itself sent, in order (SPEC §2 `xffin`); empty = none. */
  readonly xffin: readonly XffEntry[];
}

const { client, cport, port, backends, bport, pick, xffin } = COMMON_PARAMS;

/** The gateway's own parameters: its public frontend, the private one used behind another stage, its subnet and instances. */
const agwip = ipParam('198.51.100.20');
const agwpriv = ipParam('10.0.0.10');
const subnet = cidr4Param('10.0.0.0/24');
const instances = intParam('2', 1, MAX_INSTANCES);
const via = intParam('1', 1, MAX_INSTANCES);
const gport = portParam('40000');
const tls = enumParam<TlsMode>('e2e', TLS_MODES);

export const applicationGatewayParams: ParamSpecs<ApplicationGatewayScenario> = {
  client,
  cport,
  agwip,
  port,
  subnet,
  instances,
  via,
  gport,
  backends,
  bport,
  pick,
  tls,
  xffin,
};

/**
 * How many instances a subnet can hold: its usable addresses, at most the autoscale ceiling. A
 * private frontend IP takes one more address of the subnet (configuration-infrastructure).
 */
export function subnetCapacity(subnet: Subnet4, privateFrontend = false): number {
  const usable = subnetSize(subnet) - RESERVED_AT_START - RESERVED_AT_END - (privateFrontend ? 1 : 0);
  return Math.max(0, Math.min(usable, MAX_INSTANCES));
}

/** A frontend address inside the gateway's own subnet is a private frontend IP. */
export function hasPrivateFrontend(s: Pick<ApplicationGatewayScenario, 'agwip' | 'subnet'>): boolean {
  return subnetContains(s.subnet, s.agwip);
}

/**
 * Instance `i` (1-based): the illustration's allocation, right after the reserved addresses and
 * around a private frontend IP in the subnet, which no instance can hold (SPEC §11). Which
 * addresses Azure really gives is not promised.
 */
export function instanceIp(subnet: Subnet4, i: number, privateFrontend?: Ip): Ip {
  const offset = RESERVED_AT_START - 1 + i;
  const skip = privateFrontend && subnetContains(subnet, privateFrontend) ? subnetOffset(subnet, privateFrontend) : Infinity;
  return subnetAddress(subnet, skip <= offset ? offset + 1 : offset);
}

/** The gateway's frontend when it is a private one in its own subnet. */
export const privateFrontendOf = (s: Pick<ApplicationGatewayScenario, 'agwip' | 'subnet'>): Ip | undefined =>
  hasPrivateFrontend(s) ? s.agwip : undefined;

/** Azure keeps the subnet's first four addresses and its last: a frontend cannot take one. */
export function isReservedAddress(subnet: Subnet4, ip: Ip): boolean {
  const offset = subnetOffset(subnet, ip);
  return offset < RESERVED_AT_START || offset >= subnetSize(subnet) - RESERVED_AT_END;
}

/**
 * Rules between fields. The client's leg may be IPv4 or IPv6 but keeps one version; the
 * instances live in an IPv4 subnet, so the backend leg is IPv4. The subnet is the gateway's
 * alone, so neither the client nor a backend can have an address in it.
 */
function crossCheck(s: ApplicationGatewayScenario): ParamError[] {
  const errors: ParamError[] = [];
  if (s.agwip.family !== s.client.family) errors.push({ param: 'agwip', rule: { code: 'same-family', other: 'client' } });
  // The same rules as where a path reaches the gateway, here at its own frontend.
  errors.push(...checkStage(s, { param: 'agwip', ip: s.agwip }));
  if (s.backends[0]!.family !== 4) errors.push({ param: 'backends', rule: { code: 'same-family', other: 'subnet' } });
  if (s.pick > s.backends.length) {
    errors.push({ param: 'pick', rule: { code: 'at-most', max: s.backends.length, other: 'backends' } });
  }
  return errors;
}

/** The subnet is the gateway's alone and must hold its instances: no client or backend inside it. */
export function checkSubnet(
  s: Pick<ApplicationGatewayScenario, 'subnet' | 'instances' | 'client' | 'backends'>,
  privateFrontend = false,
): ParamError[] {
  const errors: ParamError[] = [];
  if (subnetContains(s.subnet, s.client)) errors.push({ param: 'client', rule: { code: 'outside-subnet', other: 'subnet' } });
  const capacity = subnetCapacity(s.subnet, privateFrontend);
  if (s.instances > capacity) errors.push({ param: 'instances', rule: { code: 'subnet-fit', max: capacity } });
  if (s.backends.some((backend) => subnetContains(s.subnet, backend))) {
    errors.push({ param: 'backends', rule: { code: 'outside-subnet', other: 'subnet' } });
  }
  return errors;
}

export function readApplicationGatewayScenario(raw: RawParams): ScenarioResult<ApplicationGatewayScenario> {
  return readScenario(raw, applicationGatewayParams, crossCheck);
}

/**
 * The four packets of one request through an Application Gateway (SPEC §3). The gateway is a
 * reverse proxy: the client's TCP session ends at the frontend (session 1), and the instance
 * opens its own session to the backend (session 2), so the backend sees the instance, never
 * the client, as the packet's source.
 */
export function applicationGatewayPackets(s: ApplicationGatewayScenario): Packets {
  const client = socketAddress(s.client, s.cport);
  const frontend = socketAddress(s.agwip, s.port);
  const backend = socketAddress(s.backends[s.pick - 1]!, s.bport);
  const instance = socketAddress(sourceToward(s, backend.ip), s.gport);
  // Toward a public backend the connection leaves from the frontend's public IP, not an instance's.
  const sender = instance.ip.text === s.agwip.text ? 'agw' : 'instance';
  const note = sender === 'agw' ? 'proxy-public-backend' : 'proxy-new-session';
  return {
    requestIn: { n: 1, from: 'client', to: 'agw', src: client, dst: frontend, note: 'to-listener', session: 1 },
    requestOut: { n: 2, from: sender, to: 'backend', src: instance, dst: backend, note, session: 2 },
    replyIn: {
      n: 3,
      from: 'backend',
      to: sender,
      src: backend,
      dst: instance,
      note: sender === 'agw' ? 'proxy-reply-public' : 'proxy-reply',
      session: 2,
    },
    replyOut: { n: 4, from: 'agw', to: 'client', src: frontend, dst: client, note: 'proxy-response', session: 1 },
  };
}

/** The four packets in travel order. */
export const applicationGatewayHops = (s: ApplicationGatewayScenario): Hop[] => inTravelOrder(applicationGatewayPackets(s));

/**
 * The address the gateway's connection to a backend comes from: an instance's private IP, or, for
 * a backend on the internet, the frontend's public IP (How an application gateway works: "If the
 * backend pool contains a public endpoint, Application Gateway uses its frontend public IP").
 */
export function sourceToward(s: Pick<ApplicationGatewayScenario, 'agwip' | 'subnet' | 'via'>, backend: Ip): Ip {
  if (s.agwip.family === 4 && !isPrivateAddress(backend) && !hasPrivateFrontend(s) && !isPrivateAddress(s.agwip)) return s.agwip;
  return instanceIp(s.subnet, s.via, privateFrontendOf(s));
}

/** The host name the reader's client asked for: an RFC 2606 name, fixed for the illustration. */
export const ILLUSTRATION_HOST = 'app.example.com';

export type ForwardedHeaderKey = 'xff' | 'xf-proto' | 'xf-port' | 'xo-host';

export interface ForwardedHeader {
  readonly key: ForwardedHeaderKey;
  readonly name: string;
  readonly value: string;
}

/** Microsoft documents the X-Forwarded-For list as `IP1, IP2, IP3` (rewrite-http-headers-url). */
export const XFF_SEPARATOR = ', ';

/** X-Forwarded-For entries as the header's text. */
export function xffHeader(entries: readonly XffEntry[]): string {
  return entries.map(formatXffEntry).join(XFF_SEPARATOR);
}

/**
 * X-Forwarded-For as the backend receives it: whatever the client sent, then the client's
 * IP:port as the gateway saw it on the TCP session, appended last. Only that last entry was
 * written by the gateway; the earlier ones are the client's own text and prove nothing.
 */
function xffChain(s: Pick<ApplicationGatewayScenario, 'xffin' | 'client' | 'cport'>): XffEntry[] {
  return [...s.xffin, { ip: s.client, port: s.cport }];
}

/** The one entry a backend can trust: the last, which the gateway wrote from the packet it received. */
export function trustedXffEntry(s: Pick<ApplicationGatewayScenario, 'xffin' | 'client' | 'cport'>): string {
  return formatXffEntry(xffChain(s).at(-1)!);
}

/**
 * Headers the gateway adds to the request the backend receives (SPEC §3, §6). The client's
 * address and port travel here, because the packet's source is the instance. Every `tls` mode
 * is an HTTPS listener, so X-Forwarded-Proto is `https` whatever the port number is.
 */
export function forwardedHeaders(s: ApplicationGatewayScenario): ForwardedHeader[] {
  return [
    { key: 'xff', name: 'X-Forwarded-For', value: xffHeader(xffChain(s)) },
    { key: 'xf-proto', name: 'X-Forwarded-Proto', value: 'https' },
    { key: 'xf-port', name: 'X-Forwarded-Port', value: String(s.port) },
    { key: 'xo-host', name: 'X-Original-Host', value: ILLUSTRATION_HOST },
  ];
}

/** The GatewayManager port range for v2 gateways (SPEC §6). */
const GATEWAY_MANAGER_PORTS = '65200-65535';

/**
 * The platform's own traffic the gateway's subnet must let in, whatever the clients are. Microsoft
 * prescribes destination Any for both rules, not the subnet prefix (configuration-infrastructure).
 */
export const PLATFORM_ARRIVALS: readonly Arrival[] = [
  { src: 'GatewayManager', port: GATEWAY_MANAGER_PORTS, reason: 'agw-infrastructure', destination: ANY_DESTINATION },
  { src: 'AzureLoadBalancer', port: '*', reason: 'agw-lb', destination: ANY_DESTINATION },
];

/** What the health-probe page needs of an Application Gateway. */
export interface ApplicationGatewayProbeScenario extends Pick<
  ApplicationGatewayScenario,
  'client' | 'port' | 'subnet' | 'instances' | 'backends' | 'bport'
> {
  /** Probe interval, seconds (default 30). */
  readonly agwinterval: number;
}

/** Instances reach backends over IPv4 only: an IPv6 pool gets no gateway probes (and no backend rules). */
const probesBackends = (s: Pick<ApplicationGatewayScenario, 'backends'>) => s.backends[0]!.family === 4;

const instancesOf = (s: Pick<ApplicationGatewayScenario, 'subnet' | 'instances'>) =>
  Array.from({ length: s.instances }, (_, i) => instanceIp(s.subnet, i + 1));

const probe: NonNullable<ServiceModule<ApplicationGatewayProbeScenario>['probe']> = {
  params: {
    client: applicationGatewayParams.client,
    subnet: applicationGatewayParams.subnet,
    instances: applicationGatewayParams.instances,
    backends: applicationGatewayParams.backends,
    bport: applicationGatewayParams.bport,
    agwinterval: intParam('30', 1, 86400),
    // The listener port: shared with Traffic Manager's endpoint port on the probe page.
    port: applicationGatewayParams.port,
  },
  check: (s) => checkSubnet(s),
  /** Every instance probes every backend; 200-399 counts as healthy by default (a custom probe's match can change it). */
  rows: (s) =>
    probesBackends(s)
      ? instancesOf(s).flatMap((instance) =>
          s.backends.map((backend) => ({
            service: 'application-gateway',
            src: instance.text,
            dst: socketAddress(backend, s.bport),
            target: backend.text,
            interval: s.agwinterval,
            healthy: '200-399',
          })),
        )
      : [],
  target: 'backend',
  /**
   * The rows count one listener. Each listener probes its backends on its own, so a backend behind
   * several listeners gets these probes once per listener; the model has one listener and one
   * backend port, so it says so in a note instead of repeating rows that would differ only in the
   * port of a backend setting it does not model. Learn: application-gateway-probe-overview, 2026-12
   * ("if there are multiple listeners, then each listener probes the backend independent of each other").
   */
  notes: ['probe.agw-listeners'],
  whenNone: 'probe.agw-ipv6',
  moreSenders: 'diagram.probes.more.application-gateway',
};

/** An example frontend of the client's IP version: the frontend address does not change what arrives where. */
const frontendFor = (client: Ip, fallback: Ip) => (client.family === 6 ? parseIp('2001:db8::20')! : fallback);

export const applicationGatewayService: ServiceModule<ApplicationGatewayProbeScenario, 'application-gateway'> = {
  id: 'application-gateway',
  page: 'inbound',
  probe,
  nsg: {
    places: ['agw-subnet', 'agw-backends'],
    /**
     * The subnet takes the clients plus the platform's own traffic; the backends see the instances
     * (requests and probes), which all live in the subnet, so the backend rules name the subnet.
     */
    rules(s, probes) {
      const base = defaultScenario(applicationGatewayParams, crossCheck);
      const scenario = {
        ...base,
        client: s.client,
        agwip: frontendFor(s.client, base.agwip),
        port: s.port,
        subnet: s.subnet,
        instances: s.instances,
        backends: s.backends,
        bport: s.bport,
      };
      const hops = instancesOf(s).flatMap((_, v) =>
        s.backends.flatMap((__, i) => applicationGatewayHops({ ...scenario, via: v + 1, pick: i + 1 })),
      );
      const rules = rulesFrom(
        'agw-subnet',
        [...arrivingAt(hops, 'agw').map((hop) => hopArrival(hop, 'agw-clients')), ...PLATFORM_ARRIVALS],
        s.subnet.text,
      );
      if (!probesBackends(s)) return rules;
      const fromSubnet = [
        ...arrivingAt(hops, 'backend').map((hop) => hopArrival(hop, 'agw-data-and-probe', s.subnet.text)),
        ...probes.map((row) => probeArrival(row, 'agw-data-and-probe', s.subnet.text)),
      ];
      return [...rules, ...rulesFrom('agw-backends', fromSubnet, s.backends.map((b) => b.text).join(', '))];
    },
    notes: ['nsg.note.agw-outbound', 'nsg.note.agw-isolated'],
  },
  compare() {
    const s = defaultScenario(applicationGatewayParams, crossCheck);
    const hops = applicationGatewayHops(s);
    // The gateway's own (last) X-Forwarded-For entry is the one that carries the client.
    const xffCarriesClient = xffChain(s).at(-1)!.ip.text === s.client.text;
    return {
      layer: 'l7',
      dataPath: onPath(hops, 'agw'),
      terminates: terminates(hops),
      sourceAtBackend: sourceAtBackend(hops, s.client.text),
      destinationAtBackend: destinationAtBackend(hops, s.agwip),
      clientIpHow: clientIpHow(hops, s.client.text, xffCarriesClient),
      scope: 'regional',
    };
  },
  certificate: (tls) => gatewayCertificate(tls),
  stages: [
    {
      key: 'agw',
      kind: 'regional-proxy',
      follows: ['client', 'dns', 'global-proxy', 'firewall'],
      frontend: { public: 'agwip', private: 'agwpriv' },
      sendsFrom: { subnet: 'agw', prefix: 'subnet' },
      source: 'own',
      writesXff: true,
      params: { agwip, agwpriv, subnet, instances, via, gport, tls },
      check: (s, front) => checkStage(s, front),
      occupies: (s, front) => {
        const inside = subnetContains(s.subnet, front.ip) ? front.ip : undefined;
        return [
          { param: front.param, ips: [front.ip] },
          { param: 'instances', ips: Array.from({ length: s.instances }, (_, i) => instanceIp(s.subnet, i + 1, inside)) },
        ];
      },
      run: (input, s) => applicationGatewayStage(input, s),
      // An instance sends from the subnet (Azure picks which address); toward a public backend, the frontend's public IP.
      sourceRole: (s, sent) =>
        subnetContains(s.subnet, sent)
          ? { role: 'agw-instance', param: 'instances', range: { param: 'subnet', subnet: s.subnet } }
          : { role: 'agw-frontend', param: 'agwip' },
      // The gateway's subnet lets in the legs that arrive at the listener, plus the platform's own traffic.
      nsg: { place: 'agw-subnet', destination: (s) => s.subnet.text, reason: 'agw-clients', platform: PLATFORM_ARRIVALS },
    } satisfies DataStage<ApplicationGatewayStageSettings>,
  ],
};

/** The client's TLS ends at the gateway; with mutual authentication the certificate travels on only as a header. */
function gatewayCertificate(tls: TlsMode): CertificateRow {
  return {
    service: 'application-gateway',
    tlsEndsAt: 'agw',
    reaches: tlsLegs(tls)[1]!.certificate === 'header' ? 'header' : 'no',
    validatedBy: tls === 'mtls-strict' ? 'agw' : tls === 'mtls-passthrough' ? 'backend' : 'nobody',
    tls,
  };
}

/**
 * A gateway stage: a new session from the instance, with the arriving source appended to
 * X-Forwarded-For. The gateway can ask for the client's certificate only when the client's own
 * TLS reaches it; then it passes it on as a header at most.
 */
export function applicationGatewayStage(
  { flow, front, target }: StageInput,
  c: Pick<ApplicationGatewayScenario, 'subnet' | 'instances' | 'via' | 'gport' | 'tls'>,
): StageOutput {
  const agw: ApplicationGatewayScenario = {
    ...c,
    client: flow.from.ip,
    cport: flow.from.port,
    agwip: front.ip,
    port: front.port,
    backends: [target.ip],
    bport: target.port,
    pick: 1,
    xffin: flow.xff,
  };
  const packets = applicationGatewayPackets(agw);
  const cert = flow.cert === 'yes' ? gatewayCertificate(c.tls).reaches : flow.cert;
  // An NSG names the instances by their subnet; a public backend sees the frontend's public IP instead.
  const source = packets.requestOut.src.ip;
  const name = subnetContains(c.subnet, source) ? c.subnet.text : source.text;
  return { packets, next: { from: packets.requestOut.src, name, xff: xffChain(agw), cert } };
}

interface ApplicationGatewayStageSettings extends Pick<
  ApplicationGatewayScenario,
  'agwip' | 'subnet' | 'instances' | 'via' | 'gport' | 'tls' | 'client' | 'backends'
> {
  readonly agwpriv: Ip;
}

/**
 * The gateway's rules where it is reached at `front` (its own page's frontend, or where a chain
 * reaches it): its instances fit the subnet, the subnet holds no client or backend, and a private
 * frontend is a usable address inside the subnet (the instances are numbered around it).
 */
function checkStage(
  s: Pick<ApplicationGatewayScenario, 'subnet' | 'instances' | 'via' | 'client' | 'backends'>,
  front: StageFront,
): ParamError[] {
  const privateFrontend = subnetContains(s.subnet, front.ip);
  const errors = checkSubnet(s, privateFrontend);
  if (front.param === 'agwpriv' && !privateFrontend) errors.push({ param: 'agwpriv', rule: { code: 'inside-subnet', other: 'subnet' } });
  if (privateFrontend && isReservedAddress(s.subnet, front.ip))
    errors.push({ param: front.param, rule: { code: 'reserved-address', other: 'subnet' } });
  if (s.via > s.instances) errors.push({ param: 'via', rule: { code: 'at-most', max: s.instances, other: 'instances' } });
  return errors;
}
