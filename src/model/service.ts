import type { Actor, Hop, Packets } from './shared/hop.ts';
import type { Ip, SocketAddress, Subnet4 } from './shared/ip.ts';
import { readScenario, type ParamError, type ParamSpecs, type XffEntry } from './shared/params.ts';
import type { TlsMode } from './services/application-gateway-tls.ts';

/**
 * One service, declared in its own module: its key and the sections it has. Each section is
 * optional, so a service declares only what it does — a firewall has a data-path stage and nothing
 * else, Traffic Manager a DNS stage, an outbound method an outbound section. `services.ts` lists
 * the descriptors once; the cross-service pages (health probes, NSG rules, the comparison matrix,
 * the client-certificate FAQ, paths, the sidebar and print order) read only that list.
 *
 * `P` is the part of the health-probe scenario the service needs. Fields with the same name in two
 * services (`client`, `backends`, `bport`) mean the same thing and share one spec (`mergeParams`).
 */
export interface ServiceModule<P = never, Id extends string = string> {
  /** The service's key: its page slug, its `data-service` value and its i18n `service.<id>`. */
  readonly id: Id;
  /** Its own page: in the sidebar among the inbound services, or after the paths page (the outbound direction). */
  readonly page?: 'inbound' | 'after-paths';
  readonly probe?: ProbeSection<P>;
  readonly nsg?: NsgSection<P>;
  /**
   * The service's column of the comparison matrix, read off its own default scenario. The probe
   * sender and the certificate cell come from `probe` and `certificate` (see compareRows).
   */
  readonly compare?: () => Omit<CompareRow, 'service' | 'probeSource' | 'certReachesBackend'>;
  /** i18n keys for matrix cells where the service needs its own words for a shared value. */
  readonly compareWording?: Readonly<Partial<Record<CompareField, string>>>;
  /**
   * The service whose column stands just before its own in the matrix and of which it is a tier: a
   * cell with that column's value says "same as" it instead of repeating the words, so the column
   * stays narrow (the cross-region Load Balancer beside Load Balancer).
   */
  readonly compareSameAs?: string;
  /** Whether the client's certificate reaches the backend, for the gateway TLS mode on the certificate page. */
  readonly certificate?: (tls: TlsMode) => CertificateRow;
  /** Its places on the data path of a chain (SPEC §9): one, or more where it can sit in a path in more than one way (the firewall's DNAT rule and its route). */
  // A stage's settings type is its own; the paths page reads them by the names it declares.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly stages?: readonly DataStage<any>[];
  /** Its part before the first connection of a chain: a DNS answer (SPEC §9). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly dns?: DnsStage<any, any>;
  /** How it carries a VM's outbound connections (SPEC §10). */
  readonly outbound?: OutboundSection;
}

export interface ProbeSection<P> {
  /** The health-probe page's parameters this service reads, in form order. */
  readonly params: ParamSpecs<P>;
  /** Rules between those fields (the same as on the service's own explorer). */
  readonly check?: (s: P) => ParamError[];
  /** One row per probe flow, in order. None when the service cannot probe in this scenario. */
  readonly rows: (s: P) => ProbeRow[];
  /** What the probes reach, for the diagram's labels (`actor.<target>`). */
  readonly target: Actor;
  /** i18n keys of notes under the probe table (what a service tag in `src` means). */
  readonly notes: readonly string[];
  /** i18n key of the callout shown when `rows` gives nothing. */
  readonly whenNone?: string;
  /** i18n key of the diagram note that stands for the senders beyond the drawn ones (`{n}` of them). */
  readonly moreSenders?: string;
}

export interface NsgSection<P> {
  /** The places (an NSG on a subnet or on the servers) this service adds rules for, in order. */
  readonly places: readonly string[];
  readonly rules: (s: P, probes: readonly ProbeRow[]) => NsgRule[];
  /** i18n keys of what the inbound table cannot show. */
  readonly notes: readonly string[];
}

/** How a service carries a VM's outbound connections (SPEC §10): the methods it explains. */
export interface OutboundSection {
  readonly methods: readonly OutboundMethod[];
}

