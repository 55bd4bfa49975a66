import { describe, expect, it } from 'vitest';
import { wrapText, sequenceSource } from '../../src/diagram/sequence.ts';
import { chip, chipList } from '../../src/view/table.ts';
import { compareTable } from '../../src/view/compare.ts';
import { h, toHtml } from '../../src/view/tree.ts';
import { translator } from '../../src/i18n.ts';

// The view side of SPEC §7: chips that never break, notes that wrap, search-friendly HTML.
describe('value chips', () => {
  it.each([
    // An IPv4 tuple has no break opportunity at all.
    ['203.0.113.10:50000', '<code class="atp-chip">203.0.113.10:50000</code>'],
    // An IPv6 tuple may break once, before the port; <wbr> is a void element.
    ['[2001:db8::10]:50000', '<code class="atp-chip">[2001:db8::10]<wbr>:50000</code>'],
    // A bare IPv6 address (brackets only come with a port) stays whole.
    ['2001:db8::10', '<code class="atp-chip">2001:db8::10</code>'],
  ])('%s', (value, html) => {
    expect(toHtml(chip(value))).toBe(html);
  });

  it('lays out a comma list as one chip per value, breakable only between them', () => {
    expect(chipList('10.0.1.4, 10.0.1.5').map(toHtml).join('')).toBe(
      '<code class="atp-chip">10.0.1.4</code>, <code class="atp-chip">10.0.1.5</code>',
    );
  });
});

describe('HTML for the search index', () => {
  it('separates table cells with whitespace so excerpts do not run words together', () => {
    const html = toHtml(h('tr', {}, h('th', {}, 'Service'), h('td', {}, 'Source')));
    expect(html).toBe('<tr><th>Service</th> <td>Source</td> </tr>');
  });
});

describe('note wrapping', () => {
  it.each([
    // Short enough: one line, untouched.
    ['Destination NAT', ['Destination NAT']],
    // Latin text breaks at spaces into balanced lines; the tuple stays whole.
    [
      'The client’s session terminates at the gateway; the instance opens session 2',
      ['The client’s session terminates at the', 'gateway; the instance opens session 2'],
    ],
    [
      'X-Forwarded-For: 198.51.100.7, 203.0.113.10:50000 and a little more text',
      ['X-Forwarded-For: 198.51.100.7,', '203.0.113.10:50000 and a', 'little more text'],
    ],
    // Japanese breaks between phrases (a word with its particles and endings; issue 32, review I:
    // ゲー|トウェイ, インスタン|ス were mid-word), never before a closing mark, never inside an address.
    [
      'クライアントのセッションはゲートウェイで終端し、インスタンスがセッション 2 を開く',
      ['クライアントのセッションは', 'ゲートウェイで終端し、', 'インスタンスがセッション 2 を開く'],
    ],
    // The review's cases: a compound stays whole (送信元, 切り替え), a particle stays with its word.
    ['エッジの送信元アドレス', ['エッジの送信元', 'アドレス'], 16],
    ['停止から切り替えまで', ['停止から', '切り替えまで'], 12],
    ['リージョン間ロード バランサー', ['リージョン間', 'ロード', 'バランサー'], 16],
    // A particle after a number stays with it.
    [
      't=160 秒: エンドポイント 1 を機能低下と判定。以降の DNS 応答はエンドポイント 2',
      ['t=160 秒: エンドポイント', '1 を機能低下と判定。以降の', 'DNS 応答はエンドポイント 2'],
      28,
    ],
  ])('%s', (text, lines, width?: number) => {
    expect(wrapText(text, width)).toEqual(lines);
  });

  it('never ends a line with an opening bracket, nor starts one with a closing mark', () => {
    for (let width = 6; width <= 16; width++) {
      const lines = wrapText('あいうえ（東京都 大阪府）と名古屋、福岡', width);
      // Nothing lost but the spaces a line breaks at.
      expect(lines.join('').replace(/\s/g, ''), `width ${width}`).toBe('あいうえ（東京都大阪府）と名古屋、福岡');
      for (const line of lines) expect(line, `width ${width}`).not.toMatch(/（$|^[）、]/u);
    }
  });

  it('draws a note about two participants over the middle one, so Mermaid sizes it to its text', () => {
    const source = sequenceSource({
      title: 't',
      description: 'd',
      participants: ['a', 'b', 'c'].map((key) => ({ key, label: [key] })),
      steps: [{ kind: 'note', over: ['a', 'c'], text: 'note' }],
    });
    expect(source).toContain('Note over p1: note');
  });

  // Issue 24: a narrower drawing. The box is as wide as its widest line.
  it.each([
    // A service name of two words takes two lines.
    [['Application Gateway', '10.0.0.10'], 'Application<br/>Gateway<br/>10.0.0.10'],
    // A short name stays on one line.
    [['Traffic Manager', '198.51.100.30'], 'Traffic Manager<br/>198.51.100.30'],
    // An address or a DNS name never breaks, however long.
    [['Endpoint 1', 'test01.japaneast.cloudapp.azure.com'], 'Endpoint 1<br/>test01.japaneast.cloudapp.azure.com'],
  ])('draws the participant %j on lines of 16 cells at most', (label, expected) => {
    const source = sequenceSource({ title: 't', description: 'd', participants: [{ key: 'a', label }], steps: [] });
    expect(source).toContain(`participant p0 as ${expected}\n`);
  });
});

