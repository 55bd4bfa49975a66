import { isPrivateAddress, socketAddress, subnetContains, type Ip, type SocketAddress, type Subnet4 } from '../shared/ip.ts';
import type { Hop } from '../shared/hop.ts';
import {
  COMMON_PARAMS,
  cidr4Param,
  fail,
  ipParam,
  mergeParams,
  readScenario,
  type ParamError,
  type ParamSpec,
  type ParamSpecs,
  type Parsed,
  type RawParams,
  type Rule,
  type ScenarioResult,
  type XffEntry,
} from '../shared/params.ts';
import type { TrafficManagerResolution } from '../services/traffic-manager.ts';
import {
  rulesFrom,
  type Arrival,
  type CertReach,
  type DataStage,
  type DnsStage,
  type Flow,
  type NsgRule,
  type ProxyHeader,
  type SourceTreatment,
  type StageFront,
  type StageKind,
  STAGE_KINDS,
  type StageOutput,
} from '../service.ts';
import { SERVICES } from '../services.ts';
import { xffHeader } from '../services/application-gateway.ts';
import { MAX_ROUTES, routesParam, subnetWithin, type UserRoute } from '../shared/routes.ts';
import { BACKEND_SUBNET, FIREWALL_SUBNET, routeLegs, type RouteAnalysis } from './path-routes.ts';
import { additionsFrom } from './chain-additions.ts';
import paths from '../../../content/paths.json' with { type: 'json' };

/**
 * Paths (SPEC §9): services chained from client to backend. Each stage runs its own service's
 * hop function on the packet the previous stage sends, so no service's rules are written twice.
 * Which stages exist, the order they may come in, the form's fields and the scenario all come
 * from what the services declare (`ServiceModule.stage`, `ServiceModule.dns`).
 */
