import { describe, expect, it } from 'vitest';
import before from './fixtures/path-legs.json' with { type: 'json' };
import { snapshot } from './path-legs-snapshot.ts';

// Issue 33: the stage contract changed (kinds, `precedes`, how the next stage is reached). Every
// chain that was valid before gives the same legs, summary, NSG rows, warnings and checks as then.
describe('every chain valid before the stage contract changed', () => {
  it.each(before.map((entry) => [entry.chain, JSON.stringify(entry.variant), entry] as const))('%s %s', (chain, _, entry) => {
    expect(snapshot(chain, entry.variant as Record<string, string>)).toEqual(entry);
  });
});
