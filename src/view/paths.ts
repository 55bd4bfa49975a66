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
} from '../model/paths.ts';
import type { ProxyHeader } from '../model/service.ts';
import { type ExplorerView, explorer, type Explorers } from './explorer.ts';
import { dnsTable } from './traffic-manager.ts';
import { hopLabel, hopTable } from './hops.ts';
import { chip, chipList, dataTable, fieldCell, figureTable, lines, recordLines, socketCell, socketText } from './table.ts';
import { h, type ElementNode } from './tree.ts';

/** Who a stage, the client or the backend is on this page: its service's name, or `stage.<key>` (content/i18n). */
const who = (key: string, t: Translate) => t(uiKey(key === 'client' || key === 'backend' ? `stage.${key}` : stageNameKey(stageByKey(key))));

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

/** The PROXY protocol v2 header's fields: the connection the private endpoint accepted, and the Private Link TLV. */
function proxyCell(proxy: ProxyHeader, t: Translate): ElementNode {
  const source = socketText(proxy.source);
  const destination = socketText(proxy.destination);
  return fieldCell(
    'proxy-header',
    `${source} ${destination} linkid=${proxy.linkId}`,
    h(
      'span',
      { class: 'atp-list' },
      t('path.proxy.source'),
      ' ',
      chip(source),
      ', ',
      t('path.proxy.destination'),
      ' ',
      chip(destination),
      ', ',
      t('path.proxy.tlv', { linkid: proxy.linkId }),
    ),
  );
}

/** Legs that go wrong as drawn unless a route or SNAT is added: what, and the fix. */
function warningNotes(result: PathResult, t: Translate): ElementNode[] {
  return result.warnings.map((warning) =>
    h(
      'p',
      { class: 'atp-callout', 'data-warning': warning.key, 'data-leg': String(warning.leg) },
      t(uiKey(`path.warning.${warning.key}`), { leg: warning.leg, ...warning.args }),
    ),
  );
}

/** Check it yourself: each leg that arrives at a VM, as Network Watcher IP flow verify takes it. */
function verifyTable(result: PathResult, t: Translate): ElementNode {
  const rows = result.verify.map((check) => {
    const command = `az network watcher test-ip-flow --resource-group <RG> --vm <VM> --direction ${check.direction} --protocol ${check.protocol} --local ${socketText(check.local)} --remote ${socketText(check.remote)}`;
    return h(
      'tr',
      { 'data-verify-leg': String(check.leg) },
      h('th', { scope: 'row' }, String(check.leg)),
      fieldCell('local', socketText(check.local)),
      fieldCell('remote', socketText(check.remote)),
      // A command to copy, not a value chip: it may wrap anywhere (a preformatted block, not a chip).
      fieldCell('verify', command, h('pre', { class: 'atp-command' }, h('code', {}, command))),
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

/** The address a participant is reached at, for its label: where its first arriving leg points. */
function addressOf(result: PathResult, key: string): string {
  const leg = result.request.find((l) => l.receiver === key);
  return leg ? leg.dst.ip.text : '';
}

export function pathView(s: PathScenario, t: Translate): ExplorerView {
  const result = pathLegs(s);
  const stages = dataStages(s);
  const message = (leg: PathLeg, reply: boolean): Step => ({
    kind: 'message',
    from: leg.sender,
    to: leg.receiver,
    text: hopLabel(leg),
    reply,
  });
  const dns = result.dns;
  const dnsSteps: Step[] = (dns?.answer.steps ?? []).flatMap((step) => [
    { kind: 'message', from: 'client', to: dns!.key, text: lines(t('diagram.tm.query', { n: step.n, name: step.query })) },
    { kind: 'message', from: dns!.key, to: 'client', text: recordLines(step.answer), reply: true },
  ]);
  const outputs = [
    ...(dns ? [dnsTable(dns.answer.steps, dns.answer.answer, t)] : []),
    hopTable([...result.request, ...result.reply], t, {
      caption: 'table.path.caption',
      names: (leg) => [who(leg.sender, t), who(leg.receiver, t)],
      rowAttrs: (leg) => {
        const warning = result.warnings.find((w) => w.leg === leg.n);
        const attrs: Record<string, string> = { 'data-stage': leg.sender };
        if (warning) attrs['data-warning'] = warning.key;
        return attrs;
      },
    }),
    ...warningNotes(result, t),
    summaryTable(result, t),
    nsgTable(result, t),
    verifyTable(result, t),
  ];
  return {
    outputs,
    diagram: {
      title: t('diagram.path.title', { chain: stages.map((stage) => who(stage, t)).join(' → ') }),
      description: t('diagram.path.desc', { legs: result.request.length, source: socketText(result.backendSource) }),
      participants: [
        { key: 'client', label: [who('client', t), s.client.text] },
        ...(dns ? [{ key: dns.key, label: [who(dns.key, t), dns.answer.name] }] : []),
        ...stages.map((stage) => ({ key: stage, label: [who(stage, t), addressOf(result, stage)] })),
        { key: 'backend', label: [who('backend', t), addressOf(result, 'backend')] },
      ],
      steps: [
        ...(dnsSteps.length > 0 ? [{ kind: 'group' as const, label: t('diagram.path.dns'), steps: dnsSteps }] : []),
        { kind: 'group', label: t('diagram.path.request'), steps: result.request.map((leg) => message(leg, false)) },
        { kind: 'group', label: t('diagram.path.reply'), steps: result.reply.map((leg) => message(leg, true)) },
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
