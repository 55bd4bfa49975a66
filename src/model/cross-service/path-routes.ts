import { parseSubnet4, subnetContains, type Ip, type Subnet4 } from '../shared/ip.ts';
import type { DataStage } from '../service.ts';
import { nextHop, routesOf, type NextHop, type UserRoute } from '../shared/routes.ts';

/**
 * Routes on a path (SPEC §14): the next hop of every leg sent from inside the virtual network, and
 * the symmetry check of the replies. A stateful device (Azure Firewall, a virtual appliance) drops
 * a reply of a flow it never saw, and a reply that goes around it leaves it holding a flow that
 * never returns (integrate-lb; firewall-known-issues). Routing alone decides both, so both are
 * computed here from the reader's routes, never written per design.
 */

/** The subnet a leg leaves from: its key in `routes` and the parameter holding its prefix. */
export interface SenderSubnet {
  readonly subnet: string;
  readonly prefix: string;
}

/** The backends' subnet: the page's own (`bsubnet`), not a stage's. */
export const BACKEND_SUBNET: SenderSubnet = { subnet: 'backend', prefix: 'bsubnet' };
/** The firewall's subnet key: an appliance address inside it, or `fwpriv`, is the firewall. */
export const FIREWALL_SUBNET = 'fw';

/** What the route computation reads of the paths scenario. */
export interface RouteScenario {
  readonly vnet: Subnet4;
  readonly fwpriv: Ip;
  readonly routes: readonly UserRoute[];
  readonly [param: string]: unknown;
}

/** A leg as the route computation sees it (a `PathLeg`'s own fields). */
export interface RoutedLeg {
  readonly n: number;
  readonly sender: string;
  readonly receiver: string;
  readonly src: { readonly ip: Ip; readonly port: number };
  readonly dst: { readonly ip: Ip; readonly port: number };
}

/** A leg's next hop and the subnet whose routes decided it. */
export interface LegRoute {
  readonly leg: number;
  readonly subnet: string;
  readonly next: NextHop;
  /** Sent from a VM (a backend): Network Watcher next hop can check it. */
  readonly fromVm: boolean;
}

export interface RouteWarning {
  readonly leg: number;
  /** The `data-warning` code (`asymmetric`, `route-needed`, …). */
  readonly key: string;
  /** The message's i18n key under `path.warning.` (the code, unless one code has several messages). */
  readonly message: string;
  readonly args: Readonly<Record<string, string>>;
}

