import { describe, expect, it } from 'vitest';
import {
  applicationGatewayHops,
  forwardedHeaders,
  readApplicationGatewayScenario,
  subnetCapacity,
  type ApplicationGatewayScenario,
} from '../../src/model/services/application-gateway.ts';
import { parseSubnet4 } from '../../src/model/shared/ip.ts';
import type { RawParams } from '../../src/model/shared/params.ts';
import { applicationGatewayView } from '../../src/view/application-gateway.ts';
import { toHtml } from '../../src/view/tree.ts';
import { translator } from '../../src/i18n.ts';
import { socketText } from '../../src/view/table.ts';

function scenario(raw: RawParams): ApplicationGatewayScenario {
  const result = readApplicationGatewayScenario(raw);
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.scenario;
}

/** A valid scenario's hops as [src, dst] pairs. */
const hops = (raw: RawParams): [string, string][] =>
  applicationGatewayHops(scenario(raw)).map((hop) => [socketText(hop.src), socketText(hop.dst)]);

/** The refused fields of a scenario and the rule each broke. */
function refusals(raw: RawParams): [string, string][] {
  const result = readApplicationGatewayScenario(raw);
  return result.ok ? [] : result.errors.map((error) => [error.param, error.rule.code]);
}

// Golden tables, written by hand from SPEC §2–§3: instance i = network + 3 + i.
describe.each<{ name: string; raw: RawParams; expected: [string, string][] }>([
  {
    name: 'the guide default scenario',
    raw: {},
    expected: [
      ['203.0.113.10:50000', '198.51.100.20:443'],
      ['10.0.0.4:40000', '10.0.1.4:443'],
      ['10.0.1.4:443', '10.0.0.4:40000'],
      ['198.51.100.20:443', '203.0.113.10:50000'],
    ],
  },
  {
    name: 'the second instance serves the second backend on other ports',
    raw: { via: '2', pick: '2', bport: '8080', gport: '50123', port: '8443' },
    expected: [
      ['203.0.113.10:50000', '198.51.100.20:8443'],
      ['10.0.0.5:50123', '10.0.1.5:8080'],
      ['10.0.1.5:8080', '10.0.0.5:50123'],
      ['198.51.100.20:8443', '203.0.113.10:50000'],
    ],
  },
  {
    name: 'a /29 holds three instances: .4, .5 and .6 (.7 is the last address, reserved)',
    raw: { subnet: '10.0.0.0/29', instances: '3', via: '3' },
    expected: [
      ['203.0.113.10:50000', '198.51.100.20:443'],
      ['10.0.0.6:40000', '10.0.1.4:443'],
      ['10.0.1.4:443', '10.0.0.6:40000'],
      ['198.51.100.20:443', '203.0.113.10:50000'],
    ],
  },
  {
    name: 'a /28 that does not start at .0: eleven instances, .20 to .30',
    raw: { subnet: '10.0.0.16/28', instances: '11', via: '11' },
    expected: [
      ['203.0.113.10:50000', '198.51.100.20:443'],
      ['10.0.0.30:40000', '10.0.1.4:443'],
      ['10.0.1.4:443', '10.0.0.30:40000'],
      ['198.51.100.20:443', '203.0.113.10:50000'],
    ],
  },
  {
    name: 'the 125th of 125 instances on a /24',
    raw: { instances: '125', via: '125' },
    expected: [
      ['203.0.113.10:50000', '198.51.100.20:443'],
      ['10.0.0.128:40000', '10.0.1.4:443'],
      ['10.0.1.4:443', '10.0.0.128:40000'],
      ['198.51.100.20:443', '203.0.113.10:50000'],
    ],
  },
  {
    name: 'a host address with a prefix is read as its network (10.0.0.7/24 → 10.0.0.0/24)',
    raw: { subnet: '10.0.0.7/24' },
    expected: [
      ['203.0.113.10:50000', '198.51.100.20:443'],
      ['10.0.0.4:40000', '10.0.1.4:443'],
      ['10.0.1.4:443', '10.0.0.4:40000'],
      ['198.51.100.20:443', '203.0.113.10:50000'],
    ],
  },
  {
    name: 'a /16, normalised from a host address, with instance 100 of 125',
    raw: { subnet: '10.1.7.9/16', instances: '125', via: '100', backends: '10.2.0.4' },
    expected: [
      ['203.0.113.10:50000', '198.51.100.20:443'],
      ['10.1.0.103:40000', '10.2.0.4:443'],
      ['10.2.0.4:443', '10.1.0.103:40000'],
      ['198.51.100.20:443', '203.0.113.10:50000'],
    ],
  },
  {
    name: 'an IPv6 client and frontend; the backend leg stays IPv4',
    raw: { client: '2001:DB8:0::10', agwip: '2001:db8::20', cport: '65535' },
    expected: [
      ['[2001:db8::10]:65535', '[2001:db8::20]:443'],
      ['10.0.0.4:40000', '10.0.1.4:443'],
      ['10.0.1.4:443', '10.0.0.4:40000'],
      ['[2001:db8::20]:443', '[2001:db8::10]:65535'],
    ],
  },
  {
    name: 'the scenario the browser tests open from a URL',
    raw: { instances: '5', via: '5', subnet: '10.1.2.0/28', client: '2001:db8::10', agwip: '2001:db8::20' },
    expected: [
      ['[2001:db8::10]:50000', '[2001:db8::20]:443'],
      ['10.1.2.8:40000', '10.0.1.4:443'],
      ['10.0.1.4:443', '10.1.2.8:40000'],
      ['[2001:db8::20]:443', '[2001:db8::10]:50000'],
    ],
  },
])('Application Gateway hops: $name', ({ raw, expected }) => {
  it('matches the golden table', () => {
    expect(hops(raw)).toEqual(expected);
  });
});

