import { describe, expect, it } from 'vitest';
import { explorers } from '../../src/explorers.ts';
import { sequenceSource, type Step } from '../../src/diagram/sequence.ts';
import { translator } from '../../src/i18n.ts';

/**
 * Issue 32 (review H): request, reply and name resolution keep one colour each on every page. A band
 * that is none of them (a TLS session, a time window) is never drawn in one of their colours: on the
 * client-certificate FAQ "Session 2", a request-direction session, sat in the paths page's reply colour.
 */
const MEANINGS: Record<string, string> = {
  request: 'rgba(59, 130, 246, 0.16)',
  reply: 'rgba(234, 88, 12, 0.16)',
  dns: 'rgba(22, 163, 74, 0.16)',
};

/** The groups in source order (Mermaid's `rect` lines come in the same order), with their tint. */
const groups = (steps: readonly Step[]): (string | undefined)[] =>
  steps.flatMap((step) => (step.kind === 'group' ? [step.tint as string | undefined, ...groups(step.steps)] : []));

describe('band colours', () => {
  it.each(Object.keys(explorers))('%s: each band in its meaning’s colour, and no other band in one', (kind) => {
    const explorer = explorers[kind]!;
    const result = explorer.read({});
    if (!result.ok) throw new Error(kind);
    const diagram = explorer.view(result.scenario, translator('en')).diagram;
    const fills = [...sequenceSource(diagram).matchAll(/^\s*rect (.*)$/gm)].map((match) => match[1]);
    const tints = groups(diagram.steps);
    expect(fills).toHaveLength(tints.length);
    tints.forEach((tint, i) => {
      if (tint) expect(fills[i], `${kind} band ${i + 1}`).toBe(MEANINGS[tint]);
      else expect(Object.values(MEANINGS), `${kind} band ${i + 1}`).not.toContain(fills[i]);
    });
  });
});
