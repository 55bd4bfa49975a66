import { parseIp, subnetContains, type Ip } from '../shared/ip.ts';
import {
  defaultParams,
  enumParam,
  fail,
  mergeParams,
  parseXffEntry,
  readScenario,
  type ParamSpec,
  type ParamSpecs,
  type RawParams,
  type ScenarioResult,
} from '../shared/params.ts';
import {
  STAGES,
  checkPathScenario,
  pathLegs,
  pathParams,
  stageByKey,
  validChains as validPathChains,
  type PathResult,
  type PathScenario,
} from './paths.ts';
import { checkOutboundScenario, outboundPackets, outboundParams, type Egress, type OutboundScenario } from '../services/outbound.ts';
import { healthProbeParams, probing, type HealthProbeScenario } from './health-probes.ts';
import { servicesWith } from '../services.ts';
import type { PathOwnParam, StageSource } from '../service.ts';

/**
 * Where does this address come from? (SPEC §13) The reverse of every other explorer: the reader
 * gives an address and where they saw it, and the lookup runs every design the site can compute —
 * every chain the stages' order rules allow, every outbound method, every service's probes — with
 * the reader's own scenario, and lists each place the address appears in that role. The designs come
 * from the registry, so a stage or method added later is searched without an edit here.
 */

/** Where the reader saw the address. */
export const SEEN = ['backend', 'xff', 'destination', 'probe'] as const;
export type Seen = (typeof SEEN)[number];

/** The address as the reader typed it: a port only when they gave one. */
export interface SeenAddress {
  readonly ip: Ip;
  readonly port: number | null;
}

/** Longer than any address with a port (`[` + 45 + `]:65535`): refused before it is read. */
const MAX_ADDR = 64;

/** `ip`, `ipv4:port` or `[ipv6]:port`; each way it can be wrong has its own rule. */
export const addrParam: ParamSpec<SeenAddress> = {
  default: '10.0.0.4',
  parse(text) {
    if (text.length > MAX_ADDR) return fail({ code: 'addr-length', max: MAX_ADDR });
    const bare = parseIp(text);
    if (bare) return { ok: true, value: { ip: bare, port: null } };
    const withPort = /^(?:\[([^\]]*)\]|([^:]*)):([0-9]+)$/.exec(text);
    const ip = withPort ? parseIp(withPort[1] ?? withPort[2] ?? '') : null;
    if (!withPort || !ip || (withPort[2] !== undefined && ip.family === 6)) return fail({ code: 'addr' });
    const port = /^[1-9][0-9]{0,4}$/.test(withPort[3]!) ? Number(withPort[3]) : 0;
    if (port < 1 || port > 65535) return fail({ code: 'addr-port' });
    // The same reading as an X-Forwarded-For entry, so `[v6]:port` means one thing everywhere.
    const entry = parseXffEntry(text);
    return entry ? { ok: true, value: { ip: entry.ip, port: entry.port } } : fail({ code: 'addr' });
  },
};

/** The registry does not change while a page runs: its designs are listed once (`designs`). */
let listed: Design[] | null = null;

/**
 * Which match the diagram draws (beyond SPEC §13): a design's id as `data-design` writes it
 * (`fd,agw`, `outbound:natgw`, `probe:load-balancer`). Empty draws the first match; so does a
 * design the address does not match now (an edit of the address keeps the reader's pick while
 * it still matches, and falls back when it no longer does).
 */
export const designParam: ParamSpec<string> = {
  default: '',
  optional: true,
  parse(text) {
    if (text === '' || (listed ??= designs()).some((design) => design.id === text)) return { ok: true, value: text };
    return fail({ code: 'design' });
  },
};

/** The parameters the lookup tries every value of itself: a design is a chain or a method, not one the reader picks. */
const SEARCHED = new Set(['chain', 'egress']);

