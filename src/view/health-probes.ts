import type { Translate } from '../i18n.ts';
import type { Step } from '../diagram/sequence.ts';
import { appGatewayProbes, probeRates, probeRows, type HealthProbeScenario, type ProbeRate, type ProbeRow } from '../model/health-probes.ts';
import { instanceIp } from '../model/application-gateway.ts';
import { nsgRules, type NsgRule } from '../model/nsg.ts';
import type { ExplorerView } from './explorer.ts';
import { dataTable, fieldCell } from './table.ts';
import { h, type ElementNode } from './tree.ts';

const SERVICES = ['load-balancer', 'application-gateway', 'traffic-manager', 'front-door'] as const;

/** Instances drawn in the diagram; the rest probe the same way and are summarised in a note. */
const DRAWN_INSTANCES = 3;

/** A rate in probes a minute, to at most two decimals (60 ÷ 7 s = 8.57). */
export function formatRate(perMinute: number): string {
  return String(Math.round(perMinute * 100) / 100);
}

function probeTable(rows: readonly ProbeRow[], t: Translate): ElementNode {
  const body = rows.map((row, index) =>
    h(
      'tr',
      { 'data-probe': String(index + 1), 'data-service': row.service },
      // The healthy codes ride under the service name: a column of their own would push the
      // table wider than the page at 1280 px. The note under the table says what they mean.
      h(
        'th',
        { scope: 'row' },
        t(`service.${row.service}`),
        h('span', { class: 'atp-note', 'data-field': 'healthy', 'data-value': row.healthy }, t('probe.healthy.cell', { codes: row.healthy })),
      ),
      fieldCell('src', row.src),
      fieldCell('dst', row.dst),
      fieldCell('interval', String(row.interval), t('unit.seconds', { s: row.interval })),
    ),
  );
  const columns = ['service', 'src', 'dst', 'interval'].map((c) => t(`table.probes.${c}`));
  const table = dataTable(t('table.probes.caption'), columns, body, 'atp-probes');
  return h('div', {}, table, h('p', { class: 'atp-table-note' }, t('probe.src.tm-tag')), h('p', { class: 'atp-table-note' }, t('probe.src.fd-tag')), h('p', { class: 'atp-table-note' }, t('probe.healthy.note')));
}

function rateText(rate: ProbeRate, t: Translate): string {
  const args = { senders: rate.senders, interval: rate.interval, rate: formatRate(rate.perMinute) };
  return t(`rate.${rate.service}`, args);
}

function rateTable(rates: readonly ProbeRate[], t: Translate): ElementNode {
  const body = rates.map((rate) =>
    h(
      'tr',
      { 'data-rate': rate.target, 'data-service': rate.service },
      h('th', { scope: 'row' }, t(`service.${rate.service}`)),
      fieldCell('target', rate.target),
      fieldCell('per-minute', formatRate(rate.perMinute), rateText(rate, t)),
    ),
  );
  const columns = ['service', 'target', 'per-minute'].map((c) => t(`table.rates.${c}`));
  return dataTable(t('table.rates.caption'), columns, body, 'atp-rates');
}

export function nsgTable(rules: readonly NsgRule[], t: Translate): ElementNode {
  const body = rules.map((rule, index) =>
    h(
      'tr',
      { 'data-nsg-rule': String(index + 1), 'data-place': rule.place },
      h('th', { scope: 'row' }, t(`nsg.place.${rule.place}`)),
      fieldCell('source', rule.source),
      fieldCell('destination', rule.destination),
      fieldCell('port', rule.port),
      h('td', {}, t(`nsg.reason.${rule.reason}`)),
    ),
  );
  const columns = ['place', 'source', 'destination', 'port', 'reason'].map((c) => t(`table.nsg.${c}`));
  return dataTable(t('table.nsg.caption'), columns, body, 'atp-nsg');
}

/**
 * What the inbound table cannot show: the gateway subnet's outbound Internet must stay open, and
 * a network-isolated gateway has no GatewayManager rule to add.
 */
