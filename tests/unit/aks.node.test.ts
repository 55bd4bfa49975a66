import { describe, expect, it } from 'vitest';
import { aksHops, aksProbeRows, nodesInRotation, readAksScenario } from '../../src/model/services/aks.ts';
import { pathLegs, readPathScenario } from '../../src/model/cross-service/paths.ts';
import type { RawParams } from '../../src/model/shared/params.ts';
import { socketText } from '../../src/view/table.ts';
import { aksView } from '../../src/view/aks.ts';
import { translator } from '../../src/i18n.ts';

const scenario = (raw: RawParams) => {
  const result = readAksScenario(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
};
const hops = (raw: RawParams) =>
  aksHops(scenario(raw)).map((hop) => [hop.n, hop.from, hop.to, socketText(hop.src), socketText(hop.dst), hop.note]);
const errors = (raw: RawParams) => {
  const result = readAksScenario(raw);
  return result.ok ? [] : result.errors.map((error) => [error.param, error.rule.code]);
};
const legs = (raw: RawParams) => {
  const result = readPathScenario(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const r = pathLegs(result.scenario);
  return {
    legs: [...r.request, ...r.reply].map((leg) => [leg.n, leg.sender, leg.receiver, socketText(leg.src), socketText(leg.dst)]),
    summary: [socketText(r.backendSource), r.xff, r.cert],
  };
};

// Golden tables worked out by hand from SPEC §15 and kubernetes.io (create-external-load-balancer:
// Cluster obscures the client source IP and may add a second hop; Local keeps it, and only nodes
// with a ready pod pass the health check). Defaults: client 203.0.113.10:50000, Load Balancer
// 198.51.100.10:443, nodes 10.0.1.4 (1) and 10.0.1.5 (2) at 443, the Load Balancer picks node 1;
// pods 10.244.0.7 on node 1 and 10.244.1.7 on node 2, pod 2 serves, targetPort 8080.
describe('AKS Service of type LoadBalancer: one flow', () => {
  it('Cluster (default): the node translates the source to itself and forwards to a pod on another node', () => {
    expect(hops({})).toEqual([
      [1, 'client', 'lb', '203.0.113.10:50000', '198.51.100.10:443', 'to-frontend'],
      [2, 'lb', 'node', '203.0.113.10:50000', '10.0.1.4:443', 'dnat'],
      [3, 'node', 'pod', '10.0.1.4:50000', '10.244.1.7:8080', 'aks-snat-other-node'],
      [4, 'pod', 'node', '10.244.1.7:8080', '10.0.1.4:50000', 'aks-reply-node'],
      [5, 'node', 'lb', '10.0.1.4:443', '203.0.113.10:50000', 'reply-to-client'],
      [6, 'lb', 'client', '198.51.100.10:443', '203.0.113.10:50000', 'reverse-nat'],
    ]);
    expect(nodesInRotation(scenario({}))).toEqual([1, 2]);
  });

  it('Cluster with the pod on the node the Load Balancer picked: SNAT, no second hop', () => {
    expect(hops({ ppick: '1' })[2]).toEqual([3, 'node', 'pod', '10.0.1.4:50000', '10.244.0.7:8080', 'aks-snat-local']);
  });

  it('Local: the pod sees the client; Floating IP keeps the frontend as the node’s destination', () => {
    expect(hops({ etp: 'local', pick: '2' }).slice(1, 4)).toEqual([
      [2, 'lb', 'node', '203.0.113.10:50000', '10.0.1.5:443', 'dnat'],
      [3, 'node', 'pod', '203.0.113.10:50000', '10.244.1.7:8080', 'aks-local'],
      [4, 'pod', 'node', '10.244.1.7:8080', '203.0.113.10:50000', 'aks-reply-client'],
    ]);
    expect(hops({ etp: 'local', pick: '2', floating: '1' })[1]).toEqual([
      2,
      'lb',
      'node',
      '203.0.113.10:50000',
      '198.51.100.10:443',
      'dnat-floating',
    ]);
  });

  it('Local: only nodes running a ready pod are in rotation, so pick may name only those', () => {
    expect(nodesInRotation(scenario({ etp: 'local', pods: '10.244.1.7@2', ppick: '1', pick: '2' }))).toEqual([2]);
    expect(errors({ etp: 'local', pods: '10.244.1.7@2', ppick: '1', pick: '1' })).toEqual([['pick', 'aks-node-out']]);
    // The node forwards only to its own pods.
    expect(errors({ etp: 'local', pick: '1' })).toEqual([['ppick', 'aks-pod-elsewhere']]);
  });

  it('probe rows: with Local, 168.63.129.16 to each node’s health check node port; a node without a ready pod fails', () => {
    const rows = (raw: RawParams) => aksProbeRows(scenario(raw)).map((row) => [row.src, socketText(row.dst), row.passes]);
    expect(rows({ etp: 'local', pods: '10.244.1.7@2', ppick: '1', pick: '2' })).toEqual([
      ['168.63.129.16', '10.0.1.4:32000', false],
      ['168.63.129.16', '10.0.1.5:32000', true],
    ]);
    expect(rows({ etp: 'local', pick: '2', hcport: '31500' })).toEqual([
      ['168.63.129.16', '10.0.1.4:31500', true],
      ['168.63.129.16', '10.0.1.5:31500', true],
    ]);
    // With Cluster the probed port depends on the cluster's setting: no rows, a note instead.
    expect(rows({})).toEqual([]);
    expect(errors({ hcport: '8080' })).toEqual([['hcport', 'int']]);
  });

  it.each([
    [{ pods: 'x@1' }, [['pods', 'pod-item']]],
    [{ pods: '10.244.0.7' }, [['pods', 'pod-item']]],
    [{ pods: '10.244.0.7@3', ppick: '1' }, [['pods', 'pod-node']]],
    [{ pods: '10.244.0.7@1,10.244.0.7@2' }, [['pods', 'duplicate']]],
    [{ ppick: '3' }, [['ppick', 'at-most']]],
    [{ etp: 'both' }, [['etp', 'enum']]],
    [{ tport: '0' }, [['tport', 'int']]],
  ])('%j is refused: %j', (raw, expected) => {
    expect(errors(raw as RawParams)).toEqual(expected);
  });

  it('the verdict says what the pod sees and why', () => {
    const en = translator('en');
    expect(aksView(scenario({}), en).verdict).toEqual({
      state: 'warning',
      text: expect.stringContaining('10.0.1.4:50000') as unknown as string,
      // Shown as value chips, so neither breaks inside itself on a phone (SPEC §7.1).
      values: ['10.0.1.4:50000', '203.0.113.10'],
    });
    expect(aksView(scenario({ etp: 'local', pick: '2' }), en).verdict?.state).toBe('ok');
    expect(aksView(scenario({ etp: 'local', pick: '2' }), translator('ja')).verdict?.text).toContain('203.0.113.10:50000');
    expect(aksView(scenario({ etp: 'local', pick: '2' }), translator('ja')).verdict?.values).toEqual(['203.0.113.10:50000']);
  });
});

describe('AKS chains on the paths page', () => {
  it('lb,aks: the node reached by the Load Balancer, then the pod', () => {
    expect(legs({ chain: 'lb,aks' })).toEqual({
      legs: [
        [1, 'client', 'lb', '203.0.113.10:50000', '198.51.100.10:443'],
        [2, 'lb', 'aks', '203.0.113.10:50000', '10.0.1.4:443'],
        [3, 'aks', 'backend', '10.0.1.4:50000', '10.244.1.7:8080'],
        [4, 'backend', 'aks', '10.244.1.7:8080', '10.0.1.4:50000'],
        [5, 'aks', 'lb', '10.0.1.4:443', '203.0.113.10:50000'],
        [6, 'lb', 'client', '198.51.100.10:443', '203.0.113.10:50000'],
      ],
      summary: ['10.0.1.4:50000', '', 'yes'],
    });
    // The nodes' NSG lets the client in on the Service port; the pod receives from the node (Cluster).
    const result = readPathScenario({ chain: 'lb,aks' });
    if (!result.ok) throw new Error('lb,aks');
    expect(pathLegs(result.scenario).nsg.map((rule) => [rule.place, rule.source, rule.destination, rule.port])).toEqual([
      ['aks-nodes', '203.0.113.10', '10.0.1.4, 10.0.1.5', '443'],
      ['backends', '10.0.1.4', '10.244.1.7', '8080'],
    ]);
  });

  it('agw,lb,aks with Local: the gateway reaches the internal frontend; the pod sees the gateway instance', () => {
    expect(legs({ chain: 'agw,lb,aks', etp: 'local', pick: '2' })).toEqual({
      legs: [
        [1, 'client', 'agw', '203.0.113.10:50000', '198.51.100.20:443'],
        [2, 'agw', 'lb', '10.0.0.4:40000', '10.0.1.100:443'],
        [3, 'lb', 'aks', '10.0.0.4:40000', '10.0.1.5:443'],
        [4, 'aks', 'backend', '10.0.0.4:40000', '10.244.1.7:8080'],
        [5, 'backend', 'aks', '10.244.1.7:8080', '10.0.0.4:40000'],
        [6, 'aks', 'lb', '10.0.1.5:443', '10.0.0.4:40000'],
        [7, 'lb', 'agw', '10.0.1.100:443', '10.0.0.4:40000'],
        [8, 'agw', 'client', '198.51.100.20:443', '203.0.113.10:50000'],
      ],
      summary: ['10.0.0.4:40000', '203.0.113.10:50000', 'no'],
    });
  });

  it('fd,lb,aks: Front Door reaches the public frontend; with Cluster the pod sees a node, the client only in X-Forwarded-For', () => {
    const { legs: all, summary } = legs({ chain: 'fd,lb,aks' });
    expect(all.slice(0, 4)).toEqual([
      [1, 'client', 'fd', '203.0.113.10:50000', '198.51.100.50:443'],
      [2, 'fd', 'lb', '192.0.2.50:41000', '198.51.100.10:443'],
      [3, 'lb', 'aks', '192.0.2.50:41000', '10.0.1.4:443'],
      [4, 'aks', 'backend', '10.0.1.4:41000', '10.244.1.7:8080'],
    ]);
    expect(summary).toEqual(['10.0.1.4:41000', '203.0.113.10', 'no']);
  });

  it.each([
    ['aks', 'chain-first'],
    ['agw,aks', 'chain-order'],
    ['aks,lb', 'chain-first'],
  ])('%s is refused (%s)', (chain, code) => {
    const result = readPathScenario({ chain });
    expect(result.ok ? [] : result.errors.map((e) => [e.param, e.rule.code])).toEqual([['chain', code]]);
  });
});

// Issue 32 (review K): the verdict's second hop is in the drawing too. Defaults: nodes 10.0.1.4 and
// 10.0.1.5, the Load Balancer picks node 1, the pod picked (10.244.1.7) runs on node 2.
describe('the drawing of a second hop', () => {
  const lanes = (raw: RawParams) => aksView(scenario(raw), translator('en')).diagram.participants.map((p) => p.label.at(-1));
  it.each<[RawParams, string[]]>([
    // Cluster, the pod on node 2: node 2 is on the way from node 1 to the pod.
    [{}, ['203.0.113.10', '198.51.100.10', '10.0.1.4', '10.0.1.5', '10.244.1.7']],
    // Cluster, the pod on the node the Load Balancer picked: no second hop.
    [{ ppick: '1' }, ['203.0.113.10', '198.51.100.10', '10.0.1.4', '10.244.0.7']],
    // Local: the node sends only to its own pod.
    [{ etp: 'local', ppick: '1' }, ['203.0.113.10', '198.51.100.10', '10.0.1.4', '10.244.0.7']],
  ])('%j', (raw, expected) => {
    expect(lanes(raw)).toEqual(expected);
  });
});
