import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseIp, parseSubnet4 } from '../../src/model/shared/ip.ts';
import { nextHop, routesParam, type Route } from '../../src/model/shared/routes.ts';
import { pathLegs, readPathScenario, type PathScenario } from '../../src/model/cross-service/paths.ts';
import type { RawParams } from '../../src/model/shared/params.ts';
import { socketText } from '../../src/view/table.ts';
import { pathView } from '../../src/view/paths.ts';
import { toHtml } from '../../src/view/tree.ts';
import { translator } from '../../src/i18n.ts';
import before from './fixtures/path-legs-before.json' with { type: 'json' };

const ip = (text: string) => parseIp(text)!;
const cidr = (text: string) => parseSubnet4(text)!;
const VNET = cidr('10.0.0.0/16');
const user = (prefix: string, hop: string): Route =>
  hop === 'internet'
    ? { prefix: cidr(prefix), type: 'Internet', source: 'user' }
    : { prefix: cidr(prefix), type: 'VirtualAppliance', hop: ip(hop), source: 'user' };

/** The next hop as `type hop (source prefix)`, the way the golden rows are written. */
const hopOf = (routes: readonly Route[], destination: string, vnet = VNET) => {
  const next = nextHop(vnet, routes, ip(destination))!;
  return `${next.type}${next.hop ? ` ${next.hop.text}` : ''} (${next.route.source} ${next.route.prefix.text})`;
};

// virtual-networks-udr-overview: system routes (the space → VirtualNetwork, 0.0.0.0/0 → Internet,
// 10/8, 172.16/12, 192.168/16, 100.64/10 → None); longest prefix wins; on an equal prefix a user
// route wins over a system route. Each row worked out by hand.
describe('next hop', () => {
  it.each([
    // No user routes: the system routes alone.
    [[], '10.0.1.4', 'VirtualNetwork (system 10.0.0.0/16)'],
    [[], '203.0.113.10', 'Internet (system 0.0.0.0/0)'],
    [[], '10.1.0.5', 'None (system 10.0.0.0/8)'],
    [[], '172.16.5.5', 'None (system 172.16.0.0/12)'],
    [[], '192.168.1.1', 'None (system 192.168.0.0/16)'],
    [[], '100.64.0.1', 'None (system 100.64.0.0/10)'],
    // A default route to the firewall: the internet goes to it, the virtual network still does not (/16 beats /0).
    [[user('0.0.0.0/0', '10.0.2.4')], '203.0.113.10', 'VirtualAppliance 10.0.2.4 (user 0.0.0.0/0)'],
    [[user('0.0.0.0/0', '10.0.2.4')], '10.0.0.4', 'VirtualNetwork (system 10.0.0.0/16)'],
    // A more specific route wins over the default route.
    [[user('0.0.0.0/0', '10.0.2.4'), user('203.0.113.0/24', 'internet')], '203.0.113.10', 'Internet (user 203.0.113.0/24)'],
    [[user('0.0.0.0/0', '10.0.2.4'), user('203.0.113.0/24', 'internet')], '198.51.100.1', 'VirtualAppliance 10.0.2.4 (user 0.0.0.0/0)'],
    // A user route beats a system route on an equal prefix, in either order of writing.
    [[user('10.0.0.0/16', '10.0.2.4')], '10.0.1.4', 'VirtualAppliance 10.0.2.4 (user 10.0.0.0/16)'],
    [[user('10.0.0.0/8', '10.0.2.4')], '10.9.0.1', 'VirtualAppliance 10.0.2.4 (user 10.0.0.0/8)'],
    // A longer system prefix still beats a shorter user route.
    [[user('10.0.0.0/8', '10.0.2.4')], '10.0.1.4', 'VirtualNetwork (system 10.0.0.0/16)'],
  ])('%j → %s: %s', (routes, destination, expected) => {
    expect(hopOf(routes as Route[], destination)).toBe(expected);
  });

  it('a space that uses a None range itself routes it to the virtual network', () => {
    expect(hopOf([], '10.200.0.1', cidr('10.0.0.0/8'))).toBe('VirtualNetwork (system 10.0.0.0/8)');
  });

  it('an IPv6 destination has no IPv4 route', () => {
    expect(nextHop(VNET, [], ip('2001:db8::10'))).toBeNull();
  });
});

