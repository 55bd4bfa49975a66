import { describe, expect, it } from 'vitest';
import { loadBalancerHops, readLoadBalancerScenario } from '../../src/model/services/load-balancer.ts';
import type { RawParams } from '../../src/model/shared/params.ts';
import { socketText } from '../../src/view/table.ts';

/** Reads a scenario that must be valid and returns its hops as [src, dst] pairs. */
function hops(raw: RawParams): [string, string][] {
  const result = readLoadBalancerScenario(raw);
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return loadBalancerHops(result.scenario).map((hop) => [socketText(hop.src), socketText(hop.dst)]);
}

// Golden tables, written by hand from SPEC §3 (Load Balancer).
describe.each<{ name: string; raw: RawParams; expected: [string, string][] }>([
  {
    name: 'the guide default scenario',
    raw: {},
    expected: [
      ['203.0.113.10:50000', '198.51.100.10:443'],
      ['203.0.113.10:50000', '10.0.1.4:443'],
      ['10.0.1.4:443', '203.0.113.10:50000'],
      ['198.51.100.10:443', '203.0.113.10:50000'],
    ],
  },
  {
    name: 'the second backend serves the flow, on a different backend port',
    raw: { pick: '2', bport: '8080' },
    expected: [
      ['203.0.113.10:50000', '198.51.100.10:443'],
      ['203.0.113.10:50000', '10.0.1.5:8080'],
      ['10.0.1.5:8080', '203.0.113.10:50000'],
      ['198.51.100.10:443', '203.0.113.10:50000'],
    ],
  },
  {
    name: 'Floating IP keeps the frontend IP as destination, translates only the port',
    raw: { floating: '1', bport: '1433', port: '1433' },
    expected: [
      ['203.0.113.10:50000', '198.51.100.10:1433'],
      ['203.0.113.10:50000', '198.51.100.10:1433'],
      ['198.51.100.10:1433', '203.0.113.10:50000'],
      ['198.51.100.10:1433', '203.0.113.10:50000'],
    ],
  },
  {
    name: 'Floating IP with a different backend port',
    raw: { floating: '1', port: '80', bport: '8080', client: '192.0.2.7', cport: '1024' },
    expected: [
      ['192.0.2.7:1024', '198.51.100.10:80'],
      ['192.0.2.7:1024', '198.51.100.10:8080'],
      ['198.51.100.10:8080', '192.0.2.7:1024'],
      ['198.51.100.10:80', '192.0.2.7:1024'],
    ],
  },
  {
    name: 'IPv6 end to end, shown as [addr]:port and normalised (RFC 5952)',
    raw: { client: '2001:DB8:0:0::10', lbip: '2001:db8:100::a', backends: '2001:db8:1::4,2001:db8:1::5', cport: '65535' },
    expected: [
      ['[2001:db8::10]:65535', '[2001:db8:100::a]:443'],
      ['[2001:db8::10]:65535', '[2001:db8:1::4]:443'],
      ['[2001:db8:1::4]:443', '[2001:db8::10]:65535'],
      ['[2001:db8:100::a]:443', '[2001:db8::10]:65535'],
    ],
  },
  {
    name: 'IPv6 with Floating IP',
    raw: { client: '2001:db8::10', lbip: '2001:db8:100::a', backends: '2001:db8:1::4', floating: '1', bport: '8443' },
    expected: [
      ['[2001:db8::10]:50000', '[2001:db8:100::a]:443'],
      ['[2001:db8::10]:50000', '[2001:db8:100::a]:8443'],
      ['[2001:db8:100::a]:8443', '[2001:db8::10]:50000'],
      ['[2001:db8:100::a]:443', '[2001:db8::10]:50000'],
    ],
  },
  {
    name: 'sixteen backends, the last one picked; whitespace around list items is ignored',
    raw: {
      backends: Array.from({ length: 16 }, (_, i) => ` 10.0.2.${i + 10} `).join(','),
      pick: '16',
    },
    expected: [
      ['203.0.113.10:50000', '198.51.100.10:443'],
      ['203.0.113.10:50000', '10.0.2.25:443'],
      ['10.0.2.25:443', '203.0.113.10:50000'],
      ['198.51.100.10:443', '203.0.113.10:50000'],
    ],
  },
])('Load Balancer hops: $name', ({ raw, expected }) => {
  it('matches the golden table', () => {
    expect(hops(raw)).toEqual(expected);
  });
});

describe('Load Balancer hop metadata', () => {
  it('numbers hops in travel order and names who sends each', () => {
    const result = readLoadBalancerScenario({});
    if (!result.ok) throw new Error('defaults must be valid');
    expect(loadBalancerHops(result.scenario).map((hop) => [hop.n, hop.from, hop.to, hop.note])).toEqual([
      [1, 'client', 'lb', 'to-frontend'],
      [2, 'lb', 'backend', 'dnat'],
      [3, 'backend', 'lb', 'reply-to-client'],
      [4, 'lb', 'client', 'reverse-nat'],
    ]);
  });
});

