/**
 * Add, change and remove the user-defined routes of the paths explorer's `routes` field, one row
 * per route. Every change writes the field and fires an input event, so the explorer recomputes,
 * shows its field error and rewrites the URL as for any edit; typing in the field redraws the rows.
 */
const strings = document.querySelector<HTMLElement>('template[data-routes-editor]')?.dataset;
const input = document.querySelector<HTMLInputElement>('[data-explorer="path"] input[name="routes"]');

/** The page's own limit (SPEC §14); one row more shows what a pasted list holds beyond it. */
const MAX_ROWS = 17;

interface Row {
  subnet: string;
  prefix: string;
  hop: string;
}

/** A route as the field holds it; text that is not `subnet:prefix=hop` keeps its text as the prefix, so nothing typed is lost. */
function parseRow(text: string): Row {
  const match = /^([^:=]*):([^=]*)=(.*)$/.exec(text.trim());
  return match
    ? { subnet: match[1]!.trim().toLowerCase(), prefix: match[2]!.trim(), hop: match[3]!.trim() }
    : { subnet: '', prefix: text.trim(), hop: '' };
}

if (strings && input) {
  // A Map, not a plain object: a subnet typed into the field (`constructor`) must not find a prototype member.
  const subnets = new Map(Object.entries(JSON.parse(strings.subnets ?? '{}') as Record<string, string>));
  const editor = document.createElement('div');
  editor.className = 'atp-routes';
  editor.setAttribute('role', 'group');
  editor.setAttribute('aria-label', strings.label ?? '');
  input.after(editor);

  const rows = (): Row[] => (input.value.trim() === '' ? [] : input.value.split(',').slice(0, MAX_ROWS).map(parseRow));
  const write = (next: Row[], focus?: string, redraw = true) => {
    input.value = next
      .map((row) => (row.subnet === '' && row.hop === '' ? row.prefix : `${row.subnet}:${row.prefix}=${row.hop}`))
      .join(',');
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // A changed value keeps its row (and the reader's focus, already on the next control); adding and removing redraw.
    if (redraw) draw();
    if (focus) editor.querySelector<HTMLElement>(`[data-focus="${focus}"]`)?.focus();
  };

  const field = (label: string, control: HTMLInputElement | HTMLSelectElement) => {
    const wrapper = document.createElement('label');
    wrapper.append(label, control);
    return wrapper;
  };

  const draw = () => {
    const current = rows();
    const items = current.map((row, index) => {
      const set = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = `${strings.route} ${index + 1}`;
      const subnet = document.createElement('select');
      for (const [key, name] of subnets) subnet.append(new Option(`${name} (${key})`, key));
      if (!subnets.has(row.subnet)) subnet.append(new Option(row.subnet, row.subnet));
      subnet.value = row.subnet;
      const prefix = document.createElement('input');
      prefix.value = row.prefix;
      prefix.dataset.focus = `prefix-${index}`;
      const hop = document.createElement('input');
      hop.value = row.hop;
      for (const control of [prefix, hop]) {
        control.type = 'text';
        control.spellcheck = false;
        control.autocomplete = 'off';
      }
      const change = () => {
        current[index] = { subnet: subnet.value, prefix: prefix.value.trim(), hop: hop.value.trim() };
        write(current, undefined, false);
      };
      subnet.addEventListener('change', () => change());
      prefix.addEventListener('change', () => change());
      hop.addEventListener('change', () => change());
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = '×';
      remove.setAttribute('aria-label', `${strings.remove}: ${strings.route} ${index + 1}`);
      remove.addEventListener('click', () =>
        write(
          current.filter((_, i) => i !== index),
          'add',
        ),
      );
      set.append(legend, field(strings.subnet ?? '', subnet), field(strings.prefix ?? '', prefix), field(strings.hop ?? '', hop), remove);
      return set;
    });
    const add = document.createElement('button');
    add.type = 'button';
    add.dataset.focus = 'add';
    add.textContent = `+ ${strings.add}`;
    // A new route starts as the backends' default route to the firewall's private IP: the design readers try first.
    const firewall = input.form?.querySelector<HTMLInputElement>('input[name="fwpriv"]')?.value.trim() || '10.0.2.4';
    add.addEventListener('click', () =>
      write([...current, { subnet: 'backend', prefix: '0.0.0.0/0', hop: firewall }], `prefix-${current.length}`),
    );
    editor.replaceChildren(...items, ...(current.length < MAX_ROWS - 1 ? [add] : []));
    markInvalid();
  };

  /** The row the field's error names (the error slot carries the route's number): marked for the reader and for assistive technology. */
  const markInvalid = () => {
    const error = input.form?.querySelector<HTMLElement>('[data-error-for="routes"]');
    const number = error && !error.hidden ? error.dataset.index : undefined;
    editor.querySelectorAll('fieldset').forEach((set, index) => {
      const invalid = number !== undefined && Number(number) === index + 1;
      for (const control of set.querySelectorAll('input, select')) control.setAttribute('aria-invalid', String(invalid));
    });
  };

  input.addEventListener('input', (event) => {
    if (event.isTrusted) draw();
  });
  // The explorer shows the field's error in its own task: mark the row when it does.
  const slot = input.form?.querySelector<HTMLElement>('[data-error-for="routes"]');
  if (slot) new MutationObserver(markInvalid).observe(slot, { attributes: true, childList: true, characterData: true, subtree: true });
  // The URL's scenario and a reset set the field without an input event.
  input.form?.addEventListener('atp-values', draw);
  draw();
}