describe('routes parameter', () => {
  const parse = routesParam(['backend', 'agw', 'fw']).parse;
  it('reads subnet:prefix=hop, normalising the prefix', () => {
    const parsed = parse('backend:0.0.0.0/0=10.0.2.4, AGW:10.0.1.7/24=internet,fw:0.0.0.0/0=none');
    expect(parsed.ok && parsed.value.map((r) => [r.subnet, r.prefix.text, r.type, r.hop?.text ?? ''])).toEqual([
      ['backend', '0.0.0.0/0', 'VirtualAppliance', '10.0.2.4'],
      ['agw', '10.0.1.0/24', 'Internet', ''],
      ['fw', '0.0.0.0/0', 'None', ''],
    ]);
    expect(parse('')).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['backend:10.0.0.0/33=10.0.2.4', 'route-prefix', 1],
    ['backend:0.0.0.0/0=10.0.2.4,db:0.0.0.0/0=10.0.2.4', 'route-subnet', 2],
    ['backend:0.0.0.0/0=firewall', 'route-hop', 1],
    ['backend:0.0.0.0/0=2001:db8::1', 'route-item', 1],
    ['backend:0.0.0.0/0=<script>', 'route-item', 1],
    ['backend:0.0.0.0/0=10.0.2.4,backend:0.0.0.0/0=internet', 'route-duplicate', 2],
  ])('%s → %s at route %i', (text, code, index) => {
    expect(parse(text)).toMatchObject({ ok: false, rule: { code, index } });
  });

  it('more than 16 routes, or endless text, is refused before any is read', () => {
    const many = Array.from({ length: 17 }, (_, i) => `backend:10.9.${i}.0/24=10.0.2.4`).join(',');
    expect(parse(many)).toMatchObject({ ok: false, rule: { code: 'route-count' } });
    expect(parse('x'.repeat(5000))).toMatchObject({ ok: false, rule: { code: 'route-count' } });
  });
});

