import type { Translate } from '../i18n.ts';
import type { Step } from '../diagram/sequence.ts';
import { aksHops, aksParams, aksProbeRows, nodesInRotation, readAksScenario, type AksScenario } from '../model/services/aks.ts';
import { type ExplorerView, type Verdict, explorer, type Explorers } from './explorer.ts';
import { hopLabel, hopTable } from './hops.ts';
import { dataTable, figureTable, fieldCell, socketCell, socketText } from './table.ts';
import { h } from './tree.ts';
import { clientAddressState, verdict as sentence } from './verdict.ts';

/** The FAQ's question: which source the pod sees, and why. */
function verdict(s: AksScenario, hops: ReturnType<typeof aksHops>, t: Translate): Verdict {
  const source = socketText(hops[2]!.src);
  // The addresses are value chips, as in every other explorer's verdict.
  // Local keeps the client's address (clientAddressState); Cluster translates it to the node's and nothing carries it on.
  if (s.etp === 'local') return sentence(clientAddressState(true), t('verdict.aks.local', { source }), [source]);
  const pod = s.pods[s.ppick - 1]!;
  const key = pod.node === s.pick ? 'verdict.aks.cluster' : 'verdict.aks.cluster-hop';
  return sentence(clientAddressState(false), t(key, { source, client: s.client.text, node: pod.node }), [source, s.client.text]);
}

/** Local: the Load Balancer's probe of each node's health check node port, and which nodes pass it. Cluster: a note. */
function probeOutputs(s: AksScenario, t: Translate) {
  const rows = aksProbeRows(s);
  if (rows.length === 0) return [h('p', { class: 'atp-table-note', 'data-note': 'aks-cluster-probe' }, t('aks.probe.cluster'))];
  const body = rows.map((row, i) =>
    h(
      'tr',
      { 'data-probe': String(i + 1), 'data-service': 'aks' },
      h('th', { scope: 'row' }, String(i + 1)),
      fieldCell('src', row.src),
      socketCell('dst', row.dst),
      fieldCell('passes', row.passes ? 'yes' : 'no', t(row.passes ? 'aks.probe.passes' : 'aks.probe.fails')),
    ),
  );
  const columns = [t('table.aks.probe.node'), t('table.hops.src'), t('table.hops.dst'), t('table.aks.probe.result')];
  return [dataTable(t('table.aks.probe.caption'), columns, body, 'atp-aks-probes')];
}

export function aksView(s: AksScenario, t: Translate): ExplorerView {
  const hops = aksHops(s);
  const node = s.backends[s.pick - 1]!.text;
  const pod = s.pods[s.ppick - 1]!;
  const rotation = nodesInRotation(s);
  const secondHop = s.etp === 'cluster' && pod.node !== s.pick;
  const message = (i: number): Step => ({ kind: 'message', from: hops[i]!.from, to: hops[i]!.to, text: hopLabel(hops[i]!), reply: i >= 3 });
  const rotationText = rotation.map((n) => `${n} (${s.backends[n - 1]!.text})`).join(', ');
  return {
    verdict: verdict(s, hops, t),
    outputs: [
      hopTable(hops, t),
      figureTable(t('table.aks.caption'), [
        [t('table.aks.rotation'), fieldCell('nodes-in-rotation', rotation.join(','), rotationText)],
        [t('table.aks.pod-source'), fieldCell('pod-source', socketText(hops[2]!.src), h('span', {}, socketText(hops[2]!.src)))],
      ]),
      ...probeOutputs(s, t),
    ],
    diagram: {
      title: t('diagram.aks.title'),
      description: t('diagram.aks.desc', { client: s.client.text, lb: s.lbip.text, node, pod: pod.ip.text }),
      participants: [
        { key: 'client', label: [t('actor.client'), s.client.text] },
        { key: 'lb', label: [t('actor.lb'), s.lbip.text] },
        { key: 'node', label: [t('actor.node'), node] },
        // Cluster with the pod on another node: that node is on the way (the verdict's second hop).
        ...(secondHop ? [{ key: 'pod-node', label: [t('diagram.aks.pod-node', { n: pod.node }), s.backends[pod.node - 1]!.text] }] : []),
        { key: 'pod', label: [t('actor.pod'), pod.ip.text] },
      ],
      steps: [
        message(0),
        message(1),
        ...(secondHop ? [{ kind: 'note' as const, over: ['pod-node'], text: t('diagram.note.aks-second-hop', { n: pod.node }) }] : []),
        message(2),
        { kind: 'note', over: ['node', 'pod'], text: t(s.etp === 'cluster' ? 'diagram.note.aks-cluster' : 'diagram.note.aks-local') },
        message(3),
        message(4),
        message(5),
      ],
    },
  };
}

/** The AKS Service explorer on the client-IP FAQ (`data-explorer="aks"`). */
export const explorers: Explorers = {
  aks: explorer(aksParams, readAksScenario, aksView, {
    labels: { backends: 'field.nodes', pick: 'field.node-pick', port: 'field.service-port', bport: 'field.node-port' },
  }),
};
