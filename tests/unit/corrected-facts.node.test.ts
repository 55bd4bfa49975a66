/**
 * Golden tables for the facts corrected against Microsoft Learn (issue 10). Every expected value
 * is written by hand from the rules in SPEC §2–§4, never produced by the engine under test.
 */
import { describe, expect, it } from 'vitest';
import { forwardedHeaders, readApplicationGatewayScenario } from '../../src/model/services/application-gateway.ts';
import { compareRows } from '../../src/model/cross-service/compare.ts';
import { probeRows, readHealthProbeScenario } from '../../src/model/cross-service/health-probes.ts';
import { readLoadBalancerScenario, loadBalancerHops } from '../../src/model/services/load-balancer.ts';
import { nsgRules } from '../../src/model/cross-service/nsg.ts';
import type { RawParams } from '../../src/model/shared/params.ts';
import { dnsSteps, readTrafficManagerScenario, trafficManagerHops } from '../../src/model/services/traffic-manager.ts';
import { translator, type Lang } from '../../src/i18n.ts';
import { applicationGatewayView } from '../../src/view/application-gateway.ts';
import { healthProbesView } from '../../src/view/health-probes.ts';
import { trafficManagerView } from '../../src/view/traffic-manager.ts';
import { toHtml } from '../../src/view/tree.ts';
import { socketText } from '../../src/view/table.ts';

const LANGS: Lang[] = ['ja', 'en'];

function valid<S>(result: { ok: true; scenario: S } | { ok: false; errors: unknown }): S {
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.scenario;
}

const refusals = (result: { ok: true } | { ok: false; errors: readonly { param: string; rule: { code: string } }[] }) =>
  result.ok ? [] : result.errors.map((error) => [error.param, error.rule.code]);