function scenario(raw: RawParams): PathScenario {
  const result = readPathScenario(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}
const warnings = (raw: RawParams) => pathLegs(scenario(raw)).warnings.map((w) => [w.leg, w.key, w.message ?? w.key]);
const nextHops = (raw: RawParams) =>
  pathLegs(scenario(raw)).routes.legs.map((l) => [
    l.leg,
    l.subnet,
    `${l.next.type}${l.next.hop ? ` ${l.next.hop.text}` : ''}`,
    l.next.route.prefix.text,
  ]);

// Defaults: client 203.0.113.10:50000, Load Balancer 198.51.100.10 (internal 10.0.1.100), firewall
// 198.51.100.70 / private 10.0.2.4 / instance 10.0.2.6:42000, gateway instance 10.0.0.4:40000 in
// 10.0.0.0/24, backend 10.0.1.4:443 in 10.0.1.0/24, virtual network 10.0.0.0/16.
describe('routes on a path', () => {
  it('public Load Balancer, the backend subnet’s default route to the firewall: the reply (leg 3) reaches a firewall that never saw the request', () => {
    const raw = { chain: 'lb', routes: 'backend:0.0.0.0/0=10.0.2.4' };
    expect(nextHops(raw)).toEqual([[3, 'backend', 'VirtualAppliance 10.0.2.4', '0.0.0.0/0']]);
    expect(warnings(raw)).toEqual([[3, 'asymmetric', 'asymmetric-reaches']]);
  });

  it('the same route with the firewall in front by DNAT: symmetric, the reply is addressed to the firewall’s instance inside the network', () => {
    const raw = { chain: 'fw,lb', routes: 'backend:0.0.0.0/0=10.0.2.4' };
    // Leg 4 is the backend's reply to 10.0.2.6: 10.0.0.0/16 is longer than 0.0.0.0/0, so the virtual network delivers it.
    expect(nextHops(raw)).toEqual([
      [2, 'fw', 'VirtualNetwork', '10.0.0.0/16'],
      [4, 'backend', 'VirtualNetwork', '10.0.0.0/16'],
      [6, 'fw', 'Internet', '0.0.0.0/0'],
    ]);
    expect(warnings(raw)).toEqual([]);
  });

  // The AKS stage is not addressed either (the Load Balancer's rule delivers to a node), but it is
  // no firewall: the pod's reply goes to the node's own address in the virtual network, delivered.
  // Before, every chain ending in aks read "Fails: leg N does not return the way its request came".
  it.each([
    ['lb,aks', 'cluster', '1'],
    ['lb,aks', 'cluster', '2'],
    ['lb,aks', 'local', '1'],
    ['fd,agw,lb,aks', 'cluster', '2'],
    ['fw,lb,aks', 'cluster', '1'],
    ['agw,lb,aks', 'local', '1'],
  ])('%s with externalTrafficPolicy %s, the pod on node %s: no route warning', (chain, etp, ppick) => {
    expect(warnings({ chain, etp, ppick })).toEqual([]);
  });

  it('gateway then firewall by route, no routes: the request goes around the firewall (leg 2) and so does the reply (leg 4)', () => {
    const result = pathLegs(scenario({ chain: 'agw,fwr' }));
    expect(result.warnings.map((w) => [w.leg, w.key, w.args])).toEqual([
      [2, 'route-needed', { prefix: '10.0.1.0/24', firewall: '10.0.2.4' }],
      // Not asymmetric: the request never passed the firewall either, so nothing drops the reply.
      [4, 'route-needed', { prefix: '10.0.0.0/24', firewall: '10.0.2.4' }],
    ]);
    // The firewall's own legs never happen: the request and the reply go around it.
    expect([...result.routes.untaken]).toEqual([3, 5]);
    expect(result.routes.needed).toEqual([
      { route: 'agw:10.0.1.0/24=10.0.2.4', given: false },
      { route: 'backend:10.0.0.0/24=10.0.2.4', given: false },
    ]);
  });

  it('gateway then firewall by route, with both routes: no warning', () => {
    const raw = { chain: 'agw,fwr', routes: 'agw:10.0.1.0/24=10.0.2.4,backend:10.0.0.0/24=10.0.2.4' };
    expect(warnings(raw)).toEqual([]);
    expect(nextHops(raw)).toEqual([
      [2, 'agw', 'VirtualAppliance 10.0.2.4', '10.0.1.0/24'],
      [3, 'fw', 'VirtualNetwork', '10.0.0.0/16'],
      [4, 'backend', 'VirtualAppliance 10.0.2.4', '10.0.0.0/24'],
      [5, 'fw', 'VirtualNetwork', '10.0.0.0/16'],
      [6, 'agw', 'Internet', '0.0.0.0/0'],
    ]);
    expect(pathLegs(scenario(raw)).routes.needed.every((n) => n.given)).toBe(true);
  });

  it('gateway then firewall with an application rule: only the gateway’s route is needed (the firewall translates, the reply returns to it)', () => {
    expect(warnings({ chain: 'agw,fwr', fwrule: 'app', routes: 'agw:10.0.1.0/24=10.0.2.4' })).toEqual([]);
    expect(pathLegs(scenario({ chain: 'agw,fwr', fwrule: 'app' })).routes.needed).toEqual([
      { route: 'agw:10.0.1.0/24=10.0.2.4', given: false },
    ]);
  });

  it('the gateway subnet’s default route to an appliance is flagged (not supported for v2), on the reply it diverts', () => {
    expect(warnings({ chain: 'fd,agw', routes: 'agw:0.0.0.0/0=10.0.2.4' })).toEqual([
      [5, 'asymmetric', 'asymmetric-reaches'],
      [5, 'agw-default-route', 'agw-default-route'],
    ]);
  });

  // integrate-lb: the reply of a public Load Balancer's flow reaches a firewall the request never
  // passed. SNAT on that firewall cannot help (only packets that pass it are translated), so the
  // note offers the DNAT design and the client route, and says SNAT does not help.
  it.each([
    ['en', 'SNAT on the appliance does not help'],
    ['ja', 'アプライアンスでの SNAT では解決しません'],
  ] as const)('the reply that reaches an appliance the request never passed: no SNAT fix offered (%s)', (lang, says) => {
    const notes = pathView(scenario({ chain: 'lb', routes: 'backend:0.0.0.0/0=10.0.2.4' }), translator(lang))
      .outputs.map(toHtml)
      .filter((html) => html.startsWith('<p') && html.includes('data-warning="asymmetric"'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(says);
    expect(notes[0]).toContain('DNAT');
  });

  it('a request routed through an appliance whose reply comes back directly skips it', () => {
    expect(warnings({ chain: 'fd,agw', routes: 'agw:10.0.1.0/24=10.0.2.4' })).toEqual([[4, 'asymmetric', 'asymmetric-skips']]);
  });

  // Issue 32 (review A): a leg whose sender the packets never reach is not taken, and a dropped
  // packet ends the walk. Worked out by hand from the legs above: agw,fwr is 1 client>agw, 2 agw>fwr,
  // 3 fwr>backend, 4 backend>fwr, 5 fwr>agw, 6 agw>client; lb is 1 client>lb, 2 lb>backend,
  // 3 backend>lb, 4 lb>client; fd,agw is 1 client>fd, 2 fd>agw, 3 agw>backend, 4 backend>agw, 5 agw>fd, 6 fd>client.
  it.each([
    // No routes: leg 2 goes straight to the backend, leg 4 straight back to the gateway; the firewall sends nothing.
    [{ chain: 'agw,fwr' }, [3, 5], [2, 4]],
    // The gateway's route only: the request passes the firewall; the reply goes around it (leg 4), so leg 5 never happens.
    [{ chain: 'agw,fwr', routes: 'agw:10.0.1.0/24=10.0.2.4' }, [5], [4]],
    // Both routes: every leg is taken.
    [{ chain: 'agw,fwr', routes: 'agw:10.0.1.0/24=10.0.2.4,backend:10.0.0.0/24=10.0.2.4' }, [], []],
    // An application rule needs only the gateway's route.
    [{ chain: 'agw,fwr', fwrule: 'app', routes: 'agw:10.0.1.0/24=10.0.2.4' }, [], []],
    // The backends' prefix routed to None: leg 2 is dropped, nothing after it happens, and only leg 2 is flagged.
    [{ chain: 'agw,fwr', routes: 'agw:10.0.1.0/24=none' }, [3, 4, 5, 6], [2]],
    // The firewall drops the reply the request never brought (leg 3): the Load Balancer has nothing to send back (leg 4).
    [{ chain: 'lb', routes: 'backend:0.0.0.0/0=10.0.2.4' }, [4], [3]],
    // The gateway's reply to Front Door goes to the appliance (leg 5) and is dropped: Front Door never answers (leg 6).
    [{ chain: 'fd,agw', routes: 'agw:0.0.0.0/0=10.0.2.4' }, [6], [5, 5]],
    // A reply that skips the appliance the request passed still arrives: the walk goes on (the appliance's loss is the warning).
    [{ chain: 'fd,agw', routes: 'agw:10.0.1.0/24=10.0.2.4' }, [], [4]],
  ])('legs not taken: %j', (raw, untaken, warned) => {
    const result = pathLegs(scenario(raw as RawParams));
    expect([...result.routes.untaken].sort((a, b) => a - b)).toEqual(untaken);
    expect(result.warnings.map((w) => w.leg)).toEqual(warned);
  });

  it.each([
    [{ routes: 'backend:0.0.0.0/0=192.0.2.1' }, 'routes', 'route-hop-outside'],
    [{ bsubnet: '10.1.0.0/24' }, 'bsubnet', 'subnet-within'],
    [{ fwpriv: '10.1.0.4' }, 'fwpriv', 'inside-subnet'],
  ])('%j is refused at %s', (raw, param, code) => {
    const result = readPathScenario({ chain: 'lb', ...raw });
    expect(result.ok ? [] : result.errors.map((e) => [e.param, e.rule.code])).toEqual([[param, code]]);
  });
});

// virtual-network-manage-subnet ("Subnet address range"): a subnet lies inside the virtual network's
// address space and overlaps no other subnet of it. Defaults: space 10.0.0.0/16, gateway 10.0.0.0/24,
// AzureFirewallSubnet 10.0.2.0/26, backends 10.0.1.0/24. An overlap is reported at the later subnet
// along the chain (the stages' in chain order, then the backends'), naming the earlier one.
describe('the subnets of the virtual network', () => {
  const refusals = (raw: RawParams) => {
    const result = readPathScenario(raw);
    return result.ok ? [] : result.errors.map((e) => [e.param, e.rule.code, e.rule.other]);
  };
  it.each([
    // 10.1.0.0/24 is outside 10.0.0.0/16.
    [{ chain: 'fd,agw', subnet: '10.1.0.0/24' }, [['subnet', 'subnet-within', 'vnet']]],
    // 10.1.2.0/26 is outside; the firewall's instance 10.0.2.6 and private IP 10.0.2.4 are then outside its subnet too.
    [
      { chain: 'agw,fwr', fwsubnet: '10.1.2.0/26' },
      [
        ['fwsnat', 'inside-subnet', 'fwsubnet'],
        ['fwsubnet', 'subnet-within', 'vnet'],
        ['fwpriv', 'inside-subnet', 'fwsubnet'],
      ],
    ],
    // 10.0.0.128/25 lies inside the gateway's 10.0.0.0/24.
    [{ chain: 'fd,agw', bsubnet: '10.0.0.128/25' }, [['bsubnet', 'subnet-overlap', 'subnet']]],
    // 10.0.2.0/24 holds AzureFirewallSubnet 10.0.2.0/26.
    [{ chain: 'fw,lb', bsubnet: '10.0.2.0/24' }, [['bsubnet', 'subnet-overlap', 'fwsubnet']]],
    // The same block twice: the firewall's (later) is refused.
    [{ chain: 'agw,fwr', fwsubnet: '10.0.0.0/24', fwsnat: '10.0.0.200', fwpriv: '10.0.0.201' }, [['fwsubnet', 'subnet-overlap', 'subnet']]],
    // 10.0.2.64/26 starts where 10.0.2.0/26 ends: neighbours, not an overlap.
    [{ chain: 'agw,fwr', subnet: '10.0.2.64/26' }, []],
    // A gateway subnet outside the space is no error while the chain has no gateway.
    [{ chain: 'lb', subnet: '10.1.0.0/24' }, []],
    // A wider space holds them all again.
    [{ chain: 'fd,agw', vnet: '10.0.0.0/8', subnet: '10.1.0.0/24' }, []],
    // With a firewall in the chain, its private IP lies on AzureFirewallSubnet: 10.0.3.4 is outside 10.0.2.0/26.
    [{ chain: 'agw,fwr', fwpriv: '10.0.3.4' }, [['fwpriv', 'inside-subnet', 'fwsubnet']]],
    [{ chain: 'fw,lb', fwpriv: '10.0.2.64' }, [['fwpriv', 'inside-subnet', 'fwsubnet']]],
    // Without one, it is only an appliance address inside the network.
    [{ chain: 'lb', fwpriv: '10.0.3.4' }, []],
  ])('%j: %j', (raw, expected) => {
    expect(refusals(raw)).toEqual(expected);
  });
});

/** Every leg of a scenario, written as the fixture was before routes existed. */
const legLines = (raw: RawParams) => {
  const result = pathLegs(scenario(raw));
  return [...result.request, ...result.reply].map((l) => `${l.n} ${l.sender}>${l.receiver} ${socketText(l.src)} ${socketText(l.dst)}`);
};

describe('no routes: today’s results', () => {
  // The fixture holds every valid chain's legs (also with fwrule=app and floating=1) as computed before this change.
  it.each(Object.entries(before))('%s: the legs are unchanged', (query, expected) => {
    expect(legLines(Object.fromEntries(new URLSearchParams(query)))).toEqual(expected);
  });

  it('property: with no user routes, no leg of a chain without a routed stage is asymmetric, whatever the client', () => {
    const chains = Object.keys(before).filter((query) => !new URLSearchParams(query).get('chain')!.split(',').includes('fwr'));
    // The fixture predates AKS: every chain that ends in a Load Balancer also with the Service after it.
    for (const query of [...chains]) {
      const params = new URLSearchParams(query);
      const chain = params.get('chain')!;
      if (!chain.endsWith('lb') || params.has('floating')) continue;
      params.set('chain', `${chain},aks`);
      chains.push(params.toString());
    }
    const octet = fc.integer({ min: 1, max: 223 });
    fc.assert(
      fc.property(
        fc.constantFrom(...chains),
        fc.tuple(octet, octet, octet, octet),
        fc.integer({ min: 1024, max: 65535 }),
        (query, parts, cport) => {
          const raw = { ...Object.fromEntries(new URLSearchParams(query)), client: parts.join('.'), cport: String(cport) };
          const result = readPathScenario(raw);
          if (!result.ok) return;
          const legs = pathLegs(result.scenario);
          expect(legs.warnings.filter((w) => w.key === 'asymmetric')).toEqual([]);
          // And every leg is taken.
          expect([...legs.routes.untaken]).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the diagram', () => {
  it('draws a reply a route sends astray to where it really goes', async () => {
    const { explorerFor } = await import('../../src/explorers.ts');
    const { translator } = await import('../../src/i18n.ts');
    const path = explorerFor('path');
    const arrows = (raw: RawParams) => {
      const view = path.view(scenario(raw), translator('en'));
      return {
        participants: view.diagram.participants.map((p) => p.key),
        arrows: view.diagram.steps
          .flatMap((step) => (step.kind === 'group' ? step.steps : [step]))
          .map((m) => (m.kind === 'message' ? `${m.from}>${m.to}` : '')),
      };
    };
    // Leg 3, the backend's reply, goes to the appliance its route names, which gets a participant of its own.
    expect(arrows({ chain: 'lb', routes: 'backend:0.0.0.0/0=10.0.2.4' })).toEqual({
      participants: ['client', 'lb', 'backend', 'appliance'],
      arrows: ['client>lb', 'lb>backend', 'backend>appliance', 'lb>client'],
    });
    // That appliance's lane shows the address its route names, not the firewall's private IP
    // (fwpriv, which a chain without a firewall does not read).
    const lane = (raw: RawParams) =>
      path.view(scenario(raw), translator('en')).diagram.participants.find((p) => p.key === 'appliance')?.label;
    expect(lane({ chain: 'lb', routes: 'backend:0.0.0.0/0=10.0.5.4' })?.at(-1)).toBe('10.0.5.4');
    // Without routes the gateway's request (leg 2) and the backend's reply (leg 4) go around the firewall.
    expect(arrows({ chain: 'agw,fwr' }).arrows).toEqual([
      'client>agw',
      'agw>backend',
      'fwr>backend',
      'backend>agw',
      'fwr>agw',
      'agw>client',
    ]);
    expect(arrows({ chain: 'agw,fwr', routes: 'agw:10.0.1.0/24=10.0.2.4,backend:10.0.0.0/24=10.0.2.4' }).arrows).toEqual([
      'client>agw',
      'agw>fwr',
      'fwr>backend',
      'backend>fwr',
      'fwr>agw',
      'agw>client',
    ]);
  });
});
