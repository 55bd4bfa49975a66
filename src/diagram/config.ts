/**
 * The one Mermaid configuration: used by the build-time renderer and by the browser after an
 * edit, so a redrawn diagram looks like the one the page shipped with.
 */
export const mermaidConfig = {
  startOnLoad: false,
  securityLevel: 'strict',
  theme: 'default',
  fontFamily: '"Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", Meiryo, system-ui, sans-serif',
  sequence: {
    mirrorActors: false,
    showSequenceNumbers: false,
    wrap: false,
    messageFontSize: 14,
    actorFontSize: 14,
    noteFontSize: 13,
  },
} as const;
