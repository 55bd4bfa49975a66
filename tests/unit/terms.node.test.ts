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
      'TLS 終端',
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

  it('lists the terms issue 25 named, each with a Learn ja-jp page', () => {
    for (const [ja, page] of [
      ['TLS 終端', 'ja-jp/azure/application-gateway/ssl-overview'],
      ['内部ロード バランサー', 'ja-jp/azure/load-balancer/components'],
      ['機能低下', 'ja-jp/azure/traffic-manager/traffic-manager-troubleshooting-degraded'],
      ['配信元グループ', 'ja-jp/azure/frontdoor/origin'],
      ['エッジ ロケーション', 'ja-jp/azure/frontdoor/front-door-traffic-acceleration'],
      ['分割 TCP', 'ja-jp/azure/frontdoor/front-door-traffic-acceleration'],
      ['カスタム規則', 'ja-jp/azure/web-application-firewall/afds/waf-front-door-custom-rules'],
      ['一致変数', 'ja-jp/azure/web-application-firewall/afds/waf-front-door-custom-rules'],
      ['要素', 'ja-jp/azure/application-gateway/how-application-gateway-works'],
      ['DNS 応答', 'ja-jp/azure/traffic-manager/traffic-manager-endpoint-types'],
      ['ファイアウォール', 'ja-jp/azure/firewall/snat-private-range'],
    ] as const) {
      const term = terms.find((row) => row.ja.includes(ja));
      expect(term?.source, ja).toContain(page);
    }
  });

  // Every new check must reject what the pages said before issue 25 and allow what Learn ja writes.
  it.each([
    ['TLS termination', 'TLS ターミネーションの設定', true],
    ['TLS termination', 'クライアントの接続はどこで終わるか', true],
    ['TLS termination', 'エッジは TLS を終端します', false],
    ['Azure Load Balancer (product name)', 'Application Gateway → 内部 Load Balancer', true],
    ['Azure Load Balancer (product name)', 'ロード バランサーを作成', true],
    ['Azure Load Balancer (product name)', 'Application Gateway → 内部ロード バランサー', false],
    ['Azure Load Balancer (product name)', 'パブリック ロード バランサーの場合', false],
    ['origin, origin group (Front Door)', 'Front Door → Private Link のオリジン', true],
    ['edge location (Front Door)', 'エッジの場所', true],
    ['split TCP (Front Door)', 'Microsoft はこれを Split TCP と呼んでいます', true],
    ['split TCP (Front Door)', 'Microsoft はこれを分割 TCP と呼んでいます', false],
    ['WAF custom rule', 'WAF のカスタム ルールでブロック', true],
    ['WAF custom rule', 'WAF のカスタム規則でブロック', false],
    ['WAF match variable', '照合変数 RemoteAddr', true],
    ['entry of X-Forwarded-For', '「X-Forwarded-For に値が 2 つある」', true],
    ['entry of X-Forwarded-For', 'X-Forwarded-For には 2 つの値が入ります', true],
    ['entry of X-Forwarded-For', 'クライアントは末尾から 2 番目の値です', true],
    ['entry of X-Forwarded-For', '信頼してよいのは最後の値だけです', true],
    ['entry of X-Forwarded-For', '前にある値はクライアントが自由に書ける', true],
    ['entry of X-Forwarded-For', '信頼してよいのは最後の要素だけです', false],
    ['entry of X-Forwarded-For', '4 つの値は次のように決まります', false],
    ['DNS response', 'エンドポイントを DNS で回答するだけです', true],
    ['DNS response', 'DNS 応答で返すだけです', false],
    ['Azure Firewall after its first mention', 'Firewall の DNAT 規則', true],
    ['Azure Firewall after its first mention', 'Azure Firewall の DNAT 規則と AzureFirewallSubnet', false],
    ['words this guide removed (issue 25): implementation words and calques', '各サービスは単独のページと同じ関数で計算され', true],
    ['words this guide removed (issue 25): implementation words and calques', 'ビルド時にエンジンで計算', true],
    ['words this guide removed (issue 25): implementation words and calques', '経路（サービスのキーをカンマ区切り）', true],
    ['words this guide removed (issue 25): implementation words and calques', 'あなたの配信元のアドレス', true],
    ['words this guide removed (issue 25): implementation words and calques', '自分の接続で要求を送り直します', true],
    ['words this guide removed (issue 25): implementation words and calques', '1 本の TCP 接続は 1 人のクライアントを意味しません', true],
    ['words this guide removed (issue 25): implementation words and calques', 'その都度そう書いています', true],
    ['words this guide removed (issue 25): implementation words and calques', '利用者が書き換えられると Microsoft は説明', true],
    ['words this guide removed (issue 25): implementation words and calques', '2 つの確認を計算で示す', true],
    ['example marker (UI strings)', 'IPv4 アドレス（例 203.0.113.10）', true],
    ['example marker (UI strings)', 'IPv4 アドレス（例: 203.0.113.10）', false],
    ['example marker (UI strings)', 'エニーキャスト アドレス（例）', false],
  ] as const)('%s: “%s” is rejected: %s', (concept, text, hit) => {
    const term = terms.find((row) => row.concept === concept);
    expect(term, concept).toBeDefined();
    expect(
      term!.wrong.some((variant) => variant.lang === 'ja' && new RegExp(variant.pattern.source, variant.pattern.flags).test(text)),
    ).toBe(hit);
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
