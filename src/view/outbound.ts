import { uiKey, type Translate } from '../i18n.ts';
import {
  allowlist,
  defaultPorts,
  fixes,
  FW_MAX_IPS,
  isShared,
  maxPool,
  natGatewayInventory,
  NATGW_MAX_IPS,
  outboundPackets,
  outboundParams,
  portLoad,
  precedence,
  PRECEDENCE,
  readOutboundScenario,
  winner,
  type Fix,
  type OutboundScenario,
  type PortLoad,
} from '../model/services/outbound.ts';
import { inTravelOrder } from '../model/shared/hop.ts';
import { type ExplorerView, explorer, type Explorers, type Verdict } from './explorer.ts';
import { actorName, hopTable, packetMessages } from './hops.ts';
import { chipList, dataTable, fieldCell, figureTable, socketText } from './table.ts';
import { h, type ElementNode } from './tree.ts';
import { verdict } from './verdict.ts';

/** Counts as readers write them: `64,512`, `51.2` (the same digits in both languages). */
export const formatCount = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

const methodName = (method: string, t: Translate) => t(uiKey(`outbound.method.${method}`));

/** How the available ports were worked out, in words, for the scenario's winner. */
function portsText(s: OutboundScenario, load: PortLoad, t: Translate): string {
  const method = winner(s.egress);
  const ips = s.pips.length;
  const n = (value: number) => formatCount(value);
  if (method === 'lb' && s.ports === null) {
    return t('outbound.ports.lb-default', { ports: n(load.available!), pool: s.pool, row: n(defaultPorts(s.pool)), ips });
  }
  if (method === 'lb') return t('outbound.ports.lb-explicit', { ports: n(load.available!) });
  if (method === 'natgw') return t('outbound.ports.natgw', { ports: n(load.available!), ips, inventory: n(natGatewayInventory(ips)) });
  if (method === 'fw') return t('outbound.ports.fw', { ports: n(load.available!), ips, instances: s.fwinst });
  if (method === 'appservice') return t('outbound.ports.appservice', { ports: n(load.available!) });
  return t(uiKey(`outbound.ports.${method}`));
}

/** The hold time in words: the connection's life plus what keeps the port after it. */
function neededText(s: OutboundScenario, load: PortLoad, t: Translate): string {
  const method = winner(s.egress);
  const udp = method === 'natgw' ? 'udp-natgw' : 'udp';
  const after = s.proto === 'udp' ? udp : s.close === 'idle' ? 'idle' : `${s.close}-${method === 'natgw' ? 'natgw' : 'lb'}`;
  const values = {
    needed: formatCount(load.needed),
    pool: formatCount(load.sharers),
    rate: formatCount(s.rate),
    life: formatCount(s.life),
    after: t(uiKey(`outbound.hold.${after}`), { s: formatCount(load.hold - s.life) }),
  };
  return t(isShared(method) ? 'outbound.needed.shared' : 'outbound.needed.value', values);
}

/** What the VM gets and whether the load fits: one row a figure (SPEC §10 data fields). */
function summaryTable(s: OutboundScenario, t: Translate): ElementNode {
  const method = winner(s.egress);
  const load = portLoad(s);
  const row = (key: string, cell: ElementNode) => [t(uiKey(`outbound.summary.${key}`)), cell] as const;
  const rows = [
    row('wins', fieldCell('wins', method, methodName(method, t))),
    [
      t(uiKey(`outbound.summary.ports.${load.scope}`)),
      fieldCell('ports-per-vm', load.available === null ? '' : String(load.available), portsText(s, load, t)),
    ] as const,
    ...(method === 'lb' && s.ports !== null
      ? [
          row(
            'max-pool',
            fieldCell(
              'max-pool',
              String(maxPool(s.pips.length, s.ports)),
              t('outbound.max-pool.value', {
                max: formatCount(maxPool(s.pips.length, s.ports)),
                ips: s.pips.length,
                ports: formatCount(s.ports),
              }),
            ),
          ),
        ]
      : []),
    row('needed', fieldCell('needed', String(load.needed), neededText(s, load, t))),
    row(
      'exhausted',
      fieldCell(
        'exhausted',
        load.exhausted,
        t(uiKey(`outbound.exhausted.${method === 'ilpip' ? 'ilpip' : load.exhausted === 'yes' ? `yes-${load.scope}` : load.exhausted}`), {
          pool: formatCount(load.sharers),
        }),
      ),
    ),
    row(
      'exhaust-after',
      fieldCell(
        'exhaust-after',
        load.exhaustAfter === null ? 'never' : String(load.exhaustAfter),
        load.exhaustAfter === null
          ? t('outbound.exhaust-after.never')
          : t(isShared(method) ? 'outbound.exhaust-after.shared' : 'outbound.exhaust-after.value', {
              s: formatCount(load.exhaustAfter),
              ports: formatCount(load.available!),
              pool: formatCount(load.sharers),
              rate: formatCount(s.rate),
            }),
      ),
    ),
    row(
      'allowlist',
      fieldCell(
        'allowlist',
        allowlist(s)
          .map((ip) => ip.text)
          .join(','),
        h(
          'span',
          { class: 'atp-list' },
          chipList(
            allowlist(s)
              .map((ip) => ip.text)
              .join(', '),
          ),
        ),
      ),
    ),
  ];
  const caption = t('outbound.summary.caption', { dest: socketText(s.dest) });
  return figureTable(caption, rows);
}

