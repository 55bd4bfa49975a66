import ja from '../content/i18n/ja.json';
import en from '../content/i18n/en.json';
import { withoutBase } from './base.ts';

export type Lang = 'ja' | 'en';
export type Strings = Readonly<Record<string, string>>;
export type Args = Readonly<Record<string, string | number>>;

/** Every UI string's key, from the Japanese dictionary (a test keeps the English one in step). */
export type UiKey = keyof typeof ja;

/** Looks up a UI string and fills its `{name}` slots. A missing key is a bug, so it throws. */
export type Translate = (key: UiKey, args?: Args) => string;

const dictionaries: Record<Lang, Strings> = { ja, en };

export function isLang(value: string): value is Lang {
  return value === 'ja' || value === 'en';
}

/**
 * The language of a page from its path (`/ja/…`, `/en/…`, or under the site's base path,
 * `/azure-traffic-paths/en/…`); Japanese is the default. The base is Astro's, where there is one.
 */
export function langOfPath(pathname: string, base: string = import.meta.env?.BASE_URL ?? '/'): Lang {
  const segment = (withoutBase(pathname, base) ?? pathname).split('/')[1] ?? '';
  return isLang(segment) ? segment : 'ja';
}

/**
 * A key made at run time from data the compiler cannot see through (a parameter name from the URL,
 * a rule code): checked here against the dictionary, so the one unchecked step has a name.
 */
export function uiKey(text: string): UiKey {
  if (!Object.hasOwn(dictionaries.ja, text)) throw new Error(`Missing UI string "${text}"`);
  return text as UiKey;
}

const translators = new Map<Lang, Translate>();

export function translator(lang: Lang): Translate {
  // One function per language: a view that keeps a result for the same translator (the lookup's
  // drawn match) finds it again at the next edit.
  let t = translators.get(lang);
  if (!t) translators.set(lang, (t = translate(lang)));
  return t;
}

function translate(lang: Lang): Translate {
  const strings = dictionaries[lang];
  return (key, args = {}) => {
    const template = strings[key];
    if (template === undefined) throw new Error(`Missing UI string "${key}" for ${lang}`);
    return template.replace(/\{(\w+)\}/g, (slot, name: string, at: number) => {
      if (!(name in args)) return slot;
      const value = String(args[name]);
      return lang === 'ja' ? spaced(template[at - 1] ?? '', value, template[at + slot.length] ?? '') : value;
    });
  };
}

const JAPANESE = /[\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Han}]/u;
const LATIN = /[A-Za-z0-9]/;

/**
 * A value put into Japanese text keeps the guide's spacing rule: a half-width space between
 * Japanese and Latin letters or digits, on whichever side they meet (「ここでは {value} が」 where the
 * value is "NAT ゲートウェイ", none where it is 「既定の送信アクセス」). Templates are written with
 * the slot against the Japanese; the value decides.
 */
function spaced(before: string, value: string, after: string): string {
  const head = JAPANESE.test(before) && LATIN.test(value[0] ?? '') ? ' ' : '';
  const tail = LATIN.test(value.at(-1) ?? '') && JAPANESE.test(after) ? ' ' : '';
  return `${head}${value}${tail}`;
}

/** Every key of a dictionary, for the test that keeps the two languages in step. */
export function stringKeys(lang: Lang): string[] {
  return Object.keys(dictionaries[lang]).sort();
}
