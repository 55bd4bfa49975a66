import { describe, expect, it } from 'vitest';
import {
  answerAt,
  dnsSteps,
  readTrafficManagerScenario,
  trafficManagerHops,
  type TrafficManagerScenario,
} from '../../src/model/services/traffic-manager.ts';
import { parseDnsName } from '../../src/model/services/traffic-manager-dns.ts';
import type { RawParams } from '../../src/model/shared/params.ts';
import { socketText } from '../../src/view/table.ts';

function scenario(raw: RawParams): TrafficManagerScenario {
  const result = readTrafficManagerScenario(raw);
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.scenario;
}

const EP1 = 'test01.japaneast.cloudapp.azure.com';
const EP2 = 'test02.japanwest.cloudapp.azure.com';

// Golden tables, written by hand from SPEC §3 (Traffic Manager): DNS steps as [query, answer],
// hops as [src, dst]. Defaults: profile test.trafficmanager.net, EP1=198.51.100.30, EP2=198.51.100.40, port 443.
describe.each<{ name: string; raw: RawParams; dns: [string, string][]; hops: [string, string][] }>([
  {
    name: 'the guide default scenario',
    raw: {},
    dns: [
      ['test.trafficmanager.net', `CNAME ${EP1}`],
      [EP1, 'A 198.51.100.30'],
    ],
    hops: [
      ['203.0.113.10:50000', '198.51.100.30:443'],
      ['198.51.100.30:443', '203.0.113.10:50000'],
    ],
  },
  {
    name: 'IPv6 end to end: AAAA, and [addr]:port normalised per RFC 5952',
    raw: { client: '2001:DB8:100:0::10', endpoints: `${EP1}=2001:db8:30:0:0:0:0:4,${EP2}=2001:db8:40::4` },
    dns: [
      ['test.trafficmanager.net', `CNAME ${EP1}`],
      [EP1, 'AAAA 2001:db8:30::4'],
    ],
    hops: [
      ['[2001:db8:100::10]:50000', '[2001:db8:30::4]:443'],
      ['[2001:db8:30::4]:443', '[2001:db8:100::10]:50000'],
    ],
  },
  {
    name: 'a single endpoint on its own port, names lower-cased',
    raw: { profile: 'Contoso.TrafficManager.net', endpoints: 'App.Contoso.example=192.0.2.50', port: '8443', cport: '1024' },
    dns: [
      ['contoso.trafficmanager.net', 'CNAME app.contoso.example'],
      ['app.contoso.example', 'A 192.0.2.50'],
    ],
    hops: [
      ['203.0.113.10:1024', '192.0.2.50:8443'],
      ['192.0.2.50:8443', '203.0.113.10:1024'],
    ],
  },
  {
    // Fail 45 with default probing: Degraded at 60 + 3·30 + 10 = 160. A lookup at 200 gets endpoint 2.
    name: 'a lookup after endpoint 1 is Degraded gets endpoint 2',
    raw: { fail: '45', resolved: '200' },
    dns: [
      ['test.trafficmanager.net', `CNAME ${EP2}`],
      [EP2, 'A 198.51.100.40'],
    ],
    hops: [
      ['203.0.113.10:50000', '198.51.100.40:443'],
      ['198.51.100.40:443', '203.0.113.10:50000'],
    ],
  },
  {
    // Fast probing, fail 45: probes at 50, 60, 70, 80 fail; Degraded at 80 + 9 = 89. Lookup at 89 → endpoint 2.
    name: 'fast probing: a lookup exactly at Degraded gets endpoint 2',
    raw: { fail: '45', resolved: '89', interval: '10', timeout: '9' },
    dns: [
      ['test.trafficmanager.net', `CNAME ${EP2}`],
      [EP2, 'A 198.51.100.40'],
    ],
    hops: [
      ['203.0.113.10:50000', '198.51.100.40:443'],
      ['198.51.100.40:443', '203.0.113.10:50000'],
    ],
  },
])('Traffic Manager: $name', ({ raw, dns, hops }) => {
  const s = scenario(raw);
  it('DNS steps match the golden table', () => {
    expect(dnsSteps(s).map((step) => [step.query, step.answer])).toEqual(dns);
  });
  it('hops match the golden table', () => {
    expect(trafficManagerHops(s).map((hop) => [socketText(hop.src), socketText(hop.dst)])).toEqual(hops);
  });
});

