import { describe, expect, it } from 'vitest';
import {
  certificateRows,
  readClientCertificateScenario,
  tlsLegs,
  type CertReach,
  type LegCertificate,
} from '../../src/model/cross-service/client-certificate.ts';
import type { TlsMode } from '../../src/model/services/application-gateway.ts';
import { clientCertificateView } from '../../src/view/client-certificate.ts';
import { sequenceSource } from '../../src/diagram/sequence.ts';
import { toHtml } from '../../src/view/tree.ts';
import { translator } from '../../src/i18n.ts';

// Golden table, written by hand from SPEC §3 (client certificate) and §6 (mutual authentication).
describe.each<{
  tls: TlsMode;
  agw: CertReach;
  validatedBy: string;
  backendLeg: { encrypted: boolean; certificate: LegCertificate };
  frontCertificate: LegCertificate;
}>([
  // TLS ends at the gateway; the backend leg is plain HTTP.
  { tls: 'offload', agw: 'no', validatedBy: 'nobody', frontCertificate: 'not-requested', backendLeg: { encrypted: false, certificate: 'absent' } },
  // A second TLS handshake, with the gateway as the TLS client: the client's certificate is not in it.
  { tls: 'e2e', agw: 'no', validatedBy: 'nobody', frontCertificate: 'not-requested', backendLeg: { encrypted: true, certificate: 'absent' } },
  // The gateway checks the certificate; a rewrite rule can copy it into a header.
  { tls: 'mtls-strict', agw: 'header', validatedBy: 'agw', frontCertificate: 'validated', backendLeg: { encrypted: true, certificate: 'header' } },
  // The gateway asks but does not check; the backend must check the header.
  { tls: 'mtls-passthrough', agw: 'header', validatedBy: 'backend', frontCertificate: 'unvalidated', backendLeg: { encrypted: true, certificate: 'header' } },
])('client certificate with tls=$tls', ({ tls, agw, validatedBy, backendLeg, frontCertificate }) => {
  it('compares the four services', () => {
    expect(certificateRows(tls).map((row) => [row.service, row.tlsEndsAt, row.reaches, row.validatedBy])).toEqual([
      ['load-balancer', 'backend', 'yes', 'backend'],
      // The cross-region tier is a pass-through too (issue 33).
      ['cross-region-load-balancer', 'backend', 'yes', 'backend'],
      ['application-gateway', 'agw', agw, validatedBy],
      ['traffic-manager', 'endpoint', 'yes', 'endpoint'],
      // Front Door ends TLS at the edge whatever the gateway's mode (its mTLS is a preview, not modelled).
      ['front-door', 'fd', 'no', 'nobody'],
    ]);
  });

  it('has two legs on two sessions, the client TLS ending at the gateway', () => {
    expect(tlsLegs(tls)).toEqual([
      { session: 1, from: 'client', to: 'agw', encrypted: true, certificate: frontCertificate },
      { session: 2, from: 'instance', to: 'backend', ...backendLeg },
    ]);
  });

  it.each(['ja', 'en'] as const)('%s: the table rows carry their machine values', (lang) => {
    const html = clientCertificateView({ tls }, translator(lang)).outputs.map(toHtml).join('');
    expect(html).toMatch(new RegExp(`data-service="application-gateway">.*?data-field="cert-reaches-backend" data-value="${agw}">[^<]+</td>`));
    expect(html).toMatch(/data-service="load-balancer">.*?data-field="cert-reaches-backend" data-value="yes">[^<]+<\/td>/);
    expect(html).toMatch(/data-service="traffic-manager">.*?data-field="cert-reaches-backend" data-value="yes">[^<]+<\/td>/);
  });

  it.each(['ja', 'en'] as const)('%s: the diagram draws one group per session', (lang) => {
    const source = sequenceSource(clientCertificateView({ tls }, translator(lang)).diagram);
    expect(source.match(/^\s*rect /gm)).toHaveLength(2);
  });
});

// Issue 32 (L): each "no" names where the client's TLS ended; the Front Door row said "at the gateway".
describe.each([
  ['en', 'No: the client’s TLS ends at Application Gateway', 'No: the client’s TLS ends at Front Door (edge)'],
  ['ja', '届かない（クライアントの TLS は Application Gateway で終端する）', '届かない（クライアントの TLS は Front Door（エッジ）で終端する）'],
] as const)('%s: where the certificate stops', (lang, agw, fd) => {
  it('names the gateway in its row and the edge in Front Door’s', () => {
    const html = clientCertificateView({ tls: 'e2e' }, translator(lang)).outputs.map(toHtml).join('');
    const cell = (service: string) =>
      new RegExp(`data-service="${service}">.*?data-field="cert-reaches-backend" data-value="no">([^<]+)</td>`).exec(html)?.[1];
    expect([cell('application-gateway'), cell('front-door')]).toEqual([agw, fd]);
  });
});

describe('client-certificate scenario', () => {
  it('defaults to e2e', () => {
    expect(readClientCertificateScenario({})).toEqual({ ok: true, scenario: { tls: 'e2e' } });
  });
  it.each(['', 'strict', 'MTLS-STRICT', '<b>x</b>'])('refuses tls=%j', (value) => {
    const result = readClientCertificateScenario({ tls: value });
    expect(result.ok ? [] : result.errors.map((error) => [error.param, error.rule.code])).toEqual([['tls', 'enum']]);
  });
});
