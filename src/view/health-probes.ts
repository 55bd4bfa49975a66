import { type Translate, uiKey } from '../i18n.ts';
import type { Step } from '../diagram/sequence.ts';
import {
  probeRates,
  probeRows,
  probing,
  type HealthProbeScenario,
  type ProbeRate,
  type ProbeRow,
  healthProbeParams,
  readHealthProbeScenario,
} from '../model/cross-service/health-probes.ts';
import { nsgRules, type NsgRule } from '../model/cross-service/nsg.ts';
import { servicesWith } from '../model/services.ts';
import { type ExplorerView, explorer, type Explorers } from './explorer.ts';
import { dataTable, fieldCell, listText, socketText } from './table.ts';
import { h, type ElementNode } from './tree.ts';
import { verdict } from './verdict.ts';
import { MONITOR_API } from './traffic-manager.ts';
import type { Verdict } from './explorer.ts';

/** Senders drawn per service in the diagram (the gateway's instances); the rest are summarised in a note. */
const DRAWN_SENDERS = 3;

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
        t(uiKey(`service.${row.service}`)),
        h(
          'span',
          { class: 'atp-note', 'data-field': 'healthy', 'data-value': row.healthy },
          row.healthy === 'tcp' ? t('probe.healthy.tcp') : t('probe.healthy.cell', { codes: row.healthy }),
        ),
        row.fails === undefined ? [] : h('span', { class: 'atp-note', 'data-field': 'fails', 'data-value': 'yes' }, t(uiKey(row.fails))),
      ),
      fieldCell('src', row.src),
      fieldCell('dst', socketText(row.dst)),
      fieldCell('interval', String(row.interval), t('unit.seconds', { s: row.interval })),
    ),
  );
  const columns = (['service', 'src', 'dst', 'interval'] as const).map((c) => t(`table.probes.${c}`));
  const table = dataTable(t('table.probes.caption'), columns, body, 'atp-probes');
  const notes = [...probing().flatMap((service) => service.probe.notes), 'probe.healthy.note'];
  return h(
    'div',
    {},
    table,
    notes.map((key) => h('p', { class: 'atp-table-note' }, t(uiKey(key)))),
  );
}

function rateText(rate: ProbeRate, t: Translate): string {
  const args = { senders: rate.senders, interval: rate.interval, rate: formatRate(rate.perMinute) };
  return t(uiKey(`rate.${rate.service}`), args);
}

function rateTable(rates: readonly ProbeRate[], t: Translate): ElementNode {
  const body = rates.map((rate) =>
    h(
      'tr',
      { 'data-rate': rate.target, 'data-service': rate.service },
      h('th', { scope: 'row' }, t(uiKey(`service.${rate.service}`))),
      fieldCell('target', rate.target),
      fieldCell('per-minute', formatRate(rate.perMinute), rateText(rate, t)),
    ),
  );
  const columns = (['service', 'target', 'per-minute'] as const).map((c) => t(`table.rates.${c}`));
  return dataTable(t('table.rates.caption'), columns, body, 'atp-rates');
}

export function nsgTable(rules: readonly NsgRule[], t: Translate): ElementNode {
  const body = rules.map((rule, index) =>
    h(
      'tr',
      { 'data-nsg-rule': String(index + 1), 'data-place': rule.place },
      h('th', { scope: 'row' }, t(uiKey(`nsg.place.${rule.place}`))),
      fieldCell('source', rule.source),
      fieldCell('destination', rule.destination),
      fieldCell('port', rule.port),
      h('td', {}, t(uiKey(`nsg.reason.${rule.reason}`))),
    ),
  );
  const columns = (['place', 'source', 'destination', 'port', 'reason'] as const).map((c) => t(`table.nsg.${c}`));
  return dataTable(t('table.nsg.caption'), columns, body, 'atp-nsg');
}

/**
 * What the inbound table cannot show: the gateway subnet's outbound Internet must stay open, and
 * a network-isolated gateway has no GatewayManager rule to add.
 */
export function nsgNotes(t: Translate): ElementNode {
  const keys = servicesWith('nsg').flatMap((service) => service.nsg.notes);
  return h(
    'ul',
    { class: 'atp-table-note', 'data-note': 'nsg' },
    keys.map((key) => h('li', { 'data-note': key.replace(/^nsg\.note\./, '') }, t(uiKey(key)))),
  );
}

/** Senders drawn per service; the rest probe the same way and are summarised in a note. */
function sendersOf(rows: readonly ProbeRow[]): string[] {
  return [...new Set(rows.map((row) => row.src))];
}

/** The note for senders beyond the drawn ones: a service with several senders declares it. */
function moreSendersKey(service: ReturnType<typeof probing>[number]): string {
  if (service.probe.moreSenders === undefined)
    throw new Error(`${service.id} has more probe senders than are drawn but declares no probe.moreSenders`);
  return service.probe.moreSenders;
}

const senderKey = (service: string, index: number) => `${service}:${index + 1}`;

/** A service's sender label: its one sender, or its numbered senders (the gateway's instances). */
function senderLabel(service: string, senders: readonly string[], index: number, t: Translate): string[] {
  return [t(uiKey(`probe.sender.${service}`), { n: index + 1 }), senders[index]!];
}

type Participant = { key: string; label: string[] };

