import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applicationGatewayHops,
  forwardedHeaders,
  readApplicationGatewayScenario,
  TLS_MODES,
} from '../../src/model/services/application-gateway.ts';
import { sequenceSource } from '../../src/diagram/sequence.ts';
import { applicationGatewayView } from '../../src/view/application-gateway.ts';
import { translator } from '../../src/i18n.ts';
import { socketText } from '../../src/view/table.ts';

const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = fc.tuple(octet, octet, octet, octet).map((parts) => parts.join('.'));
const hextet = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
const ipv6 = fc.array(hextet, { minLength: 8, maxLength: 8 }).map((parts) => parts.join(':'));

/** Any valid Application Gateway scenario, as raw URL parameters (subnets from /8 to /29, so at least 3 instances fit). */
const scenario = fc
  .record({
    front: fc.oneof(fc.tuple(ipv4, ipv4), fc.tuple(ipv6, ipv6)),
    cport: fc.integer({ min: 1024, max: 65535 }),
    port: fc.integer({ min: 1, max: 65535 }),
    subnetAddress: ipv4,
    prefix: fc.integer({ min: 8, max: 29 }),
    gport: fc.integer({ min: 1, max: 65535 }),
    backends: fc.uniqueArray(ipv4, { minLength: 1, maxLength: 16 }),
    bport: fc.integer({ min: 1, max: 65535 }),
    tls: fc.constantFrom(...TLS_MODES),
  })
  .chain((r) => {
    const capacity = Math.min(2 ** (32 - r.prefix) - 5, 125);
    return fc.record({
      r: fc.constant(r),
      instances: fc.integer({ min: 1, max: capacity }),
      pick: fc.integer({ min: 1, max: r.backends.length }),
    });
  })
  .chain(({ r, instances, pick }) => fc.integer({ min: 1, max: instances }).map((via) => ({ ...r, instances, pick, via })));

type Drawn<A> = A extends fc.Arbitrary<infer T> ? T : never;

function read(r: Drawn<typeof scenario>) {
  return readApplicationGatewayScenario({
    client: r.front[0],
    cport: String(r.cport),
    agwip: r.front[1],
    port: String(r.port),
    subnet: `${r.subnetAddress}/${r.prefix}`,
    instances: String(r.instances),
    via: String(r.via),
    gport: String(r.gport),
    backends: r.backends.join(','),
    bport: String(r.bport),
    pick: String(r.pick),
    tls: r.tls,
  });
}

/** An IPv4 address as a 32-bit number, computed here rather than by the engine's helpers. */
const toNumber = (ip: string): number => ip.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);
/** RFC 1918 and RFC 6598 space, written out here rather than taken from the engine. */
const PRIVATE: [string, number][] = [
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['100.64.0.0', 10],
];
const inSubnet = (ip: string, network: string, prefix: number) =>
  Math.floor(toNumber(ip) / 2 ** (32 - prefix)) === Math.floor(toNumber(network) / 2 ** (32 - prefix));
const isPrivate = (ip: string) => ip.includes('.') && PRIVATE.some(([network, prefix]) => inSubnet(ip, network, prefix));
const ipOf = (ipPort: string): string => ipPort.slice(0, ipPort.lastIndexOf(':')).replace(/^\[|\]$/g, '');

describe('Application Gateway invariants', () => {
  it('the backend never sees the client as source: hop 2 comes from an instance address inside the subnet (a public backend: the frontend public IP)', () => {
    fc.assert(
      fc.property(scenario, (r) => {
        const result = read(r);
        // A client or backend that happens to fall inside the gateway subnet is refused: skip those.
        fc.pre(result.ok);
        if (!result.ok) return;
        const [h1, h2] = applicationGatewayHops(result.scenario);
        const source = ipOf(socketText(h2!.src));
        expect(source).not.toBe(ipOf(socketText(h1!.src)));
        const backend = r.backends[r.pick - 1]!;
        const frontInSubnet = r.front[1].includes('.') && inSubnet(r.front[1], r.subnetAddress, r.prefix);
        if (r.front[1].includes('.') && !isPrivate(backend) && !frontInSubnet && !isPrivate(r.front[1])) {
          expect(socketText(h2!.src)).toBe(`${r.front[1]}:${r.gport}`);
          return;
        }
        const size = 2 ** (32 - r.prefix);
        const network = toNumber(r.subnetAddress) - (toNumber(r.subnetAddress) % size);
        const offset = toNumber(source) - network;
        // Not one of the first four addresses, not the last one, and the one SPEC §2 names
        // (numbered around a private frontend in the subnet, SPEC §11).
        expect(offset).toBeGreaterThanOrEqual(4);
        expect(offset).toBeLessThanOrEqual(size - 2);
        const frontOffset = frontInSubnet ? toNumber(r.front[1]) - network : Infinity;
        expect(offset).toBe(3 + r.via + (frontOffset <= 3 + r.via ? 1 : 0));
        expect(socketText(h2!.src)).toBe(`${source}:${r.gport}`);
      }),
      { numRuns: 300 },
    );
  });

  it('hop 4 mirrors hop 1, hop 3 mirrors hop 2, and X-Forwarded-For is hop 1 source', () => {
    fc.assert(
      fc.property(scenario, (r) => {
        const result = read(r);
        fc.pre(result.ok);
        if (!result.ok) return;
        const [h1, h2, h3, h4] = applicationGatewayHops(result.scenario);
        expect([socketText(h4!.src), socketText(h4!.dst)]).toEqual([socketText(h1!.dst), socketText(h1!.src)]);
        expect([socketText(h3!.src), socketText(h3!.dst)]).toEqual([socketText(h2!.dst), socketText(h2!.src)]);
        const xff = forwardedHeaders(result.scenario).find((header) => header.key === 'xff')!;
        expect(xff.value).toBe(socketText(h1!.src));
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
        const source = sequenceSource(applicationGatewayView(result.scenario, translator(lang)).diagram);
        for (const hop of applicationGatewayHops(result.scenario)) {
          expect(source).toContain(socketText(hop.src));
          expect(source).toContain(socketText(hop.dst));
        }
      }),
      { numRuns: 200 },
    );
  });
});
