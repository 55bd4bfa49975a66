import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fixes, outboundHops, portLoad, readOutboundScenario, winner, type OutboundScenario } from '../../src/model/services/outbound.ts';
import type { RawParams } from '../../src/model/shared/params.ts';
import { outboundView } from '../../src/view/outbound.ts';
import { translator } from '../../src/i18n.ts';
import { toHtml } from '../../src/view/tree.ts';
import { socketText } from '../../src/view/table.ts';

// Golden values worked out by hand from SPEC §10 (issue 30): NAT Gateway's and Azure Firewall's ports are one
// inventory shared by every VM that uses them (nat-gateway-resource; integrate-with-nat-gateway), so the load is
// pool × rate × hold against the whole inventory. Toward one destination NAT Gateway allows 50,000 connections per
// public IP (nat-gateway-resource, Performance). Hold after FIN: NAT Gateway 65 s, Load Balancer and App Service 240 s.

function scenario(raw: RawParams): OutboundScenario {
  const result = readOutboundScenario(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

const figures = (raw: RawParams) => {
  const s = scenario(raw);
  const load = portLoad(s);
  return { wins: winner(s.egress), ports: load.available, needed: load.needed, exhausted: load.exhausted, after: load.exhaustAfter };
};

const ips = (n: number) => Array.from({ length: n }, (_, i) => `198.51.100.${80 + i}`).join(',');
const html = (raw: RawParams, lang: 'ja' | 'en') => outboundView(scenario(raw), translator(lang)).outputs.map(toHtml).join('');
const fixRows = (raw: RawParams) => fixes(scenario(raw)).map((f) => [f.fix, f.ports, f.needed, f.status, f.ips ?? null]);

// 100 VMs, 20 new connections a second each, to one API through a NAT Gateway.
const HUNDRED = { egress: 'natgw', pool: '100', rate: '20' };

describe('NAT Gateway: one inventory for the subnet', () => {
  it.each([
    // 100 × 20/s × (2 s + 65 s) = 134,000 held; one IP gives 50,000 toward one destination: fails after 50,000 ÷ 2,000 = 25 s.
    [{ ...HUNDRED }, { ports: 50000, needed: 134000, exhausted: 'yes', after: 25 }],
    // Two IPs: 100,000 < 134,000, still exhausted, after 100,000 ÷ 2,000 = 50 s.
    [
      { ...HUNDRED, pips: ips(2) },
      { ports: 100000, needed: 134000, exhausted: 'yes', after: 50 },
    ],
    // Three IPs: 150,000 ≥ 134,000: fits.
    [
      { ...HUNDRED, pips: ips(3) },
      { ports: 150000, needed: 134000, exhausted: 'no', after: null },
    ],
    // One VM: 20 × 67 = 1,340, the old per-VM figure, fits.
    [
      { ...HUNDRED, pool: '1' },
      { ports: 50000, needed: 1340, exhausted: 'no', after: null },
    ],
  ])('%j → %j', (raw, expected) => {
    expect(figures(raw)).toEqual({ wins: 'natgw', ...expected });
  });

  it('the limit toward one destination is 50,000 per IP, not 64,512: 100 × 9/s × 67 s = 60,300 is exhausted with one IP (after 50,000 ÷ 900 = 55.6 s)', () => {
    expect(figures({ ...HUNDRED, rate: '9' })).toMatchObject({ ports: 50000, needed: 60300, exhausted: 'yes', after: 55.6 });
  });

  it('UDP: the 4-minute idle timeout, then 65 s before the port serves the destination again: 10 × 20 × 307 = 61,400 > 50,000, after 250 s', () => {
    expect(figures({ egress: 'natgw', proto: 'udp' })).toMatchObject({ needed: 61400, exhausted: 'yes', after: 250 });
  });

  it('the summary says "for the subnet", the load of every VM and the whole inventory (both languages)', () => {
    const en = html(HUNDRED, 'en');
    expect(en).toContain('data-field="ports-per-vm" data-value="50000"');
    expect(en).toContain('data-field="needed" data-value="134000"');
    expect(en).toContain('data-field="exhausted" data-value="yes"');
    expect(en).toContain('data-field="exhaust-after" data-value="25"');
    expect(en).toContain('SNAT ports toward one destination, for the subnet');
    expect(en).toContain('134,000 = 100 VMs × 20/s');
    expect(en).toContain('64,512');
    expect(en).not.toContain('per VM');
    const ja = html(HUNDRED, 'ja');
    expect(ja).toContain('1 つの宛先にサブネット全体で使える SNAT ポート');
    expect(ja).toContain('134,000 = 100 台 × 20/秒');
  });

  it('the verdict fails with the figures of the subnet', () => {
    const verdict = outboundView(scenario(HUNDRED), translator('en')).verdict!;
    expect(verdict.state).toBe('fails');
    expect(verdict.text).toContain('134,000');
    expect(verdict.text).toContain('50,000 available for the subnet');
    expect(verdict.text).toContain('25 s');
    expect(outboundView(scenario({ ...HUNDRED, pips: ips(3) }), translator('ja')).verdict!.state).toBe('ok');
  });
});

describe('Azure Firewall: one inventory for the firewall', () => {
  it.each([
    // 2,496 × 1 IP × 2 instances = 4,992; 10 × 20 × 242 = 48,400: after 4,992 ÷ 200 = 24.96 → 25.0 s.
    [{ egress: 'fw' }, { ports: 4992, needed: 48400, exhausted: 'yes', after: 25 }],
    // Nine IPs: 44,928 < 48,400.
    [
      { egress: 'fw', pips: ips(9) },
      { ports: 44928, needed: 48400, exhausted: 'yes', after: 224.6 },
    ],
    // Ten IPs: 49,920 ≥ 48,400: fits.
    [
      { egress: 'fw', pips: ips(10) },
      { ports: 49920, needed: 48400, exhausted: 'no', after: null },
    ],
    // A route to the firewall wins over the subnet's NAT Gateway: the firewall's inventory counts.
    [
      { egress: 'natgw,fw', pips: ips(10) },
      { ports: 49920, needed: 48400, exhausted: 'no', after: null },
    ],
  ])('%j → %j', (raw, expected) => {
    expect(figures(raw)).toEqual({ wins: 'fw', ...expected });
  });

  it('the summary says "for the firewall"', () => {
    expect(html({ egress: 'fw' }, 'en')).toContain('SNAT ports toward one destination, for the firewall');
    expect(html({ egress: 'fw' }, 'ja')).toContain('1 つの宛先にファイアウォール全体で使える SNAT ポート');
  });
});

describe('the fixes table, by the same rule', () => {
  it('NAT Gateway in use and exhausted: add public IPs, 134,000 ÷ 50,000 → 3; Load Balancer fixes do not apply; pooling 100 × 20 × 2 = 4,000', () => {
    expect(fixRows(HUNDRED)).toEqual([
      ['natgw-ips', 150000, 134000, 'fits', 3],
      ['allocate', null, null, 'not-applicable', null],
      ['frontend-ip', null, null, 'not-applicable', null],
      ['ilpip', null, null, 'design', null],
      ['private-link', null, null, 'design', null],
      ['pooling', 50000, 4000, 'fits', null],
      ['keepalive', null, null, 'design', null],
    ]);
    expect(html(HUNDRED, 'en')).toContain('Give the NAT Gateway 3 public IPs (at most 16)');
    expect(html(HUNDRED, 'en')).not.toContain('>1. NAT Gateway with');
  });

  it('more than 16 IPs: 1,000 × 20 × 67 = 1,340,000 needs 27; with 16 (800,000) still exhausted, and the page says so', () => {
    expect(fixRows({ ...HUNDRED, pool: '1000' })[0]).toEqual(['natgw-ips', 800000, 1340000, 'exhausted', 27]);
    expect(html({ ...HUNDRED, pool: '1000' }, 'en')).toContain('the load needs 27, more than its 16');
  });

  it('from a firewall: NAT Gateway on AzureFirewallSubnet, 10 × 20 × 67 = 13,400 → one IP fits; or the firewall’s own IPs, 48,400 ÷ (2,496 × 2) → 10', () => {
    const rows = fixRows({ egress: 'fw' });
    expect(rows.slice(0, 4)).toEqual([
      ['natgw', 50000, 13400, 'fits', 1],
      ['fw-ips', 49920, 48400, 'fits', 10],
      ['allocate', null, null, 'not-applicable', null],
      ['frontend-ip', null, null, 'not-applicable', null],
    ]);
    // Pooling: 10 × 20 × 2 = 400 held against the firewall's 4,992.
    expect(rows.find(([fix]) => fix === 'pooling')).toEqual(['pooling', 4992, 400, 'fits', null]);
    expect(html({ egress: 'fw' }, 'en')).toContain('NAT Gateway on AzureFirewallSubnet with 1 public IP (50,000 toward one destination)');
    expect(html({ egress: 'fw' }, 'en')).toContain('Give the firewall 10 public IPs (2,496 each per instance, at most 250)');
    // With those ten IPs the load fits, and the firewall's IPs are in use, not a fix.
    expect(fixRows({ egress: 'fw', pips: ips(10) })[1]).toEqual(['fw-ips', 49920, 48400, 'in-use', 10]);
  });

  it('nothing exhausted: every fix is "not needed", and the allocation in use is "in use", never recommended', () => {
    expect(fixRows({ ports: '6400' }).map(([fix, , , status]) => [fix, status])).toEqual([
      ['natgw', 'not-needed'],
      ['allocate', 'in-use'],
      ['frontend-ip', 'not-needed'],
      ['ilpip', 'not-needed'],
      ['private-link', 'not-needed'],
      ['pooling', 'not-needed'],
      ['keepalive', 'not-needed'],
    ]);
    expect(html({ ports: '6400' }, 'en')).toContain('Not needed: nothing is exhausted');
    // A NAT Gateway that holds the load is in use, not a fix.
    expect(fixRows({ ...HUNDRED, pips: ips(3) })[0]).toEqual(['natgw-ips', 150000, 134000, 'in-use', 3]);
  });

  // Issue 32 (J): with egress=natgw and a load that fits (10 × 20 × 67 = 13,400 of one IP's 50,000), the
  // first row named the method in use as advice ("Give the NAT Gateway 1 public IPs") with "Already in use".
  it.each([
    ['en', 'The NAT Gateway’s 1 public IP, as configured', 'Not needed: in use, and nothing is exhausted', 'Give the NAT Gateway'],
    ['ja', '構成済みの NAT ゲートウェイのパブリック IP 1 個', '不要: 使用中で、枯渇していない', 'にする'],
  ] as const)('%s: the method in use is named as configured, and nothing needs adding', (lang, name, result, advice) => {
    const out = html({ egress: 'natgw' }, lang);
    const row = /<tr data-fix="natgw-ips">[\s\S]*?<\/tr>/.exec(out)![0];
    expect(row).toContain(`1. ${name}`);
    expect(row).toContain(result);
    expect(row).not.toContain(advice);
    expect(out).not.toContain('1 public IPs');
  });
});

describe('fix invariants', () => {
  const raw = fc.record({
    egress: fc.subarray(['natgw', 'ilpip', 'lb', 'fw', 'default'], { minLength: 1 }).map((list) => list.join(',')),
    pool: fc.integer({ min: 1, max: 1000 }).map(String),
    rate: fc.integer({ min: 0, max: 2000 }).map(String),
    life: fc.integer({ min: 0, max: 600 }).map(String),
    close: fc.constantFrom('fin', 'rst', 'idle'),
  });

  it('the method in use is never offered as a fix, and nothing is recommended when nothing is exhausted', () => {
    fc.assert(
      fc.property(raw, (r) => {
        const s = scenario(r);
        const list = fixes(s);
        const method = winner(s.egress);
        if (method === 'natgw') expect(list.some((f) => f.fix === 'natgw')).toBe(false);
        else expect(list.some((f) => f.fix === 'natgw-ips')).toBe(false);
        if (portLoad(s).exhausted === 'no') {
          for (const f of list) expect(['not-needed', 'in-use', 'not-applicable']).toContain(f.status);
        }
      }),
    );
  });

  it('a shared inventory carries every VM: twice the VMs hold twice the ports', () => {
    fc.assert(
      fc.property(raw, fc.constantFrom('natgw', 'fw'), (r, egress) => {
        const one = portLoad(scenario({ ...r, egress, pool: '1' }));
        const many = portLoad(scenario({ ...r, egress }));
        expect(many.needed).toBe(one.needed * Number(r.pool));
        expect(many.available).toBe(one.available);
      }),
    );
  });
});

describe('egress=appservice: 128 preallocated ports per instance toward one destination', () => {
  it('20/s × 242 s = 4,840 per instance against 128: exhausted after 128 ÷ 20 = 6.4 s; scale out does not change one instance’s figure', () => {
    expect(figures({ egress: 'appservice', pool: '3' })).toEqual({
      wins: 'appservice',
      ports: 128,
      needed: 4840,
      exhausted: 'yes',
      after: 6.4,
    });
    expect(figures({ egress: 'appservice', pool: '30' })).toMatchObject({ ports: 128, needed: 4840 });
  });

  it('the fix: VNet integration with a NAT Gateway (3 instances × 20 × 67 = 4,020, one IP) wins; pooling 20 × 2 = 40 ≤ 128', () => {
    expect(figures({ egress: 'appservice,natgw', pool: '3' })).toMatchObject({
      wins: 'natgw',
      ports: 50000,
      needed: 4020,
      exhausted: 'no',
    });
    const rows = fixRows({ egress: 'appservice', pool: '3' });
    expect(rows[0]).toEqual(['natgw', 50000, 4020, 'fits', 1]);
    expect(rows.find(([fix]) => fix === 'pooling')).toEqual(['pooling', 128, 40, 'fits', null]);
    expect(rows.find(([fix]) => fix === 'ilpip')?.[3]).toBe('not-applicable');
  });

  it('the packets start at an App Service instance; an instance-level public IP or Load Balancer beside it is refused', () => {
    expect(outboundHops(scenario({ egress: 'appservice' })).map((hop) => [hop.from, hop.to, socketText(hop.src)])).toEqual([
      ['app-instance', 'appservice-outbound', '10.0.1.4:51000'],
      ['appservice-outbound', 'destination', '198.51.100.80:1024'],
      ['destination', 'appservice-outbound', '203.0.113.200:443'],
      ['appservice-outbound', 'app-instance', '203.0.113.200:443'],
    ]);
    const result = readOutboundScenario({ egress: 'appservice,lb' });
    expect(result.ok ? [] : result.errors.map((e) => [e.param, e.rule.code])).toEqual([['egress', 'appservice-with']]);
    expect(html({ egress: 'appservice' }, 'en')).toContain('SNAT ports per instance toward one destination');
  });
});

describe('the verdict', () => {
  it.each([
    [{}, 'fails'],
    [{ rate: '4' }, 'ok'],
    [{ egress: 'default' }, 'warning'],
    [{ egress: 'ilpip' }, 'ok'],
  ])('%j → %s', (raw, state) => {
    for (const lang of ['ja', 'en'] as const) expect(outboundView(scenario(raw), translator(lang)).verdict!.state).toBe(state);
  });
});

describe('Japanese generated text: no Latin letter or digit directly against kana or kanji', () => {
  const text = (raw: RawParams) => {
    const view = outboundView(scenario(raw), translator('ja'));
    const strings = [view.verdict!.text, view.diagram.title, view.diagram.description ?? '', ...view.outputs.map(toHtml)];
    return strings.join('\n').replace(/<[^>]*>/g, ' ');
  };
  const touching =
    /[A-Za-z0-9][\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]|[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}][A-Za-z0-9]/u;

  it.each([
    {},
    { egress: 'ilpip,lb' },
    { egress: 'natgw,ilpip,lb,default' },
    { egress: 'fw,natgw' },
    { egress: 'appservice' },
    { egress: 'default,lb' },
    HUNDRED,
  ])('%j', (raw) => {
    expect(text(raw).match(touching)?.[0] ?? null).toBeNull();
  });

  it('holds for any configured methods', () => {
    fc.assert(
      fc.property(fc.subarray(['natgw', 'ilpip', 'lb', 'fw', 'default'], { minLength: 1 }), (egress) => {
        expect(text({ egress: egress.join(',') }).match(touching)?.[0] ?? null).toBeNull();
      }),
      { numRuns: 40 },
    );
  });
});
