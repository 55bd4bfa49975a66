import { describe, expect, it } from 'vitest';
import { probeRates, probeRows, readHealthProbeScenario, type HealthProbeScenario } from '../../src/model/cross-service/health-probes.ts';
import { nsgRules } from '../../src/model/cross-service/nsg.ts';
import { compareRows } from '../../src/model/cross-service/compare.ts';
import type { RawParams } from '../../src/model/shared/params.ts';
import { socketText } from '../../src/view/table.ts';

function scenario(raw: RawParams): HealthProbeScenario {
  const result = readHealthProbeScenario(raw);
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.scenario;
}

const rows = (raw: RawParams) => probeRows(scenario(raw)).map((r) => [r.service, r.src, socketText(r.dst), r.interval]);

// Golden probe tables, written by hand from SPEC §3 (Health probes).
describe('probe rows', () => {
  it('defaults: 2 LB rows + 2 instances × 2 backends + 2 endpoints + 1 Front Door origin + 2 AKS nodes = 11', () => {
    expect(rows({})).toEqual([
      ['load-balancer', '168.63.129.16', '10.0.1.4:443', 5],
      ['load-balancer', '168.63.129.16', '10.0.1.5:443', 5],
      ['application-gateway', '10.0.0.4', '10.0.1.4:443', 30],
      ['application-gateway', '10.0.0.4', '10.0.1.5:443', 30],
      ['application-gateway', '10.0.0.5', '10.0.1.4:443', 30],
      ['application-gateway', '10.0.0.5', '10.0.1.5:443', 30],
      ['traffic-manager', 'AzureTrafficManager', '198.51.100.30:443', 30],
      ['traffic-manager', 'AzureTrafficManager', '198.51.100.40:443', 30],
      ['front-door', 'AzureFrontDoor.Backend', '198.51.100.60:443', 30],
      // AKS, Cluster (the default): a TCP probe to the Service's node port on every node, every 5 s.
      ['aks', '168.63.129.16', '10.0.1.4:31000', 5],
      ['aks', '168.63.129.16', '10.0.1.5:31000', 5],
    ]);
  });

  it('three instances in a /28, one backend on 8443, fast TM probing, LB every 15 s', () => {
    expect(
      rows({
        subnet: '10.1.2.0/28',
        instances: '3',
        backends: '10.0.1.9',
        bport: '8443',
        interval: '10',
        lbinterval: '15',
        endpoints: 'a.example.com=192.0.2.5',
        port: '80',
      }),
    ).toEqual([
      ['load-balancer', '168.63.129.16', '10.0.1.9:8443', 15],
      ['application-gateway', '10.1.2.4', '10.0.1.9:8443', 30],
      ['application-gateway', '10.1.2.5', '10.0.1.9:8443', 30],
      ['application-gateway', '10.1.2.6', '10.0.1.9:8443', 30],
      ['traffic-manager', 'AzureTrafficManager', '192.0.2.5:80', 10],
      ['front-door', 'AzureFrontDoor.Backend', '198.51.100.60:443', 30],
      ['aks', '168.63.129.16', '10.0.1.9:31000', 5],
    ]);
  });

  it('IPv6 backends: the LB probes from fe80::1234:5678:9abc, and AppGW has no rows', () => {
    expect(
      rows({ client: '2001:db8::10', lbip: '2001:db8::a', backends: '2001:db8:1::4', endpoints: 'v6.example.com=2001:db8::30' }),
    ).toEqual([
      ['load-balancer', 'fe80::1234:5678:9abc', '[2001:db8:1::4]:443', 5],
      ['traffic-manager', 'AzureTrafficManager', '[2001:db8::30]:443', 30],
      ['front-door', 'AzureFrontDoor.Backend', '198.51.100.60:443', 30],
      ['aks', 'fe80::1234:5678:9abc', '[2001:db8:1::4]:31000', 5],
    ]);
  });

  it.each([
    [1, 1, 1],
    [16, 1, 10],
    [3, 125, 10],
  ])(
    'row count = backends + instances × backends + endpoints + one origin + AKS nodes (%i backends, %i instances, %i endpoints)',
    (b, i, e) => {
      const backends = Array.from({ length: b }, (_, k) => `10.0.1.${k + 10}`).join(',');
      const endpoints = Array.from({ length: e }, (_, k) => `e${k}.example.com=192.0.2.${k + 1}`).join(',');
      expect(probeRows(scenario({ backends, instances: String(i), endpoints }))).toHaveLength(b + i * b + e + 1 + b);
    },
  );
});

