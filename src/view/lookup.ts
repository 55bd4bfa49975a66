import { stringKeys, uiKey, type Translate } from '../i18n.ts';
import type { SequenceDiagram, Step } from '../diagram/sequence.ts';
import { ipPort } from '../model/shared/ip.ts';
import type { ParamSpecs } from '../model/shared/params.ts';
import {
  fieldsFor,
  lookup,
  lookupParams,
  LOOKUP_OWN,
  readLookupScenario,
  type Design,
  type LookupResult,
  type LookupScenario,
  type Match,
  type Seen,
} from '../model/cross-service/lookup.ts';
import { pathParams, stageByKey, stageNameKey, type PathScenario } from '../model/cross-service/paths.ts';
import { outboundParams, type Egress, type OutboundScenario } from '../model/services/outbound.ts';
import { healthProbeParams, probing } from '../model/cross-service/health-probes.ts';
import { type ExplorerView, explorer, type Explorers, type Verdict } from './explorer.ts';
import { pathView } from './paths.ts';
import { outboundView } from './outbound.ts';
import { healthProbesView } from './health-probes.ts';
import { chip, chipChars, dataTable, fieldCell, figureTable, listText } from './table.ts';
import { h, type ElementNode, type TreeNode } from './tree.ts';
import { verdict } from './verdict.ts';

/** Keys the dictionaries have: a role a new stage declares without words of its own is named by its stage. */
const KNOWN = new Set(stringKeys('ja'));
const has = (key: string) => KNOWN.has(key);

const stageName = (key: string, t: Translate) => t(uiKey(stageNameKey(stageByKey(key))));

/** A design as a reader names it: the chain's services in order, the outbound method, the service's probes. */
export function designName(design: Design, t: Translate): string {
  if (design.kind === 'path') return design.chain.map((key) => stageName(key, t)).join(' → ');
  if (design.kind === 'outbound') return t('lookup.design.outbound', { method: t(uiKey(`outbound.method.${design.egress}`)) });
  return t('lookup.design.probe', { service: t(uiKey(`service.${design.service}`)) });
}

/** What the address is in this place, in a few words. */
function roleText(match: Match, t: Translate): string {
  if (has(`lookup.role.${match.role}`)) return t(uiKey(`lookup.role.${match.role}`));
  return t('lookup.role.stage', { stage: stageName(match.role.replace(/^stage:/, '').replace(/-probe$/, ''), t) });
}

/** Sentences one after another: a space between English ones, none after a Japanese full stop. */
export const sentences = (...parts: readonly string[]): string =>
  parts
    .filter((part) => part !== '')
    .reduce((text, part) => (text === '' || text.endsWith('。') ? `${text}${part}` : `${text} ${part}`), '');

/** Why the reader sees it there, and where the client's own address went. */
function whyText(match: Match, t: Translate): string {
  const why = has(`lookup.why.${match.role}`) ? t(uiKey(`lookup.why.${match.role}`)) : t('lookup.why.stage');
  const range = match.byRange && match.range ? t('lookup.by-range', { range: match.range.text, shown: match.ip.text }) : '';
  const went = match.clientWent ? t(uiKey(`lookup.went.${match.clientWent}`)) : '';
  return sentences(why, range, went);
}

/** The page a design is computed on, and the reader's scenario as that page reads it. */
export function designLink(design: Design, s: LookupScenario): string {
  const [page, params, own] =
    design.kind === 'path'
      ? (['paths', pathParams, { chain: design.chain.join(',') }] as const)
      : design.kind === 'outbound'
        ? (['outbound', outboundParams, { egress: design.egress }] as const)
        : (['health-probes', healthProbeParams, {}] as const);
  const query = new URLSearchParams(own);
  for (const [name, value] of Object.entries(s.query)) if (name in params && !(name in own)) query.set(name, value);
  // Relative: right in either language, under any base path, and on the print page.
  return `../${page}/?${query.toString().replace(/%2C/g, ',')}`;
}

const shown = (match: Match) => (match.port === null ? match.ip.text : ipPort(match.ip, match.port));

/**
 * The control that draws a match: a radio per row, one group, so the keyboard reaches the list
 * with one Tab and moves with the arrows. It sets the form's `design` field (src/client/explorer.ts),
 * which the URL keeps; the stylesheet shows it only once the script has taken over, and never in print.
 */
