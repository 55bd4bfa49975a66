import { clientCertificateParams } from './client-certificate.ts';
import { probeRows, readHealthProbeScenario } from './health-probes.ts';
import { defaultScenario, probeSource, type CompareRow } from '../service.ts';
import { servicesWith } from '../services.ts';

export type { CompareRow } from '../service.ts';

/**
 * The index page's comparison matrix (SPEC §5): one column per service. Every cell the engine can
 * decide is read off the service's own results for its default scenario (its hops, its probe rows
 * and its certificate answer at the default TLS mode), so the matrix cannot disagree with the explorers.
 */
export function compareRows(): CompareRow[] {
  const { tls } = defaultScenario(clientCertificateParams);
  const probes = readHealthProbeScenario({});
  if (!probes.ok) throw new Error('the health-probe defaults must be valid');
  const rows = probeRows(probes.scenario);
  return servicesWith('compare').map((service) => ({
    service: service.id,
    ...service.compare(),
    certReachesBackend: service.certificate?.(tls).reaches ?? 'yes',
    probeSource: probeSource(rows.filter((row) => row.service === service.id)),
  }));
}