const without = (specs: Readonly<Record<string, ParamSpec<unknown>>>): Record<string, ParamSpec<unknown>> =>
  Object.fromEntries(Object.entries(specs).filter(([name]) => !SEARCHED.has(name)));

/** The lookup's own two fields, then the reader's scenario: the paths', the outbound and the probe fields, shared by name. */
export const lookupParams = mergeParams<LookupFields>(
  { addr: addrParam, seen: enumParam<Seen>('backend', SEEN), design: designParam },
  without(pathParams as ParamSpecs<unknown> as Record<string, ParamSpec<unknown>>),
  without(outboundParams as ParamSpecs<unknown> as Record<string, ParamSpec<unknown>>),
  healthProbeParams as ParamSpecs<unknown> as Record<string, ParamSpec<unknown>>,
);

type LookupFields = Omit<PathScenario, 'chain'> &
  Pick<PathScenario, PathOwnParam | 'vnet' | 'bsubnet' | 'fwpriv' | 'routes'> &
  Omit<OutboundScenario, 'egress'> &
  HealthProbeScenario & { readonly addr: SeenAddress; readonly seen: Seen; readonly design: string };

export type LookupScenario = LookupFields & {
  /** The reader's scenario as typed, apart from `addr`, `seen` and `design`: carried into each design's permalink. */
  readonly query: Readonly<Record<string, string>>;
};

/** The lookup's own fields: what the reader looks for and which match is drawn, not part of any design. */
export const LOOKUP_OWN: ReadonlySet<string> = new Set(['addr', 'seen', 'design']);

export function readLookupScenario(raw: RawParams): ScenarioResult<LookupScenario> {
  // Only each field's own rule: a rule between fields belongs to a design (a chain, a method, a
  // service's probes), and only decides whether that design is searched with this scenario.
  const result = readScenario(raw, lookupParams);
  if (!result.ok) return result;
  const defaults = defaultParams(lookupParams);
  const query = Object.fromEntries(
    Object.keys(defaults)
      .filter((name) => !LOOKUP_OWN.has(name) && raw[name] !== undefined && raw[name] !== defaults[name as keyof typeof defaults])
      .map((name) => [name, raw[name]!]),
  );
  return { ok: true, scenario: { ...result.scenario, query } };
}

// ---------------------------------------------------------------------------------------------
// The designs

/** A design the lookup searches: a chain of the paths page, an outbound method, or a service's probes. */
export type Design =
  | { readonly kind: 'path'; readonly id: string; readonly chain: readonly string[] }
  | { readonly kind: 'outbound'; readonly id: string; readonly egress: string }
  | { readonly kind: 'probe'; readonly id: string; readonly service: string };

/**
 * Every chain the stages' order rules allow (the paths page's own list, `validChains` in paths.ts),
 * as keys: shorter chains first, then in the stages' order, so the simplest design that explains
 * an address leads.
 */
export function validChains(): string[][] {
  return validPathChains()
    .map((chain) => chain.split(','))
    .sort((a, b) => a.length - b.length);
}

/** Every design, from the registry: chains, outbound methods by precedence, probing services. */
export function designs(): Design[] {
  const methods = servicesWith('outbound')
    .flatMap((service) => service.outbound.methods)
    .sort((a, b) => a.rank - b.rank);
  return [
    ...validChains().map((chain): Design => ({ kind: 'path', id: chain.join(','), chain })),
    ...methods.map((method): Design => ({ kind: 'outbound', id: `outbound:${method.egress}`, egress: method.egress })),
    ...probing().map((service): Design => ({ kind: 'probe', id: `probe:${service.id}`, service: service.id })),
  ];
}

// ---------------------------------------------------------------------------------------------
// The places an address appears, per design

/** Where the client's own address went, as the backend receives the connection. */
export type ClientWent = 'kept' | 'xff' | 'proxy' | 'nowhere';