describe('probes a minute on each target', () => {
  const rates = (raw: RawParams) => probeRates(scenario(raw)).map((r) => [r.service, r.target, r.senders, r.perMinute]);

  it('defaults: LB 60/5 = 12, AppGW 2 instances × 60/30 = 4, TM 60/30 = 2 per location', () => {
    expect(rates({})).toEqual([
      ['load-balancer', '10.0.1.4', 1, 12],
      ['load-balancer', '10.0.1.5', 1, 12],
      ['application-gateway', '10.0.1.4', 2, 4],
      ['application-gateway', '10.0.1.5', 2, 4],
      ['traffic-manager', '198.51.100.30', 1, 2],
      ['traffic-manager', '198.51.100.40', 1, 2],
      // Front Door: 60/30 = 2 a minute from each edge location.
      ['front-door', '198.51.100.60', 1, 2],
      // AKS: 60/5 = 12 a minute on each node.
      ['aks', '10.0.1.4', 1, 12],
      ['aks', '10.0.1.5', 1, 12],
    ]);
  });

  it('five instances every 30 s put 10 probes a minute on each backend', () => {
    const agw = probeRates(scenario({ instances: '5' })).filter((r) => r.service === 'application-gateway');
    expect(agw.map((r) => r.perMinute)).toEqual([10, 10]);
  });

  it('fast probing (10 s) gives 60/10 = 6 probes a minute per location', () => {
    expect(
      probeRates(scenario({ interval: '10' }))
        .filter((r) => r.service === 'traffic-manager')
        .map((r) => r.perMinute),
    ).toEqual([6, 6]);
  });
});

describe('NSG rules, derived from hops and probes', () => {
  const rules = (raw: RawParams) => nsgRules(scenario(raw)).map((r) => [r.place, r.source, r.destination, r.port, r.reason]);

  it('defaults', () => {
    expect(rules({})).toEqual([
      ['lb-backends', '203.0.113.10', '10.0.1.4, 10.0.1.5', '443', 'client-data'],
      ['lb-backends', 'AzureLoadBalancer', '10.0.1.4, 10.0.1.5', '443', 'lb-probe'],
      // Behind a cross-region Load Balancer (issue 33): the client itself, and the regional probes.
      ['glb-backends', '203.0.113.10', '10.0.1.4, 10.0.1.5', '443', 'client-data'],
      ['glb-backends', 'AzureLoadBalancer', '10.0.1.4, 10.0.1.5', '443', 'lb-probe'],
      ['agw-subnet', '203.0.113.10', '10.0.0.0/24', '443', 'agw-clients'],
      ['agw-subnet', 'GatewayManager', 'Any', '65200-65535', 'agw-infrastructure'],
      ['agw-subnet', 'AzureLoadBalancer', 'Any', '*', 'agw-lb'],
      ['agw-backends', '10.0.0.0/24', '10.0.1.4, 10.0.1.5', '443', 'agw-data-and-probe'],
      ['tm-endpoints', '203.0.113.10', '198.51.100.30, 198.51.100.40', '443', 'client-data'],
      ['tm-endpoints', 'AzureTrafficManager', '198.51.100.30, 198.51.100.40', '443', 'tm-probe'],
      ['fd-origin', 'AzureFrontDoor.Backend', '198.51.100.60', '443', 'fd-backend'],
    ]);
  });

  it('Front Door: the origin and its port flow into the one rule, from the shared service tag', () => {
    expect(rules({ origin: '198.51.100.99', oport: '8443' }).filter((r) => r[0] === 'fd-origin')).toEqual([
      ['fd-origin', 'AzureFrontDoor.Backend', '198.51.100.99', '8443', 'fd-backend'],
    ]);
  });

  it('a different backend port and subnet flow into every rule that carries them', () => {
    const out = rules({ bport: '8080', subnet: '172.16.5.0/26', port: '8443', client: '192.0.2.77' });
    expect(out).toContainEqual(['lb-backends', '192.0.2.77', '10.0.1.4, 10.0.1.5', '8080', 'client-data']);
    expect(out).toContainEqual(['agw-backends', '172.16.5.0/26', '10.0.1.4, 10.0.1.5', '8080', 'agw-data-and-probe']);
    expect(out).toContainEqual(['agw-subnet', '192.0.2.77', '172.16.5.0/26', '8443', 'agw-clients']);
    expect(out).toContainEqual(['tm-endpoints', 'AzureTrafficManager', '198.51.100.30, 198.51.100.40', '8443', 'tm-probe']);
  });

  it('IPv6 backends: AzureLoadBalancer still names the fe80:: probe source; the AppGW subnet keeps its rules, its backends get none', () => {
    const out = rules({ client: '2001:db8::10', lbip: '2001:db8::a', backends: '2001:db8:1::4', endpoints: 'v6.example.com=2001:db8::30' });
    expect(out.filter((r) => r[0] === 'lb-backends')).toEqual([
      ['lb-backends', '2001:db8::10', '2001:db8:1::4', '443', 'client-data'],
      ['lb-backends', 'AzureLoadBalancer', '2001:db8:1::4', '443', 'lb-probe'],
    ]);
    expect(out.filter((r) => r[0] === 'agw-subnet')).toEqual([
      ['agw-subnet', '2001:db8::10', '10.0.0.0/24', '443', 'agw-clients'],
      ['agw-subnet', 'GatewayManager', 'Any', '65200-65535', 'agw-infrastructure'],
      ['agw-subnet', 'AzureLoadBalancer', 'Any', '*', 'agw-lb'],
    ]);
    expect(out.some((r) => r[0] === 'agw-backends')).toBe(false);
  });
});