/** Every configured method in Microsoft's order: the one used, and why each other one is not. */
function precedenceTable(s: OutboundScenario, t: Translate): ElementNode {
  const wins = winner(s.egress);
  const rows = precedence(s).map(({ method, used }) =>
    h(
      'tr',
      { 'data-egress': method },
      h('th', { scope: 'row' }, methodName(method, t)),
      fieldCell('used', used ? 'yes' : 'no', t(used ? 'outbound.used.yes' : 'outbound.used.no')),
      h('td', {}, t(uiKey(used ? `outbound.why.${method}` : `outbound.ignored.${method}`), { winner: methodName(wins, t) })),
    ),
  );
  const columns = (['method', 'used', 'why'] as const).map((column) => t(`table.outbound-precedence.${column}`));
  return dataTable(t('table.outbound-precedence.caption'), columns, rows, 'atp-outbound-precedence');
}

/**
 * A fix's name for this scenario: NAT Gateway says how many public IPs the load needs and whether one
 * NAT Gateway takes them. What is already configured is named as it stands, never as something to
 * do (issue 32: "Give the NAT Gateway 1 public IPs" read as advice for the method in use), and one
 * IP is "1 public IP" (`.one`).
 */
function fixName(s: OutboundScenario, fix: Fix, t: Translate): string {
  const values = { pool: formatCount(fix.pool ?? s.pool), ips: formatCount(fix.ips ?? 0), max: NATGW_MAX_IPS };
  const one = (key: 'natgw' | 'natgw-fw' | 'natgw-ips' | 'fw-ips', ips: number) => uiKey(`outbound.fix.${key}${ips === 1 ? '.one' : ''}`);
  if (fix.status === 'in-use' && (fix.fix === 'natgw-ips' || fix.fix === 'fw-ips' || fix.fix === 'allocate')) {
    const configured = s.pips.length;
    const key = fix.fix === 'allocate' ? 'outbound.fix.allocate.in-use' : `outbound.fix.${fix.fix}.in-use${configured === 1 ? '.one' : ''}`;
    return t(uiKey(key), { ...values, ips: formatCount(configured) });
  }
  if (fix.fix === 'natgw') {
    const where = winner(s.egress) === 'fw' ? 'natgw-fw' : 'natgw';
    return (fix.ips ?? 0) > NATGW_MAX_IPS ? t(uiKey(`outbound.fix.${where}-over`), values) : t(one(where, fix.ips ?? 0), values);
  }
  if (fix.fix === 'natgw-ips')
    return t((fix.ips ?? 0) > NATGW_MAX_IPS ? 'outbound.fix.natgw-ips-over' : one('natgw-ips', fix.ips ?? 0), values);
  if (fix.fix === 'fw-ips') {
    return t((fix.ips ?? 0) > FW_MAX_IPS ? 'outbound.fix.fw-ips-over' : one('fw-ips', fix.ips ?? 0), { ...values, max: FW_MAX_IPS });
  }
  return t(uiKey(`outbound.fix.${fix.fix}`), values);
}

/** A fix's result: what is in use says so, and, when nothing is exhausted, that nothing needs adding (not "Already in use" alone). */
function fixResult(fix: Fix, exhausted: boolean, t: Translate): string {
  if (fix.status === 'in-use' && !exhausted) return t('outbound.fix.result.in-use-fits');
  return t(uiKey(`outbound.fix.result.${fix.status}`));
}

/** The fixes in Microsoft's order, each with this scenario's figures where the explorer can count them. */
function fixTable(s: OutboundScenario, t: Translate): ElementNode {
  const cell = (field: string, value: number | null | undefined) =>
    value === null || value === undefined ? h('td', {}, '—') : fieldCell(field, String(value), formatCount(value));
  const exhausted = portLoad(s).exhausted !== 'no';
  const rows = fixes(s).map((fix, index) =>
    h(
      'tr',
      { 'data-fix': fix.fix },
      h('th', { scope: 'row' }, `${index + 1}. ${fixName(s, fix, t)}`),
      cell('fix-ports', fix.ports),
      cell('fix-needed', fix.needed),
      fieldCell('fix-result', fix.status, fixResult(fix, exhausted, t)),
    ),
  );
  const columns = (['fix', 'ports', 'needed', 'result'] as const).map((column) => t(`table.outbound-fixes.${column}`));
  return dataTable(t('table.outbound-fixes.caption'), columns, rows, 'atp-outbound-fixes');
}

