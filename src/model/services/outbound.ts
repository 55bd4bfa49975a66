import { parseIp, socketAddress, type Ip, type SocketAddress } from '../shared/ip.ts';
import { inTravelOrder, type Hop, type Packets } from '../shared/hop.ts';
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
} from '../shared/params.ts';
import type { OutboundMethod, ServiceModule } from '../service.ts';

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

/**
 * Learn: load-balancer/outbound-rules: "The maximum number of usable ephemeral ports per frontend IP address is 64,000."
 * Each load-balancing rule and inbound NAT rule on the frontend takes a block of eight of them (outbound-rules,
 * load-balancer-outbound-connections), which the explorer does not subtract.
 */
export const LB_PORTS_PER_FRONTEND_IP = 64_000;
/** Learn: load-balancer/outbound-rules: each load-balancing rule and inbound NAT rule consumes a range of eight ports. */
export const PORTS_PER_INBOUND_RULE = 8;
/** Learn: load-balancer/outbound-rules: "Load balancer gives SNAT ports in multiples of 8." */
export const PORT_STEP = 8;

/**
 * Learn: nat-gateway/nat-gateway-resource (SNAT ports): 64,512 SNAT ports per public IP, up to 16 public IPs, an inventory
 * "made available on-demand to all instances within a subnet" (shared by every subnet on the same NAT Gateway).
 */
export const NATGW_PORTS_PER_IP = 64_512;
export const NATGW_MAX_IPS = 16;
/**
 * Learn: nat-gateway/nat-gateway-resource (Performance): up to 50,000 concurrent connections per public IP to the same
 * destination endpoint, TCP and UDP. Toward one destination this, not 64,512, is the figure the explorer compares with.
 */
export const NATGW_CONNECTIONS_PER_IP_PER_DESTINATION = 50_000;

/**
 * Learn: firewall/integrate-with-nat-gateway: 2,496 SNAT ports per public IP per backend instance,
 * at least two instances, up to 250 public IPs (2,048 per IP in the 2021 version of the page).
 */
export const FW_PORTS_PER_IP_PER_INSTANCE = { current: 2_496, in2021: 2_048 } as const;
export const FW_MAX_IPS = 250;
export const FW_MIN_INSTANCES = 2;

/**
 * Learn: app-service/troubleshoot-intermittent-outbound-connection-errors (2020-07-24): each App Service instance
 * (apps and Functions hosted on App Service) starts with 128 preallocated SNAT ports toward the same address and port;
 * more may come from dynamic allocation, not promised. Container Apps: Learn publishes no figure.
 */
export const APP_SERVICE_PORTS_PER_INSTANCE = 128;

/**
 * Seconds a SNAT port stays held after a connection closes, before it can be used again for the
 * same destination. NAT Gateway: nat-gateway-resource (FIN 65 s, RST 16 s, UDP 65 s after the flow
 * closes, "subject to change"). App Service: its troubleshooting page (FIN 240 s, RST 15 s).
 * Load Balancer: the current Learn pages give no figure; app-service/troubleshoot-intermittent-
 * outbound-connection-errors and the Load Balancer page until 2021 give FIN 240 s, RST 15 s.
 * Azure Firewall: Learn gives none; the explorer takes the Load Balancer's, the longer.
 */
export const HOLD_DOWN = {
  natgw: { fin: 65, rst: 16, udp: 65 },
  lb: { fin: 240, rst: 15 },
} as const;

/**
 * Idle timeout, minutes. Learn: load-balancer/load-balancer-tcp-idle-timeout (2025-02-12): 4–100 for
 * load-balancing rules and inbound NAT rules, 4–120 for outbound rules (outbound-rules says 4–120 too).
 * troubleshoot-outbound-connection still says "up to 100" for outbound. The explorer's `lb` is an outbound
 * rule (it takes `allocatedOutboundPorts`), so it accepts 120. NAT Gateway: 4–120 for TCP; UDP fixed at 4
 * (nat-gateway-resource).
 */
export const IDLE_MINUTES = { min: 4, default: 4, max: 120, lbRuleMax: 100, udpNatGateway: 4 } as const;

// ---------------------------------------------------------------------------------------------
// The scenario