/** One place an address appears in a design, in the role a reader can see it in. */
export interface Place {
  readonly design: Design;
  readonly seen: Seen;
  /** The leg (paths), hop (outbound) or probe row (probes) where the address is the source or carries the header. */
  readonly leg: number;
  readonly role: string;
  /** The address the design shows; the port is null where the place has none (a header entry without one, a probe). */
  readonly ip: Ip;
  readonly port: number | null;
  /** The parameter that sets the illustrated address; null where Azure fixes it (Load Balancer's probe source). */
  readonly param: string | null;
  /** What the illustrated address stands for when it is one of many: a subnet or a list of addresses. */
  readonly range?: { readonly param: string; readonly text: string; readonly contains: (ip: Ip) => boolean };
  /** Where the client's address went (paths only). */
  readonly clientWent?: ClientWent;
}

/** The role of an address a stage sends from: the stage's own declaration, else its key. */
function stageSource(s: PathScenario, key: string, ip: Ip): StageSource {
  const data = stageByKey(key).data;
  return data?.sourceRole?.(s, ip) ?? { role: `stage:${key}`, param: key };
}

const rangeOf = (source: StageSource): Place['range'] =>
  source.range && {
    param: source.range.param,
    text: source.range.subnet.text,
    contains: (ip: Ip) => subnetContains(source.range!.subnet, ip),
  };

/** Who put an address on the path: the client, or the stage whose leg first carries it as source. */
function introducer(s: PathScenario, result: PathResult, ip: Ip): StageSource {
  const leg = result.request.find((l) => l.src.ip.text === ip.text);
  if (!leg || leg.sender === 'client') return { role: 'client', param: 'client' };
  return stageSource(s, leg.sender, ip);
}

function clientWent(s: PathScenario, result: PathResult): ClientWent {
  if (result.backendSource.ip.text === s.client.text) return 'kept';
  const written = result.xff === '' ? [] : result.xff.split(',').slice(s.xffin.length);
  if (written.some((entry) => parseXffEntry(entry.trim())?.ip.text === s.client.text)) return 'xff';
  if (result.proxy?.source?.ip.text === s.client.text) return 'proxy';
  return 'nowhere';
}

function pathPlaces(design: Extract<Design, { kind: 'path' }>, s: PathScenario): Place[] {
  const result = pathLegs(s);
  const went = clientWent(s, result);
  const places: Place[] = [];
  for (const leg of result.request.filter((l) => l.receiver === 'backend')) {
    const source = introducer(s, result, leg.src.ip);
    places.push({
      design,
      seen: 'backend',
      leg: leg.n,
      role: source.role,
      ip: leg.src.ip,
      port: leg.src.port,
      param: source.param,
      range: rangeOf(source),
      clientWent: went,
    });
  }
  const last = result.request.at(-1)!.n;
  const entries = result.xff === '' ? [] : result.xff.split(',').map((text) => parseXffEntry(text.trim())!);
  entries.forEach((entry, index) => {
    // The entries the client sent itself come first: anyone can write them.
    const source: StageSource = index < s.xffin.length ? { role: 'xffin', param: 'xffin' } : introducer(s, result, entry.ip);
    places.push({
      design,
      seen: 'xff',
      leg: last,
      role: source.role,
      ip: entry.ip,
      port: entry.port,
      param: source.param,
      clientWent: went,
    });
  });
  return places;
}

/** The address the destination sees: the method's public IP after SNAT (any of `pips`: the method uses them all). */
function outboundPlaces(design: Extract<Design, { kind: 'outbound' }>, s: OutboundScenario): Place[] {
  const hop = outboundPackets(s).requestOut;
  const pips = s.pips.map((ip) => ip.text);
  return [
    {
      design,
      seen: 'destination',
      leg: hop.n,
      role: design.egress === 'ilpip' ? 'ilpip' : 'snat-public',
      ip: hop.src.ip,
      port: hop.src.port,
      param: 'pips',
      range: pips.length > 1 ? { param: 'pips', text: pips.join(', '), contains: (ip) => pips.includes(ip.text) } : undefined,
    },
  ];
}