describe('invalid probe scenarios', () => {
  it.each<[RawParams, string, string]>([
    [{ instances: '4', subnet: '10.0.0.0/29' }, 'instances', 'subnet-fit'],
    [{ backends: '10.0.0.9' }, 'backends', 'outside-subnet'],
    [{ lbinterval: '4' }, 'lbinterval', 'int'],
    [{ agwinterval: '0' }, 'agwinterval', 'int'],
    [{ agwinterval: '86401' }, 'agwinterval', 'int'],
    [{ interval: '20' }, 'interval', 'enum'],
    [{ lbip: '2001:db8::a' }, 'lbip', 'same-family'],
    [{ endpoints: 'bad' }, 'endpoints', 'endpoint-item'],
    [{ endpoints: 'v6.example.com=2001:db8::30' }, 'endpoints', 'same-family'],
  ])('%j is refused at %s (%s)', (raw, param, code) => {
    const result = readHealthProbeScenario(raw);
    expect(result.ok ? [] : result.errors.map((e) => [e.param, e.rule.code])).toEqual([[param, code]]);
  });
});

// SPEC §5: the matrix is read off the engine's results.
describe('comparison matrix', () => {
  it('matches SPEC §5', () => {
    expect(
      compareRows().map((r) => [
        r.service,
        r.sourceAtBackend,
        r.probeSource,
        r.dataPath,
        r.terminates,
        r.certReachesBackend,
        r.clientIpHow,
      ]),
    ).toEqual([
      ['load-balancer', 'client', '168.63.129.16', 'yes', 'no', 'yes', 'packet-source'],
      // The cross-region tier sends no probes: it reads the regional Load Balancers' health.
      ['cross-region-load-balancer', 'client', 'none', 'yes', 'no', 'yes', 'packet-source'],
      ['application-gateway', 'instance', 'instances', 'yes', 'yes', 'no', 'x-forwarded-for'],
      ['traffic-manager', 'client', 'AzureTrafficManager', 'no', 'no', 'yes', 'packet-source'],
      ['front-door', 'edge', 'AzureFrontDoor.Backend', 'yes', 'yes', 'no', 'x-forwarded-for'],
    ]);
  });
});
