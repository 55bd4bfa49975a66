/**
 * Add and remove the stages of the paths explorer's `chain` field. Every action writes
 * the field and fires an input event, so the explorer recomputes and the URL follows as for any
 * edit; typing in the field redraws the buttons. A stage is offered only where it makes a chain the
 * page accepts, and removed only where what is left is one (the list of valid chains comes from the
 * build, `validChains`). Reordering is never offered: every valid chain follows the stages' one
 * order, so swapping two neighbours never gives a valid chain.
 */
import { additionsFrom } from '../model/cross-service/chain-additions.ts';

const strings = document.querySelector<HTMLElement>('template[data-chain-editor]')?.dataset;
const input = document.querySelector<HTMLInputElement>('[data-explorer="path"] input[name="chain"]');

function button(text: string, label: string, action: () => void, focusKey?: string): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  if (focusKey) element.dataset.focus = focusKey;
  element.textContent = text;
  element.setAttribute('aria-label', label);
  element.addEventListener('click', action);
  return element;
}

if (strings && input) {
  // Maps, not plain objects: a key typed into the field (`constructor`) must not find a prototype member.
  const names = new Map(Object.entries(JSON.parse(strings.names ?? '{}') as Record<string, string>));
  const aliases = new Map(Object.entries(JSON.parse(strings.aliases ?? '{}') as Record<string, string>));
  const valid = new Set(JSON.parse(strings.valid ?? '[]') as string[]);
  const editor = document.createElement('div');
  editor.className = 'atp-chain';
  editor.setAttribute('role', 'group');
  editor.setAttribute('aria-label', strings.label ?? '');
  input.after(editor);

  // As the parser reads the field: case-insensitive, a service id standing for its key.
  const stages = () =>
    input.value
      .split(',')
      .map((key) => key.trim().toLowerCase())
      .filter((key) => key !== '')
      .map((key) => aliases.get(key) ?? key);
  const write = (next: string[], focus?: string) => {
    input.value = next.join(',');
    input.dispatchEvent(new Event('input', { bubbles: true }));
    draw();
    if (focus) editor.querySelector<HTMLElement>(`[data-focus="${focus}"]`)?.focus();
  };

  // The stages in the one order the page computes (the template lists them so).
  const order = [...names.keys()];

  const draw = () => {
    // A chain has each stage at most once: a longer field is an error the form shows, and drawing
    // one item per entry of a pasted list of thousands would freeze the page.
    const current = stages().slice(0, order.length);
    // While the field holds a chain the page refuses, any removal is offered, to get back to one.
    const currentValid = valid.has(current.join(','));
    const list = document.createElement('ol');
    current.forEach((key, index) => {
      const name = names.get(key) ?? key;
      const item = document.createElement('li');
      item.append(name);
      const rest = current.filter((_, i) => i !== index);
      if (!currentValid || valid.has(rest.join(','))) item.append(button('×', `${strings.remove}: ${name}`, () => write(rest, 'add')));
      list.append(item);
    });
    const additions = additionsFrom(current, order, valid);
    const select = document.createElement('select');
    select.id = 'atp-chain-add';
    // An option's value is the stage's key, or `key@position` for a stage with two places, told
    // apart by the stage it goes before (or after, at the end).
    const valueOf = ({ key, at }: (typeof additions)[number]) =>
      additions.filter((other) => other.key === key).length > 1 ? `${key}@${at}` : key;
    for (const addition of additions) {
      const { key, at } = addition;
      const where = at < current.length ? `${strings.before} ${current[at]}` : `${strings.after} ${current.at(-1)}`;
      const value = valueOf(addition);
      select.append(new Option(value === key ? names.get(key)! : `${names.get(key)!} (${where})`, value));
    }
    const label = document.createElement('label');
    label.htmlFor = select.id;
    label.textContent = strings.add ?? '';
    const add = button(
      `+ ${strings.addButton ?? ''}`,
      strings.add ?? '',
      () => write(additions.find((addition) => valueOf(addition) === select.value)!.chain, 'add'),
      'add',
    );
    editor.replaceChildren(list, ...(additions.length > 0 ? [label, select, add] : []));
  };

  input.addEventListener('input', (event) => {
    if (event.isTrusted) draw();
  });
  // The URL's scenario and a reset set the field without an input event.
  input.form?.addEventListener('atp-values', draw);
  draw();
}

export {};