/** One way out: its value in the outbound explorer's `egress` list (public) and its rank in Microsoft's precedence (lower wins). */
export interface OutboundMethod {
  readonly egress: string;
  readonly rank: number;
}

// ---------------------------------------------------------------------------------------------
// Health probes

export interface ProbeRow {
  /** The `ServiceModule.id` of the sender's service. */
  readonly service: string;
  /** An IP, or a service tag (AzureTrafficManager, AzureFrontDoor.Backend): no port (SPEC §4). */
  readonly src: string;
  readonly dst: SocketAddress;
  /** The target's address, to group rows per backend or endpoint. */
  readonly target: string;
  readonly interval: number;
  /** HTTP status codes that count as up: a code (`200`) or a range (`200-399`); `tcp` for a TCP probe (up when the connection opens). */
  readonly healthy: string;
  /** i18n key of why the target fails this probe in the scenario (it answers, but is out of rotation); absent when it passes. */
  readonly fails?: string;
}

// ---------------------------------------------------------------------------------------------
// NSG rules (SPEC §3 "NSG rules implied"): derived from the packets that arrive at each place —
// data-path hops and probe rows — never written by hand.

export interface NsgRule {
  readonly place: string;
  /** An address, a CIDR block or a service tag. */
  readonly source: string;
  /** Addresses, a subnet, or `Any` (the NSG's own word for every destination). */
  readonly destination: string;
  /** A port, a range, or `*`. */
  readonly port: string;
  /** Why the rule exists: `nsg.reason.<reason>` in content/i18n. */
  readonly reason: string;
}

/** A packet arriving at a place: who sends it (address or tag), to which port, why. */
export interface Arrival {
  readonly src: string;
  readonly port: string;
  readonly reason: string;
  /** Overrides the place's own destination (e.g. `Any` for the gateway's platform rules). */
  readonly destination?: string;
}

/** The destination Microsoft prescribes for the gateway's platform rules (configuration-infrastructure). */
export const ANY_DESTINATION = 'Any';

/** One rule per distinct (source, port) among the packets arriving at a place. */
export function rulesFrom(place: string, arrivals: readonly Arrival[], destination: string): NsgRule[] {
  const rules: NsgRule[] = [];
  for (const arrival of arrivals) {
    const rule = {
      place,
      source: arrival.src,
      destination: arrival.destination ?? destination,
      port: arrival.port,
      reason: arrival.reason,
    };
    if (!rules.some((r) => r.source === rule.source && r.port === rule.port)) rules.push(rule);
  }
  return rules;
}

/** The data-path packets that arrive at an actor (replies from a backend are not arrivals). */
export const arrivingAt = (hops: readonly Hop[], actor: Actor) => hops.filter((hop) => hop.to === actor && hop.from !== 'backend');

/** A probe row as an arrival at its target. */
export const probeArrival = (row: ProbeRow, reason: string, src = row.src): Arrival => ({ src, port: String(row.dst.port), reason });

/** A data-path hop as an arrival, named by its source address. */
export const hopArrival = (hop: Hop, reason: string, src = hop.src.ip.text): Arrival => ({ src, port: String(hop.dst.port), reason });

// ---------------------------------------------------------------------------------------------
// The comparison matrix (SPEC §5)

export interface CompareRow {
  readonly service: string;
  readonly layer: 'l4' | 'l7' | 'dns';
  /** Does any packet of the flow pass through the service? */
  readonly dataPath: 'yes' | 'no';
  /** Does the client's TCP (and TLS) session end at the service? */
  readonly terminates: 'yes' | 'no';
  readonly sourceAtBackend: 'client' | 'instance' | 'edge';
  readonly destinationAtBackend: 'own-ip' | 'frontend-ip';
  readonly certReachesBackend: CertReach;
  readonly clientIpHow: 'packet-source' | 'x-forwarded-for' | 'none';
  /** The probe sender: one address or tag, or `instances` when several addresses send. */
  readonly probeSource: string;
  /** Load Balancer is regional; its cross-region tier, Traffic Manager and Front Door are global. */
  readonly scope: 'regional' | 'global';
}