export interface ChainStage {
  /** The key in `chain` (public). */
  readonly key: string;
  /** Another name `chain` accepts for it: its service's id, when the service has this one stage. */
  readonly service: string;
  /** The id of the service that declares it. */
  readonly owner: string;
  readonly kind: StageKind;
  readonly follows: readonly StageKind[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each stage reads its own settings by name
  readonly data?: DataStage<any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly dns?: DnsStage<any, TrafficManagerResolution>;
}

/** The kind a DNS stage has: only the client comes before it, and data stages may follow it. */
const DNS_KIND: StageKind = 'dns';
/** What comes before the first stage. */
const START: StageKind = 'client';

/**
 * Whether `stage` may come right after `before`: it says it follows that kind, or `before` says it
 * may precede (or must lead to) its kind.
 */
const mayFollow = (stage: ChainStage, before: ChainStage): boolean =>
  stage.follows.includes(before.kind) ||
  (before.data?.precedes?.includes(stage.kind) ?? false) ||
  (before.data?.leadsTo?.includes(stage.kind) ?? false);

/**
 * The declarations checked like input (STYLE habit 20): every kind a stage names in `follows`,
 * `precedes` or `leadsTo` is one of STAGE_KINDS and is some declared stage's kind (or the client), so
 * a typo or a kind nobody has fails the build with the stage and the kind named, instead of silently
 * leaving a stage nowhere to stand.
 */
export function checkStageKinds(stages: readonly ChainStage[]): void {
  const present = new Set<string>([START, ...stages.map((stage) => stage.kind)]);
  for (const stage of stages) {
    if (!(STAGE_KINDS as readonly string[]).includes(stage.kind)) throw new Error(`stage "${stage.key}": unknown kind "${stage.kind}"`);
    const named = { follows: stage.follows, precedes: stage.data?.precedes ?? [], leadsTo: stage.data?.leadsTo ?? [] };
    for (const [field, kinds] of Object.entries(named))
      for (const kind of kinds)
        if (!present.has(kind)) throw new Error(`stage "${stage.key}": ${field} names kind "${kind}", which no stage declares`);
  }
}

/**
 * Every stage, in the one order a chain can take: a stage comes after every stage whose kind it
 * may follow (a topological order of the declarations; the registry's order breaks ties).
 */
function ordered(stages: readonly ChainStage[]): ChainStage[] {
  const left = [...stages];
  const out: ChainStage[] = [];
  while (left.length > 0) {
    const next = left.find((stage) => !left.some((other) => other !== stage && mayFollow(stage, other)));
    if (!next) throw new Error('the stages declare a circular order');
    out.push(next);
    left.splice(left.indexOf(next), 1);
  }
  return out;
}

/** Every stage from every service's declarations, checked, in their one order. */
export const STAGES: readonly ChainStage[] = ordered(
  SERVICES.flatMap((service): ChainStage[] => {
    const declared: ServiceSections = service;
    if (declared.dns)
      return [{ key: declared.dns.key, service: service.id, owner: service.id, kind: DNS_KIND, follows: [START], dns: declared.dns }];
    return (declared.stages ?? []).map(({ key, kind, follows }, index, all) => ({
      key,
      // A service with one stage is named in `chain` by its id as well; with several, by their keys only.
      service: all.length === 1 ? service.id : key,
      owner: service.id,
      kind,
      follows,
      data: all[index],
    }));
  }),
);
checkStageKinds(STAGES);

/**
 * The i18n key that names a stage: its service's name (`service.<id>`), or `stage.<key>` where the
 * service has several stages (the firewall's DNAT rule and its route).
 */
export const stageNameKey = (stage: ChainStage): string =>
  STAGES.filter((other) => other.owner === stage.owner).length > 1 ? `stage.${stage.key}` : `service.${stage.owner}`;

type ServiceSections = Pick<(typeof SERVICES)[number], 'id'> & {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly stages?: readonly DataStage<any>[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly dns?: DnsStage<any, TrafficManagerResolution>;
};

/** A stage by its chain key or its service's id (both are accepted in `chain`). */
const BY_NAME = new Map<string, ChainStage>(STAGES.flatMap((stage) => [[stage.key, stage] as const, [stage.service, stage] as const]));

export const stageByKey = (key: string): ChainStage => {
  const stage = BY_NAME.get(key);
  if (!stage) throw new Error(`unknown stage "${key}"`);
  return stage;
};

/**
 * A chain: stage keys from client to backend, each at most once, each right after a stage whose
 * kind it declares it may follow (the first after the client), with at least one data-path stage.
 */
export function chainParam(defaultValue: string): ParamSpec<readonly string[]> {
  // Every message names the keys the registry has, in their one order.
  const keys = STAGES.map((stage) => stage.key).join(', ');
  const data = STAGES.filter((stage) => stage.data)
    .map((stage) => stage.key)
    .join(', ');
  const refuse = (rule: Rule): Parsed<never> => fail({ ...rule, keys, data });
  return {
    default: defaultValue,
    parse(text) {
      // Each stage at most once: a longer list is refused before any of it is looked at. A long
      // text of few items is not "too many": its long item is not a key, and says so.
      if (text.split(',', STAGES.length + 1).length > STAGES.length) return refuse({ code: 'chain-length', max: STAGES.length });
      const names = text === '' ? [] : text.split(',').map((key) => key.trim().toLowerCase());
      const chain: ChainStage[] = [];
      for (const name of names) {
        const stage = BY_NAME.get(name);
        if (!stage) return refuse({ code: 'chain-stage', value: name.slice(0, 16) });
        if (chain.includes(stage)) return refuse({ code: 'duplicate', value: stage.key });
        const last = chain.at(-1);
        if (last ? !mayFollow(stage, last) : !stage.follows.includes(START)) {
          return refuse(last ? { code: 'chain-order', value: stage.key, after: last.key } : { code: 'chain-first', value: stage.key });
        }
        chain.push(stage);
      }
      if (!chain.some((stage) => stage.data)) return refuse({ code: 'chain-data-path' });
      // A stage that fronts a certain kind of stage (Private Link: a Load Balancer) needs it right after.
      for (const [index, stage] of chain.entries()) {
        const leadsTo = stage.data?.leadsTo;
        const next = chain[index + 1];
        if (leadsTo && !(next && leadsTo.includes(next.kind))) {
          const allowed = STAGES.filter((other) => leadsTo.includes(other.kind)).map((other) => other.key);
          return refuse({ code: 'chain-next', value: stage.key, next: allowed.join(', ') });
        }
      }
      return { ok: true, value: chain.map((stage) => stage.key) };
    },
  };
}

/**
 * The paths scenario: the client's fields, every stage's declared parameters and the backend's.
 * A stage reads its own by the names it declares.
 */
export interface PathScenario {
  readonly chain: readonly string[];
  readonly client: Ip;
  readonly cport: number;
  readonly xffin: readonly XffEntry[];
  /** Every stage's listener (frontend) port. */
  readonly port: number;
  readonly backends: readonly Ip[];
  readonly bport: number;
  readonly pick: number;
  /** The virtual network's address space, the backends' subnet, the firewall's private IP and the user routes (SPEC §14). */
  readonly vnet: Subnet4;
  readonly bsubnet: Subnet4;
  readonly fwpriv: Ip;
  readonly routes: readonly UserRoute[];
  readonly [stageParam: string]: unknown;
}

const { client, cport, xffin, port, backends, bport, pick } = COMMON_PARAMS;

/** The subnets `routes` may name: the backends' and each one a stage declares it sends from. */
export const ROUTE_SUBNETS = [
  BACKEND_SUBNET.subnet,
  ...new Set(STAGES.flatMap((stage) => (stage.data?.sendsFrom ? [stage.data.sendsFrom.subnet] : []))),
];

/** The routes group's fields (SPEC §14): every chain reads them. */
const ROUTE_PARAMS = {
  vnet: cidr4Param('10.0.0.0/16'),
  bsubnet: cidr4Param('10.0.1.0/24'),
  fwpriv: ipParam('10.0.2.4'),
  routes: routesParam(ROUTE_SUBNETS),
};
const ROUTE_FIELDS = Object.keys(ROUTE_PARAMS);

/** The paths page's form, in order: the chain and the client, each stage's parameters in chain order, the backend, then the routes. */
export const pathParams: ParamSpecs<PathScenario> = mergeParams(
  { chain: chainParam(paths.defaultChain), client, cport, xffin, port },
  ...STAGES.map((stage) => (stage.data ?? stage.dns)!.params),
  { backends, bport, pick },
  ROUTE_PARAMS,
);

/**
 * The form's groups: the client's fields, each service's (its stages' together, in the form's
 * order; a field two stages share is shown once, in the first), then the backend's.
 */
export function pathGroups(): { label: string; fields: string[] }[] {
  const placed = new Set(['chain', 'client', 'cport', 'xffin', 'port', 'backends', 'bport', 'pick', ...ROUTE_FIELDS]);
  const groups = new Map<string, string[]>();
  for (const stage of STAGES) {
    const fields = Object.keys((stage.data ?? stage.dns)!.params).filter((field) => !placed.has(field));
    for (const field of fields) placed.add(field);
    const key = `service.${stage.owner}`;
    groups.set(key, [...(groups.get(key) ?? []), ...fields]);
  }
  return [
    { label: 'path.group.client', fields: ['chain', 'client', 'cport', 'xffin', 'port'] },
    ...[...groups].map(([label, fields]) => ({ label, fields })),
    { label: 'path.group.backend', fields: ['backends', 'bport', 'pick'] },
    { label: 'path.group.routes', fields: ROUTE_FIELDS },
  ];
}

const stagesOf = (s: Pick<PathScenario, 'chain'>): ChainStage[] => s.chain.map(stageByKey);

/** The chain's data-path stages, by key. */
export const dataStages = (s: Pick<PathScenario, 'chain'>): string[] =>
  stagesOf(s)
    .filter((stage) => stage.data)
    .map((stage) => stage.key);

/** The DNS stage the chain starts with, and its answer. */
function resolution(s: PathScenario): { key: string; answer: TrafficManagerResolution } | null {
  const first = stagesOf(s)[0]!;
  return first.dns ? { key: first.key, answer: first.dns.resolve(s) } : null;
}

/**
 * Where the data stage at `index` is reached: the DNS answer's address for the first stage after a
 * DNS stage; else its public frontend when it comes first or after a stage that forwards over the
 * internet, its private one (if it has one) when it is reached from inside the network. A routed
 * stage is not addressed: the packets it sees are addressed to what comes after it. Past the last
 * stage is the picked backend.
 */
function frontendOf(s: PathScenario, index: number): StageFront & { port: number } {
  const stages = stagesOf(s).filter((stage) => stage.data);
  const stage = stages[index];
  if (!stage) return { param: 'backends', ip: s.backends[s.pick - 1]!, port: s.bport };
  const data = stage.data!;
  if (data.frontend === 'routed') return frontendOf(s, index + 1);
  const before = stages[index - 1]?.data;
  if (index === 0) {
    const dns = resolution(s);
    if (dns) return { param: dns.answer.param, ip: dns.answer.address, port: s.port };
  }
  const inside = before !== undefined && (before.reachesNextAt ?? 'private') === 'private';
  const param = inside && data.frontend.private ? data.frontend.private : data.frontend.public;
  return { param, ip: s[param] as Ip, port: s.port };
}

/**
 * The client and the first frontend share an IP version; each stage keeps the rules of its own page
 * (checked where the chain reaches it); and no address belongs to two parts of the path.
 */
function crossCheck(s: PathScenario): ParamError[] {
  const errors: ParamError[] = [];
  const first = frontendOf(s, 0);
  if (first.ip.family !== s.client.family) errors.push({ param: first.param, rule: { code: 'same-family', other: 'client' } });
  if (s.pick > s.backends.length) errors.push({ param: 'pick', rule: { code: 'at-most', max: s.backends.length, other: 'backends' } });
  const data = stagesOf(s).filter((stage) => stage.data);
  for (const stage of stagesOf(s)) if (stage.dns) errors.push(...(stage.dns.check?.(s) ?? []));
  data.forEach((stage, index) => errors.push(...(stage.data!.check?.(s, frontendOf(s, index)) ?? [])));
  const occupied = [
    ...data.flatMap((stage, index) => stage.data!.occupies?.(s, frontendOf(s, index)) ?? []),
    { param: 'backends', ips: s.backends },
  ];
  errors.push(...sharedAddresses(occupied));
  errors.push(...routeErrors(s));
  return errors;
}

/**
 * The subnets this chain has, by the parameter holding each prefix, in chain order: each stage's that
 * sends from one (the gateway's, AzureFirewallSubnet), then the backends'.
 */
const chainSubnets = (s: PathScenario): string[] => [
  ...new Set([...stagesOf(s).flatMap((stage) => (stage.data?.sendsFrom ? [stage.data.sendsFrom.prefix] : [])), BACKEND_SUBNET.prefix]),
];

/** Whether two CIDR blocks share an address: one holds the other's first address. */
const overlap = (a: Subnet4, b: Subnet4): boolean => subnetContains(a, b.network) || subnetContains(b, a.network);

/**
 * The virtual network's own rules (SPEC §14): every subnet of the chain lies inside the address
 * space, and no two overlap (Learn: virtual-network-manage-subnet, "Add a subnet", Subnet address
 * range: the range lies within the virtual network's address space and cannot overlap the other
 * subnets' ranges; virtual-networks-overview: each subnet is a portion of the space; 2026-12-07).
 * Each error is at a subnet: one outside at itself, an overlap at the later of the two along the chain
 * (the page moves it to the one the reader just edited).
 */
function subnetErrors(s: PathScenario): ParamError[] {
  const errors: ParamError[] = [];
  const subnets = chainSubnets(s);
  subnets.forEach((param, index) => {
    const subnet = s[param] as Subnet4;
    if (!subnetWithin(s.vnet, subnet)) errors.push({ param, rule: { code: 'subnet-within', other: 'vnet' } });
    else {
      const earlier = subnets.slice(0, index).find((other) => overlap(s[other] as Subnet4, subnet));
      if (earlier) errors.push({ param, rule: { code: 'subnet-overlap', other: earlier } });
    }
  });
  return errors;
}

/**
 * The routes' own rules: the subnets lie in the virtual network and apart (subnetErrors), the
 * firewall's address lies in the network, and a route's appliance is an address inside it (a next
 * hop outside the network is refused; Azure needs an address it can reach in the network or a peered
 * one, which this page does not model).
 */
function routeErrors(s: PathScenario): ParamError[] {
  const errors: ParamError[] = subnetErrors(s);
  // With a firewall in the chain, the address routes name is its own, on AzureFirewallSubnet (Learn:
  // integrate-lb, "the firewall's private IP address located on the AzureFirewallSubnet", 2026-12-07).
  const firewall = stagesOf(s).find((stage) => stage.data?.sendsFrom?.subnet === FIREWALL_SUBNET)?.data?.sendsFrom;
  if (!subnetContains(s.vnet, s.fwpriv)) errors.push({ param: 'fwpriv', rule: { code: 'inside-subnet', other: 'vnet' } });
  else if (firewall && !subnetContains(s[firewall.prefix] as Subnet4, s.fwpriv)) {
    errors.push({ param: 'fwpriv', rule: { code: 'inside-subnet', other: firewall.prefix } });
  }
  const outside = s.routes.findIndex((route) => route.hop && !subnetContains(s.vnet, route.hop));
  if (outside >= 0) {
    errors.push({ param: 'routes', rule: { code: 'route-hop-outside', index: outside + 1, vnet: s.vnet.text, max: MAX_ROUTES } });
  }
  return errors;
}

/** Parameters that set a list of addresses rather than one; a clash is reported on the other side. */
const LISTS = new Set(['instances', 'backends']);

/** Two parts of the path on one address: an error on the one the reader set alone (else the later). */
function sharedAddresses(occupied: readonly { param: string; ips: readonly Ip[] }[]): ParamError[] {
  const errors: ParamError[] = [];
  occupied.forEach((later, j) => {
    for (const earlier of occupied.slice(0, j)) {
      if (earlier.param === later.param || !later.ips.some((ip) => earlier.ips.some((other) => other.text === ip.text))) continue;
      const [param, other] =
        LISTS.has(later.param) && !LISTS.has(earlier.param) ? [earlier.param, later.param] : [later.param, earlier.param];
      if (!errors.some((e) => e.param === param)) errors.push({ param, rule: { code: 'same-address', other } });
    }
  });
  return errors;
}

export function readPathScenario(raw: RawParams): ScenarioResult<PathScenario> {
  return readScenario(raw, pathParams, crossCheck);
}

/** The same rules for a scenario read already, under another chain (the reverse lookup tries every chain). */
export { crossCheck as checkPathScenario };

/**
 * The fields this chain reads: the client's, the backends', every stage's frontend (public or
 * private, as its place in the chain decides) and its settings. The form shows only these.
 */
export function pathFieldsInUse(s: PathScenario): ReadonlySet<string> {
  // The firewall's private IP only means something with a firewall in the chain: an appliance a
  // route names outside the chain is known by the address the route gives.
  const firewall = stagesOf(s).some((stage) => stage.data?.sendsFrom?.subnet === FIREWALL_SUBNET);
  const routeFields = ROUTE_FIELDS.filter((field) => firewall || field !== 'fwpriv');
  const used = new Set<string>(['chain', 'client', 'cport', 'xffin', 'port', 'backends', 'bport', 'pick', ...routeFields]);
  let index = 0;
  for (const stage of stagesOf(s)) {
    if (stage.dns) {
      for (const field of Object.keys(stage.dns.params)) used.add(field);
      continue;
    }
    const { frontend, params } = stage.data!;
    const front = frontendOf(s, index++).param;
    if (frontend !== 'routed') used.add(front);
    const frontends: readonly string[] = frontend === 'routed' ? [] : [frontend.public, frontend.private ?? ''];
    for (const field of Object.keys(params)) if (!frontends.includes(field)) used.add(field);
  }
  return used;
}

/** One leg of the path: a packet, the stage that sends it and the one that receives it (`client` and `backend` at the ends). */
export interface PathLeg extends Hop {
  readonly sender: string;
  readonly receiver: string;
  /** How an NSG rule names the leg's source (`Flow.name`): the stage that sent it says. */
  readonly sourceName: string;
}

export interface PathResult {
  /** What the DNS stage answered, when the chain starts with one (the DNS table says why). */
  readonly dns: { readonly key: string; readonly answer: TrafficManagerResolution } | null;
  readonly request: readonly PathLeg[];
  readonly reply: readonly PathLeg[];
  /** What the backend receives: the packet's source, the X-Forwarded-For header (empty: none), the certificate. */
  readonly backendSource: SocketAddress;
  readonly xff: string;
  readonly cert: CertReach;
  /** The stage whose proxy ended the client's TLS (where the certificate stopped), or null when it reaches the backend. */
  readonly certEndedAt: string | null;
  /** The PROXY protocol header in front of the backend's stream, if a stage added one. */
  readonly proxy: ProxyHeader | null;
  readonly nsg: readonly NsgRule[];
  /** Legs that go wrong unless the reader adds what the warning names (`path.warning.<key>`). */
  readonly warnings: readonly PathWarning[];
  /** For each leg arriving at a virtual machine: the IP flow verify check of its NSG rules (SPEC §11). */
  readonly verify: readonly FlowCheck[];
  /** Each leg sent from a subnet: its next hop and the route that decided it, and what the routes imply (SPEC §14). */
  readonly routes: RouteAnalysis;
}

export interface PathWarning {
  readonly leg: number;
  /** The `data-warning` code. */
  readonly key: string;
  /** Its message under `path.warning.` when one code has several (default: the code). */
  readonly message?: string;
  readonly args: Readonly<Record<string, string>>;
}

/**
 * Network Watcher IP flow verify for one leg, as the receiving VM sees it: inbound, the protocol,
 * the VM's own address and port (local) and the sender's (remote). It checks the NSG and admin
 * rules on the VM's network interface, nothing on the way (network-watcher/ip-flow-verify-overview).
 */
export interface FlowCheck {
  readonly leg: number;
  readonly direction: 'Inbound';
  readonly protocol: 'TCP';
  /** The VM's own NIC address and the port the packet arrives on (with Floating IP, not the frontend the packet is addressed to). */
  readonly local: SocketAddress;
  readonly remote: SocketAddress;
  /**
   * Whether IP flow verify can take this leg: its local and remote addresses are IPv4 only
   * (Learn: REST API Network Watchers - Verify IP Flow, localIPAddress and remoteIPAddress,
   * "valid IPv4 addresses", 2026-12-07).
   */
  readonly runs: boolean;
}

/**
 * The IP flow verify checks of the legs that arrive at the backend. The check runs against a VM's
 * network interface, so it names the VM's own address as local even where the packet is addressed
 * to a Floating IP frontend; a backend on the internet (Application Gateway toward a public
 * backend) is no network interface in a virtual network and gets none.
 */
export function flowChecks(request: readonly PathLeg[], vm: Ip): FlowCheck[] {
  if (vm.family === 4 && !isPrivateAddress(vm)) return [];
  return request
    .filter((leg) => leg.receiver === 'backend')
    .map((leg) => ({
      leg: leg.n,
      direction: 'Inbound',
      protocol: 'TCP',
      local: socketAddress(vm, leg.dst.port),
      remote: leg.src,
      runs: vm.family === 4 && leg.src.ip.family === 4,
    }));
}

/**
 * What each data stage of the chain declares it does to the source and to X-Forwarded-For, in
 * chain order: read off the descriptors (with the stage's settings and where it forwards to), not
 * off the legs, so a test can hold the engine to the declarations.
 */
export function stageEffects(s: PathScenario): { key: string; source: SourceTreatment; writesXff: boolean }[] {
  const stages = stagesOf(s).filter((stage) => stage.data);
  return stages.map((stage, index) => {
    const { source, writesXff } = stage.data!;
    const target = frontendOf(s, index + 1).ip;
    return { key: stage.key, source: typeof source === 'function' ? source(s, target) : source, writesXff: writesXff ?? false };
  });
}

/**
 * Every chain the page accepts, by its keys. A valid chain is a subsequence of STAGES (each stage
 * comes after every stage it may follow), so the subsets of STAGES are all there is to try.
 */
export function validChains(): string[] {
  const keys = STAGES.map((stage) => stage.key);
  const chains: string[] = [];
  for (let mask = 1; mask < 1 << keys.length; mask++) {
    const chain = keys.filter((_, i) => mask & (1 << i)).join(',');
    if (pathParams.chain.parse(chain).ok) chains.push(chain);
  }
  return chains;
}

/**
 * The chain editor's additions: each stage not in the chain, at each place where adding it gives a
 * chain the page accepts (so "+ pls" is offered only right before a Load Balancer).
 */
export const chainAdditions = (keys: readonly string[]) =>
  additionsFrom(
    keys,
    STAGES.map((stage) => stage.key),
    new Set(validChains()),
  );

/**
 * Where each stage may stand, for the page's sentence: whether it may come first, the stages it may
 * come right after, and the stages one of which must come right after it. From the declarations.
 */
export function stagePlaces(): { key: string; first: boolean; after: string[]; before: string[] }[] {
  return STAGES.map((stage) => ({
    key: stage.key,
    first: stage.follows.includes(START),
    after: STAGES.filter((other) => other !== stage && mayFollow(stage, other)).map((other) => other.key),
    before: STAGES.filter((other) => stage.data?.leadsTo?.includes(other.kind)).map((other) => other.key),
  }));
}

/** Each data stage run on the flow the previous one hands on, from `start` to the picked backend. */
function runStages(s: PathScenario, stages: readonly ChainStage[], start: Flow) {
  let flow = start;
  const perStage: { stage: ChainStage; packets: StageOutput['packets']; next: Flow; warnings: StageOutput['warnings'] }[] = [];
  const at = (index: number) => {
    const front = frontendOf(s, index);
    return socketAddress(front.ip, front.port);
  };
  stages.forEach((stage, index) => {
    const front = at(index);
    const target = at(index + 1);
    const { packets, next, warnings } = stage.data!.run({ flow, front, target }, s);
    perStage.push({ stage, packets, next, warnings });
    flow = next;
  });
  const receiverAfter = (index: number) => stages[index + 1]?.key ?? 'backend';
  const first = perStage[0]!;
  const request: PathLeg[] = [
    { ...first.packets.requestIn, sender: 'client', receiver: first.stage.key, sourceName: start.name },
    ...perStage.map(({ stage, packets, next }, index): PathLeg => ({
      ...packets.requestOut,
      sender: stage.key,
      receiver: receiverAfter(index),
      sourceName: next.name,
    })),
  ].map((leg, i) => ({ ...leg, n: i + 1 }));
  return { perStage, request, flow, receiverAfter };
}

/** Every leg of a chain, end to end (SPEC §9). */
export function pathLegs(s: PathScenario): PathResult {
  const stages = stagesOf(s).filter((stage) => stage.data);
  const start: Flow = { from: socketAddress(s.client, s.cport), name: s.client.text, xff: s.xffin, cert: 'yes' };
  const { perStage, request, flow, receiverAfter } = runStages(s, stages, start);
  const first = perStage[0]!;
  // Replies mirror the requests in reverse: each stage's own reply hops, innermost first.
  const reply: PathLeg[] = [
    ...perStage
      .map(({ stage, packets }, index): PathLeg => ({
        ...packets.replyIn,
        sender: receiverAfter(index),
        receiver: stage.key,
        sourceName: packets.replyIn.src.ip.text,
      }))
      .reverse(),
    { ...first.packets.replyOut, sender: first.stage.key, receiver: 'client', sourceName: first.packets.replyOut.src.ip.text },
  ].map((leg, i) => ({ ...leg, n: request.length + i + 1 }));

  // A DNS stage's probes reach the first stage as the client does; they travel on under their
  // own source until a stage that opens its own connection or translates the source.
  const dns = stagesOf(s)[0]!.dns;
  const probes = dns?.probes
    ? runStages(s, stages, { ...start, name: dns.probes.source }).request.filter((leg) => leg.sourceName === dns.probes!.source)
    : [];
  // A stage's warning names one of its packets: the leg that packet became.
  const legOf = (index: number, packet: keyof StageOutput['packets']): number => {
    if (packet === 'requestIn') return index === 0 ? 1 : index + 1;
    if (packet === 'requestOut') return index + 2;
    if (packet === 'replyIn') return request.length + (perStage.length - index);
    return index === 0 ? request.length + reply.length : request.length + (perStage.length - index) + 1;
  };
  const routes = routeLegs(
    s,
    request,
    reply,
    stages.map((stage) => ({ key: stage.key, data: stage.data! })),
  );
  const warnings: PathWarning[] = [
    ...perStage.flatMap(({ warnings: list }, index) =>
      (list ?? []).map(({ packet, key, args }) => ({ leg: legOf(index, packet), key, args })),
    ),
    ...routes.warnings,
  ].sort((a, b) => a.leg - b.leg);
  const verify = flowChecks(request, s.backends[s.pick - 1]!);
  return {
    dns: resolution(s),
    request,
    reply,
    backendSource: request[request.length - 1]!.src,
    xff: xffHeader(flow.xff),
    cert: flow.cert,
    certEndedAt: perStage.find(({ next }) => next.cert !== 'yes')?.stage.key ?? null,
    proxy: flow.proxy ?? null,
    nsg: nsgRows(s, stages, [...request, ...probes]),
    warnings,
    verify,
    routes,
  };
}

/**
 * The inbound rules each NSG along the way needs, from the legs that arrive there: the NSG a stage
 * declares in front of it (the gateway's subnet, plus the platform's own rules) and the backends.
 * Each source is named as the stage that sent it says (a Front Door edge by its service tag, the
 * gateway's instances by their subnet); a Load Balancer passes its flow on unchanged, names included.
 */
function nsgRows(s: PathScenario, stages: readonly ChainStage[], request: readonly PathLeg[]): NsgRule[] {
  const arrivals = (receiver: string, reason: string): Arrival[] =>
    request
      .filter((leg) => leg.receiver === receiver)
      .map((leg) => ({ src: leg.sourceName, port: String(leg.dst.port), reason, destination: leg.dst.ip.text }));
  const atStages = stages.flatMap((stage) => {
    const nsg = stage.data!.nsg;
    if (!nsg) return [];
    const destination = nsg.destination(s);
    const arriving = arrivals(stage.key, nsg.reason).map((arrival) => ({ ...arrival, destination }));
    return rulesFrom(nsg.place, [...arriving, ...nsg.platform], destination);
  });
  return [...atStages, ...rulesFrom('backends', arrivals('backend', 'client-data'), '')];
}
