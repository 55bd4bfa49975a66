import { describe, expect, it } from 'vitest';
import { crossRegionHops, readCrossRegionScenario } from '../../src/model/services/cross-region-load-balancer.ts';
import { pathLegs, readPathScenario } from '../../src/model/cross-service/paths.ts';
import type { RawParams } from '../../src/model/shared/params.ts';
import { socketText } from '../../src/view/table.ts';
import { crossRegionView } from '../../src/view/cross-region-load-balancer.ts';
import { translator } from '../../src/i18n.ts';

const hops = (raw: RawParams) => {
  const result = readCrossRegionScenario(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return crossRegionHops(result.scenario).map((hop) => [hop.n, hop.from, hop.to, socketText(hop.src), socketText(hop.dst)]);
};
const errors = (raw: RawParams) => {
  const result = readCrossRegionScenario(raw);
  return result.ok ? [] : result.errors.map((error) => [error.param, error.rule.code]);
};

// Golden tables worked out by hand from SPEC §15 and Learn (cross-region-overview): a layer-4
// pass-through in front of a regional Standard Load Balancer; the global rule's backend port is the
// regional rule's frontend port. Defaults: client 203.0.113.10:50000, global frontend
// 198.51.100.90, regional frontend 198.51.100.10, port 443, backends 10.0.1.4 and 10.0.1.5:443.
describe('cross-region Load Balancer: the six packets', () => {
  it('defaults: the destination changes twice, the source never', () => {
    expect(hops({})).toEqual([
      [1, 'client', 'glb', '203.0.113.10:50000', '198.51.100.90:443'],
      [2, 'glb', 'lb', '203.0.113.10:50000', '198.51.100.10:443'],
      [3, 'lb', 'backend', '203.0.113.10:50000', '10.0.1.4:443'],
      [4, 'backend', 'lb', '10.0.1.4:443', '203.0.113.10:50000'],
      [5, 'lb', 'glb', '198.51.100.10:443', '203.0.113.10:50000'],
      [6, 'glb', 'client', '198.51.100.90:443', '203.0.113.10:50000'],
    ]);
  });

  it('one port for the global rule’s frontend and backend and the regional rule’s frontend; the regional rule maps it to bport', () => {
    expect(hops({ port: '8443', bport: '8080', pick: '2', cport: '61000' }).slice(0, 3)).toEqual([
      [1, 'client', 'glb', '203.0.113.10:61000', '198.51.100.90:8443'],
      [2, 'glb', 'lb', '203.0.113.10:61000', '198.51.100.10:8443'],
      [3, 'lb', 'backend', '203.0.113.10:61000', '10.0.1.5:8080'],
    ]);
  });

  it('Floating IP on the regional tier: the backend sees the regional frontend as destination', () => {
    expect(hops({ floating: '1' }).slice(2, 4)).toEqual([
      [3, 'lb', 'backend', '203.0.113.10:50000', '198.51.100.10:443'],
      [4, 'backend', 'lb', '198.51.100.10:443', '203.0.113.10:50000'],
    ]);
  });

  it.each([
    [{ glbip: '198.51.100.10' }, [['glbip', 'same-address']]],
    [{ glbip: '2001:db8::90' }, [['glbip', 'same-family']]],
    [{ glbip: 'x' }, [['glbip', 'ip']]],
    [{ pick: '3' }, [['pick', 'at-most']]],
  ])('%j is refused: %j', (raw, expected) => {
    expect(errors(raw as RawParams)).toEqual(expected);
  });

  it('the verdict: the backend sees the client itself', () => {
    const result = readCrossRegionScenario({});
    if (!result.ok) throw new Error('defaults');
    const view = crossRegionView(result.scenario, translator('en'));
    expect(view.verdict?.state).toBe('ok');
    expect(view.verdict?.text).toContain('203.0.113.10:50000');
    expect(crossRegionView(result.scenario, translator('ja')).verdict?.text).toContain('203.0.113.10:50000');
    // The client and the backend as value chips (SPEC §7.1).
    expect(view.verdict?.values).toEqual(['203.0.113.10:50000', '10.0.1.4:443']);
  });
});

describe('chain glb,lb on the paths page', () => {
  it('the regional Load Balancer is reached at its public frontend (lbip), and the backend sees the client', () => {
    const result = readPathScenario({ chain: 'glb,lb' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const r = pathLegs(result.scenario);
    expect([...r.request, ...r.reply].map((leg) => [leg.n, leg.sender, leg.receiver, socketText(leg.src), socketText(leg.dst)])).toEqual([
      [1, 'client', 'glb', '203.0.113.10:50000', '198.51.100.90:443'],
      [2, 'glb', 'lb', '203.0.113.10:50000', '198.51.100.10:443'],
      [3, 'lb', 'backend', '203.0.113.10:50000', '10.0.1.4:443'],
      [4, 'backend', 'lb', '10.0.1.4:443', '203.0.113.10:50000'],
      [5, 'lb', 'glb', '198.51.100.10:443', '203.0.113.10:50000'],
      [6, 'glb', 'client', '198.51.100.90:443', '203.0.113.10:50000'],
    ]);
    expect([socketText(r.backendSource), r.xff, r.cert]).toEqual(['203.0.113.10:50000', '', 'yes']);
    expect(r.nsg.map((rule) => [rule.place, rule.source, rule.port, rule.reason])).toEqual([
      ['backends', '203.0.113.10', '443', 'client-data'],
    ]);
  });

  it.each([
    ['glb', 'chain-next'],
    ['glb,agw', 'chain-order'],
    ['fd,glb,lb', 'chain-order'],
    ['tm,glb,lb', 'chain-order'],
  ])('%s is refused (%s)', (chain, code) => {
    const result = readPathScenario({ chain });
    expect(result.ok ? [] : result.errors.map((e) => [e.param, e.rule.code])).toEqual([['chain', code]]);
  });
});