describe('Application Gateway hop metadata', () => {
  it('numbers hops in travel order, names who sends each, and puts them on two sessions', () => {
    expect(applicationGatewayHops(scenario({})).map((hop) => [hop.n, hop.from, hop.to, hop.note, hop.session])).toEqual([
      [1, 'client', 'agw', 'to-listener', 1],
      [2, 'instance', 'backend', 'proxy-new-session', 2],
      [3, 'backend', 'instance', 'proxy-reply', 2],
      [4, 'agw', 'client', 'proxy-response', 1],
    ]);
  });
});

describe.each<{ name: string; raw: RawParams; expected: [string, string][] }>([
  {
    name: 'defaults',
    raw: {},
    expected: [
      ['X-Forwarded-For', '203.0.113.10:50000'],
      ['X-Forwarded-Proto', 'https'],
      ['X-Forwarded-Port', '443'],
      ['X-Original-Host', 'app.example.com'],
    ],
  },
  {
    // The listener is HTTPS in every mode, so the protocol does not follow the port number.
    name: 'a listener on port 8080, TLS offload',
    raw: { port: '8080', tls: 'offload', cport: '1024', client: '192.0.2.44' },
    expected: [
      ['X-Forwarded-For', '192.0.2.44:1024'],
      ['X-Forwarded-Proto', 'https'],
      ['X-Forwarded-Port', '8080'],
      ['X-Original-Host', 'app.example.com'],
    ],
  },
  {
    name: 'an IPv6 client: the address is bracketed so the port stays readable',
    raw: { client: '2001:db8::10', agwip: '2001:db8::20' },
    expected: [
      ['X-Forwarded-For', '[2001:db8::10]:50000'],
      ['X-Forwarded-Proto', 'https'],
      ['X-Forwarded-Port', '443'],
      ['X-Original-Host', 'app.example.com'],
    ],
  },
])('forwarded headers: $name', ({ raw, expected }) => {
  it('matches the golden table', () => {
    expect(forwardedHeaders(scenario(raw)).map((header) => [header.name, header.value])).toEqual(expected);
  });
});

