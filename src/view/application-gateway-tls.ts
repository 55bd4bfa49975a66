import { actorName } from './hops.ts';
import type { Translate } from '../i18n.ts';
import type { TlsLeg } from '../model/cross-service/client-certificate.ts';
import type { TlsMode } from '../model/services/application-gateway-tls.ts';
import { dataTable, fieldCell } from './table.ts';
import { h, type ElementNode } from './tree.ts';

/** One row per leg: which session carries it, whether it is encrypted, and what happens to a client certificate. */
export function tlsTable(legs: readonly TlsLeg[], mode: TlsMode, t: Translate): ElementNode {
  const columns = (['session', 'path', 'encryption', 'client-cert'] as const).map((column) => t(`table.tls.${column}`));
  const rows = legs.map((leg) =>
    h(
      'tr',
      { 'data-session': String(leg.session) },
      h('th', { scope: 'row' }, String(leg.session)),
      h('td', {}, t('table.hops.path.value', { from: actorName(leg.from, t), to: actorName(leg.to, t) })),
      leg.encrypted
        ? fieldCell('encryption', 'tls', t('tls.encryption.tls', { to: actorName(leg.to, t) }))
        : fieldCell('encryption', 'none', t('tls.encryption.none')),
      fieldCell('client-cert', leg.certificate, t(`tls.cert.${leg.certificate}`)),
    ),
  );
  return dataTable(t('table.tls.caption', { mode: t(`field.tls.${mode}`) }), columns, rows, 'atp-tls');
}