/** One place per distinct probe source of the service; a sender named by a service tag has no address to find. */
function probePlaces(design: Extract<Design, { kind: 'probe' }>, s: LookupFields): Place[] {
  const service = probing().find((sv) => sv.id === design.service)!;
  const rows = service.probe.rows(s);
  const key = STAGES.find((stage) => stage.owner === service.id)?.key ?? service.id;
  const places: Place[] = [];
  rows.forEach((row, index) => {
    const ip = parseIp(row.src);
    if (!ip || places.some((place) => place.ip.text === ip.text)) return;
    // The service's own stage says what range its senders come from (the gateway's instances: its subnet).
    const stage = STAGES.find((st) => st.owner === service.id && st.data?.sourceRole);
    // Only where the stage's own range holds the sender: an AKS Service's probes come from its Load Balancer.
    const source = stage ? stageSource(s as unknown as PathScenario, stage.key, ip) : undefined;
    const declared = source?.range && subnetContains(source.range.subnet, ip) ? source : undefined;
    places.push({
      design,
      seen: 'probe',
      leg: index + 1,
      role: `${key}-probe`,
      ip,
      port: null,
      param: declared?.param ?? null,
      range: declared && rangeOf(declared),
    });
  });
  return places;
}

/** Every design run on the reader's scenario: the places found, and the designs whose own rules this scenario breaks. */
export interface Search {
  readonly designs: readonly Design[];
  readonly places: readonly Place[];
  /** Designs not computed: the scenario breaks one of their rules (two parts of a chain on one address, …). */
  readonly skipped: readonly Design[];
}

/** Every design run on the scenario, uncached: what `searchFor` keeps. */
export function searchDesigns(s: LookupFields): Search {
  const all = (listed ??= designs());
  const places: Place[] = [];
  const skipped: Design[] = [];
  for (const design of all) {
    if (design.kind === 'path') {
      const scenario = { ...s, chain: design.chain } as PathScenario;
      if (checkPathScenario(scenario).length > 0) skipped.push(design);
      else places.push(...pathPlaces(design, scenario));
    } else if (design.kind === 'outbound') {
      const scenario = { ...s, egress: [design.egress as Egress] } as OutboundScenario;
      if (checkOutboundScenario(scenario).length > 0) skipped.push(design);
      else places.push(...outboundPlaces(design, scenario));
    } else {
      const service = probing().find((sv) => sv.id === design.service)!;
      if ((service.probe.check?.(s) ?? []).length > 0) skipped.push(design);
      else places.push(...probePlaces(design, s));
    }
  }
  return { designs: all, places, skipped };
}

/** The fields that only pick among the places found (and `query`, their text): the search never reads them. */
const NOT_SEARCHED: ReadonlySet<string> = new Set([...LOOKUP_OWN, 'query']);

/**
 * What the search reads, as a key: every field of the scenario but those that only filter. Taken
 * from the parsed fields themselves, not from the text typed, so no field the search reads can
 * change without changing the key (a field added later included).
 */
export function searchKey(s: LookupFields): string {
  const fields = Object.entries(s).filter(([name]) => !NOT_SEARCHED.has(name));
  return JSON.stringify(fields, (_, value: unknown) => {
    // A field the key could not write would be a field the key does not see.
    if (typeof value === 'function' || typeof value === 'symbol') throw new Error('searchKey: a scenario field is not data');
    return typeof value === 'bigint' ? `${value}n` : value;
  });
}

/**
 * The search depends on the scenario, not on the address: an edit to `addr`, `seen` or `design`
 * only filters (SPEC §13's one frame), so the last scenario's search is kept, keyed by `searchKey`.
 */
let cached: { key: string; search: Search } | null = null;

