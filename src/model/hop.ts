/** Who sends or receives a packet in a flow. Display names live in content/i18n (`actor.*`). */
export type Actor = 'client' | 'lb' | 'backend' | 'agw' | 'instance' | 'resolver' | 'tm' | 'endpoint' | 'fd' | 'edge' | 'origin' | 'fw';

/** Why a hop looks the way it does. Explanations live in content/i18n (`hopNote.*`). */
export type HopNote =
  | 'to-frontend'
  | 'dnat'
  | 'dnat-floating'
  | 'reply-to-client'
  | 'reply-floating'
  | 'reverse-nat'
  | 'to-listener'
  | 'proxy-new-session'
  | 'proxy-reply'
  | 'proxy-response'
  | 'direct-request'
  | 'direct-reply'
  | 'to-edge'
  | 'edge-to-origin'
  | 'origin-reply'
  | 'edge-response'
  | 'to-firewall'
  | 'dnat-snat'
  | 'reply-to-firewall'
  | 'firewall-reverse';

import type { SocketAddress } from './ip.ts';

/** One packet on the wire, in travel order (`n` is 1-based). */
export interface Hop {
  readonly n: number;
  readonly from: Actor;
  readonly to: Actor;
  readonly src: SocketAddress;
  readonly dst: SocketAddress;
  readonly note: HopNote;
  /** Which TCP session carries it: 1 = the client's; 2 = a proxy's own session to the backend. */
  readonly session: 1 | 2;
}
