import { parseIp, socketAddress, type Ip, type SocketAddress } from './ip.ts';
import { inTravelOrder, type Hop, type Packets } from './hop.ts';
import {
  enumParam,
  fail,
  parseXffEntry,
  intParam,
  ipParam,
  parseList,
  readScenario,
  type ParamError,
  type ParamSpec,
  type ParamSpecs,
  type RawParams,
  type ScenarioResult,
} from './params.ts';
import type { OutboundMethod, ServiceModule } from './service.ts';

/**
 * Outbound connections (SPEC §10): how a VM's connection to the internet leaves Azure, which
 * configured method wins, and the SNAT port arithmetic that decides when new connections fail.
 * Every figure carries the Learn page it comes from; where Learn pages disagree, both values are
 * named here and the one used is said on the page.
 */

// ---------------------------------------------------------------------------------------------
// Figures from Microsoft Learn

/**
 * Load Balancer's default port allocation by backend pool size, for one frontend IP.
 * Learn: load-balancer/load-balancer-outbound-connections#preallocatedports (ms.date 2026-07-07).
 */
export const DEFAULT_ALLOCATION: readonly { readonly upTo: number; readonly ports: number }[] = [
  { upTo: 50, ports: 1024 },
  { upTo: 100, ports: 512 },
  { upTo: 200, ports: 256 },
  { upTo: 400, ports: 128 },
  { upTo: 800, ports: 64 },
  { upTo: 1000, ports: 32 },
];

/** The largest pool the default table covers (its last row). */
export const MAX_POOL = DEFAULT_ALLOCATION.at(-1)!.upTo;

/**
 * Several frontend IPs and the default allocation: Learn's pages disagree. The page since 2023 says
 * "per frontend IP, up to a maximum of 1,024 ports" (MIN(table × frontend IPs, 1,024)); the 2019
 * page said each frontend "multiplies" the preallocated ports, with no cap. The explorer uses the cap.
 */
export const DEFAULT_ALLOCATION_CAP = { current: 1024, before2020: null } as const;

/** Learn: load-balancer/outbound-rules: "The maximum number of usable ephemeral ports per frontend IP address is 64,000." */
export const LB_PORTS_PER_FRONTEND_IP = 64_000;
/** Learn: load-balancer/outbound-rules: "Load balancer gives SNAT ports in multiples of 8." */
export const PORT_STEP = 8;

/** Learn: nat-gateway/nat-gateway-resource: 64,512 SNAT ports per public IP, up to 16 public IPs, allocated on demand. */
export const NATGW_PORTS_PER_IP = 64_512;
export const NATGW_MAX_IPS = 16;
/** Learn: nat-gateway/nat-gateway-resource: up to 50,000 concurrent connections per public IP to the same destination endpoint. */
export const NATGW_CONNECTIONS_PER_IP_PER_DESTINATION = 50_000;

/**
 * Learn: firewall/integrate-with-nat-gateway: 2,496 SNAT ports per public IP per backend instance,
 * at least two instances, up to 250 public IPs (2,048 per IP in the 2021 version of the page).
 */
export const FW_PORTS_PER_IP_PER_INSTANCE = { current: 2_496, in2021: 2_048 } as const;
export const FW_MAX_IPS = 250;
export const FW_MIN_INSTANCES = 2;

/**
 * Seconds a SNAT port stays held after a connection closes, before it can be used again for the
 * same destination. NAT Gateway: nat-gateway-resource (FIN 65 s, RST 16 s, "subject to change").
 * Load Balancer: the current Learn pages give no figure; app-service/troubleshoot-intermittent-
 * outbound-connection-errors and the Load Balancer page until 2021 give FIN 240 s, RST 15 s.
 * Azure Firewall: Learn gives none; the explorer takes the Load Balancer's, the longer.
 */
export const HOLD_DOWN = {
  natgw: { fin: 65, rst: 16 },
  lb: { fin: 240, rst: 15 },
} as const;