/** The matrix's properties, as `data-field` names (SPEC §5). */
export type CompareField =
  | 'layer'
  | 'data-path'
  | 'terminates'
  | 'source-at-backend'
  | 'destination-at-backend'
  | 'cert-reaches-backend'
  | 'client-ip-how'
  | 'probe-source'
  | 'scope';

/** The packet the backend (endpoint, origin) receives first. */
export const arrival = (hops: readonly Hop[]): Hop =>
  hops.find((hop) => hop.to === 'backend' || hop.to === 'endpoint' || hop.to === 'origin')!;

/** Whether the backend is addressed by its own IP or, as with Floating IP, by the frontend's. */
export const destinationAtBackend = (hops: readonly Hop[], frontend: Ip): CompareRow['destinationAtBackend'] =>
  arrival(hops).dst.ip.text === frontend.text ? 'frontend-ip' : 'own-ip';

/** Who the backend sees as the packet's source: the client itself, a proxy instance or an edge. */
export function sourceAtBackend(hops: readonly Hop[], client: string): CompareRow['sourceAtBackend'] {
  const first = arrival(hops);
  if (first.src.ip.text === client) return 'client';
  return first.from === 'edge' ? 'edge' : 'instance';
}

export const onPath = (hops: readonly Hop[], actor: Actor): 'yes' | 'no' =>
  hops.some((hop) => hop.from === actor || hop.to === actor) ? 'yes' : 'no';

/** A second TCP session means the service ended the client's. */
export const terminates = (hops: readonly Hop[]): 'yes' | 'no' => (hops.some((hop) => hop.session === 2) ? 'yes' : 'no');

/** How a backend learns the client's address: from the packet, from a header a proxy wrote, or not at all. */
export function clientIpHow(hops: readonly Hop[], client: string, headerCarriesClient: boolean): CompareRow['clientIpHow'] {
  if (sourceAtBackend(hops, client) === 'client') return 'packet-source';
  return headerCarriesClient ? 'x-forwarded-for' : 'none';
}

/** The one address or tag that sends a service's probes, `instances` when there are several, `none` when it sends none. */
export function probeSource(rows: readonly ProbeRow[]): string {
  const sources = [...new Set(rows.map((row) => row.src))];
  // A service that sends none (a cross-region Load Balancer reads its regional tier's health).
  if (sources.length === 0) return 'none';
  return sources.length === 1 ? sources[0]! : 'instances';
}

// ---------------------------------------------------------------------------------------------
// Client certificates

/** Whether the client's certificate reaches the backend: in its own TLS handshake, only as a header, or not at all. */
export type CertReach = 'yes' | 'no' | 'header';

export interface CertificateRow {
  readonly service: string;
  /** Where the client's TLS session ends. */
  readonly tlsEndsAt: Actor;
  readonly reaches: CertReach;
  /** Who checks the certificate against a trusted CA; `nobody` when none is asked for. */
  readonly validatedBy: Actor | 'nobody';
  /** Set when the answer depends on the gateway's TLS mode. */
  readonly tls?: TlsMode;
}

// ---------------------------------------------------------------------------------------------
// Chained paths (SPEC §9): a stage is a service's own hop function fed with the previous stage's packet.

/** The connection arriving at a stage: its source, the X-Forwarded-For so far, and what is left of the client certificate. */
export interface Flow {
  readonly from: SocketAddress;
  /** How an NSG rule names the source: its address, or the service tag or subnet it comes from. */
  readonly name: string;
  readonly xff: readonly XffEntry[];
  readonly cert: CertReach;
  /** A PROXY protocol header a stage put in front of the stream (Private Link with TCP Proxy v2). */
  readonly proxy?: ProxyHeader;
  /**
   * The source address is not documented: `from` is only a stand-in (Front Door reaching a Private
   * Link origin from its own managed network). What reads the source says so instead of showing it.
   */
  readonly undocumented?: true;
}

/**
 * A PROXY protocol v2 header: the connection as the stage received it, and what it adds (SPEC §11).
 * Learn documents the consumer's source address and the LinkID; `source` is null where that source
 * is itself undocumented, and the header's destination address is documented nowhere, so it is not
 * modelled.
 */
