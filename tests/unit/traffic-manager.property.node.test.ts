import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerAt, dnsSteps, readTrafficManagerScenario, trafficManagerHops } from '../../src/model/services/traffic-manager.ts';
import { degradedAt } from '../../src/model/services/traffic-manager-failover.ts';
import { sequenceSource } from '../../src/diagram/sequence.ts';
import { trafficManagerView } from '../../src/view/traffic-manager.ts';
import { translator } from '../../src/i18n.ts';
import { recordLines, socketText } from '../../src/view/table.ts';

const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = fc.tuple(octet, octet, octet, octet).map((parts) => parts.join('.'));
const hextet = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
const ipv6 = fc.array(hextet, { minLength: 8, maxLength: 8 }).map((parts) => parts.join(':'));
const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/);
const tld = fc.stringMatching(/^[a-z]{2,6}$/);
const name = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), tld).map(([labels, top]) => [...labels, top].join('.'));

/** Any valid Traffic Manager scenario, as raw URL parameters. */
const scenario = fc.constantFrom(4 as const, 6 as const).chain((family) => {
  const ip = family === 4 ? ipv4 : ipv6;
  return fc
    .record({
      client: ip,
      cport: fc.integer({ min: 1024, max: 65535 }),
      profile: name,
      endpoints: fc.uniqueArray(fc.tuple(name, ip), { minLength: 2, maxLength: 10, selector: ([fqdn]) => fqdn }),
      port: fc.integer({ min: 1, max: 65535 }),
      fail: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
      resolved: fc.integer({ min: 0, max: 1500 }),
      interval: fc.constantFrom(30, 10),
      tolerated: fc.integer({ min: 0, max: 9 }),
    })
    .chain((r) => fc.integer({ min: 5, max: r.interval === 10 ? 9 : 10 }).map((timeout) => ({ ...r, timeout })));
});

type Drawn<A> = A extends fc.Arbitrary<infer T> ? T : never;

function read(r: Drawn<typeof scenario>) {
  return readTrafficManagerScenario({
    client: r.client,
    cport: String(r.cport),
    profile: r.profile,
    endpoints: r.endpoints.map(([fqdn, ip]) => `${fqdn}=${ip}`).join(','),
    port: String(r.port),
    fail: r.fail === undefined ? '' : String(r.fail),
    resolved: String(r.resolved),
    interval: String(r.interval),
    tolerated: String(r.tolerated),
    timeout: String(r.timeout),
  });
}

describe('Traffic Manager invariants', () => {
  it('the client connects to the address DNS gave it, and the reply mirrors the request (SPEC §3)', () => {
    fc.assert(
      fc.property(scenario, (r) => {
        const result = read(r);
        // The profile may collide with a generated endpoint name: skip those.
        fc.pre(result.ok);
        if (!result.ok) return;
        const s = result.scenario;
        const [cname, address] = dnsSteps(s);
        const [h1, h2] = trafficManagerHops(s);
        expect(cname!.query).toBe(s.profile);
        expect(cname!.answer).toBe(`CNAME ${address!.query}`);
        const [record, ip] = address!.answer.split(' ');
        expect(record).toBe(s.client.family === 6 ? 'AAAA' : 'A');
        expect(socketText(h1!.dst)).toBe(s.client.family === 6 ? `[${ip}]:${s.port}` : `${ip}:${s.port}`);
        expect(socketText(h1!.src)).toBe(s.client.family === 6 ? `[${s.client.text}]:${s.cport}` : `${s.client.text}:${s.cport}`);
        expect([socketText(h2!.src), socketText(h2!.dst)]).toEqual([socketText(h1!.dst), socketText(h1!.src)]);
      }),
      { numRuns: 300 },
    );
  });

  it('priority routing: endpoint 2 answers exactly when endpoint 1 is Degraded at the lookup', () => {
    fc.assert(
      fc.property(scenario, (r) => {
        const result = read(r);
        fc.pre(result.ok);
        if (!result.ok) return;
        const s = result.scenario;
        const degraded = s.fail !== null && s.resolved >= degradedAt(s, s.fail);
        expect(answerAt(s).position).toBe(degraded ? 2 : 1);
      }),
      { numRuns: 300 },
    );
  });

  it('the diagram source contains every hop and every DNS query and answer', () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom('ja' as const, 'en' as const), (r, lang) => {
        const result = read(r);
        fc.pre(result.ok);
        if (!result.ok) return;
        const source = sequenceSource(trafficManagerView(result.scenario, translator(lang)).diagram);
        for (const hop of trafficManagerHops(result.scenario)) {
          expect(source).toContain(socketText(hop.src));
          expect(source).toContain(socketText(hop.dst));
        }
        for (const step of dnsSteps(result.scenario)) {
          expect(source).toContain(step.query);
          // A CNAME's name is drawn on a line of its own under the record type.
          for (const part of recordLines(step.answer)) expect(source).toContain(part);
        }
      }),
      { numRuns: 200 },
    );
  });
});
