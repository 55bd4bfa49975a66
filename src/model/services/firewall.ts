import { socketAddress, type Ip } from '../shared/ip.ts';
import { inTravelOrder, type Hop, type Packets } from '../shared/hop.ts';
import { cidr4Param, enumParam, intParam, ipParam, type ParamError } from '../shared/params.ts';
import { isPrivateAddress, subnetContains, type Subnet4 } from '../shared/ip.ts';
import type { DataStage, ServiceModule, StageInput, StageOutput, StageSource } from '../service.ts';

/**
 * Azure Firewall with a DNAT rule (SPEC §9, `fw`): a connection to the firewall's public IP is
 * translated to the rule's target, and, to keep routing symmetric, its source becomes one of the
 * firewall's private instance addresses in AzureFirewallSubnet (firewall-known-issues, "SNAT on
 * inbound connections"). It works on addresses only and adds no X-Forwarded-For.
 */
export interface FirewallScenario {
  readonly client: Ip;
  readonly cport: number;
  /** The firewall's public IP: the DNAT rule's destination. */
  readonly fwip: Ip;
  readonly port: number;
  /** The instance address the translated connection comes from (an example in AzureFirewallSubnet). */
  readonly fwsnat: Ip;
  readonly fwport: number;
  /** The DNAT rule's translated address and port. */
  readonly target: Ip;
  readonly tport: number;
}

/** The four packets of one connection through a firewall DNAT rule, by name. */
export function firewallPackets(s: FirewallScenario): Packets {
  const client = socketAddress(s.client, s.cport);
  const frontend = socketAddress(s.fwip, s.port);
  const instance = socketAddress(s.fwsnat, s.fwport);
  const target = socketAddress(s.target, s.tport);
  return {
    requestIn: { n: 1, from: 'client', to: 'fw', src: client, dst: frontend, note: 'to-firewall', session: 1 },
    requestOut: { n: 2, from: 'fw', to: 'backend', src: instance, dst: target, note: 'dnat-snat', session: 1 },
    replyIn: { n: 3, from: 'backend', to: 'fw', src: target, dst: instance, note: 'reply-to-firewall', session: 1 },
    replyOut: { n: 4, from: 'fw', to: 'client', src: frontend, dst: client, note: 'firewall-reverse', session: 1 },
  };
}

/** The four packets in travel order. */
export const firewallHops = (s: FirewallScenario): Hop[] => inTravelOrder(firewallPackets(s));

/** A firewall stage's settings on the paths page: its subnet as well, which NSG rules must name. */
interface FirewallStageSettings extends Pick<FirewallScenario, 'fwip' | 'fwsnat' | 'fwport'> {
  /** AzureFirewallSubnet: the instances' addresses come from it, and scale out within it. */
  readonly fwsubnet: Subnet4;
}

/**
 * A firewall stage: DNAT to the next stage, SNAT to an instance address; the flow keeps its headers
 * and certificate. An NSG behind it names the source by AzureFirewallSubnet, not one instance's
 * address: the firewall scales out, and each instance translates from its own address.
 */
export function firewallStage(
  { flow, front, target }: StageInput,
  c: Pick<FirewallStageSettings, 'fwsnat' | 'fwport' | 'fwsubnet'>,
): StageOutput {
  const packets = firewallPackets({
    client: flow.from.ip,
    cport: flow.from.port,
    fwip: front.ip,
    port: front.port,
    fwsnat: c.fwsnat,
    fwport: c.fwport,
    target: target.ip,
    tport: target.port,
  });
  return { packets, next: { ...flow, from: packets.requestOut.src, name: c.fwsubnet.text } };
}

/** The firewall appears in the guide only as a stage of a chain (it has no page of its own yet). */
/** The firewall's instance address, port and subnet, shared by its DNAT rule and its route. */
const fwsnat = ipParam('10.0.2.6');
const fwport = intParam('42000', 1024, 65535);
const fwsubnet = cidr4Param('10.0.2.0/26');

/** The instance address comes from AzureFirewallSubnet, whichever way the firewall is reached. */
const checkInstance = (s: Pick<FirewallStageSettings, 'fwsnat' | 'fwsubnet'>): ParamError[] =>
  subnetContains(s.fwsubnet, s.fwsnat) ? [] : [{ param: 'fwsnat', rule: { code: 'inside-subnet', other: 'fwsubnet' } }];

/** The instance address a path may not give to anything else. */
const instanceAddress = (s: Pick<FirewallStageSettings, 'fwsnat'>) => [{ param: 'fwsnat', ips: [s.fwsnat] }];

