import { uiKey, type Translate } from '../i18n.ts';
import type { Step } from '../diagram/sequence.ts';
import {
  dataStages,
  pathLegs,
  type PathLeg,
  type PathResult,
  type PathScenario,
  pathFieldsInUse,
  pathGroups,
  pathParams,
  readPathScenario,
  stageByKey,
  stageNameKey,
  stagePlaces,
} from '../model/cross-service/paths.ts';
import type { ProxyHeader } from '../model/service.ts';
import type { LegRoute } from '../model/cross-service/path-routes.ts';
import { type ExplorerView, explorer, type Explorers, type Verdict } from './explorer.ts';
import { dnsTable } from './traffic-manager.ts';
import { hopLabel, hopTable } from './hops.ts';
import { chip, chipList, dataTable, fieldCell, figureTable, lines, listText, recordLines, socketCell, socketText } from './table.ts';
import { h, type ElementNode } from './tree.ts';
import { clientAddressState, verdict } from './verdict.ts';
import { parseXffEntry } from '../model/shared/params.ts';

/** Who a stage, the client, the backend or an appliance a route names is on this page: its service's name, or `stage.<key>` (content/i18n). */
const LANES = new Set(['client', 'backend', 'appliance']);
const who = (key: string, t: Translate) => t(uiKey(LANES.has(key) ? `stage.${key}` : stageNameKey(stageByKey(key))));

/** What the backend receives, in one place. */
function summaryTable(result: PathResult, t: Translate): ElementNode {
  const xff = result.xff === '' ? t('path.xff.none') : h('span', { class: 'atp-list' }, chipList(result.xff));
  return figureTable(t('table.path-summary.caption'), [
    [t('table.path-summary.backend-source'), socketCell('backend-source', result.backendSource)],
    [t('table.path-summary.xff'), fieldCell('xff', result.xff, xff)],
    [t('table.path-summary.cert'), fieldCell('cert-reaches-backend', result.cert, certText(result, t))],
    ...(result.proxy ? [[t('table.path-summary.proxy'), proxyCell(result.proxy, t)] as const] : []),
  ]);
}

/** Whether the client's certificate reaches the backend, naming the stage where its TLS ended. */
function certText(result: PathResult, t: Translate): string {
  if (result.cert === 'no' && result.certEndedAt) return t('cert.reaches.no-at', { stage: who(result.certEndedAt, t) });
  return t(uiKey(`cert.reaches.${result.cert}`));
}

/**
 * The PROXY protocol v2 header's fields: the consumer's address as the private endpoint accepted it
 * (or that it is undocumented, behind Front Door), the Private Link TLV, and that Learn does not
 * document the header's destination address.
 */
function proxyCell(proxy: ProxyHeader, t: Translate): ElementNode {
  const source = proxy.source ? socketText(proxy.source) : 'undocumented';
  return fieldCell(
    'proxy-header',
    `${source} linkid=${proxy.linkId}`,
    h(
      'span',
      { class: 'atp-list' },
      t('path.proxy.source'),
      ' ',
      proxy.source ? chip(source) : t('path.proxy.source-undocumented'),
      ', ',
      t('path.proxy.tlv', { linkid: proxy.linkId }),
      ', ',
      t('path.proxy.destination-undocumented'),
    ),
  );
}

/** The end of a leg whose address Learn does not give: Front Door's leg to a private endpoint and the reply to it. */
function undocumentedEnd(leg: PathLeg): 'src' | 'dst' | null {
  if (leg.note === 'edge-to-private-endpoint') return 'src';
  if (leg.note === 'private-endpoint-reply') return 'dst';
  return null;
}

/** Legs that go wrong as drawn unless a route or SNAT is added: what, and the fix. */
function warningNotes(result: PathResult, t: Translate): ElementNode[] {
  return result.warnings.map((warning) =>
    h(
      'p',
      { class: 'atp-callout', 'data-warning': warning.key, 'data-leg': String(warning.leg) },
      t(uiKey(`path.warning.${warning.message ?? warning.key}`), { leg: warning.leg, ...warning.args }),
    ),
  );
}

/** A next hop as Azure names it, with the appliance's address: the machine value of `next-hop`. */
const nextHopValue = (route: LegRoute) => `${route.next.type}${route.next.hop ? ` ${route.next.hop.text}` : ''}`;

