/**
 * Facts checked against Microsoft Learn for issue 25 that change what the engine computes or
 * declares. Expected values are written by hand from the cited sentences.
 */
import { describe, expect, it } from 'vitest';
import { applicationGatewayService } from '../../src/model/services/application-gateway.ts';
import { readHealthProbeScenario } from '../../src/model/cross-service/health-probes.ts';
import type { RawParams } from '../../src/model/shared/params.ts';
import { readPathScenario } from '../../src/model/cross-service/paths.ts';
import { readTrafficManagerScenario } from '../../src/model/services/traffic-manager.ts';
import { translator } from '../../src/i18n.ts';

const refusals = (result: { ok: true } | { ok: false; errors: readonly { param: string; rule: { code: string } }[] }) =>
  result.ok ? [] : result.errors.map((error) => [error.param, error.rule.code]);

// traffic-manager-faqs: "Addresses that correspond to reserved private IP address spaces aren't
// allowed. These addresses include those called out in RFC 1918, …" An internal Load Balancer's
// frontend is such an address, so Traffic Manager cannot steer to it.
describe('Traffic Manager endpoints must be reachable from the internet', () => {
  it.each<[string, RawParams, [string, string][]]>([
    [
      'an RFC 1918 address (an internal Load Balancer frontend)',
      { endpoints: '198.51.100.30,10.0.2.10' },
      [['endpoints', 'tm-private-endpoint']],
    ],
    ['172.16/12 by name', { endpoints: 'a.example.com=172.16.0.4,b.example.com=198.51.100.40' }, [['endpoints', 'tm-private-endpoint']]],
    ['192.168/16 first', { endpoints: '192.168.1.5,198.51.100.40' }, [['endpoints', 'tm-private-endpoint']]],
    // The guide's public examples (documentation ranges) stay accepted.
    ['two documentation-range addresses', { endpoints: '198.51.100.30,198.51.100.40' }, []],
  ])('%s', (_, raw, expected) => {
    expect(refusals(readTrafficManagerScenario(raw))).toEqual(expected);
  });

  it('the health-probes explorer and the paths page apply the same rule', () => {
    expect(refusals(readHealthProbeScenario({ endpoints: '198.51.100.30,10.0.2.10' }))).toEqual([['endpoints', 'tm-private-endpoint']]);
    expect(refusals(readPathScenario({ chain: 'tm,lb', endpoints: 'r1.example.com=10.0.2.10,r2.example.com=198.51.100.40' }))).toEqual([
      ['endpoints', 'tm-private-endpoint'],
    ]);
    expect(readPathScenario({ chain: 'tm,lb' }).ok).toBe(true);
  });

  it.each(['ja', 'en'] as const)('%s: the message names the address', (lang) => {
    const t = translator(lang);
    expect(t('rule.tm-private-endpoint', { field: 'endpoints', value: '10.0.2.10' })).toContain('10.0.2.10');
  });
});

// application-gateway-probe-overview: "if there are multiple listeners, then each listener probes
// the backend independent of each other … the backend virtual machine would see four probes per
// the configured probe interval" (two instances, two listeners).
describe('Application Gateway probes count one listener', () => {
  it('the probe table carries the listener note', () => {
    expect(applicationGatewayService.probe!.notes).toContain('probe.agw-listeners');
  });

  it.each(['ja', 'en'] as const)('%s: the rate cell and the note say per listener, with Learn’s example of four', (lang) => {
    const t = translator(lang);
    expect(t('rate.application-gateway', { senders: 2, interval: 30, rate: 4 })).toMatch(
      lang === 'ja' ? /リスナー 1 つあたり/ : /per listener/,
    );
    expect(t('probe.agw-listeners', {})).toMatch(/4/);
  });
});
