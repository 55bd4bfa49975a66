import type { SequenceDiagram } from '../diagram/sequence.ts';
import type { Translate } from '../i18n.ts';
import type { ParamSpecs, RawParams, ScenarioResult } from '../model/shared/params.ts';
import type { ElementNode } from './tree.ts';

/**
 * The explorer's answer for its scenario in one localised sentence (SPEC §4): what a reader sees
 * first, above the form. `state` is shown by a word and a colour.
 */
export interface Verdict {
  readonly state: 'ok' | 'warning' | 'fails';
  readonly text: string;
  /** The state in the explorer's own localised word where the generic one would mislead (the lookup: "Found", not "OK"). */
  readonly word?: string;
  /** The addresses and names in `text`, shown as value chips (made with `verdict()` in ./verdict.ts). */
  readonly values?: readonly string[];
}

/** What an explorer shows for one scenario: its verdict, output blocks and one diagram. */
export interface ExplorerView {
  /** Computed from the engine's result by the view module (STYLE habit 22); shown first, above the form. */
  readonly verdict: Verdict;
  readonly outputs: readonly ElementNode[];
  readonly diagram: SequenceDiagram;
  /**
   * The same drawing in pieces narrow enough for a printed page, where a wide drawing would have to
   * shrink below readable size (SPEC §7.4). Print shows these instead of `diagram`.
   */
  readonly printParts?: readonly SequenceDiagram[];
}

/**
 * How many parameters differ from their defaults (the form's summary: "Edit the scenario (n
 * changed)"); values are compared as the URL writes them, trimmed.
 */
export function changedCount(
  params: Readonly<Record<string, { readonly default: string }>>,
  raw: Readonly<Record<string, string>>,
): number {
  return Object.entries(params).filter(([name, spec]) => (raw[name] ?? spec.default).trim() !== spec.default).length;
}

/**
 * How a scenario parameter is edited. `select` options are the raw values; labels come from i18n.
 * `label` is the i18n key of the field's name where `field.<name>` would mislead on this explorer
 * (Traffic Manager's `port` is the endpoints' port, not a frontend's).
 */
export type Control = {
  readonly name: string;
  readonly label?: string;
  readonly api?: string;
  /** A comma list of items from a fixed set, offered as checkboxes too: each item's label is `<label>.<item>` in i18n. */
  readonly choices?: Choices;
} & ({ readonly type: 'text' } | { readonly type: 'number' } | { readonly type: 'select'; readonly options: readonly string[] });

/** The fixed set a comma-list field's items come from, and the i18n key prefix of their labels. */
export interface Choices {
  readonly options: readonly string[];
  readonly label: string;
}

/**
 * The form of an explorer: a field per parameter, in the specs' order, of the kind the spec names
 * (`ParamSpec.input`). `labels` gives a field its own i18n key where `field.<name>` would mislead.
 */
export function controlsOf<S>(
  params: ParamSpecs<S>,
  labels: Partial<Record<keyof S & string, string>> = {},
  api: Partial<Record<keyof S & string, string>> = {},
  choices: Partial<Record<keyof S & string, Choices>> = {},
): Control[] {
  return (Object.keys(params) as (keyof S & string)[]).map((name) => {
    const input = params[name].input ?? 'text';
    const label = labels[name];
    const named = {
      name,
      ...(label === undefined ? {} : { label }),
      ...(api[name] === undefined ? {} : { api: api[name] }),
      ...(choices[name] === undefined ? {} : { choices: choices[name] }),
    };
    return typeof input === 'string' ? { ...named, type: input } : { ...named, type: 'select', options: input.options };
  });
}

/**
 * One explorer: which parameters it reads, how they are edited, and the pure functions from raw
 * parameters to a view. The page at build time and the browser after an edit both go through this.
 */
export interface ExplorerDefinition<S> {
  readonly params: ParamSpecs<S>;
  readonly controls: readonly Control[];
  readonly read: (raw: RawParams) => ScenarioResult<S>;
  readonly view: (scenario: S, t: Translate) => ExplorerView;
  /** The fields this scenario reads, where that depends on the scenario (the paths explorer's chain); the form hides the rest. */
  readonly fieldsInUse?: (scenario: S) => ReadonlySet<string>;
  /** The form's fields in labelled groups (the paths explorer: the client, each service, the backend); a group shows while one of its fields does. */
  readonly groups?: readonly FieldGroup[];
}

/** A labelled group of form fields: `label` is an i18n key. */
export interface FieldGroup {
  readonly label: string;
  readonly fields: readonly string[];
  /** Shown folded under its label until the reader opens it (the lookup's scenario: the address comes first). */
  readonly folded?: boolean;
}

/** The explorer a parameter table, its reader and its view make, with the form made from the table. */
export function explorer<S>(
  params: ParamSpecs<S>,
  read: (raw: RawParams) => ScenarioResult<S>,
  view: (scenario: S, t: Translate) => ExplorerView,
  options: {
    labels?: Partial<Record<keyof S & string, string>>;
    /** Azure's own name of a setting a field stands for (`allocatedOutboundPorts`), shown in small print under the plain label. */
    api?: Partial<Record<keyof S & string, string>>;
    /** Comma-list fields whose items come from a fixed set, offered as checkboxes as well. */
    choices?: Partial<Record<keyof S & string, Choices>>;
    fieldsInUse?: (scenario: S) => ReadonlySet<string>;
    groups?: readonly FieldGroup[];
  } = {},
): ExplorerDefinition<S> {
  const { labels, api, choices, ...rest } = options;
  return { params, controls: controlsOf(params, labels, api, choices), read, view, ...rest };
}

/** The explorers a view module adds, by `data-explorer` kind (for a service, its id). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each explorer has its own scenario type
export type Explorers = Readonly<Record<string, ExplorerDefinition<any>>>;
