import { describe, expect, it, test } from 'vitest';
import { langOfPath, stringKeys, translator, uiKey, type UiKey } from '../../src/i18n.ts';

describe('UI strings', () => {
  it('Japanese and English have exactly the same keys', () => {
    expect(stringKeys('en')).toEqual(stringKeys('ja'));
  });
  it('fills slots and keeps unknown ones visible', () => {
    const t = translator('en');
    expect(t('rule.int', { field: 'Port', min: 1, max: 65535 })).toBe('Port: enter a whole number from 1 to 65535.');
    expect(t('rule.int', { field: 'Port' })).toContain('{min}');
  });
  it('throws on a missing key, so a typo cannot ship as a blank label', () => {
    expect(() => translator('ja')('no.such.key' as UiKey)).toThrow(/Missing UI string/);
  });
  it('uses the same slots in both languages for every key', () => {
    const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const ja = translator('ja');
    const en = translator('en');
    for (const key of stringKeys('ja')) {
      const raw = (t: typeof ja) => t(uiKey(key));
      expect(slots(raw(en)), key).toEqual(slots(raw(ja)));
    }
  });
});

describe('langOfPath', () => {
  test.each([
    ['/en/load-balancer/', '/', 'en'],
    ['/ja/', '/', 'ja'],
    ['/', '/', 'ja'],
    // Under a base path the language is the segment after it, not the base's own name.
    ['/azure-traffic-paths/en/load-balancer/', '/azure-traffic-paths/', 'en'],
    ['/azure-traffic-paths/en/print/', '/azure-traffic-paths', 'en'],
    ['/azure-traffic-paths/ja/', '/azure-traffic-paths/', 'ja'],
    ['/en/x/', '/azure-traffic-paths/', 'en'],
  ])('%s under %s is %s', (path, base, lang) => {
    expect(langOfPath(path, base)).toBe(lang);
  });
});
