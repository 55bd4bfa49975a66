/**
 * Reading and writing an explorer form's parameters. A parameter is one text field, or a group of
 * radio buttons sharing its name (one of a fixed set, shown as a segmented control), whose value is
 * the checked button's; with none checked (a link's value that is none of the options) it reads
 * as empty, which the parameter's parser refuses, so the error shows at the group.
 */
export type Control = HTMLInputElement | HTMLSelectElement;

/** Every named control of `scope`, radio buttons included (one per option). */
export function namedControls(scope: ParentNode): Control[] {
  return [...scope.querySelectorAll<Control>('input[name], select[name]')];
}

/** The form's parameters as raw text, by name, in document order. */
export function readFields(scope: ParentNode): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const control of namedControls(scope)) {
    if (control.type !== 'radio') raw[control.name] = control.value;
    else if ((control as HTMLInputElement).checked) raw[control.name] = control.value;
    else raw[control.name] ??= '';
  }
  return raw;
}

/** Sets parameter `name` in `scope` to `value`; says whether anything changed. */
export function writeField(scope: ParentNode, name: string, value: string): boolean {
  let changed = false;
  for (const control of scope.querySelectorAll<Control>(`[name="${CSS.escape(name)}"]`)) {
    if (control instanceof HTMLInputElement && control.type === 'radio') {
      const checked = control.value === value;
      if (control.checked !== checked) {
        control.checked = checked;
        changed = true;
      }
    } else if (control.value !== value) {
      control.value = value;
      changed = true;
    }
  }
  return changed;
}

/** The page's own scenario of an explorer (`data-baseline`, written by the build): what its built tables and drawing show. */
export function baselineOf(explorer: HTMLElement): Record<string, string> {
  return JSON.parse(explorer.dataset.baseline ?? '{}') as Record<string, string>;
}
