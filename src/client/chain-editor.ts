/**
 * Add and remove the stages of the paths explorer's `chain` field. Every action writes
 * the field and fires an input event, so the explorer recomputes and the URL follows as for any
 * edit; typing in the field redraws the buttons.
 */
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
  const inOrder = (keys: string[]) => keys.sort((a, b) => order.indexOf(a) - order.indexOf(b));

  const draw = () => {
    // A chain has each stage at most once: a longer field is an error the form shows, and drawing
    // one item per entry of a pasted list of thousands would freeze the page.
    const current = stages().slice(0, order.length);
    const list = document.createElement('ol');
    current.forEach((key, index) => {
      const name = names.get(key) ?? key;
      const item = document.createElement('li');
      item.append(name);
      item.append(
        button('×', `${strings.remove}: ${name}`, () =>
          write(
            current.filter((_, i) => i !== index),
            'add',
          ),
        ),
      );
      list.append(item);
    });
    const missing = order.filter((key) => !current.includes(key));
    const select = document.createElement('select');
    select.setAttribute('aria-label', strings.add ?? '');
    for (const key of missing) select.append(new Option(names.get(key)!, key));
    // A stage goes in at its place in the order, so an addition never breaks the chain rule.
    const add = button('+', strings.add ?? '', () => write(inOrder([...current, select.value]), 'add'), 'add');
    editor.replaceChildren(list, ...(missing.length > 0 ? [select, add] : []));
  };

  input.addEventListener('input', (event) => {
    if (event.isTrusted) draw();
  });
  // The URL's scenario and a reset set the field without an input event.
  input.form?.addEventListener('atp-values', draw);
  draw();
}

export {};