/**
 * Idle timeout, minutes. Learn's pages disagree on the outbound rule's maximum: 120 in outbound-rules
 * and load-balancer-tcp-idle-timeout (2025 on), 100 in troubleshoot-outbound-connection and the
 * idle-timeout page before 2025. NAT Gateway: 4–120 for TCP; UDP fixed at 4 (nat-gateway-resource).
 */
export const IDLE_MINUTES = { min: 4, default: 4, max: 120, olderMax: 100, udpNatGateway: 4 } as const;

// ---------------------------------------------------------------------------------------------
// The scenario

export const EGRESS = ['natgw', 'ilpip', 'lb', 'fw', 'default'] as const;
export type Egress = (typeof EGRESS)[number];
export const CLOSES = ['fin', 'rst', 'idle'] as const;
export type Close = (typeof CLOSES)[number];
export const PROTOCOLS = ['tcp', 'udp'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export interface OutboundScenario {
  readonly egress: readonly Egress[];
  readonly vm: Ip;
  readonly vport: number;
  readonly pips: readonly Ip[];
  readonly sport: number;
  readonly pool: number;
  /** `allocatedOutboundPorts`; null = the default allocation table. */
  readonly ports: number | null;
  readonly fwinst: number;
  readonly dest: SocketAddress;
  readonly proto: Protocol;
  readonly rate: number;
  readonly life: number;
  readonly close: Close;
  readonly idle: number;
}

/** What is configured: a comma list of egress methods, each at most once. */
function egressParam(defaultValue: string): ParamSpec<readonly Egress[]> {
  return {
    default: defaultValue,
    parse(text) {
      const items = text === '' ? [] : text.split(',').map((item) => item.trim().toLowerCase());
      if (text.length > 64 || items.length === 0) return fail({ code: 'egress-list', options: EGRESS.join(', ') });
      const out: Egress[] = [];
      for (const [index, item] of items.entries()) {
        const egress = EGRESS.find((value) => value === item);
        if (!egress) return fail({ code: 'egress-item', index: index + 1, options: EGRESS.join(', ') });
        if (out.includes(egress)) return fail({ code: 'duplicate', value: egress });
        out.push(egress);
      }
      return { ok: true, value: out };
    },
  };
}

/** An IPv4 address and port (`203.0.113.200:443`): a destination is a socket, never an address alone. */
function destParam(defaultValue: string): ParamSpec<SocketAddress> {
  return {
    default: defaultValue,
    parse(text) {
      // The same IPv4:port reading as an X-Forwarded-For entry, with the port required.
      const entry = parseXffEntry(text);
      return entry && entry.ip.family === 4 && entry.port !== null
        ? { ok: true, value: socketAddress(entry.ip, entry.port) }
        : fail({ code: 'ip4-port' });
    },
  };
}

/** `allocatedOutboundPorts`: empty (or 0, as Azure takes it) for the default table, else a multiple of 8. */
const portsParam: ParamSpec<number | null> = {
  default: '',
  input: 'number',
  optional: true,
  parse(text) {
    if (text === '' || text === '0') return { ok: true, value: null };
    const parsed = intParam('', PORT_STEP, LB_PORTS_PER_FRONTEND_IP).parse(text);
    if (!parsed.ok) return parsed;
    return parsed.value % PORT_STEP === 0 ? parsed : fail({ code: 'multiple-of', step: PORT_STEP });
  },
};

/** A list of IPv4 addresses (the public IPs of the method that wins). */
const pipsParam: ParamSpec<readonly Ip[]> = {
  default: '198.51.100.80',
  parse: (text) =>
    parseList(text, {
      min: 1,
      max: FW_MAX_IPS,
      listCode: 'ip-list',
      itemCode: 'ip-list-item',
      item: (item) => {
        const ip = parseIp(item);
        return ip && ip.family === 4 ? ip : null;
      },
      key: (ip) => ip.text,
    }),
};

export const outboundParams: ParamSpecs<OutboundScenario> = {
  egress: egressParam('lb'),
  vm: ipParam('10.0.1.4'),
  vport: intParam('51000', 1024, 65535),
  pips: pipsParam,
  sport: intParam('1024', 1024, 65535),
  pool: intParam('10', 1, MAX_POOL),
  ports: portsParam,
  fwinst: intParam('2', FW_MIN_INSTANCES, 1000),
  dest: destParam('203.0.113.200:443'),
  proto: enumParam<Protocol>('tcp', PROTOCOLS),
  rate: intParam('20', 0, 1_000_000),
  life: intParam('2', 0, 86_400),
  close: enumParam<Close>('fin', CLOSES),
  idle: intParam(String(IDLE_MINUTES.default), IDLE_MINUTES.min, IDLE_MINUTES.max),
};

/** Rules between fields: the VM is IPv4 like its destination; the winner's own limits on `pips` and `ports`. */
function crossCheck(s: OutboundScenario): ParamError[] {
  const errors: ParamError[] = [];
  if (s.vm.family !== 4) errors.push({ param: 'vm', rule: { code: 'same-family', other: 'dest' } });
  const wins = winner(s.egress);
  if (wins === 'natgw' && s.pips.length > NATGW_MAX_IPS) errors.push({ param: 'pips', rule: { code: 'pips-max', max: NATGW_MAX_IPS } });
  if (wins === 'ilpip' && s.pips.length > 1) errors.push({ param: 'pips', rule: { code: 'pips-max', max: 1 } });
  if (wins === 'lb' && s.ports !== null) {
    const most = largestAllocation(s.pips.length, s.pool);
    if (s.ports > most) errors.push({ param: 'ports', rule: { code: 'snat-capacity', max: most, ips: s.pips.length, pool: s.pool } });
  }
  return errors;
}

export function readOutboundScenario(raw: RawParams): ScenarioResult<OutboundScenario> {
  return readScenario(raw, outboundParams, crossCheck);
}

/** The same rules for a scenario read already, under another method (the reverse lookup tries every method). */
export { crossCheck as checkOutboundScenario };

// ---------------------------------------------------------------------------------------------
// Which method wins

/**
 * Microsoft's precedence, first wins: a 0.0.0.0/0 route to a virtual appliance (Azure Firewall)
 * overrides NAT Gateway, which takes precedence over an instance-level public IP, then Load
 * Balancer outbound rules, then default outbound access (nat-gateway/nat-overview, 2026-04-14;
 * load-balancer-outbound-connections lists NAT Gateway, public IP on VM, outbound rules, default).
 */
export const PRECEDENCE: readonly Egress[] = ['fw', 'natgw', 'ilpip', 'lb', 'default'];

export const winner = (egress: readonly Egress[]): Egress => PRECEDENCE.find((method) => egress.includes(method))!;

/** Each configured method, in precedence order, and whether it is the one used. */
export function precedence(s: Pick<OutboundScenario, 'egress'>): { readonly method: Egress; readonly used: boolean }[] {
  const wins = winner(s.egress);
  return PRECEDENCE.filter((method) => s.egress.includes(method)).map((method) => ({ method, used: method === wins }));
}

// ---------------------------------------------------------------------------------------------
// SNAT port arithmetic

/** Ports per VM from the default table for a pool size, with this many frontend IPs (capped, see DEFAULT_ALLOCATION_CAP). */
export function defaultPorts(pool: number, frontendIps = 1): number {
  const row = DEFAULT_ALLOCATION.find((r) => pool <= r.upTo) ?? DEFAULT_ALLOCATION.at(-1)!;
  return Math.min(row.ports * frontendIps, DEFAULT_ALLOCATION_CAP.current);
}

/** The largest `allocatedOutboundPorts` every VM of the pool can have: frontend IPs × 64,000 ÷ pool, down to a multiple of 8. */
export function largestAllocation(frontendIps: number, pool: number): number {
  return Math.floor((frontendIps * LB_PORTS_PER_FRONTEND_IP) / pool / PORT_STEP) * PORT_STEP;
}

/** How many instances an allocation allows: frontend IPs × 64,000 ÷ ports per instance. */
export const maxPool = (frontendIps: number, ports: number): number => Math.floor((frontendIps * LB_PORTS_PER_FRONTEND_IP) / ports);

/**
 * The SNAT ports one VM can use toward one destination, or null where Learn publishes no figure
 * (default outbound access) or SNAT does not apply (an instance-level public IP: the VM's own
 * ephemeral ports, a 1:1 NAT).
 */
export function portsPerVm(s: OutboundScenario, method: Egress = winner(s.egress)): number | null {
  switch (method) {
    case 'natgw':
      return NATGW_PORTS_PER_IP * s.pips.length;
    case 'fw':
      return FW_PORTS_PER_IP_PER_INSTANCE.current * s.pips.length * s.fwinst;
    case 'lb':
      return s.ports ?? defaultPorts(s.pool, s.pips.length);
    case 'ilpip':
    case 'default':
      return null;
  }
}

/** Seconds one connection holds its SNAT port: its life, then the hold-down after it closes, or the idle timeout. */
export function holdSeconds(s: OutboundScenario, method: Egress = winner(s.egress)): number {
  // UDP has no FIN or RST: a flow ends when it has been idle for the timeout (NAT Gateway: fixed at 4 minutes).
  if (s.proto === 'udp') return s.life + 60 * (method === 'natgw' ? IDLE_MINUTES.udpNatGateway : s.idle);
  if (s.close === 'idle') return s.life + 60 * s.idle;
  const hold = method === 'natgw' ? HOLD_DOWN.natgw : HOLD_DOWN.lb;
  return s.life + hold[s.close];
}

export interface PortLoad {
  /** SNAT ports held toward the destination in steady state: rate × hold time. */
  readonly needed: number;
  readonly hold: number;
  /** What one VM can use; null where there is no pool to exhaust or no published figure. */
  readonly available: number | null;
  /** `unknown` where Learn gives no figure to compare with. */
  readonly exhausted: 'yes' | 'no' | 'unknown';
  /** Seconds of this load before the first connection fails (ports ÷ rate); null when it never does. */
  readonly exhaustAfter: number | null;
}

/**
 * Ports held in steady state, by Little's law: connections opened a second × seconds each holds
 * its port. TCP needs one SNAT port per connection to one destination IP:port; UDP one per flow to
 * one destination IP whatever its port (load-balancer-outbound-connections), so for one destination
 * both count the same. The load starts from nothing: ports in use grow by `rate` a second until
 * the first connections release theirs, so an allocation below the need runs out after ports ÷ rate.
 */
export function portLoad(s: OutboundScenario, method: Egress = winner(s.egress)): PortLoad {
  const hold = holdSeconds(s, method);
  const needed = s.rate * hold;
  const available = portsPerVm(s, method);
  if (method === 'ilpip') return { needed, hold, available, exhausted: 'no', exhaustAfter: null };
  if (available === null) return { needed, hold, available, exhausted: 'unknown', exhaustAfter: null };
  const exhausted = needed > available;
  return { needed, hold, available, exhausted: exhausted ? 'yes' : 'no', exhaustAfter: exhausted ? round1(available / s.rate) : null };
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** The public IPs the destination sees, which a partner's allow-list must hold: every IP of the method that wins. */
export const allowlist = (s: OutboundScenario): readonly Ip[] => s.pips;

// ---------------------------------------------------------------------------------------------
// The four packets

/** Who translates the VM's connection, by method: the actor the diagram and table name. */
const DEVICE: Readonly<Record<Egress, string>> = {
  natgw: 'natgw',
  ilpip: 'ilpip',
  lb: 'lb-outbound',
  fw: 'fw',
  default: 'default-outbound',
};

/**
 * The VM's packet to the destination, the same packet after SNAT (source: the public IP and the
 * SNAT port), the reply to that public IP and port, and the reply translated back to the VM. An
 * instance-level public IP is a 1:1 NAT: the source port stays the VM's own.
 */
export function outboundPackets(s: OutboundScenario): Packets {
  const method = winner(s.egress);
  const device = DEVICE[method];
  const vm = socketAddress(s.vm, s.vport);
  const translated = socketAddress(s.pips[0]!, method === 'ilpip' ? s.vport : s.sport);
  const note = method === 'ilpip' ? 'one-to-one' : 'snat';
  return {
    requestIn: { n: 1, from: 'vm', to: device, src: vm, dst: s.dest, note: 'outbound-request', session: 1 },
    requestOut: { n: 2, from: device, to: 'destination', src: translated, dst: s.dest, note, session: 1 },
    replyIn: { n: 3, from: 'destination', to: device, src: s.dest, dst: translated, note: 'outbound-reply', session: 1 },
    replyOut: { n: 4, from: device, to: 'vm', src: s.dest, dst: vm, note: `${note}-reverse`, session: 1 },
  };
}

export const outboundHops = (s: OutboundScenario): Hop[] => inTravelOrder(outboundPackets(s));

// ---------------------------------------------------------------------------------------------
// Fixes, in Microsoft's order (load-balancer/troubleshoot-outbound-connection), computed where they can be

export interface Fix {
  readonly fix: 'natgw' | 'allocate' | 'frontend-ip' | 'ilpip' | 'private-link' | 'pooling' | 'keepalive';
  /** The fixed scenario's figures, or null where the fix is a change of design the explorer cannot count. */
  readonly ports: number | null;
  readonly needed: number | null;
  readonly exhausted: 'yes' | 'no' | null;
  /** For explicit allocation: the largest pool that allocation allows. */
  readonly pool?: number;
}

function fixWith(s: OutboundScenario, change: Partial<OutboundScenario>, fix: Fix['fix']): Fix {
  const fixed = { ...s, ...change };
  const load = portLoad(fixed);
  return { fix, ports: load.available, needed: load.needed, exhausted: load.exhausted === 'unknown' ? null : load.exhausted };
}

/**
 * Each fix applied to this scenario. NAT Gateway with the same public IPs; the largest explicit
 * allocation the frontend IPs give this pool; one more frontend IP; connection pooling, where
 * connections stay open and are reused, so the ports held are the connections open at once
 * (rate × life) and no port waits in hold-down.
 */
export function fixes(s: OutboundScenario): Fix[] {
  const pips = s.pips.slice(0, NATGW_MAX_IPS);
  const allocate = largestAllocation(s.pips.length, s.pool);
  const pooled = Math.ceil(s.rate * s.life);
  const pooledAvailable = portsPerVm(s);
  return [
    fixWith(s, { egress: ['natgw'], pips }, 'natgw'),
    { ...fixWith(s, { egress: ['lb'], ports: allocate }, 'allocate'), pool: maxPool(s.pips.length, allocate) },
    fixWith(
      s,
      { egress: ['lb'], pips: [...s.pips, nextAddress(s.pips.at(-1)!)], ports: largestAllocation(s.pips.length + 1, s.pool) },
      'frontend-ip',
    ),
    { fix: 'ilpip', ports: null, needed: null, exhausted: null },
    { fix: 'private-link', ports: null, needed: null, exhausted: null },
    {
      fix: 'pooling',
      ports: pooledAvailable,
      needed: pooled,
      exhausted: pooledAvailable === null ? null : pooled > pooledAvailable ? 'yes' : 'no',
    },
    { fix: 'keepalive', ports: null, needed: null, exhausted: null },
  ];
}

/** The address after `ip` (an added frontend IP for the illustration). */
function nextAddress(ip: Ip): Ip {
  const parts = ip.text.split('.').map(Number);
  parts[3] = (parts[3]! + 1) % 256;
  return parseIp(parts.join('.'))!;
}

// ---------------------------------------------------------------------------------------------

/** The methods this guide explains, each with its place in the precedence (the outbound page reads them). */
const methods: readonly OutboundMethod[] = PRECEDENCE.map((egress, rank) => ({ egress, rank }));

export const outboundService: ServiceModule<never, 'outbound'> = {
  id: 'outbound',
  page: 'after-paths',
  outbound: { methods },
};
