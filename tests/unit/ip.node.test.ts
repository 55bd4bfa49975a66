import { describe, expect, test } from 'vitest';
import { explorerFor } from '../../src/explorers.ts';
import { embeddedIpv4, parseIp } from '../../src/model/shared/ip.ts';

/**
 * Address text (issue 26, from a hostile-input run): one strict rule for IPv4 text wherever it
 * appears, and no IPv4 address slipping past the IPv4 rules by being written as IPv6.
 */
describe('parseIp', () => {
  test.each([
    ['203.0.113.10', '203.0.113.10', 4],
    ['2001:db8::10', '2001:db8::10', 6],
    ['2001:DB8:0:0:0:0:0:10', '2001:db8::10', 6],
    ['::1', '::1', 6],
    ['::', '::', 6],
    // NAT64's well-known prefix keeps its IPv4 part dotted (RFC 5952 §5), however it was written
    ['64:ff9b::198.51.100.7', '64:ff9b::198.51.100.7', 6],
    ['64:ff9b::c633:6407', '64:ff9b::198.51.100.7', 6],
  ])('%s reads as %s (IPv%i)', (input, text, family) => {
    expect(parseIp(input)).toEqual({ text, family });
  });

  test.each([
    // ipaddr.js read this as ::ffff:a00:5, an address the reader never typed
    '::10.0.0.5',
    // IPv4-mapped, dotted or hexadecimal: the IPv4 rules (inside a subnet, private or not) must see it as IPv4
    '::ffff:10.0.0.9',
    '::FFFF:10.0.0.9',
    '::ffff:a00:9',
    '0:0:0:0:0:ffff:10.0.0.9',
    // a dotted tail is held to the dotted-quad rule: `0x7f.0.0.1` is refused on its own
    '::ffff:0x7f.0.0.1',
    '64:ff9b::0x7f.0.0.1',
    '2001:db8::1.2.3',
    '2001:db8::01.2.3.4',
    'fe80::1%eth0',
  ])('%s is refused', (input) => {
    expect(parseIp(input)).toBeNull();
  });

  test.each([
    ['::ffff:10.0.0.9', '10.0.0.9'],
    ['::ffff:a00:9', '10.0.0.9'],
    ['::10.0.0.5', '10.0.0.5'],
    ['::ffff:0x7f.0.0.1', null],
    ['::1', null],
    ['::', null],
    ['2001:db8::a00:5', null],
    ['64:ff9b::10.0.0.5', null],
  ])('embeddedIpv4(%s) is %s', (input, ipv4) => {
    expect(embeddedIpv4(input)).toBe(ipv4);
  });
});

describe('an IPv4 address written as IPv6, on the pages', () => {
  test('is refused where the IPv4 address itself would be, naming the address to enter', () => {
    const result = explorerFor('application-gateway').read({ client: '::ffff:10.0.0.9' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ param: 'client', rule: { code: 'ip-v4-in-v6', ipv4: '10.0.0.9' } }]);
  });

  test('the IPv4 address itself is refused by the subnet rule, not the text rule', () => {
    const result = explorerFor('application-gateway').read({ client: '10.0.0.9' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ param: 'client', rule: { code: 'outside-subnet', other: 'subnet' } }]);
  });

  test('a forged X-Forwarded-For entry with a loose dotted tail is refused like the IPv4 text', () => {
    for (const xffin of ['0x7f.0.0.1', '::ffff:0x7f.0.0.1', '[::ffff:127.0.0.1]:80']) {
      const result = explorerFor('front-door').read({ xffin });
      expect(result.ok, xffin).toBe(false);
    }
  });

  test('the client ::10.0.0.5 is no longer drawn as [::ffff:a00:5]', () => {
    const result = explorerFor('load-balancer').read({ client: '::10.0.0.5' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.rule).toEqual({ code: 'ip-v4-in-v6', ipv4: '10.0.0.5' });
  });
});
