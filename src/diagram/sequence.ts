import { escapeMermaid } from './escape.ts';

/**
 * A sequence diagram as data. Participant ids are generated (`p0`, `p1`, …) so no input ever
 * becomes an id; every label is escaped. Only this module writes Mermaid syntax.
 */
export interface Participant {
  readonly key: string;
  /** Lines of the participant's label, e.g. its role and its address. */
  readonly label: readonly string[];
}

export type Step =
  | { readonly kind: 'message'; readonly from: string; readonly to: string; readonly text: string; readonly reply?: boolean }
  | { readonly kind: 'note'; readonly over: readonly string[]; readonly text: string }
  | { readonly kind: 'group'; readonly label: string; readonly steps: readonly Step[] };

export interface SequenceDiagram {
  /** Becomes the SVG's accessible title. */
  readonly title: string;
  /** Becomes the SVG's accessible description. */
  readonly description: string;
  readonly participants: readonly Participant[];
  readonly steps: readonly Step[];
}

/** Light tints for groups (`rect`), fixed here: never taken from input. */
const GROUP_FILLS = ['rgba(59, 130, 246, 0.08)', 'rgba(234, 88, 12, 0.08)', 'rgba(22, 163, 74, 0.08)'];

export function sequenceSource(diagram: SequenceDiagram): string {
  const ids = new Map(diagram.participants.map((p, index) => [p.key, `p${index}`]));
  const idOf = (key: string): string => {
    const id = ids.get(key);
    if (!id) throw new Error(`Unknown participant "${key}"`);
    return id;
  };
  const lines = ['sequenceDiagram', `accTitle: ${escapeMermaid(diagram.title)}`, `accDescr: ${escapeMermaid(diagram.description)}`];
  for (const p of diagram.participants) {
    lines.push(`participant ${idOf(p.key)} as ${p.label.map(escapeMermaid).join('<br/>')}`);
  }
  let groupIndex = 0;
  const writeSteps = (steps: readonly Step[], indent: string): void => {
    for (const step of steps) {
      if (step.kind === 'message') {
        const arrow = step.reply ? '-->>' : '->>';
        lines.push(`${indent}${idOf(step.from)}${arrow}${idOf(step.to)}: ${escapeMermaid(step.text)}`);
      } else if (step.kind === 'note') {
        lines.push(`${indent}Note over ${step.over.map(idOf).join(',')}: ${escapeMermaid(step.text)}`);
      } else {
        lines.push(`${indent}rect ${GROUP_FILLS[groupIndex++ % GROUP_FILLS.length]}`);
        lines.push(`${indent}  Note over ${participantSpan(step.steps, idOf)}: ${escapeMermaid(step.label)}`);
        writeSteps(step.steps, `${indent}  `);
        lines.push(`${indent}end`);
      }
    }
  };
  writeSteps(diagram.steps, '  ');
  return `${lines.join('\n')}\n`;
}

/** The leftmost and rightmost participants a group's messages touch, for its heading note. */
function participantSpan(steps: readonly Step[], idOf: (key: string) => string): string {
  const touched = new Set<string>();
  for (const step of steps) {
    if (step.kind === 'message') touched.add(idOf(step.from)).add(idOf(step.to));
    if (step.kind === 'note') for (const key of step.over) touched.add(idOf(key));
  }
  const sorted = [...touched].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  return sorted.length > 1 ? `${sorted[0]},${sorted[sorted.length - 1]}` : (sorted[0] ?? 'p0');
}
