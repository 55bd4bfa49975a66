import { socketAddress, type Ip } from './ip.ts';
import { inTravelOrder, type Hop, type Packets } from './hop.ts';
import { cidr4Param, intParam, ipParam } from './params.ts';
import { subnetContains, type Subnet4 } from './ip.ts';
import type { DataStage, ServiceModule, StageInput, StageOutput } from './service.ts';

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
export const firewallService: ServiceModule<never, 'firewall'> = {
  id: 'firewall',
  stage: {
    key: 'fw',
    kind: 'firewall',
    follows: ['client', 'dns', 'global-proxy'],
    frontend: { public: 'fwip' },
    params: {
      fwip: ipParam('198.51.100.70'),
      fwsnat: ipParam('10.0.2.6'),
      fwport: intParam('42000', 1024, 65535),
      fwsubnet: cidr4Param('10.0.2.0/26'),
    },
    check: (s) => (subnetContains(s.fwsubnet, s.fwsnat) ? [] : [{ param: 'fwsnat', rule: { code: 'inside-subnet', other: 'fwsubnet' } }]),
    occupies: (s) => [{ param: 'fwsnat', ips: [s.fwsnat] }],
    run: firewallStage,
  } satisfies DataStage<FirewallStageSettings>,
};