function drawControl(match: Match, drawn: boolean, t: Translate): ElementNode {
  return h('input', {
    type: 'radio',
    class: 'atp-draw',
    name: 'lookup-draw',
    value: match.design.id,
    'data-sets': 'design',
    'aria-label': t('lookup.draw', { design: designName(match.design, t), leg: match.leg }),
    checked: drawn ? '' : undefined,
  });
}

function matchTable(result: LookupResult, s: LookupScenario, t: Translate): ElementNode {
  const rows = result.matches.map((match) =>
    h(
      'tr',
      {
        'data-match': '',
        'data-design': match.design.id,
        'data-leg': String(match.leg),
        'data-role': match.role,
        ...(match.byRange ? { 'data-by-range': '' } : {}),
        ...(match === result.drawn ? { 'data-drawn': '' } : {}),
      },
      h(
        'th',
        { scope: 'row' },
        drawControl(match, match === result.drawn, t),
        h('a', { href: designLink(match.design, s) }, designName(match.design, t)),
      ),
      fieldCell('leg', String(match.leg), String(match.leg)),
      fieldCell('address', shown(match), chip(shown(match))),
      // In a block of its own, which the stylesheet lays out only near the screen (tables.css).
      fieldCell(
        'role',
        match.role,
        h('div', { class: 'atp-match-why' }, h('strong', {}, roleText(match, t)), t('lookup.sentence-gap'), whyText(match, t)),
      ),
    ),
  );
  const columns = (['design', 'leg', 'address', 'role'] as const).map((column) => t(`table.lookup.${column}`));
  // Where it was seen names the table: a page with two lookups (the fixed example) labels two regions apart.
  const caption = t('table.lookup.caption', { seen: t(uiKey(`lookup.seen-short.${s.seen}`)), n: result.matches.length });
  const region = dataTable(caption, columns, rows, 'atp-lookup');
  // The columns have fixed widths (tables.css), so that an edit lays out only the cells it changed:
  // the address column is as wide as the longest chip in it, which never breaks.
  const widest = Math.max(...result.matches.map((match) => chipChars(shown(match))));
  return { ...region, attrs: { ...region.attrs, style: `--atp-chip-chars: ${widest}` } };
}

/** Which match the diagram below draws, in words: it follows the reader's pick. */
function drawnLine(match: Match, t: Translate): ElementNode {
  return h(
    'p',
    { class: 'atp-drawn', 'data-field': 'drawn', 'data-value': match.design.id },
    t('lookup.drawn', { design: designName(match.design, t), leg: match.leg, addr: shown(match) }),
  );
}

/** What Azure's own addresses are for, with the service tag and the page that says so. */
function platformBlock(result: LookupResult, t: Translate): ElementNode | null {
  const platform = result.platform;
  if (!platform) return null;
  const items: TreeNode[] = platform.roles.map((role) => h('li', {}, t(uiKey(`lookup.platform.${role}`))));
  return h(
    'div',
    { class: 'atp-callout', 'data-field': 'platform', 'data-value': platform.ip },
    h('p', {}, t('lookup.platform.intro', { addr: platform.ip })),
    h('ul', {}, items),
    h('p', {}, platform.tag ? [t('lookup.platform.tag'), ' ', chip(platform.tag)] : t('lookup.platform.no-tag')),
    h('p', {}, t('lookup.platform.source'), ' ', h('a', { href: `https://learn.microsoft.com/azure/${platform.source}` }, platform.source)),
  );
}

/** Nothing here explains the address: say so, and what to check next. */
function noMatchBlock(result: LookupResult, s: LookupScenario, t: Translate): ElementNode {
  const command = 'az network list-service-tags --location <region>';
  const fields = fieldsFor(result.search, s.seen).map((name) => `${t(uiKey(`field.${name}`))} (${name})`);
  return h(
    'div',
    { class: 'atp-callout', 'data-field': 'no-match', 'data-value': s.addr.ip.text },
    h('p', {}, t('lookup.none', { addr: s.addr.ip.text, seen: t(uiKey(`field.seen.${s.seen}`)), n: result.search.designs.length })),
    h('p', {}, t('lookup.none.tags')),
    h('pre', { class: 'atp-command' }, h('code', {}, command)),
    h('p', {}, t('lookup.none.fields', { fields: listText(fields, t) })),
  );
}