// Usable addresses = size − 5 (four at the start, one at the end), capped at 125 instances.
describe.each<[string, number]>([
  ['10.0.0.0/32', 0],
  ['10.0.0.0/31', 0],
  ['10.0.0.0/30', 0],
  ['10.0.0.0/29', 3],
  ['10.0.0.0/28', 11],
  ['10.0.0.0/27', 27],
  ['10.0.0.0/26', 59],
  ['10.0.0.0/25', 123],
  ['10.0.0.0/24', 125],
  ['10.0.0.0/16', 125],
  ['0.0.0.0/0', 125],
])('subnet capacity of %s', (text, capacity) => {
  it(`is ${capacity}`, () => {
    expect(subnetCapacity(parseSubnet4(text)!)).toBe(capacity);
  });
});

// Every parameter, each with values that must be refused, and the rule each breaks.
describe.each<{ param: string; value: string; rule: string }>([
  { param: 'client', value: '', rule: 'ip' },
  { param: 'client', value: '203.0.113.10:50000', rule: 'ip' },
  { param: 'client', value: '<script>alert(1)</script>', rule: 'ip' },
  { param: 'cport', value: '1023', rule: 'int' },
  { param: 'cport', value: '65536', rule: 'int' },
  { param: 'agwip', value: 'agw.example.com', rule: 'ip' },
  { param: 'agwip', value: '198.51.100.256', rule: 'ip' },
  { param: 'port', value: '0', rule: 'int' },
  { param: 'port', value: '65536', rule: 'int' },
  { param: 'subnet', value: '', rule: 'cidr4' },
  { param: 'subnet', value: '10.0.0.0', rule: 'cidr4' },
  { param: 'subnet', value: '10.0.0.0/33', rule: 'cidr4' },
  { param: 'subnet', value: '10.0.0.0/024', rule: 'cidr4' },
  { param: 'subnet', value: '10.0.0.256/24', rule: 'cidr4' },
  { param: 'subnet', value: '10.0/16', rule: 'cidr4' },
  { param: 'subnet', value: '2001:db8::/64', rule: 'cidr4' },
  { param: 'subnet', value: '10.0.0.0/24;x', rule: 'cidr4' },
  { param: 'instances', value: '0', rule: 'int' },
  { param: 'instances', value: '126', rule: 'int' },
  { param: 'instances', value: 'two', rule: 'int' },
  { param: 'via', value: '0', rule: 'int' },
  { param: 'via', value: '126', rule: 'int' },
  { param: 'gport', value: '0', rule: 'int' },
  { param: 'gport', value: '65536', rule: 'int' },
  { param: 'gport', value: '4e4', rule: 'int' },
  { param: 'backends', value: '', rule: 'ip-list' },
  { param: 'backends', value: '10.0.1.4,10.0.1.4', rule: 'duplicate' },
  { param: 'backends', value: '10.0.1.4,x', rule: 'ip-list-item' },
  { param: 'backends', value: '10.0.1.4,2001:db8::4', rule: 'mixed-family' },
  { param: 'bport', value: '0', rule: 'int' },
  { param: 'pick', value: '0', rule: 'int' },
  { param: 'pick', value: '17', rule: 'int' },
  { param: 'tls', value: '', rule: 'enum' },
  { param: 'tls', value: 'E2E', rule: 'enum' },
  { param: 'tls', value: 'passthrough', rule: 'enum' },
])('invalid $param=$value', ({ param, value, rule }) => {
  it(`is refused with rule "${rule}" at ${param}`, () => {
    expect(refusals({ [param]: value })).toEqual([[param, rule]]);
  });
});

