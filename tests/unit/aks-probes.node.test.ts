import { describe, expect, it } from 'vitest';
import { probeRates, probeRows, readHealthProbeScenario } from '../../src/model/cross-service/health-probes.ts';
import { lookup, readLookupScenario } from '../../src/model/cross-service/lookup.ts';
import type { RawParams } from '../../src/model/shared/params.ts';
import { healthProbesView } from '../../src/view/health-probes.ts';
import { socketText } from '../../src/view/table.ts';
import { toHtml } from '../../src/view/tree.ts';
import { translator } from '../../src/i18n.ts';

const scenario = (raw: RawParams) => {
  const result = readHealthProbeScenario(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
};
const aksRows = (raw: RawParams) =>
  probeRows(scenario(raw))
    .filter((row) => row.service === 'aks')
    .map((row) => [row.src, socketText(row.dst), row.interval, row.healthy, row.fails ?? 'passes']);
const errors = (raw: RawParams) => {
  const result = readHealthProbeScenario(raw);
  return result.ok ? [] : result.errors.map((error) => [error.param, error.rule.code]);
};

// Golden rows worked out by hand. The Load Balancer that AKS sets up for a Service of type
// LoadBalancer probes the nodes (the page's `backends`, 10.0.1.4 and 10.0.1.5 by default) from
// 168.63.129.16 every 5 s (Learn, configure-load-balancer-standard: the interval annotation's default).
// Local: HTTP /healthz on the health check node port (`hcport`, 32000), 200 only from a node that
// runs a ready pod (kubernetes.io, tutorials/services/source-ip). Cluster: TCP to the Service's node
// port (`nport`, 31000; Learn, shared-health-probes: a probe per Service on its nodePort), which every
// node answers. The page's pods default to one pod on node 1.
describe('AKS Service rows on the health-probe page', () => {
  it('Cluster (default): a TCP probe to the node port of every node, and every node answers', () => {
    expect(aksRows({})).toEqual([
      ['168.63.129.16', '10.0.1.4:31000', 5, 'tcp', 'passes'],
      ['168.63.129.16', '10.0.1.5:31000', 5, 'tcp', 'passes'],
    ]);
  });

  it('Cluster with no pod on node 2 still passes node 2: its node port forwards to the pod on node 1', () => {
    expect(aksRows({ pods: '10.244.0.7@1', nport: '30080' })).toEqual([
      ['168.63.129.16', '10.0.1.4:30080', 5, 'tcp', 'passes'],
      ['168.63.129.16', '10.0.1.5:30080', 5, 'tcp', 'passes'],
    ]);
  });

  it('Local: HTTP to the health check node port; node 2 runs no ready pod and fails', () => {
    expect(aksRows({ etp: 'local' })).toEqual([
      ['168.63.129.16', '10.0.1.4:32000', 5, '200', 'passes'],
      ['168.63.129.16', '10.0.1.5:32000', 5, '200', 'probe.aks.no-pod'],
    ]);
  });

  it('Local with a pod on each of nodes 1 and 3 of three: node 2 alone fails', () => {
    expect(aksRows({ etp: 'local', backends: '10.0.1.4,10.0.1.5,10.0.1.6', pods: '10.244.0.7@1,10.244.2.7@3', hcport: '30500' })).toEqual([
      ['168.63.129.16', '10.0.1.4:30500', 5, '200', 'passes'],
      ['168.63.129.16', '10.0.1.5:30500', 5, '200', 'probe.aks.no-pod'],
      ['168.63.129.16', '10.0.1.6:30500', 5, '200', 'passes'],
    ]);
  });

  it('IPv6 nodes are probed from fe80::1234:5678:9abc', () => {
    expect(
      aksRows({ client: '2001:db8::10', lbip: '2001:db8::a', backends: '2001:db8:1::4', endpoints: 'v6.example.com=2001:db8::30' }),
    ).toEqual([['fe80::1234:5678:9abc', '[2001:db8:1::4]:31000', 5, 'tcp', 'passes']]);
  });

  it('counts 60 / 5 = 12 probes a minute on each node, whatever the policy', () => {
    const rates = (raw: RawParams) =>
      probeRates(scenario(raw))
        .filter((rate) => rate.service === 'aks')
        .map((rate) => [rate.target, rate.perMinute]);
    expect(rates({})).toEqual([
      ['10.0.1.4', 12],
      ['10.0.1.5', 12],
    ]);
    expect(rates({ etp: 'local' })).toEqual(rates({}));
  });

  it.each<[RawParams, string, string]>([
    [{ pods: '10.244.0.7@3' }, 'pods', 'pod-node'],
    [{ nport: '29999' }, 'nport', 'int'],
    [{ hcport: '32768' }, 'hcport', 'int'],
    [{ etp: 'both' }, 'etp', 'enum'],
  ])('%j is refused at %s (%s)', (raw, param, code) => {
    expect(errors(raw)).toEqual([[param, code]]);
  });

  it('the table says which node fails and why, in both languages; a TCP probe is healthy on connect', () => {
    const html = (raw: RawParams, lang: 'ja' | 'en') => healthProbesView(scenario(raw), translator(lang)).outputs.map(toHtml).join('');
    const local = html({ etp: 'local' }, 'en');
    expect(local.match(/data-field="fails"/g)).toHaveLength(1);
    expect(local).toContain('fails: no ready pod of the Service on this node');
    expect(html({ etp: 'local' }, 'ja')).toContain('不合格: このノードには Service の準備ができたポッドがない');
    expect(html({}, 'en')).not.toContain('data-field="fails"');
    expect(html({}, 'en')).toContain('healthy once TCP connects');
    expect(html({}, 'ja')).toContain('正常: TCP 接続の確立');
  });
});

describe('the reverse lookup finds the AKS probe source', () => {
  it('168.63.129.16 seen as a probe: the Load Balancer of an AKS Service, an address no parameter sets', () => {
    const result = readLookupScenario({ addr: '168.63.129.16', seen: 'probe' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const match = lookup(result.scenario).matches.find((m) => m.design.id === 'probe:aks');
    expect(match).toMatchObject({ role: 'aks-probe', param: null });
  });
});