export const EGRESS = ['natgw', 'ilpip', 'lb', 'fw', 'default', 'appservice'] as const;
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
  // An App Service app has no NIC, instance-level public IP or Load Balancer of its own; through VNet integration
  // its outbound traffic can take the integration subnet's NAT Gateway or a route to a firewall.
  if (s.egress.includes('appservice')) {
    const other = s.egress.find((method) => method === 'ilpip' || method === 'lb' || method === 'default');
    if (other) errors.push({ param: 'egress', rule: { code: 'appservice-with', value: other } });
  }
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
export const PRECEDENCE: readonly Egress[] = ['fw', 'natgw', 'ilpip', 'lb', 'appservice', 'default'];

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
 * Whose ports the figure counts. Load Balancer gives each VM its own allocation and App Service each instance
 * its own 128; NAT Gateway's and Azure Firewall's ports are one inventory that every VM using them shares
 * (nat-gateway-resource: "available on-demand to all instances within a subnet"; integrate-with-nat-gateway).
 */
export type PortScope = 'vm' | 'instance' | 'subnet' | 'firewall' | 'none';

export function portScope(method: Egress): PortScope {
  switch (method) {
    case 'natgw':
      return 'subnet';
    case 'fw':
      return 'firewall';
    case 'lb':
      return 'vm';
    case 'appservice':
      return 'instance';
    case 'ilpip':
    case 'default':
      return 'none';
  }
}

/** True where the ports are one inventory for every VM (NAT Gateway, Azure Firewall). */
export const isShared = (method: Egress): boolean => portScope(method) === 'subnet' || portScope(method) === 'firewall';

/**
 * The SNAT ports toward one destination IP:port: one VM's (Load Balancer), one instance's (App Service), or the
 * whole shared inventory (NAT Gateway: 50,000 per public IP toward one destination, of its 64,512; Azure Firewall:
 * 2,496 per public IP per instance). Null where Learn publishes no figure (default outbound access) or SNAT does
 * not apply (an instance-level public IP: the VM's own ephemeral ports, a 1:1 NAT).
 */
export function portsAvailable(s: OutboundScenario, method: Egress = winner(s.egress)): number | null {
  switch (method) {
    case 'natgw':
      return NATGW_CONNECTIONS_PER_IP_PER_DESTINATION * s.pips.length;
    case 'fw':
      return FW_PORTS_PER_IP_PER_INSTANCE.current * s.pips.length * s.fwinst;
    case 'lb':
      return s.ports ?? defaultPorts(s.pool, s.pips.length);
    case 'appservice':
      return APP_SERVICE_PORTS_PER_INSTANCE;
    case 'ilpip':
    case 'default':
      return null;
  }
}

/** NAT Gateway's whole inventory for its public IPs (64,512 each), across all destinations. */
export const natGatewayInventory = (ips: number): number => NATGW_PORTS_PER_IP * ips;

/** Seconds one connection holds its SNAT port: its life, then the hold-down after it closes, or the idle timeout. */
export function holdSeconds(s: OutboundScenario, method: Egress = winner(s.egress)): number {
  // UDP has no FIN or RST: a flow ends when it has been idle for the timeout (NAT Gateway: fixed at 4 minutes,
  // then the port is held 65 s more before it serves the same destination again).
  if (s.proto === 'udp') {
    return method === 'natgw' ? s.life + 60 * IDLE_MINUTES.udpNatGateway + HOLD_DOWN.natgw.udp : s.life + 60 * s.idle;
  }
  if (s.close === 'idle') return s.life + 60 * s.idle;
  const hold = method === 'natgw' ? HOLD_DOWN.natgw : HOLD_DOWN.lb;
  return s.life + hold[s.close];
}

export interface PortLoad {
  /** SNAT ports held toward the destination in steady state: sharers × rate × hold time. */
  readonly needed: number;
  readonly hold: number;
  /** Whose ports `available` counts, and how many VMs' loads `needed` adds up (the pool for a shared inventory, else 1). */
  readonly scope: PortScope;
  readonly sharers: number;
  /** The ports toward the destination (see `portsAvailable`); null where there is no pool to exhaust or no published figure. */
  readonly available: number | null;
  /** `unknown` where Learn gives no figure to compare with. */
  readonly exhausted: 'yes' | 'no' | 'unknown';
  /** Seconds of this load before the first connection fails (ports ÷ (sharers × rate)); null when it never does. */
  readonly exhaustAfter: number | null;
}

/**
 * Ports held in steady state, by Little's law: connections opened a second × seconds each holds
 * its port. TCP needs one SNAT port per connection to one destination IP:port; UDP one per flow to
 * one destination IP whatever its port (load-balancer-outbound-connections), so for one destination
 * both count the same. A shared inventory carries every VM's connections: `pool` VMs × `rate` each.
 * The load starts from nothing: ports in use grow by that many a second until the first connections
 * release theirs, so ports below the need run out after ports ÷ (sharers × rate).
 */
