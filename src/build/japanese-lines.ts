import { defineMdastPlugin, type PluginFactoryContext } from 'satteri';

/** Japanese script and full-width punctuation: where a line break in the source is not a space. */
const JAPANESE = '\\u3000-\\u303f\\u3040-\\u30ff\\u31f0-\\u31ff\\u4e00-\\u9fff\\uff00-\\uffef';

/**
 * Joins the lines of Japanese prose. A Markdown paragraph written over several lines keeps each
 * line break as a space, which Japanese text does not have: 「…です。 次に…」. A break after
 * Japanese punctuation, or between two Japanese characters, is dropped; a break next to Latin text
 * (「Azure の」) stays a space, as Learn ja writes it.
 */
export function joinJapaneseLines(text: string): string {
  return text
    .replace(/([。、，．：；！？」』）】〕])[ \t]*\n[ \t]*/g, '$1')
    .replace(new RegExp(`([${JAPANESE}])[ \\t]*\\n[ \\t]*(?=[${JAPANESE}])`, 'g'), '$1');
}

/** The Markdown plugin: applied to the Japanese pages only (content/docs/ja/). */
export const japaneseLines = (ctx: PluginFactoryContext) =>
  ctx.fileURL?.pathname.includes('/content/docs/ja/')
    ? defineMdastPlugin({
        name: 'atp-japanese-lines',
        text(node, visit) {
          const value = joinJapaneseLines(node.value);
          if (value !== node.value) visit.replaceNode(node, { type: 'text', value });
        },
      })
    : null;
