/**
 * Generated Japanese text keeps the spacing rule between Japanese and Latin text (issue 30): a Latin
 * letter or a digit never touches kana or kanji directly (「ここではNAT ゲートウェイが」 was the defect).
 * Checked on what every explorer renders — verdict, tables, notes and diagram — for several
 * scenarios each, not only the defaults, since placeholders fill in at run time.
 */
import { describe, expect, it } from 'vitest';
import { explorers } from '../../src/explorers.ts';
import { translator } from '../../src/i18n.ts';
import type { RawParams } from '../../src/model/shared/params.ts';
import type { Step } from '../../src/diagram/sequence.ts';
import type { TreeNode } from '../../src/view/tree.ts';

/** Elements a reader sees as separate blocks (cells, rows, paragraphs, a leg above its note): text inside one runs on. */
const BLOCKS = new Set(['table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'p', 'div', 'li', 'ul', 'ol', 'pre', 'figure']);
const isBlock = (node: TreeNode) => typeof node !== 'string' && (BLOCKS.has(node.tag) || /\batp-(leg|note)\b/.test(node.attrs.class ?? ''));

/** The text as rendered: inline pieces joined as they stand, blocks apart. */
const text = (node: TreeNode): string =>
  typeof node === 'string' ? node : node.children.map((child) => (isBlock(child) ? `\n${text(child)}\n` : text(child))).join('');

const stepTexts = (steps: readonly Step[]): string[] =>
  steps.flatMap((step) => [
    ...('text' in step ? (Array.isArray(step.text) ? step.text : [step.text]) : []),
    ...('label' in step && typeof step.label === 'string' ? [step.label] : []),
    ...('steps' in step ? stepTexts(step.steps) : []),
  ]);

/** Scenarios beyond each page's defaults that bring other generated sentences out. */
const EXTRA: Readonly<Record<string, readonly RawParams[]>> = {
  'load-balancer': [
    { floating: '1' },
    { client: '10.0.1.4', lbip: '10.0.1.100' },
    { client: '10.0.1.4', lbip: '10.0.1.100', pick: '2' },
    { client: '10.0.1.4', floating: '1' },
  ],
  'application-gateway': [{ backends: '198.51.100.80' }, { tls: 'mtls-strict' }, { xffin: '198.51.100.7' }],
  path: [
    { chain: 'fd,pls,lb', proxy: '1' },
    { chain: 'pls,lb', proxy: '1' },
    { chain: 'agw,fwr' },
    { chain: 'agw,fwr', fwrule: 'app' },
    { chain: 'tm,agw' },
    { chain: 'fw,agw' },
    { chain: 'agw,lb', floating: '1' },
    { chain: 'lb', client: '10.0.1.4', lbip: '10.0.1.100' },
    { chain: 'lb', client: '2001:db8::10', lbip: '2001:db8::100', backends: '2001:db8:1::4' },
    { chain: 'agw', backends: '198.51.100.80' },
  ],
  outbound: [
    { egress: 'natgw' },
    { egress: 'natgw,lb' },
    { egress: 'ilpip,lb,default' },
    { egress: 'fw,natgw,ilpip,lb,default' },
    { egress: 'fw' },
    { egress: 'ilpip' },
    { egress: 'default' },
    { rate: '5000' },
  ],
  failover: [{ ttl: '0' }, { ttl: '300' }],
};

describe.each(Object.keys(explorers))('%s: generated Japanese text keeps Latin text apart from kana and kanji', (kind) => {
  const definition = explorers[kind]!;
  const t = translator('ja');
  const scenarios = [{}, ...(EXTRA[kind] ?? [])].filter((raw) => definition.read(raw).ok);

  it.each(scenarios.map((raw) => [JSON.stringify(raw), raw] as const))('%s', (_, raw) => {
    const result = definition.read(raw);
    if (!result.ok) return;
    const view = definition.view(result.scenario, t);
    const texts = [
      view.verdict?.text ?? '',
      ...view.outputs.map(text),
      view.diagram.title,
      view.diagram.description,
      ...view.diagram.participants.flatMap((p) => p.label),
      ...stepTexts(view.diagram.steps),
    ];
    const touching = texts.flatMap((line) =>
      [
        ...line.matchAll(/[A-Za-z0-9][\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Han}]|[\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Han}][A-Za-z0-9]/gu),
      ].map((match) => line.slice(Math.max(0, match.index - 12), match.index + 14)),
    );
    expect(touching).toEqual([]);
  });
});