/** Under a leg sent from a subnet: its next hop and the route that decided it (SPEC §14). */
function nextHopNote(route: LegRoute, t: Translate): ElementNode {
  const { next } = route;
  return h(
    'span',
    {
      class: 'atp-note atp-next-hop',
      'data-field': 'next-hop',
      'data-value': nextHopValue(route),
      'data-route': `${next.route.source} ${next.route.prefix.text}`,
    },
    t('path.next-hop.label', { subnet: t(uiKey(`path.subnet.${route.subnet}`)) }),
    ' ',
    t(uiKey(`path.next-hop.${next.type}`)),
    ...(next.hop ? [' ', chip(next.hop.text)] : []),
    t('path.next-hop.open'),
    t(uiKey(`path.route.${next.route.source}`)),
    ' ',
    chip(next.route.prefix.text),
    t('path.next-hop.close'),
  );
}

/** The user routes a firewall reached by route needs, and which of them the scenario has. */
function neededRoutes(result: PathResult, t: Translate): ElementNode[] {
  const { needed } = result.routes;
  if (needed.length === 0) return [];
  const missing = needed.filter((route) => !route.given);
  return [
    h(
      'div',
      { class: 'atp-callout', 'data-field': 'routes-needed', 'data-value': needed.map((route) => route.route).join(',') },
      h('p', {}, t(missing.length > 0 ? 'path.routes.needed' : 'path.routes.given')),
      h(
        'ul',
        {},
        needed.map((route) =>
          h(
            'li',
            { 'data-given': route.given ? 'yes' : 'no' },
            chip(route.route),
            ' ',
            t(route.given ? 'path.routes.present' : 'path.routes.missing'),
          ),
        ),
      ),
    ),
  ];
}

/** Check it yourself: each leg a VM sends, as Network Watcher next hop takes it, with the answer this page computed. */
function nextHopTable(result: PathResult, t: Translate): ElementNode[] {
  const legs = [...result.request, ...result.reply];
  const rows = result.routes.legs
    .filter((route) => route.fromVm)
    .map((route) => {
      const leg = legs.find((l) => l.n === route.leg)!;
      const command = `az network watcher show-next-hop --resource-group <RG> --vm <VM> --source-ip ${leg.src.ip.text} --dest-ip ${leg.dst.ip.text}`;
      return h(
        'tr',
        { 'data-next-hop-leg': String(route.leg) },
        h('th', { scope: 'row' }, String(route.leg)),
        fieldCell('source-ip', leg.src.ip.text),
        fieldCell('dest-ip', leg.dst.ip.text),
        fieldCell('expected-next-hop', nextHopValue(route)),
        fieldCell('show-next-hop', command, h('pre', { class: 'atp-command' }, h('code', {}, command))),
      );
    });
  if (rows.length === 0) return [];
  const columns = (['leg', 'source', 'destination', 'expected', 'command'] as const).map((column) => t(`table.next-hop.${column}`));
  return [
    h(
      'div',
      {},
      dataTable(t('table.next-hop.caption'), columns, rows, 'atp-verify'),
      h('p', { class: 'atp-table-note' }, t('table.next-hop.note')),
    ),
  ];
}

/** Check it yourself: each leg that arrives at a VM, as Network Watcher IP flow verify takes it. */
function verifyTable(result: PathResult, t: Translate): ElementNode {
  if (result.verify.length === 0) {
    return h('p', { class: 'atp-table-note', 'data-verify': 'none' }, t('table.verify.public-backend'));
  }
  const rows = result.verify.map((check) => {
    const command = `az network watcher test-ip-flow --resource-group <RG> --vm <VM> --direction ${check.direction} --protocol ${check.protocol} --local ${socketText(check.local)} --remote ${socketText(check.remote)}`;
    // IP flow verify takes IPv4 only: say so instead of printing a command that fails.
    const cell = check.runs
      ? fieldCell('verify', command, h('pre', { class: 'atp-command' }, h('code', {}, command)))
      : fieldCell('verify', 'ipv4-only', t('table.verify.ipv4-only'));
    return h(
      'tr',
      { 'data-verify-leg': String(check.leg) },
      h('th', { scope: 'row' }, String(check.leg)),
      fieldCell('local', socketText(check.local)),
      fieldCell('remote', socketText(check.remote)),
      // A command to copy, not a value chip: it may wrap anywhere (a preformatted block, not a chip).
      cell,
    );
  });
  const columns = (['leg', 'local', 'remote', 'command'] as const).map((column) => t(`table.verify.${column}`));
  return h(
    'div',
    {},
    dataTable(t('table.verify.caption'), columns, rows, 'atp-verify'),
    h('p', { class: 'atp-table-note' }, t('table.verify.note')),
  );
}