/** A translated connection comes from an instance's address in AzureFirewallSubnet; the firewall scales out, so any of it. */
const instanceSource = (s: Pick<FirewallStageSettings, 'fwsubnet'>): StageSource => ({
  role: 'fw-instance',
  param: 'fwsnat',
  range: { param: 'fwsubnet', subnet: s.fwsubnet },
});

/** The rule collection that allows the traffic when the firewall is reached by route. */
export const FIREWALL_RULES = ['network', 'app'] as const;
export type FirewallRule = (typeof FIREWALL_RULES)[number];

interface FirewallRouteSettings extends Pick<FirewallStageSettings, 'fwsnat' | 'fwport' | 'fwsubnet'> {
  readonly fwrule: FirewallRule;
  /** The firewall's private IP, the next hop the routes name (the paths page's `fwpriv`, SPEC §14). */
  readonly fwpriv?: Ip;
}

/** Whether a firewall reached by route translates the source toward `target`. */
const routeTranslates = (c: Pick<FirewallRouteSettings, 'fwrule'>, target: Ip): boolean => c.fwrule === 'app' || !isPrivateAddress(target);

/**
 * A firewall a route puts between a gateway and its backends (SPEC §11, `fwr`; Architecture Center,
 * "Firewall and Application Gateway for virtual networks", Application Gateway before Firewall). The
 * packets are addressed to the backend; the firewall inspects them on the way. A network rule does
 * not translate traffic to a private destination (firewall/snat-private-range: "By default, Azure
 * Firewall doesn't SNAT with Network rules when the destination IP address is in a private IP address
 * range"), so the backend sees the gateway's instance, and its reply must be routed back through
 * the firewall by a route on the backend's subnet, or it reaches the gateway around the firewall.
 * An application rule always translates (a transparent proxy): the backend sees a firewall
 * instance, and the reply comes back to the firewall by itself.
 */
export function firewallRouteStage({ flow, target }: StageInput, c: FirewallRouteSettings): StageOutput {
  const snat = routeTranslates(c, target.ip);
  const from = snat ? socketAddress(c.fwsnat, c.fwport) : flow.from;
  const packets: Packets = {
    requestIn: { n: 1, from: 'client', to: 'fw', src: flow.from, dst: target, note: 'routed-to-firewall', session: 1 },
    requestOut: { n: 2, from: 'fw', to: 'backend', src: from, dst: target, note: snat ? 'firewall-snat' : 'firewall-no-snat', session: 1 },
    replyIn: { n: 3, from: 'backend', to: 'fw', src: target, dst: from, note: snat ? 'reply-to-firewall' : 'reply-by-route', session: 1 },
    replyOut: { n: 4, from: 'fw', to: 'client', src: target, dst: flow.from, note: 'firewall-reply-on', session: 1 },
  };
  const next = snat ? { ...flow, from, name: c.fwsubnet.text } : flow;
  // Without SNAT the reply is addressed to the sender's own network: only a route sends it back
  // through the firewall. The paths page computes that from the routes (SPEC §14, path-routes.ts).
  return { packets, next };
}

export const firewallService: ServiceModule<never, 'firewall'> = {
  id: 'firewall',
  stages: [
    {
      key: 'fw',
      kind: 'firewall',
      follows: ['client', 'dns', 'global-proxy'],
      frontend: { public: 'fwip' },
      sendsFrom: { subnet: 'fw', prefix: 'fwsubnet' },
      // A DNAT rule translates the source as well, to an instance of the firewall.
      source: 'own',
      params: { fwip: ipParam('198.51.100.70'), fwsnat, fwport, fwsubnet },
      check: checkInstance,
      occupies: instanceAddress,
      run: firewallStage,
      sourceRole: instanceSource,
    } satisfies DataStage<FirewallStageSettings>,
    {
      key: 'fwr',
      kind: 'routed-firewall',
      follows: ['regional-proxy'],
      frontend: 'routed',
      sendsFrom: { subnet: 'fw', prefix: 'fwsubnet' },
      // Nothing is addressed to it: its lane shows its private IP, the address the routes send the
      // traffic to (AzureFirewallSubnet's prefix is a range, not a device).
      lane: (s) => (s.fwpriv ?? s.fwsubnet).text,
      source: (s, target) => (routeTranslates(s, target) ? 'own' : 'kept'),
      params: { fwrule: enumParam<FirewallRule>('network', FIREWALL_RULES), fwsnat, fwport, fwsubnet },
      check: checkInstance,
      occupies: instanceAddress,
      run: firewallRouteStage,
      sourceRole: instanceSource,
    } satisfies DataStage<FirewallRouteSettings>,
  ],
};
