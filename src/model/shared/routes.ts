import { parseIp, parseSubnet4, subnetContains, type Ip, type Subnet4 } from './ip.ts';
import { fail, type ParamSpec, type Parsed, type Rule } from './params.ts';

/**
 * Routes (SPEC §14): which next hop a packet leaving a subnet takes. Azure gives every subnet the
 * same system routes and adds the reader's user-defined routes (a route table on the subnet); the
 * route whose prefix matches the destination longest wins, and on an equal prefix a user route
 * beats a system route (virtual-networks-udr-overview, "How Azure selects a route").
 */

/** The next hop types this guide computes (Azure's own names, as Network Watcher next hop prints them). */
export type NextHopType = 'VirtualNetwork' | 'Internet' | 'VirtualAppliance' | 'None';

export interface Route {
  readonly prefix: Subnet4;
  readonly type: NextHopType;
  /** The appliance's address, for `VirtualAppliance`. */
  readonly hop?: Ip;
  readonly source: 'system' | 'user';
}

/** A user route on one of the scenario's subnets (`backend`, `agw`, `fw`). */
export interface UserRoute extends Route {
  readonly subnet: string;
  readonly source: 'user';
}

/** The route that decided a packet's next hop. */
export interface NextHop {
  readonly type: NextHopType;
  readonly hop?: Ip;
  readonly route: Route;
}

// Learn: virtual-networks-udr-overview, "Default" system routes, 2026-12-07: the virtual network's
// space → Virtual network, 0.0.0.0/0 → Internet, and these four → None (RFC 1918, RFC 6598) unless
// the space itself uses them.
const NONE_PREFIXES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'];

const cidr = (text: string): Subnet4 => parseSubnet4(text)!;

/** Whether subnet `inner` lies inside `outer` (equal counts). */
export const subnetWithin = (outer: Subnet4, inner: Subnet4): boolean =>
  inner.prefix >= outer.prefix && subnetContains(outer, inner.network);

/**
 * The system routes of every subnet of a virtual network with address space `vnet`. A None range
 * the space already uses (a space of 10.0.0.0/8 itself) becomes the Virtual network route instead.
 */
export function systemRoutes(vnet: Subnet4): readonly Route[] {
  // Every leg of an edit asks for the same space's routes: computed once per space.
  const known = SYSTEM_ROUTES.get(vnet.text);
  if (known) return known;
  const routes = computeSystemRoutes(vnet);
  if (SYSTEM_ROUTES.size > 64) SYSTEM_ROUTES.clear();
  SYSTEM_ROUTES.set(vnet.text, routes);
  return routes;
}

const SYSTEM_ROUTES = new Map<string, readonly Route[]>();
const NONE_RANGES = NONE_PREFIXES.map(cidr);

function computeSystemRoutes(vnet: Subnet4): Route[] {
  const none = NONE_RANGES.filter((prefix) => !subnetWithin(vnet, prefix)).map((prefix): Route => ({
    prefix,
    type: 'None',
    source: 'system',
  }));
  return [
    { prefix: vnet, type: 'VirtualNetwork', source: 'system' },
    { prefix: cidr('0.0.0.0/0'), type: 'Internet', source: 'system' },
    ...none,
  ];
}

/**
 * The next hop of a packet to `destination` leaving a subnet with these user routes: the longest
 * matching prefix; on an equal prefix the user route. Null for an IPv6 destination (the routes of
 * this guide are IPv4).
 */
export function nextHop(vnet: Subnet4, userRoutes: readonly Route[], destination: Ip): NextHop | null {
  if (destination.family !== 4) return null;
  let best: Route | null = null;
  for (const route of [...userRoutes, ...systemRoutes(vnet)]) {
    if (!subnetContains(route.prefix, destination)) continue;
    // User routes come first, so a later system route replaces one only with a longer prefix.
    if (!best || route.prefix.prefix > best.prefix.prefix) best = route;
  }
  return best && { type: best.type, ...(best.hop ? { hop: best.hop } : {}), route: best };
}

/** A subnet's user routes. */
export const routesOf = (routes: readonly UserRoute[], subnet: string): UserRoute[] => routes.filter((route) => route.subnet === subnet);

/** This page's limit, a design's worth like its other lists (not Azure's limit per route table). */
export const MAX_ROUTES = 16;
/** Long enough for 16 routes written out; longer text is refused before it is looked at. */
const MAX_ROUTES_TEXT = 16 * 48;

/** How a route is written in `routes`: `subnet:prefix=hop`. */
export const routeText = (route: UserRoute): string =>
  `${route.subnet}:${route.prefix.text}=${route.type === 'VirtualAppliance' ? route.hop!.text : route.type === 'Internet' ? 'internet' : 'none'}`;

/**
 * The `routes` parameter: a comma list of `subnet:prefix=hop`, `subnet` one of `subnets`, `prefix` an
 * IPv4 CIDR block, `hop` an IPv4 appliance address, `internet` or `none`; at most 16, one route per
 * subnet and prefix (Azure's route table holds one). Each error names the route by its place.
 */
export function routesParam(subnets: readonly string[]): ParamSpec<readonly UserRoute[]> {
  const refuse = (rule: Rule): Parsed<never> => fail({ ...rule, subnets: subnets.join(', '), max: MAX_ROUTES });
  return {
    default: '',
    optional: true,
    parse(text) {
      if (text.trim() === '') return { ok: true, value: [] };
      const items = text.split(',').map((item) => item.trim());
      if (text.length > MAX_ROUTES_TEXT || items.length > MAX_ROUTES) return refuse({ code: 'route-count' });
      const routes: UserRoute[] = [];
      for (const [index, item] of items.entries()) {
        const parsed = parseRoute(item, subnets);
        if ('code' in parsed) return refuse({ ...parsed, index: index + 1 });
        if (routes.some((route) => route.subnet === parsed.subnet && route.prefix.text === parsed.prefix.text)) {
          return refuse({ code: 'route-duplicate', index: index + 1 });
        }
        routes.push(parsed);
      }
      return { ok: true, value: routes };
    },
  };
}

/** One route, or the rule it breaks (its message names the route's place in the list). */
function parseRoute(item: string, subnets: readonly string[]): UserRoute | Rule {
  const match = /^([a-z]{1,16}):([0-9./]{1,18})=([0-9a-z.]{1,15})$/.exec(item.toLowerCase());
  if (!match) return { code: 'route-item' };
  const [, subnet, prefixText, hopText] = match as unknown as [string, string, string, string];
  if (!subnets.includes(subnet)) return { code: 'route-subnet' };
  const prefix = parseSubnet4(prefixText);
  if (!prefix) return { code: 'route-prefix' };
  if (hopText === 'internet' || hopText === 'none') {
    return { subnet, prefix, type: hopText === 'internet' ? 'Internet' : 'None', source: 'user' };
  }
  const hop = parseIp(hopText);
  if (!hop || hop.family !== 4) return { code: 'route-hop' };
  return { subnet, prefix, type: 'VirtualAppliance', hop, source: 'user' };
}