export function nsgNotes(t: Translate): ElementNode {
  return h(
    'ul',
    { class: 'atp-table-note', 'data-note': 'nsg' },
    h('li', { 'data-note': 'agw-outbound' }, t('nsg.note.agw-outbound')),
    h('li', { 'data-note': 'agw-isolated' }, t('nsg.note.agw-isolated')),
  );
}

/** One probe round of each service: a group per service, every probe as a message. */
function probeSteps(s: HealthProbeScenario, rows: readonly ProbeRow[], t: Translate): Step[] {
  const steps: Step[] = [];
  for (const service of SERVICES) {
    const mine = rows.filter((row) => row.service === service);
    if (mine.length === 0) continue;
    const messages: Step[] = mine
      .filter((row) => service !== 'application-gateway' || drawnInstance(s, row.src) !== undefined)
      .map((row) => ({ kind: 'message', from: senderKey(s, row), to: `target:${row.target}`, text: [row.src, `→ ${row.dst}`] }));
    if (service === 'application-gateway' && s.instances > DRAWN_INSTANCES) {
      messages.push({ kind: 'note', over: [`agw:${DRAWN_INSTANCES}`], text: t('diagram.probes.more-instances', { n: s.instances - DRAWN_INSTANCES }) });
    }
    steps.push({ kind: 'group', label: t('diagram.probes.group', { service: t(`service.${service}`), interval: mine[0]!.interval }), steps: messages });
  }
  return steps;
}

function drawnInstance(s: HealthProbeScenario, address: string): number | undefined {
  for (let i = 1; i <= Math.min(s.instances, DRAWN_INSTANCES); i++) if (instanceIp(s.subnet, i).text === address) return i;
  return undefined;
}

function senderKey(s: HealthProbeScenario, row: ProbeRow): string {
  if (row.service === 'load-balancer') return 'lb';
  if (row.service === 'traffic-manager') return 'tm';
  if (row.service === 'front-door') return 'fd';
  return `agw:${drawnInstance(s, row.src)}`;
}

export function healthProbesView(s: HealthProbeScenario, t: Translate): ExplorerView {
  const rows = probeRows(s);
  const drawn = appGatewayProbes(s) ? Math.min(s.instances, DRAWN_INSTANCES) : 0;
  // A target appears once, beside the first service that probes it.
  const placed = new Set<string>();
  const targetsOf = (service: ProbeRow['service']) =>
    rows.filter((row) => row.service === service && !placed.has(row.target) && placed.add(row.target)).map((row) => row.target);
  const target = (address: string) => ({
    key: `target:${address}`,
    label: [t(address === s.origin.text ? 'actor.origin' : s.endpoints.some((e) => e.ip.text === address) ? 'actor.endpoint' : 'actor.backend'), address],
  });
  const outputs = [probeTable(rows, t), rateTable(probeRates(s), t), nsgTable(nsgRules(s), t), nsgNotes(t)];
  if (!appGatewayProbes(s)) outputs.splice(1, 0, h('p', { class: 'atp-callout', 'data-note': 'agw-ipv6' }, t('probe.agw-ipv6')));
  return {
    outputs,
    diagram: {
      title: t('diagram.probes.title'),
      description: t(appGatewayProbes(s) ? 'diagram.probes.desc' : 'diagram.probes.desc-no-agw', { rows: rows.length }),
      // Each sender stands next to what it probes (LB, its backends, then the AppGW instances that
      // probe the same backends; TM beside its endpoints; Front Door beside its origin), so the
      // first screenful of a wide drawing already shows whole probes.
      participants: [
        { key: 'lb', label: [t('probe.sender.lb'), rows.find((row) => row.service === 'load-balancer')!.src] },
        ...targetsOf('load-balancer').map(target),
        ...Array.from({ length: drawn }, (_, i) => ({ key: `agw:${i + 1}`, label: [t('probe.sender.instance', { n: i + 1 }), instanceIp(s.subnet, i + 1).text] })),
        { key: 'tm', label: [t('probe.sender.tm'), 'AzureTrafficManager'] },
        ...targetsOf('traffic-manager').map(target),
        { key: 'fd', label: [t('probe.sender.fd'), 'AzureFrontDoor.Backend'] },
        ...targetsOf('front-door').map(target),
      ],
      steps: probeSteps(s, rows, t),
    },
  };
}
