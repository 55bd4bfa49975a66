import { describe, expect, test } from 'vitest';
import { explorerFor, explorers, type ExplorerKind } from '../../src/explorers.ts';
import type { ParamSpec } from '../../src/model/shared/params.ts';

/**
 * Hostile and malformed values for every parameter of every explorer (SPEC §2): each must be
 * refused as an error on that parameter. The parser is the same in both languages and in the
 * browser, so this runs here; tests/e2e/bad-input.spec.ts checks the page once per explorer kind.
 */
const HOSTILE = [
  '',
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 1">',
  '%%{init: {"theme": "dark"}}%%',
  'x\nparticipant evil',
  ';',
  '#',
  '%%',
  '99999999999999999999999999',
  '-1',
  '1e3',
  '２０３．０．１１３．１０',
  '😀',
  'javascript:window.__pwned=1',
  "' OR '1'='1",
  // IPv4 written as IPv6: the loose dotted tail ipaddr.js accepts, and the mapped and compatible forms
  '::ffff:0x7f.0.0.1',
  '::ffff:10.0.0.9',
  '::10.0.0.5',
];

/**
 * Empty text is valid where the spec says it means something (`ParamSpec.optional`: no
 * X-Forwarded-For of the client's own, no failure, the default allocation table); every other
 * hostile value is refused everywhere.
 */
const cases = (Object.keys(explorers) as ExplorerKind[]).flatMap((kind) =>
  Object.entries(explorerFor(kind).params as Record<string, ParamSpec<unknown>>).flatMap(([param, spec]) =>
    HOSTILE.filter((value) => !(value === '' && spec.optional)).map((value) => [kind, param, value] as const),
  ),
);

describe('hostile parameter values', () => {
  test('cover every explorer kind', () => {
    expect(new Set(cases.map(([kind]) => kind))).toEqual(new Set(Object.keys(explorers)));
  });

  test.each(cases)('%s: %s=%j is refused on that parameter', (kind, param, value) => {
    const result = explorerFor(kind).read({ [param]: value });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((error) => error.param)).toContain(param);
  });
});
