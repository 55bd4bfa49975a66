import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  fixes,
  maxPool,
  outboundHops,
  portLoad,
  precedence,
  readOutboundScenario,
  winner,
  type OutboundScenario,
} from '../../src/model/services/outbound.ts';
import type { RawParams } from '../../src/model/shared/params.ts';
import { outboundView } from '../../src/view/outbound.ts';
import { translator } from '../../src/i18n.ts';
import { toHtml } from '../../src/view/tree.ts';
import { socketText } from '../../src/view/table.ts';

function scenario(raw: RawParams): OutboundScenario {
  const result = readOutboundScenario(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

const errors = (raw: RawParams) => {
  const result = readOutboundScenario(raw);
  return result.ok ? [] : result.errors.map((e) => [e.param, e.rule.code]);
};

const figures = (raw: RawParams) => {
  const s = scenario(raw);
  const load = portLoad(s);
  return { wins: winner(s.egress), ports: load.available, needed: load.needed, exhausted: load.exhausted, after: load.exhaustAfter };
};

const hops = (raw: RawParams) =>
  outboundHops(scenario(raw)).map((hop) => [hop.n, hop.from, hop.to, socketText(hop.src), socketText(hop.dst)]);

// Golden values worked out by hand from SPEC §10 and the Learn figures cited in src/model/services/outbound.ts.
describe('the default scenario', () => {
  it('Load Balancer, pool 10, default table: 1,024 ports; 20/s × (2 s + 240 s after FIN) = 4,840 held; fails after 1,024 ÷ 20 = 51.2 s', () => {
    expect(figures({})).toEqual({ wins: 'lb', ports: 1024, needed: 4840, exhausted: 'yes', after: 51.2 });
  });

  it('four packets: the VM to the destination, after SNAT from 198.51.100.80:1024, the reply, the reply translated back', () => {
    expect(hops({})).toEqual([
      [1, 'vm', 'lb-outbound', '10.0.1.4:51000', '203.0.113.200:443'],
      [2, 'lb-outbound', 'destination', '198.51.100.80:1024', '203.0.113.200:443'],
      [3, 'destination', 'lb-outbound', '203.0.113.200:443', '198.51.100.80:1024'],
      [4, 'lb-outbound', 'vm', '203.0.113.200:443', '10.0.1.4:51000'],
    ]);
  });

  it('the page shows the figures as data fields, in both languages', () => {
    for (const lang of ['ja', 'en'] as const) {
      const html = outboundView(scenario({}), translator(lang)).outputs.map(toHtml).join('');
      for (const [field, value] of [
        ['wins', 'lb'],
        ['ports-per-vm', '1024'],
        ['needed', '4840'],
        ['exhausted', 'yes'],
        ['exhaust-after', '51.2'],
        ['allowlist', '198.51.100.80'],
      ])
        expect(html, `${lang} ${field}`).toContain(`data-field="${field}" data-value="${value}"`);
      expect(html).not.toContain('data-field="max-pool"');
    }
  });
});

describe('the default allocation table (load-balancer-outbound-connections), one frontend IP', () => {
  it.each([
    [1, 1024],
    [50, 1024],
    [51, 512],
    [100, 512],
    [101, 256],
    [200, 256],
    [201, 128],
    [400, 128],
    [401, 64],
    [800, 64],
    [801, 32],
    [1000, 32],
  ])('pool %i → %i ports per VM', (pool, ports) => {
    expect(figures({ pool: String(pool) }).ports).toBe(ports);
  });

  it.each([
    // MIN(table × frontend IPs, 1,024): two IPs double 512 to 1,024; a third adds nothing.
    ['60', '198.51.100.80,198.51.100.81', 1024],
    ['60', '198.51.100.80,198.51.100.81,198.51.100.82', 1024],
    // 128 × 3 = 384, under the cap.
    ['300', '198.51.100.80,198.51.100.81,198.51.100.82', 384],
    // 1,024 × 2 capped at 1,024.
    ['10', '198.51.100.80,198.51.100.81', 1024],
  ])('pool %s with frontend IPs %s → %i (capped at 1,024)', (pool, pips, ports) => {
    expect(figures({ pool, pips }).ports).toBe(ports);
  });
});

describe('explicit allocation (outbound-rules)', () => {
  it('6,400 ports for 10 VMs on one frontend IP fits: 10 × 6,400 = 64,000; it allows 64,000 ÷ 6,400 = 10 instances; 4,840 held fits', () => {
    expect(errors({ ports: '6400' })).toEqual([]);
    expect(figures({ ports: '6400' })).toEqual({ wins: 'lb', ports: 6400, needed: 4840, exhausted: 'no', after: null });
    expect(maxPool(1, 6400)).toBe(10);
    const html = outboundView(scenario({ ports: '3200' }), translator('en'))
      .outputs.map(toHtml)
      .join('');
    expect(html).toContain('data-field="max-pool" data-value="20"');
  });

  it('overcommitting is refused, naming the largest that fits: 64,000 ÷ 10 = 6,400', () => {
    expect(errors({ ports: '6408' })).toEqual([['ports', 'snat-capacity']]);
    const result = readOutboundScenario({ ports: '6408' });
    expect(result.ok ? null : result.errors[0]!.rule).toMatchObject({ max: 6400, ips: 1, pool: 10 });
  });

  it('Learn’s example: 10,000 ports for 7 VMs on one public IP is rejected (7 × 10,000 > 64,000)', () => {
    expect(errors({ ports: '10000', pool: '7' })).toEqual([['ports', 'snat-capacity']]);
    // Two frontend IPs give 128,000: 7 × 10,000 = 70,000 fits.
    expect(errors({ ports: '10000', pool: '7', pips: '198.51.100.80,198.51.100.81' })).toEqual([]);
  });

  it('not a multiple of 8 is refused; 0 and empty mean the default table', () => {
    expect(errors({ ports: '1001' })).toEqual([['ports', 'multiple-of']]);
    expect(figures({ ports: '0' }).ports).toBe(1024);
    expect(figures({ ports: '' }).ports).toBe(1024);
  });
});

describe('the other methods', () => {
  it('NAT Gateway with two public IPs: 2 × 50,000 toward one destination = 100,000 for the subnet; 10 VMs × 20/s × (2 s + 65 s after FIN) = 13,400 held; both IPs to allow', () => {
    const raw = { egress: 'natgw', pips: '198.51.100.80,198.51.100.81' };
    expect(figures(raw)).toEqual({ wins: 'natgw', ports: 100000, needed: 13400, exhausted: 'no', after: null });
    const html = outboundView(scenario(raw), translator('ja')).outputs.map(toHtml).join('');
    expect(html).toContain('data-field="allowlist" data-value="198.51.100.80,198.51.100.81"');
  });

  it('an instance-level public IP keeps the VM’s source port: no SNAT pool, never exhausted', () => {
    expect(hops({ egress: 'ilpip' })).toEqual([
      [1, 'vm', 'ilpip', '10.0.1.4:51000', '203.0.113.200:443'],
      [2, 'ilpip', 'destination', '198.51.100.80:51000', '203.0.113.200:443'],
      [3, 'destination', 'ilpip', '203.0.113.200:443', '198.51.100.80:51000'],
      [4, 'ilpip', 'vm', '203.0.113.200:443', '10.0.1.4:51000'],
    ]);
    expect(figures({ egress: 'ilpip' })).toEqual({ wins: 'ilpip', ports: null, needed: 4840, exhausted: 'no', after: null });
  });

  it('Azure Firewall: 2,496 × 1 public IP × 2 instances = 4,992 ports for the firewall; 10 VMs × 20/s × 242 s = 48,400 held: exhausted after 4,992 ÷ 200 = 25.0 s; with 3 instances and 2 IPs, 14,976', () => {
    expect(figures({ egress: 'fw' })).toEqual({ wins: 'fw', ports: 4992, needed: 48400, exhausted: 'yes', after: 25 });
    expect(figures({ egress: 'fw', fwinst: '3', pips: '198.51.100.80,198.51.100.81' }).ports).toBe(14976);
  });

  it('default outbound access: no published figure, so exhaustion is not computed', () => {
    expect(figures({ egress: 'default' })).toEqual({ wins: 'default', ports: null, needed: 4840, exhausted: 'unknown', after: null });
  });
});

describe('precedence (nat-overview): route to a firewall, NAT Gateway, instance-level public IP, outbound rule, default', () => {
  it.each([
    ['lb,natgw,ilpip', 'natgw'],
    ['fw,natgw', 'fw'],
    ['ilpip,lb', 'ilpip'],
    ['default,lb', 'lb'],
    ['default', 'default'],
    ['default,ilpip,natgw,lb,fw', 'fw'],
  ])('%s → %s', (egress, wins) => {
    expect(figures({ egress }).wins).toBe(wins);
  });

  it('lists each configured method once, in precedence order, the winner marked', () => {
    expect(precedence(scenario({ egress: 'lb,default,natgw' }))).toEqual([
      { method: 'natgw', used: true },
      { method: 'lb', used: false },
      { method: 'default', used: false },
    ]);
  });
});

describe('loads that exhaust and loads that do not', () => {
  it.each([
    // 4/s × 242 s = 968 ≤ 1,024
    [{ rate: '4' }, 968, 'no', null],
    // 5/s × 242 s = 1,210 > 1,024: fails after 1,024 ÷ 5 = 204.8 s
    [{ rate: '5' }, 1210, 'yes', 204.8],
    // RST frees the port after 15 s: 20 × 17 = 340
    [{ close: 'rst' }, 340, 'no', null],
    // Left open until the 4-minute idle timeout: 20 × (2 + 240) = 4,840
    [{ close: 'idle' }, 4840, 'yes', 51.2],
    // A 10-minute idle timeout: 20 × (2 + 600) = 12,040
    [{ close: 'idle', idle: '10' }, 12040, 'yes', 51.2],
    // UDP ends by the idle timeout whatever `close` says: 20 × (2 + 240)
    [{ proto: 'udp', close: 'rst' }, 4840, 'yes', 51.2],
    // No load, no ports
    [{ rate: '0' }, 0, 'no', null],
  ])('%j → %i held, exhausted %s', (raw, needed, exhausted, after) => {
    expect(figures(raw)).toMatchObject({ needed, exhausted, after });
  });

  it('NAT Gateway’s UDP idle timeout is fixed at 4 minutes, then the port is held 65 s: idle=30 does not change it (10 VMs × 20/s × 307 s)', () => {
    expect(figures({ egress: 'natgw', proto: 'udp', idle: '30' }).needed).toBe(10 * 20 * (2 + 240 + 65));
  });
});

describe('fixes, in Microsoft’s order, computed for the default scenario', () => {
  it('NAT Gateway with 1 IP: 50,000 toward one destination for the subnet (10 × 20 × 67 = 13,400 held), allocation 6,400 for 10 (4,840 held), a second frontend IP 12,800, pooling 20 × 2 = 40 held', () => {
    expect(fixes(scenario({})).map((f) => [f.fix, f.ports, f.needed, f.exhausted, f.status, f.pool])).toEqual([
      ['natgw', 50000, 13400, 'no', 'fits', undefined],
      ['allocate', 6400, 4840, 'no', 'fits', 10],
      ['frontend-ip', 12800, 4840, 'no', 'fits', undefined],
      ['ilpip', null, null, null, 'design', undefined],
      ['private-link', null, null, null, 'design', undefined],
      ['pooling', 1024, 40, 'no', 'fits', undefined],
      ['keepalive', null, null, null, 'design', undefined],
    ]);
  });
});

describe('bad input: a field error naming the rule, nothing else', () => {
  it.each([
    [{ egress: 'foo' }, 'egress', 'egress-item'],
    [{ egress: '' }, 'egress', 'egress-list'],
    [{ egress: 'lb,lb' }, 'egress', 'duplicate'],
    [{ egress: 'constructor' }, 'egress', 'egress-item'],
    [{ dest: '203.0.113.200' }, 'dest', 'ip4-port'],
    [{ dest: '203.0.113.200:0' }, 'dest', 'ip4-port'],
    [{ dest: '203.0.113.200:065' }, 'dest', 'ip4-port'],
    [{ dest: '<script>alert(1)</script>:443' }, 'dest', 'ip4-port'],
    [{ dest: '[2001:db8::1]:443' }, 'dest', 'ip4-port'],
    [{ pool: '1001' }, 'pool', 'int'],
    [{ pool: '0' }, 'pool', 'int'],
    [{ ports: '12' }, 'ports', 'multiple-of'],
    [{ ports: '64008' }, 'ports', 'int'],
    [{ idle: '3' }, 'idle', 'int'],
    [{ idle: '121' }, 'idle', 'int'],
    [{ fwinst: '1' }, 'fwinst', 'int'],
    [{ proto: 'icmp' }, 'proto', 'enum'],
    [{ close: 'timeout' }, 'close', 'enum'],
    [{ vm: '2001:db8::4' }, 'vm', 'same-family'],
    [{ pips: '2001:db8::80' }, 'pips', 'ip-list-item'],
    [{ egress: 'ilpip', pips: '198.51.100.80,198.51.100.81' }, 'pips', 'pips-max'],
    [{ egress: 'natgw', pips: Array.from({ length: 17 }, (_, i) => `198.51.100.${i + 1}`).join(',') }, 'pips', 'pips-max'],
  ])('%j → %s: %s', (raw, param, code) => {
    expect(errors(raw)).toEqual([[param, code]]);
  });
});

describe('invariants', () => {
  const raw = fc.record({
    egress: fc.subarray(['natgw', 'ilpip', 'lb', 'fw', 'default'], { minLength: 1 }).map((list) => list.join(',')),
    pool: fc.integer({ min: 1, max: 1000 }).map(String),
    rate: fc.integer({ min: 0, max: 5000 }).map(String),
    life: fc.integer({ min: 0, max: 3600 }).map(String),
    close: fc.constantFrom('fin', 'rst', 'idle'),
    proto: fc.constantFrom('tcp', 'udp'),
    idle: fc.integer({ min: 4, max: 120 }).map(String),
  });

  it('exhausted exactly when the load holds more ports than the VM has; it fails once ports ÷ rate seconds have passed', () => {
    fc.assert(
      fc.property(raw, (r) => {
        const s = scenario(r);
        const load = portLoad(s);
        // A shared inventory (NAT Gateway, Azure Firewall) carries every VM's load; the others one VM's or instance's.
        const sharers = ['natgw', 'fw'].includes(winner(s.egress)) ? s.pool : 1;
        expect(load.needed).toBe(sharers * s.rate * load.hold);
        if (load.available === null) return;
        expect(load.exhausted).toBe(load.needed > load.available ? 'yes' : 'no');
        if (load.exhausted === 'yes') {
          // Shown to a tenth of a second.
          expect(Math.abs(load.exhaustAfter! - load.available / (sharers * s.rate))).toBeLessThanOrEqual(0.05 + 1e-9);
          // It fails before the first connections give their ports back.
          expect(load.exhaustAfter!).toBeLessThanOrEqual(load.hold + 0.05);
        }
      }),
    );
  });

  it('the reply mirrors the request, the VM always gets its own address back, and only a 1:1 NAT keeps the port', () => {
    fc.assert(
      fc.property(raw, (r) => {
        const s = scenario(r);
        const [h1, h2, h3, h4] = outboundHops(s).map((hop) => [socketText(hop.src), socketText(hop.dst)]);
        expect(h3).toEqual([h2![1], h2![0]]);
        expect(h4).toEqual([h1![1], h1![0]]);
        expect(h2![0]!.endsWith(`:${winner(s.egress) === 'ilpip' ? s.vport : s.sport}`)).toBe(true);
      }),
    );
  });
});
