import type { Translate } from '../i18n.ts';
import type { Step } from '../diagram/sequence.ts';
import {
  failoverFigures,
  firstFailedProbe,
  type FailoverFigures,
  type FailoverScenario,
  failoverParams,
  readFailoverScenario,
} from '../model/services/traffic-manager-failover.ts';
import {
  eventTime,
  FALLBACK_ENDPOINT,
  failoverTimeline,
  inVainAfter,
  type TimelineEvent,
} from '../model/services/traffic-manager-timeline.ts';
import { type ExplorerView, explorer, type Explorers, type Verdict } from './explorer.ts';
import { dataTable, fieldCell, lines } from './table.ts';
import { MONITOR_API } from './traffic-manager.ts';
import { h, type ElementNode, type TreeNode } from './tree.ts';
import { verdict } from './verdict.ts';

/** The four figures, in SPEC §4's names, with the property of `FailoverFigures` each shows. */
export const FIGURES = [
  ['degraded-at', 'degradedAt'],
  ['switch-at', 'switchAt'],
  ['outage', 'outage'],
  ['worst-case', 'worstCase'],
] as const satisfies readonly (readonly [string, keyof FailoverFigures])[];

/** A number of seconds as a `[data-field]` cell: raw digits in data-value, localised text inside. */
export function secondsCell(field: string, seconds: number, t: Translate, tag = 'td'): ElementNode {
  return fieldCell(field, String(seconds), t('unit.seconds', { s: seconds }), tag);
}

export function failoverView(s: FailoverScenario, t: Translate): ExplorerView {
  const figures = failoverFigures(s);
  return {
    verdict: failoverVerdict(s, figures, t),
    outputs: [figureTable(s, figures, t), ruleOfThumb(figures, t)],
    diagram: {
      title: t('diagram.failover.title'),
      description: t('diagram.failover.desc', { fail: s.fail, degraded: figures.degradedAt, switch: figures.switchAt }),
      participants: [
        { key: 'client', label: [t('actor.client')] },
        { key: 'tm', label: [t('actor.tm'), 'DNS'] },
        { key: 'ep1', label: [t('actor.endpoint.n', { n: 1 })] },
        { key: `ep${FALLBACK_ENDPOINT}`, label: [t('actor.endpoint.n', { n: FALLBACK_ENDPOINT })] },
      ],
      steps: timelineSteps(s, figures, t),
    },
  };
}

/**
 * How long clients are cut off: the outage, when Traffic Manager notices, and the wait the DNS
 * cache adds after that (none when the client's lookup comes only after the endpoint is Degraded).
 */
function failoverVerdict(s: FailoverScenario, f: FailoverFigures, t: Translate): Verdict {
  // Every time is a moment on the model's clock (t=…, as in the timeline); only the outage is a duration (issue 32, N).
  const answer = t('verdict.failover', { fail: s.fail, outage: f.outage, switch: f.switchAt, degraded: f.degradedAt });
  const wait = s.resolved < f.degradedAt ? f.switchAt - f.degradedAt : 0;
  return verdict(
    'warning',
    wait > 0 ? `${answer}${t('verdict.failover.cache', { wait, degraded: f.degradedAt, switch: f.switchAt })}` : answer,
  );
}

function figureTable(s: FailoverScenario, f: FailoverFigures, t: Translate): ElementNode {
  const rows = FIGURES.map(([field, key]) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, t(`figure.${field}`)),
      secondsCell(field, f[key], t),
      h('td', { class: 'atp-note' }, how(field, s, f, t)),
    ),
  );
  const columns = (['figure', 'value', 'how'] as const).map((c) => t(`table.failover.${c}`));
  return dataTable(t('table.failover.caption'), columns, rows, 'atp-failover');
}

