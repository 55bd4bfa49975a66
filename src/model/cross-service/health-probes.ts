import { mergeParams, readScenario, type ParamError, type ParamSpecs, type RawParams, type ScenarioResult } from '../shared/params.ts';
import type { ProbeRow } from '../service.ts';
import { servicesWith, type HealthProbeScenario, type Service } from '../services.ts';

/** The services that send health probes, in the registry's order. */
export const probing = () => servicesWith('probe');

export type { HealthProbeScenario } from '../services.ts';
export type { ProbeRow } from '../service.ts';

/**
 * Health probes of every service against one scenario (SPEC §3 "Health probes"): who sends each
 * probe, to which address, how often, and how many probes each target receives a minute. The
 * parameters are the services' own probe fields, in the registry's order; a field two services
 * read (`client`, `backends`, `bport`, `port`) is one field here.
 */
export const healthProbeParams: ParamSpecs<HealthProbeScenario> = mergeParams(...probing().map((service) => service.probe.params));

/** The same rules as the explorers whose flows this page combines. */
function crossCheck(s: HealthProbeScenario): ParamError[] {
  return probing().flatMap((service) => service.probe.check?.(s) ?? []);
}

export function readHealthProbeScenario(raw: RawParams): ScenarioResult<HealthProbeScenario> {
  return readScenario(raw, healthProbeParams, crossCheck);
}

/** One row per probe flow, service by service. */
export function probeRows(s: HealthProbeScenario): ProbeRow[] {
  return probing().flatMap((service) => service.probe.rows(s));
}

export interface ProbeRate {
  readonly service: Service;
  readonly target: string;
  /** Probes a minute that one target receives. For Traffic Manager: per probing location; Front Door: per edge. */
  readonly perMinute: number;
  /** How many senders contribute (LB: 1 host address; AppGW: the instances; TM: per location). */
  readonly senders: number;
  readonly interval: number;
}

/** Probes a minute on each backend or endpoint, derived by counting the probe rows. */
export function probeRates(s: HealthProbeScenario): ProbeRate[] {
  const rows = probeRows(s);
  const rates: ProbeRate[] = [];
  for (const row of rows) {
    if (rates.some((rate) => rate.service === row.service && rate.target === row.target)) continue;
    const senders = rows.filter((other) => other.service === row.service && other.target === row.target).length;
    rates.push({
      service: row.service as Service,
      target: row.target,
      senders,
      interval: row.interval,
      perMinute: (senders * 60) / row.interval,
    });
  }
  return rates;
}
