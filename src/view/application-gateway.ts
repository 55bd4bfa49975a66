import { inTravelOrder } from '../model/shared/hop.ts';
import type { Translate, UiKey } from '../i18n.ts';
import {
  applicationGatewayPackets,
  forwardedHeaders,
  instanceIp,
  privateFrontendOf,
  subnetCapacity,
  hasPrivateFrontend,
  trustedXffEntry,
  type ApplicationGatewayScenario,
  type ForwardedHeader,
} from '../model/services/application-gateway.ts';
import { tlsLegs } from '../model/cross-service/client-certificate.ts';
import { type ExplorerView, explorer, type Explorers } from './explorer.ts';
import { hopTable, packetMessages } from './hops.ts';
import { chip, chipList, dataTable, fieldCell, socketText } from './table.ts';
import { tlsTable } from './application-gateway-tls.ts';
import { h, type ElementNode } from './tree.ts';
import { clientAddressState, verdict } from './verdict.ts';
import { applicationGatewayParams, readApplicationGatewayScenario } from '../model/services/application-gateway.ts';

/** The headers the backend receives, each with its value and what it tells the backend. */
function headerTable(headers: readonly ForwardedHeader[], trusted: string, sentByClient: number, t: Translate): ElementNode {
  const rows = headers.map((header) =>
    h(
      'tr',
      { 'data-header': header.name },
      h('th', { scope: 'row' }, chip(header.name)),
      fieldCell(header.key, header.value, headerValue(header)),
      h('td', { class: 'atp-note' }, t(headerNoteKey(header.key, sentByClient), { trusted, n: sentByClient })),
    ),
  );
  const columns = (['name', 'value', 'meaning'] as const).map((column) => t(`table.headers.${column}`));
  return dataTable(t('table.headers.caption'), columns, rows, 'atp-headers');
}

/**
 * One chip per X-Forwarded-For entry, so a long list wraps between entries and never inside an
 * address; the cell's text is still the header value exactly.
 */
function headerValue(header: ForwardedHeader): ElementNode {
  if (header.key !== 'xff') return chip(header.value);
  return h('span', { class: 'atp-list' }, chipList(header.value));
}

/** With entries from the client, the X-Forwarded-For note says which one to trust. */
function headerNoteKey(key: ForwardedHeader['key'], sentByClient: number): UiKey {
  return key === 'xff' && sentByClient > 0 ? 'header.xff.with-client-entries' : `header.${key}`;
}

/** Instances that fit; with a private frontend IP the subnet gives one address to it. */
function capacityCell(s: ApplicationGatewayScenario, t: Translate): ElementNode {
  const privateFrontend = hasPrivateFrontend(s);
  const n = subnetCapacity(s.subnet, privateFrontend);
  return fieldCell(
    'capacity',
    String(n),
    t(privateFrontend ? 'table.instances.capacity.private' : 'table.instances.capacity.value', { n, ip: s.agwip.text }),
  );
}

/** Where the instances sit: the normalised subnet, how many fit, and which addresses a backend can see. */
function instanceTable(s: ApplicationGatewayScenario, t: Translate): ElementNode {
  const first = instanceIp(s.subnet, 1, privateFrontendOf(s)).text;
  const last = instanceIp(s.subnet, s.instances, privateFrontendOf(s)).text;
  const range = s.instances === 1 ? first : `${first}-${last}`;
  const via = instanceIp(s.subnet, s.via, privateFrontendOf(s)).text;
  const row = (label: 'subnet' | 'capacity' | 'range' | 'via', cell: ElementNode) =>
    h('tr', {}, h('th', { scope: 'row' }, t(`table.instances.${label}`)), cell);
  return h(
    'table',
    { class: 'atp-table atp-instances' },
    h('caption', {}, t('table.instances.caption')),
    h(
      'tbody',
      {},
      row('subnet', fieldCell('subnet', s.subnet.text)),
      row('capacity', capacityCell(s, t)),
      row('range', fieldCell('instance-ips', range, s.instances === 1 ? chip(first) : [chip(first), ' – ', chip(last)])),
      row('via', fieldCell('via-ip', via, t('table.instances.via.value', { n: s.via, ip: via }))),
    ),
  );
}

export function applicationGatewayView(s: ApplicationGatewayScenario, t: Translate): ExplorerView {
  const packets = applicationGatewayPackets(s);
  const hops = inTravelOrder(packets);
  const headers = forwardedHeaders(s);
  const xff = headers.find((header) => header.key === 'xff')!;
  const instance = instanceIp(s.subnet, s.via, privateFrontendOf(s)).text;
  const backend = s.backends[s.pick - 1]!.text;
  const m = packetMessages(packets);
  // What the backend receives (hop 2): the instance as source; the client only in the header's last entry.
  const src = socketText(packets.requestOut.src);
  const client = trustedXffEntry(s);
  const answer = t('verdict.application-gateway', { src, n: s.via, client });
  const forged = s.xffin.length > 0 ? t('verdict.application-gateway.forged') : '';
  return {
    // The gateway always appends the client, so the backend can learn it from the header's last entry.
    verdict: verdict(clientAddressState(true), `${answer}${forged}`, [src, client, 'X-Forwarded-For']),
    outputs: [
      hopTable(hops, t),
      headerTable(headers, trustedXffEntry(s), s.xffin.length, t),
      instanceTable(s, t),
      tlsTable(tlsLegs(s.tls), s.tls, t),
    ],
    diagram: {
      title: t('diagram.agw.title'),
      description: t('diagram.agw.desc', { client: s.client.text, agw: s.agwip.text, instance, backend }),
      participants: [
        { key: 'client', label: [t('actor.client'), s.client.text] },
        { key: 'agw', label: [t('actor.agw'), s.agwip.text] },
        { key: 'instance', label: [t('actor.instance.n', { n: s.via }), instance] },
        { key: 'backend', label: [t('actor.backend'), backend] },
      ],
      // Session 2 sits inside session 1: the client's session stays open while the instance
      // talks to the backend, and the response goes back on it.
      steps: [
        {
          kind: 'group',
          label: t('diagram.agw.session1'),
          steps: [
            m.requestIn,
            { kind: 'note', over: ['agw', 'instance'], text: t('diagram.agw.note.proxy') },
            {
              kind: 'group',
              label: t('diagram.agw.session2'),
              steps: [m.requestOut, { kind: 'note', over: ['instance', 'backend'], text: `${xff.name}: ${xff.value}` }, m.replyIn],
            },
            m.replyOut,
          ],
        },
      ],
    },
  };
}

/** The Application Gateway explorer. */
export const explorers: Explorers = {
  'application-gateway': explorer(applicationGatewayParams, readApplicationGatewayScenario, applicationGatewayView),
};
