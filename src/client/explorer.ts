/**
 * The part of the explorers every reader downloads: it only wires up the forms. The engine,
 * the view code and Mermaid load on the first edit (or when the URL carries a scenario).
 */
import type { Cause } from './runtime.ts';

function controlsOf(form: HTMLFormElement): (HTMLInputElement | HTMLSelectElement)[] {
  return [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[name], select[name]')];
}

async function update(root: HTMLElement, cause: Cause, edited?: string): Promise<void> {
  const { updateExplorer } = await import('./runtime.ts');
  await updateExplorer(root, cause, edited);
}

/** The parameter an input or change event edited. */
function nameOf(event: Event): string | undefined {
  const target = event.target;
  return target instanceof HTMLInputElement || target instanceof HTMLSelectElement ? target.name : undefined;
}

function wire(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form[data-form]');
  if (!form) return;
  // The form ships disabled so that, without this script, it does not look editable.
  for (const fieldset of form.querySelectorAll('fieldset')) fieldset.disabled = false;
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('input', (event) => void update(root, 'edit', nameOf(event)));
  form.addEventListener('change', (event) => void update(root, 'edit', nameOf(event)));
  // A reset puts the form back to the page's scenario; the values change after this event.
  form.addEventListener('reset', () => setTimeout(() => void update(root, 'reset')));

  const query = new URLSearchParams(window.location.search);
  const fromUrl = controlsOf(form).filter((control) => query.has(control.name));
  for (const control of fromUrl) control.value = query.get(control.name) ?? '';
  if (fromUrl.length > 0) void update(root, 'url');
}

for (const root of document.querySelectorAll<HTMLElement>('[data-explorer][data-interactive]')) wire(root);
