import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { frontDoorHeaders, frontDoorHops, readFrontDoorScenario, type FrontDoorScenario } from '../../src/model/services/front-door.ts';
import type { RawParams } from '../../src/model/shared/params.ts';
import { compareRows } from '../../src/model/cross-service/compare.ts';
import { certificateRows } from '../../src/model/cross-service/client-certificate.ts';
import { probeRows, readHealthProbeScenario } from '../../src/model/cross-service/health-probes.ts';
import { nsgRules } from '../../src/model/cross-service/nsg.ts';
import { socketText } from '../../src/view/table.ts';

function scenario(raw: RawParams): FrontDoorScenario {
  const result = readFrontDoorScenario(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

const hops = (raw: RawParams) => frontDoorHops(scenario(raw)).map((hop) => [hop.n, socketText(hop.src), socketText(hop.dst)]);
const headers = (raw: RawParams) => Object.fromEntries(frontDoorHeaders(scenario(raw)).map((h) => [h.key, h.value]));

// Golden tables worked out by hand from SPEC §8: the edge ends the client's session; a separate
// connection runs from the edge address to the origin; the origin never sees the client as source.
describe('Front Door hops', () => {
  it('defaults', () => {
    expect(hops({})).toEqual([
      [1, '203.0.113.10:50000', '198.51.100.50:443'],
      [2, '192.0.2.50:41000', '198.51.100.60:443'],
      [3, '198.51.100.60:443', '192.0.2.50:41000'],
      [4, '198.51.100.50:443', '203.0.113.10:50000'],
    ]);
  });

  it('an IPv6 client reaches an IPv6 anycast address; the edge still talks IPv4 to the origin', () => {
    expect(hops({ client: '2001:db8::10', fdip: '2001:db8::50' })).toEqual([
      [1, '[2001:db8::10]:50000', '[2001:db8::50]:443'],
      [2, '192.0.2.50:41000', '198.51.100.60:443'],
      [3, '198.51.100.60:443', '192.0.2.50:41000'],
      [4, '[2001:db8::50]:443', '[2001:db8::10]:50000'],
    ]);
  });

  it('an edited edge, origin and ports', () => {
    expect(hops({ edge: '192.0.2.77', eport: '52000', origin: '198.51.100.99', bport: '8443', port: '8080' })).toEqual([
      [1, '203.0.113.10:50000', '198.51.100.50:8080'],
      [2, '192.0.2.77:52000', '198.51.100.99:8443'],
      [3, '198.51.100.99:8443', '192.0.2.77:52000'],
      [4, '198.51.100.50:8080', '203.0.113.10:50000'],
    ]);
  });
});

describe('headers the origin receives', () => {
  it.each([
    // No header from the client: Front Door creates X-Forwarded-For with the socket IP, no port.
    [{}, { xff: '203.0.113.10', 'x-azure-clientip': '203.0.113.10', 'x-azure-socketip': '203.0.113.10' }],
    // The client's own entry is kept first; the socket IP is appended last.
    [
      { xffin: '198.51.100.7' },
      { xff: '198.51.100.7, 203.0.113.10', 'x-azure-clientip': '198.51.100.7', 'x-azure-socketip': '203.0.113.10' },
    ],
    // A client entry keeps its port as sent; Front Door's own entry never has one.
    [
      { xffin: '192.0.2.9:1234, [2001:db8::7]:80' },
      { xff: '192.0.2.9:1234, [2001:db8::7]:80, 203.0.113.10', 'x-azure-clientip': '192.0.2.9', 'x-azure-socketip': '203.0.113.10' },
    ],
    // An IPv6 client: the address as is, without brackets (Learn shows no IPv6 example).
    [
      { client: '2001:db8::10', fdip: '2001:db8::50' },
      { xff: '2001:db8::10', 'x-azure-clientip': '2001:db8::10', 'x-azure-socketip': '2001:db8::10' },
    ],
  ])('%j', (raw, expected) => {
    expect(headers(raw)).toMatchObject({
      ...expected,
      'x-azure-fdid': 'a1b2c3d4-0000-4000-8000-00000000fd01',
      'xf-proto': 'https',
      via: '1.1 Azure',
    });
  });

  it('keeps the Front Door ID as a lower-case GUID', () => {
    expect(headers({ fdid: 'A1B2C3D4-0000-4000-8000-00000000FD02' })['x-azure-fdid']).toBe('a1b2c3d4-0000-4000-8000-00000000fd02');
  });
});

describe('invalid scenarios are field errors', () => {
  it.each([
    [{ fdid: 'not-a-guid' }, 'fdid', 'guid'],
    [{ fdid: '<script>' }, 'fdid', 'guid'],
    [{ client: '2001:db8::10' }, 'fdip', 'same-family'],
    [{ origin: '2001:db8::60' }, 'origin', 'same-family'],
    [{ eport: '80' }, 'eport', 'int'],
    [{ xffin: 'x' }, 'xffin', 'xff-item'],
  ])('%j', (raw, param, code) => {
    const result = readFrontDoorScenario(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContainEqual(expect.objectContaining({ param, rule: expect.objectContaining({ code }) }));
  });
});

describe('Front Door in the cross-service tables', () => {
  it('compare-matrix row (SPEC §5)', () => {
    expect(compareRows().find((row) => row.service === 'front-door')).toMatchObject({
      sourceAtBackend: 'edge',
      probeSource: 'AzureFrontDoor.Backend',
      dataPath: 'yes',
      terminates: 'yes',
      certReachesBackend: 'no',
      scope: 'global',
    });
  });

  it('client-certificate row: TLS ends at the edge', () => {
    expect(certificateRows('e2e').find((row) => row.service === 'front-door')).toEqual({
      service: 'front-door',
      tlsEndsAt: 'fd',
      reaches: 'no',
      validatedBy: 'nobody',
    });
  });

  it('probe row and NSG rule for the origin', () => {
    const s = readHealthProbeScenario({});
    if (!s.ok) throw new Error('defaults');
    expect(
      probeRows(s.scenario)
        .filter((row) => row.service === 'front-door')
        .map((row) => ({ ...row, dst: socketText(row.dst) })),
    ).toEqual([
      {
        service: 'front-door',
        src: 'AzureFrontDoor.Backend',
        dst: '198.51.100.60:443',
        target: '198.51.100.60',
        interval: 30,
        healthy: '200',
      },
    ]);
    expect(nsgRules(s.scenario).filter((rule) => rule.place === 'fd-origin')).toEqual([
      { place: 'fd-origin', source: 'AzureFrontDoor.Backend', destination: '198.51.100.60', port: '443', reason: 'fd-backend' },
    ]);
  });
});

describe('Front Door invariants', () => {
  const octet = fc.integer({ min: 0, max: 255 });
  const ipv4 = fc.tuple(octet, octet).map(([a, b]) => `198.51.${a}.${b}`);
  const raw = fc.record({ client: ipv4, cport: fc.integer({ min: 1024, max: 65535 }).map(String), edge: ipv4, origin: ipv4 });

  it('the origin never sees the client as packet source, and hop 4 mirrors hop 1', () => {
    fc.assert(
      fc.property(raw, (r) => {
        fc.pre(r.client !== r.edge);
        const [h1, h2, , h4] = frontDoorHops(scenario(r));
        expect(socketText(h2!.src).startsWith(`${r.client}:`)).toBe(false);
        expect([socketText(h4!.src), socketText(h4!.dst)]).toEqual([socketText(h1!.dst), socketText(h1!.src)]);
      }),
    );
  });

  it('the last X-Forwarded-For entry is the socket IP, whatever the client sent', () => {
    fc.assert(
      fc.property(raw, fc.array(ipv4, { maxLength: 5 }), (r, sent) => {
        const xff = headers({ ...r, xffin: sent.join(',') }).xff!.split(', ');
        expect(xff.at(-1)).toBe(r.client);
        expect(xff.slice(0, -1)).toEqual(sent);
      }),
    );
  });
});

describe('who can forge X-Forwarded-For', () => {
  it('any client can: it may always send entries of its own in front of the one Front Door appends', () => {
    for (const xffin of ['', '198.51.100.7']) {
      const xff = frontDoorHeaders(scenario({ xffin })).find((header) => header.key === 'xff')!;
      expect(xff.forgeable).toBe('yes');
    }
  });
});

describe('what Learn does not say', () => {
  // front-door-http-headers-protocol: Front Door "appends" these; it never says it replaces a value the client sent.
  it('X-Azure-SocketIP and X-Azure-FDID are not claimed unforgeable', () => {
    const headers = frontDoorHeaders(scenario({}));
    expect(headers.filter((h) => h.forgeable === 'undocumented').map((h) => h.name)).toEqual(['X-Azure-SocketIP', 'X-Azure-FDID']);
  });
});
