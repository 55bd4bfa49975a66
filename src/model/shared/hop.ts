import type { SocketAddress } from './ip.ts';

/**
 * Who sends or receives a packet in a flow: `client`, `backend` and the like, or an actor a
 * service declares in its own module (`lb`, `agw`, …). Display names live in content/i18n
 * (`actor.*`); the i18n test checks every actor the explorers draw has one.
 */
export type Actor = string;

/** Why a hop looks the way it does, declared by the service that sends it. Explanations live in content/i18n (`hopNote.*`). */
export type HopNote = string;

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

/**
 * The four packets of one flow through a service, by name: the request arriving at it and the one
 * it sends on, the reply arriving back and the one it returns to the client.
 */
export interface Packets<H extends Hop = Hop> {
  readonly requestIn: H;
  readonly requestOut: H;
  readonly replyIn: H;
  readonly replyOut: H;
}

/** The packets in travel order, for tables: request in, request out, reply in, reply out. */
export const inTravelOrder = <H extends Hop>(p: Packets<H>): H[] => [p.requestIn, p.requestOut, p.replyIn, p.replyOut];