/** One service's probe round: its drawn senders, its targets, and a group of one message per probe. */
interface ProbeRound {
  readonly senders: readonly Participant[];
  readonly targets: readonly Participant[];
  readonly group: Step;
  /** The group's label: the service and its probe interval. */
  readonly label: string;
}

function probeRounds(rows: readonly ProbeRow[], t: Translate): ProbeRound[] {
  return probing().flatMap((service) => {
    const mine = rows.filter((row) => row.service === service.id);
    if (mine.length === 0) return [];
    const senders = sendersOf(mine);
    const drawn = senders.slice(0, DRAWN_SENDERS);
    const targets = [...new Set(mine.map((row) => row.target))].map((target) => ({
      key: `target:${target}`,
      label: [t(uiKey(`actor.${service.probe.target}`)), target],
    }));
    const messages: Step[] = mine
      .filter((row) => drawn.includes(row.src))
      .map((row) => ({
        kind: 'message',
        from: senderKey(service.id, drawn.indexOf(row.src)),
        to: `target:${row.target}`,
        text: [row.src, `→ ${socketText(row.dst)}`],
      }));
    if (senders.length > drawn.length) {
      messages.push({
        kind: 'note',
        over: [senderKey(service.id, drawn.length - 1)],
        text: t(uiKey(moreSendersKey(service)), { n: senders.length - drawn.length }),
      });
    }
    const label = t('diagram.probes.group', { service: t(uiKey(`service.${service.id}`)), interval: mine[0]!.interval });
    const group: Step = { kind: 'group', label, steps: messages };
    const drawnSenders = drawn.map((_, i) => ({ key: senderKey(service.id, i), label: senderLabel(service.id, senders, i, t) }));
    return [{ senders: drawnSenders, targets, group, label }];
  });
}

/**
 * One probe round of each service in one drawing. Each sender stands next to what it probes (the
 * registry's order: LB and its backends, the gateway's instances that probe the same backends, TM
 * beside its endpoints, Front Door beside its origin), so the first screenful of a wide drawing
 * already shows whole probes; a target appears once, beside the first service that probes it.
 */
function probeDiagram(rounds: readonly ProbeRound[]): Pick<ExplorerView['diagram'], 'participants' | 'steps'> {
  const placed = new Set<string>();
  const participants = rounds.flatMap((round) => [
    ...round.senders,
    ...round.targets.filter((target) => !placed.has(target.key) && placed.add(target.key)),
  ]);
  return { participants, steps: rounds.map((round) => round.group) };
}

/**
 * Where the probes come from, per service, from the probe rows: the sources a backend must let in
 * or be marked down. Several senders (the gateway's instances) are shown as first–last.
 */
function probeVerdict(rows: readonly ProbeRow[], t: Translate): Verdict {
  const values: string[] = [];
  // One entry per source, naming every service that probes from it (a Load Balancer, and the one in front of an AKS Service).
  const sources: { from: string; services: string[] }[] = [];
  for (const service of probing()) {
    const senders = sendersOf(rows.filter((row) => row.service === service.id));
    if (senders.length === 0) continue;
    const from = senders.length === 1 ? senders[0]! : `${senders[0]!}–${senders.at(-1)!}`;
    const name = t(uiKey(`service.${service.id}`));
    const same = sources.find((source) => source.from === from);
    if (same) same.services.push(name);
    else {
      sources.push({ from, services: [name] });
      values.push(...(senders.length === 1 ? [from] : [senders[0]!, senders.at(-1)!]));
    }
  }
  const parts = sources.map(({ from, services }) => t('verdict.health-probes.source', { service: listText(services, t), from }));
  return verdict('ok', t('verdict.health-probes', { sources: listText(parts, t) }), values);
}

export function healthProbesView(s: HealthProbeScenario, t: Translate): ExplorerView {
  const rows = probeRows(s);
  const rounds = probeRounds(rows, t);
  const silent = probing().filter((service) => service.probe.whenNone !== undefined && !rows.some((row) => row.service === service.id));
  const senders = probing().filter((service) => rows.some((row) => row.service === service.id));
  const outputs = [
    probeTable(rows, t),
    ...silent.map((service) =>
      h('p', { class: 'atp-callout', 'data-note': service.probe.whenNone!.replace(/^probe\./, '') }, t(uiKey(service.probe.whenNone!))),
    ),
    rateTable(probeRates(s), t),
    nsgTable(nsgRules(s), t),
    nsgNotes(t),
  ];
  return {
    verdict: probeVerdict(rows, t),
    outputs,
    diagram: {
      title: t('diagram.probes.title'),
      description: t('diagram.probes.desc', {
        rows: rows.length,
        services: listText(
          senders.map((service) => t(uiKey(`service.${service.id}`))),
          t,
        ),
      }),
      ...probeDiagram(rounds),
    },
    // The whole round is wider than a printed page; on paper each service's round is a drawing of its own.
    printParts: rounds.map((round) => ({
      title: `${t('diagram.probes.title')}: ${round.label}`,
      description: round.label,
      participants: [...round.senders, ...round.targets],
      steps: [round.group],
    })),
  };
}

/** The health-probe explorer: every probing service's fields on one form. */
export const explorers: Explorers = {
  'health-probes': explorer(healthProbeParams, readHealthProbeScenario, healthProbesView, {
    labels: { port: 'field.probe-port', interval: 'field.tm-interval', origin: 'field.fd-origin' },
    api: { interval: MONITOR_API.interval },
  }),
};
