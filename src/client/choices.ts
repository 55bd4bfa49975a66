/**
 * Checkboxes for a comma-list field whose items come from a fixed set (the outbound explorer's
 * `egress`): they mirror the text field, which stays the form's value and the URL's (`name` is
 * on the text field only, so reading the form and the URL work as before).
 */
export function wireChoices(form: HTMLFormElement): void {
  for (const group of form.querySelectorAll<HTMLElement>('[data-choices-for]')) {
    const field = form.querySelector<HTMLInputElement>(`input[name="${CSS.escape(group.dataset.choicesFor ?? '')}"]`);
    if (!field) continue;
    const boxes = [...group.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    const show = () => {
      const items = new Set(field.value.split(',').map((item) => item.trim().toLowerCase()));
      for (const box of boxes) box.checked = items.has(box.value);
    };
    // A box's own events are not edits of a parameter: the text field's input event is.
    group.addEventListener('input', (event) => event.stopPropagation());
    group.addEventListener('change', (event) => {
      event.stopPropagation();
      field.value = boxes
        .filter((box) => box.checked)
        .map((box) => box.value)
        .join(',');
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    field.addEventListener('input', show);
    form.addEventListener('atp-values', show);
  }
}
