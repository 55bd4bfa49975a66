import { explorerFor, isExplorerKind, labelKey, type ExplorerDefinition } from '../explorers.ts';
import { isLang, translator, type Translate } from '../i18n.ts';
import type { ParamError } from '../model/shared/params.ts';
import type { SequenceDiagram } from '../diagram/sequence.ts';
import { errorMessage } from '../view/errors.ts';
import { listText } from '../view/table.ts';
import { changedCount } from '../view/explorer.ts';
import { verdictNode } from '../view/verdict.ts';
import { patchChildren } from './dom.ts';
import { linkAddresses } from './lookup-links.ts';
import { baselineOf, readFields, writeField } from './fields.ts';
import { afterPaint, whenIdle } from './frames.ts';

/**
 * Loaded when the reader shows intent (or on the first edit): reruns the engine for one explorer
 * and patches its tables at once, in the input event's task (only the cells that changed); the
 * diagram follows after the next paint, drawn by redraw.ts, which holds Mermaid.
 */
export type Cause = 'edit' | 'url' | 'reset';

type Redraw = typeof import('./redraw.ts');
let redrawModule: Promise<Redraw> | undefined;

function loadRedraw(): Promise<Redraw> {
  redrawModule ??= import('./redraw.ts');
  return redrawModule;
}

/**
 * The reader is about to edit `root` (explorer.ts calls this on intent: a pointer over, a touch on
 * or focus inside its form). While they are still reading, everything their first edit needs is
 * made ready, so that it costs what a later edit costs: Mermaid starts loading (prepareDiagrams),
 * and the edit's table path runs on a copy of the explorer (rehearse), twice, each time the
 * browser is idle: V8 gives a function its type feedback and compiled code only after it has run
 * a few times, and on the lookup a second rehearsal took the first edit's script from 6.3 to
 * 4.0 ms (later edits: 3.2–4.0 ms).
 */
export function prepare(root: HTMLElement): void {
  prepareDiagrams(root);
  // Each kind of intent calls this once: one rehearsal is enough.
  if (rehearsed.has(root)) return;
  rehearsed.add(root);
  void whenIdle()
    .then(() => rehearse(root))
    .then(whenIdle)
    .then(() => rehearse(root));
}

/**
 * Starts fetching Mermaid and its sequence diagram before the first edit needs them, and warms
 * them up on the diagram `root` shows now: the first edit then redraws with warm code and with
 * every label but the edited one already measured (Mermaid keeps text sizes).
 */
function prepareDiagrams(root: HTMLElement): void {
  const explorer = readExplorer(root);
  const diagram = explorer?.result.ok ? explorer.definition.view(explorer.result.scenario, translatorOf()).diagram : undefined;
  // Before its first update an explorer shows the build's drawing of the page's own scenario: while
  // the form still holds that scenario, this is its drawing, and an edit that draws the same (the
  // lookup's first edit of the address, most often) keeps it instead of drawing it again.
  const built = explorer && diagram && !generations.has(root) && holdsBaseline(root, explorer.raw) ? diagram : undefined;
  void loadRedraw().then((module) => {
    if (built) module.shownAlready(root, built);
    return module.warmUp(diagram);
  });
}

const rehearsed = new WeakSet<HTMLElement>();

/**
 * Runs what an edit runs to show its scenario (showScenario: reading the form, the engine, the
 * view, the patch of the verdict and the tables) before the reader's first edit, on a copy of
 * `root`'s form, verdict and tables that is in no document. A first edit otherwise ran all of it
 * for the first time, uncompiled: its script took 8.5–9.7 ms against 3.5–4.6 ms for a later edit
 * on the paths and lookup pages, and its table a frame more (issue 32). The copy holds the form's
 * current values, so its patch changes nothing; it is dropped afterwards, and the page is as it was.
 *
 * On the page itself only the two lines an edit writes first get an empty text node (textReady).
 */