// Which endpoint answers, by the second of the lookup; fail 45 and default probing, Degraded at 160.
describe.each<{ resolved: string; position: number; state: string }>([
  { resolved: '30', position: 1, state: 'healthy' }, // before the failure
  { resolved: '45', position: 1, state: 'unnoticed' }, // down, no probe has failed yet
  { resolved: '159', position: 1, state: 'unnoticed' }, // the 4th probe (150) times out at 160
  { resolved: '160', position: 2, state: 'degraded' },
  { resolved: '100000', position: 2, state: 'degraded' },
])('answer at a lookup at $resolved s', ({ resolved, position, state }) => {
  it(`is endpoint ${position} (endpoint 1 ${state})`, () => {
    const answer = answerAt(scenario({ fail: '45', resolved }));
    expect([answer.position, answer.first.kind]).toEqual([position, state]);
  });
});

describe('Traffic Manager metadata', () => {
  it('without a failure endpoint 1 is healthy and answers, whatever the lookup time', () => {
    expect(answerAt(scenario({ resolved: '99999' })).first).toEqual({ kind: 'healthy' });
    expect(answerAt(scenario({ fail: 'none' })).position).toBe(1);
  });
  it('with three endpoints a Degraded endpoint 1 hands over to endpoint 2, not 3', () => {
    const s = scenario({
      endpoints: 'a.example.com=192.0.2.1,b.example.com=192.0.2.2,c.example.com=192.0.2.3',
      fail: '0',
      resolved: '500',
    });
    expect(dnsSteps(s).map((step) => step.answer)).toEqual(['CNAME b.example.com', 'A 192.0.2.2']);
  });
  it('names who answers each step and who sends each hop', () => {
    const s = scenario({});
    expect(dnsSteps(s).map((step) => [step.n, step.by])).toEqual([
      [1, 'tm'],
      [2, 'zone'],
    ]);
    expect(trafficManagerHops(s).map((hop) => [hop.n, hop.from, hop.to, hop.note])).toEqual([
      [1, 'client', 'endpoint', 'direct-request'],
      [2, 'endpoint', 'client', 'direct-reply'],
    ]);
  });
});

describe.each<{ input: string; expected: string | null }>([
  { input: 'test.trafficmanager.net', expected: 'test.trafficmanager.net' },
  { input: 'A-1.Example.COM', expected: 'a-1.example.com' },
  { input: `${'a'.repeat(63)}.example`, expected: `${'a'.repeat(63)}.example` },
  { input: `${'a'.repeat(64)}.example`, expected: null }, // label over 63
  { input: `${'a.'.repeat(125)}example`, expected: null }, // 257 characters
  { input: `${'a.'.repeat(123)}example`, expected: `${'a.'.repeat(123)}example` }, // 253 characters
  { input: '-a.example', expected: null },
  { input: 'a-.example', expected: null },
  { input: 'a..b', expected: null },
  { input: '.example', expected: null },
  { input: 'example.', expected: null },
  { input: 'example', expected: null }, // one label
  { input: 'a_b.example', expected: null },
  { input: '192.0.2.1', expected: null }, // an address is not a name
  { input: '\u212Aa.example', expected: null }, // Kelvin sign: not folded into "k"
  { input: 'ex ample.com', expected: null },
])('parseDnsName($input)', ({ input, expected }) => {
  it(`gives ${expected}`, () => {
    expect(parseDnsName(input)).toBe(expected);
  });
});

