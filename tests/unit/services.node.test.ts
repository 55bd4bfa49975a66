import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringKeys } from '../../src/i18n.ts';
import { GUIDE_ORDER, SIDEBAR } from '../../src/guide.ts';
import { healthProbeParams, probeRows, probing, readHealthProbeScenario } from '../../src/model/cross-service/health-probes.ts';
import { mergeParams, portParam, withDefault, type ParamSpec } from '../../src/model/shared/params.ts';
import { explorers } from '../../src/explorers.ts';
import { nsgRules } from '../../src/model/cross-service/nsg.ts';
import { compareRows } from '../../src/model/cross-service/compare.ts';
import { certificateRows } from '../../src/model/cross-service/client-certificate.ts';
import { NSG_PLACES, SERVICES, servicesWith, type AnyService } from '../../src/model/services.ts';
import { STAGES, stageNameKey } from '../../src/model/cross-service/paths.ts';
import { TLS_MODES } from '../../src/model/services/application-gateway-tls.ts';

const keys = new Set(stringKeys('ja'));
const defaults = () => {
  const result = readHealthProbeScenario({});
  if (!result.ok) throw new Error('defaults');
  return result.scenario;
};

// The registry is the only list of services: every cross-service table and the navigation read it.
describe('the service registry', () => {
  it('lists each service once, in the guide order, with a page in both languages', () => {
    expect(new Set(SERVICES.map((service) => service.id)).size).toBe(SERVICES.length);
    const ids = SERVICES.filter((service) => service.page === 'inbound').map((service) => service.id);
    expect(GUIDE_ORDER.filter((slug) => ids.includes(slug as never))).toEqual(ids);
    const services = SIDEBAR.find((group) => group.label === 'Services')!;
    expect(services.items!.slice(0, ids.length).map((item) => item.slug)).toEqual(ids);
    for (const id of ids) for (const lang of ['ja', 'en']) expect(existsSync(`content/docs/${lang}/${id}.mdx`), `${lang}/${id}`).toBe(true);
  });

  it('names every service, sender, NSG place and declared note in the dictionary', () => {
    const declared = (SERVICES as readonly AnyService[]).flatMap((s) => [
      `service.${s.id}`,
      ...(s.probe ? [`probe.sender.${s.id}`, ...s.probe.notes] : []),
      ...(s.nsg?.notes ?? []),
      ...(s.probe?.whenNone ? [s.probe.whenNone] : []),
      ...(s.probe?.moreSenders ? [s.probe.moreSenders] : []),
      ...Object.values(s.compareWording ?? {}),
    ]);
    // A stage is named by its service, or by `stage.<key>` where its service has several.
    for (const stage of STAGES) declared.push(stageNameKey(stage));
    const places = NSG_PLACES.map((place) => `nsg.place.${place}`);
    const reasons = nsgRules(defaults()).map((rule) => `nsg.reason.${rule.reason}`);
    for (const key of [...declared, ...places, ...reasons]) expect(keys.has(key), key).toBe(true);
  });

  it('a field two services read is one spec on every page that merges them: a clash fails', () => {
    const tables = [
      ...probing().map((service) => service.probe.params),
      ...servicesWith('stages').flatMap((service) => service.stages.map((stage) => stage.params)),
      ...servicesWith('dns').map((service) => service.dns.params),
    ];
    expect(() => mergeParams(...tables)).not.toThrow();
    expect(Object.keys(healthProbeParams).sort()).toEqual([...new Set(probing().flatMap((sv) => Object.keys(sv.probe.params)))].sort());
    // Two specs under one name are refused, however alike they look; a page's own default of one spec is not a clash.
    expect(() => mergeParams({ bport: portParam('443') }, { bport: portParam('443') })).toThrow(/bport/);
    const shared = portParam('443');
    expect(mergeParams({ bport: shared }, { bport: withDefault(shared, '8443') })).toEqual({ bport: shared });
  });

  it('every explorer that reads a shared name reads it with the shared spec', () => {
    const specOf = new Map<string, unknown>();
    for (const [kind, definition] of Object.entries(explorers)) {
      for (const [name, spec] of Object.entries(definition.params as Record<string, ParamSpec<unknown>>)) {
        const base = spec.base ?? spec;
        const seen = specOf.get(name);
        if (seen === undefined) specOf.set(name, base);
        // Only the failover and Traffic Manager explorers' `fail` differ on purpose (required there, optional here).
        else if (name !== 'fail') expect(base, `${kind}: ${name}`).toBe(seen);
      }
    }
  });

  it('the cross-service tables are the services’ own answers, in registry order', () => {
    const s = defaults();
    expect(probeRows(s)).toEqual(probing().flatMap((service) => service.probe.rows(s as never)));
    // A service may probe nothing itself (the cross-region tier reads its regional tier's health).
    const sending = probing().filter((service) => service.probe.rows(s as never).length > 0);
    expect([...new Set(probeRows(s).map((row) => row.service))]).toEqual(sending.map((service) => service.id));
    expect([...new Set(nsgRules(s).map((rule) => rule.place))]).toEqual(NSG_PLACES);
    expect(compareRows().map((row) => row.service)).toEqual(servicesWith('compare').map((service) => service.id));
    for (const tls of TLS_MODES)
      expect(certificateRows(tls).map((row) => row.service)).toEqual(servicesWith('certificate').map((service) => service.id));
  });
});
