import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The terminology table (content/i18n/terms.md) is the one list of terms; this test holds every
// page and UI string to it, so a wrong variant cannot come back in a later edit.

type Lang = 'ja' | 'en';

interface Variant {
  lang: Lang;
  /** As written in the table, for the failure message. */
  label: string;
  pattern: RegExp;
}

interface Term {
  concept: string;
  ja: string;
  en: string;
  source: string;
  wrong: Variant[];
}

const root = join(import.meta.dirname, '..', '..');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One variant cell entry: `en:` picks the language, `/…/` is a regular expression. */
export function parseVariant(raw: string): Variant {
  let text = raw.trim();
  let lang: Lang = 'ja';
  if (text.startsWith('en:')) {
    lang = 'en';
    text = text.slice(3).trim();
  }
  const regex = /^\/(.+)\/([a-z]*)$/.exec(text);
  const pattern = regex ? new RegExp(regex[1]!, `gu${(regex[2] ?? '').replace(/[gu]/g, '')}`) : new RegExp(escape(text), 'gu');
  return { lang, label: raw.trim(), pattern };
}

/** The rows of the first Markdown table whose header starts with `concept`. */
export function parseTerms(markdown: string): Term[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => /^\|\s*concept\s*\|/.test(line));
  if (start < 0) throw new Error('terms.md: no table with a "concept" column');
  const rows: Term[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    // Split on cell bars only: a bar inside a /regex/ is written without spaces around it.
    const cells = line
      .slice(1, line.lastIndexOf('|'))
      .split(' | ')
      .map((cell) => cell.trim());
    if (cells.length !== 5) throw new Error(`terms.md: expected 5 cells, got ${cells.length}: ${line}`);
    const [concept, ja, en, source, wrong] = cells as [string, string, string, string, string];
    rows.push({
      concept,
      ja,
      en,
      source,
      wrong: wrong === '—' ? [] : wrong.split(' ; ').map(parseVariant),
    });
  }
  return rows;
}

/** Prose only: code, heading ids, link targets, imports and component tags are not words a reader reads as terms. */
export function prose(text: string): string {
  return text
    .replace(/^import .*$/gm, '')
    .replace(/<[A-Z][\s\S]*?\/>/g, '')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`\n]*`/g, '')
    .replace(/\{#[\w-]+\}/g, '')
    .replace(/\]\([^)\s]*\)/g, ']');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : /\.mdx?$/.test(entry.name) ? [path] : [];
  });
}

interface Source {
  name: string;
  lang: Lang;
  text: string;
}

function sources(): Source[] {
  const pages = (['ja', 'en'] as const).flatMap((lang) =>
    filesUnder(join(root, 'content/docs', lang)).map((path) => ({
      name: relative(root, path),
      lang,
      text: prose(readFileSync(path, 'utf8')),
    })),
  );
  const strings = (['ja', 'en'] as const).flatMap((lang) => {
    const json = JSON.parse(readFileSync(join(root, `content/i18n/${lang}.json`), 'utf8')) as Record<string, string>;
    return Object.entries(json).map(([key, value]) => ({ name: `content/i18n/${lang}.json ${key}`, lang, text: value }));
  });
  return [...pages, ...strings];
}

const terms = parseTerms(readFileSync(join(root, 'content/i18n/terms.md'), 'utf8'));

describe('the terminology table', () => {
  it('lists at least the terms issue 15 named', () => {
    const japanese = terms.map((term) => term.ja).join('\n');
    for (const term of [
      'フローティング IP',
      '機能低下',
      '許容されるエラーの数',
      'パススルー',
      '厳格モード',
      'TLS ターミネーション',
      'プローブ エージェント',
      '正常性プローブ',
      'プライベート IP',
      '自動スケーリング',
      '戻り',
      '要求',
      'Load Balancer',
    ]) {
      expect(japanese, term).toContain(term);
    }
  });

  it('gives every term a Japanese term, an English term and where it comes from', () => {
    for (const term of terms) {
      expect(term.ja, term.concept).not.toBe('');
      expect(term.en, term.concept).not.toBe('');
      expect(term.source, term.concept).not.toBe('');
    }
  });

  it.each([
    // A literal is matched as written, in Japanese files.
    ['内部 IP', 'ja', 'インスタンスの内部 IP', true],
    // en: moves the check to English files.
    ['en: internal IP', 'en', 'the internal IP of', true],
    // A regex may allow the form the guide uses on purpose.
    ['/Degraded(?!（機能低下）)/', 'ja', 'Degraded（機能低下）になる', false],
    ['/Degraded(?!（機能低下）)/', 'ja', 'Degraded になる', true],
  ] as const)('variant %s in %s: %s', (raw, lang, text, hit) => {
    const variant = parseVariant(raw);
    expect(variant.lang).toBe(lang);
    expect(variant.pattern.test(text)).toBe(hit);
  });

  it('strips code, ids and link targets before matching', () => {
    expect(prose('`mtls-passthrough` ## 見出し {#mtls-passthrough} [A](/ja/faq/x/#strict)')).not.toMatch(/strict|passthrough/i);
  });
});

describe('pages and UI strings use one term per concept', () => {
  const all = sources();
  it.each(terms.filter((term) => term.wrong.length > 0).map((term) => [term.concept, term] as const))('%s', (_, term) => {
    const found: string[] = [];
    for (const variant of term.wrong) {
      for (const source of all.filter((s) => s.lang === variant.lang)) {
        for (const match of source.text.matchAll(variant.pattern)) {
          const at = match.index ?? 0;
          const context = source.text.slice(Math.max(0, at - 20), at + match[0].length + 20).replace(/\n/g, ' ');
          found.push(`${source.name}: ${variant.label} in “${context}” (use ${term.ja})`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
