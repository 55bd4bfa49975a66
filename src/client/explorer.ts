/**
 * The part of the explorers every reader downloads: it only wires up the forms. The engine and
 * the table code (runtime.ts) and Mermaid (redraw.ts) start loading when the reader shows intent
 * — a pointer over or focus inside a form — so that by the first keystroke they are here; a page
 * nobody edits never downloads them.
 */
import type { Cause } from './runtime.ts';
import { wireChoices } from './choices.ts';
import { linkAddresses } from './lookup-links.ts';
import { namedControls, writeField } from './fields.ts';

type Runtime = typeof import('./runtime.ts');
let runtime: Runtime | undefined;
let loading: Promise<Runtime> | undefined;

function loadRuntime(): Promise<Runtime> {
  loading ??= import('./runtime.ts').then((module) => (runtime = module));
  return loading;
}

/** The reader is about to edit `root`: fetch the engine, then get the first edit ready (runtime.ts `prepare`). */
function prepare(root: HTMLElement): void {
  void loadRuntime().then((module) => module.prepare(root));
}

function update(root: HTMLElement, cause: Cause, edited?: string): void {
  // Once the runtime is here the table is patched in the input event's own task, so it is
  // painted in the next frame; only the very first edit without any intent waits for the import.
  if (runtime) runtime.updateExplorer(root, cause, edited);
  else void loadRuntime().then((module) => module.updateExplorer(root, cause, edited));
}

/** The parameter an input or change event edited. */
function nameOf(event: Event): string | undefined {
  const target = event.target;
  return target instanceof HTMLInputElement || target instanceof HTMLSelectElement ? target.name : undefined;
}

/** Tells widgets that mirror a field (the chain editor) that values changed without an input event. */
function valuesSet(form: HTMLFormElement): void {
  form.dispatchEvent(new CustomEvent('atp-values'));
}

/**
 * A control in the outputs that picks a value for a field of the form (`data-sets`; the lookup's
 * radio per match sets `design`): it writes the field and edits it as the reader would, so the
 * URL and the permalink keep the pick. The outputs are patched, not replaced: one listener serves.
 */
function wireSetters(root: HTMLElement, form: HTMLFormElement): void {
  root.querySelector('[data-output]')?.addEventListener('change', (event) => {
    const control = event.target;
    if (!(control instanceof HTMLInputElement) || !control.dataset.sets) return;
    const field = form.querySelector<HTMLInputElement>(`input[name="${CSS.escape(control.dataset.sets)}"]`);
    if (!field) return;
    field.value = control.value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function wire(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form[data-form]');
  if (!form) return;
  // The form ships disabled so that, without this script, it does not look editable.
  for (const fieldset of form.querySelectorAll('fieldset')) fieldset.disabled = false;
  linkAddresses(root, root.dataset.lookupLabel ?? '');
  for (const intent of ['pointerover', 'focusin', 'touchstart'] as const) {
    form.addEventListener(intent, () => prepare(root), { once: true, passive: true });
  }
  form.addEventListener('submit', (event) => event.preventDefault());
  wireChoices(form);
  wireSetters(root, form);
  form.addEventListener('input', (event) => update(root, 'edit', nameOf(event)));
  form.addEventListener('change', (event) => update(root, 'edit', nameOf(event)));
  // A reset puts the form back to the page's scenario; the values change after this event.
  form.addEventListener('reset', () =>
    setTimeout(() => {
      update(root, 'reset');
      valuesSet(form);
    }),
  );

  const query = new URLSearchParams(window.location.search);
  const fromUrl = new Set(
    namedControls(form)
      .map((control) => control.name)
      .filter((name) => query.has(name)),
  );
  for (const name of fromUrl) writeField(form, name, query.get(name) ?? '');
  if (fromUrl.size > 0) {
    update(root, 'url');
    valuesSet(form);
  }
}

for (const root of document.querySelectorAll<HTMLElement>('[data-explorer][data-interactive]')) wire(root);