export interface ProxyHeader {
  readonly source: SocketAddress | null;
  /** The private endpoint's LinkID, in the Private Link TLV. */
  readonly linkId: number;
}

/** What a stage is given: the arriving flow, the address and port it is reached at, and where it forwards to. */
export interface StageInput {
  readonly flow: Flow;
  readonly front: SocketAddress;
  readonly target: SocketAddress;
}

/** The stage's four packets, by name, and the flow it hands to the next stage. */
export interface StageOutput {
  readonly packets: Packets;
  readonly next: Flow;
  /** What goes wrong on one of its packets unless the reader adds what the warning names (`path.warning.<key>`). */
  readonly warnings?: readonly { readonly packet: keyof Packets; readonly key: string; readonly args: Readonly<Record<string, string>> }[];
}

/**
 * Every kind of place on a path, in one typed list: a stage declares its own `kind` from it and names
 * others in `follows`, `precedes` and `leadsTo`, so a misspelt kind fails the type check, and
 * `checkStageKinds` (paths.ts) refuses a kind no stage declares. `client` is where a chain starts and
 * `dns` a stage the client asks before it connects (Traffic Manager); the rest are data-path stages.
 */
export const STAGE_KINDS = [
  'client',
  'dns',
  'global-proxy',
  'global-balancer',
  'firewall',
  'regional-proxy',
  'routed-firewall',
  'private-link',
  'balancer',
  'kubernetes',
] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

/**
 * What a stage does to the source of the connection it hands on: `kept` (destination NAT only: the
 * next stage sees whoever reached this one) or `own` (a proxy's own connection, or SNAT to one of its
 * addresses). A function where one of its settings decides (a firewall's rule, a Service's policy).
 */
export type SourceTreatment = 'kept' | 'own';

/**
 * A service on the data path of a chain. The paths page derives its order rule, its form and its
 * scenario from these declarations: a stage says what kind of stage it is, which kinds it may come
 * right after and right before, which parameters hold its frontends and settings, and how it runs.
 * The reverse lookup and the routes read the same declarations.
 *
 * `C` is the part of the paths scenario the stage reads (its frontends and settings).
 */
