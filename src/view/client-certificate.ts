import { actorName } from './hops.ts';
import { type Translate, uiKey } from '../i18n.ts';
import {
  certificateRows,
  tlsLegs,
  type CertificateRow,
  type ClientCertificateScenario,
  clientCertificateParams,
  readClientCertificateScenario,
} from '../model/cross-service/client-certificate.ts';
import type { Step } from '../diagram/sequence.ts';
import type { Actor } from '../model/shared/hop.ts';
import { type ExplorerView, explorer, type Explorers } from './explorer.ts';
import { dataTable, fieldCell } from './table.ts';
import { tlsTable } from './application-gateway-tls.ts';
import { h, type ElementNode } from './tree.ts';
import { verdict } from './verdict.ts';

/**
 * Whether the certificate reaches the backend; a "no" names where the client's TLS ended (Front
 * Door's edge, Application Gateway), not always "the gateway" (issue 32: the Front Door row said so).
 */
function reachesText(row: CertificateRow, t: Translate): string {
  if (row.reaches !== 'no') return t(`cert.reaches.${row.reaches}`);
  return t('cert.reaches.no-at', { stage: actorName(row.tlsEndsAt, t) });
}

function certificateTable(rows: readonly CertificateRow[], t: Translate): ElementNode {
  const columns = (['service', 'tls-ends', 'reaches', 'validated-by'] as const).map((column) => t(`table.cert.${column}`));
  // A service whose answer depends on the gateway's TLS mode says which mode it shows.
  const serviceName = (row: CertificateRow) =>
    row.tls !== undefined
      ? t('cert.service.with-mode', { service: t(uiKey(`service.${row.service}`)), mode: t(`field.tls.${row.tls}`) })
      : t(uiKey(`service.${row.service}`));
  const body = rows.map((row) =>
    h(
      'tr',
      { 'data-service': row.service },
      h('th', { scope: 'row' }, serviceName(row)),
      fieldCell('tls-ends', row.tlsEndsAt, actorName(row.tlsEndsAt, t)),
      fieldCell('cert-reaches-backend', row.reaches, reachesText(row, t)),
      fieldCell(
        'cert-validated-by',
        row.validatedBy,
        row.validatedBy === 'nobody' ? t('cert.validated-by.nobody') : actorName(row.validatedBy, t),
      ),
    ),
  );
  return dataTable(t('table.cert.caption'), columns, body, 'atp-certificate');
}

/**
 * The TLS sessions through the gateway for one mode, drawn from the same legs as the table. The
 * instance is drawn as the gateway here: which instance it is does not change the TLS picture.
 */
function tlsSteps(s: ClientCertificateScenario, t: Translate): Step[] {
  const gateway = gatewayRow(s);
  const node = (actor: Actor): Actor => (actor === 'instance' ? gateway.tlsEndsAt : actor);
  return tlsLegs(s.tls).map((leg) => {
    const from = node(leg.from);
    const to = node(leg.to);
    const names = { n: leg.session, from: actorName(from, t), to: actorName(to, t) };
    const steps: Step[] = [
      {
        kind: 'message',
        from,
        to,
        text: t(leg.session === 1 ? 'diagram.tls.msg.handshake' : leg.encrypted ? 'diagram.tls.msg.new-tls' : 'diagram.tls.msg.plain-http'),
      },
      { kind: 'note', over: [to], text: t(`diagram.tls.note.${leg.certificate}`) },
    ];
    if (leg.session === 2 && gateway.validatedBy === 'backend') {
      steps.push({ kind: 'note', over: [to], text: t('diagram.tls.note.backend-validates') });
    }
    return { kind: 'group', label: t(leg.encrypted ? 'diagram.tls.group.tls' : 'diagram.tls.group.plain', names), steps };
  });
}

/** The row whose answer depends on the TLS mode: the gateway's, whose legs the diagram draws. */
const gatewayRow = (s: ClientCertificateScenario): CertificateRow => certificateRows(s.tls).find((row) => row.tls !== undefined)!;

/**
 * Whether the certificate reaches the backend behind the gateway in this mode: never (TLS ends
 * there), or only as a header, validated by the gateway or left to the backend.
 */
function certificateVerdict(row: CertificateRow, mode: string, t: Translate) {
  if (row.reaches === 'no') return verdict('fails', t('verdict.client-certificate.no', { mode }));
  if (row.reaches === 'header' && row.validatedBy === 'backend')
    return verdict('warning', t('verdict.client-certificate.passthrough', { mode }));
  if (row.reaches === 'header') return verdict('warning', t('verdict.client-certificate.header', { mode }));
  return verdict('ok', t('verdict.client-certificate.yes', { mode }));
}

export function clientCertificateView(s: ClientCertificateScenario, t: Translate): ExplorerView {
  const mode = t(`field.tls.${s.tls}`);
  const row = gatewayRow(s);
  const gateway = row.tlsEndsAt;
  return {
    verdict: certificateVerdict(row, mode, t),
    outputs: [certificateTable(certificateRows(s.tls), t), tlsTable(tlsLegs(s.tls), s.tls, t)],
    diagram: {
      title: t('diagram.tls.title', { mode }),
      description: t('diagram.tls.desc', { mode }),
      participants: [
        { key: 'client', label: [t('actor.client')] },
        { key: gateway, label: [actorName(gateway, t)] },
        { key: 'backend', label: [t('actor.backend')] },
      ],
      steps: tlsSteps(s, t),
    },
  };
}

/** The client-certificate explorer: every service side by side for one gateway TLS mode. */
export const explorers: Explorers = {
  'client-certificate': explorer(clientCertificateParams, readClientCertificateScenario, clientCertificateView),
};