describe('X-Forwarded-For with the client’s own header (xffin)', () => {
  const xff = (raw: RawParams) => forwardedHeaders(valid(readApplicationGatewayScenario(raw))).find((h) => h.key === 'xff')!.value;

  it.each<{ name: string; raw: RawParams; expected: string }>([
    { name: 'none sent: only the gateway’s entry', raw: {}, expected: '203.0.113.10:50000' },
    { name: 'empty xffin is the same as none', raw: { xffin: '' }, expected: '203.0.113.10:50000' },
    // The value the issue names: the client's entry, then the gateway's, joined by ", " (rewrite-http-headers-url: "IP1, IP2, IP3").
    { name: 'one IPv4 entry', raw: { xffin: '198.51.100.7' }, expected: '198.51.100.7, 203.0.113.10:50000' },
    {
      name: 'an IPv4 entry with a port stays as sent',
      raw: { xffin: '198.51.100.7:1234' },
      expected: '198.51.100.7:1234, 203.0.113.10:50000',
    },
    {
      name: 'an IPv6 entry with a port keeps its brackets',
      raw: { xffin: '[2001:db8::7]:443' },
      expected: '[2001:db8::7]:443, 203.0.113.10:50000',
    },
    { name: 'a bare IPv6 entry', raw: { xffin: '2001:db8::7' }, expected: '2001:db8::7, 203.0.113.10:50000' },
    {
      name: 'a bracketed IPv6 entry without a port loses the brackets',
      raw: { xffin: '[2001:db8::7]' },
      expected: '2001:db8::7, 203.0.113.10:50000',
    },
    {
      name: 'several entries keep their order, spaces after commas are tolerated',
      raw: { xffin: '192.0.2.1,198.51.100.7:8080 , [2001:db8::9]:1' },
      expected: '192.0.2.1, 198.51.100.7:8080, [2001:db8::9]:1, 203.0.113.10:50000',
    },
    {
      name: 'a forger may repeat the real client: still just text',
      raw: { xffin: '203.0.113.10' },
      expected: '203.0.113.10, 203.0.113.10:50000',
    },
    {
      name: 'an IPv6 client: the gateway’s entry is bracketed',
      raw: { client: '2001:db8::10', agwip: '2001:db8::20', xffin: '198.51.100.7' },
      expected: '198.51.100.7, [2001:db8::10]:50000',
    },
  ])('$name', ({ raw, expected }) => {
    expect(xff(raw)).toBe(expected);
  });

  it.each<[string, string]>([
    ['not-an-ip', 'xff-item'],
    ['198.51.100.7,', 'xff-item'], // an empty last item
    [',198.51.100.7', 'xff-item'],
    ['198.51.100.7:0', 'xff-item'], // port 0
    ['198.51.100.7:65536', 'xff-item'],
    ['198.51.100.7:', 'xff-item'],
    ['[198.51.100.7]:443', 'xff-item'], // brackets are for IPv6 only
    ['[2001:db8::7]:', 'xff-item'],
    ['[2001:db8::7]:99999', 'xff-item'],
    ['198.51.100.7:08', 'xff-item'], // leading zero
    ['<script>', 'xff-item'],
    [Array.from({ length: 17 }, (_, i) => `192.0.2.${i + 1}`).join(','), 'xff-list'], // 17 > 16 entries
  ])('xffin=%j is refused (%s)', (xffin, code) => {
    expect(refusals(readApplicationGatewayScenario({ xffin }))).toEqual([['xffin', code]]);
  });

  it('an unbracketed IPv6 address followed by :443 is read as one IPv6 address (why ports need brackets)', () => {
    expect(xff({ xffin: '2001:db8::7:443' })).toBe('2001:db8::7:443, 203.0.113.10:50000');
  });

  it('names the refused item', () => {
    const result = readApplicationGatewayScenario({ xffin: '192.0.2.1,bad,192.0.2.3' });
    expect(result.ok ? null : result.errors[0]!.rule).toEqual({ code: 'xff-item', index: 2 });
  });

  it.each(LANGS)('%s: the xff cell shows each entry as its own chip and says which one to trust', (lang) => {
    const out = applicationGatewayView(valid(readApplicationGatewayScenario({ xffin: '198.51.100.7' })), translator(lang))
      .outputs.map(toHtml)
      .join('');
    expect(out).toContain(
      '<td data-label="Value" data-field="xff" data-value="198.51.100.7, 203.0.113.10:50000"><span class="atp-list"><code class="atp-chip">198.51.100.7</code>, <code class="atp-chip">203.0.113.10:50000</code></span></td>'.replace(
        'Value',
        translator(lang)('table.headers.value'),
      ),
    );
    expect(out).toMatch(/<td data-label="[^"]*" class="atp-note">[^<]*203\.0\.113\.10:50000/);
  });

  it('the comparison matrix still reads the client from the gateway’s entry', () => {
    expect(compareRows().find((row) => row.service === 'application-gateway')!.clientIpHow).toBe('x-forwarded-for');
  });
});

describe('Floating IP and the backend port', () => {
  // load-balancer-floating-ip: "In floating IP scenarios, Azure Load Balancer also supports defining a
  // load balancing rule to change the backend destination port", so bport may differ from port.
  it('floating=1 with bport ≠ port is a valid scenario: destination IP stays the frontend, port is translated', () => {
    const s = valid(readLoadBalancerScenario({ floating: '1', port: '443', bport: '8443' }));
    expect(loadBalancerHops(s).map((hop) => [socketText(hop.src), socketText(hop.dst)])).toEqual([
      ['203.0.113.10:50000', '198.51.100.10:443'],
      ['203.0.113.10:50000', '198.51.100.10:8443'],
      ['198.51.100.10:8443', '203.0.113.10:50000'],
      ['198.51.100.10:443', '203.0.113.10:50000'],
    ]);
  });
});

