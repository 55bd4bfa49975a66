import { socketAddress, type Ip, type SocketAddress, type Subnet4 } from './ip.ts';
import type { Hop } from './hop.ts';
import {
  cidr4Param,
  enumParam,
  flagParam,
  intParam,
  ipListParam,
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
import { applicationGatewayStage, PLATFORM_ARRIVALS, MAX_INSTANCES, TLS_MODES, xffHeader, type TlsMode } from './application-gateway.ts';
import { loadBalancerStage } from './load-balancer.ts';
import { fdidParam, frontDoorStage } from './front-door.ts';
import { firewallStage } from './firewall.ts';
import { answerAt, dnsSteps, trafficManagerParams, type Answer, type DnsStep, type TrafficManagerScenario } from './traffic-manager.ts';
import { dnsNameParam, endpointListParam, type Endpoint } from './dns.ts';
import {
  defaultScenario,
  rulesFrom,
  type Arrival,
  type CertReach,
  type Flow,
  type NsgRule,
  type StageInput,
  type StageOutput,
} from './service.ts';

/**
 * Paths (SPEC §9): services chained from client to backend. Each stage runs its own service's
 * hop function on the packet the previous stage sends, so no service's rules are written twice.
 */
export const STAGES = ['tm', 'fd', 'fw', 'agw', 'lb'] as const;
export type Stage = (typeof STAGES)[number];
export type DataStage = Exclude<Stage, 'tm'>;

/**
 * A chain: stage keys from client to backend. The order this page computes is tm, fd, fw, agw,
 * lb (each at most once, any subset with a data-path stage): Traffic Manager only answers DNS
 * before the first connection, Front Door is reached from the internet, and the firewall is
 * modelled as a DNAT rule on its public IP, so it comes before the stages it translates to.
 */
export function chainParam(defaultValue: string): ParamSpec<readonly Stage[]> {
  return {
    default: defaultValue,
    parse(text) {
      if (text.length > 64) return { ok: false, rule: { code: 'chain-data-path' } };
      const keys = text === '' ? [] : text.split(',').map((key) => key.trim().toLowerCase());
      const stages: Stage[] = [];
      for (const key of keys) {
        if (!(STAGES as readonly string[]).includes(key)) return { ok: false, rule: { code: 'chain-stage', value: key.slice(0, 16) } };
        const stage = key as Stage;
        if (stages.includes(stage)) return { ok: false, rule: { code: 'duplicate', value: stage } };
        const last = stages[stages.length - 1];
        if (last !== undefined && STAGES.indexOf(last) > STAGES.indexOf(stage)) {
          return { ok: false, rule: { code: 'chain-order', value: stage, after: last } };
        }
        stages.push(stage);
      }
      if (!stages.some((stage) => stage !== 'tm')) return { ok: false, rule: { code: 'chain-data-path' } };
      return { ok: true, value: stages };
    },
  };
}

export interface PathScenario {
  readonly chain: readonly Stage[];
  readonly client: Ip;
  readonly cport: number;
  readonly xffin: readonly XffEntry[];
  /** Every stage's listener (frontend) port. */
  readonly port: number;
  readonly profile: string;
  readonly endpoints: readonly Endpoint[];
  readonly fdip: Ip;
  readonly edge: Ip;
  readonly eport: number;
  readonly fdid: string;
  readonly fwip: Ip;
  readonly fwsnat: Ip;
  readonly fwport: number;
  readonly agwip: Ip;
  readonly agwpriv: Ip;
  readonly subnet: Subnet4;
  readonly instances: number;
  readonly via: number;
  readonly gport: number;
  readonly tls: TlsMode;
  readonly lbip: Ip;
  readonly lbpriv: Ip;
  readonly floating: boolean;
  readonly backends: readonly Ip[];
  readonly bport: number;
  readonly pick: number;
}

export const pathParams: ParamSpecs<PathScenario> = {
  chain: chainParam('fd,agw'),
  client: ipParam('203.0.113.10'),
  cport: intParam('50000', 1024, 65535),
  xffin: xffParam(''),
  port: portParam('443'),
  profile: dnsNameParam('test.trafficmanager.net'),
  endpoints: endpointListParam('region1.example.com=198.51.100.30,region2.example.com=198.51.100.40', 1, 10),
  fdip: ipParam('198.51.100.50'),
  edge: ipParam('192.0.2.50'),
  eport: intParam('41000', 1024, 65535),
  fdid: fdidParam('a1b2c3d4-0000-4000-8000-00000000fd01'),
  fwip: ipParam('198.51.100.70'),
  fwsnat: ipParam('10.0.2.6'),
  fwport: intParam('42000', 1024, 65535),
  agwip: ipParam('198.51.100.20'),
  agwpriv: ipParam('10.0.0.10'),
  subnet: cidr4Param('10.0.0.0/24'),
  instances: intParam('2', 1, MAX_INSTANCES),
  via: intParam('1', 1, MAX_INSTANCES),
  gport: portParam('40000'),
  tls: enumParam<TlsMode>('e2e', TLS_MODES),
  lbip: ipParam('198.51.100.10'),
  lbpriv: ipParam('10.0.1.100'),
  floating: flagParam('0'),
  backends: ipListParam('10.0.1.4,10.0.1.5', 1, 16),
  bport: portParam('443'),
  pick: intParam('1', 1, 16),
};

export const dataStages = (s: Pick<PathScenario, 'chain'>): DataStage[] => s.chain.filter((stage): stage is DataStage => stage !== 'tm');

/** The address a stage is reached at: from the internet (first, or behind Front Door) or inside the network. */
function frontendOf(s: PathScenario, index: number): { param: keyof PathScenario; ip: Ip } {
  const stages = dataStages(s);
  const stage = stages[index]!;
  const before = stages[index - 1];
  const inside = before !== undefined && before !== 'fd';
  if (index === 0 && s.chain[0] === 'tm') return { param: 'endpoints', ip: s.endpoints[0]!.ip };
  if (stage === 'fd') return { param: 'fdip', ip: s.fdip };
  if (stage === 'fw') return { param: 'fwip', ip: s.fwip };
  if (stage === 'agw') return inside ? { param: 'agwpriv', ip: s.agwpriv } : { param: 'agwip', ip: s.agwip };
  return inside ? { param: 'lbpriv', ip: s.lbpriv } : { param: 'lbip', ip: s.lbip };
}

/** The client and the first frontend share an IP version; the rest of the path is IPv4 (the gateway's subnet). */
function crossCheck(s: PathScenario): ParamError[] {
  const errors: ParamError[] = [];
  const first = frontendOf(s, 0);
  if (first.ip.family !== s.client.family) errors.push({ param: first.param, rule: { code: 'same-family', other: 'client' } });
  if (s.pick > s.backends.length) errors.push({ param: 'pick', rule: { code: 'at-most', max: s.backends.length, other: 'backends' } });
  if (s.via > s.instances) errors.push({ param: 'via', rule: { code: 'at-most', max: s.instances, other: 'instances' } });
  return errors;
}

export function readPathScenario(raw: RawParams): ScenarioResult<PathScenario> {
  return readScenario(raw, pathParams, crossCheck);
}

/** The settings each data stage reads besides its frontend address. */
const STAGE_SETTINGS: { readonly [K in DataStage]: readonly (keyof PathScenario)[] } = {
  fd: ['edge', 'eport', 'fdid'],
  fw: ['fwsnat', 'fwport'],
  agw: ['subnet', 'instances', 'via', 'gport', 'tls'],
  lb: ['floating'],
};

/**
 * The fields this chain reads: the client's, the backends', every stage's frontend (public or
 * private, as its place in the chain decides) and its settings. The form shows only these.
 */
export function pathFieldsInUse(s: PathScenario): ReadonlySet<string> {
  const used = new Set<string>(['chain', 'client', 'cport', 'xffin', 'port', 'backends', 'bport', 'pick']);
  if (s.chain[0] === 'tm') used.add('profile').add('endpoints');
  dataStages(s).forEach((stage, index) => {
    used.add(frontendOf(s, index).param);
    for (const field of STAGE_SETTINGS[stage]) used.add(field);
  });
  return used;
}

/** One leg of the path: a packet, the stage that sends it and the one that receives it. */
export interface PathLeg extends Hop {
  readonly sender: DataStage | 'client' | 'backend';
  readonly receiver: DataStage | 'client' | 'backend';
  /** How an NSG rule names the leg's source (`Flow.name`): the stage that sent it says. */
  readonly sourceName: string;
}

export interface PathResult {
  readonly dns: readonly DnsStep[];
  /** What Traffic Manager answered, when the chain starts with it (the DNS table says why). */
  readonly answer: Answer | null;
  readonly request: readonly PathLeg[];
  readonly reply: readonly PathLeg[];
  /** What the backend receives: the packet's source, the X-Forwarded-For header (empty: none), the certificate. */
  readonly backendSource: SocketAddress;
  readonly xff: string;
  readonly cert: CertReach;
  readonly nsg: readonly NsgRule[];
}

/** Each data stage runs its own service's stage function (SPEC §9); the path scenario holds every stage's settings. */
const RUN: { readonly [K in DataStage]: (input: StageInput, s: PathScenario) => StageOutput } = {
  fd: frontDoorStage,
  fw: firewallStage,
  agw: applicationGatewayStage,
  lb: loadBalancerStage,
};

/**
 * The Traffic Manager profile a chain that starts with `tm` asks: the page's profile name and
 * endpoints, none failing, at the profile's default probing settings.
 */
function pathProfile(s: PathScenario): TrafficManagerScenario {
  const { client, cport, profile, endpoints, port } = s;
  return { ...defaultScenario(trafficManagerParams), client, cport, profile, endpoints, port };
}

/** Every leg of a chain, end to end (SPEC §9). */
export function pathLegs(s: PathScenario): PathResult {
  const profile = s.chain[0] === 'tm' ? pathProfile(s) : null;
  const stages = dataStages(s);
  const backend = s.backends[s.pick - 1]!;
  const start: Flow = { from: socketAddress(s.client, s.cport), name: s.client.text, xff: s.xffin, cert: 'yes' };
  let flow = start;
  const perStage: { stage: DataStage; hops: Hop[]; next: Flow }[] = [];
  stages.forEach((stage, index) => {
    const front = socketAddress(frontendOf(s, index).ip, s.port);
    const target = index === stages.length - 1 ? socketAddress(backend, s.bport) : socketAddress(frontendOf(s, index + 1).ip, s.port);
    const { hops, next } = RUN[stage]({ flow, front, target }, s);
    perStage.push({ stage, hops, next });
    flow = next;
  });

  const receiverAfter = (index: number) => (stages[index + 1] ?? 'backend') as PathLeg['receiver'];
  const first: PathLeg = { ...perStage[0]!.hops[0]!, sender: 'client', receiver: stages[0]!, sourceName: start.name };
  const request: PathLeg[] = [
    first,
    ...perStage.map(({ stage, hops, next }, index): PathLeg => ({
      ...hops[1]!,
      sender: stage,
      receiver: receiverAfter(index),
      sourceName: next.name,
    })),
  ].map((leg, i) => ({ ...leg, n: i + 1 }));
  // Replies mirror the requests in reverse: each stage's own reply hops, innermost first.
  const reply: PathLeg[] = [
    ...[...perStage].reverse().map(({ stage, hops }): PathLeg => {
      const index = stages.indexOf(stage);
      return { ...hops[2]!, sender: receiverAfter(index), receiver: stage, sourceName: hops[2]!.src.ip.text };
    }),
    { ...perStage[0]!.hops[3]!, sender: stages[0]!, receiver: 'client', sourceName: perStage[0]!.hops[3]!.src.ip.text } satisfies PathLeg,
  ].map((leg, i) => ({ ...leg, n: request.length + i + 1 }));

  return {
    dns: profile ? dnsSteps(profile) : [],
    answer: profile ? answerAt(profile) : null,
    request,
    reply,
    backendSource: request[request.length - 1]!.src,
    xff: xffHeader(flow.xff),
    cert: flow.cert,
    nsg: nsgRows(s, request),
  };
}

/**
 * The inbound rules each NSG along the way needs, from the legs that arrive there: the AppGW
 * subnet (plus the platform's own rules) and the backends. Each source is named as the stage that
 * sent it says (a Front Door edge by its service tag, the AppGW instances by their subnet); a Load
 * Balancer passes its flow on unchanged, names included.
 */
function nsgRows(s: PathScenario, request: readonly PathLeg[]): NsgRule[] {
  const arrivals = (receiver: PathLeg['receiver'], reason: string): Arrival[] =>
    request
      .filter((leg) => leg.receiver === receiver)
      .map((leg) => ({ src: leg.sourceName, port: String(leg.dst.port), reason, destination: leg.dst.ip.text }));
  const atGateway = arrivals('agw', 'agw-clients').map((arrival) => ({ ...arrival, destination: s.subnet.text }));
  return [
    ...(atGateway.length > 0 ? rulesFrom('agw-subnet', [...atGateway, ...PLATFORM_ARRIVALS], s.subnet.text) : []),
    ...rulesFrom('backends', arrivals('backend', 'client-data'), ''),
  ];
}

/** A ready-made chain and its parameters, shown as a plain link (SPEC §9 presets). */
export interface Preset {
  readonly id: string;
  readonly params: Readonly<Record<string, string>>;
}

export const PRESETS: readonly Preset[] = [
  { id: 'fd-agw', params: { chain: 'fd,agw' } },
  { id: 'fw-agw', params: { chain: 'fw,agw' } },
  { id: 'tm-agw', params: { chain: 'tm,agw' } },
  { id: 'fd-lb', params: { chain: 'fd,lb' } },
  { id: 'agw-lb', params: { chain: 'agw,lb' } },
];