function rehearse(root: HTMLElement): void {
  textReady(root);
  const copy = root.cloneNode(false) as HTMLElement;
  // The drawings are not needed: the rehearsal stops before the diagram, which prepareDiagrams warms up.
  for (const part of root.children) if (!part.matches('[data-diagram], [data-print-parts]')) copy.append(part.cloneNode(true));
  const explorer = readExplorer(copy);
  if (!explorer) return;
  showScenario(copy, explorer, 'edit', undefined, translatorOf());
  linkAddresses(copy, copy.dataset.lookupLabel ?? '', pageUrl().search);
}

/**
 * The status line and the changed count are empty until the first edit writes them. setText
 * writes a text node's data, but an empty element has no text node, so the first edit inserted
 * one, and an inserted node makes Chromium re-check Starlight's `:has(~ …)` list rule over the
 * whole Markdown content (see setText). Given here, while the reader is still reading, the node
 * is empty: it shows nothing, and the elements still match `:empty` (the status line stays hidden).
 */
function textReady(root: HTMLElement): void {
  for (const line of root.querySelectorAll('[data-status], [data-changed-count]'))
    if (line.firstChild === null) line.append(document.createTextNode(''));
}

/** Whether the form's values are the page's own scenario (`data-baseline`, which the build's drawing shows). */
function holdsBaseline(root: HTMLElement, raw: Record<string, string>): boolean {
  const baseline = baselineOf(root);
  return Object.entries(raw).every(([name, value]) => value.trim() === (baseline[name] ?? ''));
}

/** An explorer's definition and its form's values as read now; undefined for anything else. */
function readExplorer(root: HTMLElement) {
  const kind = root.dataset.explorer ?? '';
  const form = root.querySelector<HTMLFormElement>('form[data-form]');
  if (!isExplorerKind(kind) || !form) return undefined;
  const definition = explorerFor(kind);
  const raw = readFields(form);
  return { definition, raw, result: definition.read(raw) };
}

function translatorOf(): Translate {
  const lang = document.documentElement.lang.slice(0, 2);
  return translator(isLang(lang) ? lang : 'ja');
}

/** Each explorer's count of updates, and the latest that had a valid scenario (the one to draw). */
const generations = new WeakMap<HTMLElement, number>();
const drawable = new WeakMap<HTMLElement, number>();

function showErrors(root: HTMLElement, errors: readonly ParamError[], t: Translate, definition: ExplorerDefinition<unknown>): void {
  const byParam = new Map(errors.map((error) => [error.param, error]));
  for (const slot of root.querySelectorAll<HTMLElement>('[data-error-for]')) {
    const param = slot.dataset.errorFor ?? '';
    const error = byParam.get(param);
    // A slot that shows no error and should show none is left alone: an explorer has dozens, and
    // setting `hidden` again, even to its own value, makes the browser restyle the element.
    if (!error && slot.hidden && slot.firstChild === null) continue;
    // A group of radio buttons is marked as a whole, where its error shows.
    const name = CSS.escape(param);
    const control = root.querySelector<HTMLElement>(`[role="radiogroup"][data-field-for="${name}"], [name="${name}"]`);
    const text = error ? errorMessage(error, t, labelKey(definition, param)) : '';
    if (slot.textContent !== text) setText(slot, text);
    if (slot.hidden !== !error) slot.hidden = !error;
    // The item a list's error names (route 2, entry 3), for an editor that shows the list as rows.
    if (error && typeof error.rule.index === 'number') slot.dataset.index = String(error.rule.index);
    else if (slot.dataset.index !== undefined) delete slot.dataset.index;
    if (error) control?.setAttribute('aria-invalid', 'true');
    else if (control?.hasAttribute('aria-invalid')) control.removeAttribute('aria-invalid');
  }
}

/**
 * Shows the fields the scenario reads and hides the others (the paths explorer's unused stages).
 * A field with an error is always shown, so no message is ever out of sight.
 */
function showFields(root: HTMLElement, inUse: ReadonlySet<string> | undefined, errors: readonly ParamError[] = []): void {
  for (const field of root.querySelectorAll<HTMLElement>('[data-field-for]')) {
    const name = field.dataset.fieldFor ?? '';
    const hidden = errors.some((error) => error.param === name) ? false : inUse ? !inUse.has(name) : field.hidden;
    if (field.hidden !== hidden) field.hidden = hidden;
  }
}

