import { readScenario, type ParamSpecs, type RawParams, type ScenarioResult } from '../shared/params.ts';
import { applicationGatewayParams } from '../services/application-gateway.ts';
import type { CertificateRow } from '../service.ts';
import { servicesWith } from '../services.ts';
import type { TlsMode } from '../services/application-gateway-tls.ts';

export { tlsLegs, type LegCertificate, type TlsLeg } from '../services/application-gateway-tls.ts';
export type { CertReach, CertificateRow } from '../service.ts';

/**
 * Every service side by side (SPEC §3, client certificate), for one gateway TLS mode: where the
 * client's TLS ends, whether its certificate reaches the backend and who checks it.
 */
export function certificateRows(tls: TlsMode): CertificateRow[] {
  return servicesWith('certificate').map((service) => service.certificate(tls));
}

/** The certificate explorer's scenario is only the gateway's TLS mode. */
export interface ClientCertificateScenario {
  readonly tls: TlsMode;
}

export const clientCertificateParams: ParamSpecs<ClientCertificateScenario> = { tls: applicationGatewayParams.tls };

export function readClientCertificateScenario(raw: RawParams): ScenarioResult<ClientCertificateScenario> {
  return readScenario(raw, clientCertificateParams);
}
