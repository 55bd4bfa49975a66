import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringKeys } from '../../src/i18n.ts';
import { GUIDE_ORDER, SIDEBAR } from '../../src/guide.ts';
import { healthProbeParams, probeRows, readHealthProbeScenario } from '../../src/model/health-probes.ts';
import { nsgRules } from '../../src/model/nsg.ts';
import { compareRows } from '../../src/model/compare.ts';
import { certificateRows } from '../../src/model/client-certificate.ts';
import { NSG_PLACES, SERVICES } from '../../src/model/services.ts';
import { TLS_MODES } from '../../src/model/tls.ts';

const keys = new Set(stringKeys('ja'));
const defaults = () => {
  const result = readHealthProbeScenario({});
  if (!result.ok) throw new Error('defaults');
  return result.scenario;
};

// The registry is the only list of services: every cross-service table and the navigation read it.
describe('the service registry', () => {
  it('lists each service once, in the guide order, with a page in both languages', () => {
    const ids = SERVICES.map((service) => service.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(GUIDE_ORDER.filter((slug) => ids.includes(slug as never))).toEqual(ids);
    const services = SIDEBAR.find((group) => group.label === 'Services')!;
    expect(services.items!.slice(0, ids.length).map((item) => item.slug)).toEqual(ids);
    for (const id of ids) for (const lang of ['ja', 'en']) expect(existsSync(`content/docs/${lang}/${id}.mdx`), `${lang}/${id}`).toBe(true);
  });

  it('names every service, sender, NSG place and declared note in the dictionary', () => {
    const declared = SERVICES.flatMap((s) => [
      `service.${s.id}`,
      `probe.sender.${s.id}`,
      ...s.probe.notes,
      ...s.nsg.notes,
      ...(s.probe.whenNone ? [s.probe.whenNone] : []),
      ...(s.probe.moreSenders ? [s.probe.moreSenders] : []),
      ...Object.values(s.compareWording ?? {}),
    ]);
    const places = NSG_PLACES.map((place) => `nsg.place.${place}`);
    const reasons = nsgRules(defaults()).map((rule) => `nsg.reason.${rule.reason}`);
    for (const key of [...declared, ...places, ...reasons]) expect(keys.has(key), key).toBe(true);
  });

  it('a probe field two services read is one field: same default, same parser', () => {
    const seen = new Map<string, { default: string; parse: unknown }>();
    for (const service of SERVICES) {
      for (const [name, spec] of Object.entries(service.probe.params) as [string, { default: string; parse: (t: string) => unknown }][]) {
        const other = seen.get(name);
        if (other) expect(spec.default, name).toBe(other.default);
        else seen.set(name, spec);
      }
    }
    expect(Object.keys(healthProbeParams).sort()).toEqual([...seen.keys()].sort());
  });

  it('the cross-service tables are the services’ own answers, in registry order', () => {
    const s = defaults();
    expect(probeRows(s)).toEqual(SERVICES.flatMap((service) => service.probe.rows(s)));
    expect([...new Set(probeRows(s).map((row) => row.service))]).toEqual(SERVICES.map((service) => service.id));
    expect([...new Set(nsgRules(s).map((rule) => rule.place))]).toEqual(NSG_PLACES);
    expect(compareRows().map((row) => row.service)).toEqual(SERVICES.map((service) => service.id));
    for (const tls of TLS_MODES) expect(certificateRows(tls).map((row) => row.service)).toEqual(SERVICES.map((service) => service.id));
  });
});
