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
    // One size for every label: the frame scales a drawing down to 11/14 of it at most
    // (components/DiagramFrame.astro), so a smaller note would set a higher floor for all.
    noteFontSize: 14,
    // Narrower boxes and margins than Mermaid's defaults, so a three-participant flow fits the
    // column at natural size; wider diagrams scroll in their frame.
    width: 116,
    actorMargin: 20,
    diagramMarginX: 8,
    diagramMarginY: 8,
  },
} as const;

/**
 * The site's palettes (Starlight's greys and accent, issue 24), not Mermaid's lavender and yellow:
 * participants on the page's grey cards, lines in the text grey, and the notes that carry a
 * page's point in the accent's tint with an accent border. Colours only: the geometry is the same
 * in both themes (src/diagram/variant.ts relies on it).
 */
const lightVariables = {
  background: '#ffffff',
  primaryColor: '#edeef3',
  primaryTextColor: '#17181c',
  primaryBorderColor: '#555962',
  lineColor: '#353841',
  secondaryColor: '#f6f7f9',
  tertiaryColor: '#f6f7f9',
  noteBkgColor: '#eef0fe',
  noteTextColor: '#0f1c8a',
  noteBorderColor: '#3d50f5',
  actorBkg: '#edeef3',
  actorBorder: '#555962',
  actorTextColor: '#17181c',
  actorLineColor: '#888c96',
  signalColor: '#353841',
  signalTextColor: '#17181c',
  labelBoxBkgColor: '#edeef3',
  labelTextColor: '#17181c',
  loopTextColor: '#17181c',
  textColor: '#17181c',
};

const darkVariables = {
  background: '#17181c',
  primaryColor: '#23262f',
  primaryTextColor: '#eef0f4',
  primaryBorderColor: '#888c96',
  lineColor: '#c1c3c8',
  secondaryColor: '#23262f',
  tertiaryColor: '#23262f',
  noteBkgColor: '#17264f',
  noteTextColor: '#e3e9ff',
  noteBorderColor: '#6f8fff',
  actorBkg: '#23262f',
  actorBorder: '#888c96',
  actorTextColor: '#eef0f4',
  actorLineColor: '#888c96',
  signalColor: '#c1c3c8',
  signalTextColor: '#eef0f4',
  labelBoxBkgColor: '#23262f',
  labelTextColor: '#eef0f4',
  loopTextColor: '#eef0f4',
  textColor: '#eef0f4',
};

/** A halo in the card's colour behind message labels, so lifelines do not strike through them. */
const halo = (color: string) => `.messageText { paint-order: stroke; stroke: ${color}; stroke-width: 4px; stroke-linejoin: round; }`;

export function mermaidConfig(theme: DiagramTheme) {
  const themeVariables = theme === 'dark' ? darkVariables : lightVariables;
  return { ...base, theme: 'base' as const, themeVariables, themeCSS: halo(themeVariables.background) };
}
