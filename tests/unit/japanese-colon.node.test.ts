import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ja from '../../content/i18n/ja.json' with { type: 'json' };

/**
 * The colon in Japanese, as Learn ja writes it (issue 32; content/i18n/terms.md, "label colon"):
 * a half-width colon and a space after a short label ("例: …", "区間 3: …", "**X-Forwarded-For**: …"),
 * never in the middle of a sentence, where Japanese ends the clause instead ("…使えるのは 1,024。
 * 51 秒後から…"). A clause is mid-sentence when, since the start of its line, item, cell, bold span
 * or sentence, it already holds a comma (、) or ends like a predicate (…す, …る, …た, …ない).
 */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/u;

/** The colons of `text` that end a clause rather than a label, with the clause before them. */
export function midSentenceColons(text: string): string[] {
  // Code and link targets are not prose: `X-Forwarded-For: …` and URLs keep their colons.
  const prose = text.replace(/`[^`]*`/g, '`code`').replace(/\]\([^)]*\)/g, ']');
  const found: string[] = [];
  for (const match of prose.matchAll(/: /g)) {
    const before = prose.slice(0, match.index);
    const clause = before
      .split(/[。\n|]|\*\*|^\s*- /m)
      .at(-1)!
      .trim();
    const after = prose.slice(match.index + 2, match.index + 14);
    if (!JAPANESE.test(clause + after)) continue;
    // The example marker of the house style: "（例: 203.0.113.10）", "（Learn の例: …）".
    if (/例$/u.test(clause)) continue;
    if (clause.includes('、') || /(?:[するた]|ない|ません|ださい|です|ます)$/u.test(clause)) found.push(`${clause.slice(-24)}: ${after}`);
  }
  return found;
}

/** Every Japanese page, with its front matter keys left out (`title: …` is YAML, not prose). */
function japanesePages(dir = 'content/docs/ja'): [string, string][] {
  return readdirSync(dir).flatMap((name): [string, string][] => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return japanesePages(path);
    if (!name.endsWith('.mdx')) return [];
    const text = readFileSync(path, 'utf8').replace(/^(\s*[A-Za-z]+): /gm, '$1 ');
    return [[path, text]];
  });
}

describe('Japanese colons', () => {
  it.each([
    // Labels keep the half-width colon and a space, as Learn ja does.
    ['区間 {leg}: ファイアウォールは送信元を変換していない', 0],
    ['IPv4 アドレス（例: 203.0.113.10）を入力してください。', 0],
    ['- **X-Forwarded-For**: クライアントが送った値', 0],
    ['t={t} 秒: エンドポイント 1 が停止', 0],
    ['ヘッダーは `X-Forwarded-For: 198.51.100.7` です。', 0],
    // A clause that already has a comma, or ends like a predicate, is a sentence: no colon there.
    ['必要 {needed} ポート、使えるのは {ports}: {s} 秒後から新規接続が失敗', 1],
    ['プールのサイズで決まる: 1～50 → 1,024', 1],
    ['接続の数は次のようになる: 20 × 2', 1],
  ] as const)('%s', (text, count) => {
    expect(midSentenceColons(text)).toHaveLength(count);
  });

  it('content/i18n/ja.json: no colon in the middle of a sentence', () => {
    const found = Object.entries(ja).flatMap(([key, value]) => midSentenceColons(value).map((hit) => `${key}: ${hit}`));
    expect(found).toEqual([]);
  });

  it.each(japanesePages())('%s: no colon in the middle of a sentence', (_, text) => {
    expect(midSentenceColons(text)).toEqual([]);
  });
});