function nsgTable(result: PathResult, t: Translate): ElementNode {
  const rows = result.nsg.map((rule, index) =>
    h(
      'tr',
      { 'data-nsg-rule': String(index + 1), 'data-place': rule.place },
      h('th', { scope: 'row' }, t(uiKey(`path.nsg.place.${rule.place}`))),
      fieldCell('source', rule.source),
      fieldCell('destination', rule.destination),
      fieldCell('port', rule.port),
    ),
  );
  const columns = (['place', 'source', 'destination', 'port'] as const).map((column) => t(`table.nsg.${column}`));
  return dataTable(t('table.nsg.caption'), columns, rows, 'atp-path-nsg');
}

/** A diagram label that names the undocumented end instead of its stand-in address. */
function undocumentedLabel(leg: PathLeg, t: Translate): string[] | undefined {
  const end = undocumentedEnd(leg);
  if (!end) return undefined;
  const unknown = t('path.undocumented-address');
  const src = end === 'src' ? unknown : socketText(leg.src);
  const dst = end === 'dst' ? unknown : socketText(leg.dst);
  return [`(${leg.n}) ${src}`, `→ ${dst}`];
}

/**
 * The address a participant's lane is labelled with: where its first arriving leg points, or, for a
 * stage no packet is addressed to (a firewall a route puts in the way), what the stage declares as
 * its own (`DataStage.lane`): the legs through it are addressed to the next lane.
 */
function addressOf(s: PathScenario, result: PathResult, key: string): string {
  const lane = key === 'backend' ? undefined : stageByKey(key).data?.lane;
  if (lane) return lane(s);
  const leg = result.request.find((l) => l.receiver === key);
  return leg ? leg.dst.ip.text : '';
}

/** Warnings that say what may go wrong or is unsupported, rather than a leg that fails. */
const WARNING_ONLY = new Set(['agw-default-route', 'hairpin-chance', 'public-consumer']);

/** The verdict's opening for a failing warning, where it is not a reply gone astray (`path.verdict.<key>`). */
const FAILING_VERDICT: Readonly<Record<string, string>> = { 'route-needed': 'route-needed', 'no-route': 'no-route', hairpin: 'hairpin' };

/** Where the client's own address reaches the backend: the packet's source, an X-Forwarded-For entry, the PROXY header, or nowhere. */
type ClientAt =
  | { readonly at: 'source' }
  | { readonly at: 'xff'; readonly n: number; readonly entry: string }
  | { readonly at: 'proxy'; readonly source: string }
  | { readonly at: 'lost' };

/**
 * The X-Forwarded-For entry that names the client is the first one a proxy wrote: the entries
 * before it are the client's own (`xffin`), which anyone can forge, so a match there does not count.
 */
function clientAt(s: PathScenario, result: PathResult, entries: readonly string[]): ClientAt {
  const client = s.client.text;
  if (result.backendSource.ip.text === client) return { at: 'source' };
  const written = entries[s.xffin.length];
  if (written !== undefined && parseXffEntry(written)?.ip.text === client) return { at: 'xff', n: s.xffin.length + 1, entry: written };
  const proxy = result.proxy?.source;
  if (proxy && proxy.ip.text === client) return { at: 'proxy', source: socketText(proxy) };
  return { at: 'lost' };
}

/** The X-Forwarded-For part of the sentence: the header, and which entry is the client when a proxy wrote it. */
function xffPart(s: PathScenario, result: PathResult, entries: readonly string[], where: ClientAt, t: Translate): string {
  if (result.xff === '') return t('verdict.path.xff.none');
  if (where.at !== 'xff') return t('verdict.path.xff', { xff: result.xff });
  if (where.entry === result.xff) return t('verdict.path.xff.client-only', { xff: result.xff });
  const key = s.xffin.length > 0 ? 'verdict.path.xff.client-forged' : 'verdict.path.xff.client';
  return t(key, { xff: result.xff, n: where.n, count: entries.length, entry: where.entry });
}

/** What follows the sentence about the headers: the PROXY header that carries the client, or that its address is lost. */
function clientPart(s: PathScenario, result: PathResult, where: ClientAt, t: Translate): string {
  if (where.at === 'proxy') return t('verdict.path.proxy', { proxy: where.source });
  if (where.at !== 'lost') return '';
  // A chain with a Private Link service could carry the address in its PROXY header: say so.
  const key = !result.proxy && pathFieldsInUse(s).has('proxy') ? 'verdict.path.client-lost.proxy' : 'verdict.path.client-lost';
  return t(key, { client: s.client.text });
}