/** The form's summary counts the parameters that differ from their defaults. */
function showChanged(root: HTMLElement, definition: ExplorerDefinition<unknown>, raw: Record<string, string>, t: Translate): void {
  const count = root.querySelector<HTMLElement>('[data-changed-count]');
  if (!count) return;
  const n = changedCount(definition.params as Record<string, { default: string }>, raw);
  const text = n > 0 ? t('explorer.form.changed', { n }) : '';
  if (count.textContent !== text) setText(count, text);
}

/**
 * Writes `text` into an element that holds only text, as a change of its text node's data rather
 * than a new node: inserting or removing a node inside Starlight's Markdown content makes Chromium
 * re-check a `:has(~ …)` rule of Starlight's list styles over the whole content (about a thousand
 * elements restyled on the lookup page, 10 ms or more), a change of data does not. The data is
 * written even when equal, so every update still shows as a change of the line. An element
 * holding only an empty text node still matches `:empty`.
 */
function setText(element: HTMLElement, text: string): void {
  const node = element.firstChild;
  if (node instanceof Text && node.nextSibling === null) node.data = text;
  else element.textContent = text;
}

const STATUS_TEXT = { updated: 'textUpdated', invalid: 'textInvalid', link: 'textLink' } as const;

/**
 * Says the explorer updated (or that the input is invalid), at every edit, without a new node
 * (setText). A scenario read from the URL is not an edit of the reader's: it says the tables show
 * the link's scenario, not "values this edit changed" (issue 32, O).
 */
function setStatus(root: HTMLElement, key: keyof typeof STATUS_TEXT): void {
  const status = root.querySelector<HTMLElement>('[data-status]');
  if (status) setText(status, status.dataset[STATUS_TEXT[key]] ?? '');
}

/** The first-load message for a link whose scenario could not be used (see updateExplorer). */
function linkStatus(root: HTMLElement, errors: readonly ParamError[], t: Translate, definition: ExplorerDefinition<unknown>): void {
  const status = root.querySelector<HTMLElement>('[data-status]');
  if (!status) return;
  const fields = [...new Set(errors.map((error) => t(labelKey(definition, error.param))))];
  status.textContent = t('explorer.status.link-invalid', { fields: listText(fields, t) });
}

/**
 * Parameters edited in each explorer and not yet written to the URL (an edit that leaves the
 * scenario invalid waits for the one that fixes it). Writing only these keeps two explorers on one
 * page that share a parameter name (e.g. `interval`) from undoing each other's part of the URL.
 */
const unwritten = new WeakMap<HTMLElement, Set<string>>();

/**
 * The page URL with the edits not yet given to `history` (see writeUrl). `replaceState` costs
 * several milliseconds (profiled: 1–8 ms of main thread per edit, more on a busy machine), so it
 * waits until the edited table has been painted, and the new diagram after it (scheduleFlush).
 */
let pendingUrl: URL | undefined;

function pageUrl(): URL {
  return new URL(pendingUrl ?? window.location.href);
}

function flushUrl(): void {
  if (pendingUrl && pendingUrl.href !== window.location.href) window.history.replaceState(window.history.state, '', pendingUrl);
  pendingUrl = undefined;
}

/** Writes the given parameters into the page URL; values equal to the page's scenario are left out. */
function writeUrl(raw: Record<string, string>, baseline: Record<string, string>, names: Iterable<string>): void {
  const url = pageUrl();
  for (const name of names) {
    const value = raw[name] ?? '';
    const trimmed = value.trim();
    if (trimmed === (baseline[name] ?? '')) url.searchParams.delete(name);
    else url.searchParams.set(name, trimmed);
  }
  // A list reads as the pages write it (`chain=fd,pls,lb`, not `fd%2Cpls%2Clb`): a comma needs no
  // escape in a query (RFC 3986 sub-delims), and URLSearchParams reads it back the same.
  url.search = url.search.replace(/%2C/gi, ',');
  if (!pendingUrl) scheduleFlush();
  pendingUrl = url;
}