function summaryTable(result: LookupResult, s: LookupScenario, t: Translate): ElementNode {
  const searched = result.search.designs.length;
  const skipped = result.search.skipped.length;
  return figureTable(t('table.lookup-summary.caption', { seen: t(uiKey(`lookup.seen-short.${s.seen}`)) }), [
    [t('table.lookup-summary.address'), fieldCell('addr', s.addr.port === null ? s.addr.ip.text : ipPort(s.addr.ip, s.addr.port))],
    [t('table.lookup-summary.seen'), fieldCell('seen', s.seen, t(uiKey(`field.seen.${s.seen}`)))],
    [
      t('table.lookup-summary.searched'),
      fieldCell(
        'searched',
        String(searched),
        skipped > 0 ? t('lookup.searched.skipped', { n: searched, skipped }) : t('lookup.searched', { n: searched }),
      ),
    ],
    [t('table.lookup-summary.found'), fieldCell('found', String(result.matches.length), String(result.matches.length))],
  ]);
}

/** Headers a match's explanation may name: value chips in the verdict, like the address (SPEC §7.1: never broken inside). */
const VERDICT_HEADERS = ['X-Forwarded-For', 'X-Azure-FDID', 'X-Azure-ClientIP', 'X-Azure-SocketIP', 'X-Forwarded-Host'];

/** The answer in one sentence: the first match, or the platform's address, or nothing found. */
export function lookupVerdict(result: LookupResult, s: LookupScenario, t: Translate): Verdict {
  const addr = s.addr.ip.text;
  const first = result.matches[0];
  if (first) {
    const others = result.matches.length - 1;
    const text = t(others > 0 ? 'lookup.verdict.more' : 'lookup.verdict', {
      addr,
      role: roleText(first, t),
      design: designName(first.design, t),
      why: whyText(first, t),
      n: others,
    });
    return {
      ...verdict(first.byRange ? 'warning' : 'ok', text, [addr, ...VERDICT_HEADERS]),
      word: t(first.byRange ? 'lookup.verdict.word.range' : 'lookup.verdict.word.found'),
    };
  }
  if (result.platform) return { ...verdict('ok', t('lookup.verdict.platform', { addr }), [addr]), word: t('lookup.verdict.word.platform') };
  return {
    ...verdict('warning', t('lookup.verdict.none', { addr, n: result.search.designs.length }), [addr]),
    word: t('lookup.verdict.word.none'),
  };
}

/** Marks the leg where the address appears: a note right after that arrow. */
function marked(diagram: SequenceDiagram, isLeg: (step: Step) => boolean, note: string): SequenceDiagram {
  let done = false;
  const walk = (steps: readonly Step[]): Step[] =>
    steps.flatMap((step): Step[] => {
      if (step.kind === 'group') return [{ ...step, steps: walk(step.steps) }];
      if (done || step.kind !== 'message' || !isLeg(step)) return [step];
      done = true;
      return [step, { kind: 'note', over: [step.from, step.to], text: note }];
    });
  return { ...diagram, steps: walk(diagram.steps) };
}

const labelStarts = (step: Step, prefix: string) =>
  step.kind === 'message' && (typeof step.text === 'string' ? step.text : (step.text[0] ?? '')).startsWith(prefix);

/** The selected match's design, drawn as its own page draws it, with the leg marked. */
function matchDiagram(match: Match, s: LookupScenario, t: Translate): SequenceDiagram {
  const note = t('diagram.lookup.note', { addr: shown(match), role: roleText(match, t) });
  if (match.design.kind === 'path') {
    const view = pathView({ ...s, chain: match.design.chain } as unknown as PathScenario, t);
    return marked(view.diagram, (step) => labelStarts(step, `(${match.leg}) `), note);
  }
  if (match.design.kind === 'outbound') {
    const view = outboundView({ ...s, egress: [match.design.egress as Egress] } as unknown as OutboundScenario, t);
    return marked(view.diagram, (step) => labelStarts(step, `(${match.leg}) `), note);
  }
  // A probe: the service's own round of the probe diagram, the first arrow from this sender marked.
  const view = healthProbesView(s, t);
  const index = probing()
    .filter((service) => service.probe.rows(s).length > 0)
    .findIndex((service) => service.id === match.design.id.slice(6));
  const part = view.printParts?.[index] ?? view.diagram;
  return marked(part, (step) => step.kind === 'message' && labelStarts(step, match.ip.text), note);
}