describe('Traffic Manager endpoints defined by IP address', () => {
  const steps = (raw: RawParams) =>
    dnsSteps(valid(readTrafficManagerScenario(raw))).map((step) => [step.n, step.query, step.answer, step.by]);

  it.each<{ name: string; raw: RawParams; expected: (string | number)[][] }>([
    {
      name: 'IPv4 endpoints: one step, TM answers A with the address',
      raw: { endpoints: '198.51.100.30,198.51.100.40' },
      expected: [[1, 'test.trafficmanager.net', 'A 198.51.100.30', 'tm']],
    },
    {
      name: 'IPv6 endpoints for an IPv6 client: one step, AAAA',
      raw: { client: '2001:db8::10', endpoints: '2001:db8::30,2001:db8::40' },
      expected: [[1, 'test.trafficmanager.net', 'AAAA 2001:db8::30', 'tm']],
    },
    {
      name: 'after endpoint 1 is Degraded (160 s with defaults) the answer is endpoint 2’s address',
      raw: { endpoints: '198.51.100.30,198.51.100.40', fail: '45', resolved: '160' },
      expected: [[1, 'test.trafficmanager.net', 'A 198.51.100.40', 'tm']],
    },
    {
      name: 'named endpoints keep the two steps',
      raw: {},
      expected: [
        [1, 'test.trafficmanager.net', 'CNAME test01.japaneast.cloudapp.azure.com', 'tm'],
        [2, 'test01.japaneast.cloudapp.azure.com', 'A 198.51.100.30', 'zone'],
      ],
    },
  ])('$name', ({ raw, expected }) => {
    expect(steps(raw)).toEqual(expected);
  });

  it('the data flow goes straight to the address', () => {
    const s = valid(readTrafficManagerScenario({ endpoints: '198.51.100.30' }));
    expect(trafficManagerHops(s).map((hop) => [socketText(hop.src), socketText(hop.dst)])).toEqual([
      ['203.0.113.10:50000', '198.51.100.30:443'],
      ['198.51.100.30:443', '203.0.113.10:50000'],
    ]);
  });

  it.each<[RawParams, [string, string][]]>([
    // traffic-manager-faqs: a profile cannot mix addressing types (only MultiValue mixes IPv4 and IPv6).
    [{ endpoints: 'a.example.com=198.51.100.30,198.51.100.40' }, [['endpoints', 'mixed-endpoint-types']]],
    [{ endpoints: '198.51.100.30,b.example.com=198.51.100.40' }, [['endpoints', 'mixed-endpoint-types']]],
    // Families are checked first; a mixed IPv4/IPv6 list breaks that rule, not the addressing one.
    [{ endpoints: '198.51.100.30,2001:db8::40' }, [['endpoints', 'same-family']]],
    // No two endpoints may share a target address.
    [{ endpoints: '198.51.100.30,198.51.100.30' }, [['endpoints', 'duplicate']]],
  ])('%j is refused', (raw, expected) => {
    expect(refusals(readTrafficManagerScenario(raw))).toEqual(expected);
  });

  it('the health-probes explorer applies the same rule', () => {
    expect(refusals(readHealthProbeScenario({ endpoints: 'a.example.com=198.51.100.30,198.51.100.40' }))).toEqual([
      ['endpoints', 'mixed-endpoint-types'],
    ]);
  });

  it.each(LANGS)('%s: the DNS table has one row with an A answer, and the diagram no zone step', (lang) => {
    const view = trafficManagerView(valid(readTrafficManagerScenario({ endpoints: '198.51.100.30,198.51.100.40' })), translator(lang));
    const out = view.outputs.map(toHtml).join('');
    expect(out).toContain('data-dns-step="1"');
    expect(out).not.toContain('data-dns-step="2"');
    expect(out).toContain('data-field="answer" data-value="A 198.51.100.30"');
    expect(JSON.stringify(view.diagram.steps)).not.toContain('(DNS 2)');
  });
});

describe('status codes that count as healthy, per probe row', () => {
  it('defaults: LB 200, AppGW 200-399, TM 200, Front Door 200, AKS (Cluster) a TCP probe', () => {
    const rows = probeRows(valid(readHealthProbeScenario({}))).map((row) => [row.service, socketText(row.dst), row.healthy]);
    expect(rows).toEqual([
      ['load-balancer', '10.0.1.4:443', '200'],
      ['load-balancer', '10.0.1.5:443', '200'],
      ['application-gateway', '10.0.1.4:443', '200-399'],
      ['application-gateway', '10.0.1.5:443', '200-399'],
      ['application-gateway', '10.0.1.4:443', '200-399'],
      ['application-gateway', '10.0.1.5:443', '200-399'],
      ['traffic-manager', '198.51.100.30:443', '200'],
      ['traffic-manager', '198.51.100.40:443', '200'],
      ['front-door', '198.51.100.60:443', '200'],
      ['aks', '10.0.1.4:31000', 'tcp'],
      ['aks', '10.0.1.5:31000', 'tcp'],
    ]);
  });

  it.each(LANGS)('%s: each probe row carries a healthy field', (lang) => {
    const out = healthProbesView(valid(readHealthProbeScenario({})), translator(lang))
      .outputs.map(toHtml)
      .join('');
    expect(out.match(/data-field="healthy" data-value="200"/g)).toHaveLength(5);
    expect(out.match(/data-field="healthy" data-value="200-399"/g)).toHaveLength(4);
    expect(out.match(/data-field="healthy" data-value="tcp"/g)).toHaveLength(2);
  });
});