/** The page's answer in one sentence (SPEC §4): does this load run out of SNAT ports toward the destination, and when. */
export function outboundVerdict(s: OutboundScenario, t: Translate): Verdict {
  const method = winner(s.egress);
  const load = portLoad(s);
  const values = {
    method: methodName(method, t),
    dest: socketText(s.dest),
    needed: formatCount(load.needed),
    ports: load.available === null ? '' : formatCount(load.available),
    s: load.exhaustAfter === null ? '' : formatCount(load.exhaustAfter),
    scope: t(uiKey(`outbound.scope.${load.scope}`)),
  };
  if (method === 'ilpip') return verdict('ok', t('outbound.verdict.ilpip', values), [values.dest]);
  if (load.exhausted === 'unknown') return verdict('warning', t('outbound.verdict.unknown', values), [values.dest]);
  if (load.exhausted === 'yes') return verdict('fails', t('outbound.verdict.fails', values), [values.dest]);
  return verdict('ok', t('outbound.verdict.ok', values), [values.dest]);
}

export function outboundView(s: OutboundScenario, t: Translate): ExplorerView {
  const method = winner(s.egress);
  const packets = outboundPackets(s);
  const m = packetMessages(packets);
  const device = packets.requestIn.to;
  const load = portLoad(s);
  const translation = `${socketText(packets.requestIn.src)} → ${socketText(packets.requestOut.src)}`;
  return {
    verdict: outboundVerdict(s, t),
    outputs: [summaryTable(s, t), precedenceTable(s, t), hopTable(inTravelOrder(packets), t), fixTable(s, t)],
    diagram: {
      title: t('diagram.outbound.title', { method: methodName(method, t) }),
      description: t('diagram.outbound.desc', { vm: s.vm.text, method: methodName(method, t), dest: socketText(s.dest) }),
      participants: [
        { key: packets.requestIn.from, label: [actorName(packets.requestIn.from, t), s.vm.text] },
        { key: device, label: [actorName(device, t), s.pips[0]!.text] },
        { key: 'destination', label: [actorName('destination', t), s.dest.ip.text] },
      ],
      steps: [
        m.requestIn,
        {
          kind: 'note',
          over: [device],
          text: t(method === 'ilpip' ? 'diagram.outbound.note.one-to-one' : 'diagram.outbound.note.snat', { translation }),
        },
        m.requestOut,
        m.replyIn,
        m.replyOut,
        {
          kind: 'note',
          over: [packets.requestIn.from, 'destination'],
          text:
            load.exhausted === 'yes'
              ? t('diagram.outbound.note.exhausted', {
                  needed: formatCount(load.needed),
                  ports: formatCount(load.available!),
                  s: formatCount(load.exhaustAfter!),
                })
              : t(uiKey(`diagram.outbound.note.${load.exhausted === 'no' ? (method === 'ilpip' ? 'ilpip' : 'fits') : 'unknown'}`), {
                  needed: formatCount(load.needed),
                  ports: load.available === null ? '' : formatCount(load.available),
                }),
        },
      ],
    },
  };
}

/**
 * The fields this scenario reads (issue 32: a form shows only what applies): the explicit
 * allocation with a Load Balancer outbound rule, the instance count with Azure Firewall, the SNAT
 * port wherever SNAT happens, the close with TCP, and the idle timeout where a flow ends by it
 * (UDP, except on NAT Gateway, whose UDP timeout is fixed; TCP closed by idling). Every other
 * field, including any added later, is shown.
 */
export function outboundFieldsInUse(s: OutboundScenario): ReadonlySet<string> {
  const method = winner(s.egress);
  const idleRead = s.proto === 'udp' ? method !== 'natgw' : s.close === 'idle';
  const unused = new Set<string>([
    ...(method === 'lb' ? [] : ['ports']),
    ...(method === 'fw' ? [] : ['fwinst']),
    ...(method === 'ilpip' ? ['sport'] : []),
    ...(s.proto === 'udp' ? ['close'] : []),
    ...(idleRead ? [] : ['idle']),
  ]);
  return new Set(Object.keys(outboundParams).filter((name) => !unused.has(name)));
}

/** The outbound explorer (`data-explorer="outbound"`). */
export const explorers: Explorers = {
  outbound: explorer(outboundParams, readOutboundScenario, outboundView, {
    fieldsInUse: outboundFieldsInUse,
    // Learn: javascript/api/@azure/arm-network/outboundrule (OutboundRule properties), 2026-12-07
    api: { ports: 'allocatedOutboundPorts', idle: 'idleTimeoutInMinutes' },
    // The methods as checkboxes, in Microsoft's precedence, named as the tables name them.
    choices: { egress: { options: PRECEDENCE, label: 'outbound.method' } },
  }),
};