/**
 * What the backend receives at the end of the chain: the packet's source, X-Forwarded-For (and
 * which entry is the client), the client certificate, and where the client's address went. A leg
 * that fails as routed makes it `fails`; a leg that goes wrong as drawn names the leg in a
 * warning; otherwise the state follows `clientAddressState` (./verdict.ts), the rule every
 * explorer that asks what the backend receives shares: OK when the backend can learn the client.
 */
function pathVerdict(s: PathScenario, result: PathResult, t: Translate): Verdict {
  const src = socketText(result.backendSource);
  const entries = result.xff === '' ? [] : result.xff.split(/,\s*/);
  const where = clientAt(s, result, entries);
  const xff = xffPart(s, result, entries, where, t);
  const cert =
    result.cert === 'no' && result.certEndedAt
      ? t('verdict.path.cert.no-at', { stage: who(result.certEndedAt, t) })
      : t(uiKey(`verdict.path.cert.${result.cert}`));
  const answer = `${t('verdict.path', { src, xff, cert })}${clientPart(s, result, where, t)}`;
  const legs = [...new Set(result.warnings.map((warning) => warning.leg))];
  const values = [src, ...entries, s.client.text, ...(where.at === 'proxy' ? [where.source] : [])];
  // A leg that fails as routed (or the hairpin) comes before what the backend would receive.
  const failing = result.warnings.find((warning) => !WARNING_ONLY.has(warning.key));
  if (failing) {
    const why = t(uiKey(`path.verdict.${FAILING_VERDICT[failing.key] ?? 'fails'}`), { ...failing.args, leg: failing.leg });
    return verdict('fails', t('path.verdict.failing', { why, answer }), values);
  }
  if (legs.length === 0) return verdict(clientAddressState(where.at !== 'lost'), answer, values);
  return verdict('warning', `${answer}${t('verdict.path.warning', { legs: listText(legs.map(String), t) })}`, values);
}

/**
 * The DNS steps as the table tells them: a question Traffic Manager answers is an arrow to its
 * lane and back; one the endpoint name's own zone answers is a note at the client, with no arrow
 * to Traffic Manager, which takes no part in it.
 */
function dnsSteps(dns: PathResult['dns'], t: Translate): Step[] {
  if (!dns) return [];
  return dns.answer.steps.flatMap((step): Step[] =>
    step.by !== 'zone'
      ? [
          { kind: 'message', from: 'client', to: dns.key, text: lines(t('diagram.tm.query', { n: step.n, name: step.query })) },
          { kind: 'message', from: dns.key, to: 'client', text: recordLines(step.answer), reply: true },
        ]
      : [
          {
            kind: 'note',
            over: ['client'],
            beside: true,
            text: lines(t('diagram.path.dns.zone', { n: step.n, name: step.query, answer: step.answer })),
          },
        ],
  );
}

/** A leg with a warning says so on its arrow, as its row does in the table. */
const WARNING_MARK = '⚠';

