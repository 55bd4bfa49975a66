import type { Actor, Hop } from './hop.ts';
import type { Ip, SocketAddress } from './ip.ts';
import { readScenario, type ParamError, type ParamSpecs, type XffEntry } from './params.ts';
import type { TlsMode } from './tls.ts';

/**
 * What one service declares for the pages that put every service side by side: the health probes
 * it sends, the NSG allow rules its packets need, its column of the comparison matrix and its
 * answer on client certificates. Each service module exports one (`loadBalancerService`, …);
 * `services.ts` lists them, and the cross-service pages read only that list.
 *
 * `P` is the part of the health-probe scenario the service needs. Fields with the same name in two
 * services (`client`, `backends`, `bport`) mean the same thing and share their default.
 */
export interface ServiceModule<P, Id extends string = string> {
  /** The service's key: its page slug, its `data-service` value and its i18n `service.<id>`. */
  readonly id: Id;
  readonly probe: {
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
  };
  readonly nsg: {
    /** The places (an NSG on a subnet or on the servers) this service adds rules for, in order. */
    readonly places: readonly string[];
    readonly rules: (s: P, probes: readonly ProbeRow[]) => NsgRule[];
    /** i18n keys of what the inbound table cannot show. */
    readonly notes: readonly string[];
  };
  /**
   * The service's column of the comparison matrix, read off its own default scenario. The probe
   * sender and the certificate cell come from `probe` and `certificate` (see compareRows).
   */
  readonly compare: () => Omit<CompareRow, 'service' | 'probeSource' | 'certReachesBackend'>;
  /** i18n keys for matrix cells where the service needs its own words for a shared value. */
  readonly compareWording?: Readonly<Partial<Record<CompareField, string>>>;
  /** Whether the client's certificate reaches the backend, for the gateway TLS mode on the certificate page. */
  readonly certificate: (tls: TlsMode) => CertificateRow;
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
  /** HTTP status codes that count as up: a code (`200`) or a range (`200-399`). */
  readonly healthy: string;
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
  /** Load Balancer is regional, with a Global tier (cross-region load balancer) on top. */
  readonly scope: 'regional' | 'regional-global' | 'global';
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

/** The one address or tag that sends a service's probes, or `instances` when there are several. */
export function probeSource(rows: readonly ProbeRow[]): string {
  const sources = [...new Set(rows.map((row) => row.src))];
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
}

/** What a stage is given: the arriving flow, the address and port it is reached at, and where it forwards to. */
export interface StageInput {
  readonly flow: Flow;
  readonly front: SocketAddress;
  readonly target: SocketAddress;
}

/** The stage's four hops (in, out, out's reply, in's reply) and the flow it hands to the next stage. */
export interface StageOutput {
  readonly hops: Hop[];
  readonly next: Flow;
}

// ---------------------------------------------------------------------------------------------

/** A scenario read from its parameters' defaults, which must be valid. */
export function defaultScenario<S>(specs: ParamSpecs<S>, check?: (s: S) => ParamError[]): S {
  const result = readScenario({}, specs, check);
  if (!result.ok) throw new Error(`default scenario must be valid: ${JSON.stringify(result.errors)}`);
  return result.scenario;
}