export function portLoad(s: OutboundScenario, method: Egress = winner(s.egress)): PortLoad {
  const hold = holdSeconds(s, method);
  const scope = portScope(method);
  const sharers = isShared(method) ? s.pool : 1;
  const needed = sharers * s.rate * hold;
  const available = portsAvailable(s, method);
  const base = { needed, hold, scope, sharers, available };
  if (method === 'ilpip') return { ...base, exhausted: 'no', exhaustAfter: null };
  if (available === null) return { ...base, exhausted: 'unknown', exhaustAfter: null };
  const exhausted = needed > available;
  return { ...base, exhausted: exhausted ? 'yes' : 'no', exhaustAfter: exhausted ? round1(available / (sharers * s.rate)) : null };
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
  appservice: 'appservice-outbound',
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
  const app = method === 'appservice';
  const source = app ? 'app-instance' : 'vm';
  return {
    requestIn: {
      n: 1,
      from: source,
      to: device,
      src: vm,
      dst: s.dest,
      note: app ? 'outbound-request-app' : 'outbound-request',
      session: 1,
    },
    requestOut: { n: 2, from: device, to: 'destination', src: translated, dst: s.dest, note, session: 1 },
    replyIn: { n: 3, from: 'destination', to: device, src: s.dest, dst: translated, note: 'outbound-reply', session: 1 },
    replyOut: { n: 4, from: device, to: source, src: s.dest, dst: vm, note: app ? 'snat-reverse-app' : `${note}-reverse`, session: 1 },
  };
}

export const outboundHops = (s: OutboundScenario): Hop[] => inTravelOrder(outboundPackets(s));

// ---------------------------------------------------------------------------------------------
// Fixes, in Microsoft's order (load-balancer/troubleshoot-outbound-connection), computed where they can be

export type FixKind = 'natgw' | 'natgw-ips' | 'fw-ips' | 'allocate' | 'frontend-ip' | 'ilpip' | 'private-link' | 'pooling' | 'keepalive';

/**
 * What a fix does for this scenario. `not-needed`: nothing is exhausted, so no fix is needed; `in-use`: the scenario
 * already uses it; `not-applicable`: it does not apply to the method in use; `design`: a change of design the explorer
 * cannot count; `fits` / `exhausted`: the fixed scenario's figures.
 */
export type FixStatus = 'fits' | 'exhausted' | 'design' | 'not-needed' | 'in-use' | 'not-applicable';

export interface Fix {
  readonly fix: FixKind;
  /** The fixed scenario's figures, or null where the fix is a change of design the explorer cannot count. */
  readonly ports: number | null;
  readonly needed: number | null;
  readonly exhausted: 'yes' | 'no' | null;
  readonly status: FixStatus;
  /** For explicit allocation: the largest pool that allocation allows. */
  readonly pool?: number;
  /** For NAT Gateway (and a firewall's own IPs): the public IPs the load needs toward one destination (may exceed 16, or 250 for a firewall). */
  readonly ips?: number;
}

/** Public IPs a NAT Gateway needs for this many ports toward one destination: 50,000 each (nat-gateway-resource, Performance). */
export const natGatewayIpsFor = (needed: number): number => Math.max(1, Math.ceil(needed / NATGW_CONNECTIONS_PER_IP_PER_DESTINATION));

function counted(fix: FixKind, load: PortLoad, extra: Partial<Fix> = {}): Fix {
  const exhausted = load.exhausted === 'unknown' ? null : load.exhausted;
  return {
    fix,
    ports: load.available,
    needed: load.needed,
    exhausted,
    status: exhausted === null ? 'design' : exhausted === 'yes' ? 'exhausted' : 'fits',
    ...extra,
  };
}

const design = (fix: FixKind, status: FixStatus = 'design'): Fix => ({ fix, ports: null, needed: null, exhausted: null, status });

/**
 * Each fix applied to this scenario, by the same rule as the scenario itself (a shared inventory carries
 * every VM's load). NAT Gateway with as many public IPs as the load needs toward one destination (at
 * most 16; where the NAT Gateway is already in use, the fix is adding those IPs); a firewall in use: as many
 * public IPs on it as the load needs (2,496 each per instance, at most 250); the largest explicit
 * allocation the frontend IPs give this pool and one more frontend IP (Load Balancer only); connection
 * pooling, where connections stay open and are reused, so the ports held are the connections open at
 * once (rate × life) and no port waits in hold-down. When nothing is exhausted no fix is needed, and a
 * fix is never offered for the method already in use.
 */
