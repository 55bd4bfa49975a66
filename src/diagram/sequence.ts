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

/** A label: one line, or lines that Mermaid stacks (`<br/>`). */
export type Label = string | readonly string[];

export type Step =
  | {
      readonly kind: 'message';
      readonly from: string;
      readonly to: string;
      readonly text: Label;
      readonly reply?: boolean;
      /** A leg the packets never take (an earlier one went elsewhere): drawn ending in a cross. */
      readonly untaken?: boolean;
    }
  | {
      readonly kind: 'note';
      readonly over: readonly string[];
      /** A string is wrapped to the note's width; lines are each wrapped on their own. */
      readonly text: Label;
      /** Beside the (first) participant, on its right, instead of over it: it keeps the drawing's left edge. */
      readonly beside?: boolean;
    }
  | { readonly kind: 'group'; readonly label: string; readonly steps: readonly Step[]; readonly tint?: Tint };

/**
 * What a group is, where a drawing has a fixed meaning for its colour: the request, the reply and
 * name resolution keep one colour each in every drawing, whichever groups come before them.
 */
export type Tint = keyof typeof TINTS;

export interface SequenceDiagram {
  /** Becomes the SVG's accessible title. */
  readonly title: string;
  /** Becomes the SVG's accessible description. */
  readonly description: string;
  readonly participants: readonly Participant[];
  readonly steps: readonly Step[];
}

/**
 * Tints for groups (`rect`), fixed here: never taken from input. One drawing serves both themes
 * (src/diagram/variant.ts), so each tint is a translucent colour strong enough to show on the light
 * card (#ffffff) and on the dark one (#17181c): at 0.08 the bands vanished on the dark card.
 */
const TINTS = {
  request: 'rgba(59, 130, 246, 0.16)',
  reply: 'rgba(234, 88, 12, 0.16)',
  dns: 'rgba(22, 163, 74, 0.16)',
} as const;

/**
 * A group without a tint of its own (a TLS session, a time window) is grey: never the request's blue,
 * the reply's orange or name resolution's green, which a reader learns on one page and reads on the
 * next. A group inside another shows darker, its grey over the outer one's.
 */
const NEUTRAL_FILL = 'rgba(100, 116, 139, 0.18)';

export function sequenceSource(diagram: SequenceDiagram): string {
  const ids = new Map(diagram.participants.map((p, index) => [p.key, `p${index}`]));
  const idOf = (key: string): string => {
    const id = ids.get(key);
    if (!id) throw new Error(`Unknown participant "${key}"`);
    return id;
  };
  const lines = ['sequenceDiagram', `accTitle: ${escapeMermaid(diagram.title)}`, `accDescr: ${escapeMermaid(diagram.description)}`];
  for (const p of diagram.participants) {
    // A long name takes two lines (an address never breaks): the box, and so the drawing, narrower.
    const name = p.label.flatMap((line) => wrapText(line, PARTICIPANT_WIDTH));
    lines.push(`participant ${idOf(p.key)} as ${name.map(escapeMermaid).join('<br/>')}`);
  }
  const writeSteps = (steps: readonly Step[], indent: string): void => {
    for (const step of steps) {
      if (step.kind === 'message') {
        const arrow = `${step.reply ? '--' : '-'}${step.untaken ? 'x' : '>>'}`;
        lines.push(`${indent}${idOf(step.from)}${arrow}${idOf(step.to)}: ${label(step.text)}`);
      } else if (step.kind === 'note') {
        const text = typeof step.text === 'string' ? wrapText(step.text) : step.text.flatMap((line) => wrapText(line));
        const place = step.beside ? `right of ${idOf(step.over[0]!)}` : `over ${middle(step.over.map(idOf))}`;
        lines.push(`${indent}Note ${place}: ${label(text)}`);
      } else {
        const fill = step.tint ? TINTS[step.tint] : NEUTRAL_FILL;
        lines.push(`${indent}rect ${fill}`);
        lines.push(`${indent}  Note over ${middle(participantSpan(step.steps, idOf))}: ${label(wrapText(step.label))}`);
        writeSteps(step.steps, `${indent}  `);
        lines.push(`${indent}end`);
      }
    }
  };
  writeSteps(diagram.steps, '  ');
  return `${lines.join('\n')}\n`;
}

/** Each line escaped on its own; only the `<br/>` between them is markup. */
function label(text: Label): string {
  return typeof text === 'string' ? escapeMermaid(text) : text.map(escapeMermaid).join('<br/>');
}

/** How wide a participant's name line may be, in the same cells (`Application Gateway` breaks). */
export const PARTICIPANT_WIDTH = 16;

/** How wide a note line may be, in half-width character cells (a CJK character takes two). */
export const NOTE_WIDTH = 38;

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
/** Characters a Japanese line may not start with (they close or follow what comes before). */
const NO_LINE_START = /^[、。，．）」』】〕・ー：；？！％ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ)\]},.:;!?]/u;