// Every parameter, each with values that must be refused, and the rule each breaks.
describe.each<{ param: string; value: string; rule: string }>([
  { param: 'client', value: '', rule: 'ip' },
  { param: 'client', value: '203.0.113', rule: 'ip' },
  { param: 'client', value: '203.0.113.256', rule: 'ip' },
  { param: 'client', value: '0x7f.0.0.1', rule: 'ip' },
  { param: 'client', value: '203.0.113.010', rule: 'ip' },
  { param: 'client', value: 'fe80::1%eth0', rule: 'ip' },
  { param: 'client', value: '<img src=x onerror=alert(1)>', rule: 'ip' },
  { param: 'client', value: '203.0.113.10:50000', rule: 'ip' },
  { param: 'cport', value: '1023', rule: 'int' },
  { param: 'cport', value: '65536', rule: 'int' },
  { param: 'cport', value: '5e4', rule: 'int' },
  { param: 'cport', value: '-1', rule: 'int' },
  { param: 'cport', value: '050000', rule: 'int' },
  { param: 'cport', value: '99999999999999999999999', rule: 'int' },
  { param: 'lbip', value: 'example.com', rule: 'ip' },
  { param: 'lbip', value: '%%{init: {"theme":"dark"}}%%', rule: 'ip' },
  { param: 'port', value: '0', rule: 'int' },
  { param: 'port', value: '443.0', rule: 'int' },
  { param: 'port', value: ' ', rule: 'int' },
  { param: 'backends', value: '', rule: 'ip-list' },
  { param: 'backends', value: Array.from({ length: 17 }, (_, i) => `10.0.1.${i + 1}`).join(','), rule: 'ip-list' },
  { param: 'backends', value: '10.0.1.4,,10.0.1.5', rule: 'ip-list-item' },
  { param: 'backends', value: '10.0.1.4;10.0.1.5', rule: 'ip-list-item' },
  { param: 'backends', value: '10.0.1.4,10.0.1.4', rule: 'duplicate' },
  { param: 'backends', value: '10.0.1.4,2001:db8::4', rule: 'mixed-family' },
  { param: 'bport', value: '65536', rule: 'int' },
  { param: 'pick', value: '0', rule: 'int' },
  { param: 'pick', value: '17', rule: 'int' },
  { param: 'floating', value: 'true', rule: 'enum' },
  { param: 'floating', value: '2', rule: 'enum' },
])('invalid $param=$value', ({ param, value, rule }) => {
  it(`is refused with rule "${rule}" at ${param}`, () => {
    const result = readLoadBalancerScenario({ [param]: value });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => [error.param, error.rule.code])).toEqual([[param, rule]]);
  });
});

// Rules that involve two fields report at the second one.
describe.each<{ name: string; raw: RawParams; param: string; rule: string }>([
  { name: 'pick beyond the list', raw: { pick: '3' }, param: 'pick', rule: 'at-most' },
  { name: 'IPv6 frontend for an IPv4 client', raw: { lbip: '2001:db8::a' }, param: 'lbip', rule: 'same-family' },
  { name: 'IPv6 backends for an IPv4 client', raw: { backends: '2001:db8::4' }, param: 'backends', rule: 'same-family' },
])('cross-field: $name', ({ raw, param, rule }) => {
  it(`is refused at ${param}`, () => {
    const result = readLoadBalancerScenario(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => [e.param, e.rule.code])).toEqual([[param, rule]]);
  });
});

describe('parameter reading', () => {
  it('trims whitespace around a value', () => {
    expect(hops({ client: ' 192.0.2.1 ' })[0]).toEqual(['192.0.2.1:50000', '198.51.100.10:443']);
  });
  it('reports a field error and a cross-field error together', () => {
    const result = readLoadBalancerScenario({ cport: '80', pick: '3' });
    expect(result.ok ? [] : result.errors.map((e) => [e.param, e.rule.code])).toEqual([
      ['cport', 'int'],
      ['pick', 'at-most'],
    ]);
  });
  it('leaves out a cross-field error that rests on a field that failed', () => {
    const result = readLoadBalancerScenario({ backends: 'x', pick: '3' });
    expect(result.ok ? [] : result.errors.map((e) => [e.param, e.rule.code])).toEqual([['backends', 'ip-list-item']]);
  });
  it('reports every invalid field at once', () => {
    const result = readLoadBalancerScenario({ client: 'x', port: 'y' });
    expect(result.ok ? [] : result.errors.map((e) => e.param)).toEqual(['client', 'port']);
  });
});
