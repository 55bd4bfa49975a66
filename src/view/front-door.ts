import { inTravelOrder } from '../model/shared/hop.ts';
import type { Translate } from '../i18n.ts';
import {
  frontDoorHeaders,
  frontDoorPackets,
  type FrontDoorHeader,
  type FrontDoorScenario,
  frontDoorParams,
  readFrontDoorScenario,
} from '../model/services/front-door.ts';
import { type ExplorerView, explorer, type Explorers } from './explorer.ts';
import { hopTable, packetMessages } from './hops.ts';
import { chip, chipList, dataTable, fieldCell, socketText } from './table.ts';
import { clientAddressState, verdict } from './verdict.ts';
import { h, type ElementNode } from './tree.ts';

/** The headers the origin receives: value, what it is good for, and whether a client can forge it. */
function headerTable(headers: readonly FrontDoorHeader[], t: Translate): ElementNode {
  const rows = headers.map((header) =>
    h(
      'tr',
      // The rows that carry the page's answer (issue 24): what a client can forge, and the ID check.
      {
        'data-header': header.name,
        'data-answer': header.forgeable === 'yes' ? 'forgeable' : header.key === 'x-azure-fdid' ? 'check' : undefined,
      },
      h('th', { scope: 'row' }, chip(header.name)),
      fieldCell(
        header.key,
        header.value,
        header.key === 'xff' ? h('span', { class: 'atp-list' }, chipList(header.value)) : chip(header.value),
      ),
      fieldCell('forgeable', header.forgeable, t(`fd.forgeable.${header.forgeable}`)),
      h('td', { class: 'atp-note' }, t(`fd.header.${header.key}`)),
    ),
  );
  const columns = (['name', 'value', 'forgeable', 'meaning'] as const).map((column) => t(`table.fd-headers.${column}`));
  return h(
    'div',
    {},
    dataTable(t('table.fd-headers.caption'), columns, rows, 'atp-headers atp-fd-headers'),
    // What the highlighted rows are (issue 32): a tint alone does not say it.
    h(
      'p',
      { class: 'atp-table-note', 'data-legend': 'answer' },
      h('span', { class: 'atp-legend-swatch', 'aria-hidden': 'true' }),
      t('table.fd-headers.legend'),
    ),
  );
}

export function frontDoorView(s: FrontDoorScenario, t: Translate): ExplorerView {
  const packets = frontDoorPackets(s);
  const hops = inTravelOrder(packets);
  const headers = frontDoorHeaders(s);
  const xff = headers.find((header) => header.key === 'xff')!;
  const fdid = headers.find((header) => header.key === 'x-azure-fdid')!;
  const m = packetMessages(packets);
  // What the origin receives (hop 2): the edge as source; the client only in headers; the profile's ID to check.
  const src = socketText(packets.requestOut.src);
  const socketIp = headers.find((header) => header.key === 'x-azure-socketip')!.value;
  return {
    // The origin learns the client from X-Forwarded-For and X-Azure-SocketIP, so the rule makes it OK.
    verdict: verdict(clientAddressState(true), t('verdict.front-door', { src, client: socketIp, fdid: fdid.value }), [
      src,
      socketIp,
      fdid.value,
    ]),
    outputs: [hopTable(hops, t), headerTable(headers, t)],
    diagram: {
      title: t('diagram.fd.title'),
      description: t('diagram.fd.desc', { client: s.client.text, fd: s.fdip.text, edge: s.edge.text, origin: s.origin.text }),
      participants: [
        { key: 'client', label: [t('actor.client'), s.client.text] },
        { key: 'fd', label: [t('actor.fd'), s.fdip.text] },
        { key: 'edge', label: [t('actor.edge'), s.edge.text] },
        { key: 'origin', label: [t('actor.origin'), s.origin.text] },
      ],
      // The edge's connection to the origin sits inside the client's session, as on the
      // Application Gateway page; Front Door may reuse it for other clients' requests.
      steps: [
        {
          kind: 'group',
          label: t('diagram.fd.session1'),
          steps: [
            m.requestIn,
            { kind: 'note', over: ['fd', 'edge'], text: t('diagram.fd.note.proxy') },
            {
              kind: 'group',
              label: t('diagram.fd.session2'),
              steps: [
                m.requestOut,
                { kind: 'note', over: ['edge', 'origin'], text: `${xff.name}: ${xff.value}; ${fdid.name}: ${fdid.value}` },
                m.replyIn,
              ],
            },
            m.replyOut,
          ],
        },
      ],
    },
  };
}

/** The Front Door explorer: its backend port is the origin's. */
export const explorers: Explorers = {
  'front-door': explorer(frontDoorParams, readFrontDoorScenario, frontDoorView, { labels: { bport: 'field.origin-port' } }),
};
