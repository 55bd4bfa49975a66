import { explorerFor, isExplorerKind, labelKey, type ExplorerDefinition } from '../explorers.ts';
import { isLang, translator, type Translate } from '../i18n.ts';
import type { ParamError } from '../model/params.ts';
import { sequenceSource } from '../diagram/sequence.ts';
import { DIAGRAM_THEMES, mermaidConfig } from '../diagram/config.ts';
import { finishSvg } from '../diagram/finish.ts';
import { errorMessage } from '../view/errors.ts';
import { toDom } from './dom.ts';

/** Loaded on the first edit: reruns the engine for one explorer and patches its outputs. */
export type Cause = 'edit' | 'url' | 'reset';

type Mermaid = typeof import('mermaid').default;
let mermaidPromise: Promise<Mermaid> | undefined;

function loadMermaid(): Promise<Mermaid> {
  mermaidPromise ??= import('mermaid').then(({ default: mermaid }) => mermaid);
  return mermaidPromise;
}

/** Each explorer's latest request wins: an older render that finishes late is dropped. */
const generations = new WeakMap<HTMLElement, number>();
let renderCount = 0;

function readForm(form: HTMLFormElement): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const control of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[name], select[name]')) {
    raw[control.name] = control.value;
  }
  return raw;
}

function showErrors(root: HTMLElement, errors: readonly ParamError[], t: Translate, definition: ExplorerDefinition<unknown>): void {
  const byParam = new Map(errors.map((error) => [error.param, error]));
  for (const slot of root.querySelectorAll<HTMLElement>('[data-error-for]')) {
    const param = slot.dataset.errorFor ?? '';
    const error = byParam.get(param);
    const control = root.querySelector<HTMLElement>(`[name="${CSS.escape(param)}"]`);
    slot.textContent = error ? errorMessage(error, t, labelKey(definition, param)) : '';
    slot.hidden = !error;
    if (error) control?.setAttribute('aria-invalid', 'true');
    else control?.removeAttribute('aria-invalid');
  }
}

function setStatus(root: HTMLElement, key: 'updated' | 'invalid'): void {
  const status = root.querySelector<HTMLElement>('[data-status]');
  if (status) status.textContent = status.dataset[key === 'updated' ? 'textUpdated' : 'textInvalid'] ?? '';
}

/**
 * Parameters edited in each explorer and not yet written to the URL (an edit that leaves the
 * scenario invalid waits for the one that fixes it). Writing only these keeps two explorers on one
 * page that share a parameter name (e.g. `interval`) from undoing each other's part of the URL.
 */
const unwritten = new WeakMap<HTMLElement, Set<string>>();

/** Writes the given parameters into the page URL; values equal to the page's scenario are left out. */
function writeUrl(raw: Record<string, string>, baseline: Record<string, string>, names: Iterable<string>): void {
  const url = new URL(window.location.href);
  for (const name of names) {
    const value = raw[name] ?? '';
    const trimmed = value.trim();
    if (trimmed === (baseline[name] ?? '')) url.searchParams.delete(name);
    else url.searchParams.set(name, trimmed);
  }
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
}

/**
 * Other explorers on the page that read a parameter just written take the value they would read
 * from the new URL, so what the page shows is what the permalink reproduces.
 */
function syncOthers(root: HTMLElement, names: readonly string[]): void {
  const query = new URLSearchParams(window.location.search);
  for (const other of document.querySelectorAll<HTMLElement>('[data-explorer][data-interactive]')) {
    if (other === root) continue;
    const baseline = JSON.parse(other.dataset.baseline ?? '{}') as Record<string, string>;
    let changed = false;
    for (const name of names) {
      const control = other.querySelector<HTMLInputElement | HTMLSelectElement>(`form [name="${CSS.escape(name)}"]`);
      const value = query.get(name) ?? baseline[name] ?? '';
      if (control && control.value !== value) {
        control.value = value;
        changed = true;
      }
    }
    if (changed) void updateExplorer(other, 'url');
  }
}

export async function updateExplorer(root: HTMLElement, cause: Cause, edited?: string): Promise<void> {
  const kind = root.dataset.explorer ?? '';
  const form = root.querySelector<HTMLFormElement>('form[data-form]');
  if (!isExplorerKind(kind) || !form) return;
  const lang = document.documentElement.lang.slice(0, 2);
  const t = translator(isLang(lang) ? lang : 'ja');
  const definition = explorerFor(kind);
  const baseline = JSON.parse(root.dataset.baseline ?? '{}') as Record<string, string>;
  const raw = readForm(form);
  const result = definition.read(raw);
  const generation = (generations.get(root) ?? 0) + 1;
  generations.set(root, generation);
  const pending = unwritten.get(root) ?? new Set<string>();
  unwritten.set(root, pending);
  if (edited) pending.add(edited);

  if (!result.ok) {
    showErrors(root, result.errors, t, definition);
    setStatus(root, 'invalid');
    return;
  }
  showErrors(root, [], t, definition);
  const view = definition.view(result.scenario, t);
  root.querySelector('[data-output]')?.replaceChildren(...view.outputs.map(toDom));
  // A reset changes every parameter of this explorer; an edit only those it touched.
  if (cause !== 'url') {
    const written = cause === 'reset' ? Object.keys(raw) : [...pending];
    writeUrl(raw, baseline, written);
    syncOthers(root, written);
  }
  pending.clear();
  setStatus(root, 'updated');

  const mermaid = await loadMermaid();
  const source = sequenceSource(view.diagram);
  // The theme the reader sees first; the other follows so a theme switch shows the same scenario.
  const dark = document.documentElement.dataset.theme === 'dark';
  const order = dark ? [...DIAGRAM_THEMES].reverse() : DIAGRAM_THEMES;
  for (const theme of order) {
    mermaid.initialize(mermaidConfig(theme));
    const { svg } = await mermaid.render(`${root.id}-svg-${theme}-${++renderCount}`, source);
    if (generations.get(root) !== generation) return;
    const holder = root.querySelector<HTMLElement>(`[data-svg="${theme}"]`);
    if (!holder) continue;
    holder.innerHTML = svg;
    const drawn = holder.querySelector('svg');
    if (drawn) finishSvg(drawn);
  }
  root.dataset.rendered = String(generation);
}
