import type { Actor } from './hop.ts';
import { readScenario, type ParamSpecs, type RawParams, type ScenarioResult } from './params.ts';
import { applicationGatewayParams, type TlsMode } from './application-gateway.ts';

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

const MUTUAL: Record<TlsMode, boolean> = { offload: false, e2e: false, 'mtls-strict': true, 'mtls-passthrough': true };

/**
 * The TLS picture of each `tls` mode. The client's TLS always ends at the gateway; the backend
 * leg is a new session: plain HTTP with offload, a new TLS handshake otherwise (the mutual
 * authentication modes are shown with TLS to the backend, as with e2e). The gateway never
 * presents the client's certificate to the backend; at most it copies it into a header.
 */
export function tlsLegs(tls: TlsMode): TlsLeg[] {
  const mutual = MUTUAL[tls];
  const front: LegCertificate = tls === 'mtls-strict' ? 'validated' : tls === 'mtls-passthrough' ? 'unvalidated' : 'not-requested';
  return [
    { session: 1, from: 'client', to: 'agw', encrypted: true, certificate: front },
    { session: 2, from: 'instance', to: 'backend', encrypted: tls !== 'offload', certificate: mutual ? 'header' : 'absent' },
  ];
}

/** Whether the client's certificate reaches the backend: in its own TLS handshake, only as a header, or not at all. */
export type CertReach = 'yes' | 'no' | 'header';

export type Service = 'load-balancer' | 'application-gateway' | 'traffic-manager' | 'front-door';

export interface CertificateRow {
  readonly service: Service;
  /** Where the client's TLS session ends. */
  readonly tlsEndsAt: Actor;
  readonly reaches: CertReach;
  /** Who checks the certificate against a trusted CA; `nobody` when none is asked for. */
  readonly validatedBy: Actor | 'nobody';
}

/**
 * The three services side by side (SPEC §3, client certificate). Load Balancer forwards packets
 * without terminating TLS, and Traffic Manager only answers DNS, so in both the client's TLS
 * handshake, certificate included, is with the server itself.
 */
export function certificateRows(tls: TlsMode): CertificateRow[] {
  const backendLeg = tlsLegs(tls)[1]!;
  const validatedBy = tls === 'mtls-strict' ? 'agw' : tls === 'mtls-passthrough' ? 'backend' : 'nobody';
  return [
    { service: 'load-balancer', tlsEndsAt: 'backend', reaches: 'yes', validatedBy: 'backend' },
    {
      service: 'application-gateway',
      tlsEndsAt: 'agw',
      reaches: backendLeg.certificate === 'header' ? 'header' : 'no',
      validatedBy,
    },
    { service: 'traffic-manager', tlsEndsAt: 'endpoint', reaches: 'yes', validatedBy: 'endpoint' },
    // Front Door ends TLS at the edge. Its mutual TLS (Premium, public preview since August 2026)
    // can forward the certificate as a header; without it, nothing reaches the origin.
    { service: 'front-door', tlsEndsAt: 'fd', reaches: 'no', validatedBy: 'nobody' },
  ];
}

/** The certificate explorer's scenario is only the gateway's TLS mode. */
export interface ClientCertificateScenario {
  readonly tls: TlsMode;
}

export const clientCertificateParams: ParamSpecs<ClientCertificateScenario> = { tls: applicationGatewayParams.tls };

export function readClientCertificateScenario(raw: RawParams): ScenarioResult<ClientCertificateScenario> {
  return readScenario(raw, clientCertificateParams);
}