/**
 * Gives the pending URL to `history` once the edit's table and diagram are on screen: after the
 * table's paint the diagram work of this edit is queued (updateExplorer draws after writing the
 * URL), so waiting for `placed` and one more paint keeps `replaceState` out of the path to both.
 */
function scheduleFlush(): void {
  void afterPaint()
    .then(() => placed)
    .then(afterPaint)
    .then(flushUrl);
}

/**
 * Other explorers on the page that read a parameter just written take the value they would read
 * from the new URL, so what the page shows is what the permalink reproduces.
 */
function syncOthers(root: HTMLElement, names: readonly string[]): void {
  const query = pageUrl().searchParams;
  for (const other of document.querySelectorAll<HTMLElement>('[data-explorer][data-interactive]')) {
    if (other === root) continue;
    const baseline = baselineOf(other);
    let changed = false;
    const form = other.querySelector('form');
    for (const name of names) {
      if (form && writeField(form, name, query.get(name) ?? baseline[name] ?? '')) changed = true;
    }
    if (changed) updateExplorer(other, 'url');
  }
}

/** Rules that say the same thing from either side: two fields that must match or must differ. */
const SYMMETRIC = new Set(['same-family', 'same-address', 'subnet-overlap']);

/**
 * A rule between two fields is reported at the one the reader just edited: typing an IPv6 client
 * flags the client ("use the same IP version as the backends"), not the backends they left alone.
 */
function atEditedField(error: ParamError, edited: string | undefined): ParamError {
  const other = error.rule.other;
  if (!edited || other !== edited || error.param === edited || !SYMMETRIC.has(error.rule.code)) return error;
  return { param: edited, rule: { ...error.rule, other: error.param } };
}

/** Each value cell as `field=value`, in document order. */
const fieldValues = (output: Element): string[] =>
  [...output.querySelectorAll('[data-field]')].map((cell) => `${cell.getAttribute('data-field')}=${cell.getAttribute('data-value')}`);

/**
 * What changed since the last edit (issue 24): a value cell whose value differs from the one in
 * the same place before the edit is marked `data-changed` (the stylesheet tints it). The patch
 * clears the mark at the next edit, since the view never writes it.
 */
function markChanged(output: Element, before: readonly string[]): void {
  if (before.length === 0) return;
  const cells = [...output.querySelectorAll<HTMLElement>('[data-field]')];
  if (cells.length !== before.length) return;
  cells.forEach((cell, index) => {
    const now = `${cell.dataset.field}=${cell.dataset.value}`;
    if (now !== before[index]) cell.dataset.changed = '';
  });
}

/** An explorer's definition and its form's values, as readExplorer reads them. */
type ReadExplorer = NonNullable<ReturnType<typeof readExplorer>>;

/**
 * Shows the form's scenario in `root`: the errors, the fields in use, the changed count, the
 * verdict, the tables and the status line — what the reader sees in the edit's own frame. Returns
 * the view, or undefined while the scenario is invalid (the tables keep the last valid one). It
 * changes nothing outside `root`, so the rehearsal (rehearse) can run it on a copy.
 */
function showScenario(root: HTMLElement, explorer: ReadExplorer, cause: Cause, edited: string | undefined, t: Translate) {
  const { definition, raw, result } = explorer;
  if (!result.ok) {
    const errors = result.errors.map((error) => atEditedField(error, edited));
    showErrors(root, errors, t, definition);
    showFields(root, undefined, errors);
    showChanged(root, definition, raw, t);
    // An error is never out of sight: a form folded away on a phone opens at it.
    const details = root.querySelector<HTMLDetailsElement>('[data-form-details]');
    if (details) details.open = true;
    // So does a folded group of fields that holds one.
    for (const group of root.querySelectorAll<HTMLDetailsElement>('details[data-group-folded]')) {
      if (errors.some((error) => group.querySelector(`[name="${CSS.escape(error.param)}"]`))) group.open = true;
    }
    setStatus(root, 'invalid');
    // A link opened with a scenario that cannot be used: nothing valid has been shown since the
    // page loaded, so the tables are the page's own defaults. Say that, naming the fields.
    if (cause === 'url' && !drawable.has(root)) {
      linkStatus(root, errors, t, definition);
      root.dataset.linkInvalid = '';
    }
    // The tables and the diagram still show the last valid scenario: say so on the explorer (SPEC §12).
    root.dataset.stale = '';
    return undefined;
  }
  delete root.dataset.stale;
  delete root.dataset.linkInvalid;
  showErrors(root, [], t, definition);
  showFields(root, definition.fieldsInUse?.(result.scenario));
  showChanged(root, definition, raw, t);
  const view = definition.view(result.scenario, t);
  const verdictSlot = root.querySelector('[data-verdict]');
  if (verdictSlot) patchChildren(verdictSlot, [verdictNode(view.verdict, t)]);
  const output = root.querySelector('[data-output]');
  if (output) {
    const before = cause === 'url' ? [] : fieldValues(output);
    patchChildren(output, view.outputs);
    markChanged(output, before);
  }
  setStatus(root, cause === 'url' ? 'link' : 'updated');
  return view;
}

