import { describe, expect, test } from 'vitest';
import {
  designs,
  fieldsFor,
  lookup,
  readLookupScenario,
  searchFor,
  validChains,
  type LookupScenario,
} from '../../src/model/cross-service/lookup.ts';
import { STAGES, chainParam, stageByKey } from '../../src/model/cross-service/paths.ts';
import { servicesWith } from '../../src/model/services.ts';
import { probing } from '../../src/model/cross-service/health-probes.ts';
import { lookupVerdict } from '../../src/view/lookup.ts';
import { translator } from '../../src/i18n.ts';

// Golden cases for the reverse lookup (SPEC §13). Expected design lists are written from the
// SPEC's rules and, where a list would go stale when a stage is added, derived from the registry's
// declarations (never from the lookup's own search).

function scenario(raw: Record<string, string>): LookupScenario {
  const result = readLookupScenario(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

const designsOf = (raw: Record<string, string>) => lookup(scenario(raw)).matches.map((match) => match.design.id);
const sorted = (ids: readonly string[]) => [...ids].sort();

/** The chains as they are written in `chain`. */
const chainIds = (filter: (chain: readonly string[]) => boolean) =>
  validChains()
    .filter(filter)
    .map((chain) => chain.join(','));

/**
 * A stage that may hand on a new source (`DataStage.source` other than `kept`; one that decides by its
 * settings, the routed firewall or an AKS Service, counts); a Load Balancer passes the client through.
 */
const translates = (key: string) => {
  const source = stageByKey(key).data?.source;
  return source !== undefined && source !== 'kept';
};

describe('the designs searched', () => {
  test('every chain the order rules allow: the same set as trying every ordering of every subset', () => {
    // Independent of the lookup's subsequence shortcut: a depth-first walk over every ordering,
    // cut where a prefix already breaks an order rule, each complete chain put to the chain rule.
    const rule = chainParam('');
    const keys = STAGES.map((stage) => stage.key);
    const found: string[] = [];
    const prefixBroken = (chain: string[]) => {
      const parsed = rule.parse(chain.join(','));
      return !parsed.ok && ['chain-order', 'chain-first', 'duplicate'].includes(String(parsed.rule.code));
    };
    const walk = (chain: string[]) => {
      if (chain.length > 0 && rule.parse(chain.join(',')).ok) found.push(chain.join(','));
      for (const key of keys) {
        if (chain.includes(key)) continue;
        const next = [...chain, key];
        if (!prefixBroken(next)) walk(next);
      }
    };
    walk([]);
    expect(sorted(validChains().map((chain) => chain.join(',')))).toEqual(sorted(found));
  });

  test('includes the designs the paths page presents, and none that breaks an order rule', () => {
    const ids = validChains().map((chain) => chain.join(','));
    for (const chain of ['agw', 'lb', 'fd,agw', 'fw,agw', 'tm,agw', 'fd,lb', 'agw,lb', 'pls,lb', 'fd,pls,lb', 'agw,fwr'])
      expect(ids).toContain(chain);
    // A Private Link service needs a Load Balancer right after it; a gateway cannot come before Front Door.
    for (const chain of ['pls', 'agw,fd', 'lb,agw', 'fwr', 'tm']) expect(ids).not.toContain(chain);
  });

  test('every outbound method and every probing service, from the registry', () => {
    const ids = designs().map((design) => design.id);
    for (const method of servicesWith('outbound').flatMap((service) => service.outbound.methods))
      expect(ids).toContain(`outbound:${method.egress}`);
    for (const service of probing()) expect(ids).toContain(`probe:${service.id}`);
    expect(ids.length).toBe(validChains().length + servicesWith('outbound').flatMap((s) => s.outbound.methods).length + probing().length);
  });
});

describe('golden cases', () => {
  test('the default, 10.0.0.4 at the backend: the gateway instance in every chain whose last new source is the gateway', () => {
    const s = scenario({});
    const result = lookup(s);
    // After a gateway a Load Balancer (passes the source on) or a firewall by route with a network
    // rule to a private backend (no SNAT) can come: every chain with the gateway, except those that
    // end in an AKS Service, whose default externalTrafficPolicy (Cluster) puts the node's address there.
    expect(sorted(result.matches.map((match) => match.design.id))).toEqual(
      sorted(chainIds((chain) => chain.includes('agw') && !chain.includes('aks'))),
    );
    for (const match of result.matches) {
      expect(match.role).toBe('agw-instance');
      expect(match.byRange).toBe(false);
      // Azure Firewall's DNAT rule in front of the gateway translates the source: the client is gone,
      // Front Door before the firewall has written the client's address already.
      const chain = match.design.kind === 'path' ? match.design.chain : [];
      expect(match.clientWent).toBe(chain.includes('fw') && !chain.includes('fd') ? 'nowhere' : 'xff');
    }
    // The simplest design first: the gateway alone, the instance on leg 2.
    expect(result.matches[0]).toMatchObject({ design: { id: 'agw' }, leg: 2 });
    expect(result.platform).toBeNull();
  });

  test('the verdict names the instance, the design and where the client went', () => {
    const s = scenario({});
    const verdict = lookupVerdict(lookup(s), s, translator('en'));
    expect(verdict.state).toBe('ok');
    expect(verdict.text).toMatch(/^10\.0\.0\.4: An Application Gateway instance\. In Application Gateway: /);
    expect(verdict.text).toContain('X-Forwarded-For');
    // The address and the header are value chips, never broken inside on a phone (SPEC §7.1).
    expect(verdict.values).toEqual(['10.0.0.4', 'X-Forwarded-For']);
    const ja = lookupVerdict(lookup(s), s, translator('ja'));
    // Issue 32 (M): a sentence, not "10.0.0.4: …" with a half-width colon inside it.
    expect(ja.text).toMatch(/^10\.0\.0\.4 は Application Gateway のインスタンスです。Application Gateway では、/);
    // The state in the lookup's own words: found, not "OK".
    expect([verdict.word, ja.word]).toEqual(['Found', '見つかった']);
  });

  test('ja: a design name that ends in Japanese runs on into では with no space (issue 32, M)', () => {
    const s = scenario({ addr: '168.63.129.16', seen: 'probe' });
    expect(lookupVerdict(lookup(s), s, translator('ja')).text).toMatch(
      /^168\.63\.129\.16 は Load Balancer の正常性プローブの送信元です。Load Balancer の正常性プローブでは、/,
    );
  });

  test.each([
    // Another address of the gateway subnet: an instance, matched by range.
    ['10.0.0.9', 'warning', 'Found by range', '範囲で一致'],
    // The probe source no design sets: the platform block answers.
    ['168.63.129.16', 'ok', 'Azure’s own address', 'Azure の固定アドレス'],
    // A documentation address no design produces.
    ['203.0.113.99', 'warning', 'Not found', '見つからない'],
  ])('the verdict for %s says %s in words: %s / %s', (addr, state, en, ja) => {
    const s = scenario({ addr });
    expect(lookupVerdict(lookup(s), s, translator('en'))).toMatchObject({ state, word: en });
    expect(lookupVerdict(lookup(s), s, translator('ja'))).toMatchObject({ state, word: ja });
  });

  test("the client's address at the backend: only the designs that keep it", () => {
    const expected = chainIds((chain) => chain.every((key) => !translates(key)));
    expect(expected).toEqual(expect.arrayContaining(['lb', 'tm,lb']));
    expect(sorted(designsOf({ addr: '203.0.113.10' }))).toEqual(sorted(expected));
    const match = lookup(scenario({ addr: '203.0.113.10:50000' })).matches[0]!;
    expect(match).toMatchObject({ role: 'client', clientWent: 'kept', port: 50000 });
    // Another port than the client's is not the client's connection.
    expect(designsOf({ addr: '203.0.113.10:50001' })).toEqual([]);
  });

  test("the client's address in X-Forwarded-For: only the designs that write it", () => {
    // Front Door writes the client's address; a gateway writes whoever connected to it, which is the
    // client unless Azure Firewall's DNAT rule (which translates the source) stands before it.
    const writes = (chain: readonly string[]) =>
      chain.includes('fd') || (chain.includes('agw') && !(chain.includes('fw') && chain.indexOf('fw') < chain.indexOf('agw')));
    const expected = chainIds(writes);
    expect(expected).toEqual(expect.arrayContaining(['fd', 'agw', 'fd,agw', 'fd,lb']));
    expect(expected).not.toContain('fw,agw');
    expect(sorted(designsOf({ addr: '203.0.113.10', seen: 'xff' }))).toEqual(sorted(expected));
  });

  test('an edge address in X-Forwarded-For: written by the gateway behind Front Door', () => {
    const result = lookup(scenario({ addr: '192.0.2.50', seen: 'xff' }));
    const expected = chainIds((chain) => chain.includes('fd') && chain.includes('agw') && !chain.includes('fw'));
    expect(sorted(result.matches.map((match) => match.design.id))).toEqual(sorted(expected));
    expect(new Set(result.matches.map((match) => match.role))).toEqual(new Set(['fd-edge']));
  });

  test('an entry the client forged is found as one', () => {
    const result = lookup(scenario({ addr: '198.51.100.99', seen: 'xff', xffin: '198.51.100.99' }));
    expect(result.matches.length).toBeGreaterThan(0);
    expect(new Set(result.matches.map((match) => match.role))).toEqual(new Set(['xffin']));
  });

  describe('by range, in each illustrated range', () => {
    test('another address of the gateway subnet is an instance, by range', () => {
      const result = lookup(scenario({ addr: '10.0.0.9' }));
      expect(sorted(result.matches.map((match) => match.design.id))).toEqual(
        sorted(chainIds((chain) => chain.includes('agw') && !chain.includes('aks'))),
      );
      expect(result.matches.every((match) => match.byRange && match.range?.text === '10.0.0.0/24')).toBe(true);
      const s = scenario({ addr: '10.0.0.9' });
      expect(lookupVerdict(lookup(s), s, translator('en')).state).toBe('warning');
    });

    test('an address of AzureFirewallSubnet is a firewall instance, by range', () => {
      // The firewall's DNAT translates the source; a gateway after it translates again, and so does an
      // AKS node (externalTrafficPolicy Cluster, the default).
      const expected = chainIds((chain) => chain.includes('fw') && !chain.includes('agw') && !chain.includes('aks'));
      const result = lookup(scenario({ addr: '10.0.2.20' }));
      expect(sorted(result.matches.map((match) => match.design.id))).toEqual(sorted(expected));
      expect(result.matches.every((match) => match.role === 'fw-instance' && match.byRange && match.range?.text === '10.0.2.0/26')).toBe(
        true,
      );
    });

    test('with an application rule, the firewall by route translates too', () => {
      const ids = designsOf({ addr: '10.0.2.6', fwrule: 'app' });
      expect(ids).toEqual(expect.arrayContaining(['agw,fwr', 'fw', 'fw,lb']));
    });

    test('a gateway instance probing, by range: one match for the service, not one per instance', () => {
      const result = lookup(scenario({ addr: '10.0.0.7', seen: 'probe' }));
      expect(result.matches.map((match) => [match.design.id, match.role, match.byRange])).toEqual([
        ['probe:application-gateway', 'agw-probe', true],
      ]);
    });
  });

  describe('platform addresses', () => {
    test('168.63.129.16 as a probe source: Load Balancer and the Load Balancer of an AKS Service, with every role of the address', () => {
      const result = lookup(scenario({ addr: '168.63.129.16', seen: 'probe' }));
      expect(result.matches.map((match) => [match.design.id, match.role])).toEqual([
        ['probe:load-balancer', 'lb-probe'],
        ['probe:aks', 'aks-probe'],
      ]);
      expect(result.platform).toMatchObject({ ip: '168.63.129.16', tag: 'AzureLoadBalancer' });
      expect(result.platform!.roles).toEqual(['probe', 'agent', 'dns', 'dhcp', 'no-udr', 'guest-firewall']);
    });

    test('168.63.129.16 at the backend: no design sets it, the platform block answers', () => {
      const s = scenario({ addr: '168.63.129.16' });
      const result = lookup(s);
      expect(result.matches).toEqual([]);
      expect(result.platform?.ip).toBe('168.63.129.16');
      expect(lookupVerdict(result, s, translator('en'))).toMatchObject({ state: 'ok' });
    });

    test('169.254.169.254: the metadata service, no service tag', () => {
      const result = lookup(scenario({ addr: '169.254.169.254' }));
      expect(result.platform).toMatchObject({ roles: ['imds'], tag: null });
    });

    test('fe80::1234:5678:9abc probes IPv6 backends', () => {
      const result = lookup(
        scenario({
          addr: 'fe80::1234:5678:9abc',
          seen: 'probe',
          client: '2001:db8::10',
          backends: '2001:db8::4,2001:db8::5',
          lbip: '2001:db8::1',
        }),
      );
      expect(result.matches.map((match) => match.design.id)).toContain('probe:load-balancer');
      expect(result.platform).toMatchObject({ roles: ['probe-v6'], tag: 'AzureLoadBalancer' });
    });
  });

  test('an outbound public IP as the destination sees it: every method, the one-to-one NAT named as such', () => {
    const methods = servicesWith('outbound').flatMap((service) => service.outbound.methods.map((method) => method.egress));
    const result = lookup(scenario({ addr: '198.51.100.80', seen: 'destination' }));
    expect(sorted(result.matches.map((match) => match.design.id))).toEqual(sorted(methods.map((m) => `outbound:${m}`)));
    for (const match of result.matches) expect(match.role).toBe(match.design.id === 'outbound:ilpip' ? 'ilpip' : 'snat-public');
    // The SNAT port is the example `sport`; the one-to-one NAT keeps the VM's port.
    expect(designsOf({ addr: '198.51.100.80:51000', seen: 'destination' })).toEqual(['outbound:ilpip']);
  });

  test('a second public IP of the method is one of its addresses, by list; an instance-level public IP takes only one', () => {
    const s = scenario({ addr: '198.51.100.81', seen: 'destination', pips: '198.51.100.80,198.51.100.81' });
    const result = lookup(s);
    expect(result.matches.every((match) => match.byRange)).toBe(true);
    expect(result.matches.map((match) => match.design.id)).not.toContain('outbound:ilpip');
    expect(result.search.skipped.map((design) => design.id)).toContain('outbound:ilpip');
  });

  test('IPv6: the client kept by a Load Balancer with IPv6 frontends', () => {
    const raw = { addr: '[2001:db8::10]:50000', client: '2001:db8::10', lbip: '2001:db8::1', backends: '2001:db8::4,2001:db8::5' };
    const result = lookup(scenario(raw));
    expect(result.matches.map((match) => match.design.id)).toEqual(['lb']);
    expect(result.matches[0]).toMatchObject({ role: 'client', port: 50000 });
  });

  test('an address found nowhere: say so, and which fields would produce it', () => {
    const s = scenario({ addr: '203.0.113.99' });
    const result = lookup(s);
    expect(result.matches).toEqual([]);
    expect(result.platform).toBeNull();
    expect(lookupVerdict(result, s, translator('en'))).toMatchObject({ state: 'warning' });
    expect(fieldsFor(result.search, 'backend')).toEqual(
      expect.arrayContaining(['client', 'edge', 'fwsnat', 'fwsubnet', 'subnet', 'plsnat']),
    );
    expect(fieldsFor(result.search, 'destination')).toEqual(['pips']);
  });

  test("the reader's scenario is used: another edge address is found where the default one was", () => {
    expect(designsOf({ addr: '192.0.2.77', seen: 'xff' })).toEqual([]);
    expect(designsOf({ addr: '192.0.2.77', seen: 'xff', edge: '192.0.2.77' }).length).toBeGreaterThan(0);
  });
});

describe('bad input', () => {
  test.each([
    ['not an address', { addr: 'example.com' }, 'addr', 'addr'],
    ['hostile text', { addr: '<img src=x onerror=alert(1)>' }, 'addr', 'addr'],
    ['a port out of range', { addr: '10.0.0.4:70000' }, 'addr', 'addr-port'],
    ['port 0', { addr: '10.0.0.4:0' }, 'addr', 'addr-port'],
    ['IPv6 with a port but no brackets', { addr: '2001:db8::10:50000x' }, 'addr', 'addr'],
    ['10,000 characters', { addr: '1'.repeat(10_000) }, 'addr', 'addr-length'],
    ['an unknown seen', { seen: 'logs' }, 'seen', 'enum'],
  ])('%s', (_, raw, param, code) => {
    const result = readLookupScenario(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContainEqual(expect.objectContaining({ param, rule: expect.objectContaining({ code }) }));
  });
});

describe('speed', () => {
  test('an edit to addr or seen reuses the search: only the filter runs again', () => {
    const first = searchFor(scenario({ addr: '10.0.0.4' }));
    expect(searchFor(scenario({ addr: '203.0.113.10', seen: 'xff' }))).toBe(first);
    expect(searchFor(scenario({ addr: '10.0.0.4', client: '203.0.113.11' }))).not.toBe(first);
  });

  test('filtering every design for one address takes well under a frame', () => {
    const s = scenario({});
    lookup(s);
    const start = performance.now();
    for (let i = 0; i < 100; i++) lookup(scenario({ addr: `10.0.0.${4 + (i % 50)}` }));
    expect((performance.now() - start) / 100).toBeLessThan(4);
  });
});
