import { isPrivateAddress, socketAddress, type Ip } from '../shared/ip.ts';
import type { Packets } from '../shared/hop.ts';
import { flagParam, intParam, ipParam } from '../shared/params.ts';
import type { DataStage, ServiceModule, StageInput, StageOutput } from '../service.ts';

/**
 * A Private Link service in front of an internal Standard Load Balancer (SPEC §11, `pls`). The
 * consumer connects to its private endpoint in its own network; the service carries the connection
 * to the provider's Load Balancer from one of its NAT IPs, so the provider's backends see the NAT IP
 * as the source, never the consumer (private-link/private-link-service-overview). With TCP Proxy v2
 * on, the service puts a PROXY protocol v2 header in front of the stream that carries the
 * consumer's address and the private endpoint's LinkID. It works on addresses and streams only: no
 * X-Forwarded-For, and TLS passes through to the backend.
 */
export interface PrivateLinkSettings {
  /** The private endpoint's address in the consumer's network: what the consumer connects to. */
  readonly pe: Ip;
  /** A NAT IP of the Private Link service, in the provider's subnet: what the backends see. */
  readonly plsnat: Ip;
  /** The source port the NAT IP's connection uses (an example: the service picks it). */
  readonly plsport: number;
  /** TCP Proxy v2 on the Private Link service. */
  readonly proxy: boolean;
  /** The private endpoint's LinkID (an example), carried in the PROXY header's Private Link TLV. */
  readonly linkid: number;
}

/** The largest LinkID: a 32-bit unsigned number. */
const MAX_LINK_ID = 4_294_967_295;

const params = {
  pe: ipParam('10.1.0.5'),
  plsnat: ipParam('10.0.3.4'),
  plsport: intParam('43000', 1024, 65535),
  proxy: flagParam('0'),
  linkid: intParam('1234567', 0, MAX_LINK_ID),
};

/** The consumer's connection to the private endpoint, then the service's own from its NAT IP. */
export function privateLinkStage({ flow, front, target }: StageInput, c: PrivateLinkSettings): StageOutput {
  const nat = socketAddress(c.plsnat, c.plsport);
  const packets: Packets = {
    requestIn: { n: 1, from: 'client', to: 'pls', src: flow.from, dst: front, note: 'to-private-endpoint', session: 1 },
    requestOut: { n: 2, from: 'pls', to: 'backend', src: nat, dst: target, note: 'pls-nat', session: 1 },
    replyIn: { n: 3, from: 'backend', to: 'pls', src: target, dst: nat, note: 'reply-to-nat', session: 1 },
    replyOut: { n: 4, from: 'pls', to: 'client', src: front, dst: flow.from, note: 'pls-reverse', session: 1 },
  };
  // The header carries the consumer's address and port as the private endpoint accepted them, and the
  // LinkID (private-link-service-overview); where the consumer's own address is undocumented (Front
  // Door's managed network), so is the header's source.
  const proxy = c.proxy ? { source: flow.undocumented ? null : flow.from, linkId: c.linkid } : undefined;
  const { undocumented: _, ...known } = flow;
  const next = { ...known, from: nat, name: c.plsnat.text, ...(proxy ? { proxy } : {}) };
  // A private endpoint is reached from its own virtual network or a network connected to it, so a
  // consumer that connects to it first has a private address (private-endpoint-overview).
  const first = flow.name === flow.from.ip.text;
  const warnings =
    first && flow.from.ip.family === 4 && !isPrivateAddress(flow.from.ip)
      ? [{ packet: 'requestIn' as const, key: 'public-consumer', args: { source: flow.from.ip.text, pe: front.ip.text } }]
      : [];
  return { packets, next, warnings };
}

export const privateLinkService: ServiceModule<never, 'private-link'> = {
  id: 'private-link',
  stages: [
    {
      key: 'pls',
      kind: 'private-link',
      // The consumer connects from its own network; Front Door Premium reaches a Private Link origin.
      follows: ['client', 'global-proxy'],
      // A Private Link service fronts a Standard Load Balancer's frontend IP configuration.
      leadsTo: ['balancer'],
      frontend: { public: 'pe' },
      // The consumer's packets are addressed to its private endpoint, in the consumer's network; the
      // service itself is known in the provider's network by its NAT IP, the source its backends see.
      lane: (s) => s.plsnat.text,
      source: 'own',
      params,
      occupies: (s) => [
        { param: 'pe', ips: [s.pe] },
        { param: 'plsnat', ips: [s.plsnat] },
      ],
      run: privateLinkStage,
      sourceRole: () => ({ role: 'pls-nat', param: 'plsnat' }),
    } satisfies DataStage<PrivateLinkSettings>,
  ],
};