// Rules that involve two fields report at the field a reader would change.
describe.each<{ name: string; raw: RawParams; expected: [string, string][]; max?: number }>([
  { name: 'four instances on a /29', raw: { subnet: '10.0.0.0/29', instances: '4' }, expected: [['instances', 'subnet-fit']], max: 3 },
  {
    name: 'twelve instances on a /28',
    raw: { subnet: '10.0.0.0/28', instances: '12', via: '12' },
    expected: [['instances', 'subnet-fit']],
    max: 11,
  },
  { name: 'any instance on a /30', raw: { subnet: '10.0.0.0/30', instances: '1' }, expected: [['instances', 'subnet-fit']], max: 0 },
  { name: 'via beyond the instance count', raw: { via: '3' }, expected: [['via', 'at-most']], max: 2 },
  {
    name: 'via beyond a count that does not fit',
    raw: { subnet: '10.0.0.0/29', instances: '4', via: '5' },
    expected: [
      ['instances', 'subnet-fit'],
      ['via', 'at-most'],
    ],
  },
  { name: 'pick beyond the backend list', raw: { pick: '3' }, expected: [['pick', 'at-most']], max: 2 },
  { name: 'IPv6 frontend for an IPv4 client', raw: { agwip: '2001:db8::20' }, expected: [['agwip', 'same-family']] },
  { name: 'IPv4 frontend for an IPv6 client', raw: { client: '2001:db8::10' }, expected: [['agwip', 'same-family']] },
  { name: 'IPv6 backends behind IPv4 instances', raw: { backends: '2001:db8:1::4' }, expected: [['backends', 'same-family']] },
  { name: 'a client inside the gateway subnet', raw: { client: '10.0.0.200' }, expected: [['client', 'outside-subnet']] },
  { name: 'a backend inside the gateway subnet', raw: { backends: '10.0.1.4,10.0.0.9' }, expected: [['backends', 'outside-subnet']] },
])('cross-field: $name', ({ raw, expected, max }) => {
  it(`is refused at ${expected.map(([param]) => param).join(', ')}`, () => {
    expect(refusals(raw)).toEqual(expected);
    const result = readApplicationGatewayScenario(raw);
    if (max !== undefined && !result.ok) expect(result.errors[0]!.rule).toMatchObject({ max });
  });
});

describe('Application Gateway view', () => {
  const html = (raw: RawParams, lang: 'ja' | 'en') => applicationGatewayView(scenario(raw), translator(lang)).outputs.map(toHtml).join('');

  it.each(['ja', 'en'] as const)('%s: the X-Forwarded-For cell carries the client address and port', (lang) => {
    expect(html({}, lang)).toMatch(
      /<td [^>]*data-field="xff" data-value="203\.0\.113\.10:50000"><span class="atp-list"><code class="atp-chip">203\.0\.113\.10:50000<\/code><\/span><\/td>/,
    );
  });

  it.each(['ja', 'en'] as const)('%s: every data-field carries a data-value and shows some text', (lang) => {
    const cells = [
      ...html({ tls: 'mtls-strict' }, lang).matchAll(/<td (?:data-label="[^"]*" )?data-field="([^"]+)"( data-value="[^"]*")?>(.*?)<\/td>/g),
    ];
    expect(cells.length).toBeGreaterThan(10);
    for (const [, , value, text] of cells) {
      expect(value).toBeDefined();
      expect(text!.replace(/<[^>]+>/g, '').trim()).not.toBe('');
    }
  });

  it('shows the normalised subnet, its capacity, the instance range and the instance of this flow', () => {
    const out = html({ subnet: '10.0.0.21/28', instances: '11', via: '7' }, 'en');
    expect(out).toContain('data-field="subnet" data-value="10.0.0.16/28"');
    expect(out).toContain('data-field="capacity" data-value="11"');
    expect(out).toContain('data-field="instance-ips" data-value="10.0.0.20-10.0.0.30"');
    expect(out).toContain('data-field="via-ip" data-value="10.0.0.26"');
  });
});

describe('a backend on the internet', () => {
  // How an application gateway works: a public endpoint in the pool is reached from the frontend public IP.
  it('is reached from the frontend public IP, not an instance address', () => {
    expect(hops({ backends: '198.51.100.99' })).toEqual([
      ['203.0.113.10:50000', '198.51.100.20:443'],
      ['198.51.100.20:40000', '198.51.100.99:443'],
      ['198.51.100.99:443', '198.51.100.20:40000'],
      ['198.51.100.20:443', '203.0.113.10:50000'],
    ]);
  });

  it('a private backend is still reached from the instance', () => {
    expect(hops({ backends: '10.0.1.4' })[1]).toEqual(['10.0.0.4:40000', '10.0.1.4:443']);
  });
});