/** Characters a Japanese line may not end with (they open what follows). */
const NO_LINE_END = /[（「『【〔(\[{]$/u;

/** Notes wrap at a fixed width (Mermaid does not wrap a note to fit; see `middle`). */
export function wrapText(text: string, width = NOTE_WIDTH): string[] {
  const total = cells(text);
  if (total <= width) return [text];
  // As few lines as the width allows, then the narrowest width that keeps that many: balanced
  // lines instead of a long one and a stray word.
  const fewest = fill(text, width).length;
  for (let narrower = Math.ceil(total / fewest); narrower < width; narrower++) {
    const lines = fill(text, narrower);
    if (lines.length === fewest) return lines;
  }
  return fill(text, width);
}

const cells = (text: string): number => [...text].reduce((sum, ch) => sum + (WIDE.test(ch) ? 2 : 1), 0);

/**
 * Japanese words, where the runtime can tell them (ICU's dictionary: Node and every current
 * browser). Made on first use: loading the dictionary takes about 9 ms, which a page whose labels
 * never wrap Japanese text should not pay.
 */
let words: Intl.Segmenter | null | undefined;
const segmenter = (): Intl.Segmenter | null =>
  (words ??= typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('ja', { granularity: 'word' }) : null);
/** A word of hiragana alone: a particle or an ending, which stays with the word before it. */
const HIRAGANA = /^[\u3041-\u309f]+$/u;
/** Katakana (with the long vowel mark) and kanji: two words of the same script side by side are one compound (ゲート|ウェイ, 送信|元). */
const SCRIPTS = [/^[\u30a0-\u30ff]+$/u, /^[\u3400-\u4dbf\u4e00-\u9fff々]+$/u];
const sameScript = (a: string, b: string) => SCRIPTS.some((script) => script.test(a) && script.test(b));

/**
 * The units a line is filled with, none of which breaks: a run of half-width non-space characters
 * (a word, an address, a tuple), a run of spaces, or a Japanese phrase: a word with the particles
 * and endings after it (エッジで, 終端し, 切り替え), so a line never breaks inside a word as Mermaid
 * would. Without a word segmenter, each wide character is a unit.
 */
function unitsOf(text: string): string[] {
  const units =
    text.match(/[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+|\s+|./gsu) ?? [];
  const segments = units.some((unit) => WIDE.test(unit)) ? segmenter() : null;
  if (!segments) return units;
  const phrases: string[] = [];
  let wide = '';
  const flush = () => {
    let last = '';
    // A word the dictionary gives across scripts (間ロード) is taken apart at the change of script first.
    const pieces = [...segments.segment(wide)].flatMap(({ segment }) => segment.match(/[\u30a0-\u30ff]+|[^\u30a0-\u30ff]+/gu) ?? []);
    for (const segment of pieces) {
      // A lone kanji after a katakana word is its suffix (リージョン間).
      const suffix = segment.length === 1 && SCRIPTS[1]!.test(segment) && SCRIPTS[0]!.test(last);
      const joins = last !== '' && (HIRAGANA.test(segment) || sameScript(last, segment) || suffix);
      if (joins) phrases[phrases.length - 1] += segment;
      else phrases.push(segment);
      last = segment;
    }
    wide = '';
  };
  for (const unit of units) {
    if (WIDE.test(unit)) wide += unit;
    else {
      flush();
      phrases.push(unit);
    }
  }
  flush();
  // A particle after a number or a name (エンドポイント 1 を) goes with it: no line starts with one.
  for (let i = phrases.length - 1; i >= 2; i--) {
    if (HIRAGANA.test(phrases[i]!) && /^\s+$/.test(phrases[i - 1]!) && !WIDE.test(phrases[i - 2]!)) {
      phrases.splice(i - 2, 3, phrases.slice(i - 2, i + 1).join(''));
      i -= 2;
    }
  }
  return phrases;
}

/** Greedy line filling, unit by unit (`unitsOf`). */
function fill(text: string, width: number): string[] {
  const units = unitsOf(text);
  const lines: string[] = [];
  let line = '';
  for (const unit of units) {
    if (cells(line) + cells(unit) <= width || line.trim() === '' || NO_LINE_START.test(unit)) {
      line += unit;
    } else {
      // An opening bracket never ends a line: it moves down with what it opens.
      const opening = NO_LINE_END.exec(line.trimEnd());
      const carried = opening ? opening[0] : '';
      lines.push(line.trimEnd().slice(0, line.trimEnd().length - carried.length));
      line = carried + (/^\s+$/.test(unit) ? '' : unit);
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/** The participants a group's messages and notes touch, left to right. */
function participantSpan(steps: readonly Step[], idOf: (key: string) => string): string[] {
  const touched = new Set<string>();
  for (const step of steps) {
    if (step.kind === 'message') touched.add(idOf(step.from)).add(idOf(step.to));
    if (step.kind === 'note') for (const key of step.over) touched.add(idOf(key));
  }
  return [...touched].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
}

/**
 * A note is drawn over one participant, the middle of those it concerns: Mermaid sizes a note
 * over one participant to its text, but a note spanning two gets the distance between them,
 * whatever its text (SPEC §7.5).
 */
function middle(ids: readonly string[]): string {
  const sorted = [...ids].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  const first = Number(sorted[0]?.slice(1) ?? 0);
  const last = Number(sorted[sorted.length - 1]?.slice(1) ?? 0);
  return `p${Math.floor((first + last) / 2)}`;
}