export function searchFor(s: LookupFields): Search {
  const key = searchKey(s);
  if (cached?.key !== key) cached = { key, search: searchDesigns(s) };
  return cached.search;
}

// ---------------------------------------------------------------------------------------------
// Matching

/** A place the reader's address matches: exactly, or by the range the illustrated address stands for. */
export interface Match extends Place {
  readonly byRange: boolean;
}

/** The addresses Azure fixes, which no design of the reader's sets (SPEC §13 `platform`). */
export interface PlatformAddress {
  readonly ip: string;
  /** What it does, each an i18n key `lookup.platform.<key>`. */
  readonly roles: readonly string[];
  readonly tag: string | null;
  readonly source: string;
}

/**
 * Learn: virtual-network/what-is-ip-address-168-63-129-16 (ms.date 2023-03-30): the VM agent's
 * channel (outbound 80/tcp and 32526/tcp, to stay open in the guest firewall), DNS (53), DHCP, Load
 * Balancer probes (tag AzureLoadBalancer); a virtual IP of the host node, so user routes do not apply.
 * The 2019 version listed 80, 443 and 32526; the current one 80 and 32526.
 * Learn: load-balancer/load-balancer-custom-probe-overview: IPv6 probes come from fe80::1234:5678:9abc.
 * Learn: virtual-machines/instance-metadata-service: IMDS at 169.254.169.254, reached only from inside the VM, never leaving the host.
 */
export const PLATFORM: readonly PlatformAddress[] = [
  {
    ip: '168.63.129.16',
    roles: ['probe', 'agent', 'dns', 'dhcp', 'no-udr', 'guest-firewall'],
    tag: 'AzureLoadBalancer',
    source: 'virtual-network/what-is-ip-address-168-63-129-16',
  },
  {
    ip: 'fe80::1234:5678:9abc',
    roles: ['probe-v6'],
    tag: 'AzureLoadBalancer',
    source: 'load-balancer/load-balancer-custom-probe-overview',
  },
  { ip: '169.254.169.254', roles: ['imds'], tag: null, source: 'virtual-machines/instance-metadata-service' },
];

export interface LookupResult {
  readonly search: Search;
  /** Exact matches first, then those by range; each group in the designs' order. */
  readonly matches: readonly Match[];
  /** The match the diagram draws: the first of the design the reader picked (`design`), else the first; null with none. */
  readonly drawn: Match | null;
  readonly platform: PlatformAddress | null;
}

const portMatches = (want: number | null, have: number | null) => want === null || have === null || want === have;

export function lookup(s: LookupScenario): LookupResult {
  const found = searchFor(s);
  const inRole = found.places.filter((place) => place.seen === s.seen && portMatches(s.addr.port, place.port));
  const exact = inRole.filter((place) => place.ip.text === s.addr.ip.text).map((place) => ({ ...place, byRange: false }));
  // One match by range per design and role: the gateway's two instances are one range, not two answers.
  const byRange = inRole
    .filter((place) => place.ip.text !== s.addr.ip.text && place.range?.contains(s.addr.ip))
    .filter((place, index, all) => all.findIndex((other) => other.design === place.design && other.role === place.role) === index)
    .filter((place) => !exact.some((other) => other.design === place.design && other.role === place.role))
    .map((place) => ({ ...place, byRange: true }));
  const matches = [...exact, ...byRange];
  return {
    search: found,
    matches,
    drawn: matches.find((match) => match.design.id === s.design) ?? matches[0] ?? null,
    platform: PLATFORM.find((address) => address.ip === s.addr.ip.text) ?? null,
  };
}

/** The fields of the reader's scenario that set an address seen in this role, as the designs say: what to change when nothing matches. */
export function fieldsFor(found: Search, seen: Seen): string[] {
  const names = found.places
    .filter((place) => place.seen === seen)
    .flatMap((place) => [place.param, place.range?.param])
    .filter((name): name is string => typeof name === 'string');
  return [...new Set(names)];
}