describe('comparison matrix, turned', () => {
  it.each(['ja', 'en'] as const)('%s: each cell carries data-service and data-field (SPEC §5)', (lang) => {
    const html = toHtml(compareTable(translator(lang)));
    expect(html).toMatch(/data-field="source-at-backend" data-value="client" data-service="load-balancer"/);
    expect(html).toMatch(/data-field="source-at-backend" data-value="instance" data-service="application-gateway"/);
    expect(html).toMatch(/data-field="probe-source" data-value="AzureTrafficManager" data-service="traffic-manager"/);
    // Services are the columns: one header cell per service after the property column.
    // Five services; the cross-region tier stands beside Load Balancer and says "same" where the two agree.
    expect(html.match(/<th scope="col">/g)).toHaveLength(6);
    expect(html).toMatch(/data-field="source-at-backend" data-value="client" data-service="cross-region-load-balancer"/);
    expect(html).toMatch(/data-field="source-at-backend" data-value="edge" data-service="front-door"/);
  });

  it('the cross-region column says "same as Load Balancer" on the 7 rows where the tiers agree, and its own words on probes and scope', () => {
    const cells = (lang: 'ja' | 'en') =>
      [
        ...toHtml(compareTable(translator(lang))).matchAll(
          /data-field="([a-z-]+)" data-value="([^"]*)" data-service="cross-region-load-balancer">([^<]*(?:<[^>]*>[^<]*<\/[^>]*>)?[^<]*)</g,
        ),
      ].map(([, field, value, text]) => [field, value, text]);
    expect(cells('en')).toEqual([
      ['layer', 'l4', 'Same as Load Balancer'],
      ['data-path', 'yes', 'Same as Load Balancer'],
      ['terminates', 'no', 'Same as Load Balancer'],
      ['source-at-backend', 'client', 'Same as Load Balancer'],
      ['destination-at-backend', 'own-ip', 'Same as Load Balancer'],
      ['cert-reaches-backend', 'yes', 'Same as Load Balancer'],
      ['client-ip-how', 'packet-source', 'Same as Load Balancer'],
      ['probe-source', 'none', 'None of its own: it reads the regional Load Balancers’ health'],
      ['scope', 'global', 'Global'],
    ]);
    expect(cells('ja').map(([, , text]) => text)).toEqual([
      ...Array<string>(7).fill('Load Balancer と同じ'),
      '自分では送らない（各リージョンの Load Balancer の正常性を読む）',
      'グローバル',
    ]);
  });
});
