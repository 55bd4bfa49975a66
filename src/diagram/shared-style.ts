/**
 * The print page holds every diagram of the guide. Each Mermaid drawing carries its own stylesheet
 * (about 5 KB, scoped to the drawing's id) and a frame elsewhere holds one drawing per theme: there,
 * that made the same two stylesheets 32 times over and every drawing twice, a megabyte of HTML.
 * On the print page a drawing comes once, without its stylesheet, and the page carries each theme's
 * stylesheet once, scoped to those drawings — the dark one on screen only (paper is white). The
 * themes differ only in the stylesheet (src/diagram/config.ts changes colours only; variant.ts
 * relies on the same fact after an edit).
 */
import { ELEMENT_NODE, parse, walkSync, type Node } from 'ultrahtml';
import type { DiagramTheme } from './config.ts';
import { renderDiagram } from './render.ts';
import { sequenceSource, type SequenceDiagram } from './sequence.ts';

/** The drawings that take the page's stylesheets (their frame marks them `data-shared-style`). */
const SCOPE: Record<DiagramTheme, string> = {
  light: '.atp-svg[data-shared-style] > svg',
  dark: ":root[data-theme='dark'] .atp-svg[data-shared-style] > svg",
};

/** `#id` in selectors; not `url(#id-gradient)`, a reference to one drawing's own element. */
const idSelector = (id: string): RegExp => new RegExp(`#${id.replace(/[^\w-]/g, '\\$&')}(?![\\w-])`, 'g');

/** The drawing without its `<style>`, and that stylesheet's text. */
function takeStyle(svg: string): { svg: string; css: string } {
  let style: Node | undefined;
  walkSync(parse(svg), (node) => {
    if (!style && node.type === ELEMENT_NODE && node.name === 'style') style = node;
  });
  if (!style) throw new Error('shared-style: a Mermaid drawing without a <style> element');
  const [open, close] = style.loc as [{ start: number }, { end: number }];
  const css = (style.children as Node[]).map((child) => ('value' in child ? String(child.value) : '')).join('');
  return { svg: svg.slice(0, open.start) + svg.slice(close.end), css };
}

/** A drawing's stylesheet rescoped from its own id to every shared-style drawing. */
function rescope(css: string, id: string, theme: DiagramTheme): string {
  // Mermaid's base theme names a gradient after the drawing (`url(#<id>-gradient)`) in rules for
  // flowchart shapes that a sequence diagram never draws: one name for all, so sheets compare equal.
  const scoped = css.replace(idSelector(id), SCOPE[theme]).replaceAll(`url(#${id}-`, 'url(#atp-shared-');
  return theme === 'dark' ? `@media screen{${scoped}}` : scoped;
}

/** A small drawing with every kind of step the explorers use. */
const SAMPLE: SequenceDiagram = {
  title: 'sample',
  description: 'sample',
  participants: [
    { key: 'a', label: ['a', '192.0.2.1'] },
    { key: 'b', label: ['b', '192.0.2.2'] },
  ],
  steps: [
    { kind: 'message', from: 'a', to: 'b', text: ['(1) 192.0.2.1:1', '→ 192.0.2.2:2'] },
    { kind: 'note', over: ['a', 'b'], text: 'note' },
    { kind: 'group', label: 'group', steps: [{ kind: 'message', from: 'b', to: 'a', text: 'reply', reply: true }] },
  ],
};

const SAMPLE_ID = 'atp-shared-style-sample';
let sheets: Promise<Record<DiagramTheme, string>> | undefined;

/** Both themes' stylesheets for the shared-style drawings, taken from a sample drawn with the one config. */
function sharedStylesheets(): Promise<Record<DiagramTheme, string>> {
  sheets ??= Promise.all(
    (['light', 'dark'] as const).map(
      async (theme) => [theme, takeStyle(await renderDiagram(sequenceSource(SAMPLE), SAMPLE_ID, theme)).css] as const,
    ),
  ).then((entries) => Object.fromEntries(entries) as Record<DiagramTheme, string>);
  return sheets;
}

/**
 * A light drawing for a shared-style frame: without its stylesheet, after checking that the page's
 * shared one is the same (so a drawing that needed other styles fails the build instead of
 * printing wrong).
 */
export async function withSharedStyle(svg: string, id: string): Promise<string> {
  const own = takeStyle(svg);
  const shared = (await sharedStylesheets()).light;
  if (rescope(own.css, id, 'light') !== rescope(shared, SAMPLE_ID, 'light')) {
    throw new Error(`shared-style: the drawing "${id}" has a stylesheet of its own; draw it with its own <style> instead`);
  }
  return own.svg;
}

/** The page's stylesheet for its shared-style drawings, both themes. */
export async function sharedStylesheet(): Promise<string> {
  const { light, dark } = await sharedStylesheets();
  return rescope(light, SAMPLE_ID, 'light') + rescope(dark, SAMPLE_ID, 'dark');
}
