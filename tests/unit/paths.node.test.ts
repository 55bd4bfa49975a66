import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  pathFieldsInUse,
  pathLegs,
  readPathScenario,
  stageEffects,
  STAGES,
  type PathScenario,
} from '../../src/model/cross-service/paths.ts';
import type { RawParams } from '../../src/model/shared/params.ts';
import { socketText } from '../../src/view/table.ts';
import { errorMessage } from '../../src/view/errors.ts';
import { translator } from '../../src/i18n.ts';
import { explorerFor } from '../../src/explorers.ts';

function scenario(raw: RawParams): PathScenario {
  const result = readPathScenario(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

const legs = (raw: RawParams) => {
  const result = pathLegs(scenario(raw));
  return [...result.request, ...result.reply].map((leg) => [leg.n, leg.sender, leg.receiver, socketText(leg.src), socketText(leg.dst)]);
};
const summary = (raw: RawParams) => {
  const { backendSource, xff, cert } = pathLegs(scenario(raw));
  return { backendSource: socketText(backendSource), xff, cert };
};

// Golden tables for the presets, worked out by hand from SPEC §3, §8 and §9 with the defaults:
// client 203.0.113.10:50000, Front Door 198.51.100.50 / edge 192.0.2.50:41000, firewall
// 198.51.100.70 / instance 10.0.2.6:42000, gateway 198.51.100.20 (private 10.0.0.10), instance
// 10.0.0.4:40000, Load Balancer 198.51.100.10 (internal 10.0.1.100), backend 10.0.1.4:443.
describe('presets', () => {
  it('fd,agw: two proxies, X-Forwarded-For with the client (by Front Door) then the edge (by the gateway)', () => {
    expect(legs({ chain: 'fd,agw' })).toEqual([
      [1, 'client', 'fd', '203.0.113.10:50000', '198.51.100.50:443'],
      [2, 'fd', 'agw', '192.0.2.50:41000', '198.51.100.20:443'],
      [3, 'agw', 'backend', '10.0.0.4:40000', '10.0.1.4:443'],
      [4, 'backend', 'agw', '10.0.1.4:443', '10.0.0.4:40000'],
      [5, 'agw', 'fd', '198.51.100.20:443', '192.0.2.50:41000'],
      [6, 'fd', 'client', '198.51.100.50:443', '203.0.113.10:50000'],
    ]);
    expect(summary({ chain: 'fd,agw' })).toEqual({ backendSource: '10.0.0.4:40000', xff: '203.0.113.10, 192.0.2.50:41000', cert: 'no' });
  });

  it('fw,agw: DNAT with SNAT, so the gateway’s only client is the firewall instance', () => {
    expect(legs({ chain: 'fw,agw' })).toEqual([
      [1, 'client', 'fw', '203.0.113.10:50000', '198.51.100.70:443'],
      [2, 'fw', 'agw', '10.0.2.6:42000', '10.0.0.10:443'],
      [3, 'agw', 'backend', '10.0.0.4:40000', '10.0.1.4:443'],
      [4, 'backend', 'agw', '10.0.1.4:443', '10.0.0.4:40000'],
      [5, 'agw', 'fw', '10.0.0.10:443', '10.0.2.6:42000'],
      [6, 'fw', 'client', '198.51.100.70:443', '203.0.113.10:50000'],
    ]);
    expect(summary({ chain: 'fw,agw' })).toEqual({ backendSource: '10.0.0.4:40000', xff: '10.0.2.6:42000', cert: 'no' });
  });

  it('tm,agw: DNS answers with endpoint 1, then the client talks to that gateway directly', () => {
    const result = pathLegs(scenario({ chain: 'tm,agw' }));
    expect(result.dns!.answer.steps.map((step) => [step.query, step.answer])).toEqual([
      ['test.trafficmanager.net', 'CNAME region1.example.com'],
      ['region1.example.com', 'A 198.51.100.30'],
    ]);
    expect(legs({ chain: 'tm,agw' })).toEqual([
      [1, 'client', 'agw', '203.0.113.10:50000', '198.51.100.30:443'],
      [2, 'agw', 'backend', '10.0.0.4:40000', '10.0.1.4:443'],
      [3, 'backend', 'agw', '10.0.1.4:443', '10.0.0.4:40000'],
      [4, 'agw', 'client', '198.51.100.30:443', '203.0.113.10:50000'],
    ]);
    expect(summary({ chain: 'tm,agw' })).toEqual({ backendSource: '10.0.0.4:40000', xff: '203.0.113.10:50000', cert: 'no' });
  });

  it('fd,lb: the Load Balancer keeps the edge as the source', () => {
    expect(legs({ chain: 'fd,lb' })).toEqual([
      [1, 'client', 'fd', '203.0.113.10:50000', '198.51.100.50:443'],
      [2, 'fd', 'lb', '192.0.2.50:41000', '198.51.100.10:443'],
      [3, 'lb', 'backend', '192.0.2.50:41000', '10.0.1.4:443'],
      [4, 'backend', 'lb', '10.0.1.4:443', '192.0.2.50:41000'],
      [5, 'lb', 'fd', '198.51.100.10:443', '192.0.2.50:41000'],
      [6, 'fd', 'client', '198.51.100.50:443', '203.0.113.10:50000'],
    ]);
    expect(summary({ chain: 'fd,lb' })).toEqual({ backendSource: '192.0.2.50:41000', xff: '203.0.113.10', cert: 'no' });
  });

  it('agw,lb: the instance address passes the internal Load Balancer untouched', () => {
    expect(legs({ chain: 'agw,lb' })).toEqual([
      [1, 'client', 'agw', '203.0.113.10:50000', '198.51.100.20:443'],
      [2, 'agw', 'lb', '10.0.0.4:40000', '10.0.1.100:443'],
      [3, 'lb', 'backend', '10.0.0.4:40000', '10.0.1.4:443'],
      [4, 'backend', 'lb', '10.0.1.4:443', '10.0.0.4:40000'],
      [5, 'lb', 'agw', '10.0.1.100:443', '10.0.0.4:40000'],
      [6, 'agw', 'client', '198.51.100.20:443', '203.0.113.10:50000'],
    ]);
    expect(summary({ chain: 'agw,lb' })).toEqual({ backendSource: '10.0.0.4:40000', xff: '203.0.113.10:50000', cert: 'no' });
  });

  it('the NSG rows for fd,agw name Front Door by its tag and the instances by their subnet', () => {
    expect(pathLegs(scenario({ chain: 'fd,agw' })).nsg.map((r) => [r.place, r.source, r.destination, r.port])).toEqual([
      ['agw-subnet', 'AzureFrontDoor.Backend', '10.0.0.0/24', '443'],
      ['agw-subnet', 'GatewayManager', 'Any', '65200-65535'],
      ['agw-subnet', 'AzureLoadBalancer', 'Any', '*'],
      ['backends', '10.0.0.0/24', '10.0.1.4', '443'],
    ]);
  });

  it('mutual TLS on a gateway the client reaches directly forwards the certificate as a header; behind Front Door it cannot', () => {
    expect(summary({ chain: 'agw', tls: 'mtls-passthrough' }).cert).toBe('header');
    expect(summary({ chain: 'fd,agw', tls: 'mtls-passthrough' }).cert).toBe('no');
    expect(summary({ chain: 'lb' }).cert).toBe('yes');
  });
});

// The form shows only the fields a chain reads (worked out from the stage rules: a stage behind
// Front Door or first is reached at its public address, behind another stage at its private one,
// and after Traffic Manager at the endpoint DNS gave).
describe('fields a chain reads', () => {
  // Every chain reads the routes' fields (SPEC §14); the firewall's private IP only a chain with a
  // firewall (issue 32, review Q: without one, a route's appliance is the address the route names).
  const common = ['chain', 'client', 'cport', 'xffin', 'port', 'backends', 'bport', 'pick', 'vnet', 'bsubnet', 'routes'];
  const agw = ['subnet', 'instances', 'via', 'gport', 'tls'];
  it.each<[string, string[]]>([
    ['fd,agw', ['fdip', 'edge', 'eport', 'fdid', 'agwip', ...agw]],
    ['fw,agw', ['fwip', 'fwsnat', 'fwport', 'fwsubnet', 'fwpriv', 'agwpriv', ...agw]],
    ['agw,fwr', ['agwip', ...agw, 'fwrule', 'fwsnat', 'fwport', 'fwsubnet', 'fwpriv']],
    ['tm,agw', ['profile', 'endpoints', ...agw]],
    ['fd,lb', ['fdip', 'edge', 'eport', 'fdid', 'lbip', 'floating']],
    ['agw,lb', ['agwip', ...agw, 'lbpriv', 'floating']],
    ['lb', ['lbip', 'floating']],
  ])('%s', (chain, own) => {
    expect([...pathFieldsInUse(scenario({ chain }))].sort()).toEqual([...common, ...own].sort());
  });
});

describe('invalid chains are field errors on chain', () => {
  it.each([
    ['agw,fd', 'chain-order'],
    ['lb,tm', 'chain-order'],
    ['fd,fd', 'duplicate'],
    ['tm', 'chain-data-path'],
    ['', 'chain-data-path'],
    ['fd,<script>', 'chain-stage'],
    ['fd,,agw', 'chain-stage'],
  ])('%j', (chain, code) => {
    const result = readPathScenario({ chain });
    expect(result.ok ? [] : result.errors.map((e) => [e.param, e.rule.code])).toEqual([['chain', code]]);
  });

  it('messages name the keys the registry declares, in their order', () => {
    const message = (chain: string) => {
      const result = readPathScenario({ chain });
      return result.ok ? '' : errorMessage(result.errors[0]!, translator('en'));
    };
    expect(message('xx')).toContain('“\u2068xx\u2069” is not a service key. Use glb, tm, fd, fw, agw, fwr, pls, lb, aks.');
    expect(message('agw,fd')).toContain('This page computes the order glb, tm, fd, fw, agw, fwr, pls, lb, aks.');
    expect(message('tm')).toContain('(glb, fd, fw, agw, fwr, pls, lb, aks)');
    expect(message('pls')).toContain('pls must be followed by one of lb.');
  });
});

// Property tests over random valid chains (SPEC §9, issue: paths).
describe('invariants over every valid chain', () => {
  // Every subset of the stages in their one order, with a data-path stage (the registry's declarations).
  const chains = fc
    .subarray([...STAGES], { minLength: 1 })
    .map((stages) => stages.map((stage) => stage.key))
    // The subsets the stages' declarations allow (a Private Link service needs a Load Balancer next, …).
    .filter((keys) => readPathScenario({ chain: keys.join(',') }).ok);
  const raw = fc.record({
    chain: chains.map((keys) => keys.join(',')),
    cport: fc.integer({ min: 1024, max: 65535 }).map(String),
    pick: fc.constantFrom('1', '2'),
    xffin: fc.constantFrom('', '198.51.100.7', '192.0.2.9:1234, 198.51.100.8'),
  });

  it('leg 1 starts at the client; the last request leg ends at the picked backend; replies mirror requests', () => {
    fc.assert(
      fc.property(raw, (r) => {
        const s = scenario(r);
        const { request, reply } = pathLegs(s);
        expect(socketText(request[0]!.src)).toBe(`203.0.113.10:${r.cport}`);
        // Behind an AKS Service the backend is the chosen pod at its targetPort (issue 33; defaults 10.244.1.7, 8080).
        expect(socketText(request.at(-1)!.dst)).toBe(s.chain.includes('aks') ? '10.244.1.7:8080' : `${s.backends[s.pick - 1]!.text}:443`);
        expect(reply.map((leg) => [socketText(leg.src), socketText(leg.dst)])).toEqual(
          [...request].reverse().map((leg) => [socketText(leg.dst), socketText(leg.src)]),
        );
      }),
    );
  });

  it('the backend sees the client as packet source exactly when no proxy or firewall is on the path', () => {
    fc.assert(
      fc.property(raw, (r) => {
        const s = scenario(r);
        // Which stages translate the source is what they declare (issue 33), not a list kept here.
        const direct = stageEffects(s).every((effect) => effect.source === 'kept');
        expect(socketText(pathLegs(s).backendSource).startsWith('203.0.113.10:')).toBe(direct);
      }),
    );
  });

  it('every X-Forwarded-For entry was sent by the client or written by a proxy about the leg it received', () => {
    fc.assert(
      fc.property(raw, (r) => {
        const s = scenario(r);
        const { request, xff } = pathLegs(s);
        const writers = new Set(
          stageEffects(s)
            .filter((effect) => effect.writesXff)
            .map((effect) => effect.key),
        );
        const proxied = request.filter((leg) => writers.has(leg.receiver));
        const allowed = new Set([
          ...(r.xffin === '' ? [] : r.xffin.split(/,\s*/)),
          ...proxied.map((leg) => socketText(leg.src)),
          ...proxied
            .filter((leg) => leg.receiver === 'fd')
            .map((leg) => socketText(leg.src).slice(0, socketText(leg.src).lastIndexOf(':'))),
        ]);
        for (const entry of xff === '' ? [] : xff.split(', ')) expect(allowed.has(entry)).toBe(true);
        // The last proxy's entry is last: it describes the connection that proxy accepted.
        const lastProxy = proxied.at(-1);
        if (lastProxy)
          expect(xff.split(', ').at(-1)).toBe(
            lastProxy.receiver === 'fd'
              ? socketText(lastProxy.src).slice(0, socketText(lastProxy.src).lastIndexOf(':'))
              : socketText(lastProxy.src),
          );
      }),
    );
  });
});

// Issue "Paths, second edition": what the page got wrong, and input it accepted. Worked out by hand.
describe('second edition: fixes', () => {
  const nsg = (raw: RawParams) => pathLegs(scenario(raw)).nsg.map((rule) => [rule.place, rule.source, rule.destination, rule.port]);
  const refusals = (raw: RawParams) => {
    const result = readPathScenario(raw);
    return result.ok ? [] : result.errors.map((e) => [e.param, e.rule.code]);
  };

  it('a gateway toward a public backend sends from its frontend public IP (How an application gateway works)', () => {
    expect(legs({ chain: 'agw', backends: '198.51.100.99' }).slice(0, 2)).toEqual([
      [1, 'client', 'agw', '203.0.113.10:50000', '198.51.100.20:443'],
      [2, 'agw', 'backend', '198.51.100.20:40000', '198.51.100.99:443'],
    ]);
    expect(nsg({ chain: 'agw', backends: '198.51.100.99' }).at(-1)).toEqual(['backends', '198.51.100.20', '198.51.100.99', '443']);
  });

  it('a private frontend on what would be instance 1 moves the instances around it: 10.0.0.4 frontend, 10.0.0.5 instance 1', () => {
    expect(legs({ chain: 'fw,agw', agwpriv: '10.0.0.4' }).slice(1, 3)).toEqual([
      [2, 'fw', 'agw', '10.0.2.6:42000', '10.0.0.4:443'],
      [3, 'agw', 'backend', '10.0.0.5:40000', '10.0.1.4:443'],
    ]);
  });

  it.each([
    [{ chain: 'fw,agw', agwpriv: '10.0.1.10' }, [['agwpriv', 'inside-subnet']]],
    [{ chain: 'fw,agw', agwpriv: '10.0.0.1' }, [['agwpriv', 'reserved-address']]],
    [{ chain: 'fw,agw', agwpriv: '10.0.0.255' }, [['agwpriv', 'reserved-address']]],
    // The /29 holds 3 instances: 125 do not fit, and via 125 is checked against them.
    [{ chain: 'fd,agw', subnet: '10.0.0.0/29', instances: '125', via: '125' }, [['instances', 'subnet-fit']]],
    [{ chain: 'fd,agw', subnet: '10.0.0.0/32' }, [['instances', 'subnet-fit']]],
    [{ chain: 'fd,agw', backends: '10.0.0.200' }, [['backends', 'outside-subnet']]],
    [{ chain: 'agw,lb', lbpriv: '10.0.0.4' }, [['lbpriv', 'same-address']]],
    // A firewall subnet over the gateway's or the backends' block: besides the shared address, the later
    // subnet along the chain is refused as overlapping the firewall's, and the firewall's private IP
    // 10.0.2.4 is no longer on its subnet (SPEC §14).
    [
      { chain: 'fw,agw', fwsnat: '10.0.0.4', fwsubnet: '10.0.0.0/24' },
      [
        ['fwsnat', 'same-address'],
        ['subnet', 'subnet-overlap'],
        ['fwpriv', 'inside-subnet'],
      ],
    ],
    [
      { chain: 'fw,lb', fwsnat: '10.0.1.4', fwsubnet: '10.0.1.0/26' },
      [
        ['fwsnat', 'same-address'],
        ['bsubnet', 'subnet-overlap'],
        ['fwpriv', 'inside-subnet'],
      ],
    ],
    [{ chain: 'fw,agw', fwsnat: '10.0.3.6' }, [['fwsnat', 'inside-subnet']]],
    [{ chain: 'fd,agw', edge: '10.0.0.4' }, [['edge', 'same-address']]],
    [{ chain: Array.from({ length: 4000 }, () => 'a').join(',') }, [['chain', 'chain-length']]],
    [{ chain: 'fd,agw,lb,fw,tm,fd,pls,fwr,glb,aks' }, [['chain', 'chain-length']]],
    [{ chain: 'constructor' }, [['chain', 'chain-stage']]],
    [{ chain: '__proto__,agw' }, [['chain', 'chain-stage']]],
  ])('%j is refused: %j', (raw, expected) => {
    expect(refusals(raw)).toEqual(expected);
  });

  it('keys are read case-insensitively, and a service id stands for its key', () => {
    expect(scenario({ chain: 'FD,AGW' }).chain).toEqual(['fd', 'agw']);
    expect(scenario({ chain: 'front-door,application-gateway' }).chain).toEqual(['fd', 'agw']);
  });

  it('behind the firewall, NSG rows allow AzureFirewallSubnet (fwsubnet), not one instance address', () => {
    expect(nsg({ chain: 'fw,agw' })[0]).toEqual(['agw-subnet', '10.0.2.0/26', '10.0.0.0/24', '443']);
    expect(nsg({ chain: 'fw,lb' })).toEqual([['backends', '10.0.2.0/26', '10.0.1.4', '443']]);
  });

  it('with Traffic Manager first, the first stage lets its probes in (AzureTrafficManager on the listener port)', () => {
    expect(nsg({ chain: 'tm,agw' }).filter((row) => row[1] === 'AzureTrafficManager')).toEqual([
      ['agw-subnet', 'AzureTrafficManager', '10.0.0.0/24', '443'],
    ]);
    // A Load Balancer keeps the probe's source: the backends see the tag.
    expect(nsg({ chain: 'tm,lb' })).toEqual([
      ['backends', '203.0.113.10', '10.0.1.4', '443'],
      ['backends', 'AzureTrafficManager', '10.0.1.4', '443'],
    ]);
    expect(nsg({ chain: 'fd,agw' }).some((row) => row[1] === 'AzureTrafficManager')).toBe(false);
  });
});

// SPEC §11: Private Link, a firewall reached by route, and IP flow verify. Golden legs worked out by hand:
// private endpoint 10.1.0.5, NAT IP 10.0.3.4:43000, internal Load Balancer 10.0.1.100, firewall 10.0.2.6:42000.
describe('second edition: new stages', () => {
  const summaryOf = (raw: RawParams) => {
    const r = pathLegs(scenario(raw));
    return {
      backendSource: socketText(r.backendSource),
      xff: r.xff,
      cert: r.cert,
      proxy: r.proxy && { ...r.proxy, source: r.proxy.source && socketText(r.proxy.source) },
    };
  };
  const nsgOf = (raw: RawParams) => pathLegs(scenario(raw)).nsg.map((rule) => [rule.place, rule.source, rule.destination, rule.port]);

  it('pls,lb: the consumer reaches its private endpoint; the backend sees the NAT IP', () => {
    expect(legs({ chain: 'pls,lb' })).toEqual([
      [1, 'client', 'pls', '203.0.113.10:50000', '10.1.0.5:443'],
      [2, 'pls', 'lb', '10.0.3.4:43000', '10.0.1.100:443'],
      [3, 'lb', 'backend', '10.0.3.4:43000', '10.0.1.4:443'],
      [4, 'backend', 'lb', '10.0.1.4:443', '10.0.3.4:43000'],
      [5, 'lb', 'pls', '10.0.1.100:443', '10.0.3.4:43000'],
      [6, 'pls', 'client', '10.1.0.5:443', '203.0.113.10:50000'],
    ]);
    expect(summaryOf({ chain: 'pls,lb' })).toEqual({ backendSource: '10.0.3.4:43000', xff: '', cert: 'yes', proxy: null });
    expect(nsgOf({ chain: 'pls,lb' })).toEqual([['backends', '10.0.3.4', '10.0.1.4', '443']]);
  });

  it('pls,lb with TCP Proxy v2: the header carries the consumer’s address and the LinkID (TLV 0xEE/0x01)', () => {
    expect(summaryOf({ chain: 'pls,lb', proxy: '1', linkid: '42' }).proxy).toEqual({
      source: '203.0.113.10:50000',
      linkId: 42,
    });
    expect(legs({ chain: 'pls,lb', proxy: '1' })).toEqual(legs({ chain: 'pls,lb' }));
  });

  it('fd,pls,lb: a Private Link origin sees the NAT IP, not AzureFrontDoor.Backend', () => {
    expect(legs({ chain: 'fd,pls,lb' }).slice(0, 4)).toEqual([
      [1, 'client', 'fd', '203.0.113.10:50000', '198.51.100.50:443'],
      [2, 'fd', 'pls', '192.0.2.50:41000', '10.1.0.5:443'],
      [3, 'pls', 'lb', '10.0.3.4:43000', '10.0.1.100:443'],
      [4, 'lb', 'backend', '10.0.3.4:43000', '10.0.1.4:443'],
    ]);
    expect(summaryOf({ chain: 'fd,pls,lb' })).toMatchObject({ backendSource: '10.0.3.4:43000', xff: '203.0.113.10', cert: 'no' });
    expect(nsgOf({ chain: 'fd,pls,lb' })).toEqual([['backends', '10.0.3.4', '10.0.1.4', '443']]);
  });

  it('agw,fwr with a network rule: no SNAT toward a private backend; the reply needs a route back through the firewall', () => {
    expect(legs({ chain: 'agw,fwr' })).toEqual([
      [1, 'client', 'agw', '203.0.113.10:50000', '198.51.100.20:443'],
      [2, 'agw', 'fwr', '10.0.0.4:40000', '10.0.1.4:443'],
      [3, 'fwr', 'backend', '10.0.0.4:40000', '10.0.1.4:443'],
      [4, 'backend', 'fwr', '10.0.1.4:443', '10.0.0.4:40000'],
      [5, 'fwr', 'agw', '10.0.1.4:443', '10.0.0.4:40000'],
      [6, 'agw', 'client', '198.51.100.20:443', '203.0.113.10:50000'],
    ]);
    // Without routes the request goes around the firewall (leg 2) and so does the reply (leg 4): the
    // flow is symmetric without the firewall, so the reply needs its route as the request does (routes.node.test.ts).
    const result = pathLegs(scenario({ chain: 'agw,fwr' }));
    expect(result.warnings.find((w) => w.leg === 4)).toMatchObject({
      key: 'route-needed',
      args: { prefix: '10.0.0.0/24', firewall: '10.0.2.4' },
    });
    expect(nsgOf({ chain: 'agw,fwr' }).at(-1)).toEqual(['backends', '10.0.0.0/24', '10.0.1.4', '443']);
  });

  it('agw,fwr with an application rule: the firewall proxies, the backend sees a firewall instance, no warning', () => {
    expect(legs({ chain: 'agw,fwr', fwrule: 'app' }).slice(2, 5)).toEqual([
      [3, 'fwr', 'backend', '10.0.2.6:42000', '10.0.1.4:443'],
      [4, 'backend', 'fwr', '10.0.1.4:443', '10.0.2.6:42000'],
      [5, 'fwr', 'agw', '10.0.1.4:443', '10.0.0.4:40000'],
    ]);
    // The reply returns to the firewall by itself; only the gateway subnet's route to the firewall is needed.
    expect(pathLegs(scenario({ chain: 'agw,fwr', fwrule: 'app', routes: 'agw:10.0.1.0/24=10.0.2.4' })).warnings).toEqual([]);
    expect(nsgOf({ chain: 'agw,fwr', fwrule: 'app' }).at(-1)).toEqual(['backends', '10.0.2.0/26', '10.0.1.4', '443']);
  });

  it.each([
    ['pls', 'chain-next'],
    ['pls,agw', 'chain-order'],
    ['fwr', 'chain-first'],
    ['fwr,lb', 'chain-first'],
    ['fd,fwr', 'chain-order'],
    ['agw,fwr,lb', 'chain-order'],
  ])('%s is refused: %s', (chain, code) => {
    const result = readPathScenario({ chain });
    expect(result.ok ? [] : result.errors.map((e) => e.rule.code)).toEqual([code]);
  });

  it('every chain valid before the new stages still gives the same legs (the fd,agw default)', () => {
    expect(legs({}).map((leg) => leg[2])).toEqual(['fd', 'agw', 'backend', 'agw', 'fd', 'client']);
  });

  // Architecture Center, "Firewall and Application Gateway for virtual networks": firewall instance
  // 192.168.100.7, gateway private frontend 192.168.200.4, gateway instance 192.168.200.7, backend 192.168.1.4.
  it('Microsoft’s walk, Azure Firewall in front of Application Gateway, leg by leg', () => {
    const raw = {
      chain: 'fw,agw',
      fwsnat: '192.168.100.7',
      // The walk's virtual network (its addresses are Microsoft's example, not a documentation range).
      vnet: '192.168.0.0/16',
      bsubnet: '192.168.1.0/24',
      fwpriv: '192.168.100.4',
      fwsubnet: '192.168.100.0/26',
      agwpriv: '192.168.200.4',
      subnet: '192.168.200.0/24',
      instances: '3',
      via: '3',
      backends: '192.168.1.4',
    };
    const walked = legs(raw);
    expect(walked[1]!.slice(3)).toEqual(['192.168.100.7:42000', '192.168.200.4:443']);
    expect(walked[2]!.slice(3)).toEqual(['192.168.200.7:40000', '192.168.1.4:443']);
    // Learn writes the header's entry without the port the gateway appends.
    expect(summaryOf(raw).xff).toBe('192.168.100.7:42000');
  });

  it('Microsoft’s walk, Application Gateway in front of Azure Firewall: 192.168.200.7 (network rule) or 192.168.100.7 (application rule)', () => {
    const raw = {
      chain: 'agw,fwr',
      subnet: '192.168.200.0/24',
      // The walk's virtual network (its addresses are Microsoft's example, not a documentation range).
      vnet: '192.168.0.0/16',
      bsubnet: '192.168.1.0/24',
      fwpriv: '192.168.100.4',
      instances: '4',
      via: '4',
      backends: '192.168.1.4',
      fwsnat: '192.168.100.7',
      fwsubnet: '192.168.100.0/26',
    };
    expect(summaryOf(raw).backendSource).toBe('192.168.200.7:40000');
    expect(summaryOf({ ...raw, fwrule: 'app' }).backendSource).toBe('192.168.100.7:42000');
  });

  it('check it yourself: each leg that reaches a VM, as IP flow verify takes it (inbound, local = the VM)', () => {
    expect(pathLegs(scenario({})).verify.map((c) => [c.leg, c.direction, c.protocol, socketText(c.local), socketText(c.remote)])).toEqual([
      [3, 'Inbound', 'TCP', '10.0.1.4:443', '10.0.0.4:40000'],
    ]);
    expect(pathLegs(scenario({ chain: 'pls,lb' })).verify.map((c) => socketText(c.remote))).toEqual(['10.0.3.4:43000']);
  });
});

describe('where the client certificate stops', () => {
  // The first stage that ends the client's TLS names the reason; a Layer 4 stage (firewall DNAT,
  // Load Balancer, Private Link) passes the handshake on.
  it.each([
    ['fd', 'fd'],
    ['fd,lb', 'fd'],
    ['fd,pls,lb', 'fd'],
    ['fd,agw', 'fd'],
    ['fw,agw', 'agw'],
    ['agw,lb', 'agw'],
    ['tm,agw', 'agw'],
    ['lb', null],
    ['pls,lb', null],
    ['fw,lb', null],
  ])('%s: %s', (chain, stage) => {
    expect(pathLegs(scenario({ chain })).certEndedAt).toBe(stage);
  });

  it('the table says where, in both languages', () => {
    const outputs = (lang: 'ja' | 'en', chain: string) =>
      JSON.stringify(explorerFor('path').view(scenario({ chain }), translator(lang)).outputs);
    expect(outputs('en', 'fd,lb')).toContain('No: the client’s TLS ends at Front Door');
    expect(outputs('en', 'fd,lb')).not.toContain('ends at the gateway');
    expect(outputs('ja', 'agw')).toContain('届かない（クライアントの TLS は Application Gateway で終端する）');
  });
});