export function fixes(s: OutboundScenario): Fix[] {
  const method = winner(s.egress);
  const current = portLoad(s);
  const list = [
    natGatewayFix(s, method),
    ...(method === 'fw' ? [firewallIpsFix(s, current)] : []),
    ...loadBalancerFixes(s, method),
    ilpipFix(method),
    design('private-link'),
    poolingFix(s, current),
    design('keepalive'),
  ];
  if (current.exhausted !== 'no') return list;
  return list.map((fix) => (fix.status === 'in-use' || fix.status === 'not-applicable' ? fix : { ...fix, status: 'not-needed' }));
}

/** NAT Gateway, or more public IPs on the one in use: how many IPs the load needs, capped at 16. */
function natGatewayFix(s: OutboundScenario, method: Egress): Fix {
  const withNatGateway: OutboundScenario = { ...s, egress: ['natgw'] };
  const ips = natGatewayIpsFor(portLoad({ ...withNatGateway, pips: s.pips.slice(0, 1) }, 'natgw').needed);
  const used = Math.min(Math.max(ips, method === 'natgw' ? s.pips.length : 1), NATGW_MAX_IPS);
  const pips = Array.from({ length: used }, (_, i) => s.pips[i] ?? addressAfter(s.pips[0]!, i));
  const load = portLoad({ ...withNatGateway, pips }, 'natgw');
  if (method === 'natgw' && ips <= s.pips.length) return { ...counted('natgw-ips', load, { ips }), status: 'in-use' };
  return counted(method === 'natgw' ? 'natgw-ips' : 'natgw', load, { ips });
}

/** More public IPs on the firewall in use: 2,496 each per instance (integrate-with-nat-gateway), at most 250. */
function firewallIpsFix(s: OutboundScenario, current: PortLoad): Fix {
  const ips = Math.max(1, Math.ceil(current.needed / (FW_PORTS_PER_IP_PER_INSTANCE.current * s.fwinst)));
  const used = Math.min(Math.max(ips, s.pips.length), FW_MAX_IPS);
  const pips = Array.from({ length: used }, (_, i) => s.pips[i] ?? s.pips[0]!);
  const fix = counted('fw-ips', portLoad({ ...s, pips }, 'fw'), { ips });
  return ips <= s.pips.length ? { ...fix, status: 'in-use' } : fix;
}

/** Explicit allocation and one more frontend IP: Load Balancer outbound rules, for a scenario on Load Balancer or default outbound access. */
function loadBalancerFixes(s: OutboundScenario, method: Egress): Fix[] {
  if (method !== 'lb' && method !== 'default') return [design('allocate', 'not-applicable'), design('frontend-ip', 'not-applicable')];
  const allocate = largestAllocation(s.pips.length, s.pool);
  const allocated = counted('allocate', portLoad({ ...s, egress: ['lb'], ports: allocate }, 'lb'), {
    pool: maxPool(s.pips.length, allocate),
  });
  const more = {
    ...s,
    egress: ['lb'] as const,
    pips: [...s.pips, addressAfter(s.pips.at(-1)!, 1)],
    ports: largestAllocation(s.pips.length + 1, s.pool),
  };
  return [
    method === 'lb' && s.ports === allocate ? { ...allocated, status: 'in-use' } : allocated,
    counted('frontend-ip', portLoad(more, 'lb')),
  ];
}

function ilpipFix(method: Egress): Fix {
  if (method === 'ilpip') return design('ilpip', 'in-use');
  return design('ilpip', method === 'appservice' ? 'not-applicable' : 'design');
}

/** Pooling: the ports held become the connections open at once, against the same ports as the scenario's. */
function poolingFix(s: OutboundScenario, current: PortLoad): Fix {
  if (current.available === null) return design('pooling');
  const needed = Math.ceil(current.sharers * s.rate * s.life);
  const exhausted = needed > current.available ? 'yes' : 'no';
  return { fix: 'pooling', ports: current.available, needed, exhausted, status: exhausted === 'yes' ? 'exhausted' : 'fits' };
}

/** The address `step` after `ip` in its last octet (an added public IP, for the illustration). */
function addressAfter(ip: Ip, step: number): Ip {
  const parts = ip.text.split('.').map(Number);
  parts[3] = (parts[3]! + step) % 256;
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