export interface RouteAnalysis {
  readonly legs: readonly LegRoute[];
  readonly warnings: readonly RouteWarning[];
  /** The user routes a firewall reached by route needs, whether given or not (`given`). */
  readonly needed: readonly { readonly route: string; readonly given: boolean }[];
  /** Legs that do not reach their receiver: where the route sends them instead (a stage key, or `appliance`). */
  readonly astray: ReadonlyMap<number, string>;
  /**
   * Legs the flow never takes, because an earlier leg did not go where the chain meant it to: those a
   * stage sends that the flow went around (a firewall's legs when no route sends the traffic to it),
   * and every leg after a packet that is dropped (a route to None, a reply a stateful device drops).
   */
  readonly untaken: ReadonlySet<number>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a stage's settings are its own
type Stage = { readonly key: string; readonly data: DataStage<any> };

/**
 * The next hop of every leg sent from a subnet (a backend, or a stage that declares `sendsFrom`),
 * and the warnings the routes imply: a reply that reaches a stateful device the request did not pass
 * or skips one it did (`asymmetric`), a firewall reached by route that the request never reaches
 * (`route-needed`), a user route to None (`no-route`), and a default route to an appliance on the
 * Application Gateway's subnet (`agw-default-route`).
 */
export function routeLegs(
  s: RouteScenario,
  request: readonly RoutedLeg[],
  reply: readonly RoutedLeg[],
  stages: readonly Stage[],
): RouteAnalysis {
  const stageOf = (key: string) => stages.find((stage) => stage.key === key)?.data;
  const subnetOf = (key: string): SenderSubnet | undefined => (key === 'backend' ? BACKEND_SUBNET : stageOf(key)?.sendsFrom);
  const prefixOf = (from: SenderSubnet) => s[from.prefix] as Subnet4;
  // A device reached by route: a stage nobody addresses that sits in a subnet of its own (the
  // firewall by route). AKS's node is not addressed either, but the Load Balancer's rule delivers
  // to it, and a pod's reply to it is addressed to it: no route decides whether it gets there.
  const routed = (key: string) => stageOf(key)?.frontend === 'routed' && stageOf(key)?.sendsFrom !== undefined;
  const firewall = stages.find((stage) => stage.data.sendsFrom?.subnet === FIREWALL_SUBNET);
  const firewallPrefix = firewall ? prefixOf(firewall.data.sendsFrom!) : undefined;
  /** Who an appliance address is: the chain's firewall, or an appliance outside the chain. */
  const device = (ip: Ip): string =>
    firewall && (ip.text === s.fwpriv.text || subnetContains(firewallPrefix!, ip)) ? firewall.key : 'appliance';
  /** The prefix a destination is known by in a route: the scenario's subnet holding it, or the address alone. */
  const prefixFor = (ip: Ip): string => {
    const holder = [BACKEND_SUBNET, ...stages.flatMap((stage) => (stage.data.sendsFrom ? [stage.data.sendsFrom] : []))].find((from) =>
      subnetContains(prefixOf(from), ip),
    );
    return holder ? prefixOf(holder).text : `${ip.text}/32`;
  };
  /** Who owns an address on the path: the first sender of a request leg from it. */
  const ownerOf = (ip: Ip): string => request.find((leg) => leg.src.ip.text === ip.text)?.sender ?? 'client';

  const legs: LegRoute[] = [];
  const warnings: RouteWarning[] = [];
  const astray = new Map<number, string>();
  /** Where each leg sent from a subnet goes first: its receiver, a device a route puts in the way, or `around` a routed receiver. */
  const reaches = new Map<number, string>();
  /** Legs whose packet goes no further: a route to None, or a reply a stateful device drops. */
  const dropped = new Set<number>();
  for (const leg of [...request, ...reply]) {
    const from = subnetOf(leg.sender);
    const next = from && nextHop(s.vnet, routesOf(s.routes, from.subnet), leg.dst.ip);
    if (!from || !next) continue;
    legs.push({ leg: leg.n, subnet: from.subnet, next, fromVm: leg.sender === 'backend' });
    if (next.type === 'None') {
      // A system None route is this scenario's lack of peering or a gateway, not the reader's choice: shown, not flagged.
      // The walk ends there only for the reader's None route, which is flagged (a client behind
      // peering or a VPN is reached in reality, by routes this page does not model).
      if (next.route.source === 'user') {
        warnings.push(warning(leg.n, 'no-route', { prefix: next.route.prefix.text }));
        dropped.add(leg.n);
      }
      reaches.set(leg.n, 'none');
    } else if (next.type === 'VirtualAppliance') {
      reaches.set(leg.n, device(next.hop!));
    } else {
      // Delivered to its destination: a routed receiver only when the destination is its own address.
      const own = routed(leg.receiver) && firewallPrefix && subnetContains(firewallPrefix, leg.dst.ip);
      reaches.set(leg.n, routed(leg.receiver) && !own ? 'around' : leg.receiver);
    }
  }

  const fixArgs = (leg: RoutedLeg) => ({ prefix: prefixFor(leg.dst.ip), firewall: s.fwpriv.text });
  /** Devices a route put in the request's way (not its receivers), by the leg that passed each. */
  const passed = new Map<string, RoutedLeg>();
  for (const leg of request) {
    const to = reaches.get(leg.n);
    if (to === undefined || to === leg.receiver || to === 'none') continue;
    if (routed(leg.receiver)) {
      warnings.push(warning(leg.n, 'route-needed', fixArgs(leg)));
      astray.set(leg.n, ownerOfNext(request, leg));
    } else if (to !== 'around' && !passed.has(to)) passed.set(to, leg);
  }
  const hopOf = (n: number) => legs.find((leg) => leg.leg === n)?.next.hop?.text ?? s.fwpriv.text;
  const back = new Set<string>();
  for (const leg of reply) {
    const to = reaches.get(leg.n);
    if (to === undefined || to === 'none') continue;
    if (to !== leg.receiver) back.add(to);
    if (to === leg.receiver) continue;
    if (routed(leg.receiver)) {
      // The reply is addressed past the firewall and nothing routes it there: it skips the firewall.
      // When the request went around the firewall too, the flow is symmetric without it: the reply
      // needs its route as the request does, and nothing drops it.
      const around = request.some((r) => r.receiver === leg.receiver && astray.has(r.n));
      warnings.push(warning(leg.n, around ? 'route-needed' : 'asymmetric', fixArgs(leg)));
      astray.set(leg.n, ownerOf(leg.dst.ip));
    } else if (!passed.has(to)) {
      // A route sends the reply to a stateful device the request never passed: it drops the reply.
      warnings.push({ ...warning(leg.n, 'asymmetric', { ...fixArgs(leg), hop: hopOf(leg.n) }), message: 'asymmetric-reaches' });
      astray.set(leg.n, to);
      dropped.add(leg.n);
    }
  }
  // A device the request passed by route and no reply comes back through: the replies skip it.
  for (const [device, out] of passed) {
    if (back.has(device)) continue;
    // Its reply is the mirror leg; when the platform sends that one (a Load Balancer), the leg before it.
    const mirror = reply.find((r) => r.sender === out.receiver && r.receiver === out.sender);
    const leg = mirror && (reaches.has(mirror.n) ? mirror : reply.find((r) => r.n === mirror.n - 1 && reaches.has(r.n)));
    if (leg) warnings.push({ ...warning(leg.n, 'asymmetric', { ...fixArgs(leg), hop: hopOf(out.n) }), message: 'asymmetric-skips' });
  }

  // The Application Gateway subnet's default route to an appliance: not supported for v2 (configuration-infrastructure).
  const gateway = stages.find((stage) => stage.data.sendsFrom?.subnet === 'agw');
  const defaultRoute = routesOf(s.routes, 'agw').find((route) => route.prefix.prefix === 0 && route.type === 'VirtualAppliance');
  if (gateway && defaultRoute) {
    const leg = [...reply].reverse().find((r) => r.sender === gateway.key);
    if (leg) warnings.push(warning(leg.n, 'agw-default-route', { hop: defaultRoute.hop!.text }));
  }
  warnings.sort((a, b) => a.leg - b.leg);
  const untaken = untakenLegs(request, reply, astray, dropped);
  // A leg no packet takes cannot go astray; an unsupported route stays flagged wherever it sits.
  const kept = warnings.filter((w) => !untaken.has(w.leg) || w.key === 'agw-default-route');
  return { legs, warnings: kept, needed: neededRoutes(s, request, subnetOf, prefixOf, routed, fixArgs), astray, untaken };
}

/**
 * The walk as the packets really go: a leg is taken only if its sender is where the flow is, which
 * is the receiver of the last leg taken (or where a route sent it instead); a dropped packet ends
 * the walk, and the reply starts only if the request reached the backend.
 */
function untakenLegs(
  request: readonly RoutedLeg[],
  reply: readonly RoutedLeg[],
  astray: ReadonlyMap<number, string>,
  dropped: ReadonlySet<number>,
): Set<number> {
  const untaken = new Set<number>();
  const walk = (legs: readonly RoutedLeg[], start: string): string => {
    let at = start;
    for (const leg of legs) {
      if (leg.sender !== at) untaken.add(leg.n);
      else at = dropped.has(leg.n) ? '' : (astray.get(leg.n) ?? leg.receiver);
    }
    return at;
  };
  const end = walk(request, 'client');
  walk(reply, end === 'backend' ? 'backend' : '');
  return untaken;
}

const warning = (leg: number, key: string, args: Record<string, string>): RouteWarning => ({ leg, key, message: key, args });

/** Where a request leg to a routed stage really goes without the route: the receiver of the leg after it. */
const ownerOfNext = (request: readonly RoutedLeg[], leg: RoutedLeg): string =>
  request.find((r) => r.n === leg.n + 1)?.receiver ?? leg.receiver;

/**
 * The user routes a firewall reached by route needs: on the subnet of the stage before it, the
 * destination's prefix to the firewall; and, when the firewall keeps the source (a network rule to
 * a private address), on the destination's subnet the sender's prefix to the firewall, so the reply
 * comes back through it (Architecture Center, "Firewall and Application Gateway for virtual networks").
 */
function neededRoutes(
  s: RouteScenario,
  request: readonly RoutedLeg[],
  subnetOf: (key: string) => SenderSubnet | undefined,
  prefixOf: (from: SenderSubnet) => Subnet4,
  routed: (key: string) => boolean,
  fixArgs: (leg: RoutedLeg) => { prefix: string; firewall: string },
): { route: string; given: boolean }[] {
  const needed: string[] = [];
  for (const into of request.filter((leg) => routed(leg.receiver))) {
    const before = subnetOf(into.sender);
    const out = request.find((leg) => leg.n === into.n + 1);
    if (!before || !out) continue;
    needed.push(`${before.subnet}:${fixArgs(into).prefix}=${s.fwpriv.text}`);
    const after = subnetOf(out.receiver);
    if (after && out.src.ip.text === into.src.ip.text) needed.push(`${after.subnet}:${prefixOf(before).text}=${s.fwpriv.text}`);
  }
  const given = (text: string) => {
    const [subnet, rest] = text.split(':') as [string, string];
    const [prefix, hop] = rest.split('=') as [string, string];
    return s.routes.some((route) => route.subnet === subnet && route.prefix.text === parseSubnet4(prefix)?.text && route.hop?.text === hop);
  };
  return needed.map((route) => ({ route, given: given(route) }));
}
