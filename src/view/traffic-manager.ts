import type { Translate } from '../i18n.ts';
import type { Step } from '../diagram/sequence.ts';
import {
  answerAt,
  dnsSteps,
  trafficManagerHops,
  type Answer,
  type DnsStep,
  type TrafficManagerScenario,
} from '../model/services/traffic-manager.ts';
import { endpointLabel } from '../model/services/traffic-manager-dns.ts';
import { type ExplorerView, explorer, type Explorers } from './explorer.ts';
import { hopMessage, hopTable } from './hops.ts';
import { dataTable, dnsRecord, fieldCell, lines, recordLines, socketText } from './table.ts';
import { h, type ElementNode } from './tree.ts';
import { verdict } from './verdict.ts';
import type { Verdict } from './explorer.ts';
import { readTrafficManagerScenario, trafficManagerParams } from '../model/services/traffic-manager.ts';

export function trafficManagerView(s: TrafficManagerScenario, t: Translate): ExplorerView {
  const answer = answerAt(s);
  const steps = dnsSteps(s);
  const hops = trafficManagerHops(s);
  const [first, address] = steps;
  return {
    verdict: trafficManagerVerdict(s, answer, socketText(hops[0]!.dst), t),
    outputs: [dnsTable(steps, answer, t), hopTable(hops, t)],
    diagram: {
      title: t('diagram.tm.title'),
      description: t('diagram.tm.desc', { client: s.client.text, profile: s.profile, endpoint: endpointLabel(answer.endpoint) }),
      participants: [
        { key: 'client', label: [t('actor.client'), s.client.text] },
        { key: 'resolver', label: [t('actor.resolver')] },
        { key: 'tm', label: [t('actor.tm'), s.profile] },
        { key: 'endpoint', label: [t('actor.endpoint.n', { n: answer.position }), answer.endpoint.ip.text] },
      ],
      steps: [
        {
          kind: 'group',
          label: t('diagram.tm.group.dns'),
          // Name resolution has one colour in every drawing (the paths page's too).
          tint: 'dns',
          steps: [
            ...question(first!, t),
            { kind: 'message', from: 'resolver', to: 'tm', text: first!.query },
            { kind: 'message', from: 'tm', to: 'resolver', text: recordLines(first!.answer), reply: true },
            { kind: 'message', from: 'resolver', to: 'client', text: recordLines(first!.answer), reply: true },
            // An endpoint defined by IP is answered in one step; a named one needs its zone too.
            ...(address
              ? [
                  ...question(address, t),
                  { kind: 'note', over: ['resolver'], text: t('diagram.tm.note.zone', { name: address.query }) } as const,
                  { kind: 'message', from: 'resolver', to: 'client', text: address.answer, reply: true } as const,
                ]
              : []),
          ],
        },
        {
          kind: 'group',
          label: t('diagram.tm.group.data'),
          steps: [hopMessage(hops[0]!), { kind: 'note', over: ['tm'], text: t('diagram.tm.note.absent') }, hopMessage(hops[1]!)],
        },
      ],
    },
  };
}

/**
 * Where the client's connection goes: straight to the endpoint DNS named, which is the failed
 * endpoint 1 while Traffic Manager has not yet marked it Degraded.
 */
function trafficManagerVerdict(s: TrafficManagerScenario, answer: Answer, dst: string, t: Translate): Verdict {
  const first = answer.first;
  const args = { profile: s.profile, n: answer.position, dst };
  const values = [s.profile, dst];
  if (first.kind === 'unnoticed')
    return verdict('fails', t('verdict.traffic-manager.unnoticed', { ...args, fail: first.fail, degraded: first.degradedAt }), values);
  if (first.kind === 'degraded')
    return verdict('ok', t('verdict.traffic-manager.degraded', { ...args, degraded: first.degradedAt }), values);
  return verdict('ok', t('verdict.traffic-manager', args), values);
}

function question(step: DnsStep, t: Translate): Step[] {
  return [{ kind: 'message', from: 'client', to: 'resolver', text: lines(t('diagram.tm.query', { n: step.n, name: step.query })) }];
}

/** The DNS answers with why Traffic Manager gave each; the paths page shows the same table. */
export function dnsTable(steps: readonly DnsStep[], answer: Answer, t: Translate): ElementNode {
  const columns = (['n', 'query', 'answer', 'note'] as const).map((c) => t(`table.dns.${c}`));
  const rows = steps.map((step) =>
    h(
      'tr',
      { 'data-dns-step': String(step.n) },
      h('th', { scope: 'row' }, String(step.n)),
      fieldCell('query', step.query),
      fieldCell('answer', step.answer, dnsRecord(step.answer)),
      h('td', { class: 'atp-note' }, step.by === 'tm' ? tmNote(answer, t) : t('dnsNote.address')),
    ),
  );
  return dataTable(t('table.dns.caption'), columns, rows, 'atp-dns');
}

/**
 * Why Traffic Manager picked this endpoint: priority order, and what it knows about endpoint 1.
 * The wording depends on the record: a CNAME to the endpoint's name, or the address itself.
 */
function tmNote(answer: Answer, t: Translate): string {
  const kind = answer.endpoint.fqdn === null ? 'ip' : 'cname';
  const first = answer.first;
  if (first.kind === 'healthy') return t(`dnsNote.${kind}.healthy`);
  return t(`dnsNote.${kind}.${first.kind}`, { fail: first.fail, degraded: first.degradedAt, position: answer.position });
}

/**
 * Azure's names of the monitoring settings the fields stand for.
 * Learn: javascript/api/@azure/arm-trafficmanager/monitorconfig (MonitorConfig properties), 2026-12-07
 */
export const MONITOR_API = {
  interval: 'intervalInSeconds',
  timeout: 'timeoutInSeconds',
  tolerated: 'toleratedNumberOfFailures',
} as const;

/** The Traffic Manager explorer: its `port` is the endpoints' port, and `fail` may be left empty. */
export const explorers: Explorers = {
  'traffic-manager': explorer(trafficManagerParams, readTrafficManagerScenario, trafficManagerView, {
    labels: { port: 'field.endpoint-port', fail: 'field.fail-optional' },
    api: MONITOR_API,
  }),
};
