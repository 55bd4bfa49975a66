import type { Actor } from '../shared/hop.ts';

/** How the gateway's listener and backend settings handle TLS (SPEC §2 `tls`). */
export const TLS_MODES = ['offload', 'e2e', 'mtls-strict', 'mtls-passthrough'] as const;
export type TlsMode = (typeof TLS_MODES)[number];

/** What a client certificate is on one leg: asked for or not, checked or not, or carried in a header. */
export type LegCertificate = 'not-requested' | 'validated' | 'unvalidated' | 'absent' | 'header';

/** One leg of an Application Gateway request and the TLS on it. */
export interface TlsLeg {
  /** The TCP session that carries the leg (as on the hops). */
  readonly session: 1 | 2;
  readonly from: Actor;
  /** Where the leg's TLS ends, when it has TLS. */
  readonly to: Actor;
  readonly encrypted: boolean;
  readonly certificate: LegCertificate;
}

/** The mutual-authentication modes: the gateway asks the client for a certificate. */
const isMutual = (tls: TlsMode): boolean => tls === 'mtls-strict' || tls === 'mtls-passthrough';

/**
 * The TLS picture of each `tls` mode. The client's TLS always ends at the gateway; the backend
 * leg is a new session: plain HTTP with offload, a new TLS handshake otherwise (the mutual
 * authentication modes are shown with TLS to the backend, as with e2e). The gateway never
 * presents the client's certificate to the backend; at most it copies it into a header.
 */
export function tlsLegs(tls: TlsMode): TlsLeg[] {
  const front: LegCertificate = tls === 'mtls-strict' ? 'validated' : tls === 'mtls-passthrough' ? 'unvalidated' : 'not-requested';
  return [
    { session: 1, from: 'client', to: 'agw', encrypted: true, certificate: front },
    { session: 2, from: 'instance', to: 'backend', encrypted: tls !== 'offload', certificate: isMutual(tls) ? 'header' : 'absent' },
  ];
}
