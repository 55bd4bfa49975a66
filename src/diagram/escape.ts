/**
 * Mermaid reads `#code;` as an entity, so every character that could end a statement, open a
 * directive or comment (`%%`), start markup, or reach a style definition is written as one.
 * Line breaks would start a new statement; they become spaces.
 */
const MERMAID_ENTITIES: Record<string, string> = {
  '#': '#35;',
  ';': '#59;',
  '<': '#60;',
  '>': '#62;',
  '&': '#38;',
  '"': '#34;',
  $: '#36;',
  '%': '#37;',
  '{': '#123;',
  '}': '#125;',
  '\\': '#92;',
  '`': '#96;',
};

export function escapeMermaid(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[#;<>&"$%{}\\`]/g, (ch) => MERMAID_ENTITIES[ch]!);
}
