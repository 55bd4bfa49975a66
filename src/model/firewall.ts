import { socketAddress, type Ip } from './ip.ts';
import type { Hop } from './hop.ts';
import type { StageInput, StageOutput } from './service.ts';

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

/** The four packets of one connection through a firewall DNAT rule, in the explorers' hop form. */
export function firewallHops(s: FirewallScenario): Hop[] {
  const client = socketAddress(s.client, s.cport);
  const frontend = socketAddress(s.fwip, s.port);
  const instance = socketAddress(s.fwsnat, s.fwport);
  const target = socketAddress(s.target, s.tport);
  return [
    { n: 1, from: 'client', to: 'fw', src: client, dst: frontend, note: 'to-firewall', session: 1 },
    { n: 2, from: 'fw', to: 'backend', src: instance, dst: target, note: 'dnat-snat', session: 1 },
    { n: 3, from: 'backend', to: 'fw', src: target, dst: instance, note: 'reply-to-firewall', session: 1 },
    { n: 4, from: 'fw', to: 'client', src: frontend, dst: client, note: 'firewall-reverse', session: 1 },
  ];
}

/** A firewall stage: DNAT to the next stage, SNAT to an instance address; the flow keeps its headers and certificate. */
export function firewallStage({ flow, front, target }: StageInput, c: Pick<FirewallScenario, 'fwsnat' | 'fwport'>): StageOutput {
  const hops = firewallHops({
    client: flow.from.ip,
    cport: flow.from.port,
    fwip: front.ip,
    port: front.port,
    fwsnat: c.fwsnat,
    fwport: c.fwport,
    target: target.ip,
    tport: target.port,
  });
  return { hops, next: { ...flow, from: hops[1]!.src, name: hops[1]!.src.ip.text } };
}
