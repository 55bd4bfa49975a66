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
} from '../model/paths.ts';
import type { ProxyHeader } from '../model/service.ts';
import { type ExplorerView, explorer, type Explorers } from './explorer.ts';
import { dnsTable } from './traffic-manager.ts';
import { hopLabel, hopTable } from './hops.ts';
import { chip, chipList, dataTable, fieldCell, figureTable, lines, listText, recordLines, socketCell, socketText } from './table.ts';
import { h, type ElementNode } from './tree.ts';
import { verdict } from './verdict.ts';
import type { Verdict } from './explorer.ts';

/** Who a stage, the client or the backend is on this page (`stage.*` in content/i18n). */
const who = (key: string, t: Translate) => t(uiKey(`stage.${key}`));

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

/**
 * What the backend receives at the end of the chain: the packet's source, X-Forwarded-For and the
 * client certificate; a leg that goes wrong as drawn turns it into a warning naming the leg.
 */
function pathVerdict(result: PathResult, t: Translate): Verdict {
  const src = socketText(result.backendSource);
  const xff = result.xff === '' ? t('verdict.path.xff.none') : t('verdict.path.xff', { xff: result.xff });
  const cert =
    result.cert === 'no' && result.certEndedAt
      ? t('verdict.path.cert.no-at', { stage: who(result.certEndedAt, t) })
      : t(uiKey(`verdict.path.cert.${result.cert}`));
  const answer = t('verdict.path', { src, xff, cert });
  const legs = [...new Set(result.warnings.map((warning) => warning.leg))];
  const values = [src, ...result.xff.split(/,\s*/)];
  if (legs.length === 0) return verdict('ok', answer, values);
  return verdict('warning', `${answer}${t('verdict.path.warning', { legs: listText(legs.map(String), t) })}`, values);
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
    verdict: pathVerdict(result, t),
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