// Every parameter, each with values that must be refused, and the rule each breaks.
describe.each<{ param: string; value: string; rule: string }>([
  { param: 'client', value: '203.0.113', rule: 'ip' },
  { param: 'client', value: '<script>alert(1)</script>', rule: 'ip' },
  { param: 'cport', value: '1023', rule: 'int' },
  { param: 'profile', value: '-a.example', rule: 'dns-name' },
  { param: 'profile', value: 'a..b', rule: 'dns-name' },
  { param: 'profile', value: 'trafficmanager', rule: 'dns-name' },
  { param: 'profile', value: '%%{init: {"theme":"dark"}}%%', rule: 'dns-name' },
  { param: 'profile', value: '', rule: 'dns-name' },
  { param: 'endpoints', value: '', rule: 'endpoint-list' },
  {
    param: 'endpoints',
    value: Array.from({ length: 11 }, (_, i) => `e${i}.example.com=192.0.2.${i + 1}`).join(','),
    rule: 'endpoint-list',
  },
  { param: 'endpoints', value: 'x=1.2.3.4', rule: 'endpoint-item' }, // one-label name
  { param: 'endpoints', value: 'a.example.com', rule: 'endpoint-item' }, // no ip
  { param: 'endpoints', value: 'a.example.com=', rule: 'endpoint-item' },
  { param: 'endpoints', value: 'a.example.com=192.0.2.1=5', rule: 'endpoint-item' },
  { param: 'endpoints', value: 'a.example.com=192.0.2.1,b.example.com=192.0.2.256', rule: 'endpoint-item' },
  { param: 'endpoints', value: '192.0.2.256', rule: 'endpoint-item' }, // a bare item must be a valid IP
  { param: 'endpoints', value: '192.0.2.1:443', rule: 'endpoint-item' }, // no port: TM probes and serves on `port`
  { param: 'endpoints', value: '192.0.2.1,192.0.2.1', rule: 'duplicate' }, // the same address twice
  { param: 'endpoints', value: '<img src=x onerror=alert(1)>=192.0.2.1', rule: 'endpoint-item' },
  { param: 'endpoints', value: 'a.example.com=192.0.2.1,A.Example.com=192.0.2.2', rule: 'duplicate' },
  { param: 'port', value: '0', rule: 'int' },
  { param: 'port', value: '65536', rule: 'int' },
  { param: 'fail', value: 'never', rule: 'int' },
  { param: 'fail', value: '-1', rule: 'int' },
  { param: 'resolved', value: '2147483648', rule: 'int' },
  { param: 'interval', value: '20', rule: 'enum' },
  { param: 'tolerated', value: '10', rule: 'int' },
  { param: 'timeout', value: '11', rule: 'int' },
])('invalid $param=$value', ({ param, value, rule }) => {
  it(`is refused with rule "${rule}" at ${param}`, () => {
    const result = readTrafficManagerScenario({ [param]: value });
    expect(result.ok ? [] : result.errors.map((e) => [e.param, e.rule.code])).toEqual([[param, rule]]);
  });
});

// Rules that involve two fields report at the one the reader should change.
describe.each<{ name: string; raw: RawParams; param: string; rule: string }>([
  { name: 'IPv6 endpoints for an IPv4 client', raw: { endpoints: `${EP1}=2001:db8::30` }, param: 'endpoints', rule: 'same-family' },
  {
    name: 'one IPv6 endpoint among IPv4 ones',
    raw: { endpoints: `${EP1}=198.51.100.30,${EP2}=2001:db8::40` },
    param: 'endpoints',
    rule: 'same-family',
  },
  {
    name: 'an endpoint named like the profile',
    raw: { endpoints: 'test.trafficmanager.net=198.51.100.30' },
    param: 'endpoints',
    rule: 'duplicate',
  },
  {
    name: 'a failure with nothing to fail over to',
    raw: { endpoints: `${EP1}=198.51.100.30`, fail: '45' },
    param: 'fail',
    rule: 'fallback',
  },
  { name: 'timeout 10 at interval 10', raw: { interval: '10', timeout: '10' }, param: 'timeout', rule: 'at-most-when' },
])('cross-field: $name', ({ raw, param, rule }) => {
  it(`is refused at ${param}`, () => {
    const result = readTrafficManagerScenario(raw);
    expect(result.ok ? [] : result.errors.map((e) => [e.param, e.rule.code])).toEqual([[param, rule]]);
  });
});

describe('parameter reading', () => {
  it('reads an empty or "none" fail as no failure', () => {
    expect(scenario({ fail: '' }).fail).toBeNull();
    expect(scenario({ fail: ' none ' }).fail).toBeNull();
    expect(scenario({}).fail).toBeNull();
  });
  it('ignores whitespace around endpoint items and around "="', () => {
    expect(scenario({ endpoints: ` ${EP1} = 198.51.100.30 , ${EP2}=198.51.100.40 ` }).endpoints.map((e) => e.fqdn)).toEqual([EP1, EP2]);
  });
});
