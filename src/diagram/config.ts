/**
 * The one Mermaid configuration: used by the build-time renderer and by the browser after an
 * edit, so a redrawn diagram looks like the one the page shipped with. Each diagram is drawn
 * twice, once per site theme (SPEC §7.6); the stylesheet shows the one that matches.
 */
export type DiagramTheme = 'light' | 'dark';
export const DIAGRAM_THEMES: readonly DiagramTheme[] = ['light', 'dark'];

const base = {
  startOnLoad: false,
  // For a sequence diagram drawn with SVG labels, the levels differ only in a last DOMPurify pass
  // over the finished SVG, serialised to text and parsed again: 'strict' does it, 'loose' does
  // not. That pass was a quarter of a redraw after an edit and changed nothing in any of the
  // site's drawings (every built page is byte-identical either way). What guards the page instead
  // is checkSvg (src/diagram/finish.ts), which refuses any drawing holding more than a sequence
  // diagram is made of. Labels are still escaped (src/diagram/escape.ts) and sanitised one by one
  // by Mermaid at every level, and this config never carries a reader's input.
  securityLevel: 'loose',
  // Sequence diagrams draw SVG text, never HTML labels: no <foreignObject> with HTML in it, which
  // checkSvg refuses.
  htmlLabels: false,
  fontFamily: '"Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", Meiryo, system-ui, sans-serif',
  sequence: {
    mirrorActors: false,
    showSequenceNumbers: false,
    wrap: false,
    // Labels are drawn at their natural size (never shrunk to the column), so these are the
    // sizes a reader sees: at least 11 px (SPEC §7.4).
    messageFontSize: 14,
    actorFontSize: 14,
    noteFontSize: 13,
    // Narrower boxes and margins than Mermaid's defaults, so a three-participant flow fits the
    // column at natural size; wider diagrams scroll in their frame.
    width: 128,
    actorMargin: 24,
    diagramMarginX: 8,
    diagramMarginY: 8,
  },
} as const;

/** Dark palette: text and lines light on the page's dark grey, notes a muted amber. */
const darkVariables = {
  background: '#17181c',
  primaryColor: '#2a3140',
  primaryTextColor: '#eef0f4',
  primaryBorderColor: '#8b96ad',
  lineColor: '#c9d1e0',
  secondaryColor: '#2d2f36',
  tertiaryColor: '#23262f',
  noteBkgColor: '#4a3f1e',
  noteTextColor: '#f5ecd0',
  noteBorderColor: '#b59a4b',
  actorBkg: '#2a3140',
  actorBorder: '#8b96ad',
  actorTextColor: '#eef0f4',
  actorLineColor: '#8b96ad',
  signalColor: '#c9d1e0',
  signalTextColor: '#eef0f4',
  labelBoxBkgColor: '#2a3140',
  labelTextColor: '#eef0f4',
  loopTextColor: '#eef0f4',
  textColor: '#eef0f4',
};

/** A halo in the card's colour behind message labels, so lifelines do not strike through them. */
const halo = (color: string) => `.messageText { paint-order: stroke; stroke: ${color}; stroke-width: 4px; stroke-linejoin: round; }`;

export function mermaidConfig(theme: DiagramTheme) {
  return theme === 'dark'
    ? { ...base, theme: 'base' as const, themeVariables: darkVariables, themeCSS: halo(darkVariables.background) }
    : { ...base, theme: 'default' as const, themeCSS: halo('#ffffff') };
}
