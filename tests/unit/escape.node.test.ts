import { describe, expect, it } from 'vitest';
import { escapeMermaid } from '../../src/diagram/escape.ts';
import { sequenceSource } from '../../src/diagram/sequence.ts';
import { escapeHtml, h, toHtml } from '../../src/view/tree.ts';
import { explorerFor, explorers, type ExplorerKind } from '../../src/explorers.ts';
import { translator } from '../../src/i18n.ts';

/** Strings that would change a diagram or a page if they reached Mermaid or HTML unescaped. */
const HOSTILE = [
  '%%{init: {"theme": "dark", "securityLevel": "loose"}}%%',
  'x\nparticipant evil as Evil',
  'x\r\nNote over p0: injected',
  'a;b',
  '#35; already an entity',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'click p0 call alert(1)',
  'style p0 fill:#f00',
  'classDef x fill:#f00',
  '"quoted" & {braced} $dollar \\back `tick`',
  'end',
  'x\u2028y\u2029z',
];

describe('escapeMermaid', () => {
  it.each([
    ['#', '#35;'],
    [';', '#59;'],
    ['<', '#60;'],
    ['>', '#62;'],
    ['&', '#38;'],
    ['"', '#34;'],
    ['$', '#36;'],
    ['%', '#37;'],
    ['{', '#123;'],
    ['}', '#125;'],
    ['\\', '#92;'],
    ['`', '#96;'],
    ['a\nb', 'a b'],
  ])('writes %j as %j', (input, output) => {
    expect(escapeMermaid(input)).toBe(output);
  });

  it('leaves addresses readable: dots, colons and brackets pass through', () => {
    expect(escapeMermaid('(1) [2001:db8::10]:50000 → 198.51.100.10:443')).toBe('(1) [2001:db8::10]:50000 → 198.51.100.10:443');
  });

  it.each(HOSTILE)('leaves no statement-breaking character in %j', (input) => {
    // Once the entities this function wrote are taken out, no special character is left.
    const bare = escapeMermaid(input).replace(/#\d+;/g, '');
    expect(bare).not.toMatch(/[\n\r\u2028\u2029#;%<>&"{}\\`$]/);
  });
});

describe('sequenceSource with hostile labels', () => {
  it.each(HOSTILE)('keeps %j inside one label line', (input) => {
    const source = sequenceSource({
      title: input,
      description: input,
      participants: [
        { key: 'a', label: [input, '192.0.2.1'] },
        { key: 'b', label: [input] },
      ],
      steps: [
        { kind: 'message', from: 'a', to: 'b', text: input },
        { kind: 'note', over: ['a', 'b'], text: input },
        { kind: 'group', label: input, steps: [{ kind: 'message', from: 'b', to: 'a', text: input, reply: true }] },
      ],
    });
    const lines = source.trimEnd().split('\n');
    // Fixed shape: header, accTitle, accDescr, 2 participants, message, note, rect, group note, message, end.
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('sequenceDiagram');
    expect(lines[3]).toMatch(/^participant p0 as /);
    expect(lines[4]).toMatch(/^participant p1 as /);
    expect(lines[5]).toMatch(/^ {2}p0->>p1: /);
    expect(source).not.toContain('%%');
    expect(source).not.toMatch(/<(?!br\/>)/);
  });

  it('refuses a step that names an unknown participant', () => {
    expect(() =>
      sequenceSource({ title: 't', description: 'd', participants: [], steps: [{ kind: 'message', from: 'x', to: 'y', text: '' }] }),
    ).toThrow(/Unknown participant/);
  });
});

describe("the site's own diagram sources", () => {
  // Before parsing, Mermaid rewrites a line that matches its style or classDef pattern (the last
  // `;` goes, and the label after the last entity is lost), and a label that starts with `wrap:` or
  // `nowrap:` loses that prefix. Escaping `:` would rule both out but makes Mermaid measure the
  // escaped text (wider drawings), so the site's texts are checked instead: the pages' scenarios
  // and the edited ones the golden tests use.
  const scenarios: Partial<Record<ExplorerKind, Record<string, string>[]>> = {
    'front-door': [{ xffin: '198.51.100.7' }],
    'application-gateway': [{ xffin: '198.51.100.7' }, { client: '2001:db8::10', agwip: '2001:db8:1::10', tls: 'mtls-strict' }],
    failover: [{ ttl: '300' }],
    'load-balancer': [{ client: '2001:db8::10', lbip: '2001:db8:1::10', backends: '2001:db8:2::4,2001:db8:2::5', cport: '50001' }],
  };
  const REWRITTEN = /(style|classDef).*:\S*#.*;/;
  const WRAP_PREFIX = /^\s*(participant \S+ as |(\S+-{1,2}>>\S+|Note over [^:]+): ):?(no)?wrap:/;

  it('the patterns catch the lines Mermaid rewrites', () => {
    expect('  p0->>p1: style 10.0.1.4:443#59; kept#59;').toMatch(REWRITTEN);
    expect('  Note over p1: wrap:text').toMatch(WRAP_PREFIX);
    expect('  p1-->>p0: nowrap:text').toMatch(WRAP_PREFIX);
    expect('participant p0 as wrap:text').toMatch(WRAP_PREFIX);
    expect('  p0->>p1: 203.0.113.10:50000<br/>→ 198.51.100.10:443').not.toMatch(REWRITTEN);
  });

  for (const kind of Object.keys(explorers) as ExplorerKind[]) {
    for (const lang of ['ja', 'en'] as const) {
      it(`${kind} (${lang}) never matches Mermaid's own rewrites`, () => {
        const definition = explorerFor(kind);
        for (const raw of [{}, ...(scenarios[kind] ?? [])]) {
          const result = definition.read(raw);
          if (!result.ok) throw new Error(`${kind} ${JSON.stringify(raw)}: ${JSON.stringify(result.errors)}`);
          const view = definition.view(result.scenario, translator(lang));
          for (const diagram of [view.diagram, ...(view.printParts ?? [])]) {
            for (const line of sequenceSource(diagram).split('\n')) {
              expect(line).not.toMatch(REWRITTEN);
              expect(line).not.toMatch(WRAP_PREFIX);
            }
          }
        }
      });
    }
  }
});

describe('view tree to HTML', () => {
  it('escapes text and attribute values', () => {
    const html = toHtml(h('td', { 'data-value': '"><script>x</script>' }, '<b>&</b>'));
    expect(html).toBe('<td data-value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;">&lt;b&gt;&amp;&lt;/b&gt;</td>');
  });
  it('refuses event-handler attributes and odd tag names', () => {
    expect(() => toHtml(h('td', { onclick: 'x' }))).toThrow(/Unsafe attribute/);
    expect(() => toHtml(h('td x', {}))).toThrow(/Unsafe tag/);
  });
  it('escapes single quotes too', () => {
    expect(escapeHtml("'")).toBe('&#39;');
  });
});