export interface DataStage<C> {
  /** Its key in the paths page's `chain` (public: permalinks use it; the service id is accepted too). */
  readonly key: string;
  /** What kind of stage it is, for the order rule. */
  readonly kind: Exclude<StageKind, 'client' | 'dns'>;
  /** The kinds of stage it may come right after: `client` when it may be first, `dns` after a DNS stage. */
  readonly follows: readonly StageKind[];
  /**
   * The kinds of stage it may come right before, besides those that say they follow it: an optional
   * stage in front of an existing one declares its place here, and the existing stage's file is left
   * as it is (a cross-region Load Balancer in front of a regional one).
   */
  readonly precedes?: readonly StageKind[];
  /**
   * The parameters holding its frontend address, reached from the internet and from inside the
   * network; or `routed` for a stage nobody addresses, which a route puts in the way of the packets
   * to what comes after it (a firewall by route).
   */
  readonly frontend: { readonly public: keyof C & string; readonly private?: keyof C & string } | 'routed';
  /**
   * The address its lane in a drawing shows, when not the one its first arriving leg points to: for
   * a stage no packet is addressed to (`routed`), whose packets carry the next stage's address, which
   * that stage's lane already shows; or a stage reached at another resource's address (a Private
   * Link service, reached at the consumer's private endpoint).
   */
  readonly lane?: (s: C) => string;
  /** The kinds of stage that must come right after it, if any (a Private Link service fronts a Load Balancer). */
  readonly leadsTo?: readonly StageKind[];
  /**
   * The subnet it sends its packets from, when it sends from inside the virtual network: the key
   * `routes` names it by (`agw`, `fw`) and the parameter holding the subnet's prefix. Its legs then
   * take their next hop from that subnet's routes (SPEC §14). Absent for a stage outside the network
   * or one the platform forwards without a subnet of its own (Front Door, a Load Balancer).
   */
  readonly sendsFrom?: { readonly subnet: string; readonly prefix: keyof C & string };
  /**
   * Which frontend of the next stage its connection arrives at: `public`, over the internet (Front
   * Door's edge, a cross-region Load Balancer toward its regional ones), or `private`, from inside the
   * network (the default: a gateway toward an internal Load Balancer).
   */
  readonly reachesNextAt?: 'public' | 'private';
  /** What it does to the source of the connection it hands on (see `SourceTreatment`). */
  readonly source: SourceTreatment | ((s: C, target: Ip) => SourceTreatment);
  /** It appends the address its connection came from to X-Forwarded-For (an HTTP proxy). */
  readonly writesXff?: boolean;
  /** Its parameters on the paths page, frontends first, in form order (the client's and the backend's are the page's). */
  readonly params: ParamSpecs<Omit<C, PathOwnParam>>;
  /**
   * Rules between its parameters, checked when the chain includes it: the same rules as on its own
   * page. `front` is where its place in the chain reaches it: the parameter and the address.
   */
  readonly check?: (s: C, front: StageFront) => ParamError[];
  /** The addresses it occupies on the path, by the parameter that sets them: no other part may use one. */
  readonly occupies?: (s: C, front: StageFront) => readonly { readonly param: string; readonly ips: readonly Ip[] }[];
  readonly run: (input: StageInput, s: C) => StageOutput;
  /**
   * What the address it sends from is, for the reverse lookup (SPEC §13): its role (`agw-instance`,
   * `fd-edge`, …), the parameter that sets the illustrated address and, where that address stands for
   * any of a range (the gateway's instances, the firewall's), the range. Absent for a stage that passes
   * the source on unchanged (a Load Balancer); a stage that translates but says nothing is named by its key.
   */
  readonly sourceRole?: (s: C, sent: Ip) => StageSource;
  /** The NSG in front of it: what the legs arriving there need, plus the platform's own traffic. */
  readonly nsg?: {
    readonly place: string;
    readonly destination: (s: C) => string;
    readonly reason: string;
    readonly platform: readonly Arrival[];
  };
}

/** The role of an address a stage sends from, and the range it stands for when Azure picks one of many. */
export interface StageSource {
  readonly role: string;
  readonly param: string;
  readonly range?: { readonly param: string; readonly subnet: Subnet4 };
}

/** The paths page's own parameters, which every stage may read but none declares: the client's and the backend's. */
export type PathOwnParam = 'client' | 'cport' | 'port' | 'xffin' | 'backends' | 'bport' | 'pick';

/** Where a stage is reached on a path: the parameter that sets the address, and the address. */
export interface StageFront {
  readonly param: string;
  readonly ip: Ip;
}

/**
 * A service the client asks before it connects (Traffic Manager, SPEC §9): the name it answers,
 * the steps of the answer, and where the first data-path stage is then reached.
 */
export interface DnsStage<C, R extends DnsResolution = DnsResolution> {
  readonly key: string;
  /** Its parameters on the paths page, in form order. */
  readonly params: ParamSpecs<C>;
  readonly check?: (s: C) => ParamError[];
  /** The answer for this scenario, as the service's own explorer computes it. */
  readonly resolve: (s: C & ClientSide) => R;
  /** Its health probes reach the first stage as the client does: the NSG there must allow this source. */
  readonly probes?: { readonly source: string; readonly reason: string };
}

/** What every chain knows of the client: where it connects from and to which port. */
export interface ClientSide {
  readonly client: Ip;
  readonly cport: number;
  readonly port: number;
}

export interface DnsResolution {
  /** The name the client asks. */
  readonly name: string;
  /** The parameter the answered address comes from, and the address the client then connects to. */
  readonly param: string;
  readonly address: Ip;
}

// ---------------------------------------------------------------------------------------------

/** A scenario read from its parameters' defaults, which must be valid. */
export function defaultScenario<S>(specs: ParamSpecs<S>, check?: (s: S) => ParamError[]): S {
  const result = readScenario({}, specs, check);
  if (!result.ok) throw new Error(`default scenario must be valid: ${JSON.stringify(result.errors)}`);
  return result.scenario;
}
