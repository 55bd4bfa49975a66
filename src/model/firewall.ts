import { ipPort, type Ip } from './ip.ts';
import type { Hop } from './hop.ts';

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
  const client = ipPort(s.client, s.cport);
  const frontend = ipPort(s.fwip, s.port);
  const instance = ipPort(s.fwsnat, s.fwport);
  const target = ipPort(s.target, s.tport);
  return [
    { n: 1, from: 'client', to: 'fw', src: client, dst: frontend, note: 'to-firewall', session: 1 },
    { n: 2, from: 'fw', to: 'backend', src: instance, dst: target, note: 'dnat-snat', session: 1 },
    { n: 3, from: 'backend', to: 'fw', src: target, dst: instance, note: 'reply-to-firewall', session: 1 },
    { n: 4, from: 'fw', to: 'client', src: frontend, dst: client, note: 'firewall-reverse', session: 1 },
  ];
}
