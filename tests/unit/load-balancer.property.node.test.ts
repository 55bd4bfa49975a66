import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBalancerHops, readLoadBalancerScenario } from '../../src/model/services/load-balancer.ts';
import { sequenceSource } from '../../src/diagram/sequence.ts';
import { loadBalancerView } from '../../src/view/load-balancer.ts';
import { translator } from '../../src/i18n.ts';
import { socketText } from '../../src/view/table.ts';

const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = fc.tuple(octet, octet, octet, octet).map((parts) => parts.join('.'));
const hextet = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
const ipv6 = fc.array(hextet, { minLength: 8, maxLength: 8 }).map((parts) => parts.join(':'));

/** Any valid Load Balancer scenario, as raw URL parameters. */
const scenario = fc
  .oneof(
    ipv4.map(() => 4 as const),
    ipv6.map(() => 6 as const),
  )
  .chain((family) => {
    const ip = family === 4 ? ipv4 : ipv6;
    return fc
      .record({
        client: ip,
        cport: fc.integer({ min: 1024, max: 65535 }),
        lbip: ip,
        port: fc.integer({ min: 1, max: 65535 }),
        backends: fc.uniqueArray(ip, { minLength: 1, maxLength: 16 }),
        bport: fc.integer({ min: 1, max: 65535 }),
        floating: fc.boolean(),
      })
      .chain((r) => fc.integer({ min: 1, max: r.backends.length }).map((pick) => ({ ...r, pick })));
  });

/** fast-check 4 exports no `Infer`; the value type is read off the arbitrary instead. */
type Drawn<A> = A extends fc.Arbitrary<infer T> ? T : never;

function read(r: Drawn<typeof scenario>) {
  const raw = {
    client: r.client,
    cport: String(r.cport),
    lbip: r.lbip,
    port: String(r.port),
    backends: r.backends.join(','),
    bport: String(r.bport),
    pick: String(r.pick),
    floating: r.floating ? '1' : '0',
  };
  return readLoadBalancerScenario(raw);
}

describe('Load Balancer invariants', () => {
  it('hop 4 mirrors hop 1; the client address is kept on the way in (SPEC §3)', () => {
    fc.assert(
      fc.property(scenario, (r) => {
        const result = read(r);
        // Distinct spellings of one IPv6 address can collide after normalisation: skip those.
        fc.pre(result.ok);
        if (!result.ok) return;
        const [h1, h2, h3, h4] = loadBalancerHops(result.scenario);
        expect(socketText(h4!.src)).toBe(socketText(h1!.dst));
        expect(socketText(h4!.dst)).toBe(socketText(h1!.src));
        expect(socketText(h2!.src)).toBe(socketText(h1!.src));
        expect(socketText(h3!.src)).toBe(socketText(h2!.dst));
        expect(socketText(h3!.dst)).toBe(socketText(h2!.src));
      }),
      { numRuns: 300 },
    );
  });

  it('with Floating IP the backend-side destination IP is the frontend IP, otherwise the picked backend', () => {
    fc.assert(
      fc.property(scenario, (r) => {
        const result = read(r);
        fc.pre(result.ok);
        if (!result.ok) return;
        const s = result.scenario;
        const h2 = loadBalancerHops(s)[1]!;
        const ip = s.floating ? s.lbip : s.backends[s.pick - 1]!;
        const expected = ip.family === 6 ? `[${ip.text}]:${s.bport}` : `${ip.text}:${s.bport}`;
        expect(socketText(h2.dst)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('the diagram source contains every hop src and dst (so the SVG text does)', () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom('ja' as const, 'en' as const), (r, lang) => {
        const result = read(r);
        fc.pre(result.ok);
        if (!result.ok) return;
        const source = sequenceSource(loadBalancerView(result.scenario, translator(lang)).diagram);
        for (const hop of loadBalancerHops(result.scenario)) {
          expect(source).toContain(socketText(hop.src));
          expect(source).toContain(socketText(hop.dst));
        }
      }),
      { numRuns: 200 },
    );
  });
});
