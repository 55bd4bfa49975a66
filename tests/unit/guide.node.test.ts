import { describe, expect, test } from 'vitest';
import { GUIDE_ORDER, guidePdfUrl, localiseGuideLinks } from '../../src/guide.ts';

describe('localiseGuideLinks', () => {
  test.each([
    // a page of the guide becomes its section on the print page
    ['<a href="/ja/load-balancer/">LB</a>', '<a href="#page-load-balancer">LB</a>'],
    ['<a href="/ja/">top</a>', '<a href="#page-index">top</a>'],
    ['<a href="/ja/faq/client-ip/">IP</a>', '<a href="#page-faq-client-ip">IP</a>'],
    // a heading keeps its own id (ids are unique across the guide)
    ['<a href="/ja/load-balancer/#floating-ip">F</a>', '<a href="#floating-ip">F</a>'],
    // the print page itself goes to its table of contents
    ['<a href="/ja/print/">print</a>', '<a href="#print-contents">print</a>'],
    // the other language, outside links and in-page links stay
    ['<a href="/en/load-balancer/">LB</a>', '<a href="/en/load-balancer/">LB</a>'],
    ['<a href="https://learn.microsoft.com/ja-jp/azure/">MS</a>', '<a href="https://learn.microsoft.com/ja-jp/azure/">MS</a>'],
    ['<a href="#floating-ip">F</a>', '<a href="#floating-ip">F</a>'],
    // only links change: the same text in another attribute or in text is left alone
    ['<p data-x="/ja/load-balancer/">/ja/load-balancer/</p>', '<p data-x="/ja/load-balancer/">/ja/load-balancer/</p>'],
    ['<link href="/ja/load-balancer/">', '<link href="/ja/load-balancer/">'],
  ])('%s', (html, expected) => {
    expect(localiseGuideLinks(html, 'ja', GUIDE_ORDER)).toBe(expected);
  });
});

describe('guidePdfUrl', () => {
  test.each([
    // the default build
    ['/', 'ja', '/guide-ja.pdf'],
    // a sub-path deploy, whether the base ends in a slash or not
    ['/azure-traffic-paths/', 'en', '/azure-traffic-paths/guide-en.pdf'],
    ['/azure-traffic-paths', 'ja', '/azure-traffic-paths/guide-ja.pdf'],
  ])('%s, %s → %s', (base, lang, expected) => {
    expect(guidePdfUrl(base, lang)).toBe(expected);
  });
});