export function updateExplorer(root: HTMLElement, cause: Cause, edited?: string): void {
  const explorer = readExplorer(root);
  if (!explorer) return;
  const generation = (generations.get(root) ?? 0) + 1;
  generations.set(root, generation);
  const pending = unwritten.get(root) ?? new Set<string>();
  unwritten.set(root, pending);
  if (edited) pending.add(edited);
  const view = showScenario(root, explorer, cause, edited, translatorOf());
  if (!view) return;
  // A reset changes every parameter of this explorer; an edit only those it touched.
  if (cause !== 'url') {
    const written = cause === 'reset' ? Object.keys(explorer.raw) : [...pending];
    writeUrl(explorer.raw, baselineOf(root), written);
    syncOthers(root, written);
  }
  pending.clear();
  // A patched cell holds a plain chip again, and every link carries the scenario now in the URL.
  linkAddresses(root, root.dataset.lookupLabel ?? '', pageUrl().search);

  drawable.set(root, generation);
  void drawDiagram(root, view.diagram, generation, view.printParts);
}

/** Diagrams are drawn one at a time, each after a paint, so no explorer's frame waits for another's drawing. */
let drawing: Promise<void> = Promise.resolve();

/** Settles once the drawing of the latest edit is on the page (or known not to be needed); its print pieces may follow. */
let placed: Promise<void> = Promise.resolve();

/**
 * Redraws the diagram for `generation` unless a later valid scenario has replaced it by then
 * (fast typing draws only the last value). `data-rendered` tells tests which one is shown.
 */
function drawDiagram(
  root: HTMLElement,
  diagram: SequenceDiagram,
  generation: number,
  printParts?: readonly SequenceDiagram[],
): Promise<void> {
  const current = () => drawable.get(root) === generation;
  const shown = drawing.then(async () => {
    await afterPaint();
    if (!current()) return;
    const { redraw } = await loadRedraw();
    if (current() && (await redraw(root, diagram, current, true))) {
      root.dataset.rendered = String(generation);
      // The drawing's region is named by its title, which may be another one now (the lookup draws the match picked).
      const label = translatorOf()('diagram.region', { title: diagram.title });
      for (const holder of root.querySelectorAll(':scope > [data-diagram] > [data-svg]')) {
        if (holder.getAttribute('aria-label') !== label) holder.setAttribute('aria-label', label);
      }
    }
  });
  placed = shown.catch(() => undefined);
  drawing = shown
    .then(async () => {
      // The print pieces of a wide drawing (hidden on screen) follow when the browser is idle, one
      // idle moment each, so that a keystroke meanwhile waits for one small drawing at most; only
      // the pieces whose source changed are drawn again.
      const pieces = root.querySelectorAll<HTMLElement>('[data-print-parts] > [data-diagram]');
      if (!printParts || pieces.length !== printParts.length || !current()) return;
      const { redraw } = await loadRedraw();
      for (const [index, piece] of pieces.entries()) {
        await whenIdle();
        if (!current()) return;
        piece.id ||= `${root.id}-part-${index + 1}`;
        await redraw(piece, printParts[index]!, current);
      }
      if (current()) root.dataset.printedParts = String(generation);
    })
    .catch((error: unknown) => console.error(error));
  return drawing;
}