describe('NSG rows for the Application Gateway subnet', () => {
  it('GatewayManager and AzureLoadBalancer have destination Any; client traffic targets the subnet', () => {
    const rules = nsgRules(valid(readHealthProbeScenario({ subnet: '172.16.5.0/26', port: '8443' })))
      .filter((rule) => rule.place === 'agw-subnet')
      .map((rule) => [rule.source, rule.destination, rule.port]);
    expect(rules).toEqual([
      ['203.0.113.10', '172.16.5.0/26', '8443'],
      ['GatewayManager', 'Any', '65200-65535'],
      ['AzureLoadBalancer', 'Any', '*'],
    ]);
  });

  it.each(LANGS)('%s: the explorer notes outbound Internet and network-isolated gateways', (lang) => {
    const out = healthProbesView(valid(readHealthProbeScenario({})), translator(lang))
      .outputs.map(toHtml)
      .join('');
    expect(out).toContain('data-note="agw-outbound"');
    expect(out).toContain('data-note="agw-isolated"');
  });
});

describe('comparison matrix scope', () => {
  it('Load Balancer is regional and its cross-region tier global; Application Gateway regional; Traffic Manager global', () => {
    expect(compareRows().map((row) => [row.service, row.scope])).toEqual([
      ['load-balancer', 'regional'],
      ['cross-region-load-balancer', 'global'],
      ['application-gateway', 'regional'],
      ['traffic-manager', 'global'],
      ['front-door', 'global'],
    ]);
  });
});

describe('a private frontend IP takes one subnet address', () => {
  it.each<{ name: string; raw: RawParams; expected: [string, string][] }>([
    // /29: 8 addresses − 5 reserved = 3 instances; a private frontend leaves 2.
    { name: 'a public frontend: a /29 holds 3 instances', raw: { subnet: '10.0.0.0/29', instances: '3' }, expected: [] },
    {
      name: 'a private frontend at the top of a /29 leaves room for 2',
      raw: { subnet: '10.0.0.0/29', instances: '2', agwip: '10.0.0.6' },
      expected: [],
    },
    // 10.0.0.4–10.0.0.6 are the /29's usable addresses; the frontend takes one of the three.
    {
      name: '3 instances no longer fit',
      raw: { subnet: '10.0.0.0/29', instances: '3', agwip: '10.0.0.6' },
      expected: [['instances', 'subnet-fit']],
    },
    // SPEC §11: the instances are numbered around a private frontend; only reserved addresses are refused.
    { name: 'a frontend on what would be instance 2 moves the instances around it', raw: { agwip: '10.0.0.5' }, expected: [] },
    {
      name: 'a frontend on a reserved address (the first four, the last) is refused',
      raw: { agwip: '10.0.0.1' },
      expected: [['agwip', 'reserved-address']],
    },
    { name: 'the last address too', raw: { agwip: '10.0.0.255' }, expected: [['agwip', 'reserved-address']] },
  ])('$name', ({ raw, expected }) => {
    expect(refusals(readApplicationGatewayScenario(raw))).toEqual(expected);
  });

  it('the instance table says so', () => {
    const out = applicationGatewayView(valid(readApplicationGatewayScenario({ agwip: '10.0.0.254' })), translator('en'))
      .outputs.map(toHtml)
      .join('');
    expect(out).toContain('data-field="capacity" data-value="125"'); // a /24: 251 − 1 usable, capped at 125
    expect(out).toContain('private frontend IP 10.0.0.254');
  });
});