export function pathView(s: PathScenario, t: Translate): ExplorerView {
  const result = pathLegs(s);
  const stages = dataStages(s);
  const untaken = result.routes.untaken;
  // A leg a route sends astray is drawn to where it really goes (the device its route names, or around the firewall).
  const drawnTo = (leg: PathLeg) => {
    const to = result.routes.astray.get(leg.n);
    return to === undefined ? leg.receiver : to;
  };
  const message = (leg: PathLeg, reply: boolean): Step => {
    const [first, ...rest] = undocumentedLabel(leg, t) ?? hopLabel(leg);
    const warned = result.warnings.some((w) => w.leg === leg.n);
    const text = [warned ? `${WARNING_MARK} ${first}` : first!, ...rest, ...(untaken.has(leg.n) ? [t('diagram.path.not-taken')] : [])];
    return { kind: 'message', from: leg.sender, to: drawnTo(leg), text, reply, untaken: untaken.has(leg.n) };
  };
  /** The leg that sent the packets elsewhere or dropped them, before a leg not taken: the last warned leg before it. */
  const causeOf = (leg: PathLeg) => result.warnings.filter((w) => w.leg < leg.n && !WARNING_ONLY.has(w.key)).at(-1)?.leg;
  const dns = result.dns;
  const dnsGroup = dnsSteps(dns, t);
  const outputs = [
    ...(dns ? [dnsTable(dns.answer.steps, dns.answer.answer, t)] : []),
    hopTable([...result.request, ...result.reply], t, {
      caption: 'table.path.caption',
      // A leg a route sends elsewhere names where it really goes, as its arrow does, and whom it misses.
      names: (leg) => {
        const to = drawnTo(leg);
        return [
          who(leg.sender, t),
          to === leg.receiver ? who(to, t) : t('path.leg.astray', { to: who(to, t), meant: who(leg.receiver, t) }),
        ];
      },
      undocumented: undocumentedEnd,
      undocumentedText: t('path.undocumented-address'),
      rowAttrs: (leg) => {
        const warning = result.warnings.find((w) => w.leg === leg.n);
        const attrs: Record<string, string> = { 'data-stage': leg.sender };
        if (warning) attrs['data-warning'] = warning.key;
        if (untaken.has(leg.n)) attrs['data-taken'] = 'no';
        return attrs;
      },
      more: (leg) => {
        // A leg not taken has no next hop to show: no packet is sent on it.
        if (untaken.has(leg.n)) return [h('span', { class: 'atp-note atp-untaken' }, t('path.untaken', { leg: causeOf(leg) ?? '' }))];
        const route = result.routes.legs.find((r) => r.leg === leg.n);
        return route ? [nextHopNote(route, t)] : [];
      },
    }),
    ...warningNotes(result, t),
    ...neededRoutes(result, t),
    summaryTable(result, t),
    nsgTable(result, t),
    verifyTable(result, t),
    ...nextHopTable(result, t),
  ];
  // An appliance outside the chain is known by the address the route that sends a leg to it names.
  const applianceLeg = [...result.routes.astray].find(([, to]) => to === 'appliance')?.[0];
  const applianceAddress = result.routes.legs.find((route) => route.leg === applianceLeg)?.next.hop?.text ?? s.fwpriv.text;
  return {
    verdict: pathVerdict(s, result, t),
    outputs,
    diagram: {
      title: t('diagram.path.title', { chain: stages.map((stage) => who(stage, t)).join(' → ') }),
      description: t('diagram.path.desc', { legs: result.request.length, source: socketText(result.backendSource) }),
      participants: [
        { key: 'client', label: [who('client', t), s.client.text] },
        ...(dns ? [{ key: dns.key, label: [who(dns.key, t), dns.answer.name] }] : []),
        ...stages.map((stage) => ({ key: stage, label: [who(stage, t), addressOf(s, result, stage)] })),
        { key: 'backend', label: [who('backend', t), addressOf(s, result, 'backend')] },
        ...(applianceLeg !== undefined ? [{ key: 'appliance', label: [who('appliance', t), applianceAddress] }] : []),
      ],
      steps: [
        ...(dnsGroup.length > 0 ? [{ kind: 'group' as const, label: t('diagram.path.dns'), steps: dnsGroup, tint: 'dns' as const }] : []),
        { kind: 'group', label: t('diagram.path.request'), steps: result.request.map((leg) => message(leg, false)), tint: 'request' },
        { kind: 'group', label: t('diagram.path.reply'), steps: result.reply.map((leg) => message(leg, true)), tint: 'reply' },
      ],
    },
  };
}

/** The paths explorer: the form shows only the fields its chain reads. */
export const explorers: Explorers = {
  path: explorer(pathParams, readPathScenario, pathView, {
    labels: { port: 'field.stage-port' },
    fieldsInUse: pathFieldsInUse,
    groups: pathGroups(),
  }),
};

/**
 * Where each stage may stand in `chain`, one item a stage, from the stages' declarations (so a new
 * stage cannot leave the paths page's description stale): first, right after which stages, and which
 * stage must come right after it.
 */
export function stagePlacesList(t: Translate): ElementNode {
  const keys = (list: readonly string[]) => list.flatMap((key, i) => [...(i > 0 ? [t('list.separator')] : []), h('code', {}, key)]);
  const items = stagePlaces().map(({ key, first, after, before }) => {
    const where =
      after.length === 0
        ? [t('path.places.first')]
        : first
          ? [t('path.places.first-or'), ...keys(after), t('path.places.after-end')]
          : [t('path.places.only-after'), ...keys(after), t('path.places.after-end')];
    const then = before.length > 0 ? [t('path.places.before'), ...keys(before), t('path.places.before-end')] : [];
    return h('li', { 'data-stage': key }, h('code', {}, key), ` (${who(key, t)})${t('path.places.colon')}`, ...where, ...then);
  });
  return h('ul', { class: 'atp-stage-places' }, ...items);
}