/** The arithmetic behind each figure, with this scenario's numbers, so a reader can check it. */
function how(field: (typeof FIGURES)[number][0], s: FailoverScenario, f: FailoverFigures, t: Translate): string {
  const args = {
    first: firstFailedProbe(s, s.fail),
    tolerated: s.tolerated,
    interval: s.interval,
    timeout: s.timeout,
    ttl: s.ttl,
    resolved: s.resolved,
    fail: s.fail,
    degraded: f.degradedAt,
    switch: f.switchAt,
  };
  if (field !== 'switch-at') return t(`how.${field}`, args);
  if (s.resolved >= f.degradedAt) return t('how.switch-at.late', args);
  return t(s.ttl === 0 ? 'how.switch-at.ttl0' : 'how.switch-at', args);
}

/** One sentence setting the model beside the usual estimate; the estimate's number is a field of its own. */
function ruleOfThumb(f: FailoverFigures, t: Translate): ElementNode {
  const text = t('failover.rule', { outage: t('unit.seconds', { s: f.outage }), worst: t('unit.seconds', { s: f.worstCase }) });
  return h('p', { class: 'atp-compare' }, fillSlot(text, 'rule', secondsCell('rule-of-thumb', f.ruleOfThumb, t, 'strong')));
}

/** Splits a translated sentence at `{slot}` and puts an element there (the text stays text). */
function fillSlot(text: string, slot: string, node: ElementNode): TreeNode[] {
  const [before, after = ''] = text.split(`{${slot}}`);
  return [before ?? '', node, after];
}

/** The timeline as diagram steps; everything from the failure to the switch sits in one shaded group. */
function timelineSteps(s: FailoverScenario, f: FailoverFigures, t: Translate): Step[] {
  const before: Step[] = [];
  const during: Step[] = [];
  const events = failoverTimeline(s);
  const inVain = inVainAfter(s, events);
  for (const event of events) {
    if (event.kind === 'switch') break;
    const steps = eventSteps(event, s, t);
    if (eventTime(event) < s.fail) before.push(...steps);
    else during.push(...steps);
    if (event === inVain) during.push({ kind: 'message', from: 'client', to: 'ep1', text: t('timeline.stuck') });
  }
  const window = t('timeline.window', { fail: s.fail, switch: f.switchAt, outage: f.outage });
  return [
    ...before,
    { kind: 'group', label: window, steps: during },
    { kind: 'message', from: 'client', to: 'tm', text: t('timeline.switch', { t: f.switchAt }) },
    { kind: 'message', from: 'tm', to: 'client', text: t('timeline.answer', { n: FALLBACK_ENDPOINT }), reply: true },
    { kind: 'message', from: 'client', to: `ep${FALLBACK_ENDPOINT}`, text: t('timeline.connect', { t: f.switchAt }) },
  ];
}

function eventSteps(event: TimelineEvent, s: FailoverScenario, t: Translate): Step[] {
  switch (event.kind) {
    case 'lookup':
      return [
        { kind: 'message', from: 'client', to: 'tm', text: t('timeline.lookup', { t: event.t }) },
        {
          kind: 'message',
          from: 'tm',
          to: 'client',
          text: t(s.ttl === 0 ? 'timeline.answer.nocache' : 'timeline.answer.cached', { n: 1, ttl: s.ttl }),
          reply: true,
        },
      ];
    case 'lookups':
      return [{ kind: 'note', over: ['client', 'tm'], text: t('timeline.lookups', { ...event }) }];
    case 'fail':
      return [{ kind: 'note', over: ['ep1'], text: t('timeline.fail', { t: event.t }) }];
    case 'probe':
      return [{ kind: 'message', from: 'tm', to: 'ep1', text: lines(t('timeline.probe', { ...event })) }];
    case 'degraded':
      return [{ kind: 'note', over: ['tm'], text: t('timeline.degraded', { t: event.t }) }];
    case 'switch':
      return [];
  }
}

/** The DNS-cache failover explorer (Traffic Manager's timeline). */
export const explorers: Explorers = {
  failover: explorer(failoverParams, readFailoverScenario, failoverView, { api: MONITOR_API }),
};