/** With nothing found, the drawing says only that: the address and where it was seen. */
function noneDiagram(s: LookupScenario, t: Translate): SequenceDiagram {
  const seen = t(uiKey(`field.seen.${s.seen}`));
  return {
    title: t('diagram.lookup.none.title', { addr: s.addr.ip.text }),
    description: t('diagram.lookup.none.desc', { addr: s.addr.ip.text, seen }),
    participants: [
      { key: 'source', label: [t('diagram.lookup.source'), s.addr.ip.text] },
      { key: 'seen', label: [seen] },
    ],
    steps: [
      { kind: 'message', from: 'source', to: 'seen', text: s.addr.port === null ? s.addr.ip.text : ipPort(s.addr.ip, s.addr.port) },
      { kind: 'note', over: ['source', 'seen'], text: t('diagram.lookup.none.note') },
    ],
  };
}

/**
 * The last match drawn: an edit of the address that leaves the same match drawn (another instance
 * of the same gateway) reuses its drawing instead of running its design's whole view again. Keyed
 * by the search (one object per scenario, see searchFor), the language and everything the drawing
 * shows of the match.
 */
let lastDrawn: { search: object; t: Translate; key: string; diagram: SequenceDiagram } | null = null;

function drawnDiagram(result: LookupResult, match: Match, s: LookupScenario, t: Translate): SequenceDiagram {
  const key = JSON.stringify([match.design.id, match.leg, match.role, shown(match)]);
  if (lastDrawn?.search !== result.search || lastDrawn.t !== t || lastDrawn.key !== key) {
    lastDrawn = { search: result.search, t, key, diagram: matchDiagram(match, s, t) };
  }
  return lastDrawn.diagram;
}

export function lookupView(s: LookupScenario, t: Translate): ExplorerView {
  const result = lookup(s);
  const platform = platformBlock(result, t);
  const drawn = result.drawn;
  const outputs = [
    summaryTable(result, s, t),
    ...(platform ? [platform] : []),
    ...(drawn ? [matchTable(result, s, t), drawnLine(drawn, t)] : [noMatchBlock(result, s, t)]),
  ];
  return {
    verdict: lookupVerdict(result, s, t),
    outputs,
    diagram: drawn ? drawnDiagram(result, drawn, s, t) : noneDiagram(s, t),
  };
}

/** The lookup's form: the address and where it was seen first, then the reader's scenario. */
const SCENARIO_FIELDS = Object.keys(lookupParams).filter((name) => !LOOKUP_OWN.has(name));

/** The scenario fields that can set an address seen in each role: the form shows only those. */
const inUse = (...tables: readonly object[]): ReadonlySet<string> =>
  new Set(['addr', 'seen', ...tables.flatMap((table) => Object.keys(table)).filter((name) => name !== 'chain' && name !== 'egress')]);
const FIELDS_BY_SEEN: Readonly<Record<Seen, ReadonlySet<string>>> = {
  backend: inUse(pathParams),
  xff: inUse(pathParams),
  destination: inUse(outboundParams),
  probe: inUse(healthProbeParams),
};

export const explorers: Explorers = {
  // `query` is read alongside the fields (the reader's text for the permalinks), not a field of its own.
  lookup: explorer(lookupParams as unknown as ParamSpecs<LookupScenario>, readLookupScenario, lookupView, {
    labels: { port: 'field.stage-port', interval: 'field.tm-interval', origin: 'field.fd-origin' },
    fieldsInUse: (s) => FIELDS_BY_SEEN[s.seen],
    groups: [
      // `design` is set by the match list's radios: its field stays hidden unless it shows an error.
      { label: 'lookup.group.address', fields: ['addr', 'seen', 'design'] },
      { label: 'lookup.group.scenario', fields: SCENARIO_FIELDS, folded: true },
    ],
  }),
};
